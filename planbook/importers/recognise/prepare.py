"""Blocks made ready: spaces normalised, wrapped lines joined, one-line text cut up, task tables picked out."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ...core.errors import FormatError
from ...core.messages import QT_TRANSLATE_NOOP
from ...core.model import MAX_CHARACTERS
from ..flat import split_run
from .chrome import CHROME_LABELS, META_LABELS
from .lines import unwrap
from .patterns import PAGE_NUMBER_RE, Block, TableBlock, normalise_line
from .tables import _header, _table_roles


def _check_length(items: list[Block], ink_only: bool = False) -> None:
    """Refuse a document too long to be a plan before reading its structure (6 million characters took minutes).
    `ink_only` counts only non-space characters: what any reading of the raw blocks keeps at least."""
    size = _ink if ink_only else len
    count = sum(size(x) if isinstance(x, str) else sum(size(c) for row in x.rows for c in row) for x in items)
    if count > MAX_CHARACTERS:
        raise FormatError(
            QT_TRANSLATE_NOOP(
                "Messages", "the document holds {count} characters of text; a plan may hold at most {limit}"
            ),
            count=count,
            limit=MAX_CHARACTERS,
        )


def _ink(text: str) -> int:
    return sum(map(len, text.split()))


def _prepare(blocks: Iterable[Block]) -> list[Block]:
    """Normalise spaces, split multi-line strings, re-join hard wraps, drop blank lines."""
    out: list[Block] = []
    run: list[str] = []
    blocks = list(blocks)
    # a document that is one line only (all its breaks lost) is cut up however short it is
    whole = sum(1 for b in blocks if isinstance(b, str) for x in b.splitlines() if x.strip()) == 1

    def flush() -> None:
        out.extend(x for x in unwrap(run) if x)
        run.clear()

    for block in blocks:
        if isinstance(block, TableBlock):
            rows = [[normalise_cell(c) for c in row] for row in block.rows]
            rows = [r for r in rows if any(r)]
            # the header may sit under a caption row (XX年重点工作任务分解表) merged across the table
            head = next((i for i, r in enumerate(rows[:3]) if _table_roles(_header(r)) is not None), None)
            for row in rows[: len(rows) if head is None else head]:  # not a list of tasks: its text, cell by cell
                run.extend(_row_lines(row))
            if head is not None:
                flush()
                header = _header(rows[head])
                # a header repeated on every printed page is not a task
                out.append(TableBlock([rows[head]] + [r for r in rows[head + 1 :] if _header(r) != header]))
        else:
            for line in map(normalise_line, block.splitlines()):
                if not PAGE_NUMBER_RE.match(line):
                    run.extend(
                        split_run(line, whole=whole)
                    )  # a whole plan on one line (OCR, some PDF viewers) is cut up
    flush()
    return out


def _row_lines(row: list[str]) -> list[str]:
    """A layout-table row as lines. Sites print page metadata as label cells and value cells
    (索 引 号 | 430… | 发布机构 | 市教育局); such a row becomes one `label：value label：value` line."""
    cells: list[str] = []
    for cell in row:
        if cell and cell not in cells:  # merged cells repeat their text
            cells.append(cell)
    labelled = False
    for i, cell in enumerate(cells):
        bare = re.sub(r"\s+", "", cell).rstrip(":：")
        if bare in META_LABELS or bare in CHROME_LABELS:
            cells[i] = bare + "："
            labelled = True
    if labelled and all("\n" not in c for c in cells):
        return [" ".join(cells)]
    return [line for cell in cells for line in cell.splitlines()]


def normalise_cell(text: str) -> str:
    return "\n".join(x for x in (normalise_line(p) for p in text.splitlines()) if x)
