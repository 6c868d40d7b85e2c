"""The one layout description behind the DOCX and PDF writers (GB/T 9704-2012). Qt-free.

    from planbook.layout import build_document, STYLES, FACES, PAGE
    blocks = build_document(plan, layout="notice")   # or "plan": the plan alone, no 版头/署名/版记

Data (`styles.py`):
- `PAGE`: A4, margins top 37 / bottom 35 / left 28 / right 26 mm, 22 lines × 28 chars, line pitch 579 twips
  (28.95 pt), `cell_pt` 15.79 pt, footer/page-number distances.
- `STYLES[name]`: `Style(face, size_pt, colour, align, first/left/right_indent_chars, bold, space_before_lines,
  space_before_mm, keep_with_next, word_name)`. Indents are in characters of the element's own size.
- `FACES[role]`: roles xiaobiaosong / fangsong / heiti / kaiti / song with the Word names (方正小标宋简体,
  仿宋_GB2312, 黑体, 楷体_GB2312, 宋体) and one fallback each: the defaults, which the user may rename for Word
  (exporters/docx_fonts.py, word-fonts.json). The PDF writer maps roles onto bundled fonts.
- `RED`, `RED_RULE_PT`, `RED_RULE_GAP_MM` (4 mm under the doc number), `IMPRINT_THICK_PT`/`IMPRINT_THIN_PT`,
  `text_width(s)` in cells (CJK 1, Latin/digits ½), `masthead_size_pt(width_chars)`.

Blocks (`blocks.py`); every block has `.kind` and `.style` (a key of STYLES). In document order for "notice":
- `Paragraph(kind, style, runs, number, keep_with_next)`: kinds copy_no, classification, urgency, doc_number, recipients
  (ends with ：), body, attachment_note, annotation, issuers (centred; also the （2020年3月6日） line in layout
  "plan"), preamble, heading1 (一、 黑体), heading2 (（一） 楷体), task (1. — `runs[0]` is number + title
  with `bold=True`, `runs[1]` the body when the title ends a sentence), item (（1）), field (`runs` =
  ["责任单位：", value]), closing. `Run(text, bold, face)`: `face` None = the style's face. `.text` joins runs.
  Numbers are derived (core.numbering) and already typed at the start of the first run; also in `.number`.
  `keep_with_next` (beyond the style's own): set on the notice's last body paragraph, so that at least its
  last lines go with the signature onto the next page rather than leaving the signature alone (7.3.5.5).
  `pitch_pt` (also on Blank and Signature): None for the grid's 28.95 pt, else the tighter pitch `fit.py` chose.
- `Masthead(names, suffix, size_pt)`: red, centred, top edge `space_before_mm` (35 mm) below the type area's
  top. One organ: names=["湖南省教育厅文件"], suffix="". Joint: names stacked, suffix "文件" to their right.
- `LetterHead(name, size_pt)` instead of Masthead and Rule when `notice.doc_format` is "letter" (信函格式, 10.1):
  the host organ's name (no 文件) red and centred 30 mm from the paper's top, a red double line (thick over thin)
  4 mm under it and one (thin over thick) 20 mm above the paper's bottom, 170 mm long, on page 1, which has no page
  number; the flow resumes at `flow_top_mm` with the 发文字号 (style letter_doc_number, at the right); its 版记 has
  no 印发 row and no rules (`Imprint.rules`).
- `Rule()`: the red rule across the type area, `RED_RULE_GAP_MM` under the doc number (or masthead).
- `TitleLines(kind, style, lines)`: kind "title" (notice) or "plan_title"; already broken by `break_title`
  (≤ 20 chars at 2号, whole words and 《》 pairs, 梯形/菱形). Centred, one grid line each.
- `Blank(lines)`: empty body-grid lines (空N行). The builder has already placed them; writers just advance.
- `Signature(signers: [SignatureLine(text, indent_chars, line)], date: SignatureLine | None, seals: [Seal])`: each
  text starts `indent_chars` body characters from the type area's left edge on grid line `line` of the block
  (`.lines` in all). Unsealed (notice.sealing "unsealed", 7.3.5.2): 署名 右空二字, one organ a line, date 2 chars
  further right. Sealed (the default, 7.3.5.1; `sealed_signature`): 空二行 under the body, date 右空四字, each
  organ centred under its `Seal(x_chars, line, image, diameter_mm)` (centre on the name's line, 42 mm), joint
  organs side by side in rows 5 lines apart ending in the date's column. `image` is the organ's PNG or None
  (stamped on paper; the room is kept).
- A notice that prints (`Notice.prints()`) but lacks its title, recipients or body raises `NoticeIncomplete`.
- `PageBreak()`: between the notice and the plan.
- `Imprint(cc, printed_by, printed_on)`: 版记 at the foot of the last page: thick rule, cc row ("抄送：….")
  if any, thin rule, printed_by left + printed_on ("2020年3月9日印发") right, thick rule; 4号仿宋.
Page numbers "— N —" (style page_number, 4号宋体) are not blocks: odd pages right, even left, 空一字.

7.3.5.5 (`fit.py`): when a notice would be one page but for its 署名 and date, build_document gives its blocks
after the red rule (not the 2号 title lines) the loosest pitch, down to 24 pt, that keeps it on page 1 in a page
model of the grid; writers draw exactly that pitch (DOCX: exact spacing, off the grid). Any other notice keeps the
grid, and the body's last lines carry the signature over (keep_with_next).

`break_title(text, max_chars)` (`titles.py`) is the shared title line breaker. `cjk_punctuation(text)` turns
half-width , ; : ? ! ( ) touching Chinese text full-width; build_document has already applied it to all text.
"""

