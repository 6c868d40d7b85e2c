"""Long work off the GUI thread: a worker over a list of items, with a progress dialog that can cancel it.

The work function must not touch Qt widgets or the library connection (SQLite connections stay in the thread
that opened them): it reads files or writes exports, and hands plain values back to the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from ..core.errors import PlanbookError
from .qtcompat import emit


class Job(QObject):
    progress = Signal(int, str)
    finished = Signal(list)  # [(item, result or None, error message or None)], in item order, cut at cancel;
    # a core error's message is its English `Message`: shown through `messages.describe`

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
                results.append((item, None, e.message))  # translated where it is shown
            except OSError as e:
                results.append((item, None, e.strerror or str(e)))
            except Exception as e:  # a bug nobody foresaw: the item fails with a message, the job still reports
                from ..cli import log_traceback

                results.append(
                    (item, None, f"unexpected error ({type(e).__name__}: {e}); details in {log_traceback()}")
                )
        emit(self.finished, results)

    def cancel(self) -> None:
        self.cancelled = True


class _Runner(QObject):
    """Lives in the GUI thread, so the worker's signals arrive here queued, on the GUI thread."""

    def __init__(self, parent: QWidget, title: str, job: Job, on_done: Callable[[list], None]):
        super().__init__(parent)
        self.setObjectName("jobRunner")
        self.job = job
        self.on_done = on_done
        self.worker_thread = QThread(self)
        self.dialog = QProgressDialog(parent)  # its Cancel button comes translated by Qt's own catalogue
        self.dialog.setObjectName("progressDialog")
        self.dialog.setWindowTitle(title)
        self.dialog.setLabelText(title)
        self.dialog.setRange(0, max(len(job.items), 1))
        self.dialog.setMinimumDuration(300)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)
        job.moveToThread(self.worker_thread)
        job.progress.connect(self._progress)
        job.finished.connect(self._finished)
        self.worker_thread.started.connect(job.run)

    def start(self) -> None:
        self.worker_thread.start()

    @Slot()
    def cancel(self) -> None:
        self.job.cancel()  # a plain flag, read by the worker between items

    @Slot(int, str)
    def _progress(self, i: int, text: str) -> None:
        self.dialog.setValue(i)
        self.dialog.setLabelText(text)

    @Slot(list)
    def _finished(self, results: list) -> None:
        self.dialog.close()
        self.worker_thread.quit()
        self.worker_thread.wait()
        self.on_done(results)
        self.dialog.deleteLater()
        self.deleteLater()

    def stop(self) -> None:
        """On closing the window: cancel and wait for the worker."""
        if self.worker_thread.isRunning():
            self.job.cancel()
            self.worker_thread.quit()
            self.worker_thread.wait(3000)


def start_job(parent: QWidget, title: str, job: Job, on_done: Callable[[list], None]) -> _Runner:
    """Run `job` in a thread under a progress dialog; `on_done(results)` runs back on the GUI thread."""
    runner = _Runner(parent, title, job, on_done)
    runner.start()
    return runner


def stop_jobs(parent: QObject) -> None:
    """Stop the jobs started on `parent` (a closing window): no worker outlives what it reports to."""
    for runner in parent.findChildren(_Runner):
        runner.stop()
