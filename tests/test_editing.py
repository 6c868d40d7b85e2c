"""Editing operations on a real library file: each atomic, each undone by the edit it returns."""

import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planbook.core import editing as ed
from planbook.core.errors import HierarchyError, NotFound
from planbook.core.exchange import plan_to_text
from planbook.core.library import Library
from planbook.core.model import Field, Node, NodeKind, Progress, may_contain

from .conftest import sample_plan
from .edit_script import Session


@pytest.fixture
def lib(tmp_path):
    with Library.open(tmp_path / "lib.db") as library:
        yield library


def outline(lib: Library, plan_id: int) -> list[str]:
    """The printed lines of the plan's tree: what the user sees, numbers included."""
    text = plan_to_text(lib.load_plan(plan_id)).splitlines()
    return [line for line in text if line and line[0] in "一二三四五六七八九十（123456789"]


def check_invariants(lib: Library) -> None:
    """Positions contiguous from 0 among every set of siblings; no orphans; hierarchy respected."""
    rows = lib.db.execute("SELECT id, plan_id, parent_id, position, kind FROM nodes").fetchall()
    by_id = {r[0]: r for r in rows}
    siblings: dict = {}
    for _id, plan_id, parent, position, kind in rows:
        siblings.setdefault((plan_id, parent), []).append(position)
        parent_kind = None
        if parent is not None:
            assert parent in by_id and by_id[parent][1] == plan_id
            parent_kind = NodeKind(by_id[parent][4])
        assert may_contain(parent_kind, NodeKind(kind))
    for positions in siblings.values():
        assert sorted(positions) == list(range(len(positions)))
    assert lib.db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_add_edit_fields_and_their_undo(lib):
    plan_id = lib.add_plan(sample_plan(sections=2))
    before = outline(lib, plan_id)
    section = lib.child_ids(plan_id, None)[0]
    add = ed.new_node(lib, plan_id, section, position=0)
    assert add.node.kind is NodeKind.TASK
    undo_add = ed.apply(lib, add).inverse
    new_id = undo_add.node_id
    undo_title = ed.apply(lib, ed.EditNode(new_id, title="新增任务。")).inverse
    undo_fields = ed.apply(lib, ed.SetFields(new_id, (Field("牵头单位", "体卫艺科"),))).inverse
    assert outline(lib, plan_id)[:3] == ["一、第1部分工作", "1.新增任务。", "2.任务1-1。"]
    assert lib.node_fields(new_id) == [Field("牵头单位", "体卫艺科")]
    check_invariants(lib)
    redo_fields = ed.apply(lib, undo_fields).inverse
    assert lib.node_fields(new_id) == []
    ed.apply(lib, redo_fields)
    assert lib.node_fields(new_id) == [Field("牵头单位", "体卫艺科")]
    ed.apply(lib, ed.apply(lib, redo_fields).inverse)  # undo then redo again
    ed.apply(lib, undo_fields)
    ed.apply(lib, undo_title)
    ed.apply(lib, undo_add)
    assert outline(lib, plan_id) == before
    check_invariants(lib)


def test_delete_subtree_and_undo_restores_ids_fields_and_place(lib):
    plan_id = lib.add_plan(sample_plan(sections=3))
    before = lib.load_plan(plan_id)
    first_section = lib.child_ids(plan_id, None)[0]
    fields_before = lib.db.execute("SELECT count(*) FROM fields").fetchone()[0]
    undo = ed.apply(lib, ed.DeleteNode(first_section)).inverse
    assert outline(lib, plan_id)[0] == "一、第2部分工作"
    assert lib.db.execute("SELECT count(*) FROM fields").fetchone()[0] < fields_before
    check_invariants(lib)
    ed.apply(lib, undo)
    assert lib.load_plan(plan_id) == before  # ids included
    check_invariants(lib)


def test_move_up_down_and_to_another_parent(lib):
    plan_id = lib.add_plan(sample_plan(sections=2, tasks_per_section=3))
    s1, s2 = lib.child_ids(plan_id, None)
    t1, t2, t3, sub = lib.child_ids(plan_id, s1)
    assert ed.move_by(lib, t1, -1) is None
    ed.apply(lib, ed.move_by(lib, t1, +1))
    assert lib.child_ids(plan_id, s1) == [t2, t1, t3, sub]
    undo = ed.apply(lib, ed.MoveNode(t3, s2, 0)).inverse
    assert lib.child_ids(plan_id, s2)[0] == t3
    assert outline(lib, plan_id)[outline(lib, plan_id).index("二、第2部分工作") + 1] == "4.任务1-3。"
    check_invariants(lib)
    ed.apply(lib, undo)
    assert lib.child_ids(plan_id, s1) == [t2, t1, t3, sub]
    check_invariants(lib)


