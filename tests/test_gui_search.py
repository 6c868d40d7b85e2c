"""Searching from the window: type in the toolbar box, see hits grouped by plan and highlighted, open one."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QTreeWidget

from planbook.core.library import Library
from planbook.core.model import Node, NodeKind, Plan

from .conftest import run_cli, task
from .gui_support import settle


def fill(path):
    with Library.open(path) as lib:
        lib.add_plan(
            Plan(
                title="甲市教育局2019年工作要点",
                year=2019,
                issuers=["甲市教育局"],
                nodes=[
                    Node(
                        NodeKind.SECTION,
                        "体育工作",
                        children=[
                            task("推进体育工作。", "开展校园足球联赛，建设特色学校。", 牵头单位="体卫艺科"),
                            task("加强师德建设。", "开展师德师风专项整治。", 牵头单位="人事科"),
                        ],
                    )
                ],
            )
        )
        lib.add_plan(
            Plan(
                title="乙县教育局2021年工作要点",
                year=2021,
                issuers=["乙县教育局"],
                nodes=[
                    Node(
                        NodeKind.SECTION,
                        "素质教育",
                        children=[task("发展校园足球。", "组建县级足球队。", 牵头单位="基教科")],
                    )
                ],
            )
        )


def rows(tree: QTreeWidget) -> list[tuple[str, list[str]]]:
    out = []
    for i in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(i)
        out.append((group.text(0), [group.child(j).text(0) for j in range(group.childCount())]))
    return out


def type_query(qtbot, window, text: str) -> None:
    """Type a query and wait for the debounced search and its background count to finish."""
    panel = window.search_panel
    before = panel.generation
    window.findChild(QLineEdit, "searchBox").setText(text)  # Chinese through the widget's API, not keyClicks
    qtbot.waitUntil(
        lambda: (
            panel.generation > before
            and not panel.timer.isActive()
            and not panel.busy
            and "Counting" not in panel.summary.text()
        ),
        timeout=5000,
    )
    settle()


def test_typing_searches_every_plan_and_enter_opens_the_best_hit(qtbot, windows, tmp_path):
    fill(tmp_path / "lib.db")
    window = windows.open(lang="en")
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    settle()
    box = window.findChild(QLineEdit, "searchBox")
    assert box.hasFocus()
    type_query(qtbot, window, "足球")  # two characters: what a trigram index would silently miss
    results = window.findChild(QTreeWidget, "searchResults")
    assert window.search_dock.isVisible()
    assert rows(results) == [
        ("2021 乙县教育局2021年工作要点", ["1.发展校园足球。"]),
        ("2019 甲市教育局2019年工作要点", ["1.推进体育工作。"]),
    ]
    qtbot.waitUntil(lambda: "2 hits in 2 plans" in window.search_panel.summary.text(), timeout=5000)
    assert "<span" in results.topLevelItem(0).child(0).text(1)  # the snippet carries the highlight
    # double-click the 2019 hit: its plan opens, the task is selected, the hit is highlighted in the text
    item = results.topLevelItem(1).child(0)
    window.search_panel._activated(item)
    settle()
    assert window.node_editor.title.text() == "推进体育工作。"
    marks = window.node_editor.body.extraSelections()
    assert [m.cursor.selectedText() for m in marks] == ["足球"]


def test_filters_and_hostile_queries(qtbot, windows, tmp_path):
    fill(tmp_path / "lib.db")
    window = windows.open(lang="en")
    panel = window.search_panel
    panel.unit.setText("体卫艺科")
    type_query(qtbot, window, "开展")
    assert [g for g, _ in rows(panel.results)] == ["2019 甲市教育局2019年工作要点"]
    assert rows(panel.results)[0][1] == ["1.推进体育工作。"]
    panel.unit.setText("")
    panel.year_from.setValue(2020)
    type_query(qtbot, window, "足球")  # the year filter and the new words go in one debounced search
    assert [g for g, _ in rows(panel.results)] == ["2021 乙县教育局2021年工作要点"]
    panel.year_from.setValue(1999)
    for junk in ('"', "NEAR( * ) AND OR ^", "x" * 2000):
        type_query(qtbot, window, junk)  # searched literally or refused with a message, never an exception
        assert panel.summary.text() and panel.results.topLevelItemCount() == 0
    type_query(qtbot, window, "足球 -足球")
    assert panel.summary.text() == "No plan contains that."


def test_results_follow_another_programs_edits(qtbot, windows, tmp_path):
    fill(tmp_path / "lib.db")
    window = windows.open(lang="en")
    run_cli("new", "--title", "丙区校园足球专项行动计划", "--year", "2022", library=tmp_path / "lib.db")
    type_query(qtbot, window, "校园足球")
    assert "2022 丙区校园足球专项行动计划" in [g for g, _ in rows(window.search_panel.results)]


def wait_refreshed(qtbot, panel, before: int) -> None:
    qtbot.waitUntil(
        lambda: (
            panel.generation > before
            and not panel.refresh_timer.isActive()
            and not panel.busy
            and "Counting" not in panel.summary.text()
        ),
        timeout=5000,
    )
    settle()


def test_shown_results_follow_another_program_without_retyping(qtbot, windows, tmp_path):
    """A clerk leaves 校园足球 in the box; a colleague's import lands a matching plan: the list grows by itself and
    the hit the clerk had chosen stays chosen."""
    fill(tmp_path / "lib.db")
    window = windows.open(lang="en")
    panel = window.search_panel
    type_query(qtbot, window, "校园足球")
    assert len(rows(panel.results)) == 2
    chosen = panel.results.topLevelItem(1).child(0)
    panel.results.setCurrentItem(chosen)
    chosen_text = (panel.results.currentItem().parent().text(0), panel.results.currentItem().text(0))
    run_cli("new", "--title", "丙区校园足球专项行动计划", "--year", "2022", library=tmp_path / "lib.db")
    before = panel.generation
    window.safety.watcher.poll()
    wait_refreshed(qtbot, panel, before)
    assert "2022 丙区校园足球专项行动计划" in [g for g, _ in rows(panel.results)]
    current = panel.results.currentItem()
    assert (current.parent().text(0), current.text(0)) == chosen_text
    assert "3 plans" in panel.summary.text()


def test_shown_results_follow_edits_made_in_this_window(qtbot, windows, tmp_path):
    fill(tmp_path / "lib.db")
    window = windows.open(lang="en")
    panel = window.search_panel
    type_query(qtbot, window, "师德")
    assert [t for _, titles in rows(panel.results) for t in titles] == ["2.加强师德建设。"]
    panel._open_first()  # Enter in the box: opens the hit, the node selected in the editor
    settle()
    before = panel.generation
    window.node_editor.title.setText("加强教师队伍建设。")  # as typed; the old title had the only 师德 in a title
    window.node_editor.body.setPlainText("开展专项整治。")
    wait_refreshed(qtbot, panel, before)
    assert rows(panel.results) == [] and "No plan contains that." in panel.summary.text()
    before = panel.generation
    window.act_undo.trigger()
    window.act_undo.trigger()
    wait_refreshed(qtbot, panel, before)
    assert [t for _, titles in rows(panel.results) for t in titles] == ["2.加强师德建设。"]


def test_the_query_runs_off_the_window_and_only_the_newest_query_is_shown(qtbot, windows, tmp_path):
    fill(tmp_path / "lib.db")
    window = windows.open(lang="en")
    panel = window.search_panel
    box = window.findChild(QLineEdit, "searchBox")
    box.setText("师德")
    panel.timer.stop()
    panel.run()  # what the debounce timer runs: it returns at once, the hits come from a worker
    assert panel.busy and panel.summary.text() == "Searching…"
    box.setText("校园足球")  # typed on before the first query's hits came
    panel.timer.stop()
    panel.run()
    qtbot.waitUntil(lambda: not panel.busy and "Counting" not in panel.summary.text(), timeout=5000)
    assert [g for g, _ in rows(panel.results)] == ["2021 乙县教育局2021年工作要点", "2019 甲市教育局2019年工作要点"]
    assert "2 hits in 2 plans" in panel.summary.text()


def test_a_large_draft_is_found_by_the_next_search(qtbot, windows, tmp_path):
    """Drafting next year's plan from a 300-task plan leaves its documents waiting to be indexed (the draft no
    longer pays twenty times its inserts on the GUI thread); the search box finds the draft's tasks at once, with
    the right counts (the workers scan what waits), and the window indexes it in small steps on its own
    connection, so it never mistakes that for another program's change."""
    import os

    from planbook.core import search

    plan = Plan(
        title="丙市教育局2020年工作要点",
        year=2020,
        issuers=["丙市教育局"],
        nodes=[
            Node(
                NodeKind.SECTION,
                f"第{s}部分",
                children=[
                    task(f"建设劳动教育实践基地{s}-{i}。", "开展研学旅行。", 牵头单位="基教科") for i in range(30)
                ],
            )
            for s in range(10)
        ],
    )
    with Library.open(tmp_path / "lib.db") as lib:
        source = lib.add_plan(plan)
        search.catch_up(lib)
    window = windows.open(lang="en", plan=source)
    draft = window.plans.draft_next_year()
    assert draft and search.pending(window.lib)  # the draft's 311 documents wait for the next search
    type_query(qtbot, window, "劳动教育实践基地")
    qtbot.waitUntil(lambda: "600 hits in 2 plans" in window.search_panel.summary.text(), timeout=20000)
    panel = window.search_panel
    qtbot.waitUntil(lambda: not search.pending(window.lib), timeout=20000)  # indexed on the window's connection
    qtbot.waitUntil(lambda: not (panel.refresh_timer.isActive() or panel.timer.isActive() or panel.busy))
    # ranked as ever: title hits by bm25, the newer plan first among equals
    assert rows(panel.results)[0][0] == "2021 丙市教育局2021年工作要点"
    assert not window.safety.watcher.poll()  # no other connection wrote: the workers only read
    assert "Another program" not in window.statusBar().currentMessage()
    if shot := os.environ.get("PLANBOOK_SHOT"):
        window.grab().save(shot)


def test_one_character_at_the_end_of_a_field_is_found_in_every_plan(qtbot, windows, tmp_path):
    """科 is only ever a field value's last character (体卫艺科, 人事科, 基教科): a 1-character query (the OR of the
    bigrams starting with it, read from the index's vocabulary) finds all three tasks, title and field hits first."""
    import os

    fill(tmp_path / "lib.db")
    window = windows.open(lang="en")
    type_query(qtbot, window, "科")
    results = window.findChild(QTreeWidget, "searchResults")
    got = rows(results)  # within a plan, bm25 order: the shorter field (人事科) first
    assert [(plan, sorted(hits)) for plan, hits in got] == [
        ("2021 乙县教育局2021年工作要点", ["1.发展校园足球。"]),
        ("2019 甲市教育局2019年工作要点", ["1.推进体育工作。", "2.加强师德建设。"]),
    ]
    qtbot.waitUntil(lambda: "3 hits in 2 plans" in window.search_panel.summary.text(), timeout=5000)
    if shot := os.environ.get("PLANBOOK_SHOT"):
        window.grab().save(shot)
