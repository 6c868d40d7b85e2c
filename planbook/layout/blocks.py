"""A plan (and its notice) as an ordered list of typed blocks, each naming its style in `STYLES`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..core.errors import PlanbookError
from ..core.messages import QT_TRANSLATE_NOOP
from ..core.model import (
    KINDS,
    NOTICE_PART_NAMES,
    DocFormat,
    Node,
    NodeKind,
    Notice,
    Plan,
    Sealing,
    listing,
    masthead_organs,
)
from ..core.numbering import printed_tree
from .styles import (
    LETTER_FIRST_GAP_PT,
    LETTER_MARK_TOP_MM,
    LETTER_RULE_GAP_MM,
    MM_PER_PT,
    PAGE,
    SEAL_MM,
    STYLES,
    cjk_punctuation,
    grid_width,
    letter_rule_pt,
    masthead_size_pt,
    text_width,
)
from .titles import break_title, title_chars_per_line

LAYOUTS = ("notice", "plan")
_SENTENCE_END = "。；！？：.;!?:"


@dataclass(frozen=True)
class Run:
    """A stretch of text inside a paragraph. `face` overrides the style's face role when set."""

    text: str
    bold: bool = False
    face: str | None = None


@dataclass
class Paragraph:
    """One paragraph. `kind` says which element it is; `style` is its key in STYLES."""

    kind: str
    style: str
    runs: list[Run]
    number: str = ""  # the derived number (一、 （一） 1. （1）) already typed at the start of runs[0]
    keep_with_next: bool = False  # e.g. the notice's last body paragraph stays with the signature (7.3.5.5)
    pitch_pt: float | None = None  # a tightened line pitch (fit.py, 7.3.5.5); None: the grid's
    # Text set flush right on the same (single) line, in style letter_doc_number: 信函格式's 发文字号 beside 份号
    right: str = ""

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass
class TitleLines:
    """A centred title, already broken into lines (one paragraph per line in DOCX)."""

    kind: str  # "title" (the notice's) or "plan_title"
    style: str
    lines: list[str]
    pitch_pt: float | None = None  # every block has one (fit.py): None, the grid's


@dataclass
class Masthead:
    """发文机关标志: the organ names stacked, `suffix` (文件, or "") to their right, red, centred."""

    names: list[str]
    suffix: str
    size_pt: float
    style: str = "masthead"
    kind: str = "masthead"
    pitch_pt: float | None = None

    @property
    def text(self) -> str:
        return "".join(self.names) + self.suffix


@dataclass
class LetterHead:
    """信函格式's head (10.1), on page 1 only: the organ's name (no 文件; a joint notice shows its host organ's) red
    and centred, its top edge `LETTER_MARK_TOP_MM` from the paper's top; a red double line (thick over thin)
    `LETTER_RULE_GAP_MM` under it and another (thin over thick) `LETTER_FOOT_RULE_MM` above the paper's bottom, both
    `LETTER_RULE_MM` long and centred. The blocks after it start `flow_top_mm` from the paper's top, so that the
    first line's characters begin 7/8 of a 3号 height under the double line; page 1 has no page number."""

    name: str
    size_pt: float
    style: str = "letter_mark"
    kind: str = "letter_head"
    pitch_pt: float | None = None

    @property
    def text(self) -> str:
        return self.name

    mark_top_mm: float = LETTER_MARK_TOP_MM  # the mark's em box, from the paper's top

    @property
    def rule_top_mm(self) -> float:
        """The upper double line's top edge from the paper's top: 4 mm under the mark's em box."""
        return self.mark_top_mm + self.size_pt * MM_PER_PT + LETTER_RULE_GAP_MM

    @property
    def flow_top_mm(self) -> float:
        """Where the first line's em box starts, from the paper's top."""
        return self.rule_top_mm + (letter_rule_pt() + LETTER_FIRST_GAP_PT) * MM_PER_PT


@dataclass
class Rule:
    """A horizontal rule across the type area: the red rule 4 mm under the doc number."""

    kind: str = "red_rule"
    style: str = "red_rule"
    pitch_pt: float | None = None


@dataclass
class Blank:
    """`lines` empty lines of the body grid (空N行)."""

    lines: int = 1
    kind: str = "blank"
    style: str = "body"
    pitch_pt: float | None = None


