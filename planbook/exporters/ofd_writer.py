"""The notice (or the plan alone) as OFD, China's fixed-layout format (GB/T 33190-2016), from the PDF's pages.

The typesetter in pdf_writer places every character once; this module paints those pages as an OFD package, so
the OFD shows each character, rule and picture exactly where the PDF does. The package (a zip):

    OFD.xml                          DocInfo: title, author, creation date, 发文字号 as CustomData, DocRoot
    Doc_0/Document.xml               CommonData (A4 PageArea, MaxUnitID, DefaultCS), Pages, Outlines
    Doc_0/PublicRes.xml              colour spaces and fonts (each with its FontFile)
    Doc_0/DocumentRes.xml            pictures (MultiMedia), when a page has any
    Doc_0/Res/FandolFang.ttf, image_N.*  the embedded subset fonts and pictures
    Doc_0/Pages/Page_N/Content.xml   one Layer of TextObject / PathObject / ImageObject

OFD measures in millimetres from the page's top-left corner, y down, as the typesetter does (in pt). A line's
TextObject carries one TextCode with X/Y of its first glyph's origin on the baseline and DeltaX, the distances
from each glyph origin to the next, so that grid positions survive any reader's own font metrics. Bold (no
bundled face has a bold weight) is fill plus a thin stroke, as in the PDF.

Fonts: the same TrueType files the PDF embeds, subset with reportlab's subsetter (the PDF writer's own) to the
characters each face draws; its subsets map character codes 0…n, so fontTools gives each a Unicode cmap, as an
OFD reader looks glyphs up by the TextCode's Unicode text. Colours: one RGB colour space (what OFD readers
render); the notice's red is the PDF's CMYK red converted.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import uuid
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from reportlab.pdfbase import pdfmetrics

from .. import __version__
from ..core.errors import PlanbookError
from ..core.messages import QT_TRANSLATE_NOOP, Message
from ..core.model import Plan
from ..layout import LAYOUTS, build_document
from . import CANNOT_WRITE, atomic_write
from .pdf_writer import (
    CMYK,
    MM,
    PAGE_H,
    PAGE_W,
    Fonts,
    GlyphReport,
    ImageItem,
    Mark,
    Page,
    RuleItem,
    TextItem,
    report_glyphs,
    typeset,
)

NS = "http://www.ofdspec.org/2016"
XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
DOC = "Doc_0"
BOLD_STROKE = 0.03  # stroke width of synthetic bold, in ems (the PDF's)
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")  # not allowed in XML 1.0


def xml_text(text: str) -> str:
    """Text as XML character data: escaped, without the control characters XML 1.0 cannot carry."""
    return escape(NOT_XML.sub("", text))


def xml_attr(text: str) -> str:
    return quoteattr(NOT_XML.sub("", text))


def mm(pt: float) -> str:
    """A length in pt as OFD's millimetres, to 1/1000 mm (far below a printer's dot)."""
    return _short(pt / MM)


def _short(value_mm: float) -> str:
    text = f"{value_mm:.3f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def rgb(colour: CMYK) -> str:
    """An RGB triple for a CMYK colour (naive conversion: the red rule's 0/100/100/0 is pure red)."""
    c, m, y, k = colour
    return " ".join(str(round(255 * (1 - v) * (1 - k))) for v in (c, m, y))


@dataclass
class Ids:
    """OFD's object IDs: one sequence for the whole document (ST_ID), its highest is MaxUnitID."""

    last: int = 0

    def __call__(self) -> int:
        self.last += 1
        return self.last


@dataclass
class OfdPainter:
    """Paints typeset pages into the parts of an OFD package (path inside the zip → bytes)."""

    fonts: Fonts
    ids: Ids = field(default_factory=Ids)
    parts: dict[str, bytes] = field(default_factory=dict)
    font_ids: dict[str, int] = field(default_factory=dict)  # face role → Font ID
    codes: dict[str, set[int]] = field(default_factory=dict)  # face role → characters it draws
    images: dict[bytes, int] = field(default_factory=dict)  # picture (file bytes) → MultiMedia ID
    page_ids: list[int] = field(default_factory=list)
    cs: int = 0  # the colour space's ID

    def paint(self, pages: list[Page], info: dict[str, str], custom: dict[str, str]) -> None:
        self.cs = self.ids()  # the one colour space, RGB
        contents = [self.page(page) for page in pages]
        for n, content in enumerate(contents):
            page_id = self.ids()
            self.page_ids.append(page_id)
            self.parts[f"{DOC}/Pages/Page_{n}/Content.xml"] = content.encode()
        self.parts[f"{DOC}/PublicRes.xml"] = self.public_res()
        if self.images:
            self.parts[f"{DOC}/DocumentRes.xml"] = self.document_res()
        self.parts[f"{DOC}/Document.xml"] = self.document(pages)
        self.parts["OFD.xml"] = ofd_xml(info, custom)

    # -- pages
    def page(self, page: Page) -> str:
        out = [XML_HEAD, f'<ofd:Page xmlns:ofd="{NS}"><ofd:Content><ofd:Layer ID="{self.ids()}">']
        for item in page.items:
            if isinstance(item, TextItem):
                self.text(item, out)
            elif isinstance(item, RuleItem):
                self.rule(item, out)
            elif isinstance(item, ImageItem):
                self.image(item, out)
        out.append("</ofd:Layer></ofd:Content></ofd:Page>")
        return "".join(out)

    def text(self, item: TextItem, out: list[str]) -> None:
        """One TextObject per run of glyphs that share a face and weight."""
        runs: list[tuple[str, bool, list[tuple[float, str]]]] = []
        for x, ch, role, bold in item.glyphs(self.fonts):
            if NOT_XML.match(ch):
                continue  # a control character prints nothing, and XML cannot hold it
            if runs and runs[-1][0] == role and runs[-1][1] == bold:
                runs[-1][2].append((x, ch))
            else:
                runs.append((role, bold, [(x, ch)]))
        size = item.size
        colour = rgb(item.colour)
        for role, bold, glyphs in runs:
            self.codes.setdefault(role, set()).update(ord(ch) for _, ch in glyphs)
            font = self.font_ids.get(role) or self.font_ids.setdefault(role, self.ids())
            left, top = glyphs[0][0] - size, item.baseline - 1.5 * size
            width = glyphs[-1][0] - left + 2 * size
            box = f"{mm(left)} {mm(top)} {mm(width)} {mm(2.5 * size)}"
            # Steps between rounded positions, so that rounding never adds up along a line
            at = [round((x - left) / MM, 3) for x, _ in glyphs]
            deltas = " ".join(_short(b - a) for a, b in zip(at, at[1:]))
            text = escape("".join(ch for _, ch in glyphs))  # (control characters are already left out)
            stroke = f' Stroke="true" LineWidth="{mm(size * BOLD_STROKE)}"' if bold else ""
            out.append(
                f'<ofd:TextObject ID="{self.ids()}" Boundary="{box}" Font="{font}" Size="{mm(size)}"'
                f'{stroke}><ofd:FillColor Value="{colour}"/>'
            )
            if bold:
                out.append(f'<ofd:StrokeColor Value="{colour}"/>')
            delta = f' DeltaX="{deltas}"' if deltas else ""
            out.append(
                f'<ofd:TextCode X="{_short(at[0])}" Y="{mm(item.baseline - top)}"{delta}>'
                f"{text}</ofd:TextCode></ofd:TextObject>"
            )

    def rule(self, r: RuleItem, out: list[str]) -> None:
        """A PathObject whose Boundary is the rule's own box, the line through its middle."""
        top = r.y - r.width / 2
        box = f"{mm(r.x0)} {mm(top)} {mm(r.x1 - r.x0)} {mm(r.width)}"
        half = mm(r.width / 2)
        out.append(
            f'<ofd:PathObject ID="{self.ids()}" Boundary="{box}" LineWidth="{mm(r.width)}">'
            f'<ofd:StrokeColor Value="{rgb(r.colour)}"/>'
            f"<ofd:AbbreviatedData>M 0 {half} L {mm(r.x1 - r.x0)} {half}</ofd:AbbreviatedData>"
            f"</ofd:PathObject>"
        )

    def image(self, im: ImageItem, out: list[str]) -> None:
        """An ImageObject: the picture's unit square scaled by the CTM onto its box."""
        resource = self.images.get(im.data) or self.images.setdefault(im.data, self.ids())
        w, h = mm(im.width), mm(im.height)
        out.append(
            f'<ofd:ImageObject ID="{self.ids()}" Boundary="{mm(im.x)} {mm(im.y)} {w} {h}" '
            f'CTM="{w} 0 0 {h} 0 0" ResourceID="{resource}"/>'
        )

    # -- resources
    def public_res(self) -> bytes:
        out = [
            XML_HEAD,
            f'<ofd:Res xmlns:ofd="{NS}" BaseLoc="Res">',
            f'<ofd:ColorSpaces><ofd:ColorSpace ID="{self.cs}" Type="RGB" BitsPerComponent="8"/></ofd:ColorSpaces>',
        ]
        if self.font_ids:
            used: set[str] = set()
            out.append("<ofd:Fonts>")
            for role, font_id in self.font_ids.items():
                # Every reportlab font has its face; the checker cannot see the attribute set in __init__.
                face = pdfmetrics.getFont(self.fonts.names[role]).face  # pyright: ignore[reportAttributeAccessIssue]
                name, family = font_names(face)
                # Named after the font (readers such as ofd2img register an embedded file under its name)
                file = f"{name}.ttf" if name not in used and re.fullmatch(r"[\w.-]+", name) else f"font_{font_id}.ttf"
                used.add(name)
                self.parts[f"{DOC}/Res/{file}"] = subset_font(face, sorted(self.codes[role]))
                out.append(
                    f'<ofd:Font ID="{font_id}" FontName={xml_attr(name)} FamilyName={xml_attr(family)}>'
                    f"<ofd:FontFile>{file}</ofd:FontFile></ofd:Font>"
                )
            out.append("</ofd:Fonts>")
        out.append("</ofd:Res>")
        return "".join(out).encode()

    def document_res(self) -> bytes:
        out = [XML_HEAD, f'<ofd:Res xmlns:ofd="{NS}" BaseLoc="Res"><ofd:MultiMedias>']
        for data, media_id in self.images.items():
            fmt = "JPEG" if data.startswith(b"\xff\xd8") else "PNG"
            file = f"image_{media_id}.{'jpg' if fmt == 'JPEG' else 'png'}"
            self.parts[f"{DOC}/Res/{file}"] = data
            out.append(
                f'<ofd:MultiMedia ID="{media_id}" Type="Image" Format="{fmt}">'
                f"<ofd:MediaFile>{file}</ofd:MediaFile></ofd:MultiMedia>"
            )
        out.append("</ofd:MultiMedias></ofd:Res>")
        return "".join(out).encode()

    def document(self, pages: list[Page]) -> bytes:
        outline = self.outline(pages)
        out = [
            XML_HEAD,
            f'<ofd:Document xmlns:ofd="{NS}"><ofd:CommonData>',
            f"<ofd:MaxUnitID>{self.ids.last}</ofd:MaxUnitID>",
            f"<ofd:PageArea><ofd:PhysicalBox>0 0 {mm(PAGE_W)} {mm(PAGE_H)}</ofd:PhysicalBox></ofd:PageArea>",
            "<ofd:PublicRes>PublicRes.xml</ofd:PublicRes>",
        ]
        if self.images:
            out.append("<ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes>")
        out.append(f"<ofd:DefaultCS>{self.cs}</ofd:DefaultCS></ofd:CommonData><ofd:Pages>")
        out += [
            f'<ofd:Page ID="{page_id}" BaseLoc="Pages/Page_{n}/Content.xml"/>'
            for n, page_id in enumerate(self.page_ids)
        ]
        out.append("</ofd:Pages>")
        out.append(outline)
        out.append("</ofd:Document>")
        return "".join(out).encode()

    def outline(self, pages: list[Page]) -> str:
        """Bookmarks: the notice and the plan at the top level, each section under the title before it."""
        marks = [(mark, page_id) for page, page_id in zip(pages, self.page_ids) for mark in page.marks]
        if not marks:
            return ""

        def elem(at: tuple[Mark, int], children: str = "") -> str:
            mark, page_id = at
            dest = f'<ofd:Dest Type="XYZ" PageID="{page_id}" Left="0" Top="{mm(mark.y)}"/>'
            return (
                f"<ofd:OutlineElem Title={xml_attr(' '.join(mark.title.split()))}>"
                f'<ofd:Actions><ofd:Action Event="CLICK"><ofd:Goto>{dest}</ofd:Goto></ofd:Action></ofd:Actions>'
                f"{children}</ofd:OutlineElem>"
            )

        tops: list[tuple[tuple[Mark, int], list[tuple[Mark, int]]]] = []
        for at in marks:
            if at[0].level == 0 or not tops:
                tops.append((at, []))
            else:
                tops[-1][1].append(at)
        body = "".join(
            elem(top, "".join(elem(m) for m in kids))
            if top[0].level == 0
            else elem(top) + "".join(elem(m) for m in kids)
            for top, kids in tops
        )
        return f"<ofd:Outlines>{body}</ofd:Outlines>"


def ofd_xml(info: dict[str, str], custom: dict[str, str]) -> bytes:
    """The entry file: DocInfo in the schema's order, then where the document's root is."""
    fields = "".join(f"<ofd:{name}>{xml_text(value)}</ofd:{name}>" for name, value in info.items() if value)
    datas = "".join(
        f"<ofd:CustomData Name={xml_attr(name)}>{xml_text(value)}</ofd:CustomData>"
        for name, value in custom.items()
        if value
    )
    if datas:
        fields += f"<ofd:CustomDatas>{datas}</ofd:CustomDatas>"
    return (
        f'{XML_HEAD}<ofd:OFD xmlns:ofd="{NS}" Version="1.0" DocType="OFD"><ofd:DocBody>'
        f"<ofd:DocInfo>{fields}</ofd:DocInfo><ofd:DocRoot>{DOC}/Document.xml</ofd:DocRoot>"
        "</ofd:DocBody></ofd:OFD>"
    ).encode()


def font_names(face) -> tuple[str, str]:
    """FontName and FamilyName for a reportlab face: the PostScript name without its style ("FandolFang"), the
    family as the font names it. Readers that match names against their own fonts get the face's real name."""

    def text(value) -> str:
        return value.decode("latin-1") if isinstance(value, bytes) else str(value)

    name = re.sub(r"-(Regular|Roman|Book|Normal|Bold|Medium|Light)$", "", text(face.name)) or text(face.name)
    return name, text(face.familyName)


def subset_font(face, codes: list[int]) -> bytes:
    """The face's TrueType file (a reportlab TTFontFile) cut down to `codes`, with a Unicode cmap (platform 3:
    format 4, and 12 beyond the BMP)."""
    from fontTools.ttLib import TTFont as FontFile
    from fontTools.ttLib.tables._c_m_a_p import CmapSubtable, cmap_format_4, cmap_format_12

    font = FontFile(io.BytesIO(face.makeSubset(codes)), lazy=True, recalcBBoxes=False, recalcTimestamp=False)
    by_index = font["cmap"].tables[0].cmap  # reportlab's subset maps the i-th code to its glyph
    cmap = {codes[i]: glyph for i, glyph in by_index.items() if i < len(codes)}
    # fontTools declares platformID and platEncID as None on the class, to be set on each table.
    bmp = cmap_format_4(4)
    bmp.platformID, bmp.platEncID, bmp.language = 3, 1, 0  # pyright: ignore[reportAttributeAccessIssue]
    bmp.cmap = {code: glyph for code, glyph in cmap.items() if code <= 0xFFFF}
    tables: list[CmapSubtable] = [bmp]
    if any(code > 0xFFFF for code in cmap):
        full = cmap_format_12(12)
        full.platformID, full.platEncID, full.language = 3, 10, 0  # pyright: ignore[reportAttributeAccessIssue]
        full.cmap = cmap
        tables.append(full)
    font["cmap"].tables = tables
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def doc_info(plan: Plan, layout: str) -> tuple[dict[str, str], dict[str, str]]:
    """DocInfo fields in the schema's order, and the custom data (发文字号) an archive indexes by."""
    title = plan.notice.title if layout == "notice" and plan.notice.title else plan.title
    info = {
        "DocID": uuid.uuid4().hex,  # 32 characters, as the standard asks
        "Title": " ".join(title.split()),
        "Author": "、".join(plan.notice.signers or plan.issuers),
        "CreationDate": dt.date.today().isoformat(),
        "Creator": "Planbook",
        "CreatorVersion": __version__,
    }
    custom = {"发文字号": plan.notice.doc_number} if layout == "notice" else {}
    return info, custom


def render(plan: Plan, out: Path | str, layout: str = "notice", fonts: Fonts | None = None) -> Fonts:
    """Write the OFD to `out` (no atomicity: use `write_ofd`). Returns the fonts with their substitution log."""
    if layout not in LAYOUTS:
        raise PlanbookError(
            QT_TRANSLATE_NOOP("Messages", "unknown layout {layout!r} (choose from {choices})"),
            layout=layout,
            choices=", ".join(LAYOUTS),
        )
    fonts = fonts or Fonts()
    painter = OfdPainter(fonts)
    painter.paint(typeset(build_document(plan, layout), fonts), *doc_info(plan, layout))
    write_package(painter.parts, Path(out))
    return fonts


def write_package(parts: dict[str, bytes], out: Path) -> None:
    """The zip: OFD.xml first (readers sniff it), fonts stored deflated like everything else."""
    order = ["OFD.xml"] + [name for name in parts if name != "OFD.xml"]
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        for name in order:
            z.writestr(name, parts[name])


def write_ofd(
    plan: Plan, out: Path, layout: str | None = None, warn: Callable[[Message], None] | None = None
) -> GlyphReport:
    """Export through a temporary file, like every export; returns what the fonts could not draw as asked."""
    out = Path(out)
    if out.is_dir():
        raise PlanbookError(QT_TRANSLATE_NOOP("Messages", "cannot write {path}: it is a folder"), path=out)
    try:
        with atomic_write(out) as tmp:
            fonts = render(plan, tmp, layout or "notice")
    except OSError as e:
        raise PlanbookError(CANNOT_WRITE, path=out, reason=e.strerror or e) from e
    return report_glyphs(fonts, warn)
