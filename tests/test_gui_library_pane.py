"""The library pane at scale (issue 22): a large library is read on a worker while the window is already in use,
a long list opens with its organs folded, and edits move only the rows of the plans they changed."""

from __future__ import annotations

from PySide6.QtCore import Qt

from planbook.core.library import Library
from planbook.gui import librarypane
from tests.gui_support import realistic_plan, settle


def _library(path, years_and_organs):
    ids = []
    with Library.open(path) as lib:
        for year, organ in years_and_organs:
            plan = realistic_plan(year)
            plan.title = f"{organ}{year}年工作要点"
            plan.issuers = [organ]
            ids.append(lib.add_plan(plan))
    return ids


def test_a_large_library_is_read_in_the_background_and_catches_up_with_edits_made_meanwhile(
    windows, qtbot, monkeypatch
):
    monkeypatch.setattr(librarypane, "READ_IN_BACKGROUND_FROM", 1)  # every library counts as large
    ids = _library(windows.tmp_path / "lib.db", [(2020, "甲市教育局"), (2021, "乙市教育局"), (2022, "甲市教育局")])
    from planbook.gui.app import setup_application
    from planbook.gui.mainwindow import MainWindow

    app, settings, language = setup_application("zh")
    w = MainWindow(Library.open(windows.tmp_path / "lib.db"), settings, language)
    qtbot.addWidget(w)
    pane = w.library_pane
    assert pane.loading and pane.visible_plan_ids() == []  # the window exists before the list is read
    new_id = w.plans.new_plan()  # an edit while the list is on its way
    assert new_id is not None
    qtbot.waitUntil(lambda: not pane.loading, timeout=10000)
    assert sorted(pane.visible_plan_ids()) == sorted([*ids, new_id])
    assert w.model.plan_id == new_id  # the plan just made stays open
    assert pane.model.index_of(new_id) == pane.view.currentIndex()
    w.lib.close()


def test_with_nothing_open_the_first_plan_opens_once_the_list_arrives(windows, qtbot, monkeypatch):
    monkeypatch.setattr(librarypane, "READ_IN_BACKGROUND_FROM", 1)
    ids = _library(windows.tmp_path / "lib.db", [(2020, "甲市教育局"), (2023, "乙市教育局")])
    w = windows.open()
    qtbot.waitUntil(lambda: w.model.plan_id is not None, timeout=10000)
    assert w.model.plan_id == ids[1]  # the newest year comes first
    assert w.library_pane.visible_plan_ids() == [ids[1], ids[0]]


def test_a_long_list_folds_its_organs_but_the_open_plans_and_a_short_filtered_list_open(windows, qtbot, monkeypatch):
    monkeypatch.setattr(librarypane, "UNFOLD_UP_TO", 3)
    ids = _library(
        windows.tmp_path / "lib.db",
        [(2021, "甲市教育局"), (2021, "乙市教育局"), (2021, "丙县教育局"), (2022, "甲市教育局"), (2022, "乙市教育局")],
    )
    w = windows.open(plan=ids[1])
    pane, model, view = w.library_pane, w.library_pane.model, w.library_pane.view
    years = [model.index(r, 0) for r in range(model.rowCount())]
    assert [y.data() for y in years] == ["2022年", "2021年"] and all(view.isExpanded(y) for y in years)
    assert [model.index(r, 1, years[1]).data() for r in range(3)] == ["1", "1", "1"]  # plans per organ
    assert view.isExpanded(model.group_index(ids[1]))  # the open plan's organ
    assert not view.isExpanded(model.group_index(ids[0]))  # the others folded
    assert pane.view.currentIndex() == model.index_of(ids[1])
    pane.filter.setText("甲市")
    qtbot.waitUntil(lambda: pane.visible_plan_ids() == [ids[3], ids[0]])
    assert view.isExpanded(model.group_index(ids[0])) and view.isExpanded(model.group_index(ids[3]))
    # Typing in the title of the plan that is open (and filtered out) brings it back when it matches again.
    w.plan_properties.field("title").setText("甲市教育局2021年工作要点（二）")
    qtbot.waitUntil(lambda: ids[1] in pane.visible_plan_ids(), timeout=5000)
    assert view.currentIndex() == model.index_of(ids[1])


def test_adding_and_removing_plans_moves_their_rows_only(windows, qtbot):
    ids = _library(windows.tmp_path / "lib.db", [(2021, "甲市教育局"), (2022, "乙市教育局")])
    w = windows.open(plan=ids[0])
    model = w.library_pane.model
    resets: list[str] = []
    model.modelReset.connect(lambda: resets.append("reset"))
    read: list = []
    original = w.lib.list_plans
    w.lib.list_plans = lambda ids=None, counts=True: read.append(ids) or original(ids, counts)
    copy_id = w.plans.duplicate_plan()
    assert copy_id in w.library_pane.visible_plan_ids()
    assert model.index_of(copy_id).data().endswith("（副本）")
    w.plans.delete_plan(confirm=False)
    settle()
    assert copy_id not in w.library_pane.visible_plan_ids()
    w.undo_stack.undo()  # the deletion undone: the row is back
    assert copy_id in w.library_pane.visible_plan_ids()
    assert resets == []
    assert None not in read  # the library was never read whole: only the plans each change named
    # The tooltip counts the plan's rows (read for the one plan hovered, not for every plan in the list).
    tip = model.index_of(ids[1]).data(Qt.ItemDataRole.ToolTipRole)
    assert f"{w.lib.count_nodes(ids[1])} 个条目" in tip and w.lib.count_nodes(ids[1]) > 5


def test_a_title_typed_past_its_neighbour_moves_its_row_within_its_organ(windows, qtbot):
    ids = _library(windows.tmp_path / "lib.db", [(2021, "甲市教育局"), (2021, "甲市教育局"), (2022, "乙市教育局")])
    w = windows.open(plan=ids[0])
    pane, model = w.library_pane, w.library_pane.model
    resets: list[str] = []
    model.modelReset.connect(lambda: resets.append("reset"))
    with Library.open(windows.tmp_path / "lib.db") as lib:
        first, second = sorted(ids[:2], key=lambda i: (lib.load_plan_header(i).title, i))
    w.open_plan(first)
    w.plan_properties.field("title").setText("甲市教育局2021年工作要点（修订稿）")  # now after the other
    qtbot.waitUntil(lambda: pane.visible_plan_ids()[1:] == [second, first], timeout=5000)
    assert model.index_of(first).data() == "甲市教育局2021年工作要点（修订稿）"
    assert model.index_of(first).row() == 1 and pane.view.currentIndex() == model.index_of(first)
    assert resets == []


def test_switching_to_a_large_library_shows_its_own_plans_once_read(windows, qtbot, monkeypatch, tmp_path):
    small = _library(windows.tmp_path / "lib.db", [(2020, "甲市教育局")])
    w = windows.open()
    assert w.library_pane.visible_plan_ids() == small
    monkeypatch.setattr(librarypane, "READ_IN_BACKGROUND_FROM", 2)
    large = _library(tmp_path / "large.db", [(2021, "乙市教育局"), (2022, "丙市教育局"), (2023, "丁市教育局")])
    assert w.switch_library(tmp_path / "large.db")
    assert w.library_pane.loading and w.library_pane.visible_plan_ids() == []  # not the old library's rows
    qtbot.waitUntil(lambda: w.model.plan_id is not None, timeout=10000)
    assert w.library_pane.visible_plan_ids() == large[::-1] and w.model.plan_id == large[-1]
