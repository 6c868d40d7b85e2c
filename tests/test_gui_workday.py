"""A clerk's working day in the real window: clipboard of rows, files dropped on the window, long fields, small
screens. Each step is checked in what the window shows and what the library file holds (opened afresh)."""

from __future__ import annotations

import json

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QImage, QTextDocument
from PySide6.QtWidgets import QApplication

from planbook.core.library import Library
from planbook.core.model import Field, Node, NodeKind, Plan
from planbook.gui.treemodel import PLAN_ID
from tests.gui_support import library_lines, press, realistic_plan, settle, stored_plan, tree_lines

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier


def two_plans(tmp_path):
    path = tmp_path / "lib.db"
    with Library.open(path) as lib:
        a = lib.add_plan(realistic_plan(2021))
        b = lib.add_plan(
            Plan(title="某县教育局2022年工作要点", year=2022, nodes=[Node(NodeKind.SECTION, "加强党的建设")])
        )
    return path, a, b


def test_copy_paste_cut_rows_within_and_between_plans(windows, qtbot, tmp_path):
    path, a, b = two_plans(tmp_path)
    w = windows.open(path, plan=a)
    w.open_plan(a)
    tasks = [n for n in w.model.plan.walk() if n.kind is NodeKind.TASK]
    first, second = tasks[0], tasks[1]
    w.select_node(first.id)
    press(qtbot, w.tree, K.Key_C, CTRL)
    mime = QApplication.clipboard().mimeData()
    # Three flavours: planbook/1 JSON, HTML in the 公文 fonts for Word and WPS, numbered plain text.
    doc = json.loads(bytes(mime.data("application/x-planbook+json")).decode("utf-8"))
    assert doc["format"] == "planbook/1" and doc["selection"] == [0, 0]
    assert doc["plan"]["nodes"][0]["children"][0]["title"] == first.title
    assert "仿宋" in mime.html() and f"牵头单位：{first.field_value('牵头单位')}" in mime.html()
    assert mime.text().startswith(f"1.{first.title}\n") and "完成时限：" in mime.text()

    # Paste on the second task: a copy right after it, numbered live, with its fields; one undo step.
    w.select_node(second.id)
    press(qtbot, w.tree, K.Key_V, CTRL)
    lines = tree_lines(w.model)
    assert lines == library_lines(path, a, w.model.untitled)
    assert lines[3].startswith(f"  3.{first.title}")  # after 1. and 2., with the 牵头单位 beside it
    copy = w.model.node(w.current_id())
    assert copy.id != first.id and [(f.label, f.value) for f in copy.fields] == [
        (f.label, f.value) for f in first.fields
    ]
    assert w.act_undo.text().startswith("撤销 粘贴")
    w.act_undo.trigger()
    settle()
    assert len([n for n in stored_plan(path, a).walk() if n.title == first.title]) == 1

    # Into the other plan: on its section, the task goes inside.
    w.open_plan(b)
    section = w.model.plan.nodes[0]
    w.select_node(section.id)
    press(qtbot, w.tree, K.Key_V, CTRL)
    assert tree_lines(w.model) == ["一、加强党的建设", f"  1.{first.title} | {first.field_value('牵头单位')}"]
    assert tree_lines(w.model) == library_lines(path, b, w.model.untitled)

    # Cut a task in plan A, paste it after the last task of the first section: moved, two undo steps.
    w.open_plan(a)
    before = stored_plan(path, a)
    third = [n for n in before.walk() if n.kind is NodeKind.TASK][2]
    w.select_node(first.id)
    press(qtbot, w.tree, K.Key_X, CTRL)
    assert w.model.node(first.id) is None
    w.select_node(third.id)
    press(qtbot, w.tree, K.Key_V, CTRL)
    titles = [n.title for n in stored_plan(path, a).nodes[0].children]
    assert titles[-1] == first.title and titles.count(first.title) == 1
    # The section is still unfolded after the paste rebuilt the tree.
    assert w.tree.isExpanded(w.model.index_of(before.nodes[0].id))

    # An item on the plan row fits nowhere: a message, nothing added.
    item = next(n for n in w.model.plan.walk() if n.kind is NodeKind.ITEM)
    w.select_node(item.id)
    press(qtbot, w.tree, K.Key_C, CTRL)
    count = len(list(stored_plan(path, a).walk()))
    w.select_node(PLAN_ID)
    press(qtbot, w.tree, K.Key_V, CTRL)
    assert len(list(stored_plan(path, a).walk())) == count
    assert "不能放在这里" in w.statusBar().currentMessage()


