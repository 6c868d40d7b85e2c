"""Smoke test of a built bundle: run it as a user would, headless, and fail loudly on any error.

    python scripts/dist_check.py dist/planbook

--version; import a plan (a seed when ../shared/seeds is there, else a built-in planbook/1 plan); export it as
every format the bundle offers; make the daily copy as the window does (the bundle run as its own child process);
search it if search exists; start the window offscreen, screenshot it, quit.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = Path(os.environ.get("PLANBOOK_SEEDS", ROOT.parent / "shared" / "seeds"))
SAMPLE = {
    "format": "planbook/1",
    "plan": {
        "title": "某市教育局2021年工作要点",
        "year": 2021,
        "issuers": ["某市教育局"],
        "preamble": "总体要求。",
        "notice": {
            "masthead": "某市教育局文件",
            "doc_number": "某教发〔2021〕3号",
            "title": "关于印发《某市教育局2021年工作要点》的通知",
            "recipients": "各县（市、区）教育局：",
            "body": "现将《某市教育局2021年工作要点》印发给你们，请认真贯彻落实。",
            "signers": ["某市教育局"],
            "signed_on": "2021-03-06",
        },
        "nodes": [
            {
                "kind": "section",
                "title": "加强党的建设",
                "children": [
                    {
                        "kind": "task",
                        "title": "推进校园足球。",
                        "body": "开展联赛。",
                        "fields": [{"label": "牵头单位", "value": "体卫艺科"}],
                    }
                ],
            }
        ],
    },
}


def main() -> int:
    bundle = Path(sys.argv[1] if len(sys.argv) > 1 else "dist/planbook").resolve()
    exe = bundle / ("planbook-cli.exe" if os.name == "nt" else "planbook")
    if not exe.exists():
        print(f"dist-check: no bundle at {bundle} (run `make dist` first)", file=sys.stderr)
        return 1
    work = Path(tempfile.mkdtemp(prefix="planbook-dist-"))
    env = {**os.environ, "PLANBOOK_LIBRARY": str(work / "lib.db"), "QT_QPA_PLATFORM": "offscreen", "HOME": str(work)}
    failures = 0

    def step(name: str, *args: str, check=None) -> str:
        nonlocal failures
        start = time.perf_counter()
        proc = subprocess.run([str(exe), *args], capture_output=True, text=True, env=env, timeout=300)
        took = time.perf_counter() - start
        ok = proc.returncode == 0 and (check is None or check(proc.stdout))
        failures += not ok
        print(f"{'ok  ' if ok else 'FAIL'} {took:6.2f} s  {name}")
        if not ok:
            print(
                f"      exit {proc.returncode}\n      stdout: {proc.stdout[-800:]}\n      stderr: {proc.stderr[-800:]}"
            )
        return proc.stdout

    def has(command: str) -> bool:
        return subprocess.run([str(exe), command, "--help"], capture_output=True, env=env).returncode == 0

    step("--version", "--version", check=lambda out: out.startswith("planbook "))
    seed = next(iter(sorted(SEEDS.glob("003_*.txt"))), None) if SEEDS.is_dir() else None
    source = seed if seed else work / "sample.json"
    if not seed:
        source.write_text(json.dumps(SAMPLE, ensure_ascii=False), encoding="utf-8")
    step(f"import {source.name}", "import", str(source))
    formats = step("list formats", "export", "--help")
    for fmt in ("json", "txt", "xlsx", "docx", "pdf", "ofd"):
        if fmt in formats:
            out = work / f"plan.{fmt}"
            step(
                f"export {fmt}",
                "export",
                "1",
                "--format",
                fmt,
                "-o",
                str(out),
                check=lambda _o, out=out: out.exists() and out.stat().st_size > 0,
            )
    # The window's daily copy is made by the bundle's own executable in a child process (core/backup.py): the
    # frozen program must take the flag before anything else, and print the copy it made.
    step(
        "daily copy in a child process",
        "--daily-backup-copy",
        str(work / "lib.db"),
        "10",
        check=lambda out: out.strip().endswith(".db") and Path(out.strip()).is_file(),
    )
    if has("search"):
        step("search 教育", "search", "教育", check=lambda out: "教育" in out)
    if has("gui"):
        shot = work / "window.png"
        step("window offscreen", "gui", "--screenshot", str(shot), check=lambda _o: shot.exists())
    else:
        failures += 1
        print("FAIL the bundle has no `gui` command")
    print(f"dist-check: {'all passed' if not failures else f'{failures} step(s) FAILED'} ({work})")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
