"""SIGKILL at random points of every kind of work, then check that nothing confirmed was lost.

    python benchmarks/bench_kill.py [--kills 500] [--seed 15]

Workers (benchmarks/kill_worker.py) edit, import, restore, back up, reindex and export, in turn, on one library,
printing a line as each step is confirmed. Each is killed (SIGKILL) right after a random number of its own
confirmations, so the kill lands inside the next step; no clock decides when. After every kill the library is
reopened as the user would open it and must be sound (integrity_check ok, hierarchy and foreign keys intact,
no half-written copy left behind after the next opening) and hold every confirmed step:

- edit: the plan equals a replay of the confirmed edits on a copy, or of one more (the one in flight);
- import: every confirmed import's plan is there, at most one more;
- restore: the library holds the last confirmed restore's backup, or the next one's;
- backup: every confirmed backup opens and is sound;
- reindex: a search finds exactly the plans holding a word;
- export: the file is whole (a JSON that reads back as the plan) and no temporary file is left.

Prints a table per kind: kills, confirmed steps, steps lost, failed checks, and the median time from start to
kill (the baseline: a worker killed right after it says it is ready).
"""

from __future__ import annotations

import argparse
import random
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from planbook.core import backup  # noqa: E402
from planbook.core.exchange import dumps, loads  # noqa: E402
from planbook.core.library import Library  # noqa: E402
from planbook.core.search import search  # noqa: E402
from tests.conftest import sample_plan  # noqa: E402
from tests.edit_script import Session  # noqa: E402
from tests.test_editing import check_invariants  # noqa: E402

MODES = ("edit", "import", "restore", "backup", "reindex", "export")


def copy_library(source: Path, target: Path) -> None:
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    src.backup(dst)
    src.close()
    dst.close()


