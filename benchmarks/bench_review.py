"""The draft review of a 300-task plan, and a find-and-replace preview over a 1,000-plan library, each against a
plain scan of the same text in the same run.

    python benchmarks/bench_review.py [--tasks 300] [--plans 1000] [--runs 15]

Targets: review ≤ 100 ms, replace preview over every plan ≤ 200 ms (medians), for the issue's own example
教育厅 (an organ renamed: a thousand-odd hits); a word of many sentences (督导, >10,000 hits) is shown too.
Baselines: one regular expression for 2020年 over the plan's texts; SQL instr() over every text column, counting.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate_plan, generate_plans, sentences  # noqa: E402
from timing import median_ms  # noqa: E402

from planbook.core.drafting import draft_next_year  # noqa: E402
from planbook.core.library import Library  # noqa: E402
from planbook.core.replace import find, find_library  # noqa: E402
from planbook.core.review import review, review_plan  # noqa: E402
from planbook.core.texts import plan_texts  # noqa: E402

WORD = "教育厅"  # what a clerk replaces across plans: an organ's or unit's name
COMMON = "督导"  # a word of many sentences: the preview lists the first 1,000 hits and counts the rest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=300)
    parser.add_argument("--plans", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    pool, real = sentences()
    with tempfile.TemporaryDirectory() as tmp, Library.open(Path(tmp) / "lib.db") as lib:
        # a year's plan whose sentences say 2020年 here and there, drafted for 2021
        rng = random.Random(5)
        source = generate_plan(rng, [s.replace("2018", "2020").replace("2019", "2020") for s in pool], args.tasks, 2020)
        draft_id = draft_next_year(lib, lib.add_plan(source))
        draft = lib.load_plan(draft_id)
        findings = review(draft)
        texts = [t for _, t, _ in plan_texts(draft)]
        year = re.compile(r"2020年")
        rows = [
            ("review a drafted plan (values)", median_ms(lambda: review(draft), args.runs), 100),
            ("review_plan (load + review)", median_ms(lambda: review_plan(lib, draft_id), args.runs), 100),
            (
                "baseline: one regex over its texts",
                median_ms(lambda: [year.findall(t) for t in texts], args.runs),
                None,
            ),
        ]
        with lib.transaction():
            for plan in generate_plans(args.plans, tasks=30):
                lib.add_plan(plan)
        hits = find_library(lib, WORD)
        one = find(draft, WORD)
        columns = [
            ("nodes", "title"),
            ("nodes", "body"),
            ("fields", "value"),
            ("plans", "title"),
            ("plans", "preamble"),
            ("plans", "closing"),
            ("notices", "title"),
            ("notices", "body"),
        ]

        def scan() -> int:
            return sum(
                lib.db.execute(f"SELECT count(*) FROM {t} WHERE instr({c}, ?)", [WORD]).fetchone()[0]
                for t, c in columns
            )

        common = find_library(lib, COMMON)
        rows += [
            (
                f"replace preview, all {args.plans + 2} plans",
                median_ms(lambda: find_library(lib, WORD), args.runs),
                200,
            ),
            (
                f"  the same for {COMMON} ({common.total} hits)",
                median_ms(lambda: find_library(lib, COMMON), args.runs),
                None,
            ),
            ("replace preview, the open plan", median_ms(lambda: find(draft, WORD), args.runs), None),
            ("baseline: SQL instr() count, every column", median_ms(scan, args.runs), None),
        ]
    print(
        f"a {args.tasks}-task draft: {len(findings)} findings; “{WORD}”: {hits.total} hits in {hits.plans} plans "
        f"of the library, {len(one)} in the draft" + ("" if real else " (no seeds: built-in sentences)")
    )
    print(f"{'operation':<44} {'median ms':>10} {'target':>10}")
    for name, ms, target in rows:
        verdict = "" if target is None else f"≤{target} " + ("ok" if ms <= target else "MISS")
        print(f"{name:<44} {ms:>10.1f} {verdict:>10}")
    print(
        f"ratios: review {rows[0][1] / rows[2][1]:.0f}× the regex; library preview "
        f"{rows[3][1] / rows[6][1]:.1f}× the SQL count"
    )


if __name__ == "__main__":
    main()
