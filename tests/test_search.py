"""Search: every query finds exactly what a plain substring scan finds, before and after every kind of edit."""

from __future__ import annotations

import json
import shutil
import sqlite3
import unicodedata
from pathlib import Path

import pytest
import sqlite_utils
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planbook.core import editing
from planbook.core.library import Library, _connect
from planbook.core.model import Field, Node, NodeKind, Notice, Plan
from planbook.core.schema import APPLICATION_ID, MIGRATIONS
from planbook.core.search import SearchError, matching, parse, reindex, search
from planbook.importers import import_file

from .conftest import library_at_version, run_cli, sample_plan, task

UNIT_WORDS = ("单位", "科室", "处室")
KIND_WORDS = {"task": "task", "section": "section", "subsection": "subsection", "item": "item", "plan": "plan"}


# ---- the oracle: a substring scan over the plans as `load_plan` returns them, written independently --------


def n(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


def plan_docs(lib: Library) -> list[dict]:
    """Every searchable document: one per plan (its metadata) and one per node."""
    docs = []
    for pid in lib.plan_ids():
        plan = lib.load_plan(pid)
        t = plan.notice
        docs.append(
            {
                "key": (pid, None),
                "year": plan.year,
                "kind": "plan",
                "issuers": plan.issuers,
                "fields": [],
                "texts": [
                    plan.title,
                    plan.preamble,
                    plan.closing,
                    t.title,
                    t.body,
                    *plan.issuers,
                    plan.kind,
                    t.masthead,
                    t.doc_number,
                    t.recipients,
                ],
            }
        )
        for top in plan.nodes:
            for node in top.walk():
                docs.append(
                    {
                        "key": (pid, node.id),
                        "year": plan.year,
                        "kind": str(node.kind),
                        "issuers": plan.issuers,
                        "fields": [(f.label, f.value) for f in node.fields],
                        "texts": [node.title, node.body, *(f.value for f in node.fields)],
                    }
                )
    return docs


def oracle(lib: Library, query: str) -> set[tuple[int, int | None]]:
    q = parse(query)  # the parser's own behaviour is tested separately below
    if q.empty:
        return set()
    out = set()
    for d in plan_docs(lib):
        texts = [n(x) for x in d["texts"]]
        units = [n(v) for label, v in d["fields"] if any(w in label for w in UNIT_WORDS)]
        if not all(any(t in x for x in texts) for t in q.terms):
            continue
        if any(any(t in x for x in texts) for t in q.negatives):
            continue
        if q.years and not (d["year"] is not None and any(lo <= d["year"] <= hi for lo, hi in q.years)):
            continue
        if q.kinds and d["kind"] not in q.kinds:
            continue
        if not all(any(i in n(x) for x in d["issuers"]) for i in q.issuers):
            continue
        if not all(any(u in x for x in units) for u in q.units):
            continue
        if not all(any(lab in n(fl) and val in n(fv) for fl, fv in d["fields"]) for lab, val in q.fields):
            continue
        out.add(d["key"])
    return out


def found(lib: Library, query: str) -> set[tuple[int, int | None]]:
    results = search(lib, query, limit=1_000_000)
    keys = {(h.plan_id, h.node_id) for h in results.hits}
    assert len(keys) == len(results.hits), "a document was returned twice"
    counts: dict[int, int] = {}
    for pid, _ in keys:
        counts[pid] = counts.get(pid, 0) + 1
    assert results.plan_counts == counts and results.total == len(keys)
    every = matching(lib, query)
    assert len(every) == len(keys) and set(every) == keys
    return keys


def assert_exact(lib: Library, query: str) -> None:
    expected = oracle(lib, query)
    got = found(lib, query)
    assert got == expected, f"{query!r}: missing {sorted(expected - got)[:5]}, extra {sorted(got - expected)[:5]}"


def _has_table(lib: Library, name: str) -> bool:
    return lib.db.execute("SELECT 1 FROM sqlite_master WHERE name = ?", [name]).fetchone() is not None


def assert_index_sound(lib: Library) -> None:
    lib.db.execute("INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 1)")
    assert lib.db.execute("SELECT count(*) FROM search_queue").fetchone()[0] == 0


# ---- libraries --------------------------------------------------------------------------------------------


def extra_plans() -> list[Plan]:
    """Plans with what the seeds lack: 科室/处室 labels, punctuation-heavy and Latin text, no year, items."""
    a = sample_plan(title="某县教育局2016年工作要点", year=2016)
    a.nodes[1].children.append(
        task(
            "推进“互联网+教育”（试点）",
            'NEAR(a b) AND x* OR "引号" ^ 1:2 — 师,德',
            配合科室="体卫艺科、基教科",
            责任处室="财建处",
            完成时限="2016年12月",
        )
    )
    a.nodes[1].children.append(task("ＡＢＣ全角与ａｂｃ", "Ⅻ ﬁ 𠀀字 𝔸 emoji 🙂 校园足球", 牵头单位="电教馆"))
    b = sample_plan(title="无年份的计划", year=None)
    b.issuers = ["某区教育局", "某区人民政府"]
    c = Plan(
        title="某市2019年行动计划",
        year=2019,
        issuers=["湘潭市教育局"],
        notice=Notice(doc_number="潭教发〔2019〕1号"),
        nodes=[
            Node(
                NodeKind.SECTION,
                "一、师德建设",
                children=[
                    task("师德", "正文不含那两个字。", 牵头单位="基教科"),
                    task("加强管理", "师德考核纳入教育系统年度考核。", 责任单位="人事科、基教科"),
                ],
            )
        ],
    )
    return [a, b, c]


@pytest.fixture(scope="module")
def seeded(tmp_path_factory, request) -> Path:
    """A library file holding the five seed plans (when present) and the extra plans."""
    from .conftest import SEEDS

    path = tmp_path_factory.mktemp("search") / "seeded.db"
    with Library.open(path) as lib:
        for file in sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []:
            for plan in import_file(file):
                lib.add_plan(plan)
        for plan in extra_plans():
            lib.add_plan(plan)
    return path


@pytest.fixture
def lib(seeded, tmp_path) -> Library:
    copy = tmp_path / "lib.db"
    shutil.copy(seeded, copy)
    with Library.open(copy) as opened:
        yield opened


QUERIES = [
    # 1, 2, 3 and long terms
    "疫",
    "校",
    "德",
    "，",
    "a",
    "1",
    "字",
    "𠀀",
    "🙂",
    "Ⅻ",
    "ﬁ",
    "a",
    "Ａ",
    "师德",
    "足球",
    "安全",
    "县域",
    "近视",
    "量子",
    "基教",
    "12",
    "大班额",
    "思政课",
    "十四五",
    "营养餐",
    "基教科",
    "abc",
    "教育局",
    "校园足球",
    "研学旅行",
    "学前教育",
    "义务教育优质均衡",
    "校外培训机构",
    "普惠性幼儿园",
    "市人力资源社会保障局",
    "落实新时代教师职业行为十项准则",
    "“互联网+教育”（试点）",
    "NEAR(a b)",
    # several words, phrases, exclusions
    "校园足球 特色学校",
    "师德 考核",
    "教育 质量 提升",
    '"师德 考核"',
    '"校园足球"',
    "师德 -考核",
    "安全 -学校 -校园",
    "-教育",
    "-的",
    '-"师德"',
    '"义务教育 优质"',
    # filters
    "year:2020",
    "year:2017-2019",
    "year:2019-2017",
    "year:2016 师德",
    "issuer:湘潭",
    "issuer:某区 issuer:人民政府",
    "issuer:湖南 安全",
    "unit:基教科",
    "unit:基教",
    "unit:体卫艺科 -考核",
    "unit:财建处",
    "field:责任单位=基教科",
    "field:牵头=基教",
    "field:完成时限=12月",
    "field:配合科室=体卫艺科",
    "kind:task",
    "kind:section 师德",
    "kind:plan",
    "kind:item",
    "kind:plan 湘潭",
    "kind:task year:2018 安全",
    "year:2020 unit:基教科 -安全",
    "kind:section kind:task 教育",
    # hostile syntax, searched literally
    '"',
    '""',
    '"师德',
    'x"y',
    "*",
    "(",
    ")",
    ":",
    "^",
    "NEAR",
    "AND",
    "OR",
    "NOT",
    "师德*",
    "(师德)",
    "a:b",
    "-",
    "--",
    "- 师德",
    "师德 OR 考核",
    '"" 师德',
    "{title}:师德",
    "title:师德",
    "\\",
    "'",
    "%",
    "_",
    "%师德%",
]


@pytest.mark.parametrize("query", QUERIES)
def test_query_finds_exactly_what_a_substring_scan_finds(lib, query):
    assert_exact(lib, query)


def test_seed_library_is_really_searched(lib, seeds):
    """The table above is not vacuous: common terms hit many documents of the seed plans."""
    assert len(found(lib, "师德")) >= 6
    assert len(found(lib, "疫")) >= 3
    assert len({pid for pid, _ in found(lib, "教育")}) >= 7
    assert found(lib, "unit:基教科")


@pytest.mark.parametrize(
    "query, message",
    [
        ("year:20x9", "not a year"),
        ("year:", "not a year"),
        ("year:0000", "not a year"),
        ("kind:robot", "unknown kind"),
        ("field:责任单位", "not a field filter"),
        ("unit:", "needs something after it"),
        ("-year:2019", "cannot be negated"),
        ("师" * 1001, "too long"),
        (" ".join("词" + str(i) for i in range(40)), "too many search words"),
    ],
)
def test_bad_queries_are_refused_with_a_message(lib, query, message):
    with pytest.raises(SearchError) as refused:
        search(lib, query)
    assert message in refused.value.message.template


JUNK = st.text(
    alphabet=st.sampled_from(
        list("师德校园足球基教科\"*()-:^ NEARORANDnot{}年份year:unit:kind:task，。、“”（）a1Ａ🙂\\'%_\n\t")
    ),
    max_size=60,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=JUNK)
def test_any_text_is_searched_literally_or_refused(lib, query):
    try:
        expected = oracle(lib, query)
    except SearchError:
        with pytest.raises(SearchError):
            search(lib, query)
        return
    assert found(lib, query) == expected


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(min_size=1500, max_size=2000))
def test_two_thousand_characters_of_junk_never_raise_anything_else(lib, query):
    try:
        search(lib, query)
    except SearchError as e:
        assert "\n" not in str(e)


