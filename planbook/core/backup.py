"""Backups of a library: consistent copies through SQLite's online backup API in a `backups/` folder beside it.

A copy is taken at most once a day when a library is opened for writing (`daily`), on demand (`backup`), and
of the current file before any restore, so a restore can itself be undone.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from .errors import LibraryError
from .library import Library
from .messages import QT_TRANSLATE_NOOP

KEEP = 10
SUFFIX = ".db"


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken_at: dt.datetime
    size: int


def folder_of(library_path: Path) -> Path:
    return library_path.parent / "backups"


def list_backups(library_path: Path) -> list[BackupFile]:
    """The library's backups, newest first."""
    folder = folder_of(library_path)
    if not folder.is_dir():
        return []
    found = []
    prefix = f"{library_path.stem}-"
    for path in folder.glob(f"{prefix}*{SUFFIX}"):
        try:
            # name-YYYYmmdd-HHMMSS[-N]: N tells apart copies taken in the same second
            taken = dt.datetime.strptime(path.stem.removeprefix(prefix)[:15], "%Y%m%d-%H%M%S")
        except ValueError:
            continue  # not one of ours
        found.append(BackupFile(path, taken, path.stat().st_size))
    return sorted(found, key=lambda b: (b.taken_at, b.path.stat().st_mtime_ns), reverse=True)


def backup(lib: Library, keep: int = KEEP) -> Path:
    """Copy the open library into its backups folder now; keep the newest `keep` copies. Returns the copy."""
    folder = folder_of(lib.path)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{lib.path.stem}-{stamp}{SUFFIX}"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{lib.path.stem}-{stamp}-{n}{SUFFIX}"
    part = target.with_suffix(".part")
    try:
        folder.mkdir(exist_ok=True)
        dest = sqlite3.connect(part)
        try:
            lib.db.conn.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")  # a backup is one self-contained file
        finally:
            dest.close()
        part.replace(target)
    except (OSError, sqlite3.Error) as e:
        part.unlink(missing_ok=True)
        raise LibraryError(QT_TRANSLATE_NOOP("Messages", "cannot write a backup in {folder}: {reason}"), folder=folder,
                           reason=e) from e
    for old in list_backups(lib.path)[keep:]:
        old.path.unlink(missing_ok=True)
    return target


def daily(lib: Library, keep: int = KEEP) -> Path | None:
    """Back up if the newest backup is not from today. A failure here must not stop the user's work."""
    if lib.readonly:
        return None
    backups = list_backups(lib.path)
    if backups and backups[0].taken_at.date() == dt.date.today():
        return None
    if not lib.plan_ids():
        return None  # nothing worth keeping yet
    try:
        return backup(lib, keep)
    except LibraryError:
        return None


def restore(lib: Library, source: Path) -> Path:
    """Replace the library's contents with a backup's, after backing up the current contents.

    Returns the backup of what was there before. The backup is checked first: a file that is not a Planbook
    library (or is damaged) is refused and the library is left as it was.
    """
    source = Path(source)
    Library.check_file(source)
    before = backup(lib, keep=KEEP + 1)
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    try:
        src.backup(lib.db.conn)
    except sqlite3.Error as e:
        raise LibraryError(QT_TRANSLATE_NOOP("Messages", "cannot restore {name}: {reason}"), name=source.name,
                           reason=e) from e
    finally:
        src.close()
    lib.migrate()  # an older backup comes back in today's schema
    return before
