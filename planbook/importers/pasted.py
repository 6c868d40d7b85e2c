"""A plan pasted from the clipboard: what clerks copy out of a browser or Word.

Both put the selection on the clipboard twice, as HTML and as plain text. The HTML keeps tables (a 任务分解表
copied off a web page) that the plain text flattens, but Word's HTML can also carry less than its text; both
are read and the reading that recognises more of the plan wins (plain text on a tie: it is what the clerk saw).
"""

from __future__ import annotations

from ..core.errors import FormatError
from ..core.messages import QT_TRANSLATE_NOOP
from . import ImportResult
from .plaintext import MAX_TEXT_BYTES, parse_text
from .webpage import parse_html

MAX_PASTE_CHARS = MAX_TEXT_BYTES // 2  # the text limit, counted in characters; HTML may be twice as long


def parse_pasted(html: str, text: str) -> ImportResult:
    """The plan in a clipboard's HTML and plain-text flavours (either may be empty)."""
    if len(text) > MAX_PASTE_CHARS or len(html) > 2 * MAX_PASTE_CHARS:
        raise FormatError(
            QT_TRANSLATE_NOOP("Messages", "the clipboard holds more text than any plan has; copy the plan alone")
        )
    readings: list[ImportResult] = []
    problems: list[FormatError] = []
    for parse, source in ((parse_text, text), (parse_html, html)):
        if source.strip():
            try:
                readings.append(parse(source))
            except FormatError as e:
                problems.append(e)
    if not readings:
        raise problems[0] if problems else FormatError(QT_TRANSLATE_NOOP("Messages", "the clipboard holds no text"))
    best = max(readings, key=recognised)
    from . import mark_issued  # (the package imports this module)

    mark_issued(best.plans)
    return best


def recognised(result: ImportResult) -> int:
    """How much of a plan a reading found: nodes and fields, and the notice's filled parts."""
    total = 0
    for plan in result.plans:
        total += sum(1 + len(node.fields) for node in plan.walk())
        total += sum(
            bool(getattr(plan.notice, part))
            for part in ("masthead", "doc_number", "title", "recipients", "body", "signers", "signed_on")
        )
    return total
