"""Editing operations on a stored plan, as reversible values.

Every operation is a small frozen dataclass. `apply(library, edit)` performs it in one transaction and returns
the edit that undoes it, so undo is `apply(library, inverse)` and redo is applying that result's inverse. The
GUI's undo stack, the CLI and the tests all go through here; nothing else writes the tree.

Convenience builders (`indent`, `outdent`, `move_by`, `new_sibling` …) only compute an edit; they do not apply it.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Union

from .errors import HierarchyError
from .library import Library
from .messages import QT_TRANSLATE_NOOP
from .model import (
    DEFAULT_CHILD,
    KIND_NAMES,
    MAX_DEPTH,
    Field,
    Node,
    NodeKind,
    Plan,
    Progress,
    ProgressNote,
    may_contain,
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


@dataclass(frozen=True)
class DeleteNode:
    """Delete a node and its whole subtree."""

    node_id: int


@dataclass(frozen=True)
class EditNode:
    """Change a node's title, body or kind (None: leave as is)."""

    node_id: int
    title: str | None = None
    body: str | None = None
    kind: NodeKind | None = None


@dataclass(frozen=True)
class SetFields:
    """Replace a node's ordered list of fields."""

    node_id: int
    fields: tuple[Field, ...]


@dataclass(frozen=True)
class SetProgress:
    """Replace a task's progress: its status and its dated notes (oldest first)."""

    node_id: int
    status: Progress
    notes: tuple[ProgressNote, ...] = ()


@dataclass(frozen=True)
class MoveNode:
    """Move a node (and its subtree) to `position` under `parent_id`, optionally changing its kind.

    `position` is counted among the new parent's children as they are once the node has left its old place.
    """

    node_id: int
    parent_id: int | None
    position: int
    kind: NodeKind | None = None


@dataclass(frozen=True)
class UpdatePlan:
    """Set plan metadata ("title", "year", …) and notice parts ("notice.doc_number", …)."""

    plan_id: int
    changes: tuple[tuple[str, object], ...]

    @classmethod
    def of(cls, plan_id: int, **changes) -> UpdatePlan:
        return cls(plan_id, tuple(changes.items()))


@dataclass(frozen=True)
class AddPlan:
    """Store a whole plan (new plan, duplicate, next year's draft, an undone deletion).

    A plan that carries ids (an undone deletion) gets them back, so later edits that name them still apply.
    `link` is where the plan came from (see `drafting.Link`).
    """

    plan: Plan = field(compare=False)
    link: object | None = field(default=None, compare=False)


@dataclass(frozen=True)
class DeletePlan:
    """Delete a whole plan; its inverse restores it with the same ids."""

    plan_id: int


@dataclass(frozen=True)
class Batch:
    """Several edits as one undoable step (e.g. renaming a unit in every task)."""

    edits: tuple[Edit, ...]


Edit = Union[AddNode, DeleteNode, EditNode, SetFields, SetProgress, MoveNode, UpdatePlan, AddPlan, DeletePlan, Batch]  # noqa: UP007


def apply(lib: Library, edit: Edit) -> Edit:
    """Perform `edit` atomically; return the edit that undoes it."""
    with lib.transaction():
        inverse = _APPLY[type(edit)](lib, edit)
        if plan_id := _plan_of(lib, edit, inverse):
            lib.touch(plan_id)
        return inverse


def _plan_of(lib: Library, edit: Edit, inverse: Edit) -> int | None:
    if isinstance(edit, (AddPlan, DeletePlan)):
        return None
    if isinstance(edit, (AddNode, UpdatePlan)):
        return edit.plan_id
    if isinstance(inverse, AddNode):
        return inverse.plan_id
    if isinstance(edit, (EditNode, SetFields, SetProgress, MoveNode)):
        return lib.node_row(edit.node_id)["plan_id"]
    return None


def _add(lib: Library, e: AddNode) -> Edit:
    parent_kind = _kind_of(lib, e.parent_id)
    _check_subtree(parent_kind, e.node)
    _check_depth(lib, e.parent_id, e.node)
    siblings = lib.child_ids(e.plan_id, e.parent_id)
    if not 0 <= e.position <= len(siblings):
        raise HierarchyError(QT_TRANSLATE_NOOP("Messages", "position {position} is outside 0…{last}"),
                             position=e.position, last=len(siblings))
    if e.parent_id is not None and lib.node_row(e.parent_id)["plan_id"] != e.plan_id:
        raise HierarchyError(QT_TRANSLATE_NOOP("Messages", "the parent belongs to another plan"))
    lib.shift_siblings(e.plan_id, e.parent_id, e.position, +1)
    keep_ids = e.node.id is not None
    node_id = lib.insert_subtree(e.plan_id, e.parent_id, e.position, e.node, keep_ids=keep_ids)
    return DeleteNode(node_id)


