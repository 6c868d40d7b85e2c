"""The formal notice (or the plan alone) as a PDF typeset to the GB/T 9704 grid, drawn with reportlab's canvas.

Every body character sits in a cell of 156 mm / 28; lines are 28.95 pt apart (Word's 579-twip grid, so that the
PDF paginates like our DOCX: 22 lines fill 224.7 mm of the 225 mm type area), with each em box centred in its
line. The fonts ship in resources/fonts and are embedded as subsets; every character is checked against the face
that draws it and falls back to a second face, so none is silently dropped (reportlab draws nothing for a
missing glyph).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from ..core.errors import PlanbookError
from ..core.model import Node, NodeKind, Plan
from ..core.numbering import number_tree
from ..layout.linebreak import Line, break_lines
from . import atomic_write

log = logging.getLogger(__name__)

# ---------------------------------------------------------------------------------------------------- geometry
MM = 72 / 25.4
PAGE_W, PAGE_H = A4
LEFT, TOP = 28 * MM, 37 * MM  # 订口 and 天头
TYPE_W, TYPE_H = 156 * MM, 225 * MM  # 版心
TYPE_BOTTOM = TOP + TYPE_H  # measured from the paper top, like every y below until drawing
CHARS, LINES = 28, 22
CELL = TYPE_W / CHARS  # 15.793 pt
PITCH = 28.95  # pt: Word's 579-twip line; 22 × 28.95 = 224.7 mm ≤ 225 mm
BODY, TITLE, IMPRINT = 16.0, 22.0, 14.0  # 三号, 二号, 四号
MASTHEAD_DROP = 35 * MM  # top of the 发文机关标志 below the top of the 版心
MASTHEAD_MAX = 42.0  # 初号; shrunk to fit the 版心 width
RULE_GAP = 4 * MM  # red rule below the 文号
PAGE_NO_DROP = 7 * MM  # top of the page number's 一字线 below the 版心
EM_ASCENT = 0.88  # ideographic em box of the bundled CJK faces: 880 / −120 units
RED = (0, 1, 1, 0)  # CMYK: meets "Y80 M80 at least"
THICK, THIN = 0.35 * MM, 0.25 * MM  # 版记 rules
DASH_TOP = 0.293  # top of "—" above the baseline in the page-number face (glyph yMax 293/1000)
GETA = "〓"  # the typesetter's mark for a character no font has

FONT_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"
FACES = {  # role → (reportlab name, file)
    "fang": ("FandolFang", "FandolFang-Regular.ttf"),
    "hei": ("FandolHei", "FandolHei-Regular.ttf"),
    "kai": ("FandolKai", "FandolKai-Regular.ttf"),
    "title": ("PlanbookTitleSerif", "PlanbookTitleSerif-Bold.ttf"),
    "digits": ("PlanbookPageDigits", "PlanbookPageDigits-Regular.ttf"),
    "fallback": ("PlanbookFallbackSerif", "PlanbookFallbackSerif-Regular.ttf"),
}
LAYOUTS = ("notice", "plan")


# ------------------------------------------------------------------------------------------------------- fonts
class Fonts:
    """The bundled faces, registered once, and the per-character choice of face."""

    _registered: dict[str, TTFont] = {}

    def __init__(self, font_dir: Path = FONT_DIR, overrides: dict[str, Path] | None = None) -> None:
        self.names: dict[str, str] = {}
        self.cmaps: dict[str, set[int] | dict[int, int]] = {}
        self.substituted: dict[str, str] = {}  # character → face name, for the log
        self.missing: set[str] = set()
        for role, (name, filename) in FACES.items():
            path = Path((overrides or {}).get(role) or font_dir / filename)
            key = f"{name}@{path}"
            font = self._registered.get(key)
            if font is None:
                if not path.is_file():
                    raise PlanbookError(f"找不到字体文件 {path}（{role}），请重新安装 Planbook 或在设置中指定字体")
                try:
                    font = TTFont(key, str(path))
                except Exception as e:  # reportlab raises bare TTFError/AssertionError for bad files
                    raise PlanbookError(f"无法使用字体文件 {path}：{e}") from e
                pdfmetrics.registerFont(font)
                self._registered[key] = font
            self.names[role] = key
            self.cmaps[role] = font.face.charToGlyph

    def has(self, role: str, ch: str) -> bool:
        return ord(ch) in self.cmaps[role]

    def face_for(self, ch: str, role: str) -> str:
        """The role whose face draws `ch`: the asked one, else 仿宋 (symbols), else the fallback face."""
        for r in (role, "fang", "fallback"):
            if self.has(r, ch):
                if r != role and not ch.isspace():
                    self.substituted.setdefault(ch, r)
                return r
        self.missing.add(ch)
        return ""

    def segments(self, text: str, role: str) -> Iterable[tuple[str, str]]:
        """Split text into (role, text) runs that one face can draw; unknown characters become 〓."""
        run, run_role = "", None
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


# ------------------------------------------------------------------------------------------------------ blocks
@dataclass
class Para:
    """A paragraph on the grid. `runs` are (text, role); roles: fang, hei, kai, bold (仿宋加粗), title."""

    runs: list[tuple[str, str]]
    first_indent: float = 2  # cells
    indent: float = 0
    right_indent: float = 0
    size: float = BODY
    cell: float = CELL
    align: str = "justify"  # justify | left | center | right
    keep_with_next: bool = False
    kind: str = "body"  # what tests and the preview may ask about: body, heading, title, signature …

    @property
    def text(self) -> str:
        return "".join(t for t, _ in self.runs)


@dataclass
class Blank:
    lines: int = 1


@dataclass
class PageBreak:
    pass


@dataclass
class Masthead:
    text: str
    doc_number: str = ""


@dataclass
class Signature:
    signers: list[str]
    date: str


@dataclass
class Imprint:
    """版记: 抄送 and 印发机关/日期 between thick rules at the foot of the last page."""

    cc: str = ""
    printed_by: str = ""
    printed_on: str = ""


Block = Para | Blank | PageBreak | Masthead | Signature | Imprint


def cn_date(d: dt.date | None) -> str:
    return f"{d.year}年{d.month}月{d.day}日" if d else ""


def _paras(text: str, **kw) -> list[Para]:
    return [Para([(p.strip(), "fang")], **kw) for p in text.splitlines() if p.strip()]


def plan_blocks(plan: Plan) -> list[Block]:
    """The plan itself: title, preamble, numbered headings with their bodies and fields, closing."""
    blocks: list[Block] = [Para([(line, "title")], first_indent=0, size=TITLE, cell=TITLE, align="center",
                                kind="title") for line in title_lines(plan.title)]
    blocks.append(Blank())
    blocks += _paras(plan.preamble)
    numbers = number_tree(plan.nodes, plan.numbering)
    for node in plan.walk():
        blocks += node_blocks(node, numbers[id(node)])
    blocks += _paras(plan.closing)
    return blocks


HEADING_ROLE = {NodeKind.SECTION: "hei", NodeKind.SUBSECTION: "kai", NodeKind.TASK: "bold", NodeKind.ITEM: "fang"}
_SENTENCE_END = tuple("。！？；：")


def node_blocks(node: Node, number: str) -> list[Block]:
    """A heading line; a body that follows a full sentence runs on in 仿宋, otherwise it gets its own paragraph."""
    role = HEADING_ROLE[node.kind]
    lead = f"{number}{node.title}"
    body = [p.strip() for p in node.body.splitlines() if p.strip()]
    runs = [(lead, role)]
    if body and node.title.endswith(_SENTENCE_END):
        runs.append((body.pop(0), "fang"))
    head = Para(runs, kind="heading", keep_with_next=node.kind in (NodeKind.SECTION, NodeKind.SUBSECTION))
    out: list[Block] = [head]
    out += [Para([(p, "fang")]) for p in body]
    out += [Para([(f"{f.label}：{f.value}", "fang")], kind="field") for f in node.fields]
    return out


def notice_blocks(plan: Plan) -> list[Block]:
    n = plan.notice
    blocks: list[Block] = []
    if n.masthead or n.doc_number:
        blocks.append(Masthead(n.masthead, n.doc_number))
    if n.title:
        blocks += [Para([(line, "title")], first_indent=0, size=TITLE, cell=TITLE, align="center", kind="title")
                   for line in title_lines(n.title)]
        blocks.append(Blank())
    if n.recipients:
        blocks.append(Para([(n.recipients, "fang")], first_indent=0, kind="recipients"))
    blocks += _paras(n.body)
    if n.attachments:
        blocks += [Blank(), Para([(f"附件：{n.attachments}", "fang")], kind="attachments")]
    if n.signers or n.signed_on:
        blocks.append(Signature(list(n.signers), cn_date(n.signed_on)))
    if n.annotation:
        blocks.append(Para([(n.annotation, "fang")], kind="annotation"))
    return blocks


def document_blocks(plan: Plan, layout: str) -> list[Block]:
    if layout not in LAYOUTS:
        raise PlanbookError(f"未知的版式 {layout!r}（可选：{'、'.join(LAYOUTS)}）")
    blocks: list[Block] = []
    if layout == "notice" and not plan.notice.is_empty():
        blocks += notice_blocks(plan)
        blocks.append(PageBreak())
    blocks += plan_blocks(plan)
    n = plan.notice
    if layout == "notice" and (n.cc or n.printed_by or n.printed_on):
        blocks.append(Imprint(n.cc, n.printed_by, cn_date(n.printed_on)))
    return blocks


# --------------------------------------------------------------------------------------------------- titles
_PAIRS = {"《": "》", "〔": "〕", "（": "）", "“": "”", "(": ")"}
TITLE_MAX = int(TYPE_W // TITLE)  # 20 characters of 22 pt


def title_lines(title: str, max_chars: int = TITLE_MAX) -> list[str]:
    """Break a title into lines shaped like a trapezoid (long over short) without splitting 《…》, numbers or words
    that the breaker can recognise; an explicit newline in the title is kept as the user's own break."""
    out: list[str] = []
    for part in (p.strip() for p in title.splitlines()):
        if part:
            out += _shape(part, max_chars)
    return out or [""]