# ---- keeping in step --------------------------------------------------------------------------------------

STEP_QUERIES = [
    "师德",
    "德",
    "基教科",
    "unit:基教科",
    "校园足球",
    "year:2016",
    "kind:item",
    "新词汇",
    "新",
    "湘潭",
    "issuer:湘潭 师德",
    "field:牵头单位=新科室",
    "year:2030",
    "-教育",
]


def check_all(lib: Library) -> None:
    for query in STEP_QUERIES:  # the first search indexes what a large change left waiting
        assert_exact(lib, query)
    assert_index_sound(lib)


def a_task_with(lib: Library, text: str) -> int:
    return lib.db.execute("SELECT id FROM nodes WHERE kind = 'task' AND body LIKE ? LIMIT 1", [f"%{text}%"]).fetchone()[
        0
    ]


def test_edits_moves_deletes_and_undo_keep_the_index_exact(lib):
    undo = []
    nid = a_task_with(lib, "师德")
    undo.append(editing.apply(lib, editing.EditNode(nid, title="新词汇的标题", body="正文换成新词汇。")).inverse)
    check_all(lib)
    undo.append(
        editing.apply(lib, editing.SetFields(nid, (Field("牵头单位", "新科室"), Field("完成时限", "年底")))).inverse
    )
    check_all(lib)
    plan_id = lib.node_row(nid)["plan_id"]
    section = lib.child_ids(plan_id, None)[-1]
    undo.append(editing.apply(lib, editing.MoveNode(nid, section, 0)).inverse)
    check_all(lib)
    indent = editing.indent(lib, nid)
    if indent:
        undo.append(editing.apply(lib, indent).inverse)
        check_all(lib)
    add = editing.new_node(lib, plan_id, section, title="新增任务：校园足球")
    undo.append(editing.apply(lib, add).inverse)
    check_all(lib)
    victim = lib.db.execute("SELECT node_id FROM fields WHERE value LIKE '%基教科%' LIMIT 1").fetchone()[0]
    undo.append(editing.apply(lib, editing.DeleteNode(lib.node_row(victim)["parent_id"] or victim)).inverse)
    check_all(lib)
    undo.append(
        editing.apply(
            lib, editing.UpdatePlan.of(plan_id, year=2030, title="湘潭新标题", **{"notice.doc_number": "新〔2030〕1号"})
        ).inverse
    )
    check_all(lib)
    undo.append(
        editing.apply(
            lib,
            editing.Batch(
                (
                    editing.EditNode(a_task_with(lib, "教育"), body="教育 与 师德"),
                    editing.SetFields(a_task_with(lib, "教育"), ()),
                )
            ),
        ).inverse
    )
    check_all(lib)
    before = {q: oracle(lib, q) for q in STEP_QUERIES}
    while undo:
        editing.apply(lib, undo.pop())
        check_all(lib)
    assert before  # the edits changed what the queries find; undoing all of them is checked at every step


