"""The structure tree model against Qt's own model checker, after every kind of edit, move and undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt

from planbook.core import editing
from planbook.core.library import Library
from planbook.core.model import Field, NodeKind, Numbering
from planbook.gui.treemodel import PLAN_ID, PlanTreeModel
from tests.gui_support import library_lines, realistic_plan, tree_lines


@pytest.fixture
def setup(tmp_path, qapp, qtmodeltester):
    path = tmp_path / "lib.db"
    lib = Library.open(path)
    plan_id = lib.add_plan(realistic_plan())
    model = PlanTreeModel(lib)
    model.load(plan_id)
    # The checker stays connected: it re-checks the whole model on every signal the edits below emit.
    qtmodeltester.check(model)
    yield path, lib, plan_id, model, qtmodeltester
    lib.close()


def ids(model, kind=None):
    return [n.id for n in model.plan.walk() if kind is None or n.kind is kind]


def check(path, lib, plan_id, model, tester):
    assert tree_lines(model) == library_lines(path, plan_id, model.untitled)


def test_loaded_plan_shows_numbers_titles_and_lead_units(setup):
    path, lib, plan_id, model, tester = setup
    check(*setup)
    lines = tree_lines(model)
    assert lines[0] == "一、坚持立德树人，全面提升教育质量"
    assert lines[1].startswith("  1.切实加强德育工作。 | ")
    assert any(line.strip().startswith("（一）加快推进教育现代化") for line in lines)
    assert any(line.strip().startswith("（1）开展教育现代化县市区创建。") for line in lines)
    plan_index = model.index(0, 0, QModelIndex())
    assert plan_index.data() == "某市教育局2021年工作要点"
    assert model.id_of(plan_index) == PLAN_ID


@pytest.mark.parametrize(
    "make",
    [
        lambda lib, m, pid: editing.new_node(lib, pid, None),  # new section at the end
        lambda lib, m, pid: editing.new_sibling(lib, ids(m, NodeKind.TASK)[0], "新任务。"),
        lambda lib, m, pid: editing.new_node(lib, pid, ids(m, NodeKind.TASK)[1]),  # an item under a task
        lambda lib, m, pid: editing.DeleteNode(ids(m, NodeKind.SECTION)[0]),
        lambda lib, m, pid: editing.EditNode(ids(m, NodeKind.TASK)[2], title="改过的标题。"),
        lambda lib, m, pid: editing.SetFields(ids(m, NodeKind.TASK)[0], (Field("牵头单位", "办公室"),)),
        lambda lib, m, pid: editing.move_by(lib, ids(m, NodeKind.TASK)[0], +1),
        lambda lib, m, pid: editing.move_by(lib, ids(m, NodeKind.SECTION)[2], -1),
        lambda lib, m, pid: editing.indent(lib, ids(m, NodeKind.TASK)[1]),
        lambda lib, m, pid: editing.outdent(lib, ids(m, NodeKind.ITEM)[0]),
        lambda lib, m, pid: editing.indent(lib, ids(m, NodeKind.SECTION)[3]),  # section becomes a subsection
        lambda lib, m, pid: editing.MoveNode(ids(m, NodeKind.TASK)[0], ids(m, NodeKind.SECTION)[3], 0),
        lambda lib, m, pid: editing.UpdatePlan.of(pid, numbering=Numbering.PER_SECTION, title="新标题"),
        lambda lib, m, pid: editing.Batch(
            (editing.EditNode(ids(m, NodeKind.TASK)[0], title="甲。"), editing.DeleteNode(ids(m, NodeKind.TASK)[4]))
        ),
    ],
    ids=[
        "add-section",
        "add-sibling",
        "add-item",
        "delete",
        "edit",
        "fields",
        "down",
        "up",
        "indent",
        "outdent",
        "indent-section",
        "move-across",
        "plan",
        "batch",
    ],
)
def test_each_edit_then_undo_then_redo_keeps_model_valid_and_in_step(setup, make):
    path, lib, plan_id, model, tester = setup
    before = tree_lines(model)
    edit = make(lib, model, plan_id)
    assert edit is not None
    inverse = model.apply(edit).inverse
    check(*setup)
    assert tree_lines(model) != before or isinstance(edit, editing.UpdatePlan)
    redo = model.apply(inverse).inverse
    check(*setup)
    assert tree_lines(model) == before
    model.apply(redo)
    check(*setup)


def test_numbers_follow_a_move(setup):
    path, lib, plan_id, model, tester = setup
    first, second = ids(model, NodeKind.TASK)[:2]
    model.apply(editing.move_by(lib, first, +1))
    assert model.index_of(second).data().startswith("1.")
    assert model.index_of(first).data().startswith("2.")
    check(*setup)


def test_drop_moves_only_where_the_hierarchy_allows(setup):
    path, lib, plan_id, model, tester = setup
    moves = []
    model.moveRequested.connect(moves.append)
    task = ids(model, NodeKind.TASK)[0]
    section = ids(model, NodeKind.SECTION)[0]
    other_section = ids(model, NodeKind.SECTION)[2]
    data = model.mimeData([model.index_of(task)])
    # A task may go into another section …
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, 0, 0, model.index_of(other_section))
    # … but not straight under the plan row as a section would, nor below an item.
    section_data = model.mimeData([model.index_of(section)])
    assert not model.canDropMimeData(section_data, Qt.DropAction.MoveAction, 0, 0, model.index_of(task))
    assert not model.canDropMimeData(section_data, Qt.DropAction.MoveAction, -1, 0, model.index_of(section))
    item = ids(model, NodeKind.ITEM)[0]
    assert not model.canDropMimeData(data, Qt.DropAction.MoveAction, 0, 0, model.index_of(item))
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, model.index_of(other_section))
    assert moves and moves[0].parent_id == other_section
    model.apply(moves[0])
    check(*setup)
    assert model.parent_id(task) == other_section


def test_the_model_follows_change_records_not_edit_types(setup):
    """An edit on another plan leaves the shown tree alone; every change is announced with its record."""
    path, lib, plan_id, model, tester = setup
    other = lib.add_plan(realistic_plan())
    records = []
    model.changeApplied.connect(records.append)
    resets = []
    model.modelReset.connect(lambda: resets.append(True))
    before = tree_lines(model)
    other_task = next(n.id for n in lib.load_plan(other).walk() if n.kind is NodeKind.TASK)
    change = model.apply(editing.Batch((editing.EditNode(other_task, title="别的方案。"),)))
    assert tree_lines(model) == before and not resets  # not this plan's change: no reload
    assert records == [change] and change.plans == {other}
    mine = ids(model, NodeKind.TASK)[0]
    change = model.apply(editing.Batch((editing.EditNode(mine, title="本方案。"),)))
    assert records[-1] is change and change.plans == {plan_id} and change.aspects == editing.Aspect.TEXT
    assert model.index_of(mine).data().endswith("本方案。")
    check(*setup)


def test_a_task_added_at_the_top_renumbers_every_later_task_with_one_signal_per_section(tmp_path, qapp):
    """Continuous task numbers run across sections: a task added first moves every later number. The tree shows
    the numbers a fresh load shows, announced as one range per section, not one signal per row."""
    lib = Library.open(tmp_path / "lib.db")
    plan = realistic_plan(tasks_per_section=40)
    plan.numbering = Numbering.CONTINUOUS
    plan_id = lib.add_plan(plan)
    model = PlanTreeModel(lib)
    model.load(plan_id)
    ranges: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda first, last, roles=(): ranges.append((first.row(), last.row())))
    first_task = ids(model, NodeKind.TASK)[0]
    model.apply(editing.new_sibling(lib, first_task, "新任务。"))
    fresh = PlanTreeModel(lib)
    fresh.load(plan_id)
    assert tree_lines(model) == tree_lines(fresh) == library_lines(tmp_path / "lib.db", plan_id, model.untitled)
    renumbered = sum(last - first + 1 for first, last in ranges)
    tasks = len(ids(model, NodeKind.TASK))
    assert renumbered >= tasks - 2  # every task after the new one (and the new one's neighbour) moved on
    assert len(ranges) <= len(ids(model, NodeKind.SECTION)) + len(ids(model, NodeKind.SUBSECTION)) + 2
    lib.close()
