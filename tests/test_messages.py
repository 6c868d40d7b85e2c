"""The core's messages: English templates with fields, every one translated, shown in the interface language."""

from __future__ import annotations

import copy
import re
import runpy
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from planbook.core.errors import FormatError, LibraryError, PlanbookError
from planbook.core.library import PROBLEMS
from planbook.core.messages import QT_TRANSLATE_NOOP, Message
from planbook.gui.app import install_translations
from planbook.gui.messages import describe

from .conftest import run_cli

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = runpy.run_path(str(ROOT / "scripts" / "update_translations.py"))
TS = SCRIPT["TS"]


def entries(ts: Path) -> dict[tuple[str, str], tuple[str, str | None]]:
    """(context, source) → (translation, its type attribute: None once finished)."""
    out = {}
    for context in ET.parse(ts).getroot():
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            out[(name, message.findtext("source"))] = (translation.text or "", translation.get("type"))
    return out


def fields(text: str) -> set[str]:
    return set(re.findall(r"\{(\w*)", text.replace("{{", "").replace("}}", "")))


def test_every_message_is_translated_and_the_qm_is_current(tmp_path):
    """lupdate over the same sources (the core's marked messages included) finds nothing the committed .ts lacks,
    every entry has a finished Chinese translation naming the same fields, and the .qm is that .ts compiled."""
    fresh = tmp_path / TS.name
    shutil.copy(TS, fresh)
    subprocess.run(
        [
            SCRIPT["tool"]("pyside6-lupdate"),
            *SCRIPT["sources"](),
            "-no-obsolete",
            "-source-language",
            "en",
            "-target-language",
            "zh_CN",
            "-ts",
            str(fresh),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    found, committed = entries(fresh), entries(TS)
    assert found == committed, "run scripts/update_translations.py and translate the new entries"
    assert sum(context == "Messages" for context, _ in found) > 100  # the core's messages are collected
    unfinished = [source for (_, source), (text, kind) in found.items() if kind is not None or not text.strip()]
    assert unfinished == []
    mismatched = [
        (source, text)
        for (context, source), (text, _) in found.items()
        if context == "Messages" and fields(source) != fields(text)
    ]
    assert mismatched == []
    qm = tmp_path / "check.qm"
    subprocess.run([SCRIPT["tool"]("pyside6-lrelease"), str(TS), "-qm", str(qm)], check=True, capture_output=True)
    assert qm.read_bytes() == TS.with_suffix(".qm").read_bytes(), "the committed .qm is not the committed .ts"


def test_the_translation_sources_are_every_module_that_marks_text():
    """A module in a subpackage (importers/recognise/) is read too: its messages once fell out of the .ts."""
    marked = {
        str(p.relative_to(ROOT))
        for p in (ROOT / "planbook").rglob("*.py")
        if re.search(r"QT_TRANSLATE_NOOP\(|self\.tr\(", p.read_text(encoding="utf-8"))
    }
    assert marked - set(SCRIPT["sources"]()) == set()


@pytest.fixture
def chinese(qapp):
    translators = install_translations(qapp, "zh")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


def test_an_error_keeps_its_template_and_fields_and_reads_english_as_str():
    error = FormatError(
        QT_TRANSLATE_NOOP("Messages", "{name} is {size:.1f} MB, too large for a plan (at most {limit} MB)"),
        name="计划{1}.txt",
        size=51.25,
        limit=50,
    )
    assert str(error) == "计划{1}.txt is 51.2 MB, too large for a plan (at most 50 MB)"
    assert error.message.template.startswith("{name} is {size:.1f} MB")
    assert error.message.fields == {"name": "计划{1}.txt", "size": 51.25, "limit": 50}
    again = copy.deepcopy(error.message)  # copies (and pickles) rebuild the message, not just the sentence
    assert (again, again.template, again.fields) == (error.message, error.message.template, error.message.fields)


def test_describe_translates_the_template_and_nested_messages_but_not_the_values(chinese):
    error = FormatError(
        QT_TRANSLATE_NOOP("Messages", "{name} is {size:.1f} MB, too large for a plan (at most {limit} MB)"),
        name="计划{1}.txt",
        size=51.25,
        limit=50,
    )
    assert describe(error) == "计划{1}.txt 有 51.2 MB，作为方案文件过大（最多 50 MB）"
    nested = LibraryError(
        QT_TRANSLATE_NOOP("Messages", "cannot open the library {path}: {reason}"),
        path=Path("/data/plans.db"),
        reason=PROBLEMS["disk_full"],
    )
    assert str(nested) == (
        "cannot open the library /data/plans.db: the disk is full: free some space and try again (nothing was changed)"
    )
    assert describe(nested) == "无法打开方案库 /data/plans.db：磁盘已满：请释放一些空间后重试（未作任何更改）"
    assert describe(ValueError("not ours")) == "not ours"  # anything else is shown as it is


def test_a_missing_or_broken_translation_falls_back_to_english(chinese, qapp):
    untranslated = PlanbookError("{name} has no translation yet", name="甲.txt")
    assert describe(untranslated) == "甲.txt has no translation yet"

    class Broken(QTranslator):  # a translation that names a field the template does not have
        def translate(self, context, source, disambiguation=None, n=-1):
            return "{nothing}：坏了" if context == "Messages" else ""

        def isEmpty(self):  # noqa: N802 - Qt's name
            return False

    broken = Broken()
    qapp.installTranslator(broken)
    try:
        assert QCoreApplication.translate("Messages", "{name} is empty") == "{nothing}：坏了"
        assert (
            describe(FormatError(QT_TRANSLATE_NOOP("Messages", "{name} is empty"), name="空.txt")) == "空.txt is empty"
        )
    finally:
        qapp.removeTranslator(broken)


def test_warnings_are_messages_and_the_cli_prints_them_in_english(tmp_path, library):
    from planbook.importers import import_with_warnings

    source = tmp_path / "跳号.txt"
    source.write_text("某局2021年工作要点\n一、加强党建\n1.抓学习。\n3.抓培训。\n", encoding="utf-8")
    warning = import_with_warnings(source).warnings[0]
    assert isinstance(warning, Message) and warning.fields["problem"].template == "skips {number}"
    r = run_cli("import", source, library=library)
    assert r.code == 0 and f"planbook: 跳号.txt: warning: {warning}\n" in r.err
    assert "the source numbering skips 2" in r.err


def test_no_translation_call_hides_inside_an_f_string():
    """lupdate does not read f-strings: a tr() or translate() inside one is never extracted, so never translated
    (seen once: the export links stayed English in the Chinese window)."""
    import ast

    from .conftest import ROOT

    hidden = []
    for path in sorted((ROOT / "planbook").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr):
                for inner in ast.walk(node):
                    if isinstance(inner, ast.Call) and getattr(inner.func, "attr", getattr(inner.func, "id", "")) in (
                        "tr",
                        "translate",
                        "QT_TRANSLATE_NOOP",
                    ):
                        hidden.append(f"{path.relative_to(ROOT)}:{inner.lineno}")
    assert hidden == []