def test_adding_and_deleting_plans_keep_the_index_exact(lib):
    pid = lib.add_plan(sample_plan(title="湘潭新词汇计划", year=2030))
    check_all(lib)
    lib.update_plan(pid, {"year": 2016, "issuers": ["湘潭市政府"]})
    check_all(lib)
    lib.delete_plan(pid)
    check_all(lib)
    pid = editing.duplicate_plan(lib, lib.plan_ids()[0], title="复制的计划")
    check_all(lib)


def test_a_failed_edit_leaves_the_index_as_it_was(lib):
    nid = a_task_with(lib, "师德")
    with pytest.raises(RuntimeError), lib.transaction():
        editing.apply(lib, editing.EditNode(nid, body="新词汇"))
        raise RuntimeError("boom")
    check_all(lib)


def test_another_program_writing_without_planbook_cannot_corrupt_or_fail(lib):
    """A plain SQLite client (no Planbook code, no functions) edits the library: nothing fails, and Planbook
    answers exactly both while the change waits (read-only) and after re-indexing it (writable)."""
    path = lib.path
    lib.close()
    conn = sqlite3.connect(path)
    nid = conn.execute("SELECT id FROM nodes WHERE body LIKE '%师德%' AND kind = 'task' LIMIT 1").fetchone()[0]
    conn.execute("UPDATE nodes SET title = '新词汇', body = '校园足球 新' WHERE id = ?", [nid])
    conn.execute("UPDATE fields SET value = '新科室' WHERE node_id = ?", [nid])
    conn.execute("UPDATE nodes SET body = body || '湘潭' WHERE id = ?", [nid])  # a second change, same node
    conn.execute("UPDATE plans SET year = 2030 WHERE id = (SELECT plan_id FROM nodes WHERE id = ?)", [nid])
    conn.commit()
    conn.close()
    # As Library.open opens a file it may not write (tests may run as root, where chmod does not stop writes).
    with Library(path, sqlite_utils.Database(_connect(path, readonly=True)), readonly=True) as ro:
        assert ro.db.execute("SELECT count(*) FROM search_queue").fetchone()[0] > 0
        for query in STEP_QUERIES:
            assert_exact(ro, query)
    with Library.open(path) as rw:
        assert_exact(rw, "新词汇")
        check_all(rw)


