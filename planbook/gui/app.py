"""Application start-up. The main window is being built (issue: the main window)."""

from __future__ import annotations

import sys

from ..core.errors import PlanbookError
from ..core.library import Library


def run(library: str | None) -> int:
    try:
        with Library.open(library) as lib:
            count = len(lib.plan_ids())
            path = lib.path
    except PlanbookError as e:
        print(f"planbook: {e}", file=sys.stderr)
        return 1
    print(
        f"Planbook: the window is not built yet. Your library {path} holds {count} plan(s); "
        "use the command line meanwhile (planbook --help)."
    )
    return 0
