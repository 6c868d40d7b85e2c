"""The task breakdown table (任务分解表): one row a task with its units and deadline.

One description of the table feeds every writer (XLSX, DOCX). Columns follow the fields the plan uses, under
the labels the plan uses (牵头科室 where the plan says 牵头科室), so the table reads like the plan.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Plan
from .numbering import number_tree
from .progress import progress_text, tasks
from .units import Role, unit_role

DEADLINE_WORDS = ("时限", "时间", "期限")


@dataclass(frozen=True)
class Column:
    title: str
    labels: tuple[str, ...]  # the field labels whose values fill it (several merged with ；)
    width: int  # in characters, for writers that need one


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


def columns_for(plan: Plan) -> list[Column]:
    labels = _labels(plan)

    def role_labels(role: Role) -> tuple[str, ...]:
        return tuple(label for label in labels if unit_role(label) is role)

    columns = [Column("序号", (), 5), Column("工作任务", (), 40)]
    for role, fallback in ((Role.LEAD, "牵头单位"), (Role.RESPONSIBLE, "责任单位"), (Role.COOPERATING, "配合单位")):
        found = role_labels(role)
        if found:
            columns.append(Column(found[0] if len(found) == 1 else fallback, found, 16))
    deadline = tuple(label for label in labels if label.endswith(DEADLINE_WORDS))
    if deadline:
        columns.append(Column(deadline[0], deadline, 10))
    columns.append(Column("进展", ("进展",), 16))
    return columns


def breakdown(plan: Plan) -> BreakdownTable:
    numbers = number_tree(plan.nodes, plan.numbering)
    columns = columns_for(plan)
    rows = []
    for index, node in enumerate(tasks(plan), start=1):
        values = {f.label: f.value for f in node.fields}
        row = [str(index), f"{numbers[id(node)]}{node.title}"]
        for column in columns[2:]:
            row.append("；".join(values[label] for label in column.labels if values.get(label)))
        if not row[-1]:  # 进展: a 进展 field as written, else the recorded status and latest note
            row[-1] = progress_text(node)
        rows.append(tuple(row))
    return BreakdownTable(f"{plan.title}任务分解表", tuple(columns), tuple(rows))
