"""The panes beside the plan and the dialogs that follow it: Units, Progress Dashboard, Review Draft (docks),
Compare With…, Check Before Issuing…, Find and Replace…, and renaming a unit. Held by the window as `docks`;
the views themselves are in follow.py, review.py and checkdialog.py.

The docks exist from the start (View ▸ Units and View ▸ Progress Dashboard are their toggles), empty: each view
is built, and its module imported, the first time its dock is shown or the view is asked for. Most sessions
never open them, and building them cost the window's start some 0.1 s."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QInputDialog, QWidget

from ..core import drafting
from ..core.errors import PlanbookError

if TYPE_CHECKING:
    from .checkdialog import CheckDialog
    from .follow import Dashboard, UnitsView
    from .mainwindow import MainWindow
    from .review import ReplaceDialog, ReviewPanel


class FollowDocks(QObject):
    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.w = window
        self._units_view: UnitsView | None = None
        self._dashboard: Dashboard | None = None
        self._review_panel: ReviewPanel | None = None
        self.unit_filter = ""
        self._timer = QTimer(self, singleShot=True, interval=150)  # one refresh per burst of edits
        self._timer.timeout.connect(self.refresh_follow)
        self.units_dock = self._dock("unitsDock", self.tr("Units"), lambda: self.units_view)
        self.dashboard_dock = self._dock("dashboardDock", self.tr("Progress Dashboard"), lambda: self.dashboard)
        self.review_dock = self._dock("reviewDock", self.tr("Review Draft"), lambda: self.review_panel)
        # It opens by itself after drafting: as a window of its own beside the plan (double-click its title to dock
        # it), so the main window's panes keep their sizes.
        self.review_dock.setFloating(True)
        self.review_dock.resize(900, 520)
        self.check: CheckDialog | None = None  # the 发文前检查 dialog, once opened
        self.replace: ReplaceDialog | None = None  # the Find and Replace dialog, once opened

    def wire(self) -> None:
        """Once the window's model and actions exist: the views follow edits (each view's own requests are
        wired when it is built)."""
        model = self.w.model
        for signal in (model.modelReset, model.structureChanged, model.progressChanged, model.dataChanged):
            signal.connect(lambda *_: self._timer.start())
        for dock in (self.units_dock, self.dashboard_dock, self.review_dock):
            dock.visibilityChanged.connect(lambda _: self._timer.start())

    # ---- the views, built on first use ------------------------------------------------------------------

    @property
    def units_view(self) -> UnitsView:
        if self._units_view is None:
            from .follow import UnitsView

            view = self._units_view = UnitsView()
            view.openTask.connect(lambda plan_id, node_id: self.w.open_plan(plan_id, node_id))
            view.filterUnit.connect(self.filter_unit)
            view.renameUnit.connect(self.rename_unit_dialog)
            self._fill(self.units_dock, view)
        return self._units_view

    @property
    def dashboard(self) -> Dashboard:
        if self._dashboard is None:
            from .follow import Dashboard

            view = self._dashboard = Dashboard()
            view.exportReport.connect(self.w.exports.export_progress_dialog)
            self._fill(self.dashboard_dock, view)
        return self._dashboard

    @property
    def review_panel(self) -> ReviewPanel:
        if self._review_panel is None:
            from .review import ReviewPanel

            panel = self._review_panel = ReviewPanel(lambda: self.w.lib)
            panel.edit.connect(self.w.do)
            panel.openFinding.connect(self.go_to_finding)
            self._fill(self.review_dock, panel)
        return self._review_panel

    def _dock(self, name: str, title: str, view: Callable[[], QWidget]) -> QDockWidget:
        dock = QDockWidget(title, self.w)
        dock.setObjectName(name)
        self.w.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        dock.hide()
        dock.visibilityChanged.connect(lambda shown, d=dock, v=view: self._shown(shown, d, v))
        return dock

    def _shown(self, shown: bool, dock: QDockWidget, view: Callable[[], QWidget]) -> None:
        if shown:
            view()  # built now, the first time: it is on screen at once
            self._make_room_for(dock)

    @staticmethod
    def _fill(dock: QDockWidget, widget: QWidget) -> None:
        widget.setMinimumWidth(300)  # task titles and unit names need room; the panes give way (1024 wide too)
        dock.setWidget(widget)

    def _make_room_for(self, dock: QDockWidget) -> None:
        """A dock opened on a narrow window (1024 wide): it takes a third of the width, and the library pane
        folds away (its splitter handle brings it back), so the tree and the editor keep room to work in."""
        w = self.w
        if dock.isFloating() or w.width() >= 1200:
            return
        w.resizeDocks([dock], [max(300, w.width() // 3)], Qt.Orientation.Horizontal)
        sizes = w.splitter.sizes()
        if sizes[0] > 0:
            w.splitter.setSizes([0, sizes[1] + sizes[0], sizes[2]])

    def refresh_follow(self) -> None:
        """Bring the visible follow-up views up to date with the open plan (hidden ones wait until shown)."""
        w = self.w
        plan = w.model.plan
        if self.units_dock.isVisible():
            self.units_view.show_plan(w.lib, plan)
        if self.dashboard_dock.isVisible():
            self.dashboard.show_plan(plan)
        if self.review_dock.isVisible() and w.isVisible():  # a floating dock outlives a closing window
            self.review_panel.show_plan(w.model.plan_id)
        if self.unit_filter:
            self._apply_filter()

    def filter_unit(self, unit: str) -> None:
        """Show only the branches of the tree holding tasks that name `unit` ("" shows everything)."""
        self.unit_filter = unit
        self._apply_filter()
        if unit:
            self.w.statusBar().showMessage(
                self.tr("Showing the tasks of {0} (View ▸ Show All Tasks shows all)").format(unit), 6000
            )

    def _apply_filter(self) -> None:
        from ..core.units import node_units

        model, tree = self.w.model, self.w.tree

        def visit(nodes) -> bool:
            any_shown = False
            for node in nodes:
                mine = any(u == self.unit_filter for u, _ in node_units(node))
                shown = visit(node.children) or mine or not self.unit_filter
                index = model.index_of(node.id)
                tree.setRowHidden(index.row(), index.parent(), not shown)
                any_shown = any_shown or shown
            return any_shown

        if model.plan is not None:
            visit(model.plan.nodes)

    def rename_unit_dialog(self, old: str | None = None) -> bool:
        """Rename a unit in every unit field of the open plan: one undoable step."""
        from ..core.units import plan_units

        plan = self.w.model.plan
        if plan is None:
            return False
        if not old:
            units = list(plan_units(plan))
            if not units:
                self.w.statusBar().showMessage(self.tr("This plan names no units"), 5000)
                return False
            old, ok = QInputDialog.getItem(self.w, self.tr("Rename Unit"), self.tr("Unit"), units, 0, False)
            if not ok:
                return False
        new, ok = QInputDialog.getText(
            self.w, self.tr("Rename Unit"), self.tr("New name for {0}").format(old), text=old
        )
        return bool(ok) and self.rename_unit(old, new.strip())

    def rename_unit(self, old: str, new: str) -> bool:
        from ..core.units import rename_unit

        w = self.w
        if not new or new == old or w.model.plan_id is None:
            return False
        batch = rename_unit(w.lib, w.model.plan_id, old, new)
        if not batch.edits:
            w.statusBar().showMessage(self.tr("No field names {0}").format(old), 5000)
            return False
        done = w.do(batch, self.tr("Rename Unit {0} to {1}").format(old, new)) is not None
        if done:  # next year's drafts are reviewed for the old name (core.review)
            from ..core.review import record_rename

            with contextlib.suppress(PlanbookError, sqlite3.Error):  # the rename is done; only the reminder is lost
                record_rename(w.lib, old, new)
        if done and self._units_view is not None and self._units_view.isVisible():
            self.units_view.refresh()
            self.units_view.select_unit(new)
        return done

    def compare_dialog(self, other_id: int | None = None):
        """Plan ▸ Compare With…: this plan beside another, by default the one it was drafted from."""
        from .compareview import CompareView

        w = self.w
        if w.model.plan_id is None:
            return None
        if other_id is None and (link := drafting.link_of(w.lib, w.model.plan_id)):
            other_id = link.source_id
        dialog = CompareView(w.lib, w.model.plan_id, w, other_id)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def check_dialog(self):
        """Plan ▸ Check Before Issuing…: one non-modal list of what to fix in the open plan, kept beside the window."""
        from .checkdialog import CheckDialog

        w = self.w
        if w.model.plan_id is None:
            return None
        dialog = self.check
        if dialog is None:
            dialog = self.check = CheckDialog(lambda: w.lib, w.model.plan_id, w)
            dialog.openFinding.connect(self.go_to_finding)
        else:
            dialog.set_plan(w.model.plan_id)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def review_draft(self) -> ReviewPanel | None:
        """Plan ▸ Review Draft: the findings of the draft review in a dock beside the plan."""
        if self.w.model.plan is None:
            return None
        self.review_dock.show()
        self.review_dock.raise_()
        self.review_panel.show_plan(self.w.model.plan_id)
        return self.review_panel

    def replace_dialog(self) -> ReplaceDialog | None:
        """Edit ▸ Find and Replace (Ctrl+H): the open plan's texts, or every plan's read only."""
        from .review import ReplaceDialog

        w = self.w
        if w.model.plan_id is None:
            return None
        dialog = self.replace
        if dialog is None:
            dialog = self.replace = ReplaceDialog(lambda: w.lib, w.model.plan_id, w)
            dialog.edit.connect(w.do)
            dialog.openHit.connect(self.go_to_finding)
        else:
            dialog.set_plan(w.model.plan_id)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        dialog.find_text.setFocus()
        dialog.find_text.selectAll()
        return dialog

    def go_to_finding(self, plan_id: int, where: int | str) -> None:
        """Select a finding's node, or the plan row with the field's editor focused, ready for the fix."""
        w = self.w
        if where == "review":  # 发文前检查's "open review findings"
            if w.open_plan(plan_id):
                self.review_draft()
            return
        if isinstance(where, int):
            w.open_plan(plan_id, where)
        elif w.open_plan(plan_id):
            w.select_plan_row()
            w.plan_properties.focus_field(where.removeprefix("plan."))
        w.activateWindow()
