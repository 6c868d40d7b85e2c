"""The source's numbers checked against position, and the numbering mode that fits them (outline for action plans)."""

from __future__ import annotations

import re

from ...core.messages import QT_TRANSLATE_NOOP, Message
from ...core.model import Node, NodeKind, Numbering, Plan
from ...core.numbering import label as number_label
from ...core.numbering import printed_tree
from .state import _Doc

# Sections that frame a plan rather than hold its work (强化保障措施 as well): their （一） items are headings, never tasks.
_FRAME_RE = re.compile(
    r"^(?:强化|加强|完善|健全|落实|做好|加大)?(总体要求|指导思想|基本原则|工作原则|主要目标|工作目标|总体目标|目标任务|发展目标|总体思路|工作思路"
    r"|保障措施|组织保障(?:力度)?|组织领导|组织形式|组织机构|工作保障|保障机制|工作要求|组织实施|实施步骤|工作步骤|时间安排|进度安排|工作进度)[。.]?$"
)


def _outline_tasks(plan: Plan) -> bool:
    """Make the （一） items the tasks where an action plan's work sits at that level; True when it did.

    The level that carries the fields (责任单位 …) is the task level: when （一） items carry them and no 1. task
    does, the （一） items of each section that has any with fields become its tasks, and their 1. points its items.
    A plan with no 1. task and no fields at all takes the （一） items of every section as its tasks, except in
    the sections that frame the plan (总体要求, 保障措施 …). Either way it keeps printing （一） and 1. as the
    document did: outline numbering."""
    every = list(plan.walk())
    subs = [n for n in every if n.kind is NodeKind.SUBSECTION]
    if not subs or any(n.kind is NodeKind.TASK for s in plan.nodes for n in [s, *s.children]):
        return False  # no （一）, or tasks (1.) printed directly under a section or at the top: not an outline
    _lift_closing_fields(subs)
    tasks = _work_tasks(plan)
    fielded = any(n.fields for n in every)
    if any(t.fields for t in tasks) or (tasks and not any(s.fields for s in subs)):
        return False  # the 1. level carries the work
    chosen = [s for s in plan.nodes if _holds_tasks(s, fielded)]
    for section in chosen:
        for node in section.children:
            _make_task(node)
    if chosen:
        _points_not_tasks([s for s in plan.nodes if s not in chosen])
    return bool(chosen)


def _points_not_tasks(frames: list[Node]) -> None:
    """Where the （一） items are the tasks, the 1. points in the sections that frame the plan (基本原则 1.坚持…,
    工作目标 1.…) are points of a heading, not work: items, printed 1. at their level as the source has them."""
    for section in frames:
        for node in section.walk():
            if node.kind is NodeKind.TASK:
                node.kind = NodeKind.ITEM


def _work_tasks(plan: Plan) -> list[Node]:
    """The 1. tasks outside the sections that frame the plan: 基本原则 1.坚持… 2.坚持… are principles, not its work."""
    return [n for s in plan.nodes if not _FRAME_RE.match(s.title.strip()) for n in s.walk() if n.kind is NodeKind.TASK]


def _lift_closing_fields(subs: list[Node]) -> None:
    """The fields that close a （一） item (责任单位 after its 1. 2. points) were read as its last point's: when only
    ever the last 1. of a （一） carries fields, and some （一） has several points, they are the （一） item's."""
    runs = [(s, [c for c in s.children if c.kind is NodeKind.TASK]) for s in subs]
    runs = [(s, kids) for s, kids in runs if kids]
    if any(k.fields for _, kids in runs for k in kids[:-1]):
        return
    if not any(len(kids) > 1 and kids[-1].fields for _, kids in runs):
        return
    for sub, kids in runs:
        if kids[-1].fields and not sub.fields:
            sub.fields, kids[-1].fields = kids[-1].fields, []


def _holds_tasks(section: Node, fielded: bool) -> bool:
    if fielded:
        return any(c.fields for c in section.children if c.kind is NodeKind.SUBSECTION)
    return not _FRAME_RE.match(section.title.strip())


