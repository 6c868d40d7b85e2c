"""The font names the Word export writes for each face role, as the user chose them. Qt-free.

A DOCX does not carry its fonts: it names them (w:rFonts in every style and run), and Word sets the text in the
named font when the reader's computer has it, else in the font table's fallback (w:altName). The names in
`planbook.layout.FACES` are the usual ones (方正小标宋简体, 仿宋_GB2312, 黑体, 楷体_GB2312, 宋体); many offices use
others (方正仿宋_GBK, 华文中宋 …), kept in a small JSON file of their own beside the PDF writer's fonts.json:

    {"fangsong": "方正仿宋_GBK", "xiaobiaosong": "方正小标宋_GBK"}

`word-fonts.json` in the config folder (`~/.config/planbook/` on Linux), or the file `$PLANBOOK_WORD_FONTS`. A
missing file or key keeps the default name. Names are checked as Word needs them: not empty, at most 31
characters, no control characters. A file that cannot be read is an error naming it, never replaced on the
quiet (the window offers to put it aside). `user_faces()` is what the DOCX writers use when no faces are given.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from pathlib import Path

from ..core.errors import PlanbookError
from ..core.messages import QT_TRANSLATE_NOOP, Message
from ..layout import FACES, Face
from . import check_roles, read_settings, settings_file, write_settings

WORD_FONTS_ENV = "PLANBOOK_WORD_FONTS"  # a word-fonts.json elsewhere than the user's config folder
WORD_FONT_KEYS = tuple(FACES)  # xiaobiaosong fangsong heiti kaiti song, in the order a settings page lists them
MAX_NAME = 31  # Word keeps 31 UTF-16 units of a font name (LOGFONT's LF_FACESIZE less the terminating NUL)

# The names offices use for each role, the default first: document vocabulary, offered as choices, not translated.
COMMON_NAMES: dict[str, tuple[str, ...]] = {
    "xiaobiaosong": ("方正小标宋简体", "方正小标宋_GBK", "华文中宋", "宋体"),
    "fangsong": ("仿宋_GB2312", "方正仿宋_GBK", "仿宋"),
    "heiti": ("黑体", "方正黑体_GBK", "方正黑体简体"),
    "kaiti": ("楷体_GB2312", "方正楷体_GBK", "楷体"),
    "song": ("宋体",),
}

# Why a name cannot be a Word font name, by stable key (the window words the refusal, the CLI prints the sentence).
NAME_PROBLEMS = {
    "empty": QT_TRANSLATE_NOOP("Messages", "the name is empty"),
    "too_long": QT_TRANSLATE_NOOP("Messages", "the name has {length} characters; Word allows at most {limit}"),
    "control": QT_TRANSLATE_NOOP("Messages", "the name contains an invisible or control character (U+{code})"),
}


class WordFontNameError(PlanbookError):
    """A name Word cannot use for a font; `problem` is a NAME_PROBLEMS key, `reason` the Message saying why."""

    def __init__(self, name: str, problem: str, /, **fields: object) -> None:
        self.name, self.problem = name, problem
        self.reason = Message(NAME_PROBLEMS[problem], **fields)
        super().__init__(
            QT_TRANSLATE_NOOP("Messages", "“{name}” cannot be a Word font name: {reason}"),
            name=_visible(name),
            reason=self.reason,
        )


class WordFontSettingsError(PlanbookError):
    """word-fonts.json exists but cannot be read as {role: font name}; it is never overwritten on the quiet."""

    def __init__(self, path: Path, template: str, /, **fields: object) -> None:
        self.path = Path(path)
        super().__init__(template, path=self.path, **fields)


def _invisible(ch: str) -> bool:
    return unicodedata.category(ch).startswith("C")  # controls, format marks (U+200B, U+FEFF), noncharacters


def _visible(name: str) -> str:
    """The name as one printable line: a tab or line break in it shown as \\u0009, not acted on."""
    return "".join(f"\\u{ord(ch):04x}" if _invisible(ch) else ch for ch in name)


def check_name(name: str) -> str:
    """`name` without surrounding white space, if Word can use it as a font name; WordFontNameError otherwise."""
    name = name.strip()
    if not name:
        raise WordFontNameError(name, "empty")
    for ch in name:
        if _invisible(ch):
            raise WordFontNameError(name, "control", code=f"{ord(ch):04X}")
    length = len(name.encode("utf-16-le")) // 2
    if length > MAX_NAME:
        raise WordFontNameError(name, "too_long", length=length, limit=MAX_NAME)
    return name


def user_word_fonts_file() -> Path:
    """Where the user's Word font names are kept: word-fonts.json beside fonts.json, or $PLANBOOK_WORD_FONTS."""
    return settings_file(WORD_FONTS_ENV, "word-fonts.json")


