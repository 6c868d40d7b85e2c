"""File ▸ Import preview: what was recognised in each file, and its warnings, before anything is written.

The dialog only shows; the caller writes the plans when it is accepted. Feed it what
`planbook.importers.import_with_warnings` gave per file (or the error it raised).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QStyledItemDelegate,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.model import Node, Plan
from ..core.numbering import number_tree
from ..importers import ImportResult
from .messages import describe
from .screen import fit_to_screen
from .widgets import named, top_items

# (file, what it gave, or the one-line error that stopped it)
FileOutcome = tuple[Path, ImportResult | None, str | None]
_FIELD = QBrush(QColor("#555555"))
_ERROR = QBrush(QColor("#b00020"))
_WARN = QBrush(QColor("#8a5a00"))


class _WrappedLines(QStyledItemDelegate):
    """A warning as tall as its wrapped lines really are: Chinese set in the fallback face is taller than the list
    font's line, so Qt's own measure left room for one line fewer and cut the sentence off with "…"."""

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 - Qt's name
        size = super().sizeHint(option, index)
        view = self.parent()
        width = view.viewport().width() - 8 if isinstance(view, QListWidget) else size.width()
        layout = QTextLayout(str(index.data() or ""), option.font)
        text_option = QTextOption()
        text_option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(text_option)
        height = 0.0
        layout.beginLayout()
        while (line := layout.createLine()).isValid():
            line.setLineWidth(max(width, 50))
            height += line.height()
        layout.endLayout()
        return QSize(size.width(), max(size.height(), int(height) + 6))


def file_line(name: str, text: str, imported: bool = True) -> str:
    """One line about one file, naming it once: most reasons for refusing a file start with its name already."""
    if imported:
        return (
            text
            if text.startswith(name)
            else QCoreApplication.translate("ImportPreview", "{0}: {1}").format(name, text)
        )
    if text.startswith(name):
        return QCoreApplication.translate("ImportPreview", "Not imported: {0}").format(text)
    return QCoreApplication.translate("ImportPreview", "{0}: not imported: {1}").format(name, text)


class ImportPreview(QDialog):
    def __init__(self, outcomes: list[FileOutcome], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importPreview")
        self.setWindowTitle(self.tr("Import Preview"))
        self.outcomes = outcomes
        self.tree = named(QTreeWidget(), "previewTree")
        self.tree.setHeaderLabels([self.tr("Recognised structure"), self.tr("Tasks")])
        self.tree.setColumnWidth(0, 520)
        self.problems = named(QListWidget(), "previewWarnings")
        # A warning is a sentence: it wraps to the list's width instead of running off its right edge.
        self.problems.setWordWrap(True)
        self.problems.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.problems.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.problems.setItemDelegate(_WrappedLines(self.problems))
        plans = 0
        for path, result, error in outcomes:
            if error is not None:
                item = QListWidgetItem(file_line(path.name, describe(error), imported=False))
                item.setForeground(_ERROR)
                self.problems.addItem(item)
                continue
            if result is None:  # each outcome has a result or an error
                continue
            for plan in result.plans:
                self.tree.addTopLevelItem(_plan_item(plan, path))
                plans += 1
            for warning in result.warnings:
                item = QListWidgetItem(file_line(path.name, describe(warning)))
                item.setForeground(_WARN)
                self.problems.addItem(item)
        for item in top_items(self.tree):
            item.setExpanded(True)
        self.summary = named(QLabel(), "previewSummary")
        self.summary.setText(
            self.tr("{0} plan(s) from {1} file(s); {2} warning(s) or error(s) to check.").format(
                plans, len(outcomes), self.problems.count()
            )
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.addButton(self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("importButton")
        self.import_button.setEnabled(plans > 0)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.tree)
        split.addWidget(self.problems)
        split.setSizes([480, 140])
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(split)
        layout.addWidget(buttons)
        fit_to_screen(self, 860, 720)

    def plans(self) -> list[tuple[Path, list[Plan]]]:
        """The files that gave plans, with their plans, for the caller to write once accepted."""
        return [
            (path, result.plans)
            for path, result, error in self.outcomes
            if error is None and result is not None and result.plans
        ]


def _plan_item(plan: Plan, path: Path) -> QTreeWidgetItem:
    from ..core.progress import tasks  # an action plan's （一） items count when it has no tasks

    top = QTreeWidgetItem([f"{plan.title}  ({path.name})", str(len(tasks(plan)))])
    font = top.font(0)
    font.setBold(True)
    top.setFont(0, font)
    n = plan.notice
    if n.title or n.doc_number:
        parts = [
            x
            for x in (n.doc_number, n.title, "、".join(n.signers), n.signed_on.isoformat() if n.signed_on else "")
            if x
        ]
        notice = QTreeWidgetItem(
            [QCoreApplication.translate("ImportPreview", "Issuing notice: {0}").format("  ".join(parts)), ""]
        )
        notice.setForeground(0, _FIELD)
        top.addChild(notice)
    numbers = number_tree(plan.nodes, plan.numbering)
    for node in plan.nodes:
        top.addChild(_node_item(node, numbers))
    if plan.closing:
        closing = QTreeWidgetItem([plan.closing.splitlines()[0][:60] + "…", ""])
        closing.setForeground(0, _FIELD)
        top.addChild(closing)
    return top


def _node_item(node: Node, numbers: dict[int, str]) -> QTreeWidgetItem:
    tasks = sum(1 for n in node.walk() if n.kind.value == "task" and n is not node)
    item = QTreeWidgetItem([f"{numbers[id(node)]}{node.title}", str(tasks) if tasks else ""])
    item.setToolTip(0, node.body[:400])
    for f in node.fields:
        field = QTreeWidgetItem([f"{f.label}：{f.value}", ""])
        field.setForeground(0, _FIELD)
        item.addChild(field)
    for child in node.children:
        item.addChild(_node_item(child, numbers))
    return item
