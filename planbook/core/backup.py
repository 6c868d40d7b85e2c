"""Backups of a library: consistent, compact copies in a `backups/` folder beside it.

A copy is taken at most once a day when a library is opened for writing (`daily`, which the window has a child
process make at idle priority: `daily_in_background`), on demand (`backup`), and of the current file before any restore, so a
restore can itself be undone.

A copy holds everything that cannot be rebuilt and leaves out the search index's contents (about half of a
library: its bigrams), marking the index unbuilt; restoring rebuilds it. It is made on a connection of its own,
in one read transaction (one consistent snapshot, while the library goes on being written), table by table with
`INSERT … SELECT`, indexes and triggers after the rows.

Copies are named after the library's full file name (`lib.db-20260101-120000.db`), so two libraries with one
stem in a folder (`lib.db`, `lib.sqlite`) never list, restore or prune each other's copies. Copies named by the
stem alone (`lib-20260101-120000.db`, before that) still count where no other file in the folder shares the stem.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import glob
import os
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from . import search
from .errors import LibraryError
from .library import Library, _check_identity, _immutable, _read_only_uri
from .messages import QT_TRANSLATE_NOOP
from .parts import part_name, remove_stale

KEEP = 10
SUFFIX = ".db"


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken_at: dt.datetime
    size: int


def folder_of(library_path: Path) -> Path:
    return library_path.parent / "backups"


def _prefixes(library_path: Path) -> list[str]:
    prefixes = [f"{library_path.name}-"]
    if not _stem_shared(library_path):
        prefixes.append(f"{library_path.stem}-")
    return prefixes


def _stem_shared(library_path: Path) -> bool:
    """Whether another file beside the library has its stem (lib.db and lib.sqlite): then the old stem-named
    copies cannot be told apart and belong to neither."""
    for other in library_path.parent.glob(f"{glob.escape(library_path.stem)}.*"):
        if not other.name.startswith(library_path.name):  # lib.db-wal, lib.db-shm are the library's own
            return True
    return False


def list_backups(library_path: Path) -> list[BackupFile]:
    """The library's backups, newest first."""
    folder = folder_of(library_path)
    if not folder.is_dir():
        return []
    found: dict[Path, BackupFile] = {}
    for prefix in _prefixes(library_path):
        for path in folder.glob(f"{glob.escape(prefix)}*{SUFFIX}"):
            try:
                # prefix-YYYYmmdd-HHMMSS[-N]: N tells apart copies taken in the same second
                rest = path.name.removeprefix(prefix).removesuffix(SUFFIX)
                taken = dt.datetime.strptime(rest[:15], "%Y%m%d-%H%M%S")
                if rest[15:] and not (rest[15] == "-" and rest[16:].isdigit()):
                    continue
                found.setdefault(path, BackupFile(path, taken, path.stat().st_size))
            except (ValueError, OSError):
                continue  # not one of ours, or gone meanwhile
    return sorted(found.values(), key=lambda b: (b.taken_at, _mtime(b.path)), reverse=True)


