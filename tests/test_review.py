"""The draft review (core.review, `planbook review`) and find and replace (core.replace, `planbook replace`).

The seeds are rolled forward a year and their year findings compared with a count made by reading each seed; a
list of tricky phrases collected from the seeds and other real plans must give no finding at all.
"""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from planbook.core import editing
from planbook.core.checks import Severity, check_plan
from planbook.core.drafting import draft_next_year
from planbook.core.library import Library
from planbook.core.model import Field, Node, NodeKind, Plan, Progress
from planbook.core.replace import find, find_library, replace_edit
from planbook.core.review import (
    Action,
    Kind,
    accept_edit,
    ignore,
    last_year,
    record_rename,
    renames,
    review,
    review_plan,
    unignore_all,
)
from planbook.core.schema import SCHEMA_VERSION
from planbook.core.texts import Spot
from planbook.importers import import_file

from .conftest import library_at_version, run_cli, sample_plan, task


def one_task_plan(text: str, year: int = 2021) -> Plan:
    return Plan(
        title=f"某市教育局{year}年工作要点",
        year=year,
        nodes=[Node(NodeKind.SECTION, "一、重点工作", children=[task("任务", text)])],
    )


def kinds(findings) -> list[tuple[str, str, str | None]]:
    return [(str(f.kind), f.text, f.replacement) for f in findings]


# ---- the seeds, rolled forward -----------------------------------------------------------------------------------

# Read by hand: every year before the draft's in the text of each seed's tasks, preamble and closing; ranges that
# still cover the new year, document names (《…（2018-2020年）》), and the 8-digit (20162020年) slips are not.
SEED_YEARS = {
    # 2017 → 2018: 确定2017年作为“教育信息化建设年” (《特殊教育2015-2017年提升计划》 is a document's name)
    "000": ["9.2017"],
    # 2020 → 2021: 学前三年毛入学率, 消除大班额, 高考一本上线率, 消除普通高中超大班额 (《…(2017—2020年)》 is a name)
    "001": ["19.2020", "20.2020", "21.2020", "21.2020"],
    # 2019 → 2020: 到2019年底 全面消除56人以上大班额; 到2019年 兴隆台区 (到2020年/2022年 are the draft's year or later)
    "002": ["（四）2019", "（九）2019"],
    # 2020 → 2021: the 11 task lines with 2020年 (学习方案, 政治建设年, 年底前, 2020年后, 宣传月, 大班额, 毛入学率,
    # 入学率, 秋季入学, 征兵, 公费师范生); 2019-2022年, 2020-2025年, 2018-2020年 ranges are not
    "003": [
        "2.2020",
        "3.2020",
        "8.2020",
        "12.2020",
        "14.2020",
        "15.2020",
        "16.2020",
        "17.2020",
        "18.2020",
        "24.2020",
        "27.2020",
    ],
    # 2018 → 2019: 2018年度任务, 2018年秋季学期, 办好2018年终身学习活动周, 2018年国培计划, 编制2018年度绩效考评
    # (“十三五”(2018-2020年) covers 2019; (20152020年) is not a year)
    "004": ["1.2018", "2.2018", "5.2018", "2.2018", "3.2018"],
}


@pytest.fixture(scope="module")
def drafted(tmp_path_factory):
    """Each seed imported and drafted for next year: {seed number: (library path, source id, draft id)}."""
    from .conftest import SEEDS

    if not SEEDS.is_dir():
        pytest.skip(f"the seed plans are not at {SEEDS}")
    path = tmp_path_factory.mktemp("review") / "lib.db"
    ids = {}
    with Library.open(path) as lib:
        for seed in sorted(SEEDS.glob("*.txt")):
            source = lib.add_plan(import_file(seed)[0])
            ids[seed.name[:3]] = (source, draft_next_year(lib, source))
    return path, ids


@pytest.mark.parametrize("seed", sorted(SEED_YEARS))
def test_each_seed_rolled_forward_has_the_year_findings_counted_by_hand(drafted, seed):
    path, ids = drafted
    with Library.open(path) as lib:
        findings = review_plan(lib, ids[seed][1])
    years = [f for f in findings if f.kind is Kind.YEAR and f.text[:1].isdigit()]
    got = [re.match(r"\d+\.|（[一二三四五六七八九十]+）|", f.place)[0] + f.text for f in years]
    assert got == SEED_YEARS[seed]
    # none of them is part of a range or a document's name
    for f in years:
        with Library.open(path) as lib:
            text = _text(lib.load_plan(ids[seed][1]), f.spot)
        assert text[f.end : f.end + 1] == "年" and text[f.end + 1 : f.end + 2] not in "-—–~～至"
        assert text.rfind("《", 0, f.start) <= text.rfind("》", 0, f.start)


