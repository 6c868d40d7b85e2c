"""The window's import flow: File ▸ Import…, Import from Clipboard, and files dropped on the window.

Files are read in a worker thread (cancellable), the library is asked which plans it holds already
(`core.usecases.warn_duplicates`, as the CLI does), the preview shows what was recognised, and the plans are added
as one undo step. The window's `importFinished` signal reports [(path, plan ids, error)] at the end.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog

from ..core import editing, usecases
from ..core.errors import PlanbookError
from .dropimport import dropped_paths, local_urls
from .jobs import Job, start_job
from .messages import describe
from .qtcompat import emit

if TYPE_CHECKING:
    from .mainwindow import MainWindow


class ImportController(QObject):
    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.w = window
        # Rows dragged inside the structure tree are the tree's own business: it takes those drops and ignores
        # files, which Qt then offers to the window, where this filter sees them.
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def import_dialog(self) -> None:
        from ..importers import IMPORTERS

        patterns = " ".join(f"*{s}" for s in sorted(IMPORTERS))
        paths, _ = QFileDialog.getOpenFileNames(
            self.w, self.tr("Import Plans"), "", self.tr("Plans ({0});;All files (*)").format(patterns)
        )
        if paths:
            self.import_files([Path(p) for p in paths])

    def import_clipboard(self) -> None:
        """A plan copied out of a browser or Word: recognised from the clipboard, shown in the import preview."""
        from ..importers.pasted import parse_pasted

        mime = QApplication.clipboard().mimeData()
        html = mime.html() if mime is not None and mime.hasHtml() else ""
        text = mime.text() if mime is not None and mime.hasText() else ""
        result, error = None, None
        try:
            result = parse_pasted(html, text)
        except PlanbookError as e:
            error = e.message  # shown through describe, like a file's
        self._read([(Path(self.tr("Clipboard")), result, error)], preview=True)

    def import_files(self, paths: list[Path], preview: bool = True) -> None:
        """Read files in a worker thread (cancellable); show what was recognised; add the plans as one step."""
        from ..importers import import_with_warnings

        job = Job(paths, import_with_warnings, lambda p: self.tr("Reading {0}").format(Path(p).name))
        start_job(self.w, self.tr("Importing plans"), job, lambda results: self._read(results, preview))

    def _read(self, results: list, preview: bool) -> None:
        outcomes = [(Path(path), result, error) for path, result, error in results]
        # which plans the library holds already, said before they are added again (a library busy this instant:
        # the import itself will say what is wrong)
        with contextlib.suppress(sqlite3.Error):
            usecases.warn_duplicates(self.w.lib, [result for _, result, _ in outcomes if result is not None])
        if not preview:
            self._add_imported(outcomes)
            return
        from .importpreview import ImportPreview

        dialog = ImportPreview(outcomes, self.w)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._add_imported(outcomes))
        dialog.rejected.connect(self._import_cancelled)
        dialog.open()

    def _import_cancelled(self) -> None:
        self.w.statusBar().showMessage(self.tr("Import cancelled: nothing was added"), 5000)
        emit(self.w.importFinished, [])

    def _add_imported(self, outcomes: list) -> None:
        w = self.w
        report = []
        added: list[int] = []
        w.undo_stack.beginMacro(self.tr("Import Plans"))
        try:
            for path, result, error in outcomes:
                ids = []
                for plan in result.plans if result else []:
                    change = w.do(editing.AddPlan(plan), self.tr("Import Plan"))
                    if change is not None and change.added_plan is not None:
                        ids.append(change.added_plan)
                added += ids
                report.append((path, ids, error))
        finally:
            w.undo_stack.endMacro()
        if added:
            w.open_plan(added[-1])
        self._report(report, len(added), len(outcomes))

    def _report(self, report: list, added: int, files: int) -> None:
        from .importpreview import file_line

        errors = [file_line(Path(p).name, describe(e), imported=False) for p, _, e in report if e]
        message = self.tr("Imported {0} plans from {1} files").format(added, files)
        if errors:
            self.w._warn(self.tr("Import"), message + "\n\n" + "\n".join(errors[:20]))
        self.w.statusBar().showMessage(message, 6000)
        emit(self.w.importFinished, report)

    # ---- files dropped on the window --------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is not self.w:
            return False
        kind = event.type()
        if kind == QEvent.Type.DragEnter and isinstance(event, QDragEnterEvent):
            return self._drag_enter(event)
        if kind == QEvent.Type.DragMove and isinstance(event, QDropEvent):
            return self._drag_move(event)
        if kind == QEvent.Type.DragLeave:
            self.w.statusBar().clearMessage()
            return True
        if kind == QEvent.Type.Drop and isinstance(event, QDropEvent):
            return self._drop(event)
        return False

    def _drag_enter(self, event: QDragEnterEvent) -> bool:
        if local_urls(event.mimeData()):
            event.acceptProposedAction()
            self.w.statusBar().showMessage(self.tr("Drop to import: a preview comes first"))
        else:
            event.ignore()
        return True

    def _drag_move(self, event: QDropEvent) -> bool:
        if local_urls(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()
        return True

    def _drop(self, event: QDropEvent) -> bool:
        paths = dropped_paths(event.mimeData())
        if not paths or self.w.lib.readonly:
            event.ignore()
            return True
        event.acceptProposedAction()
        self.import_files(paths, preview=True)
        return True
