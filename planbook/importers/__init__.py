"""Importers: each turns one kind of input file into plans. The CLI and GUI pick one by file suffix.

An importer is a function `(path) -> list[Plan]` raising `FormatError` (or another `PlanbookError`) with a
message for the user. Register new kinds in `IMPORTERS`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..core import exchange
from ..core.errors import FormatError
from ..core.model import Plan

MAX_INPUT_BYTES = 50 * 1024 * 1024  # no plan is this big; larger files are refused, not read into memory


def read_json(path: Path) -> list[Plan]:
    return [exchange.loads(read_text_utf8(path))]


def read_text_utf8(path: Path) -> str:
    data = read_bytes(path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise FormatError(f"{path.name} is not UTF-8 text (byte {e.start})") from None


def read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise FormatError(f"{path.name} is {size // 2**20} MB, too large for a plan")
        return path.read_bytes()
    except OSError as e:
        raise FormatError(f"cannot read {path}: {e.strerror}") from e


IMPORTERS: dict[str, Callable[[Path], list[Plan]]] = {".json": read_json}


def supported(path: Path) -> bool:
    return path.suffix.lower() in IMPORTERS


def import_file(path: Path) -> list[Plan]:
    """Read the plans in one file, by its suffix."""
    importer = IMPORTERS.get(path.suffix.lower())
    if importer is None:
        kinds = ", ".join(sorted(IMPORTERS))
        raise FormatError(f"{path.name}: cannot import {path.suffix or 'files without a suffix'} (supported: {kinds})")
    return importer(path)
