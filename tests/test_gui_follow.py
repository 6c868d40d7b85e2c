"""Following the plan in the window: progress in the editor, the units view, the dashboard, the compare view.

Each step is checked against what the user sees (widgets) and what the library file holds (opened afresh).
Screenshots go to /tmp/planbook-follow-*.png.
"""

from __future__ import annotations

import copy
from pathlib import Path

from PySide6.QtCore import Qt

from planbook.core.drafting import next_year_plan
from planbook.core.library import Library
from planbook.core.model import PROGRESS_NAMES, NodeKind, Progress
from planbook.core.units import plan_units
from planbook.gui.qtcompat import emit
from tests.gui_support import realistic_plan, settle, stored_plan

SHOTS = Path("/tmp")


def open_with(windows, tmp_path, *plans):
    path = tmp_path / "lib.db"
    with Library.open(path) as lib:
        ids = [lib.add_plan(p) for p in plans]
    w = windows.open(path, plan=ids[-1])
    w.open_plan(ids[-1])
    settle()
    return w, ids


def tasks_of(plan):
    return [n for n in plan.walk() if n.kind is NodeKind.TASK]


def set_status(w, status: Progress) -> None:
    box = w.node_editor.progress.status
    box.setCurrentIndex(box.findData(status))
    emit(box.activated, box.currentIndex())  # what choosing it with the mouse sends
    settle()


def test_progress_is_edited_in_the_editor_undone_and_counted(windows, tmp_path):
    w, (plan_id,) = open_with(windows, tmp_path, realistic_plan())
    first, second = tasks_of(w.model.plan)[:2]
    w.select_node(first.id)
    editor = w.node_editor.progress
    assert editor.isVisible() and editor.status.currentText() == "未启动"
    set_status(w, Progress.IN_PROGRESS)
    editor.add.click()
    settle()
    editor.notes.item(0, 1).setText("完成全市调研")  # typing into the note cell
    settle()
    w.select_node(second.id)
    set_status(w, Progress.BEHIND)

    w.select_node(first.id)
    settle()
    w.node_editor.grab().save(str(SHOTS / "planbook-follow-editor.png"))
    stored = tasks_of(stored_plan(w.lib.path, plan_id))
    assert stored[0].status is Progress.IN_PROGRESS and [n.text for n in stored[0].notes] == ["完成全市调研"]
    assert stored[1].status is Progress.BEHIND

    w.act_dashboard.trigger()
    settle()
    w.docks.refresh_follow()
    total = len(stored)
    assert w.docks.dashboard.counts == {
        Progress.NOT_STARTED: total - 2,
        Progress.IN_PROGRESS: 1,
        Progress.DONE: 0,
        Progress.BEHIND: 1,
    }
    bars = w.docks.dashboard.bar_values()
    assert sum(bars["推进中"]) == 1 and sum(bars["滞后"]) == 1 and sum(sum(v) for v in bars.values()) >= total
    assert "推进中 <b>1</b>" in w.docks.dashboard.summary.text()

    w.act_undo.trigger()  # the status of the second task
    settle()
    assert tasks_of(stored_plan(w.lib.path, plan_id))[1].status is Progress.NOT_STARTED
    w.docks.refresh_follow()
    assert w.docks.dashboard.counts[Progress.BEHIND] == 0
    w.act_undo.trigger()  # the note's text, then the note, then the status
    w.act_undo.trigger()
    w.act_undo.trigger()
    settle()
    back = tasks_of(stored_plan(w.lib.path, plan_id))[0]
    assert back.status is Progress.NOT_STARTED and back.notes == []
    assert w.current_id() == first.id and w.node_editor.progress.status.currentText() == "未启动"
    w.act_redo.trigger()
    settle()
    assert tasks_of(stored_plan(w.lib.path, plan_id))[0].status is Progress.IN_PROGRESS


def test_dashboard_chart(windows, tmp_path, qtbot):
    plan = realistic_plan(tasks_per_section=4)
    cycle = list(Progress)
    for i, node in enumerate(tasks_of(plan)):
        node.status = cycle[(i * 7) % 4]
    w, _ = open_with(windows, tmp_path, plan)
    w.act_dashboard.trigger()
    w.resize(1500, 900)
    settle()
    w.docks.refresh_follow()
    settle()
    bars = w.docks.dashboard.bar_values()
    for status in Progress:
        assert sum(bars[PROGRESS_NAMES[status]]) == sum(1 for n in tasks_of(plan) if n.status is status)
    w.docks.dashboard.grab().save(str(SHOTS / "planbook-follow-dashboard.png"))
    out = tmp_path / "进展.docx"  # what 导出进展报告 writes, through the window's export job
    with qtbot.waitSignal(w.exportFinished, timeout=30000) as done:
        w.exports.export_plan(out, "docx", "progress")
    assert done.args[0][0][2] is None
    import docx

    assert docx.Document(out).paragraphs[0].text == f"{plan.title}进展情况"


