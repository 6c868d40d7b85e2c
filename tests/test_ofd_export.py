"""The OFD export (GB/T 33190), read back by two independent readers from PyPI and compared with our own PDF.

- ofdkit reads the package's text, pages, page boxes and DocInfo;
- ofd2img renders it (through its own PDF), which pdfplumber reads for text and PyMuPDF rasterises;
- our PDF, from the same typeset pages, is the reference: same pages, same text page by page, same ink within
  0.5 mm where the notice's layout is measured (masthead, red rule, title, first body line).
The XML is validated against the OFD schemas when $PLANBOOK_OFD_XSD names a folder holding them (their licence is
unclear, so they are not in the repository).
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from pathlib import Path

import ofdkit
import pymupdf
import pytest
from fontTools.ttLib import TTFont
from lxml import etree
from PIL import Image, ImageChops, ImageFilter

from planbook.core.exchange import dumps
from planbook.core.model import Plan
from planbook.exporters.ofd_writer import OfdPainter, doc_info, write_ofd, write_package
from planbook.exporters.pdf_writer import FONT_DIR, Fonts, ImageItem, Page, RuleItem, write_pdf

from .conftest import run_cli, sample_plan
from .pdfcheck import MM, PdfDoc, read_pdf

NS = {"ofd": "http://www.ofdspec.org/2016"}
PX_PER_MM = 4  # rasters at 4 px/mm (about 100 dpi): a pixel is 0.25 mm
TOLERANCE_MM = 0.5  # masthead, rule, title, first body line: every ink edge within this of the PDF's
INK = 200  # a grey level below this is ink (the red rule and masthead are 76 in grey)
XSD_DIR = Path(os.environ.get("PLANBOOK_OFD_XSD", Path(__file__).resolve().parents[1].parent / "shared" / "ofd-xsd"))


@pytest.fixture(autouse=True)
def no_user_fonts(tmp_path: Path, monkeypatch) -> None:
    """A developer's own fonts.json must not change what these tests see."""
    monkeypatch.setenv("PLANBOOK_FONTS", str(tmp_path / "no-fonts.json"))


@pytest.fixture(scope="module")
def seed_exports(tmp_path_factory) -> list[tuple[str, Path, Path, bytes, PdfDoc]]:
    """Every seed's notice as OFD and as PDF, the OFD as ofd2img draws it, and our PDF read back:
    (seed name, ofd, pdf, drawn, reference)."""
    from .conftest import SEEDS

    if not SEEDS.is_dir():
        pytest.skip(f"the seed plans are not at {SEEDS} (they live in ../shared/seeds beside the checkout)")
    from planbook.importers import import_file

    folder = tmp_path_factory.mktemp("ofd-seeds")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PLANBOOK_FONTS", str(folder / "no-fonts.json"))
        out = []
        for path in sorted(SEEDS.glob("*.txt")):
            plan = import_file(path)[0]
            ofd, pdf = folder / f"{path.stem}.ofd", folder / f"{path.stem}.pdf"
            write_ofd(plan, ofd, "notice")
            write_pdf(plan, pdf, "notice")
            out.append((path.stem, ofd, pdf, ofd2img_pdf(ofd, folder), read_pdf(pdf)))
    assert len(out) == 5
    return out


def ofd2img_pdf(ofd: Path, workdir: Path) -> bytes:
    """ofd2img's rendering of the OFD, as the PDF it draws (it writes embedded fonts into the working folder)."""
    from ofd2img import OFD

    cwd = Path.cwd()
    os.chdir(workdir)
    try:
        reader = OFD()
        reader.read(str(ofd), fmt="path")
        return reader.to_pdf()
    finally:
        os.chdir(cwd)


def raster(pdf: bytes | Path, page: int) -> Image.Image:
    """A page as grey pixels at PX_PER_MM, whatever unit the PDF's page is drawn in (ofd2img scales by 200/25.4)."""
    doc = pymupdf.open(stream=pdf, filetype="pdf") if isinstance(pdf, bytes) else pymupdf.open(pdf)
    p = doc[page]
    zoom = PX_PER_MM * 210 / p.rect.width
    pix = p.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=False)
    return Image.frombytes("RGB", (pix.width, pix.height), pix.samples).convert("L")