def _mtime(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


_NAMING = threading.Lock()  # two copies made by one process (Back Up Now, a restore's) must not pick one name


def backup(lib: Library, keep: int = KEEP, protect: Path | None = None) -> Path:
    """Copy the open library into its backups folder now; keep the newest `keep` copies (never deleting
    `protect`, the file a restore is reading). Returns the copy.

    Reads the file through a connection of its own, so it may run on any thread while `lib` is in use."""
    return backup_file(lib.path, lib.readonly, keep, protect)


def backup_file(path: Path, readonly: bool = False, keep: int = KEEP, protect: Path | None = None) -> Path:
    """`backup` of the library at `path` (what the daily backup's thread calls: no Library object needed)."""
    folder = folder_of(path)
    with _NAMING:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        target = folder / f"{path.name}-{stamp}{SUFFIX}"
        n = 1
        while target.exists():
            n += 1
            target = folder / f"{path.name}-{stamp}-{n}{SUFFIX}"
        part = target.with_name(part_name(target.name))
        try:
            folder.mkdir(exist_ok=True)
            part.unlink(missing_ok=True)
            compact_copy(path, part, readonly)
            part.replace(target)
        except (OSError, sqlite3.Error) as e:
            part.unlink(missing_ok=True)
            raise LibraryError(
                QT_TRANSLATE_NOOP("Messages", "cannot write a backup in {folder}: {reason}"), folder=folder, reason=e
            ) from e
    prune(path, keep, protect)
    return target


# What the search index is waiting to take in, and its bigram vocabulary: rebuilt with the index.
_NOT_COPIED = {"search_queue", "search_vocab"}


def compact_copy(source: Path, dest_path: Path, readonly: bool = False) -> None:
    """Write a copy of the library at `source` into the new file `dest_path`, without the search index's
    contents: every object is created from the library's own SQL (so the copy's schema is the library's), the
    rows are copied in one transaction (one snapshot of the source), and the index is marked unbuilt."""
    dest = sqlite3.connect(dest_path, isolation_level=None, uri=True)
    try:
        dest.execute("PRAGMA trusted_schema = OFF")  # the copied SQL is created here, never run
        dest.execute("ATTACH DATABASE ? AS src", [_read_only_uri(Path(source), immutable=_immutable(source, readonly))])
        (page_size,) = dest.execute("PRAGMA src.page_size").fetchone()
        dest.execute(f"PRAGMA main.page_size = {int(page_size)}")
        dest.execute("PRAGMA main.journal_mode = OFF")  # a copy half-written is a .part file, never used
        dest.execute("BEGIN")
        objects = dest.execute(
            "SELECT type, name, sql FROM src.sqlite_master WHERE sql IS NOT NULL "
            "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid"
        ).fetchall()
        virtual = {name for kind, name, sql in objects if kind == "table" and sql.upper().startswith("CREATE VIRTUAL")}

        def shadow(name: str) -> bool:  # made by its virtual table's own CREATE
            return any(name.startswith(f"{v}_") for v in virtual)

        tables = [name for kind, name, _ in objects if kind == "table" and not shadow(name)]
        for kind, name, sql in objects:
            if kind == "table" and not shadow(name):
                dest.execute(sql)
        for name in tables:
            if name not in virtual and name not in _NOT_COPIED:
                dest.execute(f'INSERT INTO main."{name}" SELECT * FROM src."{name}"')
        for name in virtual:  # the index's settings (its ranking) are kept; its contents are rebuilt
            dest.execute(f'INSERT OR REPLACE INTO main."{name}_config" SELECT * FROM src."{name}_config"')
        if "sqlite_sequence" in {r[0] for r in dest.execute("SELECT name FROM src.sqlite_master")}:
            dest.execute("INSERT INTO main.sqlite_sequence SELECT * FROM src.sqlite_sequence")
        if "search_meta" in tables:
            dest.execute("UPDATE main.search_meta SET value = 'unbuilt' WHERE key = 'tokenizer'")
        for kind, _, sql in objects:
            if kind != "table":  # indexes, views, triggers: after the rows, and no trigger fires on the copy
                dest.execute(sql)
        for pragma in ("user_version", "application_id"):
            (value,) = dest.execute(f"PRAGMA src.{pragma}").fetchone()
            dest.execute(f"PRAGMA main.{pragma} = {int(value)}")
        dest.execute("COMMIT")
        dest.execute("DETACH DATABASE src")
        dest.execute("PRAGMA journal_mode = DELETE")  # a backup is one self-contained file
    finally:
        dest.close()


def prune(library_path: Path, keep: int = KEEP, protect: Path | None = None) -> None:
    """Delete all but the newest `keep` backups, never the one named by `protect`."""
    for old in list_backups(library_path)[keep:]:
        if protect is not None and _same_file(old.path, protect):
            continue
        old.path.unlink(missing_ok=True)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return Path(a).resolve() == Path(b).resolve()


def clean_parts(library_path: Path) -> None:
    """Remove copies a killed process left half-written (`*.part` in the backups folder)."""
    for prefix in _prefixes(library_path):
        remove_stale(folder_of(library_path), prefix)


def daily(lib: Library, keep: int = KEEP) -> Path | None:
    """Back up now if the newest backup is not from today. A failure here must not stop the user's work."""
    if not lib.readonly:
        clean_parts(lib.path)
    if not due(lib):
        return None
    try:
        return backup(lib, keep)
    except LibraryError:
        return None


def due(lib: Library) -> bool:
    """Whether the day's backup is still to be taken: a writable library with plans and no copy from today."""
    if lib.readonly:
        return False
    backups = list_backups(lib.path)
    if backups and backups[0].taken_at.date() == dt.date.today():
        return False
    return lib.plan_count() > 0


# The day's copy runs in a child process started with this first argument (see `cli.main`), at idle priority.
CHILD_FLAG = "--daily-backup-copy"
COPY_FAILED = 3  # the child's exit status when the copy itself failed (any other failure: the child did not run)


def yield_to_the_window(pid: int = 0) -> None:
    """Run process `pid` (0: this one) only when nothing else wants the CPU (Linux's SCHED_IDLE, else the lowest
    nice): what the day's copy does in its child process. Never on a thread of the window's own process: a thread
    at idle priority that holds Python's lock (between two of its SQL statements) while the machine is busy is
    not scheduled again for up to seconds, and the window's thread waits for that lock meanwhile (measured: a
    keystroke waited 0.3-1.4 s before its first statement, on a 2-core machine with 2 busy processes)."""
    if hasattr(os, "SCHED_IDLE"):
        with contextlib.suppress(OSError):
            os.sched_setscheduler(pid, os.SCHED_IDLE, os.sched_param(0))
            return
    if hasattr(os, "setpriority"):
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, pid, 19)