def _text(plan: Plan, spot: Spot) -> str:
    from planbook.core.texts import text_at

    return text_at(plan, spot)


def test_seed_003_gets_its_meetings_periods_and_events(drafted):
    path, ids = drafted
    with Library.open(path) as lib:
        findings = review_plan(lib, ids["003"][1])
    meetings = kinds(f for f in findings if f.kind is Kind.MEETING)
    assert ("meeting", "十九届二中、三中、四中全会", "十九届二中、三中、四中、五中全会") in meetings
    assert meetings.count(("meeting", "十九届四中全会", "十九届五中全会")) == 3  # title and twice in 工作措施
    periods = kinds(f for f in findings if f.kind is Kind.PERIOD)
    assert ("period", "十三五", None) in periods  # inside 《…“十三五”规划》: a document's name, no replacement
    assert ("period", "编制", "实施") in periods
    events = {f.text for f in findings if f.kind is Kind.EVENT}
    assert {"决胜全面建成小康社会", "打赢脱贫攻坚战", "脱贫攻坚", "全面小康决胜年", "新冠肺炎"} <= events
    assert any(f.kind is Kind.CAMPAIGN and "政治建设年" in f.text for f in findings)
    assert any(f.kind is Kind.TARGET and f.text == "达到93%" for f in findings)


# ---- no false positives ------------------------------------------------------------------------------------------

# Collected from the seeds and other real 工作要点/行动计划: each is right as it stands in a 2021 plan.
TRICKY = [
    "推动《加快推进湖南教育现代化实施方案(2019-2022年)》落地落实",  # 003: a range covering the year, in a name
    "组织高校编制2020-2025年专业建设规划",  # 003: a range covering the year
    "推动各地落实《湖南省高中阶段教育普及攻坚计划(2018-2020年)》",  # 003: a document's own years
    "全面实施《特殊教育2015-2017年提升计划》",  # 000
    "贯彻《湘潭市教育信息化五年行动计划(20162020年)》",  # 000: a slip of the web copy, not a year
    "按照《中国教育现代化2035》要求",  # 001
    "推进教师信息能力提升工程2.0计划",  # 003
    "稳步推进1+X证书制度试点",  # 003
    "组团参加第十四届全国学生运动会",  # 003: 十四届 is no plenary session
    "办好第六届“互联网+”大学生创新创业大赛",  # 003
    "巩固拓展脱贫攻坚成果同乡村振兴有效衔接",  # the wording since 2021
    "深入学习贯彻党的十九大和十九届五中全会精神",  # the latest before 2021
    "科学编制“十四五”教育事业发展规划实施方案的年度计划",  # 实施方案 of the current period's plan
    "开展“十五五”规划前期研究",  # a later period
    "2018年以来，全市新建学校35所",  # history
    "自2015年起实施",  # history
    "从2019年秋季学期开始，全面推行",  # history
    "截至2020年底，全市共有幼儿园120所",  # a statistic
    "与2019年相比增长5个百分点",  # a comparison
    "2020年全市共有中小学312所",  # a statistic
    "2020年，全省高考上线率比上年提高3个百分点",  # a statistic
    "始于2016年的“全面改薄”工程",  # history
    "依据湘教发〔2020〕8号文件",  # a document number
    "索引号4303000014-2017-00043",  # an index number
    "发布时间2017-02-22",  # an ISO date
    "执行GB/T 9704-2012标准",  # a standard's year
    "编制2021年度部门预算",  # the plan's own year
    "到2025年，基本实现教育现代化",  # later
    "实施2021—2023年学前教育行动计划",  # a range from the plan's year
    "三年内完成",  # a span, not 年内
    "力争五年内全覆盖",  # a span
    "每年开展一次",  # every year
    "举办2020届毕业生就业双选会",  # a class of students, not a year written as a date
    "深入学习贯彻党的十九大精神",  # the latest congress before 2021
    "推进“十四五”规划实施",  # the current period
    "回顾“十三五”期间取得的成就",  # history of the last period, in its own words
]


def test_at_least_thirty_tricky_phrases_give_no_finding():
    assert len(TRICKY) >= 30
    for phrase in TRICKY:
        plan = one_task_plan(phrase)
        assert [(f.kind, f.text) for f in review(plan) if f.kind is not Kind.TARGET] == [], phrase


