"""Editing operations on a stored plan, as reversible values.

Every operation is a small frozen dataclass. `apply(library, edit)` performs it in one transaction and returns
a `Change`: the edit that undoes it (`change.inverse`, so undo is `apply(library, change.inverse)`), which plans
and nodes it touched, what about them changed (`Aspect`) and where the user's eye should go. Views, the undo
stack and the safety checks read the change record and each edit's `needs()`, never the edit's type, so a new
operation is written here alone: its dataclass (with `needs`), its function returning a `Change`, one `_APPLY`
entry. The GUI's undo stack, the CLI and the tests all go through here; nothing else writes the tree.

Convenience builders (`indent`, `outdent`, `move_by`, `new_sibling` …) only compute an edit; they do not apply it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Flag, auto
from typing import TYPE_CHECKING, Union

from .errors import HierarchyError
from .library import Library

if TYPE_CHECKING:  # drafting builds on editing's edits, so its Link is named here for the checker only
    from .drafting import Link
from .messages import QT_TRANSLATE_NOOP
from .model import (
    DEFAULT_CHILD,
    KIND_NAMES,
    KINDS,
    MAX_DEPTH,
    Field,
    Node,
    NodeKind,
    Plan,
    Progress,
    ProgressNote,
    may_contain,
    misfit,
    tree_depth,
)


@dataclass(frozen=True)
class AddNode:
    """Insert `node` (with its fields and children) at `position` under `parent_id` (None: top level).

    When the node carries ids (an undone deletion), they are restored, so later edits that name them still apply.
    """

    plan_id: int
    parent_id: int | None
    position: int
    node: Node = field(compare=False)

    def needs(self) -> Needs:
        return _needs(nodes=(self.parent_id,), plans=(self.plan_id,))


@dataclass(frozen=True)
class DeleteNode:
    """Delete a node and its whole subtree."""

    node_id: int

    def needs(self) -> Needs:
        return _needs(nodes=(self.node_id,))


@dataclass(frozen=True)
class EditNode:
    """Change a node's title, body or kind (None: leave as is)."""

    node_id: int
    title: str | None = None
    body: str | None = None
    kind: NodeKind | None = None

    def needs(self) -> Needs:
        return _needs(nodes=(self.node_id,))


@dataclass(frozen=True)
class SetFields:
    """Replace a node's ordered list of fields."""

    node_id: int
    fields: tuple[Field, ...]

    def needs(self) -> Needs:
        return _needs(nodes=(self.node_id,))


@dataclass(frozen=True)
class SetProgress:
    """Replace a task's progress: its status and its dated notes (oldest first)."""

    node_id: int
    status: Progress
    notes: tuple[ProgressNote, ...] = ()

    def needs(self) -> Needs:
        return _needs(nodes=(self.node_id,))


@dataclass(frozen=True)
class MoveNode:
    """Move a node (and its subtree) to `position` under `parent_id`, optionally changing its kind.

    `position` is counted among the new parent's children as they are once the node has left its old place.
    """

    node_id: int
    parent_id: int | None
    position: int
    kind: NodeKind | None = None

    def needs(self) -> Needs:
        return _needs(nodes=(self.node_id, self.parent_id))


@dataclass(frozen=True)
class UpdatePlan:
    """Set plan metadata ("title", "year", …) and notice parts ("notice.doc_number", …)."""

    plan_id: int
    changes: tuple[tuple[str, object], ...]

    @classmethod
    def of(cls, plan_id: int, **changes) -> UpdatePlan:
        return cls(plan_id, tuple(changes.items()))

    def needs(self) -> Needs:
        return _needs(plans=(self.plan_id,))


@dataclass(frozen=True)
class AddPlan:
    """Store a whole plan (new plan, duplicate, next year's draft, an undone deletion).

    A plan that carries ids (an undone deletion) gets them back, so later edits that name them still apply.
    `link` is where the plan came from (see `drafting.Link`). `tree_from` names a stored plan whose tree is
    copied into it in the library (next year's draft: `Library.copy_tree`), `plan.nodes` being empty.
    """

    plan: Plan = field(compare=False)
    link: Link | None = field(default=None, compare=False)
    tree_from: int | None = None

    def needs(self) -> Needs:
        return _needs(plans=(self.tree_from,))  # else nothing that exists; kept ids are its own


