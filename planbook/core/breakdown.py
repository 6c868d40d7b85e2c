"""The task breakdown table (任务分解表): one row a task with its units and deadline.

One description of the table feeds every writer (XLSX, DOCX). Columns follow the fields the plan uses, under
the labels the plan uses (牵头科室 where the plan says 牵头科室), so the table reads like the plan.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

from .model import Plan
from .progress import progress_text, tasks
from .units import Role, unit_role

DEADLINE_WORDS = ("时限", "时间", "期限")


@dataclass(frozen=True)
class Column:
    title: str
    labels: tuple[str, ...]  # the field labels whose values fill it (several merged with ；)
    width: int  # in characters, from the content (breakdown fits them), for writers that need one


@dataclass(frozen=True)
class BreakdownTable:
    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[str, ...], ...]


def _labels(plan: Plan) -> list[str]:
    seen: dict[str, None] = {}
    for node in tasks(plan):
        for f in node.fields:
            seen.setdefault(f.label)
    return list(seen)


_NAME_SPLIT = re.compile(r"[、，,；;／/\s]+")
TASK_WIDTH = 40  # characters: the task's text takes the room the other columns leave
MAX_WIDTH = 16  # a column of short values is never wider than this
PROGRESS_WIDTH = 16


def columns_for(plan: Plan) -> list[Column]:
    """序号, 工作任务, then every field label the plan's tasks use, in the order they first appear: unit labels
    grouped by role (牵头/责任/配合), deadlines together, any other label (牵头领导, 目标任务 …) a column of its own;
    then 进展."""
    labels = _labels(plan)
    columns: list[Column] = [Column("序号", (), 3), Column("工作任务", (), TASK_WIDTH)]
    done: set[str] = set()
    for label in labels:
        if label in done:
            continue
        role = unit_role(label)
        if role is not None:
            group = tuple(x for x in labels if unit_role(x) is role)
            title = group[0] if len(group) == 1 else _ROLE_TITLES[role]
        elif label.endswith(DEADLINE_WORDS):
            group = tuple(x for x in labels if x.endswith(DEADLINE_WORDS))
            title = group[0]
        else:
            group, title = (label,), label
        done.update(group)
        columns.append(Column(title, group, 0))
    columns.append(Column("进展", ("进展",), 0))
    return columns


_ROLE_TITLES = {Role.LEAD: "牵头单位", Role.RESPONSIBLE: "责任单位", Role.COOPERATING: "配合单位"}


def _fit_widths(columns: list[Column], rows: list[tuple[str, ...]]) -> tuple[Column, ...]:
    """Each short column as wide as its longest single name (units never break inside one, 教师处 not 教师/处) or
    its heading, at most MAX_WIDTH; 序号 as wide as its numbers; the task's text keeps the room."""
    fitted = []
    for i, column in enumerate(columns):
        if i == 1:
            fitted.append(column)
            continue
        values = [row[i] for row in rows if i < len(row)]
        words = [w for v in values for w in _NAME_SPLIT.split(v) if w]
        longest = max((text_width(w) for w in words), default=0)
        width = max(text_width(column.title), longest) + 1
        if i == 0:
            width = max(2.5, text_width(str(len(rows))) + 1.5)
        fitted.append(Column(column.title, column.labels, math.ceil(min(width, MAX_WIDTH))))
    return tuple(fitted)


def breakdown(plan: Plan) -> BreakdownTable:
    columns = columns_for(plan)
    rows = []
    for index, node in enumerate(tasks(plan), start=1):
        values: dict[str, list[str]] = {}
        for f in node.fields:
            if f.value.strip():
                values.setdefault(f.label, []).append(f.value.strip())
        row = [str(index), node.title.strip()]  # the number is the 序号 column's, not repeated in the text
        for column in columns[2:]:
            row.append("；".join(v for label in column.labels for v in values.get(label, [])))
        if not row[-1]:  # 进展: a 进展 field as written, else the recorded status and latest note
            row[-1] = progress_text(node)
        rows.append(tuple(row))
    return BreakdownTable(f"{plan.title}任务分解表", _fit_widths(columns, rows), tuple(rows))


def text_width(text: str) -> float:
    """Width in characters: Chinese 1, Latin letters and digits ½ (the layout's rule, without importing it)."""
    return sum(1.0 if unicodedata.east_asian_width(c) in "WFA" else 0.5 for c in text)
