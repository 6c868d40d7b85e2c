"""The domain: a plan, its issuing notice, and its ordered tree of sections, subsections, tasks and items.

These are plain values. The library stores them, the exchange formats read and write them, the exporters
lay them out. Numbers (一、 （一） 1. （1）) are never stored: see `numbering`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, fields
from enum import StrEnum

from .messages import QT_TRANSLATE_NOOP, Message


class NodeKind(StrEnum):
    SECTION = "section"  # 一、
    SUBSECTION = "subsection"  # （一）
    TASK = "task"  # 1.
    ITEM = "item"  # （1）


class Numbering(StrEnum):
    CONTINUOUS = "continuous"  # task numbers run on through the plan
    PER_SECTION = "per-section"  # task numbers restart under every section and subsection
    # Numbers follow the outline level, as an action plan prints them: a task directly under a section is （一）,
    # its items 1.; every node counts among its siblings (`numbering.counted`).
    OUTLINE = "outline"
    # The same, but tasks count on through the plan, as some action plans number them: （一）（二） under one
    # section, （三）（四） under the next.
    OUTLINE_RUNNING = "outline-running"

    @property
    def by_level(self) -> bool:
        """Whether a node prints its outline level's number (`numbering.level_kind`) rather than its kind's."""
        return self in (Numbering.OUTLINE, Numbering.OUTLINE_RUNNING)


class Status(StrEnum):
    DRAFT = "draft"
    ISSUED = "issued"


class Sealing(StrEnum):
    """How the notice is signed (7.3.5): most 印发通知 carry the organ's seal."""

    SEALED = "sealed"  # 加盖印章 (7.3.5.1): date 右空四字, 署名 centred over it, the seal across both
    UNSEALED = "unsealed"  # 不加盖印章 (7.3.5.2): 署名 右空二字, the date 2 characters further right


class DocFormat(StrEnum):
    """The notice's head (GB/T 9704 7 and 10.1): the red-head 文件格式, or the 信函格式 of 函 and many 办公室 notices."""

    FILE = "file"  # 文件格式: 机关名称 + 文件 35 mm below the type area's top, a red rule under the 发文字号
    LETTER = "letter"  # 信函格式: the organ's name 30 mm from the paper's top, red double lines, no page number on p.1


@dataclass(frozen=True)
class KindSpec:
    """Everything the program knows about one kind of node, in one row of `KINDS`.

    The hierarchy rule, numbering, Tab/Shift+Tab, the import's nesting, the layout's style, the tree's icon, the
    names and the Ctrl+N shortcut all read this row; adding a kind is adding a `NodeKind` member and a row
    (plus its style in `layout/styles.py` when it wants a new one, and the translations of its names).
    """

    kind: NodeKind
    depth: int  # outline level: 1 is the top
    parents: frozenset[NodeKind | None]  # where it may sit; None is the plan's top level
    default_child: NodeKind  # what a new child gets when the user does not say
    indented: NodeKind  # what Tab makes it, as the last child of its previous sibling
    outdented: NodeKind  # what Shift+Tab makes it, beside its parent
    number: str  # its printed number: {cn} a Chinese numeral, {n} an Arabic one
    runs_on: bool  # numbered through the plan (or the section, per-section), not among its siblings only
    style: str  # the layout's paragraph style (`layout.styles`)
    bold_lead: bool  # number and title set in bold
    runs_in: bool  # a title that ends a sentence runs on into the body's first paragraph
    heading: bool  # a heading that groups tasks (an empty one is reported by the pre-issue check)
    icon: str  # the tree icon's shape (`gui.treemodel.kind_icon`) …
    colour: str  # … and colour
    name: Message  # inside core messages: "a task cannot sit inside an item"
    label: str  # the editor's kind list, translated in context "Kinds"
    short: str  # menus and undo steps ("Add task"), translated in context "Kinds"
    shortcut: str  # View ▸ New … where it fits
    counted: str  # the CLI's structure summary: "{} 项任务" (document vocabulary, so data)
    query_words: tuple[str, ...] = ()  # what a search's kind: filter accepts for it, besides its own value


