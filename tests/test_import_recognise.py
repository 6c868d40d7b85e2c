"""The recogniser on small hand-made plans: each rule of issue 3 on the shape of document it is for."""

from __future__ import annotations

import datetime as dt
import io
import json

import docx
import pytest

from planbook.core.model import NodeKind, Numbering
from planbook.importers.plaintext import parse_text
from planbook.importers.recognise import digits_date, normalise_doc_number, parse_date
from planbook.importers.word import parse_docx
from tests.conftest import run_cli


def plan_of(text: str):
    result = parse_text(text)
    return result.plans[0], result.warnings


@pytest.mark.parametrize(
    "written",
    [
        "湘教发〔2020〕8号",
        "湘教发[2020]8号",
        "湘教发(2020)8号",
        "湘教发（2020）8号",
        "湘教发〔 2020 〕8号",
        "湘教发【2020】8号",
        "湘教发[2020] 8 号",
    ],
)
def test_doc_number_forms_are_normalised(written):
    assert normalise_doc_number(written) == "湘教发〔2020〕8号"


def test_dates():
    assert parse_date("2020年3月6日") == dt.date(2020, 3, 6)
    assert parse_date("2020-03-06") == dt.date(2020, 3, 6)
    assert parse_date("二〇二〇年三月六日") == dt.date(2020, 3, 6)
    assert parse_date("二〇二〇年十二月三十一日") == dt.date(2020, 12, 31)
    assert digits_date("2018319", None)[0] == dt.date(2018, 3, 19)
    # 2018111 is 1月11日 or 11月1日: the reading just before publication wins, and both are reported
    date, readings = digits_date("2018111", dt.date(2018, 1, 20))
    assert date == dt.date(2018, 1, 11) and len(readings) == 2


NOTICE = """\
某市教育局文件
某教发[2021]3号
关于印发《某市教育局2021年工作要点》的通知
各县（市、区）教育局，局属各单位：
现将《某市教育局2021年工作要点》印发给你们，请认真贯彻落实。
某市教育局
二〇二一年二月三日
(此件公开发布)
某市教育局2021年工作要点
2021年全市教育工作的总体要求是：……。
一、加强党的建设
1．抓好理论学习。组织学习。（责任单位：办公室；完成时限：6月底）
2、推进从严治党。（牵头单位：纪检组）
（1）开展警示教育。
（2）开展廉政谈话。
二、推进教育公平
（一）学前教育
3.扩大普惠资源。新建幼儿园。
（二）义务教育
5.推进均衡发展。
5.控制大班额。
抄送：市委办、市政府办。
某市教育局办公室 2021年2月4日印发
"""


def test_a_full_notice_with_inline_fields_items_and_number_warnings():
    plan, warnings = plan_of(NOTICE)
    n = plan.notice
    assert n.masthead == "某市教育局文件" and n.doc_number == "某教发〔2021〕3号"
    assert n.title == "关于印发《某市教育局2021年工作要点》的通知"
    assert n.recipients == "各县（市、区）教育局，局属各单位："
    assert n.signers == ["某市教育局"] and n.signed_on == dt.date(2021, 2, 3)
    assert n.annotation == "（此件公开发布）"
    assert n.cc == "市委办、市政府办。" and n.printed_by == "某市教育局办公室" and n.printed_on == dt.date(2021, 2, 4)
    assert plan.title == "某市教育局2021年工作要点" and plan.year == 2021 and plan.issuers == ["某市教育局"]
    assert plan.preamble.startswith("2021年全市教育工作的总体要求是")
    first, second = plan.nodes
    t1, t2 = first.children
    assert (t1.title, t1.body) == ("抓好理论学习。", "组织学习。")
    assert [(f.label, f.value) for f in t1.fields] == [("责任单位", "办公室"), ("完成时限", "6月底")]
    assert t2.title == "推进从严治党。" and t2.field_value("牵头单位") == "纪检组"
    assert [c.kind for c in t2.children] == [NodeKind.ITEM, NodeKind.ITEM]
    assert [c.kind for c in second.children] == [NodeKind.SUBSECTION, NodeKind.SUBSECTION]
    assert plan.numbering is Numbering.CONTINUOUS
    # 3. is right (continuous), 5. skips 4, the second 5. repeats: two warnings, both naming the task
    numbered = [w for w in warnings if "source numbering" in w]
    assert len(numbered) == 2
    assert "推进均衡发展" in numbered[0] and "skips 4" in numbered[0]
    assert "控制大班额" in numbered[1] and "repeats" in numbered[1]


