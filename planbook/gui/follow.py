"""Following a plan through the year: task progress in the editor, the units view, the dashboard (the compare
view is in compareview.py).

Like the other editors these widgets never write to the library: progress edits leave as `edit` signals for the
window's undo stack; the views only read plans and ask the window (signals) to open a task or filter the tree.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core import editing
from ..core.library import Library
from ..core.model import Node, Plan, Progress, ProgressNote
from ..core.progress import counts_by_lead_unit, status_counts
from ..core.units import Role, library_units, plan_units, unit_tasks
from .barchart import BarChart, Series
from .editors import parse_date
from .qtcompat import emit
from .widgets import named


def progress_names() -> dict[Progress, str]:
    """The statuses in the interface's language (the core's PROGRESS_NAMES are the document's Chinese)."""
    return {
        Progress.NOT_STARTED: QCoreApplication.translate("Progress", "Not started"),
        Progress.IN_PROGRESS: QCoreApplication.translate("Progress", "In progress"),
        Progress.DONE: QCoreApplication.translate("Progress", "Done"),
        Progress.BEHIND: QCoreApplication.translate("Progress", "Behind"),
    }


def role_names() -> dict[Role, str]:
    """A unit's role in a task, in the interface's language (the core's ROLE_NAMES are the document's words)."""
    return {
        Role.LEAD: QCoreApplication.translate("Units", "Lead"),
        Role.RESPONSIBLE: QCoreApplication.translate("Units", "Responsible"),
        Role.COOPERATING: QCoreApplication.translate("Units", "Cooperating"),
        Role.OTHER: QCoreApplication.translate("Units", "Other"),
    }


STATUS_COLOURS = {
    Progress.NOT_STARTED: "#9aa0a6",
    Progress.IN_PROGRESS: "#2e6da4",
    Progress.DONE: "#2e8b57",
    Progress.BEHIND: "#c0392b",
}


# ---- progress in the node editor -------------------------------------------------------------------------


class ProgressEditor(QGroupBox):
    """A task's status and dated notes. Emits `changed(SetProgress, action name)`; shows what it is given."""

    changed = Signal(object, str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("Progress"), parent)
        self.setObjectName("progressEditor")
        self.node_id: int | None = None
        self.status = QComboBox()
        self.status.setObjectName("statusBox")
        for status, name in progress_names().items():
            self.status.addItem(name, status)
        self.notes = QTableWidget(0, 2)
        self.notes.setObjectName("notesTable")
        self.notes.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Progress note")])
        self.notes.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.notes.verticalHeader().hide()
        self.notes.setWordWrap(True)
        self.add, self.remove = named(QToolButton(), "addNote"), named(QToolButton(), "removeNote")
        self.add.setText("+")
        self.add.setToolTip(self.tr("Add a note dated today"))
        self.remove.setText("−")
        self.remove.setToolTip(self.tr("Remove the selected note"))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Status")))
        top.addWidget(self.status, 1)
        top.addWidget(self.add)
        top.addWidget(self.remove)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.notes)
        self.status.activated.connect(lambda _: self._emit(self.tr("Set Status")))
        self.notes.itemChanged.connect(lambda _: self._emit(self.tr("Edit Progress Note")))
        self.add.clicked.connect(self.add_note)
        self.remove.clicked.connect(self.remove_note)
        self._stored: tuple[ProgressNote, ...] = ()

    def show_progress(self, node: Node) -> None:
        self.node_id = node.id
        self._stored = tuple(node.notes)
        with QSignalBlocker(self.status):
            self.status.setCurrentIndex(self.status.findData(node.status))
        with QSignalBlocker(self.notes):
            self.notes.setRowCount(len(node.notes))
            for row, note in enumerate(node.notes):
                self.notes.setItem(row, 0, QTableWidgetItem(note.date.isoformat()))
                self.notes.setItem(row, 1, QTableWidgetItem(note.text))
        self.notes.resizeRowsToContents()
        # As tall as its notes (two rows at least, eight at most): the editor pane scrolls, the table need not.
        rows = sum(self.notes.rowHeight(r) for r in range(min(self.notes.rowCount(), 8)))
        spare = max(0, 2 - self.notes.rowCount()) * self.notes.verticalHeader().defaultSectionSize()
        self.notes.setFixedHeight(self.notes.horizontalHeader().sizeHint().height() + rows + spare + 4)

    def current_notes(self) -> tuple[ProgressNote, ...] | None:
        """The notes as the table shows them; None when a date cannot be read (the edit is then refused and the
        cell marked, keeping what was typed so it can be corrected)."""
        notes = []
        for row in range(self.notes.rowCount()):
            date_item, text_item = self.notes.item(row, 0), self.notes.item(row, 1)
            try:
                date = parse_date(date_item.text() if date_item else "")
            except ValueError:
                if date_item is not None:  # only a typed date can be wrong
                    with QSignalBlocker(self.notes):
                        date_item.setBackground(QBrush(QColor("#f8c6c6")))
                        date_item.setToolTip(self.tr("Write dates as 2021-03-15 or 2021年3月15日"))
                return None
            notes.append(ProgressNote(date or dt.date.today(), text_item.text() if text_item else ""))
        return tuple(notes)

    def add_note(self) -> None:
        if self.node_id is None:
            return
        notes = (*self._stored, ProgressNote(dt.date.today(), ""))
        emit(
            self.changed,
            editing.SetProgress(self.node_id, self.status.currentData(), notes),
            self.tr("Add Progress Note"),
        )
        # The new note opens for typing: keys go to its text, not to the status box beside the button.
        row = self.notes.rowCount() - 1
        if row >= 0 and (item := self.notes.item(row, 1)) is not None:
            self.notes.setFocus(Qt.FocusReason.OtherFocusReason)
            self.notes.setCurrentCell(row, 1)
            self.notes.editItem(item)

    def remove_note(self) -> None:
        row = self.notes.currentRow()
        if self.node_id is None or not 0 <= row < len(self._stored):
            return
        notes = self._stored[:row] + self._stored[row + 1 :]
        emit(
            self.changed,
            editing.SetProgress(self.node_id, self.status.currentData(), notes),
            self.tr("Remove Progress Note"),
        )

    def _emit(self, name: str) -> None:
        notes = self.current_notes()
        if self.node_id is None:
            return
        if notes is None:
            return
        emit(self.changed, editing.SetProgress(self.node_id, self.status.currentData(), notes), name)


