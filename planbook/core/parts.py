"""Half-written files (`….part`) named with the writing process's id, so a later run can remove the ones a
killed process left behind without touching those another live process is still writing."""

from __future__ import annotations

import contextlib
import glob
import os
from pathlib import Path

SUFFIX = ".part"


def part_name(base: str) -> str:
    """`base.PID.part`: the name of a file this process is writing."""
    return f"{base}.{os.getpid()}{SUFFIX}"


def remove_stale(folder: Path, prefix: str) -> int:
    """Remove `prefix*.part` files in `folder` whose writer is gone; returns how many went."""
    removed = 0
    with contextlib.suppress(OSError):
        for path in Path(folder).glob(f"{glob.escape(prefix)}*{SUFFIX}"):
            if _writer_alive(path.name.removesuffix(SUFFIX).rsplit(".", 1)[-1].split("-")[0]):
                continue
            with contextlib.suppress(OSError):
                path.unlink()
                removed += 1
    return removed


def _writer_alive(pid_text: str) -> bool:
    if not pid_text.isdigit():
        return False  # not named by a process: from an older Planbook, left by a killed one
    pid = int(pid_text)
    if pid == os.getpid():
        return True
    if os.name != "posix":
        return True  # no harmless probe there (os.kill ends the process on Windows): keep it
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # alive, another user's
    return True