def test_per_section_numbering_is_detected():
    text = "某局2021年工作要点\n一、甲\n1.一。\n2.二。\n二、乙\n1.三。\n2.四。\n3.五。\n三、丙\n1.六。\n"
    plan, warnings = plan_of(text)
    assert plan.numbering is Numbering.PER_SECTION and warnings == []


def test_web_chrome_goes_and_header_metadata_stays():
    text = (
        "XX市人民政府门户网站\n首页 | 政务公开\n当前位置：首页 > 政务公开 > 计划\n索引号：000-2021-1 主题分类：教育\n"
        "发文机关：XX市教育局 发文字号：X教〔2021〕1号\n发布日期：2021-03-01\n【字体：大 中 小】 【打印】\n"
        "XX市教育局2021年工作要点\n发布时间：2021-03-01 浏览次数：12\n分享到：\n一、抓党建\n1.学习。内容。\n"
        "来源：市教育局 责任编辑：张三\n上一篇：某某\n下一篇：某某\n版权所有 XX市人民政府\n"
    )
    plan, _ = plan_of(text)
    assert plan.title == "XX市教育局2021年工作要点"
    assert plan.notice.index_no == "000-2021-1" and plan.notice.category == "教育"
    assert plan.notice.doc_number == "X教〔2021〕1号" and plan.notice.published_on == dt.date(2021, 3, 1)
    assert plan.nodes[0].children[0].body == "内容。"
    dumped = json.dumps([plan.title, plan.preamble, plan.closing, plan.nodes[0].children[0].body], ensure_ascii=False)
    for chrome in ("首页", "浏览", "字体", "责任编辑", "上一篇", "版权所有", "分享"):
        assert chrome not in dumped


def test_generic_short_labels_become_fields_but_sentences_do_not():
    text = "某局2021年工作要点\n一、甲\n1.任务。\n主要目标：达到九成\n配合部门：财政局\n目前的情况是：还不够好，需要加强。\n2.下一项。\n"
    plan, _ = plan_of(text)
    task = plan.nodes[0].children[0]
    assert [f.label for f in task.fields] == ["主要目标", "配合部门"]
    assert "目前的情况是" in task.body


def test_docx_task_table_with_section_rows_and_blank_cells():
    document = docx.Document()
    document.add_paragraph("某市教育局2022年重点工作任务分解")
    table = document.add_table(rows=1, cols=4)
    caption = table.rows[0].cells[0].merge(table.rows[0].cells[3])
    caption.text = "附件：任务分解表"
    header = table.add_row().cells
    for cell, head in zip(header, ["序号", "工作任务", "牵头单位", "完成时限"]):
        cell.text = head
    rows = [
        ("一、党的建设", None, None, None),
        ("1", "抓好理论学习。每月一次。", "办公室", "全年"),
        ("2", "推进从严治党", "", "12月底"),
        ("序号", "工作任务", "牵头单位", "完成时限"),  # header on page 2
        ("二、教育公平", None, None, None),
        ("3", "扩大学位供给", "基教科", ""),
    ]
    for values in rows:
        cells = table.add_row().cells
        if values[1] is None:
            merged = cells[0].merge(cells[3])
            merged.text = values[0]
        else:
            for cell, value in zip(cells, values):
                cell.text = value
    out = io.BytesIO()
    document.save(out)
    result = parse_docx(out.getvalue())
    plan = result.plans[0]
    assert [s.title for s in plan.nodes] == ["党的建设", "教育公平"]
    t1, t2 = plan.nodes[0].children
    assert (t1.title, t1.body) == ("抓好理论学习。", "每月一次。")
    assert [(f.label, f.value) for f in t1.fields] == [("牵头单位", "办公室"), ("完成时限", "全年")]
    assert t2.field_value("牵头单位") == ""
    assert plan.nodes[1].children[0].title == "扩大学位供给"
    assert plan.numbering is Numbering.CONTINUOUS and not [w for w in result.warnings if "source numbering" in w]


