"""Every kind of document an office keeps, imported as the clerk brings it: text with no line breaks, PDF, old
Word .doc, Markdown, and the wrappers around a plan (转发, 函, 明电, a notice alone).

Plans are compared by what the user sees: the tree (kinds, titles), fields, numbering mode and notice metadata.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

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
        (0, "section", "强化党建引领"),
        (1, "subsection", "加强政治建设"),
        (2, "task", "深入学习党的理论。"),
        (2, "task", "抓好基层党组织建设。"),
        (0, "section", "推进教育公平"),
        (1, "subsection", "扩大学位供给"),
        (2, "task", "新建中小学20所。"),
    ]
    tasks = [n for n in plan.walk() if n.kind.value == "task"]
    assert [(f.label, f.value) for f in tasks[0].fields] == [("责任单位", "组宣科")]
    assert [(f.label, f.value) for f in tasks[1].fields] == [("牵头单位", "市教育局"), ("配合单位", "市财政局")]
    assert [(f.label, f.value) for f in tasks[2].fields] == [("责任单位", "市发展改革委、市财政局")]
    assert tasks[2].body == "新增学位3.5万个。"  # 3.5 is a quantity, not task 3 and item 5


def test_a_long_list_of_units_is_still_a_responsibility():
    """A State Council plan names a dozen ministries at a task's end; each unit is short, the list is not. A
    sentence in brackets that happens to end in 负责 is no list of units."""
    units = (
        "商务部、扶贫办、发展改革委、工业和信息化部、财政部、交通运输部、农业农村部、文化和旅游部、粮食和储备局、"
        "供销合作总社等和各有关省级人民政府"
    )
    plan = parse_text(
        f"2019年工作要点\n一、拓宽渠道\n1.拓展销售途径。支持贫困地区完善网络。（{units}负责）\n"
        "2.做好验收。组织验收。（由各地区按照本地实际情况确定具体的验收方式并由当地政府统一组织负责）\n"
    ).plans[0]
    t1, t2 = [n for n in plan.walk() if n.kind.value == "task"]
    assert [(f.label, f.value) for f in t1.fields] == [("责任单位", units)]
    assert t1.body == "支持贫困地区完善网络。"
    assert t2.fields == [] and t2.body.endswith("统一组织负责）")


def test_a_forwarded_report_titled_over_two_lines_is_the_plan():
    """A 转发 notice sends on a department's 报告 whose title breaks over two lines and ends in no plan kind."""
    plan = parse_text(
        "国务院办公厅转发国家地震局关于1997年地震趋势和加强防震减灾工作意见报告的通知\n国办发〔1997〕2号\n"
        "各省、自治区、直辖市人民政府：\n国家地震局《关于1997年地震趋势和加强防震减灾工作意见的报告》已经国务院同意，"
        "现转发给你们，请认真贯彻执行。\n国务院办公厅\n一九九七年二月四日\n"
        "关于1997年地震趋势和\n加强防震减灾工作意见的报告\n国务院：\n我局召开了会商会。\n"
        "一、地震趋势\n今年地震活动水平较高。\n二、加强防震减灾工作的意见\n（一）加强监测预报。要做好监测。\n"
        "以上意见如无不妥，请批转各地区、各部门贯彻执行。\n国家地震局\n一九九七年一月二十日\n"
    ).plans[0]
    assert plan.title == "关于1997年地震趋势和加强防震减灾工作意见的报告"
    assert plan.issuers == ["国家地震局"]  # the report's own signature, taken off the last task
    assert "国家地震局" not in plan.nodes[-1].children[-1].body
    assert plan.notice.doc_number == "国办发〔1997〕2号" and plan.notice.signed_on == dt.date(1997, 2, 4)
    assert [s.title for s in plan.nodes] == ["地震趋势", "加强防震减灾工作的意见"]


