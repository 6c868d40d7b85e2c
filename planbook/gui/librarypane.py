"""The library pane: every plan, grouped by year and issuing organ (or one list by title or by date), with a
filter box.

It stays quick at 10,000 plans: the model (`librarymodel.py`) makes no Qt item per plan; a large library is
read on a worker while the window is already shown; changes come in as the summaries of the plans that changed
(from issue 16's change records), not as a refill; and a long list opens with its organs folded, so the view
lays out a few hundred group rows rather than every plan.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path

from PySide6.QtCore import QModelIndex, QObject, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QTreeView, QVBoxLayout, QWidget

from ..core.editing import Change
from ..core.errors import PlanbookError
from ..core.library import Library
from ..core.model import PlanSummary
from .librarymodel import LibraryModel, Listing, PlanIdRole, Texts
from .messages import describe
from .qtcompat import emit

__all__ = ["LibraryPane", "PlanIdRole"]

READ_IN_BACKGROUND_FROM = 1500  # plans; fewer are read at once (some 40 ms at 1,000)
UNFOLD_UP_TO = 400  # shown plans up to this many: every group open; more: the years open, organs folded


class _Loaded(QObject):
    done = Signal(int, object)  # generation, [PlanSummary] or an error message


class _ReadPlans(QRunnable):
    """Reads every plan's summary on a worker thread, through its own connection to the library."""

    def __init__(self, path: Path, generation: int, signals: _Loaded):
        super().__init__()
        self.path, self.generation, self.signals = path, generation, signals

    def run(self) -> None:
        try:
            with Library.open(self.path, create=False) as lib:
                result: Listing | str = Listing.of(lib.list_plans(counts=False))  # prepared here, not in the GUI
        except (PlanbookError, OSError, RuntimeError, sqlite3.Error) as e:
            result = describe(e)  # QCoreApplication.translate is thread-safe
        with suppress(RuntimeError):  # the pane was closed meanwhile: nobody to tell
            emit(self.signals.done, self.generation, result)