def ink(image: Image.Image) -> Image.Image:
    return image.point(lambda v: 255 if v < INK else 0)


def ink_box_mm(image: Image.Image, top_mm: float, bottom_mm: float) -> tuple[float, ...] | None:
    """Left, top, right, bottom (mm) of the ink between two heights of the page."""
    band = ink(image).crop((0, round(top_mm * PX_PER_MM), image.width, round(bottom_mm * PX_PER_MM)))
    box = band.getbbox()
    if box is None:
        return None
    left, top, right, bottom = box
    return left / PX_PER_MM, top_mm + top / PX_PER_MM, right / PX_PER_MM, top_mm + bottom / PX_PER_MM


def uncovered(a: Image.Image, b: Image.Image) -> float:
    """Share of a's ink farther than TOLERANCE_MM from any of b's ink."""
    reach = ink(b).filter(ImageFilter.MaxFilter(2 * round(TOLERANCE_MM * PX_PER_MM) + 1))
    lone = ImageChops.subtract(ink(a), reach)
    total = ink(a).histogram()[255]
    return lone.histogram()[255] / max(total, 1)


def layout_bands(doc: PdfDoc) -> dict[str, tuple[float, float]]:
    """Page 1's masthead, red rule, title and first body line as bands of height (mm), from our PDF's text."""
    lines = doc.on_page(1)
    bands: dict[str, tuple[float, float]] = {}
    big = [line for line in lines if line.size > 30]
    if big:
        bands["masthead"] = (big[0].baseline_mm - big[0].size / MM, big[0].baseline_mm + 0.2 * big[0].size / MM)
    titles = [line for line in lines if abs(line.size - 22) < 0.1]
    if titles:
        bands["title"] = (titles[0].baseline_mm - 22 / MM, titles[-1].baseline_mm + 0.2 * 22 / MM)
        body = [line for line in lines if abs(line.size - 16) < 0.1 and line.baseline_mm > titles[-1].baseline_mm]
        if body:
            bands["first body line"] = (body[0].baseline_mm - 16 / MM, body[0].baseline_mm + 0.2 * 16 / MM)
    return bands


def page_texts_ofdkit(ofd: Path) -> list[str]:
    with ofdkit.open(ofd) as doc:
        return [re.sub(r"\s+", "", page.text()) for page in doc.pages]


def page_texts_mupdf(pdf: bytes) -> list[str]:
    """Each page's characters in reading order (by baseline, then left to right), as PyMuPDF finds them."""
    texts = []
    for page in pymupdf.open(stream=pdf, filetype="pdf"):
        chars = [
            (round(ch["origin"][1], 1), ch["origin"][0], ch["c"])
            for block in page.get_text("rawdict")["blocks"]
            for line in block.get("lines", ())
            for span in line["spans"]
            for ch in span["chars"]
            if not ch["c"].isspace()
        ]
        texts.append("".join(c for _, _, c in sorted(chars)))
    return texts


def page_texts_pdf(doc: PdfDoc) -> list[str]:
    return ["".join(line.text for line in doc.on_page(n)) for n in range(1, len(doc.pages) + 1)]


# -------------------------------------------------------------------------------------------------------- tests
def test_every_seed_notice_reads_back_as_the_pdf(seed_exports, tmp_path: Path) -> None:
    """Two readers, every seed: the same pages, page size and text page by page as our PDF."""
    for name, ofd, _, drawn, reference in seed_exports:
        expected = page_texts_pdf(reference)
        assert len(expected) >= 2 and all(expected), name
        # ofdkit: pages, their physical box, and the text of each
        with ofdkit.open(ofd) as doc:
            assert len(doc.pages) == len(reference.pages), name
            for page, (w, h) in zip(doc.pages, reference.pages):
                assert page.width == pytest.approx(w / MM, abs=0.01) and page.height == pytest.approx(h / MM, abs=0.01)
            assert not doc.warnings, (name, doc.warnings)
        assert page_texts_ofdkit(ofd) == expected, name
        # ofd2img: the characters it draws where it draws them, read back with PyMuPDF
        assert page_texts_mupdf(drawn) == expected, name