KINDS: dict[NodeKind, KindSpec] = {
    spec.kind: spec
    for spec in (
        KindSpec(
            NodeKind.SECTION,
            1,
            frozenset({None}),
            NodeKind.TASK,
            NodeKind.SUBSECTION,
            NodeKind.SECTION,
            "{cn}、",
            False,
            "heading1",
            False,
            False,
            True,
            "block",
            "#b03a2e",
            Message(QT_TRANSLATE_NOOP("Messages", "section")),
            QT_TRANSLATE_NOOP("Kinds", "Section (一、)"),
            QT_TRANSLATE_NOOP("Kinds", "section"),
            "Ctrl+1",
            "{}个一级标题",
            ("部分", "大标题"),
        ),
        KindSpec(
            NodeKind.SUBSECTION,
            2,
            frozenset({NodeKind.SECTION}),
            NodeKind.TASK,
            NodeKind.TASK,
            NodeKind.SECTION,
            "（{cn}）",
            False,
            "heading2",
            False,
            False,
            True,
            "small-block",
            "#c87f0a",
            Message(QT_TRANSLATE_NOOP("Messages", "subsection")),
            QT_TRANSLATE_NOOP("Kinds", "Subsection (（一）)"),
            QT_TRANSLATE_NOOP("Kinds", "subsection"),
            "Ctrl+2",
            "{}个二级标题",
            ("小标题",),
        ),
        KindSpec(
            NodeKind.TASK,
            3,
            frozenset({None, NodeKind.SECTION, NodeKind.SUBSECTION}),
            NodeKind.ITEM,
            NodeKind.ITEM,
            NodeKind.TASK,
            "{n}.",
            True,
            "task",
            True,
            True,
            False,
            "card",
            "#2e6da4",
            Message(QT_TRANSLATE_NOOP("Messages", "task")),
            QT_TRANSLATE_NOOP("Kinds", "Task (1.)"),
            QT_TRANSLATE_NOOP("Kinds", "task"),
            "Ctrl+3",
            "{}项任务",
            ("任务",),
        ),
        KindSpec(
            NodeKind.ITEM,
            4,
            frozenset({NodeKind.TASK, NodeKind.SUBSECTION, NodeKind.ITEM}),
            NodeKind.ITEM,
            NodeKind.ITEM,
            NodeKind.TASK,
            "（{n}）",
            False,
            "item",
            False,
            True,
            False,
            "dot",
            "#6c757d",
            Message(QT_TRANSLATE_NOOP("Messages", "item")),
            QT_TRANSLATE_NOOP("Kinds", "Item (（1）)"),
            QT_TRANSLATE_NOOP("Kinds", "item"),
            "Ctrl+4",
            "{}个子项",
            ("条目", "子项"),
        ),
    )
}

# Views of the table under the names the code has long used.
ALLOWED_PARENTS: dict[NodeKind, frozenset[NodeKind | None]] = {k: spec.parents for k, spec in KINDS.items()}
DEFAULT_CHILD: dict[NodeKind | None, NodeKind] = {
    None: next(k for k, spec in KINDS.items() if None in spec.parents and spec.depth == 1),
    **{k: spec.default_child for k, spec in KINDS.items()},
}
DEPTH: dict[NodeKind, int] = {k: spec.depth for k, spec in KINDS.items()}
KIND_NAMES = {k: spec.name for k, spec in KINDS.items()}  # translated inside the messages that use them


# How deeply nodes may nest (items within items): one limit for import, editing and drafting, far beyond any
# real plan (four or five levels) and well within what the recursive exports and copies can take.
MAX_DEPTH = 64
# What one plan may hold: far beyond any real plan (a long one has 500 nodes and 100,000 characters), and small
# enough that reading, indexing and exporting it take seconds, not hours.
MAX_NODES = 20_000
MAX_CHARACTERS = 4_000_000


def tree_depth(nodes: list[Node]) -> int:
    """Levels of nesting under a list of nodes (0 for none), counted without recursion."""
    deepest, stack = 0, [(n, 1) for n in nodes]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((c, depth + 1) for c in node.children)
    return deepest


def may_contain(parent: NodeKind | None, child: NodeKind) -> bool:
    return parent in KINDS[child].parents


def misfit(parent: NodeKind | None, node: Node) -> tuple[NodeKind | None, Node] | None:
    """The first (parent kind, node) in `node`'s subtree that may not sit where it is, were `node` placed under
    a `parent`; None when the whole subtree fits. The one hierarchy check: edits, drops and imports use it."""
    if not may_contain(parent, node.kind):
        return parent, node
    for child in node.children:
        if found := misfit(node.kind, child):
            return found
    return None


def outer_kinds(kind: NodeKind) -> tuple[NodeKind, ...]:
    """The kinds that may hold `kind`, nearest (deepest) first, not counting its own: where a reader of a
    document hangs a node of this kind (an item under the open task, else the open subsection)."""
    outer = (k for k in KINDS[kind].parents if k is not None and k is not kind)
    return tuple(sorted(outer, key=lambda k: KINDS[k].depth, reverse=True))