def test_docx_import_through_the_cli(tmp_path, library):
    document = docx.Document()
    for line in NOTICE.splitlines():
        document.add_paragraph(line)
    document.save(tmp_path / "plan.docx")
    r = run_cli("import", tmp_path / "plan.docx", library=library)
    assert r.code == 0, r.err
    plan_id = r.out.split("\t")[0]
    shown = run_cli("show", plan_id, library=library).out
    assert "一、加强党的建设" in shown and "（二）义务教育" in shown and "4.推进均衡发展。" in shown
    assert "warning: " in r.err and "控制大班额" in r.err


GOV_PAGE = """<html><head><meta charset="gbk"><title>关于印发工作计划的通知</title></head><body>
<div class="top">XX县人民政府 <a href="/">网站首页</a></div>
<div class="crumb">您所在的位置：<a>首页</a> &gt; <a>信息公开</a></div>
<table class="meta"><tr><td>索 引 号</td><td>11-2022-0007</td><td>发布机构</td><td>XX县教育局</td></tr>
<tr><td>发文字号</td><td>X教发〔 2022 〕5号</td><td>发布日期</td><td>2022-02-20</td></tr>
<tr><td>主 题 词</td><td></td><td>主题分类</td><td>教育</td></tr></table>
<h1>关于印发XX县教育局2022年工作计划的通知</h1>
<p>各乡镇中心学校、县直各学校：</p>
<p>&emsp;&emsp;现将《XX县教育局2022年工作计划》印发给你们，请遵照执行。</p>
<p>附件：XX县教育局2022年工作计划</p>
<p style="text-align:right">XX县教育局 2022年2月18日</p>
<p>附件</p>
<p><strong>XX县教育局2022年工作计划</strong></p>
<p>为做好今年工作，制定本计划。</p>
<p>一、主要目标</p><p>（一）办学条件。</p><p>1.新建学校两所。年内开工。（责任单位：计财股）</p>
<p>二、保障措施</p><p>（一）加强领导。各校要高度重视。</p>
<script>var x = "一、不是标题";</script>
<div class="foot">主办单位：XX县人民政府办公室 ICP备12345号</div></body></html>"""


def test_a_county_web_page_with_a_metadata_table(tmp_path, library):
    (tmp_path / "page.htm").write_bytes(GOV_PAGE.encode("gbk"))
    r = run_cli("import", "--dry-run", "--json", tmp_path / "page.htm", library=library)
    assert r.code == 0, r.err
    plan = json.loads(r.out)["plan"]
    n = plan["notice"]
    assert n["index_no"] == "11-2022-0007" and n["category"] == "教育" and n["published_on"] == "2022-02-20"
    assert n["doc_number"] == "X教发〔2022〕5号"
    assert n["title"] == "关于印发XX县教育局2022年工作计划的通知"
    assert n["recipients"] == "各乡镇中心学校、县直各学校："
    assert n["body"] == "现将《XX县教育局2022年工作计划》印发给你们，请遵照执行。"
    assert n["attachments"] == "附件：XX县教育局2022年工作计划"
    assert n["signers"] == ["XX县教育局"] and n["signed_on"] == "2022-02-18"
    assert plan["title"] == "XX县教育局2022年工作计划" and plan["kind"] == "工作计划" and plan["year"] == 2022
    assert plan["preamble"] == "为做好今年工作，制定本计划。"
    first, second = plan["nodes"]
    task = first["children"][0]["children"][0]
    assert task["title"] == "新建学校两所。" and task["body"] == "年内开工。"
    assert task["fields"] == [{"label": "责任单位", "value": "计财股"}]
    assert second["children"][0]["title"] == "加强领导。"
    assert "不是标题" not in r.out and "ICP" not in r.out and "网站首页" not in r.out
    assert not library.exists()


