"""What watching a shared library and the daily backup cost the window.

    .venv/bin/python benchmarks/bench_safety.py [--runs 9] [--plans 1000]

With a 1,000-plan library and a 100-task plan open: one poll of `PRAGMA data_version` (run every 0.8 s),
against a bare `SELECT 1` on the same connection; the window's refresh after another process changed the open
plan, against the library pane's own refresh (`refresh_library`); and a backup of the whole library, against
copying the file with shutil. All baselines are timed in the same run.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_gui import build_library, row, timed  # noqa: E402

from planbook.core import backup, editing  # noqa: E402
from planbook.core.library import Library  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--plans", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "lib.db"
        big = build_library(path, args.plans, 100)
        os.environ["PLANBOOK_SETTINGS"] = str(Path(tmp) / "settings.ini")
        from planbook.gui.app import setup_application
        from planbook.gui.mainwindow import MainWindow

        app, settings, language = setup_application("zh")
        window = MainWindow(Library.open(path), settings, language)
        window.restore(big, geometry=False)
        window.show()
        app.processEvents()
        node = next(n.id for n in window.model.plan.walk() if n.kind.name == "TASK")
        window.select_node(node)
        other = Library.open(path)  # another connection: its commits are what the window must notice
        flip = iter(range(10**6))

        def other_edit() -> None:
            editing.apply(other, editing.EditNode(node, body=f"另一程序的修改 {next(flip)}"))

        def refreshes(runs: int) -> list[float]:
            out = []
            for _ in range(runs):
                other_edit()  # not timed: the other process's work
                out += timed(window.safety.watcher.poll, 1)  # notices the commit and refreshes pane, tree, editor
            return out

        print(f"{args.plans} plans, {path.stat().st_size / 1e6:.1f} MB; medians of {args.runs} runs")
        base = timed(lambda: window.lib.db.execute("SELECT 1").fetchone(), args.runs * 100)
        poll = timed(window.safety.watcher.poll, args.runs * 100)
        print(f"{'baseline: SELECT 1':<46} {statistics.median(base) * 1e6:9.1f} µs")
        print(
            f"{'poll PRAGMA data_version (nothing changed)':<46} {statistics.median(poll) * 1e6:9.1f} µs  "
            f"{statistics.median(poll) / statistics.median(base):5.2f}×"
        )
        pane = timed(window.refresh_library, args.runs)
        row("baseline: library pane refresh", pane)
        row("refresh after another process's edit", refreshes(args.runs), baseline=statistics.median(pane))
        copy = timed(lambda: shutil.copyfile(path, Path(tmp) / "copy.db"), args.runs)
        row("baseline: shutil.copyfile of the library", copy)
        row(
            "backup through SQLite's backup API",
            timed(lambda: backup.backup(window.lib), args.runs),
            baseline=statistics.median(copy),
        )
        window.close()
        other.close()
        window.lib.close()


if __name__ == "__main__":
    main()
