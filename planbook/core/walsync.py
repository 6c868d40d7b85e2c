"""The window's commits made safe from a power cut on a thread of their own.

Once a commit in WAL mode returns, its pages are in the WAL file: a crash of the program cannot take it back. With
`synchronous = FULL` the commit also waits until the disk has them (fsync), so that a power cut cannot either, and
that wait falls on the thread that commits: in the window, a keystroke waited 50-150 ms for it when the disk was
busy (issue 22). The window's connection therefore commits with `synchronous = NORMAL`, and `WalSync` fsyncs the WAL
file on a thread of its own soon after each commit (`DELAY`, gathering a burst of keystrokes into one fsync): a power
cut can take back at most that last moment of typing, a crash of the program nothing. The command line keeps FULL
(one commit per command, nobody waiting on a keystroke).
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

DELAY = 0.2  # seconds from a commit to the fsync that makes it durable


class WalSync:
    """Fsync the WAL file of the library at `path` soon after each `committed()`, until `close()`."""

    def __init__(self, path: Path):
        self.wal = Path(f"{path}-wal")
        self.synced = 0  # fsyncs made (tests wait on it through `wait_synced`)
        self._pending = threading.Event()
        self._closing = threading.Event()
        self._count = threading.Condition()
        self._thread = threading.Thread(target=self._run, name="planbook-wal-sync", daemon=True)
        self._thread.start()

    def committed(self) -> None:
        """A commit has returned: its pages are in the WAL file, to be made durable."""
        self._pending.set()

    def close(self) -> None:
        """Stop the thread, after one last fsync of what was committed (the caller closes the library next)."""
        self._closing.set()
        self._pending.set()
        self._thread.join(timeout=10)
        self._sync()

    def wait_synced(self, count: int, timeout: float) -> bool:
        """Whether `count` fsyncs have been made, waiting up to `timeout` seconds for them."""
        with self._count:
            return self._count.wait_for(lambda: self.synced >= count, timeout)

    def _run(self) -> None:
        while True:
            self._pending.wait()
            if self._closing.wait(DELAY):  # the commits of a burst of keys go to disk together
                return
            # Cleared before the fsync: a commit that lands meanwhile sets it again and is synced next time.
            self._pending.clear()
            self._sync()

    def _sync(self) -> None:
        try:
            fd = os.open(self.wal, os.O_RDWR)  # write access: Windows flushes a file's buffers only through one
        except OSError:
            return  # no WAL file (the library checkpointed and removed it): nothing waits to be made durable
        try:
            os.fsync(fd)
        except OSError:
            pass  # the next commit's fsync tries again; SQLite's own checkpoint syncs the file as well
        finally:
            os.close(fd)
        with self._count:
            self.synced += 1
            self._count.notify_all()