def test_principles_numbered_in_a_frame_section_are_not_tasks():
    """An 意见 whose work is its （一） items, with 1. 2. principles under 总体要求: the principles stay points of
    their heading (printed 1. as the source has them), the （一） items are the tasks."""
    plan = parse_text(
        "某市关于推进政务新媒体发展的意见\n一、总体要求\n（一）基本原则。\n1.坚持正确导向。增强意识。\n"
        "2.坚持需求引领。回应关切。\n二、加强功能建设\n（二）推进政务公开。发布信息。\n（三）加强政民互动。回应诉求。\n"
        "三、强化保障措施\n（四）加强组织领导。要重视。\n"
    ).plans[0]
    assert [(d, k, t) for d, k, t, _ in shape(plan)] == [
        (0, "section", "总体要求"),
        (1, "subsection", "基本原则。"),
        (2, "item", "坚持正确导向。"),
        (2, "item", "坚持需求引领。"),
        (0, "section", "加强功能建设"),
        (1, "task", "推进政务公开。"),
        (1, "task", "加强政民互动。"),
        (0, "section", "强化保障措施"),
        (1, "subsection", "加强组织领导。"),
    ]
    assert plan.numbering.value == "outline"


def test_a_table_caption_naming_its_measure_is_no_field():
    """单位：人 above a table says what its numbers count; it names no unit responsible for a task."""
    plan = parse_text(
        "关于扩大招生规模的请示\n一、逐年扩招\n（一）扩大初中班招生规模。每年扩招。\n（二）做好高中衔接。统筹安排。\n"
        "二、加强领导\n（三）加强政府的责任。要重视。\n单位：人\n"
    ).plans[0]
    assert not [f for n in plan.walk() for f in n.fields]
    assert [[c.kind.value for c in s.children] for s in plan.nodes] == [["task", "task"], ["task"]]
    split = parse_text(  # a PDF's table cell: 单位： and 人 on lines of their own
        "关于扩大招生规模的请示\n一、逐年扩招\n（一）扩大初中班招生规模。每年扩招。\n（二）做好高中衔接。统筹安排。\n"
        "附：\n扩大招生计划表\n单位：\n人\n省（市）1995年招生人数\n"
    ).plans[0]
    assert not [f for n in split.walk() for f in n.fields]


def test_a_notice_with_points_of_its_own_and_its_plan_as_an_attached_table():
    """The notice numbers its own 一、二、 points, signs and dates, then attaches the plan as a table whose name column
    (改革举措) is the task and whose 主要内容 is the task's body: the points stay the notice's."""
    from planbook.importers.webpage import parse_html

    page = (
        "<p>某市人民政府办公厅关于推广改革举措的通知</p><p>各区人民政府，市政府各部门：</p>"
        "<p>经市政府同意，现就有关事项通知如下：</p><p>一、推广的改革举措</p><p>（一）知识产权保护方面2项。</p>"
        "<p>二、认真抓好组织实施</p><p>各区要加强领导。</p><p>附件：改革举措推广清单</p>"
        "<p>某市人民政府办公厅</p><p>2018年12月23日</p><p>附件</p><p>改革举措推广清单</p><table>"
        "<tr><td>序号</td><td>改革举措</td><td>主要内容</td><td>指导部门</td><td>推广范围</td></tr>"
        "<tr><td colspan='5'>一、知识产权保护方面（共2项）</td></tr>"
        "<tr><td>1</td><td>案件三合一审判</td><td>整合审判资源。</td><td>市法院</td><td>全市</td></tr>"
        "<tr><td>2</td><td>专利保险机制</td><td>开发专利保险。</td><td>市知识产权局</td><td>全市</td></tr></table>"
    )
    found = parse_html(page)
    plan = found.plans[0]
    assert plan.title == "改革举措推广清单"
    assert "一、推广的改革举措" in plan.notice.body and plan.notice.signers == ["某市人民政府办公厅"]
    assert [s.title for s in plan.nodes] == ["知识产权保护方面（共2项）"]
    t1, t2 = plan.nodes[0].children
    assert (t1.title, t1.body) == ("案件三合一审判", "整合审判资源。")
    assert [(f.label, f.value) for f in t2.fields] == [("指导部门", "市知识产权局"), ("推广范围", "全市")]