def test_what_is_found_in_a_plain_sentence():
    plan = one_task_plan(
        "做好2020年大学生征兵工作；明年启动；去年建成；年内完成；确定2020年为“质量提升年”；"
        "于2020年9月10日召开；深入学习十九届四中全会精神；落实“十三五”规划目标；"
        "打赢脱贫攻坚战；疫情防控常态化；普及率达到95%。"
    )
    found = kinds(review(plan))
    assert found == [
        ("year", "2020", "2021"),
        ("year", "明年", "今年"),
        ("year", "去年", None),
        ("year", "年内", None),
        ("year", "2020", "2021"),
        ("campaign", "2020年为“质量提升年", None),
        ("date", "2020年9月10日", None),
        ("meeting", "十九届四中全会", "十九届五中全会"),
        ("period", "十三五", "十四五"),
        ("event", "打赢脱贫攻坚战", None),
        ("event", "疫情防控", None),
        ("target", "达到95%", None),
    ]


def test_meetings_follow_the_shipped_table():
    # 2023: the twentieth congress (2022-10) is the latest; 2025: 二十届三中全会 (2024-07)
    assert kinds(review(one_task_plan("学习贯彻党的十九大精神", 2023))) == [("meeting", "十九大", "二十大")]
    assert kinds(review(one_task_plan("贯彻二十届二中全会精神", 2025))) == [
        ("meeting", "二十届二中全会", "二十届三中全会")
    ]
    assert review(one_task_plan("贯彻二十届三中全会精神", 2025)) == []
    # a plan for 2026 is in 十五五
    assert kinds(review(one_task_plan("落实“十四五”规划", 2026))) == [("period", "十四五", "十五五")]


# ---- accepting, ignoring, the list following the plan ------------------------------------------------------------


def stored(lib: Library, plan: Plan) -> Plan:
    return lib.load_plan(lib.add_plan(plan))


def test_accept_is_one_undoable_edit_and_the_list_follows(library):
    with Library.open(library) as lib:
        plan = stored(lib, one_task_plan("做好2020年征兵工作，2020年底前完成，深入学习十九届四中全会精神。"))
        findings = review(plan)
        years = [f for f in findings if f.kind is Kind.YEAR]
        change = editing.apply(lib, accept_edit(plan, years))
        after = lib.load_plan(plan.id)
        assert after.nodes[0].children[0].body == "做好2021年征兵工作，2021年底前完成，深入学习十九届四中全会精神。"
        assert kinds(review(after)) == [("meeting", "十九届四中全会", "十九届五中全会")]
        editing.apply(lib, change.inverse)
        assert lib.load_plan(plan.id).nodes[0].children[0].body == plan.nodes[0].children[0].body
        # a finding whose text changed since is not applied blindly
        editing.apply(lib, editing.EditNode(plan.nodes[0].children[0].id, body="全新的文字。"))
        assert accept_edit(lib.load_plan(plan.id), years).edits == ()


def test_ignored_findings_are_remembered_for_the_plan_only(library):
    with Library.open(library) as lib:
        a = stored(lib, one_task_plan("做好2020年征兵工作。做好2020年征兵工作。"))
        b = stored(lib, one_task_plan("做好2020年征兵工作。做好2020年征兵工作。"))
        first = review_plan(lib, a.id)
        ignore(lib, a.id, [first[1].key])
    with Library.open(library) as lib:  # kept in the library
        assert [f.start for f in review_plan(lib, a.id)] == [first[0].start]
        assert len(review_plan(lib, b.id)) == 2
        # another edit elsewhere in the plan does not bring it back
        editing.apply(lib, editing.EditNode(a.nodes[0].id, title="二、重点任务"))
        assert len(review_plan(lib, a.id)) == 1
        assert unignore_all(lib, a.id) == 1
        assert len(review_plan(lib, a.id)) == 2


