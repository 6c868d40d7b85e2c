"""The PDF export, read back: page size, fonts, the 版头 geometry, the grid, 禁则, page numbers, nothing lost."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planbook.core.errors import PlanbookError
from planbook.core.exchange import dumps
from planbook.core.model import Field, Node, NodeKind, Plan
from planbook.exporters.pdf_writer import Fonts, render, write_pdf
from planbook.layout import (
    Imprint,
    Masthead,
    Paragraph,
    Signature,
    TitleLines,
    build_document,
    masthead,
)
from planbook.layout.linebreak import NO_END, NO_START, OPENERS, SQUEEZABLE
from planbook.layout.styles import cjk_punctuation

from .conftest import run_cli, sample_plan, task
from .pdfcheck import LEFT_MM, MM, TOP_MM, TYPE_H_MM, TYPE_W_MM, PdfDoc, read_pdf

RARE_NAMES = "朱镕基、王喆、张珺、李堃"
TYPE_BOTTOM_MM = TOP_MM + TYPE_H_MM


@pytest.fixture(autouse=True)
def no_user_fonts(tmp_path: Path, monkeypatch) -> None:
    """A developer's own fonts.json must not change what these tests see."""
    monkeypatch.setenv("PLANBOOK_FONTS", str(tmp_path / "no-fonts.json"))


def full_plan() -> Plan:
    plan = sample_plan(sections=4, tasks_per_section=5)
    n = plan.notice
    n.signed_on = dt.date(2021, 3, 5)
    n.annotation = "（此件公开发布）"
    n.cc = "市委办公室，市政府办公室"
    n.printed_by = "某市教育局办公室"
    n.printed_on = dt.date(2021, 3, 9)
    n.body = "现将《某市教育局2021年工作要点》印发给你们，请结合实际认真贯彻落实。\n联系人：" + RARE_NAMES + "。"
    plan.preamble = (
        "2021年全市教育工作的总体要求是：坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的教育方针，"
        "落实立德树人根本任务，推进“互联网+教育”和5G应用——提高质量……为建设教育强市作出新贡献。"
    )
    long = Node(
        NodeKind.SECTION,
        "深化教育改革",
        children=[
            task(
                "推进教育信息化2.0试点建设。",
                "统筹加强线上教学所需的手机流量、电视频道、专项经费等条件保障（含“三个课堂”），"
                "整合优化市级教学平台，实施《某市智慧教育行动计划（2021—2023年）》，覆盖率达到95.5%以上。",
                目标任务="全面推进教育信息化。",
                责任单位="规划科、基教科",
            ),
        ],
    )
    plan.nodes.append(long)
    plan.closing = "在完成上述工作的同时，扎实做好请示报告、政务公开、信息报送、机要保密等工作。"
    return plan


def export(plan: Plan, tmp_path: Path, layout: str = "notice") -> PdfDoc:
    out = tmp_path / f"{layout}.pdf"
    write_pdf(plan, out, layout)
    return read_pdf(out)


def body_lines(doc: PdfDoc):
    """Lines set in 三号 inside the 版心 (not the masthead, titles, 版记 or page numbers)."""
    return [line for line in doc.lines if abs(line.size - 16) < 0.1 and TOP_MM <= line.baseline_mm <= TYPE_BOTTOM_MM]


def expected_texts(plan: Plan, layout: str) -> list[str]:
    """Every piece of text the shared layout asks for, in document order."""
    out: list[str] = []
    for b in build_document(plan, layout):
        match b:
            case Masthead():
                out += [*b.names, b.suffix]
            case TitleLines():
                out += b.lines
            case Paragraph():
                out.append(b.text)
            case Signature():
                out += [s.text for s in b.signers] + ([b.date.text] if b.date else [])
            case Imprint():
                out += [b.cc, b.printed_by, b.printed_on]
    return [re.sub(r"\s+", "", t) for t in out if t.strip()]


