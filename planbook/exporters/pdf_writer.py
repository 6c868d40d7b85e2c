"""The formal notice (or the plan alone) typeset to the GB/T 9704 grid once, then painted as PDF (or OFD).

Every body character sits in a cell of 156 mm / 28; lines are 28.95 pt apart (Word's 579-twip grid, so that the
PDF paginates like our DOCX: 22 lines fill 224.7 mm of the 225 mm type area), with each em box centred in its
line. The fonts ship in resources/fonts and are embedded as subsets; every character is checked against the face
that draws it and falls back to a second face, so none is silently dropped (reportlab draws nothing for a
missing glyph).

Two steps, so that every fixed-layout format prints the same positions:

    pages = typeset(build_document(plan, layout), Fonts())   # [Page(number, numbered, items)], no drawing
    PdfPainter(canvas, fonts).paint(pages)                   # reportlab; ofd_writer.OfdPainter does OFD

- `Typesetter` places the layout's blocks top to bottom and appends items to `Page.items` in drawing order:
  `TextItem(baseline, size, colour, pieces)` — one line; each `Piece(x, text, role, bold, step)` is characters of
  one asked face role, glyph origins `step` pt apart (or the font's advances when None); `TextItem.glyphs(fonts)`
  gives every printed character's x, the face that really draws it (fallback faces, 〓 included) and its weight.
  `RuleItem(x0, x1, y, width, colour)` — the red rule and 版记 rules. `ImageItem(x, y, width, height, data)` —
  a picture such as a seal. All lengths are pt, y measured DOWN from the paper top (painters flip for PDF),
  colours CMYK 0–1. `Page.marks` are the outline targets on that page (notice/plan title, sections).
- Painters only draw: no measuring or page decisions, so that a change of typography is made once, above.
"""

from __future__ import annotations

import dataclasses
import io
import itertools
import logging
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast, overload

from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from ..core.errors import PlanbookError
from ..core.messages import QT_TRANSLATE_NOOP, Message
from ..core.model import Node, Plan
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
    RED,
    RED_RULE_GAP_MM,
    RED_RULE_PT,
    STYLES,
    Blank,
    Block,
    Imprint,
    LetterHead,
    Masthead,
    PageBreak,
    Paragraph,
    Rule,
    Run,
    Seal,
    Signature,
    Style,
    TitleLines,
    build_document,
)
from ..layout.linebreak import Line, Unit, break_lines, is_wide
from . import CANNOT_WRITE, atomic_write
from .pdf_fonts import (  # noqa: F401 - also re-exported for callers of the old place
    FACES,
    FONT_DIR,
    FONT_DIR_ENV,
    FONT_KEYS,
    FONT_NEEDS,
    FONT_PROBLEMS,
    FONTS_FILE_ENV,
    KEY_OF_ROLE,
    ROLE_OF_FACE,
    ROLE_OF_KEY,
    FontChoice,
    FontFileError,
    FontSettingsError,
    bundled_font_file,
    check_font_file,
    font_faces,
    load_font,
    read_user_fonts,
    save_user_fonts,
    user_font_overrides,
    user_fonts_file,
)

log = logging.getLogger(__name__)

# ---------------------------------------------------------------------------------------------------- geometry
MM = 72 / 25.4
PAGE_W, PAGE_H = A4
LEFT, TOP = PAGE.left_mm * MM, PAGE.top_mm * MM  # 订口 and 天头
TYPE_W, TYPE_H = PAGE.type_width_mm * MM, PAGE.type_height_mm * MM  # 版心 156 × 225 mm
TYPE_BOTTOM = TOP + TYPE_H  # every y here is measured down from the paper top until it is drawn
CHARS, LINES = PAGE.chars_per_line, PAGE.lines_per_page
CELL = PAGE.cell_pt  # 15.793 pt
PITCH = PAGE.line_pitch_pt  # 28.95 pt: 22 lines fill 224.7 mm of 225
BODY = STYLES["body"].size_pt  # 三号
PAGE_NO_DROP = PAGE.page_number_gap_mm * MM  # top of the page number's 一字线 below the 版心
EM_ASCENT = 0.88  # ideographic em box of the bundled CJK faces: 880 / −120 units
INK_DESCENT = 0.18  # FandolFang's hanzi reach 181/1000 below the baseline (号 件 发)
DASH_TOP = 0.293  # top of "—" above the baseline in the page-number face (glyph yMax 293/1000)
RED_CMYK = (0, 1, 1, 0)  # meets "Y80 M80 at least" (6.2)
GETA = "〓"  # the typesetter's mark for a character no font has


# ------------------------------------------------------------------------------------------------------- fonts
@dataclass
class GlyphReport:
    """What the fonts could not draw as the style asked, for the one who exported: characters no face has
    (printed as 〓), and characters drawn with the fallback face, by the fonts.json key whose face lacked them."""

    missing: list[str] = field(default_factory=list)
    substituted: dict[str, list[str]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.missing or self.substituted)


