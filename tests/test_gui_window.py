"""The real main window, driven as a clerk drives it: keyboard in the tree, typing in the editor, menus.

After each step the test checks what the tree shows and what the library file holds (opened afresh).
Chinese text goes in through the widgets' own API (setText / setPlainText / item text): QTest.keyClicks with
Chinese aborts the whole process here, so keyClicks is kept for ASCII and keys.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QMessageBox

from planbook.core.library import Library
from planbook.core.model import NodeKind, Status
from planbook.gui.qtcompat import emit
from planbook.gui.treemodel import PLAN_ID
from tests.gui_support import library_lines, press, realistic_plan, settle, stored_plan, tree_lines

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def in_step(window) -> list[str]:
    """The tree equals the file; returns the lines."""
    lines = tree_lines(window.model)
    assert lines == library_lines(window.lib.path, window.model.plan_id, window.model.untitled)
    return lines


def type_title(window, text: str) -> None:
    window.node_editor.title.setText(text)  # as typed: textChanged fires per change
    settle()


def test_create_a_plan_and_build_it_by_keyboard(windows, qtbot):
    w = windows.open()
    assert w.model.plan is None
    w.act_new_plan.trigger()
    settle()
    plan_id = w.model.plan_id
    assert plan_id is not None and w.current_id() == PLAN_ID
    assert w.editor_stack.currentWidget() is w.plan_properties
    title = w.plan_properties.field("title")
    title.setText("某县教育局2022年工作要点")
    settle()
    assert stored_plan(w.lib.path, plan_id).title == "某县教育局2022年工作要点"
    assert "某县教育局2022年工作要点" in w.windowTitle() and w.lib.path.name in w.windowTitle()

    # Insert on the plan row: a first section, its title ready for typing; Enter goes back to the tree.
    press(qtbot, w.tree, K.Key_Insert)
    assert w.model.node(w.current_id()).kind is NodeKind.SECTION
    assert QApplication.focusWidget() is w.node_editor.title
    type_title(w, "加强党的建设")
    qtbot.keyClick(w.node_editor.title, K.Key_Return)
    assert w.tree.hasFocus()
    # Ctrl+Return: a child of the section, which is a task.
    press(qtbot, w.tree, K.Key_Return, CTRL)
    assert w.model.node(w.current_id()).kind is NodeKind.TASK
    type_title(w, "落实主体责任。")
    # Insert: a sibling task.
    press(qtbot, w.tree, K.Key_Insert)
    type_title(w, "加强作风建设。")
    assert in_step(w) == ["一、加强党的建设", "  1.落实主体责任。", "  2.加强作风建设。"]

    # Ctrl+1: a new section after the current one, wherever the selection is.
    w.tree.setFocus()
    w.act_new_kind[NodeKind.SECTION].trigger()
    type_title(w, "推进教育改革")
    press(qtbot, w.tree, K.Key_Return, CTRL)
    type_title(w, "深化课程改革。")
    assert in_step(w) == [
        "一、加强党的建设",
        "  1.落实主体责任。",
        "  2.加强作风建设。",
        "二、推进教育改革",
        "  3.深化课程改革。",
    ]


def test_fields_table_add_edit_reorder_remove(windows, qtbot):
    lib = Library.open(windows.tmp_path / "lib.db")
    plan_id = lib.add_plan(realistic_plan())
    lib.close()
    w = windows.open()
    task = [n for n in w.model.plan.walk() if n.kind is NodeKind.TASK][0]
    w.select_node(task.id)
    table = w.node_editor.fields
    assert table.objectName() == "fieldsForm"
    assert len(table.rows) == 4
    before = [(f.label, f.value) for f in task.fields]
    table.set_value(1, 1, "办公室")  # the lead unit
    settle()
    stored = stored_plan(w.lib.path, plan_id)
    stored_task = next(n for n in stored.walk() if n.id == task.id)
    assert stored_task.field_value("牵头单位") == "办公室"
    assert in_step(w)[1].endswith("| 办公室")
    table.set_current_row(3)
    table.up_button.click()
    table.add_button.menu().actions()[4].trigger()  # 目标任务 from the usual labels
    # The new field is ready for typing: its value box has the keyboard.
    assert QApplication.focusWidget() is table.rows[-1].value
    table.set_current_row(0)
    table.remove_button.click()
    settle()
    labels = [f.label for f in next(n for n in stored_plan(w.lib.path, plan_id).walk() if n.id == task.id).fields]
    assert labels == ["牵头单位", "完成时限", "责任单位", "目标任务"]
    assert [row.label.currentText() for row in table.rows] == labels
    # Four undo steps take the fields back to what they were; the typing was one step.
    for _ in range(4):
        w.act_undo.trigger()
    settle()
    stored_task = next(n for n in stored_plan(w.lib.path, plan_id).walk() if n.id == task.id)
    assert [(f.label, f.value) for f in stored_task.fields] == before
    assert in_step(w)


def test_move_indent_outdent_undo_redo(windows, qtbot):
    lib = Library.open(windows.tmp_path / "lib.db")
    plan_id = lib.add_plan(realistic_plan())
    lib.close()
    w = windows.open()
    original = in_step(w)
    tasks = [n.id for n in w.model.plan.walk() if n.kind is NodeKind.TASK]
    w.select_node(tasks[1])
    press(qtbot, w.tree, K.Key_Up, CTRL)  # move up: now the first task
    assert w.model.index_of(tasks[1]).data().startswith("1.")
    assert in_step(w)[1].startswith("  1.深入推进课程改革。")
    press(qtbot, w.tree, K.Key_Down, CTRL)
    assert in_step(w) == original
    # Ctrl+]: the second task becomes an item of the first; Alt+Shift+← brings it back.
    w.select_node(tasks[1])
    press(qtbot, w.tree, K.Key_BracketRight, CTRL)
    node = w.model.node(tasks[1])
    assert node.kind is NodeKind.ITEM and w.model.parent_id(tasks[1]) == tasks[0]
    assert in_step(w)[2] == "    （1）深入推进课程改革。 | " + w.model.index_of(tasks[1], 1).data()
    press(qtbot, w.tree, K.Key_Left, Qt.KeyboardModifier.AltModifier | SHIFT)
    assert w.model.node(tasks[1]).kind is NodeKind.TASK
    assert in_step(w) == original
    # The Edit menu names the step; undo twice returns to the item, redo replays.
    assert w.act_undo.text() == "撤销 升一级"
    w.act_undo.trigger()
    assert w.model.node(tasks[1]).kind is NodeKind.ITEM
    in_step(w)
    w.act_undo.trigger()
    assert in_step(w) == original
    w.act_redo.trigger()
    assert w.model.node(tasks[1]).kind is NodeKind.ITEM
    assert w.current_id() == tasks[1]
    in_step(w)
    # Delete, then Ctrl+Z (the key, in the tree) brings the whole subtree back.
    w.act_undo.trigger()
    w.select_node(w.model.plan.nodes[1].id)
    press(qtbot, w.tree, K.Key_Delete)
    assert len(w.model.plan.nodes) == 3
    in_step(w)
    press(qtbot, w.tree, K.Key_Z, CTRL)
    assert in_step(w) == original
    press(qtbot, w.tree, K.Key_Z, CTRL | SHIFT)
    assert len(in_step(w)) < len(original)
    press(qtbot, w.tree, K.Key_Y, CTRL)  # nothing left to redo: no change, no error
    press(qtbot, w.tree, K.Key_Z, CTRL)
    assert in_step(w) == original
    assert stored_plan(w.lib.path, plan_id).task_count() == 13


def test_typing_merges_into_one_undo_step_per_field(windows, qtbot):
    lib = Library.open(windows.tmp_path / "lib.db")
    lib.add_plan(realistic_plan())
    lib.close()
    w = windows.open()
    task = [n for n in w.model.plan.walk() if n.kind is NodeKind.TASK][0]
    w.select_node(task.id)
    title = w.node_editor.title
    title.setFocus()
    title.end(False)
    qtbot.keyClicks(title, " ok")  # ASCII keystrokes, each written at once
    assert stored_plan(w.lib.path, w.model.plan_id).nodes[0].children[0].title == "切实加强德育工作。 ok"
    w.node_editor.body.setPlainText("新的工作措施。")
    settle()
    assert w.undo_stack.count() == 2
    assert w.act_undo.text() == "撤销 编辑正文"
    w.act_undo.trigger()
    w.act_undo.trigger()
    assert title.text() == "切实加强德育工作。"
    stored = stored_plan(w.lib.path, w.model.plan_id).nodes[0].children[0]
    assert (stored.title, stored.body) == (task.title, task.body) == ("切实加强德育工作。", stored.body)
    assert in_step(w)


def test_refused_edits_leave_everything_as_it_was(windows, qtbot):
    lib = Library.open(windows.tmp_path / "lib.db")
    lib.add_plan(realistic_plan())
    lib.close()
    w = windows.open()
    original = in_step(w)
    first_section = w.model.plan.nodes[0].id
    w.select_node(first_section)
    press(qtbot, w.tree, K.Key_BracketRight, CTRL)  # the first section has nothing to go under
    press(qtbot, w.tree, K.Key_Up, CTRL)  # already at the top
    # A task cannot become a section while it sits inside one.
    task = w.model.plan.nodes[0].children[0].id
    w.select_node(task)
    w.node_editor.kind.setCurrentIndex(0)
    w.node_editor._kind_chosen(0)
    settle()
    assert w.statusBar().currentMessage() == "一级标题不能位于一级标题之下"  # the core's refusal, in Chinese
    assert NodeKind(w.node_editor.kind.currentData()) is NodeKind.TASK
    assert in_step(w) == original
    assert w.undo_stack.count() == 0


def test_plan_properties_validate_and_save(windows, qtbot):
    lib = Library.open(windows.tmp_path / "lib.db")
    plan_id = lib.add_plan(realistic_plan())
    lib.close()
    w = windows.open()
    w.select_plan_row()
    props = w.plan_properties
    assert w.editor_stack.currentWidget() is props
    number = props.field("notice.doc_number")
    number.setText("某教发[2021]3号")
    assert props.doc_number_error.isVisibleTo(props)
    assert "〔〕" in props.doc_number_error.text()
    number.setText("某教发〔2021〕3号")
    assert not props.doc_number_error.isVisibleTo(props)
    signed = props.field("notice.signed_on")
    signed.setText("2021年3月6日")
    settle()
    assert str(stored_plan(w.lib.path, plan_id).notice.signed_on) == "2021-03-06"
    signed.setText("2021-13-40")
    assert props.date_errors["notice.signed_on"].isVisibleTo(props)
    assert str(stored_plan(w.lib.path, plan_id).notice.signed_on) == "2021-03-06"  # bad dates are not saved
    props.field("status").setCurrentIndex(1)
    emit(props.field("status").activated, 1)  # what choosing it with the mouse sends
    assert stored_plan(w.lib.path, plan_id).status is Status.ISSUED
    # The library pane follows (debounced, so typing a title does not rebuild it per keystroke).
    qtbot.waitUntil(lambda: w.library_pane.model.index_of(plan_id, 1).data() == "已印发")


def test_next_year_draft_close_and_reopen(windows, qtbot):
    lib = Library.open(windows.tmp_path / "lib.db")
    source_id = lib.add_plan(realistic_plan(2021))
    lib.close()
    w = windows.open()
    w.select_plan_row()
    draft_id = w.plans.draft_next_year()
    assert draft_id and draft_id != source_id and w.model.plan_id == draft_id
    draft = stored_plan(w.lib.path, draft_id)
    assert draft.title == "某市教育局2022年工作要点" and draft.year == 2022
    assert draft.status is Status.DRAFT and draft.notice.doc_number == "" and draft.notice.signed_on is None
    assert "2022年全市教育工作" in draft.preamble
    assert draft.task_count() == stored_plan(w.lib.path, source_id).task_count()
    assert "某市教育局2021年工作要点" in w.plan_properties.source.text()
    assert set(w.library_pane.visible_plan_ids()) == {source_id, draft_id}
    # Pick a task in the draft, then close; reopening shows the same plan and node, and the splitter.
    task = [n for n in w.model.plan.walk() if n.kind is NodeKind.TASK][5]
    w.select_node(task.id)
    for dock in w.findChildren(QDockWidget):  # (a draft opens the review dock; the reopened window has none)
        dock.hide()
    w.resize(780, 560)  # fits the offscreen screen, so the restored geometry is not clamped
    settle()
    w.splitter.setSizes([150, 300, 300])
    sizes = w.splitter.sizes()
    expected = in_step(w)
    windows.close(w)
    w2 = windows.open()
    assert w2.model.plan_id == draft_id and w2.current_id() == task.id
    assert w2.editor_stack.currentWidget() is w2.node_editor
    assert w2.node_editor.title.text() == task.title
    assert in_step(w2) == expected
    assert w2.size().width() == 780 and w2.size().height() == 560
    assert w2.splitter.sizes() == sizes
    # Undo of the draft is not kept across sessions, but deleting it is undoable within one.
    assert w2.plans.delete_plan(confirm=False)
    assert w2.model.plan is None and draft_id not in w2.library_pane.visible_plan_ids()
    w2.act_undo.trigger()
    assert w2.model.plan_id == draft_id
    assert in_step(w2) == expected


def test_new_duplicate_delete_plans_and_library_pane(windows, qtbot):
    lib = Library.open(windows.tmp_path / "lib.db")
    for year in (2019, 2020, 2021):
        lib.add_plan(realistic_plan(year))
    lib.close()
    w = windows.open()
    pane = w.library_pane
    assert pane.view.objectName() == "libraryView"
    ids = pane.visible_plan_ids()
    assert len(ids) == 3
    assert pane.model.index(0, 0).data() == "2021年"  # newest year first
    copy_id = w.plans.duplicate_plan()
    assert stored_plan(w.lib.path, copy_id).title.endswith("（副本）")
    pane.filter.setText("2020")
    pane._rebuild()
    assert len(pane.visible_plan_ids()) == 1
    pane.filter.clear()
    pane._rebuild()
    pane.sort.setCurrentIndex(2)  # recently modified first
    assert pane.visible_plan_ids()[0] == copy_id
    # Choosing a plan in the pane opens it.
    other = ids[-1]
    pane.view.setCurrentIndex(pane.model.index_of(other))
    settle()
    assert w.model.plan_id == other
    w.act_undo.trigger()  # undo the duplicate
    assert copy_id not in pane.visible_plan_ids()


def test_import_many_files_in_the_background(windows, qtbot, tmp_path):
    from planbook.core.exchange import dumps

    files = []
    for i in range(6):
        path = tmp_path / f"p{i}.json"
        path.write_text(dumps(realistic_plan(2010 + i)), encoding="utf-8")
        files.append(path)
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    w = windows.open()
    with qtbot.waitSignal(w.importFinished, timeout=20000) as blocker:
        w.imports.import_files([*files, bad], preview=False)
    report = blocker.args[0]
    assert sum(len(ids) for _, ids, _ in report) == 6
    assert [e for _, _, e in report if e] and "not valid JSON" in report[-1][2]
    with Library.open(w.lib.path) as lib:
        assert len(lib.plan_ids()) == 6
    assert w.findChild(QMessageBox, "warningBox").text().count("bad.json") == 1  # told, not blocked
    w.undo_stack.undo()  # the whole import is one step
    assert w.library_pane.visible_plan_ids() == []


def test_export_uses_the_registry(windows, qtbot, tmp_path):
    lib = Library.open(windows.tmp_path / "lib.db")
    lib.add_plan(realistic_plan())
    lib.close()
    w = windows.open()
    out = tmp_path / "out.txt"
    with qtbot.waitSignal(w.exportFinished, timeout=20000):
        w.exports.export_plan(out, "txt")
    assert out.read_text(encoding="utf-8").startswith("某市教育局2021年工作要点")


def test_emit_workaround_keeps_true_alive():
    import sys

    from PySide6.QtCore import QObject, Signal

    class Ping(QObject):
        ping = Signal()

    p = Ping()
    before = sys.getrefcount(True)
    for _ in range(5000):
        emit(p.ping)
    assert abs(sys.getrefcount(True) - before) < 50


def test_import_seed_text_through_the_preview(windows, qtbot, seeds):
    files = sorted(seeds.glob("*.txt"))[:3]
    w = windows.open()
    w.imports.import_files(files)
    from planbook.gui.importpreview import ImportPreview

    qtbot.waitUntil(lambda: w.findChild(ImportPreview) is not None, timeout=20000)
    preview = w.findChild(ImportPreview)
    assert preview.tree.topLevelItemCount() == len(files)
    with qtbot.waitSignal(w.importFinished, timeout=20000) as blocker:
        preview.import_button.click()
    assert sum(len(ids) for _, ids, _ in blocker.args[0]) == len(files)
    assert w.model.plan is not None and len(list(w.model.plan.walk())) > 5
    assert in_step(w)


def test_switch_library_and_recent_libraries(windows, qtbot, tmp_path):
    other = tmp_path / "other.db"
    with Library.open(other) as lib:
        lib.add_plan(realistic_plan(2023))
    w = windows.open()
    first = w.lib.path
    assert w.switch_library(other)
    assert w.model.plan.title == "某市教育局2023年工作要点"
    assert "other.db" in w.windowTitle()
    emit(w.recent_menu.aboutToShow)
    entries = [a.text() for a in w.recent_menu.actions()]
    assert entries[:2] == [str(other.resolve()), str(first.resolve())]
    assert not w.recent_menu.actions()[0].isEnabled()  # the open one
    w.recent_menu.actions()[1].trigger()
    assert w.lib.path.resolve() == first.resolve() and w.model.plan is None
    # A file that is not a library is refused with a message and changes nothing.
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all")
    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, lambda: QApplication.activeModalWidget() and QApplication.activeModalWidget().close())
    assert not w.switch_library(junk)
    assert junk.read_bytes() == b"not a database at all" and w.lib.path.resolve() == first.resolve()


def window_with_notice(windows):
    """The window, in Chinese, on a library of one plan whose notice can be issued (head and title), open."""
    lib = Library.open(windows.tmp_path / "lib.db")
    plan = realistic_plan()
    plan.notice.masthead, plan.notice.title = "某市教育局文件", "关于印发《某市教育局2021年工作要点》的通知"
    lib.add_plan(plan)
    lib.close()
    w = windows.open(lang="zh")
    w.open_plan(1)
    return w


def export_through_dialog(w, qtbot, folder: Path, name: str, file_type: int | None):
    """File ▸ Export… as a clerk does it: pick a file type (by its place in the list), type a name, Save."""
    from PySide6.QtWidgets import QFileDialog

    dialog = w.exports.export_dialog()
    assert isinstance(dialog, QFileDialog) and dialog.isVisible()
    if file_type is not None:
        dialog.selectNameFilter(dialog.nameFilters()[file_type])
        emit(dialog.filterSelected, dialog.nameFilters()[file_type])
    dialog.setDirectory(str(folder))
    dialog.selectFile(name)
    with qtbot.waitSignal(w.exportFinished, timeout=30000) as done:
        dialog.accept()
    return done.args[0]


def test_export_dialog_offers_both_layouts_and_remembers_the_choice(windows, qtbot, tmp_path):
    """Issue 5: the notice and the plan alone, for Word and PDF, from the window; the last folder and file type are
    what the next export starts from."""
    import docx

    w = window_with_notice(windows)
    dialog = w.exports.export_dialog()
    filters = dialog.nameFilters()
    assert filters[:4] == [
        "Word 文档：印发通知及方案 (*.docx)",
        "Word 文档：仅方案 (*.docx)",
        "PDF：印发通知及方案 (*.pdf)",
        "PDF：仅方案 (*.pdf)",
    ], filters
    assert Path(dialog.selectedFiles()[0]).name == "某市教育局2021年工作要点.docx"
    dialog.reject()
    folder = tmp_path / "out"
    folder.mkdir()
    export_through_dialog(w, qtbot, folder, "通知", 0)
    export_through_dialog(w, qtbot, folder, "草稿", 1)
    notice = [p.style.name for p in docx.Document(str(folder / "通知.docx")).paragraphs]
    alone = [p.style.name for p in docx.Document(str(folder / "草稿.docx")).paragraphs]
    assert "发文机关标志" in notice and "公文标题" in notice
    assert "发文机关标志" not in alone and "公文标题" not in alone and alone[0] == "要点标题"
    # The next dialog opens where the last export went, on the last file type; a typed .pdf makes a PDF of
    # that same layout.
    again = w.exports.export_dialog()
    assert Path(again.directory().absolutePath()) == folder
    assert again.selectedNameFilter() == filters[1]
    links = w.findChild(QLabel, "exportLinks")  # open the file just written, or its folder, from the status bar
    assert links.isVisibleTo(w) and links.toolTip() == str(folder / "草稿.docx")
    assert f'href="{QUrl.fromLocalFile(str(folder / "草稿.docx")).toString()}">打开</a>' in links.text()
    again.reject()
    export_through_dialog(w, qtbot, folder, "草稿.pdf", None)
    assert (folder / "草稿.pdf").read_bytes().startswith(b"%PDF")
    assert w.settings.value("export/kind") == "pdf:plan"


def _task_table_selection() -> tuple[str, str]:
    """A task table as a browser copies it: HTML with the table, and the same cells as tab-separated text."""
    rows = [
        ("一、立德树人", None, None),
        ("1", "推进校园足球特色学校建设", "体卫艺科"),
        ("2", "加强师德师风建设", "人事科"),
        ("二、教育公平", None, None),
        ("3", "推进义务教育均衡发展", "基教科"),
    ]
    html = "<p>某县教育局2022年工作要点</p><table><tr><td>序号</td><td>工作任务</td><td>牵头单位</td></tr>"
    text = "某县教育局2022年工作要点\n序号\t工作任务\t牵头单位\n"
    for a, b, c in rows:
        html += f"<tr><td colspan=3>{a}</td></tr>" if b is None else f"<tr><td>{a}</td><td>{b}</td><td>{c}</td></tr>"
        text += f"{a}\n" if b is None else f"{a}\t{b}\t{c}\n"
    return html + "</table>", text


def test_import_from_the_clipboard(windows, qtbot):
    """File ▸ Import from Clipboard (Ctrl+Shift+V): the copied selection goes through the same preview; the HTML
    flavour keeps the table's 牵头单位 column that the plain text flattens."""
    from PySide6.QtCore import QMimeData

    from planbook.gui.importpreview import ImportPreview

    w = windows.open(lang="en")
    html, text = _task_table_selection()
    mime = QMimeData()
    mime.setHtml(html)
    mime.setText(text)
    QApplication.clipboard().setMimeData(mime)
    w.act_import_clipboard.trigger()
    preview = w.findChild(ImportPreview)
    assert preview is not None and preview.tree.topLevelItemCount() == 1
    with qtbot.waitSignal(w.importFinished, timeout=20000):
        preview.import_button.click()
    plan = stored_plan(w.lib.path, w.model.plan_id)
    assert plan.title == "某县教育局2022年工作要点" and plan.year == 2022
    tasks = [n for n in plan.walk() if n.kind is NodeKind.TASK]
    assert [(t.title, [(f.label, f.value) for f in t.fields]) for t in tasks] == [
        ("推进校园足球特色学校建设", [("牵头单位", "体卫艺科")]),
        ("加强师德师风建设", [("牵头单位", "人事科")]),
        ("推进义务教育均衡发展", [("牵头单位", "基教科")]),
    ]
    assert in_step(w)