@dataclass
class PageBreak:
    kind: str = "page_break"
    style: str = "body"
    pitch_pt: float | None = None


@dataclass
class SignatureLine:
    text: str
    indent_chars: float  # from the left edge of the type area, in body characters
    line: int = 0  # the grid line within the signature block (0: its first)


@dataclass
class Seal:
    """Where one organ's seal goes (7.3.5.1): its centre `x_chars` body characters from the type area's left edge
    and `line` grid lines below the block's top; `image` a PNG, or None (stamped by hand on paper: the room is
    kept all the same)."""

    x_chars: float
    line: float
    image: bytes | None = None
    diameter_mm: float = SEAL_MM


@dataclass
class Signature:
    """Signers and the date. Unsealed (7.3.5.2): one organ a line, 右空二字, the date below. Sealed (7.3.5.1): the
    date 右空四字, each organ's name centred under its seal, joint organs side by side in rows; `seals` says where."""

    signers: list[SignatureLine]
    date: SignatureLine | None
    seals: list[Seal] = field(default_factory=list)
    style: str = "signature"
    date_style: str = "date"
    kind: str = "signature"
    pitch_pt: float | None = None

    @property
    def lines(self) -> int:
        """Grid lines the block takes (a seal's lower edge overhangs them by less than one line)."""
        rows = [s.line for s in self.signers] + ([self.date.line] if self.date else [])
        return max(rows, default=-1) + 1

    @property
    def sealed(self) -> bool:
        return bool(self.seals)


@dataclass
class Imprint:
    """版记 at the foot of the last page: thick rule, 抄送 row, thin rule, 印发 row, thick rule."""

    cc: str  # "抄送：…。" or ""
    printed_by: str  # left, 左空一字
    printed_on: str  # right, 右空一字: "2020年3月9日印发" or ""
    rules: bool = True  # the separator lines; 信函格式 has none (10.1)
    style: str = "imprint"
    kind: str = "imprint"
    pitch_pt: float | None = None


Block = Paragraph | TitleLines | Masthead | LetterHead | Rule | Blank | PageBreak | Signature | Imprint


@dataclass
class _Builder:
    blocks: list[Block] = field(default_factory=list)

    def add(self, block: Block, *, after_gap: bool = True) -> None:
        """Append a block, preceded by its style's blank lines unless it opens the page."""
        lines = STYLES[block.style].space_before_lines
        if lines and after_gap and self.blocks and not isinstance(self.blocks[-1], PageBreak):
            self.blocks.append(Blank(lines))
        self.blocks.append(block)

    def para(self, kind: str, style: str, text: str, after_gap: bool = True) -> None:
        if text.strip():
            self.add(Paragraph(kind, style, [Run(text.strip())]), after_gap=after_gap)


class NoticeIncomplete(PlanbookError):
    """A notice without a head, title, recipients or body cannot be issued; `missing` names the parts."""

    def __init__(self, missing: list[str]) -> None:
        self.missing = missing
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Messages",
                "the notice cannot be issued without its {parts}: fill "
                "them in, or export the plan layout (the plan alone)",
            ),
            parts=listing([NOTICE_PART_NAMES[m] for m in missing]),
        )


# What a notice's body may hold above its signature: its own paragraphs, and the plan's when it is its own plan.
BODY_KINDS = ("body", "attachment_note", "preamble", "heading1", "heading2", "task", "item", "field", "closing")


def chinese_date(d: dt.date | None) -> str:
    """2020年3月6日: Arabic digits, full year, no padding (7.3.5.4)."""
    return f"{d.year}年{d.month}月{d.day}日" if d else ""


def build_document(plan: Plan, layout: str = "notice") -> list[Block]:
    """The blocks of the whole document in order. Elements without data are left out."""
    if layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout!r} (choose from {', '.join(LAYOUTS)})")
    b = _Builder()
    notice = plan.notice
    has_notice = layout == "notice" and notice.prints()
    if has_notice and (missing := notice.missing()):
        raise NoticeIncomplete(missing)
    # A 通知 that is its own plan (the plan's title is the notice's) prints once, as the clerk's original did: its
    # 一、二、 points inside the notice, before the signature; never a second copy of the title after a page break.
    own = has_notice and own_plan(plan)
    if has_notice:
        _notice_head(b, notice)
        _notice_body(b, notice, plan if own else None)
        if not own:
            b.blocks.append(PageBreak())
    if not own:
        _plan(b, plan, with_date=layout == "plan")
    if has_notice:
        imprint = _imprint(notice)
        if imprint:
            b.blocks.append(imprint)
    for block in b.blocks:
        _fix_punctuation(block)
    if has_notice:
        from .fit import fit_notice  # fit.py is written in terms of these blocks

        fit_notice(b.blocks)
    return b.blocks