def _delete(lib: Library, e: DeleteNode) -> Edit:
    row = lib.node_row(e.node_id)
    snapshot = lib.load_subtree(e.node_id)
    ids = lib.subtree_ids(e.node_id)
    marks = ",".join("?" * len(ids))
    lib.db.execute(f"DELETE FROM fields WHERE node_id IN ({marks})", ids)
    lib.db.execute(f"DELETE FROM nodes WHERE id IN ({marks})", ids)
    lib.shift_siblings(row["plan_id"], row["parent_id"], row["position"] + 1, -1)
    return AddNode(row["plan_id"], row["parent_id"], row["position"], snapshot)


def _edit(lib: Library, e: EditNode) -> Edit:
    row = lib.node_row(e.node_id)
    changes = {k: v for k, v in (("title", e.title), ("body", e.body), ("kind", e.kind)) if v is not None}
    if "kind" in changes:
        kind = NodeKind(changes["kind"])
        _check_kind_in_place(lib, row, kind)
        changes["kind"] = str(kind)
    if changes:
        lib.db["nodes"].update(e.node_id, changes)
    return EditNode(
        e.node_id,
        title=row["title"] if e.title is not None else None,
        body=row["body"] if e.body is not None else None,
        kind=NodeKind(row["kind"]) if e.kind is not None else None,
    )


def _set_fields(lib: Library, e: SetFields) -> Edit:
    old = lib.node_fields(e.node_id)
    lib.db.execute("DELETE FROM fields WHERE node_id = ?", [e.node_id])
    lib.db["fields"].insert_all(
        {"node_id": e.node_id, "position": i, "label": f.label, "value": f.value} for i, f in enumerate(e.fields)
    )
    return SetFields(e.node_id, tuple(old))


def _set_progress(lib: Library, e: SetProgress) -> Edit:
    lib.node_row(e.node_id)  # NotFound for a node that is gone
    status, notes = lib.node_progress(e.node_id)
    lib.set_progress(e.node_id, Progress(e.status), e.notes)
    return SetProgress(e.node_id, status, tuple(notes))


def _move(lib: Library, e: MoveNode) -> Edit:
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
        raise HierarchyError(QT_TRANSLATE_NOOP("Messages", "position {position} is outside the new parent's children"),
                             position=e.position)
    lib.shift_siblings(plan_id, e.parent_id, e.position, +1)
    lib.db["nodes"].update(e.node_id, {"parent_id": e.parent_id, "position": e.position, "kind": str(kind)})
    return MoveNode(
        e.node_id, row["parent_id"], row["position"], NodeKind(row["kind"]) if e.kind is not None else None
    )


def _update_plan(lib: Library, e: UpdatePlan) -> Edit:
    old = lib.update_plan(e.plan_id, dict(e.changes))
    return UpdatePlan(e.plan_id, tuple(old.items()))


def _add_plan(lib: Library, e: AddPlan) -> Edit:
    from .drafting import set_link

    plan_id = lib.add_plan(e.plan, keep_ids=e.plan.id is not None)
    if e.link is not None:
        set_link(lib, plan_id, e.link)
    return DeletePlan(plan_id)


def _delete_plan(lib: Library, e: DeletePlan) -> Edit:
    from .drafting import link_of

    snapshot = lib.load_plan(e.plan_id)
    link = link_of(lib, e.plan_id)
    lib.delete_plan(e.plan_id)
    return AddPlan(snapshot, link)


def _batch(lib: Library, e: Batch) -> Edit:
    inverses = [_APPLY[type(edit)](lib, edit) for edit in e.edits]
    return Batch(tuple(reversed(inverses)))


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
    above = 0 if parent_id is None else lib.db.execute(
        """WITH RECURSIVE up(id, n) AS (SELECT ?, 1 UNION ALL
               SELECT nodes.parent_id, up.n + 1 FROM nodes JOIN up ON nodes.id = up.id
               WHERE nodes.parent_id IS NOT NULL AND up.n <= ?)
           SELECT max(n) FROM up""", [parent_id, MAX_DEPTH + 1]).fetchone()[0]
    if above + tree_depth([node]) > MAX_DEPTH:
        raise HierarchyError(QT_TRANSLATE_NOOP("Messages", "items may nest at most {limit} levels deep"),
                             limit=MAX_DEPTH)


