"""Edit ▸ Preferences ▸ Word fonts: the names the Word export writes per face role, chosen in the real dialog and
read back from the DOCX the command line and the window write."""

from __future__ import annotations

import json
import runpy
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QMessageBox, QPushButton

from planbook.core.exchange import dumps
from planbook.exporters.docx_fonts import WordFontNameError, check_name, user_faces
from planbook.layout import FACES, Face

from .conftest import ROOT, run_cli
from .gui_support import realistic_plan, settle
from .test_docx import full_plan
from .test_gui_fonts import open_preferences, open_window

ROLES = ("xiaobiaosong", "fangsong", "heiti", "kaiti", "song")


def part(path: Path, name: str) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read(name).decode("utf-8")


def cli_export(tmp_path: Path, layout: str, name: str | None = None):
    """The plan exported by the `planbook` command, on a library of its own; (result, output file)."""
    lib, src = tmp_path / "cli.db", tmp_path / "plan.json"
    if not lib.exists():
        src.write_text(dumps(full_plan()), encoding="utf-8")
        assert run_cli("import", src, library=lib).code == 0
    out = tmp_path / f"{name or layout}.docx"
    return run_cli("export", "1", "--format", "docx", "--layout", layout, "-o", out, library=lib), out


def word_tab(window, qtbot):
    """Edit ▸ Preferences, then a click on the "Word 字体" tab."""
    dialog = open_preferences(window)
    bar = dialog.tabs.tabBar()
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == ["PDF 字体", "Word 字体"]
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    settle()
    assert dialog.tabs.currentWidget().widget() is dialog.word_fonts and dialog.word_fonts.isVisible()  # (it scrolls)
    return dialog.word_fonts


def combo(page, key: str) -> QComboBox:
    return page.findChild(QComboBox, f"wordFont_{key}")


def type_name(qtbot, page, key: str, text: str) -> None:
    """Select what the field holds and type `text` as an input method commits Chinese, then press Enter."""
    edit = combo(page, key).lineEdit()
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    if text:
        event = QInputMethodEvent("", [])
        event.setCommitString(text)
        QApplication.sendEvent(edit, event)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    settle()


def choose_from_list(qtbot, page, key: str, name: str) -> None:
    """Step through the role's list with the arrow keys, as a user does without opening it."""
    box = combo(page, key)
    box.setFocus()
    steps = box.findText(name) - box.currentIndex()
    assert box.findText(name) >= 0
    for _ in range(abs(steps)):
        qtbot.keyClick(box, Qt.Key.Key_Down if steps > 0 else Qt.Key.Key_Up)
    settle()


