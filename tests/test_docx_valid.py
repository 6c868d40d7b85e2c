"""Every DOCX Planbook writes passes an ECMA-376 schema and semantic check (openxml-audit, no Word needed).

Word refuses or "repairs" a file whose elements are out of schema order or misnamed, which no render here would
show: LibreOffice is lenient. The check is known to catch a single misplaced w:pStyle (tried).
"""

from __future__ import annotations

import json
import zipfile

import pytest
from openxml_audit import OpenXmlValidator

from .conftest import crowded_notice_plan, run_cli
from .test_docx import export_via_cli, full_plan


def problems(path) -> list[str]:
    result = OpenXmlValidator().validate(str(path))
    return [f"{e.description} at {getattr(e, 'path', '')}" for e in result.errors]


def joint_plan():
    plan = full_plan()
    plan.notice.masthead = "湖南省教育厅\n中共湖南省委教育工作委员会文件"
    plan.notice.attachments = "1.任务分解表\n2.进度安排"
    return plan


@pytest.mark.parametrize("layout", ["notice", "plan", "breakdown", "progress"])
@pytest.mark.parametrize("make", [full_plan, joint_plan, crowded_notice_plan])
def test_docx_of_every_layout_opens_cleanly_in_word(tmp_path, layout, make):
    out = export_via_cli(tmp_path, make(), "--layout", layout)
    assert problems(out) == []


@pytest.mark.parametrize("layout", ["notice", "plan", "breakdown", "progress"])
def test_docx_with_the_users_word_font_names_opens_cleanly(tmp_path, word_fonts_json, layout):
    names = {
        "xiaobiaosong": "方正小标宋_GBK",
        "fangsong": "方正仿宋_GBK",
        "heiti": "方正黑体_GBK",
        "kaiti": "方正楷体_GBK",
        "song": "华文中宋",
    }
    word_fonts_json.parent.mkdir()
    word_fonts_json.write_text(json.dumps(names, ensure_ascii=False), encoding="utf-8")
    out = export_via_cli(tmp_path, joint_plan(), "--layout", layout)
    with zipfile.ZipFile(out) as z:
        table = z.read("word/fontTable.xml").decode("utf-8")
    assert all(f'w:name="{name}"' in table for name in names.values())
    assert problems(out) == []


def test_seed_docx_open_cleanly(seeds, tmp_path):
    lib = tmp_path / "lib.db"
    assert run_cli("import", seeds, library=lib).code == 0
    for plan_id in range(1, 6):
        out = tmp_path / f"{plan_id}.docx"
        assert run_cli("export", str(plan_id), "--format", "docx", "-o", out, library=lib).code == 0
        assert problems(out) == [], plan_id


def test_the_check_catches_a_misplaced_element(tmp_path):
    good = export_via_cli(tmp_path, full_plan())
    bad = tmp_path / "bad.docx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(b"<w:pPr><w:pStyle w:val=", b"<w:pPr><w:keepLines/><w:pStyle w:val=", 1)
            dst.writestr(item, data)
    assert any("pStyle" in p for p in problems(bad))