def _check_subtree(parent_kind: NodeKind | None, node: Node) -> None:
    if not may_contain(parent_kind, node.kind):
        if parent_kind is None:
            raise HierarchyError(QT_TRANSLATE_NOOP("Messages", "a {kind} cannot sit at the top level"),
                                 kind=KIND_NAMES[node.kind])
        raise HierarchyError(QT_TRANSLATE_NOOP("Messages", "a {kind} cannot sit inside a {parent}"),
                             kind=KIND_NAMES[node.kind], parent=KIND_NAMES[parent_kind])
    for child in node.children:
        _check_subtree(node.kind, child)


def _check_kind_in_place(lib: Library, row: dict, kind: NodeKind) -> None:
    probe = lib.load_subtree(row["id"])
    probe.kind = kind
    _check_subtree(_kind_of(lib, row["parent_id"]), probe)


# ---- builders: the edits behind the usual commands ---------------------------------------------------------


def new_node(lib: Library, plan_id: int, parent_id: int | None, position: int | None = None,
             kind: NodeKind | None = None, title: str = "") -> AddNode:
    """A new empty node under `parent_id` (at the end unless `position`), of the kind the context calls for."""
    kind = kind or DEFAULT_CHILD[_kind_of(lib, parent_id)]
    if position is None:
        position = len(lib.child_ids(plan_id, parent_id))
    return AddNode(plan_id, parent_id, position, Node(kind=kind, title=title))


def new_sibling(lib: Library, node_id: int, title: str = "") -> AddNode:
    """A new node of the same kind right after `node_id` (what Enter does in the tree)."""
    row = lib.node_row(node_id)
    return AddNode(row["plan_id"], row["parent_id"], row["position"] + 1,
                   Node(kind=NodeKind(row["kind"]), title=title))


def move_by(lib: Library, node_id: int, delta: int) -> MoveNode | None:
    """Move up (-1) or down (+1) among siblings; None at either end."""
    row = lib.node_row(node_id)
    count = len(lib.child_ids(row["plan_id"], row["parent_id"]))
    target = row["position"] + delta
    if not 0 <= target < count:
        return None
    return MoveNode(node_id, row["parent_id"], target)


_INDENTED = {NodeKind.SECTION: NodeKind.SUBSECTION, NodeKind.SUBSECTION: NodeKind.TASK,
             NodeKind.TASK: NodeKind.ITEM, NodeKind.ITEM: NodeKind.ITEM}
_OUTDENTED = {NodeKind.ITEM: NodeKind.TASK, NodeKind.TASK: NodeKind.TASK,
              NodeKind.SUBSECTION: NodeKind.SECTION, NodeKind.SECTION: NodeKind.SECTION}


def indent(lib: Library, node_id: int) -> MoveNode | None:
    """Make the node the last child of its previous sibling, one level down (Tab). None where impossible."""
    row = lib.node_row(node_id)
    if row["position"] == 0:
        return None
    previous = lib.child_ids(row["plan_id"], row["parent_id"])[row["position"] - 1]
    prev_kind = NodeKind(lib.node_row(previous)["kind"])
    kind = NodeKind(row["kind"])
    for candidate in (kind, _INDENTED[kind]):
        if may_contain(prev_kind, candidate):
            edit = MoveNode(node_id, previous, len(lib.child_ids(row["plan_id"], previous)),
                            candidate if candidate != kind else None)
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
    for candidate in (kind, _OUTDENTED[kind], NodeKind(parent["kind"])):
        if may_contain(grand_kind, candidate):
            edit = MoveNode(node_id, parent["parent_id"], parent["position"] + 1,
                            candidate if candidate != kind else None)
            return edit if _fits(lib, edit) else None
    return None


def _fits(lib: Library, edit: MoveNode) -> bool:
    probe = lib.load_subtree(edit.node_id)
    probe.kind = edit.kind or probe.kind
    try:
        _check_subtree(_kind_of(lib, edit.parent_id), probe)
    except HierarchyError:
        return False
    return True


def duplicate_plan(lib: Library, plan_id: int, **changes) -> int:
    """Copy a whole plan as a new plan (new ids), with optional metadata changes; returns the new id."""
    plan = lib.load_plan(plan_id)
    copy_ = copy.deepcopy(plan)
    copy_.id = None
    for node in copy_.walk():
        node.id = None
    for key, value in changes.items():
        setattr(copy_, key, value)
    return lib.add_plan(copy_)
