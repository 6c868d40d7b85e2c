"""Plain text (.txt): what users copy off a web page or out of a PDF."""

from __future__ import annotations

from pathlib import Path

from . import ImportResult, read_bytes
from .decode import decode_text
from .recognise import recognise

MAX_TEXT_BYTES = 10 * 1024 * 1024  # a long plan is 100 KB of text


def parse_text(text: str) -> ImportResult:
    found = recognise([text])
    return ImportResult([found.plan], found.warnings)


def read_text(path: Path) -> ImportResult:
    text, _ = decode_text(read_bytes(path, MAX_TEXT_BYTES), path.name)
    return parse_text(text)
