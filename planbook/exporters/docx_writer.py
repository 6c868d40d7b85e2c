"""The plan as a Word document in the GB/T 9704-2012 layout, from the shared blocks of `planbook.layout`.

Choices made by rendering in LibreOffice 7.4: Word's character grid (`docGrid type="linesAndChars"`, 指定行和字符网格)
at the 15.79 pt pitch, exact 579-twip lines and body text at 98 % width give 22 lines × 28 cells, each hanzi in
one cell and each run of digits or Latin letters in whole cells, padded on its right (at 100 % a 16 pt hanzi is
wider than its cell and takes two: fonts.md §3.2), with first-line indents of whole cells. `snapToChars`
(文字对齐字符网格) centres the runs instead but leaves lines that pull a character down unjustified in LibreOffice. The PDF typesetter breaks lines and pages by the same rules
(`linebreak.break_lines(grid=True)`, widow/orphan control, keep-with-next chains), so both paginate alike.
−5-twip condensing lost line-final punctuation. Every style and run names its fonts in
ascii/hAnsi/eastAsia with `w:hint="eastAsia"` (so — … “” stay in the Chinese face), theme fonts are removed, and
the font table gives each Windows name one fallback (`w:altName`). The names are the user's choice where they
made one (Edit ▸ Preferences ▸ Word Fonts, `docx_fonts.py`).
"""

from __future__ import annotations

import copy
import math
from collections.abc import Mapping
from pathlib import Path

import docx
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Mm
from lxml import etree  # pyright: ignore[reportAttributeAccessIssue]  (compiled; lxml ships no stubs)

from ..core.errors import PlanbookError
from ..core.messages import QT_TRANSLATE_NOOP
from ..core.model import Plan
from ..layout import (
    BODY_CHAR_SCALE,
    IMPRINT_THICK_PT,
    IMPRINT_THIN_PT,
    LAYOUTS,
    LETTER_FOOT_RULE_MM,
    LETTER_LINES_GAP_PT,
    LETTER_RULE_MM,
    LETTER_THICK_PT,
    LETTER_THIN_PT,
    PAGE,
    RED_RULE_PT,
    STYLES,
    Blank,
    Face,
    Imprint,
    LetterHead,
    Masthead,
    PageBreak,
    Paragraph,
    Rule,
    Signature,
    SignatureLine,
    Style,
    TitleLines,
    build_document,
    grid_width,
    text_width,
)
from ..layout.styles import TWIPS_PER_MM
from . import write_file
from .docx_fonts import resolve_faces
from .pdf_writer import imprint_pages

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
BODY_CHAR_WIDTH = round(BODY_CHAR_SCALE * 100)  # percent: 28 × 16 pt × 0.98 = 439 pt fits the 442.2 pt type width
LINE = PAGE.line_pitch_twips
CELL_TWIPS = PAGE.cell_pt * 20  # one body character on the 28-a-line grid
LO_CELL_TWIPS = math.floor(CELL_TWIPS)  # the cell LibreOffice rounds indents to (measured in 7.4)
# The character grid's pitch is the default font size (16 pt) plus charSpace/4096 pt (ECMA-376 17.6.5): −848 gives
# the 15.79 pt cell, 28 to the line. Each hanzi (16 pt at 98 % width) then takes one cell and each run of digits or
# Latin letters whole cells, padded on its right; the PDF typesetter follows the same rule (linebreak.snap).
CHAR_SPACE = round((PAGE.cell_pt - 16) * 4096)
RED_RULE_SPACE_PT = 7  # border distance below the doc number's line: 3.9 mm to the rule in LibreOffice
# LibreOffice puts the masthead's ink 0.7 mm above the space-before it is given; this brings its top edge to
# 72 mm from the paper's top (35 mm below the type area). Word may differ (unverified).
MASTHEAD_NUDGE_MM = 0.7
# 信函格式's mark sits in a frame, where LibreOffice sets the em box of a line of exact height 0.078 em higher than
# the frame's top; and it sets the first line under the double line 1.1 mm lower than the space before it asks
# (both measured from the baselines of LibreOffice 7.4's PDF; Word unverified).
LETTER_MARK_NUDGE_EM = 0.078
LETTER_FLOW_NUDGE_MM = -1.1

