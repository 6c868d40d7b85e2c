"""Nothing lost, round 2: restores that keep their source, exports that never land on the library, backups that
belong to one library, and crafted or odd library files refused whole (schema, -wal, page size, encoding)."""

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from planbook.core import backup
from planbook.core.library import Library
from planbook.core.schema import APPLICATION_ID

from .conftest import library_at_version, run_cli, sample_plan
from .test_bad_input import read_only_mount


def make_library(path, titles=("甲计划",)):
    with Library.open(path) as lib:
        for title in titles:
            lib.add_plan(sample_plan(title=title))
    return path


def old_backups(path, count, style="name"):
    """`count` backups from January, as a long-used library has them (named by full name or by stem)."""
    folder = backup.folder_of(path)
    folder.mkdir(exist_ok=True)
    made = []
    for day in range(1, count + 1):
        prefix = path.name if style == "name" else path.stem
        copy = folder / f"{prefix}-202601{day:02d}-120000.db"
        src, dst = sqlite3.connect(path), sqlite3.connect(copy)
        src.backup(dst)
        dst.execute("PRAGMA journal_mode = DELETE")
        src.close()
        dst.close()
        made.append(copy)
    return made


def titles_in(path):
    with Library.open(path) as lib:
        return sorted(p.title for p in lib.list_plans())


# ---- 1. restore never deletes the backup it restores -------------------------------------------------------


@pytest.mark.parametrize("style", ["name", "stem"])
def test_restoring_the_oldest_of_ten_backups_keeps_it_and_restores_it(tmp_path, style):
    path = make_library(tmp_path / "lib.db", ["旧计划"])
    copies = old_backups(path, 10, style)
    with Library.open(path) as lib:
        lib.add_plan(sample_plan(title="新计划"))
    for attempt in range(3):  # 10, then 11, then 12 backups: the oldest is asked for every time
        result = run_cli("restore", copies[0], library=path)
        assert result.code == 0, result.err
        assert copies[0].exists()
        assert titles_in(path) == ["旧计划"]
        with Library.open(path) as lib:
            lib.add_plan(sample_plan(title=f"新计划{attempt}"))
    assert len(backup.list_backups(path)) <= backup.KEEP + 2  # the copies kept, and the one restored


# ---- 2. an export or a report never overwrites the library, its WAL files or a backup ----------------------


def test_no_export_or_report_writes_over_the_library_or_its_backups(tmp_path):
    path = make_library(tmp_path / "lib.db", ["甲计划", "乙计划"])
    made = run_cli("backup", library=path)
    assert made.code == 0, made.err
    copy = made.out.strip()
    os.symlink(path, tmp_path / "link.db")
    before = {p: p.read_bytes() for p in (path, tmp_path / "link.db") if p.exists()}
    copy_bytes = Path(copy).read_bytes()
    targets = [
        path,
        tmp_path / "lib.db-wal",
        tmp_path / "lib.db-shm",
        copy,
        tmp_path / "link.db",
        tmp_path / "sub" / ".." / "lib.db",
        backup.folder_of(path) / "new.txt",
    ]
    (tmp_path / "sub").mkdir()
    for out in targets:
        for args in (
            ["export", "1", "--format", "txt", "-o", out],
            ["export", "1", "--format", "json", "-o", out],
            ["diff", "1", "2", "--html", out],
        ):
            result = run_cli(*args, "--library", path)
            assert result.code == 1, (args, result.out)
            assert result.err.count("\n") == 1 and "will not write over" in result.err, result.err
    assert path.read_bytes() == before[path] and Path(copy).read_bytes() == copy_bytes
    assert titles_in(path) == ["乙计划", "甲计划"]
    assert not (backup.folder_of(path) / "new.txt").exists()
    ok = run_cli("export", "1", "--format", "txt", "-o", tmp_path / "plan.txt", "--library", path)
    assert ok.code == 0 and "甲计划" in (tmp_path / "plan.txt").read_text(encoding="utf-8")


# ---- 3. two libraries with one stem keep their own backups --------------------------------------------------


def test_two_libraries_with_one_stem_never_touch_each_others_backups(tmp_path):
    a = make_library(tmp_path / "lib.db", ["甲库的计划"])
    b = make_library(tmp_path / "lib.sqlite", ["乙库的计划"])
    for _ in range(12):
        assert run_cli("backup", library=a).code == 0
    mine = run_cli("backup", library=b)
    assert mine.code == 0
    listed_a = backup.list_backups(a)
    listed_b = backup.list_backups(b)
    assert len(listed_a) == backup.KEEP
    assert mine.out.strip() in [str(x.path) for x in listed_b] and len(listed_b) == 2  # the day's and this one
    assert all(titles_in(x.path) == ["乙库的计划"] for x in listed_b)
    assert all(titles_in(x.path) == ["甲库的计划"] for x in listed_a)
    out = run_cli("backup", "--list", library=b).out
    assert out.count("\n") == 2 and out.count("lib.sqlite-") == 2


