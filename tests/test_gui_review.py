"""The draft review dock and Find and Replace (Ctrl+H) in the window, driven as the clerk does on seed 003.

Screenshots: /tmp/planbook-review.png and /tmp/planbook-replace.png (copied to the notes by hand).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from planbook.core import editing
from planbook.core.drafting import draft_next_year
from planbook.core.library import Library
from planbook.core.review import Finding, Kind
from planbook.core.texts import plan_texts
from planbook.importers import import_file
from tests.gui_support import settle, stored_plan

SHOTS = Path("/tmp")

# What accepting every year finding and the period finding in task 5's title does to 003's draft for 2021:
# each 2020年 in the tasks becomes 2021年 (2020年后 has no sure replacement; ranges and names stay), and
# 编制…“十四五”规划 becomes 实施…, the period having begun.
EXPECTED_CHANGES = [
    ("制定2020年厅党组", "制定2021年厅党组"),
    ("确定2020年为", "确定2021年为"),
    ("在2020年底前", "在2021年底前"),
    ("办好2020年全省学前教育", "办好2021年全省学前教育"),
    ("2020年基本消除义务教育", "2021年基本消除义务教育"),
    ("2020年全省高中阶段毛入学率", "2021年全省高中阶段毛入学率"),
    ("2020年残疾儿童", "2021年残疾儿童"),
    ("推动2020年秋季", "推动2021年秋季"),
    ("做好2020年大学生征兵", "做好2021年大学生征兵"),
    ("计划2020年公费", "计划2021年公费"),
]


def texts(path: Path, plan_id: int) -> dict:
    return {spot: text for spot, text, _ in plan_texts(stored_plan(path, plan_id))}


def seed_003(seeds, tmp_path) -> tuple[Path, int]:
    path = tmp_path / "lib.db"
    with Library.open(path) as lib:
        plan_id = lib.add_plan(import_file(next(seeds.glob("003_*.txt")))[0])
    return path, plan_id


def rows(panel) -> list[Finding]:
    found = []
    for i in range(panel.list.topLevelItemCount()):
        group = panel.list.topLevelItem(i)
        found += [group.child(j).data(0, Qt.ItemDataRole.UserRole) for j in range(group.childCount())]
    return found


def group_of(panel, kind: Kind):
    return next(
        panel.list.topLevelItem(i)
        for i in range(panel.list.topLevelItemCount())
        if panel.list.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole) == str(kind)
    )


def test_drafting_003_opens_the_review_accept_undo_redo(windows, seeds, tmp_path, qtbot):
    path, source_id = seed_003(seeds, tmp_path)
    w = windows.open(path, plan=source_id)
    w.open_plan(source_id)
    assert w.act_review.text() == "审阅草稿(&R)…" and w.act_review.shortcut().toString() == "Ctrl+Shift+R"
    w.act_next_year.trigger()
    settle()
    draft_id = w.model.plan_id
    assert draft_id != source_id and w.docks.review_dock.isVisible()  # opened right after drafting
    panel = w.docks.review_panel
    assert panel.plan_id == draft_id and panel.list.topLevelItemCount() > 0
    assert group_of(panel, Kind.YEAR).text(0) == "年份 (11)"
    before = texts(path, draft_id)
    assert w.docks.review_dock.isFloating()  # a window of its own: the plan's panes keep their sizes
    w.docks.review_dock.resize(1000, 640)
    settle()
    w.docks.review_dock.grab().save(str(SHOTS / "planbook-review.png"))

    # Accept All of This Kind on the years group, then Accept on 5.编制…“十四五”规划's period finding.
    panel.list.setCurrentItem(group_of(panel, Kind.YEAR))
    assert panel.accept_kind_button.isEnabled()
    panel.accept_kind_button.click()
    settle()
    assert [f.text for f in rows(panel) if f.kind is Kind.YEAR] == ["2020"]  # 2020年后, nothing sure to put
    period = next(
        i
        for i in range(group_of(panel, Kind.PERIOD).childCount())
        if group_of(panel, Kind.PERIOD).child(i).data(0, Qt.ItemDataRole.UserRole).spot.part == "title"
    )
    panel.list.clearSelection()
    item = group_of(panel, Kind.PERIOD).child(period)
    panel.list.setCurrentItem(item)
    item.setSelected(True)
    panel.accept_button.click()
    settle()

    expected = dict(before)
    for old, new in EXPECTED_CHANGES:
        spots = [s for s, t in expected.items() if old in t]
        assert len(spots) == 1, old
        expected[spots[0]] = expected[spots[0]].replace(old, new)
    title = next(s for s, t in expected.items() if s.part == "title" and t == "编制全省教育事业发展“十四五”规划")
    expected[title] = "实施全省教育事业发展“十四五”规划"
    assert texts(path, draft_id) == expected
    assert w.undo_stack.count() == 3  # the draft, the years, the period finding

    w.act_undo.trigger()
    w.act_undo.trigger()
    settle()
    assert texts(path, draft_id) == before
    qtbot.waitUntil(lambda: group_of(panel, Kind.YEAR).text(0) == "年份 (11)")  # the list follows the plan
    w.act_redo.trigger()
    w.act_redo.trigger()
    settle()
    assert texts(path, draft_id) == expected


def test_ignore_is_remembered_and_the_list_follows_edits(windows, seeds, tmp_path, qtbot):
    path, source_id = seed_003(seeds, tmp_path)
    w = windows.open(path, plan=source_id)
    w.open_plan(source_id)
    w.plans.draft_next_year()
    settle()
    panel = w.docks.review_panel
    first = group_of(panel, Kind.YEAR).child(0)
    panel.list.setCurrentItem(first)
    first.setSelected(True)
    panel.ignore_button.click()
    settle()
    assert group_of(panel, Kind.YEAR).text(0) == "年份 (10)"
    # an edit made elsewhere (here: through the editor's path, as typing does) updates the list
    node = next(n for n in w.model.plan.walk() if n.title.startswith("促进高校毕业生就业创业"))
    w.do(editing.EditNode(node.id, title="促进2020年高校毕业生就业创业"), "title")
    qtbot.waitUntil(lambda: group_of(panel, Kind.YEAR).text(0) == "年份 (11)")
    # closing and reopening the review keeps the ignored one out
    w.docks.review_dock.close()
    w.act_review.trigger()
    settle()
    assert group_of(panel, Kind.YEAR).text(0) == "年份 (11)"
    panel.restore_button.click()
    settle()
    assert group_of(panel, Kind.YEAR).text(0) == "年份 (12)"


def test_find_and_replace_003_changes_exactly_the_previewed_hits_one_undo(windows, seeds, tmp_path, qtbot):
    path, plan_id = seed_003(seeds, tmp_path)
    w = windows.open(path, plan=plan_id)
    w.open_plan(plan_id)
    with Library.open(path) as lib:  # a second plan, for searching all plans
        draft_next_year(lib, plan_id)
    assert w.act_replace.shortcut().toString() == "Ctrl+H"
    w.act_replace.trigger()
    dialog = w.docks.replace
    assert dialog.isVisible() and not dialog.isModal()
    dialog.find_text.setText("教育厅")
    dialog.replace_text.setText("教育委员会")
    dialog.find_button.click()
    assert dialog.summary.text() == "本方案中有 7 处"
    previewed = [
        dialog.list.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole) for i in range(dialog.list.topLevelItemCount())
    ]
    assert [dialog.list.topLevelItem(i).text(0) for i in range(7)] == [
        "标题",
        "发文机关",
        "发文机关标志",
        "通知标题",
        "通知正文",
        "署名机关",
        "印发机关",
    ]
    assert dialog.list.topLevelItem(0).text(1) == "湖南省【教育厅】 中共湖南省委教育工委2020年…"
    dialog.resize(900, 420)
    settle()
    dialog.grab().save(str(SHOTS / "planbook-replace.png"))

    before = texts(path, plan_id)
    dialog.replace_button.click()
    settle()
    after = texts(path, plan_id)
    changed = {h.spot for h in previewed}
    assert {s for s in before if before[s] != after[s]} == changed
    for spot in changed:
        assert after[spot] == before[spot].replace("教育厅", "教育委员会")
    assert dialog.list.topLevelItemCount() == 0 and "7" in dialog.summary.text()
    w.act_undo.trigger()  # one step
    settle()
    assert texts(path, plan_id) == before

    # all plans: read only, both plans listed
    dialog.all_plans.setChecked(True)
    settle()
    assert dialog.list.topLevelItemCount() == 2 and not dialog.replace_button.isEnabled()
    assert dialog.summary.text().startswith("2 个方案中共有 14 处")
    assert [dialog.list.topLevelItem(1).child(i).text(0) for i in range(7)] == [
        "标题",
        "发文机关",
        "发文机关标志",
        "通知标题",
        "通知正文",
        "署名机关",
        "印发机关",
    ]  # as in the plan
    assert [dialog.list.topLevelItem(i).childCount() for i in range(2)] == [7, 7]
    assert dialog.list.topLevelItem(0).text(0) == "湖南省教育厅 中共湖南省委教育工委2021年工作要点 (7)"  # newest first
    assert dialog.list.topLevelItem(0).child(0).data(0, Qt.ItemDataRole.CheckStateRole) is None  # nothing to tick
    dialog.grab().save(str(SHOTS / "planbook-replace-all.png"))


def test_a_unit_renamed_in_the_window_is_found_in_other_drafts(windows, tmp_path):
    from planbook.core.review import renames

    from .conftest import sample_plan

    path = tmp_path / "lib.db"
    with Library.open(path) as lib:
        first = lib.add_plan(sample_plan())
        second = lib.add_plan(sample_plan(title="某市教育局2022年工作要点", year=2022))
    w = windows.open(path, plan=first)
    w.open_plan(first)
    assert w.docks.rename_unit("基教科", "基础教育科")
    assert renames(w.lib) == {"基教科": "基础教育科"}
    w.open_plan(second)
    panel = w.docks.review_draft()
    assert group_of(panel, Kind.UNIT).text(0) == "已更名单位 (6)"
    panel.list.setCurrentItem(group_of(panel, Kind.UNIT))
    panel.accept_kind_button.click()
    settle()
    assert "基教科" not in str(stored_plan(path, second).nodes) and panel.list.topLevelItemCount() == 0
