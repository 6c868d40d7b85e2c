"""Work that must not slow the window's first paint: `FirstPaint.later(fn)` runs `fn` once the window has painted
for the first time (at once after that).

The daily backup and a large library's list are read on threads of their own, but a thread started before the
first paint competes with it: for the two cores of a small machine, and for Python's interpreter lock while the
list's rows become objects. Started after the paint, they cost the window nothing to show. A window that is never
shown (a test) does not wait for a paint, and no window waits longer than `BACKSTOP_MS` (one shown minimized).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

BACKSTOP_MS = 1000


class FirstPaint(QObject):
    def __init__(self, window: QWidget):
        super().__init__(window)
        self.window = window
        self.done = False
        self._queue: list[Callable[[], None]] = []
        window.installEventFilter(self)
        QTimer.singleShot(0, self, self._unless_shown)  # the first turn of the event loop: show() came before it
        QTimer.singleShot(BACKSTOP_MS, self, self._run)

    def later(self, fn: Callable[[], None]) -> None:
        if self.done:
            fn()
        else:
            self._queue.append(fn)

    def cancel(self) -> None:
        """The window is closing: what has not started yet never does (its library is about to be closed)."""
        self._queue.clear()
        self._run()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.window and event.type() == QEvent.Type.Paint and not self.done:
            QTimer.singleShot(0, self, self._run)  # once this paint is finished and on the screen
        return False

    def _unless_shown(self) -> None:
        if not self.window.isVisible():
            self._run()

    def _run(self) -> None:
        if self.done:
            return
        self.done = True
        self.window.removeEventFilter(self)
        queue, self._queue = self._queue, []
        for fn in queue:
            fn()