def test_a_date_that_cannot_be_read_is_refused_and_kept(windows, tmp_path):
    w, (plan_id,) = open_with(windows, tmp_path, realistic_plan())
    first = tasks_of(w.model.plan)[0]
    w.select_node(first.id)
    editor = w.node_editor.progress
    editor.add.click()
    settle()
    editor.notes.item(0, 0).setText("三月中旬")
    settle()
    assert editor.notes.item(0, 0).text() == "三月中旬" and editor.notes.item(0, 0).toolTip()
    assert [n.text for n in tasks_of(stored_plan(w.lib.path, plan_id))[0].notes] == [""]
    editor.notes.item(0, 0).setText("2021年3月15日")
    settle()
    assert tasks_of(stored_plan(w.lib.path, plan_id))[0].notes[0].date.isoformat() == "2021-03-15"


def test_units_view_lists_opens_filters_and_renames(windows, tmp_path):
    older = realistic_plan(2020)
    w, (old_id, plan_id) = open_with(windows, tmp_path, older, realistic_plan(2021))
    w.act_units.trigger()
    w.resize(1500, 900)
    settle()
    w.docks.refresh_follow()
    view = w.docks.units_view
    units = plan_units(w.model.plan)
    assert [view.units.item(r).data(256) for r in range(view.units.count())] == list(units)
    assert view.select_unit("督导室")
    shown = [view.tasks.topLevelItem(r).text(0) for r in range(view.tasks.topLevelItemCount())]
    assert shown == [f"{a.number}{a.title}" for a in units["督导室"]]
    roles = {view.tasks.topLevelItem(r).text(1) for r in range(view.tasks.topLevelItemCount())}
    assert roles <= {"牵头", "责任"} and roles

    view.scope.setCurrentIndex(1)  # all plans: both years' tasks
    settle()
    assert view.current_unit() == "督导室"
    assert view.tasks.topLevelItemCount() == 2 * len(units["督导室"])
    plans = {view.tasks.topLevelItem(r).text(2) for r in range(view.tasks.topLevelItemCount())}
    assert plans == {older.title, w.model.plan.title}
    w.grab().save(str(SHOTS / "planbook-follow-units.png"))

    # double-click a task of the other plan: that plan opens with the task selected
    target = next(
        view.tasks.topLevelItem(r)
        for r in range(view.tasks.topLevelItemCount())
        if view.tasks.topLevelItem(r).text(2) == older.title
    )
    target_id = target.data(0, 256)[1]
    emit(view.tasks.itemDoubleClicked, target, 0)
    settle()
    assert w.model.plan_id == old_id and w.current_id() == target_id

    # filter the tree to the unit: only branches holding its tasks stay visible
    view.filter.setChecked(True)
    settle()
    visible = []
    for node in w.model.plan.walk():
        index = w.model.index_of(node.id)
        if node.kind is NodeKind.TASK and not w.tree.isRowHidden(index.row(), index.parent()):
            visible.append(node.title)
    assert visible == [a.title for a in plan_units(w.model.plan)["督导室"]]
    view.filter.setChecked(False)
    settle()
    assert not any(
        w.tree.isRowHidden(w.model.index_of(n.id).row(), w.model.index_of(n.id).parent()) for n in w.model.plan.walk()
    )

    # rename across the open plan: one undo step
    before = w.undo_stack.count()
    assert w.docks.rename_unit("督导室", "教育督导室")
    assert w.undo_stack.count() == before + 1
    renamed = plan_units(stored_plan(w.lib.path, old_id))
    assert "督导室" not in renamed and len(renamed["教育督导室"]) == len(units["督导室"])
    assert "督导室" in plan_units(stored_plan(w.lib.path, plan_id))  # the other plan is untouched
    w.act_undo.trigger()
    settle()
    assert "教育督导室" not in plan_units(stored_plan(w.lib.path, old_id))