def test_indent_and_outdent_change_kind_where_the_hierarchy_needs_it(lib):
    plan_id = lib.add_plan(sample_plan(sections=2, tasks_per_section=2))
    s1, s2 = lib.child_ids(plan_id, None)
    # a section indented under the previous section becomes a subsection, its tasks come along
    undo = ed.apply(lib, ed.indent(lib, s2)).inverse
    assert lib.node_row(s2)["kind"] == "subsection" and lib.node_row(s2)["parent_id"] == s1
    assert outline(lib, plan_id)[-3:] == ["（二）第2部分工作", "4.任务2-1。", "5.任务2-2。"]
    check_invariants(lib)
    ed.apply(lib, undo)
    assert lib.node_row(s2)["kind"] == "section" and lib.node_row(s2)["parent_id"] is None
    # a task indented under the previous task becomes an item; outdented it is a task again
    t1, t2 = lib.child_ids(plan_id, s2)
    ed.apply(lib, ed.indent(lib, t2))
    assert lib.node_row(t2)["kind"] == "item"
    ed.apply(lib, ed.outdent(lib, t2))
    assert lib.node_row(t2)["kind"] == "task" and lib.child_ids(plan_id, s2) == [t1, t2]
    assert ed.indent(lib, s1) is None  # nothing before the first section
    assert ed.outdent(lib, s1) is None  # already at the top
    check_invariants(lib)


def test_the_hierarchy_is_enforced_and_a_refused_edit_changes_nothing(lib):
    plan_id = lib.add_plan(sample_plan(sections=2))
    s1, s2 = lib.child_ids(plan_id, None)
    t1 = lib.child_ids(plan_id, s1)[0]
    before = lib.load_plan(plan_id)
    with pytest.raises(HierarchyError):
        ed.apply(lib, ed.MoveNode(s2, t1, 0))  # a section inside a task
    with pytest.raises(HierarchyError):
        ed.apply(lib, ed.MoveNode(s1, t1, 0))  # inside itself
    with pytest.raises(HierarchyError):
        ed.apply(lib, ed.AddNode(plan_id, t1, 0, Node(NodeKind.SECTION, "x")))
    with pytest.raises(HierarchyError):
        ed.apply(lib, ed.EditNode(s1, kind=NodeKind.ITEM))  # an item cannot hold tasks nor sit at the top
    with pytest.raises(HierarchyError):
        ed.apply(lib, ed.AddNode(plan_id, None, 99, Node(NodeKind.SECTION, "x")))
    with pytest.raises(NotFound):
        ed.apply(lib, ed.DeleteNode(10**6))
    assert lib.load_plan(plan_id) == before
    check_invariants(lib)


def test_plan_and_notice_updates_undo(lib):
    plan_id = lib.add_plan(sample_plan())
    undo = ed.apply(
        lib, ed.UpdatePlan.of(plan_id, title="新标题", **{"notice.doc_number": "某教发〔2022〕1号"})
    ).inverse
    plan = lib.load_plan(plan_id)
    assert (plan.title, plan.notice.doc_number) == ("新标题", "某教发〔2022〕1号")
    ed.apply(lib, undo)
    plan = lib.load_plan(plan_id)
    assert (plan.title, plan.notice.doc_number) == ("某市教育局2021年工作要点", "某教发〔2021〕3号")


def test_batch_is_one_step(lib):
    plan_id = lib.add_plan(sample_plan())
    before = lib.load_plan(plan_id)
    ids = [n.id for n in before.walk() if n.kind is NodeKind.TASK]
    undo = ed.apply(lib, ed.Batch(tuple(ed.EditNode(i, title="改") for i in ids))).inverse
    assert all(n.title == "改" for n in lib.load_plan(plan_id).walk() if n.kind is NodeKind.TASK)
    ed.apply(lib, undo)
    assert lib.load_plan(plan_id) == before


def test_a_failing_edit_rolls_back_the_whole_transaction(lib):
    plan_id = lib.add_plan(sample_plan())
    before = lib.load_plan(plan_id)
    tasks = [n.id for n in before.walk() if n.kind is NodeKind.TASK]
    with pytest.raises(NotFound):
        ed.apply(lib, ed.Batch((ed.EditNode(tasks[0], title="已改"), ed.DeleteNode(10**6))))
    assert lib.load_plan(plan_id) == before


def test_duplicate_plan_copies_everything_with_new_ids(lib):
    plan_id = lib.add_plan(sample_plan())
    copy_id = ed.duplicate_plan(lib, plan_id, title="副本")
    original, copy = lib.load_plan(plan_id), lib.load_plan(copy_id)
    assert copy.title == "副本" and plan_to_text(copy).splitlines()[1:] == plan_to_text(original).splitlines()[1:]
    assert not {n.id for n in original.walk()} & {n.id for n in copy.walk()}
    lib.delete_plan(plan_id)
    assert lib.load_plan(copy_id).nodes == copy.nodes
    check_invariants(lib)


def test_edits_are_in_the_file_for_another_connection_at_once(lib):
    plan_id = lib.add_plan(sample_plan())
    task_id = next(n.id for n in lib.load_plan(plan_id).walk() if n.kind is NodeKind.TASK)
    ed.apply(lib, ed.EditNode(task_id, title="立即可见。"))
    other = sqlite3.connect(lib.path)
    assert other.execute("SELECT title FROM nodes WHERE id = ?", [task_id]).fetchone()[0] == "立即可见。"
    other.close()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 2**32), steps=st.integers(0, 60))