class Progress(StrEnum):
    """How far a task has got. Stored for any node; the GUI and reports use it on tasks."""

    NOT_STARTED = "not_started"  # 未启动
    IN_PROGRESS = "in_progress"  # 推进中
    DONE = "done"  # 已完成
    BEHIND = "behind"  # 滞后


# Document vocabulary (reports print it), so data, not translations.
PROGRESS_NAMES = {
    Progress.NOT_STARTED: "未启动",
    Progress.IN_PROGRESS: "推进中",
    Progress.DONE: "已完成",
    Progress.BEHIND: "滞后",
}


@dataclass
class ProgressNote:
    """One dated line of a task's progress, e.g. 2021-03-15 完成调研."""

    date: dt.date
    text: str = ""


@dataclass
class Field:
    """One labelled line of a task, e.g. 牵头单位：基教科. The label is kept as the document wrote it."""

    label: str
    value: str = ""


@dataclass
class Node:
    kind: NodeKind
    title: str = ""
    body: str = ""
    fields: list[Field] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)
    id: int | None = None  # library row id; None until stored
    status: Progress = Progress.NOT_STARTED
    notes: list[ProgressNote] = field(default_factory=list)  # oldest first

    def walk(self):
        """This node and its descendants, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def field_value(self, *labels: str) -> str | None:
        for f in self.fields:
            if f.label in labels:
                return f.value
        return None


@dataclass
class Notice:
    """The issuing notice (印发通知) that sends the plan out. Every part is optional."""

    masthead: str = ""  # 发文机关标志, e.g. 湖南省教育厅文件
    doc_number: str = ""  # 发文字号, e.g. 湘教发〔2020〕8号
    title: str = ""  # 关于印发…的通知
    recipients: str = ""  # 主送机关, ends with ：
    body: str = ""  # 正文; paragraphs separated by newlines
    signers: list[str] = field(default_factory=list)  # 落款, one organ a line
    signed_on: dt.date | None = None  # 成文日期
    annotation: str = ""  # 附注, e.g. （此件公开发布）
    cc: str = ""  # 抄送机关
    printed_by: str = ""  # 印发机关
    printed_on: dt.date | None = None  # 印发日期
    published_on: dt.date | None = None  # 发布日期 on the web site
    index_no: str = ""  # 索引号
    subject_words: str = ""  # 主题词
    issued_by: str = ""  # 签发人 (上行文)
    copy_no: str = ""  # 份号
    classification: str = ""  # 密级和保密期限
    urgency: str = ""  # 紧急程度
    category: str = ""  # 主题分类
    attachments: str = ""  # 附件说明
    # How it is issued (schema v6, tables notice_issue and notice_seals; not text, so kept out of NOTICE_FIELDS):
    sealing: Sealing = Sealing.SEALED
    doc_format: DocFormat = DocFormat.FILE
    masthead_proposed: bool = False  # the masthead was filled in by Planbook and nobody has confirmed it yet
    seals: list[bytes] = field(default_factory=list)  # electronic seals (PNG), one per signer in signer order

    def is_empty(self) -> bool:
        return self == Notice()

    def prints(self) -> bool:
        """Is there a notice to print? Web-page metadata alone (索引号, 发布日期 …) is not one."""
        return any(getattr(self, name) for name in PRINTED_FIELDS)

    def missing(self) -> list[str]:
        """The parts without which the notice cannot be issued (7.2.2, 7.3.1–7.3.3): keys of NOTICE_PART_NAMES. The
        head is one: a notice never prints under an empty one (import and drafting propose it from the issuers)."""
        if not self.prints():
            return []
        return [name for name in ("masthead", "title", "recipients", "body") if not getattr(self, name).strip()]


def masthead_organs(masthead: str) -> tuple[list[str], str]:
    """The organs a 发文机关标志 names and its trailing 文件: joint issuers are written one a line or separated by
    spaces (["湖南省教育厅", "中共湖南省委教育工作委员会"], "文件"); a single organ keeps 文件 on its line
    (["湖南省教育厅文件"], "")."""
    names = [p for p in re.split(r"[\s|｜]+", masthead.strip()) if p]
    suffix = ""
    if names and names[-1].endswith("文件"):
        suffix = "文件"
        names[-1] = names[-1][: -len(suffix)]
        if not names[-1]:
            names.pop()
    if len(names) == 1:  # a single organ reads as one line: 湖南省教育厅文件
        return [names[0] + suffix], ""
    return names, suffix


class Carry(StrEnum):
    """What next year's draft does with a field (`drafting.next_year_plan`)."""

    KEEP = "keep"  # the same next year: who sends it, to whom
    SHIFT = "shift"  # kept, with the plan's year moved on in its text (2021 → 2022)
    CLEAR = "clear"  # back to its default: it belongs to one issued document (number, dates, index)
    ADVANCE = "advance"  # the year itself, one on


