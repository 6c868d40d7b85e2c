"""GB/T 9704 7.3.5.5: the 署名 and date stay on the page of the body's last line. A notice that would be one page
but for them gets a tighter line pitch; any other carries the body's last lines over with them (keep-with-next).

Why tighten rather than only keep-with-next: a short 印发通知 should be one page, and Word and LibreOffice differ
on keep-with-next (LibreOffice moves the whole paragraph, so a one-paragraph body left page 1 without 正文,
which 7.3.3 forbids). A pitch given to each paragraph is drawn the same by both, and by our PDF.

The page model here is the shared grid measured in body cells (CJK 1, Latin ½), not a font: `SLACK_LINES` of
every page are kept free so that a writer whose fonts or head spacing differ a little still fits.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence, Set

from .blocks import (
    BODY_KINDS,
    Blank,
    Block,
    LetterHead,
    Masthead,
    PageBreak,
    Paragraph,
    Rule,
    Run,
    Signature,
    TitleLines,
)
from .linebreak import Line, break_lines
from .styles import MM_PER_PT, PAGE, RED_RULE_GAP_MM, STYLES

PITCH = PAGE.line_pitch_pt
PAGE_H = PAGE.type_height_mm / MM_PER_PT
MIN_PITCH_PT = 24.0  # 1.5 lines of 三号: tighter reads as crammed
# The tighter pitches, loosest first: the type area divided into 23, 24 … whole lines (in whole twips). A word
# processor's line grid holds whole lines and centres them in the type area (LibreOffice shrinks the text area to
# lines × pitch), so any other pitch would lose part of a line there that the PDF still uses.
# LibreOffice counts a grid's lines in 1/100 mm, each pitch rounded to it, against a type area of 22,501 of them:
# 25 lines of 510 twips (25.5 pt) make 25 × 900 = 22,500 there, and it lays out 24, centred, which set the red head
# of a page fitted to 25 lines 4.4 mm lower and pushed the signature to page 2 (kinds/han). Each pitch is therefore
# the loosest whole twip whose lines, so rounded, stay `GRID_SLACK_MM100` inside the type area.
TYPE_H_MM100 = round(PAGE.type_height_mm * 100)
GRID_SLACK_MM100 = 10


def grid_pitch_twips(lines: int) -> int:
    """The loosest whole-twip pitch that gives `lines` grid lines a page in our page model and in LibreOffice's."""
    twips = math.floor(PAGE_H * 20 / lines)
    while lines * round(twips * 2540 / 1440) > TYPE_H_MM100 - GRID_SLACK_MM100:
        twips -= 1
    return twips


PITCHES = tuple(p for n in range(PAGE.lines_per_page + 1, 40) if (p := grid_pitch_twips(n) / 20) >= MIN_PITCH_PT)
SLACK_LINES = 0.5
# The red rule sits 4 mm under the doc number's ink, which reaches ~0.56 em below its line's centre.
RULE_DROP_PT = RED_RULE_GAP_MM / MM_PER_PT - (PITCH - 1.12 * STYLES["body"].size_pt) / 2


def fit_notice(blocks: list[Block]) -> None:
    """Give the notice's blocks after the red rule the loosest `pitch_pt` that keeps the whole notice on page 1,
    when only the signature would leave it (None: the grid's own pitch); changes `blocks` in place."""
    end = next((i for i, b in enumerate(blocks) if isinstance(b, PageBreak)), len(blocks))
    notice = blocks[:end]
    sig = next((i for i, b in enumerate(notice) if isinstance(b, Signature)), None)
    body = [i for i, b in enumerate(notice[:sig]) if isinstance(b, Paragraph) and b.kind in BODY_KINDS]
    if sig is None or not body:
        return
    counts = [_lines(b) for b in notice]  # lines break the same at any pitch: break them once
    if _signature_fits(list(_line_pages(notice, counts)), body[-1], sig):
        return
    start = next((i + 1 for i, b in enumerate(notice) if isinstance(b, Rule | LetterHead)), 0)
    tight = {i for i in range(start, len(notice)) if not isinstance(notice[i], TitleLines)}  # 2号 titles keep theirs
    # Tighten only to keep a short notice on one page: a longer one keeps its full pages on the 22-line grid and
    # carries its last lines over instead (the last body paragraph's keep-with-next).
    for pitch in PITCHES:
        if all(page == 1 for _, page in _line_pages(notice, counts, tight, pitch)):
            for i in tight:
                notice[i].pitch_pt = pitch
            return
    _carry_last_line(blocks, body[-1])