def test_reindex_rebuilds_the_same_answers_and_an_old_tokenizer_is_rebuilt(lib):
    before = {q: found(lib, q) for q in STEP_QUERIES}
    assert reindex(lib) == len(plan_docs(lib))
    assert {q: found(lib, q) for q in STEP_QUERIES} == before
    with lib.transaction():
        lib.db.execute("UPDATE search_meta SET value = 'old' WHERE key = 'tokenizer'")
        lib.db.execute("INSERT INTO search_fts(search_fts) VALUES ('delete-all')")
    lib._search_current = False
    assert {q: found(lib, q) for q in STEP_QUERIES} == before


def test_a_large_change_waits_for_the_next_search_and_small_commits_do_not_index_it(lib):
    """A commit of more than DEFER_DOCS documents (a next-year draft) leaves them queued instead of paying twenty
    times its inserts; later small commits index only their own changes; the next search indexes the backlog
    first (writable) or scans it (read-only), and answers exactly either way."""
    from planbook.core import search as search_module
    from planbook.core.drafting import draft_next_year

    big = sample_plan(title="某市教育局2019年工作要点", year=2019)
    big.nodes = [task(f"任务{i}：劳动教育基地", f"第{i}项：建设劳动教育基地，校园足球。") for i in range(300)]
    big_id = lib.add_plan(big)
    waiting = lib.db.execute("SELECT count(*) FROM search_queue").fetchone()[0]
    assert waiting > search_module.DEFER_DOCS  # the 300 tasks and the plan wait to be indexed
    nid = a_task_with(lib, "师德")
    editing.apply(lib, editing.EditNode(nid, title="一个小改动：新词汇"))
    assert lib.db.execute("SELECT count(*) FROM search_queue").fetchone()[0] == waiting  # its own doc indexed
    assert not lib.db.execute("SELECT 1 FROM search_queue WHERE doc = ?", [nid]).fetchone()
    draft_id = draft_next_year(lib, big_id)
    assert lib.db.execute("SELECT count(*) FROM search_queue").fetchone()[0] == 2 * waiting
    path = lib.path
    with Library(path, sqlite_utils.Database(_connect(path, readonly=True)), readonly=True) as ro:
        assert_exact(ro, "劳动教育基地")  # read-only: the waiting documents are scanned
    assert_exact(lib, "劳动教育基地")  # writable: indexed first, then searched
    assert lib.db.execute("SELECT count(*) FROM search_queue").fetchone()[0] == 0
    assert {pid for pid, _ in found(lib, "劳动教育基地")} == {big_id, draft_id}
    check_all(lib)


def test_a_library_of_the_previous_schema_is_converted_and_answers_the_same(tmp_path):
    """tests/data/search-v6.db was made by the previous release (schema 6: unicode61 tokens, built by a search,
    then edited): opened now, its index is made again with the ascii tokenizer, and every query answers exactly."""
    path = tmp_path / "v6.db"
    shutil.copy(Path(__file__).parent / "data" / "search-v6.db", path)
    with Library.open(path) as lib:
        assert lib.db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS) >= 7
        sql = lib.db.execute("SELECT group_concat(sql) FROM sqlite_master WHERE name LIKE 'search%' AND type = 'table'")
        assert sql.fetchone()[0].count("tokenize='ascii'") == 1 and not _has_table(lib, "search_head")
        for query in [*QUERIES, *STEP_QUERIES]:
            assert_exact(lib, query)
        assert "改过的标题" in {h.title[:5] for h in search(lib, "校园足球").hits}
        assert_index_sound(lib)
    Library.check_file(path)