def read_word_fonts(path: Path | None = None) -> dict[str, str]:
    """The user's Word font names by role (only the roles they chose); an unreadable file is an error."""
    path = path or user_word_fonts_file()
    problems = {
        "unreadable": QT_TRANSLATE_NOOP("Messages", "cannot read the Word font settings file {path}: {reason}"),
        "not_object": QT_TRANSLATE_NOOP(
            "Messages", "the Word font settings file {path} must be an object {{role: font name}}"
        ),
        "unknown": QT_TRANSLATE_NOOP(
            "Messages", "the Word font settings file {path} names unknown roles: {unknown} (known: {known})"
        ),
    }

    def refuse(problem: str, error: Exception | None = None, **fields) -> WordFontSettingsError:
        reason = {"reason": getattr(error, "strerror", None) or error} if error is not None else {}
        return WordFontSettingsError(path, problems[problem], **reason, **fields)

    data = read_settings(path, WORD_FONT_KEYS, refuse)
    names: dict[str, str] = {}
    for key in WORD_FONT_KEYS:
        value = data.get(key)
        if value is None or value == "":
            continue
        if not isinstance(value, str):
            raise WordFontSettingsError(
                path,
                QT_TRANSLATE_NOOP("Messages", "in the Word font settings file {path}, {key} must be a font name"),
                key=key,
            )
        try:
            names[key] = check_name(value)
        except WordFontNameError as e:
            raise WordFontSettingsError(
                path,
                QT_TRANSLATE_NOOP("Messages", "in the Word font settings file {path}, {key}: {reason}"),
                key=key,
                reason=e.message,
            ) from e
    return names


def save_word_fonts(names: Mapping[str, str], path: Path | None = None) -> Path:
    """Write word-fonts.json (temporary file, then rename) with only the known roles; returns where it went.

    Every name is checked first, so nothing is written when one is bad. The caller reads the file first with
    `read_word_fonts`, so a file that cannot be read is never replaced without the user knowing.
    """
    check_roles(names, WORD_FONT_KEYS)
    data = {key: check_name(names[key]) for key in WORD_FONT_KEYS if names.get(key)}
    return write_settings(path or user_word_fonts_file(), data)


def face_named(role: str, name: str) -> Face:
    """The role's Face under `name`: the default's fallback kept (or, for a role with none, the default name
    itself, which every Chinese Windows has), unless it is the chosen name."""
    default = FACES[role]
    if name == default.docx_name:
        return default
    alt = default.docx_alt or default.docx_name
    return Face(role, name, None if alt == name else alt)


def faces_for(names: Mapping[str, str]) -> dict[str, Face]:
    """FACES with the roles in `names` under those names."""
    return {role: face_named(role, names[role]) if role in names else face for role, face in FACES.items()}


def user_faces(path: Path | None = None) -> dict[str, Face]:
    """FACES with the user's names from word-fonts.json; WordFontSettingsError when the file cannot be read."""
    return faces_for(read_word_fonts(path))


def resolve_faces(faces: Mapping[str, Face] | None) -> dict[str, Face]:
    """What a DOCX writer sets its text in: the faces given (over the defaults), else the user's setting."""
    return user_faces() if faces is None else {**FACES, **faces}
