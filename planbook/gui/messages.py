"""The core's messages in the interface language: `describe(error_or_warning)` wherever the window shows one.

The core says everything in English templates with named fields (`planbook.core.messages`); here the template
is looked up in the "Messages" context of the translations and filled in with the same values. A field that is
itself a message (a nested reason) is described the same way; a template with no translation, or a translation
that does not fit the fields, falls back to the English sentence.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from .. import APP_NAME
from ..core.errors import PlanbookError
from ..core.library import LARGE_LIBRARY_BYTES
from ..core.messages import CONTEXT, Message


def describe(what: object) -> str:
    """A `PlanbookError`, `Message` or anything else (an OSError, a plain string) as the user should read it."""
    message = what.message if isinstance(what, PlanbookError) else what
    if not isinstance(message, Message):
        return str(what)
    fields = {k: describe(v) if isinstance(v, (Message, PlanbookError)) else v for k, v in message.fields.items()}
    try:
        return QCoreApplication.translate(CONTEXT, message.template).format(**fields)
    except (KeyError, IndexError, ValueError):  # a translation naming a field the template does not have
        return str(message)


def upgrading_notice(path: Path) -> QWidget:
    """A large library's one-time upgrade holds the start for a while (up to a minute at 10,000 plans): a small
    window says why, since the main window cannot show yet. A small library upgrades at once, unannounced."""
    label = QLabel(
        QCoreApplication.translate(
            "App", "Upgrading the library {0} for this version of Planbook (once; a large library takes a minute)…"
        ).format(path.name)
    )
    if path.stat().st_size < LARGE_LIBRARY_BYTES or os.environ.get("PLANBOOK_QUIT_WHEN_SHOWN"):
        return label
    label.setWindowTitle(APP_NAME)
    label.setMargin(24)
    label.show()
    QApplication.processEvents()  # painted now: the upgrade itself keeps the event loop busy
    return label
