"""The editor pane: a node's kind, title, body and fields; or, for the plan itself, its properties and notice.

Editors never write to the library themselves: they emit `edit(edit, action name, merge key)` and the window
runs it as an undoable command. When the model changes under them (undo, redo), `show_*` refreshes the widgets
without echoing the change back.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QCoreApplication, QSignalBlocker, QSize, Qt, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core import docnumbers, editing
from ..core.model import (
    KINDS,
    NOTICE_SPECS,
    PLAN_FIELDS,
    DocFormat,
    Field,
    Node,
    NodeKind,
    Numbering,
    Plan,
    Sealing,
    Status,
)
from ..core.numbering import label as number_label
from .qtcompat import emit
from .widgets import ElidedLabel, GrowingTextEdit, named

if TYPE_CHECKING:
    from ..core.library import Library

# The labels offices use most; any other label may be typed. Document vocabulary, so data, not translations.
USUAL_LABELS = (
    "牵头领导",
    "牵头单位",
    "责任单位",
    "配合单位",
    "目标任务",
    "工作措施",
    "完成时限",
    "牵头科室",
    "责任科室",
    "牵头处室",
    "责任处室",
)
DOC_NUMBER = re.compile(r"^\S*〔(\d{4})〕(\d+)号$")
_W = TypeVar("_W", bound=QWidget)
_session = itertools.count(1)  # typing sessions: a new one whenever an editor shows another node or loses focus


def kind_names(prints_as: NodeKind | None = None) -> dict[NodeKind, str]:
    """The editor's kind list, from the kind table (`model.KINDS`). In outline numbering a node prints its level's
    number whatever its kind (`numbering.level_kind`): `prints_as` is that level's kind, and every entry shows
    the number the node will print, 任务（（一））, never a 1. it will not print."""
    if prints_as is None:
        return {k: QCoreApplication.translate("Kinds", spec.label) for k, spec in KINDS.items()}
    pattern = QCoreApplication.translate("Kinds", "{kind} ({number})")
    number = number_label(prints_as, 1)
    names = short_kind_names()
    return {k: pattern.format(kind=names[k][:1].upper() + names[k][1:], number=number) for k in KINDS}


def short_kind_names() -> dict[NodeKind, str]:
    """Kinds as menus and undo steps name them ("Add task")."""
    return {k: QCoreApplication.translate("Kinds", spec.short) for k, spec in KINDS.items()}


def parse_date(text: str) -> dt.date | None:
    """2020-03-06, 2020/3/6 or 2020年3月6日; empty is None; anything else raises ValueError."""
    text = text.strip()
    if not text:
        return None
    m = re.fullmatch(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?", text)
    if not m:
        raise ValueError(text)
    return dt.date(*map(int, m.groups()))


def check_doc_number(text: str, year: int | None) -> str:
    """An empty string when the document number is well formed (or empty), else what is wrong with it."""
    text = text.strip()
    if not text:
        return ""
    m = DOC_NUMBER.match(text)
    if not m:
        if "[" in text or "(" in text or "（" in text or "【" in text:
            return QCoreApplication.translate(
                "Checks", "Write the year in 〔〕 (hexagonal brackets), e.g. 某教发〔2021〕3号"
            )
        return QCoreApplication.translate(
            "Checks", "A document number reads agency code, 〔year〕, serial and 号, e.g. 某教发〔2021〕3号"
        )
    if m.group(2).startswith("0"):
        return QCoreApplication.translate("Checks", "The serial number takes no leading zero (3号, not 03号)")
    if year and abs(int(m.group(1)) - year) > 1:
        return QCoreApplication.translate(
            "Checks", "The year in the number ({0}) is far from the plan's year ({1})"
        ).format(m.group(1), year)
    return ""


def _scroll_minimum(area: QScrollArea) -> QSize:
    """A pane that scrolls only vertically is as narrow as its content allows, never narrower: the splitter then
    takes the room from the other panes instead of cutting the editors off (seen at 1024×640 with a dock open)."""
    inner = area.widget()
    width = inner.minimumSizeHint().width() if inner is not None else 100
    return QSize(width + area.verticalScrollBar().sizeHint().width() + 2 * area.frameWidth(), 100)


class NodeEditor(QScrollArea):
    """Kind, title, body and fields of one node, in a pane that scrolls: every box grows with its text, so long
    prose shows whole and nothing is squeezed on a small screen."""

    edit = Signal(object, str, object)  # (edit, action name, merge key or None)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("nodeEditor")
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.node_id: int | None = None
        self._session = 0
        self.heading = ElidedLabel()  # a long title shortens with "…" instead of widening the window
        self.heading.setObjectName("nodeHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.kind = QComboBox()
        self.kind.setObjectName("kindBox")
        for kind, name in kind_names().items():
            self.kind.addItem(name, kind)
        self._prints_as: NodeKind | None = None  # what the kind list's numbers are for (outline numbering)
        # (its longest name need not set the pane's minimum width: the box shows it whole when there is room)
        self.kind.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.kind.setMinimumContentsLength(8)
        self.title = QLineEdit()
        self.title.setObjectName("titleEdit")
        self.title.setPlaceholderText(self.tr("Title, e.g. 切实加强德育工作。"))
        self.body = GrowingTextEdit(min_lines=2, max_lines=30)
        self.body.setObjectName("bodyEdit")
        self.body.setPlaceholderText(self.tr("What is to be done"))
        self.fields = FieldsForm()
        from .follow import ProgressEditor  # here, not at the top: follow imports parse_date from this module

        self.progress = ProgressEditor()

        inner = QWidget()
        form = QFormLayout()
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Title"), self.title)
        layout = QVBoxLayout(inner)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        text_label = QLabel(self.tr("Te&xt"))
        text_label.setBuddy(self.body)
        layout.addWidget(text_label)
        layout.addWidget(self.body)
        fields_label = QLabel(self.tr("Fields"))
        layout.addWidget(fields_label)
        layout.addWidget(self.fields)
        layout.addWidget(self.progress)
        layout.addStretch(1)
        self.setWidget(inner)

        self.kind.activated.connect(self._kind_chosen)
        self.title.textChanged.connect(self._title_changed)
        self.title.editingFinished.connect(self._new_session)
        self.body.textChanged.connect(self._body_changed)
        self.fields.changed.connect(self._fields_changed)
        self.progress.changed.connect(lambda edit, name: emit(self.edit, edit, name, None))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return _scroll_minimum(self)

    def highlight(self, terms: list[str]) -> None:
        """Mark every occurrence of the search terms in the text (until another node is shown)."""
        from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor

        from ..core.search import find_spans

        selections = []
        fmt = QTextCharFormat()
        fmt.setBackground(QColor("#ffe08a"))
        for start, end in find_spans(self.body.toPlainText(), terms):
            selection = QTextEdit.ExtraSelection()
            selection.format = fmt
            cursor = QTextCursor(self.body.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selections.append(selection)
        self.body.setExtraSelections(selections)
        if selections:
            self.body.setTextCursor(QTextCursor(selections[0].cursor.block()))
            self.body.ensureCursorVisible()
        title_spans = find_spans(self.title.text(), terms) if terms else []
        if not terms:  # the search was cleared: no mark stays behind
            self.title.deselect()
        if title_spans:
            self.title.setSelection(title_spans[0][0], title_spans[0][1] - title_spans[0][0])

    def show_node(
        self, node: Node, number: str, tracked: bool | None = None, prints_as: NodeKind | None = None
    ) -> None:
        """Show `node` (called on selection and whenever the model changed it). `tracked`: whether it has progress
        (tasks; the （一） items of an action plan without tasks, see core.progress.tasks). `prints_as`: in outline
        numbering, the kind whose number the node's level prints (the kind list names it)."""
        if prints_as != self._prints_as:
            self._prints_as = prints_as
            for row, name in enumerate(kind_names(prints_as).values()):
                self.kind.setItemText(row, name)
        if node.id != self.node_id:
            self._new_session()
            self.body.setExtraSelections([])
        self.node_id = node.id
        self.heading.setText(f"{number}{node.title}" if node.title else number)
        with QSignalBlocker(self.kind):
            self.kind.setCurrentIndex(self.kind.findData(node.kind))
        if self.title.text() != node.title:
            with QSignalBlocker(self.title):
                self.title.setText(node.title)
                if not self.title.hasFocus():
                    self.title.setCursorPosition(0)
        if self.body.toPlainText() != node.body:
            with QSignalBlocker(self.body):
                self.body.setPlainText(node.body)
        self.fields.show_fields(node.fields)
        self.progress.setVisible(node.kind is NodeKind.TASK if tracked is None else tracked)
        self.progress.show_progress(node)

    def _new_session(self) -> None:
        self._session = next(_session)
        self.fields.session = self._session

    def _kind_chosen(self, row: int) -> None:
        if self.node_id is not None:
            emit(self.edit, editing.EditNode(self.node_id, kind=self.kind.itemData(row)), self.tr("Change Kind"), None)

    def _title_changed(self, text: str) -> None:
        if self.node_id is not None:
            emit(
                self.edit,
                editing.EditNode(self.node_id, title=text),
                self.tr("Edit Title"),
                ("title", self.node_id, self._session),
            )

    def _body_changed(self) -> None:
        if self.node_id is not None:
            emit(
                self.edit,
                editing.EditNode(self.node_id, body=self.body.toPlainText()),
                self.tr("Edit Text"),
                ("body", self.node_id, self._session),
            )

    def _fields_changed(self, fields: tuple, name: str, merge: object) -> None:
        if self.node_id is not None:
            key = None if merge is None else ("fields", self.node_id, merge)
            emit(self.edit, editing.SetFields(self.node_id, fields), name, key)