# ---- the units view ----------------------------------------------------------------------------------------


class UnitsView(QWidget):
    """Pick a unit, see its tasks (as lead, responsible …) in this plan or in all plans."""

    openTask = Signal(int, int)  # plan id, node id
    filterUnit = Signal(str)  # "" to show the whole tree again
    renameUnit = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("unitsView")
        self.lib: Library | None = None
        self.plan: Plan | None = None
        self.scope = named(QComboBox(), "unitScope")
        self.scope.addItem(self.tr("This plan"), "plan")
        self.scope.addItem(self.tr("All plans"), "all")
        self.units = named(QListWidget(), "unitList")
        self.tasks = named(QTreeWidget(), "unitTasks")
        self.tasks.setHeaderLabels([self.tr("Task"), self.tr("Role"), self.tr("Plan")])
        self.tasks.setRootIsDecorated(False)
        self.tasks.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.filter = named(QCheckBox(self.tr("Show only this unit's tasks in the tree")), "unitFilter")
        self.rename = named(QPushButton(self.tr("Rename Unit…")), "renameUnit")
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.units)
        split.addWidget(self.tasks)
        split.setSizes([200, 300])
        row = QHBoxLayout()
        row.addWidget(self.filter, 1)
        row.addWidget(self.rename)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scope)
        layout.addWidget(split, 1)
        layout.addLayout(row)
        self.scope.currentIndexChanged.connect(lambda _: self.refresh())
        self.units.currentItemChanged.connect(lambda *_: self._unit_chosen())
        self.tasks.itemDoubleClicked.connect(self._open)
        self.filter.toggled.connect(lambda _: emit(self.filterUnit, self._filter_value()))
        self.rename.clicked.connect(lambda: self.current_unit() and emit(self.renameUnit, self.current_unit()))

    def show_plan(self, lib: Library, plan: Plan | None) -> None:
        self.lib, self.plan = lib, plan
        self.refresh()

    def current_unit(self) -> str:
        item = self.units.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else ""

    def select_unit(self, unit: str) -> bool:
        for row in range(self.units.count()):
            if self.units.item(row).data(Qt.ItemDataRole.UserRole) == unit:
                self.units.setCurrentRow(row)
                return True
        return False

    def refresh(self) -> None:
        if self.lib is None:
            return
        keep = self.current_unit()
        if self.scope.currentData() == "all":
            counts = sorted(library_units(self.lib).items(), key=lambda kv: (-kv[1], kv[0]))
        else:
            counts = [(u, len(a)) for u, a in plan_units(self.plan).items()] if self.plan else []
        with QSignalBlocker(self.units):
            self.units.clear()
            for unit, count in counts:
                item = QListWidgetItem(f"{unit}（{count}）")
                item.setData(Qt.ItemDataRole.UserRole, unit)
                self.units.addItem(item)
        self.rename.setEnabled(self.plan is not None)
        if not (keep and self.select_unit(keep)):
            self.units.setCurrentRow(0 if self.units.count() else -1)
        self._unit_chosen()

    def _unit_chosen(self) -> None:
        self.tasks.clear()
        unit = self.current_unit()
        if not unit or self.lib is None:
            return
        if self.scope.currentData() == "all":
            found = unit_tasks(self.lib, unit)
            titles: dict[int | None, str] = {p.id: p.title for p in self.lib.list_plans(counts=False)}
        else:
            found = plan_units(self.plan).get(unit, []) if self.plan else []
            titles = {self.plan.id: self.plan.title} if self.plan else {}
        for a in found:
            item = QTreeWidgetItem([f"{a.number}{a.title}", role_names()[a.role], titles.get(a.plan_id, "")])
            item.setData(0, Qt.ItemDataRole.UserRole, (a.plan_id, a.node_id))
            item.setToolTip(0, a.title)
            self.tasks.addTopLevelItem(item)
        if self.filter.isChecked():
            emit(self.filterUnit, unit)

    def _filter_value(self) -> str:
        return self.current_unit() if self.filter.isChecked() else ""

    def _open(self, item: QTreeWidgetItem) -> None:
        plan_id, node_id = item.data(0, Qt.ItemDataRole.UserRole)
        emit(self.openTask, plan_id, node_id)


