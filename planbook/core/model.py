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


# How deeply nodes may nest (items within items): one limit for import, editing and drafting, far beyond any
# real plan (four or five levels) and well within what the recursive exports and copies can take.
MAX_DEPTH = 64


def tree_depth(nodes: list[Node]) -> int:
    """Levels of nesting under a list of nodes (0 for none), counted without recursion."""
    deepest, stack = 0, [(n, 1) for n in nodes]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((c, depth + 1) for c in node.children)
    return deepest


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

    def is_empty(self) -> bool:
        return self == Notice()


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
NOTICE_FIELDS = tuple(f.name for f in fields(Notice))


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
