"""A .docx as another office's Word would make it, for reading back through LibreOffice's PDF: the plan's text as
our layout orders it (`layout.blocks`), but in sizes, faces and breaks of that office's own choosing (a 12 pt body,
a title on one line or two, bold 黑体 headings, a red masthead or none, a running head, page numbers in the foot).
No GB/T 9704 grid: what a PDF importer meets on the web is mostly not ours."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from planbook.core.model import Plan
from planbook.layout.blocks import (
    Blank,
    Imprint,
    Masthead,
    NoticeIncomplete,
    PageBreak,
    Paragraph,
    Rule,
    Signature,
    TitleLines,
    build_document,
)


@dataclass(frozen=True)
class Look:
    name: str
    body_pt: float = 16
    title_pt: float = 22
    heading_face: str = "黑体"
    heading_bold: bool = False
    title_bold: bool = False
    title_one_line: bool = False  # the title in one paragraph, however long (Word wraps it)
    masthead: bool = True
    running_head: bool = False  # the plan's title at the top of every page
    page_numbers: bool = True  # — 3 — in the foot


LOOKS = [
    Look("word-12pt", body_pt=12, title_pt=18, heading_bold=True, title_bold=True, title_one_line=True),
    Look("bold-heiti-no-masthead", body_pt=14, title_pt=20, heading_bold=True, masthead=False),
    Look("running-head", body_pt=15, title_pt=22, running_head=True, page_numbers=False),
]


def write(plan: Plan, path: Path, look: Look) -> None:
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.size = Pt(look.body_pt)
    _face(normal.element.get_or_add_rPr(), "仿宋")
    section = document.sections[0]
    if look.running_head:
        section.header.paragraphs[0].text = plan.title
        section.header.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    if look.page_numbers:
        _page_number(section.footer.paragraphs[0])
    try:
        build_document(plan, "notice")
        layout = "notice"
    except NoticeIncomplete:  # what our own export would refuse to issue is printed as the plan alone
        layout = "plan"
    for block in build_document(plan, layout):
        if isinstance(block, TitleLines) and look.title_one_line:  # Word wraps it where it will
            block.lines = [plan.notice.title if block.kind == "title" else plan.title]
        _block(document, block, look)
    document.save(path)


def _block(document, block, look: Look) -> None:
    if isinstance(block, Masthead):
        if look.masthead:
            _para(document, block.text, look.title_pt * 1.6, centre=True, colour=RGBColor(0xE0, 0, 0), face="宋体")
    elif isinstance(block, TitleLines):
        for line in block.lines:
            _para(document, line, look.title_pt, centre=True, bold=look.title_bold, face="宋体")
    elif isinstance(block, Paragraph):
        _text(document, block, look)
    elif isinstance(block, Signature):
        for line in [*block.signers, *([block.date] if block.date else [])]:
            p = _para(document, line.text, look.body_pt)
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    elif isinstance(block, Imprint):
        if block.cc:
            _para(document, block.cc, look.body_pt - 2)
        _para(document, f"{block.printed_by}    {block.printed_on}", look.body_pt - 2)
    elif isinstance(block, PageBreak):
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    elif isinstance(block, Blank):
        for _ in range(min(block.lines, 2)):
            document.add_paragraph()
    elif isinstance(block, Rule):
        pass  # a drawn line has no text


def _text(document, block: Paragraph, look: Look) -> None:
    heading = block.style in ("heading1", "heading2")
    centred = block.style in ("doc_number", "issuers")
    p = document.add_paragraph()
    if block.style not in ("recipients", "doc_number", "issuers", "annotation"):
        p.paragraph_format.first_line_indent = Pt(look.body_pt * 2)
    if centred:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for run in block.runs:
        r = p.add_run(run.text)
        r.font.size = Pt(look.body_pt)
        r.bold = run.bold or (heading and look.heading_bold)
        if heading:
            _face(r._element.get_or_add_rPr(), look.heading_face if block.style == "heading1" else "楷体")


def _para(document, text: str, size: float, centre=False, bold=False, colour=None, face=None):
    p = document.add_paragraph()
    if centre:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = p.add_run(text)
    r.font.size = Pt(size)
    r.bold = bold
    if colour is not None:
        r.font.color.rgb = colour
    if face:
        _face(r._element.get_or_add_rPr(), face)
    return p


def _face(rpr, face: str) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia"):
        fonts.set(qn(attr), face)


def _page_number(p) -> None:
    """— N — centred in the foot, N Word's PAGE field."""
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run("— ")
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    p._p.append(field)
    p.add_run(" —")
