"""Compare two plans side by side: a table model over the diff and a delegate that draws each side as HTML.

No widget per cell: at 3,000 tasks the old table made 6,000 labels and measured every one of them. Here a row's
HTML is made when it is first painted, and a row is measured (its text laid out at the column's width) only as
it scrolls into view; rows not yet seen keep a default height.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QBrush, QColor, QFont, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core import compare
from ..core.library import Library
from ..core.model import Plan
from .jobs import Job, start_job
from .qtcompat import emit
from .screen import fit_to_screen

HtmlRole = Qt.ItemDataRole.UserRole + 2  # a side of a task, as HTML
ChangeRole = Qt.ItemDataRole.UserRole  # "kept", "changed", "added", "dropped" (column 0 of a task row)
_ROOT = QModelIndex()
_MARGIN = 6


def change_names() -> dict[compare.Change, str]:
    return {
        compare.Change.KEPT: QCoreApplication.translate("Compare", "Kept"),
        compare.Change.CHANGED: QCoreApplication.translate("Compare", "Changed"),
        compare.Change.ADDED: QCoreApplication.translate("Compare", "Added"),
        compare.Change.DROPPED: QCoreApplication.translate("Compare", "Dropped"),
    }


_CHANGE_COLOURS = {
    compare.Change.KEPT: "#ffffff",
    compare.Change.CHANGED: "#fff8e1",
    compare.Change.ADDED: "#e8f5e9",
    compare.Change.DROPPED: "#fdecea",
}


def _side(segments: list[compare.Segment], keep: str) -> str:
    """One side of an inline diff as HTML: equal text plus this side's changes (deleted red, inserted green)."""
    style = {
        "delete": "background:#f8c6c6;text-decoration:line-through;color:#900",
        "insert": "background:#c8ecc8;color:#060",
    }
    return "".join(
        html.escape(t) if op == "equal" else f"<span style='{style[op]}'>{html.escape(t)}</span>"
        for op, t in segments
        if op in ("equal", keep)
    )


MAX_INLINE = 4000  # characters: longer field values are marked whole (difflib is quadratic at worst)


def _field_html(label: str, before: str | None, after: str | None, old: bool) -> str:
    """One changed field on one side, in its place: the changed characters marked, the rest as it was."""
    mine = before if old else after
    if mine is None:
        return ""  # the field is only on the other side, where it shows struck out or inserted
    if len(before or "") + len(after or "") <= MAX_INLINE:
        value = _side(compare.inline_diff(before or "", after or ""), "delete" if old else "insert")
    else:
        value = _side([("delete" if old else "insert", mine)], "delete" if old else "insert")
    return f"{html.escape(label)}：{value}"


def side_html(t: compare.TaskDiff, old: bool) -> str:
    ref = t.old if old else t.new
    if ref is None:
        return ""
    if t.change is compare.Change.CHANGED:
        keep = "delete" if old else "insert"
        title, body = _side(t.title, keep), _side(t.body, keep)
        changed = {label: (before, after) for label, before, after in t.fields}
        rows = [
            _field_html(k, *changed[k], old) if k in changed else f"{html.escape(k)}：{html.escape(v)}"
            for k, v in ref.fields
        ]  # in the task's own order, a changed field where it stands
    else:
        title, body = html.escape(ref.title), html.escape(ref.body)
        rows = [f"{html.escape(k)}：{html.escape(v)}" for k, v in ref.fields]
    out = f"<b>{html.escape(ref.number)}{title}</b>"
    if body:
        out += f"<br>{body}"
    if rows := [r for r in rows if r]:
        out += "<br><small>" + "<br>".join(rows) + "</small>"
    return out