# Child order in w:pPr and w:rPr (ECMA-376); Word refuses files whose children are out of order.
_PPR_ORDER = [
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
]
_RPR_ORDER = [
    "rStyle",
    "rFonts",
    "b",
    "bCs",
    "i",
    "iCs",
    "caps",
    "smallCaps",
    "strike",
    "dstrike",
    "outline",
    "shadow",
    "emboss",
    "imprint",
    "noProof",
    "snapToGrid",
    "vanish",
    "webHidden",
    "color",
    "spacing",
    "w",
    "kern",
    "position",
    "sz",
    "szCs",
    "highlight",
    "u",
    "effect",
    "bdr",
    "shd",
    "fitText",
    "vertAlign",
    "rtl",
    "cs",
    "em",
    "lang",
    "eastAsianLayout",
    "specVanish",
    "oMath",
]
_ORDER = {"pPr": {n: i for i, n in enumerate(_PPR_ORDER)}, "rPr": {n: i for i, n in enumerate(_RPR_ORDER)}}
_THEME_ATTRS = [qn(f"w:{a}") for a in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")]
_ALIGN = {"left": "left", "center": "center", "right": "right", "justify": "both"}


def export_docx(plan: Plan, out: Path, layout: str | None = None, faces: Mapping[str, Face] | None = None) -> None:
    """Write `plan` to `out` as DOCX; layout "notice" (default) or "plan", or the follow-up documents "breakdown"
    and "progress" (docx_tables). `faces` names the fonts per role; None means the user's Word font setting.
    Raises PlanbookError on failure (an unreadable word-fonts.json included)."""
    layout = layout or "notice"
    if layout in ("breakdown", "progress"):
        from .docx_tables import export_table_docx

        return export_table_docx(plan, out, layout, faces)
    if layout not in LAYOUTS:
        choices = ", ".join([*LAYOUTS, "breakdown", "progress"])
        raise PlanbookError(
            QT_TRANSLATE_NOOP("Messages", "unknown layout {layout!r} for docx (choose from {choices})"),
            layout=layout,
            choices=choices,
        )
    document = build_docx(plan, layout, faces)
    write_file(out, lambda tmp: document.save(str(tmp)))


def build_docx(plan: Plan, layout: str = "notice", faces: Mapping[str, Face] | None = None):
    """The python-docx Document for a plan (not saved). Without `faces`, the font names are the user's
    (docx_fonts.user_faces: word-fonts.json, else the defaults in layout.FACES)."""
    document = _Writer(resolve_faces(faces)).write(build_document(plan, layout))
    props = document.core_properties  # the template's say "python-docx"; Word shows these in 属性
    props.title = plan.notice.title if layout == "notice" and plan.notice.title else plan.title
    props.author = props.last_modified_by = plan.notice.printed_by or "、".join(plan.issuers)
    props.subject = plan.title
    props.keywords = props.comments = ""
    props.language = "zh-CN"
    return document


# ---- small XML helpers ---------------------------------------------------------------------------------


def _el(tag: str, **attrs) -> BaseOxmlElement:
    e = OxmlElement(f"w:{tag}")
    for k, v in attrs.items():
        e.set(qn(f"w:{k}"), str(v))
    return e


def _put(parent, child):
    """Insert or replace `child` in a pPr/rPr in schema order."""
    local = parent.tag.split("}")[1]
    order = _ORDER[local]
    name = child.tag.split("}")[1]
    old = parent.find(child.tag)
    if old is not None:
        parent.replace(old, child)
        return child
    rank = order[name]
    for i, existing in enumerate(parent):
        if order.get(existing.tag.split("}")[1], 999) > rank:
            parent.insert(i, child)
            return child
    parent.append(child)
    return child


def _ppr(el):
    ppr = el.find(qn("w:pPr"))
    if ppr is None:
        ppr = _el("pPr")
        el.insert(0, ppr)
    return ppr


def _rpr(el):
    """The rPr of a run or a style (a style's rPr follows its pPr)."""
    rpr = el.find(qn("w:rPr"))
    if rpr is None:
        rpr = _el("rPr")
        if el.tag == qn("w:r"):
            el.insert(0, rpr)
        else:
            el.append(rpr)
    return rpr


def set_fonts(rpr, name: str) -> None:
    """Name the face in every slot and drop theme attributes, which would override the names."""
    rf = rpr.find(qn("w:rFonts"))
    if rf is None:
        rf = _put(rpr, _el("rFonts"))
    for a in _THEME_ATTRS:
        rf.attrib.pop(a, None)
    for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
        rf.set(qn(f"w:{slot}"), name)
    rf.set(qn("w:hint"), "eastAsia")


def _twips_mm(mm: float) -> int:
    return round(mm * TWIPS_PER_MM)


def _cells_twips(cells: float) -> int:
    """An indent of `cells` grid cells in twips, never a hair over: the character grid rounds an indent up to whole
    cells (LibreOffice), so 15 cells written as 4738 twips (15.0003 cells) would start a cell late. LibreOffice
    rounds against a cell of whole twips (315, not 315.86), so a long indent is counted in those: 17 cells written
    as 5369 or 5368 twips put a 署名 a whole cell right of where the PDF has it, 5355 (17 × 315) does not."""
    return math.floor(cells * LO_CELL_TWIPS + 1e-6)


def _char_twips(style: Style) -> float:
    """One character of the style's own size: a grid cell for 3号 text, the em otherwise."""
    return int(CELL_TWIPS) if style.size_pt == 16 else style.size_pt * 20


# ---- the writer ----------------------------------------------------------------------------------------


class _Writer:
    def __init__(self, faces: dict[str, Face]):
        self.faces = faces
        self.doc = docx.Document()
        self.body = self.doc.element.body
        self.sect_pr = self.body.find(qn("w:sectPr"))
        self.style_ids: dict[str, str] = {}
        self.break_next = False
        self.keep_blanks = False
        self.pitch: int | None = None  # twips: a notice page's tightened pitch (layout.fit, 7.3.5.5)
        self.fitted: int | None = None  # twips: the same pitch, until the fitted notice's section is closed
        self.seal_ids = 0  # floating seal pictures so far (each needs its own drawing id)
        self.imprint_pages = 0  # pages the 版记 adds after the last page of text (pdf_writer.imprint_pages)
        self.before_next: int | None = None  # twips of space before the next paragraph (信函格式's first line)

    def write(self, blocks) -> Document:
        self._page()
        self._styles()
        self._font_table()
        self._footers()
        # A notice fitted onto page 1 with a tighter pitch (layout.fit) is a section of its own whose grid has that
        # pitch, so that its paragraphs stay on the character grid and break their lines as the PDF does.
        self.fitted = next((round(b.pitch_pt * 20) for b in blocks if getattr(b, "pitch_pt", None)), None)
        # The 版记 closes the back of the last sheet (7.4.1, 7.5): the PDF's typesetter says whether it takes the
        # last page's foot, the next page, or a page after a blank one; the DOCX breaks the same way.
        self.imprint_pages = imprint_pages(blocks) if blocks and isinstance(blocks[-1], Imprint) else 0
        for block in blocks:
            self._block(block)
        return self.doc

    def _close_section(self, pitch: int | None = None) -> None:
        """End a section on the last paragraph so far with the document's own section settings (page, footers),
        its grid at `pitch` if given; what follows starts a section on the next page."""
        last = self.sect_pr.getprevious()
        if last is None or last.tag != qn("w:p"):
            last = self._para("normal")
            _hairline(last)
        sect = copy.deepcopy(self.sect_pr)
        if pitch:
            sect.find(qn("w:docGrid")).set(qn("w:linePitch"), str(pitch))
        _ppr(last).append(sect)  # sectPr is the last child of pPr but for pPrChange, which we never write

    def _end_fitted_section(self) -> None:
        """Close the fitted notice's section with the fitted line pitch; the plan's section starts on the next
        page."""
        self._close_section(self.fitted)
        self.fitted = None
        for title_pg in self.sect_pr.findall(qn("w:titlePg")):  # 信函格式: only the notice's page 1 goes unnumbered
            self.sect_pr.remove(title_pg)

    # -- page, settings, footers --

    def _page(self) -> None:
        s = self.doc.sections[0]
        s.page_width, s.page_height = Mm(PAGE.width_mm), Mm(PAGE.height_mm)
        s.top_margin, s.bottom_margin = Mm(PAGE.top_mm), Mm(PAGE.bottom_mm)
        s.left_margin, s.right_margin = Mm(PAGE.left_mm), Mm(PAGE.right_mm)
        s.footer_distance = Mm(PAGE.footer_mm)
        s.header_distance = Mm(15)
        s.gutter = 0
        for grid in self.sect_pr.findall(qn("w:docGrid")):
            self.sect_pr.remove(grid)
        self.sect_pr.append(_el("docGrid", type="linesAndChars", linePitch=LINE, charSpace=CHAR_SPACE))
        self.doc.settings.odd_and_even_pages_header_footer = True

    def _footers(self) -> None:
        """'— N —' with a PAGE field: odd pages right, even pages left, 空一字 (7.5)."""
        s = self.doc.sections[0]
        style = STYLES["page_number"]
        one_char = round(_char_twips(style))
        for footer, align, side in ((s.footer, "right", "right"), (s.even_page_footer, "left", "left")):
            footer.is_linked_to_previous = False
            p = footer.paragraphs[0]._p
            ppr = _ppr(p)
            _put(ppr, _el("pStyle", val=self.style_ids["page_number"]))
            _put(ppr, _el("ind", **{side: one_char}))
            _put(ppr, _el("jc", val=align))
            self._field_runs(p, style)

    def _field_runs(self, p, style: Style) -> None:
        face = self.faces[style.face].docx_name
        parts = [
            ("t", "— "),
            ("fld", "begin"),
            ("instr", " PAGE "),
            ("fld", "separate"),
            ("t", "1"),
            ("fld", "end"),
            ("t", " —"),
        ]
        for kind, value in parts:
            r = _el("r")
            set_fonts(_rpr(r), face)
            if kind == "t":
                t = _el("t")
                t.text = value
                t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                r.append(t)
            elif kind == "fld":
                r.append(_el("fldChar", fldCharType=value))
            else:
                instr = _el("instrText")
                instr.text = value
                instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                r.append(instr)
            p.append(r)

    # -- styles --

    def _styles(self) -> None:
        styles = self.doc.styles
        root = styles.element
        for rf in root.iter(qn("w:rFonts")):  # theme fonts anywhere would override our names
            for a in _THEME_ATTRS:
                rf.attrib.pop(a, None)
        body_face = self.faces["fangsong"].docx_name
        defaults = root.find(qn("w:docDefaults"))
        rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
        set_fonts(rpr, body_face)
        _put(rpr, _el("sz", val=32))
        _put(rpr, _el("szCs", val=32))
        _put(rpr, _el("lang", val="en-US", eastAsia="zh-CN", bidi="ar-SA"))
        ppr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
        _put(ppr, _el("spacing", before=0, after=0, line=LINE, lineRule="exact"))
        normal = styles["Normal"]
        self._format_style(normal.element, Style("normal", "Normal", "fangsong", align="justify"))
        self.style_ids["normal"] = normal.style_id
        self._drop_styles_with_effects()
        for key, spec in STYLES.items():
            if key == "red_rule":
                continue
            try:
                style = styles[spec.word_name]
                self._reset_style(style.element)
            except KeyError:
                style = styles.add_style(spec.word_name, WD_STYLE_TYPE.PARAGRAPH)
            # python-docx types styles[…] as BaseStyle; a paragraph style has base_style.
            style.base_style = normal  # pyright: ignore[reportAttributeAccessIssue]
            style.quick_style = True
            self._format_style(style.element, spec)
            self.style_ids[key] = style.style_id
        self._prune_template_styles()

    def _prune_template_styles(self) -> None:
        """Drop the template's other styles (Courier 'macro', theme-coloured quotes …): a clean style list."""
        root = self.doc.styles.element
        keep = set(self.style_ids.values())
        for el in root.findall(qn("w:style")):
            if el.get(qn("w:default")) == "1" or el.get(qn("w:styleId")) in keep:
                for link in el.findall(qn("w:link")):
                    el.remove(link)
                continue
            root.remove(el)

    def _reset_style(self, el) -> None:
        """A built-in style (Heading 1/2) keeps its name and outline level but none of the template's looks."""
        outline = el.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
        for tag in ("w:pPr", "w:rPr"):
            old = el.find(qn(tag))
            if old is not None:
                el.remove(old)
        if outline is not None:
            _put(_ppr_style(el), copy.deepcopy(outline))

    def _format_style(self, el, spec: Style) -> None:
        ppr = _ppr_style(el)
        if spec.keep_with_next:
            _put(ppr, _el("keepNext"))
        # Never one line of a paragraph alone at a page's foot or head (Word: 2 lines; LibreOffice: widows and
        # orphans 2), as the PDF typesetter does.
        _put(ppr, _el("widowControl", val=1))
        _put(ppr, _el("autoSpaceDE", val=0))
        _put(ppr, _el("autoSpaceDN", val=0))
        # No punctuation hanging past the type area (the grid wants no ink beyond the 版心, 6.1): a mark that may
        # not start a line pulls a character down with it, as the PDF does. LibreOffice 7.4 reads overflowPunct
        # inverted (writerfilter sets ParaIsHangingPunctuation to val == 0), so "1" is what turns its hanging off;
        # Word reads "1" as allowing hanging (ECMA-376 17.3.1.21). Rendered, LibreOffice's ink stays 0.16 mm
        # inside the right edge on the seeds; Word is unverified here.
        _put(ppr, _el("overflowPunct", val=1))
        if spec.size_pt > 16:  # LibreOffice gives large type two grid lines unless it is taken off the grid
            _put(ppr, _el("snapToGrid", val=0))
        _put(ppr, _el("spacing", before=0, after=0, line=LINE, lineRule="exact"))
        if spec.name == "page_number":
            _put(ppr, _el("spacing", before=0, after=0, line=240, lineRule="auto"))
        _put(ppr, self._indent(spec))
        _put(ppr, _el("jc", val=_ALIGN[spec.align]))
        rpr = _rpr(el)
        set_fonts(rpr, self.faces[spec.face].docx_name)
        for tag in ("b", "bCs"):
            _put(rpr, _el(tag, val=1 if spec.bold else 0))
        _put(rpr, _el("color", val=spec.colour))
        _put(rpr, _el("w", val=BODY_CHAR_WIDTH if spec.size_pt == 16 else 100))
        _put(rpr, _el("sz", val=round(spec.size_pt * 2)))
        _put(rpr, _el("szCs", val=round(spec.size_pt * 2)))
        _put(rpr, _el("lang", val="en-US", eastAsia="zh-CN", bidi="ar-SA"))

    def _indent(self, spec: Style):
        char = _char_twips(spec)
        attrs = {
            "left": round(spec.left_indent_chars * char),
            "right": round(spec.right_indent_chars * char),
            "firstLine": round(spec.first_indent_chars * char),
        }
        if spec.first_indent_chars:
            attrs["firstLineChars"] = round(spec.first_indent_chars * 100)
        return _el("ind", **attrs)

    def _drop_styles_with_effects(self) -> None:
        # Word 2010's copy of the styles, still with theme fonts: Word 2013+ ignores it, 2010 would not.
        part = self.doc.part
        for rid, rel in list(part.rels.items()):
            if rel.reltype.endswith("/stylesWithEffects"):
                part.drop_rel(rid)

    def _font_table(self) -> None:
        """One w:font per Windows name, with a GB2312 charset and one fallback name (w:altName)."""
        part = next(r.target_part for r in self.doc.part.rels.values() if r.reltype.endswith("/fontTable"))
        root = parse_xml(part.blob)
        present = {f.get(qn("w:name")) for f in root.findall(qn("w:font"))}
        family = {"heiti": "modern", "song": "roman", "xiaobiaosong": "script"}
        for face in self.faces.values():
            if face.docx_name in present:
                continue
            font = _el("font", name=face.docx_name)
            if face.docx_alt:
                font.append(_el("altName", val=face.docx_alt))
            font.append(_el("charset", val="86"))
            font.append(_el("family", val=family.get(face.role, "modern")))
            font.append(_el("pitch", val="variable"))
            root.append(font)
            present.add(face.docx_name)
        part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    # -- blocks --

    def _block(self, block) -> None:
        if not isinstance(block, Blank | Paragraph):
            self.keep_blanks = False
        pitch = getattr(block, "pitch_pt", None)
        self.pitch = round(pitch * 20) if pitch else None
        match block:
            case Paragraph():
                self._paragraph(block)
            case TitleLines():
                for line in block.lines:
                    p = self._para(block.style)
                    self._run(p, line, block.style)
            case Blank():
                for _ in range(block.lines):
                    p = self._para("normal")
                    if self.keep_blanks:  # blank lines between kept paragraphs keep the chain unbroken
                        _put(_ppr(p), _el("keepNext"))
            case Masthead():
                self._masthead(block)
            case LetterHead():
                self._letter_head(block)
            case Rule():
                self._red_rule()
            case Signature():
                self._signature(block)
            case PageBreak():
                if self.fitted:
                    self._end_fitted_section()
                else:
                    self.break_next = True
            case Imprint():
                self._imprint(block)

    def _paragraph(self, block: Paragraph) -> None:
        p = self._para(block.style)
        if block.keep_with_next:
            _put(_ppr(p), _el("keepNext"))
        if block.keep_with_next and block.kind in ("body", "attachment_note"):
            # The body's last line keeps with the signature (7.3.5.5): fit.py's pitch where one fits, else the
            # line alone in a paragraph of its own (LibreOffice moves a whole keep-with-next paragraph).
            _put(_ppr(p), _el("widowControl", val=0))
            self.keep_blanks = True
        for run in block.runs:
            self._run(p, run.text, block.style, bold=run.bold, face=run.face)
        if block.right:
            self._flush_right(p, block.right)

    def _para(self, style_key: str):
        p = _el("p")
        ppr = _ppr(p)
        if style_key != "normal":
            _put(ppr, _el("pStyle", val=self.style_ids[style_key]))
        if self.break_next:
            _put(ppr, _el("pageBreakBefore"))
            self.break_next = False
        if self.before_next is not None:  # the first line under 信函格式's double line, placed off the grid
            _put(ppr, _el("snapToGrid", val=0))
            _put(ppr, _el("spacing", before=self.before_next, after=0, line=self.pitch or LINE, lineRule="exact"))
            self.before_next = None
        elif self.pitch:  # on the fitted section's grid, whose pitch this is
            _put(ppr, _el("spacing", before=0, after=0, line=self.pitch, lineRule="exact"))
        elif self.fitted:  # a line of the notice's head, of the full pitch: off the tighter grid
            _put(ppr, _el("snapToGrid", val=0))
        self.sect_pr.addprevious(p)
        return p

    def _run(
        self, p, text: str, style_key: str, bold: bool = False, face: str | None = None, size_pt: float | None = None
    ):
        spec = STYLES[style_key]
        r = _el("r")
        rpr = _rpr(r)
        set_fonts(rpr, self.faces[face or spec.face].docx_name)
        if bold:
            _put(rpr, _el("b"))
            _put(rpr, _el("bCs"))
        if size_pt and size_pt != spec.size_pt:
            _put(rpr, _el("sz", val=round(size_pt * 2)))
            _put(rpr, _el("szCs", val=round(size_pt * 2)))
        t = _el("t")
        t.text = text
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        r.append(t)
        p.append(r)
        return r

    def _signature(self, sig: Signature) -> None:
        """One paragraph per grid line of the block: the first text by its indent, others on the same line (joint
        organs side by side) at left tab stops; each electronic seal a floating picture anchored to the
        paragraph of its line. Every line keeps with the next, so the block never splits."""
        by_line: dict[int, list[tuple[str, SignatureLine]]] = {}
        for line in sig.signers:
            by_line.setdefault(line.line, []).append((sig.style, line))
        if sig.date:
            by_line.setdefault(sig.date.line, []).append((sig.date_style, sig.date))
        paras = []
        centres = {round(s.x_chars, 3) for s in sig.seals}
        for n in range(sig.lines):
            items = sorted(by_line.get(n, []), key=lambda it: it[1].indent_chars)
            if not items:
                p = self._para("normal")
            else:
                p = self._para(items[0][0])
                first = items[0][1]
                _put(_ppr(p), _el("ind", left=_cells_twips(first.indent_chars), right=0, firstLine=0))
                if len(items) == 1:
                    self._aligned_line(p, first, sig.date is first, centres)
                if len(items) > 1:
                    tabs = _el("tabs")
                    for _, line in items[1:]:
                        tabs.append(_el("tab", val="left", pos=_cells_twips(line.indent_chars)))
                    _put(_ppr(p), tabs)
                for j, (_, line) in enumerate(items):
                    if j:
                        r = _el("r")
                        set_fonts(_rpr(r), self.faces[STYLES[sig.style].face].docx_name)
                        r.append(_el("tab"))
                        p.append(r)
                    self._run(p, line.text, items[0][0])
            if n < sig.lines - 1:
                _put(_ppr(p), _el("keepNext"))
            paras.append(p)
        pitch = self.pitch or LINE
        for seal in sig.seals:
            if seal.image:
                row = min(int(seal.line), len(paras) - 1)
                self._float_seal(paras[row], seal, round((seal.line - row) * pitch))

    def _aligned_line(self, p, line, is_date: bool, centres: set[float]) -> None:
        """A line alone: a date that ends 右空四字 (sealed, 7.3.5.1) or 右空二字 (unsealed, 7.3.5.2) right-aligned
        there, a name centred on its seal's centre, so that a renderer that spaces digits its own way (LibreOffice
        adds space around digit runs even with autoSpaceDN off) still keeps the date's edge and the name's centre."""
        width = grid_width(line.text)
        right_edge = line.indent_chars + width
        if is_date and round(PAGE.chars_per_line - right_edge, 3) in (2.0, 4.0):
            _put(_ppr(p), _el("ind", left=0, right=_cells_twips(PAGE.chars_per_line - right_edge), firstLine=0))
            _put(_ppr(p), _el("jc", val="right"))
            return
        centre = line.indent_chars + width / 2
        if is_date or round(centre, 3) not in centres:
            return  # a name not under a seal (clamped at the left edge): keep its indent
        half = min(centre, PAGE.chars_per_line - centre)
        _put(
            _ppr(p),
            _el(
                "ind",
                left=_cells_twips(centre - half),
                right=_cells_twips(PAGE.chars_per_line - centre - half),
                firstLine=0,
            ),
        )
        _put(_ppr(p), _el("jc", val="center"))

    def _float_seal(self, p, seal, centre_twips: int) -> None:
        """The seal's PNG as a floating picture in front of the text (no wrapping), its centre `centre_twips`
        below the top of paragraph `p` and `seal.x_chars` cells from the type area's left edge."""
        import io

        size = Mm(seal.diameter_mm)
        inline = self.doc.part.new_pic_inline(io.BytesIO(seal.image), width=size)
        height = int(inline.extent.cy)
        emu_per_twip = 635
        x = round(seal.x_chars * CELL_TWIPS * emu_per_twip) - int(size) // 2
        y = centre_twips * emu_per_twip - height // 2
        self.seal_ids += 1
        anchor = parse_xml(
            f'<wp:anchor xmlns:wp="{WP_NS}" distT="0" distB="0" distL="0" distR="0" simplePos="0" '
            f'relativeHeight="{251659264 + self.seal_ids}" behindDoc="0" locked="1" layoutInCell="1" '
            'allowOverlap="1"><wp:simplePos x="0" y="0"/>'
            f'<wp:positionH relativeFrom="margin"><wp:posOffset>{x}</wp:posOffset></wp:positionH>'
            f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>{y}</wp:posOffset></wp:positionV>'
            f'<wp:extent cx="{int(size)}" cy="{height}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
            "<wp:wrapNone/></wp:anchor>"
        )
        doc_pr = inline.find(f"{{{WP_NS}}}docPr")
        doc_pr.set("name", f"印章{self.seal_ids}")
        for tag in ("docPr", "cNvGraphicFramePr"):
            el = inline.find(f"{{{WP_NS}}}{tag}")
            if el is not None:
                anchor.append(el)
        anchor.append(inline.find(qn("a:graphic")))
        drawing = _el("drawing")
        drawing.append(anchor)
        r = _el("r")
        r.append(drawing)
        p.append(r)

    def _masthead(self, m: Masthead) -> None:
        """Red 小标宋, its top edge 35 mm below the type area (7.2.4): space before, exact height = type size."""
        spec = STYLES["masthead"]
        used = sum(1 for e in self.body if e.tag == qn("w:p"))  # 份号/密级/紧急 lines above it
        before = max(0, _twips_mm(spec.space_before_mm + MASTHEAD_NUDGE_MM) - used * LINE)
        height = round(m.size_pt * 20)
        if len(m.names) == 1:
            p = self._para("masthead")
            self._masthead_ppr(p, before, height)
            self._run(p, m.names[0], "masthead", size_pt=m.size_pt)
            return
        spacer = self._para("normal")  # carries the 35 mm: a table has no space before
        _hairline(spacer, before=max(before - 20, 0))
        self._joint_masthead(m, height)

    def _masthead_ppr(self, p, before: int, height: int) -> None:
        ppr = _ppr(p)
        _put(ppr, _el("snapToGrid", val=0))
        _put(ppr, _el("spacing", before=before, after=0, line=height, lineRule="exact"))

    def _joint_masthead(self, m: Masthead, height: int) -> None:
        """Joint issuers: names stacked and spread to one width, 文件 to their right, vertically centred."""
        size_tw = m.size_pt * 20
        name_w = round((max(text_width(n) for n in m.names) + 0.6) * size_tw)  # slack: never wrap a name
        suffix_w = round(text_width(m.suffix) * size_tw) + round(size_tw / 2)
        tbl = parse_xml(
            f'<w:tbl xmlns:w="{W_NS}"><w:tblPr><w:tblW w:w="{name_w + suffix_w}" w:type="dxa"/><w:jc w:val="center"/>'
            '<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/>'
            '<w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders><w:tblLayout w:type="fixed"/>'
            '<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar></w:tblPr>'
            f'<w:tblGrid><w:gridCol w:w="{name_w}"/><w:gridCol w:w="{suffix_w}"/></w:tblGrid><w:tr>'
            f'<w:tc><w:tcPr><w:tcW w:w="{name_w}" w:type="dxa"/></w:tcPr></w:tc>'
            f'<w:tc><w:tcPr><w:tcW w:w="{suffix_w}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr></w:tc>'
            "</w:tr></w:tbl>"
        )
        left, right = tbl.findall(f"{qn('w:tr')}/{qn('w:tc')}")
        for name in m.names:
            left.append(self._cell_para("masthead", name, m.size_pt, height, "distribute"))
        right.append(self._cell_para("masthead", m.suffix, m.size_pt, height, "right"))
        self.sect_pr.addprevious(tbl)

    def _cell_para(self, style_key: str, text: str, size_pt: float, height: int, align: str):
        p = _el("p")
        ppr = _ppr(p)
        _put(ppr, _el("pStyle", val=self.style_ids[style_key]))
        self._masthead_ppr(p, 0, height)
        _put(ppr, _el("ind", left=0, right=0, firstLine=0))
        _put(ppr, _el("jc", val=align))
        self._run(p, text, style_key, size_pt=size_pt)
        return p

    def _flush_right(self, p, text: str) -> None:
        """`text` at a right tab stop on the type area's right edge, in the 发文字号's style."""
        tabs = _el("tabs")
        tabs.append(_el("tab", val="right", pos=_cells_twips(PAGE.chars_per_line)))
        _put(_ppr(p), tabs)
        r = _el("r")
        set_fonts(_rpr(r), self.faces[STYLES["letter_doc_number"].face].docx_name)
        r.append(_el("tab"))
        p.append(r)
        self._run(p, text, "letter_doc_number")

    def _letter_head(self, h: LetterHead) -> None:
        """信函格式 (10.1): the mark and the two double lines as frames placed on the page (they lie partly outside
        the type area, and never move the text), page 1 without a page number (a first-page footer left empty),
        and the next paragraph pushed down to 7/8 of a 3号 height under the upper double line."""
        width = _twips_mm(LETTER_RULE_MM)
        if h.name:
            height = round(h.size_pt * 20)
            nudge = round(LETTER_MARK_NUDGE_EM * height)
            p = self._frame(width, _twips_mm(h.mark_top_mm) + nudge, height, "letter_mark")
            _put(_ppr(p), _el("spacing", before=0, after=0, line=height, lineRule="exact"))
            _put(_ppr(p), _el("ind", left=0, right=0, firstLine=0))
            self._run(p, h.name, "letter_mark", size_pt=h.size_pt)
        lower = PAGE.height_mm - LETTER_FOOT_RULE_MM - _double_line_mm()
        for top_mm, upper, under in (
            (h.rule_top_mm, LETTER_THICK_PT, LETTER_THIN_PT),
            (lower, LETTER_THIN_PT, LETTER_THICK_PT),
        ):
            p = self._frame(width, _twips_mm(top_mm), round(_double_line_mm() * TWIPS_PER_MM), "normal")
            gap = round(LETTER_LINES_GAP_PT * 20)
            _put(_ppr(p), _el("spacing", before=0, after=0, line=gap, lineRule="exact"))
            bdr = _el("pBdr")
            colour = STYLES["letter_mark"].colour
            bdr.append(_el("top", val="single", sz=round(upper * 8), space=0, color=colour))
            bdr.append(_el("bottom", val="single", sz=round(under * 8), space=0, color=colour))
            _put(_ppr(p), bdr)
        section = self.doc.sections[0]
        section.different_first_page_header_footer = True  # an empty first-page footer: no page number on p.1
        pitch = self.pitch or LINE
        first_top = _twips_mm(h.flow_top_mm - PAGE.top_mm) - (pitch - 320) // 2
        self.before_next = max(0, first_top + _twips_mm(LETTER_FLOW_NUDGE_MM))

    def _frame(self, width: int, y: int, height: int, style_key: str):
        """A one-paragraph frame `width` twips wide, centred on the type area (as the 文件格式's mark is), `y` twips
        from the paper's top, that text flows through (it takes no room in the flow)."""
        p = self._para(style_key)
        _put(
            _ppr(p),
            _el(
                "framePr",
                w=width,
                h=height,
                hRule="exact",
                wrap="through",
                hAnchor="margin",
                vAnchor="page",
                xAlign="center",
                y=y,
            ),
        )
        _put(_ppr(p), _el("snapToGrid", val=0))
        return p

    def _red_rule(self) -> None:
        """The red rule as the bottom border of the doc number's paragraph: it spans the type area."""
        last = self.sect_pr.getprevious()
        if last is None or last.tag != qn("w:p"):
            last = self._para("normal")
            _hairline(last)
        bdr = _el("pBdr")
        bdr.append(
            _el(
                "bottom",
                val="single",
                sz=round(RED_RULE_PT * 8),
                space=RED_RULE_SPACE_PT,
                color=STYLES["red_rule"].colour,
            )
        )
        _put(_ppr(last), bdr)

    def _imprint(self, imp: Imprint) -> None:
        """版记: thick rule, 抄送, thin rule, 印发 row, thick rule, the last rule on the type area's bottom.

        Each row is a one-paragraph frame (w:framePr) at a fixed offset from the top margin, computed from
        exact line heights; the rules are the frames' paragraph borders. Tried and dropped (LibreOffice 7.4): a
        full-width floating table is laid out in the flow, and one frame of several bordered paragraphs is not
        made a frame at all.
        """
        self._imprint_page()
        spec = STYLES["imprint"]
        char = round(_char_twips(spec))
        width = _twips_mm(PAGE.type_width_mm)
        thick, thin = round(IMPRINT_THICK_PT * 8), round(IMPRINT_THIN_PT * 8)
        rows: list[tuple[str, dict, int | None, int]] = []  # text, indent, right tab, printed lines
        if imp.cc:
            label = imp.cc.split("：", 1)[0] + "："
            hang = round(text_width(label) * char)
            per_line = max(1, int((width - 2 * char - hang) / char))
            lines = -(-int(text_width(imp.cc) - text_width(label)) // per_line)
            rows.append((imp.cc, {"left": char + hang, "right": char, "hanging": hang}, None, max(1, lines)))
        if imp.printed_by or imp.printed_on:
            text = imp.printed_by + ("\t" + imp.printed_on if imp.printed_on else "")
            rows.append((text, {"left": char, "right": char}, width - char, 1))
        # One single-paragraph frame per row, stacked upwards from the type area's bottom edge.
        row_borders = (
            [[("top", thick), ("bottom", thin)], [("bottom", thick)]]
            if len(rows) == 2
            else [[("top", thick), ("bottom", thick)]]
        )
        if not imp.rules:  # 信函格式: no separator lines
            row_borders = [[] for _ in rows]
        bottom = _twips_mm(PAGE.type_height_mm)
        tops = []
        for _text, _ind, _tab, lines in reversed(rows):
            bottom -= lines * LINE
            tops.insert(0, bottom)
        for (text, ind, tab, lines), top, edges in zip(rows, tops, row_borders):
            p = self._para("imprint")
            ppr = _ppr(p)
            _put(
                ppr,
                _el(
                    "framePr",
                    w=width,
                    h=lines * LINE,
                    hRule="exact",
                    wrap="notBeside",
                    hAnchor="margin",
                    vAnchor="margin",
                    xAlign="center",
                    y=top,
                ),
            )
            bdr = _el("pBdr")
            for side, size in edges:
                bdr.append(_el(side, val="single", sz=size, space=0, color="000000"))
            _put(ppr, bdr)
            if tab:
                tabs = _el("tabs")
                tabs.append(_el("tab", val="right", pos=tab))
                _put(ppr, tabs)
            _put(ppr, _el("ind", **ind))
            for j, piece in enumerate(text.split("\t")):
                if j:
                    r = _el("r")
                    set_fonts(_rpr(r), self.faces[spec.face].docx_name)
                    r.append(_el("tab"))
                    p.append(r)
                if piece:
                    self._run(p, piece, "imprint")
        # The frame is anchored to the next paragraph: keep that one a hairline high.
        tail = self._para("normal")
        _hairline(tail)

    def _imprint_page(self) -> None:
        """Take the page the PDF gives the 版记: the next one after an odd last page; after a full even page, a
        blank page and then the 版记's, in a section of their own whose footers are empty (neither is numbered,
        7.5)."""
        if self.imprint_pages == 2:
            self._close_section()
            for title_pg in self.sect_pr.findall(qn("w:titlePg")):
                self.sect_pr.remove(title_pg)
            for ref in self.sect_pr.findall(qn("w:footerReference")):
                self.sect_pr.remove(ref)
            last = self.doc.sections[-1]
            for footer in (last.footer, last.even_page_footer):
                footer.is_linked_to_previous = False  # a footer of its own, and empty
            _hairline(self._para("normal"))  # the blank page
        if self.imprint_pages:
            self.break_next = True
            _hairline(self._para("normal"))


def _double_line_mm() -> float:
    return (LETTER_THICK_PT + LETTER_LINES_GAP_PT + LETTER_THIN_PT) * 25.4 / 72


def _hairline(p, before: int = 0) -> None:
    """A 1 pt high paragraph, off the grid (on it, LibreOffice would give it a whole grid line)."""
    ppr = _ppr(p)
    _put(ppr, _el("snapToGrid", val=0))
    _put(ppr, _el("spacing", before=before, after=0, line=20, lineRule="exact"))


def _ppr_style(el):
    """A style's pPr, placed before its rPr."""
    ppr = el.find(qn("w:pPr"))
    if ppr is None:
        ppr = _el("pPr")
        rpr = el.find(qn("w:rPr"))
        if rpr is not None:
            rpr.addprevious(ppr)
        else:
            el.append(ppr)
    return ppr