class LibraryPane(QWidget):
    """Emits `planChosen(id)` when the user picks a plan, and `loaded(message)` when a list read in the
    background has arrived (message: empty, or why it could not be read)."""

    planChosen = Signal(int)
    loaded = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.current_id: int | None = None
        self.loading = False  # a background read is under way (`load_in_background`)
        self.pending: set[int] = set()  # plans changed while it was: to read again once it arrives
        self._generation = 0
        self._marking = False  # the pane itself is moving the current row to the open plan
        # How a background read is started: at once, or later by the window (after its first paint, firstpaint.py).
        self.start_read: Callable[[Callable[[], None]], None] = lambda start: start()
        self.filter = QLineEdit()
        self.filter.setObjectName("libraryFilter")
        self.filter.setPlaceholderText(self.tr("Filter by title, organ, number…"))
        self.filter.setClearButtonEnabled(True)
        self.sort = QComboBox()
        self.sort.setObjectName("librarySort")
        self.sort.addItem(self.tr("By year"), "year")
        self.sort.addItem(self.tr("By title"), "title")
        self.sort.addItem(self.tr("Recently modified"), "modified")
        self.model = LibraryModel(
            Texts(
                self.tr("Year {0}"),
                self.tr("No year"),
                self.tr("No issuing organ"),
                self.tr("Draft"),
                self.tr("Issued"),
                self.tr("{0} nodes · modified {1}"),
                [self.tr("Plan"), self.tr("Status")],
            ),
            self,
        )
        self.view = QTreeView()
        self.view.setObjectName("libraryView")
        self.view.setModel(self.model)
        self.view.setUniformRowHeights(True)
        self.view.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.view.header().setStretchLastSection(False)
        self.view.header().setSectionResizeMode(0, self.view.header().ResizeMode.Stretch)
        # A fixed status column: sized to its contents, every changed row would measure every row laid out.
        self.view.header().setSectionResizeMode(1, self.view.header().ResizeMode.Fixed)
        words = [self.tr("Draft"), self.tr("Issued"), self.tr("Status"), "00000"]
        self.view.header().resizeSection(1, max(self.fontMetrics().horizontalAdvance(w) for w in words) + 24)
        self.view.selectionModel().currentChanged.connect(self._current_changed)

        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(self.sort)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view)

        self._loaded = _Loaded(self)
        self._loaded.done.connect(self._arrived)
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self._apply_filter)
        self.filter.textChanged.connect(lambda: self._timer.start())
        self.sort.currentIndexChanged.connect(self._apply_filter)

    @property
    def plans(self) -> list[PlanSummary]:
        """Every plan in the library (whatever the filter shows)."""
        return list(self.model.summaries.values())

    # ---- filling it -------------------------------------------------------------------------------------

    def set_plans(self, plans: list[PlanSummary] | Listing, current_id: int | None = None) -> None:
        """Show these plans (the whole list: at start, after another program changed the file). Over a list
        already shown, the plans that differ are updated as a change record would (`update_plans`)."""
        self._generation += 1  # a background read still under way is older than this
        self.loading = False
        if current_id is not None:
            self.current_id = current_id
        if self.model.summaries:  # a list shown already: only the plans that differ move or change
            old = self.model.summaries
            listed = list(plans.summaries.values()) if isinstance(plans, Listing) else plans
            self.update_plans([p for p in listed if old.get(p.id) != p], old.keys() - {p.id for p in listed})
            return
        self.model.set_plans(plans)
        self._fold()
        self._mark_current()

    def fill(self, lib: Library, current_id: int | None = None) -> None:
        """The whole list from the library: at once when it is small, else on a worker (`loaded` follows)."""
        self.model.count_nodes = lib.count_nodes  # tooltips: the lists below are read without counts
        if lib.plan_count() >= READ_IN_BACKGROUND_FROM:
            self.load_in_background(lib.path, current_id)
        else:
            self.set_plans(lib.list_plans(counts=False), current_id)

    def catch_up(self, lib: Library) -> None:
        """Once a background read has arrived: the plans changed while it was under way, as they are now."""
        ids, self.pending = sorted(self.pending), set()
        if ids:
            fresh = lib.list_plans(ids, counts=False)
            self.update_plans(fresh, set(ids) - {p.id for p in fresh})

    def apply_change(self, lib: Library, change: Change) -> None:
        """An edit's change record: the plans it added, removed or changed are read again; nothing else is."""
        removed = set(change.removed_plans)
        ids = sorted((change.plans | change.added_plans) - removed)
        self.update_plans(lib.list_plans(ids, counts=False) if ids else [], removed)

    def load_in_background(self, path: Path, current_id: int | None = None) -> None:
        """Read the list on a worker (a large library): the window is usable meanwhile; `loaded` follows."""
        self._generation += 1
        self.model.set_plans([])  # another library's list (switching libraries) is not shown meanwhile
        self.loading = True
        self.pending = set()
        if current_id is not None:
            self.current_id = current_id
        self.filter.setPlaceholderText(self.tr("Reading the library…"))
        job = _ReadPlans(path, self._generation, self._loaded)  # a newer list set meanwhile makes its result stale
        self.start_read(lambda: QThreadPool.globalInstance().start(job))

    def _arrived(self, generation: int, result) -> None:
        if generation != self._generation:
            return  # a newer list was set meanwhile
        self.filter.setPlaceholderText(self.tr("Filter by title, organ, number…"))
        if isinstance(result, str):
            self.loading = False
            emit(self.loaded, result)
            return
        self.set_plans(result)
        emit(self.loaded, "")

    def update_plans(self, changed: list[PlanSummary], removed: set[int] | frozenset[int] = frozenset()) -> None:
        """Plans added or changed, and plans removed (from a change record): only their rows move or change."""
        if self.loading:
            self.pending |= {p.id for p in changed} | set(removed)
        self.model.update(changed, removed)
        if len(self.model.shown) <= UNFOLD_UP_TO:
            self.view.expandAll()  # a new year or organ opens like the others
        self._mark_current()

    # ---- showing it -------------------------------------------------------------------------------------

    def _apply_filter(self) -> None:
        # Every word must occur in the plan's title, kind, year, number or organs, in any case (model.py).
        if self.model.set_view(self.sort.currentData(), self.filter.text().split()):
            self._fold()
            self._mark_current()

    def _rebuild(self) -> None:
        """Apply the filter and the order now (what the filter box's timer runs once typing pauses)."""
        self._timer.stop()
        self._apply_filter()

    def _fold(self) -> None:
        """A short list opens every group; a long one its years, and the organ of the open plan."""
        if len(self.model.shown) <= UNFOLD_UP_TO:
            self.view.expandAll()
            return
        self.view.collapseAll()
        self.view.expandToDepth(0)
        if self.current_id is not None and (group := self.model.group_index(self.current_id)).isValid():
            self.view.expand(group)

    def _mark_current(self) -> None:
        index = self.model.index_of(self.current_id)
        if index.isValid() and index == self.view.currentIndex():
            return  # already shown as current: no scrolling, no repaint
        # Showing the open plan is not choosing one. The selection model keeps its signals, so the view
        # repaints just the rows whose selection changed (blocking them cost a repaint of the whole list).
        self._marking = True
        try:
            if not index.isValid():
                self.view.clearSelection()
                self.view.setCurrentIndex(QModelIndex())
                return
            if (group := self.model.group_index(self.current_id or 0)).isValid():
                self.view.expand(group)
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)
        finally:
            self._marking = False

    def select(self, plan_id: int | None) -> None:
        """Highlight the open plan (the list is not touched)."""
        self.current_id = plan_id
        self._mark_current()

    def plan_at(self, index: QModelIndex) -> int | None:
        value = index.siblingAtColumn(0).data(PlanIdRole) if index.isValid() else None
        return int(value) if value is not None else None

    def visible_plan_ids(self) -> list[int]:
        """The plans the filter shows, top to bottom, folded or not (for tests and keyboard navigation)."""
        return list(self.model.shown)

    def first_plan_id(self) -> int | None:
        return self.model.shown[0] if self.model.shown else None

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        plan_id = self.model.plan_id(current)
        if plan_id is not None and plan_id != self.current_id and not self._marking:
            self.current_id = plan_id
            emit(self.planChosen, plan_id)
