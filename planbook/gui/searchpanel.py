"""Search every plan as you type: the toolbar's `searchBox` and a results panel grouped by plan.

Queries go to `core.search` (exact for Chinese terms of any length) on a worker thread with its own connection:
the ranked hits and their highlighted rows are made there (up to 200 ms a query in a 10,000-plan library), and
only the tree items are made on the GUI thread; the total and per-plan counts follow from a second worker, so
typing never waits for either. Enter (open the best hit) searches at once, on the window's connection.
"""

from __future__ import annotations

import contextlib
import html
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QRunnable,
    QSize,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core import search
from ..core.errors import PlanbookError
from ..core.library import Library
from .messages import describe
from .qtcompat import emit
from .widgets import child_items, named, top_items

LIMIT = 200  # hits listed; the counts cover all of them
INDEX_STEP = 32  # documents indexed by the first tick while a large change waits; later ticks size themselves
STEP_BUDGET_MS = 12  # what one tick may take of the GUI thread, so a keystroke landing behind it hardly waits
QUIET_S = 0.8  # the catch-up waits while the clerk works (edits, typing, moving in the tree): it takes the pauses
STEP_MS, IDLE_MS = 15, 1000  # ticks while documents wait, and the look for waiting ones otherwise
HIT_ROLE = Qt.ItemDataRole.UserRole + 1
MARK = "<span style='background:#ffe08a'>{}</span>"


def to_budget(size: int, took_ms: float, low: int, high: int) -> int:
    """The next idle tick's size (documents to index, pages to merge), from what this one's `size` took: long
    documents or a busy machine make a tick dear, so it is sized to `STEP_BUDGET_MS`, within [low, high]."""
    return max(low, min(high, int(size * STEP_BUDGET_MS / max(took_ms, 1.0))))


def result_rows(results: search.SearchResults) -> list[tuple]:
    """Plain values for the result list, built where the query ran (a worker or the GUI thread)."""
    return [
        (
            hit.plan_id,
            hit.node_id,
            f"{hit.plan_year} {hit.plan_title}" if hit.plan_year else hit.plan_title,
            f"{hit.number}{hit.title}",
            marked_html(hit),
        )
        for hit in results.hits
    ]


def marked_html(hit: search.Hit) -> str:
    """The snippet as HTML with each hit highlighted."""
    out, last = [], 0
    for start, end in hit.highlights:
        out += [html.escape(hit.snippet[last:start]), MARK.format(html.escape(hit.snippet[start:end]))]
        last = end
    out.append(html.escape(hit.snippet[last:]))
    return "".join(out)


class HtmlDelegate(QStyledItemDelegate):
    """Draws an item's text as rich text (the highlighted snippets)."""

    def paint(self, painter, option, index: QModelIndex | QPersistentModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        doc = QTextDocument()
        doc.setDefaultFont(opt.font)
        doc.setHtml(opt.text)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        context = QAbstractTextDocumentLayout.PaintContext()
        if opt.state & QStyle.StateFlag.State_Selected:
            context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(QPalette.ColorRole.HighlightedText))
        text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget)
        painter.save()
        painter.translate(text_rect.topLeft())
        painter.setClipRect(QRectF(0, 0, text_rect.width(), text_rect.height()))
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802 - Qt's name
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), option.fontMetrics.height() + 6))


class _Counted(QObject):
    done = Signal(int, object)  # generation, (total, {plan id: count}) or an error message


class _Count(QRunnable):
    """Counts all hits of a query on a worker thread, through its own connection to the library."""

    def __init__(self, path: Path, query: str, generation: int, signals: _Counted):
        super().__init__()
        self.path, self.query, self.generation, self.signals = path, query, generation, signals

    def run(self) -> None:
        try:
            with Library.open(self.path, create=False) as lib:
                counts = search.search(lib, self.query, limit=1, catch_up=False).plan_counts
            outcome: object = (sum(counts.values()), counts)
        except (PlanbookError, OSError, RuntimeError) as e:
            outcome = describe(e)  # QCoreApplication.translate is thread-safe
        _tell(self.signals, self.generation, outcome)


