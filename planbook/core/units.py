"""Units (单位/科室/处室): who leads, who is responsible, who cooperates, as the plans' fields name them.

Fields keep the label the document used (牵头科室, 责任单位, 配合处室 …); a label is a unit field when it names a
unit, and its role follows from the word before it. Values list several units separated by 、，,；; and may end
in 等.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from enum import StrEnum

from . import editing
from .library import Library
from .model import Field, Node, Plan, stored_id
from .numbering import number_tree


class Role(StrEnum):
    LEAD = "lead"  # 牵头
    RESPONSIBLE = "responsible"  # 责任
    COOPERATING = "cooperating"  # 配合 / 协办 / 参与
    OTHER = "other"  # 主办, 承办 … a unit field with some other role word


ROLE_NAMES = {Role.LEAD: "牵头", Role.RESPONSIBLE: "责任", Role.COOPERATING: "配合", Role.OTHER: "其他"}

_UNIT_WORD = re.compile(r"(单位|科室|处室|部门|责任人?科室)$")
_ROLE_WORDS = (
    (Role.LEAD, ("牵头", "主责", "主办")),
    (Role.RESPONSIBLE, ("责任",)),
    (Role.COOPERATING, ("配合", "协办", "参与", "协同")),
)
_SEPARATORS = re.compile(r"[、，,；;\s/／]+")
_TRAILING = re.compile(r"(等(单位|部门|科室|处室)?|各相关单位)$")


def unit_role(label: str) -> Role | None:
    """The role a field label gives its units, or None when the field does not name units (e.g. 完成时限)."""
    label = label.strip()
    if not _UNIT_WORD.search(label) or len(label) > 8:
        return None
    for role, words in _ROLE_WORDS:
        if any(label.startswith(w) for w in words):
            return role
    return Role.OTHER


def split_units(value: str) -> list[str]:
    """'基教科、高职民科等' → ['基教科', '高职民科']; blanks and repeats are dropped, order kept."""
    units: list[str] = []
    for part in _SEPARATORS.split(value):
        part = part.strip().strip("。.")
        if part != "等":
            part = _TRAILING.sub("", part) or part
        if part and part not in units and part != "等":
            units.append(part)
    return units


@dataclass(frozen=True)
class Assignment:
    """One task of one unit: the plan, the node, its printed number and title, and the unit's role in it."""

    plan_id: int | None
    node_id: int | None
    number: str
    title: str
    role: Role


def node_units(node: Node) -> list[tuple[str, Role]]:
    found: list[tuple[str, Role]] = []
    for f in node.fields:
        role = unit_role(f.label)
        if role is not None:
            found += [(unit, role) for unit in split_units(f.value) if (unit, role) not in found]
    return found


def plan_units(plan: Plan) -> dict[str, list[Assignment]]:
    """Every unit named in the plan's fields, with its tasks, in order of first appearance."""
    numbers = number_tree(plan.nodes, plan.numbering)
    units: dict[str, list[Assignment]] = {}
    for node in plan.walk():
        for unit, role in node_units(node):
            units.setdefault(unit, []).append(Assignment(plan.id, node.id, numbers[id(node)], node.title, role))
    return units


def library_units(lib: Library) -> Counter[str]:
    """Units across all plans with the number of tasks naming them; read straight from the fields table."""
    counts: Counter[str] = Counter()
    for label, value in lib.all_fields():
        if unit_role(label) is not None:
            counts.update(split_units(value))
    return counts


def unit_tasks(lib: Library, unit: str, plan_id: int | None = None) -> list[Assignment]:
    """The tasks naming `unit` in one plan or in all plans (newest plans first)."""
    plan_ids = [plan_id] if plan_id is not None else [p.id for p in lib.list_plans()]
    found: list[Assignment] = []
    for pid in plan_ids:
        found += plan_units(lib.load_plan(pid)).get(unit, [])
    return found


def rename_unit(lib: Library, plan_id: int, old: str, new: str) -> editing.Batch:
    """The one undoable edit that renames `old` to `new` in every unit field of a plan."""
    edits = []
    for node in lib.load_plan(plan_id).walk():
        fields = [_renamed(f, old, new) for f in node.fields]
        if fields != node.fields:
            edits.append(editing.SetFields(stored_id(node), tuple(fields)))
    return editing.Batch(tuple(edits))


def _renamed(f: Field, old: str, new: str) -> Field:
    """The field with unit `old` replaced by `new`, separators and a trailing 等 kept as written."""
    if unit_role(f.label) is None:
        return f
    parts = re.split(f"({_SEPARATORS.pattern})", f.value)
    return Field(f.label, "".join(p.replace(old, new, 1) if split_units(p) == [old] else p for p in parts))
