"""DOCX export as a user gets it: run the CLI, open the file back with python-docx and read its XML."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import docx
import pytest

from planbook.core.exchange import dumps
from planbook.core.model import Plan
from planbook.core.numbering import number_tree
from planbook.exporters.docx_writer import export_docx
from planbook.importers import IMPORTERS, import_file
from planbook.layout import Face, cjk_punctuation

from .conftest import run_cli, sample_plan

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def full_plan() -> Plan:
    plan = sample_plan()
    n = plan.notice
    n.signed_on = dt.date(2021, 3, 6)
    n.annotation = "（此件公开发布）"
    n.cc = "市人民政府办公室，省教育厅"
    n.printed_by = "某市教育局办公室"
    n.printed_on = dt.date(2021, 3, 9)
    return plan


def export_via_cli(tmp_path: Path, plan: Plan, *extra: str) -> Path:
    src = tmp_path / "plan.json"
    src.write_text(dumps(plan), encoding="utf-8")
    lib = tmp_path / "lib.db"
    assert run_cli("import", src, library=lib).code == 0
    out = tmp_path / "out.docx"
    r = run_cli("export", "1", "--format", "docx", *extra, "-o", out, library=lib)
    assert r.code == 0, r.err
    return out


@pytest.fixture(scope="module")
def notice_docx(tmp_path_factory) -> Path:
    return export_via_cli(tmp_path_factory.mktemp("notice"), full_plan())


def paragraphs(path: Path) -> list[tuple[str, str]]:
    d = docx.Document(str(path))
    return [(p.style.name, p.text) for p in d.paragraphs]


def part(path: Path, name: str) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read(name).decode("utf-8")


def test_page_geometry_and_grid(notice_docx):
    d = docx.Document(str(notice_docx))
    sect = d.sections[0]._sectPr
    size, mar, grid = sect.find(f"{W}pgSz"), sect.find(f"{W}pgMar"), sect.find(f"{W}docGrid")
    assert (size.get(f"{W}w"), size.get(f"{W}h")) == ("11906", "16838")
    assert {k: int(mar.get(f"{W}{k}")) for k in ("top", "bottom", "left", "right")} == {
        "top": 2098,
        "bottom": 1984,
        "left": 1587,
        "right": 1474,
    }
    # 28 cells of 15.79 pt a line: pitch = 16 pt + charSpace / 4096 pt (ECMA-376 17.6.5)
    assert (grid.get(f"{W}type"), grid.get(f"{W}linePitch"), grid.get(f"{W}charSpace")) == (
        "linesAndChars",
        "579",
        "-848",
    )
    body = d.styles["公文正文"].element
    spacing = body.find(f"{W}pPr/{W}spacing")
    assert (spacing.get(f"{W}line"), spacing.get(f"{W}lineRule")) == ("579", "exact")
    assert body.find(f"{W}rPr/{W}w").get(f"{W}val") == "98"  # 28 characters a line
    assert body.find(f"{W}pPr/{W}ind").get(f"{W}firstLineChars") == "200"


def test_fonts_named_in_every_slot_and_no_theme_fonts(notice_docx):
    styles, document = part(notice_docx, "word/styles.xml"), part(notice_docx, "word/document.xml")
    for xml in (styles, document, part(notice_docx, "word/footer1.xml")):
        assert "Theme=" not in xml and "w:cstheme" not in xml
        for rf in re.findall(r"<w:rFonts [^>]*/>", xml):
            assert 'w:hint="eastAsia"' in rf, rf
            names = set(re.findall(r'w:(?:ascii|hAnsi|eastAsia)="([^"]+)"', rf))
            assert len(names) == 1, rf  # — … “” stay in the Chinese face
    d = docx.Document(str(notice_docx))
    expect = {
        "发文机关标志": "方正小标宋简体",
        "公文标题": "方正小标宋简体",
        "公文正文": "仿宋_GB2312",
        "Heading 1": "黑体",
        "Heading 2": "楷体_GB2312",
        "版记": "仿宋_GB2312",
        "页码": "宋体",
    }
    for style, face in expect.items():
        rf = d.styles[style].element.find(f"{W}rPr/{W}rFonts")
        assert rf.get(f"{W}eastAsia") == face and rf.get(f"{W}ascii") == face, style
    fonts = part(notice_docx, "word/fontTable.xml")
    for name, alt in (("仿宋_GB2312", "仿宋"), ("楷体_GB2312", "楷体"), ("方正小标宋简体", "宋体")):
        assert re.search(rf'<w:font w:name="{name}"><w:altName w:val="{alt}"/><w:charset w:val="86"/>', fonts)


def test_notice_in_order_with_styles(notice_docx):
    paras = [(s, t) for s, t in paragraphs(notice_docx) if t]
    assert paras[:5] == [
        ("发文机关标志", "某市教育局文件"),
        ("发文字号", "某教发〔2021〕3号"),
        ("公文标题", "关于印发《某市教育局2021年"),
        ("公文标题", "工作要点》的通知"),
        ("主送机关", "各县（市、区）教育局："),
    ]
    assert paras[5][0] == "公文正文"
    assert paras[6:9] == [("发文机关署名", "某市教育局"), ("成文日期", "2021年3月6日"), ("附注", "（此件公开发布）")]
    assert paras[9] == ("要点标题", "某市教育局2021年工作要点")
    assert ("Heading 1", "一、第1部分工作") in paras and ("Heading 2", "（一）加强队伍建设") in paras


def test_masthead_and_rule_are_red(notice_docx):
    d = docx.Document(str(notice_docx))
    assert d.styles["发文机关标志"].font.color.rgb == docx.shared.RGBColor(0xFF, 0, 0)
    number = next(p for p in d.paragraphs if p.style.name == "发文字号")
    border = number._p.find(f"{W}pPr/{W}pBdr/{W}bottom")
    assert border.get(f"{W}color") == "FF0000" and border.get(f"{W}val") == "single"
    masthead = next(p for p in d.paragraphs if p.style.name == "发文机关标志")
    spacing = masthead._p.find(f"{W}pPr/{W}spacing")
    assert 1984 <= int(spacing.get(f"{W}before")) <= 2040  # top edge 35 mm below the type area
    assert d.styles["公文正文"].font.color.rgb == docx.shared.RGBColor(0, 0, 0)


def test_odd_and_even_footers_with_page_fields(notice_docx):
    assert "<w:evenAndOddHeaders/>" in part(notice_docx, "word/settings.xml")
    d = docx.Document(str(notice_docx))
    sect = d.sections[0]
    for footer, side in ((sect.footer, "right"), (sect.even_page_footer, "left")):
        p = footer.paragraphs[0]
        assert p._p.find(f"{W}pPr/{W}jc").get(f"{W}val") == side
        assert int(p._p.find(f"{W}pPr/{W}ind").get(f"{W}{side}")) == 280  # 空一字 of 4号
        instr = "".join(t.text for t in p._p.iter(f"{W}instrText"))
        assert instr.strip() == "PAGE"
        assert p.text.startswith("— ") and p.text.endswith(" —")
        assert p.style.name == "页码" and d.styles["页码"].font.size.pt == 14
    assert not sect.different_first_page_header_footer


def test_imprint_sits_on_the_foot_of_the_last_page(notice_docx):
    d = docx.Document(str(notice_docx))
    imprint = [p for p in d.paragraphs if p.style.name == "版记"]
    assert [p.text for p in imprint] == ["抄送：市人民政府办公室，省教育厅。", "某市教育局办公室\t2021年3月9日印发"]
    # they come after the whole plan, in frames stacked up from the type area's bottom edge (12756 twips)
    texts = [p.text for p in d.paragraphs if p.text]
    assert texts[-2:] == [p.text for p in imprint]
    frames = [p._p.find(f"{W}pPr/{W}framePr") for p in imprint]
    assert all(f.get(f"{W}vAnchor") == "margin" for f in frames)
    bottom = int(frames[-1].get(f"{W}y")) + int(frames[-1].get(f"{W}h"))
    assert bottom == 12756 and int(frames[0].get(f"{W}y")) + int(frames[0].get(f"{W}h")) == int(frames[1].get(f"{W}y"))
    borders = [{b.tag.split("}")[1]: b.get(f"{W}sz") for b in p._p.find(f"{W}pPr/{W}pBdr")} for p in imprint]
    assert borders == [{"top": "8", "bottom": "6"}, {"bottom": "8"}]  # thick, thin, thick
    assert all(p._p.find(f"{W}pPr/{W}ind").get(f"{W}right") == "280" for p in imprint)  # 右空一字


def test_signature_is_never_left_alone(notice_docx):
    d = docx.Document(str(notice_docx))
    styles = [p.style.name for p in d.paragraphs]
    sig = styles.index("发文机关署名")
    last_body = max(i for i, s in enumerate(styles[:sig]) if s == "公文正文")
    for p in d.paragraphs[last_body:sig]:
        assert p._p.find(f"{W}pPr/{W}keepNext") is not None


def assert_plan_complete(path: Path, plan: Plan) -> None:
    """Every section, task, item and field of the plan is there, in order, with its derived number."""
    texts = [t for _, t in paragraphs(path)]
    numbers = number_tree(plan.nodes, plan.numbering)
    expected: list[tuple[str, str]] = []
    for node in plan.walk():
        expected.append(("start", cjk_punctuation(f"{numbers[id(node)]}{node.title.strip()}")))
        expected += [
            ("field", cjk_punctuation(f"{f.label.strip()}：{f.value.strip()}"))
            for f in node.fields
            if f.label.strip() or f.value.strip()
        ]
    i = 0
    for how, want in expected:
        while i < len(texts) and not (texts[i].startswith(want) if how == "start" else texts[i] == want):
            i += 1
        assert i < len(texts), f"missing or out of order: {want}"
        i += 1


def test_every_node_and_field_in_order(notice_docx):
    plan = full_plan()
    assert_plan_complete(notice_docx, plan)
    d = docx.Document(str(notice_docx))
    task = next(p for p in d.paragraphs if p.style.name == "任务")
    assert task.runs[0].bold and task.runs[0].text == "1.任务1-1。"
    assert not task.runs[1].bold


def test_plan_layout_is_the_plan_alone(tmp_path):
    out = export_via_cli(tmp_path, full_plan(), "--layout", "plan")
    paras = [(s, t) for s, t in paragraphs(out) if t]
    assert paras[0] == ("要点标题", "某市教育局2021年工作要点")
    assert not any(s in ("发文机关标志", "发文字号", "发文机关署名") for s, _ in paras)
    assert "<w:tbl>" not in part(out, "word/document.xml")
    assert_plan_complete(out, full_plan())


def test_unwritable_target_and_bad_layout_give_one_line_and_keep_old_file(tmp_path):
    src = tmp_path / "plan.json"
    src.write_text(dumps(full_plan()), encoding="utf-8")
    lib = tmp_path / "lib.db"
    run_cli("import", src, library=lib)
    r = run_cli("export", "1", "--format", "docx", "-o", tmp_path / "no" / "such" / "dir.docx", library=lib)
    assert r.code == 1 and r.err.startswith("planbook: cannot write") and "Traceback" not in r.err
    target = tmp_path / "keep.docx"
    target.write_bytes(b"old")
    r = run_cli("export", "1", "--format", "docx", "--layout", "letter", "-o", target, library=lib)
    assert r.code == 1 and "unknown layout" in r.err and r.err.count("\n") == 1
    assert target.read_bytes() == b"old"
    r = run_cli("export", "1", "--format", "docx", "-o", tmp_path, library=lib)  # a folder, not a file
    assert r.code == 1 and "cannot write" in r.err
    assert not list(tmp_path.glob(".*.part"))


def test_joint_masthead_and_configurable_fonts(tmp_path):
    plan = full_plan()
    plan.notice.masthead = "湖南省教育厅\n中共湖南省委教育工作委员会文件"
    faces = {
        "xiaobiaosong": Face("xiaobiaosong", "华文中宋", None),
        "fangsong": Face("fangsong", "仿宋", None),
        "heiti": Face("heiti", "SimHei", None),
        "kaiti": Face("kaiti", "KaiTi", None),
        "song": Face("song", "SimSun", None),
    }
    out = tmp_path / "joint.docx"
    export_docx(plan, out, "notice", faces=faces)
    d = docx.Document(str(out))
    first = d.tables[0]
    assert [p.text for p in first.cell(0, 0).paragraphs] == ["湖南省教育厅", "中共湖南省委教育工作委员会"]
    assert first.cell(0, 1).paragraphs[0].text == "文件"
    styles = part(out, "word/styles.xml")
    assert "仿宋_GB2312" not in styles and 'w:eastAsia="华文中宋"' in styles


def seed_plans(seeds: Path):
    if ".txt" not in IMPORTERS:
        pytest.skip("no .txt importer on this branch yet (it comes from the import branch)")
    return [(path, import_file(path)[0]) for path in sorted(seeds.glob("*.txt"))]


def test_every_seed_exports_complete(seeds, tmp_path):
    plans = seed_plans(seeds)
    assert len(plans) == 5
    for path, plan in plans:
        for layout in ("notice", "plan"):
            out = tmp_path / f"{path.stem}-{layout}.docx"
            export_docx(plan, out, layout)
            assert_plan_complete(out, plan)
        d = docx.Document(str(tmp_path / f"{path.stem}-notice.docx"))
        styles = [p.style.name for p in d.paragraphs]
        n = plan.notice
        assert ("发文机关标志" in styles) == bool(n.masthead.strip())
        assert ("发文字号" in styles) == bool(n.doc_number.strip())
        assert ("成文日期" in styles) == bool(n.signed_on)
        assert ("版记" in styles) == bool(n.cc.strip() or n.printed_by.strip() or n.printed_on)


def test_seed_003_full_notice(seeds, tmp_path):
    path = next(seeds.glob("003_*.txt"))
    if ".txt" not in IMPORTERS:
        pytest.skip("no .txt importer on this branch yet")
    export_via_cli(tmp_path, import_file(path)[0])
    out = tmp_path / "out.docx"
    paras = [(s, t) for s, t in paragraphs(out) if t]
    assert paras[0] == ("发文机关标志", "湖南省教育厅文件")
    assert paras[1] == ("发文字号", "湘教发〔2020〕8号")
    assert [t for s, t in paras if s == "公文标题"] == [
        "关于印发《湖南省教育厅",
        "中共湖南省委教育工委2020年",
        "工作要点》的通知",
    ]
    assert [t for s, t in paras if s in ("发文机关署名", "成文日期")] == [  # sealed: side by side, 7.3.5.1
        "湖南省教育厅\t中共湖南省委教育工作委员会",
        "2020年3月6日",
    ]
    assert paras[-1] == ("版记", "湖南省教育厅办公室\t2020年3月9日印发")
    recipients = next(t for s, t in paras if s == "主送机关")
    assert "," not in recipients and "(" not in recipients and recipients.endswith("：")
    assert sum(1 for s, _ in paras if s == "任务") == 33


PAGE_TWIPS = 12756  # the 225 mm type area


def test_crowded_notice_gets_one_tighter_pitch_in_word(tmp_path):
    """7.3.5.5 in the DOCX: the notice is a section of its own whose line grid has the pitch the layout chose (a
    whole number of lines a page), and its paragraphs after the title carry that pitch on the grid, so they still
    break on the character grid; title lines and the plan (the next section) keep 579 twips."""
    from .conftest import crowded_notice_plan

    path = export_via_cli(tmp_path, crowded_notice_plan())
    d = docx.Document(str(path))
    paras = d.paragraphs
    title_end = max(i for i, p in enumerate(paras) if p.style.name == "公文标题")
    plan_start = next(i for i, p in enumerate(paras) if p.style.name == "要点标题")
    notice = paras[title_end + 1 : plan_start]
    assert [p.style.name for p in notice if p.text] == ["主送机关", "公文正文", "发文机关署名", "成文日期"]
    pitches = set()
    for p in notice:
        ppr = p._p.find(f"{W}pPr")
        assert ppr.find(f"{W}snapToGrid") is None, p.text
        spacing = ppr.find(f"{W}spacing")
        assert spacing.get(f"{W}lineRule") == "exact"
        pitches.add(int(spacing.get(f"{W}line")))
    assert len(pitches) == 1 and 480 <= (pitch := pitches.pop()) < 579
    sections = d.element.body.findall(f".//{W}sectPr")
    assert [int(s.find(f"{W}docGrid").get(f"{W}linePitch")) for s in sections] == [pitch, 579]
    assert PAGE_TWIPS // pitch > PAGE_TWIPS / 579  # a whole number of lines more than 22
    assert sections[0].find(f"{W}footerReference") is not None  # page 1 keeps its page number
    titles = [p for p in paras if p.style.name == "公文标题"]
    for p in titles + paras[plan_start:]:
        spacing = p._p.find(f"{W}pPr/{W}spacing")
        assert spacing is None or int(spacing.get(f"{W}line")) >= 579, p.text