@dataclass(frozen=True)
class DeletePlan:
    """Delete a whole plan; its inverse restores it with the same ids."""

    plan_id: int

    def needs(self) -> Needs:
        return _needs(plans=(self.plan_id,))


@dataclass(frozen=True)
class Batch:
    """Several edits as one undoable step (e.g. renaming a unit in every task)."""

    edits: tuple[Edit, ...]

    def needs(self) -> Needs:
        parts = [edit.needs() for edit in self.edits]
        return Needs(frozenset().union(*(n.nodes for n in parts)), frozenset().union(*(n.plans for n in parts)))


Edit = Union[AddNode, DeleteNode, EditNode, SetFields, SetProgress, MoveNode, UpdatePlan, AddPlan, DeletePlan, Batch]  # noqa: UP007


@dataclass(frozen=True)
class Needs:
    """The node and plan ids that must still exist (and be what they were) for a stored edit to mean what it
    meant: an undo step naming a node another program deleted must be refused, not run."""

    nodes: frozenset[int] = frozenset()
    plans: frozenset[int] = frozenset()


def _needs(nodes: tuple[int | None, ...] = (), plans: tuple[int | None, ...] = ()) -> Needs:
    return Needs(frozenset(n for n in nodes if n is not None), frozenset(p for p in plans if p is not None))


# ---- the change record ----------------------------------------------------------------------------------


class Aspect(Flag):
    """What a change altered, so that each view refreshes only what it shows."""

    NONE = 0
    STRUCTURE = auto()  # nodes added, removed or moved: the outline and its numbers
    KIND = auto()  # a node's kind (its number, icon and style)
    TEXT = auto()  # a node's title or body
    FIELDS = auto()  # a node's labelled fields
    PROGRESS = auto()  # a task's status or progress notes
    METADATA = auto()  # the plan's own properties and notice
    PLANS = auto()  # whole plans added or removed


PLAN_FOCUS = 0  # `Change.focus` for "the plan itself" (node ids start at 1)


@dataclass(frozen=True)
class Change:
    """What `apply` did: the edit that undoes it and what it touched.

    `plans` holds every plan whose content changed (added and removed ones too), `nodes` the nodes changed,
    added, moved or removed (the roots of subtrees). `focus` is where the user's eye goes next: a node id,
    `PLAN_FOCUS` for the plan itself, None to keep the selection.
    """

    inverse: Edit
    aspects: Aspect = Aspect.NONE
    plans: frozenset[int] = frozenset()
    nodes: frozenset[int] = frozenset()
    added_plans: frozenset[int] = frozenset()
    removed_plans: frozenset[int] = frozenset()
    focus: int | None = None

    @property
    def added_plan(self) -> int | None:
        """The plan this change added (a new plan, an undone deletion), if it added one."""
        return min(self.added_plans) if self.added_plans else None


def _node_change(inverse: Edit, aspects: Aspect, plan_id: int, *nodes: int, focus: int | None) -> Change:
    return Change(inverse, aspects, frozenset({plan_id}), frozenset(nodes), focus=focus)


def apply(lib: Library, edit: Edit) -> Change:
    """Perform `edit` atomically; return what it changed, with the edit that undoes it (`Change.inverse`)."""
    if isinstance(edit, Change):
        raise TypeError("apply() takes an edit; to undo a change apply its .inverse")
    with lib.transaction():
        change = _APPLY[type(edit)](lib, edit)
        for plan_id in sorted(change.plans - change.added_plans - change.removed_plans):
            lib.touch(plan_id)
        return change


