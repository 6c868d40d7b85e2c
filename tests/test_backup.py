"""Backups: daily copies on opening, `planbook backup`, `planbook restore`, and nothing lost on the way."""

import datetime as dt
import json
import os
import sqlite3
from pathlib import Path

import pytest

from planbook.core import backup
from planbook.core.exchange import dumps
from planbook.core.library import Library

from .conftest import run_cli, sample_plan


def test_the_first_write_of_the_day_leaves_one_backup(tmp_path, library):
    (tmp_path / "p.json").write_text(dumps(sample_plan()), encoding="utf-8")
    run_cli("import", tmp_path / "p.json", library=library)
    assert backup.list_backups(library) == []  # an empty library is not worth a copy
    for _ in range(3):
        run_cli("new", "--title", "又一个", library=library)
    found = backup.list_backups(library)
    assert len(found) == 1 and found[0].taken_at.date() == dt.date.today()
    listed = run_cli("backup", "--list", library=library)
    assert str(found[0].path) in listed.out


def test_backup_then_restore_brings_back_a_deleted_plan(tmp_path, library):
    (tmp_path / "p.json").write_text(dumps(sample_plan()), encoding="utf-8")
    run_cli("import", tmp_path / "p.json", library=library)
    shown = run_cli("show", "1", library=library).out
    made = run_cli("backup", library=library)
    assert made.code == 0, made.err
    copy = made.out.strip()
    assert run_cli("delete", "1", library=library).code == 0
    restored = run_cli("restore", copy, library=library)
    assert restored.code == 0, restored.err
    assert run_cli("show", "1", library=library).out == shown
    # what was there before the restore (no plan 1) is itself a backup, so the restore can be undone
    before = restored.out.split("kept as ")[1].strip()
    with Library.open(before) as lib:
        assert lib.plan_ids() == []


def test_a_backup_is_one_consistent_self_contained_file(tmp_path):
    with Library.open(tmp_path / "lib.db") as lib:
        lib.add_plan(sample_plan())
        path = backup.backup(lib)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert conn.execute("SELECT count(*) FROM plans").fetchone()[0] == 1
    conn.close()


def test_only_the_newest_backups_are_kept(tmp_path):
    with Library.open(tmp_path / "lib.db") as lib:
        lib.add_plan(sample_plan())
        folder = backup.folder_of(lib.path)
        folder.mkdir()
        for day in range(1, 15):
            (folder / f"lib-202001{day:02d}-120000.db").write_bytes(b"")
        (folder / "notes.txt").write_text("not a backup")
        backup.backup(lib, keep=10)
    names = sorted(p.name for p in folder.iterdir())
    assert len([n for n in names if n.endswith(".db")]) == 10 and "notes.txt" in names
    assert "lib-20200105-120000.db" not in names and "lib-20200114-120000.db" in names


def test_restoring_a_damaged_or_foreign_file_changes_nothing(tmp_path, library):
    (tmp_path / "p.json").write_text(dumps(sample_plan()), encoding="utf-8")
    run_cli("import", tmp_path / "p.json", library=library)
    shown = run_cli("show", "1", library=library).out
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 40)
    foreign = tmp_path / "foreign.db"
    sqlite3.connect(foreign).execute("CREATE TABLE t (x)").connection.close()
    for bad in (junk, foreign, tmp_path / "missing.db"):
        result = run_cli("restore", bad, library=library)
        assert result.code == 1 and result.err.count("\n") == 1 and "Traceback" not in result.err, result.err
    assert run_cli("show", "1", library=library).out == shown


def _plans(n: int):
    for i in range(n):
        plan = sample_plan(sections=4, tasks_per_section=5, title=f"某市教育局{2000 + i}年工作要点", year=2000 + i)
        for k, node in enumerate(plan.walk()):
            node.body = f"第{i}号方案第{k}项：统筹推进义务教育优质均衡发展，落实立德树人根本任务。" * 3
        yield plan


def test_a_backup_leaves_the_search_index_out_and_a_restore_rebuilds_it(tmp_path, library):
    with Library.open(library) as lib, lib.transaction():
        for plan in _plans(40):
            lib.add_plan(plan)
    assert "某市教育局2007年" in run_cli("search", "第7号方案", library=library).out  # builds the index
    shown = run_cli("show", "8", "--json", library=library).out
    made = run_cli("backup", library=library)
    assert made.code == 0, made.err
    copy = Path(made.out.strip())
    assert copy.stat().st_size < library.stat().st_size * 0.65  # the index is near half of a library (v12: 0.61)
    with Library.open(copy) as lib:  # a copy is a library as this version makes them (schema checked on opening)
        assert len(lib.plan_ids()) == 40
        assert lib.db.execute("SELECT value FROM search_meta WHERE key = 'tokenizer'").fetchone()[0] == "unbuilt"
        assert lib.db.execute("SELECT count(*) FROM search_fts_data").fetchone()[0] <= 10  # an empty index
    assert run_cli("delete", "8", library=library).code == 0
    restored = run_cli("restore", copy, library=library)
    assert restored.code == 0, restored.err
    assert run_cli("show", "8", "--json", library=library).out == shown
    with Library.open(library) as lib:  # rebuilt by the restore, not left for the first search
        assert lib.db.execute("SELECT value FROM search_meta WHERE key = 'tokenizer'").fetchone()[0] != "unbuilt"
    found = run_cli("search", "第8号方案", "--json", library=library)
    assert json.loads(found.out)["total"] > 0, found.out


