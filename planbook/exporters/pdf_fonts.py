"""The PDF's font settings: which TrueType files play the style sheet's face roles (the bundled Fandol faces, or
the user's own named in fonts.json), loading them into reportlab, and checking a file before it is saved.

Beside `docx_fonts` (the names written into Word files); the PDF typesetter (`pdf_writer`) and the window's
Preferences ▸ PDF Fonts and `planbook fonts` read it. Moved out of `pdf_writer`, which still re-exports these
names for callers of the old place.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from ..core.errors import PlanbookError
from ..core.messages import QT_TRANSLATE_NOOP, Message
from ..layout import STYLES
from . import check_roles, read_settings, settings_file, write_settings

BODY = STYLES["body"].size_pt  # the size a chosen file's sample is set in

FONT_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"
FONT_DIR_ENV = "PLANBOOK_FONT_DIR"  # another folder holding the same file names (packagers, tests)
FACES = {  # role → (reportlab name, file)
    "fang": ("FandolFang", "FandolFang-Regular.ttf"),
    "hei": ("FandolHei", "FandolHei-Regular.ttf"),
    "kai": ("FandolKai", "FandolKai-Regular.ttf"),
    "title": ("PlanbookTitleSerif", "PlanbookTitleSerif-Bold.ttf"),
    "digits": ("PlanbookPageDigits", "PlanbookPageDigits-Regular.ttf"),
    "fallback": ("PlanbookFallbackSerif", "PlanbookFallbackSerif-Regular.ttf"),
}

# The shared style sheet names face roles; these are the bundled faces that play them.
ROLE_OF_FACE = {"xiaobiaosong": "title", "fangsong": "fang", "heiti": "hei", "kaiti": "kai", "song": "digits"}
# fonts.json keys, in the order a settings page lists them, and the writer role each one replaces.
FONT_KEYS = ("xiaobiaosong", "fangsong", "heiti", "kaiti", "song", "fallback")
ROLE_OF_KEY = {**ROLE_OF_FACE, "fallback": "fallback"}
KEY_OF_ROLE = {role: key for key, role in ROLE_OF_KEY.items()}
FONTS_FILE_ENV = "PLANBOOK_FONTS"  # a fonts.json elsewhere than the user's config folder

# What a chosen file must be able to draw for its role (the 宋体 face only prints page numbers).
FONT_NEEDS = {key: "0123456789" if key == "song" else "中华人民共和国政府工作要点" for key in FONT_KEYS}

# Why a font file cannot be used, by stable key (the window words it by key, the CLI prints the sentence).
FONT_PROBLEMS = {
    "not_found": QT_TRANSLATE_NOOP("Messages", "the file does not exist"),
    "unreadable": QT_TRANSLATE_NOOP("Messages", "the file cannot be read"),
    "postscript": QT_TRANSLATE_NOOP(
        "Messages",
        "it is an OpenType font with PostScript (CFF) outlines; a PDF can "
        "embed only fonts with TrueType outlines (.ttf, .ttc)",
    ),
    "no_embedding": QT_TRANSLATE_NOOP("Messages", "the font's licence does not allow embedding it in a PDF"),
    "not_a_font": QT_TRANSLATE_NOOP("Messages", "it is not a usable TrueType font file"),
    "bad_face": QT_TRANSLATE_NOOP("Messages", "the font collection has no such face"),
    "no_hanzi": QT_TRANSLATE_NOOP("Messages", "the font has no Chinese characters"),
    "no_digits": QT_TRANSLATE_NOOP("Messages", "the font has no digits for the page numbers"),
}


class FontFileError(PlanbookError):
    """A font file the PDF writer cannot use; `problem` is a FONT_PROBLEMS key, `key` the fonts.json key it was
    chosen for (None for a bundled face)."""

    def __init__(self, path: Path, problem: str, detail: str = "", key: str | None = None) -> None:
        self.path, self.problem, self.detail, self.key = Path(path), problem, detail, key
        fields = dict(path=self.path, reason=Message(FONT_PROBLEMS[problem]), detail=f" ({detail})" if detail else "")
        if key:
            super().__init__(
                QT_TRANSLATE_NOOP("Messages", "cannot use the font file {path} (font setting {key}): {reason}{detail}"),
                key=key,
                **fields,
            )
        else:
            super().__init__(
                QT_TRANSLATE_NOOP("Messages", "cannot use the font file {path}: {reason}{detail}"), **fields
            )


class FontSettingsError(PlanbookError):
    """fonts.json exists but cannot be read as {key: font file}; it is never overwritten on the quiet."""

    def __init__(self, path: Path, template: str, /, **fields: object) -> None:
        self.path = Path(path)
        super().__init__(template, path=self.path, **fields)


@dataclass(frozen=True)
class FontChoice:
    """One face the user chose: a font file and, in a .ttc collection, the face's index."""

    file: Path
    index: int = 0

    def to_json(self) -> str | dict:
        return str(self.file) if not self.index else {"file": str(self.file), "index": self.index}


def user_fonts_file() -> Path:
    """Where the user's own font files are named: {"fangsong": "C:/Windows/Fonts/仿宋_GB2312.ttf", …}.

    Keys are the style sheet's face roles (xiaobiaosong, fangsong, heiti, kaiti, song) or "fallback"; a missing
    file or key keeps the bundled face. A value is a file name, or {"file": …, "index": N} for the N-th face of a
    .ttc collection. Plain JSON so that the core needs no Qt to read what settings wrote.
    """
    return settings_file(FONTS_FILE_ENV, "fonts.json")


