"""Help ▸ User Guide (F1): the guide shipped in resources/guide/, in the interface's language, in a window of its
own beside the main window (not modal: a clerk reads it while trying things)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from .app import resources_dir
from .screen import fit_to_screen
from .widgets import named


def guide_path(language: str) -> Path:
    folder = resources_dir() / "guide"
    chosen = folder / ("guide_zh_CN.html" if language == "zh" else "guide_en.html")
    return chosen if chosen.exists() else folder / "guide_zh_CN.html"


class GuideWindow(QDialog):
    def __init__(self, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("userGuide")
        self.setWindowTitle(self.tr("Planbook User Guide"))
        self.browser = named(QTextBrowser(), "guideBrowser")
        self.browser.setOpenExternalLinks(True)
        path = guide_path(language)
        self.browser.setSearchPaths([str(path.parent)])
        self.browser.setSource(QUrl.fromLocalFile(str(path)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        fit_to_screen(self, 960, 860)
