"""Edit ▸ Preferences ▸ PDF fonts, and what the window says when a PDF lacks glyphs; with the real window, real
font files and the PDF read back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton

from planbook.core.exchange import dumps
from planbook.core.library import Library
from planbook.exporters.pdf_fonts import FONT_DIR
from planbook.gui import helpmenu
from planbook.gui.preferences import PreferencesDialog
from planbook.gui.print_preview import PrintPreview

from .conftest import run_cli
from .gui_support import realistic_plan, settle
from .pdfcheck import read_pdf

MISSING = "𠀀"  # CJK Extension B: in no bundled face, so printed as 〓
RARE = "镕"  # not in Fandol: drawn with the fallback face


@pytest.fixture
def fonts_json(tmp_path: Path, monkeypatch) -> Path:
    path = tmp_path / "config" / "fonts.json"
    monkeypatch.setenv("PLANBOOK_FONTS", str(path))
    return path


def renamed_font(source: Path, out: Path, name: str) -> Path:
    """A copy of a bundled face under another PostScript/family name: "the user's own" font file."""
    from fontTools.ttLib import TTFont

    font = TTFont(source, lazy=True)
    for record in font["name"].names:
        if record.nameID in (1, 4, 6):
            record.string = name
    font.save(out)
    return out


def tiny_font(out: Path, chars: str, cff: bool = False) -> Path:
    """A real, valid font with a square for each of `chars`: TrueType (glyf) or CFF outlines."""
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.t2CharStringPen import T2CharStringPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    names = [".notdef", *(f"uni{ord(c):04X}" for c in chars)]
    fb = FontBuilder(1000, isTTF=not cff)
    fb.setupGlyphOrder(names)
    fb.setupCharacterMap({ord(c): f"uni{ord(c):04X}" for c in chars})

    def square(pen):
        pen.moveTo((100, 0))
        pen.lineTo((100, 700))
        pen.lineTo((900, 700))
        pen.lineTo((900, 0))
        pen.closePath()

    if cff:
        strings = {}
        for n in names:
            pen = T2CharStringPen(1000, None)
            square(pen)
            strings[n] = pen.getCharString()
        fb.setupCFF("TinyCFF-Regular", {"FullName": "Tiny CFF"}, strings, {})
    else:
        glyphs = {}
        for n in names:
            pen = TTGlyphPen(None)
            square(pen)
            glyphs[n] = pen.glyph()
        fb.setupGlyf(glyphs)
    fb.setupHorizontalMetrics({n: (1000, 100) for n in names})
    fb.setupHorizontalHeader(ascent=880, descent=-120)
    fb.setupNameTable({"familyName": "Tiny", "styleName": "Regular"})
    fb.setupOS2(sTypoAscender=880, usWinAscent=880, usWinDescent=120)
    fb.setupPost()
    fb.save(out)
    return out


def open_window(windows, tmp_path: Path, plan=None):
    lib = Library.open(tmp_path / "lib.db")
    plan_id = lib.add_plan(plan or realistic_plan())
    lib.close()
    return windows.open(tmp_path / "lib.db", plan=plan_id)


def open_preferences(window) -> PreferencesDialog:
    window.act_preferences.trigger()
    settle()
    dialog = window.findChild(PreferencesDialog, "preferencesDialog")
    assert dialog is not None and dialog.isVisible()
    return dialog


def export_pdf(window, qtbot, out: Path, layout: str = "plan") -> list:
    with qtbot.waitSignal(window.exportFinished, timeout=30000) as done:
        window.exports.export_plan(out, "pdf", layout)
    settle()
    return done.args[0]


def field_lines(doc):
    return [line for line in doc.lines if line.text.startswith(("牵头单位", "完成时限"))]


def label(dialog, name: str) -> str:
    return dialog.findChild(QLabel, name).text()


def test_a_chosen_font_is_saved_and_the_next_export_embeds_it(windows, qtbot, tmp_path, fonts_json):
    window = open_window(windows, tmp_path)
    dialog = open_preferences(window)
    assert dialog.windowTitle() == "首选项" and dialog.tabs.tabText(0) == "PDF 字体"
    assert [label(dialog, f"role_{k}") for k in ("xiaobiaosong", "fangsong", "heiti", "kaiti", "song", "fallback")] == [
        "标题（小标宋）",
        "正文（仿宋）",
        "一级标题（黑体）",
        "二级标题（楷体）",
        "页码（宋体）",
        "备用字体",
    ]
    assert label(dialog, "file_fangsong").startswith("内置") and "FandolFang" in label(dialog, "file_fangsong")
    reset = dialog.findChild(QPushButton, "reset_fangsong")
    assert not reset.isEnabled()  # nothing to reset yet

    mine = renamed_font(FONT_DIR / "FandolKai-Regular.ttf", tmp_path / "仿宋_GB2312.ttf", "FangSong_GB2312")
    assert dialog.choose_font("fangsong", mine)
    assert json.loads(fonts_json.read_text(encoding="utf-8")) == {"fangsong": str(mine)}
    assert label(dialog, "file_fangsong").endswith("仿宋_GB2312.ttf") and reset.isEnabled()
    sample = dialog.findChild(QLabel, "sample_fangsong")
    assert sample.property("family") == "FangSong_GB2312"  # the sample line is drawn in the chosen face
    assert sample.font().family() == "FangSong_GB2312"

    export_pdf(window, qtbot, tmp_path / "mine.pdf")
    doc = read_pdf(tmp_path / "mine.pdf")
    assert field_lines(doc) and all(line.fonts == {"FangSong_GB2312"} for line in field_lines(doc))
    assert doc.embedded["FangSong_GB2312"] and "FandolFang-Regular" not in doc.embedded
    assert window.findChild(QMessageBox, "glyphWarning") is None  # nothing missing, nothing to say

    # The command line reads the same file (PLANBOOK_FONTS is inherited), on a library of its own.
    src, out = tmp_path / "plan.json", tmp_path / "cli.pdf"
    src.write_text(dumps(realistic_plan()), encoding="utf-8")
    assert run_cli("import", src, library=tmp_path / "cli.db").code == 0
    assert (
        run_cli("export", "1", "--format", "pdf", "--layout", "plan", "-o", out, library=tmp_path / "cli.db").code == 0
    )
    assert all(line.fonts == {"FangSong_GB2312"} for line in field_lines(read_pdf(out)))

    # Reset: the bundled face again, in the file and in the next export.
    qtbot.mouseClick(reset, Qt.MouseButton.LeftButton)
    assert json.loads(fonts_json.read_text(encoding="utf-8")) == {}
    assert label(dialog, "file_fangsong").startswith("内置") and not reset.isEnabled()
    export_pdf(window, qtbot, tmp_path / "bundled.pdf")
    assert all(line.fonts == {"FandolFang-Regular"} for line in field_lines(read_pdf(tmp_path / "bundled.pdf")))


def test_ctrl_comma_opens_the_preferences_from_the_edit_menu(windows, qtbot, tmp_path, fonts_json):
    window = open_window(windows, tmp_path)
    assert window.act_preferences in window.findChild(object, "editMenu").actions()
    assert window.act_preferences.text() == "首选项(&F)…"
    qtbot.keyClick(window.tree, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    settle()
    assert window.findChild(PreferencesDialog, "preferencesDialog").isVisible()


def test_the_preferences_built_in_idle_time_show_the_fonts_chosen_meanwhile(windows, qtbot, tmp_path, fonts_json):
    """Issue 19b: a hidden Preferences is built after the window's start, for a fast first open; a fonts.json
    written meanwhile (the command line, another window) is what the first open shows."""
    window = open_window(windows, tmp_path)
    qtbot.waitUntil(lambda: helpmenu.prebuilt(window) is not None, timeout=30000)  # in idle time, by itself
    spare = helpmenu.prebuilt(window)
    assert spare is not None and not spare.isVisible()
    mine = renamed_font(FONT_DIR / "FandolKai-Regular.ttf", tmp_path / "仿宋_GB2312.ttf", "FangSong_GB2312")
    fonts_json.parent.mkdir(exist_ok=True)
    fonts_json.write_text(json.dumps({"fangsong": str(mine)}), encoding="utf-8")

    dialog = open_preferences(window)
    assert dialog is spare and helpmenu.prebuilt(window) is None
    assert label(dialog, "file_fangsong").endswith("仿宋_GB2312.ttf")
    assert dialog.findChild(QLabel, "sample_fangsong").property("family") == "FangSong_GB2312"
    dialog.close()
    settle()
    again = open_preferences(window)  # a new one, as before
    assert label(again, "file_fangsong").endswith("仿宋_GB2312.ttf")


@pytest.mark.parametrize("kind", ["junk", "cff", "no_hanzi"])
def test_a_font_the_pdf_cannot_use_is_refused_and_nothing_is_saved(windows, qtbot, tmp_path, fonts_json, kind):
    fonts_json.parent.mkdir()
    before = json.dumps({"kaiti": str(FONT_DIR / "FandolHei-Regular.ttf")})
    fonts_json.write_text(before, encoding="utf-8")
    if kind == "junk":
        bad, says = tmp_path / "坏字体.ttf", "不是可用的 TrueType 字体文件"
        bad.write_bytes(b"\x00\x01\x00\x00" + b"not a font" * 100)
    elif kind == "cff":
        bad, says = tiny_font(tmp_path / "方正小标宋.otf", "中华", cff=True), "PostScript"
    else:
        bad, says = tiny_font(tmp_path / "latin.ttf", "ABC"), "没有汉字"
    window = open_window(windows, tmp_path)
    dialog = open_preferences(window)
    assert not dialog.choose_font("fangsong", bad)
    box = dialog.findChild(QMessageBox, "fontRefused")
    assert box is not None and box.isVisible()
    assert bad.name in box.text() and "正文（仿宋）" in box.text() and says in box.text()
    assert fonts_json.read_text(encoding="utf-8") == before  # untouched
    assert label(dialog, "file_fangsong").startswith("内置")


def test_a_face_of_a_ttc_collection_is_chosen_by_index(windows, qtbot, tmp_path, fonts_json):
    from fontTools.ttLib import TTFont
    from fontTools.ttLib.ttCollection import TTCollection

    faces = [
        renamed_font(FONT_DIR / "PlanbookPageDigits-Regular.ttf", tmp_path / f"{n}.ttf", n)
        for n in ("SimSun", "NSimSun")
    ]
    collection = TTCollection()
    collection.fonts = [TTFont(f) for f in faces]
    ttc = tmp_path / "simsun.ttc"
    collection.save(ttc)
    window = open_window(windows, tmp_path)
    dialog = open_preferences(window)
    assert dialog.choose_font("song", ttc, index=1)
    assert json.loads(fonts_json.read_text(encoding="utf-8")) == {"song": {"file": str(ttc), "index": 1}}
    assert "NSimSun" in label(dialog, "file_song")
    export_pdf(window, qtbot, tmp_path / "n.pdf")
    numbers = [line for line in read_pdf(tmp_path / "n.pdf").lines if line.text.startswith("—")]
    assert numbers and all(line.fonts == {"NSimSun-1"} for line in numbers)  # reportlab names face 1 so


def test_an_unreadable_fonts_json_is_shown_and_only_replaced_when_asked(windows, qtbot, tmp_path, fonts_json):
    fonts_json.parent.mkdir()
    fonts_json.write_text('{"fangsong": ', encoding="utf-8")
    window = open_window(windows, tmp_path)
    dialog = open_preferences(window)
    problem = dialog.findChild(QLabel, "fontsFileProblem")
    assert problem.isVisible() and "fonts.json" in problem.text() and "无法读取" in problem.text()
    assert not dialog.findChild(QPushButton, "browse_fangsong").isEnabled()
    assert not dialog.choose_font("fangsong", FONT_DIR / "FandolKai-Regular.ttf")
    assert fonts_json.read_text(encoding="utf-8") == '{"fangsong": '  # never overwritten on the quiet

    assert dialog.replace_unreadable(confirm=False)
    assert (fonts_json.parent / "fonts.json.unreadable").read_text(encoding="utf-8") == '{"fangsong": '
    assert not problem.isVisible() and dialog.findChild(QPushButton, "browse_fangsong").isEnabled()
    assert dialog.choose_font("fangsong", FONT_DIR / "FandolKai-Regular.ttf")
    assert json.loads(fonts_json.read_text(encoding="utf-8")) == {"fangsong": str(FONT_DIR / "FandolKai-Regular.ttf")}


def test_exporting_a_character_no_font_has_warns_and_names_it(windows, qtbot, tmp_path, fonts_json):
    plan = realistic_plan()
    plan.preamble = f"联系人：朱{RARE}基；古字{MISSING}不能悄悄消失。"
    window = open_window(windows, tmp_path, plan)
    results = export_pdf(window, qtbot, tmp_path / "通知.pdf", "notice")
    assert results[0][1].missing == [MISSING] and results[0][1].substituted == {"fangsong": [RARE]}
    box = window.findChild(QMessageBox, "glyphWarning")
    assert box is not None and box.isVisible() and box.icon() == QMessageBox.Icon.Warning
    assert "通知.pdf" in box.text() and MISSING in box.text() and "U+20000" in box.text() and "〓" in box.text()
    assert RARE in box.informativeText() and "备用字体" in box.informativeText()
    assert window.isEnabled()  # told, not blocked
    assert "〓" in read_pdf(tmp_path / "通知.pdf").text


def test_a_fallback_face_is_only_noted_in_the_status_bar(windows, qtbot, tmp_path, fonts_json):
    plan = realistic_plan()
    plan.preamble = f"联系人：朱{RARE}基。"
    window = open_window(windows, tmp_path, plan)
    export_pdf(window, qtbot, tmp_path / "x.pdf")
    assert window.findChild(QMessageBox, "glyphWarning") is None
    message = window.statusBar().currentMessage()
    assert "x.pdf" in message and RARE in message and "正文（仿宋）" in message


def test_print_preview_names_missing_characters_above_the_pages(qtbot, tmp_path, fonts_json):
    plan = realistic_plan()
    plan.preamble = f"古字{MISSING}与朱{RARE}基。"
    dialog = PrintPreview(plan)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.ready, timeout=30_000)
    assert dialog.glyph_banner.isVisible() and MISSING in dialog.glyph_banner.text()
    assert "U+20000" in dialog.glyph_banner.text()
    assert RARE in dialog.status.text()  # the fallback face, as a note
    plain = PrintPreview(realistic_plan())
    qtbot.addWidget(plain)
    qtbot.waitUntil(lambda: plain.ready, timeout=30_000)
    assert plain.glyph_banner.isHidden()
