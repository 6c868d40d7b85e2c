"""Action plans whose tasks are the （一） items under their sections (outline numbering): they import as tasks,
are tracked and counted, print （一） and 1. as the document did, and keep doing so through editing, next year's
draft and a round trip through print."""

from __future__ import annotations

import json
import subprocess

from planbook.core import editing as ed
from planbook.core.library import Library
from planbook.core.model import Node, NodeKind, Numbering, Plan
from planbook.core.numbering import number_tree
from planbook.exporters import EXPORTERS
from planbook.importers import import_with_warnings
from planbook.importers.plaintext import parse_text

from .conftest import run_cli, sample_plan

ACTION_PLAN = """某市教育局关于印发《某市2022年教育强基行动计划》的通知
各县（市、区）教育局：
现将《某市2022年教育强基行动计划》印发给你们，请认真贯彻执行。
某市教育局
2022年3月1日
某市2022年教育强基行动计划
为推进教育强基，制定本计划。
一、总体要求
（一）指导思想。坚持立德树人。
（二）工作目标。到2022年底，基础更牢。
二、重点任务
（一）实施校舍提升行动。完成校舍改造。
1.新建学校5所。
2.改扩建学校10所。
责任单位：市教育局、市财政局
（二）实施教师培训行动。培训教师1000人次。
责任单位：市教育局
（三）实施课后服务行动。课后服务全覆盖。
牵头单位：市教育局
配合单位：市财政局
三、保障措施
（一）加强组织领导。成立专班。
（二）强化经费保障。落实经费。
"""


def numbered(plan: Plan) -> list[tuple[str, str, str]]:
    numbers = number_tree(plan.nodes, plan.numbering)
    return [(numbers[id(n)], n.kind.value, n.title) for n in plan.walk()]


def test_outline_numbering_counts_by_level_among_siblings():
    """A task under a section is （一）, its items 1., theirs （1）; sections' framing headings count alongside."""
    plan = Plan(
        "计划",
        numbering=Numbering.OUTLINE,
        nodes=[
            Node(NodeKind.SECTION, "总体要求", children=[Node(NodeKind.SUBSECTION, "指导思想")]),
            Node(
                NodeKind.SECTION,
                "重点任务",
                children=[
                    Node(
                        NodeKind.TASK,
                        "甲",
                        children=[
                            Node(NodeKind.ITEM, "甲一", children=[Node(NodeKind.ITEM, "细")]),
                            Node(NodeKind.ITEM, "甲二"),
                        ],
                    ),
                    Node(NodeKind.TASK, "乙"),
                    Node(NodeKind.SUBSECTION, "丙", children=[Node(NodeKind.TASK, "丙一")]),
                ],
            ),
        ],
    )
    assert numbered(plan) == [
        ("一、", "section", "总体要求"),
        ("（一）", "subsection", "指导思想"),
        ("二、", "section", "重点任务"),
        ("（一）", "task", "甲"),
        ("1.", "item", "甲一"),
        ("（1）", "item", "细"),
        ("2.", "item", "甲二"),
        ("（二）", "task", "乙"),
        ("（三）", "subsection", "丙"),
        ("1.", "task", "丙一"),
    ]


def test_action_plan_imports_its_subsection_items_as_tasks(tmp_path):
    """The （一） items of the section with 责任单位 are the tasks, their 1. points their items, and the fields that
    close a （一） item (after its last point) are its own; 总体要求 and 保障措施 keep their headings."""
    (tmp_path / "plan.txt").write_text(ACTION_PLAN, encoding="utf-8")
    r = run_cli("import", "--dry-run", "--json", tmp_path / "plan.txt")
    assert r.code == 0, r.err
    plan = json.loads(r.out)["plan"]
    assert plan["numbering"] == "outline"
    kinds = [[c["kind"] for c in s["children"]] for s in plan["nodes"]]
    assert kinds == [["subsection"] * 2, ["task"] * 3, ["subsection"] * 2]
    first = plan["nodes"][1]["children"][0]
    assert [c["kind"] for c in first["children"]] == ["item", "item"]
    assert first["fields"] == [{"label": "责任单位", "value": "市教育局、市财政局"}]
    assert first["children"][1]["fields"] == []
    summary = run_cli("import", "--dry-run", tmp_path / "plan.txt").out
    assert "3项任务" in summary and "按层级编号" in summary


