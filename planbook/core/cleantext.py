"""Text that every writer can carry: the characters XML 1.0 (DOCX, XLSX), SQLite's UTF-8 and the PDF cannot hold
are removed on the way in (import) and again on the way out (every export), so no file can stop an export.

Removed: C0 control characters other than tab, line feed and carriage return (NUL, form feed, ESC …), lone
surrogates (which JSON's \\ud800 escapes can produce) and the non-characters U+FFFE, U+FFFF.
"""

from __future__ import annotations

import re

from .model import Plan

_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> tuple[str, int]:
    """`text` without unwritable characters, and how many were removed."""
    if not text:
        return text, 0
    cleaned, count = _UNWRITABLE.subn("", text)
    return cleaned, count


def clean_plan(plan: Plan) -> int:
    """Remove unwritable characters from every text of `plan`, in place; returns how many went."""
    removed = 0

    def fix(obj, name: str) -> None:
        nonlocal removed
        value = getattr(obj, name)
        if isinstance(value, str):
            value, n = clean(value)
        elif isinstance(value, list):
            pairs = [clean(v) if isinstance(v, str) else (v, 0) for v in value]
            value, n = [v for v, _ in pairs], sum(k for _, k in pairs)
        else:
            return
        if n:
            setattr(obj, name, value)
            removed += n

    for name in ("title", "kind", "issuers", "preamble", "closing"):
        fix(plan, name)
    for name in vars(plan.notice):
        fix(plan.notice, name)
    for node in plan.walk():
        fix(node, "title")
        fix(node, "body")
        for f in node.fields:
            fix(f, "label")
            fix(f, "value")
        for note in node.notes:
            fix(note, "text")
    return removed
