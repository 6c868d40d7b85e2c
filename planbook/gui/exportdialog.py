"""File ▸ Export…: one save dialog whose file types name the format and, for Word and PDF, the layout: the
issuing notice with the plan after it (印发通知), or the plan alone (for drafts and internal circulation).

The folder and the file type chosen last are remembered, so that a clerk exporting every year's notice is not
sent back to the home folder and the first file type each time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from ..exporters import FORMATS
from .qtcompat import emit

T = QCoreApplication


@dataclass(frozen=True)
class ExportKind:
    key: str  # as remembered in the settings
    label: str  # the dialog's file type, ending in its pattern
    fmt: str  # a key of planbook.exporters.FORMATS
    layout: str | None
    suffix: str = ""


def export_kinds() -> list[ExportKind]:
    """The file types File ▸ Export… offers, from the export registry (`exporters.FORMATS`)."""
    return [
        ExportKind(
            f"{f.name}:{d.layout}" if d.layout else f.name, T.translate("Export", d.label), f.name, d.layout, f.suffix
        )
        for f in FORMATS.values()
        for d in f.documents
        if d.in_dialog
    ]


def safe_file_name(title: str) -> str:
    """A plan title as a file name on Windows too: no \\ / : * ? " < > |, no trailing dots or spaces."""
    name = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "_", " ".join(title.split())).strip(" .")
    return name[:120] or T.translate("Export", "plan")


class ExportDialog(QFileDialog):
    """Emits `chosen(path, format, layout)` once the user has picked a file name and a file type."""

    chosen = Signal(object, str, object)

    def __init__(self, parent: QWidget, title: str, settings: QSettings):
        super().__init__(parent, T.translate("Export", "Export Plan"))
        self.setObjectName("exportDialog")
        self.settings = settings
        self.kinds = export_kinds()
        self.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        self.setNameFilters([k.label for k in self.kinds])
        last = next((k for k in self.kinds if k.key == settings.value("export/kind")), self.kinds[0])
        self.selectNameFilter(last.label)
        self.setDefaultSuffix(last.suffix)
        self.filterSelected.connect(lambda label: self.setDefaultSuffix(self.kind(label).suffix))
        self.setDirectory(str(self._start_folder()))
        self.selectFile(safe_file_name(title))
        self.fileSelected.connect(self._chosen)

    def _start_folder(self) -> Path:
        """The last export's folder while it exists, else 文档 (Documents), else home."""
        for place in (
            self.settings.value("export/folder"),
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation),
        ):
            if place and Path(place).is_dir():
                return Path(place)
        return Path.home()

    def kind(self, label: str) -> ExportKind:
        return next((k for k in self.kinds if k.label == label), self.kinds[0])

    def _chosen(self, path: str) -> None:
        out = Path(path)
        kind = self.kind(self.selectedNameFilter())
        typed = out.suffix.lower().lstrip(".")
        if typed != kind.suffix and typed in {k.suffix for k in self.kinds}:
            # A typed suffix wins over the file type left selected: report.pdf is a PDF, of the same layout.
            kind = next(
                (k for k in self.kinds if k.suffix == typed and k.layout in (kind.layout, None)),
                next(k for k in self.kinds if k.suffix == typed),
            )
        self.settings.setValue("export/kind", kind.key)
        self.settings.setValue("export/folder", str(out.parent))
        emit(self.chosen, out, kind.fmt, kind.layout)
