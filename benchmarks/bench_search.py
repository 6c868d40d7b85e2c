"""Search speed on generated libraries of 1,000 and 10,000 plans, against a LIKE scan and ripgrep in the same run.

    .venv/bin/python benchmarks/bench_search.py                 # 1,000 and 10,000 plans
    .venv/bin/python benchmarks/bench_search.py --plans 1000    # one size

Plans are recombined from the seed plans (PLANBOOK_SEEDS, else ../shared/seeds; without them, from a built-in
word list): ~30 tasks each with 100–600 characters of body and 牵头单位/责任单位/完成时限 fields. Generated
libraries and their text exports are cached under --work (delete it to regenerate).

For every query: planbook's search (first 50 ranked hits with snippets and numbers; median of 7 runs), the same
query's complete hit set (`matching`) compared with a LIKE scan of the tables (must be identical), the LIKE scan's
time (median of 3 runs at 1,000 plans, 1 at 10,000) and ripgrep (or grep) over one text file per plan. Tables
give, per query length, the median and p95 over the per-query medians (p95 by linear interpolation).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from planbook.core.exchange import plan_to_text  # noqa: E402
from planbook.core.library import Library  # noqa: E402
from planbook.core.search import matching, reindex, search  # noqa: E402

GENERATOR_VERSION = 3

QUERIES: dict[str, list[str]] = {
    "1 char": [
        "疫",
        "校",
        "德",
        "师",
        "安",
        "育",
        "课",
        "体",
        "艺",
        "美",
        "劳",
        "网",
        "贫",
        "食",
        "房",
        "车",
        "防",
        "读",
        "法",
        "鑫",
    ],
    "2 chars": [
        "师德",
        "课后",
        "安全",
        "民办",
        "近视",
        "县域",
        "足球",
        "资助",
        "托育",
        "思政",
        "督导",
        "编制",
        "职称",
        "营养",
        "招生",
        "体育",
        "美育",
        "扶贫",
        "党建",
        "量子",
    ],
    "3-4 chars": [
        "校园足球",
        "大班额",
        "思政课",
        "十四五",
        "研学旅行",
        "控辍保学",
        "学前教育",
        "基教科",
        "职业教育",
        "课后服务",
        "营养餐",
        "家庭教育",
        "心理健康",
        "教师培训",
        "教育督导",
        "特殊教育",
        "民办学校",
        "智慧校园",
        "劳动教育",
        "集团化办学",
    ],
    "5+ chars": [
        "教育信息化",
        "校外培训机构",
        "普惠性幼儿园",
        "义务教育优质均衡",
        "市人力资源社会保障局",
        "落实立德树人根本任务",
        "高校毕业生就业创业",
        "近视防控",
        "县域普通高中",
        "教师职业行为十项准则",
        "学生体质健康",
        "乡村小规模学校",
        "全面从严治党",
        "教育评价改革",
        "家校共育",
        "教育现代化",
        "义务教育阶段",
        "中小学校党组织",
        "校园周边环境综合治理",
        "量子计算机课程",
    ],
    "words+filters": [
        "校园足球 特色学校",
        "师德 考核",
        "安全 -学校",
        "year:2019 师德",
        "unit:基教科",
        "unit:基教科 安全",
        "year:2015-2018 大班额",
        '"课后服务"',
        "教育 质量 -安全",
        "kind:section 教育",
        "issuer:湖南 资助",
        "教师 培训 year:2020-2025",
        "疫 情",
        "unit:财建处 经费",
        "近视 防控 -体育",
        "学前 普惠",
        "党建 year:2012",
        "足球 篮球 排球",
        "unit:办公室 督导",
        "信息化 -智慧",
    ],
}

CITIES = [
    "湘潭",
    "乐山",
    "盘锦",
    "南宁",
    "株洲",
    "衡阳",
    "岳阳",
    "常德",
    "益阳",
    "郴州",
    "永州",
    "怀化",
    "娄底",
    "绵阳",
    "德阳",
    "宜宾",
    "泸州",
    "南充",
    "遂宁",
    "内江",
    "大连",
    "鞍山",
    "抚顺",
    "本溪",
    "丹东",
    "锦州",
    "营口",
    "阜新",
    "辽阳",
    "铁岭",
    "柳州",
    "桂林",
    "梧州",
    "北海",
    "钦州",
    "贵港",
    "玉林",
    "百色",
    "河池",
    "来宾",
    "赣州",
    "九江",
    "上饶",
    "宜春",
    "吉安",
    "抚州",
    "洛阳",
    "开封",
    "安阳",
    "新乡",
    "焦作",
    "许昌",
    "襄阳",
    "宜昌",
    "荆州",
    "黄石",
    "十堰",
    "孝感",
    "荆门",
    "咸宁",
]
PROVINCES = ["湖南", "四川", "辽宁", "广西", "江西", "河南", "湖北"]
WORDS = [
    "教育",
    "学校",
    "教师",
    "学生",
    "课程",
    "质量",
    "安全",
    "改革",
    "发展",
    "建设",
    "管理",
    "服务",
    "督导",
    "资助",
    "德育",
    "体育",
    "美育",
    "劳动",
    "心理",
    "健康",
    "信息化",
    "校园",
    "足球",
    "师德",
    "考核",
    "培训",
    "招生",
    "考试",
    "评价",
    "均衡",
    "普惠",
    "幼儿园",
    "高中",
    "职业",
    "高校",
    "就业",
    "创业",
    "党建",
    "思政",
    "课后",
    "近视",
    "防控",
    "营养",
    "食堂",
    "宿舍",
    "经费",
    "投入",
    "编制",
    "职称",
    "农村",
    "留守",
    "儿童",
    "特殊",
    "民办",
    "集团化",
    "智慧",
    "研学",
    "家庭",
]
UNITS_FALLBACK = [
    "基教科",
    "办公室",
    "人事科",
    "计财科",
    "督导室",
    "体卫艺科",
    "德育科",
    "职成科",
    "民教科",
    "财建处",
    "基教处",
    "教师处",
    "学生处",
    "安全科",
    "电教馆",
]


# ---- corpus -------------------------------------------------------------------------------------------------


def load_corpus(seeds: Path) -> dict:
    """Section titles, task (title, body), sentences and unit names from the seed plans (or a word list)."""
    sections, tasks, sentences, units = [], [], [], set()
    if seeds.is_dir():
        from planbook.importers import import_file

        for file in sorted(seeds.glob("*.txt")):
            for plan in import_file(file):
                for top in plan.nodes:
                    for node in top.walk():
                        if node.kind == "section":
                            sections.append(node.title)
                        elif node.body:
                            tasks.append((node.title, node.body))
                            sentences += [s + "。" for s in re.split("[。；]", node.body) if len(s) >= 8]
                        for f in node.fields:
                            if any(w in f.label for w in ("单位", "科室", "处室")):
                                units.update(u for u in re.split(r"[、，,；;\s]+", f.value) if 2 <= len(u) <= 12)
    if len(tasks) < 20:
        rnd = random.Random(7)
        sentences = ["".join(rnd.choices(WORDS, k=rnd.randint(4, 12))) + "。" for _ in range(800)]
        tasks = [("".join(rnd.choices(WORDS, k=3)), " ".join(rnd.choices(sentences, k=3))) for _ in range(140)]
        sections = ["".join(rnd.choices(WORDS, k=4)) for _ in range(30)]
    return {"sections": sections, "tasks": tasks, "sentences": sentences, "units": sorted(units) or UNITS_FALLBACK}


def generate(path: Path, count: int, corpus: dict, seed: int = 1) -> None:
    """A library of `count` plans, written with plain inserts; the search index is built afterwards (timed)."""
    rnd = random.Random(seed)
    with Library.open(path) as lib, lib.transaction():
        node_id = 0
        for plan_id in range(1, count + 1):
            city = rnd.choice(CITIES)
            year = rnd.randint(2012, 2025)
            r = rnd.random()
            org = (
                f"{city}市教育局"
                if r < 0.6
                else f"{rnd.choice(PROVINCES)}省教育厅"
                if r < 0.75
                else f"{city}市人民政府办公室"
            )
            lib.db.execute(
                "INSERT INTO plans (id, title, kind, year, issuers, preamble, closing, numbering, status) "
                "VALUES (?, ?, '工作要点', ?, ?, ?, '', 'continuous', 'draft')",
                [
                    plan_id,
                    f"{org}{year}年工作要点",
                    year,
                    json.dumps([org], ensure_ascii=False),
                    "".join(rnd.choices(corpus["sentences"], k=2)),
                ],
            )
            nodes, fields = [], []
            n_tasks = rnd.randint(24, 36)
            n_sections = rnd.randint(5, 8)
            per = [n_tasks // n_sections + (i < n_tasks % n_sections) for i in range(n_sections)]
            for s, tasks_here in enumerate(per):
                node_id += 1
                section = node_id
                nodes.append((section, plan_id, None, s, "section", rnd.choice(corpus["sections"]), ""))
                for t in range(tasks_here):
                    node_id += 1
                    title, body = rnd.choice(corpus["tasks"])
                    target = rnd.randint(100, 600)
                    while len(body) < target:
                        body += rnd.choice(corpus["sentences"])
                    nodes.append((node_id, plan_id, section, t, "task", title, body))
                    fields += [
                        (node_id, 0, "牵头单位", "、".join(rnd.sample(corpus["units"], rnd.randint(1, 2)))),
                        (node_id, 1, "责任单位", "、".join(rnd.sample(corpus["units"], rnd.randint(2, 6)))),
                        (node_id, 2, "完成时限", f"{year}年{rnd.randint(1, 12)}月底"),
                    ]
            lib.db.conn.executemany("INSERT INTO nodes VALUES (?, ?, ?, ?, ?, ?, ?)", nodes)
            lib.db.conn.executemany("INSERT INTO fields (node_id, position, label, value) VALUES (?, ?, ?, ?)", fields)
        lib.db.execute("DELETE FROM search_queue")  # the index is built by the timed reindex below


def export_text(path: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with Library.open(path) as lib:
        for pid in lib.plan_ids():
            (out / f"{pid}.txt").write_text(plan_to_text(lib.load_plan(pid)), encoding="utf-8")


# ---- the LIKE baseline: the same query semantics as plain SQL over the tables ------------------------------

_NODE_HAS = (
    "(n.title LIKE ?1 OR n.body LIKE ?1 OR EXISTS (SELECT 1 FROM fields f WHERE f.node_id = n.id AND f.value LIKE ?1))"
)
_PLAN_HAS = "(p.title LIKE ?1 OR p.preamble LIKE ?1 OR p.closing LIKE ?1 OR p.issuers LIKE ?1 OR p.kind LIKE ?1)"
_UNIT = (
    "EXISTS (SELECT 1 FROM fields f WHERE f.node_id = n.id AND f.value LIKE ?1 AND (f.label LIKE '%单位%' "
    "OR f.label LIKE '%科室%' OR f.label LIKE '%处室%'))"
)


def like_scan(db, query: str) -> set[tuple[int, int | None]]:
    """Every matching document by LIKE, for the benchmark's queries (words, -words, year:, unit:, kind:, issuer:)."""
    from planbook.core.search import parse

    q = parse(query)
    node_where, plan_where, params = [], [], {}

    def bind(template: str, value: str) -> str:
        name = f"p{len(params)}"
        params[name] = f"%{value}%"
        return template.replace("?1", f":{name}")

    for t in q.terms:
        node_where.append(bind(_NODE_HAS, t))
        plan_where.append(bind(_PLAN_HAS, t))
    for t in q.negatives:
        node_where.append("NOT " + bind(_NODE_HAS, t))
        plan_where.append("NOT " + bind(_PLAN_HAS, t))
    for u in q.units:
        node_where.append(bind(_UNIT, u))
        plan_where.append("0")
    for i in q.issuers:
        node_where.append(bind("p.issuers LIKE ?1", i))
        plan_where.append(bind("p.issuers LIKE ?1", i))
    if q.years:
        years = " OR ".join(f"p.year BETWEEN {lo} AND {hi}" for lo, hi in q.years)
        node_where.append(f"({years})")
        plan_where.append(f"({years})")
    if q.kinds:
        kinds = ",".join(f"'{k}'" for k in q.kinds)
        node_where.append(f"n.kind IN ({kinds})")
        if "plan" not in q.kinds:
            plan_where.append("0")
    hits = {
        (r[0], r[1])
        for r in db.execute(
            "SELECT n.plan_id, n.id FROM plans p JOIN nodes n ON n.plan_id = p.id WHERE "
            + " AND ".join(node_where or ["1"])
            + " ORDER BY p.year DESC",
            params,
        )
    }
    hits |= {
        (r[0], None) for r in db.execute("SELECT p.id FROM plans p WHERE " + " AND ".join(plan_where or ["1"]), params)
    }
    return hits