def check_document(doc: PdfDoc, plan: Plan, layout: str) -> None:
    """What every exported PDF must satisfy (GB/T 9704 and the 禁则), whatever the plan."""
    assert all(w == pytest.approx(595.28, abs=0.1) and h == pytest.approx(841.89, abs=0.1) for w, h in doc.pages)
    assert doc.embedded and all(doc.embedded.values()), doc.embedded
    # Nothing lost, everything in order: each expected text is found after the previous one.
    text = re.sub(r"\s+", "", "".join(line.text for line in doc.lines if line.size != 14 or "—" not in line.text))
    pos = 0
    for piece in expected_texts(plan, layout):
        found = _find_spread(text, piece, pos)
        assert found >= 0, f"missing or out of order: {piece[:30]!r}"
        pos = found
    lines = body_lines(doc)
    for line in lines:
        assert line.grid_cells <= 28, (line.page, line.text, line.grid_cells)
        assert line.x0_mm >= LEFT_MM - 0.5 and ink_right_mm(line) <= LEFT_MM + TYPE_W_MM + 0.5, (line.page, line.text)
        assert line.text[0] not in NO_START, (line.page, line.text)
        assert line.text[-1] not in NO_END, (line.page, line.text)
    unnumbered = [
        n for n in range(1, len(doc.pages) + 1) if not any(re.fullmatch(r"—\d+—", line.text) for line in doc.on_page(n))
    ]
    if unnumbered:  # 7.5: a blank page before the 版记 page, and that page, carry no number
        last = len(doc.pages)
        assert unnumbered == [last - 1, last] and last % 2 == 0 and not doc.on_page(last - 1), unnumbered
        assert {line.size for line in doc.on_page(last)} == {14}  # the 版记 alone
    for n in range(1, len(doc.pages) + 1):
        assert len([line for line in lines if line.page == n]) <= 22
        if n in unnumbered:
            continue
        numbers = [line for line in doc.on_page(n) if re.fullmatch(r"—\d+—", line.text)]
        assert [line.text for line in numbers] == [f"—{n}—"], n
        number = numbers[0]
        # The dash's top 7 mm below the 版心: its baseline is 7 mm + 0.293 em of 14 pt lower.
        assert number.baseline_mm == pytest.approx(TYPE_BOTTOM_MM + 7 + 0.293 * 14 / MM, abs=0.3)
        if n % 2:
            assert number.x1_mm == pytest.approx(LEFT_MM + TYPE_W_MM - 14 / MM, abs=1.0)  # 右空一字
        else:
            assert number.x0_mm == pytest.approx(LEFT_MM + 14 / MM, abs=1.0)  # 左空一字


def ink_right_mm(line) -> float:
    """Right end of a line's ink: a closing mark squeezed to half a cell keeps its 1-em advance in the PDF, but its
    glyph fills only the left half."""
    last = line.chars[-1]
    if last["text"] in SQUEEZABLE and last["text"] not in OPENERS:
        return (last["x0"] + (last["x1"] - last["x0"]) / 2) / MM
    return line.x1_mm


def _find_spread(text: str, piece: str, start: int) -> int:
    """Index where `piece` starts in `text` at or after `start`; lines of one paragraph may be interleaved with
    nothing else, so a plain find is enough once whitespace is gone."""
    return text.find(piece, start)