def test_a_notice_with_points_of_its_own_printed_with_its_plan_after_the_date_and_no_attachment_heading():
    """As Planbook (and many offices) print it: the 附件说明 above the signature names the plan, whose title (and
    its issuer's line) follows the date with no bare 附件 heading. The points stay the notice's, the plan is the
    attached one, and the issuer's line is no part of its title."""
    text = (
        "某市人民政府办公厅关于推广改革举措的通知\n各区人民政府，市政府各部门：\n经市政府同意，现就有关事项通知如下：\n"
        "一、推广的改革举措\n（一）知识产权保护方面2项：案件三合一审判、专利保险机制。\n二、认真抓好组织实施\n"
        "各区要加强领导。\n附件：改革举措推广清单\n某市人民政府办公厅\n2018年12月23日\n改革举措推广清单\n"
        "某市人民政府办公厅\n一、知识产权保护方面（共2项）\n1.案件三合一审判\n整合审判资源。\n2.专利保险机制\n开发专利保险。\n"
    )
    plan = parse_text(text).plans[0]
    assert plan.title == "改革举措推广清单"
    assert "一、推广的改革举措" in plan.notice.body and plan.notice.signers == ["某市人民政府办公厅"]
    assert plan.notice.signed_on == dt.date(2018, 12, 23)
    assert [s.title for s in plan.nodes] == ["知识产权保护方面（共2项）"]
    assert [t.title for t in plan.nodes[0].children] == ["案件三合一审判", "专利保险机制"]


def test_an_opinion_issued_directly_is_its_own_plan_even_with_its_title_on_one_line():
    """A 指导意见 signed and dated like a notice: its 一、二、 are its sections, not a notice's own points."""
    plan = parse_text(
        "国务院办公厅关于深入开展消费扶贫助力打赢脱贫攻坚战的指导意见\n国办发〔2018〕129号\n"
        "各省、自治区、直辖市人民政府：\n为深入开展消费扶贫，现提出如下意见。\n一、总体要求\n坚持精准扶贫。\n"
        "二、拓宽销售渠道\n（一）打通供应链条。支持对接。（商务部、发展改革委等和各有关省级人民政府负责）\n"
        "国务院办公厅\n2018年12月30日\n"
    ).plans[0]
    assert [s.title for s in plan.nodes] == ["总体要求", "拓宽销售渠道"]
    assert plan.notice.signed_on == dt.date(2018, 12, 30)
    (task,) = plan.nodes[1].children
    assert task.kind.value == "task" and task.fields[0].label == "责任单位"


def test_a_title_repeated_whole_then_its_second_line_alone_keeps_the_whole_title():
    """A page's headline gives the title whole; the document's own title follows in two lines, the first of which
    was dropped as a repeat: its second line alone is no title of its own."""
    plan = parse_text(
        "国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见\n部门联合“双随机、一公开”监管的意见\n"
        "国发〔2019〕5号\n各省、自治区、直辖市人民政府：\n为此，提出以下意见。\n一、总体要求\n坚持依法监管。\n"
        "二、重点任务\n（一）统筹建设监管工作平台。建设平台。\n"
    ).plans[0]
    assert plan.title == "国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见"


def test_page_header_labels_broken_in_narrow_cells_are_mended():
    """A page's metadata table printed to PDF breaks each label over two lines, its pieces run into the values
    beside them (…主题分 / 类：…): the header is still read, and none of it becomes the title."""
    plan = parse_text(
        "索 引\n号：000014349/2018-00229主题分\n类：民政、扶贫、救灾\\扶贫发文机\n关：国务院办公厅 成文日\n"
        "期：2018年12月30日标\n题：国务院办公厅关于深入开展消费扶贫的指导意见\n发文字\n号：国办发〔2018〕129号\n发布日\n"
        "期：2019年01月14日主 题 词：\n国务院办公厅关于深入开展消费扶贫的指导意见\n国办发〔2018〕129号\n"
        "各省、自治区、直辖市人民政府：\n现提出如下意见。\n一、总体要求\n坚持精准扶贫。\n二、拓宽渠道\n（一）打通供应链条。支持对接。\n"
    ).plans[0]
    assert plan.title == "国务院办公厅关于深入开展消费扶贫的指导意见"
    assert plan.notice.doc_number == "国办发〔2018〕129号"
    assert plan.notice.signed_on == dt.date(2018, 12, 30) and plan.notice.published_on == dt.date(2019, 1, 14)
    assert [s.title for s in plan.nodes] == ["总体要求", "拓宽渠道"]
    assert plan.notice.subject_words == ""  # the 主题词 cell is empty; the title under it is not its words