def _add(lib: Library, e: AddNode) -> Change:
    parent_kind = _kind_of(lib, e.parent_id)
    _check_subtree(parent_kind, e.node)
    _check_depth(lib, e.parent_id, e.node)
    siblings = lib.child_ids(e.plan_id, e.parent_id)
    if not 0 <= e.position <= len(siblings):
        raise HierarchyError(
            QT_TRANSLATE_NOOP("Messages", "position {position} is outside 0…{last}"),
            position=e.position,
            last=len(siblings),
        )
    if e.parent_id is not None and lib.node_row(e.parent_id)["plan_id"] != e.plan_id:
        raise HierarchyError(QT_TRANSLATE_NOOP("Messages", "the parent belongs to another plan"))
    lib.shift_siblings(e.plan_id, e.parent_id, e.position, +1)
    keep_ids = e.node.id is not None
    node_id = lib.insert_subtree(e.plan_id, e.parent_id, e.position, e.node, keep_ids=keep_ids)
    return _node_change(DeleteNode(node_id), Aspect.STRUCTURE, e.plan_id, node_id, focus=node_id)


def _delete(lib: Library, e: DeleteNode) -> Change:
    row = lib.node_row(e.node_id)
    snapshot = lib.load_subtree(e.node_id)
    lib.delete_nodes(lib.subtree_ids(e.node_id))
    lib.shift_siblings(row["plan_id"], row["parent_id"], row["position"] + 1, -1)
    inverse = AddNode(row["plan_id"], row["parent_id"], row["position"], snapshot)
    parent = row["parent_id"] if row["parent_id"] is not None else PLAN_FOCUS
    return _node_change(inverse, Aspect.STRUCTURE, row["plan_id"], e.node_id, focus=parent)


def _edit(lib: Library, e: EditNode) -> Change:
    row = lib.node_row(e.node_id)
    changes = {k: v for k, v in (("title", e.title), ("body", e.body), ("kind", e.kind)) if v is not None}
    if "kind" in changes:
        kind = NodeKind(changes["kind"])
        _check_kind_in_place(lib, row, kind)
        changes["kind"] = str(kind)
    if changes:
        lib.update_node(e.node_id, changes)
    inverse = EditNode(
        e.node_id,
        title=row["title"] if e.title is not None else None,
        body=row["body"] if e.body is not None else None,
        kind=NodeKind(row["kind"]) if e.kind is not None else None,
    )
    aspects = (Aspect.TEXT if e.title is not None or e.body is not None else Aspect.NONE) | (
        Aspect.KIND if e.kind is not None else Aspect.NONE
    )
    return _node_change(inverse, aspects, row["plan_id"], e.node_id, focus=e.node_id)


def _set_fields(lib: Library, e: SetFields) -> Change:
    row = lib.node_row(e.node_id)  # NotFound for a node that is gone
    old = lib.node_fields(e.node_id)
    lib.set_fields(e.node_id, e.fields)
    return _node_change(SetFields(e.node_id, tuple(old)), Aspect.FIELDS, row["plan_id"], e.node_id, focus=e.node_id)


def _set_progress(lib: Library, e: SetProgress) -> Change:
    row = lib.node_row(e.node_id)  # NotFound for a node that is gone
    status, notes = lib.node_progress(e.node_id)
    lib.set_progress(e.node_id, Progress(e.status), e.notes)
    inverse = SetProgress(e.node_id, status, tuple(notes))
    return _node_change(inverse, Aspect.PROGRESS, row["plan_id"], e.node_id, focus=e.node_id)


def _move(lib: Library, e: MoveNode) -> Change:
    row = lib.node_row(e.node_id)
    plan_id = row["plan_id"]
    if e.parent_id is not None:
        if e.parent_id in lib.subtree_ids(e.node_id):
            raise HierarchyError(QT_TRANSLATE_NOOP("Messages", "a node cannot move inside itself"))
        if lib.node_row(e.parent_id)["plan_id"] != plan_id:
            raise HierarchyError(QT_TRANSLATE_NOOP("Messages", "a node can only move within its plan"))
    kind = NodeKind(e.kind or row["kind"])
    probe = lib.load_subtree(e.node_id)
    probe.kind = kind
    _check_subtree(_kind_of(lib, e.parent_id), probe)
    _check_depth(lib, e.parent_id, probe)
    lib.shift_siblings(plan_id, row["parent_id"], row["position"] + 1, -1)
    if not 0 <= e.position <= len(lib.child_ids(plan_id, e.parent_id)) - (e.parent_id == row["parent_id"]):
        raise HierarchyError(
            QT_TRANSLATE_NOOP("Messages", "position {position} is outside the new parent's children"),
            position=e.position,
        )
    lib.shift_siblings(plan_id, e.parent_id, e.position, +1)
    lib.update_node(e.node_id, {"parent_id": e.parent_id, "position": e.position, "kind": str(kind)})
    inverse = MoveNode(
        e.node_id, row["parent_id"], row["position"], NodeKind(row["kind"]) if e.kind is not None else None
    )
    aspects = Aspect.STRUCTURE | (Aspect.KIND if kind != row["kind"] else Aspect.NONE)
    return _node_change(inverse, aspects, plan_id, e.node_id, focus=e.node_id)


