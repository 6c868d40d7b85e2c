"""Edits of the selected row in the structure tree (Edit ▸ New Sibling, New Child, New <kind>, Delete, Move,
Promote, Demote): each builds a core edit, runs it through the window's `do` and selects where the work goes on."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from ..core import editing
from ..core.model import NodeKind, may_contain
from .editors import short_kind_names
from .treemodel import PLAN_ID

if TYPE_CHECKING:
    from .mainwindow import MainWindow


class TreeCommands(QObject):
    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.w = window

    def _selected_node(self) -> int | None:
        """The selected row's node id; None on the plan row or with nothing selected."""
        current = self.w.current_id()
        return None if current in (None, PLAN_ID) else current

    def _after_new(self, change: editing.Change | None) -> None:
        if change is not None:
            self.w.select_node(self.w._focus(change))
            self.w.node_editor.title.setFocus()

    def new_sibling(self) -> None:
        if self.w.model.plan is None:
            return
        current = self._selected_node()
        if current is None:
            self.new_child()
            return
        edit = editing.new_sibling(self.w.lib, current)
        self._after_new(self.w.do(edit, self._add_text(edit.node.kind)))

    def new_child(self) -> None:
        plan_id = self.w.model.plan_id
        if self.w.model.plan is None or plan_id is None:
            return
        edit = editing.new_node(self.w.lib, plan_id, self._selected_node())
        self._after_new(self.w.do(edit, self._add_text(edit.node.kind)))

    def new_of_kind(self, kind: NodeKind) -> None:
        """A new node of `kind` where it fits nearest the selection: after a node of that kind, else inside."""
        model, plan_id = self.w.model, self.w.model.plan_id
        if model.plan is None or plan_id is None:
            return
        walk = self._selected_node()
        while True:
            node = model.node(walk) if walk is not None else None
            if node is not None and walk is not None and node.kind is kind:
                parent, position = model.parent_id(walk), model.index_of(walk).row() + 1
                break
            if may_contain(node.kind if node else None, kind):
                parent, position = walk, None
                break
            if walk is None:
                return
            walk = model.parent_id(walk)
        edit = editing.new_node(self.w.lib, plan_id, parent, position, kind)
        self._after_new(self.w.do(edit, self._add_text(kind)))

    def _add_text(self, kind: NodeKind) -> str:
        return self.tr("Add {0}").format(short_kind_names()[kind])

    def delete_node(self, name: str | None = None) -> None:
        current = self._selected_node()
        node = self.w.model.node(current) if current is not None else None
        if current is None or node is None:
            return
        name = name or self.tr("Delete {0}").format(short_kind_names()[node.kind])
        change = self.w.do(editing.DeleteNode(current), name)
        if change is not None:
            self.w.select_node(self.w._focus(change))

    def move(self, delta: int) -> None:
        current = self._selected_node()
        if current is None:
            return
        edit = editing.move_by(self.w.lib, current, delta)
        if edit is None:
            self.w.statusBar().showMessage(
                self.tr("Already at the top") if delta < 0 else self.tr("Already at the bottom"), 3000
            )
            return
        if self.w.do(edit, self.tr("Move Up") if delta < 0 else self.tr("Move Down")):
            self.w.select_node(current)

    def indent(self) -> None:
        self._shift(editing.indent, self.tr("Demote"), self.tr("Cannot demote here"))

    def outdent(self) -> None:
        self._shift(editing.outdent, self.tr("Promote"), self.tr("Cannot promote here"))

    def _shift(self, builder: Callable, text: str, refusal: str) -> None:
        current = self._selected_node()
        if current is None:
            return
        edit = builder(self.w.lib, current)
        if edit is None:
            self.w.statusBar().showMessage(refusal, 3000)
            return
        if self.w.do(edit, text):
            self.w.tree.expand(self.w.model.index_of(edit.parent_id))
            self.w.select_node(current)
