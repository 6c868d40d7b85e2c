"""PDF (.pdf): the file most government sites give. The text layer is read with pypdfium2 (PDFium).

What the page knows is used before the text reaches the recogniser:
- page numbers (— 3 —, - 3 -, 第3页) and running heads (a line repeated at the same place on most pages) go;
- a line that runs to the right margin and is followed by one that is not indented is a wrap, and is joined;
- consecutive centred lines in a larger size (a title broken into 梯形 lines) are one title again;
- a line drawn in red in the largest size at the top of the first page is the masthead (…文件).
A PDF with no text layer (a scan) is refused with a message saying so, never imported as an empty plan.
"""

from __future__ import annotations

import bisect
import ctypes
import re
import statistics
from dataclasses import dataclass
from pathlib import Path

from ..core.errors import FormatError
from ..core.messages import QT_TRANSLATE_NOOP
from ..layout.linebreak import leading_width
from . import ImportResult, read_bytes
from .recognise import KNOWN_FIELD_LABELS, PAGE_NUMBER_RE, field_line, join_title, marker, normalise_line, recognise

MAX_PDF_BYTES = 50 * 1024 * 1024
MAX_PAGES = 500  # a plan is tens of pages; a 5,000-page file is not one


@dataclass
class Line:
    text: str
    left: float
    right: float
    top: float
    size: float
    red: bool
    page: int


def read_pdf(path: Path) -> ImportResult:
    return parse_pdf(read_bytes(path, MAX_PDF_BYTES), path.name)


def parse_pdf(data: bytes, name: str = "document.pdf") -> ImportResult:
    lines, pages = pdf_lines(data, name)
    if not any(line.text for line in lines):
        raise FormatError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "{name} has no text layer (a scanned PDF); run it through OCR first, or type or copy the text in",
            ),
            name=name,
        )
    found_paragraphs, page = _paragraphs(lines, pages)
    found = recognise(
        [text for text, _ in found_paragraphs],
        masthead=red_masthead(lines),
        title=printed_title(found_paragraphs, page),
    )
    return ImportResult([found.plan], found.warnings)


def red_masthead(lines: list[Line]) -> str:
    """The 发文机关标志: the large red lines heading the first page (joint organs one a line), or ""."""
    first = [x for x in lines[:8] if x.page == lines[0].page] if lines else []
    if not first:
        return ""
    body = statistics.median(x.size for x in lines)
    head: list[str] = []
    for line in first:
        if not line.red and not head:
            continue  # 份号, 密级, 紧急程度 print above it in black
        if not (line.red and line.size > body * 1.3 and re.fullmatch(r"[\u4e00-\u9fff（）() ]{2,40}", line.text)):
            break
        head.append(line.text.replace(" ", ""))
    return " ".join(head)


def pdf_lines(data: bytes, name: str) -> tuple[list[Line], int]:
    """Every text line of every page, with its geometry, size and colour."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        reason = str(e)
        if "password" in reason.lower():
            raise FormatError(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "{name} is a password-protected PDF; open it, save a copy without the password and import that",
                ),
                name=name,
            ) from None
        raise FormatError(
            QT_TRANSLATE_NOOP("Messages", "{name} is not a readable PDF (damaged, incomplete or not a PDF at all)"),
            name=name,
        ) from None
    try:
        count = len(document)
        if count > MAX_PAGES:
            raise FormatError(
                QT_TRANSLATE_NOOP("Messages", "{name} has {pages} pages, more than any plan (at most {limit})"),
                name=name,
                pages=count,
                limit=MAX_PAGES,
            )
        out: list[Line] = []
        rgba = [ctypes.c_uint() for _ in range(4)]
        for number in range(count):
            page = document[number]
            try:
                textpage = page.get_textpage()
                try:
                    out += _page_lines(textpage, raw, rgba, number)
                finally:
                    textpage.close()
            finally:
                page.close()
        return out, count
    finally:
        document.close()


def _page_lines(textpage, raw, rgba, number: int) -> list[Line]:
    text = textpage.get_text_range()
    lines = []
    at = 0
    for piece in text.split("\r\n"):
        start, end = at, at + len(piece)
        at = end + 2  # PDFium writes its own \r\n between lines; they count as characters
        if " " in piece:
            piece = _mark_generated_spaces(textpage, raw, piece, start)
        blank = " \t" + GAP + TOUCH
        if not piece.strip(blank):
            continue
        first = start + (len(piece) - len(piece.lstrip(blank)))
        last = end - 1 - (len(piece) - len(piece.rstrip(blank)))
        left, _, right, top = textpage.get_charbox(first)  # (left, bottom, right, top)
        right = max(right, textpage.get_charbox(last)[2])
        if any(c in "“”‘’" for c in piece):
            piece, left, right = _in_reading_order(textpage, piece, start)
        stripped = normalise_line(piece).strip(GAP + TOUCH)
        size = raw.FPDFText_GetFontSize(textpage.raw, first)
        red = (
            bool(raw.FPDFText_GetFillColor(textpage.raw, first, *rgba))
            and rgba[0].value > 160
            and rgba[1].value < 90
            and rgba[2].value < 90
        )
        lines.append(Line(stripped, left, right, top, size, red, number))
    return lines


GAP = "\x00"  # a space PDFium made up, until the line's size tells whether to keep it
TOUCH = "\x01"  # a space PDFium made up between glyphs that touch: dropped (kept till then: it holds a place)


def _mark_generated_spaces(textpage, raw, piece: str, start: int) -> str:
    """PDFium writes a space where it sees a gap between glyphs. In justified Chinese body text that is only the
    spread of a full line (推进 特 殊 教育), never a space the document has; in a title it is the gap between two
    organ names (中共乐山市委教育工作委员会 乐山市教育局). Such spaces are marked here and settled in `paragraphs`,
    which knows the body size; spaces really in the text stay. Only the spaces' places are asked about."""
    chars = list(piece)
    row: _Row | None = None
    for i, ch in enumerate(piece):
        if ch == " " and raw.FPDFText_IsGenerated(textpage.raw, start + i) == 1:
            row = row or _Row(textpage, piece, start)
            size = max(raw.FPDFText_GetFontSize(textpage.raw, start + max(i - 1, 0)), 1)
            chars[i] = row.generated_space(textpage.get_charbox(start + i, loose=True)[0], size)
    return "".join(chars)


