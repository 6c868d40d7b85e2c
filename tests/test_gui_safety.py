"""The window on a library that other programs use too: a real `planbook` CLI process and a separate Python
process write to the file while the window is open; a read-only mount; backups; a library locked by another
process. Each check is on what the clerk sees (tree, library pane, editor, messages) and what the file holds.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import sqlite_utils
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from planbook.core import backup
from planbook.core.library import Library
from planbook.core.model import NodeKind
from planbook.core.numbering import number_tree
from planbook.gui.treemodel import lead_unit
from tests.conftest import ROOT, run_cli
from tests.gui_support import realistic_plan, settle, tree_lines
from tests.test_bad_input import read_only_mount

OTHER = """
import sys
from planbook.core import editing as ed
from planbook.core.library import Library
from planbook.core.model import Node, NodeKind
lib = Library.open(sys.argv[1])
"""


def other_process(path: Path, code: str) -> str:
    """Run core edits in a separate Python process (the CLI has no node-level commands)."""
    proc = subprocess.run(
        [sys.executable, "-c", OTHER + code, str(path)], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def file_plan(path: Path, plan_id: int):
    """The plan as the file holds it, read through SQLite alone.

    Not `Library.open`: its header check opens and closes the file with plain open()/close(), and closing any
    descriptor of a file drops every POSIX lock this process holds on it, the window's connection's included.
    With another process writing, that window then reads a WAL the other process has checkpointed and removed
    ("database disk image is malformed"). Tests that run the window and read the file in one process must not.
    """
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return Library(path, sqlite_utils.Database(conn), readonly=True).load_plan(plan_id)
    finally:
        conn.close()


def file_lines(path: Path, plan_id: int, untitled: str) -> list[str]:
    """What the tree should show, from the file (as gui_support.library_lines, read as in `file_plan`)."""
    plan = file_plan(path, plan_id)
    numbers = number_tree(plan.nodes, plan.numbering)
    lines: list[str] = []

    def walk(nodes, depth: int) -> None:
        for node in nodes:
            lead = lead_unit(node)
            lines.append("  " * depth + numbers[id(node)] + (node.title or untitled) + (f" | {lead}" if lead else ""))
            walk(node.children, depth + 1)

    walk(plan.nodes, 0)
    return lines


def make_library(path: Path, plans: int = 1) -> list[int]:
    with Library.open(path) as lib:
        return [lib.add_plan(realistic_plan(2021 + i)) for i in range(plans)]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def task_ids(window) -> list[int]:
    return [n.id for n in window.model.plan.walk() if n.kind is NodeKind.TASK]


def message(window) -> QMessageBox | None:
    box = window.findChild(QMessageBox, "safetyMessage")
    return box if box is not None and box.isVisible() else None


def dismiss(window) -> None:
    if box := message(window):
        box.close()
        settle()


def test_the_window_shows_what_another_process_changed_without_losing_the_users_place(windows, qtbot, tmp_path):
    path = tmp_path / "lib.db"
    (plan_id,) = make_library(path)
    w = windows.open(path, plan=plan_id)
    tasks = task_ids(w)
    chosen, doomed = tasks[1], tasks[4]
    w.select_node(chosen)
    w.tree.collapse(w.model.index_of(w.model.parent_id(tasks[-1])))  # the clerk folded the last section
    folded = w.model.parent_id(tasks[-1])
    title = w.node_editor.title
    title.setFocus()
    title.setText("深入推进课程改革，落实新课标")  # typing in progress (autosaved per keystroke)
    title.setCursorPosition(4)
    settle()

    # The CLI adds a plan: the library pane shows it; the open plan is untouched.
    assert run_cli("new", "--title", "另一个方案", "--year", "2030", library=path).code == 0
    qtbot.waitUntil(lambda: any(p.title == "另一个方案" for p in w.library_pane.plans), timeout=5000)
    other_id = next(p.id for p in w.library_pane.plans if p.title == "另一个方案")
    assert other_id in w.library_pane.visible_plan_ids()

    # Another process deletes one task and adds one in the open plan: the tree follows, the place is kept.
    other_process(
        path,
        f"""