def read_user_fonts(path: Path | None = None) -> dict[str, FontChoice]:
    """The user's fonts by fonts.json key; an unreadable file is an error the user must hear about."""
    path = path or user_fonts_file()
    problems = {
        "unreadable": QT_TRANSLATE_NOOP("Messages", "cannot read the font settings file {path}: {reason}"),
        "not_object": QT_TRANSLATE_NOOP(
            "Messages", "the font settings file {path} must be an object {{role: font file}}"
        ),
        "unknown": QT_TRANSLATE_NOOP(
            "Messages", "the font settings file {path} names unknown roles: {unknown} (known: {known})"
        ),
    }

    def refuse(problem: str, error: Exception | None = None, **fields) -> FontSettingsError:
        return FontSettingsError(path, problems[problem], **({"reason": error} if error is not None else {}), **fields)

    data = read_settings(path, FONT_KEYS, refuse)
    fonts: dict[str, FontChoice] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            file, index = value.get("file"), value.get("index", 0)
        else:
            file, index = value, 0
        if not file:
            continue
        if not isinstance(file, str) or not isinstance(index, int) or isinstance(index, bool) or index < 0:
            raise FontSettingsError(
                path,
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "in the font settings file {path}, {key} "
                    'must name a font file, or be {{"file": '
                    'file name, "index": number}}',
                ),
                key=key,
            )
        fonts[key] = FontChoice(Path(file), index)
    return fonts


def user_font_overrides(path: Path | None = None) -> dict[str, FontChoice]:
    """The user's fonts by writer role (what `Fonts` takes)."""
    return {ROLE_OF_KEY[key]: choice for key, choice in read_user_fonts(path).items()}


def save_user_fonts(fonts: Mapping[str, FontChoice | Path | str], path: Path | None = None) -> Path:
    """Write fonts.json (temporary file, then rename) with only the known keys; returns where it went.

    The caller reads the file first with `read_user_fonts`, so a file that cannot be read is never replaced
    without the user knowing. Paths are stored absolute: the writer may run from another folder.
    """
    check_roles(fonts, FONT_KEYS)
    data = {}
    for key in FONT_KEYS:
        choice = fonts.get(key)
        if choice is None or choice == "":
            continue
        if not isinstance(choice, FontChoice):
            choice = FontChoice(Path(choice))
        data[key] = FontChoice(choice.file.expanduser().absolute(), choice.index).to_json()
    return write_settings(path or user_fonts_file(), data)


def bundled_font_file(key: str, font_dir: Path | None = None) -> Path:
    """The shipped file that plays a fonts.json key's role when the user names none."""
    font_dir = Path(font_dir or os.environ.get(FONT_DIR_ENV) or FONT_DIR)
    return font_dir / FACES[ROLE_OF_KEY[key]][1]


_registered: dict[str, TTFont] = {}  # reportlab parses a file once per process


def load_font(role: str, choice: FontChoice | Path) -> TTFont:
    """The face registered with reportlab under the name the writer draws with; FontFileError if unusable."""
    if not isinstance(choice, FontChoice):
        choice = FontChoice(Path(choice))
    path = choice.file
    key = f"{FACES[role][0]}@{path}" + (f"#{choice.index}" if choice.index else "")
    font = _registered.get(key)
    if font is not None:
        return font
    if not path.is_file():
        raise FontFileError(path, "not_found")
    try:
        font = TTFont(key, str(path.absolute()), subfontIndex=choice.index)
    except OSError as e:
        raise FontFileError(path, "unreadable", e.strerror or str(e)) from e
    except Exception as e:  # reportlab raises bare TTFError/AssertionError/struct.error for bad files
        text = str(e)
        problem = (
            "postscript"
            if "postscript outlines" in text
            else "no_embedding"
            if "does not allow" in text
            else "bad_face"
            if "subfontIndex" in text
            else "not_a_font"
        )
        raise FontFileError(path, problem, text) from e
    pdfmetrics.registerFont(font)
    _registered[key] = font
    return font


def font_faces(path: Path) -> list[str]:
    """The faces in a font file ("SimSun", "NSimSun" for simsun.ttc; one for a .ttf), by index."""
    from reportlab.pdfbase.ttfonts import TTFontFile

    names = []
    count, i = 1, 0
    while i < count:
        try:
            face = TTFontFile(str(Path(path).absolute()), charInfo=0, subfontIndex=i)
        except OSError as e:
            raise FontFileError(path, "unreadable", e.strerror or str(e)) from e
        except Exception as e:
            raise FontFileError(path, "postscript" if "postscript outlines" in str(e) else "not_a_font", str(e)) from e
        count = getattr(face, "numSubfonts", 1) if face.fileKind == "TTC" else 1
        name = face.fullName  # "SimSun", "NSimSun": reportlab's name-table bytes carry the decoded text
        names.append(getattr(name, "ustr", None) or bytes(name).decode("latin-1"))
        i += 1
    return names


def check_font_file(key: str, choice: FontChoice | Path) -> TTFont:
    """Load a file the user chose for a fonts.json key as the writer would, and set a sample of the role's
    characters in a throw-away PDF, so that a file which cannot serve is refused before it is saved."""
    import io

    path = choice.file if isinstance(choice, FontChoice) else Path(choice)
    try:
        font = load_font(ROLE_OF_KEY[key], choice)
    except FontFileError as e:
        raise FontFileError(e.path, e.problem, e.detail, key) from e
    needs = FONT_NEEDS[key]
    if not any(ord(ch) in font.face.charToGlyph for ch in needs):
        raise FontFileError(path, "no_digits" if key == "song" else "no_hanzi", key=key)
    try:
        canvas = Canvas(io.BytesIO())
        canvas.setFont(font.fontName, BODY)
        canvas.drawString(0, 0, needs)
        canvas.save()
    except Exception as e:  # embedding the subset is where a damaged glyph table shows
        raise FontFileError(path, "not_a_font", str(e), key) from e
    return font