def test_clipboard_without_a_plan_says_so_and_adds_nothing(windows, qtbot):
    from planbook.gui.importpreview import ImportPreview

    w = windows.open(lang="en")
    QApplication.clipboard().setText("会议通知：明天下午三点开会。")
    w.act_import_clipboard.trigger()
    preview = w.findChild(ImportPreview)
    assert not preview.import_button.isEnabled()
    assert "not imported" in preview.problems.item(0).text() and "Clipboard" in preview.problems.item(0).text()
    with qtbot.waitSignal(w.importFinished, timeout=5000):
        preview.reject()
    assert w.library_pane.visible_plan_ids() == []


def test_import_preview_names_the_plan_the_library_already_holds(windows, qtbot, tmp_path):
    from planbook.core.exchange import dumps
    from planbook.gui.importpreview import ImportPreview

    lib = Library.open(windows.tmp_path / "lib.db")
    plan = realistic_plan()
    first_id = lib.add_plan(plan)
    lib.close()
    src = tmp_path / "again.json"
    src.write_text(dumps(plan), encoding="utf-8")
    w = windows.open(lang="zh")
    w.imports.import_files([src])
    qtbot.waitUntil(lambda: w.findChild(ImportPreview) is not None, timeout=20000)
    preview = w.findChild(ImportPreview)
    lines = [preview.problems.item(i).text() for i in range(preview.problems.count())]
    assert f"again.json：方案库中已有此方案《{plan.title}》（编号 {first_id}），导入将再添加一份" in lines
    assert preview.import_button.isEnabled()  # a second copy is still the clerk's choice
    with qtbot.waitSignal(w.importFinished, timeout=5000):
        preview.reject()