# ---- ripgrep / grep over the text export -----------------------------------------------------------------------


def grep_files(tool: str, folder: Path, query: str) -> int:
    """Plans (files) holding every word of the query; prints-equivalent work: matching lines of the first word."""
    from planbook.core.search import parse

    q = parse(query)
    words = q.terms + q.units
    if not words:
        return -1
    files: list[str] | None = None
    for w in words:
        args = [tool, "-F", "-l", w] + (
            files if files is not None else ["-r", str(folder)] if tool == "grep" else [str(folder)]
        )
        if files is not None and not files:
            return 0
        out = subprocess.run(args, capture_output=True, text=True).stdout.split()
        files = out
    lines = [tool, "-F", "-n", words[0], *files] if files else None
    if lines:
        subprocess.run(lines, capture_output=True)
    return len(files or [])


# ---- measuring -----------------------------------------------------------------------------------------------


def timed(fn, runs: int, warm: bool = True) -> tuple[float, object]:
    if warm:
        fn()
    times, value = [], None
    for _ in range(runs):
        t = time.perf_counter()
        value = fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), value


def p95(values: list[float]) -> float:
    s = sorted(values)
    if len(s) == 1:
        return s[0]
    k = (len(s) - 1) * 0.95
    lo = int(k)
    return s[lo] + (s[min(lo + 1, len(s) - 1)] - s[lo]) * (k - lo)