def test_text_copied_from_word_pastes_as_rows(windows, qtbot, tmp_path):
    path, a, b = two_plans(tmp_path)
    w = windows.open(path, plan=b)
    w.open_plan(b)
    w.select_node(w.model.plan.nodes[0].id)
    QApplication.clipboard().setText(
        "1.严格落实意识形态工作责任制。\n牵头单位：办公室\n2.加强基层党组织建设。\n牵头单位：人事科\n"
    )
    press(qtbot, w.tree, K.Key_V, CTRL)
    assert tree_lines(w.model) == [
        "一、加强党的建设",
        "  1.严格落实意识形态工作责任制。 | 办公室",
        "  2.加强基层党组织建设。 | 人事科",
    ]
    assert tree_lines(w.model) == library_lines(path, b, w.model.untitled)
    # In a text box Ctrl+V pastes text, not rows.
    w.select_node(w.model.plan.nodes[0].children[0].id)
    w.node_editor.title.setFocus()
    QApplication.clipboard().setText("ABC")
    w.node_editor.title.end(False)
    w.act_paste.trigger()
    assert w.node_editor.title.text().endswith("ABC")
    assert len(list(stored_plan(path, b).walk())) == 3


def drop(window, paths) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    where = window.rect().center()
    enter = QDragEnterEvent(
        where, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    event = QDropEvent(
        QPointF(where), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(window, event)


def test_files_dropped_on_the_window_are_imported_through_the_preview(windows, qtbot, tmp_path):
    from planbook.gui.importpreview import ImportPreview

    plan_file = tmp_path / "要点.txt"
    plan_file.write_text(
        "某县教育局2023年工作要点\n一、加强党的建设\n1.落实主体责任。\n牵头单位：办公室\n", encoding="utf-8"
    )
    not_a_plan = tmp_path / "扫描件.pdf"
    not_a_plan.write_bytes(b"%PDF-1.4\n%\xe2\xe3\n")
    w = windows.open()
    drop(w, [plan_file, not_a_plan])
    qtbot.waitUntil(lambda: w.findChild(ImportPreview) is not None, timeout=20000)
    preview = w.findChild(ImportPreview)
    assert preview.tree.topLevelItemCount() == 1
    problems = [preview.problems.item(i).text() for i in range(preview.problems.count())]
    assert any("扫描件.pdf" in line and "PDF" in line for line in problems)  # the broken .pdf: why it cannot be read
    with qtbot.waitSignal(w.importFinished, timeout=20000) as blocker:
        preview.import_button.click()
    report = blocker.args[0]
    assert [len(ids) for _, ids, _ in report] == [1, 0] and report[1][2]
    assert w.model.plan.title == "某县教育局2023年工作要点"
    assert tree_lines(w.model) == ["一、加强党的建设", "  1.落实主体责任。 | 办公室"]


def test_long_fields_show_whole_and_a_long_title_does_not_widen_the_window(windows, qtbot, tmp_path):
    measure = "坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的教育方针，落实立德树人根本任务，" * 4
    title = "深入推进义务教育薄弱环节改善与能力提升，" * 6  # 120 characters
    task = Node(NodeKind.TASK, title, "", [Field("牵头单位", "基础教育科"), Field("工作措施", measure)])
    path = tmp_path / "lib.db"
    with Library.open(path) as lib:
        plan_id = lib.add_plan(
            Plan(title="某市2024年行动计划", year=2024, nodes=[Node(NodeKind.SECTION, "重点任务", children=[task])])
        )
    w = windows.open(path, plan=plan_id)
    w.resize(1366, 740)
    settle()
    width = w.width()
    node = w.model.plan.nodes[0].children[0]
    w.select_node(node.id)
    settle()
    assert w.width() == width  # the long title elides in the heading instead of widening the window
    heading = w.node_editor.heading
    assert heading.shown_text().endswith("…") and heading.toolTip().endswith(title)
    value = w.node_editor.fields.rows[1].value
    # The 200-character measure wraps over several lines, all of them shown: no scrolling inside the box.
    assert value.document().documentLayout().documentSize().height() > 2
    assert value.verticalScrollBar().maximum() == 0
    assert value.toPlainText() == measure
    # Typing in it is one field edit, stored whole.
    w.node_editor.fields.set_value(1, 1, measure + "确保取得实效。")
    settle()
    stored = stored_plan(path, plan_id).nodes[0].children[0]
    assert stored.field_value("工作措施") == measure + "确保取得实效。"
    # Undo brings the old text back, and the window keeps its width.
    w.act_undo.trigger()
    settle()
    assert w.width() == width and w.node_editor.fields.rows[1].value.toPlainText() == measure


def test_search_hits_open_with_one_click_enter_stays_in_the_open_plan_and_marks_go_when_cleared(
    windows, qtbot, tmp_path
):
    from PySide6.QtWidgets import QTreeWidget

    path = tmp_path / "lib.db"
    with Library.open(path) as lib:
        newer = lib.add_plan(
            Plan(
                title="乙县2021年工作要点",
                year=2021,
                nodes=[
                    Node(
                        NodeKind.SECTION, "体育", children=[Node(NodeKind.TASK, "发展校园足球。", "建设足球特色学校。")]
                    )
                ],
            )
        )
        older = lib.add_plan(
            Plan(
                title="甲市2019年工作要点",
                year=2019,
                nodes=[
                    Node(
                        NodeKind.SECTION, "体育", children=[Node(NodeKind.TASK, "推进体育工作。", "开展校园足球联赛。")]
                    )
                ],
            )
        )
    w = windows.open(path, plan=older)
    w.open_plan(older)
    w.search_box.setFocus()
    w.search_box.setText("足球")
    results = w.findChild(QTreeWidget, "searchResults")
    qtbot.waitUntil(lambda: results.topLevelItemCount() == 2, timeout=5000)
    # Enter: the hit in the open plan (甲市), though 乙县's is listed first; the keyboard moves to the results.
    qtbot.keyClick(w.search_box, K.Key_Return)
    assert w.model.plan_id == older and w.node_editor.title.text() == "推进体育工作。"
    assert results.hasFocus()
    # One click on the other plan's hit opens it.
    item = results.topLevelItem(0).child(0)
    results.scrollToItem(item)
    qtbot.mouseClick(results.viewport(), Qt.MouseButton.LeftButton, pos=results.visualItemRect(item).center())
    assert w.model.plan_id == newer and w.node_editor.title.text() == "发展校园足球。"
    assert [m.cursor.selectedText() for m in w.node_editor.body.extraSelections()] == ["足球"]
    # Clearing the search clears the marks.
    w.search_box.clear()
    assert w.node_editor.body.extraSelections() == [] and not w.search_dock.isVisible()


def test_new_plan_from_each_shipped_template(windows, qtbot, tmp_path):
    import datetime as dt

    from planbook.gui.templates import template_paths

    w = windows.open()
    w.template_menu.aboutToShow.emit()
    names = [a.text() for a in w.template_menu.actions()]
    assert names == sorted(p.stem for p in template_paths()) and {"工作要点", "行动计划", "任务分工方案"} <= set(names)
    year = dt.date.today().year
    for action in list(w.template_menu.actions()):
        action.trigger()
        settle()
        stored = stored_plan(w.lib.path, w.model.plan_id)
        assert stored.year == year and str(year) in stored.title and "XXXX" not in stored.title + stored.preamble
        tasks = [n for n in stored.walk() if n.kind is NodeKind.TASK]
        assert tasks and all(n.fields for n in tasks)  # the usual field labels are there to fill in
        assert QApplication.focusWidget() is w.plan_properties.field("title")  # ready to type the real title
    action_plan = next(p for p in Library.open(w.lib.path).list_plans() if p.kind == "行动计划")
    assert f"（{year}—{year + 2}年）" in action_plan.title
    labels = {f.label for n in stored_plan(w.lib.path, action_plan.id).walk() for f in n.fields}
    assert {"牵头单位", "配合单位", "完成时限"} <= labels
    # One undo step each.
    w.act_undo.trigger()
    settle()
    assert len(Library.open(w.lib.path).list_plans()) == 2


def test_recent_plans_guide_and_print_keys(windows, qtbot, tmp_path):
    from planbook.gui.print_preview import PrintPreview

    path, a, b = two_plans(tmp_path)
    w = windows.open(path, plan=a)
    w.open_plan(a)
    w.open_plan(b)
    w.recent_plans_menu.aboutToShow.emit()
    entries = [(act.text(), act.isEnabled()) for act in w.recent_plans_menu.actions()]
    assert entries == [("某县教育局2022年工作要点（2022）", False), ("某市教育局2021年工作要点（2021）", True)]
    w.recent_plans_menu.actions()[1].trigger()
    assert w.model.plan_id == a
    # F1: the Chinese guide, with the picture of the real window.
    assert w.act_guide.shortcut().toString() == "F1"
    guide = w.act_guide.trigger() or w.guide
    assert guide.isVisible() and "使用指南" in guide.browser.toPlainText()
    assert "Ctrl+]" in guide.browser.toPlainText() and "单位:基教科" in guide.browser.toPlainText()
    picture = guide.browser.loadResource(QTextDocument.ResourceType.ImageResource.value, QUrl("window.png"))
    assert picture is not None and not QImage.fromData(picture).isNull()  # the screenshot ships and loads
    guide.close()
    # Ctrl+P prints (the preview of what is printed, Print ready for Enter); Alt+Enter is Plan Properties.
    assert w.act_print.shortcut().toString() == "Ctrl+P"
    assert w.act_properties.shortcut().toString() == "Alt+Return"
    w.act_print.trigger()
    qtbot.waitUntil(lambda: w.findChild(PrintPreview) is not None, timeout=30000)
    preview = w.findChild(PrintPreview)
    qtbot.waitUntil(lambda: preview.ready, timeout=30000)  # typeset on a worker thread
    assert preview.print_button.isDefault() and preview.document.pageCount() >= 1
    # sized for the screen it opens on, not 1,000 pixels tall
    assert preview.height() <= preview.screen().availableGeometry().height()
    preview.reject()


def test_an_action_plan_whose_work_is_its_numbered_items_is_tracked(windows, qtbot, tmp_path):
    """Like seed 002: 二、重点任务 （一）… （二）… each with 责任单位, and no 1. tasks at all."""
    from planbook.core.breakdown import breakdown
    from planbook.core.model import Progress

    goals = Node(NodeKind.SECTION, "总体要求", children=[Node(NodeKind.SUBSECTION, "指导思想。", "以……为指导。")])
    work = Node(
        NodeKind.SECTION,
        "重点任务",
        children=[
            Node(NodeKind.SUBSECTION, f"实施第{i}项行动计划。", "具体措施。", [Field("责任单位", unit)])
            for i, unit in enumerate(["市教育局、市财政局", "各区县政府", "市教育局"], start=1)
        ],
    )
    path = tmp_path / "lib.db"
    with Library.open(path) as lib:
        plan_id = lib.add_plan(
            Plan(title="某市推进教育高质量发展行动计划", year=2019, kind="行动计划", nodes=[goals, work])
        )
    w = windows.open(path, plan=plan_id)
    item = w.model.plan.nodes[1].children[1]
    w.select_node(item.id)
    editor = w.node_editor.progress
    assert editor.isVisible()  # a （一） item with its units has a status and notes
    editor.status.setCurrentIndex(editor.status.findData(Progress.BEHIND))
    editor.status.activated.emit(editor.status.currentIndex())
    settle()
    stored = stored_plan(path, plan_id)
    assert stored.nodes[1].children[1].status is Progress.BEHIND
    assert [r[1] for r in breakdown(stored).rows] == [f"实施第{i}项行动计划。" for i in range(1, 4)]
    w.select_node(w.model.plan.nodes[0].children[0].id)
    assert not editor.isVisible()  # 指导思想 is not work to track
    w.act_dashboard.trigger()
    settle()
    w.docks.refresh_follow()
    assert sum(w.docks.dashboard.counts.values()) == 3 and w.docks.dashboard.counts[Progress.BEHIND] == 1
    assert w.docks.dashboard.chart.categories == ["市教育局", "市财政局", "各区县政府"]


def started_under(tmp_path, lang: str, code: str) -> list[str]:
    """What `code` prints, run in a fresh process under LANG=`lang` with no LC_* set (as a bare system starts)."""
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_")}
    env.update(LANG=lang, QT_QPA_PLATFORM="offscreen", PLANBOOK_SETTINGS=str(tmp_path / "s.ini"))
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60, check=True
    ).stdout.split()


def test_qt_dialogs_speak_chinese_on_a_system_with_no_locale(tmp_path):
    """LANG=C, Chinese interface: Qt's file dialog types ("Folder") and dates come out Chinese."""

    code = (
        "from planbook.gui import prepare_locale\n"
        "prepare_locale(None)  # as planbook.gui.launch does, first\n"
        "from planbook.gui.app import setup_application\n"
        "from PySide6.QtCore import QDate, QLocale\n"
        "app, settings, language = setup_application(None)\n"
        "print(language, QLocale.system().name(),\n"
        "      app.translate('QAbstractFileIconProvider', 'Folder', 'All other platforms'),\n"
        "      QLocale.system().toString(QDate(2026, 12, 3), QLocale.FormatType.ShortFormat))\n"
    )
    out = started_under(tmp_path, "C", code)
    assert out[:3] == ["zh", "zh_CN", "文件夹"]
    assert out[3].startswith("2026") and "3 12 2026" not in out[3]


def test_the_interface_is_chinese_on_a_c_utf8_system(tmp_path):
    """LANG=C.UTF-8 (Debian's default in containers and CI): no language named, so the interface is Chinese."""

    code = (
        "from planbook.gui import prepare_locale\n"
        "prepare_locale(None)\n"
        "from planbook.gui.app import setup_application\n"
        "app, settings, language = setup_application(None)\n"
        "print(language, app.translate('MainWindow', '&File'))\n"
    )
    out = started_under(tmp_path, "C.UTF-8", code)
    assert out[0] == "zh" and out[1] != "&File"


def test_keyboard_only_from_an_empty_library_to_an_exported_pdf(windows, qtbot, tmp_path):
    """No mouse: Ctrl+N, type, F6 to the tree, Insert, Ctrl+Enter, Alt+A for a field, Ctrl+] / Ctrl+[, Ctrl+E, a
    file name and Enter. Text is ASCII here (keyClicks with Chinese aborts the test process)."""
    from tests.pdfcheck import read_pdf

    w = windows.open(lang="en")

    def keys(key, modifier=Qt.KeyboardModifier.NoModifier, text: str | None = None):
        target = QApplication.focusWidget() or w
        if text is not None:
            qtbot.keyClicks(target, text)
        else:
            qtbot.keyClick(target, key, modifier)
        settle()

    keys(K.Key_N, CTRL)  # File ▸ New Plan: the cursor in the plan's title, selected
    assert QApplication.focusWidget() is w.plan_properties.field("title")
    keys(None, text="Work Plan 2031")
    for _ in range(4):  # F6 round to the tree
        if w.tree.hasFocus():
            break
        keys(K.Key_F6)
    assert w.tree.hasFocus()
    keys(K.Key_Insert)  # a section, its title ready
    keys(None, text="Party building")
    keys(K.Key_Return)  # back to the tree
    assert w.tree.hasFocus()
    keys(K.Key_Return, CTRL)  # a task inside
    keys(None, text="Strengthen the branches.")
    keys(K.Key_A, Qt.KeyboardModifier.AltModifier)  # Fields ▸ Add: 牵头单位, its value box focused
    qtbot.waitUntil(lambda: bool(w.node_editor.fields.rows))  # (a mnemonic clicks the button animated)
    assert QApplication.focusWidget() is w.node_editor.fields.rows[0].value
    keys(None, text="Office")
    keys(K.Key_Return)  # Enter in a field value moves on instead of breaking the line
    for _ in range(6):
        if w.tree.hasFocus():
            break
        keys(K.Key_F6)
    keys(K.Key_Insert)  # a second task, then demoted under the first and promoted back
    keys(None, text="Train the cadres.")
    keys(K.Key_Return)
    keys(K.Key_BracketRight, CTRL)
    assert w.model.node(w.current_id()).kind is NodeKind.ITEM
    keys(K.Key_BracketLeft, CTRL)
    assert w.model.node(w.current_id()).kind is NodeKind.TASK
    assert tree_lines(w.model) == [
        "一、Party building",
        "  1.Strengthen the branches. | Office",
        "  2.Train the cadres.",
    ]
    assert tree_lines(w.model) == library_lines(w.lib.path, w.model.plan_id, w.model.untitled)

    keys(K.Key_E, CTRL)  # File ▸ Export…: the file name box has the keyboard
    from planbook.gui.exportdialog import ExportDialog

    qtbot.waitUntil(lambda: w.findChild(ExportDialog) is not None and w.findChild(ExportDialog).isVisible())
    out = tmp_path / "plan.pdf"
    keys(K.Key_A, CTRL)
    keys(None, text=str(out))
    with qtbot.waitSignal(w.exportFinished, timeout=60000) as done:
        keys(K.Key_Return)
    assert done.args[0][0][2] is None and out.exists()
    text = read_pdf(out).text
    assert "WorkPlan2031" in text.replace(" ", "") and "Partybuilding" in text.replace(" ", "")
    assert "Office" in text and "Trainthecadres" in text.replace(" ", "")


def test_normalize_punctuation_keeps_the_folds(windows, qtbot, tmp_path):
    plan = realistic_plan()
    plan.nodes[0].children[0].title = "加强德育工作(试点)。"  # ASCII brackets for 规范标点 to fix
    path = tmp_path / "lib.db"
    with Library.open(path) as lib:
        plan_id = lib.add_plan(plan)
    w = windows.open(path, plan=plan_id)
    first, second = w.model.plan.nodes[0].id, w.model.plan.nodes[1].id
    w.tree.collapse(w.model.index_of(second))
    assert w.plans.tidy_punctuation() == 1  # a batch: the tree is rebuilt from the library
    assert stored_plan(path, plan_id).nodes[0].children[0].title == "加强德育工作（试点）。"
    assert w.tree.isExpanded(w.model.index_of(first)) and not w.tree.isExpanded(w.model.index_of(second))
