"""Library speed: open, list and load with N generated plans, against plain sqlite3 doing the least it can.

    python benchmarks/bench_library.py [--plans 1000] [--runs 30]

Targets (medians): opening ≤ 100 ms, loading a 100-task plan ≤ 20 ms.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate_plan, generate_plans, sentences  # noqa: E402
from timing import timed  # noqa: E402

from planbook.core.library import Library  # noqa: E402


def build(path: Path, n: int) -> int:
    """A library of n plans; returns the id of one 100-task plan among them."""
    with Library.open(path) as lib, lib.transaction():
        for plan in generate_plans(n - 1):
            lib.add_plan(plan)
        pool, _ = sentences()
        return lib.add_plan(generate_plan(random.Random(7), pool, 100, 2020))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    _, real = sentences()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        start = time.perf_counter()
        big = build(path, args.plans)
        built = time.perf_counter() - start
        size = path.stat().st_size / 2**20
        print(
            f"library: {args.plans} plans, {size:.1f} MB, built in {built:.1f} s "
            f"({'seed sentences' if real else 'built-in vocabulary: seeds not found'})\n"
        )

        lib = Library.open(path)
        raw = sqlite3.connect(path)
        rows = [
            (
                "open the library",
                timed(lambda: Library.open(path).close(), args.runs),
                "sqlite3.connect + one query",
                timed(lambda: sqlite3.connect(path).execute("SELECT count(*) FROM plans").fetchone(), args.runs),
                100,
            ),
            (
                "list all plans",
                timed(lib.list_plans, args.runs),
                "SELECT id, title FROM plans",
                timed(lambda: raw.execute("SELECT id, title FROM plans").fetchall(), args.runs),
                None,
            ),
            (
                "load a 100-task plan",
                timed(lambda: lib.load_plan(big), args.runs),
                "SELECT its node and field rows",
                timed(
                    lambda: (
                        raw.execute("SELECT * FROM nodes WHERE plan_id = ?", [big]).fetchall(),
                        raw.execute(
                            "SELECT f.* FROM fields f JOIN nodes n ON n.id = f.node_id WHERE n.plan_id = ?", [big]
                        ).fetchall(),
                    ),
                    args.runs,
                ),
                20,
            ),
        ]
        print(
            f"{'operation':<22} {'median ms':>10} {'p95 ms':>8} {'target':>8}   {'baseline':<30} {'median ms':>10}"
            f" {'ratio':>6}"
        )
        for name, times, base_name, base, target in rows:
            med, base_med = statistics.median(times), statistics.median(base)
            p95 = sorted(times)[int(len(times) * 0.95) - 1]
            verdict = "" if target is None else (f"≤{target}" + (" ok" if med <= target else " MISS"))
            print(
                f"{name:<22} {med:>10.2f} {p95:>8.2f} {verdict:>8}   {base_name:<30} {base_med:>10.2f}"
                f" {med / base_med:>6.1f}"
            )
        lib.close()
        raw.close()


if __name__ == "__main__":
    main()