def test_drafting_next_year_again_offers_the_existing_draft(windows, qtbot):
    """A second Plan ▸ Draft Next Year's Plan on the same plan asks first: open the draft made earlier (the
    default), draft another, or cancel."""
    from PySide6.QtCore import QTimer

    lib = Library.open(windows.tmp_path / "lib.db")
    source_id = lib.add_plan(realistic_plan(2021))
    lib.close()
    w = windows.open(lang="en")
    w.open_plan(source_id)
    first = w.plans.draft_next_year()
    w.open_plan(source_id)

    seen = []

    def answer(button_text: str) -> None:
        box = next(b for b in QApplication.topLevelWidgets() if b.objectName() == "draftExists" and b.isVisible())
        seen.append(box.text())
        button = next((b for b in box.buttons() if b.text().replace("&", "") == button_text), None)
        (button.click if button is not None else box.reject)()  # never leave the test waiting on the box

    QTimer.singleShot(0, lambda: answer("Open That Draft"))
    assert w.plans.draft_next_year() is None and w.model.plan_id == first
    assert seen == ["This plan already has next year's draft “某市教育局2022年工作要点”."]
    w.open_plan(source_id)
    QTimer.singleShot(0, lambda: answer("Cancel"))
    assert w.plans.draft_next_year() is None and w.model.plan_id == source_id
    second = w.plans.draft_next_year(existing="another")
    assert second not in (None, first) and w.model.plan_id == second
    assert len(w.library_pane.visible_plan_ids()) == 3