def test_last_years_tasks_done_dropped_late_kept_with_a_note(library):
    with Library.open(library) as lib:
        source = Plan(
            title="某市教育局2020年工作要点",
            year=2020,
            nodes=[
                Node(
                    NodeKind.SECTION,
                    "一、工作",
                    children=[
                        task("建成智慧校园平台。"),
                        task("推进集团化办学。"),
                        task("完善督导制度。", "", 牵头单位=""),
                        task("新建学校5所。"),
                    ],
                )
            ],
        )
        source_id = lib.add_plan(source)
        tasks = [n for n in lib.load_plan(source_id).walk() if n.kind is NodeKind.TASK]
        editing.apply(lib, editing.SetProgress(tasks[0].id, Progress.DONE))
        editing.apply(lib, editing.SetProgress(tasks[1].id, Progress.BEHIND))
        editing.apply(lib, editing.SetProgress(tasks[3].id, Progress.IN_PROGRESS))
        draft_id = draft_next_year(lib, source_id)
        findings = review_plan(lib, draft_id)
        assert [(f.kind, f.action, f.text) for f in findings if f.kind in (Kind.TASK, Kind.FIELD)] == [
            (Kind.TASK, Action.DROP, "建成智慧校园平台。"),
            (Kind.TASK, Action.NOTE, "推进集团化办学。"),
            (Kind.FIELD, None, ""),
            (Kind.TASK, Action.NOTE, "新建学校5所。"),
        ]
        draft = lib.load_plan(draft_id)
        editing.apply(lib, accept_edit(draft, [f for f in findings if f.kind is Kind.TASK], last_year(lib, draft_id)))
        after = [n for n in lib.load_plan(draft_id).walk() if n.kind is NodeKind.TASK]
        assert [n.title for n in after] == ["推进集团化办学。", "完善督导制度。", "新建学校5所。"]
        assert after[0].status is Progress.IN_PROGRESS
        assert [(n.date, n.text) for n in after[0].notes] == [(dt.date(2021, 1, 1), "上年度滞后，结转本年度继续推进")]
        assert [n.text for n in after[2].notes] == ["上年度推进中，结转本年度继续推进"]
        assert not [f for f in review_plan(lib, draft_id) if f.kind is Kind.TASK]


def test_units_renamed_in_the_library_are_found_in_drafts(library):
    with Library.open(library) as lib:
        plan_id = lib.add_plan(sample_plan())
    result = run_cli("rename-unit", str(plan_id), "基教科", "基础教育科", library=library)
    assert result.code == 0, result.err
    with Library.open(library) as lib:
        assert renames(lib) == {"基教科": "基础教育科"}
        record_rename(lib, "基础教育科", "基础教育处")
        assert renames(lib) == {"基教科": "基础教育处", "基础教育科": "基础教育处"}
        other = stored(lib, one_task_plan(""))
        editing.apply(lib, editing.SetFields(other.nodes[0].children[0].id, (Field("牵头单位", "基教科、人事科"),)))
        findings = review_plan(lib, other.id)
        assert kinds(findings) == [("unit", "基教科", "基础教育处")]
        editing.apply(lib, accept_edit(lib.load_plan(other.id), findings))
        assert lib.load_plan(other.id).nodes[0].children[0].fields == [Field("牵头单位", "基础教育处、人事科")]


def test_a_version_4_library_gains_the_review_tables(tmp_path):
    path = tmp_path / "old.db"
    db = library_at_version(path, 4)
    db.conn.commit()
    db.close()
    with Library.open(path) as lib:
        assert lib.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 5
        plan = stored(lib, one_task_plan("做好2020年征兵工作。"))
        ignore(lib, plan.id, [review_plan(lib, plan.id)[0].key])
        assert review_plan(lib, plan.id) == []
        lib.delete_plan(plan.id)  # its ignored findings go with it
        assert lib.db.execute("SELECT count(*) FROM review_ignored").fetchone()[0] == 0


# ---- 发文前检查 gains ---------------------------------------------------------------------------------------------


def test_check_reports_stale_years_missing_notice_parts_and_open_findings(library):
    with Library.open(library) as lib:
        source = sample_plan(title="某市教育局2020年工作要点", year=2020)
        source.nodes[0].children[0].body = "做好2019年招生工作。完成2020年征兵工作。"
        source.notice.masthead = source.notice.recipients = ""
        source_id = lib.add_plan(source)
        draft_id = draft_next_year(lib, source_id)
        draft = lib.load_plan(draft_id)
        found = [(f.severity, f.where, str(f.message)) for f in check_plan(lib, draft)]
    task_id = draft.nodes[0].children[0].id
    # the draft proposes a head from the signers; an error until the clerk confirms it
    assert (
        Severity.ERROR,
        "notice.masthead",
        "the masthead “某市教育局文件” was proposed by Planbook: confirm it or change it",
    ) in found
    assert (Severity.ERROR, "notice.recipients", "the notice has no principal recipients (主送机关)") in found
    assert (Severity.WARNING, task_id, "2019年 is before the plan's year 2021") in found
    assert (Severity.WARNING, task_id, "2020年 is last year; the plan is for 2021") in found
    assert (Severity.WARNING, "review", "the draft has 2 open review findings (Plan ▸ Review Draft)") in found
    no_title = sample_plan()
    no_title.notice.title = ""
    messages = [str(f.message) for f in check_plan(None, no_title)]
    assert "the notice has no title (标题)" in messages and not [
        m for m in messages if "发文机关标志" in m or "主送" in m
    ]


