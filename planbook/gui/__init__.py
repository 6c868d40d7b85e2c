"""The Qt desktop program. Everything Qt lives below this package; the core never imports it."""

from __future__ import annotations

from pathlib import Path


def launch(
    library: str | None, *, plan: int | None = None, lang: str | None = None, screenshot: Path | None = None
) -> int:
    """Start the main window on `library` (None: the last one used, else the default library)."""
    import sys

    from .xcbcheck import check

    if problem := check():  # before Qt loads: Qt would abort naming one missing library of many
        print(problem, file=sys.stderr)
        return 1
    prepare_locale(lang)
    from .app import run

    return run(library, plan=plan, lang=lang, screenshot=screenshot)


def prepare_locale(lang: str | None) -> None:
    """A Chinese interface on a system that names no locale (C, POSIX, none): let Qt's own dialogs show dates
    and numbers the Chinese way too (the file dialog wrote "3 12 2026"). Qt reads the locale once, when the
    first Qt object needs it (qtcompat's probes at import), so this runs before anything of the window is
    imported. A system that names a locale keeps it."""
    import os
    import sys

    if not sys.platform.startswith("linux") or os.environ.get("LC_ALL"):
        return
    if any(os.environ.get(name, "").split(".")[0] not in ("", "C", "POSIX") for name in ("LC_TIME", "LANG")):
        return
    if lang is None:
        from PySide6.QtCore import QSettings  # (no locale read here)

        from .. import APP_NAME

        path = os.environ.get("PLANBOOK_SETTINGS")
        settings = (
            QSettings(path, QSettings.Format.IniFormat)
            if path
            else QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_NAME, APP_NAME)
        )
        lang = settings.value("language") or "zh"  # a system that names no language gets Chinese (app.pick_language)
    if lang == "zh":
        os.environ["LANG"] = "zh_CN.UTF-8"
        os.environ.pop("LC_TIME", None)