# -------------------------------------------------------------------------------------------------------- tests
def test_cli_exports_the_notice_with_its_plan(tmp_path: Path, library: Path) -> None:
    plan = full_plan()
    src = tmp_path / "plan.json"
    src.write_text(dumps(plan), encoding="utf-8")
    assert run_cli("import", src, library=library).code == 0
    out = tmp_path / "通知.pdf"
    result = run_cli("export", "1", "--format", "pdf", "--layout", "notice", "-o", out, library=library)
    assert result.code == 0, result.err
    assert "镕" in result.err  # the substitution of rare characters is reported
    doc = read_pdf(out)
    check_document(doc, plan, "notice")
    assert len(doc.pages) >= 3
    # Masthead: red, 小标宋 stand-in, em-box top 35 mm below the 版心 top (72 mm from the paper top).
    mast = [line for line in doc.on_page(1) if line.text == plan.notice.masthead]
    assert len(mast) == 1
    size = masthead(plan.notice.masthead).size_pt
    assert mast[0].baseline_mm - 0.88 * size / MM == pytest.approx(TOP_MM + 35, abs=0.3)
    assert all(tuple(c["non_stroking_color"]) == (0, 1, 1, 0) for c in mast[0].chars)
    assert mast[0].fonts == {"PlanbookTitleSerif-Regular"}
    # Red rule 4 mm under the doc number's ink.
    docno = next(line for line in doc.on_page(1) if line.text == plan.notice.doc_number)
    assert docno.fonts == {"FandolFang-Regular"}
    # Rare name characters are drawn, with the fallback face.
    rare = [c for line in doc.lines for c in line.chars if c["text"] in "镕喆珺堃"]
    assert sorted(c["text"] for c in rare) == sorted("镕喆珺堃")
    assert {c["fontname"].split("+")[-1] for c in rare} == {"PlanbookFallbackSerif-Regular"}
    # Headings: 黑体 for 一、, 楷体 for （一）; the 版记 at the foot of the last page.
    assert any(line.text.startswith("一、") and line.fonts == {"FandolHei-Regular"} for line in doc.lines)
    assert any(line.text.startswith("（一）") and "FandolKai-Regular" in line.fonts for line in doc.lines)
    last = doc.on_page(len(doc.pages))
    printed = next(line for line in last if line.text.startswith(plan.notice.printed_by))
    assert printed.size == 14
    assert printed.text.endswith("2021年3月9日印发")
    assert printed.baseline_mm > TYPE_BOTTOM_MM - 10.2  # the last row of the 版心


def test_red_rule_and_title_positions(tmp_path: Path) -> None:
    plan = full_plan()
    out = tmp_path / "n.pdf"
    write_pdf(plan, out, "notice")
    import pdfplumber

    with pdfplumber.open(out) as pdf:
        page = pdf.pages[0]
        red = [ln for ln in page.lines if tuple(ln["stroking_color"]) == (0, 1, 1, 0)]
        docno = [c for c in page.chars if c["text"] == "号" and c["size"] == 16]
    assert len(red) == 1
    rule = red[0]
    assert rule["x0"] / MM == pytest.approx(LEFT_MM, abs=0.1) and rule["x1"] / MM == pytest.approx(184, abs=0.1)
    # 4 mm below the doc number's ink bottom (FandolFang's 号 reaches 0.18 em under the baseline).
    docno_baseline = (841.89 - docno[0]["matrix"][5]) / MM
    assert rule["top"] / MM - (docno_baseline + 0.18 * 16 / MM) == pytest.approx(4, abs=0.2)


def test_plan_layout_has_no_header_and_starts_with_the_title(tmp_path: Path) -> None:
    plan = full_plan()
    doc = export(plan, tmp_path, "plan")
    check_document(doc, plan, "plan")
    first = doc.on_page(1)[0]
    assert first.text == plan.title and first.size == 22
    assert not any(tuple(c["non_stroking_color"]) == (0, 1, 1, 0) for line in doc.lines for c in line.chars)
    assert plan.notice.printed_by not in doc.text  # no 版记 for the plan alone


def test_task_lead_is_bold_and_fields_follow(tmp_path: Path) -> None:
    plan = full_plan()
    out = tmp_path / "p.pdf"
    write_pdf(plan, out, "plan")
    doc = read_pdf(out)
    assert content_streams(out).count(b"2 Tr") >= plan.task_count()  # a bold text object per task lead
    text = doc.text
    assert text.index("1.任务1-1。") < text.index("牵头单位：基教科") < text.index("2.任务1-2。")


def content_streams(path: Path) -> bytes:
    import pdfplumber
    from pdfminer.pdftypes import resolve1

    with pdfplumber.open(path) as pdf:
        return b"".join(resolve1(c).get_data() for page in pdf.pages for c in page.page_obj.contents)