class Fonts:
    """The bundled faces (or the user's), registered once, and the per-character choice of face."""

    def __init__(self, font_dir: Path | None = None, overrides: dict[str, FontChoice | Path] | None = None) -> None:
        font_dir = Path(font_dir or os.environ.get(FONT_DIR_ENV) or FONT_DIR)
        chosen: Mapping[str, FontChoice | Path] = user_font_overrides() if overrides is None else overrides
        self.names: dict[str, str] = {}
        self.cmaps: dict[str, set[int] | dict[int, int]] = {}
        self.substituted: dict[str, str] = {}  # character → the role whose face lacked it
        self.missing: set[str] = set()
        for role, (_, filename) in FACES.items():
            choice = chosen.get(role)
            try:
                font = load_font(role, choice or font_dir / filename)
            except FontFileError as e:
                if choice:
                    raise FontFileError(e.path, e.problem, e.detail, KEY_OF_ROLE[role]) from e
                if e.problem != "not_found":
                    raise
                raise PlanbookError(
                    QT_TRANSLATE_NOOP(
                        "Messages",
                        "cannot find the font file {path} ({role}); "
                        "reinstall Planbook or name the font in the "
                        "settings",
                    ),
                    path=e.path,
                    role=role,
                ) from e
            self.names[role] = font.fontName
            self.cmaps[role] = font.face.charToGlyph

    def report(self) -> GlyphReport:
        by_key: dict[str, list[str]] = {}
        for ch, role in sorted(self.substituted.items()):
            by_key.setdefault(KEY_OF_ROLE[role], []).append(ch)
        return GlyphReport(sorted(self.missing), {k: by_key[k] for k in FONT_KEYS if k in by_key})

    def has(self, role: str, ch: str) -> bool:
        return ord(ch) in self.cmaps[role]

    def face_for(self, ch: str, role: str) -> str:
        """The role whose face draws `ch`: the asked one, else 仿宋 (symbols), else the fallback face."""
        for r in (role, "fang", "fallback"):
            if self.has(r, ch):
                if r == "fallback":  # 仿宋 standing in for a symbol the title face lacks is not worth a word
                    self.substituted.setdefault(ch, role)
                return r
        self.missing.add(ch)
        return ""

    def segments(self, text: str, role: str) -> Iterable[tuple[str, str]]:
        """Split text into (role, text) runs that one face can draw; unknown characters become 〓."""
        run, run_role = "", role
        for ch in text:
            r = self.face_for(ch, role)
            if not r:
                ch, r = GETA, role if self.has(role, GETA) else "fang"
            if r != run_role and run:
                yield run_role, run
                run = ""
            run, run_role = run + ch, r
        if run:
            yield run_role, run

    def width(self, text: str, role: str, size: float) -> float:
        return sum(pdfmetrics.stringWidth(t, self.names[r], size) for r, t in self.segments(text, role))


# -------------------------------------------------------------------------------------------------- typesetter
# 7.3.5.5: the signature block stays with the last body line; these blocks follow it.
_TAIL = (Signature,)


CMYK = tuple[float, float, float, float]
BLACK: CMYK = (0, 0, 0, 1)


@dataclass
class Piece:
    """Characters of one face role and weight from `x` on: glyph origins `step` pt apart, or each glyph's own
    advance when `step` is None (Latin, digits, punctuation squeezed to half a cell)."""

    x: float
    text: str
    role: str  # the role the style asks for; Fonts.segments picks the face that has each character
    bold: bool = False
    step: float | None = None


@dataclass
class TextItem:
    """One line's (or one label's) pieces, sharing a baseline, size and colour."""

    baseline: float  # pt from the paper top
    size: float
    colour: CMYK
    pieces: list[Piece]

    def glyphs(self, fonts: Fonts) -> Iterable[tuple[float, str, str, bool]]:
        """(x of the glyph origin, character, face role that draws it, bold) for every character as printed."""
        for piece in self.pieces:
            x = piece.x
            for role, run in fonts.segments(piece.text, piece.role):
                for ch in run:
                    yield x, ch, role, piece.bold
                    x += piece.step if piece.step else fonts.width(ch, role, self.size)


@dataclass
class RuleItem:
    """A horizontal rule across [x0, x1] at `y` (pt from the paper top), `width` pt thick."""

    x0: float
    x1: float
    y: float
    width: float
    colour: CMYK = BLACK


@dataclass
class ImageItem:
    """A picture (e.g. a seal) with its top-left corner at (x, y) from the paper's top-left, in pt; `data` is the
    PNG or JPEG file's bytes (a PNG keeps its transparency)."""

    x: float
    y: float
    width: float
    height: float
    data: bytes


Item = TextItem | RuleItem | ImageItem


@dataclass
class Mark:
    """A place a reader's outline (bookmarks) points at: the notice title, the plan title, a section heading."""

    level: int  # 0 notice or plan title, 1 section
    title: str
    y: float  # top of its first line, pt from the paper top


@dataclass
class Page:
    number: int
    body_lines: int = 0
    body_text: int = 0  # lines of the notice's 正文 (or 附件说明) on the page
    numbered: bool = True  # "— N —" drawn; not on a blank page before the 版记 nor on that 版记 page (7.5)
    items: list[Item] = field(default_factory=list)  # in drawing order
    marks: list[Mark] = field(default_factory=list)  # where the outline's entries on this page point