def run_size(count: int, work: Path, corpus: dict, tool: str | None) -> list[dict]:
    path = work / f"lib-{count}-v{GENERATOR_VERSION}.db"
    texts = work / f"text-{count}-v{GENERATOR_VERSION}"
    if not path.exists():
        t = time.perf_counter()
        generate(path.with_suffix(".tmp"), count, corpus)
        for suffix in ("", "-wal", "-shm"):
            src = Path(str(path.with_suffix(".tmp")) + suffix)
            if src.exists():
                src.rename(str(path) + suffix)
        print(f"  generated {count} plans in {time.perf_counter() - t:.0f} s", flush=True)
    if tool and not texts.exists():
        export_text(path, texts.with_suffix(".tmp"))
        texts.with_suffix(".tmp").rename(texts)
    with Library.open(path) as lib:
        lib.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        t = time.perf_counter()
        docs = reindex(lib)
        build = time.perf_counter() - t
        lib.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        tasks = lib.db.execute("SELECT count(*) FROM nodes WHERE kind = 'task'").fetchone()[0]
        chars = lib.db.execute("SELECT sum(length(title) + length(body)) FROM nodes").fetchone()[0]
        sizes = dict(
            lib.db.execute(
                "SELECT CASE WHEN name LIKE 'search%' THEN 'index' ELSE 'base' END, sum(pgsize) FROM dbstat GROUP BY 1"
            ).fetchall()
        )
    file_mb = path.stat().st_size / 1e6
    print(
        f"  {count} plans: {tasks} tasks, {chars / 1e6:.1f} M characters; index build (reindex) {build:.1f} s "
        f"for {docs} documents; file {file_mb:.0f} MB (tables {sizes.get('base', 0) / 1e6:.0f} MB, "
        f"index {sizes.get('index', 0) / 1e6:.0f} MB)",
        flush=True,
    )

    t = time.perf_counter()
    lib = Library.open(path)
    opened = (time.perf_counter() - t) * 1000
    search(lib, "校园足球", 50, counts=False)
    first = (time.perf_counter() - t) * 1000
    print(f"  Library.open {opened:.1f} ms; open → first 50 results {first:.1f} ms", flush=True)
    nid = lib.db.execute("SELECT max(id) FROM nodes WHERE kind = 'task'").fetchone()[0]
    from planbook.core import editing

    edit_ms, _ = timed(lambda: editing.apply(lib, editing.EditNode(nid, body=f"改写的正文{time.time()}")), 5)
    print(f"  one task edit through editing.apply (index kept in step): {edit_ms:.1f} ms", flush=True)

    like_runs = 3 if count <= 2000 else 1
    rows = []
    for group, queries in QUERIES.items():
        for query in queries:
            ms, results = timed(lambda q=query: search(lib, q, 50, counts=False), 7)
            count_ms, every = timed(lambda q=query: matching(lib, q), 1 if count > 2000 else 3)
            like_ms, truth = timed(lambda q=query: like_scan(lib.db, q), like_runs, warm=count <= 2000)
            rg_ms, files = (
                timed(lambda q=query: grep_files(tool, texts, q), 1 if count > 2000 else 3, warm=count <= 2000)
                if tool
                else (float("nan"), -1)
            )
            exact = set(every) == truth and len(every) == len(truth)
            rows.append(
                {
                    "group": group,
                    "query": query,
                    "ms": ms,
                    "all_ms": count_ms,
                    "like_ms": like_ms,
                    "rg_ms": rg_ms,
                    "hits": len(truth),
                    "exact": exact,
                    "mode": results.mode,
                    "shown": len(results.hits),
                    "files": files,
                }
            )
            flag = "" if exact else f"  MISMATCH (index {len(every)} vs LIKE {len(truth)})"
            print(
                f"    {group:14} {query:22} {ms:7.1f} ms  all {count_ms:7.1f}  LIKE {like_ms:7.1f}  "
                f"{tool or '-'} {rg_ms:7.1f}  hits {len(truth):6}  {results.mode}{flag}",
                flush=True,
            )
    lib.close()
    return rows


