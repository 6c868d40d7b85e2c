#!/usr/bin/env python3
"""How long the PDF export of a real plan takes, against what users do without us (LibreOffice on our DOCX).

    .venv/bin/python benchmarks/bench_pdf.py [SEED.txt] [--runs 7]

Default input: seed 003 (the longest, ~29 pages) from $PLANBOOK_SEEDS or ../shared/seeds. Prints one table of
medians, timed in the same run:
  * pdf (warm): `write_pdf` in a process that has already registered the fonts (the GUI's case);
  * ofd (warm): `write_ofd`, the same typeset pages as a GB/T 33190 package (target: ≤ 1.5 × the PDF's time);
  * pdf (cold process): a fresh `python` that imports Planbook, registers the fonts and writes the PDF (the
    CLI's case, start-up included);
  * docx: our DOCX writer, in process;
  * LibreOffice: `soffice --headless --convert-to pdf` of that DOCX with the bundled fonts.conf (the path users
    have without our PDF), when LibreOffice is installed.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from timing import timed  # noqa: E402

from planbook.core.model import Plan  # noqa: E402
from planbook.exporters import EXPORTERS  # noqa: E402
from planbook.importers import IMPORTERS, import_file  # noqa: E402

SEEDS = Path(os.environ.get("PLANBOOK_SEEDS", ROOT.parent / "shared" / "seeds"))
TARGET_MS = 500
OFD_RATIO = 1.5  # OFD of seed 003 at most this many times our PDF's time, measured in the same run


def load_plan(path: Path | None) -> tuple[Plan, str]:
    path = path or next(iter(sorted(SEEDS.glob("003_*.txt"))), None)
    if path is None or path.suffix.lower() not in IMPORTERS:
        raise SystemExit(f"no readable seed plan ({path}); give a file `planbook import` reads")
    plans = import_file(path)
    return max(plans, key=lambda p: sum(1 for _ in p.walk())), path.name


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("plan", nargs="?", type=Path)
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    plan, name = load_plan(args.plan)
    tmp = Path(tempfile.mkdtemp(prefix="bench-pdf-"))
    rows: list[tuple[str, list[float]]] = []

    from planbook.exporters.pdf_writer import write_pdf

    pdf = tmp / "plan.pdf"
    write_pdf(plan, pdf, "notice")  # registers the fonts once, as a running GUI has
    rows.append(("pdf (warm, in process)", timed(lambda: write_pdf(plan, pdf, "notice"), args.runs)))

    from planbook.exporters.ofd_writer import write_ofd

    ofd = tmp / "plan.ofd"
    write_ofd(plan, ofd, "notice")  # fontTools' modules load once, as in a running GUI
    ofd_row = ("ofd (warm, in process)", timed(lambda: write_ofd(plan, ofd, "notice"), args.runs))
    rows.append(ofd_row)

    plan_json = tmp / "plan.json"
    EXPORTERS["json"](plan, plan_json, None)
    cold = (
        f"import sys; sys.path.insert(0, {str(ROOT)!r});"
        "from pathlib import Path; from planbook.core.exchange import loads;"
        "from planbook.exporters.pdf_writer import write_pdf;"
        f"write_pdf(loads(Path({str(plan_json)!r}).read_text('utf-8')), Path({str(tmp / 'cold.pdf')!r}))"
    )
    rows.append(
        (
            "pdf (cold process, start-up included)",
            timed(lambda: subprocess.run([sys.executable, "-c", cold], check=True), args.runs),
        )
    )

    lo_row = None
    if "docx" in EXPORTERS:
        docx = tmp / "plan.docx"
        rows.append(("docx (in process)", timed(lambda: EXPORTERS["docx"](plan, docx, "notice"), args.runs)))
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        if soffice:
            env = {**os.environ, "FONTCONFIG_FILE": str(ROOT / "resources" / "fonts" / "fonts.conf")}
            profile = tmp / "lo-profile"
            cmd = [
                soffice,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(tmp / "lo"),
                str(docx),
            ]
            subprocess.run(cmd, check=True, env=env, capture_output=True, timeout=300)  # first start makes the profile
            lo = timed(lambda: subprocess.run(cmd, check=True, env=env, capture_output=True, timeout=300), args.runs)
            lo_row = ("LibreOffice DOCX → PDF (warm profile)", lo)
            rows.append(lo_row)

    pages = _pages(pdf)
    from reportlab.lib import rl_accel

    accel = "C (rl-accel)" if type(rl_accel.fp_str).__name__ == "builtin_function_or_method" else "pure Python"
    print(
        f"plan: {name} ({plan.task_count()} tasks, {pages} PDF pages), {args.runs} runs each; "
        f"reportlab speed-ups: {accel}; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    )
    print(f"{'step':<42}{'median ms':>11}{'min ms':>9}{'max ms':>9}")
    for label, times in rows:
        print(f"{label:<42}{statistics.median(times):>11.0f}{min(times):>9.0f}{max(times):>9.0f}")
    warm = statistics.median(rows[0][1])
    print(f"target: pdf ≤ {TARGET_MS} ms median → {'met' if warm <= TARGET_MS else 'MISSED'} ({warm:.0f} ms)")
    ratio = statistics.median(ofd_row[1]) / warm
    print(f"target: ofd ≤ {OFD_RATIO}× pdf → {'met' if ratio <= OFD_RATIO else 'MISSED'} ({ratio:.2f}×)")
    if lo_row:
        lo_med = statistics.median(lo_row[1])
        print(
            f"LibreOffice / our PDF: {lo_med / warm:.1f}× (warm), "
            f"{lo_med / statistics.median(rows[1][1]):.1f}× (against our cold process)"
        )
    shutil.rmtree(tmp, ignore_errors=True)


def _pages(pdf: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf.read_bytes()))


if __name__ == "__main__":
    main()