def test_a_library_of_schema_8_loses_its_prefix_index_and_answers_1_character_queries_from_the_vocabulary(tmp_path):
    """Schema 8 had a prefix index; opened now, its index is made again without one (v9), with the bigram
    vocabulary, and 1-character queries (first and last character of a field, of a title, of a body) answer
    exactly."""
    path = tmp_path / "v8.db"
    db = library_at_version(path, 8)
    db["plans"].insert({"id": 1, "title": "旧库里的计划", "year": 2015, "issuers": '["某局"]'})
    db["nodes"].insert(
        {"id": 1, "plan_id": 1, "parent_id": None, "position": 0, "kind": "task", "title": "师德", "body": "校园足球"}
    )
    db.conn.commit()
    db.conn.close()
    with Library.open(path) as lib:
        assert lib.db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        assert "prefix" not in lib.db.execute("SELECT sql FROM sqlite_master WHERE name = 'search_fts'").fetchone()[0]
        assert found(lib, "德") == {(1, 1)} and found(lib, "球") == {(1, 1)} and found(lib, "旧") == {(1, None)}
        assert found(lib, "师") == {(1, 1)} and found(lib, "划") == {(1, None)} and found(lib, "校") == {(1, 1)}
        assert lib.db.execute("SELECT count(*) FROM search_vocab").fetchone()[0] > 0
        check_all(lib)


@pytest.mark.parametrize("text", ["甲", "乙丙", "a", "Ｂ", "*", '"', "𠀀", "𠀀𠀁", "丁*", "-戊", "己\n庚"])
def test_a_character_never_indexed_before_is_found_at_the_start_and_end_of_every_column(lib, text):
    """An edit brings characters the library never held (CJK, ASCII, full-width, FTS5 syntax, outside the BMP):
    each, alone, is found at once as a title's, a body's and a field's first and last character, and is no longer
    found once the edit is undone."""
    nid = a_task_with(lib, "师德")
    edits = [
        editing.EditNode(nid, title=f"{text}题目{text}", body=f"{text}"),
        editing.SetFields(nid, (Field("牵头单位", f"{text}科{text}"),)),
    ]
    undo = [editing.apply(lib, e).inverse for e in edits]
    chars = {c for c in norm_text(text) if not c.isspace()}
    for c in chars:
        assert_exact(lib, c)
        assert (lib.node_row(nid)["plan_id"], nid) in found(lib, c)
        assert_exact(lib, f"unit:{c}")
        assert_exact(lib, f"-{c}")
    for inverse in reversed(undo):
        editing.apply(lib, inverse)
    for c in chars:
        assert_exact(lib, c)
    assert_index_sound(lib)


def norm_text(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


def test_a_library_of_schema_9_loses_search_head_without_a_rebuild_and_answers_the_same(lib):
    """Schema 9 indexed titles and fields twice (search_head); v10 drops that table only: search_fts is kept as
    it was (no rebuild, minutes at 10,000 plans), every plan is kept, and every query answers exactly."""
    from planbook.core.schema import _V3_TRIGGERS
    from planbook.core.search import tokens

    found(lib, "校")  # the index is built and caught up
    plans = lib.plan_ids()
    with lib.transaction():  # back to schema 9: search_head as v9 made it, filled as v9 filled it
        lib.db.execute(
            "CREATE VIRTUAL TABLE search_head USING fts5(title, units, fields, content='', tokenize='ascii')"
        )
        rows = lib.db.execute("SELECT key, title, units, fields FROM search_node_src").fetchall()
        lib.db.conn.executemany(
            "INSERT INTO search_head(rowid, title, units, fields) VALUES (?, ?, ?, ?)",
            [(k, tokens(t or ""), tokens(u or ""), tokens(f or "")) for k, t, u, f in rows],
        )
        lib.db.execute("DROP TRIGGER search_fields_bi")  # and the field trigger as v3 made it (v11 changes it)
        lib.db.execute(f"CREATE TRIGGER search_fields_bi {_V3_TRIGGERS['fields_bi']}")
        lib.db.execute("PRAGMA user_version = 9")
    index = lib.db.execute("SELECT id, block FROM search_fts_data WHERE id != 10 ORDER BY id").fetchall()
    path = lib.path
    lib.close()
    with Library.open(path) as again:
        assert again.db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS) >= 10
        assert not _has_table(again, "search_head")
        assert again.db.execute("SELECT value FROM search_meta WHERE key = 'tokenizer'").fetchone()[0] == "2"
        # the index's pages unchanged (the structure record, id 10, counts v12's setting changes in its cookie)
        assert again.db.execute("SELECT id, block FROM search_fts_data WHERE id != 10 ORDER BY id").fetchall() == index
        assert again.plan_ids() == plans
        for query in QUERIES:
            assert_exact(again, query)
        check_all(again)
    Library.check_file(path)


def test_a_rebuild_writes_one_segment_and_leaves_no_free_pages(lib):
    """A rebuild indexes in key order with a large hash: FTS5 writes the index out once, so 'optimize' has nothing
    to merge and the file holds no second copy of the index in free pages; the hash is FTS5's default again."""
    found(lib, "校")
    reindex(lib)  # an index built edit by edit is larger (its segments are merged only while the window idles)
    lib.compact()  # no free pages before
    assert reindex(lib) == len(plan_docs(lib))
    assert lib.db.execute("SELECT count(DISTINCT segid) FROM search_fts_idx").fetchone()[0] == 1
    free = lib.db.execute("PRAGMA freelist_count").fetchone()[0]
    index = lib.db.execute("SELECT count(*) FROM dbstat WHERE name = 'search_fts_data'").fetchone()[0]
    assert free < index / 20, (free, index)  # a few pages of the small tables, not a copy of the index
    assert lib.db.execute("SELECT v FROM search_fts_config WHERE k = 'hashsize'").fetchone()[0] == 1 << 20
    check_all(lib)