def table(count: int, rows: list[dict], tool: str | None) -> None:
    print(f"\n### {count:,} plans\n")
    print(
        f"| queries | n | search median ms | search p95 ms | all hits p95 ms | LIKE p95 ms | {tool or 'rg'} p95 ms "
        "| p95 LIKE ÷ search | p95 rg ÷ search | exact |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    groups = list(dict.fromkeys(r["group"] for r in rows)) + ["all"]
    for g in groups:
        rs = [r for r in rows if g in ("all", r["group"])]
        ms = [r["ms"] for r in rs]
        like = p95([r["like_ms"] for r in rs])
        rg = [r["rg_ms"] for r in rs if r["rg_ms"] == r["rg_ms"] and r["files"] >= 0]
        rgp = p95(rg) if rg else float("nan")
        print(
            f"| {g} | {len(rs)} | {statistics.median(ms):.1f} | {p95(ms):.1f} | "
            f"{p95([r['all_ms'] for r in rs]):.1f} | {like:.0f} | {rgp:.0f} | {like / p95(ms):.0f}× | "
            f"{rgp / p95(ms):.0f}× | {sum(r['exact'] for r in rs)}/{len(rs)} |"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--plans", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--work", type=Path, default=Path("/tmp/planbook-bench-search"))
    parser.add_argument("--no-grep", action="store_true")
    args = parser.parse_args()
    seeds = Path(os.environ.get("PLANBOOK_SEEDS", ROOT.parent / "shared" / "seeds"))
    corpus = load_corpus(seeds)
    print(
        f"corpus: {len(corpus['tasks'])} tasks, {len(corpus['sentences'])} sentences, {len(corpus['units'])} units "
        f"({'seed plans' if seeds.is_dir() else 'built-in word list'})"
    )
    tool = None if args.no_grep else shutil.which("rg") or shutil.which("grep")
    tool = Path(tool).name if tool else None
    args.work.mkdir(parents=True, exist_ok=True)
    results = {}
    for count in args.plans:
        print(f"\n== {count} plans", flush=True)
        results[count] = run_size(count, args.work, corpus, tool)
    for count, rows in results.items():
        table(count, rows, tool)
    bad = [(c, r["query"]) for c, rows in results.items() for r in rows if not r["exact"]]
    if bad:
        print(f"\nhit sets differing from LIKE: {bad}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