def test_compare_view_side_by_side(windows, qtbot, tmp_path):
    old = realistic_plan(2021)
    new = next_year_plan(copy.deepcopy(old))
    tasks = tasks_of(new)
    tasks[0].title = "切实加强和改进新时代德育工作。"  # reworded
    dropped = tasks[4]
    section = next(s for s in new.nodes if dropped in s.children)
    section.children.remove(dropped)
    new.nodes[-1].children.append(copy.deepcopy(tasks[1]))
    new.nodes[-1].children[-1].title = "全面推进校园食品安全专项整治。"
    new.nodes[-1].children[-1].body = "建立校园食品安全日管控、周排查、月调度工作机制。"
    w, (old_id, new_id) = open_with(windows, tmp_path, old, new)
    dialog = w.docks.compare_dialog(old_id)
    dialog.resize(1400, 800)
    qtbot.waitUntil(lambda: dialog.diff is not None)  # compared on a worker thread
    settle()
    counts = dialog.diff.counts()
    assert counts["changed"] == 1 and counts["added"] == 1 and counts["dropped"] == 1
    assert sorted(dialog.changes()) == ["added", "changed", "dropped"]
    assert any("c8ecc8" in text and "改进新时代" in text for text in dialog.side_texts(2))
    dialog.kept.setChecked(True)
    settle()
    assert dialog.changes().count("kept") == counts["kept"] > 0
    dialog.kept.setChecked(False)
    settle()
    dialog.grab().save(str(SHOTS / "planbook-follow-compare.png"))
    dialog.close()


def test_a_long_comparison_runs_off_the_window_and_can_be_cancelled(windows, qtbot, tmp_path):
    """Two 400-task plans rewritten throughout: the dialog shows at once, says it is comparing, and the clerk
    can cancel; choosing the plan again compares in full."""
    old = realistic_plan(2021)
    template = tasks_of(old)
    section = old.nodes[0]
    section.children = [copy.deepcopy(template[i % len(template)]) for i in range(400)]
    for i, node in enumerate(section.children):
        node.title = f"{node.title}{i}"
    new = copy.deepcopy(old)
    for node in new.nodes[0].children:
        node.title += "（修订）"  # every title changed: all of them reach the similarity step
        node.body += "有关要求。"
    w, (old_id, new_id) = open_with(windows, tmp_path, old, new)
    dialog = w.docks.compare_dialog(old_id)
    assert dialog.diff is None and dialog.summary.text() == "正在比较…"  # the window is not waiting
    dialog._runner.cancel()  # what the progress dialog's Cancel button does
    qtbot.waitUntil(lambda: dialog._runner is None)
    assert dialog.diff is None and dialog.summary.text() == "已取消比较。"
    with qtbot.waitSignal(dialog.compared, timeout=60_000):
        dialog.refresh()
    assert dialog.diff.counts()["changed"] == 400
    dialog.close()


def test_dashboard_reads_on_a_laptop_screen(windows, tmp_path, qtbot):
    """Unit names in full, whole-number ticks, and 导出进展报告 on screen in a window 768 pixels high."""
    from planbook.core.model import Field, Node, Plan
    from planbook.gui.barchart import integer_ticks

    units = [
        "市教育局基础教育科",
        "德育与体卫艺科",
        "发展规划与信息化科",
        "人事科",
        "督导室",
        "办公室",
        "计划财务科",
        "职业教育与成人教育科",
        "政策法规科",
        "安全稳定工作办公室",
        "学生资助管理中心",
        "教育考试院",
    ]
    section = Node(NodeKind.SECTION, "重点任务")
    for i in range(60):  # 60 tasks over 12 lead units: counts up to 5 a unit, more than one tick a task
        section.children.append(
            Node(NodeKind.TASK, f"任务{i}。", "", [Field("牵头单位", units[i % 12])], status=list(Progress)[i % 4])
        )
    w, _ = open_with(windows, tmp_path, Plan(title="某市教育局2024年工作要点", year=2024, nodes=[section]))
    w.resize(1366, 740)
    w.act_dashboard.trigger()
    settle()
    w.docks.refresh_follow()
    dock = w.docks.dashboard_dock
    qtbot.waitUntil(lambda: w.docks.dashboard.chart.categories == units)
    dock.setFloating(False)
    w.resizeDocks([dock], [800], Qt.Orientation.Horizontal)
    settle()
    chart = w.docks.dashboard.chart
    assert chart.labels_shown() == units  # every name whole, none "…"
    assert chart.ticks() == sorted(set(chart.ticks())) and all(isinstance(t, int) for t in chart.ticks())
    assert chart.ticks()[0] == 0 and chart.ticks()[-1] >= 5
    button = w.docks.dashboard.export
    corner = button.mapTo(w, button.rect().bottomRight())
    assert button.isVisible() and corner.y() <= w.height() and corner.x() <= w.width()
    # The step follows the counts: a few ticks, never fractions, whatever the largest count.
    assert integer_ticks(7, 600) == [0, 1, 2, 3, 4, 5, 6, 7]
    assert integer_ticks(37, 300) == [0, 10, 20, 30, 40]
    assert integer_ticks(0, 300) == [0, 1]
    w.docks.dashboard.grab().save(str(SHOTS / "planbook-follow-dashboard-laptop.png"))


