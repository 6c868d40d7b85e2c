"""Round trip through print: each seed, exported as our PDF, as DOCX, as LibreOffice's PDF of that DOCX and as a
Word 97 .doc that LibreOffice saves from it, imports back to the plan it was: the same tree, titles, fields,
numbering mode and notice (发文字号, title, recipients, signers, 成文日期, plan title and year).

The LibreOffice cases skip, saying why, where soffice is not installed.
"""

from __future__ import annotations

import shutil
import subprocess

import pytest

from planbook.core.model import Numbering
from planbook.core.punctuation import cjk_punctuation
from planbook.exporters import EXPORTERS
from planbook.importers import import_with_warnings
from planbook.importers.plaintext import parse_text

from .conftest import SEEDS
from .test_import_kinds import notice_facts, shape

PREFIXES = ["000", "001", "002", "003", "004"]
# How each seed numbers its tasks: 002 is an action plan whose tasks are the （一） items under its sections.
NUMBERING = {
    "000": Numbering.CONTINUOUS,
    "001": Numbering.CONTINUOUS,
    "002": Numbering.OUTLINE,
    "003": Numbering.CONTINUOUS,
    "004": Numbering.PER_SECTION,
}
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """seed prefix → (original plan, folder with {prefix}.pdf, .docx and, with LibreOffice, lo/{prefix}.pdf, .doc)."""
    if not SEEDS.is_dir():
        pytest.skip(f"the seed plans are not at {SEEDS}")
    folder = tmp_path_factory.mktemp("roundtrip")
    plans = {}
    for prefix in PREFIXES:
        plan = parse_text(next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")).plans[0]
        plans[prefix] = plan
        for fmt in ("pdf", "docx"):
            EXPORTERS[fmt](plan, folder / f"{prefix}.{fmt}", "notice")
    if SOFFICE:
        docs = [str(folder / f"{p}.docx") for p in PREFIXES]
        profile = folder / "profile"
        for target, out in (("pdf", folder / "lo"), ("doc:MS Word 97", folder)):
            subprocess.run(
                [
                    SOFFICE,
                    f"-env:UserInstallation=file://{profile}",
                    "--headless",
                    "--convert-to",
                    target,
                    "--outdir",
                    str(out),
                    *docs,
                ],
                check=True,
                capture_output=True,
                timeout=600,
            )
    return plans, folder


@pytest.mark.parametrize("kind", ["pdf", "docx", "lo/pdf", "doc"])
@pytest.mark.parametrize("prefix", PREFIXES)
def test_seed_comes_back_from_print(exported, prefix, kind):
    plans, folder = exported
    if kind in ("lo/pdf", "doc") and not SOFFICE:
        pytest.skip("LibreOffice (soffice) is not installed: it writes the .doc and its own PDF")
    path = folder / (f"lo/{prefix}.pdf" if kind == "lo/pdf" else f"{prefix}.{kind}")
    result = import_with_warnings(path)
    original, back = plans[prefix], result.plans[0]
    assert shape(back) == shape(original)
    assert original.numbering is NUMBERING[prefix]
    assert back.numbering == original.numbering
    assert back.task_count() == original.task_count() > 0
    assert notice_facts(back) == notice_facts(original)
    assert cjk_punctuation(back.preamble) == cjk_punctuation(original.preamble)


def test_scanned_pdf_is_refused_with_what_to_do(tmp_path):
    """A PDF of pictures only (a scan) has no text to import: the clerk is told, no empty plan is made."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.rect(100, 100, 300, 500, fill=1)  # a page with marks on it but no text
    c.showPage()
    c.save()
    with pytest.raises(Exception) as e:
        import_with_warnings(path)
    assert "no text layer" in str(e.value) and "OCR" in str(e.value)


def test_broken_pdf_and_doc_are_refused_in_one_sentence(tmp_path):
    bad_pdf = tmp_path / "bad.pdf"
    bad_pdf.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 100)
    bad_doc = tmp_path / "bad.doc"
    bad_doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    for path in (bad_pdf, bad_doc):
        with pytest.raises(Exception) as e:
            import_with_warnings(path)
        message = str(e.value)
        assert path.name in message and "\n" not in message and "Traceback" not in message


def test_pdf_import_through_the_cli(exported, tmp_path):
    """`planbook import x.pdf` stores the plan, as for any other file."""
    import json

    from .conftest import run_cli

    _, folder = exported
    r = run_cli("import", "--dry-run", "--json", folder / "003.pdf")
    assert r.code == 0, r.err
    plan = json.loads(r.out)["plan"]
    assert plan["notice"]["doc_number"] == "湘教发〔2020〕8号"
    assert len(plan["nodes"]) == 8


def _table_docx(path, numbered: bool) -> None:
    """A plan with a task table (and, if `numbered`, sections numbered by Word's own list numbering)."""
    import docx

    document = docx.Document()
    document.add_paragraph("某县2024年重点工作任务分解")
    for k, heading in enumerate(["一、加强党的建设", "二、推进教育公平"]):
        document.add_paragraph(heading[2:], style="List Number") if numbered else document.add_paragraph(heading)
        table = document.add_table(rows=1, cols=4)
        for cell, text in zip(table.rows[0].cells, ["序号", "工作任务", "牵头单位", "完成时限"]):
            cell.text = text
        for i in range(2):
            row = table.add_row().cells
            row[0].text, row[2].text, row[3].text = str(2 * k + i + 1), "基教科", f"2024年{i + 6}月"
            row[1].text = f"任务{2 * k + i + 1}"
            row[1].add_paragraph("（分两段写的任务）")
    document.save(path)


@pytest.mark.skipif(not SOFFICE, reason="LibreOffice (soffice) is not installed: it writes the .doc files")
def test_doc_with_task_tables_reads_as_its_docx(tmp_path):
    """A .doc with task tables reads as the .docx it was saved from: straight from the text when it has no list
    numbering, through the full conversion when Word numbers its paragraphs."""
    for numbered in (False, True):
        source = tmp_path / f"tables{int(numbered)}.docx"
        _table_docx(source, numbered)
        subprocess.run(
            [
                SOFFICE,
                f"-env:UserInstallation=file://{tmp_path / 'profile'}",
                "--headless",
                "--convert-to",
                "doc:MS Word 97",
                "--outdir",
                str(tmp_path),
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
        from_docx = import_with_warnings(source).plans[0]
        from_doc = import_with_warnings(source.with_suffix(".doc")).plans[0]
        assert shape(from_doc) == shape(from_docx)
        if numbered:  # Word's "List Number" writes 1. 2.: the headings come back as numbered paragraphs
            assert [n.title for n in from_doc.walk()][:1] == ["加强党的建设"]
            continue
        tasks = [n for n in from_doc.walk() if n.kind.value == "task"]
        assert [t.title for t in tasks] == [f"任务{i}（分两段写的任务）" for i in range(1, 5)]
        assert [(f.label, f.value) for f in tasks[3].fields] == [("牵头单位", "基教科"), ("完成时限", "2024年7月")]
        assert [n.title for n in from_doc.nodes] == ["加强党的建设", "推进教育公平"]


def test_word_story_marks_become_paragraphs_and_tables():
    """The quick .doc reading: \\r ends a paragraph, \\x07 a cell, two in a row a row; field codes go, results stay."""
    from planbook.importers.legacy import _FIELD_CODE, _split_story
    from planbook.importers.recognise import TableBlock

    story = (
        "二、重点任务\r序号\x07工作任务\x07牵头单位\x07\x07"
        "1\x07建设智慧校园\r分两期\x07市教育局\x07\x07"
        '2\x07\x13 HYPERLINK "x" \x14建设数据中心\x15\x07市数据局\x0b市财政局\x07\x07'
        "三、保障措施\r加强领导。\r"
    )
    blocks = _split_story(_FIELD_CODE.sub("", story))
    assert blocks[0] == "二、重点任务" and blocks[2:] == ["三、保障措施", "加强领导。"]
    assert isinstance(blocks[1], TableBlock)
    assert blocks[1].rows == [
        ["序号", "工作任务", "牵头单位"],
        ["1", "建设智慧校园\n分两期", "市教育局"],
        ["2", "建设数据中心", "市数据局\n市财政局"],
    ]


@pytest.mark.parametrize("masthead", ["湖南省教育厅", "湖南省教育厅 中共湖南省委教育工作委员会"])
def test_a_red_masthead_without_wenjian_is_read_from_the_pdf(tmp_path, masthead, seeds):
    """A 发文机关标志 that does not end in 文件 (信函格式, joint organs) is known by its red ink, and kept as printed:
    no masthead is proposed in its place."""
    plan = parse_text(next(seeds.glob("003_*.txt")).read_text(encoding="utf-8")).plans[0]
    plan.notice.masthead = masthead
    EXPORTERS["pdf"](plan, tmp_path / "red.pdf", "notice")
    result = import_with_warnings(tmp_path / "red.pdf")
    assert result.plans[0].notice.masthead == masthead
    assert not result.plans[0].notice.masthead_proposed
    assert not any("masthead" in str(w) for w in result.warnings)