# ---- find and replace --------------------------------------------------------------------------------------------


def test_replace_in_seed_003_changes_exactly_the_previewed_hits_and_undoes_in_one_step(drafted):
    path, ids = drafted
    with Library.open(path) as lib:
        plan = lib.load_plan(ids["003"][0])
        hits = find(plan, "教育厅")
        assert len(hits) == 7
        assert {h.place for h in hits} == {
            "title",
            "issuers",
            "notice.masthead",
            "notice.title",
            "notice.body",
            "notice.signers",
            "notice.printed_by",
        }
        change = editing.apply(lib, replace_edit(plan, hits, "教育委员会"))
        after = lib.load_plan(plan.id)
        assert find(after, "教育厅") == []
        assert len(find(after, "教育委员会")) == len(find(plan, "教育委员会")) + 7
        assert after.title == "湖南省教育委员会 中共湖南省委教育工委2020年工作要点"
        assert after.notice.signers == ["湖南省教育委员会", "中共湖南省委教育工作委员会"]
        # exactly the previewed spans changed: the texts match the preview's context with the new word
        for h in hits:
            assert f"{h.before}教育委员会{h.after}" in _text(after, h.spot).replace("教育厅", "?")
        editing.apply(lib, change.inverse)  # one step back
        assert lib.load_plan(plan.id) == plan


def test_replace_reaches_node_texts_fields_and_only_the_hits_shown(library):
    with Library.open(library) as lib:
        plan = stored(lib, sample_plan())
        hits = find(plan, "基教科")
        assert len(hits) == 6 and all(h.spot.part == "field:0" for h in hits)
        editing.apply(lib, replace_edit(plan, hits[:2], "基础教育科"))  # the clerk left the others out
        after = lib.load_plan(plan.id)
        assert len(find(after, "基教科")) == 4 and len(find(after, "基础教育科")) == 2
        every = find_library(lib, "具体措施")
        assert (len(every.hits), every.total, every.plans) == (6, 6, 1)
        assert {h.spot.part for h in every.hits} == {"body"}
        first = find_library(lib, "具体措施", limit=4)
        assert (first.hits, first.total) == (every.hits[:4], 6)


def test_replace_from_the_command_line(library):
    with Library.open(library) as lib:
        first = lib.add_plan(sample_plan())
        lib.add_plan(sample_plan(title="某市教育局2022年工作要点", year=2022))
    dry = run_cli("replace", str(first), "某市教育局", "某市教育委员会", "--dry-run", "--json", library=library)
    assert dry.code == 0, dry.err
    previewed = json.loads(dry.out)
    assert len(previewed) == 6 and "nothing changed" in dry.err
    every = run_cli("replace", str(first), "某市教育局", "X", "--all-plans", library=library)
    assert every.code == 0 and len(every.out.splitlines()) == 12 and "nothing changed" in every.err
    done = run_cli("replace", str(first), "某市教育局", "某市教育委员会", library=library)
    assert done.code == 0 and "replaced 6 hit(s)" in done.err
    with Library.open(library) as lib:
        assert find(lib.load_plan(first), "某市教育局") == []
        assert find_library(lib, "某市教育局").total == 6  # the other plan untouched
    missing = run_cli("replace", str(first), "不存在的词", "x", library=library)
    assert missing.code == 0 and "is not found" in missing.err


def test_review_from_the_command_line(drafted):
    path, ids = drafted
    result = run_cli("review", str(ids["003"][1]), "--json", library=path)
    assert result.code == 0, result.err
    findings = json.loads(result.out)
    assert sum(f["kind"] == "year" and f["text"][0].isdigit() for f in findings) == 11
    text = run_cli("review", str(ids["003"][1]), library=path)
    assert "years: 24.促进高校毕业生就业创业: “2020”  → 2021: 2020年 is last year; the plan is for 2021" in text.out
    assert text.out.rstrip().endswith(f"{len(findings)} finding(s)")


def test_check_finds_stale_years_in_a_plan_not_stored():
    plan = sample_plan()
    plan.nodes[0].children[0].title = "做好2020年征兵工作。"
    plan.preamble = "2019年以来……2020年要做好……"
    found = [
        (f.where, f.place, str(f.message))
        for f in check_plan(None, plan)
        if f.severity is Severity.WARNING and "year" in str(f.message)
    ]
    assert found == [
        ("plan.preamble", "", "2020年 is last year; the plan is for 2021"),
        (None, "1.做好2020年征兵工作", "2020年 is last year; the plan is for 2021"),
    ]
