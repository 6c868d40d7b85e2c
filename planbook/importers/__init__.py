"""Importers: each turns one kind of input file into plans. The CLI and GUI pick one by file suffix.

An importer is a function `(path) -> list[Plan] | ImportResult` raising `FormatError` (or another
`PlanbookError`) with a message for the user. Importers that recognise structure in loose documents return an
`ImportResult`, whose warnings (a skipped number, a date read from bare digits) the CLI and GUI show before
anything is written. Register new kinds in `IMPORTERS`; `import_file` keeps returning just the plans.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..core import exchange
from ..core.cleantext import clean_plan
from ..core.errors import FormatError, PlanbookError
from ..core.messages import QT_TRANSLATE_NOOP, Message
from ..core.model import MAX_CHARACTERS, MAX_DEPTH, MAX_NODES, Plan, Status, tree_depth

MAX_INPUT_BYTES = 50 * 1024 * 1024  # no plan is this big; larger files are refused, not read into memory


def read_json(path: Path) -> list[Plan]:
    return [exchange.loads(read_text_utf8(path))]


def read_text_utf8(path: Path) -> str:
    data = read_bytes(path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise FormatError(
            QT_TRANSLATE_NOOP("Messages", "{name} is not UTF-8 text (byte {byte})"), name=path.name, byte=e.start
        ) from None


@dataclass
class ImportResult:
    """What one file gave: its plans, and what the user should check (one sentence each)."""

    plans: list[Plan]
    warnings: list[Message] = field(default_factory=list)


def read_bytes(path: Path, limit: int = MAX_INPUT_BYTES) -> bytes:
    try:
        if path.is_dir():
            raise FormatError(QT_TRANSLATE_NOOP("Messages", "{name} is a folder, not a file"), name=path.name)
        size = path.stat().st_size
        if size > limit:
            raise FormatError(
                QT_TRANSLATE_NOOP("Messages", "{name} is {size:.1f} MB, too large for a plan (at most {limit} MB)"),
                name=path.name,
                size=size / 2**20,
                limit=limit // 2**20,
            )
        with path.open("rb") as f:
            data = f.read(limit + 1)  # never more than the limit, even from a file that grows while read
        if len(data) > limit:
            raise FormatError(
                QT_TRANSLATE_NOOP("Messages", "{name} is larger than {limit} MB, too large for a plan"),
                name=path.name,
                limit=limit // 2**20,
            )
        return data
    except OSError as e:
        raise FormatError(
            QT_TRANSLATE_NOOP("Messages", "cannot read {path}: {reason}"), path=path, reason=e.strerror
        ) from e


def _read_txt(path: Path) -> ImportResult:
    from .plaintext import read_text  # imported on use: `planbook list` need not load the recogniser

    return read_text(path)


def _read_html(path: Path) -> ImportResult:
    from .webpage import read_html

    return read_html(path)


def _read_docx(path: Path) -> ImportResult:
    from .word import read_docx

    return read_docx(path)


def _read_pdf(path: Path) -> ImportResult:
    from .pdf import read_pdf

    return read_pdf(path)


def _read_markdown(path: Path) -> ImportResult:
    from .markdown import read_markdown

    return read_markdown(path)


def _read_legacy(path: Path) -> ImportResult:
    from .legacy import read_legacy

    return read_legacy(path)


IMPORTERS: dict[str, Callable[[Path], list[Plan] | ImportResult]] = {
    ".json": read_json,
    ".txt": _read_txt,
    ".html": _read_html,
    ".htm": _read_html,
    ".docx": _read_docx,
    ".pdf": _read_pdf,
    ".md": _read_markdown,
    ".markdown": _read_markdown,
    # what web sites and old folders call .doc/.wps/.mht is read by its content (importers/legacy.py)
    ".doc": _read_legacy,
    ".wps": _read_legacy,
    ".mht": _read_legacy,
    ".mhtml": _read_legacy,
}


def supported(path: Path) -> bool:
    return path.suffix.lower() in IMPORTERS


def import_file(path: Path) -> list[Plan]:
    """Read the plans in one file, by its suffix."""
    return import_with_warnings(path).plans


def import_with_warnings(path: Path) -> ImportResult:
    """Read the plans in one file, by its suffix, with what the user should check."""
    importer = IMPORTERS.get(path.suffix.lower())
    if importer is None:
        kinds = ", ".join(sorted(IMPORTERS))
        if path.suffix:
            raise FormatError(
                QT_TRANSLATE_NOOP("Messages", "{name}: cannot import {suffix} (supported: {kinds})"),
                name=path.name,
                suffix=path.suffix,
                kinds=kinds,
            )
        raise FormatError(
            QT_TRANSLATE_NOOP("Messages", "{name}: cannot import files without a suffix (supported: {kinds})"),
            name=path.name,
            kinds=kinds,
        )
    _check_regular(path)
    try:
        result = importer(path)
    except PlanbookError:
        raise
    except RecursionError:
        raise FormatError(
            QT_TRANSLATE_NOOP("Messages", "{name} is nested too deeply to be a plan"), name=path.name
        ) from None
    except MemoryError:
        raise FormatError(QT_TRANSLATE_NOOP("Messages", "{name} is too large to read"), name=path.name) from None
    except Exception as e:  # noqa: BLE001 - a crafted file must cost its own import, never the whole folder's
        raise FormatError(
            QT_TRANSLATE_NOOP("Messages", "{name} cannot be read ({reason})"),
            name=path.name,
            reason=f"{type(e).__name__}: {e}"[:200],
        ) from None
    result = result if isinstance(result, ImportResult) else ImportResult(list(result))
    if importer is not read_json:  # planbook/1 files carry their own status
        mark_issued(result.plans)
    for plan in result.plans:
        _check_size(plan, path.name)
        if removed := clean_plan(plan):
            result.warnings.append(
                Message(
                    QT_TRANSLATE_NOOP("Messages", "removed {count} control character(s) that no document can hold"),
                    count=removed,
                )
            )
    return result


def _check_regular(path: Path) -> None:
    """Only regular files are read: a FIFO or device named .txt would block or never end."""
    import stat

    try:
        mode = path.stat().st_mode
    except OSError as e:
        raise FormatError(
            QT_TRANSLATE_NOOP("Messages", "cannot read {path}: {reason}"), path=path, reason=e.strerror or e
        ) from None
    if stat.S_ISDIR(mode):
        raise FormatError(QT_TRANSLATE_NOOP("Messages", "{name} is a folder, not a file"), name=path.name)
    if not stat.S_ISREG(mode):
        raise FormatError(
            QT_TRANSLATE_NOOP("Messages", "{name} is not a regular file (a pipe or device?); not read"), name=path.name
        )


def _check_size(plan: Plan, name: str) -> None:
    depth = tree_depth(plan.nodes)
    if depth > MAX_DEPTH:
        raise FormatError(
            QT_TRANSLATE_NOOP(
                "Messages", "{name} nests its items {depth} levels deep; a plan may have at most {limit}"
            ),
            name=name,
            depth=depth,
            limit=MAX_DEPTH,
        )
    nodes = characters = 0
    stack = list(plan.nodes)
    while stack:
        node = stack.pop()
        nodes += 1
        characters += len(node.title) + len(node.body) + sum(len(f.label) + len(f.value) for f in node.fields)
        stack.extend(node.children)
    characters += len(plan.title) + len(plan.preamble) + len(plan.closing) + len(plan.notice.body)
    if nodes > MAX_NODES:
        raise FormatError(
            QT_TRANSLATE_NOOP(
                "Messages", "{name} has {count} headings, tasks and items; a plan may have at most {limit}"
            ),
            name=name,
            count=nodes,
            limit=MAX_NODES,
        )
    if characters > MAX_CHARACTERS:
        raise FormatError(
            QT_TRANSLATE_NOOP("Messages", "{name} holds {count} characters of text; a plan may hold at most {limit}"),
            name=name,
            count=characters,
            limit=MAX_CHARACTERS,
        )


def mark_issued(plans: list[Plan]) -> None:
    """A plan read off a web page or a Word file with a 发文字号 and a date of signing or publishing was issued:
    it is stored as 已印发, not as a draft."""
    for plan in plans:
        n = plan.notice
        if n.doc_number.strip() and (n.signed_on or n.published_on):
            plan.status = Status.ISSUED
