"""Break Chinese text into lines on a fixed character grid (GB/T 9704: 28 cells a line), obeying the 禁则.

Every full-width character takes one cell. A run of Latin letters or digits is one unbreakable unit whose width
in cells comes from a `measure` function (the PDF writer measures with the real font); "——" and "……" are one
unbreakable 2-cell unit. Lines are filled greedily; when the next unit does not fit:

* 先挤进 (squeeze in): if that unit may not start a line, compress it and enough other full-width punctuation on
  the line to half a cell each, so it still fits;
* 后推出 (push down): otherwise move units to the next line until neither the line's end nor the next line's
  start is forbidden, and let the short line be justified.

Qt-free and font-free: the result is positions in cells, which each writer scales to its own units.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

# GB/T 15834 and clreq "GB法"/strict: marks that may not start a line, and openers that may not end one.
NO_START = frozenset("，。、；：？！）］｝》〉」』】〕〗〙”’…—·％‰℃°,.;:?!)]}%")
NO_END = frozenset("（［｛《〈「『【〔〖〘“‘([{")
# Full-width marks whose glyph fills only half its cell: these may be squeezed to half a cell.
SQUEEZABLE = frozenset("，。、；：？！）》〉」』】〕〗“”‘’（《〈「『【〔〖")
OPENERS = frozenset("（［｛《〈「『【〔〖〘“‘")

# Units that never break: dashes and ellipses (two cells), runs of Latin letters/digits with the marks that live
# inside numbers and words (2.0, 3.5%, 5G, COVID-19, www.example.org), and a number with its unit (2020年, 8号,
# 95％): "数字、年份不能回行".
_NUMBER_UNIT = "年月日号时％‰℃"
_UNIT = re.compile(
    rf"——|……|[0-9A-Za-z](?:[0-9A-Za-z.,:%/_+\-@&']*[0-9A-Za-z%])?(?<=[0-9%])[{_NUMBER_UNIT}]"
    rf"|[0-9A-Za-z](?:[0-9A-Za-z.,:%/_+\-@&']*[0-9A-Za-z%])?|\s+|.",
    re.S,
)


# Unicode calls these "ambiguous" width, but Chinese fonts and GB/T 15834 give them a full cell.
WIDE_AMBIGUOUS = frozenset("“”‘’…—")


def is_wide(ch: str) -> bool:
    """Does the character take a whole cell of the grid?"""
    return unicodedata.east_asian_width(ch) in "WF" or ch in WIDE_AMBIGUOUS


def default_measure(run: str) -> float:
    """Width in cells when no font is at hand: wide characters 1, everything else ½."""
    return sum(1.0 if is_wide(c) else 0.5 for c in run)


@dataclass(frozen=True)
class Unit:
    """One unbreakable piece of a line: its text, its x and width in cells, and where to draw its glyph."""

    text: str
    x: float = 0.0
    width: float = 1.0
    shift: float = 0.0  # draw offset in cells: −½ for a squeezed opening mark, whose ink sits on the right half
    start: int = 0  # offset of the unit in the paragraph's text, so writers can look up its style

    @property
    def squeezed(self) -> bool:
        return self.width < 1.0 and self.text in SQUEEZABLE


@dataclass(frozen=True)
class Line:
    units: tuple[Unit, ...]
    indent: float = 0.0  # cells left blank before the first unit

    @property
    def text(self) -> str:
        return "".join(u.text for u in self.units)

    @property
    def width(self) -> float:
        """Cells from the start of the line to the end of the last unit."""
        return self.units[-1].x + self.units[-1].width if self.units else self.indent


def _is_space(unit: Unit) -> bool:
    return unit.text.isspace()


def _no_start(unit: Unit) -> bool:
    return unit.text[0] in NO_START


def _no_end(unit: Unit) -> bool:
    return unit.text[-1] in NO_END


def split_units(
    text: str, measure: Callable[[str], float] = default_measure, width: float = 28, grid: bool = False
) -> list[Unit]:
    """Cut text into unbreakable units with their widths; a run wider than a whole line is cut per character.
    On the character `grid`, runs of Latin letters and digits take whole cells (`_snap_runs`)."""
    units = _split(text, measure, width)
    return _snap_runs(text, units, measure) if grid else units


def leading_width(text: str, limit: int = 40) -> float:
    """Cells taken by what must stay together at the start of `text`: its first unit and every unit that may not
    be broken from it (五”（2018-2020年）). A reader of printed pages tells by it a line that ended short because
    this did not fit from a paragraph's last line. Year ranges count whole: not every writer breaks after the
    hyphen."""
    units = split_units(text[:limit])
    width = units[0].width if units else 0.0
    for before, unit in zip(units, units[1:]):
        if not (_no_start(unit) or _no_end(before) or (before.text[-1] in "-–~" and unit.text[0].isdigit())):
            break
        width += unit.width
    return width


def _split(text: str, measure: Callable[[str], float], width: float) -> list[Unit]:
    units: list[Unit] = []
    for m in _UNIT.finditer(text):
        for piece, start in _ranges(m.group(), m.start()):
            if piece.isspace():
                piece = " "  # newlines and tabs inside a paragraph read as one space
            w = _width(piece, measure)
            if piece in ("——", "……"):
                w = 2.0
            if w > width and len(piece) > 1:
                units.extend(Unit(c, width=measure(c), start=start + k) for k, c in enumerate(piece))
            else:
                units.append(Unit(piece, width=w, start=start))
    return units


# A range of years breaks after its hyphen (2018-|2020年), never inside a number: the hyphen stays at the line's end.
_YEAR_RANGE = re.compile(r"(?<=(?:19|20)\d\d[-–~])(?=(?:19|20)\d\d)")


def _ranges(piece: str, start: int) -> list[tuple[str, int]]:
    """A unit split after the hyphen of each year range in it, with each part's offset in the paragraph."""
    if len(piece) < 9 or not _YEAR_RANGE.search(piece):
        return [(piece, start)]
    parts, at = [], 0
    for m in _YEAR_RANGE.finditer(piece):
        parts.append((piece[at : m.start()], start + at))
        at = m.start()
    parts.append((piece[at:], start + at))
    return parts


