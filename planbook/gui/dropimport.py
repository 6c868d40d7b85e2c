"""Dropping files on the window imports them: .docx, .pdf text, .txt, .html, planbook/1 JSON … or a folder,
read in the background and shown in the import preview first, exactly as File ▸ Import… does.

A mixin for MainWindow (before QMainWindow). Rows dragged inside the structure tree are the tree's own business:
it takes those drops and ignores files, which Qt then offers to the window.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

MAX_FILES = 5000  # a dropped folder of a whole archive is read in one background job, bounded


def dropped_paths(mime) -> list[Path]:
    """The local files in a drag, a dropped folder standing for the files in it Planbook reads. A file of a kind
    Planbook does not read (a .png, a damaged .pdf) is kept: the import preview then says why, in one line, and what to do."""
    from ..importers import supported

    if mime is None or not mime.hasUrls():
        return []
    out: list[Path] = []
    for url in mime.urls():
        if not url.isLocalFile():
            continue
        path = Path(url.toLocalFile())
        if path.is_dir():
            out += sorted(p for p in path.iterdir() if p.is_file() and supported(p))[:MAX_FILES]
        elif path.is_file():
            out.append(path)
    return out[:MAX_FILES]


def _local_urls(mime) -> bool:
    """Cheap enough for every mouse move: folders are listed only on the drop."""
    return mime is not None and mime.hasUrls() and any(u.isLocalFile() for u in mime.urls())


class DropImport:
    def _init_drops(self) -> None:
        self.setAcceptDrops(True)

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if _local_urls(event.mimeData()):
            event.acceptProposedAction()
            self.statusBar().showMessage(QCoreApplication.translate("Drop", "Drop to import: a preview comes first"))
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if _local_urls(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragLeaveEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.statusBar().clearMessage()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt's name
        paths = dropped_paths(event.mimeData())
        if not paths or self.lib.readonly:
            event.ignore()
            return
        event.acceptProposedAction()
        self.import_files(paths, preview=True)