def saved(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_choosing_a_name_is_saved_and_every_docx_export_names_it(windows, qtbot, tmp_path, word_fonts_json):
    from .test_docx_valid import problems

    window = open_window(windows, tmp_path)
    page = word_tab(window, qtbot)
    names = [page.findChild(QLabel, f"wordRole_{k}").text() for k in ROLES]
    assert names == ["标题（小标宋）", "正文（仿宋）", "一级标题（黑体）", "二级标题（楷体）", "页码（宋体）"]
    assert [combo(page, k).currentText() for k in ROLES] == [
        "方正小标宋简体",
        "仿宋_GB2312",
        "黑体",
        "楷体_GB2312",
        "宋体",
    ]
    fangsong = combo(page, "fangsong")
    assert [fangsong.itemText(i) for i in range(fangsong.count())] == ["仿宋_GB2312", "方正仿宋_GBK", "仿宋"]
    assert fangsong.isEditable()
    assert page.findChild(QLabel, "wordFallback_fangsong").text() == "备用：仿宋"
    reset = page.findChild(QPushButton, "resetWordFonts")
    assert reset.text() == "恢复默认" and not reset.isEnabled()  # nothing to reset yet
    assert not word_fonts_json.exists()

    choose_from_list(qtbot, page, "fangsong", "方正仿宋_GBK")
    assert saved(word_fonts_json) == {"fangsong": "方正仿宋_GBK"}
    assert fangsong.currentText() == "方正仿宋_GBK" and reset.isEnabled()
    assert page.findChild(QLabel, "wordFallback_fangsong").text() == "备用：仿宋"

    # The command line reads the same file (PLANBOOK_WORD_FONTS is inherited): notice, breakdown and progress.
    r, notice = cli_export(tmp_path, "notice")
    assert r.code == 0, r.err
    styles, table = part(notice, "word/styles.xml"), part(notice, "word/fontTable.xml")
    assert 'w:eastAsia="方正仿宋_GBK"' in styles and "仿宋_GB2312" not in styles
    assert '<w:font w:name="方正仿宋_GBK"><w:altName w:val="仿宋"/>' in table and "仿宋_GB2312" not in table
    assert 'w:eastAsia="方正小标宋简体"' in styles and 'w:eastAsia="黑体"' in styles  # the other roles unchanged
    assert problems(notice) == []  # still a file Word opens without repairs
    for layout in ("breakdown", "progress"):
        r, out = cli_export(tmp_path, layout)
        assert r.code == 0, r.err
        document = part(out, "word/document.xml")
        assert 'w:eastAsia="方正仿宋_GBK"' in document and "仿宋_GB2312" not in document
        assert 'w:name="方正仿宋_GBK"' in part(out, "word/fontTable.xml")
        assert problems(out) == []

    # The window's own export follows too.
    out = tmp_path / "window.docx"
    with qtbot.waitSignal(window.exportFinished, timeout=30000):
        window.exports.export_plan(out, "docx", "plan")
    assert 'w:eastAsia="方正仿宋_GBK"' in part(out, "word/styles.xml")

    # Reset to Defaults: 仿宋_GB2312 again, in the dialog, the file and the next export.
    qtbot.mouseClick(reset, Qt.MouseButton.LeftButton)
    assert saved(word_fonts_json) == {}
    assert fangsong.currentText() == "仿宋_GB2312" and not reset.isEnabled()
    r, again = cli_export(tmp_path, "notice", "again")
    assert r.code == 0 and 'w:eastAsia="仿宋_GB2312"' in part(again, "word/styles.xml")
    assert "方正仿宋_GBK" not in part(again, "word/styles.xml") + part(again, "word/fontTable.xml")


def test_a_typed_name_is_saved_trimmed_and_a_default_name_is_not_kept(windows, qtbot, tmp_path, word_fonts_json):
    window = open_window(windows, tmp_path)
    page = word_tab(window, qtbot)
    type_name(qtbot, page, "xiaobiaosong", "  华文中宋 ")
    type_name(qtbot, page, "heiti", "方正黑体_GBK")
    assert saved(word_fonts_json) == {"xiaobiaosong": "华文中宋", "heiti": "方正黑体_GBK"}
    assert page.window().isVisible()  # Enter confirms the name; it does not close the dialog
    assert combo(page, "xiaobiaosong").currentText() == "华文中宋"
    # 黑体 has no fallback of its own: a chosen name falls back to it, as every Chinese Windows has it.
    assert page.findChild(QLabel, "wordFallback_heiti").text() == "备用：黑体"
    assert page.findChild(QLabel, "wordFallback_xiaobiaosong").text() == "备用：宋体"
    type_name(qtbot, page, "xiaobiaosong", "宋体")  # the fallback itself: no fallback left
    assert page.findChild(QLabel, "wordFallback_xiaobiaosong").text() == "无备用字体"
    type_name(qtbot, page, "heiti", "黑体")  # the default again: nothing to keep
    assert saved(word_fonts_json) == {"xiaobiaosong": "宋体"}
    assert page.findChild(QMessageBox, "wordFontRefused") is None

    r, out = cli_export(tmp_path, "notice")
    assert r.code == 0, r.err
    table = part(out, "word/fontTable.xml")
    assert table.count('w:name="宋体"') == 1 and "方正小标宋简体" not in part(out, "word/styles.xml")


@pytest.mark.parametrize(("text", "says"), [("", "名称为空"), ("方正" * 20, "名称有 40 个字符，Word 最多允许 31 个")])
def test_a_name_word_cannot_use_is_refused_and_nothing_is_saved(windows, qtbot, tmp_path, word_fonts_json, text, says):
    word_fonts_json.parent.mkdir()
    before = json.dumps({"fangsong": "方正仿宋_GBK"}, ensure_ascii=False)
    word_fonts_json.write_text(before, encoding="utf-8")
    window = open_window(windows, tmp_path)
    page = word_tab(window, qtbot)
    assert combo(page, "fangsong").currentText() == "方正仿宋_GBK"
    type_name(qtbot, page, "fangsong", text)
    box = page.findChild(QMessageBox, "wordFontRefused")
    assert box is not None and box.isVisible()
    assert "正文（仿宋）" in box.text() and says in box.text()
    assert box.informativeText() == "仍使用 方正仿宋_GBK。"
    assert combo(page, "fangsong").currentText() == "方正仿宋_GBK"  # the previous name is back in the field
    assert word_fonts_json.read_text(encoding="utf-8") == before  # untouched
    box.close()
    settle()
    assert word_fonts_json.read_text(encoding="utf-8") == before  # the focus coming back saves nothing either


def test_an_unreadable_word_fonts_json_is_shown_and_stops_the_docx_export(windows, qtbot, tmp_path, word_fonts_json):
    word_fonts_json.parent.mkdir()
    word_fonts_json.write_text('{"fangsong": ', encoding="utf-8")
    window = open_window(windows, tmp_path)
    page = word_tab(window, qtbot)
    problem = page.findChild(QLabel, "wordFontsFileProblem")
    assert problem.isVisible() and "word-fonts.json" in problem.text() and "无法读取" in problem.text()
    assert not combo(page, "fangsong").isEnabled()
    assert not page.findChild(QPushButton, "resetWordFonts").isEnabled()
    assert not page.commit("fangsong")
    assert word_fonts_json.read_text(encoding="utf-8") == '{"fangsong": '  # never overwritten on the quiet

    r, out = cli_export(tmp_path, "notice")
    assert r.code == 1 and r.err.count("\n") == 1 and "Traceback" not in r.err
    assert r.err.startswith(f"planbook: cannot read the Word font settings file {word_fonts_json}: ")
    assert not out.exists()
    window.exports.export_plan(tmp_path / "window.docx", "docx", "notice")
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "warningBox") is not None, timeout=30000)
    warning = window.findChild(QMessageBox, "warningBox")
    assert f"Word 字体设置文件 {word_fonts_json} 无法读取" in warning.text()
    assert not (tmp_path / "window.docx").exists()

    assert page.replace_unreadable(confirm=False)
    assert (word_fonts_json.parent / "word-fonts.json.unreadable").read_text(encoding="utf-8") == '{"fangsong": '
    assert not problem.isVisible() and combo(page, "fangsong").isEnabled()
    choose_from_list(qtbot, page, "fangsong", "方正仿宋_GBK")
    assert saved(word_fonts_json) == {"fangsong": "方正仿宋_GBK"}


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (
            {"fangsong": "仿" * 40},
            "fangsong: “" + "仿" * 40 + "” cannot be a Word font name: the name has 40 characters",
        ),
        ({"fangsong": "仿宋\n"}, None),  # white space around a name is trimmed
        (
            {"fangsong": "仿\n宋"},
            "“仿\\u000a宋” cannot be a Word font name: the name contains an invisible or control character (U+000A)",
        ),
        ({"fangsong": 3}, "fangsong must be a font name"),
        ({"biaoti": "华文中宋"}, "names unknown roles: biaoti (known: xiaobiaosong, fangsong, heiti, kaiti, song)"),
        (["华文中宋"], "must be an object {role: font name}"),
    ],
)
def test_the_command_line_names_the_file_and_what_is_wrong_with_it(tmp_path, word_fonts_json, content, says):
    word_fonts_json.parent.mkdir()
    word_fonts_json.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
    r, out = cli_export(tmp_path, "breakdown")
    if says is None:
        assert r.code == 0 and 'w:eastAsia="仿宋"' in part(out, "word/document.xml")
        return
    assert r.code == 1 and r.err.count("\n") == 1 and str(word_fonts_json) in r.err and says in r.err, r.err
    assert not out.exists()


