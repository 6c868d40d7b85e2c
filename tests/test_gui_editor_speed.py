"""What the GUI-thread speed work of issue 19 must not change: field editors kept for the next node still edit the
right field; the editor's heading follows renumbering; recent plans written once, not at every open, survive the
window closing."""

from __future__ import annotations

from PySide6.QtCore import Qt

from planbook.core import editing
from planbook.core.model import Node, NodeKind
from tests.gui_support import press, settle, stored_plan
from tests.test_gui_workday import two_plans

K = Qt.Key


def test_field_rows_kept_for_the_next_node_edit_the_right_field(windows, qtbot, tmp_path):
    path, a, _ = two_plans(tmp_path)
    w = windows.open(path, plan=a)
    task = next(n for n in w.model.plan.walk() if n.kind is NodeKind.TASK and len(n.fields) >= 2)
    w.select_node(task.id)
    form = w.node_editor.fields
    values = [row.value for row in form.rows]
    assert [v.toPlainText() for v in values] == [f.value for f in task.fields]
    press(qtbot, w.tree, K.Key_Insert)  # a new task, no fields: the rows are hidden, the hint shows
    assert w.current_id() != task.id and form.rows == [] and form.empty.isVisibleTo(w)
    assert not any(v.isVisibleTo(w) for v in values)
    w.act_undo.trigger()
    settle()
    w.select_node(task.id)  # back on the task (undo selects where its record points: the section)
    assert [row.value for row in form.rows] == values  # the same boxes, shown again with the task's values
    assert [v.toPlainText() for v in values] == [f.value for f in task.fields] and values[1].isVisibleTo(w)
    expected = [f.value for f in task.fields]
    expected[1] += "甲"
    values[1].setPlainText(expected[1])  # typing in a reused box edits its own field
    settle()
    stored = next(n for n in stored_plan(path, a).walk() if n.id == task.id)
    assert [f.value for f in stored.fields] == expected


def test_heading_follows_a_renumbering_that_runs_past_the_selected_task(windows, qtbot, tmp_path):
    path, a, _ = two_plans(tmp_path)
    w = windows.open(path, plan=a)
    section = w.model.plan.nodes[0]
    third = section.children[2]
    w.select_node(third.id)
    number = w.model.number(third.id)
    assert w.node_editor.heading.text() == f"{number}{third.title}"
    # A task put first in the section renumbers every task after it, the selected one in the middle of the run.
    w.do(editing.AddNode(a, section.id, 0, Node(NodeKind.TASK, "新的第一项任务。")), "Add")
    settle()
    assert w.current_id() == third.id and w.model.number(third.id) != number
    assert w.node_editor.heading.text() == f"{w.model.number(third.id)}{third.title}"


def test_recent_plans_written_when_the_window_closes(windows, tmp_path):
    path, a, b = two_plans(tmp_path)
    w = windows.open(path, plan=a)
    w.open_plan(b)
    w.open_plan(a)
    w.open_plan(b)
    windows.close(w)  # within the 2 s the list waits in memory
    w = windows.open(path, plan=a)
    w.recent_plans_menu.aboutToShow.emit()
    assert [act.text() for act in w.recent_plans_menu.actions()] == [
        "某市教育局2021年工作要点（2021）",
        "某县教育局2022年工作要点（2022）",
    ]
