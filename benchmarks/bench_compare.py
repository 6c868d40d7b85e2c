"""Comparing two 100-task plans (a year rolled forward with a fifth of its tasks edited), against a plain
line diff of the two plans' texts with difflib in the same run.

    python benchmarks/bench_compare.py [--tasks 100] [--runs 20]

Target: ≤ 200 ms median.
"""

from __future__ import annotations

import argparse
import copy
import difflib
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate_plan, sentences  # noqa: E402
from timing import median_ms  # noqa: E402

from planbook.core.compare import compare  # noqa: E402
from planbook.core.exchange import plan_to_text  # noqa: E402
from planbook.core.model import NodeKind  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=100)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    pool, _ = sentences()
    rng = random.Random(3)
    old = generate_plan(rng, pool, args.tasks, 2020)
    new = copy.deepcopy(old)
    tasks = [n for n in new.walk() if n.kind is NodeKind.TASK]
    for node in rng.sample(tasks, len(tasks) // 5):
        node.body = rng.choice(pool) + node.body[len(node.body) // 2 :]
    diff = compare(old, new)
    ours = median_ms(lambda: compare(old, new), args.runs)
    texts = plan_to_text(old).splitlines(), plan_to_text(new).splitlines()
    base = median_ms(lambda: list(difflib.unified_diff(*texts)), args.runs)
    print(f"two {args.tasks}-task plans, {diff.counts()}")
    print(f"{'operation':<34} {'median ms':>10} {'target':>9}")
    print(f"{'compare (match + inline diffs)':<34} {ours:>10.1f} {'≤200 ' + ('ok' if ours <= 200 else 'MISS'):>9}")
    print(f"{'baseline: difflib line diff':<34} {base:>10.1f}")
    print(f"ratio {ours / base:.1f}×")


if __name__ == "__main__":
    main()