def _fix_punctuation(block: Block) -> None:
    """Full-width punctuation in Chinese text; titles are fixed before they are broken into lines."""
    match block:
        case Paragraph():
            block.runs = [Run(cjk_punctuation(r.text), r.bold, r.face) for r in block.runs]
            block.right = cjk_punctuation(block.right)
        case Signature():
            for line in block.signers:
                line.text = cjk_punctuation(line.text)
        case Imprint():
            block.cc = cjk_punctuation(block.cc)
            block.printed_by = cjk_punctuation(block.printed_by)


def _notice_head(b: _Builder, n: Notice) -> None:
    if n.doc_format is DocFormat.LETTER:
        _letter_head(b, n)
        return
    for kind in ("copy_no", "classification", "urgency"):
        b.para(kind, kind, getattr(n, kind))
    if n.masthead.strip():
        b.blocks.append(masthead(n.masthead))
    if n.doc_number.strip():
        b.para("doc_number", "doc_number", n.doc_number, after_gap=bool(n.masthead.strip()))
    if n.masthead.strip() or n.doc_number.strip():
        b.blocks.append(Rule())
    if n.title.strip():
        b.add(TitleLines("title", "title", break_title(cjk_punctuation(n.title), title_chars_per_line())))


def _letter_head(b: _Builder, n: Notice) -> None:
    """10.1: the mark and double lines; under them the 发文字号 at the right (then 份号, 密级, 紧急程度 at the
    left, a line each), the title 2 lines under the last of them."""
    if n.masthead.strip() or n.doc_number.strip():
        b.blocks.append(letter_head(n.masthead))
    left = [(kind, getattr(n, kind).strip()) for kind in ("copy_no", "classification", "urgency")]
    left = [(kind, text) for kind, text in left if text]
    number = n.doc_number.strip()
    if number and left:  # both start on the first line under the double line: 份号 at the left, 发文字号 right
        kind, text = left.pop(0)
        b.blocks.append(Paragraph(kind, kind, [Run(text)], right=number))
    else:
        b.para("doc_number", "letter_doc_number", number, after_gap=False)
    for kind, text in left:
        b.para(kind, kind, text, after_gap=False)
    if n.title.strip():
        b.add(TitleLines("title", "title", break_title(cjk_punctuation(n.title), title_chars_per_line())))


def letter_name(text: str) -> str:
    """The 信函格式 mark from a 发文机关标志: the host organ's name, without 文件 (10.1)."""
    names, _suffix = masthead_organs(text)
    return names[0].removesuffix("文件") if names else ""


def letter_head(text: str) -> LetterHead:
    name = letter_name(text)
    return LetterHead(name, masthead_size_pt(text_width(name)))


def masthead(text: str) -> Masthead:
    """Joint issuers stacked, a trailing 文件 to their right (core.model.masthead_organs), sized to fit."""
    names, suffix = masthead_organs(text)
    width = max((text_width(s) for s in names), default=0) + text_width(suffix)
    return Masthead(names, suffix, masthead_size_pt(width))


def own_plan(plan: Plan) -> bool:
    """The notice is the plan itself: the plan is titled by the notice's own title (关于…的通知)."""
    title = cjk_punctuation(plan.title).strip()
    return bool(title) and title == cjk_punctuation(plan.notice.title).strip()


