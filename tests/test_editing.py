"""Editing operations on a real library file: each atomic, each undone by the edit it returns."""

import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planbook.core import editing as ed
from planbook.core.errors import HierarchyError, NotFound
from planbook.core.exchange import plan_to_text
from planbook.core.library import Library
from planbook.core.model import Field, Node, NodeKind, may_contain

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
    undo_add = ed.apply(lib, add)
    new_id = undo_add.node_id
    undo_title = ed.apply(lib, ed.EditNode(new_id, title="新增任务。"))
    undo_fields = ed.apply(lib, ed.SetFields(new_id, (Field("牵头单位", "体卫艺科"),)))
    assert outline(lib, plan_id)[:3] == ["一、第1部分工作", "1.新增任务。", "2.任务1-1。"]
    assert lib.node_fields(new_id) == [Field("牵头单位", "体卫艺科")]
    check_invariants(lib)
    redo_fields = ed.apply(lib, undo_fields)
    assert lib.node_fields(new_id) == []
    ed.apply(lib, redo_fields)
    assert lib.node_fields(new_id) == [Field("牵头单位", "体卫艺科")]
    ed.apply(lib, ed.apply(lib, redo_fields))  # undo then redo again
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
    undo = ed.apply(lib, ed.DeleteNode(first_section))
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
    undo = ed.apply(lib, ed.MoveNode(t3, s2, 0))
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
    undo = ed.apply(lib, ed.indent(lib, s2))
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
    undo = ed.apply(lib, ed.UpdatePlan.of(plan_id, title="新标题", **{"notice.doc_number": "某教发〔2022〕1号"}))
    plan = lib.load_plan(plan_id)
    assert (plan.title, plan.notice.doc_number) == ("新标题", "某教发〔2022〕1号")
    ed.apply(lib, undo)
    plan = lib.load_plan(plan_id)
    assert (plan.title, plan.notice.doc_number) == ("某市教育局2021年工作要点", "某教发〔2021〕3号")


def test_batch_is_one_step(lib):
    plan_id = lib.add_plan(sample_plan())
    before = lib.load_plan(plan_id)
    ids = [n.id for n in before.walk() if n.kind is NodeKind.TASK]
    undo = ed.apply(lib, ed.Batch(tuple(ed.EditNode(i, title="改") for i in ids)))
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