def _width(piece: str, measure: Callable[[str], float]) -> float:
    """Full-width characters take exactly one cell; the rest is measured (a number's unit: 2020年 = 2 + 1)."""
    wide = sum(1 for c in piece if is_wide(c))
    narrow = "".join(c for c in piece if not is_wide(c))
    return wide + (measure(narrow) if narrow else 0.0)


def snap(cells: float) -> float:
    """Whole cells for a run of Latin letters or digits on the character grid: a 4-digit year 2, 22 one, 5 one.

    This is how a word processor lays out `w:docGrid type="linesAndChars"` (LibreOffice pads each non-Chinese run
    on its right up to the next grid cell, sw's grid kern portion), so the PDF and the DOCX break lines alike."""
    return float(math.ceil(cells - 1e-6)) if cells > 0 else 0.0


def _snap_runs(text: str, units: list[Unit], measure: Callable[[str], float]) -> list[Unit]:
    """Each maximal run of Latin letters and digits (1. 2019-2020 3.5) rounded up to whole cells, the padding
    after the unit holding the run's last character, as the DOCX's character grid lays them out (`snap`)."""
    pad: dict[int, float] = {}  # offset of a run's last character → cells of padding after it
    for m in _NARROW_RUN.finditer(text):
        extra = snap(measure(m.group())) - sum(measure(piece) for piece in _pieces(units, m.start(), m.end()))
        if extra > 1e-9:
            pad[m.end() - 1] = extra
    if not pad:
        return units
    out = []
    for u in units:
        extra = sum(v for k, v in pad.items() if u.start <= k < u.start + len(u.text))
        out.append(Unit(u.text, u.x, u.width + extra, u.shift, u.start) if extra > 1e-9 else u)
    return out


def _pieces(units: list[Unit], start: int, end: int) -> list[str]:
    """The narrow text of each unit within text[start:end], as `_width` measures it."""
    out = []
    for u in units:
        lo, hi = max(start, u.start), min(end, u.start + len(u.text))
        if lo < hi:
            out.append(u.text[lo - u.start : hi - u.start])
    return out


_NARROW_RUN = re.compile(r"[0-9A-Za-z.,:%/_+\-@&'–~]+")