def kill_after(mode: str, library: Path, arg: str, seed: int, steps: int) -> tuple[int, float]:
    """Run a worker, SIGKILL it right after its `steps`-th confirmation (0: right after "ready"). Returns the
    confirmed steps and the seconds from start to kill."""
    started = time.perf_counter()
    worker = subprocess.Popen(
        [sys.executable, str(ROOT / "benchmarks" / "kill_worker.py"), mode, str(library), arg, str(seed)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    seen = []
    try:
        line = worker.stdout.readline()
        if line.strip() != "ready":
            raise RuntimeError(f"{mode} worker did not start: {line!r}")
        while len(seen) < steps and (line := worker.stdout.readline()):
            seen.append(line)
    finally:
        worker.send_signal(signal.SIGKILL)
        out, _ = worker.communicate()
    elapsed = time.perf_counter() - started
    if len(seen) < steps:
        raise RuntimeError(f"{mode} worker ended before it was killed")
    confirmed = [int(x) for x in "".join(seen + [out]).split() if x.isdigit()]
    return (confirmed[-1] if confirmed else 0), elapsed


def sound(path: Path) -> Library:
    lib = Library.open(path)
    assert lib.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    check_invariants(lib)
    return lib


class Bench:
    def __init__(self, work: Path, seed: int) -> None:
        self.work, self.rng = work, random.Random(seed)
        self.library = work / "lib.db"
        with Library.open(self.library) as lib:
            self.plan_id = lib.add_plan(sample_plan(sections=4, tasks_per_section=5))
            lib.add_plan(sample_plan(title="某市教育局2020年工作要点", year=2020))
            # the two copies restored in turn live outside backups/, which the backup workers prune
            self.backups = [work / "first.db"]
            copy_library(self.library, self.backups[0])
            lib.add_plan(sample_plan(title="某市教育局2022年工作要点", year=2022))
            self.backups.append(work / "second.db")
            copy_library(self.library, self.backups[1])
        self.plan_file = work / "plan.json"
        self.plan_file.write_text(dumps(sample_plan(title="导入的计划")), encoding="utf-8")
        self.export = work / "out" / "plan.json"
        self.export.parent.mkdir()
        self.restores = 0  # confirmed restores so far: which backup the library holds

    def titles_of(self, path: Path) -> list[str]:
        with Library.open(path) as lib:
            return sorted(p.title for p in lib.list_plans())

    def one(self, mode: str, run: int) -> tuple[int, float, int]:
        """One kill of a `mode` worker: (confirmed steps, seconds, steps lost). Raises AssertionError on damage."""
        steps = self.rng.randint(0 if mode != "edit" else 1, 3)
        reference = self.work / "ref.db"
        if mode == "edit":
            copy_library(self.library, reference)
        with Library.open(self.library) as lib:
            before = sorted(p.title for p in lib.list_plans())
        arg = {
            "edit": str(self.plan_id),
            "import": str(self.plan_file),
            "restore": ",".join(str(b) for b in self.backups),
            "backup": "-",
            "reindex": "-",
            "export": str(self.export),
        }[mode]
        confirmed, seconds = kill_after(mode, self.library, arg, run, steps)
        lost = 0
        with sound(self.library) as lib:
            backup.daily(lib)  # the next opening: it removes half-written copies of the killed worker
            titles = sorted(p.title for p in lib.list_plans())
            if mode == "edit":
                found = lib.load_plan(self.plan_id)
                with Library.open(reference) as ref:
                    session = Session(ref, self.plan_id, run)
                    for _ in range(confirmed):
                        session.step()
                    after = ref.load_plan(self.plan_id)
                    session.step()
                    in_flight = ref.load_plan(self.plan_id)
                lost += found not in (after, in_flight)
                reference.unlink()
            elif mode == "import":
                mine = [t for t in titles if t.startswith(f"导入{run}-")]
                lost += max(0, confirmed - len(mine))
                assert len(mine) <= confirmed + 1
            elif mode == "restore":
                # the worker restores backups[1], [0], [1] … (step % 2); after `confirmed` of them:
                candidates = [self.titles_of(self.backups[n % 2]) for n in (confirmed, confirmed + 1)]
                if confirmed == 0:
                    candidates[0] = before
                lost += titles not in candidates
            elif mode == "reindex":
                wanted = {p.id for p in lib.list_plans() if "2022" in p.title}
                assert wanted <= set(search(lib, "2022", 100).plan_counts)
            # the next opening removed whatever half-written copy the killed worker left
            assert not list(backup.folder_of(self.library).glob("*.part"))
        if mode == "backup":
            for b in backup.list_backups(self.library)[:confirmed]:
                with sound(b.path):
                    pass
        if mode == "export":
            if self.export.exists():
                loads(self.export.read_text(encoding="utf-8"))  # whole, or it would not parse
            with Library.open(self.library) as lib:  # the next export clears what a killed one left
                from planbook.exporters import EXPORTERS

                EXPORTERS["json"](lib.load_plan(lib.plan_ids()[0]), self.export, None)
            assert [p.name for p in self.export.parent.iterdir()] == ["plan.json"]
        return confirmed, seconds, lost


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=500, help="how many workers to kill (spread over the kinds)")
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args()
    rows = {m: {"kills": 0, "confirmed": 0, "lost": 0, "failed": 0, "seconds": []} for m in MODES}
    baseline = []
    with tempfile.TemporaryDirectory() as tmp:
        bench = Bench(Path(tmp), args.seed)
        for _ in range(3):  # the baseline: start a worker and kill it as soon as it is ready
            baseline.append(kill_after("backup", bench.library, "-", 0, 0)[1])
        for run in range(args.kills):
            mode = MODES[run % len(MODES)]
            row = rows[mode]
            row["kills"] += 1
            try:
                confirmed, seconds, lost = bench.one(mode, run)
            except (AssertionError, RuntimeError, sqlite3.Error) as e:
                row["failed"] += 1
                print(f"run {run} ({mode}): {type(e).__name__}: {e}", file=sys.stderr)
                continue
            row["confirmed"] += confirmed
            row["lost"] += lost
            row["seconds"].append(seconds)
    base = statistics.median(baseline)
    print(
        f"{'work killed':10} {'kills':>6} {'confirmed':>10} {'lost':>5} {'failed':>7} {'s to kill':>10} {'× base':>7}"
    )
    print(f"{'(baseline)':10} {len(baseline):>6} {'':>10} {'':>5} {'':>7} {base:10.2f} {1:7.1f}")
    for mode, row in rows.items():
        med = statistics.median(row["seconds"]) if row["seconds"] else float("nan")
        print(
            f"{mode:10} {row['kills']:>6} {row['confirmed']:>10} {row['lost']:>5} {row['failed']:>7} {med:10.2f} "
            f"{med / base:7.1f}"
        )
    total = {k: sum(r[k] for r in rows.values()) for k in ("kills", "confirmed", "lost", "failed")}
    print(f"{'all':10} {total['kills']:>6} {total['confirmed']:>10} {total['lost']:>5} {total['failed']:>7}")
    return 1 if total["lost"] or total["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
