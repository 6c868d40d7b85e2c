"""Derived numbers: 一、 （一） 1. （1）, computed from position and kind, never stored."""

from __future__ import annotations

from collections.abc import Iterable

from .model import Node, NodeKind, Numbering

_DIGITS = "零一二三四五六七八九"
_UNITS = ((1000, "千"), (100, "百"), (10, "十"))


def chinese_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 99 → 九十九, 101 → 一百零一, up to 9999."""
    if not 0 < n < 10000:
        raise ValueError(f"no Chinese numeral for {n}")
    out: list[str] = []
    pending_zero = False
    rest = n
    for value, unit in _UNITS:
        digit, rest = divmod(rest, value)
        if digit:
            if pending_zero:
                out.append("零")
                pending_zero = False
            # 十一 not 一十一 when ten leads the number
            if not (value == 10 and digit == 1 and not out):
                out.append(_DIGITS[digit])
            out.append(unit)
        elif out:
            pending_zero = True
    if rest:
        if pending_zero:
            out.append("零")
        out.append(_DIGITS[rest])
    return "".join(out)


def label(kind: NodeKind, n: int) -> str:
    """The printed number of the n-th node of a kind: 一、 （一） 1. （1）."""
    match kind:
        case NodeKind.SECTION:
            return f"{chinese_numeral(n)}、"
        case NodeKind.SUBSECTION:
            return f"（{chinese_numeral(n)}）"
        case NodeKind.TASK:
            return f"{n}."
        case NodeKind.ITEM:
            return f"（{n}）"
    raise ValueError(kind)


def number_tree(nodes: Iterable[Node], numbering: Numbering) -> dict[int, str]:
    """Map id(node) → printed number for a whole plan tree.

    Sections count among top-level sections, subsections within their section, items within their parent.
    Tasks run on through the plan (continuous) or restart under each section and subsection (per-section).
    Keys are `id()` of the Node objects so that unsaved nodes can be numbered too.
    """
    numbers: dict[int, str] = {}
    task_counter = [0]

    def visit(children: list[Node]) -> None:
        counts: dict[NodeKind, int] = {}
        if numbering is Numbering.PER_SECTION:
            task_counter[0] = 0
        for node in children:
            if node.kind is NodeKind.TASK:
                task_counter[0] += 1
                n = task_counter[0]
            else:
                n = counts.get(node.kind, 0) + 1
                counts[node.kind] = n
            numbers[id(node)] = label(node.kind, n)
            if node.children:
                saved = task_counter[0]
                visit(node.children)
                if numbering is Numbering.PER_SECTION:
                    # A subsection's own restart must not leak into its section's later tasks.
                    task_counter[0] = saved

    visit(list(nodes))
    return numbers
