"""What a line opens (一、 （一） 1. （1） ①), what kind of line it is, and hard wraps joined again."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ...core.model import NodeKind
from .dates import is_date_line, parse_chinese_numeral
from .fields import field_line
from .patterns import CIRCLED, CIRCLED_RE, ITEM_RE, SECTION_RE, SUBSECTION_RE, TASK_RE, _width


@dataclass
class Marker:
    kind: NodeKind
    number: int
    text: str


def marker(line: str) -> Marker | None:
    """The outline level a line opens (一、 （一） 1. （1） ①) with its source number, or None."""
    if m := SECTION_RE.match(line):
        n = parse_chinese_numeral(m[1])
        if n and m[2]:
            return Marker(NodeKind.SECTION, n, m[2])
    if m := SUBSECTION_RE.match(line):
        n = parse_chinese_numeral(m[1])
        if n and m[2]:
            return Marker(NodeKind.SUBSECTION, n, m[2])
    if (m := TASK_RE.match(line)) and m[2] and not (_STOPPED.match(line) is None and _looks_like_quantity(m[2])):
        return Marker(NodeKind.TASK, int(m[1]), m[2])
    if (m := ITEM_RE.match(line)) and m[2]:
        return Marker(NodeKind.ITEM, int(m[1]), m[2])
    if (m := CIRCLED_RE.match(line)) and m[2]:
        return Marker(NodeKind.ITEM, CIRCLED.index(m[1]) + 1, m[2])
    return None


_STOPPED = re.compile(r"\d{1,3}\s*[.．、]")  # 29.百名… is a task whatever word follows the stop


def _looks_like_quantity(rest: str) -> bool:
    """`2 万人` or `3 所学校` after a bare space is a number in a sentence, not a task marker."""
    return bool(re.match(r"^(万|亿|千|百|个|所|名|人|项|年|月|日|%|％)", rest))


def split_title(text: str) -> tuple[str, str]:
    """A numbered paragraph's title is its first sentence (to the first 。) when more follows; the rest is body."""
    cut = text.find("。")
    if 0 <= cut < len(text) - 1:
        return text[: cut + 1].strip(), text[cut + 1 :].strip()
    return text.strip(), ""


# ---- hard wraps -----------------------------------------------------------------------------------------

_TERMINAL = tuple("。！？；：:;!?")
_LEAD_IN = tuple("：:")  # a line ending in a colon (主送机关：) is never run on into the next


def unwrap(lines: list[str]) -> list[str]:
    """Re-join lines that a PDF copy broke at a fixed width in mid-sentence.

    A document counts as hard-wrapped when many of its lines share (nearly) the same, longest length, counted
    in print columns (a Chinese character is two) or in characters, as extractors differ. Then a line that
    reaches that length runs on into the next one, unless the next line opens a numbered paragraph or a field.
    A full line ending in 。 runs on as well when what follows also ends a sentence: in a wrapped document a
    sentence ends at the margin as often as anywhere else, while a signer or heading after it ends in no stop.
    """
    measure, best = _wrap_width(lines)
    if not best:
        return lines
    # Each output line is kept as its pieces and joined once at the end: adding to a growing string at every
    # line was quadratic when thousands of lines run on into one.
    out: list[list[str]] = []
    joining = False
    for line in lines:
        if (
            joining
            and line
            and not marker(line)
            and not field_line(line)
            and (not out[-1][-1].endswith(_TERMINAL) or measure(line) >= best - 2 or line.endswith(_TERMINAL))
        ):
            tail = out[-1][-1]
            out[-1].append(_join(tail, line)[len(tail) :])  # the line, with the space _join puts between words
        else:
            out.append([line])
        tail = out[-1][-1]
        joining = bool(tail) and measure(line) >= best - max(6, best // 6) and not tail.endswith(_LEAD_IN)
    return ["".join(parts) for parts in out]


def _wrap_width(lines: list[str]):
    """(measure, width) of the margin most lines stop at, or (len, 0) when the text is not hard-wrapped."""
    found = (len, 0)
    strongest = 0
    for measure in (_width, len):
        sizes = [measure(x) for x in lines if x]
        long_sizes = [w for w in sizes if w >= 12]
        if len(long_sizes) < 5:
            continue
        tally = Counter(long_sizes)
        best, count = 0, 0
        for top in tally:
            n = sum(tally.get(w, 0) for w in range(top - 3, top + 1))
            if n > count or (n == count and top > best):
                best, count = top, n
        if count >= max(5, 0.3 * len(sizes)) and best >= max(long_sizes) - 4 and count > strongest:
            found, strongest = (measure, best), count
    return found


def _join(a: str, b: str) -> str:
    """Join two pieces of a broken line: no space between CJK, one between Latin words."""
    if a and b and a[-1].isascii() and a[-1].isalnum() and b[0].isascii() and b[0].isalpha():
        return f"{a} {b}"
    return a + b


def _organ_like(line: str) -> bool:
    return len(line) <= 30 and not re.search(r"[。，,；;：:、《》“”]", line) and not is_date_line(line)


def _short(line: str) -> bool:
    return len(line) <= 50 and not line.endswith(_TERMINAL) and not re.search(r"[。，,；;]", line)