class _Row:
    """A line's glyphs left to right by their advance boxes, to see what a made-up space really stands between:
    PDFium judges by drawing order, and LibreOffice draws quotation marks after the rest of the line."""

    def __init__(self, textpage, piece: str, start: int) -> None:
        boxes = ((textpage.get_charbox(start + i, loose=True), c) for i, c in enumerate(piece) if not c.isspace())
        self.glyphs = sorted((box[0], box[2], c) for box, c in boxes)
        self.centres = [(left + right) / 2 for left, right, _ in self.glyphs]
        gaps = [max(b[0] - a[1], 0.0) for a, b in zip(self.glyphs, self.glyphs[1:])]
        self.spread = statistics.median(gaps) if gaps else 0.0  # what justification puts between any two glyphs

    def generated_space(self, x: float, size: float) -> str:
        k = bisect.bisect_left(self.centres, x)
        if k == 0 or k == len(self.glyphs):
            return GAP
        (_, before, a), (after, _, b) = self.glyphs[k - 1], self.glyphs[k]
        gap = after - before
        if gap < 0.25 * size:
            return TOUCH  # the glyphs on either side touch: nothing stands apart there
        if _HANZI_RE.match(a) and _HANZI_RE.match(b) and (gap > 1.6 * size or gap - self.spread > 0.4 * size):
            return " "  # wider than the line's spread: a space the text has (不忘初心 牢记使命, joint signers)
        return GAP


_HANZI_RE = re.compile("[\u4e00-\u9fff]")


def _in_reading_order(textpage, piece: str, start: int) -> tuple[str, float, float]:
    """The line's characters left to right, and its left and right edges. A writer that draws the quotation marks
    in a fallback font emits them after the rest of the line (LibreOffice does); PDFium reports drawing order."""
    boxes = [
        textpage.get_charbox(start + i) if not ch.isspace() and ch not in (GAP, TOUCH) else None
        for i, ch in enumerate(piece)
    ]
    known = [b for b in boxes if b is not None]
    left, right = min(b[0] for b in known), max(b[2] for b in known)
    lefts = [b[0] for b in known]
    if lefts == sorted(lefts):
        return piece, left, right
    order, last = [], 0.0
    for i, b in enumerate(boxes):
        if piece[i] == GAP:
            continue  # PDFium's made-up spaces belong to the drawing order, not to the line's: they would split 工 匠
        last = b[0] if b is not None else last + 0.01  # a space keeps its place after the glyph before it
        order.append((last, i))
    return "".join(piece[i] for _, i in sorted(order)), left, right


# ---- lines back into paragraphs ---------------------------------------------------------------------


def paragraphs(lines: list[Line], pages: int) -> list[str]:
    """The document's lines as the recogniser wants them: one paragraph a line, furniture gone."""
    return [text for text, _ in _paragraphs(lines, pages)[0]]


