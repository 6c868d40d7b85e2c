"""DOCX export speed: the seed 003 plan (a full notice, 33 tasks) against python-docx saving an empty document.

    python benchmarks/bench_docx.py [--runs 20] [--seed PATH]

Target (median): exporting seed 003 as DOCX ≤ 300 ms. The seed comes from $PLANBOOK_SEEDS or ../shared/seeds;
without it (or without a .txt importer) a generated plan of the same size stands in, and the table says so.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import docx  # noqa: E402
from timing import timed  # noqa: E402

from planbook.core.errors import PlanbookError  # noqa: E402
from planbook.core.model import Field, Node, NodeKind, Notice, Plan  # noqa: E402
from planbook.exporters.docx_writer import build_docx, export_docx  # noqa: E402
from planbook.importers import import_file  # noqa: E402
from planbook.layout import build_document  # noqa: E402

SEEDS = Path(os.environ.get("PLANBOOK_SEEDS", ROOT.parent / "shared" / "seeds"))


def stand_in() -> Plan:
    """A plan shaped like seed 003: 9 sections, 33 tasks with three long fields each, a full notice."""
    text = "加强统筹协调，完善工作机制，推动各项任务落地见效，确保按期完成年度目标。" * 4
    nodes = []
    for s in range(9):
        section = Node(NodeKind.SECTION, f"第{s + 1}方面重点工作")
        for t in range(4 if s < 6 else 3):
            section.children.append(
                Node(
                    NodeKind.TASK,
                    f"推进第{t + 1}项改革任务",
                    fields=[Field("目标任务", text[:60]), Field("工作措施", text), Field("责任单位", "办公室、规划处")],
                )
            )
        nodes.append(section)
    notice = Notice(
        masthead="某省教育厅文件",
        doc_number="某教发〔2020〕8号",
        title="关于印发《某省教育厅2020年工作要点》的通知",
        recipients="各市州教育局：",
        body=text,
        signers=["某省教育厅"],
        signed_on=dt.date(2020, 3, 6),
        printed_by="某省教育厅办公室",
        printed_on=dt.date(2020, 3, 9),
    )
    return Plan(title="某省教育厅2020年工作要点", preamble=text, closing=text, notice=notice, nodes=nodes)


def load_plan(seed: Path | None) -> tuple[Plan, str]:
    path = seed or next(iter(sorted(SEEDS.glob("003_*.txt"))), None)
    if path and path.is_file():
        try:
            return import_file(path)[0], f"seed {path.name}"
        except PlanbookError as e:
            return stand_in(), f"generated stand-in (seed not importable here: {e})"
    return stand_in(), f"generated stand-in (no seed at {SEEDS})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--seed", type=Path, help="a plan file to export instead of seed 003")
    args = parser.parse_args()
    plan, source = load_plan(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "plan.docx"

        def empty_docx() -> None:
            docx.Document().save(io.BytesIO())

        rows = [
            ("baseline: python-docx, empty document, saved", timed(empty_docx, args.runs, warm=True)),
            (
                "layout: build_document (blocks only)",
                timed(lambda: build_document(plan, "notice"), args.runs, warm=True),
            ),
            (
                "build_docx (python-docx tree, not saved)",
                timed(lambda: build_docx(plan, "notice"), args.runs, warm=True),
            ),
            (
                "export_docx notice → file (target ≤ 300 ms)",
                timed(lambda: export_docx(plan, out, "notice"), args.runs, warm=True),
            ),
            ("export_docx plan → file", timed(lambda: export_docx(plan, out, "plan"), args.runs, warm=True)),
        ]
        size = out.stat().st_size / 1024
    print(f"plan: {source}; {plan.task_count()} tasks; {args.runs} runs each; plan-layout file {size:.0f} KB\n")
    base = statistics.median(rows[0][1])
    print(f"{'what':<48} {'median ms':>10} {'p90 ms':>8} {'× baseline':>11}")
    for name, times in rows:
        med = statistics.median(times)
        p90 = sorted(times)[int(0.9 * (len(times) - 1))]
        print(f"{name:<48} {med:>10.1f} {p90:>8.1f} {med / base:>11.1f}")
    export_med = statistics.median(rows[3][1])
    print(
        f"\nexport of the notice: {export_med:.0f} ms median — {'OK' if export_med <= 300 else 'OVER'} the 300 ms target"
    )


if __name__ == "__main__":
    main()