def test_a_forwarded_report_from_a_pdf_with_its_title_set_justified():
    """From a PDF: the site's （本文有删减） joined to the notice's date line, the report's title set justified
    (关 于 我 国 …) over two lines."""
    plan = parse_text(
        "国务院办公厅转发国家地震局关于加强防震减灾工作意见报告的通知\n国办发〔1996〕2号\n各省、自治区、直辖市人民政府：\n"
        "国家地震局《关于加强防震减灾工作意见的报告》已经国务院同意，现转发给你们，请认真贯彻执行。\n国务院办公厅\n"
        "一九九六年二月五日（本文有删减）\n关 于 加 强 防 震 减 灾\n工作意见的报告\n国务院：\n我局召开了会商会。\n"
        "一、地震趋势\n今年地震活动水平较高。\n二、工作意见\n（一）加强监测预报。要做好监测。\n"
    ).plans[0]
    assert plan.title == "关于加强防震减灾工作意见的报告"
    assert plan.notice.signed_on == dt.date(1996, 2, 5) and plan.notice.signers == ["国务院办公厅"]


def test_an_opinion_with_its_task_table_attached_keeps_its_own_sections():
    """A 实施意见 issued directly, signed and dated, with its 任务分工表 attached: its 一、二、 stay its sections."""
    from planbook.importers.webpage import parse_html

    page = (
        "<p>某市人民政府关于推进人才工作的实施意见</p><p>各区人民政府，市政府各部门：</p><p>为推进人才工作，提出如下意见。</p>"
        "<p>一、总体目标</p><p>到2025年集聚人才。</p><p>二、主要任务</p><p>（一）实施引才计划。引进人才。</p>"
        "<p>某市人民政府</p><p>2021年3月1日</p><p>附件</p><p>重点任务分工表</p><table>"
        "<tr><td>序号</td><td>工作任务</td><td>牵头单位</td></tr>"
        "<tr><td>1</td><td>实施引才计划</td><td>市人社局</td></tr></table>"
    )
    plan = parse_html(page).plans[0]
    assert plan.title == "某市人民政府关于推进人才工作的实施意见"
    assert [s.title for s in plan.nodes][:2] == ["总体目标", "主要任务"]


def test_a_label_in_prose_is_not_a_field():
    plan = parse_text(
        "2022年工作要点\n一、抓好项目\n1.加快项目建设。各项目牵头单位要倒排工期。\n2.做好验收。牵头单位:基建科\n"
    ).plans[0]
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


# ---- wrappers around the plan ---------------------------------------------------------------------------

KINDS = Path(__file__).parent / "data" / "kinds"


def read_kind(name: str):
    return parse_text((KINDS / name).read_text(encoding="utf-8"))


def test_forwarding_notice_keeps_the_forwarded_notice_and_its_issuer():
    found = read_kind("zhuanfa.txt")
    plan = found.plans[0]
    n = plan.notice
    assert n.doc_number == "长教发〔2021〕12号" and n.signers == ["长沙市教育局"]
    assert n.signed_on == dt.date(2021, 3, 15)
    assert "湘教发〔2021〕5号" in n.body and "湖南省教育厅关于印发《2021年全省教育工作要点》的通知" in n.body
    assert plan.title == "2021年全省教育工作要点" and plan.issuers == ["湖南省教育厅"]
    assert plan.preamble == "2021年全省教育工作的总体要求是：办好人民满意的教育。"
    assert [k for _, k, _, _ in shape(plan)] == ["section", "task", "task", "section", "task"]


def test_letter_carrying_a_draft_for_comment():
    plan = read_kind("han.txt").plans[0]
    assert plan.notice.title.endswith("意见的函") and plan.notice.doc_number == "湘教函〔2022〕31号"
    assert plan.notice.attachments == "附件：2022年全省教育工作要点（征求意见稿）"
    assert plan.title == "2022年全省教育工作要点（征求意见稿）"
    assert plan.kind == "工作要点" and plan.year == 2022
    assert len(plan.nodes) == 2


def test_telegram_header():
    plan = read_kind("mingdian.txt").plans[0]
    n = plan.notice
    assert n.doc_number == "长政办明电〔2023〕5号" and n.urgency == "特急" and n.issued_by == "张三"
    tasks = [x for x in plan.walk() if x.kind.value == "task"]
    assert [(f.label, f.value) for f in tasks[0].fields] == [
        ("牵头单位", "市应急局"),
        ("责任单位", "各区县（市）人民政府"),
    ]