def test_character_no_font_has_becomes_geta_with_a_warning(tmp_path: Path) -> None:
    plan = sample_plan()
    plan.preamble = "古字𠀀与表情😀也不能悄悄消失。"
    warnings: list[str] = []
    out = tmp_path / "x.pdf"
    write_pdf(plan, out, "plan", warn=warnings.append)
    assert any("𠀀" in w and "😀" in w for w in warnings)
    assert read_pdf(out).text.count("〓") == 2


def test_every_character_is_covered_by_some_face() -> None:
    fonts = Fonts()
    for ch in "教育工作要点，。、；：？！“”《》（）——……0123456789ABCxyz%" + RARE_NAMES:
        assert fonts.face_for(ch, "fang"), ch
    assert not fonts.missing


def test_unwritable_target_gives_a_clear_message(tmp_path: Path, library: Path) -> None:
    src = tmp_path / "plan.json"
    src.write_text(dumps(sample_plan()), encoding="utf-8")
    run_cli("import", src, library=library)
    result = run_cli("export", "1", "--format", "pdf", "-o", tmp_path / "no" / "such" / "x.pdf", library=library)
    assert result.code == 1
    assert result.err.startswith("planbook: ") and "Traceback" not in result.err
    assert len(result.err.strip().splitlines()) == 1
    result = run_cli("export", "1", "--format", "pdf", "-o", tmp_path, library=library)
    assert result.code == 1 and "Traceback" not in result.err


def test_missing_font_gives_a_clear_message_and_keeps_the_old_file(tmp_path: Path, library: Path) -> None:
    src = tmp_path / "plan.json"
    src.write_text(dumps(sample_plan()), encoding="utf-8")
    run_cli("import", src, library=library)
    out = tmp_path / "old.pdf"
    out.write_bytes(b"previous export")
    empty = tmp_path / "fonts"
    empty.mkdir()
    result = run_cli(
        "export", "1", "--format", "pdf", "-o", out, library=library, env={"PLANBOOK_FONT_DIR": str(empty)}
    )
    assert result.code == 1 and "Traceback" not in result.err
    assert "cannot find the font file" in result.err and "FandolFang-Regular.ttf" in result.err
    assert out.read_bytes() == b"previous export"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_unknown_layout_is_refused(tmp_path: Path) -> None:
    with pytest.raises(PlanbookError, match="unknown layout 'poster'"):
        write_pdf(sample_plan(), tmp_path / "x.pdf", "poster")


def test_signature_stays_with_the_last_body_line(tmp_path: Path) -> None:
    """7.3.5.5: however long the notice body, the 署名 and date never stand alone on a page."""
    for n in range(8, 14):
        plan = sample_plan()
        plan.notice.body = "\n".join(["现将工作要点印发给你们，请结合实际认真贯彻落实，确保各项任务落到实处。"] * n)
        plan.notice.signed_on = dt.date(2021, 3, 5)
        out = tmp_path / f"s{n}.pdf"
        render(plan, out, "notice")
        doc = read_pdf(out)
        date = next(line for line in doc.lines if line.text == "2021年3月5日")
        same_page = [line for line in body_lines(doc) if line.page == date.page and line.baseline_mm < date.baseline_mm]
        assert any("落实" in line.text or "处。" in line.text for line in same_page), n


def test_seed_plans(seeds: Path, tmp_path: Path) -> None:
    """Every seed, both layouts' worth of checks on the notice: grid, 禁则 on every line, numbers, order."""
    from planbook.importers import IMPORTERS, import_file

    if ".txt" not in IMPORTERS:
        pytest.skip("the .txt importer is not on this branch yet")
    paths = sorted(seeds.glob("*.txt"))
    assert len(paths) == 5
    for path in paths:
        for plan in import_file(path):
            doc = export(plan, tmp_path, "notice")
            check_document(doc, plan, "notice")
            assert len(body_lines(doc)) > 100, path.name