def test_random_editing_sessions_keep_the_tree_sound_and_undo_all_the_way(tmp_path_factory, seed, steps):
    with Library.open(tmp_path_factory.mktemp("h") / "lib.db") as lib:
        plan_id = lib.add_plan(sample_plan(sections=2))
        start = lib.load_plan(plan_id)
        session = Session(lib, plan_id, seed)
        for _ in range(steps):
            session.step()
            check_invariants(lib)
        while session.undo:
            ed.apply(lib, session.undo.pop())
        assert lib.load_plan(plan_id) == start


def test_each_change_record_says_what_it_touched_and_undo_says_the_same(lib):
    """The record views read instead of the edit's type: plans, nodes, aspects, focus, and what a step needs."""
    plan_id = lib.add_plan(sample_plan(sections=2))
    other_id = lib.add_plan(sample_plan(sections=1))
    s1, s2 = lib.child_ids(plan_id, None)
    task = lib.child_ids(plan_id, s1)[0]
    A = ed.Aspect

    added = ed.apply(lib, ed.new_node(lib, plan_id, s1, position=0))
    new_id = added.inverse.node_id
    assert (added.aspects, added.plans, added.nodes, added.focus) == (A.STRUCTURE, {plan_id}, {new_id}, new_id)
    assert added.inverse.needs() == ed.Needs(nodes=frozenset({new_id}))

    retitled = ed.apply(lib, ed.EditNode(task, title="新标题。"))
    assert (retitled.aspects, retitled.nodes, retitled.focus) == (A.TEXT, {task}, task)
    rekinded = ed.apply(lib, ed.EditNode(new_id, kind=NodeKind.SUBSECTION))
    assert rekinded.aspects == A.KIND
    assert ed.apply(lib, ed.SetFields(task, (Field("牵头单位", "基教科"),))).aspects == A.FIELDS
    assert ed.apply(lib, ed.SetProgress(task, Progress.DONE)).aspects == A.PROGRESS
    moved = ed.apply(lib, ed.MoveNode(task, None, 0))
    assert (moved.aspects, moved.nodes, moved.focus) == (A.STRUCTURE, {task}, task)
    assert moved.inverse.needs().nodes == {task, s1}
    promoted = ed.apply(lib, ed.MoveNode(new_id, None, 0, NodeKind.SECTION))
    assert promoted.aspects == A.STRUCTURE | A.KIND
    ed.apply(lib, promoted.inverse)

    deleted = ed.apply(lib, ed.DeleteNode(new_id))
    assert (deleted.aspects, deleted.focus) == (A.STRUCTURE, s1)  # the eye goes to the parent
    top = ed.apply(lib, ed.DeleteNode(task))
    assert top.focus == ed.PLAN_FOCUS  # a top-level node's parent is the plan itself
    assert ed.apply(lib, top.inverse).focus == task  # undoing brings it back, and the eye with it

    meta = ed.apply(lib, ed.UpdatePlan.of(plan_id, title="改"))
    assert (meta.aspects, meta.plans, meta.nodes, meta.focus) == (A.METADATA, {plan_id}, set(), ed.PLAN_FOCUS)
    assert meta.inverse.needs() == ed.Needs(plans=frozenset({plan_id}))

    batch = ed.apply(lib, ed.Batch((ed.EditNode(s1, title="甲"), ed.UpdatePlan.of(other_id, year=2030))))
    assert (batch.aspects, batch.plans, batch.nodes, batch.focus) == (
        A.TEXT | A.METADATA,
        {plan_id, other_id},
        {s1},
        None,
    )
    assert batch.inverse.needs() == ed.Needs(frozenset({s1}), frozenset({other_id}))

    gone = ed.apply(lib, ed.DeletePlan(other_id))
    assert (gone.aspects, gone.removed_plans, gone.added_plans, gone.added_plan) == (A.PLANS, {other_id}, set(), None)
    back = ed.apply(lib, gone.inverse)
    assert (back.added_plan, back.plans, back.inverse) == (other_id, {other_id}, ed.DeletePlan(other_id))
    with pytest.raises(TypeError):
        ed.apply(lib, back)  # a change is not an edit: its inverse is


def test_every_edit_marks_the_plans_it_changed_as_modified(lib):
    """The library pane sorts by modification: a batch (a unit renamed in every task) counts too."""
    plan_id = lib.add_plan(sample_plan())
    tasks = [n.id for n in lib.load_plan(plan_id).walk() if n.kind is NodeKind.TASK]
    lib.db.execute("UPDATE plans SET modified_at = '2000-01-01T00:00:00' WHERE id = ?", [plan_id])
    ed.apply(lib, ed.Batch(tuple(ed.SetFields(t, (Field("牵头单位", "新科"),)) for t in tasks)))
    assert next(p for p in lib.list_plans() if p.id == plan_id).modified_at > "2000-01-01T00:00:00"
