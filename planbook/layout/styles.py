"""The GB/T 9704-2012 page geometry and style sheet, as data shared by the DOCX and PDF writers.

Sizes are in points, indents in characters of the element's own size, spacing in lines of the body grid.
Sources and confidence of each number: ../shared/reference/gbt9704.md (not shipped with the program).
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass

from ..core.punctuation import cjk_punctuation  # noqa: F401 - part of the layout's interface (layout/__init__)

MM_PER_PT = 25.4 / 72
TWIPS_PER_MM = 1440 / 25.4


@dataclass(frozen=True)
class PageGeometry:
    """A4 with the 156 × 225 mm type area (版心) of GB/T 9704 5.2, on a 22 × 28 grid."""

    width_mm: float = 210.0
    height_mm: float = 297.0
    top_mm: float = 37.0  # 天头
    bottom_mm: float = 35.0
    left_mm: float = 28.0  # 订口
    right_mm: float = 26.0
    lines_per_page: int = 22
    chars_per_line: int = 28
    # 579 twips = 28.95 pt: the only common pitch where 22 lines fit the 225 mm type area (22 × 579 ≤ 12756).
    line_pitch_twips: int = 579
    # The top of the page number's dash sits 7 mm below the type area (7.5); as a Word footer distance that is
    # about 25 mm from the paper's bottom edge (measured in LibreOffice, fonts.md §3.1).
    footer_mm: float = 25.0
    page_number_gap_mm: float = 7.0

    @property
    def type_width_mm(self) -> float:
        return self.width_mm - self.left_mm - self.right_mm

    @property
    def type_height_mm(self) -> float:
        return self.height_mm - self.top_mm - self.bottom_mm

    @property
    def line_pitch_pt(self) -> float:
        return self.line_pitch_twips / 20

    @property
    def cell_pt(self) -> float:
        """Width of one character cell: 156 mm / 28 = 15.79 pt (a 16 pt glyph is drawn in it)."""
        return self.type_width_mm / MM_PER_PT / self.chars_per_line


PAGE = PageGeometry()

RED = "FF0000"  # the usual DOCX template red; in print CMYK (0, 1, 1, 0) meets the Y80/M80 minimum (6.2)
BLACK = "000000"

# 字号 → points (the Word/WPS table, gbt9704.md §1.2).
SIZES = {
    "初号": 42,
    "小初": 36,
    "一号": 26,
    "小一": 24,
    "二号": 22,
    "小二": 18,
    "三号": 16,
    "小三": 15,
    "四号": 14,
    "小四": 12,
    "五号": 10.5,
}


@dataclass(frozen=True)
class Face:
    """A face role and the names Word users have for it: the primary name and one fallback (w:altName)."""

    role: str
    docx_name: str
    docx_alt: str | None


# Face roles. The PDF writer maps the same roles onto the fonts bundled in resources/fonts/.
FACES: dict[str, Face] = {
    "xiaobiaosong": Face("xiaobiaosong", "方正小标宋简体", "宋体"),
    "fangsong": Face("fangsong", "仿宋_GB2312", "仿宋"),
    "heiti": Face("heiti", "黑体", None),
    "kaiti": Face("kaiti", "楷体_GB2312", "楷体"),
    "song": Face("song", "宋体", None),
}


@dataclass(frozen=True)
class Style:
    """How one element is set. `word_name` is the Word style a user restyles it through."""

    name: str
    word_name: str
    face: str  # a key of FACES
    size_pt: float = 16
    colour: str = BLACK
    align: str = "justify"  # left | center | right | justify
    first_indent_chars: float = 0
    left_indent_chars: float = 0
    right_indent_chars: float = 0
    bold: bool = False
    space_before_lines: int = 0  # blank grid lines before the element (build_document emits them as Blank)
    space_before_mm: float = 0  # only the masthead: its top edge 35 mm below the type area's top (7.2.4)
    keep_with_next: bool = False


def _style(name: str, word_name: str, face: str = "fangsong", **kw) -> Style:
    return Style(name, word_name, face, **kw)


STYLES: dict[str, Style] = {
    s.name: s
    for s in (
        # 版头
        _style("copy_no", "份号", align="left"),
        _style("classification", "密级", "heiti", align="left"),
        _style("urgency", "紧急程度", "heiti", align="left"),
        _style(
            "masthead",
            "发文机关标志",
            "xiaobiaosong",
            size_pt=SIZES["初号"],
            colour=RED,
            align="center",
            space_before_mm=35,
            keep_with_next=True,
        ),
        _style("doc_number", "发文字号", align="center", space_before_lines=2, keep_with_next=True),
        # 信函格式: the mark (the organ's name, no 文件) and the 发文字号 顶格 at the type area's right edge
        _style(
            "letter_mark",
            "信函发文机关标志",
            "xiaobiaosong",
            size_pt=SIZES["初号"],
            colour=RED,
            align="center",
            keep_with_next=True,
        ),
        _style("letter_doc_number", "信函发文字号", align="right", keep_with_next=True),
        # The red rule is drawn 4 mm below the doc number, across the type area; thickness is not in the standard.
        _style("red_rule", "版头分隔线", colour=RED),
        # 主体
        _style(
            "title",
            "公文标题",
            "xiaobiaosong",
            size_pt=SIZES["二号"],
            align="center",
            space_before_lines=2,
            keep_with_next=True,
        ),
        _style("recipients", "主送机关", align="justify", space_before_lines=1),
        _style("body", "公文正文", first_indent_chars=2),
        # The body's last line as a paragraph of its own, carried over with the signature (fit.py): no indent
        _style("body_continued", "公文正文续行"),
        _style("attachment_note", "附件说明", first_indent_chars=2, space_before_lines=1),
        _style("signature", "发文机关署名", align="left", space_before_lines=1, keep_with_next=True),
        _style("date", "成文日期", align="left"),
        _style("annotation", "附注", first_indent_chars=2),
        # The plan itself
        _style("plan_title", "要点标题", "xiaobiaosong", size_pt=SIZES["二号"], align="center", keep_with_next=True),
        _style("issuers", "发布机关", "kaiti", align="center", space_before_lines=1, keep_with_next=True),
        _style("preamble", "总体要求", first_indent_chars=2, space_before_lines=1),
        _style("heading1", "Heading 1", "heiti", first_indent_chars=2, keep_with_next=True),
        _style("heading2", "Heading 2", "kaiti", first_indent_chars=2, keep_with_next=True),
        _style("task", "任务", first_indent_chars=2),
        _style("item", "子项", first_indent_chars=2),
        _style("field", "任务字段", first_indent_chars=2),
        _style("closing", "结束语", first_indent_chars=2),
        # 版记 and page numbers: 4号, 空一字 of their own size left and right
        _style("imprint", "版记", size_pt=SIZES["四号"], align="left", left_indent_chars=1, right_indent_chars=1),
        _style("page_number", "页码", "song", size_pt=SIZES["四号"]),
    )
}

# An organ's seal: 42 mm across, the usual size for a city or county organ (a province's is 45 mm).
SEAL_MM = 42.0

# Rule weights in points: the red rule (practice 0.35–0.5 mm), the 版记's thick (0.35 mm) and thin (0.25 mm) lines.
RED_RULE_PT = 1.25
RED_RULE_GAP_MM = 4.0
IMPRINT_THICK_PT = 1.0
IMPRINT_THIN_PT = 0.75

# 信函格式 (10.1): the organ's name with its top edge 30 mm from the paper's top edge, a red double line (thick over
# thin) 4 mm under it, another (thin over thick) 20 mm above the paper's bottom edge, both 170 mm long and centred;
# the first element under the upper line (发文字号 at the right, 份号/密级/紧急 at the left) has its top 7/8 of a 3号
# character's height below it. The lines' weights are not in the standard: 1.5 pt and 0.75 pt, 0.75 pt apart
# (practice, gbt9704.md §9), so that the double line reads as two lines in print.
LETTER_MARK_TOP_MM = 30.0
LETTER_RULE_GAP_MM = 4.0
LETTER_FOOT_RULE_MM = 20.0
LETTER_RULE_MM = 170.0
LETTER_THICK_PT = 1.5
LETTER_THIN_PT = 0.75
LETTER_LINES_GAP_PT = 0.75
LETTER_FIRST_GAP_PT = 16 * 7 / 8  # 7/8 of a 3号 character's height


def letter_rule_pt() -> float:
    """The double line's whole height: thick, gap, thin."""
    return LETTER_THICK_PT + LETTER_LINES_GAP_PT + LETTER_THIN_PT


