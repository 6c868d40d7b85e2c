"""Killed mid-edit, the library loses nothing that was confirmed and stays sound.

A worker process edits through `editing.apply` (the GUI's path) and is killed with SIGKILL at a random point
of its own work: right after it confirms a randomly chosen edit, so while it starts the next one. The kill is
timed by what the worker says, never by the clock, so a busy machine changes nothing but the speed.
After each kill the library is reopened and compared with a replay of the same edits on a copy taken before
the run: it must equal the state after the last confirmed edit, or after the one in flight.
PLANBOOK_CRASH_RUNS sets the number of kills (default 12 for CI; use hundreds locally).
"""

import os
import random
import signal
import sqlite3
import subprocess
import sys

import pytest

from planbook.core.library import Library

from .conftest import ROOT, sample_plan
from .edit_script import Session
from .test_editing import check_invariants

RUNS = int(os.environ.get("PLANBOOK_CRASH_RUNS", "12"))


def copy_library(source, target):
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    src.backup(dst)
    src.close()
    dst.close()


def kill_after(path, plan_id, seed, edits, as_window=False):
    """Start a worker, SIGKILL it as soon as it has confirmed `edits` edits; returns how many it confirmed."""
    env = {**os.environ, "PLANBOOK_WORKER_AS_WINDOW": "1"} if as_window else None
    worker = subprocess.Popen(
        [sys.executable, str(ROOT / "tests" / "crash_worker.py"), str(path), str(plan_id), str(seed)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    lines = []
    try:
        while len(lines) < edits and (line := worker.stdout.readline()):
            lines.append(line)
    finally:
        worker.send_signal(signal.SIGKILL)
        out, _ = worker.communicate()
    counts = [int(w) for w in "".join(lines + [out]).split()]
    assert len(lines) == edits, "the worker ended before it was killed"
    return counts[-1]


@pytest.mark.parametrize("as_window", [False, True], ids=["command-line", "window"])
def test_sigkill_mid_edit_loses_no_confirmed_edit(tmp_path, as_window):
    """As the command line commits (synchronous = FULL) and as the window does (NORMAL, the WAL synced on a
    thread of its own: core/walsync.py): a killed program loses no commit either way."""
    path = tmp_path / "lib.db"
    with Library.open(path) as lib:
        plan_id = lib.add_plan(sample_plan(sections=4, tasks_per_section=5))
    rng = random.Random(2026)
    total_confirmed = 0
    for run in range(RUNS):
        reference = tmp_path / f"ref{run}.db"
        copy_library(path, reference)
        confirmed = kill_after(path, plan_id, run, rng.randint(1, 6), as_window)
        total_confirmed += confirmed

        with Library.open(path) as lib:
            assert lib.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            check_invariants(lib)
            found = lib.load_plan(plan_id)
        with Library.open(reference) as ref:
            session = Session(ref, plan_id, run)
            for _ in range(confirmed):
                session.step()
            after_confirmed = ref.load_plan(plan_id)
            session.step()
            after_in_flight = ref.load_plan(plan_id)
        assert found in (after_confirmed, after_in_flight), f"run {run}: edits lost after {confirmed} confirmed"
        reference.unlink()
    assert total_confirmed >= RUNS  # the worker really got to edit before being killed


def test_the_window_commits_without_waiting_for_the_disk_and_a_thread_syncs_each_commit(tmp_path):
    """`sync_in_background` (what the window's library session does): synchronous = NORMAL on the connection, and
    after each commit the WAL file is fsynced by the thread; closing syncs once more and stops it. A read-only
    library and the command line (no call) keep waiting for the disk (FULL)."""
    path = tmp_path / "lib.db"
    with Library.open(path) as lib:
        assert lib.db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL: the command line's
        lib.sync_in_background()
        lib.sync_in_background()  # twice is once
        assert lib.db.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
        sync = lib._wal_sync
        assert sync is not None and sync._thread.is_alive()
        before = sync.synced
        lib.add_plan(sample_plan())
        assert sync.wait_synced(before + 1, timeout=30)  # the commit reached the disk, on the thread
        plan_id = lib.plan_ids()[0]
        for i in range(5):  # a burst of keystrokes: each committed, synced together soon after
            lib.update_plan(plan_id, {"title": f"某市教育局2021年工作要点{i}"})
        assert sync.wait_synced(before + 2, timeout=30)
    assert not sync._thread.is_alive()
    with Library.open(path) as again:
        assert again.load_plan_header(plan_id).title == "某市教育局2021年工作要点4"
