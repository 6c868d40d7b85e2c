"""How far a plan's tasks have got: counts for the dashboard, the 进展 text of a task, tasks grouped by unit.

Pure functions on a loaded `Plan`; the status and notes themselves are `Node.status` / `Node.notes`, written only
through `editing.SetProgress`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .model import PROGRESS_NAMES, Node, NodeKind, Plan, Progress
from .numbering import number_tree
from .units import Role, node_units

NO_LEAD = "（未定牵头单位）"  # the dashboard's and report's group for tasks whose fields name no lead unit


def tasks(plan: Plan) -> list[Node]:
    """What is tracked: the plan's tasks (1.); in an action plan whose work is its （一） items (no tasks at all),
    the subsections that carry fields (责任单位 …), so that such plans have progress, a dashboard and a breakdown
    table too. Subsections without fields (指导思想, 工作目标) are not work to track."""
    nodes = list(plan.walk())
    found = [n for n in nodes if n.kind is NodeKind.TASK]
    return found or [n for n in nodes if n.kind is NodeKind.SUBSECTION and n.fields]


def is_tracked(plan: Plan, node: Node) -> bool:
    """Whether `node` has a status and progress notes in this plan (see `tasks`)."""
    if node.kind is NodeKind.TASK:
        return True
    return (
        node.kind is NodeKind.SUBSECTION and bool(node.fields) and not any(n.kind is NodeKind.TASK for n in plan.walk())
    )


def status_counts(plan: Plan) -> dict[Progress, int]:
    """Tasks per status, every status present (zeros included), in the order of `Progress`."""
    counts = Counter(n.status for n in tasks(plan))
    return {status: counts[status] for status in Progress}


def lead_units(node: Node) -> list[str]:
    """The node's lead units; its responsible units when the plan names no lead (many plans only say 责任单位)."""
    units = node_units(node)
    lead = [u for u, role in units if role is Role.LEAD]
    return lead or [u for u, role in units if role is Role.RESPONSIBLE]


def counts_by_lead_unit(plan: Plan) -> dict[str, dict[Progress, int]]:
    """Per lead unit (in order of first appearance), its tasks per status. A task with two leads counts for both."""
    table: dict[str, Counter[Progress]] = {}
    for node in tasks(plan):
        for unit in lead_units(node) or [NO_LEAD]:
            table.setdefault(unit, Counter())[node.status] += 1
    return {unit: {s: c[s] for s in Progress} for unit, c in table.items()}


def progress_text(node: Node) -> str:
    """What the 进展 column says: the status and the latest note; empty for a task not started, without notes."""
    if node.status is Progress.NOT_STARTED and not node.notes:
        return ""
    text = PROGRESS_NAMES[node.status]
    if node.notes:
        last = node.notes[-1]
        text += f"（{last.date.month}月{last.date.day}日：{last.text}）" if last.text else ""
    return text


@dataclass(frozen=True)
class UnitTask:
    number: str
    node: Node


def tasks_by_unit(plan: Plan) -> dict[str, list[UnitTask]]:
    """For the progress report: each lead unit with the tasks it leads, in plan order."""
    numbers = number_tree(plan.nodes, plan.numbering)
    groups: dict[str, list[UnitTask]] = {}
    for node in tasks(plan):
        for unit in lead_units(node) or [NO_LEAD]:
            groups.setdefault(unit, []).append(UnitTask(numbers[id(node)], node))
    return groups