# ---- the dashboard -----------------------------------------------------------------------------------------


class Dashboard(QWidget):
    """Counts by status and, as a stacked bar chart, by lead unit; exports the progress report."""

    exportReport = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("dashboard")
        self.summary = named(QLabel(), "statusSummary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.chart = BarChart()
        # The chart scrolls when a plan names many units; the export button below it stays on screen.
        self.view = QScrollArea()
        self.view.setWidgetResizable(True)
        self.view.setWidget(self.chart)
        self.view.setFrameShape(QScrollArea.Shape.NoFrame)
        self.export = named(QPushButton(self.tr("Export Progress Report…")), "exportProgress")
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.export, 0, Qt.AlignmentFlag.AlignRight)
        self.export.clicked.connect(lambda: emit(self.exportReport))
        self.counts: dict[Progress, int] = {}
        self.by_unit: dict[str, dict[Progress, int]] = {}

    def show_plan(self, plan: Plan | None) -> None:
        self.counts = status_counts(plan) if plan else {s: 0 for s in Progress}
        self.by_unit = counts_by_lead_unit(plan) if plan else {}
        total = sum(self.counts.values())
        names = progress_names()
        parts = [
            f"<span style='color:{STATUS_COLOURS[s]}'>■</span> {names[s]} <b>{n}</b>" for s, n in self.counts.items()
        ]
        done = self.counts[Progress.DONE] * 100 // total if total else 0
        self.summary.setText(
            self.tr("{0} tasks: ").format(total) + "　".join(parts) + self.tr("　({0}% done)").format(done)
        )
        self.summary.setWordWrap(True)
        self.export.setEnabled(plan is not None)
        units = list(self.by_unit)
        series = [Series(names[s], STATUS_COLOURS[s], [self.by_unit[u][s] for u in units]) for s in Progress]
        self.chart.set_data(self.tr("Tasks by lead unit and status"), units, series)

    def bar_values(self) -> dict[str, list[float]]:
        """What the chart draws, per status name (for tests and for reading it back)."""
        return {s.name: list(s.values) for s in self.chart.series}
