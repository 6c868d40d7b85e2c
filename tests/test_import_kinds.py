"""Every kind of document an office keeps, imported as the clerk brings it: text with no line breaks, PDF, old
Word .doc, Markdown, and the wrappers around a plan (转发, 函, 明电, a notice alone).

Plans are compared by what the user sees: the tree (kinds, titles), fields, numbering mode and notice metadata.
"""

from __future__ import annotations

import datetime as dt

import pytest

from planbook.core.model import Plan
from planbook.core.punctuation import cjk_punctuation
from planbook.importers.plaintext import parse_text


def shape(plan: Plan) -> list[tuple]:
    """The outline as the user sees it: each node's depth, kind, title and fields (punctuation as print has it,
    since our exports set ， for a pasted ,)."""
    out = []
    p = cjk_punctuation

    def visit(nodes, depth):
        for n in nodes:
            out.append((depth, n.kind.value, p(n.title), [(f.label, p(f.value)) for f in n.fields]))
            visit(n.children, depth + 1)

    visit(plan.nodes, 0)
    return out


def notice_facts(plan: Plan) -> tuple:
    n = plan.notice
    p = cjk_punctuation
    return n.doc_number, p(n.title), n.signed_on, p(n.recipients), n.signers, plan.title, plan.year


# ---- text with no line breaks -------------------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_flattened_seed_reads_as_the_original(seeds, prefix):
    text = next(seeds.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")
    original = parse_text(text).plans[0]
    flat = parse_text("".join(text.splitlines())).plans[0]
    assert shape(flat) == shape(original)
    assert flat.numbering == original.numbering
    assert notice_facts(flat) == notice_facts(original)


OCR_LINE = (
    "长沙市教育局关于印发2021年全市教育工作要点的通知长教通〔2021〕的43号各区县(市)教育局:现将《长沙市教育局2021年工作要点》"
    "印发给你们,请认真贯彻执行。长沙市教育局二〇二一年三月二日长沙市教育局2021年工作要点2021年全市教育工作总体要求是:办好人民满意的教育。"
    "一、强化党建引领(一)加强政治建设1.深入学习党的理论。组织专题学习。(责任单位:组宣科)2.抓好基层党组织建设。"
    "建强支部。(市教育局牵头,市财政局配合)二、推进教育公平(一)扩大学位供给3.新建中小学20所。新增学位3.5万个。"
    "(市发展改革委、市财政局负责)"
)


def test_one_line_notice_and_plan_from_ocr():
    """An OCR'd notice in one line, with a Chinese-numeral date, a noisy 发文字号, half-width brackets and
    unlabelled responsibilities at the tasks' ends."""
    found = parse_text(OCR_LINE)
    plan = found.plans[0]
    assert plan.notice.title == "长沙市教育局关于印发2021年全市教育工作要点的通知"
    assert plan.notice.doc_number == "长教通〔2021〕43号"
    assert plan.notice.recipients == "各区县(市)教育局："
    assert plan.notice.signers == ["长沙市教育局"]
    assert plan.notice.signed_on == dt.date(2021, 3, 2)
    assert plan.title == "长沙市教育局2021年工作要点" and plan.year == 2021
    assert [(d, k, t) for d, k, t, _ in shape(plan)] == [
        (0, "section", "强化党建引领"), (1, "subsection", "加强政治建设"), (2, "task", "深入学习党的理论。"),
        (2, "task", "抓好基层党组织建设。"), (0, "section", "推进教育公平"), (1, "subsection", "扩大学位供给"),
        (2, "task", "新建中小学20所。"),
    ]
    tasks = [n for n in plan.walk() if n.kind.value == "task"]
    assert [(f.label, f.value) for f in tasks[0].fields] == [("责任单位", "组宣科")]
    assert [(f.label, f.value) for f in tasks[1].fields] == [("牵头单位", "市教育局"), ("配合单位", "市财政局")]
    assert [(f.label, f.value) for f in tasks[2].fields] == [("责任单位", "市发展改革委、市财政局")]
    assert tasks[2].body == "新增学位3.5万个。"  # 3.5 is a quantity, not task 3 and item 5


def test_a_label_in_prose_is_not_a_field():
    plan = parse_text("2022年工作要点\n一、抓好项目\n1.加快项目建设。各项目牵头单位要倒排工期。\n"
                      "2.做好验收。牵头单位:基建科\n").plans[0]
    t1, t2 = [n for n in plan.walk() if n.kind.value == "task"]
    assert t1.fields == [] and "各项目牵头单位要倒排工期" in t1.body
    assert t2.title == "做好验收。"


@pytest.mark.parametrize("unit", ["一、二、", "1.2.", "(一)", "关于的通知", "2020年1月1日。", "。各位:", "牵头单位:"])
def test_crafted_one_line_ends_in_bounded_time(unit):
    """A long line of markers, titles or dates that never make a plan is cut up in linear time."""
    import time

    line = "一、总体要求。" + unit * (300_000 // len(unit))
    started = time.process_time()
    try:
        parse_text(line)
    except Exception as e:  # refusing is fine; hanging is not
        assert "structure" in str(e) or "text" in str(e)
    assert time.process_time() - started < 10
