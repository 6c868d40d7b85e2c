"""The window's panes and going round them: the structure tree's view, the editor pane's stack, Enter/F2 on a row
and F6/Shift+F6 (library, structure, editor, fields)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLayout, QStackedWidget, QTreeView, QWidget

from .treemodel import PLAN_ID

if TYPE_CHECKING:
    from .mainwindow import MainWindow


class PlanTreeView(QTreeView):
    """The structure tree. Tab leaves it like any other widget; demote and promote have keys of their own
    (Ctrl+] and Ctrl+[, or Alt+Shift+→ and ←, shown in the Edit menu)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("planTree")
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setAllColumnsShowFocus(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        # A narrow column's heading ends in "…" (its whole text is the tooltip), not cut mid-word ("Lead or responsib").
        self.header().setTextElideMode(Qt.TextElideMode.ElideRight)
        self.unit_width = 110  # the unit column's width when there is room (the user may drag it)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        # In a narrow tree the unit column gives way, so numbers and titles stay readable.
        width = self.viewport().width()
        self.header().resizeSection(1, min(self.unit_width, max(60, width // 3)))


class EditorStack(QStackedWidget):
    """The editor pane's pages (placeholder, node editor, plan properties). Qt makes a stack as wide as its widest
    page, shown or not; here the page on show decides, so a task's editor leaves the tree more room."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        if (layout := self.layout()) is not None:
            layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)  # no minimum from hidden pages
        self.currentChanged.connect(lambda _: self.updateGeometry())

    def minimumSizeHint(self):  # noqa: N802 - Qt's name
        page = self.currentWidget()
        return page.minimumSizeHint() if page is not None else super().minimumSizeHint()


def edit_current(window: MainWindow) -> None:
    """Enter or F2 on a row: the cursor to its title (the plan's title for the plan row), text kept."""
    if window.current_id() == PLAN_ID:
        window.plan_properties.focus_field("title")
    elif window.current_id() is not None:
        window.node_editor.title.setFocus(Qt.FocusReason.ShortcutFocusReason)
        window.node_editor.title.end(False)


def _panes(window: MainWindow) -> list[QWidget]:
    """The places F6 goes to, in order; panes that show nothing now are left out."""
    editor = window.node_editor
    panes: list[QWidget] = [window.library_pane.view, window.tree]
    page = window.editor_stack.currentWidget()
    if page is editor:
        panes.append(editor.title)
        if editor.fields.rows:
            panes.append(editor.fields.rows[0].value)
    elif page is window.plan_properties:
        panes.append(window.plan_properties.field("title"))
    return [w for w in panes if w.isVisibleTo(window) and w.isEnabled()]


def cycle_panes(window: MainWindow, step: int) -> None:
    panes = _panes(window)
    if not panes:
        return
    focus = QApplication.focusWidget()
    here = next((i for i, w in enumerate(panes) if focus is not None and (w is focus or w.isAncestorOf(focus))), None)
    if here is None and focus is not None and window.node_editor.isAncestorOf(focus):
        # somewhere in the editor below its title: the fields come next, then the library
        here = len(panes) - 1 if focus in {r.value for r in window.node_editor.fields.rows} else 2
    target = panes[((here if here is not None else -1) + step) % len(panes)]
    target.setFocus(Qt.FocusReason.ShortcutFocusReason)