@dataclass(frozen=True)
class FieldSpec:
    """One field of a plan or its issuing notice, in one row of `PLAN_FIELDS`.

    The properties pane, 规范标点 (tidy), next year's draft, the import's page-header labels and the pre-issue
    check's field names read this row; adding a notice field is adding its `Notice` attribute and a row (plus the
    library column, a migration in `schema.py`, and the translation of its label).
    """

    key: str  # as `UpdatePlan` and the pre-issue check name it: "title", "notice.doc_number"
    label: str  # the properties pane's label, translated in context "PlanProperties"
    type: str  # its editor: "line", "text" (paragraphs), "lines" (one item a line), "date", or the plan's own
    prose: bool  # Chinese prose: 规范标点 stores the print's punctuation in it
    next_year: Carry
    import_labels: tuple[str, ...] = ()  # labels a government site's page header gives it under (索引号：…)
    placeholder: str = ""

    @property
    def name(self) -> str:
        """The attribute on `Plan` or on `Notice`."""
        return self.key.removeprefix("notice.")

    @property
    def in_notice(self) -> bool:
        return self.key.startswith("notice.")


def _field(
    key: str, label: str, type_: str, prose: bool, next_year: Carry, *import_labels: str, placeholder: str = ""
) -> FieldSpec:
    return FieldSpec(key, label, type_, prose, next_year, import_labels, placeholder)


K, S, C = Carry.KEEP, Carry.SHIFT, Carry.CLEAR
PLAN_FIELDS: dict[str, FieldSpec] = {
    f.key: f
    for f in (
        _field("title", QT_TRANSLATE_NOOP("PlanProperties", "Title"), "line", True, S),
        _field("kind", QT_TRANSLATE_NOOP("PlanProperties", "Kind of plan"), "kind", False, K),
        _field("year", QT_TRANSLATE_NOOP("PlanProperties", "Year"), "year", False, Carry.ADVANCE),
        _field("issuers", QT_TRANSLATE_NOOP("PlanProperties", "Issuing organs"), "organs", True, K),
        _field("status", QT_TRANSLATE_NOOP("PlanProperties", "Status"), "status", False, C),
        _field("numbering", QT_TRANSLATE_NOOP("PlanProperties", "Numbering"), "numbering", False, K),
        _field("preamble", QT_TRANSLATE_NOOP("PlanProperties", "Preamble"), "text", True, S),
        _field("closing", QT_TRANSLATE_NOOP("PlanProperties", "Closing"), "text", True, K),
        # The issuing notice, in the order the properties pane shows it.
        _field(
            "notice.masthead",
            QT_TRANSLATE_NOOP("PlanProperties", "Masthead"),
            "line",
            True,
            K,
            placeholder="某市教育局文件",
        ),
        _field(
            "notice.doc_number",
            QT_TRANSLATE_NOOP("PlanProperties", "Document number"),
            "line",
            False,
            C,
            "发文字号",
            "文号",
            placeholder="某教发〔2021〕3号",
        ),  # keeps its own brackets
        _field(
            "notice.title",
            QT_TRANSLATE_NOOP("PlanProperties", "Notice title"),
            "line",
            True,
            S,
            placeholder="关于印发《…》的通知",
        ),
        _field(
            "notice.recipients",
            QT_TRANSLATE_NOOP("PlanProperties", "Recipients"),
            "line",
            True,
            K,
            placeholder="各县（市、区）教育局：",
        ),
        _field("notice.body", QT_TRANSLATE_NOOP("PlanProperties", "Body"), "text", True, S),
        _field("notice.signers", QT_TRANSLATE_NOOP("PlanProperties", "Signers (one a line)"), "lines", True, K),
        _field("notice.signed_on", QT_TRANSLATE_NOOP("PlanProperties", "Signed on"), "date", False, C, "成文日期"),
        _field(
            "notice.annotation",
            QT_TRANSLATE_NOOP("PlanProperties", "Annotation"),
            "line",
            True,
            K,
            placeholder="（此件公开发布）",
        ),
        _field("notice.cc", QT_TRANSLATE_NOOP("PlanProperties", "Copies to"), "line", True, K),
        _field("notice.printed_by", QT_TRANSLATE_NOOP("PlanProperties", "Printed by"), "line", True, K),
        _field("notice.printed_on", QT_TRANSLATE_NOOP("PlanProperties", "Printed on"), "date", False, C),
        _field(
            "notice.published_on",
            QT_TRANSLATE_NOOP("PlanProperties", "Published on"),
            "date",
            False,
            C,
            "发文日期",
            "发布日期",
            "发布时间",
        ),
        _field("notice.attachments", QT_TRANSLATE_NOOP("PlanProperties", "Attachments"), "line", True, S),
        _field("notice.index_no", QT_TRANSLATE_NOOP("PlanProperties", "Index number"), "line", False, C, "索引号"),
        _field("notice.subject_words", QT_TRANSLATE_NOOP("PlanProperties", "Subject words"), "line", True, K, "主题词"),
        _field("notice.category", QT_TRANSLATE_NOOP("PlanProperties", "Category"), "line", True, K, "主题分类"),
        _field("notice.issued_by", QT_TRANSLATE_NOOP("PlanProperties", "Signed off by"), "line", False, C),
        _field("notice.copy_no", QT_TRANSLATE_NOOP("PlanProperties", "Copy number"), "line", False, C),
        _field("notice.classification", QT_TRANSLATE_NOOP("PlanProperties", "Classification"), "line", False, K),
        _field("notice.urgency", QT_TRANSLATE_NOOP("PlanProperties", "Urgency"), "line", False, C),
    )
}
del K, S, C
NOTICE_SPECS = tuple(f for f in PLAN_FIELDS.values() if f.in_notice)