def _update_plan(lib: Library, e: UpdatePlan) -> Change:
    old = lib.update_plan(e.plan_id, dict(e.changes))
    inverse = UpdatePlan(e.plan_id, tuple(old.items()))
    return Change(inverse, Aspect.METADATA, frozenset({e.plan_id}), focus=PLAN_FOCUS)


def _add_plan(lib: Library, e: AddPlan) -> Change:
    from .drafting import set_link

    plan_id = lib.add_plan(e.plan, keep_ids=e.plan.id is not None)
    if e.tree_from is not None:
        lib.copy_tree(e.tree_from, plan_id)
    if e.link is not None:
        set_link(lib, plan_id, e.link)
    ids = frozenset({plan_id})
    return Change(DeletePlan(plan_id), Aspect.PLANS, ids, added_plans=ids, focus=PLAN_FOCUS)


def _delete_plan(lib: Library, e: DeletePlan) -> Change:
    from .drafting import link_of

    snapshot = lib.load_plan(e.plan_id)
    link = link_of(lib, e.plan_id)
    lib.delete_plan(e.plan_id)
    ids = frozenset({e.plan_id})
    return Change(AddPlan(snapshot, link), Aspect.PLANS, ids, removed_plans=ids)


def _batch(lib: Library, e: Batch) -> Change:
    parts = [_APPLY[type(edit)](lib, edit) for edit in e.edits]
    return Change(
        Batch(tuple(reversed([part.inverse for part in parts]))),
        _union_aspects(parts),
        frozenset().union(*(p.plans for p in parts)),
        frozenset().union(*(p.nodes for p in parts)),
        frozenset().union(*(p.added_plans for p in parts)),
        frozenset().union(*(p.removed_plans for p in parts)),
        focus=None,  # many places at once: the selection stays where it is
    )


def _union_aspects(parts: list[Change]) -> Aspect:
    aspects = Aspect.NONE
    for part in parts:
        aspects |= part.aspects
    return aspects


_APPLY = {
    AddNode: _add,
    DeleteNode: _delete,
    EditNode: _edit,
    SetFields: _set_fields,
    SetProgress: _set_progress,
    MoveNode: _move,
    UpdatePlan: _update_plan,
    AddPlan: _add_plan,
    DeletePlan: _delete_plan,
    Batch: _batch,
}


# ---- hierarchy checks -----------------------------------------------------------------------------------


def _kind_of(lib: Library, node_id: int | None) -> NodeKind | None:
    return None if node_id is None else NodeKind(lib.node_row(node_id)["kind"])


def _check_depth(lib: Library, parent_id: int | None, node: Node) -> None:
    """A node (with its subtree) under `parent_id` must stay within MAX_DEPTH levels, the limit import keeps."""
    above = lib.depth_at(parent_id, MAX_DEPTH + 1)
    if above + tree_depth([node]) > MAX_DEPTH:
        raise HierarchyError(
            QT_TRANSLATE_NOOP("Messages", "items may nest at most {limit} levels deep"), limit=MAX_DEPTH
        )


