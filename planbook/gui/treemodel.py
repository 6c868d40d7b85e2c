"""The structure tree of the open plan: a Qt model over the library, kept in step edit by edit.

Row 0 at the root is the plan itself (selecting it shows its properties); its children are the plan's top-level
nodes. The model mirrors the stored tree as core `Node` values. Every change goes through `apply`, which writes
the edit to the library with `editing.apply` first and only then updates the mirror with the matching
begin/end signals, so the view never shows what the file does not hold. Numbers are derived, recomputed
after each structural change, and announced with `dataChanged` where they moved.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

from ..core import editing
from ..core.library import Library
from ..core.model import KINDS, Node, NodeKind, Plan, misfit, stored_id
from ..core.numbering import level_kind, number_tree
from .qtcompat import emit

_ROOT = QModelIndex()
PLAN_ID = 0  # internal id of the plan row; node ids start at 1
_PLAN_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDropEnabled
_NODE_FLAGS = _PLAN_FLAGS | Qt.ItemFlag.ItemIsDragEnabled
MIME = "application/x-planbook-node"
LEAD_LABELS = ("牵头单位", "牵头科室", "牵头处室", "牵头部门", "责任单位", "责任科室", "责任处室", "牵头领导")
NodeRole = Qt.ItemDataRole.UserRole + 1  # the node id (0 for the plan)
KindRole = Qt.ItemDataRole.UserRole + 2  # the NodeKind, or None for the plan


def lead_unit(node: Node) -> str:
    """What the second column shows: the lead unit, else the responsible units, else the lead official."""
    for label in LEAD_LABELS:
        value = node.field_value(label)
        if value:
            return value
    return ""


_PLAN_COLOUR = "#8c2f2f"
_icons: dict[NodeKind | None, QIcon] = {}


def kind_icon(kind: NodeKind | None) -> QIcon:
    """A small painted icon per kind (`KindSpec.icon` and `.colour`): a document for the plan, bars of falling
    weight for the levels."""
    if kind in _icons:
        return _icons[kind]
    pix = QPixmap(16, 16)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(_PLAN_COLOUR if kind is None else KINDS[kind].colour)
    p.setPen(colour.darker(130))
    p.setBrush(colour)
    _SHAPES["plan" if kind is None else KINDS[kind].icon](p, colour)
    p.end()
    _icons[kind] = QIcon(pix)
    return _icons[kind]


def _plan_shape(p: QPainter, colour: QColor) -> None:
    p.setBrush(QColor("#fdf6e3"))
    p.drawRect(3, 1, 10, 14)
    p.setPen(colour)
    for y in (5, 8, 11):
        p.drawLine(5, y, 11, y)


def _card_shape(p: QPainter, _colour: QColor) -> None:
    """A card with lines of text (a tick here read as "done", which a task is not until its status says so)."""
    p.drawRoundedRect(3, 2, 10, 12, 2, 2)
    p.setPen(QColor("white"))
    for y in (6, 9, 12):
        p.drawLine(5, y, 11 if y < 12 else 9, y)


_SHAPES = {
    "plan": _plan_shape,
    "block": lambda p, _: p.drawRoundedRect(1, 2, 14, 12, 2, 2),
    "small-block": lambda p, _: p.drawRoundedRect(3, 3, 11, 10, 2, 2),
    "card": _card_shape,
    "dot": lambda p, _: p.drawEllipse(5, 5, 6, 6),
}


class PlanTreeModel(QAbstractItemModel):
    """Two columns: number and title; lead unit."""

    moveRequested = Signal(object)  # a MoveNode from a drop, for the window to run as an undoable command
    planChanged = Signal()  # the plan's own metadata changed (title, year, status …)
    structureChanged = Signal()  # nodes were added, removed or moved
    progressChanged = Signal()  # a task's status or progress notes changed
    changeApplied = Signal(object)  # the editing.Change of every edit made through `apply`, undo and redo too

    def __init__(self, lib: Library, parent: QObject | None = None):
        super().__init__(parent)
        self.lib = lib
        self.plan: Plan | None = None
        self._nodes: dict[int, Node] = {}
        self._parent: dict[int, int] = {}  # node id → parent node id (PLAN_ID at the top level)
        self._rows: dict[int, int] = {}  # node id → row among its siblings
        self.loading_id: int | None = None  # set by `load` just before its reset
        self._numbers: dict[int, str] = {}
        # The column shows the lead unit, else the responsible units (lead_unit): "Lead unit" named 责任单位 values wrongly.
        self._headers = (self.tr("Structure"), self.tr("Lead or responsible unit"))
        self.untitled = self.tr("(untitled)")
        self._bold = QFont()
        self._bold.setBold(True)

    # ---- loading ---------------------------------------------------------------------------------------

    def load(self, plan_id: int | None) -> None:
        """Show plan `plan_id` (None: nothing)."""
        self.loading_id = plan_id  # what the reset about to be announced will show (the window's folds)
        self.beginResetModel()
        self.plan = self.lib.load_plan(plan_id) if plan_id is not None else None
        self._nodes.clear()
        self._parent.clear()
        self._rows.clear()
        if self.plan is not None:
            self._register(self.plan.nodes, PLAN_ID)
        self._numbers = self._compute_numbers()
        self.endResetModel()

    def set_library(self, lib: Library) -> None:
        self.lib = lib
        self.load(None)

    @property
    def plan_id(self) -> int | None:
        return self.plan.id if self.plan else None

    def _register(self, children: list[Node], parent_id: int) -> None:
        for row, node in enumerate(children):  # nodes loaded from the library: each has its id
            node_id = stored_id(node)
            self._nodes[node_id] = node
            self._parent[node_id] = parent_id
            self._rows[node_id] = row
            self._register(node.children, node_id)

    def _unregister(self, node: Node) -> None:
        for node_id in (stored_id(n) for n in node.walk()):
            self._nodes.pop(node_id, None)
            self._parent.pop(node_id, None)
            self._rows.pop(node_id, None)

    def _reindex(self, parent_id: int) -> None:
        for row, node in enumerate(self._children(parent_id)):
            self._rows[stored_id(node)] = row

    def _children(self, parent_id: int) -> list[Node]:
        if parent_id == PLAN_ID:
            return self.plan.nodes if self.plan is not None else []
        return self._nodes[parent_id].children

    def _compute_numbers(self) -> dict[int, str]:
        if self.plan is None:
            return {}
        by_object = number_tree(self.plan.nodes, self.plan.numbering)
        return {stored_id(node): by_object[id(node)] for node in self.plan.walk()}

    # ---- lookups for the window -----------------------------------------------------------------------

    def node(self, node_id: int) -> Node | None:
        return self._nodes.get(node_id)

    def parent_id(self, node_id: int) -> int | None:
        """The parent node's id, or None at the plan's top level."""
        parent = self._parent.get(node_id)
        return None if parent in (None, PLAN_ID) else parent

    def number(self, node_id: int) -> str:
        return self._numbers.get(node_id, "")

    def prints_as(self, node_id: int) -> NodeKind | None:
        """In outline numbering, the kind whose number a node's level prints (a task under a section: （一）);
        None in the other modes, where every kind prints its own."""
        if self.plan is None or not self.plan.numbering.by_level:
            return None
        depth, parent = 1, self.parent_id(node_id)
        while parent is not None:
            depth, parent = depth + 1, self.parent_id(parent)
        return level_kind(depth)

    def plan_index(self) -> QModelIndex:
        return self.createIndex(0, 0, PLAN_ID) if self.plan else QModelIndex()

    def index_of(self, node_id: int | None, column: int = 0) -> QModelIndex:
        """The index of a node (None or PLAN_ID: the plan row)."""
        if self.plan is None:
            return QModelIndex()
        if node_id in (None, PLAN_ID):
            return self.createIndex(0, column, PLAN_ID)
        if node_id not in self._nodes:
            return QModelIndex()
        return self.createIndex(self._rows[node_id], column, node_id)

    @staticmethod
    def id_of(index: QModelIndex) -> int | None:
        """The node id at an index; PLAN_ID for the plan row; None for no index."""
        return index.internalId() if index.isValid() else None

    # ---- QAbstractItemModel ------------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> QModelIndex:
        if self.plan is None or not 0 <= column < 2 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(0, column, PLAN_ID) if row == 0 else QModelIndex()
        children = self._children(parent.internalId())
        if row >= len(children):
            return QModelIndex()
        return self.createIndex(row, column, children[row].id)

    def parent(self, index: QModelIndex = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        node_id = index.internalId()
        if node_id == PLAN_ID:
            return QModelIndex()
        parent_id = self._parent[node_id]
        if parent_id == PLAN_ID:
            return self.createIndex(0, 0, PLAN_ID)
        return self.createIndex(self._rows[parent_id], 0, parent_id)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        if self.plan is None:
            return 0
        if not parent.isValid():
            return 1
        if parent.column() != 0:
            return 0
        return len(self._children(parent.internalId()))

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        horizontal = orientation == Qt.Orientation.Horizontal and 0 <= section < 2
        if horizontal and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.plan is None:
            return None
        node_id = index.internalId()
        col = index.column()
        if node_id == PLAN_ID:
            return self._plan_data(col, role)
        node = self._nodes.get(node_id)
        if node is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                title = node.title or self.untitled
                return f"{self._numbers.get(node_id, '')}{title}"
            return lead_unit(node)
        if role == Qt.ItemDataRole.DecorationRole and col == 0:
            return kind_icon(node.kind)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(x for x in (node.title, node.body[:200]) if x) or None
        if role == Qt.ItemDataRole.FontRole and col == 0 and KINDS[node.kind].depth == 1:
            return self._bold
        if role == NodeRole:
            return node_id
        if role == KindRole:
            return node.kind
        return None

    def _plan_data(self, col: int, role: int):
        if role == Qt.ItemDataRole.DisplayRole:
            return self.plan.title if col == 0 and self.plan is not None else ""
        if role == Qt.ItemDataRole.DecorationRole and col == 0:
            return kind_icon(None)
        if role == Qt.ItemDataRole.FontRole and col == 0:
            return self._bold
        if role == NodeRole:
            return PLAN_ID
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        # Asked for every row as the tree lays out: made once (Python's enum `|` took a third of a plan switch).
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _PLAN_FLAGS if index.internalId() == PLAN_ID else _NODE_FLAGS

    # ---- drag and drop: move only, and only where the hierarchy allows -----------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    # Qt allows nullptr here (no drag), which the stubs do not say.
    def mimeData(  # pyright: ignore[reportIncompatibleMethodOverride]
        self, indexes: Sequence[QModelIndex]
    ) -> QMimeData | None:
        ids = [i.internalId() for i in indexes if i.isValid() and i.column() == 0 and i.internalId() != PLAN_ID]
        if not ids:
            return None
        data = QMimeData()
        data.setData(MIME, QByteArray(str(ids[0]).encode()))
        return data

    def _drop_move(self, data: QMimeData, row: int, parent: QModelIndex) -> editing.MoveNode | None:
        """The move a drop asks for, or None where the hierarchy (or common sense) forbids it."""
        if self.plan is None or not data.hasFormat(MIME) or not parent.isValid():
            return None
        try:
            node_id = int(bytes(data.data(MIME).data()).decode())
        except ValueError:
            return None
        node = self._nodes.get(node_id)
        target = parent.internalId()
        if node is None:
            return None
        # Never into its own subtree.
        walk = target
        while walk != PLAN_ID:
            if walk == node_id:
                return None
            walk = self._parent[walk]
        target_kind = None if target == PLAN_ID else self._nodes[target].kind
        if misfit(target_kind, node) is not None:
            return None
        siblings = self._children(target)
        position = len(siblings) if row < 0 else min(row, len(siblings))
        if self._parent[node_id] == target:
            old = self._rows[node_id]
            if position > old:
                position -= 1
            if position == old:
                return None
        return editing.MoveNode(node_id, None if target == PLAN_ID else target, position)

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        return action == Qt.DropAction.MoveAction and self._drop_move(data, row, parent) is not None

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        move = self._drop_move(data, row, parent) if action == Qt.DropAction.MoveAction else None
        if move is None:
            return False
        emit(self.moveRequested, move)
        # True tells the view the drop was handled; it then asks removeRows, which this model refuses, so the
        # move above (an undoable command) is the only change.
        return True

    # ---- applying edits: the library first, then the mirror ------------------------------------------

    def apply(self, edit: editing.Edit) -> editing.Change:
        """Write `edit` to the library, then mirror it here when its change record names the shown plan;
        returns the change (its inverse is the undo)."""
        shown = self.plan_id
        change = editing.apply(self.lib, edit)
        if shown is not None and shown in change.plans:
            self._mirror(shown, edit, change)
        emit(self.changeApplied, change)
        return change

    def _mirror(self, shown: int, edit: editing.Edit, change: editing.Change) -> None:
        mirror = {
            editing.AddNode: self._apply_add,
            editing.DeleteNode: self._apply_delete,
            editing.EditNode: self._apply_edit,
            editing.SetFields: self._apply_fields,
            editing.SetProgress: self._apply_progress,
            editing.MoveNode: self._apply_move,
            editing.UpdatePlan: self._apply_plan,
        }.get(type(edit))  # the quick, row-by-row mirrors; any other change shows the plan afresh
        if mirror is None or shown in change.removed_plans:
            self._reload(shown, change)
        else:
            mirror(edit, change)
        self._renumber()

    def _apply_add(self, edit: editing.AddNode, change: editing.Change) -> None:
        (node_id,) = change.nodes  # the new node's id
        node = self.lib.load_subtree(node_id)
        parent = PLAN_ID if edit.parent_id is None else edit.parent_id
        self.beginInsertRows(self.index_of(parent), edit.position, edit.position)
        self._children(parent).insert(edit.position, node)
        self._register([node], parent)
        self._reindex(parent)
        self.endInsertRows()
        emit(self.structureChanged)

    def _apply_delete(self, edit: editing.DeleteNode, change: editing.Change) -> None:
        node = self._nodes[edit.node_id]
        parent = self._parent[edit.node_id]
        row = self._rows[edit.node_id]
        self.beginRemoveRows(self.index_of(parent), row, row)
        del self._children(parent)[row]
        self._unregister(node)
        self._reindex(parent)
        self.endRemoveRows()
        emit(self.structureChanged)

    def _apply_edit(self, edit: editing.EditNode, change: editing.Change) -> None:
        node = self._nodes[edit.node_id]
        if edit.title is not None:
            node.title = edit.title
        if edit.body is not None:
            node.body = edit.body
        if edit.kind is not None:
            node.kind = NodeKind(edit.kind)
        self._changed(edit.node_id)

    def _apply_fields(self, edit: editing.SetFields, change: editing.Change) -> None:
        self._nodes[edit.node_id].fields = [type(f)(f.label, f.value) for f in edit.fields]
        self._changed(edit.node_id)

    def _apply_progress(self, edit: editing.SetProgress, change: editing.Change) -> None:
        node = self._nodes[edit.node_id]
        node.status, node.notes = edit.status, list(edit.notes)
        self._changed(edit.node_id)
        emit(self.progressChanged)

    def _apply_move(self, edit: editing.MoveNode, change: editing.Change) -> None:
        node = self._nodes[edit.node_id]
        src_parent = self._parent[edit.node_id]
        src_row = self._rows[edit.node_id]
        dst_parent = PLAN_ID if edit.parent_id is None else edit.parent_id
        # Qt counts the destination row before the node leaves; MoveNode counts it after.
        dst_row = edit.position + 1 if dst_parent == src_parent and edit.position > src_row else edit.position
        moves = not (dst_parent == src_parent and dst_row in (src_row, src_row + 1))
        if moves:
            self.beginMoveRows(self.index_of(src_parent), src_row, src_row, self.index_of(dst_parent), dst_row)
        del self._children(src_parent)[src_row]
        self._children(dst_parent).insert(edit.position, node)
        self._parent[edit.node_id] = dst_parent
        self._reindex(src_parent)
        self._reindex(dst_parent)
        if moves:
            self.endMoveRows()
        if edit.kind is not None:
            node.kind = NodeKind(edit.kind)
            self._changed(edit.node_id)
        emit(self.structureChanged)

    def _apply_plan(self, edit: editing.UpdatePlan, change: editing.Change) -> None:
        if self.plan is None:  # a plan edit reaches a model showing that plan
            return
        header = self.lib.load_plan_header(stored_id(self.plan))
        header.nodes = self.plan.nodes
        self.plan = header
        top = self.index_of(PLAN_ID)
        emit(self.dataChanged, top, self.index_of(PLAN_ID, 1))
        emit(self.planChanged)

    def _reload(self, plan_id: int, change: editing.Change) -> None:
        """Changes touching many places at once (a batch, a whole plan): show the plan afresh."""
        self.load(None if plan_id in change.removed_plans else plan_id)
        emit(self.structureChanged)

    def _changed(self, node_id: int) -> None:
        emit(self.dataChanged, self.index_of(node_id, 0), self.index_of(node_id, 1))

    def _renumber(self) -> None:
        """Recompute the derived numbers and announce the rows whose number moved."""
        numbers = self._compute_numbers()
        changed = [nid for nid, n in numbers.items() if self._numbers.get(nid) != n]
        self._numbers = numbers
        for parent, first, last in self._row_runs(changed):
            emit(
                self.dataChanged,
                self.index(first, 0, parent),
                self.index(last, 0, parent),
                [Qt.ItemDataRole.DisplayRole],
            )

    def _row_runs(self, node_ids: list[int]) -> list[tuple[QModelIndex, int, int]]:
        """The nodes as (parent index, first row, last row) runs of adjacent siblings: a task added near the top
        of continuously numbered tasks renumbers thousands of rows, one signal per section instead of per row
        (each one runs every slot connected to dataChanged)."""
        rows: dict[int, list[int]] = {}
        for nid in node_ids:
            rows.setdefault(self._parent[nid], []).append(self._rows[nid])
        runs = []
        for parent_id, found in rows.items():
            parent = self.index_of(parent_id)
            found.sort()
            start = found[0]
            for before, row in zip(found, found[1:] + [None]):
                if row != before + 1:
                    runs.append((parent, start, before))
                    start = row
        return runs
