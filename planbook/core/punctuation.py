"""GB/T 15834 punctuation for Chinese text: half-width , ; : ? ! ( ) touching Chinese become full-width.

Plans pasted from web pages often carry ASCII punctuation. Print applies the rule on the fly (the layout); Plan ▸
Normalize Punctuation and `planbook tidy` store it (`core.tidy`), so that the editor, search snippets and
exchange files read as the print does.
"""

from __future__ import annotations

import re
import unicodedata

_HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_MARK = re.compile("[,;:?!()]")


def _is_cjk(ch: str) -> bool:
    return bool(ch) and unicodedata.east_asian_width(ch) in "WF"


def cjk_punctuation(text: str) -> str:
    """Half-width , ; : ? ! ( ) touching Chinese text become full-width (GB/T 15834), as print needs.

    Plans pasted from web pages often carry ASCII punctuation; between digits or Latin words it is left alone
    (1,000 · 2.0 · http://).
    """
    out: list[str] | None = None
    for m in _MARK.finditer(text):  # only the marks are looked at: a 3,000-task plan has 12,000 paragraphs
        i = m.start()
        # Numbers between the mark and the Chinese do not make it Latin: 达到50%,2020年 → 达到50%，2020年.
        if not _thousands(text, i) and (_is_cjk(_nearest(text, i, -1)) or _is_cjk(_nearest(text, i, 1))):
            out = out if out is not None else list(text)
            out[i] = _HALF_TO_FULL[m.group()]
    return text if out is None else "".join(out)


_NUMBERISH = set("0123456789%‰.")


def _nearest(text: str, i: int, step: int) -> str:
    """The first character from `i` in direction `step` that is not part of a number ("" at the text's end)."""
    j = i + step
    while 0 <= j < len(text) and text[j] in _NUMBERISH:
        j += step
    return text[j] if 0 <= j < len(text) else ""


def _thousands(text: str, i: int) -> bool:
    """A comma grouping digits (1,000): a digit before it and exactly three after it."""
    if text[i] != "," or not i or not text[i - 1].isdigit():
        return False
    group = text[i + 1 : i + 4]
    return len(group) == 3 and group.isdigit() and not text[i + 4 : i + 5].isdigit()