def _notice_body(b: _Builder, n: Notice, plan: Plan | None = None) -> None:
    recipients = n.recipients.strip()
    if recipients:
        recipients = cjk_punctuation(recipients).rstrip(":：") + "："
    b.para("recipients", "recipients", recipients)
    for para in _paragraphs(n.body):
        b.add(Paragraph("body", "body", [Run(para)]), after_gap=False)
    if plan is not None:
        _plan_text(b, plan)
    if n.attachments.strip():
        lines = _paragraphs(n.attachments)
        text = lines[0] if lines[0].startswith("附件") else f"附件：{lines[0]}"
        b.add(Paragraph("attachment_note", "attachment_note", [Run(text)]))
        for more in lines[1:]:
            b.add(Paragraph("attachment_note", "attachment_note", [Run(more)]), after_gap=False)
    date = chinese_date(n.signed_on)
    sig = sealed_signature(n.signers, date, n.seals) if n.sealing is Sealing.SEALED else signature(n.signers, date)
    if sig:
        if isinstance(b.blocks[-1], Paragraph) and b.blocks[-1].kind in BODY_KINDS:
            b.blocks[-1].keep_with_next = True  # the signature never stands alone on a page
        if sig.sealed:
            b.blocks.append(Blank(SEAL_GAP_LINES - STYLES[sig.style].space_before_lines))
        b.add(sig)
    if n.annotation.strip():
        text = n.annotation.strip()
        if not text.startswith(("（", "(")):
            text = f"（{text}）"
        if sig and _seal_over(sig, STYLES["annotation"].first_indent_chars + text_width(text)):
            b.blocks.append(Blank(1))  # the 附注 goes under the date, never under a seal's lower edge
        b.add(Paragraph("annotation", "annotation", [Run(text)]), after_gap=False)


def _seal_over(sig: Signature, right_chars: float) -> bool:
    """Does a seal's lower edge reach into the line after the signature left of `right_chars`?"""
    radius = SEAL_MM / 2 / (PAGE.cell_pt * MM_PER_PT)
    line_mm = PAGE.line_pitch_pt * MM_PER_PT
    return any(s.x_chars - radius < right_chars and s.line + SEAL_MM / 2 / line_mm > sig.lines + 0.2 for s in sig.seals)


def signature(signers: list[str], date: str, chars: int = PAGE.chars_per_line) -> Signature | None:
    """署名 右空二字; the date's first character 2 characters right of the 署名's (7.3.5.2)."""
    signers = [s.strip() for s in signers if s.strip()]
    if not signers and not date:
        return None
    signer_w = max((grid_width(s) for s in signers), default=0)
    date_w = grid_width(date)
    offset = 2 if signers and date else 0
    start = max(0.0, chars - 2 - max(signer_w, offset + date_w))
    return Signature(
        [SignatureLine(s, start, i) for i, s in enumerate(signers)],
        SignatureLine(date, start + offset, len(signers)) if date else None,
    )


# The sealed layout (7.3.5.1) in grid lines: 空二行 under the body, so that a 42 mm seal centred on the 署名's line
# has its top edge 4.5 mm under the body's last line (within one line of it, clear of its ink); joint organs'
# rows 5 lines apart, so that seals of one column neither touch nor overlap (51 mm > 42 mm).
SEAL_GAP_LINES = 2
SEAL_ROW_LINES = 5
SEAL_GAP_CHARS = 1.0  # between seals side by side
SEAL_CENTRE_LINE = 0.25