def test_names_are_checked_as_word_needs_them():
    assert check_name(" 方正仿宋_GBK\t") == "方正仿宋_GBK"
    assert check_name("Times New Roman") == "Times New Roman"
    assert check_name("字" * 31) == "字" * 31
    for bad, problem in [
        ("", "empty"),
        (" \u3000", "empty"),
        ("字" * 32, "too_long"),
        ("仿宋\u200b", "control"),
        ("a\x00b", "control"),
        ("𠀀" * 16, "too_long"),
    ]:  # 16 characters outside the BMP are 32 units
        with pytest.raises(WordFontNameError) as e:
            check_name(bad)
        assert e.value.problem == problem, bad


def test_the_user_faces_keep_a_fallback_unless_it_is_the_chosen_name(word_fonts_json):
    assert user_faces() == FACES
    word_fonts_json.parent.mkdir()
    word_fonts_json.write_text(
        json.dumps(
            {"fangsong": "方正仿宋_GBK", "heiti": "方正黑体_GBK", "kaiti": "楷体", "xiaobiaosong": "方正小标宋简体"}
        ),
        encoding="utf-8",
    )
    assert user_faces() == {
        **FACES,
        "fangsong": Face("fangsong", "方正仿宋_GBK", "仿宋"),
        "heiti": Face("heiti", "方正黑体_GBK", "黑体"),
        "kaiti": Face("kaiti", "楷体", None),
    }


def test_the_render_script_writes_the_names_its_fonts_conf_maps(tmp_path, word_fonts_json):
    word_fonts_json.parent.mkdir()
    word_fonts_json.write_text(json.dumps({"fangsong": "方正仿宋_GBK"}), encoding="utf-8")
    src = tmp_path / "plan.json"
    src.write_text(dumps(realistic_plan()), encoding="utf-8")
    script = runpy.run_path(str(ROOT / "scripts" / "render_docx.py"))

    class Args:
        library, id, index, layout, plan = None, None, 0, "notice", str(src)

    out = script["plan_docx"](Args, tmp_path)
    styles = part(out, "word/styles.xml")
    assert 'w:eastAsia="仿宋_GB2312"' in styles and "方正仿宋_GBK" not in styles