class _FieldRow:
    """One field in the form: an editable label box offering the usual labels, and a value box that grows."""

    def __init__(self, form: FieldsForm, label: str, value: str):
        self.label = QComboBox()
        self.label.setObjectName("fieldLabel")
        self.label.setEditable(True)
        self.label.addItems(USUAL_LABELS)
        self.label.setCurrentText(label)
        self.label.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.value = GrowingTextEdit(max_lines=40, single_paragraph=True)  # the pane scrolls; the box need not
        self.value.setObjectName("fieldValue")
        self.value.setPlainText(value)
        self.label.installEventFilter(form)
        if (line := self.label.lineEdit()) is not None:  # an editable box has one
            line.installEventFilter(form)
        self.value.installEventFilter(form)

    def texts(self) -> Field:
        return Field(self.label.currentText().strip(), self.value.toPlainText())


class FieldsForm(QWidget):
    """The ordered fields of a task as a 标签/值 form: each value in a box that grows with its text (a 200-character
    目标任务 shows whole), with add (usual labels offered), remove, up and down acting on the row being edited."""

    changed = Signal(tuple, str, object)  # (fields, action name, merge token or None)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("fieldsForm")
        self.session = 0
        self.rows: list[_FieldRow] = []  # the rows shown, one per field
        self._spare: list[_FieldRow] = []  # rows hidden for later nodes (see _rebuild)
        self._current = -1
        self.grid = QGridLayout()
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setColumnStretch(1, 1)
        self.empty = QLabel(self.tr("No fields. Add one with Add (Alt+A): 牵头单位, 责任单位, 完成时限 …"))
        self.empty.setObjectName("noFields")
        self.empty.setWordWrap(True)
        self.empty.setEnabled(False)

        self.add_button = QToolButton()
        self.add_button.setObjectName("addField")
        self.add_button.setText(self.tr("&Add"))
        self.add_button.setToolTip(self.tr("Add a field"))
        self.add_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        menu = QMenu(self.add_button)
        for label in USUAL_LABELS:
            menu.addAction(label, lambda label=label: self.add_field(label))
        self.add_button.setMenu(menu)
        self.add_button.clicked.connect(lambda: self.add_field(self._next_label()))
        self.remove_button = self._button("removeField", self.tr("Remove"), self.remove_field)
        self.up_button = self._button("fieldUp", self.tr("Up"), lambda: self.move_field(-1))
        self.down_button = self._button("fieldDown", self.tr("Down"), lambda: self.move_field(+1))

        buttons = QHBoxLayout()
        for b in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(b)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addLayout(self.grid)
        layout.addLayout(buttons)

    def _button(self, name: str, text: str, slot) -> QToolButton:
        b = QToolButton()
        b.setObjectName(name)
        b.setText(text)
        b.clicked.connect(slot)
        return b

    # ---- reading and showing ---------------------------------------------------------------------------

    def fields(self) -> tuple[Field, ...]:
        return tuple(row.texts() for row in self.rows)

    def current_row(self) -> int:
        """The row last focused (add, remove and move act on it); -1 for none."""
        return self._current if 0 <= self._current < len(self.rows) else -1

    def set_current_row(self, row: int) -> None:
        self._current = row

    def show_fields(self, fields: list[Field]) -> None:
        if self.fields() == tuple(fields):
            return
        if len(fields) != len(self.rows):
            self._rebuild(len(fields))
        for row, f in zip(self.rows, fields):
            with QSignalBlocker(row.label):
                if row.label.currentText() != f.label:
                    row.label.setCurrentText(f.label)
            with QSignalBlocker(row.value):
                if row.value.toPlainText() != f.value:
                    row.value.setPlainText(f.value)
        self.empty.setVisible(not self.rows)

    def _rebuild(self, count: int) -> None:
        """Show `count` rows (their texts are filled in by show_fields). Rows beyond the count are hidden and kept
        for the next node, not deleted: making a row's combo box and text box took most of the time of a new task
        (0 fields) and its undo (back to 3), and of every switch between tasks with different field counts."""
        # The buttons are off in a read-only library (safety.set_read_only); rows shown follow them.
        readonly = not self.add_button.isEnabled()
        while len(self.rows) > count:
            row = self.rows.pop()  # stays in the grid at its place (a hidden row takes no room there)
            row.label.hide()
            row.value.hide()
            self._spare.append(row)  # the last hidden is the lowest place: it is taken back first
        while len(self.rows) < count:
            row = self._spare.pop() if self._spare else self._new_row(len(self.rows))
            row.label.setEnabled(not readonly)
            row.value.setReadOnly(readonly)
            row.label.show()  # at once, not on the layout's queued show: the new row takes the focus now
            row.value.show()
            self.rows.append(row)
        self.empty.setVisible(not self.rows)

    def _new_row(self, place: int) -> _FieldRow:
        row = _FieldRow(self, "", "")
        self.grid.addWidget(row.label, place, 0, Qt.AlignmentFlag.AlignTop)
        self.grid.addWidget(row.value, place, 1)
        row.label.currentTextChanged.connect(lambda _t, r=row: self._edited(r, 0))
        row.value.textChanged.connect(lambda r=row: self._edited(r, 1))
        return row

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == event.Type.FocusIn:
            for i, row in enumerate(self.rows):
                if watched in (row.label, row.label.lineEdit(), row.value):
                    self._current = i
        return False

    def focus_value(self, row: int) -> None:
        """Put the cursor at the end of a row's value, ready for typing."""
        if 0 <= row < len(self.rows):
            value = self.rows[row].value
            value.setFocus(Qt.FocusReason.OtherFocusReason)
            value.moveCursor(QTextCursor.MoveOperation.End)
            self._current = row

    # ---- changing --------------------------------------------------------------------------------------

    def _next_label(self) -> str:
        used = {f.label for f in self.fields()}
        return next((label for label in USUAL_LABELS if label not in used), USUAL_LABELS[0])

    def add_field(self, label: str, value: str = "") -> None:
        """A new field at the end, its value box focused for typing (the label is chosen already)."""
        fields = (*self.fields(), Field(label, value))
        emit(self.changed, fields, self.tr("Add Field"), None)
        self.focus_value(len(fields) - 1)

    def remove_field(self) -> None:
        row = self.current_row()
        fields = list(self.fields())
        if 0 <= row < len(fields):
            del fields[row]
            emit(self.changed, tuple(fields), self.tr("Remove Field"), None)
            self.focus_value(min(row, len(fields) - 1))

    def move_field(self, delta: int) -> None:
        row = self.current_row()
        fields = list(self.fields())
        target = row + delta
        if 0 <= row < len(fields) and 0 <= target < len(fields):
            fields[row], fields[target] = fields[target], fields[row]
            emit(self.changed, tuple(fields), self.tr("Reorder Fields"), None)
            self.focus_value(target)

    def set_value(self, row: int, column: int, text: str) -> None:
        """Type into a label (column 0) or value (1) as the user would (tests use it for Chinese text)."""
        if column == 0:
            self.rows[row].label.setCurrentText(text)
        else:
            self.rows[row].value.setPlainText(text)

    def _edited(self, row: _FieldRow, column: int) -> None:
        if row not in self.rows:
            return
        index = self.rows.index(row)
        emit(self.changed, self.fields(), self.tr("Edit Field"), (self.session, index, column))


