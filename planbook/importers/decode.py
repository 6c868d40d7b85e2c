"""Bytes → text for plain-text and HTML input: UTF-8 (± BOM), UTF-16/32 with BOM, GB18030/GBK.

The encoding is detected, never guessed silently wrong: bytes that are not valid in any of these, or that
decode as GB18030 into characters no Chinese document uses, are refused with a message instead of being
stored as mojibake. Binary files (NUL bytes, control characters) are refused the same way.
"""

from __future__ import annotations

import codecs
import re

from ..core.errors import FormatError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),  # before UTF-16: they share a prefix
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def sniff_binary(data: bytes, name: str) -> None:
    """Refuse files that are plainly not text: PDFs, Office binaries, images, archives, anything with NULs."""
    signatures = {
        b"%PDF": "a PDF (copy its text into a .txt file, or save it as .docx)",
        b"\xd0\xcf\x11\xe0": "an old Word/Excel file (.doc/.xls); save it as .docx",
        b"PK\x03\x04": "a zip archive (a .docx? then name it .docx)",
        b"\x89PNG": "an image", b"\xff\xd8\xff": "an image", b"GIF8": "an image",
        b"{\\rtf": "an RTF document; save it as .docx",
    }
    for magic, what in signatures.items():
        if data.startswith(magic):
            raise FormatError(f"{name} is {what}, not text")


def decode_text(data: bytes, name: str, declared: str | None = None) -> tuple[str, str]:
    """Decode a text file; returns (text, encoding name). `declared` is an HTML page's own charset claim."""
    if not data.strip():
        raise FormatError(f"{name} is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(encoding), name), encoding
            except UnicodeDecodeError as e:
                raise FormatError(f"{name} starts like {encoding.upper()} but is not valid {encoding.upper()} "
                                  f"(byte {e.start})") from None
    sniff_binary(data, name)
    if b"\x00" in data:
        raise FormatError(f"{name} is a binary file, not text")
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
    raise FormatError(f"{name}: cannot tell its text encoding (it is neither UTF-8, GB18030/GBK nor UTF-16 "
                      "with a byte-order mark); save it as UTF-8 and import it again")


def _normal(encoding: str) -> str:
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        return encoding.lower()


def _checked(text: str, name: str) -> str:
    if len(_CONTROL.findall(text[:20000])) > 8:
        raise FormatError(f"{name} is a binary file, not text")
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