def test_every_seed_notice_renders_like_the_pdf(seed_exports, tmp_path: Path) -> None:
    """Page 1 (and the last page, with the 版记 or the plan's end) rendered from the OFD by ofd2img, against our
    PDF rendered by the same rasteriser: masthead, rule, title and first body line within 0.5 mm, and hardly any
    ink of either page farther than 0.5 mm from the other's."""
    measured = 0
    for name, _, pdf, drawn, reference in seed_exports:
        last = len(reference.pages) - 1
        for page in (0, last):
            ours, theirs = raster(pdf, page), raster(drawn, page)
            assert ours.size == theirs.size, name
            assert uncovered(ours, theirs) < 0.005, (name, page)
            assert uncovered(theirs, ours) < 0.005, (name, page)
        ours, theirs = raster(pdf, 0), raster(drawn, 0)
        bands = layout_bands(reference)
        rule_y = _red_rule_mm(pdf)  # a notice with a 发文字号 has its red rule under it
        if rule_y is not None:
            bands["red rule"] = (rule_y - 1, rule_y + 1)
        assert {"title", "first body line"} <= set(bands), name
        for part, (top, bottom) in bands.items():
            a, b = ink_box_mm(ours, top, bottom), ink_box_mm(theirs, top, bottom)
            assert a and b, (name, part)
            assert max(abs(p - q) for p, q in zip(a, b)) <= TOLERANCE_MM, (name, part, a, b)
            measured += 1
    assert measured >= 5 * 2 + 3 + 1  # every seed's title and first line, three red rules, one masthead


def _red_rule_mm(pdf: Path) -> float | None:
    import pdfplumber

    with pdfplumber.open(pdf) as doc:
        page = doc.pages[0]
        red = [line for line in page.lines if tuple(line["stroking_color"]) == (0, 1, 1, 0)]
        return float(red[0]["top"]) / MM if red else None


def test_the_page_one_pictures_side_by_side(seed_exports, tmp_path: Path) -> None:
    """Page 1 of seed 003's notice from the OFD beside the PDF's, for the eye (kept in the test's folder, or in
    $PLANBOOK_SHOTS)."""
    _, _, pdf, drawn, _ = next(item for item in seed_exports if item[0].startswith("003"))
    ours, theirs = raster(pdf, 0), raster(drawn, 0)
    both = Image.new("L", (ours.width * 2 + 8, ours.height), 128)
    both.paste(ours, (0, 0))
    both.paste(theirs, (ours.width + 8, 0))
    out = Path(os.environ.get("PLANBOOK_SHOTS", tmp_path)) / "ofd-vs-pdf-page1.png"
    both.save(out)
    assert out.stat().st_size > 10_000 and uncovered(ours, theirs) < 0.005


