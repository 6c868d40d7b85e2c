"""Print preview of the real PDF (QtPdf's QPdfView), with Print (the system dialog) and Save.

The dialog renders the plan with the same `write_pdf` as the command line into a temporary file and shows that
file, so what the user sees is exactly what is printed or saved. A worker thread typesets it page by page: page 1
is painted into a PDF of its own and shown at once (then the first screens), and the whole file replaces it when
the last page is done; QPdfView draws only the pages in sight. Characters no font has (printed as 〓) are named
in a banner above the pages; characters set in the fallback face are noted beside the page count. Wire it to a
menu with `PrintPreview(plan, parent=window).exec()`.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QObject, QPointF, QRectF, QSize, Qt, QThread, Signal, Slot
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
from ..exporters.pdf_writer import Fonts, GlyphReport, Page, first_pages, paint_pdf, write_pdf
from .messages import describe
from .preferences import fallback_note, glyph_warning_text, with_fallback_face
from .qtcompat import emit
from .screen import fit_to_screen
from .widgets import named

PRINT_DPI = 300  # enough for 三号 text; a 600 dpi A4 page image would take 140 MB
SHOWN_EARLY = 12  # pages typeset when they are shown again, a few screens, while the rest is typeset
PROGRESS_EVERY = 0.2  # seconds between page counts sent to the dialog


class _Cancelled(Exception):
    """Raised from the page callback to stop typesetting that nobody waits for any more."""


class PreviewWorker(QObject):
    """Typesets one plan into `folder` on its own thread; tells the dialog of early pages, progress and the end."""

    partial = Signal(str, int)  # a PDF of the first pages (path, their count), while the rest is typeset
    progress = Signal(int)  # pages typeset so far
    finished = Signal(object)  # (path, GlyphReport, warnings), an error's message (str), or None when cancelled

    def __init__(self, plan: Plan, layout: str, folder: Path, serial: int) -> None:
        super().__init__()
        self.plan, self.layout, self.folder, self.serial = plan, layout, folder, serial
        self.cancelled = False
        self._pages: list[Page] = []
        self._fonts: Fonts | None = None
        self._told = 0.0

    def cancel(self) -> None:
        self.cancelled = True  # a plain flag, read between pages

    @Slot()
    def run(self) -> None:
        out, warnings = self.folder / f"preview-{self.serial}.pdf", []
        try:
            self._fonts = Fonts()
            self._show(first_pages(self.plan, self.layout, self._fonts, 1))  # typeset from the plan's head: at once
            report = write_pdf(self.plan, out, self.layout, warn=warnings.append, fonts=self._fonts, on_page=self._page)
        except _Cancelled:
            emit(self.finished, None)
        except PlanbookError as e:
            emit(self.finished, e.message)  # translated where it is shown
        except OSError as e:  # the first pages' file (the whole file's errors are PlanbookErrors)
            emit(self.finished, e.strerror or str(e))
        else:
            emit(self.finished, (out, report, warnings))
        finally:
            # The thread ends by itself, so that it never outlives a dialog that is gone without waiting for it.
            QThread.currentThread().quit()

    def start(self) -> QThread:
        """Run on a new thread, kept (with this worker) until it has ended even if the dialog is deleted first."""
        _LIVE[:] = [pair for pair in _LIVE if not pair[1].isFinished()]
        thread = QThread()
        self.moveToThread(thread)
        thread.started.connect(self.run)
        _LIVE.append((self, thread))
        thread.start()
        return thread

    def _page(self, page: Page) -> None:
        if self.cancelled:
            raise _Cancelled
        if len(self._pages) < SHOWN_EARLY:
            self._pages.append(page)
            if len(self._pages) == SHOWN_EARLY:
                self._show(self._pages)
        if (now := time.monotonic()) - self._told >= PROGRESS_EVERY:
            self._told = now
            emit(self.progress, page.number)

    def _show(self, pages: list[Page]) -> None:
        """Paint the first pages into a file of their own for the dialog to show while the rest is typeset."""
        if not pages or self._fonts is None:
            return
        path = self.folder / f"preview-{self.serial}-first-{len(pages)}.pdf"
        paint_pdf(pages, path, self._fonts, self.plan, self.layout)
        emit(self.partial, str(path), len(pages))


_LIVE: list[tuple[PreviewWorker, QThread]] = []


def _wait_for_workers(folder: Path) -> None:
    """Until every worker writing into `folder` (the current one and those cancelled) has stopped."""
    for worker, thread in list(_LIVE):
        if worker.folder == folder:
            worker.cancel()
            thread.wait()


class PrintPreview(QDialog):
    typeset = Signal()  # the PDF is typeset and shown (or could not be made): `ready` is True from then on
    first_page = Signal()  # page 1 is shown while the rest is still being typeset

    def __init__(self, plan: Plan, layout: str = "notice", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.ready = False
        self._worker: PreviewWorker | None = None  # the typesetting worker, while it runs
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
            "QLabel { background: #fff3b0; color: #5c4a00; border: 1px solid #e0c84a; padding: 6px 10px; }"
        )
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
        """Typeset the plan again on a worker thread (a 1,000-page plan takes seconds): page 1 shows as soon as it
        is typeset (`first_page`), the whole file when the last page is (`typeset`, also after a failure)."""
        self._stop_worker()  # typesetting for the layout chosen before: its files are dropped
        self.ready = False
        self.warnings.clear()
        self.document.close()
        self.report = GlyphReport()
        self.glyph_banner.hide()
        self.status.setText(self.tr("Typesetting…"))
        self.print_button.setEnabled(False)
        self.save_button.setEnabled(False)
        self._typesetting += 1
        worker = PreviewWorker(self.plan, self.layout_name, Path(self._dir.name), self._typesetting)
        worker.partial.connect(self._partial)
        worker.progress.connect(self._progress)
        worker.finished.connect(self._finished)
        self._worker = worker
        worker.start()

    def _stop_worker(self) -> None:
        """Cancel the running worker: it stops at its next page, and what it still sends is ignored."""
        if self._worker is not None:
            self._worker.cancel()
            self._worker = None

    @Slot(str, int)
    def _partial(self, path: str, pages: int) -> None:
        if self.sender() is not self._worker:
            return  # superseded by another refresh
        self._show_file(path)
        self.status.setText(self.tr("Typesetting… {0} pages so far").format(pages))
        if pages == 1:
            emit(self.first_page)

    @Slot(int)
    def _progress(self, pages: int) -> None:
        if self.sender() is self._worker:
            self.status.setText(self.tr("Typesetting… {0} pages so far").format(pages))

    def _show_file(self, path: str | Path) -> None:
        """Load `path` into the view where the reader is: a new file would start again from page 1."""
        bar = self.view.verticalScrollBar()
        at = bar.value()
        self.document.load(str(path))
        bar.setValue(at)

    @Slot(object)
    def _finished(self, result: object) -> None:
        if self.sender() is not self._worker:
            return  # superseded by another refresh
        self._worker = None
        self.ready = True
        if not isinstance(result, tuple):
            self.status.setText(describe(result) if isinstance(result, str) else self.tr("Cancelled."))
            emit(self.typeset)
            return
        path, self.report, warnings = result
        self.warnings[:] = warnings
        self.pdf_path = path
        self._show_file(path)
        self._show_report(self.document.pageCount())
        emit(self.typeset)

    def _show_report(self, pages: int) -> None:
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
        self._stop_worker()
        _wait_for_workers(Path(self._dir.name))  # they write into the folder cleaned up below
        self.document.close()
        self._dir.cleanup()
        super().done(result)
