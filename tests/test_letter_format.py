"""信函格式 (GB/T 9704-2012 10.1) beside the 文件格式: the head's geometry read back from our PDF (pdfplumber), from
the DOCX's XML and from LibreOffice's rendering of the DOCX; stored, exchanged and drafted; 发文前检查's rules for it.

Numbers (../shared/reference/gbt9704.md §9): the mark's top edge 30 mm from the paper's top, centred; a red double
line (thick over thin) 4 mm under it and another (thin over thick) 20 mm above the paper's bottom edge, both 170 mm
long; the 发文字号 顶格 at the type area's right edge, its top 7/8 of a 3号 height under the line; the title 2 lines
under it; no page number on page 1; no 印发 row and no separator lines in the 版记.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pdfplumber
import pytest

from planbook.core.checks import check_plan
from planbook.core.drafting import next_year_plan
from planbook.core.exchange import dumps, loads
from planbook.core.issuing import fill_masthead
from planbook.core.library import Library
from planbook.core.model import DocFormat, Plan
from planbook.exporters.docx_writer import LETTER_MARK_NUDGE_EM, export_docx
from planbook.exporters.pdf_writer import write_pdf
from planbook.layout import Imprint, LetterHead, Masthead, Rule, build_document

from .conftest import ROOT, run_cli, sample_plan

MM = 72 / 25.4
LEFT_MM, RIGHT_MM, TOP_MM, BOTTOM_MM = 28.0, 184.0, 37.0, 262.0
CENTRE_MM = (LEFT_MM + RIGHT_MM) / 2
EM_ASCENT = 0.88
RENDER = ROOT / "scripts" / "render_docx.py"
needs_lo = pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdftoppm")), reason="LibreOffice and poppler are needed to render"
)


def letter_plan(masthead: str = "某市教育局办公室文件", doc_format: DocFormat = DocFormat.LETTER) -> Plan:
    plan = sample_plan()
    n = plan.notice
    n.masthead = masthead
    n.doc_number = "某教办函〔2021〕12号"
    n.signers = ["某市教育局办公室"]
    n.signed_on = dt.date(2021, 3, 6)
    n.cc = "市政府办公室，市委教育工委。"
    n.printed_by, n.printed_on = "某市教育局办公室", dt.date(2021, 3, 8)
    n.doc_format = doc_format
    return plan


# ---- the layout -----------------------------------------------------------------------------------------------


def test_letter_head_replaces_masthead_and_rule():
    blocks = build_document(letter_plan())
    heads = [b for b in blocks if isinstance(b, LetterHead)]
    assert len(heads) == 1 and heads[0].name == "某市教育局办公室"  # the name alone, no 文件
    assert not [b for b in blocks if isinstance(b, Masthead | Rule)]
    i = blocks.index(heads[0])
    assert blocks[i + 1].kind == "doc_number" and blocks[i + 1].style == "letter_doc_number"
    imprint = next(b for b in blocks if isinstance(b, Imprint))
    assert (imprint.printed_by, imprint.printed_on, imprint.rules) == ("", "", False)
    assert imprint.cc == "抄送：市政府办公室，市委教育工委。"


def test_joint_letter_shows_the_host_organ_only():
    blocks = build_document(letter_plan("中共某市委教育工作委员会 某市教育局文件"))
    assert next(b for b in blocks if isinstance(b, LetterHead)).name == "中共某市委教育工作委员会"


def test_file_format_is_unchanged():
    blocks = build_document(letter_plan(doc_format=DocFormat.FILE))
    assert any(isinstance(b, Masthead) for b in blocks) and any(isinstance(b, Rule) for b in blocks)
    assert not any(isinstance(b, LetterHead) for b in blocks)
    imprint = next(b for b in blocks if isinstance(b, Imprint))
    assert imprint.rules and imprint.printed_on == "2021年3月8日印发"


# ---- geometry, read back from a PDF (ours, or LibreOffice's rendering of the DOCX) ------------------------------


def head_geometry(pdf_path: Path) -> dict:
    """Page 1's red lines and its first text lines, in mm from the paper's top-left."""
    with pdfplumber.open(pdf_path) as pdf:
        pages = len(pdf.pages)
        page = pdf.pages[0]
        lines = sorted(
            [(o["top"] / MM, o["x0"] / MM, o["x1"] / MM, o.get("linewidth") or 0) for o in page.lines],
            key=lambda r: r[0],
        )
        rows: dict[int, list] = {}
        for c in page.chars:
            rows.setdefault(round(c["top"]), []).append(c)
        text = [
            {
                "text": "".join(c["text"] for c in cs).replace(" ", ""),
                # The em box's top from the baseline (the bundled faces' em: 880 above, 120 below): LibreOffice's PDF
                # gives its characters a box of another height, so pdfplumber's own "top" would not compare.
                "top": min(page.height - c["matrix"][5] - EM_ASCENT * c["size"] for c in cs) / MM,
                "x0": min(c["x0"] for c in cs) / MM,
                "x1": max(c["x1"] for c in cs) / MM,
                "size": cs[0]["size"],
            }
            for cs in (sorted(r, key=lambda c: c["x0"]) for _, r in sorted(rows.items()))
        ]
        numbers = ["".join(c["text"] for c in p.chars if c["top"] / MM > BOTTOM_MM).replace(" ", "") for p in pdf.pages]
    return {"pages": pages, "lines": lines, "text": text, "page_numbers": numbers}


def assert_letter_geometry(g: dict, tol: float) -> None:
    mark, number, title = g["text"][:3]
    assert mark["text"] == "某市教育局办公室" and mark["size"] == pytest.approx(42, abs=0.1)
    assert mark["top"] == pytest.approx(30, abs=tol)  # 上边缘至上页边为30mm
    assert (mark["x0"] + mark["x1"]) / 2 == pytest.approx(CENTRE_MM, abs=tol)
    (t1, a0, a1, w1), (t2, b0, b1, w2), (t3, c0, c1, w3), (t4, d0, d1, w4) = g["lines"]
    for x0, x1 in ((a0, a1), (b0, b1), (c0, c1), (d0, d1)):
        assert x1 - x0 == pytest.approx(170, abs=0.1)  # 线长均为170mm
        assert (x0 + x1) / 2 == pytest.approx(CENTRE_MM, abs=0.1)
    assert w1 > w2 and w3 < w4  # upper: 上粗下细; lower: 上细下粗
    mark_bottom = mark["top"] + 42 / MM
    assert t1 - w1 / 2 / MM - mark_bottom == pytest.approx(4, abs=tol)  # 发文机关标志下4mm
    assert 0 < t2 - t1 < 1.2 and 0 < t4 - t3 < 1.2
    assert 297 - (t4 + w4 / 2 / MM) == pytest.approx(20, abs=tol)  # 距下页边20mm
    assert number["text"] == "某教办函〔2021〕12号"
    assert number["x1"] == pytest.approx(RIGHT_MM, abs=0.3)  # 顶格居版心右边缘
    assert number["top"] - (t2 + w2 / 2 / MM) == pytest.approx(16 * 7 / 8 / MM, abs=tol)  # 3号汉字高度的7/8
    assert title["text"].startswith("关于印发") and title["size"] == pytest.approx(22, abs=0.1)
    # 与其上最后一个要素相距2行: three grid lines down, less the 2号 em box's larger share of its line.
    assert title["top"] - number["top"] == pytest.approx((3 * 28.95 - (22 - 16) / 2) / MM, abs=1.0)
    assert g["page_numbers"][0] == ""  # 首页不显示页码
    assert g["page_numbers"][1] == "—2—"


def assert_file_geometry(g: dict, tol: float) -> None:
    mark, number = g["text"][:2]
    assert mark["text"] == "某市教育局办公室文件"
    assert mark["top"] == pytest.approx(TOP_MM + 35, abs=tol)  # 版心上边缘下35mm
    (rule, x0, x1, _w), *_ = g["lines"]
    assert (x0, x1) == (pytest.approx(LEFT_MM, abs=0.3), pytest.approx(RIGHT_MM, abs=0.3))
    assert (number["x0"] + number["x1"]) / 2 == pytest.approx(CENTRE_MM, abs=tol)
    assert rule - (number["top"] + 16 / MM) == pytest.approx(4, abs=0.6)  # 发文字号之下4mm
    assert g["page_numbers"][0] == "—1—"


def test_letter_geometry_in_our_pdf(tmp_path):
    out = tmp_path / "letter.pdf"
    write_pdf(letter_plan(), out)
    assert_letter_geometry(head_geometry(out), tol=0.05)


def test_file_geometry_in_our_pdf(tmp_path):
    out = tmp_path / "file.pdf"
    write_pdf(letter_plan(doc_format=DocFormat.FILE), out)
    assert_file_geometry(head_geometry(out), tol=0.3)


def test_letter_docx_xml(tmp_path):
    out = tmp_path / "letter.docx"
    export_docx(letter_plan(), out)
    xml = zipfile.ZipFile(out).read("word/document.xml").decode()
    frames = xml.count("<w:framePr ")
    assert frames == 3 + 1  # mark, two double lines; the 抄送 row
    # The mark's frame 30 mm (1701 twips) from the top, plus LibreOffice's offset for a line of exact height.
    assert f'w:y="{1701 + round(LETTER_MARK_NUDGE_EM * 42 * 20)}"' in xml
    assert xml.count('w:w="9638"') == 3  # 170 mm
    assert "<w:titlePg/>" in xml  # page 1 has its own footer, empty: no page number
    assert "印发" not in xml.split("抄送")[-1]


@needs_lo
@pytest.mark.parametrize("doc_format", [DocFormat.LETTER, DocFormat.FILE])
def test_geometry_in_libreoffice(tmp_path, doc_format):
    src = tmp_path / "plan.json"
    src.write_text(dumps(letter_plan(doc_format=doc_format)), encoding="utf-8")
    r = subprocess.run(
        [sys.executable, RENDER, src, "-o", tmp_path, "--dpi", "40"], capture_output=True, text=True, timeout=300
    )
    assert r.returncode == 0, r.stderr
    g = head_geometry(Path(r.stdout.splitlines()[0]))
    if doc_format is DocFormat.LETTER:
        assert_letter_geometry(g, tol=0.6)
    else:
        assert_file_geometry(g, tol=0.6)


# ---- stored, exchanged, drafted, proposed, checked ----------------------------------------------------------------


def test_doc_format_is_stored_exchanged_and_drafted(tmp_path):
    plan = letter_plan()
    with Library.open(tmp_path / "lib.db") as lib:
        pid = lib.add_plan(plan)
        assert lib.load_plan(pid).notice.doc_format is DocFormat.LETTER
        lib.update_plan(pid, {"notice.doc_format": DocFormat.FILE})
        assert lib.load_plan(pid).notice.doc_format is DocFormat.FILE
    assert loads(dumps(plan)).notice.doc_format is DocFormat.LETTER
    assert '"doc_format"' not in dumps(letter_plan(doc_format=DocFormat.FILE))  # the default writes nothing new
    assert next_year_plan(plan).notice.doc_format is DocFormat.LETTER


def test_letter_masthead_proposed_as_the_host_organs_name():
    plan = letter_plan(masthead="")
    plan.notice.signers = ["某市教育局办公室", "某市财政局办公室"]
    assert fill_masthead(plan) and plan.notice.masthead == "某市教育局办公室"
    plan.notice.doc_format = DocFormat.FILE
    plan.notice.masthead = ""
    assert fill_masthead(plan) and plan.notice.masthead == "某市教育局办公室 某市财政局办公室文件"


def _findings(plan: Plan) -> list[tuple[str, object, str]]:
    return [(str(f.severity), f.where, str(f.message)) for f in check_plan(None, plan)]


def test_checks_for_the_letter_format():
    letter = letter_plan("中共某市委教育工作委员会 某市教育局文件")
    found = _findings(letter)
    assert any(w == "notice.masthead" and "某市教育局" in m and "信函格式" in m for _, w, m in found)
    assert any(w == "notice.printed_by" and "印发" in m for _, w, m in found)
    # A 函's number in the 文件格式 is a slip the check names.
    file = letter_plan(doc_format=DocFormat.FILE)
    assert any(w == "notice.doc_format" and "某教办函〔2021〕12号" in m for _, w, m in _findings(file))
    file.notice.doc_number = "某教发〔2021〕12号"
    assert not any(w == "notice.doc_format" for _, w, m in _findings(file))
    # No masthead: an error in either format, as before.
    letter.notice.masthead = ""
    assert any(s == "error" and w == "notice.masthead" for s, w, _ in _findings(letter))


def test_cli_sets_the_letter_format_and_every_fixed_layout_prints_it(tmp_path):
    library = tmp_path / "lib.db"
    with Library.open(library) as lib:
        pid = lib.add_plan(letter_plan(doc_format=DocFormat.FILE))
    result = run_cli("issue", pid, "--doc-format", "letter", library=library)
    assert result.code == 0 and "format: letter" in result.out
    with Library.open(library) as lib:
        assert lib.load_plan(pid).notice.doc_format is DocFormat.LETTER
    out = tmp_path / "notice.ofd"
    assert run_cli("export", pid, "--format", "ofd", "-o", out, library=library).code == 0
    with zipfile.ZipFile(out) as ofd:
        page1 = next(ofd.read(n).decode() for n in sorted(ofd.namelist()) if n.endswith("Content.xml"))
    assert "某市教育局办公室" in page1 and "某市教育局办公室文件" not in page1  # the letter's mark, no 文件


def _copy_no_line(pdf_path: Path) -> list[dict]:
    g = head_geometry(pdf_path)
    return [t for t in g["text"] if "000123" in t["text"] or "某教办函" in t["text"]]


@pytest.mark.parametrize("writer", ["pdf", pytest.param("libreoffice", marks=needs_lo)])
def test_copy_number_and_doc_number_share_the_first_line(tmp_path, writer):
    """10.1: 份号 (and 密级, 紧急程度 under it) 顶格 at the left, 发文字号 顶格 at the right, both 7/8 of a 3号 height
    under the double line."""
    plan = letter_plan()
    plan.notice.copy_no, plan.notice.classification = "000123", "秘密★1年"
    if writer == "pdf":
        out = tmp_path / "letter.pdf"
        write_pdf(plan, out)
    else:
        src = tmp_path / "plan.json"
        src.write_text(dumps(plan), encoding="utf-8")
        r = subprocess.run(
            [sys.executable, RENDER, src, "-o", tmp_path, "--dpi", "40"], capture_output=True, text=True, timeout=300
        )
        assert r.returncode == 0, r.stderr
        out = Path(r.stdout.splitlines()[0])
    (line,) = _copy_no_line(out)
    assert line["text"] == "000123某教办函〔2021〕12号"
    assert line["x0"] == pytest.approx(LEFT_MM, abs=0.3) and line["x1"] == pytest.approx(RIGHT_MM, abs=0.3)
    g = head_geometry(out)
    rule_bottom = g["lines"][1][0] + g["lines"][1][3] / 2 / MM
    assert line["top"] - rule_bottom == pytest.approx(16 * 7 / 8 / MM, abs=0.6)
    following = g["text"][g["text"].index(line) + 1]
    assert following["text"] == "秘密★1年" and following["x0"] == pytest.approx(LEFT_MM, abs=0.3)
