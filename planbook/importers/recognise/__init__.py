"""The structure recogniser: lines (and task tables) of a work plan → a `Plan` plus warnings for the user.

Every importer (plain text, HTML, DOCX) reduces its input to a list of blocks, each a line of text or a
`TableBlock`, and hands them here. The recogniser then, in order:

1. normalises whitespace (U+3000, NBSP, tabs) and re-joins lines hard-wrapped in mid-sentence (PDF copies);
2. drops web-site chrome (breadcrumbs, 发布时间/浏览次数, 扫一扫, ICP备 …) while keeping the metadata a page
   header carries (索引号, 发文字号, 主题词 …);
3. reads the issuing notice when there is one (masthead, 发文字号, 关于印发…的通知, recipients, body, signers,
   date, annotation, imprint);
4. reads the plan: title, issuers, year, preamble, the 一、/（一）/1./（1） tree with fields, and the closing.

Source numbers are read, not trusted: the tree is numbered by position later, and whatever the source got
wrong (gaps, repeats) becomes a warning. Nothing here is keyed on a particular document's text.

The stages live in their own modules, in the order they run: `prepare` (blocks made ready), `chrome` (web page
furniture), `notice` (the issuing notice), `title` (title, issuers, year), `tree` with `fields` and `tables` (the
outline and its fields), `numbers` (source numbers checked, numbering mode); `patterns`, `dates`, `lines` and
`state` are what they share. Other modules import from the package, never from a stage.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ...core.errors import FormatError
from ...core.issuing import fill_masthead
from ...core.messages import QT_TRANSLATE_NOOP
from ...core.model import Plan
from .chrome import META_LABELS, _strip_chrome
from .dates import digits_date, normalise_doc_number, parse_chinese_numeral, parse_date
from .fields import field_line
from .lines import _organ_like, _short, marker
from .notice import (
    _attached_plan_at,
    _mark_printed_attachment,
    _notice_alone,
    _plan_start,
    _read_attachments,
    _read_closing_signature,
    _read_imprint,
    _read_notice,
    _read_notice_alone,
)
from .numbers import _check_numbers, _outline_tasks
from .patterns import (
    KNOWN_FIELD_LABELS,
    ORGAN_END_RE,
    PAGE_NUMBER_RE,
    Block,
    Recognised,
    TableBlock,
    normalise_line,
)
from .prepare import _check_length, _prepare
from .state import _Doc
from .title import _fill_plan_metadata, _read_title, join_title
from .tree import _build_tree

__all__ = [
    "KNOWN_FIELD_LABELS",
    "META_LABELS",
    "PAGE_NUMBER_RE",
    "Block",
    "Recognised",
    "TableBlock",
    "digits_date",
    "field_line",
    "join_title",
    "marker",
    "normalise_doc_number",
    "normalise_line",
    "parse_chinese_numeral",
    "parse_date",
    "recognise",
]


def recognise(blocks: Iterable[Block], masthead: str = "", title: str = "") -> Recognised:
    """Read a plan out of text lines and tables. Raises FormatError when there is no plan to be found.

    `masthead` is what a format that knows colours (a PDF) saw printed in red at the top: the 发文机关标志, even
    when it does not end in 文件 (信函格式), kept unless the text names one itself. `title` is what a format that
    knows sizes saw set large and centred above the plan: its title, where the words alone do not say which line
    that is (2017年全市教育系统重点攻坚事项 over its issuer's name)."""
    doc = _Doc()
    blocks = list(blocks)
    _check_length(blocks, ink_only=True)  # before _prepare, which costs seconds a million characters
    items = _prepare(blocks)
    if not items:
        raise FormatError(QT_TRANSLATE_NOOP("Messages", "no text found"))
    _check_length(items)
    items = _strip_chrome(items, doc)
    if _notice_alone(items):
        return _read_notice_alone(items, doc)
    items = _mark_printed_attachment(items)
    attached = _attached_plan_at(items)  # a notice with points of its own, its plan attached after it
    start = _plan_start(items, 0 if attached is None else attached + 1)
    if start is None:
        raise FormatError(
            QT_TRANSLATE_NOOP("Messages", "no plan structure found (no 一、 sections, （一） subsections or 1. tasks)")
        )
    front = [x for x in items[: attached if attached is not None else start] if isinstance(x, str)]
    body = items[start:]
    rest = _read_notice(front, doc)
    # the attached plan's own title, under its 附件 heading
    head = _attached_title(items[attached + 1 : start]) if attached is not None else []
    if masthead and not doc.notice.masthead and doc.notice.prints():
        doc.notice.masthead = masthead
    body = _read_attachments(_read_closing_signature(_read_imprint(body, doc), doc), doc)
    title, preamble = (head[0], head[1:]) if head else _read_title(rest, doc, printed=title)
    title = re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=\d)", "", title)  # 教育局 2021年工作要点: a PDF copy's space
    nodes, closing = _build_tree(body, doc)
    plan = Plan(title=title, preamble="\n".join(preamble), closing=closing, nodes=nodes, notice=doc.notice)
    _fill_plan_metadata(plan, doc)
    plan.numbering = _check_numbers(plan, doc, outline=_outline_tasks(plan))
    if fill_masthead(plan):  # web copies lose the red head: propose one, for the clerk to confirm
        doc.warn(
            QT_TRANSLATE_NOOP(
                "Messages",
                "the notice has no masthead (发文机关标志); proposed “{masthead}”: confirm or change it before issuing",
            ),
            masthead=plan.notice.masthead,
        )
    return Recognised(plan, doc.warnings)


def _attached_title(lines: list[Block]) -> list[str]:
    """The title an attached plan opens with (its short lines, one title broken over them), then its preamble."""
    text = [x for x in lines if isinstance(x, str)]
    k = 0
    while k < len(text) and _short(text[k]):
        k += 1
    if not k:
        return []
    end = k
    while end > 1 and _organ_like(text[end - 1]) and ORGAN_END_RE.search(text[end - 1]):
        end -= 1  # the issuer printed under the title (…推广清单 / 国务院办公厅) is no part of it
    title = text[0]
    for line in text[1:end]:
        title = join_title(title, line)
    return [title, *text[k:]]