def test_reindex_compact_gives_the_free_space_of_a_converted_library_back(tmp_path):
    """A library converted from schema 6 keeps the old, larger index's pages free; `reindex --compact` rebuilds
    the index and hands them back, and the library answers as before."""
    path = tmp_path / "v6.db"
    shutil.copy(Path(__file__).parent / "data" / "search-v6.db", path)
    with Library.open(path) as lib:
        lib.db.execute("PRAGMA journal_mode = DELETE")  # the file's size is all there is to compare
        before = {q: found(lib, q) for q in STEP_QUERIES}
        free = lib.db.execute("PRAGMA freelist_count").fetchone()[0] * lib.db.execute("PRAGMA page_size").fetchone()[0]
    size = path.stat().st_size
    assert free > 0
    r = run_cli("reindex", "--compact", library=path)
    assert r.code == 0 and "compacted the file" in r.out, r.err
    assert path.stat().st_size <= size - free
    with Library.open(path) as lib:
        assert lib.db.execute("PRAGMA freelist_count").fetchone()[0] == 0
        assert {q: found(lib, q) for q in STEP_QUERIES} == before
        assert_index_sound(lib)


def test_a_library_made_before_search_is_indexed_when_opened(tmp_path):
    path = tmp_path / "v1.db"
    db = sqlite_utils.Database(path)
    MIGRATIONS[0](db)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute("PRAGMA user_version = 1")
    db["plans"].insert({"id": 1, "title": "旧库里的计划", "year": 2015, "issuers": '["某局"]'})
    db["nodes"].insert(
        {"id": 1, "plan_id": 1, "parent_id": None, "position": 0, "kind": "task", "title": "师德", "body": "校园足球"}
    )
    db["fields"].insert({"node_id": 1, "position": 0, "label": "牵头单位", "value": "基教科"})
    db.conn.commit()
    db.conn.close()
    with Library.open(path) as lib:
        assert lib.db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        editing.apply(lib, editing.EditNode(1, title="师德师风"))  # an edit before the index is built
        assert found(lib, "校园足球") == {(1, 1)}  # the first search builds it
        assert found(lib, "师风") == {(1, 1)}
        assert found(lib, "unit:基教科") == {(1, 1)}
        assert found(lib, "旧库") == {(1, None)}
        check_all(lib)


# ---- ranking and results ----------------------------------------------------------------------------------


def test_ranking_puts_title_hits_first_then_newer_plans(tmp_path):
    with Library.open(tmp_path / "rank.db") as lib:
        old = Plan(title="旧计划", year=2015, nodes=[task("加强劳动教育", "正文"), task("其他", "正文里提到劳动教育")])
        new = Plan(title="新计划", year=2021, nodes=[task("其他工作", "正文里提到劳动教育")])
        lib.add_plan(old)
        lib.add_plan(new)
        results = search(lib, "劳动教育")
        assert results.mode == "bm25"
        assert [h.title for h in results.hits][0] == "加强劳动教育"
        assert results.hits[0].score > results.hits[1].score >= results.hits[2].score
        assert [h.plan_year for h in results.hits[1:]] == [2021, 2015]
        assert results.plan_counts == {1: 2, 2: 1}


def test_many_hits_come_title_first_then_newest_first(tmp_path, monkeypatch):
    from planbook.core import search as search_module

    monkeypatch.setattr(search_module, "BM25_MAX_HITS", 0)  # force the newest-first tiers
    with Library.open(tmp_path / "tiers.db") as lib:
        for year in (2016, 2018, 2017):
            lib.add_plan(
                Plan(title=f"{year}年计划", year=year, nodes=[task("别的", "正文有安全"), task("安全工作", "正文")])
            )
        results = search(lib, "安全")
        assert results.mode == "recent"
        titles = [(h.plan_year, h.title) for h in results.hits]
        assert titles == [
            (2018, "安全工作"),
            (2017, "安全工作"),
            (2016, "安全工作"),
            (2018, "别的"),
            (2017, "别的"),
            (2016, "别的"),
        ]


def test_with_many_hits_title_hits_are_looked_for_among_the_newest(tmp_path, monkeypatch):
    """With more than HEAD_WINDOW hits, the first tier holds the title and field hits among the newest
    HEAD_WINDOW hits (a column filter walks every hit until it has enough: a common body word with no title hit
    would walk them all); older title hits come newest first with the rest, and every hit is still there."""
    from planbook.core import search as search_module

    monkeypatch.setattr(search_module, "BM25_MAX_HITS", 0)
    monkeypatch.setattr(search_module, "HEAD_WINDOW", 2)
    with Library.open(tmp_path / "window.db") as lib:
        for year in (2016, 2018, 2017):
            lib.add_plan(
                Plan(title=f"{year}年计划", year=year, nodes=[task("别的", "正文有安全"), task("安全工作", "正文")])
            )
        results = search(lib, "安全")
        assert results.mode == "recent" and results.total == 6
        assert [(h.plan_year, h.title) for h in results.hits] == [
            (2018, "安全工作"),
            (2018, "别的"),
            (2017, "安全工作"),
            (2017, "别的"),
            (2016, "安全工作"),
            (2016, "别的"),
        ]
        assert results.hits[0].score > results.hits[1].score