def child_command(path: Path, keep: int) -> list[str]:
    """The command that makes the day's copy of `path` in a child process: this program itself when frozen
    (PyInstaller), else this Python running the package."""
    args = [CHILD_FLAG, str(path), str(keep)]
    if getattr(sys, "frozen", False):
        return [sys.executable, *args]
    return [sys.executable, "-m", "planbook", *args]


def child_main(args: list[str]) -> int:
    """In the child: make the copy at idle priority and print its path (0), or print nothing (`COPY_FAILED`)."""
    yield_to_the_window()
    try:
        made = backup_file(Path(args[0]), keep=int(args[1]))
    except (LibraryError, IndexError, ValueError):
        return COPY_FAILED
    if sys.stdout is not None:  # a windowed program (Windows, frozen) has no stdout: the parent looks instead
        sys.stdout.buffer.write(os.fsencode(made))
    return 0


def copy_in_child(path: Path, keep: int = KEEP) -> Path | None:
    """The day's copy made by a child process at idle priority: the copy, or None if it failed. Only this
    thread waits for it (without Python's lock); the window's process shares no lock and no CPU with the copy.
    Where no child can be started or run (no interpreter, the package not found), the copy is made here, on the
    calling thread, as before: a day never goes without its copy for want of a child process."""
    package_root = str(Path(__file__).resolve().parents[2])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [package_root, os.environ.get("PYTHONPATH")]))}
    env.pop("QT_QPA_PLATFORM", None)  # the child never starts Qt
    try:
        child = subprocess.Popen(
            child_command(path, keep),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            # Windows: idle priority, and no console window for a child of the windowed program
            creationflags=getattr(subprocess, "IDLE_PRIORITY_CLASS", 0) | getattr(subprocess, "CREATE_NO_WINDOW", 0),
        )
    except OSError:
        return _copy_here(path, keep)
    # Idle from the moment it exists: its own call comes only after Python has started and imported the package,
    # 0.1 s of a core at normal priority that delayed a keystroke by 100 ms on a busy 2-core machine. (Windows has
    # it from IDLE_PRIORITY_CLASS at creation.)
    yield_to_the_window(child.pid)
    out, _ = child.communicate()
    if child.returncode == COPY_FAILED:
        return None
    if child.returncode != 0:
        return _copy_here(path, keep)
    if out:
        return Path(os.fsdecode(out))
    copies = list_backups(path)
    return copies[0].path if copies else None