def test_pages_hold_22_lines_when_full(tmp_path: Path) -> None:
    plan = Plan(
        title="某单位2021年工作要点",
        nodes=[
            Node(
                NodeKind.SECTION,
                "重点工作",
                children=[task(f"第{i}项工作。", "具体措施" * 30, 责任单位="办公室") for i in range(1, 30)],
            )
        ],
    )
    doc = export(plan, tmp_path, "plan")
    lines = body_lines(doc)
    counts = [len([line for line in lines if line.page == n]) for n in range(2, len(doc.pages))]
    assert counts and max(counts) == 22
    # Line pitch 28.95 pt: consecutive lines on a page are 10.21 mm apart.
    page2 = [line.baseline_mm for line in lines if line.page == 2]
    assert all(b - a == pytest.approx(28.95 / MM, abs=0.11) for a, b in zip(page2, page2[1:]))
    # Full lines fill the measure: 28 cells of 156 mm / 28.
    full = [line for line in lines if line.cells == 28]
    assert full and all(line.x1_mm == pytest.approx(LEFT_MM + TYPE_W_MM, abs=0.6) for line in full)


def test_field_values_are_kept(tmp_path: Path) -> None:
    plan = sample_plan()
    plan.nodes[0].children[0].fields.append(Field("完成时限", "2021年12月底前（分两批）"))
    doc = export(plan, tmp_path, "plan")
    assert "完成时限：2021年12月底前（分两批）" in doc.text


def test_half_width_text_stays_readable(tmp_path: Path) -> None:
    plan = sample_plan()
    plan.preamble = "推进COVID-19防控和5G应用,覆盖率达到95.5%,网址www.example.org.cn保持不变。"
    doc = export(plan, tmp_path, "plan")
    text = doc.text
    for word in ("COVID-19", "5G", "95.5%", "www.example.org.cn"):
        assert word in text
    assert all(unicodedata.east_asian_width(c) for c in text)


ALPHABET = [
    *"教育工作要点推进改革学校教师学生",
    *"，。、；：？！）》”’（《“‘",
    *"0123456789abcXYZ.%-,:()",
    *RARE_NAMES.replace("、", ""),
    "——",
    "……",
    " ",
]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(st.sampled_from(ALPHABET), min_size=1, max_size=120).map("".join), min_size=1, max_size=4))
def test_no_character_of_any_text_is_lost(tmp_path: Path, paragraphs: list[str]) -> None:
    """Whatever the text, every visible character comes back out of the PDF, in order, on legal lines."""
    plan = Plan(title="某单位工作要点", preamble="\n".join(paragraphs))
    out = tmp_path / "h.pdf"
    write_pdf(plan, out, "plan", warn=lambda _: None)
    doc = read_pdf(out)
    got = "".join(line.text for line in body_lines(doc))
    # The layout prints ASCII , ; : ? ! ( ) touching Chinese text full-width; nothing else may change.
    want = "".join(re.sub(r"\s+", "", cjk_punctuation(p.strip())) for p in paragraphs)
    assert got == want
    for line in body_lines(doc):
        assert line.grid_cells <= 28 and ink_right_mm(line) <= LEFT_MM + TYPE_W_MM + 0.5


def test_imprint_rules_sit_on_the_foot_of_the_last_page(tmp_path: Path) -> None:
    import pdfplumber

    plan = full_plan()
    out = tmp_path / "n.pdf"
    write_pdf(plan, out, "notice")
    with pdfplumber.open(out) as pdf:
        last = pdf.pages[-1]
        rules = sorted(
            (ln["top"] / MM, ln["linewidth"]) for ln in last.lines if tuple(ln["stroking_color"]) == (0, 0, 0, 1)
        )
        earlier = [ln for page in pdf.pages[:-1] for ln in page.lines if tuple(ln["stroking_color"]) == (0, 0, 0, 1)]
    assert not earlier
    (top, w_top), (mid, w_mid), (bottom, w_bottom) = rules  # thick, thin (between 抄送 and 印发), thick
    assert bottom == pytest.approx(TYPE_BOTTOM_MM, abs=0.05)  # the last rule on the 版心's bottom edge
    assert top < mid < bottom
    assert w_top == w_bottom > w_mid  # 0.35 mm and 0.25 mm
    cc = next(line for line in read_pdf(out).on_page(len(pdf.pages)) if line.text.startswith("抄送："))
    assert top < cc.baseline_mm < mid and cc.text.endswith("。")