def _auto_numbered_docx() -> bytes:
    """A plan typed with Word's automatic numbering: 一、 （一） 1. exist only in numbering.xml."""
    from docx.oxml import parse_xml

    document = docx.Document()
    numbering = document.part.numbering_part.element
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    numbering.insert(
        0,
        parse_xml(
            f'<w:abstractNum {ns} w:abstractNumId="90">'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>'
            '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>'
            "</w:abstractNum>"
        ),
    )
    numbering.append(parse_xml(f'<w:num {ns} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    document.add_paragraph("某区教育局2023年工作要点")
    document.add_paragraph("总体要求：稳中求进。")
    # level 1 comes from a heading style based on a numbered style, as Word's multilevel headings do
    from docx.enum.style import WD_STYLE_TYPE

    numbered = document.styles.add_style("Plan Numbered", WD_STYLE_TYPE.PARAGRAPH)
    style_num = numbered.element.get_or_add_pPr().get_or_add_numPr()
    style_num.get_or_add_numId().val = 90
    style_num.get_or_add_ilvl().val = 0
    heading = document.styles.add_style("Plan Section", WD_STYLE_TYPE.PARAGRAPH)
    heading.base_style = numbered
    for level, text in [
        (0, "加强党建"),
        (1, "理论学习"),
        (2, "抓学习。每月一次。"),
        (2, "抓培训。"),
        (1, "从严治党"),
        (2, "抓纪律。"),
        (0, "发展教育"),
        (2, "扩学位。"),
    ]:
        p = document.add_paragraph(text)
        if level == 0:
            p.style = heading
            continue
        num_pr = p._p.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_numId().val = 90
        num_pr.get_or_add_ilvl().val = level
    document.add_paragraph("责任单位：基教科")  # a field after the last task
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_docx_automatic_numbering_is_read():
    result = parse_docx(_auto_numbered_docx())
    plan = result.plans[0]
    assert [s.title for s in plan.nodes] == ["加强党建", "发展教育"]
    first = plan.nodes[0]
    assert [c.title for c in first.children] == ["理论学习", "从严治党"]
    assert [t.title for t in first.children[0].children] == ["抓学习。", "抓培训。"]
    assert plan.nodes[1].children[0].title == "扩学位。"
    assert plan.nodes[1].children[0].field_value("责任单位") == "基教科"
    # Word restarts 1. under each （一）: the recogniser reads that as per-section numbering, no warnings
    assert plan.numbering is Numbering.PER_SECTION
    assert not [w for w in result.warnings if "source numbering" in w or "automatic numbering" in w]


def test_several_fields_on_one_line_and_inside_one_parenthesis():
    text = (
        "某局2021年工作要点\n一、甲\n1.任务甲。牵头单位：办公室 责任单位：各科室 完成时限：6月底\n"
        "牵头单位：办公室 责任单位：各科室、直属单位 完成时限：6月底\n"
        "2.任务乙。要做好。（牵头单位：人事科，配合单位：财务科）\n打印本页 关闭窗口\n"
    )
    plan, _ = plan_of(text)
    first, second = plan.nodes[0].children
    assert [(f.label, f.value) for f in first.fields] == [
        ("牵头单位", "办公室"),
        ("责任单位", "各科室、直属单位"),
        ("完成时限", "6月底"),
    ]
    assert [(f.label, f.value) for f in second.fields] == [("牵头单位", "人事科"), ("配合单位", "财务科")]
    assert second.body == "要做好。"
    assert plan.closing == ""


@pytest.mark.parametrize("last", [False, True])
def test_a_documents_own_label_under_a_field_line_is_the_same_tasks_field(last):
    """Print sets the fields one bracket held (（指导部门：…；推广范围：…）) a line each: read back, the line under a
    task's field line is that task's field whatever its label, also after the last task; a sentence is not."""
    tail = "" if last else "2.任务乙。\n指导部门：科技部\n"
    text = (
        "某局2021年工作要点\n一、甲\n1.任务甲。要做好。\n指导部门：科技部、教育部\n推广范围：全国，8个改革试验区域\n"
        + tail
    )
    plan, _ = plan_of(text)
    first = plan.nodes[0].children[0]
    assert [(f.label, f.value) for f in first.fields] == [
        ("指导部门", "科技部、教育部"),
        ("推广范围", "全国，8个改革试验区域"),
    ]
    assert plan.closing == ""
    prose, _ = plan_of(
        "某局2021年工作要点\n一、甲\n1.任务甲。\n指导部门：科技部\n有关情况：各单位要高度重视。抓好落实。\n"
    )
    assert [f.label for f in prose.nodes[0].children[0].fields] == ["指导部门"]


def test_json_import_still_works_and_json_output_lists_several_files(tmp_path, library):
    (tmp_path / "a.txt").write_text(NOTICE, encoding="utf-8")
    r = run_cli("import", "--dry-run", "--json", tmp_path / "a.txt", library=library)
    exported = tmp_path / "a.json"
    exported.write_text(
        json.dumps({k: v for k, v in json.loads(r.out).items() if k in ("format", "plan")}, ensure_ascii=False),
        encoding="utf-8",
    )
    r = run_cli("import", "--json", exported, tmp_path / "a.txt", library=library)
    assert r.code == 0, r.err
    docs = json.loads(r.out)
    assert [d["source"] for d in docs] == [str(exported), str(tmp_path / "a.txt")]
    assert docs[0]["warnings"] == [] and len(docs[1]["warnings"]) == 3
    assert docs[1]["warnings"][-1].startswith(
        f"the library already holds this plan as “{docs[0]['plan']['title']}” (plan {docs[0]['id']})"
    )  # the same plan, imported twice
    assert all(isinstance(d["id"], int) for d in docs)
    shown = [json.loads(run_cli("show", str(d["id"]), "--json", library=library).out)["plan"] for d in docs]
    assert shown[0] == shown[1]


def test_notice_title_in_book_brackets_repeated_and_no_plan_title_line():
    text = (
        "Y政办发〔2016〕9号《Y市人民政府办公厅关于印发〈Y市2016年政务公开工作要点〉的通知》\n"
        "《Y市人民政府办公厅关于印发〈Y市2016年政务公开工作要点〉的通知》\nY政办发〔2016〕9号\nY政办发〔2016〕9号\n"
        "各区人民政府，市政府各部门：\n《Y市2016年政务公开工作要点》已经市政府同意，现印发给你们。\n"
        "Y市人民政府办公厅\n2016年5月8日\n今年政务公开工作的总体要求是：深化公开。\n"
        "一、围绕改革推进公开\n（一）推进权力清单公开\n对权力清单进行动态调整。\n（二）推进财政信息公开\n细化预算公开。\n"
    )
    plan, warnings = plan_of(text)
    n = plan.notice
    assert n.doc_number == "Y政办发〔2016〕9号"
    assert n.title == "Y市人民政府办公厅关于印发〈Y市2016年政务公开工作要点〉的通知"
    assert n.signers == ["Y市人民政府办公厅"] and n.signed_on == dt.date(2016, 5, 8)
    assert plan.title == "Y市2016年政务公开工作要点" and plan.year == 2016
    assert plan.preamble == "今年政务公开工作的总体要求是：深化公开。"
    subs = plan.nodes[0].children
    # no 1. tasks and no fields: the （一） items are the work, tasks numbered as the document printed them
    assert [(s.kind, s.title, s.body) for s in subs] == [
        (NodeKind.TASK, "推进权力清单公开", "对权力清单进行动态调整。"),
        (NodeKind.TASK, "推进财政信息公开", "细化预算公开。"),
    ]
    assert plan.numbering is Numbering.OUTLINE


def test_header_labels_with_values_on_the_next_line():
    text = (
        "返回顶部\n某县人民政府\n当前位置：首页 > 文件\n• 索引号:\n6100000000/2024-000105\n• 主题分类:\n• 来源:\n"
        "• 发文机构:\n某县教育局\n• 发文字号:\n某教发〔2024〕7号\n• 发文日期:\n2024年04月06日 16:40\n• 内容概述:\n"
        "某县教育局2024年工作要点\n一、抓党建\n1.学习。\n"
    )
    plan, _ = plan_of(text)
    n = plan.notice
    assert n.index_no == "6100000000/2024-000105" and n.doc_number == "某教发〔2024〕7号"
    assert n.category == "" and plan.title == "某县教育局2024年工作要点" and plan.issuers == ["某县教育局"]
    assert n.published_on == dt.date(2024, 4, 6)


def test_a_page_headline_above_a_title_of_another_kind():
    text = (
        "南湖区印发两个实施意见\n发布时间：2022-02-23 浏览次数：\n关于加强学校体育工作的实施意见\n"
        "为促进学生全面发展，现提出如下实施意见。\n一、总体要求\n（一）指导思想\n坚持健康第一。\n"
    )
    plan, _ = plan_of(text)
    assert plan.title == "关于加强学校体育工作的实施意见" and plan.kind == "实施意见"


def test_items_straight_under_a_section_become_tasks_with_a_warning():
    plan, warnings = plan_of("某局2021年工作要点\n一、甲\n（1）乙。\n（2）丙。\n")
    assert [c.kind for c in plan.nodes[0].children] == [NodeKind.TASK, NodeKind.TASK]
    assert any("directly under a section" in w for w in warnings)


CLOSING_PLAN = """某局2022年工作要点
一、加强党建
1.抓好学习。组织学习。
责任单位：办公室
2.抓好宣传。
{last}
在完成上述工作的同时，扎实做好信访、保密等工作。
责任单位：办公室、机关党委、老干处等
"""


@pytest.mark.parametrize(
    "last, own_fields",
    [
        ("做好宣传。\n责任单位：宣传科", [("责任单位", "宣传科")]),  # the last task has its own 责任单位 (seed 003)
        ("做好宣传。\n目标任务：提升影响。", [("目标任务", "提升影响。")]),  # it has fields, but no 责任单位
        ("做好宣传。", []),  # it has none
    ],
)
def test_a_field_line_after_the_closing_paragraph_is_the_closings(last, own_fields):
    """The closing (在完成上述工作的同时…) names who does its own work: its 责任单位 stays with it as printed, and
    neither the closing nor its field is taken into the last task, whatever fields that task has."""
    plan = parse_text(CLOSING_PLAN.format(last=last)).plans[0]
    task = plan.nodes[0].children[-1]
    assert (task.title, task.body) == ("抓好宣传。", "做好宣传。")
    assert [(f.label, f.value) for f in task.fields] == own_fields
    assert plan.closing == "在完成上述工作的同时，扎实做好信访、保密等工作。\n责任单位：办公室、机关党委、老干处等"


def test_attachment_names_above_the_signature_are_neither_tasks_nor_signers():
    """附件：1.… / 2.… printed between the notice's body and its signature (GB/T 9704 附件说明) is the attachment
    note: its 2. is no task, and no signer."""
    text = """某省人民政府关于印发某省营商环境实施方案的通知
各市人民政府：
现将《某省营商环境实施方案》印发给你们，请认真贯彻执行。
附件：1.可开展的国家改革事项清单
2.国内先进地区改革事项清单
某省人民政府
2022年6月2日
某省营商环境实施方案
一、总体要求
1.优化服务。提升效率。
"""
    plan = parse_text(text).plans[0]
    assert plan.notice.signers == ["某省人民政府"]
    assert plan.notice.attachments == "附件：1.可开展的国家改革事项清单\n2.国内先进地区改革事项清单"
    assert [n.title for n in plan.walk()] == ["总体要求", "优化服务。"]


OWN_PLAN_NOTICE = (
    "国务院办公厅关于开展城镇小区配套幼儿园治理工作的通知\n国办发〔2019〕3号\n"
    "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n为做好治理工作，现就有关事项通知如下：\n"
    "一、总体要求\n全面摸清底数。\n二、工作任务\n{under}"
    "国务院办公厅\n2019年1月9日\n"
)


@pytest.mark.parametrize(
    ("under", "sections"),
    [
        ("（一）摸底排查。各地要全面摸排。\n（二）分类治理。逐一整改。\n", 2),  # points holding tasks: a plan
        ("认真开展排查。（各省级人民政府负责）\n", 2),  # points naming who does them: a plan
        ("认真开展排查。\n", 0),  # the notice's own points, nothing under them: its body
    ],
)
def test_a_notice_that_sends_nothing_is_its_own_plan_when_its_points_hold_work(under, sections):
    """Its printed copy (one-line title, signature at the end) reads as its web page does: the plan titled by the
    notice's own title; a notice whose 一、二、 are only its body stays a notice alone."""
    plan, _ = plan_of(OWN_PLAN_NOTICE.format(under=under))
    assert len(plan.nodes) == sections
    assert plan.notice.signers == ["国务院办公厅"]
    if sections:
        assert plan.title == "国务院办公厅关于开展城镇小区配套幼儿园治理工作的通知"