def test_keyboard_leaves_the_tree_edits_rows_and_goes_round_the_panes(windows, qtbot):
    """Tab leaves the tree, Enter and F2 put the cursor in the row's title, F6 goes library → tree → editor →
    fields and round; Shift+F6 goes back."""
    lib = Library.open(windows.tmp_path / "lib.db")
    lib.add_plan(realistic_plan())
    lib.close()
    w = windows.open()
    w.activateWindow()
    task = [n for n in w.model.plan.walk() if n.kind is NodeKind.TASK][0]
    w.select_node(task.id)
    press(qtbot, w.tree, K.Key_Tab)
    assert not w.tree.hasFocus()
    assert w.node_editor.isAncestorOf(QApplication.focusWidget())  # the editor pane comes next
    for key in (K.Key_Return, K.Key_F2):
        press(qtbot, w.tree, key)
        assert QApplication.focusWidget() is w.node_editor.title
        assert w.current_id() == task.id and w.model.node(task.id).title == task.title  # nothing was added
    # F6 from the title: the first field's value, then the library, the tree, the title again.
    seen = []
    for _ in range(4):
        qtbot.keyClick(QApplication.focusWidget(), K.Key_F6)
        seen.append(QApplication.focusWidget())
    assert seen == [w.node_editor.fields.rows[0].value, w.library_pane.view, w.tree, w.node_editor.title]
    qtbot.keyClick(QApplication.focusWidget(), K.Key_F6, SHIFT)
    assert QApplication.focusWidget() is w.tree
    # On the plan row Enter goes to the plan's title.
    w.select_plan_row()
    press(qtbot, w.tree, K.Key_Return)
    assert QApplication.focusWidget() is w.plan_properties.field("title")
    # The menus show the keys for demote and promote, now that Tab moves the focus.
    assert w.act_indent.shortcut().toString() == "Ctrl+]"
    assert w.act_outdent.shortcut().toString() == "Ctrl+["


