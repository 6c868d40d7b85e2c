"""The library pane: every plan, grouped by year and issuing organ, with a filter box and a sort order."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QTreeView, QVBoxLayout, QWidget

from ..core.model import PlanSummary, Status
from .qtcompat import emit
from .treemodel import kind_icon

PlanIdRole = Qt.ItemDataRole.UserRole + 1


class LibraryPane(QWidget):
    """Emits `planChosen(id)` when the user picks a plan."""

    planChosen = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.current_id: int | None = None
        self.plans: list[PlanSummary] = []
        self._items: dict[int, QStandardItem] = {}
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
        self.view = QTreeView()
        self.view.setObjectName("libraryView")
        self.view.setModel(self.model)
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

        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self._rebuild)
        self.filter.textChanged.connect(lambda: self._timer.start())
        self.sort.currentIndexChanged.connect(self._rebuild)
        self._draft = self.tr("Draft")
        self._issued = self.tr("Issued")

    def set_plans(self, plans: list[PlanSummary], current_id: int | None = None) -> None:
        self.plans = plans
        if current_id is not None:
            self.current_id = current_id
        self._rebuild()

    def _matches(self, p: PlanSummary, words: list[str]) -> bool:
        haystack = " ".join([p.title, p.kind, str(p.year or ""), p.doc_number, *p.issuers]).lower()
        return all(w in haystack for w in words)

    def _rebuild(self) -> None:
        words = self.filter.text().lower().split()
        plans = [p for p in self.plans if self._matches(p, words)]
        order = self.sort.currentData()
        if order == "title":
            plans.sort(key=lambda p: p.title)
        elif order == "modified":
            plans.sort(key=lambda p: (p.modified_at, p.id), reverse=True)  # ties: the newer plan first
        else:
            plans.sort(key=lambda p: (p.title, p.id))
        # Groups: year → issuing organ. Years newest first; with "recently modified", the freshest group first.
        groups: dict[int | None, dict[str, list[PlanSummary]]] = {}
        for p in plans:
            organ = p.issuers[0] if p.issuers else ""
            groups.setdefault(p.year, {}).setdefault(organ, []).append(p)
        years = list(groups)
        if order != "modified":
            years.sort(key=lambda y: -(y or 0))
        self.model.removeRows(0, self.model.rowCount())
        self._items: dict[int, QStandardItem] = {}
        root = self.model.invisibleRootItem()
        bold = self.font()
        bold.setBold(True)
        grey = QBrush(QColor("#777777"))
        for year in years:
            organs = groups[year]
            year_item = QStandardItem(self.tr("Year {0}").format(year) if year else self.tr("No year"))
            year_item.setFont(bold)
            count = sum(len(v) for v in organs.values())
            year_count = QStandardItem(str(count))
            year_count.setForeground(grey)
            root.appendRow([year_item, year_count])
            for organ, members in organs.items():
                organ_item = QStandardItem(organ or self.tr("No issuing organ"))
                organ_item.setForeground(grey)
                year_item.appendRow([organ_item, QStandardItem()])
                for p in members:
                    item = QStandardItem(kind_icon(None), p.title)
                    item.setData(p.id, PlanIdRole)
                    tip = [p.title]
                    if p.doc_number:
                        tip.append(p.doc_number)
                    tip.append(self.tr("{0} nodes · modified {1}").format(p.node_count, p.modified_at[:16].replace("T", " ")))
                    item.setToolTip("\n".join(tip))
                    status = QStandardItem(self._issued if p.status is Status.ISSUED else self._draft)
                    status.setForeground(QBrush(QColor("#2e7d32" if p.status is Status.ISSUED else "#b26a00")))
                    organ_item.appendRow([item, status])
                    self._items[p.id] = item
        self.view.expandAll()
        self._mark_current()

    def _mark_current(self) -> None:
        item = self._items.get(self.current_id) if self.current_id is not None else None
        sel = self.view.selectionModel()
        sel.blockSignals(True)  # showing the open plan is not choosing one
        if item is None:
            self.view.clearSelection()
            self.view.setCurrentIndex(QModelIndex())
        else:
            index = self.model.indexFromItem(item)
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
            for row in range(self.model.rowCount(parent)):
                index = self.model.index(row, 0, parent)
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