def _copy_here(path: Path, keep: int) -> Path | None:
    try:
        return backup_file(path, keep=keep)
    except LibraryError:
        return None


def daily_in_background(
    lib: Library, done: Callable[[Path | None], None] | None = None, keep: int = KEEP
) -> threading.Thread | None:
    """The day's backup off the window's thread (in a child process, which a thread of its own waits for), so
    opening never waits for it; `done` gets the copy (None if it failed: a failure never stops the user's work)
    on that thread. Returns the thread, or None when no backup is due."""
    path, needed = lib.path, due(lib)
    if lib.readonly:
        return None

    def run() -> None:
        clean_parts(path)  # off the GUI thread: removing a killed copy of a large library took 0.3 s at start
        if not needed:
            return
        made = copy_in_child(path, keep)
        if done is not None:
            done(made)

    # A daemon: quitting never waits for the copy (the child finishes it; one cut short is a .part file, removed
    # on the next opening).
    thread = threading.Thread(target=run, name="planbook-daily-backup", daemon=True)
    thread.start()
    return thread if needed else None


def restore(lib: Library, source: Path) -> Path:
    """Replace the library's contents with a backup's, after backing up the current contents.

    Returns the backup of what was there before. The source is read once, through SQLite (its -wal included),
    into a snapshot beside the backups; the checks read that snapshot and the restore copies it, so what was
    checked is exactly what comes in. A file that is not a Planbook library (or is damaged) is refused and the
    library is left as it was; the source itself is never deleted by the clean-up of old backups.
    """
    source = Path(source)
    if not source.is_file():
        raise LibraryError(QT_TRANSLATE_NOOP("Messages", "no library at {path}"), path=source)
    folder = folder_of(lib.path)
    snapshot = folder / part_name(f"{lib.path.name}-restoring")
    try:
        _snapshot(source, snapshot, lib)
        Library.check_file(snapshot, shown=source)
        before = backup(lib, keep=KEEP + 1, protect=source)
        src = sqlite3.connect(f"{snapshot.resolve().as_uri()}?mode=ro", uri=True)
        try:
            src.backup(lib.db.conn)
        except sqlite3.Error as e:
            raise LibraryError(
                QT_TRANSLATE_NOOP("Messages", "cannot restore {name}: {reason}"), name=source.name, reason=e
            ) from e
        finally:
            src.close()
    finally:
        snapshot.unlink(missing_ok=True)
    lib.migrate()  # an older backup comes back in today's schema
    search.rebuild_if_unbuilt(lib)  # a backup leaves the index out
    return before


def _snapshot(source: Path, snapshot: Path, lib: Library) -> None:
    """Copy `source` as SQLite reads it (committed -wal included) into `snapshot`, in the library's page size
    (the online backup cannot change a WAL library's page size)."""
    try:
        snapshot.parent.mkdir(exist_ok=True)
        snapshot.unlink(missing_ok=True)
    except OSError as e:
        raise LibraryError(
            QT_TRANSLATE_NOOP("Messages", "cannot write a backup in {folder}: {reason}"),
            folder=snapshot.parent,
            reason=e,
        ) from e
    _check_identity(source, readonly=True)  # another program's file is not even copied
    wal = source.with_name(source.name + "-wal")
    uri = f"{source.resolve().as_uri()}?mode=ro" + ("" if wal.exists() else "&immutable=1")
    try:
        src = sqlite3.connect(uri, uri=True)
        dest = sqlite3.connect(snapshot)
        try:
            src.execute("PRAGMA trusted_schema = OFF")
            src.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")
            size = lib.db.execute("PRAGMA page_size").fetchone()[0]
            if dest.execute("PRAGMA page_size").fetchone()[0] != size:
                dest.execute(f"PRAGMA page_size = {int(size)}")
                dest.execute("VACUUM")
        finally:
            dest.close()
            src.close()
    except sqlite3.Error as e:
        raise LibraryError(
            QT_TRANSLATE_NOOP("Messages", "cannot restore {name}: {reason}"), name=source.name, reason=e
        ) from e