def test_fonts_are_embedded_subsets_that_draw_every_character(seed_exports) -> None:
    ofd = next(item[1] for item in seed_exports if item[0].startswith("003"))
    with zipfile.ZipFile(ofd) as z:
        res = etree.fromstring(z.read("Doc_0/PublicRes.xml"))
        fonts = {}
        for font in res.iterfind(".//ofd:Font", NS):
            file = font.findtext("ofd:FontFile", namespaces=NS)
            data = z.read(f"Doc_0/Res/{file}")
            fonts[font.get("ID")] = (font.get("FontName"), TTFont(io.BytesIO(data)))
        used: dict[str, set[str]] = {}
        for part in z.namelist():
            if part.endswith("Content.xml"):
                for obj in etree.fromstring(z.read(part)).iterfind(".//ofd:TextObject", NS):
                    used.setdefault(obj.get("Font"), set()).update(obj.findtext("ofd:TextCode", namespaces=NS))
    assert set(used) == set(fonts) and {"FandolFang", "PlanbookTitleSerif", "FandolHei"} <= {
        n for n, _ in fonts.values()
    }
    for font_id, (font_name, font) in fonts.items():
        cmap = font.getBestCmap()
        assert {ord(ch) for ch in used[font_id]} <= set(cmap), font_name  # every character has its glyph
        original = TTFont(
            FONT_DIR
            / {
                "FandolFang": "FandolFang-Regular.ttf",
                "FandolHei": "FandolHei-Regular.ttf",
                "FandolKai": "FandolKai-Regular.ttf",
                "PlanbookTitleSerif": "PlanbookTitleSerif-Bold.ttf",
                "PlanbookPageDigits": "PlanbookPageDigits-Regular.ttf",
                "PlanbookFallbackSerif": "PlanbookFallbackSerif-Regular.ttf",
            }[font_name]
        )
        # a subset: the glyphs used (and their components), not the whole face
        assert font["maxp"].numGlyphs <= len(used[font_id]) + 60, font_name
        if original["maxp"].numGlyphs > 1000:  # (the page-number face has 14 glyphs in all)
            assert font["maxp"].numGlyphs < original["maxp"].numGlyphs / 10, font_name
        # the same outlines as the file the PDF embeds
        ch = next(c for c in sorted(used[font_id]) if not c.isspace())
        mine, theirs = font.getGlyphSet()[cmap[ord(ch)]], original.getGlyphSet()[original.getBestCmap()[ord(ch)]]
        assert mine.width == theirs.width, font_name


def test_doc_info_outline_and_positions(tmp_path: Path) -> None:
    """DocInfo names the notice, its organ and 发文字号; the outline has the notice, the plan and each section, each
    pointing at the page its text is on; TextCode positions are the grid's."""
    plan = sample_plan()
    out = tmp_path / "notice.ofd"
    assert not write_ofd(plan, out, "notice")
    with ofdkit.open(out) as doc:
        info = doc.info
        assert info.title == plan.notice.title and info.author == "某市教育局" and info.creator == "Planbook"
        assert info.custom_data == {"发文字号": "某教发〔2021〕3号"}
        pages = {page.id: page.text() for page in doc.pages}
    with zipfile.ZipFile(out) as z:
        document = etree.fromstring(z.read("Doc_0/Document.xml"))
        first = etree.fromstring(z.read("Doc_0/Pages/Page_0/Content.xml"))
    assert document.findtext(".//ofd:PhysicalBox", namespaces=NS) == "0 0 210 297"
    tops = document.findall("ofd:Outlines/ofd:OutlineElem", NS)
    assert [t.get("Title") for t in tops] == [plan.notice.title, plan.title]
    sections = tops[1].findall("ofd:OutlineElem", NS)
    assert [s.get("Title") for s in sections] == ["一、第1部分工作", "二、第2部分工作", "三、第3部分工作"]
    for elem in [*tops, *sections]:
        dest = elem.find(".//ofd:Dest", NS)
        assert re.sub(r"\s+", "", elem.get("Title"))[:6] in re.sub(r"\s+", "", pages[dest.get("PageID")])
    # The recipients line starts at the type area's left edge, 28 mm, its characters one cell (156/28 mm) apart.
    code = next(c for c in first.iterfind(".//ofd:TextCode", NS) if c.text.startswith("各县"))
    box = [float(v) for v in code.getparent().get("Boundary").split()]
    assert box[0] + float(code.get("X")) == pytest.approx(28 + (156 / 28 - 16 / MM) / 2, abs=0.01)
    assert all(float(d) == pytest.approx(156 / 28, abs=0.001) for d in code.get("DeltaX").split()[:5])


def test_the_package_validates_against_the_ofd_schemas(seed_exports) -> None:
    if not (XSD_DIR / "OFD.xsd").is_file():
        pytest.skip(
            f"the OFD schemas are not at {XSD_DIR} (set PLANBOOK_OFD_XSD to a folder with OFD.xsd, "
            "Document.xsd, Res.xsd, Page.xsd, Definitions.xsd)"
        )
    schemas = {
        name: etree.XMLSchema(etree.parse(str(XSD_DIR / name)))
        for name in ("OFD.xsd", "Document.xsd", "Res.xsd", "Page.xsd")
    }
    checked = 0
    for _, ofd, _, _, _ in seed_exports:
        with zipfile.ZipFile(ofd) as z:
            for part in z.namelist():
                if not part.endswith(".xml"):
                    continue
                schema = schemas[
                    "OFD.xsd"
                    if part == "OFD.xml"
                    else "Document.xsd"
                    if part.endswith("/Document.xml")
                    else "Res.xsd"
                    if part.endswith("Res.xml")
                    else "Page.xsd"
                ]
                assert schema.validate(etree.fromstring(z.read(part))), (ofd.name, part, schema.error_log)
                checked += 1
    assert checked > 5 * 4