def _carry_last_line(blocks: list[Block], last: int) -> None:
    """The signature goes over to the next page with the body's last line only: that line becomes a paragraph of
    its own (style body_continued, no indent) that keeps with the signature, and the rest of the paragraph keeps
    nothing. Word splits a keep-with-next paragraph, but LibreOffice moves it whole, and a one-paragraph body would
    leave page 1 without 正文 (7.3.3); the PDF typesetter gets the same two paragraphs, so both break alike."""
    p = blocks[last]
    if not isinstance(p, Paragraph):
        return
    lines = _broken(p)
    if len(lines) < 2 or not lines[-1].units:
        return
    cut = lines[-1].units[0].start
    head, tail = _split_runs(p.runs, cut)
    if not "".join(r.text for r in tail).strip():
        return
    p.runs, p.keep_with_next = head, False
    blocks.insert(last + 1, Paragraph(p.kind, "body_continued", tail, keep_with_next=True, pitch_pt=p.pitch_pt))


def _split_runs(runs: list[Run], cut: int) -> tuple[list[Run], list[Run]]:
    """The runs before and from character `cut` of their joined text."""
    head: list[Run] = []
    tail: list[Run] = []
    at = 0
    for r in runs:
        if at + len(r.text) <= cut:
            head.append(r)
        elif at >= cut:
            tail.append(r)
        else:
            k = cut - at
            head.append(Run(r.text[:k], r.bold, r.face))
            tail.append(Run(r.text[k:], r.bold, r.face))
        at += len(r.text)
    return head, tail


def _signature_fits(pages: list[tuple[int, int]], last_body: int, sig: int) -> bool:
    """Does the page holding the last body line also hold the whole signature (and the annotation after it)?"""
    body_page = next(page for i, page in reversed(pages) if i == last_body)
    return all(page == body_page for i, page in pages if i >= sig)


def _line_pages(
    blocks: Sequence[Block],
    counts: Sequence[int] | None = None,
    trial: Set[int] = frozenset(),
    trial_pitch: float = PITCH,
) -> Iterator[tuple[int, int]]:
    """(block index, page) for every grid line the blocks take, flowing them down pages of the type area; the
    blocks at `trial` indexes are flowed at `trial_pitch`, the others at their own. `counts`: their lines."""
    counts = counts if counts is not None else [_lines(b) for b in blocks]
    room = PAGE_H - SLACK_LINES * PITCH
    page, y = 1, 0.0
    for i, b in enumerate(blocks):
        pitch = trial_pitch if i in trial else getattr(b, "pitch_pt", None) or PITCH
        match b:
            case Masthead():
                y = max(y, STYLES["masthead"].space_before_mm / MM_PER_PT) + b.size_pt * len(b.names)
                continue
            case Rule():
                y += RULE_DROP_PT
                continue
            case LetterHead():
                y = max(y, (b.flow_top_mm - PAGE.top_mm) / MM_PER_PT)
                continue
            case Blank():
                if y > 0:
                    y += b.lines * pitch
                continue
        for _ in range(counts[i]):
            if y + pitch > room + 1e-6:
                page, y = page + 1, 0.0
            y += pitch
            yield i, page


def _lines(b: Block) -> int:
    match b:
        case TitleLines():
            return len(b.lines)
        case Signature():
            return b.lines
        case Paragraph():
            return len(_broken(b))
    return 0


def _broken(b: Paragraph) -> list[Line]:
    st = STYLES[b.style]
    return break_lines(
        b.text,
        width=PAGE.chars_per_line - st.left_indent_chars - st.right_indent_chars,
        first_indent=st.first_indent_chars if st.align != "center" else 0,
        justify=st.align == "justify",
        grid=True,
    )
