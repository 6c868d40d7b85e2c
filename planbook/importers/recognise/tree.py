"""The 一、/（一）/1./（1） tree: nodes hung where their kind belongs, fields attached, the closing cut off."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...core.messages import QT_TRANSLATE_NOOP
from ...core.model import KINDS as NODE_KINDS
from ...core.model import Field, Node, NodeKind, outer_kinds
from ...core.numbering import chinese_numeral
from .fields import MEASURE_RE, field_line, fields_of_line, inline_fields
from .lines import Marker, marker, split_title
from .patterns import CLOSING_RE, KNOWN_FIELD_LABELS, Block, TableBlock
from .state import _Doc
from .tables import _add_table

# Where a node of each kind hangs, nearest open kind first (consecutive items are siblings): from `model.KINDS`.
_PARENT_KINDS = {kind: outer_kinds(kind) for kind in NODE_KINDS}


class _Builder:
    def __init__(self, doc: _Doc) -> None:
        self.doc = doc
        self.nodes: list[Node] = []
        self.open: dict[NodeKind, Node] = {}  # the innermost open node of each kind
        self.last: Node | None = None  # the node text and fields attach to
        self.items_as_tasks = False  # （1） numbering stands in for tasks in this section

    def add(self, kind: NodeKind, number: int | None, text: str, fields: Sequence[Field] = ()) -> Node:
        if kind is NodeKind.SUBSECTION and NodeKind.SECTION not in self.open:
            self.doc.warn(
                QT_TRANSLATE_NOOP("Messages", "“{heading}” comes before any section; taken as a section"),
                heading=f"（{chinese_numeral(number or 1)}）{text[:12]}",
            )
            kind = NodeKind.SECTION
        if kind is not NodeKind.ITEM:
            self.items_as_tasks = False
        elif self.items_as_tasks or not any(k in self.open for k in _PARENT_KINDS[NodeKind.ITEM]):
            if NodeKind.SECTION in self.open and not self.items_as_tasks:
                self.doc.warn(
                    QT_TRANSLATE_NOOP(
                        "Messages",
                        "“{heading}” sits directly under a section; taken as a task (it will be numbered “{number}.”)",
                    ),
                    heading=f"（{number}）{text[:12]}",
                    number=number,
                )
            self.items_as_tasks = True  # its siblings (（2）, （3）…) follow it
            kind = NodeKind.TASK
        text, inline = inline_fields(text)
        title, body = split_title(text)
        node = Node(kind, title, body, [*fields, *inline])
        if number is not None:
            self.doc.numbers[id(node)] = number
        parent = next((self.open[k] for k in _PARENT_KINDS[kind] if k in self.open), None)
        (parent.children if parent else self.nodes).append(node)
        # opening a node closes every deeper one (an item closes only deeper items, which it replaces)
        for k in list(self.open):
            if _depth(k) >= _depth(kind):
                del self.open[k]
        self.open[kind] = node
        self.last = node
        return node

    def text(self, line: str) -> None:
        if self.last is None:
            return
        node = self.last
        node.body = f"{node.body}\n{line}" if node.body else line


def _depth(kind: NodeKind) -> int:
    return NODE_KINDS[kind].depth


def _build_tree(body: list[Block], doc: _Doc) -> tuple[list[Node], str]:
    body = _join_captions(body)
    b = _Builder(doc)
    tail_from = _tail_start(body)
    waiting: Field | None = None  # a label on a line of its own (牵头单位：), its value on the next line
    fielded = False  # the item before was a field line of the last node
    for item in body[:tail_from]:
        if isinstance(item, TableBlock):
            _add_table(item, b)
        elif mk := _marker_of(item, b):
            b.add(mk.kind, mk.number, mk.text)
        elif waiting is not None and not _bare_label(item) and not fields_of_line(item) and len(item) <= 80:
            waiting.value = item
        elif (fs := fields_of_line(item) or _bare_label(item) or _next_field(item, fielded)) and b.last is not None:
            b.last.fields.extend(fs)
        else:
            b.text(item)
        fielded = _ends_in_field(item, b.last)
        waiting = _waiting_field(item, b.last)
    tail = [x for x in body[tail_from:] if isinstance(x, str)]
    closing = "\n".join(_closing_line(x) for x in tail)
    return b.nodes, closing


def _ends_in_field(item: Block, last: Node | None) -> bool:
    """The item was a field line of the last node (its last field's value ends it)."""
    return isinstance(item, str) and last is not None and bool(last.fields) and item.endswith(last.fields[-1].value)


def _waiting_field(item: Block, last: Node | None) -> Field | None:
    """A label on a line of its own (牵头单位：) just added to the last node: its value is on the next line."""
    if not isinstance(item, str) or last is None or not last.fields or last.fields[-1].value:
        return None
    return last.fields[-1] if _bare_label(item) or fields_of_line(item) else None


_DECIMAL_TASK_RE = re.compile(r"^(\d{1,3})[.．](\d[^。]{0,30}。.*)$")


def _marker_of(line: str, b: _Builder) -> Marker | None:
    return marker(line) or _decimal_task(line, b)


def _decimal_task(line: str, b: _Builder) -> Marker | None:
    """`11.121人才梯队项目。…` reads like a decimal, but it is the next task when task 10 came last."""
    m = _DECIMAL_TASK_RE.match(line)
    task = b.open.get(NodeKind.TASK)
    if m is None or task is None or b.doc.numbers.get(id(task)) != int(m[1]) - 1:
        return None
    return Marker(NodeKind.TASK, int(m[1]), m[2])


_NEXT_FIELD_RE = re.compile(r"^([\u4e00-\u9fff]{2,6})[:：]\s*([^。：:]{1,100})$")


def _next_field(line: str, fielded: bool) -> list[Field]:
    """`推广范围：全国` on the line under a task's field line: the document's own label beside a known one, as
    print sets the fields a bracket held together (（指导部门：…；推广范围：…）), one line each."""
    m = _NEXT_FIELD_RE.match(line.strip()) if fielded else None
    return [Field(m[1], m[2].strip())] if m else []


def _bare_label(line: str) -> list[Field]:
    """`责任单位` alone on a line, as tables pasted as text leave it: a field whose value is the next line."""
    label = line.rstrip("：: ")
    return [Field(label, "")] if label in KNOWN_FIELD_LABELS else []


def _closing_line(line: str) -> str:
    fields = fields_of_line(line)
    return "\n".join(f"{f.label}：{f.value}" for f in fields) if fields else line


def _join_captions(body: list[Block]) -> list[Block]:
    """单位： and 人 on lines of their own (a PDF's table cell) back on one line: a table's caption, no field."""
    out: list[Block] = []
    for item in body:
        prev = out[-1] if out else None
        if (
            isinstance(item, str)
            and isinstance(prev, str)
            and prev.endswith(("：", ":"))
            and MEASURE_RE.fullmatch(prev + item)
        ):
            out[-1] = prev + item
        else:
            out.append(item)
    return out


def _tail_start(body: list[Block]) -> int:
    """Where the closing paragraph starts: unnumbered text after the last numbered paragraph's own fields, when it
    is set apart (that paragraph carried fields, or the text reads like a closing).

    A labelled line after the last task is that task's field while only the task's own text stands between. Once
    a paragraph that is not the task's comes (one that reads like a closing, 在完成上述工作的同时…, or any text
    after the task's fields), the field lines after it are the closing's, kept as printed: the closing's
    `责任单位：办公室…` names who does the closing's work, not the last task's. A node's fields do not repeat a
    label either, so a second 责任单位 after the last task belongs to the closing too."""
    last = max((i for i, x in enumerate(body) if isinstance(x, TableBlock) or marker(x)), default=-1)
    had_fields = last >= 0 and isinstance(body[last], TableBlock)
    own_end = last + 1
    labels: set[str] = set()
    for j in range(last + 1, len(body)):
        item = body[j]
        f = _tail_field(item, bool(labels))
        if f is None:
            if isinstance(item, str) and CLOSING_RE.match(item) and not labels and _fields_after(body, j):
                return j  # 在完成上述工作的同时… with its own 责任单位: the closing, however the task's text ran
            if labels or (isinstance(item, str) and CLOSING_RE.match(item)):
                break  # the task's own part ended: what follows is the closing's, fields and all
            continue
        if f.label in labels:
            break
        labels.add(f.label)
        own_end, had_fields = j + 1, True
    after = body[own_end] if own_end < len(body) else None
    if isinstance(after, str) and (had_fields or CLOSING_RE.match(after)):
        return own_end
    return len(body)


def _tail_field(item: Block, fielded: bool) -> Field | None:
    """A field line after the last task, or the document's own label under one (推广范围：全国 under 指导部门：…)."""
    if not isinstance(item, str):
        return None
    return field_line(item) or next(iter(_next_field(item, fielded)), None)


def _fields_after(body: list[Block], start: int) -> bool:
    return any(isinstance(x, str) and field_line(x) for x in body[start + 1 :])