def test_user_fonts_replace_the_bundled_ones(tmp_path: Path) -> None:
    """Settings may point a role at the user's own font file (e.g. the real 仿宋_GB2312); a CFF font is refused."""
    from planbook.exporters.pdf_fonts import FONT_DIR

    out = tmp_path / "u.pdf"
    render(sample_plan(), out, "plan", fonts=Fonts(overrides={"fang": FONT_DIR / "FandolKai-Regular.ttf"}))
    body = [line for line in body_lines(read_pdf(out)) if line.text.startswith("牵头单位")]
    assert body and all(line.fonts == {"FandolKai-Regular"} for line in body)
    bad = tmp_path / "bad.ttf"
    bad.write_bytes(b"not a font")
    with pytest.raises(PlanbookError, match="bad.ttf"):
        Fonts(overrides={"fang": bad})


def test_notice_with_only_metadata_leaves_no_blank_page(tmp_path: Path) -> None:
    """Web pages give 发布日期/索引号 but no notice text (seeds 000, 001): the plan starts on page 1."""
    plan = sample_plan()
    plan.notice = type(plan.notice)(published_on=dt.date(2017, 3, 1), index_no="000014349/2017-00123")
    doc = export(plan, tmp_path, "notice")
    assert doc.on_page(1)[0].text == plan.title


def test_fonts_json_names_the_users_own_fonts(tmp_path: Path, library: Path, monkeypatch) -> None:
    from planbook.exporters.pdf_fonts import FONT_DIR

    src = tmp_path / "plan.json"
    src.write_text(dumps(sample_plan()), encoding="utf-8")
    run_cli("import", src, library=library)
    settings = tmp_path / "fonts.json"
    settings.write_text(json.dumps({"fangsong": str(FONT_DIR / "FandolKai-Regular.ttf")}), encoding="utf-8")
    monkeypatch.setenv("PLANBOOK_FONTS", str(settings))
    out = tmp_path / "k.pdf"
    assert run_cli("export", "1", "--format", "pdf", "--layout", "plan", "-o", out, library=library).code == 0
    fields = [line for line in body_lines(read_pdf(out)) if line.text.startswith("牵头单位")]
    assert fields and all(line.fonts == {"FandolKai-Regular"} for line in fields)

    settings.write_text('{"fangsong": ', encoding="utf-8")
    result = run_cli("export", "1", "--format", "pdf", "-o", out, library=library)
    assert result.code == 1 and "fonts.json" in result.err and "Traceback" not in result.err
    settings.write_text('{"仿宋": "x.ttf"}', encoding="utf-8")
    result = run_cli("export", "1", "--format", "pdf", "-o", out, library=library)
    assert result.code == 1 and "仿宋" in result.err and "fangsong" in result.err


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils (pdftotext) is not installed")
def test_poppler_sees_the_same_geometry(tmp_path: Path) -> None:
    """A second reader (poppler) agrees: every word inside the 版心, lines ending on the right edge. Character
    spacing and text state must not depend on how a reader treats Tc or Tr across text objects."""
    out = tmp_path / "p.pdf"
    write_pdf(full_plan(), out, "notice")
    xml = subprocess.run(["pdftotext", "-bbox", str(out), "-"], capture_output=True, text=True, check=True).stdout
    words = [
        (float(a) / MM, float(b) / MM, w)
        for a, b, w in re.findall(
            r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', xml
        )
    ]
    assert len(words) > 50
    half_cell = TYPE_W_MM / 28 / 2
    for x0, x1, w in words:
        squeezed = w[-1] in SQUEEZABLE and w[-1] not in OPENERS
        assert x0 >= LEFT_MM - 0.3 and x1 <= LEFT_MM + TYPE_W_MM + 0.3 + (half_cell if squeezed else 0), w