def test_pictures_become_image_objects(tmp_path: Path) -> None:
    """A picture on a typeset page (a seal) is an ImageObject over a MultiMedia resource, drawn where it was put."""
    seal = tmp_path / "seal.png"
    Image.new("RGB", (120, 120), (230, 0, 18)).save(seal)
    x, y, size = 120 * MM, 150 * MM, 40 * MM
    page = Page(1, items=[ImageItem(x, y, size, size, seal.read_bytes()), RuleItem(28 * MM, 184 * MM, 100 * MM, 1.0)])
    painter = OfdPainter(Fonts())
    painter.paint([page], *doc_info(sample_plan(), "notice"))
    out = tmp_path / "seal.ofd"
    write_package(painter.parts, out)
    with zipfile.ZipFile(out) as z:
        content = etree.fromstring(z.read("Doc_0/Pages/Page_0/Content.xml"))
        media = etree.fromstring(z.read("Doc_0/DocumentRes.xml")).find(".//ofd:MultiMedia", NS)
        image = content.find(".//ofd:ImageObject", NS)
        assert image.get("ResourceID") == media.get("ID") and media.get("Format") == "PNG"
        assert z.read(f"Doc_0/Res/{media.findtext('ofd:MediaFile', namespaces=NS)}") == seal.read_bytes()
    drawn = raster(ofd2img_pdf(out, tmp_path), 0)
    box = ink_box_mm(drawn, 140, 200)
    assert box == pytest.approx((120, 150, 160, 190), abs=TOLERANCE_MM)
    assert ink_box_mm(drawn, 95, 105) == pytest.approx((28, 99.5, 184, 100.5), abs=TOLERANCE_MM)


def test_the_command_line_exports_ofd_atomically(tmp_path: Path, library: Path) -> None:
    source = tmp_path / "plan.json"
    source.write_text(dumps(sample_plan()), encoding="utf-8")
    assert run_cli("import", source, library=library).code == 0
    out = tmp_path / "通知.ofd"
    result = run_cli("export", "1", "--format", "ofd", "--layout", "plan", "-o", out, library=library)
    assert result.code == 0, result.err
    texts = page_texts_ofdkit(out)
    assert texts[0].startswith("某市教育局2021年工作要点") and "关于印发" not in "".join(texts)
    missing = run_cli("export", "1", "--format", "ofd", "-o", tmp_path / "no" / "such.ofd", library=library)
    assert missing.code == 1 and missing.err.startswith("planbook: cannot write") and missing.err.count("\n") == 1
    assert not (tmp_path / "no").exists() and sorted(p.name for p in tmp_path.iterdir() if "ofd" in p.name) == [
        out.name
    ]


def test_an_empty_plan_is_still_a_valid_package(tmp_path: Path) -> None:
    out = tmp_path / "empty.ofd"
    write_ofd(Plan(title="空白方案"), out, "plan")
    assert page_texts_ofdkit(out) == ["空白方案—1—"]


def test_control_characters_from_a_pasted_plan_do_not_break_the_xml(tmp_path: Path) -> None:
    """XML 1.0 cannot carry most control characters; a title or 发文字号 pasted with one still gives a package
    every reader opens, with the printable text kept."""
    plan = sample_plan()
    plan.title = "某市教育局\x0c2021年\x01工作要点"
    plan.notice.doc_number = "某教发〔2021〕\x1b3号"
    out = tmp_path / "pasted.ofd"
    write_ofd(plan, out, "notice")
    with zipfile.ZipFile(out) as z:
        for part in z.namelist():
            if part.endswith(".xml"):
                etree.fromstring(z.read(part))  # well-formed
    with ofdkit.open(out) as doc:
        assert doc.info.custom_data == {"发文字号": "某教发〔2021〕3号"}
        assert "某市教育局2021年工作要点" in "".join(re.sub(r"\s+", "", page.text()) for page in doc.pages)


