"""Bytes → text for plain-text and HTML input: UTF-8 (± BOM), UTF-16/32 with BOM, GB18030/GBK.

The encoding is detected, never guessed silently wrong: bytes that are not valid in any of these, or that
decode as GB18030 into characters no Chinese document uses, are refused with a message instead of being
stored as mojibake. Binary files (NUL bytes, control characters) are refused the same way.
"""

from __future__ import annotations

import codecs
import re

from ..core.errors import FormatError
from ..core.messages import QT_TRANSLATE_NOOP

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),  # before UTF-16: they share a prefix
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_BINARY = QT_TRANSLATE_NOOP("Messages", "{name} is a binary file, not text")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def sniff_binary(data: bytes, name: str) -> None:
    """Refuse files that are plainly not text: PDFs, Office binaries, images, archives, anything with NULs."""
    image = QT_TRANSLATE_NOOP("Messages", "{name} is an image, not text")
    signatures = {
        b"%PDF": QT_TRANSLATE_NOOP(
            "Messages", "{name} is a PDF (copy its text into a .txt file, or save it as .docx), not text"
        ),
        b"\xd0\xcf\x11\xe0": QT_TRANSLATE_NOOP(
            "Messages", "{name} is an old Word/Excel file (.doc/.xls); save it as .docx, not text"
        ),
        b"PK\x03\x04": QT_TRANSLATE_NOOP("Messages", "{name} is a zip archive (a .docx? then name it .docx), not text"),
        b"\x89PNG": image,
        b"\xff\xd8\xff": image,
        b"GIF8": image,
        b"{\\rtf": QT_TRANSLATE_NOOP("Messages", "{name} is an RTF document; save it as .docx, not text"),
    }
    for magic, template in signatures.items():
        if data.startswith(magic):
            raise FormatError(template, name=name)


def decode_text(data: bytes, name: str, declared: str | None = None) -> tuple[str, str]:
    """Decode a text file; returns (text, encoding name). `declared` is an HTML page's own charset claim."""
    if not data.strip():
        raise FormatError(QT_TRANSLATE_NOOP("Messages", "{name} is empty"), name=name)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(encoding), name), encoding
            except UnicodeDecodeError as e:
                raise FormatError(
                    QT_TRANSLATE_NOOP(
                        "Messages", "{name} starts like {encoding} but is not valid {encoding} (byte {byte})"
                    ),
                    name=name,
                    encoding=encoding.upper(),
                    byte=e.start,
                ) from None
    sniff_binary(data, name)
    if b"\x00" in data:
        if _looks_like_utf16(data):
            raise FormatError(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "{name} looks like UTF-16 text without a byte-order "
                    "mark; save it as UTF-8 (or UTF-16 with BOM) and import "
                    "it again",
                ),
                name=name,
            )
        raise FormatError(_BINARY, name=name)
    try:
        return _checked(data.decode("utf-8"), name), "utf-8"
    except UnicodeDecodeError:
        pass
    candidates = ["gb18030"]
    if declared and _normal(declared) in ("big5", "big5hkscs"):
        candidates.insert(0, "big5")
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "big5" or _plausible_chinese(text):
            return _checked(text, name), encoding
    raise FormatError(
        QT_TRANSLATE_NOOP(
            "Messages",
            "{name}: cannot tell its text encoding (it is neither UTF-8, "
            "GB18030/GBK nor UTF-16 with a byte-order mark); save it as UTF-8 "
            "and import it again",
        ),
        name=name,
    )


def _looks_like_utf16(data: bytes) -> bool:
    """UTF-16 that lost its BOM: it decodes cleanly one way or the other into readable text."""
    sample = data[: 4000 - 4000 % 2]
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = sample.decode(encoding)
        except UnicodeDecodeError:
            continue
        if not _CONTROL.search(text) and (_plausible_chinese(text) or text.isascii()):
            return True
    return False


def _normal(encoding: str) -> str:
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        return encoding.lower()


def _checked(text: str, name: str) -> str:
    if len(_CONTROL.findall(text[:20000])) > 8:
        raise FormatError(_BINARY, name=name)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _plausible_chinese(text: str) -> bool:
    """GB18030 decodes almost any bytes; real Chinese text stays mostly within the common (GB2312) characters."""
    han = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    if not han:
        return False
    common = 0
    for c in han:
        try:
            c.encode("gb2312")
            common += 1
        except UnicodeEncodeError:
            pass
    odd = sum(1 for c in text if not (c.isprintable() or c in "\n\r\t") or "\ue000" <= c <= "\uf8ff")
    return common / len(han) >= 0.9 and odd <= len(text) * 0.01
