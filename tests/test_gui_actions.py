"""The window's actions come from one table (gui/actions.py): menus, keys and read-only mode all follow it."""

from __future__ import annotations

import sqlite3

import sqlite_utils
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction

from planbook.core.library import Library
from planbook.gui import actions
from planbook.gui.actions import ActionSpec, Made, Separator
from tests.gui_support import realistic_plan, settle


def _library(tmp_path):
    path = tmp_path / "lib.db"
    with Library.open(path) as lib:
        lib.add_plan(realistic_plan(2021))
    return path


def _read_only_window(qtbot, tmp_path, path):
    """The real window on a library SQLite opened read-only, as a read-only file or mount gives it."""
    from planbook.gui.app import setup_application
    from planbook.gui.mainwindow import MainWindow

    app, _, language = setup_application("zh")
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    lib = Library(path, sqlite_utils.Database(conn), readonly=True)
    w = MainWindow(lib, QSettings(str(tmp_path / "ro.ini"), QSettings.Format.IniFormat), language)
    qtbot.addWidget(w)
    w.restore(geometry=False)
    w.show()
    return w


def _on_a_task(w) -> None:
    task = next(n.id for n in w.model.plan.walk() if not n.children)
    w.select_node(task)
    settle()


def test_every_row_is_a_named_action_with_a_handler_the_window_has(windows, tmp_path):
    w = windows.open(_library(tmp_path))
    for spec in actions.all_specs():
        action = w.findChild(QAction, spec.name)
        assert action is not None, spec.name
        if spec.attr:
            assert getattr(w, spec.attr) is action
        if spec.made is Made.HERE:
            assert callable(actions.resolve(w, spec.handler)), spec.handler
    assert set(w.act_new_kind) == {s.args[0] for s in actions.kind_rows()}


def test_menus_show_the_table_in_order_with_its_keys(windows, tmp_path):
    w = windows.open(_library(tmp_path))
    plan_menu = next(a.menu() for a in w.menuBar().actions() if a.text() == "方案(&P)")
    names = [a.objectName() or "-" for a in plan_menu.actions()]
    rows = [
        r.name if isinstance(r, ActionSpec) else "-"
        for r in actions.ROWS
        if getattr(r, "menu", "") == "plan" and isinstance(r, ActionSpec | Separator)
    ]
    assert names == rows
    assert w.act_next_year.text() == "新建下一年度草稿" and w.act_next_year.shortcut().toString() == "Ctrl+Shift+N"
    assert [k.toString() for k in w.act_indent.shortcuts()] == ["Ctrl+]", "Alt+Shift+Right"]


def test_a_read_only_library_turns_off_exactly_the_actions_that_write(windows, qtbot, tmp_path):
    path = _library(tmp_path)
    writable = windows.open(path)
    _on_a_task(writable)
    specs = [s for s in actions.all_specs() if s.made is not Made.UNDO and s.made is not Made.REDO]
    # With a plan open and a task selected everything in the table is on: what differs below is read-only mode.
    assert [s.name for s in specs if not writable.findChild(QAction, s.name).isEnabled()] == []
    writable.close()

    w = _read_only_window(qtbot, tmp_path, path)
    _on_a_task(w)
    off = {s.name for s in specs if not w.findChild(QAction, s.name).isEnabled()}
    assert off == {s.name for s in specs if s.writes}
    assert {"actNewPlan", "actImport", "actDelete", "actPaste", "actCut", "actNew_task"} <= off
    before = [n.title for n in w.model.plan.walk()]
    w.act_new_sibling.trigger()  # a disabled action does nothing, even when triggered
    w.act_delete.trigger()
    assert [n.title for n in w.model.plan.walk()] == before
    w.close()


def test_a_new_row_that_writes_is_in_its_menu_and_off_on_a_read_only_library(qtbot, tmp_path, monkeypatch):
    """Adding an action is one row: the menu, its key and read-only mode follow without another list."""
    row = ActionSpec(
        "actSortTasks",
        "act_sort_tasks",
        "Sort Tasks",
        "plans.tidy_punctuation",
        "plan",
        ("Ctrl+Alt+S",),
        writes=True,
        needs=actions.Needs.PLAN,
    )
    monkeypatch.setattr(actions, "ROWS", (*actions.ROWS, row))
    w = _read_only_window(qtbot, tmp_path, _library(tmp_path))
    plan_menu = next(a.menu() for a in w.menuBar().actions() if a.text() == "方案(&P)")
    assert plan_menu.actions()[-1] is w.act_sort_tasks
    assert w.act_sort_tasks.shortcut().toString() == "Ctrl+Alt+S"
    assert w.model.plan is not None and not w.act_sort_tasks.isEnabled()
    w.close()
