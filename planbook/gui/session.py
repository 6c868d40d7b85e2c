"""The open library as the window sees it: the Library, whether it is read-only, its daily backup, and the
recent-libraries list kept in the settings (File ▸ Recent Libraries)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QMenu

from ..core import backup
from ..core.errors import PlanbookError
from ..core.library import Library

MAX_RECENT = 8


class LibrarySession:
    def __init__(self, lib: Library, settings: QSettings):
        self.lib = lib
        lib.sync_in_background()  # no keystroke waits for the disk (core/walsync.py)
        self.settings = settings
        self.daily_backup: Any = None  # the day's backup thread, once started

    @property
    def path(self) -> Path:
        return self.lib.path

    @property
    def readonly(self) -> bool:
        return self.lib.readonly

    def replace(self, lib: Library) -> None:
        """Another library is open now; the old one is closed."""
        old, self.lib = self.lib, lib
        lib.sync_in_background()
        old.close()

    def start_daily_backup(self, done: Callable[[Path | None], None]) -> None:
        # At most once a day, on a thread of its own: the window is usable at once (a 10,000-plan library's copy
        # takes seconds). A failure never stops the user's work, not even one to read whether a copy is due (a
        # full disk): the next opening tries again.
        try:
            self.daily_backup = backup.daily_in_background(self.lib, done)
        except (sqlite3.Error, OSError, PlanbookError):
            self.daily_backup = None

    def remember(self) -> None:
        """This library first in Recent Libraries, and the one opened at the next start."""
        path = str(self.lib.path.resolve())
        recent = [p for p in self.recent() if p != path]
        self.settings.setValue("recentLibraries", [path, *recent][:MAX_RECENT])
        self.settings.setValue("session/library", path)

    def recent(self) -> list[str]:
        value = self.settings.value("recentLibraries", []) or []
        return [value] if isinstance(value, str) else [str(v) for v in value] if isinstance(value, list) else []


def fill_recent(menu: QMenu, window: Any) -> None:
    """File ▸ Recent Libraries, filled when shown: files that are gone are left out, the open one is off."""
    menu.clear()
    session: LibrarySession = window.session
    current = str(session.path.resolve())
    recent = [p for p in session.recent() if Path(p).exists()]
    for path in recent:
        act = menu.addAction(path, lambda _=False, p=path: window.switch_library(p))
        act.setEnabled(path != current)
    if not recent:
        menu.addAction(QCoreApplication.translate("MainWindow", "(none)")).setEnabled(False)