def test_notice_alone_is_an_empty_plan_not_sections_made_of_its_points():
    found = read_kind("alone.txt")
    plan = found.plans[0]
    assert plan.nodes == []
    assert "一、做好开学准备。" in plan.notice.body and "三、强化督导检查。" in plan.notice.body
    assert plan.notice.signers == ["长沙市教育局"] and plan.notice.signed_on == dt.date(2023, 2, 1)
    assert any("notice with no plan" in str(w) for w in found.warnings)


def test_plan_alone_without_a_notice():
    plan = parse_text("长沙市教育局2023年工作要点\n一、加强党建\n1.抓学习。\n二、抓质量\n2.抓教学。\n").plans[0]
    assert plan.notice.title == "" and plan.title == "长沙市教育局2023年工作要点"
    assert len(plan.nodes) == 2


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("湘教发[2020]8号", "湘教发〔2020〕8号"),
        ("湘教发［2020］8号", "湘教发〔2020〕8号"),
        ("湘教发（2020）8号", "湘教发〔2020〕8号"),
        ("湘教发 〔 2020 〕 8 号", "湘教发〔2020〕8号"),
        ("湘教发〔2020〕第8号", "湘教发〔2020〕8号"),
        ("湘教发〔2020〕的43号", "湘教发〔2020〕43号"),
    ],
)
def test_document_number_forms(text, number):
    from planbook.importers.recognise import normalise_doc_number

    assert normalise_doc_number(text) == number


@pytest.mark.parametrize("line", ["1．加强党建。", "１．加强党建。", "1、加强党建。", "(1)加强党建。", "①加强党建。"])
def test_task_numbering_variants_under_a_subsection(line):
    plan = parse_text(f"2023年工作要点\n一、总体要求。\n(一)党建工作\n{line}\n").plans[0]
    leaf = plan.nodes[0].children[0].children[0]
    assert leaf.title == "加强党建。"


# ---- Markdown and odd task-table headers ------------------------------------------------------------------


def test_markdown_with_front_matter_and_a_pipe_table():
    from planbook.importers import import_with_warnings

    plan = import_with_warnings(KINDS / "plan.md").plans[0]
    assert plan.title == "某县教育局2024年工作要点" and plan.year == 2024 and plan.issuers == ["某县教育局"]
    assert plan.notice.doc_number == "某教发〔2024〕3号" and plan.notice.published_on == dt.date(2024, 2, 20)
    assert plan.preamble == "2024年全县教育工作的总体要求是：办好人民满意的教育。"  # ** is emphasis, not text
    assert [(k, t) for _, k, t, _ in shape(plan)] == [
        ("section", "加强党的建设"),
        ("task", "抓好理论学习。"),
        ("task", "建强基层组织。"),
        ("section", "重点任务分工"),
        ("task", "新建中小学2所"),
        ("task", "推进集团化办学"),
    ]
    tasks = [n for n in plan.walk() if n.kind.value == "task"]
    assert [(f.label, f.value) for f in tasks[0].fields] == [("责任单位", "办公室")]
    assert [(f.label, f.value) for f in tasks[2].fields] == [
        ("牵头部门", "计财股"),
        ("推进单位", "各乡镇"),
        ("时间节点", "2024年8月"),
    ]


def test_markdown_english_front_matter_and_headings_without_numbers():
    from planbook.importers.markdown import parse_markdown

    text = (
        '---\ntitle: 2023年工作要点\nnumber: "某办发[2023]9号"\nissuer: 某市人民政府办公室\n---\n'
        "# 2023年工作要点\n## 一、总体要求\n### （一）指导思想\n以人民为中心。\n"
    )
    plan = parse_markdown(text).plans[0]
    assert plan.notice.doc_number == "某办发〔2023〕9号" and plan.issuers == ["某市人民政府办公室"]
    assert [(k, t) for _, k, t, _ in shape(plan)] == [("section", "总体要求"), ("subsection", "指导思想")]


def test_task_table_header_labels_are_kept_as_the_document_spells_them():
    from planbook.importers.recognise import TableBlock, recognise

    table = TableBlock(
        [
            ["序号", "重点任务", "实施主体", "支撑单位", "完成时限"],
            ["1", "建设智慧校园", "市教育局", "市数据局", "2024年底"],
        ]
    )
    plan = recognise(["2024年行动计划", "一、重点任务", table]).plan
    task = plan.nodes[0].children[0]
    assert task.title == "建设智慧校园"
    assert [(f.label, f.value) for f in task.fields] == [
        ("实施主体", "市教育局"),
        ("支撑单位", "市数据局"),
        ("完成时限", "2024年底"),
    ]


