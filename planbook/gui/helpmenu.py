"""Help ▸ User Guide and About, View ▸ Language, Edit ▸ Preferences…: the window's few dialogs about the program
itself (their texts keep the window's translation context)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox

from .. import __version__

if TYPE_CHECKING:
    from .help import GuideWindow
    from .mainwindow import MainWindow
    from .preferences import PreferencesDialog


def show_guide(window: MainWindow) -> GuideWindow:
    """Help ▸ User Guide (F1): one guide window, raised again when asked for again."""
    from .help import GuideWindow

    guide = window.guide
    if guide is None:
        guide = window.guide = GuideWindow(window.language, window)
    guide.show()
    guide.raise_()
    guide.activateWindow()
    return guide


def about(window: MainWindow) -> None:
    from PySide6 import __version__ as qt_version

    QMessageBox.about(
        window,
        QCoreApplication.translate("MainWindow", "About Planbook"),
        QCoreApplication.translate(
            "MainWindow",
            "<h3>Planbook {0}</h3><p>Draft, keep and issue annual work plans.</p>"
            "<p>Library: {1}</p><p>Qt for Python {2} · GPL-3.0-or-later</p>",
        ).format(__version__, window.lib.path, qt_version),
    )


def set_language(window: MainWindow, code: str) -> None:
    window.settings.setValue("language", code)
    QMessageBox.information(
        window,
        QCoreApplication.translate("MainWindow", "Language"),
        QCoreApplication.translate("MainWindow", "The new language is used from the next start."),
    )


def preferences_dialog(window: MainWindow) -> PreferencesDialog:
    """Edit ▸ Preferences…: the PDF fonts and the Word font names (window-modal, not blocking)."""
    from .preferences import PreferencesDialog

    dialog = PreferencesDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
