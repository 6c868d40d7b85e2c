"""Compare two plans (usually one issuer's consecutive years): which tasks were kept, changed, added, dropped.

Tasks are matched in three passes: identical tasks, then tasks with the same normalised title, then by the
similarity of their titles and texts (rapidfuzz) among the tasks still unpaired, best pairs first, so a task that
moved to another section or was reworded is still found, in near-linear time for two versions of one plan. Changed tasks carry a character-level inline diff of
title, body and fields, since Chinese text has no words to diff by.
"""

from __future__ import annotations

import difflib
import html
import re
import unicodedata
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from rapidfuzz import fuzz, process

from .model import Node, NodeKind, Plan
from .numbering import number_tree

MATCH_THRESHOLD = 55.0  # combined similarity (0–100) below which two tasks are not the same task


class Change(StrEnum):
    KEPT = "kept"
    CHANGED = "changed"
    ADDED = "added"
    DROPPED = "dropped"


@dataclass(frozen=True)
class TaskRef:
    """A task as the comparison sees it: where it stood and what it said."""

    node_id: int | None
    number: str
    section: str  # the printed heading of its section, e.g. 一、加强党的建设
    title: str
    body: str
    fields: tuple[tuple[str, str], ...]

    @property
    def text(self) -> str:
        return self.title + self.body


Segment = tuple[str, str]  # ("equal" | "insert" | "delete", text)


@dataclass
class TaskDiff:
    change: Change
    old: TaskRef | None
    new: TaskRef | None
    similarity: float = 0.0
    title: list[Segment] = field(default_factory=list)
    body: list[Segment] = field(default_factory=list)
    fields: list[tuple[str, str | None, str | None]] = field(default_factory=list)  # label, old, new

    @property
    def ref(self) -> TaskRef:
        return self.new or self.old  # type: ignore[return-value]


@dataclass
class SectionDiff:
    heading: str
    tasks: list[TaskDiff]


@dataclass
class PlanDiff:
    old_title: str
    new_title: str
    sections: list[SectionDiff]

    def counts(self) -> dict[str, int]:
        counts = {c.value: 0 for c in Change}
        for section in self.sections:
            for task in section.tasks:
                counts[task.change.value] += 1
        return counts


def task_refs(plan: Plan) -> list[TaskRef]:
    """The plan's tasks (or, in a plan without tasks, its subsections) in document order."""
    numbers = number_tree(plan.nodes, plan.numbering)
    refs: list[TaskRef] = []
    kinds = {NodeKind.TASK} if any(n.kind is NodeKind.TASK for n in plan.walk()) else {NodeKind.SUBSECTION}

    def visit(nodes: list[Node], section: str) -> None:
        for node in nodes:
            heading = f"{numbers[id(node)]}{node.title}" if node.kind is NodeKind.SECTION else section
            if node.kind in kinds:
                refs.append(
                    TaskRef(
                        node.id,
                        numbers[id(node)],
                        heading,
                        node.title,
                        node.body,
                        tuple((f.label, f.value) for f in node.fields),
                    )
                )
            visit(node.children, heading)

    visit(plan.nodes, "")
    return refs


def norm_title(title: str) -> str:
    """A title as the normalised-title match sees it: NFKC, lower case, without spaces or punctuation."""
    text = unicodedata.normalize("NFKC", title).lower()
    return "".join(c for c in text if not c.isspace() and not unicodedata.category(c).startswith("P"))


def _similarity(a: TaskRef, b: TaskRef) -> float:
    return 0.5 * fuzz.ratio(a.text, b.text) + 0.5 * fuzz.ratio(a.title, b.title)


class Cancelled(Exception):
    """The caller's `cancelled()` answered yes between two steps of `match`."""


Progress = Callable[[int, int], None]  # (done, total) rows of the similarity step


