"""The window's export flow: File ▸ Export…, the task breakdown and progress tables, print preview and print.

Files are written in a worker thread from a copy of the plan (the worker never touches the library); afterwards
the status bar says where, with links to open the file or its folder, and the window's `exportFinished` signal
reports [(path, result, error)].
"""

from __future__ import annotations

import importlib
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, QUrl
from PySide6.QtWidgets import QFileDialog, QLabel

from ..core.errors import PlanbookError
from ..core.library import refuse_library_output
from .jobs import Job, start_job
from .messages import describe
from .qtcompat import emit

if TYPE_CHECKING:
    from .mainwindow import MainWindow

# The print preview's modules (QtPdf, reportlab, the typesetter) took 0.2–0.5 s to import on the GUI thread at
# the first Ctrl+P (and the other dialogs' modules 10–40 ms each). They are imported on a background thread once
# the window has been up for a while and the clerk pauses instead, so that start-up does not pay for them and the first preview (and
# Preferences, the check dialog, the dashboard…) opens about as fast as the next.
PRELOAD_AFTER_MS = 4000
PRELOADED = (
    "planbook.gui.print_preview",
    "planbook.gui.compareview",
    "planbook.gui.preferences",
    "planbook.gui.exportdialog",
    # the other dialogs and docks of a working day (issue 19b): Preferences' font files (platformdirs), the
    # check dialog and its draft review, find and replace, the dashboard, the import preview
    "platformdirs",
    "planbook.exporters.pdf_fonts",
    "planbook.gui.wordfonts",
    "planbook.gui.checkdialog",
    "planbook.core.review",
    "planbook.gui.review",
    "planbook.gui.follow",
    "planbook.gui.importpreview",
)
_preloading: list[threading.Thread] = []
QUIET_RETRY_MS = 500
# The warm-ups wait for the clerk to stop, not for a pause between two words: the preload's imports hold Python's
# lock on their thread for about a second, and a keystroke meanwhile waited up to 190 ms for it (2 busy processes).
WARM_QUIET_S = 3.0


def clerk_busy(window: MainWindow) -> bool:
    """Whether the clerk has been at work in the last `WARM_QUIET_S` (typed, edited, filtered or moved, as the
    search panel counts it). The idle-time warm-ups wait until then: the hidden Preferences alone is 55–85 ms of
    the GUI thread, and built while a title was being typed it was the worst gap of the typing (200 ms at 2 busy
    processes, issue 22)."""
    panel = getattr(window, "search_panel", None)
    return panel is not None and time.monotonic() - panel.active_at < WARM_QUIET_S


def preload_when_quiet(owner: ExportController) -> None:
    """`preload_print_preview` in the clerk's first pause: its imports on a thread still take Python's lock."""
    if clerk_busy(owner.w):
        QTimer.singleShot(QUIET_RETRY_MS, owner, lambda: preload_when_quiet(owner))
        return
    preload_print_preview()


def preload_print_preview() -> None:
    """Import the print preview's modules on a daemon thread, once per process (an import the GUI thread asks
    for meanwhile waits for it, as any import would)."""
    if _preloading:
        return
    thread = threading.Thread(target=lambda: [importlib.import_module(m) for m in PRELOADED], daemon=True)
    _preloading.append(thread)
    thread.start()


def warm_fonts_later(owner: ExportController, keys: list[str] | None = None) -> None:
    """Once the preload thread has imported Preferences: warm one sample face per turn of the event loop (3–5 ms
    each), so that no turn is long and the first Preferences does not load them; then Preferences itself is built
    hidden in one more turn (issue 19b). Each step waits for a pause in the clerk's work (`clerk_busy`)."""
    if not _preloading or any(thread.is_alive() for thread in _preloading) or clerk_busy(owner.w):
        QTimer.singleShot(QUIET_RETRY_MS, owner, lambda: warm_fonts_later(owner, keys))
        return
    from ..exporters.pdf_fonts import FONT_KEYS
    from .preferences import warm_sample_font

    todo: list[str] = list(FONT_KEYS) if keys is None else keys
    if todo:
        warm_sample_font(todo[0])
        QTimer.singleShot(0, owner, lambda: warm_fonts_later(owner, todo[1:]))
    else:  # then a Preferences dialog, built hidden for its first open
        from .helpmenu import prebuild_preferences

        QTimer.singleShot(0, owner, lambda: prebuild_preferences(owner.w))