class PlanProperties(QScrollArea):
    """The plan's metadata and its issuing notice, each field written through as it is typed."""

    edit = Signal(object, str, object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("planProperties")
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.plan_id: int | None = None
        self.year: int | None = None
        self._session = 0
        self._widgets: dict[str, QWidget] = {}
        self.library: Callable[[], Library | None] = lambda: (
            None
        )  # the open Library, for document numbers (set by the window)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        self.source = QLabel()
        self.source.setObjectName("planSource")
        self.source.setWordWrap(True)
        layout.addWidget(self.source)
        layout.addWidget(self._plan_group())
        layout.addWidget(self._notice_group())
        layout.addStretch()
        self.setWidget(inner)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return _scroll_minimum(self)

    # ---- building ------------------------------------------------------------------------------------

    def _plan_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("Plan"))
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self._line(form, "title", self.tr("Title"))
        kind = QComboBox()
        kind.setEditable(True)
        kind.addItems(["工作要点", "工作计划", "行动计划", "实施方案"])
        kind.currentTextChanged.connect(lambda text: self._set("kind", text))
        self._add(form, "kind", self.tr("Kind of plan"), kind)
        year = QSpinBox()
        year.setRange(1899, 2200)
        year.setSpecialValueText(self.tr("(none)"))
        year.valueChanged.connect(lambda v: self._set("year", v if v > 1899 else None))
        self._add(form, "year", self.tr("Year"), year)
        self._line(form, "issuers", self.tr("Issuing organs"), self.tr("Separate several with 、"))
        status = QComboBox()
        status.addItem(self.tr("Draft"), Status.DRAFT)
        status.addItem(self.tr("Issued"), Status.ISSUED)
        status.activated.connect(lambda i: self._set("status", status.itemData(i), merge=False))
        self._add(form, "status", self.tr("Status"), status)
        numbering = QComboBox()
        numbering.addItem(self.tr("Tasks numbered through the plan"), Numbering.CONTINUOUS)
        numbering.addItem(self.tr("Tasks numbered afresh in each section"), Numbering.PER_SECTION)
        numbering.addItem(self.tr("Numbered by level (a task under a section is （一）)"), Numbering.OUTLINE)
        numbering.addItem(
            self.tr("Numbered by level, tasks through the plan (（三） may open a section)"), Numbering.OUTLINE_RUNNING
        )
        numbering.activated.connect(lambda i: self._set("numbering", numbering.itemData(i), merge=False))
        self._add(form, "numbering", self.tr("Numbering"), numbering)
        self._text(form, "preamble", self.tr("Preamble"))
        self._text(form, "closing", self.tr("Closing"))
        return box

    def _notice_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("Issuing notice"))
        form = QFormLayout(box)
        # In a narrow pane (1024×640) a field goes under its label rather than shrinking to a few characters.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.confirm_masthead = named(QToolButton(), "confirmMasthead")
        self.confirm_masthead.setText(self.tr("Confirm"))
        self.confirm_masthead.setToolTip(self.tr("Keep the proposed masthead as it is"))
        self.confirm_masthead.clicked.connect(lambda: self._set("notice.masthead_proposed", False, merge=False))
        self.masthead_note = named(QLabel(), "mastheadProposed")
        self.masthead_note.setStyleSheet("color: #a05a00")
        self.masthead_note.setWordWrap(True)
        self.next_number = named(QToolButton(), "nextDocNumber")
        self.next_number.setText(self.tr("Next Free Number"))
        self.next_number.setToolTip(
            self.tr("The next serial of this agency code in the plan's year, counted over every plan in the library")
        )
        self.next_number.clicked.connect(self.take_next_number)
        self.date_errors: dict[str, QLabel] = {}
        for spec in NOTICE_SPECS:  # one editor per row of the field table, as its type asks
            label = QCoreApplication.translate("PlanProperties", spec.label)
            if spec.key == "notice.masthead":  # the head's format goes with the masthead
                self._format_row(form)
            if spec.type == "date":
                self._date(form, spec.key, label)
            elif spec.type in ("text", "lines"):
                self._text(form, spec.key, label, rows=2 if spec.type == "lines" else 4)
            else:
                beside = {"notice.doc_number": self.next_number, "notice.masthead": self.confirm_masthead}
                line = self._line(form, spec.key, label, spec.placeholder, beside.get(spec.key))
                if spec.key == "notice.doc_number":  # readable whole at 1024×640
                    line.setMinimumWidth(line.fontMetrics().horizontalAdvance("某某教发〔2021〕123号") + 16)
            if spec.key == "notice.masthead":  # "proposed by Planbook" until the clerk confirms it (issuing.py)
                form.addRow("", self.masthead_note)
            elif spec.key == "notice.doc_number":
                self.doc_number_error = self._error(form)
            elif spec.key == "notice.signed_on":  # how it is sealed goes with the signature and date
                self._seal_rows(form)
        return box

    def _format_row(self, form: QFormLayout) -> None:
        """文件格式 or 信函格式 (GB/T 9704 7 and 10.1)."""
        doc_format = QComboBox()
        doc_format.addItem(self.tr("Document (文件格式)"), DocFormat.FILE)
        doc_format.addItem(self.tr("Letter (信函格式)"), DocFormat.LETTER)
        doc_format.setToolTip(
            self.tr(
                "Document: the masthead with 文件 and a red rule under the document number. Letter, for 函 and "
                "many office notices: the organ's name 30 mm from the top between red double lines, the "
                "document number at the right, no page number on page 1 (GB/T 9704 10.1)"
            )
        )
        doc_format.activated.connect(lambda i: self._set("notice.doc_format", doc_format.itemData(i), merge=False))
        self._add(form, "notice.doc_format", self.tr("Format"), doc_format)
        # What a letter's head prints of the masthead: the host organ's name, without 文件 (10.1).
        self.letter_note = named(QLabel(), "letterHead")
        self.letter_note.setWordWrap(True)
        form.addRow("", self.letter_note)

    def _seal_rows(self, form: QFormLayout) -> None:
        """加盖印章 or not, and the electronic seals (GB/T 9704 7.3.5.1)."""
        sealing = QComboBox()
        sealing.addItem(self.tr("Sealed (加盖印章)"), Sealing.SEALED)
        sealing.addItem(self.tr("Not sealed (不加盖印章)"), Sealing.UNSEALED)
        sealing.setToolTip(
            self.tr(
                "Sealed: the date four characters from the right, each organ's name centred "
                "under its seal (GB/T 9704 7.3.5.1); room for the seal is kept even without "
                "an electronic one"
            )
        )
        sealing.activated.connect(lambda i: self._set("notice.sealing", sealing.itemData(i), merge=False))
        self._add(form, "notice.sealing", self.tr("Seal"), sealing)
        self.seal_count = named(QLabel(), "sealCount")
        choose = named(QToolButton(), "chooseSeals")
        choose.setText(self.tr("Choose Seal Images…"))
        choose.setToolTip(self.tr("PNG images with a transparent background, one per signing organ in their order"))
        choose.clicked.connect(self.choose_seals)
        self.remove_seals = named(QToolButton(), "removeSeals")
        self.remove_seals.setText(self.tr("Remove"))
        self.remove_seals.clicked.connect(lambda: self._set("notice.seals", [], merge=False))
        row = QHBoxLayout()
        row.addWidget(self.seal_count, 1)
        row.addWidget(choose)
        row.addWidget(self.remove_seals)
        form.addRow(self.tr("Electronic seals"), row)
        self.seal_error = self._error(form)

    def _editor(self, key: str, cls: type[_W]) -> _W:
        """The editor of `key`, which the form built as a `cls`."""
        widget = self._widgets[key]
        if not isinstance(widget, cls):
            raise TypeError(f"the editor of {key} is a {type(widget).__name__}, not a {cls.__name__}")
        return widget

    def _add(self, form: QFormLayout, key: str, label: str, widget: QWidget, beside: QWidget | None = None) -> None:
        widget.setObjectName("prop_" + key.replace(".", "_"))
        self._widgets[key] = widget
        if beside is None:
            form.addRow(label, widget)
            return
        row = QHBoxLayout()
        row.addWidget(widget)
        row.addWidget(beside)
        form.addRow(label, row)

    def _line(
        self, form: QFormLayout, key: str, label: str, placeholder: str = "", beside: QWidget | None = None
    ) -> QLineEdit:
        w = QLineEdit()
        w.setPlaceholderText(placeholder)
        w.textChanged.connect(lambda text: self._set(key, text))
        w.editingFinished.connect(self._new_session)
        self._add(form, key, label, w, beside)
        return w

    def _text(self, form: QFormLayout, key: str, label: str, rows: int = 4) -> QPlainTextEdit:
        w = GrowingTextEdit(min_lines=min(rows, 3), max_lines=12)  # a long preamble shows whole, a short one is short
        w.textChanged.connect(lambda: self._set(key, w.toPlainText()))
        self._add(form, key, label, w)
        return w

    def _date(self, form: QFormLayout, key: str, label: str) -> None:
        w = QLineEdit()
        w.setPlaceholderText(self.tr("YYYY-MM-DD"))
        w.textChanged.connect(lambda text: self._date_typed(key, text))
        self._add(form, key, label, w)
        self.date_errors[key] = self._error(form)

    def _error(self, form: QFormLayout) -> QLabel:
        label = QLabel()
        label.setStyleSheet("color: #b03a2e")
        label.setWordWrap(True)
        label.hide()
        form.addRow("", label)
        return label

    def focus_field(self, key: str) -> None:
        """Scroll to the editor of `key` ("title", "notice.doc_number" …) and put the cursor in it."""
        if (widget := self._widgets.get(key)) is not None:
            self.ensureWidgetVisible(widget)
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    # ---- showing -------------------------------------------------------------------------------------

    def show_plan(self, plan: Plan, source: str = "") -> None:
        if plan.id != self.plan_id:
            self._new_session()
        self.plan_id = plan.id
        self.year = plan.year
        self.source.setText(source)
        self.source.setVisible(bool(source))
        values = {
            "title": plan.title,
            "kind": plan.kind,
            "issuers": "、".join(plan.issuers),
            "preamble": plan.preamble,
            "closing": plan.closing,
        }
        n = plan.notice
        for spec in NOTICE_SPECS:
            value = getattr(n, spec.name)
            if spec.type != "date":
                values[spec.key] = "\n".join(value) if spec.type == "lines" else value
        for key, value in values.items():
            self._show_text(key, value)
        for spec in NOTICE_SPECS:
            if spec.type != "date":
                continue
            widget = self._editor(spec.key, QLineEdit)
            date = getattr(n, spec.name)
            try:
                current = parse_date(widget.text())
            except ValueError:
                current = object()
            if current != date:
                with QSignalBlocker(widget):
                    widget.setText(date.isoformat() if date else "")
                self.date_errors[spec.key].hide()
        year = self._editor("year", QSpinBox)
        with QSignalBlocker(year):
            year.setValue(plan.year or 1899)
        self._show_issue(n)
        for key, value in (
            ("status", plan.status),
            ("numbering", plan.numbering),
            ("notice.sealing", n.sealing),
            ("notice.doc_format", n.doc_format),
        ):
            box = self._editor(key, QComboBox)
            with QSignalBlocker(box):
                box.setCurrentIndex(box.findData(value))
        self._check_doc_number()

    def _show_issue(self, n) -> None:
        """The masthead's state (Planbook's proposal until confirmed), what a letter prints of it, and the
        electronic seals."""
        printed = ""
        if n.doc_format is DocFormat.LETTER:
            from ..layout import letter_name  # only here: the window's start does not load the layout package

            printed = letter_name(n.masthead)
        shown = printed and printed != " ".join(n.masthead.split())
        self.letter_note.setText(self.tr("The letter's head prints: {0}").format(printed) if shown else "")
        self.letter_note.setVisible(bool(shown))
        self.masthead_note.setText(
            self.tr("Proposed by Planbook from the issuing organs: confirm it or change it before issuing")
            if n.masthead_proposed
            else ""
        )
        self.masthead_note.setVisible(n.masthead_proposed)
        self.confirm_masthead.setVisible(n.masthead_proposed)
        signers = len([s for s in n.signers if s.strip()])
        self.seal_count.setText(
            self.tr("{0} for {1} signing organs").format(len(n.seals), signers)
            if n.seals
            else self.tr("None: stamped on paper")
        )
        self.remove_seals.setEnabled(bool(n.seals))

    def choose_seals(self) -> None:
        """Pick one PNG per signing organ; each is checked (transparent, red, not huge) before anything is stored."""
        from PySide6.QtWidgets import QFileDialog

        if self.plan_id is None:
            return
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Choose Seal Images"), "", self.tr("PNG images (*.png)"))
        if files:
            self.set_seal_files(files)

    def set_seal_files(self, files: list[str]) -> bool:
        """Store the seals read from `files` as one undoable edit; a file that cannot serve is shown, nothing stored."""
        from ..core.errors import PlanbookError
        from ..core.seals import read_seal
        from .messages import describe

        try:
            seals = [read_seal(Path(f)) for f in files]
        except PlanbookError as e:
            self.seal_error.setText(describe(e))
            self.seal_error.show()
            return False
        self.seal_error.hide()
        self._set("notice.seals", seals, merge=False)
        return True

    def _show_text(self, key: str, value: str) -> None:
        w = self._widgets[key]
        if isinstance(w, QComboBox):
            if w.currentText() != value:
                with QSignalBlocker(w):
                    w.setCurrentText(value)
        elif isinstance(w, QPlainTextEdit):
            if w.toPlainText() != value:
                with QSignalBlocker(w):
                    w.setPlainText(value)
        elif isinstance(w, QLineEdit) and w.text() != value:
            with QSignalBlocker(w):
                w.setText(value)
                if not w.hasFocus():
                    w.setCursorPosition(0)  # long titles show their beginning, not their tail

    def field(self, key: str) -> QWidget:
        return self._widgets[key]

    # ---- writing -------------------------------------------------------------------------------------

    def _new_session(self) -> None:
        self._session = next(_session)

    def _set(self, key: str, value, merge: bool = True) -> None:
        if self.plan_id is None:
            return
        if key == "issuers":
            value = [s for s in re.split(r"[、，,;；\n]+", value.strip()) if s]
        elif (spec := PLAN_FIELDS.get(key)) is not None and spec.type == "lines":
            value = [s.strip() for s in value.splitlines() if s.strip()]
        if key == "notice.doc_number":
            self._check_doc_number()
        changes: tuple = ((key, value),)
        if key == "notice.masthead":  # a masthead typed or changed by hand is the clerk's own
            changes += (("notice.masthead_proposed", False),)
        merge_key = (key, self.plan_id, self._session) if merge else None
        emit(self.edit, editing.UpdatePlan(self.plan_id, changes), self.tr("Edit Plan Properties"), merge_key)

    def _check_doc_number(self) -> None:
        text = self._editor("notice.doc_number", QLineEdit).text()
        problem = check_doc_number(text, self.year)
        lib = self.library()
        if not problem and text.strip() and lib is not None:
            try:
                taken = docnumbers.holders(lib, text, exclude=self.plan_id)
            except sqlite3.Error:
                taken = []  # busy this instant: the next keystroke looks again
            if taken:
                problem = self.tr("Already used by “{0}”: an office issues each number once").format(taken[0][1])
        self.doc_number_error.setText(problem)
        self.doc_number_error.setVisible(bool(problem))

    def take_next_number(self) -> None:
        """Fill in the next free number of the plan's agency code (one undoable edit, like typing it)."""
        lib = self.library()
        if self.plan_id is None or lib is None:
            return
        found = docnumbers.suggest(lib, self.plan_id, self.year or dt.date.today().year)
        if found is None:
            self.doc_number_error.setText(
                self.tr("No agency code known yet for these issuers: type the first number, e.g. 某教发〔2021〕1号")
            )
            self.doc_number_error.show()
            return
        self._new_session()
        self._editor("notice.doc_number", QLineEdit).setText(str(found))
        self._new_session()

    def _date_typed(self, key: str, text: str) -> None:
        error = self.date_errors[key]
        try:
            date = parse_date(text)
        except ValueError:
            error.setText(self.tr("Not a date: write it as 2021-03-06 or 2021年3月6日"))
            error.show()
            return
        error.hide()
        self._set(key, date)
