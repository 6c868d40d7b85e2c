"""Derived numbers: 一、 （一） 1. （1）, computed from position and kind, never stored."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from .model import KINDS, Node, NodeKind, Numbering

T = TypeVar("T")

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
    """The printed number of the n-th node of a kind: 一、 （一） 1. （1） (the kind's `KindSpec.number`)."""
    pattern = KINDS[kind].number
    return pattern.format(n=n, cn=chinese_numeral(n) if "{cn}" in pattern else "")


def counted(
    top: Iterable[T], children: Callable[[T], Iterable[T]], kind: Callable[[T], NodeKind], numbering: Numbering
) -> list[tuple[T, NodeKind, int]]:
    """(node, printed kind, n) for a whole plan tree in document order, over any shape of node: the one counting
    rule, used for `Node` trees here and for the search index's (id, kind) rows (which print `label(kind, n)` only
    for the few nodes that hit; a list, not a generator, as this runs for 50 plans on every keystroke).

    Kinds count among their siblings (sections among top-level sections, items within their parent); kinds
    that run on (tasks) count through the plan (continuous) or restart under each section and subsection
    (per-section). In outline numbering a node prints as its level's kind (`level_kind`), counted among all its
    siblings: a task directly under a section is （一）, as action plans print it.
    """
    if numbering.by_level:
        return _outline_counted(top, children, kind, running=numbering is Numbering.OUTLINE_RUNNING)
    per_section = numbering is Numbering.PER_SECTION
    runs_on = {k for k, spec in KINDS.items() if spec.runs_on}
    out: list[tuple[T, NodeKind, int]] = []
    running = 0

    def visit(nodes: Iterable[T]) -> None:
        nonlocal running
        counts: dict[NodeKind, int] = {}
        if per_section:
            running = 0
        for node in nodes:
            k = kind(node)
            if k in runs_on:
                running += 1
                n = running
            else:
                n = counts[k] = counts.get(k, 0) + 1
            out.append((node, k, n))
            inner = children(node)
            if inner:
                saved = running
                visit(inner)
                if per_section:
                    # A subsection's own restart must not leak into its section's later tasks.
                    running = saved

    visit(top)
    return out


# The kinds in outline order: the kind whose number and style a node at each level prints with.
_LEVELS = sorted(KINDS, key=lambda k: KINDS[k].depth)


def level_kind(depth: int) -> NodeKind:
    """The kind a node at outline level `depth` (1: the top) prints as; the deepest kind for anything deeper."""
    return _LEVELS[min(depth, len(_LEVELS)) - 1]


def _outline_counted(
    top: Iterable[T], children: Callable[[T], Iterable[T]], kind: Callable[[T], NodeKind], running: bool
) -> list[tuple[T, NodeKind, int]]:
    """Every node numbered among its siblings in its level's style; with `running`, tasks count on through the
    plan instead (（三） opens the second section when the first had two)."""
    out: list[tuple[T, NodeKind, int]] = []
    tasks = 0

    def visit(nodes: Iterable[T], depth: int) -> None:  # depth is bounded by model.MAX_DEPTH
        nonlocal tasks
        n = 0
        for node in nodes:
            if running and kind(node) is NodeKind.TASK:
                tasks += 1
                out.append((node, level_kind(depth), tasks))
            else:
                n += 1
                out.append((node, level_kind(depth), n))
            if inner := children(node):
                visit(inner, depth + 1)

    visit(top, 1)
    return out


def number_tree(nodes: Iterable[Node], numbering: Numbering) -> dict[int, str]:
    """Map id(node) → printed number for a whole plan tree (keys are `id()` of the Node objects so that unsaved
    nodes can be numbered too)."""
    return {id(node): label(kind, n) for node, kind, n in counted(nodes, _children, _kind, numbering)}


def printed_tree(nodes: Iterable[Node], numbering: Numbering) -> dict[int, tuple[str, NodeKind]]:
    """Map id(node) → (printed number, the kind whose style it prints in): its own kind, or in outline numbering
    its level's (a task directly under a section prints as a （一） heading does)."""
    return {id(node): (label(kind, n), kind) for node, kind, n in counted(nodes, _children, _kind, numbering)}


def _children(node: Node) -> list[Node]:
    return node.children


def _kind(node: Node) -> NodeKind:
    return node.kind