def test_a_backup_is_one_snapshot_while_another_connection_writes(tmp_path):
    with Library.open(tmp_path / "lib.db") as lib:
        for plan in _plans(3):
            lib.add_plan(plan)
        writer = sqlite3.connect(lib.path, isolation_level=None)
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("UPDATE plans SET title = '改了一半' WHERE id = 1")  # not committed while the copy is made
        path = backup.backup(lib)
        writer.execute("COMMIT")
        writer.close()
    with Library.open(path) as copy:
        assert copy.load_plan(1).title == "某市教育局2000年工作要点"
        assert copy.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_reading_commands_take_no_backup_and_the_window_takes_it_off_its_thread(tmp_path, library):
    with Library.open(library) as lib:
        lib.add_plan(sample_plan())
    for command in (["list"], ["show", "1"], ["search", "教育"], ["check", "1"]):
        assert run_cli(*command, library=library).code in (0, 1)
    assert backup.list_backups(library) == []  # the first `list` of the day does not wait for a copy
    with Library.open(library) as lib:
        done = []
        thread = backup.daily_in_background(lib, done.append)
        assert thread is not None
        thread.join(60)
        assert backup.daily_in_background(lib) is None  # once a day
    assert done == [backup.list_backups(library)[0].path]


def test_the_daily_copy_is_made_by_a_child_process_at_idle_priority(tmp_path, library, monkeypatch):
    """The window's keystrokes never wait behind the day's copy: not for the CPU (the child runs at idle
    priority) and not for Python's lock (no thread of the window's process runs at idle priority)."""
    import os
    import subprocess
    import sys
    import threading

    with Library.open(library) as lib:
        lib.add_plan(sample_plan())
        here = []
        monkeypatch.setattr(backup, "compact_copy", lambda *a, **k: here.append(a))  # never in this process
        made = []
        thread = backup.daily_in_background(lib, made.append)
        assert thread is not None
        thread.join(60)
    assert here == [] and made == [backup.list_backups(library)[0].path]
    with Library.open(made[0]) as copy:
        assert copy.load_plan(1).title == sample_plan().title
    if hasattr(os, "SCHED_IDLE"):
        assert os.sched_getscheduler(threading.get_native_id()) != os.SCHED_IDLE
        probe = (
            "from planbook.core import backup; backup.yield_to_the_window(); import os; print(os.sched_getscheduler(0))"
        )
        out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
        assert int(out) == os.SCHED_IDLE


def test_a_daily_copy_that_fails_in_its_child_says_none(tmp_path, library):
    with Library.open(library) as lib:
        lib.add_plan(sample_plan())
    assert backup.copy_in_child(tmp_path / "no such library.db") is None
    assert backup.copy_in_child(library) is not None


def test_a_child_that_cannot_run_leaves_the_copy_to_this_thread(tmp_path, library, monkeypatch):
    """No interpreter, or one without the package: the day's copy is made here instead of not at all."""
    import sys

    with Library.open(library) as lib:
        lib.add_plan(sample_plan())
    monkeypatch.setattr(backup, "child_command", lambda path, keep: [sys.executable, "-c", "import sys; sys.exit(1)"])
    made = backup.copy_in_child(library)
    assert made is not None and made == backup.list_backups(library)[0].path
    monkeypatch.setattr(backup, "child_command", lambda path, keep: [str(tmp_path / "no such program")])
    assert backup.copy_in_child(library) is not None and len(backup.list_backups(library)) == 2


@pytest.mark.skipif(not hasattr(os, "SCHED_IDLE"), reason="Linux's SCHED_IDLE (Windows: IDLE_PRIORITY_CLASS)")
def test_the_copying_child_is_put_at_idle_priority_by_the_window_as_soon_as_it_exists():
    """Before the child's own Python has started, the window's side puts it at SCHED_IDLE, so its start-up never
    takes a core from the keystrokes."""
    import subprocess
    import sys

    child = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE)
    try:
        backup.yield_to_the_window(child.pid)
        assert os.sched_getscheduler(child.pid) == os.SCHED_IDLE
        assert os.sched_getscheduler(0) != os.SCHED_IDLE  # this process keeps its own
    finally:
        child.communicate(b"")
