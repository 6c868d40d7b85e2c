"""Window and dialog sizes from the screen they open on: an office laptop has 1366×768, a small one 1024×640."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget


def available(widget: QWidget | None = None) -> QRect:
    """The screen area not taken by panels and task bars, on the widget's (or its parent's) screen."""
    screen = None
    if widget is not None:
        parent = widget.parentWidget()
        screen = (parent or widget).screen()
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 768)


def fitted(want: QSize, area: QRect, share: float = 0.92) -> QSize:
    """`want`, made smaller where the area is smaller: at most `share` of its width and height."""
    return QSize(min(want.width(), int(area.width() * share)), min(want.height(), int(area.height() * share)))


def fit_to_screen(widget: QWidget, width: int, height: int, share: float = 0.92) -> QSize:
    """Resize `widget` to width×height or, on a smaller screen, to `share` of it; centred on that screen."""
    area = available(widget)
    size = fitted(QSize(width, height), area, share)
    widget.resize(size)
    frame = QRect(0, 0, size.width(), size.height())
    frame.moveCenter(area.center())
    widget.move(frame.topLeft())
    return size


def keep_on_screen(widget: QWidget) -> None:
    """After restoring a saved geometry: shrink and move back a window saved on a bigger or another screen."""
    area = available(widget)
    frame = widget.frameGeometry()
    if area.contains(frame):
        return
    size = fitted(widget.size(), area, 1.0 if frame.width() <= area.width() else 0.92)
    widget.resize(size)
    frame = widget.frameGeometry()
    frame.moveTopLeft(QRect(area).topLeft() if not area.contains(frame.topLeft()) else frame.topLeft())
    if frame.right() > area.right():
        frame.moveRight(area.right())
    if frame.bottom() > area.bottom():
        frame.moveBottom(area.bottom())
    widget.move(frame.topLeft())
