"""Print preview of the real PDF (QtPdf's QPdfView), with Print (the system dialog) and Save.

The dialog renders the plan with the same `write_pdf` as the command line into a temporary file and shows that
file, so what the user sees is exactly what is printed or saved. Characters no font has (printed as 〓) are named
in a banner above the pages; characters set in the fallback face are noted beside the page count. Wire it to a
menu with `PrintPreview(plan, parent=window).exec()`.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.errors import PlanbookError
from ..core.library import refuse_library_output
from ..core.model import Plan
from ..exporters.pdf_writer import GlyphReport, write_pdf
from .jobs import Job, start_job
from .messages import describe
from .preferences import fallback_note, glyph_warning_text, with_fallback_face
from .qtcompat import emit
from .screen import fit_to_screen
from .widgets import named

PRINT_DPI = 300  # enough for 三号 text; a 600 dpi A4 page image would take 140 MB


class PrintPreview(QDialog):
    typeset = Signal()  # the PDF is typeset and shown (or could not be made): `ready` is True from then on

    def __init__(self, plan: Plan, layout: str = "notice", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.ready = False
        self._runner = None  # the typesetting worker, while it runs
        self._typesetting = 0
        self.warnings: list[str] = []
        self.report = GlyphReport()
        self._dir = tempfile.TemporaryDirectory(prefix="planbook-preview-")
        self.pdf_path = Path(self._dir.name) / "preview.pdf"
        self.setWindowTitle(self.tr("Print Preview — {0}").format(plan.title))
        fit_to_screen(self, 820, 1000)  # A4 pages need height; a laptop has 768

        self.layout_box = QComboBox()
        self.layout_box.addItem(self.tr("Notice with the plan"), "notice")
        self.layout_box.addItem(self.tr("Plan only"), "plan")
        self.layout_box.setCurrentIndex(max(0, self.layout_box.findData(layout)))
        self.layout_box.currentIndexChanged.connect(self.refresh)
        self.status = QLabel()
        self.glyph_banner = named(QLabel(), "glyphWarning")
        self.glyph_banner.setWordWrap(True)
        self.glyph_banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.glyph_banner.setStyleSheet(
            "QLabel { background: #fff3b0; color: #5c4a00; border: 1px solid #e0c84a; padding: 6px 10px; }")
        self.glyph_banner.hide()
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.clicked.connect(self.print_dialog)
        self.save_button = QPushButton(self.tr("&Save PDF…"))
        self.save_button.clicked.connect(self.save_dialog)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)

        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)

        bar = QHBoxLayout()
        for w in (QLabel(self.tr("Layout:")), self.layout_box, self.status):
            bar.addWidget(w)
        bar.addStretch(1)
        for w in (self.print_button, self.save_button, close):
            bar.addWidget(w)
        box = QVBoxLayout(self)
        box.addLayout(bar)
        box.addWidget(self.glyph_banner)
        box.addWidget(self.view, 1)
        self.refresh()

    @property
    def layout_name(self) -> str:
        return self.layout_box.currentData()

    def refresh(self) -> None:
        """Typeset the plan again on a worker thread (a 1,000-page plan takes seconds), under a progress dialog,
        and show the new file when it is done; `typeset` is emitted then (also after a failure)."""
        if self._runner is not None:
            self._runner.cancel()  # typesetting for the layout chosen before: its file is dropped
        self.ready = False
        self.warnings.clear()
        self.document.close()
        self.report = GlyphReport()
        self.glyph_banner.hide()
        self.status.setText(self.tr("Typesetting…"))
        self.print_button.setEnabled(False)
        self.save_button.setEnabled(False)
        self._typesetting += 1
        out = Path(self._dir.name) / f"preview-{self._typesetting}.pdf"  # each run its own file
        plan, layout, warnings = self.plan, self.layout_name, []
        job = Job([out], lambda path: (write_pdf(plan, path, layout, warn=warnings.append), warnings),
                  lambda _: self.tr("Typesetting {0}").format(plan.title))
        runner = start_job(self, self.tr("Print Preview"), job, lambda results: self._typeset(runner, results))
        self._runner = runner

    def _typeset(self, runner, results: list) -> None:
        if runner is not self._runner:
            return  # superseded by another refresh
        self._runner = None
        self.ready = True
        if not results or results[0][2] is not None:
            self.status.setText(describe(results[0][2]) if results else self.tr("Cancelled."))
            emit(self.typeset)
            return
        path, (self.report, warnings) = results[0][0], results[0][1]
        self.warnings[:] = warnings
        self.pdf_path = path
        self.document.load(str(self.pdf_path))
        pages = self.document.pageCount()
        text = self.tr("{0} pages").format(pages)
        if self.report:  # the characters named below must show, whatever the interface font lacks
            for label in (self.status, self.glyph_banner):
                with_fallback_face(label)
        if self.report.substituted:  # informational: the characters are printed, in another face
            chars = "".join(sorted({ch for chars in self.report.substituted.values() for ch in chars}))
            text += " · " + self.tr("fallback face: {0}").format(chars)
        self.status.setText(text)
        self.status.setToolTip(fallback_note(self.report))
        if self.report.missing:
            self.glyph_banner.setText("\n".join(glyph_warning_text(self.report)))
            self.glyph_banner.show()
        self.print_button.setEnabled(pages > 0)
        self.save_button.setEnabled(pages > 0)
        emit(self.typeset)

    # -- save
    def save_dialog(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save PDF"), f"{self.plan.title}.pdf", "PDF (*.pdf)")
        if name and (error := self.save_to(Path(name))):
            QMessageBox.warning(self, self.tr("Save PDF"), error)

    def save_to(self, path: Path) -> str | None:
        """Write the PDF to `path`; the one-line reason when it cannot be written."""
        try:
            if (lib := getattr(self.parent(), "lib", None)) is not None:
                refuse_library_output(path, lib.path)
            write_pdf(self.plan, path, self.layout_name)
        except PlanbookError as e:
            return describe(e)
        return None

    # -- print
    def print_dialog(self) -> None:
        printer = self.make_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, self.document.pageCount())
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    @staticmethod
    def make_printer() -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setResolution(PRINT_DPI)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setFullPage(True)  # the PDF carries its own margins (GB/T 9704 版心)
        printer.setPageOrientation(QPageLayout.Orientation.Portrait)
        # 公文 are printed on both sides (GB/T 9704 6.2, 双面印刷): the 版记 closes the back of the last sheet, odd and
        # even page numbers sit on the outer edges. The print dialog still lets the clerk choose one side. (A printer
        # that cannot print both sides keeps DuplexNone; none was at hand to check this with.)
        printer.setDuplex(QPrinter.DuplexMode.DuplexLongSide)
        return printer

    def print_to(self, printer: QPrinter) -> int:
        """Draw every page (or the chosen range) as an image at the printer's resolution; returns pages printed."""
        first, last = printer.fromPage(), printer.toPage()
        pages = range(first - 1 if first else 0, last if last else self.document.pageCount())
        painter = QPainter()
        if not painter.begin(printer):
            QMessageBox.warning(self, self.tr("Print"), self.tr("The printer could not be opened."))
            return 0
        try:
            target = printer.pageLayout().fullRectPixels(printer.resolution())
            for n, page in enumerate(pages):
                if n:
                    printer.newPage()
                image = self.document.render(page, QSize(target.width(), target.height()))
                painter.drawImage(QRectF(QPointF(0, 0), QRectF(target).size()), image)
        finally:
            painter.end()
        return len(pages)

    def done(self, result: int) -> None:
        if self._runner is not None:  # the worker writes into the folder cleaned up below: let it finish
            self._runner.cancel()
            self._runner.worker_thread.quit()
            self._runner.worker_thread.wait()
            self._runner = None
        self.document.close()
        self._dir.cleanup()
        super().done(result)

