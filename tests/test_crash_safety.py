"""Killed mid-edit, the library loses nothing that was confirmed and stays sound.

A worker process edits through `editing.apply` (the GUI's path) and is killed with SIGKILL at random moments.
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
import time

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


def test_sigkill_mid_edit_loses_no_confirmed_edit(tmp_path):
    path = tmp_path / "lib.db"
    with Library.open(path) as lib:
        plan_id = lib.add_plan(sample_plan(sections=4, tasks_per_section=5))
    rng = random.Random(2026)
    total_confirmed = 0
    for run in range(RUNS):
        reference = tmp_path / f"ref{run}.db"
        copy_library(path, reference)
        worker = subprocess.Popen([sys.executable, str(ROOT / "tests" / "crash_worker.py"), str(path),
                                   str(plan_id), str(run)], stdout=subprocess.PIPE, text=True)
        time.sleep(rng.uniform(0.3, 1.2))
        worker.send_signal(signal.SIGKILL)
        out, _ = worker.communicate()
        confirmed = int(out.split()[-1]) if out.split() else 0
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
    assert total_confirmed > RUNS  # the worker really got to edit before being killed
