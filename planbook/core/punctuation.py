"""GB/T 15834 punctuation for Chinese text: half-width , ; : ? ! ( ) touching Chinese become full-width.

Plans pasted from web pages often carry ASCII punctuation. Print applies the rule on the fly (the layout); Plan ▸
Normalize Punctuation and `planbook tidy` store it (`core.tidy`), so that the editor, search snippets and
exchange files read as the print does.
"""

from __future__ import annotations

import unicodedata

_HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}


def _is_cjk(ch: str) -> bool:
    return bool(ch) and unicodedata.east_asian_width(ch) in "WF"


def cjk_punctuation(text: str) -> str:
    """Half-width , ; : ? ! ( ) touching Chinese text become full-width (GB/T 15834), as print needs.

    Plans pasted from web pages often carry ASCII punctuation; between digits or Latin words it is left alone
    (1,000 · 2.0 · http://).
    """
    if not any(ch in _HALF_TO_FULL for ch in text):
        return text
    out = list(text)
    for i, ch in enumerate(text):
        if ch in _HALF_TO_FULL:
            before = text[i - 1] if i else ""
            after = text[i + 1] if i + 1 < len(text) else ""
            if _is_cjk(before) or _is_cjk(after):
                out[i] = _HALF_TO_FULL[ch]
    return "".join(out)
