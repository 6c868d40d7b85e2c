"""The Qt desktop program. Everything Qt lives below this package; the core never imports it."""

from __future__ import annotations

from pathlib import Path


def launch(library: str | None, *, plan: int | None = None, lang: str | None = None,
           screenshot: Path | None = None) -> int:
    """Start the main window on `library` (None: the last one used, else the default library)."""
    import sys

    from .xcbcheck import check

    if problem := check():  # before Qt loads: Qt would abort naming one missing library of many
        print(problem, file=sys.stderr)
        return 1
    from .app import run

    return run(library, plan=plan, lang=lang, screenshot=screenshot)
