"""The main window: library pane, structure tree, editor pane; menus, undo, settings.

Every change to a plan is a core edit run through `do`, which applies it (the library file has it at once: there
is no Save) and pushes an undo command. Undo and redo run the stored inverse edits through `_run`, which shows
the plan and the node the edit's change record names.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from PySide6.QtCore import QByteArray, QModelIndex, QObject, QSettings, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDockWidget,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLayout,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTreeView,
    QWidget,
)

from .. import __version__
from ..core import drafting, editing
from ..core.errors import PlanbookError, ReadOnlyLibrary
from ..core.library import Library, refuse_library_output
from ..core.model import NodeKind, Plan, may_contain
from .actions import ActionSet
from .commands import EditCommand
from .dropimport import DropImport
from .editors import NodeEditor, PlanProperties, short_kind_names
from .jobs import Job, start_job
from .librarypane import LibraryPane
from .messages import describe
from .qtcompat import emit
from .review import ReplaceDialog, ReviewPanel
from .safety import LibrarySafety
from .screen import fit_to_screen, keep_on_screen
from .searchpanel import SearchPanel
from .session import LibrarySession
from .treemodel import PLAN_ID, PlanTreeModel


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
        self.layout().setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)  # no minimum from hidden pages
        self.currentChanged.connect(lambda _: self.updateGeometry())

    def minimumSizeHint(self):  # noqa: N802 - Qt's name
        page = self.currentWidget()
        return page.minimumSizeHint() if page is not None else super().minimumSizeHint()


class MainWindow(LibrarySafety, DropImport, QMainWindow):
    importFinished = Signal(list)  # [(path, plan ids, error)] once an import is in the library
    exportFinished = Signal(list)

    def __init__(self, lib: Library, settings: QSettings, language: str = "zh"):
        super().__init__()
        self.setObjectName("mainWindow")
        self.session = LibrarySession(lib, settings)
        self.settings = settings
        self.language = language
        self.undo_stack = QUndoStack(self)
        self.model = PlanTreeModel(lib, self)
        self.library_pane = LibraryPane()
        self.tree = PlanTreeView()
        self.tree.setModel(self.model)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, self.tree.header().ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, self.tree.header().ResizeMode.Interactive)
        self.tree.header().resizeSection(1, self.tree.unit_width)
        self.node_editor = NodeEditor()
        self.plan_properties = PlanProperties()
        self.plan_properties.library = lambda: self.lib
        self.placeholder = QLabel(self.tr("Choose a plan in the library, or create one with File ▸ New Plan."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.editor_stack = EditorStack()
        for page in (self.placeholder, self.node_editor, self.plan_properties):
            self.editor_stack.addWidget(page)

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

        self.saved_label = QLabel()
        # After an export: links to open the file or its folder, for a while (the system's own programs open them).
        self.export_links = QLabel(objectName="exportLinks", openExternalLinks=True)
        self.export_links.hide()
        self._export_links_timer = QTimer(self, singleShot=True, interval=30000)
        self._export_links_timer.timeout.connect(self.export_links.hide)
        self.statusBar().addPermanentWidget(self.export_links)
        self.statusBar().addPermanentWidget(self.saved_label)
        self._library_timer = QTimer(self, singleShot=True, interval=400)
        self._library_timer.timeout.connect(self.refresh_open_plan_row)
        self._check = None  # the 发文前检查 dialog, once opened (check_dialog)

        self._build_docks()
        self._build_actions()
        self._build_search()
        self._connect()
        self.refresh_library()
        self._update_title()
        self._update_actions()
        self._init_safety()  # read-only banner, watching other programs' changes, backups (safety.py)
        self._init_drops()  # files dropped on the window are imported through the preview (dropimport.py)

    @property
    def lib(self) -> Library:
        """The open library (the session holds it; switching libraries replaces it)."""
        return self.session.lib

    # ---- building ------------------------------------------------------------------------------------

    def _build_actions(self) -> None:
        """Actions and menus from the one table in actions.py (read-only mode reads its `writes` column)."""
        self.action_set = ActionSet(self, self._guard)
        self.action_set.build_menus(self.menuBar())

    def _build_search(self) -> None:
        """The toolbar's search box and the results panel docked below (shown when there is a query)."""
        bar = self.addToolBar(self.tr("Search"))
        bar.setObjectName("searchToolbar")
        bar.setMovable(False)
        self.search_box = QLineEdit(objectName="searchBox")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setPlaceholderText(self.tr("Search all plans (Ctrl+F): 校园足球  \"立德树人\"  -疫情  year:2019  unit:基教科"))
        bar.addWidget(self.search_box)
        self.search_panel = SearchPanel(self.search_box)
        self.search_panel.set_library(self.lib)
        self.search_dock = QDockWidget(self.tr("Search Results"), self)
        self.search_dock.setObjectName("searchDock")
        self.search_dock.setWidget(self.search_panel)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.search_dock)
        self.search_dock.hide()
        self.search_box.textChanged.connect(lambda text: self.search_dock.setVisible(bool(text.strip())))
        self.search_box.textChanged.connect(lambda text: text.strip() or self.node_editor.highlight([]))
        self.search_panel.current_plan = lambda: self.model.plan_id
        self.search_panel.hitChosen.connect(self.open_hit)

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
        self.node_editor.edit.connect(self.do)
        self.node_editor.title.returnPressed.connect(self.tree.setFocus)
        self.plan_properties.edit.connect(self.do)
        self.undo_stack.indexChanged.connect(lambda _: self._saved())
        for signal in (self.model.structureChanged, self.model.progressChanged, self.model.dataChanged,
                       self.model.planChanged):  # edits, undo and redo, but not merely opening a plan
            signal.connect(lambda *_: self.search_panel.refresh_soon())
        for signal in (self.model.modelReset, self.model.structureChanged, self.model.progressChanged,
                       self.model.dataChanged):
            signal.connect(lambda *_: self._follow_timer.start())
        self.units_dock.visibilityChanged.connect(lambda _: self._follow_timer.start())
        self.dashboard_dock.visibilityChanged.connect(lambda _: self._follow_timer.start())
        self.review_dock.visibilityChanged.connect(lambda _: self._follow_timer.start())
        self.review_panel.edit.connect(self.do)
        self.review_panel.openFinding.connect(self.go_to_finding)
        self.units_view.openTask.connect(lambda plan_id, node_id: self.open_plan(plan_id, node_id))
        self.units_view.filterUnit.connect(self.filter_unit)
        self.units_view.renameUnit.connect(self.rename_unit_dialog)
        self.dashboard.exportReport.connect(self.export_progress_dialog)

    # ---- the edit path ---------------------------------------------------------------------------------

    def do(self, edit: editing.Edit, text: str, merge_key=None) -> editing.Change | None:
        """Apply an edit now (autosave) and make it undoable; its change record, or None (with a status
        message) if refused."""
        plan_id = self.model.plan_id
        try:
            change = self.model.apply(edit)
        except (sqlite3.Error, ReadOnlyLibrary) as e:  # disk full, locked, damaged, read-only: nothing was written
            self._edit_failed(e)
            return None
        except PlanbookError as e:
            self.statusBar().showMessage(describe(e), 5000)
            self._show_current()  # the editor shows what is stored, not the refused value
            return None
        whole = change.added_plans | change.removed_plans
        if whole:  # a plan was added or removed: the step belongs to it
            plan_id = min(whole)
        self.undo_stack.push(EditCommand(self._run, text, edit, change.inverse, plan_id, merge_key,
                                           on_error=self._command_failed))
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
        try:
            lib = Library.open(path)
        except PlanbookError as e:
            QMessageBox.warning(self, self.tr("Cannot open the library"), describe(e))
            return False
        self._save_session()
        if self._check is not None:  # it lists a plan of the library being closed
            self._check.close()
        self.session.replace(lib)
        self.undo_stack.clear()
        self.model.set_library(lib)
        self.search_panel.set_library(lib)
        self._library_opened()
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
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open Library"), str(self.lib.path.parent),
                                              self.tr("Planbook libraries (*.db *.planbook *.sqlite);;All files (*)"))
        if path:
            self.switch_library(path)

    def new_library_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("New Library"), str(self.lib.path.parent / "planbook.db"),
                                              self.tr("Planbook libraries (*.db)"))
        if path:
            self.switch_library(path)

    # ---- selection and the editor pane --------------------------------------------------------------

    def current_id(self) -> int | None:
        """The selected node id, PLAN_ID for the plan row, None for nothing."""
        return self.model.id_of(self.tree.currentIndex())

    def select_node(self, node_id: int | None) -> None:
        index = self.model.index_of(PLAN_ID if node_id is None else node_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)
        self._show_current()

    def select_plan_row(self) -> None:
        self.select_node(PLAN_ID)

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        self._show_current()
        self._update_actions()

    def _show_current(self) -> None:
        node_id = self.current_id()
        if self.model.plan is None or node_id is None:
            self.editor_stack.setCurrentWidget(self.placeholder)
        elif node_id == PLAN_ID:
            link = drafting.link_of(self.lib, self.model.plan_id)
            source = self.tr("Drafted from “{0}” (plan {1})").format(link.source_title, link.source_id) if link else ""
            self.plan_properties.show_plan(self.model.plan, source)
            self.editor_stack.setCurrentWidget(self.plan_properties)
        else:
            from ..core.progress import is_tracked

            node = self.model.node(node_id)
            self.node_editor.show_node(node, self.model.number(node_id), is_tracked(self.model.plan, node))
            self.editor_stack.setCurrentWidget(self.node_editor)

    def _model_data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex, roles=()) -> None:
        if top_left.internalId() == self.current_id():
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

    # ---- keyboard: editing the selected row, going round the panes -----------------------------------

    def edit_current(self) -> None:
        """Enter or F2 on a row: the cursor to its title (the plan's title for the plan row), text kept."""
        if self.current_id() == PLAN_ID:
            self.plan_properties.focus_field("title")
        elif self.current_id() is not None:
            self.node_editor.title.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.node_editor.title.end(False)

    def _panes(self) -> list[QWidget]:
        """The places F6 goes to, in order; panes that show nothing now are left out."""
        panes: list[QWidget] = [self.library_pane.view, self.tree]
        page = self.editor_stack.currentWidget()
        if page is self.node_editor:
            panes.append(self.node_editor.title)
            if self.node_editor.fields.rows:
                panes.append(self.node_editor.fields.rows[0].value)
        elif page is self.plan_properties:
            panes.append(self.plan_properties.field("title"))
        return [w for w in panes if w.isVisibleTo(self) and w.isEnabled()]

    def cycle_panes(self, step: int) -> None:
        panes = self._panes()
        if not panes:
            return
        focus = QApplication.focusWidget()
        here = next((i for i, w in enumerate(panes) if focus is not None and (w is focus or w.isAncestorOf(focus))), None)
        if here is None and focus is not None and self.node_editor.isAncestorOf(focus):
            # somewhere in the editor below its title: the fields come next, then the library
            here = len(panes) - 1 if focus in {r.value for r in self.node_editor.fields.rows} else 2
        target = panes[((here if here is not None else -1) + step) % len(panes)]
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # ---- tree commands --------------------------------------------------------------------------------

    def _after_new(self, change: editing.Change | None) -> None:
        if change is not None:
            self.select_node(self._focus(change))
            self.node_editor.title.setFocus()

    def new_sibling(self) -> None:
        current = self.current_id()
        if self.model.plan is None:
            return
        if current in (None, PLAN_ID):
            self.new_child()
            return
        edit = editing.new_sibling(self.lib, current)
        self._after_new(self.do(edit, self._add_text(edit.node.kind)))

    def new_child(self) -> None:
        if self.model.plan is None:
            return
        current = self.current_id()
        parent = None if current in (None, PLAN_ID) else current
        edit = editing.new_node(self.lib, self.model.plan_id, parent)
        self._after_new(self.do(edit, self._add_text(edit.node.kind)))

    def new_of_kind(self, kind: NodeKind) -> None:
        """A new node of `kind` where it fits nearest the selection: after a node of that kind, else inside."""
        if self.model.plan is None:
            return
        current = self.current_id()
        walk = None if current in (None, PLAN_ID) else current
        while True:
            node = self.model.node(walk) if walk is not None else None
            if node is not None and node.kind is kind:
                parent = self.model.parent_id(walk)
                position = self.model.index_of(walk).row() + 1
                break
            if may_contain(node.kind if node else None, kind):
                parent = walk
                position = None
                break
            if walk is None:
                return
            walk = self.model.parent_id(walk)
        edit = editing.new_node(self.lib, self.model.plan_id, parent, position, kind)
        self._after_new(self.do(edit, self._add_text(kind)))

    def _add_text(self, kind: NodeKind) -> str:
        return self.tr("Add {0}").format(short_kind_names()[kind])

    def delete_node(self, name: str | None = None) -> None:
        current = self.current_id()
        if current in (None, PLAN_ID):
            return
        node = self.model.node(current)
        name = name or self.tr("Delete {0}").format(short_kind_names()[node.kind])
        change = self.do(editing.DeleteNode(current), name)
        if change is not None:
            self.select_node(self._focus(change))

    def move(self, delta: int) -> None:
        current = self.current_id()
        if current in (None, PLAN_ID):
            return
        edit = editing.move_by(self.lib, current, delta)
        if edit is None:
            self.statusBar().showMessage(self.tr("Already at the top") if delta < 0 else self.tr("Already at the bottom"), 3000)
            return
        if self.do(edit, self.tr("Move Up") if delta < 0 else self.tr("Move Down")):
            self.select_node(current)

    def indent(self) -> None:
        self._shift(editing.indent, self.tr("Demote"), self.tr("Cannot demote here"))

    def outdent(self) -> None:
        self._shift(editing.outdent, self.tr("Promote"), self.tr("Cannot promote here"))

    def _shift(self, builder, text: str, refusal: str) -> None:
        current = self.current_id()
        if current in (None, PLAN_ID):
            return
        edit = builder(self.lib, current)
        if edit is None:
            self.statusBar().showMessage(refusal, 3000)
            return
        if self.do(edit, text):
            self.tree.expand(self.model.index_of(edit.parent_id))
            self.select_node(current)

    # ---- plan commands ----------------------------------------------------------------------------------

    def _add_plan(self, plan: Plan, text: str, link: drafting.Link | None = None) -> int | None:
        change = self.do(editing.AddPlan(plan, link), text)
        if change is None or change.added_plan is None:
            return None
        self.open_plan(change.added_plan)
        return change.added_plan

    def new_plan(self) -> int | None:
        return self.add_plan_to_name(Plan(title=self.tr("Untitled plan"), year=dt.date.today().year))

    def add_plan_to_name(self, plan: Plan) -> int | None:
        """File ▸ New Plan and New from Template: add it as one undo step, its title selected for typing."""
        plan_id = self._add_plan(plan, self.tr("New Plan"))
        if plan_id is not None:
            title = self.plan_properties.field("title")
            title.setFocus()
            title.selectAll()
        return plan_id

    def _copy_of(self, plan_id: int) -> Plan:
        plan = self.lib.load_plan(plan_id)
        plan.id = None
        for node in plan.walk():
            node.id = None
        return plan

    def duplicate_plan(self) -> int | None:
        if self.model.plan is None:
            return None
        plan = self._copy_of(self.model.plan_id)
        plan.title = self.tr("{0} (copy)").format(plan.title)
        return self._add_plan(plan, self.tr("Duplicate Plan"))

    def new_plan_from(self) -> int | None:
        plans = self.library_pane.plans
        if not plans:
            return self.new_plan()
        names = [f"{p.title}  [{p.id}]" for p in plans]
        name, ok = QInputDialog.getItem(self, self.tr("New Plan From"), self.tr("Start from a copy of:"), names, 0, False)
        if not ok:
            return None
        source = plans[names.index(name)]
        plan = self._copy_of(source.id)
        return self._add_plan(plan, self.tr("New Plan"), drafting.Link(source.id, source.title, "copy"))

    def tidy_punctuation(self) -> int:
        """Plan ▸ Normalize Punctuation: half-width , ; : ? ! ( ) touching Chinese become full-width in every text
        of the plan, as print has them; one undoable step. Returns how many edits it made."""
        from ..core.tidy import punctuation_edit

        if self.model.plan is None:
            return 0
        batch = punctuation_edit(self.lib.load_plan(self.model.plan_id))
        if not batch.edits:
            self.statusBar().showMessage(self.tr("The punctuation is already as print has it"), 5000)
            return 0
        if self.do(batch, self.tr("Normalize Punctuation")) is None:
            return 0
        self.statusBar().showMessage(self.tr("Punctuation made full-width: {0} changes, one undo step")
                                     .format(len(batch.edits)), 6000)
        return len(batch.edits)

    def draft_next_year(self, existing: str = "ask") -> int | None:
        """Plan ▸ Draft Next Year's Plan. When this plan has a draft already, `existing` says what to do: "ask"
        the clerk, "open" that draft, or draft "another"."""
        if self.model.plan is None:
            return None
        drafts = drafting.drafts_of(self.lib, self.model.plan_id)
        if drafts and existing == "ask":
            existing = self._ask_about_draft(drafts[-1][1])
        if drafts and existing == "open":
            self.open_plan(drafts[-1][0])
            return None
        if existing == "cancel":
            return None
        source = self.lib.load_plan(self.model.plan_id)
        try:
            draft = drafting.next_year_plan(source)
        except PlanbookError as e:
            QMessageBox.information(self, self.tr("Draft Next Year's Plan"), describe(e))
            return None
        plan_id = self._add_plan(draft, self.tr("Draft Next Year's Plan"), drafting.Link(source.id, source.title))
        if plan_id is not None:
            self.statusBar().showMessage(self.tr("Drafted “{0}” from “{1}”").format(draft.title, source.title), 6000)
            self.review_draft()  # what still says last year, right away
        return plan_id

    def _ask_about_draft(self, title: str) -> str:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Draft Next Year's Plan"),
                          self.tr("This plan already has next year's draft “{0}”.").format(title),
                          QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("draftExists")
        open_button = box.addButton(self.tr("Open That Draft"), QMessageBox.ButtonRole.AcceptRole)
        another = box.addButton(self.tr("Draft Another"), QMessageBox.ButtonRole.ActionRole)
        box.setDefaultButton(open_button)
        box.exec()
        return {open_button: "open", another: "another"}.get(box.clickedButton(), "cancel")

    def delete_plan(self, confirm: bool = True) -> bool:
        if self.model.plan is None:
            return False
        plan = self.model.plan
        if confirm:
            box = QMessageBox(QMessageBox.Icon.Question, self.tr("Delete Plan"),
                              self.tr("Delete “{0}” and its {1} items?").format(plan.title, len(list(plan.walk()))),
                              QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self)
            box.setObjectName("confirmDelete")
            box.setInformativeText(self.tr("You can undo this with Edit ▸ Undo."))
            box.setDefaultButton(QMessageBox.StandardButton.Cancel)
            if box.exec() != QMessageBox.StandardButton.Yes:
                return False
        if self.do(editing.DeletePlan(plan.id), self.tr("Delete Plan")) is None:
            return False
        self._show_nothing()
        return True

    # ---- import and export ----------------------------------------------------------------------------

    def import_dialog(self) -> None:
        from ..importers import IMPORTERS

        patterns = " ".join(f"*{s}" for s in sorted(IMPORTERS))
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Import Plans"), "",
                                                self.tr("Plans ({0});;All files (*)").format(patterns))
        if paths:
            self.import_files([Path(p) for p in paths])

    def import_clipboard(self) -> None:
        """A plan copied out of a browser or Word: recognised from the clipboard, shown in the import preview."""
        from ..importers.pasted import parse_pasted

        mime = QApplication.clipboard().mimeData()
        html = mime.html() if mime is not None and mime.hasHtml() else ""
        text = mime.text() if mime is not None and mime.hasText() else ""
        result, error = None, None
        try:
            result = parse_pasted(html, text)
        except PlanbookError as e:
            error = e.message  # shown through describe, like a file's
        self._read([(Path(self.tr("Clipboard")), result, error)], preview=True)

    def import_files(self, paths: list[Path], preview: bool = True) -> None:
        """Read files in a worker thread (cancellable); show what was recognised; add the plans as one step."""
        from ..importers import import_with_warnings

        job = Job(paths, import_with_warnings, lambda p: self.tr("Reading {0}").format(Path(p).name))
        start_job(self, self.tr("Importing plans"), job, lambda results: self._read(results, preview))

    def _read(self, results: list, preview: bool) -> None:
        from ..core.duplicates import copy_warning

        outcomes = [(Path(path), result, error) for path, result, error in results]
        try:  # say which plans the library holds already, before they are added again
            for _, result, _ in outcomes:
                if result is not None:
                    result.warnings += [w for plan in result.plans if (w := copy_warning(self.lib, plan))]
        except sqlite3.Error:
            pass  # a busy library this instant: the import itself will say what is wrong
        if not preview:
            self._add_imported(outcomes)
            return
        from .importpreview import ImportPreview

        dialog = ImportPreview(outcomes, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._add_imported(outcomes))
        dialog.rejected.connect(self._import_cancelled)
        dialog.open()

    def _import_cancelled(self) -> None:
        self.statusBar().showMessage(self.tr("Import cancelled: nothing was added"), 5000)
        emit(self.importFinished, [])

    def _add_imported(self, outcomes: list) -> None:
        report = []
        added: list[int] = []
        self.undo_stack.beginMacro(self.tr("Import Plans"))
        try:
            for path, result, error in outcomes:
                ids = []
                for plan in result.plans if result else []:
                    change = self.do(editing.AddPlan(plan), self.tr("Import Plan"))
                    if change is not None and change.added_plan is not None:
                        ids.append(change.added_plan)
                added += ids
                report.append((path, ids, error))
        finally:
            self.undo_stack.endMacro()
        if added:
            self.open_plan(added[-1])
        from .importpreview import file_line

        errors = [file_line(Path(p).name, describe(e), imported=False) for p, _, e in report if e]
        message = self.tr("Imported {0} plans from {1} files").format(len(added), len(outcomes))
        if errors:
            self._warn(self.tr("Import"), message + "\n\n" + "\n".join(errors[:20]))
        self.statusBar().showMessage(message, 6000)
        emit(self.importFinished, report)

    def export_dialog(self):
        """File ▸ Export…: file name, format and layout (notice or plan alone) in one save dialog."""
        from .exportdialog import ExportDialog

        if self.model.plan is None:
            return None
        dialog = ExportDialog(self, self.model.plan.title, self.settings)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.chosen.connect(self.export_plan)
        dialog.open()
        return dialog

    def export_plan(self, out: Path, fmt: str, layout: str | None = None) -> None:
        from ..exporters import EXPORTERS

        exporter = EXPORTERS.get(fmt)
        if exporter is None:
            self.statusBar().showMessage(self.tr("Unknown format {0}").format(fmt), 5000)
            return
        try:
            refuse_library_output(out, self.lib.path)
        except PlanbookError as e:
            self._warn(self.tr("Export"), describe(e))
            return
        plan = self.lib.load_plan(self.model.plan_id)  # a value: the worker never touches the library
        job = Job([out], lambda path: exporter(plan, path, layout), lambda p: self.tr("Writing {0}").format(p.name))
        start_job(self, self.tr("Exporting"), job, self._exported)

    # ---- following the plan: units, dashboard, compare (planbook/gui/follow.py) -----------------------------

    def _build_docks(self) -> None:
        from .follow import Dashboard, UnitsView

        self.units_view = UnitsView()
        self.dashboard = Dashboard()
        self.unit_filter = ""
        self._follow_timer = QTimer(self, singleShot=True, interval=150)  # one refresh per burst of edits
        self._follow_timer.timeout.connect(self.refresh_follow)
        self.units_dock = self._dock("unitsDock", self.tr("Units"), self.units_view)
        self.dashboard_dock = self._dock("dashboardDock", self.tr("Progress Dashboard"), self.dashboard)
        self.review_panel = ReviewPanel(lambda: self.lib)
        self.review_dock = self._dock("reviewDock", self.tr("Review Draft"), self.review_panel)
        # It opens by itself after drafting: as a window of its own beside the plan (double-click its title to dock
        # it), so the main window's panes keep their sizes.
        self.review_dock.setFloating(True)
        self.review_dock.resize(900, 520)
        self._replace = None  # the Find and Replace dialog, once opened

    def _dock(self, name: str, title: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        widget.setMinimumWidth(300)  # task titles and unit names need room; the panes give way (1024 wide too)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        dock.hide()
        dock.visibilityChanged.connect(lambda shown, d=dock: shown and self._make_room_for(d))
        return dock

    def _make_room_for(self, dock: QDockWidget) -> None:
        """A dock opened on a narrow window (1024 wide): it takes a third of the width, and the library pane
        folds away (its splitter handle brings it back), so the tree and the editor keep room to work in."""
        if dock.isFloating() or self.width() >= 1200:
            return
        self.resizeDocks([dock], [max(300, self.width() // 3)], Qt.Orientation.Horizontal)
        sizes = self.splitter.sizes()
        if sizes[0] > 0:
            self.splitter.setSizes([0, sizes[1] + sizes[0], sizes[2]])

    def refresh_follow(self) -> None:
        """Bring the visible follow-up views up to date with the open plan (hidden ones wait until shown)."""
        plan = self.model.plan
        if self.units_dock.isVisible():
            self.units_view.show_plan(self.lib, plan)
        if self.dashboard_dock.isVisible():
            self.dashboard.show_plan(plan)
        if self.review_dock.isVisible() and self.isVisible():  # a floating dock outlives a closing window
            self.review_panel.show_plan(self.model.plan_id)
        if self.unit_filter:
            self._apply_filter()

    def filter_unit(self, unit: str) -> None:
        """Show only the branches of the tree holding tasks that name `unit` ("" shows everything)."""
        self.unit_filter = unit
        self._apply_filter()
        if unit:
            self.statusBar().showMessage(self.tr("Showing the tasks of {0} (View ▸ Show All Tasks shows all)")
                                         .format(unit), 6000)

    def _apply_filter(self) -> None:
        from ..core.units import node_units

        def visit(nodes) -> bool:
            any_shown = False
            for node in nodes:
                mine = any(u == self.unit_filter for u, _ in node_units(node))
                shown = visit(node.children) or mine or not self.unit_filter
                index = self.model.index_of(node.id)
                self.tree.setRowHidden(index.row(), index.parent(), not shown)
                any_shown = any_shown or shown
            return any_shown

        if self.model.plan is not None:
            visit(self.model.plan.nodes)

    def rename_unit_dialog(self, old: str | None = None) -> bool:
        """Rename a unit in every unit field of the open plan: one undoable step."""
        from ..core.units import plan_units

        plan = self.model.plan
        if plan is None:
            return False
        if not old:
            units = list(plan_units(plan))
            if not units:
                self.statusBar().showMessage(self.tr("This plan names no units"), 5000)
                return False
            old, ok = QInputDialog.getItem(self, self.tr("Rename Unit"), self.tr("Unit"), units, 0, False)
            if not ok:
                return False
        new, ok = QInputDialog.getText(self, self.tr("Rename Unit"), self.tr("New name for {0}").format(old), text=old)
        return bool(ok) and self.rename_unit(old, new.strip())

    def rename_unit(self, old: str, new: str) -> bool:
        from ..core.units import rename_unit

        if not new or new == old or self.model.plan is None:
            return False
        batch = rename_unit(self.lib, self.model.plan_id, old, new)
        if not batch.edits:
            self.statusBar().showMessage(self.tr("No field names {0}").format(old), 5000)
            return False
        done = self.do(batch, self.tr("Rename Unit {0} to {1}").format(old, new)) is not None
        if done:  # next year's drafts are reviewed for the old name (core.review)
            import contextlib

            from ..core.review import record_rename

            with contextlib.suppress(PlanbookError, sqlite3.Error):  # the rename is done; only the reminder is lost
                record_rename(self.lib, old, new)
        if done and self.units_view.isVisible():
            self.units_view.refresh()
            self.units_view.select_unit(new)
        return done

    def compare_dialog(self, other_id: int | None = None):
        """Plan ▸ Compare With…: this plan beside another, by default the one it was drafted from."""
        from .compareview import CompareView

        if self.model.plan is None:
            return None
        if other_id is None and (link := drafting.link_of(self.lib, self.model.plan_id)):
            other_id = link.source_id
        dialog = CompareView(self.lib, self.model.plan_id, self, other_id)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def check_dialog(self):
        """Plan ▸ Check Before Issuing…: one non-modal list of what to fix in the open plan, kept beside the window."""
        from .checkdialog import CheckDialog

        if self.model.plan is None:
            return None
        dialog = self._check
        if dialog is None:
            dialog = self._check = CheckDialog(lambda: self.lib, self.model.plan_id, self)
            dialog.openFinding.connect(self.go_to_finding)
        else:
            dialog.set_plan(self.model.plan_id)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def review_draft(self) -> ReviewPanel | None:
        """Plan ▸ Review Draft: the findings of the draft review in a dock beside the plan."""
        if self.model.plan is None:
            return None
        self.review_dock.show()
        self.review_dock.raise_()
        self.review_panel.show_plan(self.model.plan_id)
        return self.review_panel

    def replace_dialog(self) -> ReplaceDialog | None:
        """Edit ▸ Find and Replace (Ctrl+H): the open plan's texts, or every plan's read only."""
        if self.model.plan is None:
            return None
        dialog = self._replace
        if dialog is None:
            dialog = self._replace = ReplaceDialog(lambda: self.lib, self.model.plan_id, self)
            dialog.edit.connect(self.do)
            dialog.openHit.connect(self.go_to_finding)
        else:
            dialog.set_plan(self.model.plan_id)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        dialog.find_text.setFocus()
        dialog.find_text.selectAll()
        return dialog

    def go_to_finding(self, plan_id: int, where: int | str) -> None:
        """Select a finding's node, or the plan row with the field's editor focused, ready for the fix."""
        if where == "review":  # 发文前检查's "open review findings"
            if self.open_plan(plan_id):
                self.review_draft()
            return
        if isinstance(where, int):
            self.open_plan(plan_id, where)
        elif self.open_plan(plan_id):
            self.select_plan_row()
            self.plan_properties.focus_field(where.removeprefix("plan."))
        self.activateWindow()

    def export_breakdown_dialog(self) -> None:
        self._export_layout(self.tr("Export Task Breakdown Table"), "任务分解表", "breakdown",
                            ["Excel (*.xlsx)", "Word (*.docx)"])

    def export_progress_dialog(self) -> None:
        self._export_layout(self.tr("Export Progress Report"), "进展情况", "progress", ["Word (*.docx)"])

    def _export_layout(self, caption: str, suffix: str, layout: str, filters: list[str]) -> None:
        if self.model.plan is None:
            return
        path, chosen = QFileDialog.getSaveFileName(self, caption, f"{self.model.plan.title}{suffix}", ";;".join(filters))
        if path:
            fmt = Path(path).suffix.lstrip(".").lower() or chosen.split("*.")[1].rstrip(")")
            if not Path(path).suffix:
                path += f".{fmt}"
            self.export_plan(Path(path), fmt, layout)

    def print_preview(self):
        """File ▸ Print Preview: the real PDF of the open plan, with Print and Save (window-modal, not blocking)."""
        from .print_preview import PrintPreview

        if self.model.plan is None:
            return None
        dialog = PrintPreview(self.lib.load_plan(self.model.plan_id), parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def print_now(self):
        """File ▸ Print (Ctrl+P): the preview of what will be printed, with Print ready for Enter."""
        dialog = self.print_preview()
        if dialog is not None:
            dialog.print_button.setDefault(True)
            dialog.print_button.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return dialog

    def preferences_dialog(self):
        """Edit ▸ Preferences…: the PDF fonts and the Word font names (window-modal, not blocking)."""
        from .preferences import PreferencesDialog

        dialog = PreferencesDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _exported(self, results: list) -> None:
        for path, result, error in results:
            if error:
                self._warn(self.tr("Export"), describe(error))
                continue
            message = self.tr("Exported to {0}").format(path)
            if getattr(result, "missing", None) is not None:  # the PDF writer's GlyphReport
                from .preferences import fallback_note, show_glyph_warning, with_fallback_face

                show_glyph_warning(self, result, path)
                if note := fallback_note(result):
                    message += self.tr(". ") + note
                    with_fallback_face(self.statusBar())
            self.statusBar().showMessage(message, 12000 if result else 6000)
            self._show_export_links(Path(path))
        emit(self.exportFinished, results)

    def _show_export_links(self, path: Path) -> None:
        file, folder = QUrl.fromLocalFile(str(path)).toString(), QUrl.fromLocalFile(str(path.parent)).toString()
        open_text, folder_text = self.tr("Open"), self.tr("Show Folder")  # (lupdate does not read f-strings)
        self.export_links.setText(f'<a href="{file}">{open_text}</a> · <a href="{folder}">{folder_text}</a>')
        self.export_links.setToolTip(str(path))
        self.export_links.show()
        self._export_links_timer.start()

    def _warn(self, title: str, text: str) -> None:
        """A warning that does not block: the work is done, the window stays usable behind it."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("warningBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # ---- help, language, settings ---------------------------------------------------------------------

    def show_guide(self):
        """Help ▸ User Guide (F1): one guide window, raised again when asked for again."""
        from .help import GuideWindow

        guide = getattr(self, "_guide", None)
        if guide is None:
            guide = self._guide = GuideWindow(self.language, self)
        guide.show()
        guide.raise_()
        guide.activateWindow()
        return guide

    def about(self) -> None:
        from PySide6 import __version__ as qt_version

        QMessageBox.about(self, self.tr("About Planbook"), self.tr(
            "<h3>Planbook {0}</h3><p>Draft, keep and issue annual work plans.</p>"
            "<p>Library: {1}</p><p>Qt for Python {2} · GPL-3.0-or-later</p>").format(
                __version__, self.lib.path, qt_version))

    def set_language(self, code: str) -> None:
        self.settings.setValue("language", code)
        QMessageBox.information(self, self.tr("Language"), self.tr("The new language is used from the next start."))

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
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.setValue("session/planLibrary", str(self.lib.path.resolve()))
        self.settings.setValue("session/plan", self.model.plan_id if self.model.plan_id is not None else "")
        current = self.current_id()
        self.settings.setValue("session/node", current if current not in (None, PLAN_ID) else "")
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self._save_session()
        self._library_timer.stop()
        for runner in self.findChildren(QObject, "jobRunner"):
            runner.stop()
        super().closeEvent(event)


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None