ed.apply(lib, ed.DeleteNode({doomed}))
ed.apply(lib, ed.AddNode({plan_id}, {w.model.parent_id(chosen)}, 0, Node(NodeKind.TASK, "外部新增的任务。")))
""",
    )
    qtbot.waitUntil(lambda: w.model.node(doomed) is None, timeout=5000)
    lines = tree_lines(w.model)
    assert lines == file_lines(path, plan_id, w.model.untitled)
    assert any("外部新增的任务。" in line for line in lines)
    assert w.current_id() == chosen and w.editor_stack.currentWidget() is w.node_editor
    assert title.hasFocus() and title.text() == "深入推进课程改革，落实新课标" and title.cursorPosition() == 4
    assert not w.tree.isExpanded(w.model.index_of(folded))  # the fold survived the refresh
    assert w.tree.isExpanded(w.model.index_of(w.model.parent_id(chosen)))
    # Typing goes on into the same node and the same undo step.
    steps = w.undo_stack.count()
    title.setText("深入推进课程改革，落实新课标要求")
    settle()
    assert file_plan(path, plan_id).nodes[0].children[2].title == "深入推进课程改革，落实新课标要求"
    assert w.undo_stack.count() == steps

    # The CLI renames a unit in the open plan: the lead-unit column shows the new name.
    assert run_cli("rename-unit", str(plan_id), "办公室", "综合办公室", library=path).code == 0
    qtbot.waitUntil(lambda: any(line.endswith("| 综合办公室") for line in tree_lines(w.model)), timeout=5000)
    assert tree_lines(w.model) == file_lines(path, plan_id, w.model.untitled)

    # The CLI deletes the other plan, then the open one: the pane empties, the window shows nothing open.
    assert run_cli("delete", str(other_id), library=path).code == 0
    qtbot.waitUntil(lambda: other_id not in w.library_pane.visible_plan_ids(), timeout=5000)
    assert w.model.plan_id == plan_id
    assert run_cli("delete", str(plan_id), library=path).code == 0
    qtbot.waitUntil(lambda: w.model.plan is None, timeout=5000)
    assert w.library_pane.visible_plan_ids() == []
    assert w.editor_stack.currentWidget() is w.placeholder
    assert not w.act_new_sibling.isEnabled()


def test_undo_of_an_edit_whose_node_another_process_deleted_is_refused_and_the_stack_stays_sane(
    windows, qtbot, tmp_path
):
    path = tmp_path / "lib.db"
    (plan_id,) = make_library(path)
    w = windows.open(path, plan=plan_id)
    tasks = task_ids(w)
    first, last = tasks[0], tasks[-1]  # the last has the highest id: SQLite may hand it out again
    for node_id, text in ((last, "最后一项任务（已改）。"), (first, "第一项任务（已改）。")):
        w.select_node(node_id)
        w.node_editor.title.setText(text)
        w.node_editor._new_session()  # the next edit is a step of its own
        settle()
    assert w.undo_stack.count() == 2

    # Another process deletes the last task and adds a new one, which gets the freed id.
    out = other_process(
        path,
        f"""