def sealed_signature(
    signers: list[str], date: str, seals: list[bytes] | None = None, chars: int = PAGE.chars_per_line
) -> Signature | None:
    """7.3.5.1: the date 右空四字; each organ's name centred under its seal, joint organs in rows side by side
    (columns as wide as the widest name or seal), the last organ over the date, so that its seal covers both."""
    signers = [s.strip() for s in signers if s.strip()]
    if not signers and not date:
        return None
    seals = list(seals or [])
    date_w = grid_width(date)
    cell_mm = PAGE.cell_pt * MM_PER_PT
    seal_w = SEAL_MM / cell_mm
    widest = max([grid_width(s) for s in signers] + [seal_w])
    # The date's centre is the last column's; the date may be shorter than the name it sits under.
    centre = chars - 4 - date_w / 2 if date else chars - 4 - widest / 2
    centre = min(centre, chars - max(widest, seal_w) / 2)  # the last column stays within the type area
    pitch = widest + SEAL_GAP_CHARS
    columns = max(1, min(len(signers) or 1, int((centre - widest / 2) // pitch) + 1))
    rows = [signers[i : i + columns] for i in range(0, len(signers), columns)]
    lines: list[SignatureLine] = []
    places: list[Seal] = []
    k = 0
    for r, row in enumerate(rows):
        for j, name in enumerate(row):
            x = centre - (len(row) - 1 - j) * pitch  # rows end in the date's column
            lines.append(SignatureLine(name, max(0.0, x - grid_width(name) / 2), r * SEAL_ROW_LINES))
            # The seal's centre a quarter line into the name's line: name and date sit just below it (居中下压,
            # 居印章中心偏下), its top edge 2 mm under the body's last line.
            places.append(Seal(x, r * SEAL_ROW_LINES + SEAL_CENTRE_LINE, seals[k] if k < len(seals) else None))
            k += 1
    last = (len(rows) - 1) * SEAL_ROW_LINES
    date_line = SignatureLine(date, centre - date_w / 2, last + 1 if signers else last) if date else None
    if not signers:
        places.append(Seal(centre, SEAL_CENTRE_LINE, seals[0] if seals else None))
    return Signature(lines, date_line, places)


def _imprint(n: Notice) -> Imprint | None:
    cc = n.cc.strip()
    if cc:
        cc = cc if cc.startswith("抄送") else f"抄送：{cc}"
        cc = cc.rstrip("。.，,；;") + "。"  # a full stop after the last name (7.4.2)
    if n.doc_format is DocFormat.LETTER:  # 10.1: no 印发机关 and 印发日期, no separator lines
        return Imprint(cc, "", "", rules=False) if cc else None
    printed_on = f"{chinese_date(n.printed_on)}印发" if n.printed_on else ""
    if not (cc or n.printed_by.strip() or printed_on):
        return None
    return Imprint(cc, n.printed_by.strip(), printed_on)


def _plan(b: _Builder, plan: Plan, with_date: bool) -> None:
    if plan.title.strip():
        b.add(TitleLines("plan_title", "plan_title", break_title(cjk_punctuation(plan.title), title_chars_per_line())))
    # An issuers line only where the title does not already name them (most titles do: 某局2020年工作要点).
    issuers = [i.strip() for i in plan.issuers if i.strip()]
    if any(i in plan.title for i in issuers):
        issuers = []
    if issuers:
        b.para("issuers", "issuers", "　".join(issuers))
    date = chinese_date(plan.notice.signed_on) if with_date else ""
    if date:
        b.add(Paragraph("issuers", "issuers", [Run(f"（{date}）")]), after_gap=not issuers)
    _plan_text(b, plan)


def _plan_text(b: _Builder, plan: Plan) -> None:
    """The plan under its title: preamble, tree, closing."""
    for i, para in enumerate(_paragraphs(plan.preamble)):
        b.add(Paragraph("preamble", "preamble", [Run(para)]), after_gap=i == 0)
    printed = printed_tree(plan.nodes, plan.numbering)
    for node in plan.walk():
        _node(b, node, *printed[id(node)])
    for para in _paragraphs(plan.closing):
        b.add(Paragraph("closing", "closing", [Run(para)]), after_gap=False)


def _node(b: _Builder, node: Node, number: str, printed_as: NodeKind) -> None:
    """A node in the style of the kind it prints as (its own, or its outline level's: `numbering.printed_tree`)."""
    spec = KINDS[printed_as]
    style = spec.style
    title, body = node.title.strip(), node.body.strip()
    lead = Run(number + title, bold=spec.bold_lead)
    body_paras = _paragraphs(body)
    # A task's lead sentence runs on into its body when it ends a sentence; a bare heading stands alone.
    if body_paras and spec.runs_in and title and title[-1] in _SENTENCE_END:
        b.add(Paragraph(style, style, [lead, Run(body_paras.pop(0))], number=number), after_gap=False)
    else:  # a bare title line: never left alone at a page's foot
        follows = bool(body_paras or node.fields or node.children)
        b.add(Paragraph(style, style, [lead], number=number, keep_with_next=follows), after_gap=False)
    for para in body_paras:
        b.add(Paragraph("body", "body", [Run(para)]), after_gap=False)
    for f in node.fields:
        if f.label.strip() or f.value.strip():
            b.add(Paragraph("field", "field", [Run(f"{f.label.strip()}："), Run(f.value.strip())]), after_gap=False)


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.splitlines() if p.strip()]