def test_action_plan_is_tracked_printed_and_drafted_again_as_the_document_numbered_it(tmp_path):
    library = tmp_path / "lib.db"
    (tmp_path / "plan.txt").write_text(ACTION_PLAN, encoding="utf-8")
    assert run_cli("import", tmp_path / "plan.txt", library=library).code == 0
    # tracked and counted: three tasks, by lead unit
    progress = run_cli("progress", "1", library=library).out.splitlines()
    assert progress[0].startswith("未启动 3")
    assert "市教育局\t未启动 3" in progress
    # printed as the document did
    pdf = tmp_path / "plan.pdf"
    assert run_cli("export", "1", "--format", "pdf", "-o", pdf, library=library).code == 0
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    lines = ["".join(x.split()) for x in text.splitlines()]  # the typesetter's spacing is not the point here
    for line in (
        "（一）实施校舍提升行动。",
        "1.新建学校5所。",
        "2.改扩建学校10所。",
        "（三）实施课后服务行动。",
        "（二）强化经费保障。",
    ):
        assert line in lines
    # next year's draft keeps the numbering
    r = run_cli("next-year", "1", library=library)
    assert r.code == 0, r.err
    shown = run_cli("show", r.out.strip(), library=library).out
    assert "2023年" in shown and "（二）实施教师培训行动。" in shown and "2.改扩建学校10所。" in shown


def test_editing_an_outline_plan_numbers_new_tasks_by_level(tmp_path):
    with Library.open(tmp_path / "lib.db") as lib:
        plan = parse_text(ACTION_PLAN).plans[0]
        plan_id = lib.add_plan(plan)
        loaded = lib.load_plan(plan_id)
        tasks_section = loaded.nodes[1]
        ed.apply(lib, ed.new_node(lib, plan_id, tasks_section.id, title="实施数字校园行动。"))
        after = lib.load_plan(plan_id)
        assert after.numbering is Numbering.OUTLINE
        added = after.nodes[1].children[-1]
        assert added.kind is NodeKind.TASK
        assert number_tree(after.nodes, after.numbering)[id(added)] == "（四）"
        assert after.task_count() == 4


def test_outline_plan_comes_back_from_its_docx_and_pdf(tmp_path):
    plan = parse_text(ACTION_PLAN).plans[0]
    for fmt in ("docx", "pdf"):
        EXPORTERS[fmt](plan, tmp_path / f"p.{fmt}", "notice")
        back = import_with_warnings(tmp_path / f"p.{fmt}").plans[0]
        assert back.numbering is Numbering.OUTLINE
        assert numbered(back) == numbered(plan)


def test_ordinary_plans_keep_their_numbering_modes():
    """A 工作要点 whose 1. tasks carry the fields stays continuous: its （一） items are headings."""
    plan = sample_plan()
    text = "\n".join(f"{n}{t}" for n, _, t in numbered(plan))
    back = parse_text(text).plans[0]
    assert back.numbering is Numbering.CONTINUOUS
    assert [k for _, k, _ in numbered(back)] == [k for _, k, _ in numbered(plan)]