def test_labels_on_their_own_line_take_the_next_line_as_value():
    plan = read_kind("labels_own_line.txt").plans[0]
    t1, t2, t3 = [n for n in plan.walk() if n.kind.value == "task"]
    assert [(f.label, f.value) for f in t1.fields] == [("牵头单位", "办公室"), ("完成时限", "2024年6月")]
    assert t1.body == "组织学习。"
    assert [(f.label, f.value) for f in t2.fields] == [("责任单位", "组织科")]
    assert plan.nodes[0].title == "总体要求。" and plan.nodes[0].body == "坚持稳中求进。"  # a heading that runs on


def test_clipboard_reads_a_one_line_copy_and_a_markdown_table_copy():
    """Import from Clipboard goes through the same readers: an OCR'd line and a copied pipe table both work."""
    from planbook.importers.pasted import parse_pasted

    plan = parse_pasted("", OCR_LINE).plans[0]
    assert plan.notice.doc_number == "长教通〔2021〕43号" and len(plan.nodes) == 2
    html = (
        "<table><tr><td>序号</td><td>重点任务</td><td>牵头部门</td><td>时间节点</td></tr>"
        "<tr><td>1</td><td>建设智慧校园</td><td>电教馆</td><td>2024年底</td></tr></table>"
    )
    plan = parse_pasted(html, "序号 重点任务 牵头部门 时间节点\n1 建设智慧校园 电教馆 2024年底").plans[0]
    task = next(n for n in plan.walk() if n.kind.value == "task")
    assert [(f.label, f.value) for f in task.fields] == [("牵头部门", "电教馆"), ("时间节点", "2024年底")]


def test_a_task_may_open_with_a_quantity_word_after_its_stop():
    """`29.百名…` and `30.千名…` are tasks; only after a bare space is `2 万人` a number in a sentence."""
    text = (
        "某市2022年人才工作要点\n一、引进人才\n1.百名专家引进项目。引进专家。\n2.千名人才培训项目。培训人才。\n"
        "3.人才公寓。建设公寓。\n全年培训\n2 万人次。\n"
    )
    plan = parse_text(text).plans[0]
    assert [t.title for t in plan.nodes[0].children] == ["百名专家引进项目。", "千名人才培训项目。", "人才公寓。"]


def test_attachment_names_after_the_plan_are_the_attachment_note():
    """`附件：1.… / 2.…` closing the document names the attachments: no task is made of `2.`."""
    text = (
        "某省人民政府\n关于印发某省营商环境\n实施方案的通知\n某政〔2022〕20号\n各市人民政府：\n现将《某省营商环境实施方案》印发给你们，"
        "请认真贯彻执行。\n某省人民政府\n2022年6月2日\n某省营商环境实施方案\n为优化营商环境，制定本方案。\n"
        "一、指导思想。坚持改革。\n二、主要目标。三年见效。\n附件：1.改革事项清单\n2.先进地区改革事项清单\n"
    )
    plan = parse_text(text).plans[0]
    assert plan.notice.title == "某省人民政府关于印发某省营商环境实施方案的通知"
    assert plan.notice.attachments == "附件：1.改革事项清单\n2.先进地区改革事项清单"
    assert [len(s.children) for s in plan.nodes] == [0, 0] and plan.task_count() == 0


def test_a_forwarding_notice_printed_around_the_notice_it_forwards_reads_back(tmp_path):
    """Planbook prints a 转发 notice with the forwarded notice inside its body and its own signature after it: read
    back, the forwarding notice keeps its signer and date, the forwarded one's signers issue the plan, and the
    body keeps the forwarded notice word for word."""
    from planbook.exporters import EXPORTERS
    from planbook.importers import import_file

    original = import_file(KINDS / "zhuanfa.txt")[0]
    for fmt in ("docx", "pdf"):
        EXPORTERS[fmt](original, tmp_path / f"z.{fmt}", "notice")
        back = import_file(tmp_path / f"z.{fmt}")[0]
        assert notice_facts(back) == notice_facts(original)
        assert back.notice.signers == ["长沙市教育局"] and back.issuers == ["湖南省教育厅"]
        assert cjk_punctuation(back.notice.body) == cjk_punctuation(original.notice.body)
        assert shape(back) == shape(original)
