"""Generated libraries for benchmarks: plans whose sentences are recombined from the seed plans.

The seeds (../shared/seeds) give realistic Chinese sentences; without them a small built-in vocabulary is used,
so the benchmarks still run (with a note) on a machine that lacks shared/.
"""

from __future__ import annotations

import os
import random
import re
from pathlib import Path

from planbook.core.model import Field, Node, NodeKind, Numbering, Plan

SEEDS = Path(os.environ.get("PLANBOOK_SEEDS", Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"))
FALLBACK = (
    "加强党的建设",
    "推进教育公平",
    "提高教育质量",
    "深化教育改革",
    "落实立德树人根本任务",
    "加强师德师风建设",
    "推进校园足球",
    "化解大班额",
    "发展学前教育",
    "办好人民满意的教育",
    "完善督导评估机制",
    "加强安全管理",
)
UNITS = ("基教科", "人事科", "计财科", "体卫艺科", "职成科", "办公室", "督导室", "安全科", "学前科", "政策法规科")
ISSUERS = ("湘潭市教育局", "乐山市教育局", "盘锦市人民政府办公室", "湖南省教育厅", "南宁市教育局", "某县教育局")


def sentences() -> tuple[list[str], bool]:
    """Sentences (ending in 。) from the seeds, and whether the seeds were found."""
    found: list[str] = []
    if SEEDS.is_dir():
        for path in sorted(SEEDS.glob("*.txt")):
            text = path.read_text(encoding="utf-8", errors="replace")
            found += [s.strip() + "。" for s in re.split(r"[。\n]", text) if 8 <= len(s.strip()) <= 120]
    if found:
        return found, True
    return [f"{a}，{b}。" for a in FALLBACK for b in FALLBACK if a != b], False


def generate_plan(rng: random.Random, pool: list[str], tasks: int, year: int) -> Plan:
    issuer = rng.choice(ISSUERS)
    sections = max(1, tasks // 6)
    nodes = [Node(NodeKind.SECTION, rng.choice(pool).rstrip("。")[:30]) for _ in range(sections)]
    for i in range(tasks):
        body = "".join(rng.choice(pool) for _ in range(rng.randint(2, 5)))
        fields = [
            Field("牵头单位", rng.choice(UNITS)),
            Field("责任单位", "、".join(rng.sample(UNITS, 2))),
            Field("完成时限", f"{rng.randint(1, 12)}月底"),
        ]
        nodes[i % sections].children.append(Node(NodeKind.TASK, rng.choice(pool), body, fields))
    return Plan(
        title=f"{issuer}{year}年工作要点",
        year=year,
        issuers=[issuer],
        preamble="".join(rng.sample(pool, 3)),
        numbering=rng.choice(list(Numbering)),
        nodes=nodes,
    )


def generate_plans(n: int, tasks: int = 30, seed: int = 1):
    pool, _ = sentences()
    rng = random.Random(seed)
    for i in range(n):
        yield generate_plan(rng, pool, tasks, 2010 + i % 16)