from .blocks import (
    LAYOUTS,
    Blank,
    Block,
    Imprint,
    LetterHead,
    Masthead,
    NoticeIncomplete,
    PageBreak,
    Paragraph,
    Rule,
    Run,
    Seal,
    Signature,
    SignatureLine,
    TitleLines,
    build_document,
    chinese_date,
    letter_head,
    letter_name,
    masthead,
    sealed_signature,
    signature,
)
from .styles import (
    BODY_CHAR_SCALE,
    FACES,
    IMPRINT_THICK_PT,
    IMPRINT_THIN_PT,
    LETTER_FOOT_RULE_MM,
    LETTER_LINES_GAP_PT,
    LETTER_RULE_MM,
    LETTER_THICK_PT,
    LETTER_THIN_PT,
    PAGE,
    RED,
    RED_RULE_GAP_MM,
    RED_RULE_PT,
    SEAL_MM,
    SIZES,
    STYLES,
    Face,
    PageGeometry,
    Style,
    cjk_punctuation,
    grid_width,
    masthead_size_pt,
    text_width,
)
from .titles import break_title, title_chars_per_line

__all__ = [
    "BODY_CHAR_SCALE",
    "FACES",
    "IMPRINT_THICK_PT",
    "IMPRINT_THIN_PT",
    "LAYOUTS",
    "NoticeIncomplete",
    "PAGE",
    "RED",
    "RED_RULE_GAP_MM",
    "RED_RULE_PT",
    "SEAL_MM",
    "SIZES",
    "Seal",
    "STYLES",
    "Blank",
    "Block",
    "Face",
    "Imprint",
    "LETTER_FOOT_RULE_MM",
    "LETTER_LINES_GAP_PT",
    "LETTER_RULE_MM",
    "LETTER_THICK_PT",
    "LETTER_THIN_PT",
    "LetterHead",
    "Masthead",
    "PageBreak",
    "PageGeometry",
    "Paragraph",
    "Rule",
    "Run",
    "Signature",
    "SignatureLine",
    "Style",
    "TitleLines",
    "break_title",
    "build_document",
    "chinese_date",
    "cjk_punctuation",
    "letter_head",
    "letter_name",
    "masthead",
    "masthead_size_pt",
    "sealed_signature",
    "signature",
    "text_width",
    "grid_width",
    "title_chars_per_line",
]