def test_compare_marks_changed_characters_in_place_and_says_when_nothing_differs(windows, tmp_path, qtbot):
    from planbook.core.model import Field

    old = realistic_plan(2021)
    new = next_year_plan(copy.deepcopy(old))
    task = tasks_of(new)[0]
    labels = [f.label for f in task.fields]
    task.fields[0] = Field(task.fields[0].label, task.fields[0].value + "、督导室")  # the first field grows
    same = next_year_plan(copy.deepcopy(old))
    w, (old_id, new_id, same_id) = open_with(windows, tmp_path, old, new, same)
    w.open_plan(new_id)
    dialog = w.docks.compare_dialog(old_id)
    qtbot.waitUntil(lambda: dialog.diff is not None, timeout=30000)  # compared on a worker thread
    assert dialog.changes() == ["changed"]
    text = dialog.side_texts(2)[0]
    # Only the added characters are marked, the field stays first, the unchanged ones follow in their order.
    assert "<span style='background:#c8ecc8;color:#060'>、督导室</span>" in text
    positions = [text.index(f"{label}：") for label in labels]
    assert positions == sorted(positions)
    assert f"{labels[0]}：{old.nodes[0].children[0].fields[0].value}<span" in text
    dialog.close()
    # A plan compared with an unchanged copy: a sentence, not an empty table.
    w.open_plan(same_id)
    dialog = w.docks.compare_dialog(old_id)
    qtbot.waitUntil(lambda: dialog.diff is not None, timeout=30000)
    assert dialog.changes() == [] and dialog.model.rowCount() == 1
    assert dialog.empty_note == "两个方案的任务相同：没有修改、新增或删除。"
    assert dialog.model.index(0, 0).data() == dialog.empty_note
    dialog.close()


def test_a_long_comparison_lays_out_only_the_rows_in_view(windows, tmp_path, qtbot):
    """The compare table has no widget per cell: rows are measured as they scroll into view (issue 22)."""
    old = realistic_plan(2021)
    for section in old.nodes:  # some 200 tasks
        tasks = [n for n in section.children if n.kind is NodeKind.TASK]
        for i in range(60 // max(len(tasks), 1)):
            for task in tasks:
                extra = copy.deepcopy(task)
                extra.title = f"{task.title[:-1]}（{i}）。"
                section.children.append(extra)
    new = next_year_plan(copy.deepcopy(old))
    for i, task in enumerate(tasks_of(new)):
        task.title += f"（第{i}项调整）"  # every task changed
    w, (old_id, _) = open_with(windows, tmp_path, old, new)
    dialog = w.docks.compare_dialog(old_id)
    dialog.resize(1000, 600)
    qtbot.waitUntil(lambda: dialog.diff is not None, timeout=30000)
    settle()
    table, total = dialog.table, dialog.model.rowCount()
    assert len(dialog.changes()) >= len(tasks_of(new)) > 150 and total > 150  # none kept: all shown
    assert 0 < len(table.measured) < 40  # the rows in view and a few below, not every row
    first = next(r for r in range(total) if dialog.model.index(r, 0).data(Qt.ItemDataRole.UserRole))
    assert table.rowHeight(first) > 2 * table.fontMetrics().height()  # title, body and fields wrap: measured
    table.scrollToBottom()
    settle()
    assert total - 1 in table.measured and len(table.measured) < 80
    assert "（第" in dialog.side_texts(2)[-1] and "c8ecc8" in dialog.side_texts(2)[-1]
    dialog.close()
