"""Hostile input, end to end: each crafted file or command of the adversarial report (and more) run through the
real `planbook` command, with the time and peak memory it took and what the user was told.

    python benchmarks/bench_hostile.py [--scale 1.0] [--budget 60] [--keep DIR]

Every case must end within the budget with its expected exit status and a one-line message (no traceback, no
"unexpected error"). The baseline, measured in the same run, is the same command on an ordinary small plan.
Exit status 1 when a case fails.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hostile import PLAN_TEXT  # noqa: E402


@dataclass
class Run:
    code: int | None  # None: killed at the budget
    seconds: float
    peak_mb: float
    err: str
    out: str


def run(args: list, library: Path, budget: float, cwd: Path) -> Run:
    """`python -m planbook ARGS` with its wall time and peak resident memory (from wait4)."""
    env = {**os.environ, "PLANBOOK_LIBRARY": str(library), "PYTHONIOENCODING": "utf-8"}
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "planbook", *map(str, args)],
            stdout=out,
            stderr=err,
            stdin=subprocess.DEVNULL,
            env=env,
            cwd=cwd,
        )
        deadline = started + budget
        code = None
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                code = os.waitstatus_to_exitcode(status)
                break
            if time.perf_counter() > deadline:
                proc.kill()
                _, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.02)
        proc.returncode = code if code is not None else -9
        seconds = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        return Run(
            code,
            seconds,
            usage.ru_maxrss / 1024,
            err.read().decode("utf-8", "replace"),
            out.read().decode("utf-8", "replace"),
        )


def cases(files: dict[str, Path], folder: Path) -> list[tuple[str, list, set[int], str]]:
    """(name, command, accepted exit codes, what it attacks)."""
    imports = [(name, ["import", path], {0, 1}, "import") for name, path in files.items()]
    return imports + [
        ("folder of all of them", ["import", folder], {1}, "folder import: a summary, every bad file skipped"),
        ("show 99999999999999999999", ["show", "99999999999999999999"], {1}, "huge id"),
        ("new --year 10**20", ["new", "--title", "x", "--year", "1" + "0" * 20], {1}, "year overflow"),
        ("--library of 5000 characters", ["--library", "a" * 5000, "list"], {1}, "too-long path"),
        ("diff --html DIR", ["diff", "1", "1", "--html", folder], {1}, "report over a folder"),
        (
            "export -o the library",
            ["export", "1", "--format", "txt", "-o", "{library}"],
            {1},
            "export over the library",
        ),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="sizes of the hostile files (1.0: the report's)")
    parser.add_argument("--budget", type=float, default=60.0, help="seconds a case may take before it fails")
    parser.add_argument("--keep", type=Path, help="write the files here and keep them")
    parser.add_argument("--only", default="", help="run only cases whose name contains this")
    args = parser.parse_args()
    root = Path(__file__).resolve().parent.parent
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        folder = work / "hostile"
        # made in a process of its own: a child's peak memory counts what it shares with this one at the fork
        subprocess.run(
            [
                sys.executable,
                "-c",
                "import sys; sys.path.insert(0, sys.argv[1]); from hostile import "
                "hostile_files; from pathlib import Path; hostile_files(Path(sys.argv[2]), float(sys.argv[3]))",
                str(Path(__file__).resolve().parent),
                str(folder),
                str(args.scale),
            ],
            check=True,
        )
        files = {p.name: p for p in sorted(folder.iterdir())}
        library = work / "lib.db"
        ordinary = work / "ordinary.txt"
        ordinary.write_text(PLAN_TEXT, encoding="utf-8")
        base = run(["import", ordinary], library, args.budget, root)
        if base.code != 0:
            print(f"baseline failed: {base.err}", file=sys.stderr)
            return 1
        print(f"{'case':34} {'exit':>4} {'seconds':>8} {'× base':>7} {'peak MB':>8} {'× base':>7}  result / message")
        print(
            f"{'baseline: import an ordinary plan':34} {base.code:>4} {base.seconds:8.2f} {1:7.1f} "
            f"{base.peak_mb:8.0f} {1:7.1f}  ok"
        )
        failed = 0
        for name, command, accepted, _what in cases(files, folder):
            if args.only not in name:
                continue
            command = [str(library) if c == "{library}" else c for c in command]
            r = run(command, library, args.budget, root)
            lines = [x for x in r.err.splitlines() if x.strip()]
            bad = (
                r.code not in accepted or "Traceback" in r.err or "unexpected error" in r.err or (r.code and not lines)
            )
            failed += bad
            said = lines[0] if lines else (r.out.splitlines() or [""])[0]
            if name == "folder of all of them":
                said = next((x for x in lines if "file(s)" in x), said)
            verdict = "FAIL " if bad else ""
            print(
                f"{name[:34]:34} {r.code if r.code is not None else 'kill':>4} {r.seconds:8.2f} "
                f"{r.seconds / base.seconds:7.1f} {r.peak_mb:8.0f} {r.peak_mb / base.peak_mb:7.1f}  "
                f"{verdict}{said[:110]}"
            )
        print(f"{failed} case(s) failed")
        return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
