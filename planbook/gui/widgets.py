"""Small widgets the editors share: a text box that grows with its text, a label that elides instead of widening;
and `named`, which gives a new widget its object name.

Both exist so that long Chinese prose (a 200-character 工作措施, a 122-character task title) never widens the
window or hides behind a one-line editor: the box grows in height, the label shortens with "…".
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QFontMetrics, QKeyEvent, QPainter
from PySide6.QtWidgets import QFrame, QPlainTextEdit, QSizePolicy, QTreeWidget, QTreeWidgetItem, QWidget

_Object = TypeVar("_Object", bound=QObject)


def named(widget: _Object, name: str) -> _Object:
    """`widget` with its object name set (how tests and the stylesheet find it). PySide6 takes any Qt property
    as a constructor keyword, but its type stubs list only the class's own properties, not inherited ones like
    objectName: this keeps the one-line construction checkable."""
    widget.setObjectName(name)
    return widget


def top_items(tree: QTreeWidget) -> list[QTreeWidgetItem]:
    """The tree's top-level items, in order (Qt's `topLevelItem(i)` may answer None, never within the count)."""
    return [item for i in range(tree.topLevelItemCount()) if (item := tree.topLevelItem(i)) is not None]


def child_items(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    """The item's children, in order."""
    return [child for i in range(item.childCount()) if (child := item.child(i)) is not None]


class GrowingTextEdit(QPlainTextEdit):
    """A word-wrapping text box whose height follows its text, from `min_lines` up to `max_lines` (then scrolls).

    With `single_paragraph` (field values), Enter moves to the next box instead of breaking the line, and pasted
    line breaks are joined, since a field is printed as one run of text after its label.
    """

    focused = Signal()

    def __init__(
        self, min_lines: int = 1, max_lines: int = 12, single_paragraph: bool = False, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.min_lines, self.max_lines, self.single_paragraph = min_lines, max_lines, single_paragraph
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().documentLayout().documentSizeChanged.connect(lambda _: self._fit())
        self._fit()

    def _lines(self) -> int:
        # With WidgetWidth wrapping the plain-text layout counts visual lines in its document size height.
        return int(self.document().documentLayout().documentSize().height())

    def _line_height(self) -> float:
        """The height of a laid-out line: Chinese set in a fallback face is taller than the widget font's line."""
        total, lines, block = 0.0, 0, self.document().firstBlock()
        while block.isValid() and lines < self.max_lines:
            total += self.blockBoundingRect(block).height()
            lines += max(block.layout().lineCount(), 1) if block.layout() else 1
            block = block.next()
        return total / lines if lines and total else float(self.fontMetrics().lineSpacing())

    def _fit(self) -> None:
        shown = max(self.min_lines, min(self.max_lines, self._lines()))
        margins = self.contentsMargins()
        frame = 2 * self.document().documentMargin() + margins.top() + margins.bottom()
        height = int(self._line_height() * shown + frame + 1)
        if height != self.height() or self.minimumHeight() != height:
            self.setFixedHeight(height)
        self.setVerticalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAsNeeded
            if self._lines() > self.max_lines
            else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        )

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit()  # a narrower pane wraps into more lines

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(200, self.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(80, self.height())

    def focusInEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().focusInEvent(event)
        self.focused.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if self.single_paragraph and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.focusNextChild()
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source) -> None:  # noqa: N802 - Qt's name
        if self.single_paragraph and source.hasText():
            self.insertPlainText("".join(line.strip() for line in source.text().splitlines()))
            return
        super().insertFromMimeData(source)


class ElidedLabel(QFrame):
    """One line of text that shortens with "…" to the width it is given (the full text in its tooltip).

    A QLabel asks for the width of its whole text, so a 122-character title widened the window past the screen.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self._text = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 - QLabel's name
        self._text = text
        self.setToolTip(text)
        self.update()

    def text(self) -> str:
        return self._text

    def shown_text(self) -> str:
        """What is drawn at the current width."""
        return QFontMetrics(self.font()).elidedText(self._text, Qt.TextElideMode.ElideRight, max(self.width(), 1))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(min(QFontMetrics(self.font()).horizontalAdvance(self._text), 400), self.fontMetrics().height() + 4)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(20, self.fontMetrics().height() + 4)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setFont(self.font())
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, self.shown_text())
