"""Long sessions at scale survive the binding (issue 21): start on a 10,000-plan library, then 10,000 keystrokes
in the search box, in fresh processes, with the reference counts of None, True and False before and after.

    python benchmarks/bench_long_session.py [--plans 10000] [--keys 10000] [--reuse LIB.db] [--python OTHER/bin/python]

Each row says whether the process survived (exit status 0; an abort on a leaking binding is -6/134) and how
the singletons' counts moved. The baseline, in the same run, is a bare QLineEdit fed the same keystrokes, so
the time per keystroke can be read as a ratio. `--python` runs the same rows on another interpreter/binding
(e.g. a venv with PySide6 6.12.0) to show what the pin in pyproject.toml avoids.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
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

BARE_TYPING = """
import sys, time
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit
app = QApplication([])
box = QLineEdit(); box.show(); app.processEvents()
n = int(sys.argv[1]); text = "planbook 2027 jiaoyu "
start = time.perf_counter()
for i in range(0, n, 50):
    QTest.keyClicks(box, (text * 3)[: min(50, n - i)]); box.clear(); app.processEvents()
print(time.perf_counter() - start)
"""


def run(command: list[str], env: dict) -> tuple[int, str, float]:
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, timeout=3600)
    refused = done.returncode == 1 and "loses a reference to None" in done.stderr  # qtcompat's refusal
    return done.returncode, "refused" if refused else done.stdout, time.perf_counter() - start


def outcome(code: int, out: str) -> str:
    """Survived, refused to start with the fix (qtcompat), or died (an abort is signal 6)."""
    if code == 0:
        return "survived"
    return "refused" if out == "refused" else f"signal {-code}" if code < 0 else f"exit {code}"


def rows_for(python: str, library: Path, keys: int, env: dict, tmp: Path) -> list[tuple[str, str, str, str]]:
    label = subprocess.run(
        [python, "-c", "import PySide6, sys; print(PySide6.__version__, sys.version.split()[0])"],
        capture_output=True,
        text=True,
    ).stdout.split()
    who = f"PySide6 {label[0]} / Python {label[1]}" if len(label) == 2 else python
    rows = []
    code, out, seconds = run([python, "main.py"], {**env, "PLANBOOK_QUIT_WHEN_SHOWN": "1"})
    rows.append((who, "start, window shown", outcome(code, out), f"{seconds:.2f} s"))
    report = tmp / "session.json"
    report.unlink(missing_ok=True)
    code, out, seconds = run(
        [
            python,
            "tests/long_session_driver.py",
            str(library),
            "--search-chars",
            str(keys),
            "--edit-chars",
            "500",
            "--switches",
            "500",
            "--open",
            "200",
            "--json",
            str(report),
        ],
        env,
    )
    if code == 0:
        data = json.loads(report.read_text(encoding="utf-8"))
        per_key = data["steps"]["search box"] / keys * 1000
        deltas = ", ".join(f"{k} {v:+d}" for k, v in data["delta"].items())
        rows.append((who, f"{keys:,} keys in search box", "survived", f"{per_key:.2f} ms/key; refs {deltas}"))
    else:
        rows.append((who, f"{keys:,} keys in search box", outcome(code, out), "aborted" if code < 0 else ""))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=10_000)
    parser.add_argument("--keys", type=int, default=10_000)
    parser.add_argument("--reuse", type=Path, help="keep the generated library here and use it on later runs")
    parser.add_argument("--python", action="append", default=[], help="another interpreter to run the rows on")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        library = tmp / "lib.db"
        if args.reuse and args.reuse.exists():
            shutil.copyfile(args.reuse, library)  # a copy: the runs write to it (settings, backups, edits)
        else:
            started = time.perf_counter()
            with Library.open(library) as lib, lib.transaction():
                for plan in generate_plans(args.plans):
                    lib.add_plan(plan)
            print(f"library of {args.plans:,} plans generated in {time.perf_counter() - started:.0f} s", flush=True)
            if args.reuse:
                shutil.copyfile(library, args.reuse)
        env = {
            **os.environ,
            "PLANBOOK_LIBRARY": str(library),
            "QT_QPA_PLATFORM": "offscreen",
            "PLANBOOK_SETTINGS": str(tmp / "settings.ini"),
            "PYTHONPATH": str(ROOT),
        }
        code, out, _ = run([sys.executable, "-c", BARE_TYPING, str(args.keys)], env)
        bare = float(out) / args.keys * 1000 if code == 0 else float("nan")
        rows = []
        for python in [sys.executable, *args.python]:
            rows += rows_for(python, library, args.keys, env, tmp)
    print(f"\nbaseline: a bare QLineEdit takes {bare:.3f} ms a keystroke ({args.keys:,} keys)\n")
    print(f"{'binding':<34} {'what':<28} {'outcome':<10} figures")
    for who, what, outcome, figures in rows:
        print(f"{who:<34} {what:<28} {outcome:<10} {figures}")
        if "ms/key" in figures:
            print(f"{'':<34} {'':<28} {'':<10} = {float(figures.split()[0]) / bare:.1f}× the bare QLineEdit")


if __name__ == "__main__":
    main()