def test_crowded_notice_is_tightened_onto_page_one(tmp_path: Path) -> None:
    """7.3.5.5: a notice whose signature would not fit page 1 on the grid gets a tighter pitch, not a page 2 with
    one line of body and the signature; the plan after it keeps the 28.95 pt grid."""
    from planbook.layout.fit import MIN_PITCH_PT

    from .conftest import crowded_notice_plan

    plan = crowded_notice_plan()
    doc = export(plan, tmp_path, "notice")
    check_document(doc, plan, "notice")
    page1 = doc.on_page(1)
    texts = [line.text for line in page1 if not re.fullmatch(r"—\d+—", line.text)]
    # sealed (7.3.5.1): the joint organs side by side on one line, the date under the last
    assert texts[-3] == "实。" and texts[-1] == "2020年3月6日", texts
    assert texts[-2].replace(" ", "") == "".join(plan.notice.signers), texts
    assert plan.title.startswith(doc.on_page(2)[0].text[:4])  # the plan opens page 2
    tight = [line for line in page1 if line.size == 16 and "—" not in line.text]
    gaps = {round(b.baseline_mm - a.baseline_mm, 2) for a, b in zip(tight, tight[1:])}
    pitch = min(gaps) * MM
    assert MIN_PITCH_PT - 0.01 <= pitch < 28.9, gaps
    plan_lines = [line for line in body_lines(doc) if line.page == 2]
    assert round(plan_lines[2].baseline_mm - plan_lines[1].baseline_mm, 2) == pytest.approx(28.95 / MM, abs=0.02)


def test_imprint_is_on_the_last_even_face(tmp_path: Path) -> None:
    """Printed double-sided, the 版记 closes the back of the last sheet (7.4.1): after an odd last page it takes
    the next page; after a full even page a blank page comes first and neither is numbered (7.5)."""
    seen = set()
    for tasks in range(1, 40):
        plan = full_plan()
        plan.nodes[0].children = [
            task(f"任务{i}。", "具体措施，确保落实到位。" * 3, 牵头单位="基教科") for i in range(tasks)
        ]
        bare = full_plan()
        bare.nodes = plan.nodes
        bare.notice.cc, bare.notice.printed_by, bare.notice.printed_on = "", "", None
        without = read_pdf(render_to(bare, tmp_path / "bare.pdf"))
        doc = read_pdf(render_to(plan, tmp_path / "with.pdf"))
        check_document(doc, plan, "notice")
        last, content_pages = len(doc.pages), len(without.pages)
        assert last % 2 == 0
        imprint_page = {line.page for line in doc.lines if line.text.startswith("抄送：")}
        assert imprint_page == {last}
        if content_pages % 2:
            seen.add("odd")
            assert last == content_pages + 1 and re.fullmatch(r"—\d+—", doc.on_page(last)[-1].text)
        elif last == content_pages:
            seen.add("even, room")
        else:
            seen.add("even, full")
            assert last == content_pages + 2 and not doc.on_page(last - 1)
            assert not any(re.fullmatch(r"—\d+—", line.text) for line in doc.on_page(last))
        if len(seen) == 3:
            break
    assert seen == {"odd", "even, room", "even, full"}


def render_to(plan: Plan, out: Path) -> Path:
    write_pdf(plan, out, "notice")
    return out