# The masthead's size is not fixed by the standard; it is as large as 初号 allows within the type area.
MASTHEAD_MAX_PT = SIZES["初号"]
MASTHEAD_FILL = 0.9  # at most this share of the type width, so it never touches the margins


# Body text (三号) is set at 98 % width in the DOCX, so that a 16 pt hanzi fits the 15.79 pt grid cell; the PDF
# measures Latin runs at the same width to round them to cells as the DOCX's grid does.
BODY_CHAR_SCALE = 0.98


def char_width(ch: str) -> float:
    """Width in character cells: Chinese characters and full-width marks 1, Latin letters and digits ½."""
    return 1.0 if unicodedata.east_asian_width(ch) in "WFA" else 0.5


def text_width(text: str) -> float:
    return sum(char_width(ch) for ch in text)


def grid_width(text: str) -> float:
    """Cells a line of body text takes on the character grid: Chinese 1 each, a run of Latin letters or digits
    half a cell a character rounded up to whole cells (2020年3月6日 = 2 + 1 + 1 + 1 + 1 + 1), as the DOCX grid
    and the PDF set it (linebreak.snap)."""
    cells, narrow = 0.0, 0
    for ch in text:
        if char_width(ch) < 1:
            narrow += 1
            continue
        cells += math.ceil(narrow / 2) + 1
        narrow = 0
    return cells + math.ceil(narrow / 2)


def masthead_size_pt(width_chars: float, page: PageGeometry = PAGE) -> float:
    """The masthead's point size: 初号 unless that would not fit `width_chars` cells within the type area."""
    if width_chars <= 0:
        return MASTHEAD_MAX_PT
    fit = page.type_width_mm * MASTHEAD_FILL / MM_PER_PT / width_chars
    return min(MASTHEAD_MAX_PT, math.floor(fit * 2) / 2)
