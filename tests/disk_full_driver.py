"""Run inside a private mount namespace where FOLDER and OUTBOX are tiny tmpfs disks: fill them, then edit,
import and export, and print what a user would have seen as JSON (the test checks it).

    python tests/disk_full_driver.py FOLDER OUTBOX PLAN_JSON BIG_PLAN_JSON
"""

import json
import subprocess
import sys
from pathlib import Path


def cli(*args):
    proc = subprocess.run(
        [sys.executable, "-m", "planbook", "--library", str(LIB), *map(str, args)], capture_output=True, text=True
    )
    return {"code": proc.returncode, "out": proc.stdout, "err": proc.stderr}


def fill(folder: Path) -> Path:
    filler = folder / "filler"
    with filler.open("wb", buffering=0) as f:
        try:
            while True:
                f.write(b"\0" * 4096)
        except OSError:
            pass  # full
    return filler


folder, outbox, plan_json, big_json = (Path(a) for a in sys.argv[1:5])
LIB = folder / "lib.db"
report = {"import_before": cli("import", plan_json)}
report["shown_before"] = cli("show", "1")["out"]
filler = fill(folder)
report["import_full"] = cli("import", plan_json)
report["new_full"] = cli("new", "--title", "满盘时新建")
# Leave a little room: the library opens, but a big import runs out of space half way.
with filler.open("r+b") as f:
    f.truncate(max(0, filler.stat().st_size - 160 * 1024))
report["import_nearly_full"] = cli("import", big_json)
report["shown_nearly_full"] = cli("show", "1")["out"]
filler.unlink()
fill(outbox)
report["export_full"] = cli("export", "1", "--format", "json", "-o", outbox / "out.json")
report["outbox_full"] = sorted(p.name for p in outbox.iterdir())
report["shown_after"] = cli("show", "1")["out"]
report["list_after"] = cli("list", "--json")["out"]
report["integrity"] = subprocess.run(
    [
        sys.executable,
        "-c",
        f"import sqlite3; print(sqlite3.connect({str(LIB)!r}).execute('PRAGMA integrity_check').fetchone()[0])",
    ],
    capture_output=True,
    text=True,
).stdout.strip()
print(json.dumps(report, ensure_ascii=False))