def match(
    old: list[TaskRef],
    new: list[TaskRef],
    threshold: float = MATCH_THRESHOLD,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> dict[int, tuple[int, float]]:
    """Pairs old index → (new index, similarity), each task used once.

    Near-linear for the usual case (a plan and its next year): identical tasks pair first, then tasks whose
    normalised titles agree, both by hashing; only the tasks left over are scored against each other, in C
    (rapidfuzz), keeping each one's nearest few; best pairs first.
    """
    pairs: dict[int, tuple[int, float]] = {}
    taken: set[int] = set()
    _pair_by_key(old, new, lambda t: (t.title, t.body), pairs, taken, threshold)
    _pair_by_key(old, new, lambda t: norm_title(t.title) or None, pairs, taken, threshold)
    rest_old = [i for i in range(len(old)) if i not in pairs]
    rest_new = [j for j in range(len(new)) if j not in taken]
    if rest_old and rest_new:
        _pair_by_similarity(old, new, rest_old, rest_new, threshold, pairs, taken, progress, cancelled)
    return pairs


def _pair_by_key(
    old: list[TaskRef],
    new: list[TaskRef],
    key: Callable[[TaskRef], object],
    pairs: dict[int, tuple[int, float]],
    taken: set[int],
    threshold: float,
) -> None:
    """Pair still-unpaired tasks whose keys are equal, in document order (a None key never pairs)."""
    waiting: dict[object, deque[int]] = {}
    for j, task in enumerate(new):
        if j not in taken and (k := key(task)) is not None:
            waiting.setdefault(k, deque()).append(j)
    for i, task in enumerate(old):
        if i in pairs or not (queue := waiting.get(key(task))):
            continue
        score = _similarity(task, new[queue[0]])
        if score >= threshold:  # the same title over a wholly new text is a new task
            j = queue.popleft()
            pairs[i] = (j, score)
            taken.add(j)


NEAREST = 8  # candidates kept per unpaired old task: its nearest new tasks by title and by text
PAIR_BUDGET = 250_000  # most remaining old × new pairs scored; beyond it each old task sees a window of new ones


def _pair_by_similarity(
    old: list[TaskRef],
    new: list[TaskRef],
    rest_old: list[int],
    rest_new: list[int],
    threshold: float,
    pairs: dict[int, tuple[int, float]],
    taken: set[int],
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
) -> None:
    """Nearest-neighbour blocking: rapidfuzz scores the remaining pairs in C but hands back only each old task's
    `NEAREST` best titles and texts, and the combined score is computed for those few pairs alone. When the
    remaining pairs exceed `PAIR_BUDGET` (a plan rewritten throughout), each old task is scored against the new
    tasks around the same place in the plan only, so the cost stays linear."""
    new_titles = [new[j].title for j in rest_new]
    new_texts = [new[j].text for j in rest_new]
    n, m = len(rest_old), len(rest_new)
    width = m if n * m <= PAIR_BUDGET else min(m, max(4 * NEAREST, PAIR_BUDGET // n))
    # combined = (text + title) / 2 ≥ threshold needs each score ≥ 2·threshold − 100: lower ones are cut in C
    cutoff = max(0.0, 2 * threshold - 100)
    candidates: list[tuple[float, int, int]] = []
    for done, i in enumerate(rest_old):
        if done % 64 == 0:
            if cancelled is not None and cancelled():
                raise Cancelled
            if progress is not None:
                progress(done, n)
        lo = min(max(0, done * m // n - width // 2), m - width)
        task = old[i]
        titles = process.extract(
            task.title, new_titles[lo : lo + width], scorer=fuzz.ratio, score_cutoff=cutoff, limit=NEAREST
        )
        # a pair outside the title's nearest has a title score ≤ the last of them, so its text must make up the rest
        text_cutoff = max(cutoff, 2 * threshold - titles[-1][1]) if len(titles) == NEAREST else cutoff
        texts = process.extract(
            task.text, new_texts[lo : lo + width], scorer=fuzz.ratio, score_cutoff=text_cutoff, limit=NEAREST
        )
        for k in {k for _, _, k in titles} | {k for _, _, k in texts}:
            j = rest_new[lo + k]
            score = _similarity(task, new[j])
            if score >= threshold:
                candidates.append((score, i, j))
    if progress is not None:
        progress(n, n)
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))  # best first; ties in document order
    for score, i, j in candidates:
        if i not in pairs and j not in taken:
            pairs[i] = (j, score)
            taken.add(j)


# SequenceMatcher costs up to len(a) × len(b): texts longer than this are compared sentence by sentence, and
# sentence lists longer than this keep their common start and end and show the middle as replaced.
_CHARACTER_DIFF_CELLS = 1_000_000
_SENTENCE_DIFF_CELLS = 250_000
_SENTENCE = re.compile(r"[^。！？；!?;\n]*[。！？；!?;\n]+|[^。！？；!?;\n]+")


def inline_diff(a: str, b: str) -> list[Segment]:
    if len(a) * len(b) <= _CHARACTER_DIFF_CELLS:
        return _diff(a, b, "")
    sa, sb = _SENTENCE.findall(a), _SENTENCE.findall(b)
    if len(sa) * len(sb) <= _SENTENCE_DIFF_CELLS:
        return _diff(sa, sb, "")
    head = 0
    while head < min(len(a), len(b)) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    parts = [
        ("equal", a[:head]),
        ("delete", a[head : len(a) - tail]),
        ("insert", b[head : len(b) - tail]),
        ("equal", a[len(a) - tail :]),
    ]
    return [(op, text) for op, text in parts if text]


def _diff(a, b, joiner: str) -> list[Segment]:
    segments: list[Segment] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            segments.append(("equal", joiner.join(a[i1:i2])))
        else:
            if i2 > i1:
                segments.append(("delete", joiner.join(a[i1:i2])))
            if j2 > j1:
                segments.append(("insert", joiner.join(b[j1:j2])))
    return segments


def field_changes(old: TaskRef, new: TaskRef) -> list[tuple[str, str | None, str | None]]:
    before, after = dict(old.fields), dict(new.fields)
    labels = list(dict.fromkeys([*before, *after]))
    return [(label, before.get(label), after.get(label)) for label in labels if before.get(label) != after.get(label)]


def compare(
    old_plan: Plan, new_plan: Plan, *, progress: Progress | None = None, cancelled: Callable[[], bool] | None = None
) -> PlanDiff:
    """The two plans' tasks matched and diffed; `progress`/`cancelled` as in `match` (raises `Cancelled`)."""
    old, new = task_refs(old_plan), task_refs(new_plan)
    pairs = match(old, new, progress=progress, cancelled=cancelled)
    by_new = {j: (i, score) for i, (j, score) in pairs.items()}
    sections: dict[str, SectionDiff] = {}

    def section(heading: str) -> SectionDiff:
        return sections.setdefault(heading, SectionDiff(heading, []))

    for j, ref in enumerate(new):
        if j not in by_new:
            section(ref.section).tasks.append(TaskDiff(Change.ADDED, None, ref))
            continue
        i, score = by_new[j]
        before = old[i]
        diff = TaskDiff(Change.KEPT, before, ref, score)
        if (before.title, before.body, before.fields) != (ref.title, ref.body, ref.fields):
            diff.change = Change.CHANGED
            diff.title = inline_diff(before.title, ref.title)
            diff.body = inline_diff(before.body, ref.body)
            diff.fields = field_changes(before, ref)
        section(ref.section).tasks.append(diff)
    new_headings = [s for s in sections]
    placed: dict[str, str] = {}  # old heading → where its dropped tasks go: matched once per heading
    for i, ref in enumerate(old):
        if i in pairs:
            continue
        # a dropped task goes under the new section most like its old one, or under its old heading
        if ref.section not in placed:
            best = (
                process.extractOne(ref.section, new_headings, scorer=fuzz.ratio, score_cutoff=60)
                if new_headings
                else None
            )
            placed[ref.section] = best[0] if best else ref.section
        section(placed[ref.section]).tasks.append(TaskDiff(Change.DROPPED, ref, None))
    return PlanDiff(old_plan.title, new_plan.title, list(sections.values()))


# ---- reports -------------------------------------------------------------------------------------------

_MARK = {Change.KEPT: "=", Change.CHANGED: "~", Change.ADDED: "+", Change.DROPPED: "-"}


def _marked(segments: list[Segment]) -> str:
    return "".join(
        text if op == "equal" else (f"[-{text}-]" if op == "delete" else f"{{+{text}+}}") for op, text in segments
    )


def to_text(diff: PlanDiff, show_kept: bool = False) -> str:
    counts = diff.counts()
    lines = [
        f"{diff.old_title} → {diff.new_title}",
        "保留 {kept}  修改 {changed}  新增 {added}  删除 {dropped}".format(**counts),
        "",
    ]
    for section in diff.sections:
        shown = [t for t in section.tasks if show_kept or t.change is not Change.KEPT]
        if not shown:
            continue
        lines.append(section.heading or "（未分节）")
        for t in shown:
            ref = t.ref
            was = f" (原{t.old.number})" if t.old and t.new and t.old.number != t.new.number else ""
            lines.append(f"  {_MARK[t.change]} {ref.number}{ref.title}{was}")
            if t.change is Change.CHANGED and t.old and t.new:  # a changed task has both sides
                if t.old.title != t.new.title:
                    lines.append(f"      标题：{_marked(t.title)}")
                if t.old.body != t.new.body:
                    lines.append(f"      正文：{_marked(t.body)}")
                lines += [f"      {label}：{old or '（无）'} → {new or '（无）'}" for label, old, new in t.fields]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def to_dict(diff: PlanDiff) -> dict:
    def ref(r: TaskRef | None):
        return None if r is None else {"node_id": r.node_id, "number": r.number, "title": r.title}

    return {
        "old": diff.old_title,
        "new": diff.new_title,
        "counts": diff.counts(),
        "sections": [
            {
                "heading": s.heading,
                "tasks": [
                    {
                        "change": str(t.change),
                        "old": ref(t.old),
                        "new": ref(t.new),
                        "similarity": round(t.similarity, 1),
                        "title_diff": t.title,
                        "body_diff": t.body,
                        "fields": [{"label": label, "old": old, "new": new} for label, old, new in t.fields],
                    }
                    for t in s.tasks
                ],
            }
            for s in diff.sections
        ],
    }


def to_html(diff: PlanDiff) -> str:
    """A self-contained report (no scripts, no external files) that opens in any browser or in Word."""
    esc = html.escape

    def marked(segments: list[Segment]) -> str:
        tag = {"equal": "{}", "delete": "<del>{}</del>", "insert": "<ins>{}</ins>"}
        return "".join(tag[op].format(esc(text)) for op, text in segments)

    counts = diff.counts()
    out = [
        "<!DOCTYPE html><html lang='zh-CN'><head><meta charset='utf-8'>",
        f"<title>{esc(diff.old_title)} → {esc(diff.new_title)}</title><style>",
        "body{font-family:'FangSong','仿宋_GB2312',serif;max-width:60em;margin:2em auto;line-height:1.6}",
        "del{background:#fdd;text-decoration:line-through}ins{background:#dfd;text-decoration:none}",
        ".added{color:#060}.dropped{color:#900}.changed{color:#035}.kept{color:#666}",
        "td,th{border:1px solid #bbb;padding:.2em .5em}table{border-collapse:collapse}</style></head><body>",
        f"<h1>{esc(diff.old_title)} → {esc(diff.new_title)}</h1>",
        "<p>保留 {kept}，修改 {changed}，新增 {added}，删除 {dropped}</p>".format(**counts),
    ]
    labels = {Change.KEPT: "保留", Change.CHANGED: "修改", Change.ADDED: "新增", Change.DROPPED: "删除"}
    for section in diff.sections:
        out.append(f"<h2>{esc(section.heading or '（未分节）')}</h2><ul>")
        for t in section.tasks:
            ref = t.ref
            title = marked(t.title) if t.change is Change.CHANGED else esc(ref.title)
            out.append(f"<li class='{t.change}'><b>{labels[t.change]}</b> {esc(ref.number)}{title}")
            if t.change is Change.CHANGED and t.old and t.new and t.old.body != t.new.body:
                out.append(f"<p>{marked(t.body)}</p>")
            if t.fields:
                out.append(
                    "<table>"
                    + "".join(
                        f"<tr><th>{esc(label)}</th><td><del>{esc(old or '')}</del></td><td><ins>{esc(new or '')}</ins></td></tr>"
                        for label, old, new in t.fields
                    )
                    + "</table>"
                )
            out.append("</li>")
        out.append("</ul>")
    out.append("</body></html>")
    return "\n".join(out)