class ExportController(QObject):
    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.w = window
        # After an export: links to open the file or its folder, for a while (the system's own programs open them).
        self.links = QLabel()
        self.links.setObjectName("exportLinks")
        self.links.setOpenExternalLinks(True)
        self.links.hide()
        self._links_timer = QTimer(self)
        self._links_timer.setSingleShot(True)
        self._links_timer.setInterval(30000)
        self._links_timer.timeout.connect(self.links.hide)
        window.statusBar().addPermanentWidget(self.links)
        QTimer.singleShot(PRELOAD_AFTER_MS, self, lambda: preload_when_quiet(self))
        QTimer.singleShot(PRELOAD_AFTER_MS + 1000, self, lambda: warm_fonts_later(self))

    def export_dialog(self):
        """File ▸ Export…: file name, format and layout (notice or plan alone) in one save dialog."""
        from .exportdialog import ExportDialog

        if self.w.model.plan is None:
            return None
        dialog = ExportDialog(self.w, self.w.model.plan.title, self.w.settings)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.chosen.connect(self.export_plan)
        dialog.open()
        return dialog

    def export_breakdown_dialog(self) -> None:
        self._export_layout(
            self.tr("Export Task Breakdown Table"), "任务分解表", "breakdown", ["Excel (*.xlsx)", "Word (*.docx)"]
        )

    def export_progress_dialog(self) -> None:
        self._export_layout(self.tr("Export Progress Report"), "进展情况", "progress", ["Word (*.docx)"])

    def _export_layout(self, caption: str, suffix: str, layout: str, filters: list[str]) -> None:
        plan = self.w.model.plan
        if plan is None:
            return
        path, chosen = QFileDialog.getSaveFileName(self.w, caption, f"{plan.title}{suffix}", ";;".join(filters))
        if path:
            fmt = Path(path).suffix.lstrip(".").lower() or chosen.split("*.")[1].rstrip(")")
            if not Path(path).suffix:
                path += f".{fmt}"
            self.export_plan(Path(path), fmt, layout)

    def export_plan(self, out: Path, fmt: str, layout: str | None = None) -> None:
        from ..exporters import EXPORTERS

        w = self.w
        exporter = EXPORTERS.get(fmt)
        if w.model.plan_id is None:
            return
        if exporter is None:
            w.statusBar().showMessage(self.tr("Unknown format {0}").format(fmt), 5000)
            return
        try:
            refuse_library_output(out, w.lib.path)
        except PlanbookError as e:
            w._warn(self.tr("Export"), describe(e))
            return
        plan = w.lib.load_plan(w.model.plan_id)  # a value: the worker never touches the library
        job = Job([out], lambda path: exporter(plan, path, layout), lambda p: self.tr("Writing {0}").format(p.name))
        start_job(w, self.tr("Exporting"), job, self._exported)

    def _exported(self, results: list) -> None:
        w = self.w
        for path, result, error in results:
            if error:
                w._warn(self.tr("Export"), describe(error))
                continue
            message = self.tr("Exported to {0}").format(path)
            if getattr(result, "missing", None) is not None:  # the PDF writer's GlyphReport
                from .preferences import fallback_note, show_glyph_warning, with_fallback_face

                show_glyph_warning(w, result, path)
                if note := fallback_note(result):
                    message += self.tr(". ") + note
                    with_fallback_face(w.statusBar())
            w.statusBar().showMessage(message, 12000 if result else 6000)
            self._show_links(Path(path))
        emit(w.exportFinished, results)

    def _show_links(self, path: Path) -> None:
        file, folder = QUrl.fromLocalFile(str(path)).toString(), QUrl.fromLocalFile(str(path.parent)).toString()
        open_text, folder_text = self.tr("Open"), self.tr("Show Folder")  # (lupdate does not read f-strings)
        self.links.setText(f'<a href="{file}">{open_text}</a> · <a href="{folder}">{folder_text}</a>')
        self.links.setToolTip(str(path))
        self.links.show()
        self._links_timer.start()

    def print_preview(self):
        """File ▸ Print Preview: the real PDF of the open plan, with Print and Save (window-modal, not blocking)."""
        from .print_preview import PrintPreview

        if self.w.model.plan_id is None:
            return None
        dialog = PrintPreview(self.w.lib.load_plan(self.w.model.plan_id), parent=self.w)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def print_now(self):
        """File ▸ Print (Ctrl+P): the preview of what will be printed, with Print ready for Enter."""
        dialog = self.print_preview()
        if dialog is not None:
            dialog.print_button.setDefault(True)
            dialog.print_button.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return dialog
