"""Breaking a title into centred lines: whole words, whole 《》 pairs, shaped 梯形 or 菱形 (GB/T 9704 7.3.1).

There is no dictionary here, so "a word" is judged from the structure titles share: organ names end before
关于, a 《》 pair is one unit, a year stays with its 年, a space or 、 between joint issuers is a boundary,
and 的通知/的意见/… closes the title. Between two Chinese characters with none of these, a break is allowed
only at a high cost, so it is used only when nothing else fits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .styles import MM_PER_PT, PAGE, SIZES, text_width

NO_START = set("，。、；：？！）］｝》〉」』】〕〗’”…—·%‰℃,.;:?!)]}")
NO_END = set("（［｛《〈「『【〔〖“‘([{")

# Break costs: 0 = where clerks break, higher = worse. None = never.
_GOOD, _FAIR, _WEAK = 0, 2, 150  # a weak break costs more than an extra line
_AUTOSPACE = 0.5  # cells: LibreOffice adds ~¼ em each side of a digit run even with autoSpaceDN off
_INSIDE_PAIR = 12  # breaking inside a 《》 pair that would fit a line
_STUB = 1000  # a line of fewer than 4 characters (a 的通知 alone): only when nothing else fits
_MIN_LINE = 4
# Verbs that open the phrase naming what a notice is about (盘锦市|推进教育高质量发展…): a break before one
# falls between words.
_VERBS = (
    "推进",
    "加快",
    "加强",
    "做好",
    "开展",
    "实施",
    "深化",
    "进一步",
    "全面",
    "促进",
    "提升",
    "规范",
    "完善",
    "健全",
    "落实",
    "贯彻",
    "印发",
    "转发",
    "批转",
    "建立",
    "推动",
    "做实",
    "切实",
)
_DOC_TAILS = ("的通知", "的意见", "的决定", "的批复", "的报告", "的函", "的方案", "的办法", "的规定", "的要点")


def title_chars_per_line(size_pt: float = SIZES["二号"]) -> int:
    """How many characters of a title fit a line: 20 at 2号 (156 mm / 7.76 mm)."""
    return int(PAGE.type_width_mm / (size_pt * MM_PER_PT))


@dataclass(frozen=True)
class _Unit:
    text: str
    width: float
    cost_before: int | None  # cost of a line break before this unit; None = not allowed


def _units(title: str) -> list[_Unit]:
    """Split into unbreakable units, each carrying the cost of breaking before it."""
    pattern = re.compile(r"《[^《》]*》|〔[^〔〕]*〕|[0-9A-Za-z.%]+[年号月日]?|\s+|.", re.S)
    raw = pattern.findall(title)
    units: list[_Unit] = []
    for i, piece in enumerate(raw):
        prev = raw[i - 1] if i else ""
        width = text_width(piece)
        # renderers put a little space between Chinese and a digit run
        width += _AUTOSPACE * len(re.findall(r"[0-9A-Za-z]+", piece))
        units.append(_Unit(piece, width, _cost_before(prev, piece, title, i, raw)))
    return units


def _cost_before(prev: str, cur: str, title: str, i: int, raw: list[str]) -> int | None:
    if not prev:
        return None
    if cur[0] in NO_START or prev[-1] in NO_END:
        return None
    rest = "".join(raw[i:])
    if cur.isspace() or prev.isspace():
        return _GOOD
    if rest.startswith("关于") or cur.startswith("《") or prev.endswith("》"):
        return _GOOD
    if any(rest.startswith(t) for t in _DOC_TAILS):
        return _GOOD
    if prev[-1] in "、，,和及与" or prev.endswith("年") and prev[0].isdigit():
        return _FAIR
    if "".join(raw[max(0, i - 2) : i]) in ("印发", "转发", "批转"):  # 关于印发 | the document's name
        return _FAIR
    if cur[0].isdigit():
        return _FAIR
    if any(rest.startswith(v) for v in _VERBS):
        return _FAIR
    return _WEAK


def _explode_pairs(units: list[_Unit], limit: float) -> list[_Unit]:
    """A 《》 pair wider than a line must break inside; its inner breaks keep their ordinary costs. A narrower
    pair may break inside at an extra cost: better 关于印发《某局2021年 / 工作要点》的通知 than a 的通知 alone."""
    out: list[_Unit] = []
    for u in units:
        if u.text.startswith(("《", "〔")) and len(u.text) > 2 and (u.width > limit or u.text[0] == "《"):
            extra = 0 if u.width > limit else _INSIDE_PAIR
            inner = [
                _Unit(i.text, i.width, None if i.cost_before is None else i.cost_before + extra)
                for i in _units(u.text[1:-1])
            ]
            out.append(_Unit(u.text[0] + inner[0].text, 1 + inner[0].width, u.cost_before))
            out.extend(inner[1:-1])
            last = inner[-1] if len(inner) > 1 else None
            if last is not None:
                out.append(_Unit(last.text + u.text[-1], last.width + 1, last.cost_before))
            else:
                out[-1] = _Unit(out[-1].text + u.text[-1], out[-1].width + 1, out[-1].cost_before)
        else:
            out.append(u)
    return out


def _shape_cost(widths: list[float]) -> float:
    """梯形 (each line shorter than the one above) or 菱形 (short, long, short) cost nothing; others cost."""
    n = len(widths)
    if n == 1:
        return 0
    cost = 0.0
    descending = all(a > b for a, b in zip(widths, widths[1:]))
    peak = widths.index(max(widths))
    diamond = (
        n >= 3
        and 0 < peak < n - 1
        and all(a < b for a, b in zip(widths[:peak], widths[1 : peak + 1]))
        and all(a > b for a, b in zip(widths[peak:], widths[peak + 1 :]))
    )
    if not (descending or diamond):
        cost += 15 if all(a < b for a, b in zip(widths, widths[1:])) else 20
    cost += sum(3 for a, b in zip(widths, widths[1:]) if abs(a - b) < 1)  # equal lines look like body text
    if min(widths) < max(widths) / 3:
        cost += 10  # a stub line
    if min(widths) < _MIN_LINE:
        cost += _STUB
    cost += 0.3 * (max(widths) - min(widths))  # as even as the shape allows
    return cost


def break_title(title: str, max_chars: float | None = None) -> list[str]:
    """Break a title into lines of at most `max_chars` cells (default: what fits at 2号)."""
    title = " ".join(title.split())
    limit = max_chars or title_chars_per_line()
    if not title:
        return []
    units = _units(title)
    if sum(u.width for u in units) <= limit:
        return [title]
    units = _explode_pairs(units, limit)
    best: tuple[float, list[list[_Unit]]] | None = None
    min_lines = -(-int(sum(u.width for u in units) * 2) // int(limit * 2))

    def search(start: int, lines: list[list[_Unit]], cost: float) -> None:
        nonlocal best
        if best is not None and cost >= best[0]:
            return
        if start == len(units):
            widths = [_line_width(line) for line in lines]
            total = cost + _shape_cost(widths) + 100 * len(lines)
            if best is None or total < best[0]:
                best = (total, [list(line) for line in lines])
            return
        if len(lines) >= min_lines + 1:
            return
        width = 0.0
        for end in range(start, len(units)):
            width += units[end].width
            if width > limit:
                break
            nxt = end + 1
            break_cost = 0 if nxt == len(units) else units[nxt].cost_before
            if break_cost is None:  # no break allowed before the next unit
                continue
            search(nxt, [*lines, units[start:nxt]], cost + break_cost)

    search(0, [], 0)
    if best is None:  # nothing legal fits (an endless word): cut at the limit
        return _hard_wrap(title, limit)
    return [_line_text(line) for line in best[1]]


def _line_width(line: list[_Unit]) -> float:
    return sum(u.width for u in line if not u.text.isspace())


def _line_text(line: list[_Unit]) -> str:
    return "".join(u.text for u in line).strip()


def _hard_wrap(text: str, limit: float) -> list[str]:
    lines, cur = [], ""
    for ch in text:
        if text_width(cur + ch) > limit:
            lines.append(cur.strip())
            cur = ""
        cur += ch
    return [*lines, cur.strip()] if cur.strip() else lines
