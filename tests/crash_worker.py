"""Worker for the crash and concurrency tests: edits a library, printing each edit's number once committed.

python tests/crash_worker.py LIBRARY PLAN_ID SEED [STEPS]   (no STEPS: until killed)

With PLANBOOK_WORKER_AS_WINDOW=1 it commits as the window does: synchronous = NORMAL, the WAL synced on a thread
(`Library.sync_in_background`).
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from planbook.core.library import Library  # noqa: E402
from tests.edit_script import Session  # noqa: E402


def main() -> None:
    library, plan_id, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    steps = int(sys.argv[4]) if len(sys.argv) > 4 else None
    lib = Library.open(library)
    if os.environ.get("PLANBOOK_WORKER_AS_WINDOW"):
        lib.sync_in_background()
    session = Session(lib, plan_id, seed)
    while steps is None or session.count < steps:
        session.step()
        print(session.count, flush=True)  # confirmed: the edit's transaction has committed


if __name__ == "__main__":
    main()
