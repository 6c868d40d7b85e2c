"""Worker for bench_kill.py: does one kind of work on a library over and over, printing a line once each step is
confirmed (committed, written, renamed into place), until it is killed.

    python benchmarks/kill_worker.py MODE LIBRARY ARG SEED

MODE: edit (ARG: plan id), import (ARG: a plan file), restore (ARG: two backups, joined by a comma), backup,
reindex, export (ARG: the output file).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from planbook.core import backup  # noqa: E402
from planbook.core.library import Library  # noqa: E402


def main() -> None:
    mode, library, arg, seed = sys.argv[1], Path(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    lib = Library.open(library)
    backup.daily(lib)  # what every command does on opening (it also clears what a killed one left)
    print("ready", flush=True)
    step = 0
    if mode == "edit":
        from tests.edit_script import Session

        session = Session(lib, int(arg), seed)
        while True:
            session.step()
            print(session.count, flush=True)
    while True:
        step += 1
        if mode == "import":
            from planbook.importers import import_with_warnings

            plans = import_with_warnings(Path(arg)).plans
            with lib.transaction():
                for plan in plans:
                    plan.title = f"导入{seed}-{step}"
                    lib.add_plan(plan)
        elif mode == "restore":
            sources = arg.split(",")
            backup.restore(lib, Path(sources[step % 2]))
        elif mode == "backup":
            backup.backup(lib)
        elif mode == "reindex":
            from planbook.core.search import reindex

            reindex(lib)
        elif mode == "export":
            from planbook.exporters import EXPORTERS

            plan = lib.load_plan(lib.plan_ids()[0])
            out = Path(arg)
            EXPORTERS[out.suffix.lstrip(".")](plan, out, None)
        print(step, flush=True)


if __name__ == "__main__":
    main()
