"""A horizontal stacked bar chart drawn with QPainter: one row per unit, its name in full on the left.

Qt Charts elided every Chinese unit name to "…" (its category axis gives labels a share of the width it decides)
and chose ticks such as 0,1,2,3,5,6,7,9 for integer counts. Here the label column is as wide as the longest name
up to 40 % of the width (only longer names are shortened, with the full name in the tooltip), ticks are whole
numbers on a 1-2-5 step, and the widget asks for exactly the height its rows need.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

ROW = 26  # px per unit row
PAD = 8


def integer_ticks(top: int, room: int) -> list[int]:
    """Whole-number ticks from 0 past `top` on a 1-2-5 step, as many as `room` (about 60 px apart) allows."""
    top = max(top, 1)
    most = max(room // 60, 2)
    step = 1
    while top / step > most:
        for factor in (2, 2.5, 2):  # 1 → 2 → 5 → 10 → 20 → 50 …
            step = int(step * factor)
            if top / step <= most:
                break
    last = -(-top // step) * step
    return list(range(0, last + 1, step))


@dataclass
class Series:
    name: str
    colour: str
    values: list[int]


class BarChart(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("progressChart")
        self.categories: list[str] = []
        self.series: list[Series] = []
        self.title = ""
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_data(self, title: str, categories: list[str], series: list[Series]) -> None:
        self.title, self.categories, self.series = title, categories, series
        self.setFixedHeight(self.sizeHint().height())
        self.update()

    # ---- geometry --------------------------------------------------------------------------------------

    def _label_width(self) -> int:
        fm = QFontMetrics(self.font())
        widest = max((fm.horizontalAdvance(c) for c in self.categories), default=0)
        return min(widest + PAD, int(self.width() * 0.4))

    def _legend(self) -> list[tuple[float, int]]:
        """Where each series' key goes: (x, line), wrapping onto further lines in a narrow dock."""
        fm = QFontMetrics(self.font())
        out, x, line = [], float(PAD), 0
        for s in self.series:
            width = 16 + fm.horizontalAdvance(s.name) + 14
            if x > PAD and x + width > self.width():
                x, line = float(PAD), line + 1
            out.append((x, line))
            x += width
        return out

    def _plot(self) -> QRectF:
        fm = QFontMetrics(self.font())
        lines = 1 + max((line for _, line in self._legend()), default=0)
        top = fm.height() * (1 + lines) + PAD  # the title, then the legend
        left = self._label_width() + PAD
        return QRectF(left, top, max(self.width() - left - 2 * PAD, 10), ROW * len(self.categories))

    def totals(self) -> list[int]:
        return [sum(s.values[i] for s in self.series) for i in range(len(self.categories))]

    def ticks(self) -> list[int]:
        return integer_ticks(max(self.totals(), default=0), int(self._plot().width()))

    def labels_shown(self) -> list[str]:
        """The unit names as drawn at the current width (a name that fits is never shortened)."""
        fm = QFontMetrics(self.font())
        width = self._label_width()
        return [fm.elidedText(c, Qt.TextElideMode.ElideMiddle, width - PAD // 2) for c in self.categories]

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        fm = QFontMetrics(self.font())
        return QSize(400, int(self._plot().top()) + fm.height() + 2 * PAD + ROW * max(len(self.categories), 1))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self.height() != self.sizeHint().height():  # the legend took another line, or gave one back
            self.setFixedHeight(self.sizeHint().height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(200, self.sizeHint().height())

    # ---- drawing ---------------------------------------------------------------------------------------

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), self.palette().base())
        fm = QFontMetrics(self.font())
        text = self.palette().text().color()
        p.setPen(text)
        title_font = self.font()
        title_font.setBold(True)
        p.setFont(title_font)
        p.drawText(QRectF(0, 0, self.width(), fm.height()), Qt.AlignmentFlag.AlignHCenter, self.title)
        p.setFont(self.font())
        for s, (x, line) in zip(self.series, self._legend()):  # the legend, wrapped where narrow
            y = fm.height() * (1 + line)
            p.fillRect(QRectF(x, y + 4, 12, 12), QColor(s.colour))
            p.setPen(text)
            p.drawText(int(x + 16), y + fm.ascent(), s.name)
        plot = self._plot()
        ticks = self.ticks()
        scale = plot.width() / ticks[-1]
        grid = QPen(QColor("#d0d4da"))
        for t in ticks:  # vertical grid lines and their numbers below the rows
            gx = plot.left() + t * scale
            p.setPen(grid)
            p.drawLine(int(gx), int(plot.top()), int(gx), int(plot.bottom()))
            p.setPen(text)
            p.drawText(QRectF(gx - 30, plot.bottom() + 2, 60, fm.height()), Qt.AlignmentFlag.AlignHCenter, str(t))
        for row, shown in enumerate(self.labels_shown()):
            y = plot.top() + row * ROW
            p.setPen(text)
            p.drawText(
                QRectF(PAD, y, self._label_width() - PAD // 2, ROW),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                shown,
            )
            x = plot.left()
            for s in self.series:
                w = s.values[row] * scale
                if w > 0:
                    p.fillRect(QRectF(x, y + 4, w, ROW - 8), QColor(s.colour))
                x += w
        p.end()

    def event(self, e) -> bool:
        if e.type() == e.Type.ToolTip:
            plot = self._plot()
            row = int((e.pos().y() - plot.top()) // ROW)
            if 0 <= row < len(self.categories) and e.pos().y() >= plot.top():
                parts = [f"{s.name} {s.values[row]}" for s in self.series if s.values[row]]
                QToolTip.showText(e.globalPos(), f"{self.categories[row]}：" + "，".join(parts), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(e)