class CompareModel(QAbstractTableModel):
    """Rows: a section heading (spanning the table), or a task with its change and both sides; or one sentence
    when nothing differs."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[tuple[str, compare.TaskDiff | None]] = []  # (heading, None) or ("", task)
        self.note = ""  # shown alone when there is no row
        self.headers = ["", "", ""]
        self._html: dict[tuple[int, int], str] = {}
        self._bold = QFont()
        self._bold.setBold(True)

    def set_rows(self, rows: list[tuple[str, compare.TaskDiff | None]], note: str) -> None:
        self.beginResetModel()
        self.rows, self.note, self._html = rows, note, {}
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self.rows) or (1 if self.note else 0)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else 3

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802 - Qt's name
        role: int = Qt.ItemDataRole.DisplayRole,
    ):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and section < 3:
            return self.headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if not self.rows:
            if index.column() == 0 and role == Qt.ItemDataRole.DisplayRole:
                return self.note
            return Qt.AlignmentFlag.AlignCenter if role == Qt.ItemDataRole.TextAlignmentRole else None
        heading, task = self.rows[index.row()]
        if task is None:
            return self._heading_data(heading, index.column(), role)
        if index.column() == 0:
            return self._mark_data(task.change, role)
        if role == HtmlRole:
            key = (index.row(), index.column())
            if key not in self._html:
                self._html[key] = side_html(task, index.column() == 1)
            return self._html[key]
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(_CHANGE_COLOURS[task.change]))
        return None

    def _heading_data(self, heading: str, column: int, role: int):
        if column != 0:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return heading
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        return QBrush(QColor("#eef1f5")) if role == Qt.ItemDataRole.BackgroundRole else None

    def _mark_data(self, change: compare.Change, role: int):
        if role == Qt.ItemDataRole.DisplayRole:
            return change_names()[change]
        if role == ChangeRole:
            return str(change)
        return QBrush(QColor(_CHANGE_COLOURS[change])) if role == Qt.ItemDataRole.BackgroundRole else None


class HtmlDelegate(QStyledItemDelegate):
    """Draws a cell's `HtmlRole` text wrapped to the column, on the cell's background; measures it the same way."""

    def _document(self, option: QStyleOptionViewItem, text: str, width: int) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)  # type: ignore[attr-defined]
        doc.setDocumentMargin(_MARGIN)
        doc.setHtml(text)
        doc.setTextWidth(max(width, 40))
        return doc

    def paint(self, painter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        text = index.data(HtmlRole)
        if text is None:
            super().paint(painter, option, index)
            return
        rect = option.rect  # type: ignore[attr-defined]
        if isinstance(brush := index.data(Qt.ItemDataRole.BackgroundRole), QBrush):
            painter.fillRect(rect, brush)
        doc = self._document(option, text, rect.width())
        painter.save()
        painter.translate(rect.topLeft())
        painter.setClipRect(rect.translated(-rect.topLeft()))
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(QPalette.ColorRole.Text))  # type: ignore[attr-defined]
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        text = index.data(HtmlRole)
        if text is None:
            return super().sizeHint(option, index)
        view = self.parent()
        width = view.columnWidth(index.column()) if isinstance(view, QTableView) else 300
        doc = self._document(option, text, width)
        return QSize(width, int(doc.size().height()) + 1)


class CompareTable(QTableView):
    """The compare table: rows are measured as they come into view (`measure_visible`)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("compareTable")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalHeader().hide()
        self.setWordWrap(True)
        self.setItemDelegate(HtmlDelegate(self))
        self.measured: set[int] = set()
        self.verticalScrollBar().valueChanged.connect(lambda _: self.measure_visible())
        self.horizontalHeader().sectionResized.connect(lambda *_: self.remeasure())

    def remeasure(self) -> None:
        """The columns changed width: rows measured before are measured again as they are seen."""
        self.measured = set()
        self.measure_visible()

    def measure_visible(self) -> None:
        model = self.model()
        if model is None or model.rowCount() == 0:
            return
        top = max(self.rowAt(0), 0)
        bottom = self.rowAt(self.viewport().height())
        bottom = model.rowCount() - 1 if bottom < 0 else bottom
        for row in range(top, min(bottom + 3, model.rowCount())):  # a few below, so scrolling down is smooth
            if row not in self.measured:
                self.measured.add(row)
                self.resizeRowToContents(row)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.measure_visible()