def _tell(signals: _Counted, generation: int, outcome: object) -> None:
    """Hand a worker's outcome to the panel, unless the panel is gone (the window closed while it ran: Qt
    raised "Signal source has been deleted" on the worker and printed the traceback on the way out)."""
    with contextlib.suppress(RuntimeError):
        emit(signals.done, generation, outcome)


class _Search(QRunnable):
    """Runs a query on a worker thread, through its own connection; hands back plain rows for the tree:
    (plan id, node id or None, plan heading, number + title, snippet as HTML)."""

    def __init__(self, path: Path, query: str, generation: int, signals: _Counted, latest):
        super().__init__()
        self.path, self.query, self.generation, self.signals, self.latest = path, query, generation, signals, latest

    def run(self) -> None:
        if self.latest() != self.generation:
            return  # typed on meanwhile: a newer query is queued
        try:
            with Library.open(self.path, create=False) as lib:
                results = search.search(lib, self.query, limit=LIMIT, counts=False, catch_up=False)
            outcome: object = (results.query.highlight_terms(), result_rows(results))
        except (PlanbookError, OSError, RuntimeError) as e:
            outcome = describe(e)
        _tell(self.signals, self.generation, outcome)


class SearchPanel(QWidget):
    """Filters, a one-line summary and the results tree; the query text comes from the toolbar box."""

    hitChosen = Signal(int, object, list)  # plan id, node id or None, terms to highlight

    def __init__(self, box: QLineEdit, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("searchPanel")
        self.box = box
        self.lib: Library | None = None
        self.generation = 0
        self.year_from = self._year_box("searchYearFrom")
        self.year_to = self._year_box("searchYearTo")
        self.issuer = named(QLineEdit(placeholderText=self.tr("Issuer")), "searchIssuer")
        self.unit = named(QLineEdit(placeholderText=self.tr("Unit, e.g. 基教科")), "searchUnit")
        filters = QHBoxLayout()
        for label, widget in (
            (self.tr("Year"), self.year_from),
            ("–", self.year_to),
            (None, self.issuer),
            (None, self.unit),
        ):
            if label:
                filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        self.summary = named(QLabel(), "searchSummary")
        self.summary.setWordWrap(True)
        self.results = named(QTreeWidget(), "searchResults")
        self.results.setHeaderLabels([self.tr("Where"), self.tr("Text")])
        self.results.setItemDelegateForColumn(1, HtmlDelegate(self.results))
        self.results.setUniformRowHeights(True)
        self.results.header().resizeSection(0, 300)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addWidget(self.summary)
        layout.addWidget(self.results)

        self.timer = QTimer(self, singleShot=True, interval=250)  # debounce: search once typing pauses
        self.timer.timeout.connect(self.run)
        # The library changed (an edit here, another program): run the query again once the edits pause.
        self.refresh_timer = QTimer(self, singleShot=True, interval=600)
        self.refresh_timer.timeout.connect(self.refresh)
        # What a large change left for the search index to take in (a next-year draft's 3,500 documents) is
        # indexed here, a few dozen documents per tick on the window's own connection: the searches' workers only
        # read (and scan those documents meanwhile), so no other connection writes and the window never takes its
        # own index for another program's change.
        self.index_timer = QTimer(self, interval=IDLE_MS)
        self.index_step = INDEX_STEP
        self.merge_pages = search.MERGE_PAGES  # then sized to the tick's budget, like index_step
        self._merged_changes = -1  # the connection's total_changes when a merge last found nothing to do
        self.active_at = 0.0  # when the clerk last did something (user_active)
        self.index_timer.timeout.connect(self._index_some)
        self.counted = _Counted()
        self.counted.done.connect(self._counted)
        self.found = _Counted()  # the worker's hits, queued to this thread
        self.found.done.connect(self._found)
        self._restore = None  # (chosen hit, scroll position) to keep when a refresh's results come
        self._shown_generation = 0  # the generation whose hits the list shows
        # Not connect(self.timer.start): a spin box's value would be taken as the interval in milliseconds.
        restart = lambda *_: self.timer.start()  # noqa: E731
        box.textChanged.connect(restart)
        box.textChanged.connect(self.user_active)
        box.returnPressed.connect(self._open_first)
        for edit in (self.issuer, self.unit):
            edit.textChanged.connect(restart)
        for spin in (self.year_from, self.year_to):
            spin.valueChanged.connect(restart)
        # One click opens a hit, as in a browser's result list; Enter on a hit too. (Not on every current-item
        # change: a refresh after an edit re-selects the hit and must not move the tree's selection.)
        self.results.itemClicked.connect(self._activated)
        self.results.itemActivated.connect(self._activated)
        self.current_plan: Callable[[], int | None] = lambda: None  # the window's open plan id: Enter prefers its hits

    def _year_box(self, name: str) -> QSpinBox:
        spin = named(QSpinBox(), name)
        spin.setRange(1999, 2100)
        spin.setSpecialValueText(self.tr("any"))  # the minimum means no limit
        spin.setValue(1999)
        return spin

    def set_library(self, lib: Library) -> None:
        self.lib = lib
        if self.query_text():
            self.timer.start()
        self.index_timer.setInterval(IDLE_MS)
        self.index_timer.start()

    def user_active(self, *_) -> None:
        """The clerk is at work: the index catch-up keeps off the GUI thread until they pause."""
        self.active_at = time.monotonic()

    def _index_some(self) -> None:
        lib = self.lib
        if lib is None or lib.readonly:
            return
        if time.monotonic() - self.active_at < QUIET_S:
            self.index_timer.setInterval(STEP_MS)  # look again soon: the pause may come at any moment
            return
        try:
            if not search.pending(lib):
                self._merge_some(lib)
                return
            started = time.perf_counter()
            more = search.catch_up_step(lib, self.index_step)
        except (PlanbookError, sqlite3.Error):
            return  # busy this instant (another program writing): the next tick tries again
        took_ms = (time.perf_counter() - started) * 1000
        self.index_step = to_budget(self.index_step, took_ms, 4, 256)  # documents
        self.index_timer.setInterval(STEP_MS if more else IDLE_MS)
        if not more:
            self.refresh_soon()  # the hits shown ranked the waiting documents by tier only: now bm25 too

    def _merge_some(self, lib: Library) -> None:
        """Merge the index's segments a few pages a tick while the clerk pauses: commits never do (a merge could
        rewrite the whole index in one keystroke; core/search.py, "Merging"). Nothing is tried again until this
        connection writes something after a merge found no work."""
        if lib.changes_made == self._merged_changes:
            self.index_timer.setInterval(IDLE_MS)
            return
        started = time.perf_counter()
        more = search.merge_step(lib, self.merge_pages)
        took_ms = (time.perf_counter() - started) * 1000
        self.merge_pages = to_budget(self.merge_pages, took_ms, 8, 1024)  # pages
        if not more:
            self._merged_changes = lib.changes_made
        self.index_timer.setInterval(STEP_MS if more else IDLE_MS)

    def query_text(self) -> str:
        """The box's text plus the panel's filters, in the query language the core reads."""
        parts = [self.box.text().strip()]
        low, high = self.year_from.value(), self.year_to.value()
        if low > 1999 or high > 1999:
            low, high = (low if low > 1999 else 1900), (high if high > 1999 else 2100)
            parts.append(f"year:{min(low, high)}-{max(low, high)}")
        for key, edit in (("issuer", self.issuer), ("unit", self.unit)):
            value = "".join(edit.text().split()).replace('"', "")  # one word: the filter takes no spaces
            if value:
                parts.append(f"{key}:{value}")
        return " ".join(p for p in parts if p)

    def run(self) -> None:
        """Search for what the box and filters say, on a worker; the results replace the list when they come."""
        self.generation += 1
        self._restore = None
        text = self.query_text()
        if not text or self.lib is None:
            self.results.clear()
            self.summary.setText(
                self.tr(
                    'Type to search every plan: words, "phrases", -exclude, year:2019, '
                    "issuer:…, unit:…, field:责任单位=…, kind:task"
                )
            )
            return
        self.summary.setText(self.tr("Searching…"))
        generation = self.generation
        QThreadPool.globalInstance().start(
            _Search(self.lib.path, text, generation, self.found, lambda: self.generation)
        )

    def run_now(self) -> None:
        """The same search at once on the window's connection (Enter opens the best hit: it must be there)."""
        self.generation += 1
        self._restore = None
        text = self.query_text()
        if not text or self.lib is None:
            return
        try:
            results = search.search(self.lib, text, limit=LIMIT, counts=False, catch_up=False)
        except PlanbookError as e:
            self.summary.setText(describe(e))
            return
        rows = result_rows(results)
        self._found(self.generation, (results.query.highlight_terms(), rows))

    @property
    def busy(self) -> bool:
        """A search was started whose hits are not shown yet."""
        return self._shown_generation != self.generation and bool(self.query_text())

    def _found(self, generation: int, outcome) -> None:
        if generation != self.generation:
            return  # an older query's hits
        self._shown_generation = generation
        self.results.clear()
        if isinstance(outcome, str):
            self.summary.setText(outcome)
            return
        self.terms, rows = outcome
        self._fill(rows)
        shown = len(rows)
        self.summary.setText(
            self.tr("No plan contains that.") if not shown else self.tr("Counting… (first {0} shown)").format(shown)
        )
        if self._restore is not None:  # a refresh: the clerk's chosen hit and scroll position stay
            chosen, scroll = self._restore
            self._restore = None
            if chosen is not None and (found := self._item(chosen)) is not None:
                self.results.setCurrentItem(found)
            self.results.verticalScrollBar().setValue(scroll)
        if shown and self.lib is not None:
            QThreadPool.globalInstance().start(_Count(self.lib.path, self.query_text(), self.generation, self.counted))

    def refresh_soon(self) -> None:
        if self.lib is not None and self.query_text():
            self.refresh_timer.start()

    def refresh(self) -> None:
        """Run the shown query again, keeping the chosen hit and the scroll position, so that the results never
        point at text the library no longer holds."""
        if self.timer.isActive() or not self.query_text():
            return  # a search for newly typed text is on its way anyway
        current = self.results.currentItem()
        chosen = current.data(0, HIT_ROLE) if current is not None else None
        scroll = self.results.verticalScrollBar().value()
        self.run()
        self._restore = (chosen, scroll)  # applied when the new results come

    def _item(self, key: tuple) -> QTreeWidgetItem | None:
        for group in top_items(self.results):
            for item in (group, *child_items(group)):
                if item.data(0, HIT_ROLE) == key:
                    return item
        return None

    def _fill(self, rows: list[tuple]) -> None:
        groups: dict[int, QTreeWidgetItem] = {}
        plan_level = self.tr("(plan title and notice)")
        self.results.setUpdatesEnabled(False)
        for plan_id, node_id, heading, where, snippet in rows:
            group = groups.get(plan_id)
            if group is None:
                group = QTreeWidgetItem(self.results, [heading, ""])
                group.setData(0, HIT_ROLE, (plan_id, None))
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                group.setFirstColumnSpanned(False)
                groups[plan_id] = group
            where = where if node_id is not None else plan_level
            item = QTreeWidgetItem(group, [where, snippet])
            item.setData(0, HIT_ROLE, (plan_id, node_id))
            item.setToolTip(0, where)
        self.results.expandAll()
        self.results.setUpdatesEnabled(True)
        self.groups = groups

    def _counted(self, generation: int, outcome) -> None:
        if generation != self.generation:
            return  # an older query's count
        if isinstance(outcome, str):
            self.summary.setText(outcome)
            return
        total, per_plan = outcome
        for plan_id, group in getattr(self, "groups", {}).items():
            group.setText(1, self.tr("{0} hits").format(per_plan.get(plan_id, 0)))
        self.summary.setText(self.tr("{0} hits in {1} plans").format(total, len(per_plan)))

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        plan_id, node_id = item.data(0, HIT_ROLE)
        emit(self.hitChosen, plan_id, node_id, list(getattr(self, "terms", [])))

    def _open_first(self) -> None:
        """Enter in the search box: the first hit in the open plan (else the first of all) is opened, and the
        keyboard goes to the results, where ↑/↓ and Enter open the others."""
        self.timer.stop()
        self.run_now()
        groups = [g for g in top_items(self.results) if g.childCount()]
        if not groups:
            return
        mine = [g for g in groups if g.data(0, HIT_ROLE)[0] == self.current_plan()]
        first = child_items((mine or groups)[0])[0]
        self.results.setCurrentItem(first)
        self._activated(first)
        self.results.setFocus()