def test_stem_named_backups_of_an_ambiguous_stem_are_nobodys(tmp_path):
    a = make_library(tmp_path / "lib.db")
    old = old_backups(a, 3, style="stem")
    assert len(backup.list_backups(a)) == 3  # alone in its folder: the old names are its own
    make_library(tmp_path / "lib.sqlite")
    assert backup.list_backups(a) == [] and backup.list_backups(tmp_path / "lib.sqlite") == []
    with Library.open(a) as lib:
        for _ in range(12):
            backup.backup(lib)
    assert all(p.exists() for p in old)  # never pruned as someone's


# ---- 4. a crafted library: extra trigger, view, table or index is refused, the file untouched ---------------

CRAFTED = {
    "trigger": "CREATE TRIGGER wipe AFTER INSERT ON plans BEGIN DELETE FROM plans WHERE id != new.id; END",
    "view": "CREATE VIEW v AS SELECT * FROM plans",
    "table": "CREATE TABLE extra (x)",
    "index": "CREATE INDEX extra_idx ON nodes(title)",
    "altered trigger": None,
}


@pytest.mark.parametrize("kind", list(CRAFTED))
def test_a_library_with_objects_the_migrations_do_not_make_is_refused(tmp_path, kind):
    path = make_library(tmp_path / "evil.db", ["甲计划", "乙计划"])
    conn = sqlite3.connect(path)
    if CRAFTED[kind]:
        conn.execute(CRAFTED[kind])
    else:  # one of Planbook's own triggers, rewritten to wipe the plans
        conn.execute("DROP TRIGGER search_plans_ai")
        conn.execute(
            "CREATE TRIGGER search_plans_ai AFTER INSERT ON plans BEGIN DELETE FROM plans WHERE id != new.id; END"
        )
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    raw = path.read_bytes()
    library = make_library(tmp_path / "lib.db", ["我的计划"])
    for args in (["--library", path, "new", "--title", "丙"], ["--library", library, "restore", path]):
        result = run_cli(*args)
        assert result.code == 1 and "not a Planbook library as this version makes them" in result.err, result.err
        assert result.err.count("\n") == 1
    assert path.read_bytes() == raw
    assert titles_in(library) == ["我的计划"]
    with pytest.raises(Exception, match="not a Planbook library"):
        Library.open(path)


def test_planbook_libraries_of_every_version_still_open(tmp_path):

    from planbook.core.schema import MIGRATIONS

    for version in range(1, len(MIGRATIONS) + 1):
        path = tmp_path / f"v{version}.db"
        library_at_version(path, version).close()
        with Library.open(path) as lib:
            lib.add_plan(sample_plan())
            assert lib.db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)


# ---- 5. the restore checks exactly what it copies (a committed -wal included) -------------------------------


def wal_that_turns_foreign(tmp_path):
    """A valid backup whose committed -wal makes it another program's database with a table of its own."""
    src = make_library(tmp_path / "src.db", ["甲计划"])
    conn = sqlite3.connect(src)
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("PRAGMA application_id = 7")
    conn.execute("PRAGMA user_version = 2")
    conn.execute("CREATE TABLE foreign_stuff (x)")
    conn.commit()
    # keep the -wal: copy the files while the connection is open (closing would checkpoint them away)
    shutil.copy(src, tmp_path / "crafted.db")
    shutil.copy(src.with_name("src.db-wal"), tmp_path / "crafted.db-wal")
    conn.close()
    return tmp_path / "crafted.db"


def test_a_restore_source_whose_wal_changes_it_is_refused(tmp_path):
    crafted = wal_that_turns_foreign(tmp_path)
    assert crafted.with_name("crafted.db-wal").stat().st_size > 0
    library = make_library(tmp_path / "lib.db", ["我的计划"])
    result = run_cli("restore", crafted, library=library)
    assert result.code == 1 and result.err.count("\n") == 1, result.err
    assert "another program" in result.err or "not a Planbook library" in result.err
    with Library.open(library) as lib:
        assert lib.db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert not lib.db.execute("SELECT 1 FROM sqlite_master WHERE name = 'foreign_stuff'").fetchone()
    assert titles_in(library) == ["我的计划"]


def test_a_restore_brings_in_the_committed_wal_of_its_source(tmp_path):
    src = make_library(tmp_path / "src.db", ["甲计划"])
    conn = sqlite3.connect(src)
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("UPDATE plans SET title = '改在WAL里的标题'")
    conn.commit()
    shutil.copy(src, tmp_path / "copy.db")
    shutil.copy(src.with_name("src.db-wal"), tmp_path / "copy.db-wal")
    conn.close()
    library = make_library(tmp_path / "lib.db", ["我的计划"])
    result = run_cli("restore", tmp_path / "copy.db", library=library)
    assert result.code == 0, result.err
    assert titles_in(library) == ["改在WAL里的标题"]


