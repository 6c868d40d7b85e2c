"""Long work off the GUI thread: a worker over a list of items, with a progress dialog that can cancel it.

The work function must not touch Qt widgets or the library connection (SQLite connections stay in the thread
that opened them): it reads files or writes exports, and hands plain values back to the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from ..core.errors import PlanbookError
from .qtcompat import emit


class Job(QObject):
    progress = Signal(int, str)
    finished = Signal(list)  # [(item, result or None, error message or None)], in item order, cut at cancel

    def __init__(self, items: Sequence[Any], work: Callable[[Any], Any], label: Callable[[Any], str] = str):
        super().__init__()
        self.items = list(items)
        self.work = work
        self.label = label
        self.cancelled = False

    @Slot()
    def run(self) -> None:
        results: list = []
        for i, item in enumerate(self.items):
            if self.cancelled:
                break
            emit(self.progress, i, self.label(item))
            try:
                results.append((item, self.work(item), None))
            except PlanbookError as e:
                results.append((item, None, str(e)))
            except OSError as e:
                results.append((item, None, e.strerror or str(e)))
        emit(self.finished, results)

    def cancel(self) -> None:
        self.cancelled = True


def start_job(parent: QWidget, title: str, job: Job, on_done: Callable[[list], None]) -> QThread:
    """Run `job` in a thread under a modal progress dialog; `on_done(results)` runs back on the GUI thread."""
    thread = QThread(parent)
    job.moveToThread(thread)
    dialog = QProgressDialog(parent)  # its Cancel button comes translated by Qt's own catalogue
    dialog.setLabelText(title)
    dialog.setRange(0, max(len(job.items), 1))
    dialog.setObjectName("progressDialog")
    dialog.setWindowTitle(title)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.canceled.connect(job.cancel, type=Qt.ConnectionType.DirectConnection)  # the flag is read by the worker
    job.progress.connect(lambda i, text: (dialog.setValue(i), dialog.setLabelText(text)))

    def done(results: list) -> None:
        dialog.close()
        dialog.deleteLater()
        thread.quit()
        thread.wait()
        thread.deleteLater()
        on_done(results)

    job.finished.connect(done)
    thread.started.connect(job.run)
    thread.job = job  # keep the worker alive as long as its thread
    thread.start()
    return thread