def _make_task(node: Node) -> None:
    """A （一） item becomes a task, and the 1. points inside it its items."""
    if node.kind is not NodeKind.SUBSECTION:
        return
    node.kind = NodeKind.TASK
    for inner in node.walk():
        if inner is not node and inner.kind is NodeKind.TASK:
            inner.kind = NodeKind.ITEM


def _check_numbers(plan: Plan, doc: _Doc, outline: bool = False) -> Numbering:
    """Pick the numbering mode that fits the source's task numbers, and warn where the source skips or repeats."""
    candidates = (
        (Numbering.OUTLINE, Numbering.OUTLINE_RUNNING) if outline else (Numbering.CONTINUOUS, Numbering.PER_SECTION)
    )
    modes = {mode: _sequences(plan.nodes, mode) for mode in candidates}
    breaks = {mode: sum(len(_breaks(seq, doc.numbers)) for seq in seqs) for mode, seqs in modes.items()}
    mode = min(candidates, key=lambda m: (breaks[m], m is not Numbering.CONTINUOUS))
    printed = printed_tree(plan.nodes, mode)
    for seq in modes[mode]:
        for node, problem in _breaks(seq, doc.numbers):
            number, printed_as = printed[id(node)]
            written = _label(printed_as, doc.numbers[id(node)])
            doc.warn(
                QT_TRANSLATE_NOOP(
                    "Messages", "“{heading}”: the source numbering {problem}; numbered “{number}” by position"
                ),
                heading=f"{written}{node.title[:16]}",
                problem=problem,
                number=number,
            )
    for node in plan.walk():
        if len(node.title) > 60:
            doc.warn(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "“{start}…”: the heading is {length} characters long; the source "
                    "may lack a full stop, please check",
                ),
                start=node.title[:16],
                length=len(node.title),
            )
    return mode


def _sequences(nodes: list[Node], mode: Numbering) -> list[list[Node]]:
    """Runs of nodes whose source numbers should count 1, 2, 3 …: sections; the subsections and items of each
    parent (in outline numbering all the children of a parent together); tasks through the whole plan
    (continuous, outline-running) or under each parent (per-section, outline)."""
    seqs: list[list[Node]] = []
    all_tasks: list[Node] = []
    running = mode in (Numbering.CONTINUOUS, Numbering.OUTLINE_RUNNING)

    def visit(children: list[Node]) -> None:
        by_kind: dict[NodeKind, list[Node]] = {}
        for child in children:
            if running and child.kind is NodeKind.TASK:
                all_tasks.append(child)
            else:
                by_kind.setdefault(NodeKind.SECTION if mode.by_level else child.kind, []).append(child)
            visit(child.children)
        seqs.extend(by_kind.values())

    visit(nodes)
    if running:
        seqs.append(all_tasks)
    return seqs


def _breaks(seq: list[Node], source: dict[int, int]) -> list[tuple[Node, Message]]:
    """Where a run of source numbers does not go on by one: (node, what is wrong, in words)."""
    out = []
    prev = 0
    for node in seq:
        n = source.get(id(node))
        if n is None:
            prev += 1
            continue
        if n == prev:
            out.append((node, Message(QT_TRANSLATE_NOOP("Messages", "repeats"))))
        elif n == prev + 2:
            out.append((node, Message(QT_TRANSLATE_NOOP("Messages", "skips {number}"), number=prev + 1)))
        elif n > prev + 2:
            out.append(
                (node, Message(QT_TRANSLATE_NOOP("Messages", "skips {first} to {last}"), first=prev + 1, last=n - 1))
            )
        elif n < prev:
            out.append(
                (node, Message(QT_TRANSLATE_NOOP("Messages", "goes back (the one before is {number})"), number=prev))
            )
        prev = n
    return out


def _label(kind: NodeKind, n: int) -> str:
    return number_label(kind, n) if 0 < n < 10000 else str(n)
