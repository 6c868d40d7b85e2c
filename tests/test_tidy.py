"""Normalize Punctuation (Plan menu, `planbook tidy`): the print's full-width rule stored in the plan, undoably."""

from __future__ import annotations

from planbook.core import editing
from planbook.core.library import Library
from planbook.core.model import Field, Node, NodeKind, Plan
from planbook.core.tidy import punctuation_edit

from .conftest import run_cli
from .gui_support import settle, stored_plan


def pasted_plan() -> Plan:
    """A plan as pasted off a web page: ASCII punctuation in Chinese text, and some that must stay ASCII."""
    plan = Plan(
        title="某市2021年工作要点(征求意见稿)",
        year=2021,
        issuers=["某市教育局"],
        preamble="总体要求是:坚持立德树人,推进教育公平;提高质量!",
        closing="在完成上述工作的同时,做好其他工作。",
        nodes=[
            Node(
                NodeKind.SECTION,
                "一、总体要求,基本原则",
                children=[
                    Node(
                        NodeKind.TASK,
                        "推进校园足球(试点)",
                        "投入1,000万元;版本2.0;见http://a.b/c?x=1。",
                        [Field("责任单位", "基教科,体卫艺科"), Field("完成时限", "12月底")],
                    )
                ],
            )
        ],
    )
    plan.notice.recipients = "各县(市、区)教育局:"
    plan.notice.doc_number = "某教发[2021]3号"
    plan.notice.signers = ["某市教育局(印)"]
    return plan


def test_the_rule_reaches_every_text_and_leaves_numbers_and_addresses(tmp_path):
    with Library.open(tmp_path / "lib.db") as lib:
        plan_id = lib.add_plan(pasted_plan())
        original = lib.load_plan(plan_id)
        inverse = editing.apply(lib, punctuation_edit(original)).inverse
        after = lib.load_plan(plan_id)
        task = after.nodes[0].children[0]
        assert after.title == "某市2021年工作要点（征求意见稿）"
        assert after.preamble == "总体要求是：坚持立德树人，推进教育公平；提高质量！"
        assert after.nodes[0].title == "一、总体要求，基本原则" and task.title == "推进校园足球（试点）"
        assert task.body == "投入1,000万元；版本2.0；见http://a.b/c?x=1。"  # between digits and in an address: kept
        assert task.fields[0] == Field("责任单位", "基教科，体卫艺科") and task.fields[1] == Field("完成时限", "12月底")
        assert after.notice.recipients == "各县（市、区）教育局：" and after.notice.signers == ["某市教育局（印）"]
        assert after.notice.doc_number == "某教发[2021]3号"  # the number keeps its own (checked) brackets
        assert punctuation_edit(after).edits == ()  # done once, nothing left
        editing.apply(lib, inverse)
        assert lib.load_plan(plan_id) == original  # undone whole


def test_cli_tidy(tmp_path):
    lib = tmp_path / "lib.db"
    with Library.open(lib) as opened:
        opened.add_plan(pasted_plan())
    r = run_cli("tidy", "1", library=lib)
    assert r.code == 0 and r.out.startswith("made 4 change(s) to plan 1")  # 2 nodes' text, 1 node's fields, the plan
    assert run_cli("tidy", "1", library=lib).out.strip() == "nothing to change"
    assert "，" in stored_plan(lib, 1).preamble


def test_plan_menu_action_is_one_undoable_step(windows, qtbot):
    path = windows.tmp_path / "lib.db"
    with Library.open(path) as lib:
        plan_id = lib.add_plan(pasted_plan())
    w = windows.open(lang="en")
    w.open_plan(plan_id)
    settle()
    before = stored_plan(path, plan_id)
    w.act_tidy.trigger()
    settle()
    assert w.statusBar().currentMessage() == "Punctuation made full-width: 4 changes, one undo step"
    assert stored_plan(path, plan_id).preamble == "总体要求是：坚持立德树人，推进教育公平；提高质量！"
    assert w.model.plan.nodes[0].title == "一、总体要求，基本原则"  # the tree shows it too
    assert w.undo_stack.undoText() == "Normalize Punctuation"
    w.undo_stack.undo()
    settle()
    assert stored_plan(path, plan_id) == before
    w.undo_stack.redo()
    w.act_tidy.trigger()
    assert w.statusBar().currentMessage() == "The punctuation is already as print has it"