@pytest.mark.parametrize("window", [3, 40, 5000])
@pytest.mark.parametrize(
    "query", ["安", "全", "安全", "全工", "安全工", "工作要点", "安全工作要", "a", "ab", '"安 全"', "x安", "安全 -别"]
)
def test_terms_of_every_length_are_exact_and_title_hits_come_first(tmp_path_factory, monkeypatch, window, query):
    """1-, 2-, 3- and 5-character terms (CJK, ASCII, mixed, quoted, negated) in a generated library: the hits
    equal a substring scan, and in both modes every title or field hit of the first tier ranks above every other
    hit, and only hits holding the terms in their title or fields are in it."""
    from planbook.core import search as search_module

    path = tmp_path_factory.getbasetemp() / "generated-terms.db"
    if not path.exists():
        with Library.open(path) as made:
            for i in range(12):
                nodes = [
                    task(f"安全工作{k}" if k % 3 == 0 else f"别的{k}", "正文有安全工作要点ab x安" if k % 2 else "全工")
                    for k in range(8)
                ]
                made.add_plan(Plan(title=f"{2010 + i % 5}年工作要点", year=2010 + i % 5, nodes=nodes))
    monkeypatch.setattr(search_module, "HEAD_WINDOW", window)
    for bm25_max in (0, 2000):
        monkeypatch.setattr(search_module, "BM25_MAX_HITS", bm25_max)
        with Library.open(path) as lib:
            assert_exact(lib, query)
            hits = search(lib, query, limit=1000).hits
            scores = [h.score for h in hits]
            assert scores == sorted(scores, reverse=True)
            terms = parse(query).terms
            for h in hits:
                head = all(t in n(h.title) or t in n(h.plan_title if h.node_id is None else "") for t in terms)
                if h.score >= 1500:  # the first tier: title and field hits (no field in this library)
                    assert head or h.node_id is None
                elif window == 5000 and h.node_id is not None:
                    assert not head  # with the whole list in the window, no title hit is left for the second tier


def test_hits_carry_number_title_and_highlighted_snippet(lib):
    hits = search(lib, "师德 考核", limit=5).hits
    assert hits
    for h in hits:
        assert h.node_id is not None and h.number and h.title
        marked = [h.snippet[s:e] for s, e in h.highlights]
        assert marked and all(m.replace("师德", "").replace("考核", "") == "" for m in marked)
        assert "«师德»" in h.marked() or "«考核»" in h.marked()
    node = lib.load_plan(hits[0].plan_id)
    from planbook.core.numbering import number_tree

    numbers = number_tree(node.nodes, node.numbering)
    match = [x for top in node.nodes for x in top.walk() if x.id == hits[0].node_id][0]
    assert hits[0].number == numbers[id(match)]


def test_numbers_match_the_printed_numbering_on_every_node(lib):
    from planbook.core.model import Numbering
    from planbook.core.numbering import number_tree
    from planbook.core.search import _plan_numbers

    for numbering in Numbering:
        lib.db.execute("UPDATE plans SET numbering = ?", [str(numbering)])
        plans = {pid: str(numbering) for pid in lib.plan_ids()}
        ours = _plan_numbers(lib.db, plans)
        for pid in plans:
            plan = lib.load_plan(pid)
            printed = number_tree(plan.nodes, plan.numbering)
            for top in plan.nodes:
                for node in top.walk():
                    assert ours[node.id] == printed[id(node)]


def test_highlights_survive_normalisation(lib):
    hits = search(lib, "abc").hits
    assert any("ＡＢＣ" in h.snippet or "ａｂｃ" in h.snippet for h in hits)
    for h in hits:
        assert all(n(h.snippet[s:e]) == "abc" for s, e in h.highlights)


def test_limit_and_an_empty_query(lib):
    assert len(search(lib, "教育", limit=3).hits) == 3
    assert search(lib, "   ").hits == []
    assert search(lib, "").total == 0


# ---- the command line -------------------------------------------------------------------------------------


