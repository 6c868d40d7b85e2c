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


class Status(StrEnum):
    DRAFT = "draft"
    ISSUED = "issued"


class DocFormat(StrEnum):
    """The notice's format (GB/T 9704 7 and 10.1)."""

    FILE = "file"  # 文件格式: the 红头文件, masthead 35 mm below the type area, one red rule
    LETTER = "letter"  # 信函格式: organ name without 文件 30 mm from the paper top, red double rules


class Sealing(StrEnum):
    """How the notice is signed (7.3.5): most 印发通知 carry the organ's seal."""

    SEALED = "sealed"  # 加盖印章 (7.3.5.1): date 右空四字, 署名 centred over it, the seal across both
    UNSEALED = "unsealed"  # 不加盖印章 (7.3.5.2): 署名 右空二字, the date 2 characters further right


# Where each kind may sit: None is the plan's top level.
ALLOWED_PARENTS: dict[NodeKind, frozenset[NodeKind | None]] = {
    NodeKind.SECTION: frozenset({None}),
    NodeKind.SUBSECTION: frozenset({NodeKind.SECTION}),
    NodeKind.TASK: frozenset({None, NodeKind.SECTION, NodeKind.SUBSECTION}),
    NodeKind.ITEM: frozenset({NodeKind.TASK, NodeKind.SUBSECTION, NodeKind.ITEM}),
}

# The kind a new child of a parent gets when the user does not say (None: top level).
DEFAULT_CHILD: dict[NodeKind | None, NodeKind] = {
    None: NodeKind.SECTION,
    NodeKind.SECTION: NodeKind.TASK,
    NodeKind.SUBSECTION: NodeKind.TASK,
    NodeKind.TASK: NodeKind.ITEM,
    NodeKind.ITEM: NodeKind.ITEM,
}

# Outline depth of each kind, for checks that a whole subtree still fits after a move.
DEPTH: dict[NodeKind, int] = {
    NodeKind.SECTION: 1,
    NodeKind.SUBSECTION: 2,
    NodeKind.TASK: 3,
    NodeKind.ITEM: 4,
}


def may_contain(parent: NodeKind | None, child: NodeKind) -> bool:
    return parent in ALLOWED_PARENTS[child]


# The kinds' names inside messages ("a task cannot sit inside a section"), translated with them.
KIND_NAMES = {
    NodeKind.SECTION: Message(QT_TRANSLATE_NOOP("Messages", "section")),
    NodeKind.SUBSECTION: Message(QT_TRANSLATE_NOOP("Messages", "subsection")),
    NodeKind.TASK: Message(QT_TRANSLATE_NOOP("Messages", "task")),
    NodeKind.ITEM: Message(QT_TRANSLATE_NOOP("Messages", "item")),
}


class Progress(StrEnum):
    """How far a task has got. Stored for any node; the GUI and reports use it on tasks."""

    NOT_STARTED = "not_started"  # 未启动
    IN_PROGRESS = "in_progress"  # 推进中
    DONE = "done"  # 已完成
    BEHIND = "behind"  # 滞后


# Document vocabulary (reports print it), so data, not translations.
PROGRESS_NAMES = {Progress.NOT_STARTED: "未启动", Progress.IN_PROGRESS: "推进中", Progress.DONE: "已完成",
                  Progress.BEHIND: "滞后"}


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
    # How it is issued (schema v5, table notice_issue; not text, so kept out of NOTICE_FIELDS):
    doc_format: DocFormat = DocFormat.FILE
    sealing: Sealing = Sealing.SEALED
    masthead_proposed: bool = False  # the masthead was filled in by Planbook and nobody has confirmed it yet
    seals: list[bytes] = field(default_factory=list)  # electronic seals (PNG), one per signer in signer order

    def is_empty(self) -> bool:
        return self == Notice()

    def prints(self) -> bool:
        """Is there a notice to print? Web-page metadata alone (索引号, 发布日期 …) is not one."""
        return any(getattr(self, name) for name in PRINTED_FIELDS)

    def missing(self) -> list[str]:
        """The parts without which the notice cannot be issued (7.3.1–7.3.3): keys of NOTICE_PART_NAMES."""
        if not self.prints():
            return []
        return [name for name in ("title", "recipients", "body") if not getattr(self, name).strip()]


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


DATE_FIELDS = ("signed_on", "printed_on", "published_on")
ISSUE_FIELDS = ("doc_format", "sealing", "masthead_proposed", "seals")
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
    """"a", "a and b", "a, b and c" as one message whose parts are translated too."""
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