def _squeeze(line: list[Unit], nxt: Unit, room: float) -> list[Unit] | None:
    """先挤进: the line plus `nxt` with punctuation halved until it fits in `room`, or None if it cannot."""
    need = sum(u.width for u in line) + nxt.width - room
    candidates = [nxt, *reversed(line)]  # the incoming mark first, then the nearest marks on the line
    halve: set[int] = set()
    for u in candidates:
        if need <= 1e-9:
            break
        if u.text in SQUEEZABLE and u.width >= 1.0:
            halve.add(id(u))
            need -= 0.5
    if need > 1e-9:
        return None
    return [
        Unit(u.text, width=0.5, shift=-0.5 if u.text in OPENERS else 0.0, start=u.start) if id(u) in halve else u
        for u in [*line, nxt]
    ]


def _first_ink(units: list[Unit]) -> Unit | None:
    """The first unit that is not a space: what would start a line broken before these."""
    return next((u for u in units if not _is_space(u)), None)


def _push_down(line: list[Unit], rest: list[Unit]) -> int:
    """后推出: how many units to move from the line's end so that the break is legal (0 if it already is). A space
    is passed over on both sides: it is dropped at a break, so the mark after it would start the next line."""
    k = 0
    while k < len(line):  # keep at least one unit on the line
        last = line[len(line) - 1 - k]
        first = _first_ink([*line[len(line) - k :], *rest])
        if not _is_space(last) and not (_no_end(last) or (first is not None and _no_start(first))):
            return k
        k += 1
    return 0  # no legal break (e.g. a line of nothing but marks): break here rather than loop


def _place(units: list[Unit], indent: float, room: float, justify: bool) -> Line:
    """Give each unit its x; a justified line spreads its slack over the gaps between units."""
    while units and _is_space(units[-1]):
        units = units[:-1]
    used = sum(u.width for u in units)
    slack = room - used
    gap = slack / (len(units) - 1) if justify and len(units) > 1 and slack > 1e-9 else 0.0
    x = indent
    placed = []
    for u in units:
        placed.append(Unit(u.text, x, u.width, u.shift, u.start))
        x += u.width + gap
    return Line(tuple(placed), indent)


def break_lines(
    text: str,
    width: float = 28,
    first_indent: float = 2,
    indent: float = 0,
    measure: Callable[[str], float] = default_measure,
    justify: bool = True,
    grid: bool = False,
) -> list[Line]:
    """Break one paragraph into lines of `width` cells; the first line starts after `first_indent` cells.

    `grid=True` breaks as Word and LibreOffice break the DOCX's character grid: runs of Latin letters and digits
    in whole cells, and no punctuation compression (both leave it off by default), so a mark that may not start
    a line pulls a character down with it (后推出) instead of being squeezed in (先挤进)."""
    units = split_units(text, measure, width, grid)
    squeeze = not grid
    lines: list[Line] = []
    line: list[Unit] = []
    used = 0.0  # cells taken by `line`
    start = first_indent
    i = 0
    while i < len(units):
        u = units[i]
        room = width - start
        if not line and _is_space(u):
            i += 1  # a space never starts a line
            continue
        if not line and u.width > room + 1e-9 and len(u.text) > 1:
            # A word or number longer than the room left (after a first-line indent) is cut per character
            # rather than overflowing the measure.
            units[i : i + 1] = [Unit(c, width=measure(c), start=u.start + k) for k, c in enumerate(u.text)]
            continue
        if used + u.width <= room + 1e-9 or not line:
            line.append(u)
            used += u.width
            i += 1
            continue
        if squeeze and _no_start(u) and (squeezed := _squeeze(line, u, room)) is not None:
            line, i = squeezed, i + 1
            used = sum(x.width for x in line)
            if (after := _first_ink(units[i : i + 8])) is None or not _no_start(after):
                lines.append(_place(line, start, room, justify))
                line, used, start = [], 0.0, indent
            continue
        k = _push_down(line, units[i : i + 8])  # (what may follow a break: a space or two, then a mark)
        i -= k
        line = line[: len(line) - k]
        lines.append(_place(line, start, room, justify))
        line, used, start = [], 0.0, indent
    if line or not lines:
        lines.append(_place(line, start, width - start, justify=False))
    return lines
