"""Task tables: 序号 | 工作任务 | 牵头单位 | … rows become tasks with the fields the header names."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...core.model import Field, NodeKind
from .lines import marker
from .patterns import _FIELD_SUFFIXES, KNOWN_FIELD_LABELS, TableBlock

if TYPE_CHECKING:
    from .tree import _Builder


def _header(row: list[str]) -> list[str]:
    return [re.sub(r"\s+", "", c) for c in row]


_NUMBER_HEAD = re.compile(r"^(序号|编号|序|No\.?)$", re.I)
_GROUP_HEAD = re.compile(r"^(类别|项目|领域|板块|方面|重点领域|工作类别|任务类别|分类)$")
_TASK_HEAD = re.compile(r"(任务|工作|内容|事项|要点|举措|措施)")
# a column that holds what the task column names: 改革举措 | 主要内容, 重点任务 | 具体内容 (the task's body)
_BODY_HEAD = re.compile(r"^(主要|具体|工作|任务|实施)?内容$")


def _add_table(table: TableBlock, b: _Builder) -> None:
    """A table of tasks (序号 | 工作任务 | 牵头单位 | … ) becomes tasks with fields; any other table is read as text."""
    header = _header(table.rows[0])
    roles = _table_roles(header)
    if roles is None:  # _prepare let only task tables through
        return
    group_col = roles[1]
    group = None
    for row in table.rows[1:]:
        cells = row + [""] * (len(header) - len(row))
        if _section_row(cells, b):
            continue
        if group_col is not None and cells[group_col] and cells[group_col] != group:
            group = cells[group_col]
            mk = marker(group)
            b.add(NodeKind.SECTION, mk.number if mk else None, mk.text if mk else group)
        _add_task_row(header, cells, roles, b)


def _section_row(cells: list[str], b: _Builder) -> bool:
    """A merged row naming a section (or subsection) opens it."""
    distinct = {c for c in cells if c}
    if len(distinct) == 1 and (mk := marker(next(iter(distinct)))) and mk.kind is not NodeKind.TASK:
        b.add(mk.kind, mk.number, mk.text)
        return True
    return False


def _add_task_row(header: list[str], cells: list[str], roles: tuple[int | None, int | None, int], b: _Builder) -> None:
    """A row's task: its text, its number (written in the text or in the 序号 column) and the other columns' fields."""
    number_col, group_col, task_col = roles
    text = cells[task_col]
    if not text:
        return
    mk = marker(text)
    number = mk.number if mk and mk.kind is NodeKind.TASK else None
    if number is None and number_col is not None and cells[number_col].isdigit():
        number = int(cells[number_col])
    body_col = _body_column(header, task_col)
    fields = [
        Field(header[i], cells[i])
        for i in range(len(header))
        if i not in (number_col, group_col, task_col, body_col) and header[i]
    ]
    node = b.add(NodeKind.TASK, number, mk.text if number is not None and mk else text.replace("\n", ""), fields)
    if body_col is not None and cells[body_col]:
        node.body = f"{node.body}\n{cells[body_col]}" if node.body else cells[body_col]


def _body_column(header: list[str], task_col: int) -> int | None:
    """The 主要内容 column beside a task column that names the task (改革举措 | 主要内容): the task's body."""
    if _BODY_HEAD.match(header[task_col]):
        return None  # the task column is itself the content
    return next((i for i, h in enumerate(header) if i > task_col and _BODY_HEAD.match(h)), None)


def _table_roles(header: list[str]) -> tuple[int | None, int | None, int] | None:
    number_col = next((i for i, h in enumerate(header) if _NUMBER_HEAD.match(h)), None)
    group_col = next((i for i, h in enumerate(header) if _GROUP_HEAD.match(h)), None)
    task_col = next(
        (
            i
            for i, h in enumerate(header)
            if i not in (number_col, group_col) and _TASK_HEAD.search(h) and h not in KNOWN_FIELD_LABELS
        ),
        None,
    )
    if task_col is None or len(header) < 2:
        return None
    others = [h for i, h in enumerate(header) if i not in (number_col, group_col, task_col)]
    if not any(h in KNOWN_FIELD_LABELS or h.endswith(_FIELD_SUFFIXES) for h in others):
        return None
    return number_col, group_col, task_col
