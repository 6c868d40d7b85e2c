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


def kill_after(path, plan_id, seed, edits):
    """Start a worker, SIGKILL it as soon as it has confirmed `edits` edits; returns how many it confirmed."""
    worker = subprocess.Popen(
        [sys.executable, str(ROOT / "tests" / "crash_worker.py"), str(path), str(plan_id), str(seed)],
        stdout=subprocess.PIPE,
        text=True,
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


def test_sigkill_mid_edit_loses_no_confirmed_edit(tmp_path):
    path = tmp_path / "lib.db"
    with Library.open(path) as lib:
        plan_id = lib.add_plan(sample_plan(sections=4, tasks_per_section=5))
    rng = random.Random(2026)
    total_confirmed = 0
    for run in range(RUNS):
        reference = tmp_path / f"ref{run}.db"
        copy_library(path, reference)
        confirmed = kill_after(path, plan_id, run, rng.randint(1, 6))
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