def printed_title(found: list[tuple[str, Line]], page: _Measure) -> str:
    """The plan's title as print shows it: the last paragraph set large and centred in black before the plan's
    first numbered line (the notice's title, when there is one, comes before it). "" when none is."""
    title = ""
    for text, first in found:
        if marker(text):
            break
        if first.size > page.body * 1.15 and not first.red and _centred(first, page.middle, page.body):
            title = text
    return title


def _paragraphs(lines: list[Line], pages: int) -> tuple[list[tuple[str, Line]], _Measure]:
    """(paragraph, its first line) in order, and the page's measure."""
    lines = [x for x in lines if not PAGE_NUMBER_RE.match(x.text)]
    lines = _drop_running_heads(lines, pages)
    # a page header repeating the title right above it (a one-page document, where nothing else repeats)
    lines = [x for x, y in zip(lines, [*lines[1:], None]) if not (y and y.text == x.text and y.size > x.size + 1)]
    lines = _hanging_punctuation(lines)
    if not lines:
        return [], _Measure(0.0, 0.0, 0.0)
    page = _Measure.of(lines)
    for x in lines:
        # a justified (full) line's gaps are its spread; a title's or a short line's gaps are spaces it has
        x.text = _settle_gaps(x.text, keep=x.size > page.body * 1.15 or x.right < page.right - 1.5 * page.body)
    out: list[tuple[str, Line]] = []
    prev: Line | None = None
    for line in lines:
        joint = page.joint(prev, line) if prev is not None and out else None
        if joint == "title":
            out[-1] = (join_title(out[-1][0], line.text), out[-1][1])  # a title in 梯形 lines
        elif joint == "wrap":
            out[-1] = (out[-1][0] + line.text, out[-1][1])
        else:
            out.append((line.text, line))
        prev = line
    return out, page


