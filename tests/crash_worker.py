"""Worker for the crash test: edits a library forever, printing each edit's number once it is committed.

    python tests/crash_worker.py LIBRARY PLAN_ID SEED
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from planbook.core.library import Library  # noqa: E402
from tests.edit_script import Session  # noqa: E402


def main() -> None:
    library, plan_id, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    lib = Library.open(library)
    session = Session(lib, plan_id, seed)
    while True:
        session.step()
        print(session.count, flush=True)  # confirmed: the edit's transaction has committed


if __name__ == "__main__":
    main()
