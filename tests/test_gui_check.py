"""Plan ▸ 发文前检查… in the window: the findings in Chinese, going to each one, fixing it and checking again.

Screenshot: /tmp/planbook-check-dialog.png.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt

from planbook.core.library import Library
from planbook.core.model import Node, NodeKind
from planbook.gui.treemodel import PLAN_ID
from tests.gui_support import press, realistic_plan, settle

SHOT = Path("/tmp/planbook-check-dialog.png")


def slipped_plan():
    """Next year's plan whose notice still issues this year's, with a heading left empty."""
    plan = realistic_plan(2022)
    plan.notice.title = "关于印发《某市教育局2021年工作要点》的通知"
    plan.notice.signed_on = dt.date(2022, 2, 10)
    plan.nodes.append(Node(NodeKind.SECTION, "其他工作"))
    return plan


def test_check_dialog_lists_findings_in_chinese_and_goes_to_them(windows, tmp_path, qtbot):
    path = tmp_path / "lib.db"
    with Library.open(path) as lib:
        plan_id = lib.add_plan(slipped_plan())
    w = windows.open(path, plan=plan_id)
    w.open_plan(plan_id)
    settle()
    assert w.act_check.text() == "发文前检查(&K)…" and w.act_check.shortcut().toString() == "Ctrl+Shift+K"
    w.act_check.trigger()
    settle()
    dialog = w.findChild(type(w.docks.check), "checkDialog")
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    assert dialog.summary.text() == "1 个错误，1 个提醒"
    rows = [
        (dialog.list.topLevelItem(i).text(0), dialog.list.topLevelItem(i).text(1))
        for i in range(dialog.list.topLevelItemCount())
    ]
    assert rows == [
        ("通知标题", "通知标题写的是 2021 年，但方案年度为 2022 年"),
        ("五、其他工作", "此一级标题下没有任务"),
    ]
    dialog.resize(820, 300)
    settle()
    dialog.grab().save(str(SHOT))

    # Double-click the heading's row: the tree selects that section.
    section_id = w.model.plan.nodes[-1].id
    w.select_plan_row()
    item = dialog.list.topLevelItem(1)
    rect = dialog.list.visualItemRect(item)
    # A double-click is a click and then the second press: QTest's mouseDClick alone sends only the second.
    qtbot.mouseClick(dialog.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(dialog.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    settle()
    assert w.current_id() == section_id and w.editor_stack.currentWidget() is w.node_editor

    # Enter on the notice title's row: the plan row, its properties and the notice title's editor.
    dialog.list.setCurrentItem(dialog.list.topLevelItem(0))
    dialog.activateWindow()  # back to the dialog, as the clerk clicks it
    settle()
    press(qtbot, dialog.list, Qt.Key.Key_Return)
    assert w.current_id() == PLAN_ID and w.editor_stack.currentWidget() is w.plan_properties
    assert dialog.isVisible() and dialog.list.topLevelItemCount() == 2  # Enter pressed no button of the dialog
    editor = w.plan_properties.findChild(type(w.plan_properties._widgets["notice.title"]), "prop_notice_title")
    assert w.focusWidget() is editor

    # The clerk fixes the title and checks again: the error is gone.
    editor.setText("关于印发《某市教育局2022年工作要点》的通知")
    settle()
    dialog.recheck.click()
    settle()
    assert dialog.summary.text() == "没有错误，1 个提醒请核对"
    assert dialog.list.topLevelItemCount() == 1

    # Undo brings the slip back; the same dialog, reopened from the menu, sees it.
    w.act_undo.trigger()
    dialog.close()
    w.act_check.trigger()
    settle()
    assert w.docks.check is dialog and dialog.isVisible() and dialog.summary.text() == "1 个错误，1 个提醒"


def test_check_dialog_in_english_and_on_a_clean_plan(windows, tmp_path):
    path = tmp_path / "lib.db"
    plan = realistic_plan(2021)
    plan.notice.signed_on = dt.date(2021, 2, 10)
    with Library.open(path) as lib:
        plan_id = lib.add_plan(plan)
    w = windows.open(path, lang="en", plan=plan_id)
    w.open_plan(plan_id)
    settle()
    dialog = w.docks.check_dialog()
    settle()
    assert dialog.windowTitle() == "Check Before Issuing: 某市教育局2021年工作要点"
    assert dialog.summary.text() == "No problems found." and dialog.list.topLevelItemCount() == 0