class CompareView(QDialog):
    """The open plan beside another (by default the one it was drafted from, else last year's)."""

    compared = Signal()  # a comparison finished and is shown

    def __init__(self, lib: Library, plan_id: int, parent: QWidget | None = None, other_id: int | None = None):
        super().__init__(parent)
        self.setObjectName("compareView")
        self.setWindowTitle(self.tr("Compare Plans"))
        self.lib, self.plan_id = lib, plan_id
        self.other = QComboBox()
        self.other.setObjectName("comparePlan")
        # Sized by the layout, not by measuring each of a large library's titles (1,000 plans: ~30 ms of the first
        # open); the list that drops down still fits its titles.
        self.other.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.other.setMinimumContentsLength(24)
        plans = lib.list_plans(counts=False)
        for p in plans:
            if p.id != plan_id:
                self.other.addItem(f"{p.title}（{p.year or '—'}）", p.id)
        self.kept = QCheckBox(self.tr("Show kept tasks"))
        self.kept.setObjectName("showKept")
        self.summary = QLabel()
        self.summary.setObjectName("compareSummary")
        self.model = CompareModel(self)
        self.table = CompareTable()
        self.table.setModel(self.model)
        h = self.table.horizontalHeader()
        h.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        h.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        h.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Compare with")))
        top.addWidget(self.other, 1)
        top.addWidget(self.kept)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.diff: compare.PlanDiff | None = None
        self._runner = None  # the comparison running on a worker, if any
        self.empty_note = ""  # what the table says when it has no row to show
        if other_id is None:  # by default the plan of the year before, if the library has one
            year = lib.load_plan_header(plan_id).year
            other_id = next((p.id for p in plans if year and p.year == year - 1), None)
        if other_id is not None and (i := self.other.findData(other_id)) >= 0:
            self.other.setCurrentIndex(i)
        self.other.currentIndexChanged.connect(lambda _: self.refresh())
        self.kept.toggled.connect(lambda _: self._fill())
        fit_to_screen(self, 1100, 700)
        self.refresh()

    def refresh(self) -> None:
        """Compare with the chosen plan on a worker thread (a 3,000-task plan takes seconds), under a progress
        dialog that can cancel it; `compared` is emitted when the result is shown."""
        other = self.other.currentData()
        if self._runner is not None:
            self._runner.cancel()  # a comparison with the plan chosen before: its result is dropped
            self._runner = None
        if other is None:
            self.summary.setText(self.tr("There is no other plan in the library to compare with."))
            self.diff = None
            self._fill()
            return
        old, new = self.lib.load_plan(other), self.lib.load_plan(self.plan_id)  # the connection stays here
        self.summary.setText(self.tr("Comparing…"))
        job = Job([(old, new)], lambda pair: self._compare(job, *pair), lambda _: self.tr("Comparing tasks…"))
        runner = start_job(self, self.tr("Compare Plans"), job, lambda results: self._compared(runner, results))
        runner.dialog.setRange(0, 100)
        self._runner = runner

    def _compare(self, job: Job, old: Plan, new: Plan) -> tuple[Plan, Plan, compare.PlanDiff] | None:
        """On the worker: the diff, or None when cancelled."""
        label = self.tr("Comparing tasks…")

        def progress(done: int, total: int) -> None:
            emit(job.progress, 100 * done // max(total, 1), label)

        try:
            return old, new, compare.compare(old, new, progress=progress, cancelled=lambda: job.cancelled)
        except compare.Cancelled:
            return None

    def _compared(self, runner, results: list) -> None:
        if runner is not self._runner:
            return  # superseded by another choice of plan
        self._runner = None
        result = results[0][1] if results else None
        if result is None:
            self.diff = None
            self.summary.setText(self.tr("Comparison cancelled."))
            self._fill()
            return
        old, new, diff = result
        self.diff = diff
        counts = diff.counts()
        self.summary.setText(
            self.tr("{0} → {1}: kept {2}, changed {3}, added {4}, dropped {5}").format(
                old.title, new.title, counts["kept"], counts["changed"], counts["added"], counts["dropped"]
            )
        )
        self.model.headers = ["", old.title, new.title]
        self._fill()
        emit(self.compared)

    def done(self, result: int) -> None:  # noqa: D401 - Qt's name
        """Closing while a comparison runs: stop the worker first (the dialog and its thread go together)."""
        if self._runner is not None:
            self._runner.stop()
            self._runner = None
        super().done(result)

    def _fill(self) -> None:
        rows: list[tuple[str, compare.TaskDiff | None]] = []  # (section heading, None) or ("", task)
        for section in self.diff.sections if self.diff is not None else []:
            shown = [t for t in section.tasks if self.kept.isChecked() or t.change is not compare.Change.KEPT]
            if shown:
                rows += [(section.heading or self.tr("(no section)"), None), *(("", t) for t in shown)]
        # Changed, added and dropped tasks are always shown: no row means none, and the table says so.
        nothing = self.tr("The two plans have the same tasks: nothing was changed, added or dropped.")
        self.empty_note = "" if rows or self.diff is None else nothing
        self.table.clearSpans()
        self.model.set_rows(rows, self.empty_note)
        for row, (_, task) in enumerate(rows):
            if task is None:
                self.table.setSpan(row, 0, 1, 3)
        if not rows and self.empty_note:
            self.table.setSpan(0, 0, 1, 3)
            self.table.setRowHeight(0, 60)
        # The change names' column: as wide as the longest name (headings span the row and do not count).
        metrics = self.table.fontMetrics()
        self.table.setColumnWidth(0, max(metrics.horizontalAdvance(n) for n in change_names().values()) + 24)
        self.table.remeasure()

    def changes(self) -> list[str]:
        """The change of each task row shown, top to bottom (what the user reads in the first column)."""
        return [change for r in range(self.model.rowCount()) if (change := self.model.index(r, 0).data(ChangeRole))]

    def side_texts(self, column: int) -> list[str]:
        """Column 1 (the other plan) or 2 (this one): each task's side as the HTML drawn."""
        return [text for r in range(self.model.rowCount()) if (text := self.model.index(r, column).data(HtmlRole))]