def test_a_read_only_library_shows_what_its_wal_committed(tmp_path):
    folder = tmp_path / "cd"
    folder.mkdir()
    src = make_library(tmp_path / "lib.db", ["甲计划"])
    conn = sqlite3.connect(src)
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("UPDATE plans SET title = '改在WAL里的标题'")
    conn.commit()
    for name in ("lib.db", "lib.db-wal", "lib.db-shm"):
        shutil.copy(tmp_path / name, folder / name)
    conn.close()
    listing = run_cli("list", library=folder / "lib.db", wrapper=read_only_mount(folder))
    assert listing.code == 0, listing.err
    assert "改在WAL里的标题" in listing.out and "甲计划" not in listing.out


# ---- 14. odd page sizes and encodings; half-written copies left by a kill --------------------------------


@pytest.mark.parametrize("page_size", [512, 65536])
def test_a_backup_with_another_page_size_restores(tmp_path, page_size):
    src = make_library(tmp_path / "src.db", ["甲计划"])
    odd = tmp_path / f"odd{page_size}.db"
    conn = sqlite3.connect(src)
    conn.execute(f"VACUUM INTO '{odd}'")
    conn.close()
    conn = sqlite3.connect(odd)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute(f"PRAGMA page_size = {page_size}")
    conn.execute("VACUUM")
    assert conn.execute("PRAGMA page_size").fetchone()[0] == page_size
    conn.close()
    library = make_library(tmp_path / "lib.db", ["我的计划"])
    result = run_cli("restore", odd, library=library)
    assert result.code == 0, result.err
    assert titles_in(library) == ["甲计划"]
    with Library.open(library) as lib:
        assert lib.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_utf16_library_is_refused_not_switched(tmp_path):
    import sqlite_utils

    from planbook.core.schema import MIGRATIONS

    path = tmp_path / "utf16.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA encoding = 'UTF-16le'")
    db = sqlite_utils.Database(conn)
    for migration in MIGRATIONS:
        migration(db)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS)}")
    assert conn.execute("PRAGMA encoding").fetchone()[0] == "UTF-16le"
    conn.close()
    library = make_library(tmp_path / "lib.db", ["我的计划"])
    raw = path.read_bytes()
    for args in (["--library", path, "list"], ["--library", library, "restore", path]):
        result = run_cli(*args)
        assert result.code == 1 and "UTF-16" in result.err and result.err.count("\n") == 1, result.err
    assert path.read_bytes() == raw
    with Library.open(library) as lib:
        assert lib.db.execute("PRAGMA encoding").fetchone()[0] == "UTF-8"
    assert titles_in(library) == ["我的计划"]


def test_half_written_copies_of_a_killed_process_are_removed_on_the_next_opening(tmp_path):
    path = make_library(tmp_path / "lib.db")
    folder = backup.folder_of(path)
    folder.mkdir()
    dead = 2**22 + 12345  # above Linux's default pid_max: no such process
    left = [
        folder / f"lib.db-20260101-120000.db.{dead}.part",
        folder / f"lib.db-restoring.{dead}.part",
        tmp_path / f".out.pdf.{dead}-abc123.part",
    ]
    alive = folder / f"lib.db-20260101-120001.db.{os.getppid()}.part"  # another process still writing it
    for p in left + [alive]:
        p.write_bytes(b"half")
    assert run_cli("list", library=path).code == 0
    assert not left[0].exists() and not left[1].exists() and alive.exists()
    assert run_cli("export", "1", "--format", "txt", "-o", tmp_path / "out.pdf", library=path).code == 0
    assert not left[2].exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".part")) == []


# ---- the window takes the same paths --------------------------------------------------------------------


def test_the_window_refuses_to_export_over_its_library_and_restores_the_oldest_backup(windows, qtbot, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    path = make_library(tmp_path / "lib.db", ["旧计划"])
    copies = old_backups(path, 10)
    with Library.open(path) as lib:
        plan_id = lib.add_plan(sample_plan(title="新计划"))
    w = windows.open(path, plan=plan_id)
    raw = path.read_bytes()
    w.exports.export_plan(path, "txt")
    qtbot.waitUntil(lambda: w.findChild(QMessageBox, "warningBox") is not None)
    box = w.findChild(QMessageBox, "warningBox")
    assert "lib.db" in box.text()
    if shots := os.environ.get("PLANBOOK_SHOTS"):  # to look at it: PLANBOOK_SHOTS=folder
        box.grab().save(str(Path(shots) / "window-export-refused.png"))
    box.close()
    assert path.read_bytes() == raw
    import datetime as dt

    # the day's backup on opening (by a child process) prunes to ten: the oldest is then the second of January
    def pruned() -> bool:
        found = backup.list_backups(path)
        return found[0].taken_at.date() == dt.date.today() and len(found) == 10

    qtbot.waitUntil(pruned, timeout=20000)
    oldest = backup.list_backups(path)[-1].path
    assert oldest == copies[1]
    for _ in range(2):  # 10, then 11 backups: the oldest is asked for each time
        restored = w.safety.restore_backup(oldest)
        assert restored, [b.text() for b in w.findChildren(QMessageBox)]
        assert oldest.exists()
        assert sorted(p.title for p in w.lib.list_plans()) == ["旧计划"]