def test_cli_search_json_and_text(seeded, tmp_path):
    path = tmp_path / "cli.db"
    shutil.copy(seeded, path)
    r = run_cli("search", "--json", "--limit", "3", "师德", "考核", library=path)
    assert r.code == 0, r.err
    data = json.loads(r.out)
    assert len(data["results"]) <= 3 and data["total"] >= len(data["results"]) > 0
    for row in data["results"]:
        assert {"plan_id", "node_id", "number", "title", "snippet", "score"} <= row.keys()
    r = run_cli("search", "--", "-教育", "kind:section", library=path)
    assert r.code == 0 and "共" in r.out
    r = run_cli("search", "量子力学", library=path)
    assert r.code == 0 and "没有找到" in r.out
    r = run_cli("search", "year:abc", library=path)
    assert r.code == 1 and r.err.count("\n") == 1 and "not a year: year:abc" in r.err and "Traceback" not in r.err
    r = run_cli("reindex", library=path)
    assert r.code == 0 and "indexed" in r.out


@pytest.mark.parametrize(
    "chinese, english",
    [
        ("单位:基教科", "unit:基教科"),
        ("单位：基教科 -考核", "unit:基教科 -考核"),
        ("年度:2017-2019", "year:2017-2019"),
        ("年份：2020 师德", "year:2020 师德"),
        ("机关:湘潭", "issuer:湘潭"),
        ("发文机关：湖南 安全", "issuer:湖南 安全"),
        ("字段:责任单位=基教科", "field:责任单位=基教科"),
        ("类型:任务 年度:2018 安全", "kind:task year:2018 安全"),
        ("类型：方案 湘潭", "kind:plan 湘潭"),
    ],
)
def test_chinese_filter_keys_mean_the_english_ones(lib, chinese, english):
    assert parse(chinese) == parse(english)
    assert found(lib, chinese) == found(lib, english)


def test_chinese_filter_keys_are_refused_with_the_same_messages(lib):
    with pytest.raises(SearchError) as refused:
        search(lib, "年度:明年")
    assert "not a year" in refused.value.message.template


def test_upgrading_a_large_library_is_said_before_it_starts(tmp_path, monkeypatch, capsys):
    """The one-time upgrade of a large library holds `planbook` (and the window's start) for up to a minute at
    10,000 plans: the command says so on stderr first, and an up-to-date library says nothing."""
    from planbook import cli

    path = tmp_path / "old.db"
    shutil.copy(Path(__file__).parent / "data" / "search-v6.db", path)
    monkeypatch.setattr(cli, "LARGE_LIBRARY_BYTES", 0)  # the copy is small: treat it as large
    assert cli.main(["--library", str(path), "list"]) == 0
    assert "upgrading" in capsys.readouterr().err
    assert cli.main(["--library", str(path), "list"]) == 0  # upgraded: nothing more to say
    assert "upgrading" not in capsys.readouterr().err


def test_before_upgrade_is_called_only_for_an_older_library(tmp_path):
    path = tmp_path / "old.db"
    shutil.copy(Path(__file__).parent / "data" / "search-v6.db", path)
    seen: list[Path] = []
    Library.open(tmp_path / "new.db", before_upgrade=seen.append).close()  # a new library is made, not upgraded
    Library.open(path, before_upgrade=seen.append).close()
    Library.open(path, before_upgrade=seen.append).close()
    assert seen == [path]


def _segments(lib: Library) -> set[int]:
    """The FTS5 segments of the index: a page's rowid in search_fts_data carries its segment id above bit 37."""
    rows = lib.db.execute("SELECT id FROM search_fts_data WHERE id >= ?", [1 << 37]).fetchall()
    return {rowid >> 37 for (rowid,) in rows}


def test_a_commit_never_rewrites_the_index_and_the_idle_merge_goes_a_few_pages_at_a_time(lib):
    """After a rebuild the whole index is one segment. FTS5's own merging, counting segments, made the sixteenth
    small commit after it rewrite that segment whole (0.4 s of one keystroke at 1,000 plans): commits never merge
    now, so the rebuilt segment outlives forty commits; `merge_step` (the window's idle ticks) merges in bounded
    steps, the search staying exact."""
    from planbook.core import search as core_search

    core_search.reindex(lib)
    (rebuilt,) = _segments(lib)
    pages = "SELECT id, block FROM search_fts_data WHERE id >> 37 = ? ORDER BY id"
    before = lib.db.execute(pages, [rebuilt]).fetchall()
    plan_id = lib.plan_ids()[0]
    title = lib.load_plan_header(plan_id).title
    for i in range(40):  # a clerk's edits, one commit each: what used to set off the rewrite at the sixteenth
        editing.apply(lib, editing.UpdatePlan.of(plan_id, title=f"{title}修订{i}"))
    assert lib.db.execute(pages, [rebuilt]).fetchall() == before  # not rewritten: every page as it was
    assert len(_segments(lib)) == 41  # beside forty small ones
    check_all(lib)
    steps = 0
    while core_search.merge_step(lib, pages=8):
        steps += 1
        assert steps < 10_000
    assert steps >= 1 and len(_segments(lib)) < 41  # merged, 8 pages a step
    assert not core_search.merge_step(lib, pages=8)
    check_all(lib)
    config = dict(lib.db.execute("SELECT k, v FROM search_fts_config").fetchall())
    assert (config["automerge"], config["crisismerge"], config["usermerge"]) == (0, 64, 16)