def _break_points(text: str) -> list[int]:
    """Positions where a title may break: not inside bracket pairs or runs of digits/letters."""
    points, depth, closing = [], 0, []
    for i, ch in enumerate(text):
        if closing and ch == closing[-1]:
            closing.pop()
            depth -= 1
        elif ch in _PAIRS:
            closing.append(_PAIRS[ch])
            depth += 1
            if depth == 1 and i:
                points.append(i)  # before an opening bracket
            continue
        if depth == 0 and 0 < i + 1 < len(text):
            a, b = text[i], text[i + 1]
            if not (a.isascii() and a.isalnum() and b.isascii() and b.isalnum()) and b not in "》〕）”)、，。的":
                points.append(i + 1)
    return sorted(set(points))


_GOOD_BREAKS = ("关于", "的通知", "的意见", "的决定", "的报告", "工作要点", "年")


def _shape(text: str, max_chars: int) -> list[str]:
    if len(text) <= max_chars:
        return [text]
    points = _break_points(text) or list(range(1, len(text)))
    n_lines = -(-len(text) // max_chars)
    best, best_cost = None, float("inf")
    target = len(text) / n_lines

    def search(start: int, lines: list[str]) -> None:
        nonlocal best, best_cost
        if len(lines) == n_lines - 1:
            last = text[start:]
            if len(last) <= max_chars:
                cand = [*lines, last]
                cost = _title_cost(cand, text, target)
                if cost < best_cost:
                    best, best_cost = cand, cost
            return
        for p in points:
            if p > start and p - start <= max_chars:
                search(p, [*lines, text[start:p]])

    search(0, [])
    if best is None:  # no legal break: cut evenly rather than overflow
        return [text[i:i + max_chars] for i in range(0, len(text), max_chars)]
    return best


def _title_cost(lines: list[str], text: str, target: float) -> float:
    cost = sum((len(line) - target) ** 2 for line in lines)
    for a, b in zip(lines, lines[1:]):
        if len(b) > len(a):
            cost += 6  # 梯形: upper lines longer
        if len(b) == len(a):
            cost += 2
    for line in lines[1:]:
        if line.startswith(_GOOD_BREAKS) or line.startswith(("《", "的")):
            cost -= 4 if not line.startswith("的") else -8
    return cost


# ------------------------------------------------------------------------------------------------ typesetter
@dataclass
class Page:
    number: int
    lines: int = 0  # body lines drawn, for the 22-line check


@dataclass
class Typesetter:
    canvas: Canvas
    fonts: Fonts
    y: float = TOP  # top of the next line, from the paper top
    page: Page = field(default_factory=lambda: Page(1))
    pages: list[Page] = field(default_factory=list)

    # -- page handling
    def room(self) -> int:
        return int((TYPE_BOTTOM - self.y + 0.5) // PITCH)

    def new_page(self) -> None:
        self.finish_page()
        self.canvas.showPage()
        self.page = Page(self.page.number + 1)
        self.y = TOP

    def finish_page(self) -> None:
        self.draw_page_number()
        self.pages.append(self.page)

    def draw_page_number(self) -> None:
        text = f"— {self.page.number} —"
        size = IMPRINT
        w = self.fonts.width(text, "digits", size)
        x = LEFT + TYPE_W - size - w if self.page.number % 2 else LEFT + size
        baseline = TYPE_BOTTOM + PAGE_NO_DROP + DASH_TOP * size
        self.draw_text(x, baseline, text, "digits", size)

    # -- drawing primitives
    def draw_text(self, x: float, baseline: float, text: str, role: str, size: float,
                  color: tuple | None = None) -> None:
        c = self.canvas
        c.setFont(self.fonts.names["fang"], size)  # else beginText declares reportlab's default Helvetica
        t = c.beginText()
        if color:
            t.setFillColorCMYK(*color)
        bold = role == "bold"
        # Tr belongs to the graphics state and outlives ET, so every text object sets it
        t.setTextRenderMode(2 if bold else 0)  # fill + thin stroke: the bundled 仿宋 has no bold face
        if bold:
            c.setLineWidth(size * 0.025)
        t.setTextOrigin(x, PAGE_H - baseline)
        for r, run in self.fonts.segments(text, "fang" if bold else role):
            t.setFont(self.fonts.names[r], size)
            t.textOut(run)
        c.drawText(t)

    def baseline(self, size: float) -> float:
        """Baseline (from the paper top) of a line of `size` starting at self.y: em box centred in the pitch."""
        return self.y + (PITCH - size) / 2 + EM_ASCENT * size

    # -- blocks
    def place(self, blocks: list[Block]) -> None:
        for i, block in enumerate(blocks):
            match block:
                case Blank():
                    self.y += PITCH * block.lines
                    if self.room() <= 0:
                        self.new_page()
                case PageBreak():
                    self.new_page()
                case Masthead():
                    self.place_masthead(block)
                case Para():
                    self.place_para(block, blocks[i + 1] if i + 1 < len(blocks) else None)
                case Signature():
                    self.place_signature(block)
                case Imprint():
                    self.place_imprint(block)
        self.finish_page()

    def lines_of(self, para: Para) -> list[Line]:
        width = (TYPE_W - (para.indent + para.right_indent) * para.cell) / para.cell
        role = para.runs[0][1]

        def measure(run: str) -> float:
            return self.fonts.width(run, "fang" if role == "bold" else role, para.size) / para.cell

        if para.align == "center":
            return [line for line in break_lines(para.text, width=width, first_indent=0, measure=measure,
                                                 justify=False)]
        return break_lines(para.text, width=width, first_indent=para.first_indent, measure=measure,
                           justify=para.align == "justify")

    def place_para(self, para: Para, following: Block | None) -> None:
        lines = self.lines_of(para)
        need = len(lines)
        if para.keep_with_next and isinstance(following, Para):
            need += 1
        if self.room() < min(need, LINES) and self.y > TOP:
            self.new_page()
        styles = _style_map(para)
        for n, line in enumerate(lines):
            if self.room() <= 0:
                self.new_page()
            self.draw_line(para, line, styles, last=n == len(lines) - 1)
            self.y += PITCH
            self.page.lines += 1

    def draw_line(self, para: Para, line: Line, styles: list[str], last: bool) -> None:
        base = self.baseline(para.size)
        x0 = LEFT + para.indent * para.cell
        if para.align in ("center", "right"):
            span = line.width * para.cell
            avail = TYPE_W - (para.indent + para.right_indent) * para.cell
            x0 += (avail - span) / 2 if para.align == "center" else avail - span
        for u in line.units:
            if u.text.isspace():
                continue
            role = styles[u.start] if u.start < len(styles) else styles[-1]
            x = x0 + (u.x + u.shift) * para.cell
            if len(u.text) == 1 and u.width >= 0.5 and _full_width(u.text):
                x += (para.cell - para.size) / 2  # centre the em box in its cell
            self.draw_text(x, base, u.text, role, para.size)

    def place_masthead(self, m: Masthead) -> None:
        y = TOP + MASTHEAD_DROP
        if m.text:
            lines = [s.strip() for s in m.text.splitlines() if s.strip()]
            longest = max(len(s) for s in lines)
            size = min(MASTHEAD_MAX, TYPE_W / longest)
            for s in lines:
                w = self.fonts.width(s, "title", size)
                self.draw_text(LEFT + (TYPE_W - w) / 2, y + EM_ASCENT * size, s, "title", size, color=RED)
                y += size
            y += 2 * PITCH  # 空二行
        self.y = y
        if m.doc_number:
            base = self.baseline(BODY)
            w = self.fonts.width(m.doc_number, "fang", BODY)
            self.draw_text(LEFT + (TYPE_W - w) / 2, base, m.doc_number, "fang", BODY)
            self.y += PITCH
            rule = base + (1 - EM_ASCENT) * BODY * 0.5 + RULE_GAP  # the 文号's ink bottom + 4 mm
        else:
            rule = self.y
        c = self.canvas
        c.saveState()
        c.setStrokeColorCMYK(*RED)
        c.setLineWidth(0.5 * MM)  # 版头 red rule: the standard leaves the thickness open; 0.35–0.5 mm in practice
        c.line(LEFT, PAGE_H - rule, LEFT + TYPE_W, PAGE_H - rule)
        c.restoreState()
        self.y = rule + 2 * PITCH - (PITCH - TITLE) / 2  # 红线下空二行: the title's em box two lines below

    def place_signature(self, s: Signature) -> None:
        """7.3.5.2 (no seal): 署名 右空二字; the date's first character two cells right of the 署名's."""
        signers = [x for x in s.signers if x.strip()]
        date_w = self._cells(s.date)
        widest = max((self._cells(x) for x in signers), default=0)
        start = max(CHARS - 2 - widest, CHARS - 2 - date_w - 2)  # cells from the left of the 版心
        rows: list[tuple[float, str]] = [(start + widest - self._cells(x), x) for x in signers]
        if s.date:
            rows.append((start + 2 if signers else CHARS - 2 - date_w, s.date))
        need = len(rows) + 1
        if self.room() < need:
            self.new_page()  # TODO keep the last body line with the signature (7.3.5.5)
        self.y += PITCH  # 正文下空一行
        for x, text in rows:
            self.draw_line(Para([(text, "fang")], first_indent=0), _one_line(text, x, self.fonts), ["fang"] * len(text),
                           True)
            self.y += PITCH
            self.page.lines += 1

    def _cells(self, text: str) -> float:
        return self.fonts.width(text, "fang", BODY) / CELL

    def place_imprint(self, imp: Imprint) -> None:
        """版记 rows of one grid line each, the last thick rule on the 版心 bottom of the last page."""
        rows: list[list[Line]] = []
        avail = (TYPE_W - 2 * IMPRINT) / IMPRINT
        cc_lines: list[Line] = []
        if imp.cc:
            text = imp.cc.strip()
            label = "抄送：" if not text.startswith("抄送") else ""
            text = label + text
            if not text.endswith("。"):
                text += "。"
            hang = 3  # wrapped names align after "抄送："
            cc_lines = break_lines(text, width=avail, first_indent=0, indent=0,
                                   measure=lambda r: self.fonts.width(r, "fang", IMPRINT) / IMPRINT, justify=False)
            if len(cc_lines) > 1:
                cc_lines = [cc_lines[0], *break_lines(text[len(cc_lines[0].text):].lstrip(), width=avail - hang,
                                                      first_indent=0, justify=False,
                                                      measure=lambda r: self.fonts.width(r, "fang", IMPRINT) / IMPRINT)]
            rows.append(cc_lines)
        has_print_row = bool(imp.printed_by or imp.printed_on)
        n_rows = len(cc_lines) + (1 if has_print_row else 0)
        if self.room() < n_rows:
            self.new_page()
        c = self.canvas
        bottom = TYPE_BOTTOM
        top = bottom - n_rows * PITCH
        c.saveState()
        c.setStrokeColorCMYK(0, 0, 0, 1)
        c.setLineWidth(THICK)
        c.line(LEFT, PAGE_H - top, LEFT + TYPE_W, PAGE_H - top)
        c.line(LEFT, PAGE_H - bottom, LEFT + TYPE_W, PAGE_H - bottom)
        y = top
        for n, line in enumerate(cc_lines):
            base = y + (PITCH - IMPRINT) / 2 + EM_ASCENT * IMPRINT
            x = LEFT + IMPRINT + (0 if n == 0 else 3 * IMPRINT)
            self.draw_text(x, base, line.text, "fang", IMPRINT)
            y += PITCH
        if has_print_row:
            if cc_lines:
                c.setLineWidth(THIN)
                c.line(LEFT, PAGE_H - y, LEFT + TYPE_W, PAGE_H - y)
            base = y + (PITCH - IMPRINT) / 2 + EM_ASCENT * IMPRINT
            if imp.printed_by:
                self.draw_text(LEFT + IMPRINT, base, imp.printed_by, "fang", IMPRINT)
            if imp.printed_on:
                text = f"{imp.printed_on}印发"
                w = self.fonts.width(text, "fang", IMPRINT)
                self.draw_text(LEFT + TYPE_W - IMPRINT - w, base, text, "fang", IMPRINT)
        c.restoreState()
        self.y = TYPE_BOTTOM


def _one_line(text: str, at: float, fonts: Fonts) -> Line:
    line = break_lines(text, width=1e6, first_indent=0, justify=False,
                       measure=lambda r: fonts.width(r, "fang", BODY) / CELL)[0]
    return Line(tuple(type(u)(u.text, u.x + at, u.width, u.shift, u.start) for u in line.units), at)


def _full_width(ch: str) -> bool:
    import unicodedata

    return unicodedata.east_asian_width(ch) in "WF"


def _style_map(para: Para) -> list[str]:
    out: list[str] = []
    for text, role in para.runs:
        out += [role] * len(text)
    return out or ["fang"]


# ------------------------------------------------------------------------------------------------- entry point
def render(plan: Plan, out: Path | str, layout: str = "notice", fonts: Fonts | None = None) -> Fonts:
    """Write the PDF to `out` (no atomicity: use `write_pdf`). Returns the fonts with their substitution log."""
    blocks = document_blocks(plan, layout)
    fonts = fonts or Fonts()
    canvas = Canvas(str(out), pagesize=A4, pageCompression=1)
    canvas.setTitle(plan.notice.title if layout == "notice" and plan.notice.title else plan.title)
    canvas.setAuthor("、".join(plan.notice.signers or plan.issuers))
    canvas.setCreator("Planbook")
    Typesetter(canvas, fonts).place(blocks)
    canvas.save()
    return fonts


def write_pdf(plan: Plan, out: Path, layout: str | None = None, warn: Callable[[str], None] | None = None) -> None:
    """Export through a temporary file; unwritable targets and missing fonts become one-line errors."""
    out = Path(out)
    layout = layout or "notice"
    warn = warn or log.warning
    if out.is_dir():
        raise PlanbookError(f"无法写入 {out}：这是一个文件夹")
    try:
        with atomic_write(out) as tmp:
            fonts = render(plan, tmp, layout)
    except OSError as e:
        raise PlanbookError(f"无法写入 {out}：{e.strerror or e}") from e
    if fonts.substituted:
        chars = "".join(sorted(fonts.substituted))
        warn(f"以下字符在主字体中缺字，已用后备字体排印：{chars}")
    if fonts.missing:
        warn(f"以下字符在所有内置字体中都缺字，已用{GETA}代替：{''.join(sorted(fonts.missing))}")
