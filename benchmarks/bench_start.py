"""Start-up: `planbook --version` and start to first shown window with a 1,000-plan library, from source and
from the bundle (dist/planbook, if built), against a bare QApplication + QMainWindow started the same way.

    python benchmarks/bench_start.py [--plans 1000] [--runs 7] [--bundle dist/planbook]

Targets (issue 9): window ≤ 1.0 s median from source and bundle; --version ≤ 0.3 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from generate import generate_plans  # noqa: E402

from planbook.core.library import Library  # noqa: E402

BARE = (
    "import time; from PySide6.QtWidgets import QApplication, QMainWindow; app = QApplication([]); "
    "w = QMainWindow(); w.resize(1280, 800); w.show(); app.processEvents(); print(f'shown {time.time():.6f}')"
)


def timed_runs(command: list[str], env: dict, runs: int, until_shown: bool) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.time()
        out = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
        if out.returncode != 0:
            raise SystemExit(f"{' '.join(command)} failed: {out.stderr[-500:]}")
        end = float(out.stdout.split("shown ")[-1]) if until_shown else time.time()
        times.append(end - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "planbook")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        library = Path(tmp) / "lib.db"
        with Library.open(library) as lib, lib.transaction():
            for plan in generate_plans(args.plans):
                lib.add_plan(plan)
        env = {
            **os.environ,
            "PLANBOOK_LIBRARY": str(library),
            "QT_QPA_PLATFORM": "offscreen",
            "PLANBOOK_SETTINGS": str(Path(tmp) / "settings.ini"),
            "PLANBOOK_QUIT_WHEN_SHOWN": "1",
        }
        rows = [
            ("bare QApplication + QMainWindow", timed_runs([sys.executable, "-c", BARE], env, args.runs, True), None),
            (
                "source: planbook --version",
                timed_runs([sys.executable, "main.py", "--version"], env, args.runs, False),
                0.3,
            ),
            ("source: window shown", timed_runs([sys.executable, "main.py"], env, args.runs, True), 1.0),
        ]
        exe = args.bundle / ("planbook.exe" if os.name == "nt" else "planbook")
        if exe.exists():
            rows += [
                ("bundle: planbook --version", timed_runs([str(exe), "--version"], env, args.runs, False), 0.3),
                ("bundle: window shown", timed_runs([str(exe)], env, args.runs, True), 1.0),
            ]
        else:
            print(f"(no bundle at {args.bundle}: `make dist` first to time it)")
    base = statistics.median(rows[0][1])
    print(f"{args.plans} plans in the library, {args.runs} runs each\n")
    print(f"{'what':<34} {'median s':>9} {'max s':>7} {'target':>10} {'× bare Qt':>10}")
    for name, times, target in rows:
        med = statistics.median(times)
        verdict = "" if target is None else f"≤{target} " + ("ok" if med <= target else "MISS")
        print(f"{name:<34} {med:>9.3f} {max(times):>7.3f} {verdict:>10} {med / base:>10.1f}")


if __name__ == "__main__":
    main()
