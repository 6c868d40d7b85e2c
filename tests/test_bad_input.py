"""Every bad input gets a clear one-line message, and the file is left byte-for-byte as it was."""

import hashlib
import sqlite3
import subprocess
from pathlib import Path

import pytest

from planbook.core.library import Library
from planbook.core.schema import APPLICATION_ID, SCHEMA_VERSION

from .conftest import run_cli


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_refused(result, *words):
    assert result.code == 1, result
    assert result.err.startswith("planbook: ") and result.err.count("\n") == 1, result.err
    assert "Traceback" not in result.err
    for word in words:
        assert word in result.err, result.err


WRITING_COMMANDS = [("list",), ("new", "--title", "甲"), ("show", "1")]


@pytest.mark.parametrize("args", WRITING_COMMANDS)
def test_a_text_file_is_not_a_library(tmp_path, args):
    path = tmp_path / "notes.db"
    path.write_text("这不是数据库\n" * 100, encoding="utf-8")
    before = digest(path)
    assert_refused(run_cli(*args, library=path), "not a Planbook library", "not an SQLite database")
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]


@pytest.mark.parametrize("args", WRITING_COMMANDS)
def test_another_programs_sqlite_file_is_left_alone(tmp_path, args):
    path = tmp_path / "firefox.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    conn.execute("INSERT INTO moz_places (url) VALUES ('https://example.org')")
    conn.commit()
    conn.close()
    before = digest(path)
    assert_refused(run_cli(*args, library=path), "another program")
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["firefox.sqlite"]


def test_a_library_from_a_newer_planbook_is_not_touched(tmp_path):
    path = tmp_path / "future.db"
    Library.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.execute("PRAGMA journal_mode = DELETE")  # fold the WAL in so the file alone is the library
    conn.close()
    before = digest(path)
    assert_refused(run_cli("list", library=path), "newer Planbook")
    assert_refused(run_cli("new", "--title", "甲", library=path), "newer Planbook")
    assert digest(path) == before


def test_a_truncated_library_is_reported(tmp_path):
    path = tmp_path / "lib.db"
    with Library.open(path) as lib:
        from .conftest import sample_plan

        for _ in range(20):
            lib.add_plan(sample_plan())
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    before = digest(path)
    result = run_cli("show", "20", library=path)
    assert result.code == 1 and "Traceback" not in result.err and result.err.count("\n") == 1
    assert digest(path) == before


def test_a_folder_is_not_a_library(tmp_path):
    assert_refused(run_cli("list", library=tmp_path), "is a folder")


def test_malformed_json_import_adds_nothing(tmp_path, library):
    run_cli("new", "--title", "已有计划", library=library)
    cases = {
        "broken.json": '{"format": "planbook/1", "plan": {"title": "x"',
        "other.json": '{"format": "something/2"}',
        "types.json": '{"format": "planbook/1", "plan": {"title": 5}}',
        "hierarchy.json": '{"format": "planbook/1", "plan": {"title": "x", "nodes": '
        '[{"kind": "task", "children": [{"kind": "section"}]}]}}',
        "date.json": '{"format": "planbook/1", "plan": {"title": "x", "notice": {"signed_on": "2020-13-45"}}}',
        "gbk.json": None,
    }
    for name, text in cases.items():
        path = tmp_path / name
        if text is None:
            path.write_bytes('{"format": "planbook/1", "plan": {"title": "湖南"}}'.encode("gbk"))
        else:
            path.write_text(text, encoding="utf-8")
        result = run_cli("import", path, library=library)
        assert result.code == 1, name
        assert name in result.err and "Traceback" not in result.err, result.err
    assert "section cannot sit inside a task" in run_cli("import", tmp_path / "hierarchy.json", library=library).err
    assert "YYYY-MM-DD" in run_cli("import", tmp_path / "date.json", library=library).err
    listing = run_cli("list", library=library).out
    assert listing.count("\n") == 1 and "已有计划" in listing


def test_good_and_bad_files_in_one_import(tmp_path, library):
    from planbook.core.exchange import dumps

    from .conftest import sample_plan

    good = tmp_path / "good.json"
    good.write_text(dumps(sample_plan()), encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    result = run_cli("import", bad, good, library=library)
    assert result.code == 1 and "bad.json" in result.err
    assert "某市教育局2021年工作要点" in result.out
    assert len(run_cli("list", "--json", library=library).out.split('"id"')) == 2


def test_unsupported_file_kind(tmp_path, library):
    path = tmp_path / "plan.xyz"
    path.write_text("x")
    assert_refused(run_cli("import", path, library=library), "plan.xyz")


def read_only_mount(folder: Path) -> list[str]:
    """A wrapper that runs the command with `folder` mounted read-only (a user and mount namespace: no root
    needed, and unlike file modes it holds for root too), as a library on a CD or a locked share would be."""
    probe = subprocess.run(["unshare", "-rm", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip(f"cannot make a read-only mount here: {probe.stderr.decode().strip()}")
    script = f'mount --bind "{folder}" "{folder}" && mount -o remount,bind,ro "{folder}" && exec "$@"'
    return ["unshare", "-rm", "sh", "-c", script, "sh"]


def test_a_read_only_library_opens_for_reading_only(tmp_path):
    folder = tmp_path / "cd"
    folder.mkdir()
    path = folder / "lib.db"
    with Library.open(path) as lib:
        from .conftest import sample_plan

        lib.add_plan(sample_plan())
    before = digest(path)
    ro = read_only_mount(folder)
    listing = run_cli("list", library=path, wrapper=ro)
    assert listing.code == 0, listing.err
    assert "某市教育局2021年工作要点" in listing.out
    assert "1.任务1-1。" in run_cli("show", "1", library=path, wrapper=ro).out
    assert_refused(run_cli("new", "--title", "甲", library=path, wrapper=ro), "read-only")
    assert_refused(run_cli("delete", "1", library=path, wrapper=ro), "read-only")
    assert digest(path) == before
    assert sorted(p.name for p in folder.iterdir()) == ["lib.db"]


def test_opening_marks_and_migrates_a_new_library(tmp_path):
    path = tmp_path / "new.db"
    Library.open(path).close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_an_empty_file_becomes_a_library(tmp_path):
    path = tmp_path / "empty.db"
    path.touch()
    assert run_cli("new", "--title", "甲", library=path).code == 0
    assert "甲" in run_cli("list", library=path).out


def test_randomly_damaged_libraries_answer_in_one_line(tmp_path):
    import random

    from .conftest import sample_plan

    pristine = tmp_path / "pristine.db"
    with Library.open(pristine) as lib:
        for _ in range(30):
            lib.add_plan(sample_plan(sections=4))
    conn = sqlite3.connect(pristine)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    data = pristine.read_bytes()
    rng = random.Random(9704)
    for trial in range(8):
        damaged = bytearray(data)
        start = rng.randrange(100, len(data) - 4096)
        damaged[start : start + 4096] = rng.randbytes(4096)
        path = tmp_path / f"damaged{trial}.db"
        path.write_bytes(bytes(damaged))
        for args in (
            ("list",),
            ("show", str(rng.randint(1, 30))),
            ("export", "3", "--format", "txt", "-o", tmp_path / "out.txt"),
        ):
            result = run_cli(*args, library=path)
            assert result.code in (0, 1) and "Traceback" not in result.err, (trial, args, result.err)
            if result.code:
                assert result.err.count("\n") == 1, result.err