ed.apply(lib, ed.DeleteNode({last}))
inverse = ed.apply(lib, ed.AddNode({plan_id}, None, 0, Node(NodeKind.SECTION, "外部新增的部分"))).inverse
print(inverse.node_id)
""",
    )
    reused = int(out)
    assert reused == last  # the hazard is real: the same id now names another node
    qtbot.waitUntil(
        lambda: w.model.node(reused) is not None and w.model.node(reused).kind is NodeKind.SECTION, timeout=5000
    )

    w.act_undo.trigger()  # undoes the first task's edit: fine
    settle()
    assert file_plan(path, plan_id).nodes[1].children[0].title != "第一项任务（已改）。"
    assert message(w) is None
    w.act_undo.trigger()  # the last task's edit: refused with a message, and the new section is untouched
    settle()
    box = message(w)
    assert box is not None and "其他程序" in box.text()
    assert w.undo_stack.count() == 1 and not w.undo_stack.canUndo() and w.undo_stack.canRedo()
    assert file_plan(path, plan_id).nodes[0].title == "外部新增的部分"
    assert tree_lines(w.model) == file_lines(path, plan_id, w.model.untitled)
    dismiss(w)
    w.act_redo.trigger()  # the step that is left still redoes
    settle()
    assert any(n.title == "第一项任务（已改）。" for n in file_plan(path, plan_id).walk())
    assert tree_lines(w.model) == file_lines(path, plan_id, w.model.untitled)


def test_undo_before_the_window_noticed_the_deletion_fails_cleanly(windows, qtbot, tmp_path):
    path = tmp_path / "lib.db"
    (plan_id,) = make_library(path)
    w = windows.open(path, plan=plan_id)
    w.safety.watcher.timer.stop()  # the other process's commit has not been seen yet when the clerk presses Undo
    section = w.model.plan.nodes[1].id
    w.select_node(section)
    w.act_new_child.trigger()  # a new task in the second section
    settle()
    added = w.current_id()
    w.node_editor.title.setText("新任务。")
    settle()
    assert w.undo_stack.count() == 2
    other_process(path, f"ed.apply(lib, ed.DeleteNode({section}))")
    w.act_undo.trigger()  # the title edit: its node is gone
    settle()
    assert message(w) is not None and w.undo_stack.count() == 1
    dismiss(w)
    w.act_undo.trigger()  # the addition: gone with its section, refused too
    settle()
    assert w.undo_stack.count() == 0
    qtbot.waitUntil(lambda: w.model.node(added) is None, timeout=3000)  # the window reloaded the file
    assert tree_lines(w.model) == file_lines(path, plan_id, w.model.untitled)
    dismiss(w)
    w.act_new_plan.trigger()  # and it goes on working
    settle()
    assert w.model.plan_id != plan_id and len(file_plan(path, w.model.plan_id).nodes) == 0


def test_a_library_locked_by_another_process_refuses_the_edit_with_one_message(windows, qtbot, tmp_path):
    path = tmp_path / "lib.db"
    (plan_id,) = make_library(path)
    w = windows.open(path, plan=plan_id)
    node = task_ids(w)[0]
    w.select_node(node)
    before = file_plan(path, plan_id)
    locker = subprocess.Popen(
        [
            sys.executable,
            "-c",
            (
                "import sqlite3, sys, time; c = sqlite3.connect(sys.argv[1], isolation_level=None);"
                "c.execute('BEGIN IMMEDIATE'); print('locked', flush=True); time.sleep(float(sys.argv[2]))"
            ),
            str(path),
            "12",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert locker.stdout.readline().strip() == "locked"
        w.lib.db.execute("PRAGMA busy_timeout = 300")  # the window's usual patience is 5 s; keep the test short
        w.node_editor.title.setText("改")
        w.node_editor.title.setText("改了")  # a second keystroke: still one message
        settle()
        boxes = [b for b in w.findChildren(QMessageBox, "safetyMessage") if b.isVisible()]
        assert len(boxes) == 1 and "另一个程序正在使用方案库" in boxes[0].text()
        assert w.undo_stack.count() == 0
        assert w.node_editor.title.text() == before.nodes[0].children[0].title  # shows what is stored
    finally:
        locker.kill()
        locker.wait()
    assert file_plan(path, plan_id) == before
    dismiss(w)
    w.node_editor.title.setText("锁解除后的修改。")  # the window stayed usable
    settle()
    assert file_plan(path, plan_id).nodes[0].children[0].title == "锁解除后的修改。"


def test_a_read_only_library_shows_a_banner_and_refuses_edits(tmp_path):
    folder = tmp_path / "cd"
    folder.mkdir()
    path = folder / "lib.db"
    make_library(path)
    before = digest(path)
    shot = tmp_path / "readonly.png"
    proc = subprocess.run(
        [
            *read_only_mount(folder),
            sys.executable,
            str(ROOT / "tests" / "readonly_window_driver.py"),
            str(path),
            str(shot),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PLANBOOK_SETTINGS": str(tmp_path / "s.ini")},
    )
    assert proc.returncode == 0, proc.stderr
    seen = json.loads(proc.stdout.strip().splitlines()[-1])
    assert seen["readonly"] and seen["banner_visible"]
    assert seen["banner"] == "此方案库为只读，修改不会保存"
    assert "只读" in seen["title"]
    assert seen["enabled"] == {name: False for name in seen["enabled"]}
    assert seen["title_edit_read_only"] and seen["properties_read_only"]
    assert seen["edit_refused"] and seen["tree_unchanged"] and seen["undo_count"] == 0
    assert seen["traceback"] == ""
    assert digest(path) == before
    assert sorted(p.name for p in folder.iterdir()) == ["lib.db"]  # no backups folder, no -wal
    assert shot.stat().st_size > 10_000
    if (keep := Path("/tmp/planbook-safety")).is_dir():
        keep.joinpath("readonly.png").write_bytes(shot.read_bytes())


def test_backups_daily_now_and_restore(windows, qtbot, tmp_path):
    path = tmp_path / "lib.db"
    (plan_id,) = make_library(path)
    w = windows.open(path, plan=plan_id)
    assert w.isVisible() and w.session.daily_backup is not None  # the window did not wait for the copy
    qtbot.waitUntil(lambda: not w.session.daily_backup.is_alive(), timeout=30_000)  # the copy is made on its own thread
    daily = backup.list_backups(path)
    assert len(daily) == 1  # taken when the window opened the library
    windows.close(w)
    w = windows.open(path, plan=plan_id)
    assert w.session.daily_backup is None and backup.list_backups(path) == daily  # once a day, not once a window

    dialog = w.safety.backups_dialog()
    qtbot.waitExposed(dialog)
    assert dialog.list.topLevelItemCount() == 1
    made = dialog.back_up_now()
    assert made is not None and dialog.list.topLevelItemCount() == 2
    assert dialog.list.currentItem().text(2) == made.name
    dialog.grab().save(str(tmp_path / "backups.png"))
    if (keep := Path("/tmp/planbook-safety")).is_dir():
        keep.joinpath("backups.png").write_bytes((tmp_path / "backups.png").read_bytes())

    # The clerk changes the plan, then goes back to the copy made a moment ago.
    w.select_node(0)
    w.plan_properties.field("title").setText("改过的标题")
    settle()
    assert file_plan(path, plan_id).title == "改过的标题"
    dialog.list.setCurrentItem(dialog.list.topLevelItem(0))
    assert dialog.selected() == made

    def answer(button) -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and box.objectName() == "confirmRestore"
        box.button(button).click()

    QTimer.singleShot(0, lambda: answer(QMessageBox.StandardButton.Cancel))
    assert not dialog.restore_selected()
    assert file_plan(path, plan_id).title == "改过的标题"
    QTimer.singleShot(0, lambda: answer(QMessageBox.StandardButton.Yes))
    assert dialog.restore_selected()
    settle()
    assert file_plan(path, plan_id).title == realistic_plan(2021).title
    assert w.model.plan.title == realistic_plan(2021).title  # the window reloaded
    assert tree_lines(w.model) == file_lines(path, plan_id, w.model.untitled)
    assert w.undo_stack.count() == 0
    # What was there before the restore is itself a backup, listed in the dialog.
    assert dialog.list.topLevelItemCount() == 3
    newest = backup.list_backups(path)[0].path
    assert file_plan(newest, plan_id).title == "改过的标题"
    dialog.close()


def test_the_backup_of_a_damaged_file_is_refused_by_restore(windows, qtbot, tmp_path):
    path = tmp_path / "lib.db"
    (plan_id,) = make_library(path)
    w = windows.open(path, plan=plan_id)
    bad = backup.folder_of(path) / "lib-20200101-000000.db"
    bad.parent.mkdir(exist_ok=True)  # the day's copy (a child process) may not have made the folder yet
    bad.write_bytes(b"SQLite format 3\x00" + b"\x07" * 5000)
    dialog = w.safety.backups_dialog()
    items = [dialog.list.topLevelItem(i) for i in range(dialog.list.topLevelItemCount())]
    dialog.list.setCurrentItem(next(i for i in items if i.text(2) == bad.name))
    before = file_plan(path, plan_id)
    assert not dialog.restore_selected(confirm=False)
    assert message(w) is not None
    assert file_plan(path, plan_id) == before
    dialog.close()


def test_a_full_disk_during_an_edit_gives_one_message_and_loses_nothing(tmp_path):
    probe = subprocess.run(["unshare", "-rm", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip(f"cannot make a private small disk here: {probe.stderr.decode().strip()}")
    disk = tmp_path / "disk"
    disk.mkdir()
    shot = tmp_path / "diskfull.png"
    script = f'mount -t tmpfs -o size=1m tmpfs "{disk}" && exec "$@"'
    proc = subprocess.run(
        [
            "unshare",
            "-rm",
            "sh",
            "-c",
            script,
            "sh",
            sys.executable,
            str(ROOT / "tests" / "full_disk_window_driver.py"),
            str(disk),
            str(shot),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PLANBOOK_SETTINGS": str(tmp_path / "s.ini")},
    )
    assert proc.returncode == 0, proc.stderr
    seen = json.loads(proc.stdout.strip().splitlines()[-1])
    assert seen["boxes"] == 1 and "磁盘已满" in seen["message"], seen
    assert seen["editor_shows_stored"] and seen["unchanged"] and seen["undo_count"] == 0
    assert seen["after_freeing"] == "腾出空间后的修改。"  # the window stayed usable
    assert seen["integrity"] == "ok" and seen["traceback"] == ""
    if (keep := Path("/tmp/planbook-safety")).is_dir():
        keep.joinpath("diskfull.png").write_bytes(shot.read_bytes())


def test_typing_on_after_another_program_changed_the_node_is_a_step_of_its_own(windows, qtbot, tmp_path):
    path = tmp_path / "lib.db"
    (plan_id,) = make_library(path)
    w = windows.open(path, plan=plan_id)
    node = task_ids(w)[0]
    w.select_node(node)
    title = w.node_editor.title
    original = title.text()
    title.setText(original + "甲")
    settle()
    other_process(path, f"ed.apply(lib, ed.EditNode({node}, body='另一程序写的正文。'))")
    qtbot.waitUntil(lambda: w.node_editor.body.toPlainText() == "另一程序写的正文。", timeout=5000)
    assert title.text() == original + "甲"
    title.setText(original + "甲乙")  # the same typing session goes on
    settle()
    assert w.undo_stack.count() == 2
    w.act_undo.trigger()  # back to what the title was once the other program had written: allowed
    settle()
    assert message(w) is None
    assert file_plan(path, plan_id).nodes[0].children[0].title == original + "甲"
    assert file_plan(path, plan_id).nodes[0].children[0].body == "另一程序写的正文。"
    w.act_undo.trigger()  # the step from before the other program's change: refused, the file untouched
    settle()
    assert message(w) is not None and w.undo_stack.count() == 1
    assert file_plan(path, plan_id).nodes[0].children[0].title == original + "甲"
