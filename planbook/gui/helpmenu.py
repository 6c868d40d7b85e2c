"""Help ▸ User Guide and About, View ▸ Language, Edit ▸ Preferences…: the window's few dialogs about the program
itself (their texts keep the window's translation context)."""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
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


# Building Preferences costs 55–85 ms the first time in a window (its font samples, word-wrapped labels and
# scroll areas are laid out for the first time), 20–35 ms later. One is built hidden in idle time after the
# window's start (`prebuild_preferences`), and the first Edit ▸ Preferences… shows it (issue 19b).
_spare: weakref.WeakKeyDictionary[QObject, PreferencesDialog] = weakref.WeakKeyDictionary()
_prebuilt: weakref.WeakSet[QObject] = weakref.WeakSet()


def prebuild_preferences(window: MainWindow) -> None:
    """Once per window, and only if Preferences was not opened yet: build one hidden, for the first open."""
    from .preferences import PreferencesDialog

    if window in _prebuilt or not window.isVisible() or window.findChild(PreferencesDialog) is not None:
        return
    _prebuilt.add(window)
    _spare[window] = PreferencesDialog(window)


def prebuilt(window: MainWindow) -> PreferencesDialog | None:
    """The hidden Preferences waiting for the window's first open, if any (for tests)."""
    return _spare.get(window)


def _take_spare(window: MainWindow) -> PreferencesDialog | None:
    """The spare dialog, read again from its files (they may have changed meanwhile); None when it was built for
    other files (the settings folder moved) or there is none."""
    from ..exporters.docx_fonts import user_word_fonts_file
    from ..exporters.pdf_fonts import user_fonts_file

    _prebuilt.add(window)
    dialog = _spare.pop(window, None)
    if dialog is None:
        return None
    if dialog.fonts_file != user_fonts_file() or dialog.word_fonts.fonts_file != user_word_fonts_file():
        dialog.deleteLater()
        return None
    dialog.reload()
    dialog.word_fonts.reload()
    return dialog


def preferences_dialog(window: MainWindow) -> PreferencesDialog:
    """Edit ▸ Preferences…: the PDF fonts and the Word font names (window-modal, not blocking)."""
    from .preferences import PreferencesDialog

    dialog = _take_spare(window) or PreferencesDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
