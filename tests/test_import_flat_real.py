"""Every text document of `tests/data/kinds` and `tests/data/real`, flattened to one line (all its line breaks
lost, as OCR output or a copy out of some PDF viewers gives it), imports to the same outline and numbering as the
document with its lines. Those that do not yet are listed with the reason, so the list only shrinks."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from planbook.importers import import_file
from planbook.importers.plaintext import parse_text
from tests.test_import_kinds import notice_facts, shape

DATA = Path(__file__).parent / "data"
DOCUMENTS = sorted((DATA / "kinds").glob("*.txt")) + sorted((DATA / "real").glob("*.txt"))

NOT_YET = {
    "r18_anhui_opinion_2001.txt": "a task leading in with a colon (…任务是：) has its next sentence on its own line in one "
    "task and on the same line in another: once flattened the two cannot be told apart",
}


# the outline survives, the notice's facts or the plan's title do not yet
FACTS_NOT_YET = {
    "han.txt": "a 函's 发文字号 and signer run into the organ and the 征求意见稿 mark before them",
    "zhuanfa.txt": "the plan title is taken from the notice title's 印发〈…〉",
    "r02_suzhou_edu_2023_webpage.txt": "a web page's breadcrumb runs into the notice title",
    "r03_wuhu_edu_2024.txt": "the 成文日期 is lost",
    "r04_huzhou_health_2023.txt": "the 发文字号 is lost",
    "r06_jining_opinion_2021.txt": "a web page's column name (政务服务丨) runs into the title; the 发文字号 is lost",
    "r13_lishan_tasks_2023.txt": "recipients that do not open with 各 lose their first organ",
    "r16_jingan_action_2018.txt": "the plan title is lost (未命名计划)",
    "r17_shandong_opinion_2014.txt": "the plan title is lost (未命名计划)",
    "r18_anhui_opinion_2001.txt": "the 发文字号 and date are lost",
    "r19_district_edu_plan_2009.txt": "the plan title is lost (未命名计划)",
}


def _params(not_yet: dict[str, str] = NOT_YET):
    for path in DOCUMENTS:
        reason = not_yet.get(path.name)
        marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
        yield pytest.param(path, id=path.name, marks=marks)


@pytest.mark.parametrize("path", list(_params()))
def test_a_document_flattened_to_one_line_imports_as_it_does_with_its_lines(path: Path):
    lined = import_file(path)[0]
    flat = re.sub(r"[\r\n]+", "", path.read_text(encoding="utf-8"))
    back = parse_text(flat).plans[0]
    assert shape(back) == shape(lined)
    assert back.numbering == lined.numbering
    assert bool(back.nodes) == bool(lined.nodes)  # a notice alone stays one, with an empty plan


@pytest.mark.parametrize("path", list(_params(FACTS_NOT_YET)))
def test_a_document_flattened_to_one_line_keeps_its_notice_facts_and_plan_title(path: Path):
    lined = import_file(path)[0]
    back = parse_text(re.sub(r"[\r\n]+", "", path.read_text(encoding="utf-8"))).plans[0]
    assert notice_facts(back) == notice_facts(lined)
    assert back.title == lined.title


def test_the_list_of_documents_not_yet_surviving_names_only_documents_that_exist():
    assert set(NOT_YET) | set(FACTS_NOT_YET) <= {p.name for p in DOCUMENTS}


def test_a_flattened_heading_with_no_stop_ends_where_the_paragraph_under_it_begins():
    flat = (
        "某县教育局2025年工作要点一、总体要求坚持以人民为中心的发展思想，办好人民满意的教育。"
        "二、强化党建引领，建设“清廉学校”坚持把党的领导贯穿办学全过程，推动党建与业务融合。"
        "1.抓好理论学习。组织专题学习。（牵头单位：办公室；配合单位：各学校）"
        "2.保障措施到位。各单位要加强领导。（责任单位：人事科）"
    )
    plan = parse_text(flat).plans[0]
    assert [n.title for n in plan.nodes] == ["总体要求", "强化党建引领，建设“清廉学校”"]
    first, second = plan.nodes[1].children
    assert first.title == "抓好理论学习。" and [f.label for f in first.fields] == ["牵头单位", "配合单位"]
    assert second.title.startswith("保障措施到位。")  # a heading word that is the task's own words is not cut


def test_a_flattened_notice_alone_imports_as_a_notice_with_an_empty_plan():
    flat = (
        "某市教育局关于做好2025年暑期安全工作的通知各区县教育局：为做好暑期安全工作，现通知如下："
        "一、加强安全教育。各校要开展专题教育。二、落实值班制度。各地要安排专人值守。"
        "某市教育局2025年6月30日"
    )
    plan = parse_text(flat).plans[0]
    assert plan.nodes == []
    assert plan.notice.title == "某市教育局关于做好2025年暑期安全工作的通知"
