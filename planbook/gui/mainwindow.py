"""The main window: library pane, structure tree, editor pane; menus, undo, settings.

Every change to a plan is a core edit run through `do`, which applies it (the library file has it at once: there
is no Save) and pushes an undo command. Undo and redo run the stored inverse edits through `_run`, which shows
the plan and the node the edit's change record names.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QModelIndex, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QWidget,
)

from ..core import drafting, editing
from ..core.errors import PlanbookError, ReadOnlyLibrary
from ..core.library import Library
from .actions import ActionSet
from .commands import EditCommand
from .docks import FollowDocks
from .editors import NodeEditor, PlanProperties
from .exports import ExportController
from .firstpaint import FirstPaint
from .imports import ImportController
from .jobs import stop_jobs
from .librarypane import LibraryPane
from .messages import describe, upgrading_notice
from .panes import EditorStack, PlanTreeView
from .plancommands import PlanCommands
from .safety import LibrarySafety, set_read_only
from .screen import fit_to_screen, keep_on_screen
from .searchpanel import SearchPanel
from .session import LibrarySession
from .treecommands import TreeCommands
from .treemodel import PLAN_ID, PlanTreeModel

if TYPE_CHECKING:
    from .help import GuideWindow


class MainWindow(QMainWindow):
    """The window and its parts: `session` (the open library), `safety` (read-only, other programs, failed
    writes, backups), `imports` and `exports` (the file flows), `plans` and `tree_edits` (the commands that
    edit), `docks` (units, dashboard, review and their dialogs); actions and menus come from actions.py."""

    importFinished = Signal(list)  # [(path, plan ids, error)] once an import is in the library
    exportFinished = Signal(list)

    def __init__(self, lib: Library, settings: QSettings, language: str = "zh"):
        super().__init__()
        self.setObjectName("mainWindow")
        self.first_paint = FirstPaint(self)  # the backup and a large list's read start once the window is painted
        self.session = LibrarySession(lib, settings)
        self.settings = settings
        self.language = language
        self.guide: GuideWindow | None = None  # Help ▸ User Guide, once opened
        self.undo_stack = QUndoStack(self)
        self.model = PlanTreeModel(lib, self)
        self.library_pane = LibraryPane()
        self.library_pane.start_read = self.first_paint.later
        self.tree = PlanTreeView()
        self.tree.setModel(self.model)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, self.tree.header().ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, self.tree.header().ResizeMode.Interactive)
        self.tree.header().resizeSection(1, self.tree.unit_width)
        # The task editor and the plan's properties are built when first shown (or asked for): a start with no
        # plan open (a large library, until its list is read) shows neither.
        self._node_editor: NodeEditor | None = None
        self._plan_properties: PlanProperties | None = None
        self.placeholder = QLabel(self.tr("Choose a plan in the library, or create one with File ▸ New Plan."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.editor_stack = EditorStack()
        self.editor_stack.addWidget(self.placeholder)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        # The library pane may be narrowed to a sliver (or folded) when a dock needs the room on a small screen.
        self.library_pane.setMinimumWidth(60)
        for pane in (self.library_pane, self.tree, self.editor_stack):
            self.splitter.addWidget(pane)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 3)
        self.splitter.setSizes([300, 460, 460])
        self.setCentralWidget(self.splitter)

        self.exports = ExportController(self)  # its links to the exported file come first in the status bar
        self.saved_label = QLabel()
        self.statusBar().addPermanentWidget(self.saved_label)
        self._library_timer = QTimer(self)
        self._library_timer.setSingleShot(True)
        self._library_timer.setInterval(400)
        self._library_timer.timeout.connect(self.refresh_open_plan_row)

        self.docks = FollowDocks(self)
        self.safety = LibrarySafety(self)
        self.imports = ImportController(self)  # files dropped on the window too
        self.plans = PlanCommands(self)
        self.tree_edits = TreeCommands(self)
        self.action_set = ActionSet(self, self.safety.guard)  # library errors in a handler become one message
        self.action_set.build_menus(self.menuBar())
        self._build_search()
        self._connect()
        self.docks.wire()
        self.refresh_library()
        self._update_title()
        self._update_actions()
        self.safety.install()  # read-only banner, watching other programs' changes, the day's backup
        # Once painted, while a large list is read on its worker, the editors are made ready: opening the first plan
        # when the list arrives (or the first click on a task) then does not build them.
        self.first_paint.later(self._build_editors)

    @property
    def lib(self) -> Library:
        """The open library (the session holds it; switching libraries replaces it)."""
        return self.session.lib

    @property
    def node_editor(self) -> NodeEditor:
        """The editor of the selected row below the plan row: built the first time it is needed."""
        if self._node_editor is None:
            editor = self._node_editor = NodeEditor()
            editor.edit.connect(self.do)
            editor.title.returnPressed.connect(self.tree.setFocus)
            self._add_editor(editor)
        return self._node_editor

    @property
    def plan_properties(self) -> PlanProperties:
        """The plan row's editor (title, year, the notice's parts): built the first time it is needed."""
        if self._plan_properties is None:
            editor = self._plan_properties = PlanProperties()
            editor.library = lambda: self.lib
            editor.edit.connect(self.do)
            self._add_editor(editor)
        return self._plan_properties

    def _build_editors(self) -> None:
        for _ in (self.node_editor, self.plan_properties):
            pass

    def editors(self) -> list[QWidget]:
        """The editor pages built so far (a read-only library makes each read-only, those built later too)."""
        return [editor for editor in (self._node_editor, self._plan_properties) if editor is not None]

    def _add_editor(self, editor: QWidget) -> None:
        self.editor_stack.addWidget(editor)
        set_read_only(editor, self.lib.readonly)

    # ---- building ------------------------------------------------------------------------------------

    def _build_search(self) -> None:
        """The toolbar's search box and the results panel docked below (shown when there is a query)."""
        bar = self.addToolBar(self.tr("Search"))
        bar.setObjectName("searchToolbar")
        bar.setMovable(False)
        self.search_box = QLineEdit()
        self.search_box.setObjectName("searchBox")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setPlaceholderText(
            self.tr('Search all plans (Ctrl+F): 校园足球  "立德树人"  -疫情  year:2019  unit:基教科')
        )
        bar.addWidget(self.search_box)
        self.search_panel = SearchPanel(self.search_box)
        self.search_panel.set_library(self.lib)
        self.search_dock = QDockWidget(self.tr("Search Results"), self)
        self.search_dock.setObjectName("searchDock")
        self.search_dock.setWidget(self.search_panel)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.search_dock)
        self.search_dock.hide()
        self.search_box.textChanged.connect(lambda text: self.search_dock.setVisible(bool(text.strip())))
        self.search_box.textChanged.connect(lambda text: text.strip() or self._clear_highlight())
        self.search_panel.current_plan = lambda: self.model.plan_id
        self.search_panel.hitChosen.connect(self.open_hit)

    def _clear_highlight(self) -> None:
        if self._node_editor is not None:
            self._node_editor.highlight([])

    def focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def open_hit(self, plan_id: int, node_id: int | None, terms: list[str]) -> None:
        """Open a search hit: its plan, the node selected, the hits highlighted in the editor."""
        if self.open_plan(plan_id, node_id) and node_id is not None:
            self.node_editor.highlight(terms)

    def _connect(self) -> None:
        self.library_pane.planChosen.connect(lambda pid: self.open_plan(pid))
        self.library_pane.loaded.connect(self._library_loaded)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.model.dataChanged.connect(self._model_data_changed)
        self.model.moveRequested.connect(lambda move: self.do(move, self.tr("Move")))
        self.model.planChanged.connect(self._plan_changed)
        self.model.modelReset.connect(self._update_actions)
        self.model.modelAboutToBeReset.connect(self._remember_folds)
        self.model.modelReset.connect(self._restore_folds)
        self.undo_stack.indexChanged.connect(lambda _: self._saved())
        for signal in (
            self.model.structureChanged,
            self.model.progressChanged,
            self.model.dataChanged,
            self.model.planChanged,
        ):  # edits, undo and redo, but not merely opening a plan
            signal.connect(lambda *_: self.search_panel.refresh_soon())
            signal.connect(self.search_panel.user_active)
        self.tree.selectionModel().currentChanged.connect(self.search_panel.user_active)
        self.library_pane.filter.textChanged.connect(self.search_panel.user_active)  # filtering is work too

    # ---- the edit path ---------------------------------------------------------------------------------

    def do(self, edit: editing.Edit, text: str, merge_key=None) -> editing.Change | None:
        """Apply an edit now (autosave) and make it undoable; its change record, or None (with a status
        message) if refused."""
        plan_id = self.model.plan_id
        try:
            # Typing (a step that merges into the last) leaves its search indexing to the next pause (Library.index_later)
            with self.lib.index_later(merge_key is not None):
                change = self.model.apply(edit)
        except (sqlite3.Error, ReadOnlyLibrary) as e:  # disk full, locked, damaged, read-only: nothing was written
            self.safety.edit_failed(e)
            return None
        except PlanbookError as e:
            self.statusBar().showMessage(describe(e), 5000)
            self._show_current()  # the editor shows what is stored, not the refused value
            return None
        whole = change.added_plans | change.removed_plans
        if whole:  # a plan was added or removed: the step belongs to it
            plan_id = min(whole)
        self.undo_stack.push(
            EditCommand(self._run, text, edit, change.inverse, plan_id, merge_key, on_error=self.safety.command_failed)
        )
        self._library_follows(change)
        self._update_actions()
        return change

    def _run(self, edit: editing.Edit, plan_id: int | None) -> editing.Change:
        """Undo/redo: apply a stored edit and show what it changed, on the plan it changed."""
        change = self.model.apply(edit)
        self._library_follows(change)
        if change.aspects & editing.Aspect.PLANS:
            if change.added_plan is not None:
                self.open_plan(change.added_plan)
            elif self.model.plan is None:
                self._show_nothing()
            return change
        elsewhere = change.plans - {self.model.plan_id}
        if elsewhere:  # a step on a plan that is not shown: show it, as it now is
            self.open_plan(min(elsewhere))
        self.select_node(self._focus(change))
        self._update_actions()
        return change

    def _focus(self, change: editing.Change) -> int | None:
        """Which row to select once `change` is made: what its record points at, else where the user was."""
        if change.focus is None:
            return self.current_id()
        return PLAN_ID if change.focus == editing.PLAN_FOCUS else change.focus

    # ---- opening plans and libraries ----------------------------------------------------------------

    def open_plan(self, plan_id: int | None, node_id: int | None = None) -> bool:
        """Show plan `plan_id` in the tree, with `node_id` (default: the plan row) selected."""
        if plan_id is not None and plan_id == self.model.plan_id and node_id is None:
            return True
        try:
            self.model.load(plan_id)
        except PlanbookError as e:
            self.statusBar().showMessage(describe(e), 5000)
            self.model.load(None)
            plan_id = None
        if plan_id is None:
            self._show_nothing()
            return False
        self.library_pane.select(plan_id)
        from .recent import remember

        remember(self, plan_id)
        self.select_node(node_id if node_id is not None and self.model.node(node_id) else PLAN_ID)
        self._update_title()
        self._update_actions()
        return True

    def _show_nothing(self) -> None:
        self.editor_stack.setCurrentWidget(self.placeholder)
        self.library_pane.select(None)
        self._update_title()
        self._update_actions()

    def switch_library(self, path: str | Path) -> bool:
        notices: list[QWidget] = []
        try:
            lib = Library.open(path, before_upgrade=lambda p: notices.append(upgrading_notice(p)))
        except PlanbookError as e:
            QMessageBox.warning(self, self.tr("Cannot open the library"), describe(e))
            return False
        finally:
            for notice in notices:
                notice.close()
        self._save_session()
        if self.docks.check is not None:  # it lists a plan of the library being closed
            self.docks.check.close()
        self.session.replace(lib)
        self.undo_stack.clear()
        self.model.set_library(lib)
        self.search_panel.set_library(lib)
        self.safety.library_opened()
        self.session.remember()
        self.refresh_library()
        self._show_nothing()
        ids = [p.id for p in self.library_pane.plans]
        if ids:
            self.open_plan(ids[0])
        return True

    def refresh_open_plan_row(self) -> None:
        """The open plan's row in the library pane follows its edits; no other plan is read or touched."""
        if self.model.plan_id is not None:
            self.library_pane.update_plans(self.lib.list_plans([self.model.plan_id]))

    def refresh_library(self) -> None:
        """The whole list again (start, another library); a large one is read on a worker (`_library_loaded`)."""
        self.library_pane.fill(self.lib, self.model.plan_id)
        if not self.library_pane.loading:
            count = len(self.library_pane.model.summaries)
            self.statusBar().showMessage(self.tr("{0} plans in {1}").format(count, self.lib.path), 4000)

    def _library_loaded(self, problem: str) -> None:
        """A large library's list has arrived: it catches up with edits made meanwhile; with no plan open yet,
        the first one opens (as `restore` does with a small library)."""
        if problem:
            self.statusBar().showMessage(problem, 8000)
            return
        self.library_pane.catch_up(self.lib)
        count = len(self.library_pane.model.summaries)
        self.statusBar().showMessage(self.tr("{0} plans in {1}").format(count, self.lib.path), 4000)
        if self.model.plan is None and (first := self.library_pane.first_plan_id()) is not None:
            self.open_plan(first)

    def _library_follows(self, change: editing.Change) -> None:
        """Plans added, removed, or changed other than the open one (whose row follows its edits on a timer)."""
        if change.aspects & editing.Aspect.PLANS or change.plans - {self.model.plan_id}:
            self.library_pane.apply_change(self.lib, change)

    def open_library_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open Library"),
            str(self.lib.path.parent),
            self.tr("Planbook libraries (*.db *.planbook *.sqlite);;All files (*)"),
        )
        if path:
            self.switch_library(path)

    def new_library_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("New Library"),
            str(self.lib.path.parent / "planbook.db"),
            self.tr("Planbook libraries (*.db)"),
        )
        if path:
            self.switch_library(path)

    # ---- selection and the editor pane --------------------------------------------------------------

    def current_id(self) -> int | None:
        """The selected node id, PLAN_ID for the plan row, None for nothing."""
        return self.model.id_of(self.tree.currentIndex())

    def select_node(self, node_id: int | None) -> None:
        index = self.model.index_of(PLAN_ID if node_id is None else node_id)
        moved = index.isValid() and index != self.tree.currentIndex()
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)
        if not moved:  # a new current row has been shown already, by _current_changed
            self._show_current()

    def select_plan_row(self) -> None:
        self.select_node(PLAN_ID)

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        self._show_current()
        self._update_actions()

    def _show_current(self) -> None:
        node_id, plan, plan_id = self.current_id(), self.model.plan, self.model.plan_id
        node = self.model.node(node_id) if node_id is not None and node_id != PLAN_ID else None
        if plan is None or plan_id is None or node_id is None or (node_id != PLAN_ID and node is None):
            self.editor_stack.setCurrentWidget(self.placeholder)
        elif node is None:  # the plan row
            link = drafting.link_of(self.lib, plan_id)
            source = self.tr("Drafted from “{0}” (plan {1})").format(link.source_title, link.source_id) if link else ""
            self.plan_properties.show_plan(plan, source)
            self.editor_stack.setCurrentWidget(self.plan_properties)
        else:
            from ..core.progress import is_tracked

            self.node_editor.show_node(
                node, self.model.number(node_id), is_tracked(plan, node), self.model.prints_as(node_id)
            )
            self.editor_stack.setCurrentWidget(self.node_editor)

    def _model_data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex, roles=()) -> None:
        """The editor follows its row, also inside a run of renumbered rows (its heading shows the number)."""
        current = self.tree.currentIndex()
        if (
            current.isValid()
            and current.parent() == top_left.parent()
            and top_left.row() <= current.row() <= bottom_right.row()
        ):
            self._show_current()

    def _plan_changed(self) -> None:
        self._update_title()
        self._library_timer.start()  # titles in the library pane follow, without a rebuild per keystroke

    def _saved(self) -> None:
        self.saved_label.setText(self.tr("All changes saved · {0}").format(dt.datetime.now().strftime("%H:%M:%S")))

    def _update_title(self) -> None:
        parts = [self.model.plan.title] if self.model.plan else []
        parts += [self.lib.path.name + (self.tr(" (read-only)") if self.lib.readonly else ""), "Planbook"]
        self.setWindowTitle(" — ".join(parts))

    def _update_actions(self) -> None:
        has_plan = self.model.plan is not None
        on_node = has_plan and self.current_id() not in (None, PLAN_ID)
        self.action_set.update(has_plan, on_node, self.lib.readonly)

    def focus_filter(self) -> None:
        self.library_pane.filter.setFocus()
        self.library_pane.filter.selectAll()

    def collapse_to_sections(self) -> None:
        self.tree.collapseAll()
        self.tree.expand(self.model.plan_index())

    def _remember_folds(self) -> None:
        """Before the tree is rebuilt (a paste, 规范标点, another program's change): which rows were folded."""
        plan = self.model.plan if self.model.loading_id == self.model.plan_id else None  # another plan: all open
        folded = {i for i in self.model._nodes if not self.tree.isExpanded(self.model.index_of(i))} if plan else set()
        self._folds = (self.model.plan_id, folded)

    def _restore_folds(self) -> None:
        """The same plan shown afresh keeps its folds (every row open when it was another plan)."""
        plan_id, folded = getattr(self, "_folds", (None, set()))
        self.tree.expandAll()
        if plan_id is not None and plan_id == self.model.plan_id:
            for node_id in folded:
                if (index := self.model.index_of(node_id)).isValid():
                    self.tree.collapse(index)

    def _warn(self, title: str, text: str) -> None:
        """A warning that does not block: the work is done, the window stays usable behind it."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("warningBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # ---- settings -------------------------------------------------------------------------------------

    def restore(self, plan_id: int | None = None, geometry: bool = True) -> None:
        """Geometry, splitter, and the plan and node that were open (or `plan_id`)."""
        saved = self.settings.value("window/geometry") if geometry else None
        if isinstance(saved, QByteArray) and not saved.isEmpty():
            self.restoreGeometry(saved)
            keep_on_screen(self)  # saved on a bigger screen, or on one no longer there
        else:
            fit_to_screen(self, 1280, 800)
        state = self.settings.value("window/splitter") if geometry else None
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.splitter.restoreState(state)
        self.session.remember()
        node_id = None
        same_library = self.settings.value("session/planLibrary") == str(self.lib.path.resolve())
        if plan_id is None and same_library:
            plan_id = _int(self.settings.value("session/plan"))
            node_id = _int(self.settings.value("session/node"))
        if plan_id is None and self.library_pane.plans:
            plan_id = self.library_pane.visible_plan_ids()[0]
        if plan_id is not None:
            self.open_plan(plan_id, node_id)
        self.tree.setFocus()

    def _save_session(self) -> None:
        from .recent import flush

        flush(self)  # the recent plans of this library, if they wait
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.setValue("session/planLibrary", str(self.lib.path.resolve()))
        self.settings.setValue("session/plan", self.model.plan_id if self.model.plan_id is not None else "")
        current = self.current_id()
        self.settings.setValue("session/node", current if current not in (None, PLAN_ID) else "")
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self._save_session()
        self.first_paint.cancel()
        self._library_timer.stop()
        stop_jobs(self)
        self.safety.close()
        super().closeEvent(event)


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