def test_typing_a_title_touches_one_row_of_the_library_pane_and_the_filter_matches_every_word(windows, qtbot):
    lib = Library.open(windows.tmp_path / "lib.db")
    ids = {}
    for year in range(2001, 2041):  # 40 plans, 40 years
        plan = realistic_plan(year)
        plan.issuers = ["某市教育局" if year % 2 else "某县（区）教育局"]
        ids[year] = lib.add_plan(plan)
    lib.close()
    w = windows.open()
    pane = w.library_pane
    assert len(pane.visible_plan_ids()) == 40
    plan_id = w.model.plan_id
    changes: list[str] = []
    for name in ("rowsInserted", "rowsRemoved", "modelReset", "layoutChanged"):
        getattr(pane.model, name).connect(lambda *_, name=name: changes.append(name))
    touched: set[int] = set()
    pane.model.dataChanged.connect(
        lambda top, bottom, roles=(): touched.update(
            {
                pane.model.index(r, 0, top.parent()).data(Qt.ItemDataRole.UserRole + 1)
                for r in range(top.row(), bottom.row() + 1)
            }
        )
    )
    title = w.plan_properties.field("title")
    for text in ("某市教育局2040年工作要点（", "某市教育局2040年工作要点（修订）"):
        title.setText(text)
        qtbot.waitUntil(lambda text=text: pane.model.index_of(plan_id).data() == text)
    assert changes == [] and touched == {plan_id}  # one row changed in place: nothing inserted, removed or reset
    # The filter: every word, in any case, punctuation matched as typed (not as a pattern).
    pane.filter.setText("（修订） 2040")
    qtbot.waitUntil(lambda: pane.visible_plan_ids() == [plan_id])
    pane.filter.setText("县（区） 2002")
    qtbot.waitUntil(lambda: pane.visible_plan_ids() == [ids[2002]])
    pane.filter.setText("")
    qtbot.waitUntil(lambda: len(pane.visible_plan_ids()) == 40)
    # Filtering regroups in place: the view keeps its folds and selection; nothing is reset or refilled.
    assert changes and set(changes) == {"layoutChanged"}