@dataclass
class Typesetter:
    """Places the shared layout's blocks on pages top to bottom, as positioned items; painters draw the pages."""

    fonts: Fonts
    y: float = TOP  # top of the next grid line, measured from the paper top
    page: Page = field(default_factory=lambda: Page(1))
    pages: list[Page] = field(default_factory=list)
    last_baseline: float = 0.0  # of the last line drawn, for the red rule under the doc number
    pitch: float = PITCH  # of the block being placed: the grid's, or tighter on a notice page (layout.fit)

    # -- pages
    def room(self) -> int:
        """Whole grid lines left on this page."""
        return int((TYPE_BOTTOM - self.y + 0.5) // self.pitch)

    def new_page(self) -> None:
        self.finish_page()
        self.page = Page(self.page.number + 1)
        self.y = TOP

    def finish_page(self) -> None:
        """Page number "— N —", 4号 宋体 digits: odd pages right, even left, 空一字, dash top 7 mm under the 版心."""
        if not self.page.numbered:
            self.pages.append(self.page)
            return
        size = STYLES["page_number"].size_pt
        text = f"— {self.page.number} —"
        w = self.fonts.width(text, "digits", size)
        x = LEFT + TYPE_W - size - w if self.page.number % 2 else LEFT + size
        self.draw_text(x, TYPE_BOTTOM + PAGE_NO_DROP + DASH_TOP * size, text, "digits", size)
        self.pages.append(self.page)

    # -- text
    def draw_text(
        self,
        x: float,
        baseline: float,
        text: str,
        role: str,
        size: float,
        bold: bool = False,
        color: tuple | None = None,
    ) -> None:
        self.draw_items([[x, text, role, bold, None]], baseline, size, color)

    def draw_items(self, items: list[list], baseline: float, size: float, color: tuple | None = None) -> None:
        """Record [x, text, role, bold, step] pieces of one line as one text item."""
        pieces = [Piece(x, text, role, bool(bold), step) for x, text, role, bold, step in items]
        self.page.items.append(TextItem(baseline, size, color or BLACK, pieces))

    def baseline(self, size: float) -> float:
        """Baseline of a line of `size` whose grid line starts at self.y: the em box centred in the pitch."""
        return self.y + (self.pitch - size) / 2 + EM_ASCENT * size

    # -- blocks
    def place(self, blocks: list[Block]) -> None:
        for _ in self.pages_of(blocks):
            pass

    def pages_of(self, blocks: list[Block]) -> Iterator[Page]:
        """Place the blocks, handing out each page as soon as it is finished (so that a preview shows page 1 while
        the rest is typeset, and a painter draws as it goes); the pages are also kept in `pages`."""
        given = 0
        for i, block in enumerate(blocks):
            self.place_block(block, _Rest(blocks, i + 1))
            while given < len(self.pages):
                yield self.pages[given]
                given += 1
        self.finish_page()
        yield from self.pages[given:]

    def place_block(self, block: Block, rest: Sequence[Block]) -> None:
        """One block, with the blocks after it (for keep rules) as a view: a copy per block was quadratic."""
        self.pitch = getattr(block, "pitch_pt", None) or PITCH
        match block:
            case Blank():
                if self.y > TOP:  # blank lines never open a page
                    self.y += self.pitch * block.lines
                    if self.room() <= 0:
                        self.new_page()
            case PageBreak():
                if self.page.body_lines or self.y > TOP:  # a notice with nothing printable leaves no blank page
                    self.new_page()
            case Masthead():
                self.place_masthead(block)
            case LetterHead():
                self.place_letter_head(block, rest)
            case Rule():
                self.place_rule()
            case TitleLines():
                self.place_title(block, rest)
            case Paragraph():
                self.place_paragraph(block, rest)
            case Signature():
                self.place_signature(block)
            case Imprint():
                self.place_imprint(block)

    def _lines_after(self, rest: Sequence[Block]) -> int:
        """Grid lines the next blocks need on the same page as this one's last line (keep-with-next, 7.3.5.5)."""
        need = 0
        for block in rest:
            if isinstance(block, (Blank, Signature)):
                need += block.lines
            elif isinstance(block, Paragraph) and block.kind == "annotation":
                need += 1
            else:
                break
        has_tail = any(isinstance(b, _TAIL) for b in rest[:3])
        return need if has_tail else 0

    def cells(self, text: str, role: str, size: float, cell: float) -> float:
        """Width in cells: a number (1.47, 95%, 2018-) half a cell a character, as the grid has it; other Latin
        text as the font has it."""
        if any(c in _DIGITS for c in text):
            return sum(self._number_cells(c, role, size, cell) for c in text)
        return self.fonts.width(text, role, size) / cell

    def grid_cells(self, run: str, role: str, size: float, cell: float) -> float:
        """Width in cells of a run of Latin letters or digits as the DOCX's grid measures it before rounding up to
        whole cells: the face's advances at the width the DOCX gives body text (98 %)."""
        scale = BODY_CHAR_SCALE if size == BODY else 1.0
        return self.fonts.width(run, role, size) * scale / cell

    def _number_cells(self, c: str, role: str, size: float, cell: float) -> float:
        """A character of a number: a digit (or . , - inside one) half a cell, a hanzi one, % and letters their own."""
        return 1.0 if is_wide(c) else 0.5 if c in _HALF else self.fonts.width(c, role, size) / cell

    def lines_of(self, p: Paragraph) -> tuple[list[Line], Style, float]:
        """The paragraph broken as the DOCX's character grid breaks it: Latin and digit runs in whole cells, no
        punctuation squeezed (linebreak.snap, break_lines(squeeze=False))."""
        st = STYLES[p.style]
        cell = CELL * st.size_pt / BODY  # a 4号 版记 gets a proportionally smaller cell
        role = ROLE_OF_FACE[p.runs[0].face or st.face] if p.runs else "fang"
        width = CHARS * CELL / cell - st.left_indent_chars - st.right_indent_chars
        lines = break_lines(
            p.text,
            width=width,
            first_indent=st.first_indent_chars if st.align != "center" else 0,
            measure=lambda run: self.grid_cells(run, role, st.size_pt, cell),
            justify=st.align == "justify",
            grid=True,
        )
        return lines, st, cell

    def place_paragraph(self, p: Paragraph, rest: Sequence[Block]) -> None:
        """Lines go on as many pages as they take, never one alone at a page's foot or head (widow/orphan control,
        2 lines, as the DOCX's Normal style asks), except the last body paragraph, which Word then carries over
        with the signature line by line."""
        lines, st, cell = self.lines_of(p)
        keep = self._keep_with_next(p, st, rest)
        if keep and self.y > TOP and self.room() < min(len(lines) + keep, LINES):
            self.new_page()
        roles = _roles(p, st)
        tail = self._lines_after(rest)
        body = p.kind in ("body", "attachment_note")
        least = 1 if p.keep_with_next and body else 2
        for n, line in enumerate(lines):
            if self._breaks_before(len(lines) - n, n, least) or self._carries_tail(
                n == len(lines) - 1, tail, body and n == 0
            ):
                self.new_page()
            if n == 0:
                self._first_line_extras(p)
            self.draw_line(line, st, cell, roles)
            self.y += self.pitch
            self.page.body_lines += 1
            self.page.body_text += body
        if tail and self.room() < tail:
            self.new_page()

    def _first_line_extras(self, p: Paragraph) -> None:
        """On a paragraph's first line: a section heading's outline mark; text set flush right beside it (the
        信函格式's 发文字号 on the 份号's line)."""
        if p.kind == "heading1":
            self.page.marks.append(Mark(1, p.text, self.y))
        if p.right:
            right = Paragraph("doc_number", "letter_doc_number", [Run(p.right)])
            lines, st, cell = self.lines_of(right)
            self.draw_line(lines[0], st, cell, _roles(right, st))

    def _breaks_before(self, left: int, done: int, least: int) -> bool:
        """Does the page end before the next of a paragraph's lines, `left` of them still to place after `done`?
        At a full page; before a first line that would stand alone (orphan) or whose paragraph cannot leave
        `least` lines on each side of a break; before the last `least` lines when they would be split (widow)."""
        room = self.room()
        if room <= 0:
            return True
        if left <= room or self.y <= TOP:
            return False
        if done == 0:
            return min(room, left - least) < least
        return left <= least

    def _keep_with_next(self, p: Paragraph, st: Style, rest: Sequence[Block]) -> int:
        """Lines of what follows that this paragraph keeps on its page: a heading (style sheet) or a bare task
        title (the block says so) keeps with the next block, down a chain of such paragraphs as Word's and
        LibreOffice's keep-with-next does, ending in the first lines of a paragraph that keeps nothing (2 of them,
        or all of one too short to be split, as widow/orphan control would have it)."""
        keep = 0
        keeps = st.keep_with_next or p.keep_with_next
        for nxt in rest:
            if not keeps:
                break
            if isinstance(nxt, Blank):
                keep += nxt.lines
                continue
            if not isinstance(nxt, Paragraph):  # a title line, or a signature: fit.py and the tail see to that
                return keep + 1 if isinstance(nxt, TitleLines) else 0
            n = len(self.lines_of(nxt)[0])
            keeps = STYLES[nxt.style].keep_with_next or nxt.keep_with_next
            keep += n if keeps or n <= 3 else 2
        return keep

    def _carries_tail(self, last: bool, tail: int, first_body_line: bool) -> bool:
        """Does this last line go over with the signature after it (7.3.5.5)? Never when it would leave page 1
        without 正文 (7.3.3): a signature too tall for any pitch (three long-named organs, each under its seal) then
        takes the next page alone."""
        if not (last and tail and self.room() < 1 + tail and self.y > TOP):
            return False
        return not (first_body_line and not self.page.body_text)

    def draw_line(
        self, line: Line, st: Style, cell: float, roles: list[tuple[str, bool]], left_cells: float | None = None
    ) -> None:
        size = st.size_pt
        base = self.baseline(size)
        items = self._line_items(line, self._line_start(line, st, cell, left_cells), size, cell, roles)
        self.draw_items(items, base, size, RED_CMYK if st.colour == RED else None)
        self.last_baseline = base

    @staticmethod
    def _line_start(line: Line, st: Style, cell: float, left_cells: float | None) -> float:
        """x of the line's cell 0: after the left indent (or `left_cells`), moved for centred and right lines."""
        x0 = LEFT + (st.left_indent_chars if left_cells is None else left_cells) * cell
        if st.align in ("center", "right") and left_cells is None:
            avail = TYPE_W - (st.left_indent_chars + st.right_indent_chars) * cell
            span = (line.width - line.indent) * cell
            x0 += (avail - span) / 2 - line.indent * cell if st.align == "center" else avail - span
        return x0

    def _line_items(self, line: Line, x0: float, size: float, cell: float, roles: list[tuple[str, bool]]) -> list[list]:
        """[x, text, role, bold, step] pieces of one line. Evenly spaced hanzi of one style become one string drawn
        with character spacing (Tc): far fewer text operators than one per character, which is most of the time
        spent."""
        items: list[list] = []
        last_x, mergeable = 0.0, False
        for u in line.units:
            if u.text.isspace():
                mergeable = False
                continue
            role, bold = roles[min(u.start, len(roles) - 1)]
            x = x0 + (u.x + u.shift) * cell
            single = len(u.text) == 1 and is_wide(u.text) and u.width == 1 and not u.shift
            if single:
                x += (cell - size) / 2  # centre the 16 pt em box in its 15.79 pt cell
            if single and mergeable and items[-1][2:4] == [role, bold] and _same_step(items[-1], x - last_x):
                items[-1][1] += u.text
                items[-1][4] = x - last_x
            elif len(u.text) > 1 and any(c in _DIGITS for c in u.text):
                items += self._number_items(u, x, role, bold, size, cell)
                single = False
            else:
                items.append([x, u.text, role, bold, None])
            last_x, mergeable = x, single
        return items

    def _number_items(self, u: Unit, x: float, role: str, bold: bool, size: float, cell: float) -> list[list]:
        """A number (2020年, 3.5%): each digit in its half cell from the unit's left, a closing hanzi (年, ％)
        centred in the unit's last cell, after the grid's padding, so that a year takes exactly two cells rather
        than the face's 2.03."""
        items = []
        end = x + (u.width - u.shift) * cell  # x includes the grid's padding before the number (u.shift)
        for c in u.text:
            if is_wide(c) and c == u.text[-1]:
                items.append([end - cell + (cell - size) / 2, c, role, bold, None])
                break
            items.append([x + ((cell - size) / 2 if is_wide(c) else 0.0), c, role, bold, None])
            x += self._number_cells(c, role, size, cell) * cell
        return items

    def place_title(self, t: TitleLines, rest: Sequence[Block]) -> None:
        st = STYLES[t.style]
        if self.y > TOP and self.room() < len(t.lines) + 2:
            self.new_page()
        self.page.marks.append(Mark(0, "".join(t.lines), self.y))
        for text in t.lines:
            w = self.fonts.width(text, "title", st.size_pt)
            self.draw_text(LEFT + (TYPE_W - w) / 2, self.baseline(st.size_pt), text, ROLE_OF_FACE[st.face], st.size_pt)
            self.y += PITCH

    def place_masthead(self, m: Masthead) -> None:
        """Red, centred, its top edge 35 mm below the 版心; joint organs stacked with 文件 to their right."""
        st = STYLES[m.style]
        size = m.size_pt
        top = max(self.y, TOP + st.space_before_mm * MM)
        names_w = max(self.fonts.width(n, "title", size) for n in m.names)
        suffix_w = self.fonts.width(m.suffix, "title", size) if m.suffix else 0
        gap = size * 0.5 if m.suffix else 0
        x = LEFT + (TYPE_W - names_w - gap - suffix_w) / 2
        for i, name in enumerate(m.names):
            # Joint organs' names are spread to the longest one's width (分散对齐), as the DOCX's table cells are.
            w = self.fonts.width(name, "title", size)
            gap_each = (names_w - w) / (len(name) - 1) if len(name) > 1 else 0.0
            at = x if len(name) > 1 else x + (names_w - w) / 2
            for ch in name:
                self.draw_text(at, top + i * size + EM_ASCENT * size, ch, "title", size, color=RED_CMYK)
                at += self.fonts.width(ch, "title", size) + gap_each
        height = len(m.names) * size
        if m.suffix:
            self.draw_text(
                x + names_w + gap, top + (height - size) / 2 + EM_ASCENT * size, m.suffix, "title", size, color=RED_CMYK
            )
        self.y = top + height
        self.last_baseline = top + height - (1 - EM_ASCENT) * size

    def place_letter_head(self, h: LetterHead, rest: Sequence[Block]) -> None:
        """信函格式 (10.1): the mark 30 mm from the paper's top, the double lines 170 mm long under it and 20 mm
        above the paper's bottom (thin over thick), no page number on this page; the next line's characters begin
        7/8 of a 3号 height under the upper double line."""
        size = h.size_pt
        if h.name:
            w = self.fonts.width(h.name, "title", size)
            top = h.mark_top_mm * MM
            self.draw_text(LEFT + (TYPE_W - w) / 2, top + EM_ASCENT * size, h.name, "title", size, color=RED_CMYK)
        x0 = LEFT + (TYPE_W - LETTER_RULE_MM * MM) / 2  # centred on the type area, as the mark is
        upper = h.rule_top_mm * MM
        lower = PAGE_H - LETTER_FOOT_RULE_MM * MM - LETTER_THICK_PT - LETTER_LINES_GAP_PT - LETTER_THIN_PT
        for y, first, second in ((upper, LETTER_THICK_PT, LETTER_THIN_PT), (lower, LETTER_THIN_PT, LETTER_THICK_PT)):
            self.page.items.append(RuleItem(x0, x0 + LETTER_RULE_MM * MM, y + first / 2, first, RED_CMYK))
            y2 = y + first + LETTER_LINES_GAP_PT + second / 2
            self.page.items.append(RuleItem(x0, x0 + LETTER_RULE_MM * MM, y2, second, RED_CMYK))
        self.page.numbered = False  # 信函格式's first page has no page number
        pitch = (getattr(rest[0], "pitch_pt", None) if len(rest) else None) or PITCH
        self.y = max(self.y, h.flow_top_mm * MM - (pitch - BODY) / 2)

    def place_rule(self) -> None:
        """The red rule across the 版心, 4 mm under the doc number's ink (Fandol's hanzi reach 0.18 em below the
        baseline); then the grid continues from the rule."""
        y = self.last_baseline + INK_DESCENT * BODY + RED_RULE_GAP_MM * MM
        self.page.items.append(RuleItem(LEFT, LEFT + TYPE_W, y, RED_RULE_PT, RED_CMYK))
        self.y = y

    def place_signature(self, s: Signature) -> None:
        """署名 and date on their grid lines, then each electronic seal over them (7.3.5.1), drawn last so that it
        presses down on the text as a stamp does."""
        rows = [(line, "signature") for line in s.signers] + ([(s.date, "date")] if s.date else [])
        if self.room() < s.lines:
            self.new_page()
        top = self.y
        for line, style in rows:
            st = STYLES[style]
            role = ROLE_OF_FACE[st.face]
            self.y = top + line.line * self.pitch
            # On the cells, as body text is: a name 16 cells wide ends where 16 cells end, not 16 ems on.
            cells = break_lines(
                line.text,
                width=CHARS * 4,
                first_indent=0,
                justify=False,
                measure=lambda run, role=role, size=st.size_pt: self.cells(run, role, size, CELL),
                grid=True,
            )
            self.draw_line(cells[0], st, CELL, [(role, False)] * len(line.text), left_cells=line.indent_chars)
        for seal in s.seals:
            if seal.image:
                self.draw_seal(seal, top)
        self.y = top + s.lines * self.pitch
        self.page.body_lines += s.lines

    def draw_seal(self, seal: Seal, top: float) -> None:
        """The seal's PNG (its transparency kept) `diameter_mm` wide, centred where the layout says."""
        from PIL import Image

        if seal.image is None:
            return  # the seal's room is kept; there is no picture to put in it
        w, h = Image.open(io.BytesIO(seal.image)).size  # reads the header only
        width = seal.diameter_mm * MM
        height = width * h / w
        cx, cy = LEFT + seal.x_chars * CELL, top + seal.line * self.pitch
        self.page.items.append(ImageItem(cx - width / 2, cy - height / 2, width, height, seal.image))

    def place_imprint(self, imp: Imprint) -> None:
        """版记: rows of one grid line, its last thick rule on the 版心's bottom edge of the last face (7.4.1).

        Printed double-sided, the last face is an even page: after an odd page the 版记 takes the next (even) page;
        after an even page without room for it, a blank page comes first, and neither is numbered (7.5)."""
        st = STYLES[imp.style]
        size = st.size_pt
        cell = size  # 空一字 of the 版记's own 4号 size
        width = TYPE_W / cell - st.left_indent_chars - st.right_indent_chars

        def measure(run: str) -> float:
            return self.cells(run, "fang", size, cell)

        cc_lines: list[Line] = []
        label = ""
        if imp.cc:
            head, _, names = imp.cc.partition("：")
            label = head + "："
            hang = measure(label)
            cc_lines = [
                Line(line.units, hang)
                for line in break_lines(names, width=width - hang, first_indent=0, measure=measure, justify=False)
            ]
        printed = bool(imp.printed_by or imp.printed_on)
        rows = len(cc_lines) + (1 if printed else 0)
        if self.page.number % 2 or self.room() < rows:
            blank_first = not self.page.number % 2
            self.new_page()
            if blank_first:
                self.page.numbered = False
                self.new_page()
                self.page.numbered = False
        top = TYPE_BOTTOM - rows * PITCH
        for y in (top, TYPE_BOTTOM) if imp.rules else ():
            self.page.items.append(RuleItem(LEFT, LEFT + TYPE_W, y, IMPRINT_THICK_PT))
        self.y = top
        left = LEFT + st.left_indent_chars * cell
        for n, line in enumerate(cc_lines):
            base = self.baseline(size)
            if n == 0:
                self.draw_text(left, base, label, "fang", size)
            for u in line.units:
                if not u.text.isspace():  # a squeezed opener is drawn half a cell left: its ink is its right half
                    self.draw_text(left + (line.indent + u.x + u.shift) * cell, base, u.text, "fang", size)
            self.y += PITCH
        if printed:
            if cc_lines:
                self.page.items.append(RuleItem(LEFT, LEFT + TYPE_W, self.y, IMPRINT_THIN_PT))
            base = self.baseline(size)
            if imp.printed_by:
                self.draw_text(left, base, imp.printed_by, "fang", size)
            if imp.printed_on:
                w = self.fonts.width(imp.printed_on, "fang", size)
                self.draw_text(LEFT + TYPE_W - st.right_indent_chars * cell - w, base, imp.printed_on, "fang", size)
            self.y += PITCH


class _Rest(Sequence[Block]):
    """The blocks from `start` on, without copying them: the keep rules look at the next few only."""

    def __init__(self, blocks: list[Block], start: int) -> None:
        self.blocks, self.start = blocks, start

    def __len__(self) -> int:
        return max(0, len(self.blocks) - self.start)

    @overload
    def __getitem__(self, i: int) -> Block: ...

    @overload
    def __getitem__(self, i: slice) -> list[Block]: ...

    def __getitem__(self, i: int | slice) -> Block | list[Block]:  # as a list answers
        if isinstance(i, slice):
            return [self.blocks[self.start + k] for k in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        return self.blocks[self.start + i]

    def __iter__(self) -> Iterator[Block]:
        return (self.blocks[k] for k in range(self.start, len(self.blocks)))


def typeset(blocks: list[Block], fonts: Fonts) -> list[Page]:
    """The pages every painter draws (PDF here, OFD in ofd_writer)."""
    return list(typeset_pages(blocks, fonts))


def typeset_pages(blocks: list[Block], fonts: Fonts) -> Iterator[Page]:
    """The pages one by one, each as soon as it is finished (a long plan's page 1 in milliseconds)."""
    return Typesetter(fonts).pages_of(blocks)


def imprint_pages(blocks: list[Block], fonts: Fonts | None = None) -> int:
    """Pages the 版记 (the last block) adds after the last page of text, as `place_imprint` decides: 0 at that
    page's foot, 1 on the next (even) page, 2 for a blank page and then the 版记's, neither numbered (7.5). The
    DOCX asks this so that it breaks where the PDF does; nothing is drawn."""
    if not blocks or not isinstance(blocks[-1], Imprint):
        return 0
    setter = Typesetter(fonts or Fonts())
    for i, block in enumerate(blocks[:-1]):
        setter.place_block(block, _Rest(blocks, i + 1))
    before = len(setter.pages)
    setter.place_block(blocks[-1], _Rest(blocks, len(blocks)))
    return len(setter.pages) - before


def first_pages(plan: Plan, layout: str, fonts: Fonts, count: int) -> list[Page]:
    """The document's first `count` pages, typeset from only as much of the plan as they can hold, so in a time
    that does not grow with the plan (a preview's page 1 of a 1,300-page plan). They are the whole document's own
    first pages: what comes after them never moves what is on them, and the part kept fills pages past them."""
    head = _head(plan, (count + 2) * LINES)
    blocks = build_document(head, layout)
    pages = typeset_pages(blocks, fonts)
    return list(itertools.islice(pages, count))


def _head(plan: Plan, lines: int) -> Plan:
    """`plan` with only the nodes (in reading order) that surely take `lines` grid lines: each paragraph at least
    one, and one more per 112 characters (28 cells of the narrowest Latin); the closing, which comes last, left out."""
    budget = [lines]

    def kept(node: Node) -> Node | None:
        if budget[0] <= 0:
            return None
        for text in (node.title + node.body).splitlines() + [f.value for f in node.fields]:
            budget[0] -= max(1, len(text) // 112)
        children = [c for c in map(kept, node.children) if c is not None]
        return dataclasses.replace(node, children=children)

    nodes = [n for n in map(kept, plan.nodes) if n is not None]
    return dataclasses.replace(plan, nodes=nodes, closing="") if budget[0] <= 0 else plan


_DIGITS = frozenset("0123456789")
_HALF = _DIGITS | frozenset(".,:-–+/")  # as wide as a digit or narrower: set in a digit's half cell


def _same_step(item: list, step: float) -> bool:
    """Can a hanzi `step` pt after the last one join `item` (a merged run keeps one step)?"""
    return item[4] is None or abs(step - item[4]) < 1e-6


def _roles(p: Paragraph, st: Style) -> list[tuple[str, bool]]:
    """(font role, bold) for every character of the paragraph."""
    out: list[tuple[str, bool]] = []
    for run in p.runs:
        out += [(ROLE_OF_FACE[run.face or st.face], run.bold or st.bold)] * len(run.text)
    return out or [("fang", False)]


# ----------------------------------------------------------------------------------------------- PDF painter
@dataclass
class PdfPainter:
    """Draws typeset pages on a reportlab canvas (y flipped: PDF measures up from the paper's foot)."""

    canvas: Canvas
    fonts: Fonts

    def paint(self, pages: Iterable[Page]) -> None:
        for n, page in enumerate(pages):
            if n:
                self.canvas.showPage()
            for item in page.items:
                match item:
                    case TextItem():
                        self.text(item)
                    case RuleItem():
                        self.rule(item)
                    case ImageItem():
                        self.image(item)

    def rule(self, r: RuleItem) -> None:
        c = self.canvas
        c.saveState()
        c.setStrokeColorCMYK(*r.colour)
        c.setLineWidth(r.width)
        c.line(r.x0, PAGE_H - r.y, r.x1, PAGE_H - r.y)
        c.restoreState()

    def image(self, im: ImageItem) -> None:
        from reportlab.lib.utils import ImageReader

        self.canvas.drawImage(
            ImageReader(io.BytesIO(im.data)), im.x, PAGE_H - im.y - im.height, im.width, im.height, mask="auto"
        )

    def text(self, item: TextItem) -> None:
        """One text object for the plain pieces of a line, one for the bold."""
        c, color, size, baseline = self.canvas, item.colour, item.size, item.baseline
        for bold in (False, True):
            group = [p for p in item.pieces if p.bold is bold]
            if not group:
                continue
            if bold:
                # Fill + thin stroke, since no bundled face has a bold weight. Tr is graphics state and outlives
                # ET (reportlab never writes "0 Tr" back), so bold text gets its own q … Q.
                c.saveState()
                c.setStrokeColorCMYK(*color)
                c.setLineWidth(size * 0.03)
            t = c.beginText()
            t.setFillColorCMYK(*color)
            if bold:
                t.setTextRenderMode(2)
            self._draw_group(t, group, baseline, size)
            c.drawText(t)
            if bold:
                c.restoreState()

    def _draw_group(self, t, group: list[Piece], baseline: float, size: float) -> None:
        t.setTextOrigin(group[0].x, PAGE_H - baseline)
        origin = group[0].x
        current, spacing = None, None  # Tc, like Tr, is graphics state: every text object sets its own
        for piece in group:
            x, text, role, step = piece.x, piece.text, piece.role, piece.step
            want = step - size if step else 0.0  # every hanzi advances 1 em; Tc makes it one cell
            if want != spacing:
                t.setCharSpace(want)
                spacing = want
            done = 0
            doc = cast(Any, self.canvas)._doc  # the document TrueType subsets are numbered in
            for r, run in self.fonts.segments(text, role):
                if r != current:
                    t.setFont(self.fonts.names[r], size)
                    current = r
                font: Any = pdfmetrics.getFont(self.fonts.names[r])  # a TTFont: splitString
                chunks = font.splitString(run, doc)
                if not step:
                    if x != origin:
                        t.moveCursor(x - origin, 0)  # Td: two numbers where Tm takes six
                        origin = x
                    _show(t, font, chunks, doc)
                    continue
                # One Tj per embedded subset, each from its own origin: readers disagree on whether Tc follows
                # the last glyph of a Tj (pdfminer does not), so no position may depend on it.
                for chunk in chunks:
                    at = x + done * step
                    if at != origin:
                        t.moveCursor(at - origin, 0)
                        origin = at
                    _show(t, font, [chunk], doc)
                    done += len(chunk[1])


def _show(t, font, chunks: list[tuple[int, bytes]], doc) -> None:
    """`t.textOut` of text already split into (subset, codes), writing what reportlab writes: its textOut split
    the text again and measured it to move a cursor nothing here reads, most of the painting time."""
    out = []
    for subset, codes in chunks:
        if subset != t._curSubset:
            out.append(f"{font.getSubsetInternalName(subset, doc)} {fp_str(t._fontsize)} Tf {fp_str(t._leading)} TL")
            t._curSubset = subset
        out.append(f"({escapePDF(codes)}) Tj")
    t._code.append(" ".join(out))


# ------------------------------------------------------------------------------------------------- entry point
def render(
    plan: Plan,
    out: Path | str,
    layout: str = "notice",
    fonts: Fonts | None = None,
    on_page: Callable[[Page], None] | None = None,
) -> Fonts:
    """Write the PDF to `out` (no atomicity: use `write_pdf`). Returns the fonts with their substitution log.

    Pages are typeset and painted one at a time; `on_page` sees each as soon as it is typeset (a preview shows
    page 1 from it while the rest is still to come, and may stop the work by raising)."""
    if layout not in LAYOUTS:
        raise PlanbookError(
            QT_TRANSLATE_NOOP("Messages", "unknown layout {layout!r} (choose from {choices})"),
            layout=layout,
            choices=", ".join(LAYOUTS),
        )
    blocks = build_document(plan, layout)
    fonts = fonts or Fonts()
    pages = typeset_pages(blocks, fonts)
    paint_pdf(_watched(pages, on_page) if on_page else pages, out, fonts, plan, layout)
    return fonts


def _watched(pages: Iterable[Page], on_page: Callable[[Page], None]) -> Iterator[Page]:
    for page in pages:
        on_page(page)
        yield page


def paint_pdf(pages: Iterable[Page], out: Path | str, fonts: Fonts, plan: Plan, layout: str = "notice") -> None:
    """Paint typeset pages as a PDF of `plan` (its title and author in the document information)."""
    rl_config.useA85 = 0  # binary streams: ASCII85 (reportlab's default) costs a fifth of the time and 25 % size
    fang: Any = fonts.names["fang"]  # reportlab's stubs type the font name as a float
    canvas = Canvas(str(out), pagesize=A4, pageCompression=1, initialFontName=fang, initialFontSize=BODY)
    title = plan.notice.title if layout == "notice" and plan.notice.title else plan.title
    canvas.setTitle(" ".join(title.split()))
    canvas.setAuthor("、".join(plan.notice.signers or plan.issuers))
    canvas.setCreator("Planbook")
    PdfPainter(canvas, fonts).paint(pages)
    canvas.save()


def write_pdf(
    plan: Plan,
    out: Path,
    layout: str | None = None,
    warn: Callable[[Message], None] | None = None,
    *,
    fonts: Fonts | None = None,
    on_page: Callable[[Page], None] | None = None,
) -> GlyphReport:
    """Export through a temporary file; unwritable targets and missing fonts become one-line errors.

    Returns what the fonts could not draw as asked (also passed to `warn` as sentences, the log by default), so
    that a window can tell the one who exported instead of leaving it in a log nobody reads. `fonts` and
    `on_page` are passed to `render`.
    """
    out = Path(out)
    layout = layout or "notice"
    if out.is_dir():
        raise PlanbookError(QT_TRANSLATE_NOOP("Messages", "cannot write {path}: it is a folder"), path=out)
    try:
        with atomic_write(out) as tmp:
            fonts = render(plan, tmp, layout, fonts, on_page)
    except OSError as e:
        raise PlanbookError(CANNOT_WRITE, path=out, reason=e.strerror or e) from e
    return report_glyphs(fonts, warn)


def report_glyphs(fonts: Fonts, warn: Callable[[Message], None] | None = None) -> GlyphReport:
    """What the fonts could not draw as asked, told to `warn` (the log by default) and returned."""
    warn = warn or log.warning
    report = fonts.report()
    if report.substituted:
        chars = "".join(sorted(fonts.substituted))
        warn(
            Message(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "these characters are missing from the main font and were set in the fallback font: {chars}",
                ),
                chars=chars,
            )
        )
    if report.missing:
        warn(
            Message(
                QT_TRANSLATE_NOOP(
                    "Messages", "these characters are in no bundled font and were printed as {geta}: {chars}"
                ),
                geta=GETA,
                chars="".join(report.missing),
            )
        )
    return report
