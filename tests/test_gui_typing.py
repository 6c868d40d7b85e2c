"""Typing in the window (issue 22): every keystroke is in the library file at once, the library pane's row follows,
a search made straight after finds the typed word, and one undo takes the whole typing back."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from planbook.core.model import NodeKind
from tests.gui_support import settle
from tests.test_gui_search import rows, type_query
from tests.test_gui_workday import two_plans


def stored(path: Path, sql: str, *args) -> str:
    """One value read through a second, read-only connection: what another program (or a restart) would see."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute(sql, args).fetchone()[0]
    finally:
        conn.close()


def pane_title(window, plan_id: int) -> str:
    return window.library_pane.model.index_of(plan_id).data()


def test_each_key_typed_in_a_plan_title_is_in_the_file_the_pane_and_the_search_at_once(windows, qtbot, tmp_path):
    path, a, _ = two_plans(tmp_path)
    w = windows.open(path, plan=a, lang="en")
    title = w.plan_properties.field("title")
    base = title.text()
    assert title.isVisible() and pane_title(w, a) == base
    title.setFocus()
    title.end(False)
    synced = w.lib._wal_sync.synced  # the window commits without waiting for the disk (core/walsync.py)
    for i, key in enumerate("Zq7", start=1):
        QTest.keyClick(title, key)  # ASCII through real key events (Chinese would go through setText)
        assert stored(path, "SELECT title FROM plans WHERE id = ?", a) == base + "Zq7"[:i]  # committed at once
    assert w.lib._wal_sync.wait_synced(synced + 1, timeout=30)  # and made safe from a power cut just after
    # Typing leaves its search indexing to the next pause: the plan's document waits in the index's queue.
    assert stored(path, "SELECT count(*) FROM search_queue WHERE doc = ?", -a) == 1
    qtbot.waitUntil(lambda: pane_title(w, a) == base + "Zq7", timeout=5000)  # the pane's row, after the pause
    type_query(qtbot, w, "zq7")  # straight after typing: the typed word is found (case folded)
    assert rows(w.search_panel.results) == [(f"2021 {base}Zq7", ["(plan title and notice)"])]
    # In the pause the window indexes it; the same search then finds it through the index.
    qtbot.waitUntil(lambda: stored(path, "SELECT count(*) FROM search_queue") == 0, timeout=10000)
    type_query(qtbot, w, "zq7 ")
    assert rows(w.search_panel.results) == [(f"2021 {base}Zq7", ["(plan title and notice)"])]
    w.act_undo.trigger()  # the three keys were one typing step
    settle()
    assert stored(path, "SELECT title FROM plans WHERE id = ?", a) == base == title.text()
    qtbot.waitUntil(lambda: pane_title(w, a) == base, timeout=5000)
    type_query(qtbot, w, "zq7 ")
    assert rows(w.search_panel.results) == []


def test_each_key_typed_in_a_task_title_is_in_the_file_and_found(windows, qtbot, tmp_path):
    path, a, _ = two_plans(tmp_path)
    w = windows.open(path, plan=a, lang="en")
    task = next(n for n in w.model.plan.walk() if n.kind is NodeKind.TASK)
    before = task.title  # (the tree's node follows the edits)
    w.select_node(task.id)
    editor = w.node_editor.title
    editor.setFocus()
    editor.end(False)
    for i, key in enumerate("Xw", start=1):
        QTest.keyClick(editor, key)
        assert stored(path, "SELECT title FROM nodes WHERE id = ?", task.id) == before + "Xw"[:i]
    QTest.keyClick(editor, Qt.Key.Key_Backspace)
    assert stored(path, "SELECT title FROM nodes WHERE id = ?", task.id) == before + "X"
    assert stored(path, "SELECT count(*) FROM search_queue WHERE doc = ?", task.id) == 1  # indexed in the pause
    type_query(qtbot, w, "。x")
    assert [t for _, titles in rows(w.search_panel.results) for t in titles] == [f"{w.model.number(task.id)}{before}X"]
    w.act_undo.trigger()
    settle()
    assert stored(path, "SELECT title FROM nodes WHERE id = ?", task.id) == before
    type_query(qtbot, w, "。x ")
    assert rows(w.search_panel.results) == []