DATE_FIELDS = tuple(f.name for f in NOTICE_SPECS if f.type == "date")  # ("signed_on", "printed_on", "published_on")
ISSUE_FIELDS = ("sealing", "doc_format", "masthead_proposed", "seals")
NOTICE_FIELDS = tuple(f.name for f in fields(Notice) if f.name not in ISSUE_FIELDS)  # the notices table's columns
# What makes a notice a document to print rather than a web page's metadata.
PRINTED_FIELDS = ("masthead", "doc_number", "title", "recipients", "body", "signers", "signed_on")
NOTICE_PART_NAMES = {
    "masthead": Message(QT_TRANSLATE_NOOP("Messages", "masthead (发文机关标志)")),
    "title": Message(QT_TRANSLATE_NOOP("Messages", "title (标题)")),
    "recipients": Message(QT_TRANSLATE_NOOP("Messages", "recipients (主送机关)")),
    "body": Message(QT_TRANSLATE_NOOP("Messages", "body (正文)")),
}


def listing(parts: list[Message]) -> Message:
    """ "a", "a and b", "a, b and c" as one message whose parts are translated too."""
    if len(parts) == 1:
        return parts[0]
    if len(parts) == 2:
        return Message(QT_TRANSLATE_NOOP("Messages", "{a} and {b}"), a=parts[0], b=parts[1])
    return Message(QT_TRANSLATE_NOOP("Messages", "{a}, {b}"), a=parts[0], b=listing(parts[1:]))


@dataclass
class Plan:
    title: str
    kind: str = "工作要点"
    year: int | None = None
    issuers: list[str] = field(default_factory=list)
    preamble: str = ""
    closing: str = ""
    numbering: Numbering = Numbering.CONTINUOUS
    status: Status = Status.DRAFT
    notice: Notice = field(default_factory=Notice)
    nodes: list[Node] = field(default_factory=list)
    id: int | None = None

    def walk(self):
        """Every node of the plan in document order."""
        for node in self.nodes:
            yield from node.walk()

    def task_count(self) -> int:
        return sum(1 for n in self.walk() if n.kind is NodeKind.TASK)


def stored_id(item: Node | Plan) -> int:
    """The library row id of a node or plan loaded from the library. Edits name stored rows only; a value not yet
    stored has no id, and building an edit for it is a bug, not bad input."""
    if item.id is None:
        raise ValueError(f"{type(item).__name__} {item.title!r} is not stored in the library")
    return item.id


@dataclass(frozen=True)
class PlanSummary:
    """One row of the library's plan list: what a list view needs without loading the tree."""

    id: int
    title: str
    kind: str
    year: int | None
    issuers: list[str]
    status: Status
    doc_number: str
    modified_at: str
    node_count: int