def test_the_window_exports_ofd_from_file_export(windows, qtbot, tmp_path: Path) -> None:
    """File ▸ 导出…: the two OFD file types write the notice with the plan, or the plan alone; a typed .ofd wins
    over another file type left selected."""
    from .test_gui_window import export_through_dialog, window_with_notice

    w = window_with_notice(windows)
    dialog = w.exports.export_dialog()
    filters = dialog.nameFilters()
    assert filters[4:6] == ["OFD 版式文件：印发通知及方案 (*.ofd)", "OFD 版式文件：仅方案 (*.ofd)"], filters
    dialog.reject()
    folder = tmp_path / "out"
    folder.mkdir()
    [(path, report, error)] = export_through_dialog(w, qtbot, folder, "通知", 4)
    assert Path(path) == folder / "通知.ofd" and error is None and not report  # a GlyphReport with nothing to say
    assert w.statusBar().currentMessage() == f"已导出到 {path}"
    notice = page_texts_ofdkit(folder / "通知.ofd")
    assert notice[0].startswith("某市教育局文件") and "关于印发" in notice[0]
    export_through_dialog(w, qtbot, folder, "草稿.ofd", 1)  # Word, plan alone, selected; the name says OFD
    alone = page_texts_ofdkit(folder / "草稿.ofd")
    assert "某市教育局文件" not in "".join(alone) and alone[0].startswith(w.model.plan.title)
    assert w.settings.value("export/kind") == "ofd:plan"


def test_an_electronic_seal_is_drawn_in_both_the_pdf_and_the_ofd(tmp_path: Path) -> None:
    """A sealed notice with the organ's electronic seal (a PNG with transparency): the typesetter places it once,
    the PDF draws it and the OFD carries it as an ImageObject, over the same spot of page 1."""
    seal = Image.new("RGBA", (200, 200), (0, 0, 0, 0))
    from PIL import ImageDraw

    ImageDraw.Draw(seal).ellipse((4, 4, 196, 196), outline=(230, 0, 18, 255), width=12)
    png = io.BytesIO()
    seal.save(png, "PNG")
    plan = sample_plan()
    plan.notice.seals = [png.getvalue()]
    pdf, ofd = tmp_path / "sealed.pdf", tmp_path / "sealed.ofd"
    write_pdf(plan, pdf, "notice")
    write_ofd(plan, ofd, "notice")
    with zipfile.ZipFile(ofd) as z:
        image = etree.fromstring(z.read("Doc_0/Pages/Page_0/Content.xml")).find(".//ofd:ImageObject", NS)
        media = etree.fromstring(z.read("Doc_0/DocumentRes.xml")).find(".//ofd:MultiMedia", NS)
        assert z.read(f"Doc_0/Res/{media.findtext('ofd:MediaFile', namespaces=NS)}") == png.getvalue()
    x, y, w, h = (float(v) for v in image.get("Boundary").split())
    assert w == pytest.approx(42, abs=0.01) and h == pytest.approx(42, abs=0.01)  # 7.3.5.1: the seal's 42 mm
    placed = pymupdf.open(pdf)[0].get_image_info()
    assert len(placed) == 1
    x0, y0, x1, y1 = (v / MM for v in placed[0]["bbox"])
    assert (x0, y0, x1, y1) == pytest.approx((x, y, x + w, y + h), abs=0.01)
    # ofd2img draws the red ring there too, over the signature
    drawn = raster(ofd2img_pdf(ofd, tmp_path), 0).crop(
        (round(x * PX_PER_MM), round(y * PX_PER_MM), round((x + w) * PX_PER_MM), round((y + h) * PX_PER_MM))
    )
    assert ink(drawn).getbbox() is not None