def test_the_editors_kind_list_names_the_number_an_outline_node_prints(windows, tmp_path):
    """A task directly under a section prints （一） in outline numbering: the kind list says 任务（（一）), not
    任务（1.）; its items say （1.）'s level, 1.; a plan numbered through keeps the usual names."""
    from tests.gui_support import settle

    path = tmp_path / "lib.db"
    with Library.open(path) as lib:
        outline_id = lib.add_plan(parse_text(ACTION_PLAN).plans[0])
        ordinary = parse_text(ACTION_PLAN).plans[0]
        ordinary.numbering = Numbering.CONTINUOUS
        ordinary_id = lib.add_plan(ordinary)
    w = windows.open(path, plan=outline_id)
    w.open_plan(outline_id)
    settle()
    task = w.model.plan.nodes[1].children[0]
    w.select_node(task.id)
    settle()
    box = w.node_editor.kind
    w.node_editor.grab().save("/tmp/planbook-outline-kind.png")
    assert box.currentData() == NodeKind.TASK and box.currentText() == "任务（（一））"
    assert [box.itemText(i) for i in range(box.count())] == [
        "一级标题（（一））",
        "二级标题（（一））",
        "任务（（一））",
        "子项（（一））",
    ]
    w.select_node(task.children[0].id)
    settle()
    assert box.currentText() == "子项（1.）"
    w.open_plan(ordinary_id)
    settle()
    w.select_node(w.model.plan.nodes[1].children[0].id)
    settle()
    assert box.currentText() == "任务（1.）" and box.itemText(1) == "二级标题（（一））"


RUNNING_PLAN = ACTION_PLAN.replace(
    "（三）实施课后服务行动。课后服务全覆盖。",
    "三、提升质量\n（三）实施课后服务行动。课后服务全覆盖。",
).replace("三、保障措施", "四、保障措施")


def test_outline_tasks_numbered_straight_through_keep_their_numbers(tmp_path):
    """An action plan that numbers its （一） tasks on through the plan (（一）（二） under one section, （三） under
    the next) keeps the numbers it printed, with no warning; framing headings still count within their section."""
    found = parse_text(RUNNING_PLAN)
    plan = found.plans[0]
    assert plan.numbering is Numbering.OUTLINE_RUNNING
    assert not [w for w in found.warnings if "numbering" in str(w)]
    assert [(no, title) for no, kind, title in numbered(plan) if kind == "task"] == [
        ("（一）", "实施校舍提升行动。"),
        ("（二）", "实施教师培训行动。"),
        ("（三）", "实施课后服务行动。"),
    ]
    assert ("（一）", "subsection", "加强组织领导。") in numbered(plan)
    assert plan.task_count() == 3
    for fmt in ("docx", "pdf"):
        EXPORTERS[fmt](plan, tmp_path / f"p.{fmt}", "notice")
        back = import_with_warnings(tmp_path / f"p.{fmt}").plans[0]
        assert back.numbering is Numbering.OUTLINE_RUNNING
        assert numbered(back) == numbered(plan)
    # a plan that restarts its （一） in each section stays plain outline numbering
    assert parse_text(RUNNING_PLAN.replace("（三）实施课后", "（一）实施课后")).plans[0].numbering is Numbering.OUTLINE


def test_the_window_shows_and_keeps_outline_running_numbering(windows, tmp_path):
    """The numbering box shows the plan's outline-running mode, and the tree prints （三） under the third section."""
    from PySide6.QtWidgets import QComboBox

    from tests.gui_support import settle

    path = tmp_path / "lib.db"
    with Library.open(path) as lib:
        plan_id = lib.add_plan(parse_text(RUNNING_PLAN).plans[0])
    w = windows.open(path, plan=plan_id)
    w.open_plan(plan_id)
    settle()
    task = w.model.plan.nodes[2].children[0]
    assert w.model.number(task.id) == "（三）"
    w.select_node(task.id)
    settle()
    assert w.node_editor.kind.currentText() == "任务（（一））"
    w.select_node(None)
    settle()
    box = w.plan_properties.findChild(QComboBox, "prop_numbering")
    assert box is not None and box.currentData() == Numbering.OUTLINE_RUNNING
    assert box.currentText() == "按层级编号，任务全文连续（部分可从（三）起）"
    w.grab().save("/tmp/planbook-outline-running.png")