def test_save_user_fonts_round_trips_and_keeps_unknown_keys_out(tmp_path: Path) -> None:
    """The core side of Edit ▸ Preferences ▸ PDF Fonts: what the window saves is what the writer reads."""
    from planbook.exporters.pdf_fonts import (
        FONT_DIR,
        FontChoice,
        FontFileError,
        check_font_file,
        read_user_fonts,
        save_user_fonts,
        user_font_overrides,
    )

    path = tmp_path / "config" / "fonts.json"
    kai = FONT_DIR / "FandolKai-Regular.ttf"
    save_user_fonts({"fangsong": kai, "song": FontChoice(tmp_path / "simsun.ttc", 1)}, path)
    assert json.loads(path.read_text(encoding="utf-8")) == {
        "fangsong": str(kai),
        "song": {"file": str(tmp_path / "simsun.ttc"), "index": 1},
    }
    assert read_user_fonts(path) == {"fangsong": FontChoice(kai), "song": FontChoice(tmp_path / "simsun.ttc", 1)}
    assert user_font_overrides(path)["fang"] == FontChoice(kai)
    with pytest.raises(PlanbookError, match="仿宋"):
        save_user_fonts({"仿宋": kai}, path)
    assert read_user_fonts(path)["fangsong"] == FontChoice(kai)  # the refused call wrote nothing
    assert sorted(p.name for p in path.parent.iterdir()) == ["fonts.json"]  # no temporary file left behind

    with pytest.raises(FontFileError) as refused:
        check_font_file("fangsong", FONT_DIR / "PlanbookPageDigits-Regular.ttf")  # digits only: no hanzi
    assert refused.value.problem == "no_hanzi" and "PlanbookPageDigits" in str(refused.value)
    assert check_font_file("song", FONT_DIR / "PlanbookPageDigits-Regular.ttf")


def test_write_pdf_returns_what_it_could_not_draw(tmp_path: Path) -> None:
    plan = sample_plan()
    plan.preamble = "古字𠀀与朱镕基。"
    report = write_pdf(plan, tmp_path / "x.pdf", "plan", warn=lambda _: None)
    assert report.missing == ["𠀀"] and report.substituted == {"fangsong": ["镕"]}
    assert not write_pdf(sample_plan(), tmp_path / "y.pdf", "plan")  # nothing to say


SENTENCE = "现将工作要点印发给你们，请结合实际认真贯彻落实，确保各项任务落到实处。"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    body=st.lists(st.integers(min_value=8, max_value=len(SENTENCE) * 4), min_size=1, max_size=14),
    title_words=st.integers(min_value=1, max_value=5),
    signers=st.integers(min_value=1, max_value=3),
    recipients=st.integers(min_value=1, max_value=4),
    annotation=st.booleans(),
)
def test_any_notice_keeps_body_on_page_one_and_with_its_signature(
    tmp_path: Path, body, title_words, signers, recipients, annotation
) -> None:
    """Whatever the notice's lengths: page 1 shows 正文 (7.3.3), the date's page shows body text above it
    (7.3.5.5), tightened lines never go below 24 pt, and every other rule of check_document holds."""
    plan = sample_plan()
    n = plan.notice
    n.title = "关于印发《" + "某市教育局" * title_words + "2021年工作要点》的通知"
    n.recipients = "、".join(["各县（市、区）教育局", "局属各单位", "市直各学校", "各民办学校"][:recipients]) + "："
    n.body = "\n".join((SENTENCE * 4)[:length] for length in body)
    n.signers = ["某市教育局", "中共某市委教育工作委员会", "某市人民政府教育督导委员会办公室"][:signers]
    n.signed_on = dt.date(2021, 3, 5)
    n.annotation = "（此件公开发布）" if annotation else ""
    doc = export(plan, tmp_path)
    check_document(doc, plan, "notice")
    lines = body_lines(doc)
    first_body = next(line for line in lines if line.text.startswith(SENTENCE[:6]))
    assert first_body.page == 1
    date = next(line for line in doc.lines if line.text == "2021年3月5日")
    above = [
        line
        for line in lines
        if line.page == date.page and line.baseline_mm < date.baseline_mm and line.text not in n.signers
    ]
    # Only where page 1's one line of 正文 may not leave it (7.3.3) and three organs under their seals cannot join it
    only_line = [line for line in lines if line.text.startswith(SENTENCE[:6])] == [first_body]
    assert above or only_line and signers == 3, "the signature stands alone on its page"
    notice_pages = [line for line in lines if line.page <= date.page]
    gaps = [b.baseline_mm - a.baseline_mm for a, b in zip(notice_pages, notice_pages[1:]) if a.page == b.page]
    assert min(gaps) * MM >= 24 - 0.05
