"""The window shows the core's errors and warnings in its own language: Chinese by default, English with --lang en."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from planbook.gui.importpreview import ImportPreview

from .test_gui_search import type_query

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)  # what an old Word .doc starts with

SAID = {
    "zh": {
        "old": "旧通知.docx 是旧版 Word .doc 文件，不是 .docx 文件；请用 Word 或 WPS 打开后另存为 .docx",
        "binary": "扫描件.txt 是二进制文件，不是文本文件",
        "skipped": "原文编号跳过了2，已按位置编为“2.”",
        "not imported": "未导入：",
        "query": "年份写法不对：abc（例如 年度:2019 或 年度:2017-2020）",
    },
    "en": {
        "old": "旧通知.docx is an old Word .doc file, not .docx; open it in Word or WPS and save as .docx",
        "binary": "扫描件.txt is a binary file, not text",
        "skipped": "the source numbering skips 2; numbered “2.” by position",
        "not imported": "Not imported: ",
        "query": "not a year: year:abc (e.g. year:2019 or year:2017-2020)",
    },
}


@pytest.fixture
def files(tmp_path):
    old = tmp_path / "旧通知.docx"
    old.write_bytes(OLE)
    binary = tmp_path / "扫描件.txt"
    binary.write_bytes(b"\x00\x01\x02scan\x00" * 50)
    skipped = tmp_path / "跳号.txt"
    skipped.write_text("某局2021年工作要点\n一、加强党建\n1.抓学习。\n3.抓培训。\n", encoding="utf-8")
    return [old, binary, skipped]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_import_errors_and_warnings_in_the_preview_speak_the_interface_language(windows, qtbot, files, lang):
    said = SAID[lang]
    w = windows.open(lang=lang)
    w.imports.import_files(files)
    qtbot.waitUntil(lambda: w.findChild(ImportPreview) is not None, timeout=20000)
    preview = w.findChild(ImportPreview)
    lines = [preview.problems.item(i).text() for i in range(preview.problems.count())]
    assert lines[0] == f"{said['not imported']}{said['old']}"  # the file named once, by the reason itself
    assert lines[1] == f"{said['not imported']}{said['binary']}"
    assert lines[2].startswith("跳号.txt") and said["skipped"] in lines[2]  # a nested reason translated too
    preview.reject()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_failed_import_is_reported_in_the_interface_language(windows, qtbot, files, lang):
    w = windows.open(lang=lang)
    with qtbot.waitSignal(w.importFinished, timeout=20000) as done:
        w.imports.import_files(files[:2], preview=False)
    assert str(done.args[0][0][2]).startswith("旧通知.docx is an old Word .doc file")  # the report keeps the English
    text = w.findChild(QMessageBox, "warningBox").text()
    said = SAID[lang]
    assert f"{said['not imported']}{said['old']}" in text and f"{said['not imported']}{said['binary']}" in text


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_query_the_search_cannot_read_is_explained_in_the_interface_language(windows, qtbot, lang):
    w = windows.open(lang=lang)
    type_query(qtbot, w, "year:abc")
    assert w.search_panel.summary.text() == SAID[lang]["query"]