def _check_subtree(parent_kind: NodeKind | None, node: Node) -> None:
    if found := misfit(parent_kind, node):
        parent, wrong = found
        if parent is None:
            raise HierarchyError(
                QT_TRANSLATE_NOOP("Messages", "a {kind} cannot sit at the top level"), kind=KIND_NAMES[wrong.kind]
            )
        raise HierarchyError(
            QT_TRANSLATE_NOOP("Messages", "a {kind} cannot sit inside a {parent}"),
            kind=KIND_NAMES[wrong.kind],
            parent=KIND_NAMES[parent],
        )


def _check_kind_in_place(lib: Library, row: dict, kind: NodeKind) -> None:
    probe = lib.load_subtree(row["id"])
    probe.kind = kind
    _check_subtree(_kind_of(lib, row["parent_id"]), probe)


# ---- builders: the edits behind the usual commands ---------------------------------------------------------


def new_node(
    lib: Library,
    plan_id: int,
    parent_id: int | None,
    position: int | None = None,
    kind: NodeKind | None = None,
    title: str = "",
) -> AddNode:
    """A new empty node under `parent_id` (at the end unless `position`), of the kind the context calls for."""
    kind = kind or DEFAULT_CHILD[_kind_of(lib, parent_id)]
    if position is None:
        position = len(lib.child_ids(plan_id, parent_id))
    return AddNode(plan_id, parent_id, position, Node(kind=kind, title=title))


def new_sibling(lib: Library, node_id: int, title: str = "") -> AddNode:
    """A new node of the same kind right after `node_id` (what Enter does in the tree)."""
    row = lib.node_row(node_id)
    return AddNode(row["plan_id"], row["parent_id"], row["position"] + 1, Node(kind=NodeKind(row["kind"]), title=title))


def move_by(lib: Library, node_id: int, delta: int) -> MoveNode | None:
    """Move up (-1) or down (+1) among siblings; None at either end."""
    row = lib.node_row(node_id)
    count = len(lib.child_ids(row["plan_id"], row["parent_id"]))
    target = row["position"] + delta
    if not 0 <= target < count:
        return None
    return MoveNode(node_id, row["parent_id"], target)


def indent(lib: Library, node_id: int) -> MoveNode | None:
    """Make the node the last child of its previous sibling, one level down (Tab). None where impossible."""
    row = lib.node_row(node_id)
    if row["position"] == 0:
        return None
    previous = lib.child_ids(row["plan_id"], row["parent_id"])[row["position"] - 1]
    prev_kind = NodeKind(lib.node_row(previous)["kind"])
    kind = NodeKind(row["kind"])
    for candidate in (kind, KINDS[kind].indented):
        if may_contain(prev_kind, candidate):
            edit = MoveNode(
                node_id,
                previous,
                len(lib.child_ids(row["plan_id"], previous)),
                candidate if candidate != kind else None,
            )
            return edit if _fits(lib, edit) else None
    return None


def outdent(lib: Library, node_id: int) -> MoveNode | None:
    """Make the node its parent's next sibling, one level up (Shift+Tab). None at the top level or where impossible."""
    row = lib.node_row(node_id)
    if row["parent_id"] is None:
        return None
    parent = lib.node_row(row["parent_id"])
    grand_kind = _kind_of(lib, parent["parent_id"])
    kind = NodeKind(row["kind"])
    for candidate in (kind, KINDS[kind].outdented, NodeKind(parent["kind"])):
        if may_contain(grand_kind, candidate):
            edit = MoveNode(
                node_id, parent["parent_id"], parent["position"] + 1, candidate if candidate != kind else None
            )
            return edit if _fits(lib, edit) else None
    return None


def _fits(lib: Library, edit: MoveNode) -> bool:
    probe = lib.load_subtree(edit.node_id)
    probe.kind = edit.kind or probe.kind
    return misfit(_kind_of(lib, edit.parent_id), probe) is None


def duplicate_plan(lib: Library, plan_id: int, **changes) -> int:
    """Copy a whole plan as a new plan (new ids), with optional metadata changes; returns the new id."""
    from .usecases import copy_plan  # the one way to copy a plan (the window's Duplicate and New Plan From too)

    copy_ = copy_plan(lib, plan_id).plan
    for key, value in changes.items():
        setattr(copy_, key, value)
    return lib.add_plan(copy_)