@dataclass
class _Measure:
    """The body text's size, the left and right margins most lines keep, and how short of the right margin a line
    may stop and still run on (`ragged`, in body characters)."""

    body: float
    left: float
    right: float
    ragged: float = 1.5

    @classmethod
    def of(cls, lines: list[Line]) -> _Measure:
        body = statistics.median(x.size for x in lines)
        left = _margin([round(x.left) for x in lines if abs(x.size - body) < 1])
        right = (
            statistics.quantiles([x.right for x in lines], n=10)[-1]
            if len(lines) >= 10
            else max(x.right for x in lines)
        )
        # A document that opens its paragraphs with an indent (空二字) says by the indent where one starts, so a
        # line set flush left (not justified) may stop two characters short and still run on.
        text = [x for x in lines if abs(x.size - body) < 1]
        indented = sum(1 for x in text if 1.5 * body < x.left - left < 2.6 * body)
        return cls(body, left, right, 3.0 if indented >= max(3, len(text) // 20) else 1.5)

    @property
    def middle(self) -> float:
        return (self.left + self.right) / 2

    def joint(self, prev: Line, line: Line) -> str | None:
        """How `line` goes on from `prev`: "title" (the next line of a centred title), "wrap" (the rest of a body
        line that ran to the margin), or None (a paragraph of its own)."""
        body, middle = self.body, (self.left + self.right) / 2
        if (
            _centred(prev, middle, body)
            and _centred(line, middle, body)
            and line.size > body * 1.1
            and abs(line.size - prev.size) < 1
            and not prev.red
            and not line.red
        ):
            return "title"
        full = (prev.right >= self.right - self.ragged * body or self._pushed_over(prev, line)) and abs(
            prev.size - body
        ) < 1
        # a line set to the right (a signer, a date) reaches the margin without running on
        full = full and prev.left < self.left + 4 * body
        indented = line.left > self.left + 0.9 * body
        if (
            full
            and not indented
            and abs(line.size - body) < 1
            and not self._heading(prev, line)
            and not _opens(prev, line)
        ):
            return "wrap"
        return None

    def _heading(self, prev: Line, line: Line) -> bool:
        """Whether `line` opens a numbered paragraph (一、 （一） 1.). In a document that indents its paragraphs, a
        marker set flush left after a full line that ends in no full stop is a wrap of the text it is in:
        `…标准统` + `一，及时研究…`, `…专职工作人员；` + `（2）有独立…`."""
        if not marker(line.text):
            return False
        return self.ragged <= 1.5 or prev.text.endswith(("。", "！", "？", "：", ":"))

    def _pushed_over(self, prev: Line, line: Line) -> bool:
        """`prev` ends short only because what `line` starts with may not be broken (a number such as 2020-2025年,
        a word, 五”（2018-2020年）): it would not have fitted in the room left."""
        if prev.text.endswith(("。", "！", "？", "；", "：")):
            return False
        return self.right - prev.right < (max(leading_width(line.text), _quoted_run(line.text)) + 1) * self.body


_QUOTED_RUN_RE = re.compile(r"^[\u4e00-\u9fff]?(?:[“”‘’][\u4e00-\u9fff]?)+")


def _quoted_run(text: str) -> float:
    """Body characters of a run LibreOffice keeps whole, quotation marks being no Chinese to it: 学“前”“中”“后”
    (the marks about half a character each)."""
    m = _QUOTED_RUN_RE.match(text)
    if m is None:
        return 0.0
    quotes = sum(1 for c in m[0] if c in "“”‘’")
    return len(m[0]) - quotes / 2


def _opens(prev: Line, line: Line) -> bool:
    """Whether `line` opens a field (牵头单位：…) rather than going on with `prev`: `…直属各` + `单位：` is the
    recipients' line wrapped."""
    found = field_line(line.text)
    if found is None or prev.text.endswith(("，", ",", "、", "（", "(", "《", "“")):
        return False  # no paragraph ends on a comma: `…民办学校，` + `局机关各科室：` is one line of recipients
    # …委机 + 关各处室： reads like a label only by its ending: after a line cut in mid-word only a label the
    # plans use (牵头单位) opens a field
    return found.label in KNOWN_FIELD_LABELS or prev.text.endswith(("。", "！", "？", "；", "：", ":", ";"))


_CLOSING = set("，。、；：！？”’）》」』〕】,.;:!?)")


def _hanging_punctuation(lines: list[Line]) -> list[Line]:
    """A stop hung in the margin (GB/T 9704 禁则) is set a little lower, so PDFium reports it as a line of its
    own; it belongs to the end of the line before."""
    out: list[Line] = []
    for line in lines:
        if out and set(line.text) <= _CLOSING and line.page == out[-1].page:
            out[-1].text += line.text
            out[-1].right = max(out[-1].right, line.right)
        else:
            out.append(line)
    return out


# A space inside full-width quotes or brackets, against the mark (在编不在岗 ”): a writer that draws the marks in
# another font (LibreOffice) leaves one there; Chinese text never has it.
_MARK_SPACE_RE = re.compile(r"(?<=[\u4e00-\u9fff]) +(?=[”’》）」』】])|(?<=[“‘《（「『【]) +(?=[\u4e00-\u9fff])")


def _settle_gaps(text: str, keep: bool) -> str:
    """Kept gaps become spaces only between two Chinese characters: a digit and 年, or a quotation mark drawn in
    another font, were never apart."""
    text = text.replace(TOUCH, "")
    if GAP in text:
        if keep:
            text = re.sub(f"(?<=[\u4e00-\u9fff]){GAP}+(?=[\u4e00-\u9fff])", " ", text)
        text = text.replace(GAP, "")
    return _MARK_SPACE_RE.sub("", text) if " " in text else text


def _centred(line: Line, middle: float, body: float) -> bool:
    return abs((line.left + line.right) / 2 - middle) < body and line.right - line.left > body


def _drop_running_heads(lines: list[Line], pages: int) -> list[Line]:
    """Lines that repeat at the top or foot of most pages, at the same height (a page header, the document's short
    title). The height tells a running head that repeats the plan's title from the title itself on page 1."""
    if pages < 2:
        return lines
    by_page: dict[int, list[Line]] = {}
    for x in lines:
        by_page.setdefault(x.page, []).append(x)
    edges: dict[tuple[str, int], int] = {}
    for page_lines in by_page.values():
        ends = page_lines[:2] + page_lines[-2:] if len(page_lines) > 4 else []
        for key in {_head_key(x) for x in ends}:
            edges[key] = edges.get(key, 0) + 1
    repeated = {k for k, n in edges.items() if n >= max(2, pages // 2)}
    if not repeated:
        return lines
    return [x for x in lines if _head_key(x) not in repeated]


def _head_key(line: Line) -> tuple[str, int]:
    return re.sub(r"\d+", "#", line.text), round(line.top / 6)


def _margin(lefts: list[int]) -> float:
    """The left margin: the leftmost place many lines start at. Not simply the most common one: in a plan of
    one-line paragraphs (tasks, fields) the first-line indent (空二字) is more common than the margin."""
    counts: dict[int, int] = {}
    for v in lefts:
        counts[v] = counts.get(v, 0) + 1
    if not counts:
        return 0.0
    most = max(counts.values())
    # neighbours (80 and 81) are one margin, rounded apart
    near = {v: sum(counts.get(v + d, 0) for d in (-1, 0, 1)) for v in counts}
    return min(v for v, n in near.items() if n >= max(2, most / 5))
