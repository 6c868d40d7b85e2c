"""The Qt desktop program. Everything Qt lives below this package; the core never imports it."""

from __future__ import annotations


def launch(library: str | None) -> int:
    """Start the main window on `library` (None: the default library)."""
    from .app import run

    return run(library)
