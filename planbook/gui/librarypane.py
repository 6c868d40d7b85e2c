"""The library pane: every plan, grouped by year and issuing organ, with a filter box and a sort order."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRegularExpression, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QTreeView, QVBoxLayout, QWidget

from ..core.model import PlanSummary, Status
from .qtcompat import emit
from .treemodel import kind_icon

PlanIdRole = Qt.ItemDataRole.UserRole + 1
HaystackRole = Qt.ItemDataRole.UserRole + 2  # what the filter box matches: title, kind, year, number, organs


class LibraryPane(QWidget):
    """Emits `planChosen(id)` when the user picks a plan."""

    planChosen = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.current_id: int | None = None
        self.plans: list[PlanSummary] = []
        self.filter = QLineEdit()
        self.filter.setObjectName("libraryFilter")
        self.filter.setPlaceholderText(self.tr("Filter by title, organ, number…"))
        self.filter.setClearButtonEnabled(True)
        self.sort = QComboBox()
        self.sort.setObjectName("librarySort")
        self.sort.addItem(self.tr("By year"), "year")
        self.sort.addItem(self.tr("By title"), "title")
        self.sort.addItem(self.tr("Recently modified"), "modified")
        self.model = QStandardItemModel(0, 2, self)
        self.model.setHorizontalHeaderLabels([self.tr("Plan"), self.tr("Status")])
        self.proxy = QSortFilterProxyModel(self)  # the filter; `model` always holds every plan
        self.proxy.setSourceModel(self.model)
        self.proxy.setRecursiveFilteringEnabled(True)  # a year or organ shows while one of its plans does
        self.proxy.setFilterRole(HaystackRole)
        self.view = QTreeView()
        self.view.setObjectName("libraryView")
        self.view.setModel(self.proxy)
        self.view.setUniformRowHeights(True)
        self.view.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.view.header().setStretchLastSection(False)
        self.view.header().setSectionResizeMode(0, self.view.header().ResizeMode.Stretch)
        self.view.header().setSectionResizeMode(1, self.view.header().ResizeMode.ResizeToContents)
        self.view.selectionModel().currentChanged.connect(self._current_changed)

        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(self.sort)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view)

        self._items: dict[int, QStandardItem] = {}
        self._organ_items: list[list[QStandardItem]] = []  # [year][organ] → the organ's row
        self._organ_ids: list[list[list[int]]] = []  # [year][organ] → its plans' ids, in the order shown
        self._shape: list | None = None  # the years and organs the tree was built with
        self._shown: dict[int, PlanSummary] = {}  # what each plan's row shows
        self._position: dict[int, int] = {}  # plan id → its index in `plans`
        self._bold = self.font()
        self._bold.setBold(True)
        self._grey = QBrush(QColor("#777777"))
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self._apply_filter)
        self.filter.textChanged.connect(lambda: self._timer.start())
        self.sort.currentIndexChanged.connect(self._rebuild)
        self._draft = self.tr("Draft")
        self._issued = self.tr("Issued")

    def set_plans(self, plans: list[PlanSummary], current_id: int | None = None) -> None:
        """Show these plans. Only what changed is touched: a plan whose title changed updates its row (or, when its
        place among its organ's plans moved, that organ's rows); the whole tree is built again only when years or
        organs come or go, or the order changes."""
        self.plans = plans
        self._position = {p.id: i for i, p in enumerate(plans)}
        if current_id is not None:
            self.current_id = current_id
        self._rebuild()

    def update_plans(self, changed: list[PlanSummary]) -> None:
        """Plans that changed (e.g. the open plan's title as it is typed): the rest of the list is not read again,
        and a plan that keeps its place (same year, organ, and order among its organ's plans) has its row set
        without sorting or comparing the others."""
        if len(self._position) != len(self.plans):
            self._position = {p.id: i for i, p in enumerate(self.plans)}
        for p in changed:
            if (i := self._position.get(p.id)) is not None:
                self.plans[i] = p
            else:
                self._position[p.id] = len(self.plans)
                self.plans.append(p)
        if all(self._set_in_place(p) for p in changed):
            return
        self._rebuild()

    def _set_in_place(self, p: PlanSummary) -> bool:
        old = self._shown.get(p.id)
        order = self.sort.currentData()
        if old is None or order == "modified" or (p.year, p.issuers[:1]) != (old.year, old.issuers[:1]):
            return False
        if old == p:
            return True
        key = (lambda q: q.title) if order == "title" else (lambda q: (q.title, q.id))
        for y, organs in enumerate(self._organ_ids):
            for o, ids in enumerate(organs):
                if p.id not in ids:
                    continue
                r = ids.index(p.id)
                before = self._shown[ids[r - 1]] if r > 0 else None
                after = self._shown[ids[r + 1]] if r + 1 < len(ids) else None
                if (before and key(before) > key(p)) or (after and key(p) > key(after)):
                    return False  # its place among its organ's plans moved
                organ_item = self._organ_items[y][o]
                self._set_row(organ_item.child(r, 0), organ_item.child(r, 1), p)
                self._shown[p.id] = p
                return True
        return False

    def _apply_filter(self) -> None:
        # Every word must occur in the plan's haystack: one regular expression of lookaheads, matched in C++ by
        # the proxy model (a Python match per row cost 455 ms a keystroke at 10,000 plans).
        words = self.filter.text().split()
        pattern = "".join(f"(?=.*{QRegularExpression.escape(w)})" for w in words)
        expression = QRegularExpression(f"^{pattern}" if words else "",
                                        QRegularExpression.PatternOption.CaseInsensitiveOption)
        if expression.pattern() != self.proxy.filterRegularExpression().pattern():
            self.proxy.setFilterRegularExpression(expression)
            self.view.expandAll()
            self._mark_current()

    def _groups(self) -> list[tuple[int | None, list[tuple[str, list[PlanSummary]]]]]:
        """Years → issuing organs → plans, in the chosen order (years newest first; with "recently modified",
        the freshest group first)."""
        plans = list(self.plans)
        order = self.sort.currentData()
        if order == "title":
            plans.sort(key=lambda p: p.title)
        elif order == "modified":
            plans.sort(key=lambda p: (p.modified_at, p.id), reverse=True)  # ties: the newer plan first
        else:
            plans.sort(key=lambda p: (p.title, p.id))
        groups: dict[int | None, dict[str, list[PlanSummary]]] = {}
        for p in plans:
            organ = p.issuers[0] if p.issuers else ""
            groups.setdefault(p.year, {}).setdefault(organ, []).append(p)
        years = list(groups)
        if order != "modified":
            years.sort(key=lambda y: -(y or 0))
        return [(year, list(groups[year].items())) for year in years]

    def _rebuild(self) -> None:
        groups = self._groups()
        shape = [(year, [organ for organ, _ in organs]) for year, organs in groups]
        if shape != self._shape:
            self._build(groups)
            self._shape = shape
        else:
            self._update(groups)
        self._shown = {p.id: p for p in self.plans}
        self._apply_filter()
        self._mark_current()

    def _build(self, groups) -> None:
        self.model.removeRows(0, self.model.rowCount())
        self._items = {}
        self._organ_items = []
        self._organ_ids = [[[p.id for p in members] for _, members in organs] for _, organs in groups]
        root = self.model.invisibleRootItem()
        for year, organs in groups:
            year_item = QStandardItem(self.tr("Year {0}").format(year) if year else self.tr("No year"))
            year_item.setFont(self._bold)
            year_count = QStandardItem(str(sum(len(m) for _, m in organs)))
            year_count.setForeground(self._grey)
            root.appendRow([year_item, year_count])
            row: list[QStandardItem] = []
            for organ, members in organs:
                organ_item = QStandardItem(organ or self.tr("No issuing organ"))
                organ_item.setForeground(self._grey)
                year_item.appendRow([organ_item, QStandardItem()])
                self._fill_organ(organ_item, members)
                row.append(organ_item)
            self._organ_items.append(row)
        self.view.expandAll()

    def _update(self, groups) -> None:
        """The same years and organs: refill an organ whose plans or their order changed, else touch only the
        rows of plans that changed."""
        for y, (_, organs) in enumerate(groups):
            year_count = self.model.item(y, 1)
            count = str(sum(len(m) for _, m in organs))
            if year_count.text() != count:
                year_count.setText(count)
            for o, (_, members) in enumerate(organs):
                organ_item = self._organ_items[y][o]
                ids = [p.id for p in members]
                if ids != self._organ_ids[y][o]:
                    for plan_id in self._organ_ids[y][o]:
                        self._items.pop(plan_id, None)
                    self._organ_ids[y][o] = ids
                    organ_item.removeRows(0, organ_item.rowCount())
                    self._fill_organ(organ_item, members)
                    self.view.expand(self.proxy.mapFromSource(organ_item.index()))
                    continue
                for r, p in enumerate(members):
                    if self._shown.get(p.id) != p:
                        self._set_row(organ_item.child(r, 0), organ_item.child(r, 1), p)

    def _fill_organ(self, organ_item: QStandardItem, members: list[PlanSummary]) -> None:
        for p in members:
            item, status = QStandardItem(kind_icon(None), ""), QStandardItem()
            self._set_row(item, status, p)
            organ_item.appendRow([item, status])
            self._items[p.id] = item

    def _set_row(self, item: QStandardItem, status: QStandardItem, p: PlanSummary) -> None:
        item.setText(p.title)
        item.setData(p.id, PlanIdRole)
        item.setData(" ".join([p.title, p.kind, str(p.year or ""), p.doc_number, *p.issuers]), HaystackRole)
        tip = [p.title]
        if p.doc_number:
            tip.append(p.doc_number)
        tip.append(self.tr("{0} nodes · modified {1}").format(p.node_count, p.modified_at[:16].replace("T", " ")))
        item.setToolTip("\n".join(tip))
        status.setText(self._issued if p.status is Status.ISSUED else self._draft)
        status.setForeground(QBrush(QColor("#2e7d32" if p.status is Status.ISSUED else "#b26a00")))

    def _mark_current(self) -> None:
        item = self._items.get(self.current_id) if self.current_id is not None else None
        if item is not None and self.view.currentIndex() == self.proxy.mapFromSource(self.model.indexFromItem(item)):
            return  # already shown as current: no scrolling, no repaint
        sel = self.view.selectionModel()
        sel.blockSignals(True)  # showing the open plan is not choosing one
        if item is None:
            self.view.clearSelection()
            self.view.setCurrentIndex(QModelIndex())
        else:
            index = self.proxy.mapFromSource(self.model.indexFromItem(item))
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)
        sel.blockSignals(False)
        self.view.viewport().update()

    def select(self, plan_id: int | None) -> None:
        """Highlight the open plan (no rebuild: the list is not touched)."""
        self.current_id = plan_id
        self._mark_current()

    def plan_at(self, index: QModelIndex) -> int | None:
        value = index.siblingAtColumn(0).data(PlanIdRole) if index.isValid() else None
        return int(value) if value is not None else None

    def visible_plan_ids(self) -> list[int]:
        """The plans shown, top to bottom (for tests and keyboard navigation)."""
        out = []

        def walk(parent: QModelIndex) -> None:
            for row in range(self.proxy.rowCount(parent)):
                index = self.proxy.index(row, 0, parent)
                if (pid := self.plan_at(index)) is not None:
                    out.append(pid)
                walk(index)

        walk(QModelIndex())
        return out

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        plan_id = self.plan_at(current)
        if plan_id is not None and plan_id != self.current_id:
            self.current_id = plan_id
            emit(self.planChosen, plan_id)

