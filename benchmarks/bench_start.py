"""Start-up: `planbook --version`, start to first shown window, and the first `planbook list` of the day, from
source and from the bundle (dist/planbook, if built), against a bare QApplication + QMainWindow and a bare SELECT
of the same list, started the same way in the same run.

    python benchmarks/bench_start.py [--plans 1000 | --library LIB] [--runs 7] [--bundle dist/planbook]
                                     [--against DIR]

`--library LIB` times an existing library (e.g. bench_growth's 10,000-plan one) instead of generating one; it is
copied first (read-only, through SQLite), so the original is never touched, not even migrated. Every start is the first of the day: the backups folder is
emptied before each one, so the daily backup is due (it runs on a worker and must not delay the window).
`--against DIR` also times another checkout of Planbook (`git worktree add /tmp/old <commit>`), alternated run
by run with this one on the same library, so both meet the same machine load: an A/B of a change.

Both checkouts are compiled to bytecode first (`compileall`), as an installed Planbook or the bundle is: with
PYTHONDONTWRITEBYTECODE set, a checkout would otherwise compile every module it imports on every start.

Targets (issues 9 and 22): window ≤ 1.0 s median from source and bundle; --version ≤ 0.3 s.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import sqlite3
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
    "w = QMainWindow(); w.resize(1280, 800); w.show(); app.processEvents(); "
    "print(f'startup cpu {time.process_time():.6f}'); print(f'shown {time.time():.6f}')"
)
SELECT = (
    "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
    "rows = c.execute('SELECT p.id, p.title, p.year, p.status, n.doc_number FROM plans p "
    "LEFT JOIN notices n ON n.plan_id = p.id ORDER BY p.year DESC, p.title').fetchall(); "
    "print('\\n'.join(f'{r[0]} {r[1]}' for r in rows))"
)


def timed(command: list[str], env: dict, cwd: Path, until_shown: bool) -> tuple[float, float]:
    """Wall seconds (to the window shown, or to the end) and the CPU seconds the process used: until the window
    was shown when it says so, else in all (to its exit)."""
    cpu = _children_cpu()
    start = time.time()
    out = subprocess.run(command, capture_output=True, text=True, env=env, cwd=cwd, timeout=600)
    if out.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed: {out.stderr[-500:]}")
    end = float(out.stdout.split("shown ")[-1]) if until_shown else time.time()
    if "startup cpu " in out.stdout:  # the window says what CPU it had used when shown (older code does not)
        return end - start, float(out.stdout.split("startup cpu ")[1].split()[0])
    return end - start, _children_cpu() - cpu


def _children_cpu() -> float:
    # On a loaded machine the wall clock mostly measures the wait for a core; CPU time is the work itself.
    if os.name == "nt":
        return 0.0
    import resource

    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def first_of_day(library: Path) -> None:
    """No backup today yet: the next start takes the daily backup (on its worker)."""
    shutil.rmtree(library.parent / "backups", ignore_errors=True)


def make_library(args: argparse.Namespace, tmp: Path) -> Path:
    library = tmp / "lib.db"
    if args.library:
        copy_library(Path(args.library), library)
        return library
    with Library.open(library) as lib, lib.transaction():
        for plan in generate_plans(args.plans):
            lib.add_plan(plan)
    return library


def copy_library(source: Path, target: Path) -> None:
    """SQLite's backup API from a read-only connection: the -wal comes along, and the source is not touched
    (opening it as a Library would migrate a library of an older version in place)."""
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()


def checkout_rows(name: str, where: Path, env: dict, library: Path) -> dict[str, tuple]:
    """The timed commands of one checkout: (command, folder, until_shown, before each run, target, environment).
    Each checkout has a copy of the library of its own: one that migrates it must not lock the other out."""
    python = sys.executable
    env = {**env, "PLANBOOK_LIBRARY": str(library)}
    fresh = lambda: first_of_day(library)  # noqa: E731
    return {
        f"{name}: planbook --version": ([python, "main.py", "--version"], where, False, None, 0.3, env),
        f"{name}: window shown (first start of the day)": ([python, "main.py"], where, True, fresh, 1.0, env),
        f"{name}: planbook list (first of the day)": ([python, "main.py", "list"], where, False, fresh, None, env),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=1000)
    parser.add_argument("--library", type=Path, help="time this library (copied first) instead of generating one")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "planbook")
    parser.add_argument("--against", type=Path, help="another checkout of Planbook, alternated with this one")
    args = parser.parse_args()
    checkouts = [("source", ROOT)] + ([("against", args.against.resolve())] if args.against else [])
    for _, where in checkouts:
        subprocess.run([sys.executable, "-m", "compileall", "-q", "planbook"], cwd=where, capture_output=True)
    with tempfile.TemporaryDirectory() as tmp:
        library = make_library(args, Path(tmp))
        env = {
            **os.environ,
            "PLANBOOK_LIBRARY": str(library),
            "QT_QPA_PLATFORM": "offscreen",
            "PLANBOOK_SETTINGS": str(Path(tmp) / "settings.ini"),
            "PLANBOOK_QUIT_WHEN_SHOWN": "1",
        }
        rows: dict[str, tuple] = {
            "bare QApplication + QMainWindow": ([sys.executable, "-c", BARE], ROOT, True, None, None, env),
            "bare SELECT of the list": ([sys.executable, "-c", SELECT, str(library)], ROOT, False, None, None, env),
        }
        for name, where in checkouts:
            own = library
            if name != "source":
                (Path(tmp) / name).mkdir()
                own = Path(tmp) / name / "lib.db"
                copy_library(library, own)
            rows |= checkout_rows(name, where, env, own)
        exe = args.bundle / ("planbook.exe" if os.name == "nt" else "planbook")
        if exe.exists():
            rows["bundle: planbook --version"] = ([str(exe), "--version"], ROOT, False, None, 0.3, env)
            shown = lambda: first_of_day(library)  # noqa: E731
            rows["bundle: window shown (first start of the day)"] = ([str(exe)], ROOT, True, shown, 1.0, env)
        else:
            print(f"(no bundle at {args.bundle}: `make dist` first to time it)")
        times: dict[str, list[float]] = {what: [] for what in rows}
        cpus: dict[str, list[float]] = {what: [] for what in rows}
        for _ in range(args.runs):  # run by run, every row once: the rows meet the same machine load
            for what, (command, where, until_shown, before, _, row_env) in rows.items():
                if before is not None:
                    before()
                wall, cpu = timed(command, row_env, where, until_shown)
                times[what].append(wall)
                cpus[what].append(cpu)
        with contextlib.closing(sqlite3.connect(library)) as conn:
            count = conn.execute("SELECT count(*) FROM plans").fetchone()[0]
    med = statistics.median
    bare, bare_cpu = med(times["bare QApplication + QMainWindow"]), med(cpus["bare QApplication + QMainWindow"])
    select, select_cpu = med(times["bare SELECT of the list"]), med(cpus["bare SELECT of the list"])
    print(f"{count} plans in the library, {args.runs} runs each, alternated; load average {os.getloadavg()[0]:.1f}")
    print(
        "(× baseline: the bare window's, or for `list` the bare SELECT's. CPU: until shown where the window says so,"
        " else the whole process to its exit)\n"
    )
    print(
        f"{'what':<52} {'median s':>9} {'min s':>7} {'max s':>7} {'target':>10} {'× baseline':>11} "
        f"{'CPU s':>7} {'CPU ×':>6}"
    )
    for what, (_, _, _, _, target, _) in rows.items():
        wall, cpu = med(times[what]), med(cpus[what])
        verdict = "" if target is None else f"≤{target} " + ("ok" if wall <= target else "MISS")
        base, base_cpu = (select, select_cpu) if "list" in what or "SELECT" in what else (bare, bare_cpu)
        print(
            f"{what:<52} {wall:>9.3f} {min(times[what]):>7.3f} {max(times[what]):>7.3f} {verdict:>10} "
            f"{wall / base:>10.1f}× {cpu:>7.3f} {cpu / base_cpu if base_cpu else 0:>5.1f}×"
        )


if __name__ == "__main__":
    main()
