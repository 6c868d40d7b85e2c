"""Two programs on one library: both write, neither corrupts it nor loses the other's confirmed edits."""

import subprocess
import sys

from planbook.core.library import Library

from .conftest import ROOT, run_cli, sample_plan
from .edit_script import Session
from .test_crash_safety import copy_library
from .test_editing import check_invariants
from .test_model_based import strip

STEPS = 300


def worker(path, plan_id, seed):
    return subprocess.Popen(
        [sys.executable, str(ROOT / "tests" / "crash_worker.py"), str(path), str(plan_id), str(seed), str(STEPS)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_two_editing_processes_and_a_cli_on_one_library(tmp_path):
    path = tmp_path / "lib.db"
    with Library.open(path) as lib:
        a = lib.add_plan(sample_plan(title="甲计划"))
        b = lib.add_plan(sample_plan(title="乙计划"))
    reference = tmp_path / "ref.db"
    copy_library(path, reference)

    first, second = worker(path, a, 1), worker(path, b, 2)
    # a third program adds plans while both edit
    added = [run_cli("new", "--title", f"丙{i}", library=path) for i in range(5)]
    for proc in (first, second):
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        assert out.split()[-1] == str(STEPS)
    assert all(r.code == 0 for r in added), [r.err for r in added]

    with Library.open(path) as lib, Library.open(reference) as ref:
        assert lib.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        check_invariants(lib)
        for plan_id, seed in ((a, 1), (b, 2)):
            session = Session(ref, plan_id, seed)
            for _ in range(STEPS):
                session.step()
            # ids differ where the two processes interleaved their inserts; the content may not
            assert strip(lib.load_plan(plan_id).nodes) == strip(ref.load_plan(plan_id).nodes)
        titles = [p.title for p in lib.list_plans()]
        assert all(f"丙{i}" in titles for i in range(5))


def test_opening_the_library_again_keeps_this_process_s_locks(tmp_path):
    """A second Library.open in a process (the search panel's counting thread does this) must not drop the
    first connection's locks: POSIX locks go when any descriptor of the file is closed, so the opening checks
    read the file through SQLite only. Without the lock, another program closing the library believes it is
    the last user, checkpoints and deletes the WAL under this process's feet."""
    path = tmp_path / "lib.db"
    with Library.open(path) as lib:
        lib.add_plan(sample_plan())
    holder = Library.open(path)
    try:
        holder.list_plans()  # a live connection, as the window has
        Library.open(path).close()
        Library.check_file(path)
        other = subprocess.run(
            [
                sys.executable,
                "-c",
                (
                    "import sqlite3, sys; c = sqlite3.connect(sys.argv[1])\n"
                    "c.execute(\"UPDATE plans SET title = '另一个程序改的'\"); c.commit(); c.close()"
                ),
                str(path),
            ],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert other.returncode == 0, other.stderr
        assert path.with_name("lib.db-wal").exists(), "the other program thought it was the library's last user"
        assert holder.list_plans()[0].title == "另一个程序改的"
    finally:
        holder.close()
