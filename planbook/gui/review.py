"""Plan ▸ Review Draft (a dock beside the plan) and Edit ▸ Find and Replace (Ctrl+H).

Like the other views these widgets never write the plan: accepting findings and replacing text leave as
`edit` signals (one core Batch each) for the window's undo stack, so each is one undo step; only the list of
ignored findings, which is no part of the plan's text, is written here (core.review.ignore).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core import editing
from ..core.errors import PlanbookError
from ..core.library import Library
from ..core.messages import QT_TRANSLATE_NOOP
from ..core.replace import CONTEXT, Hit, find, find_library, replace_edit
from ..core.review import KIND_NAMES, Finding, Kind, accept_edit, ignore, last_year, review_plan, unignore_all
from .messages import describe
from .qtcompat import emit
from .widgets import named, top_items

ROW = Qt.ItemDataRole.UserRole  # a row's finding or hit


def part_name(part: str) -> str:
    """A plan part's key as the properties pane names it."""
    names = {
        "title": QT_TRANSLATE_NOOP("PlanParts", "Title"),
        "issuers": QT_TRANSLATE_NOOP("PlanParts", "Issuers"),
        "preamble": QT_TRANSLATE_NOOP("PlanParts", "Preamble"),
        "closing": QT_TRANSLATE_NOOP("PlanParts", "Closing"),
        "notice.masthead": QT_TRANSLATE_NOOP("PlanParts", "Masthead"),
        "notice.doc_number": QT_TRANSLATE_NOOP("PlanParts", "Document number"),
        "notice.title": QT_TRANSLATE_NOOP("PlanParts", "Notice title"),
        "notice.recipients": QT_TRANSLATE_NOOP("PlanParts", "Recipients"),
        "notice.body": QT_TRANSLATE_NOOP("PlanParts", "Notice text"),
        "notice.signers": QT_TRANSLATE_NOOP("PlanParts", "Signers"),
        "notice.annotation": QT_TRANSLATE_NOOP("PlanParts", "Annotation"),
        "notice.cc": QT_TRANSLATE_NOOP("PlanParts", "Copies to"),
        "notice.printed_by": QT_TRANSLATE_NOOP("PlanParts", "Printed by"),
        "notice.attachments": QT_TRANSLATE_NOOP("PlanParts", "Attachments"),
    }
    return QCoreApplication.translate("PlanParts", names[part]) if part in names else part


class ReviewPanel(QWidget):
    """The review's findings for the open plan, grouped by kind, with Accept / Accept All of This Kind / Ignore."""

    edit = Signal(object, str)  # a core Batch and its undo text, for the window's undo stack
    openFinding = Signal(int, object)  # plan id, and a node id or a plan field key ("preamble", "notice.body")

    def __init__(self, library: Callable[[], Library], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("reviewPanel")
        self.library = library
        self.plan_id: int | None = None
        self.findings: list[Finding] = []
        self.summary = named(QLabel(), "reviewSummary")
        self.summary.setWordWrap(True)
        self.list = named(QTreeWidget(), "reviewFindings")
        self.list.setHeaderLabels([self.tr("Where"), self.tr("Found"), self.tr("Proposed"), self.tr("Why")])
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setWordWrap(True)
        self.list.setUniformRowHeights(False)
        header = self.list.header()
        for column, width in ((0, 190), (1, 130), (2, 110)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.list.itemActivated.connect(self._activated)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.accept_button = named(QPushButton(self.tr("Accept")), "reviewAccept")
        self.accept_kind_button = named(QPushButton(self.tr("Accept All of This Kind")), "reviewAcceptKind")
        self.ignore_button = named(QPushButton(self.tr("Ignore")), "reviewIgnore")
        self.restore_button = named(QPushButton(self.tr("Show Ignored Again")), "reviewRestore")
        self.accept_button.clicked.connect(lambda: self.accept_findings(self.selected()))
        self.accept_kind_button.clicked.connect(self._accept_kind)
        self.ignore_button.clicked.connect(lambda: self.ignore_findings(self.selected()))
        self.restore_button.clicked.connect(self._restore)
        hint = QLabel(
            self.tr(
                "Double-click a finding (or press Enter) to edit it by hand. Nothing changes until you "
                "accept; each accept is one undo step."
            )
        )
        hint.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.accept_button, self.accept_kind_button, self.ignore_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addWidget(hint)
        self._update_buttons()

    # ---- showing ----------------------------------------------------------------------------------------

    def show_plan(self, plan_id: int | None) -> None:
        self.plan_id = plan_id
        self.refresh()

    def refresh(self) -> None:
        """Review the plan as it is now, keeping the selected finding's place where it still exists."""
        keep = {f.key for f in self.selected()}
        collapsed = {item.data(0, ROW) for item in top_items(self.list) if not item.isExpanded()}
        self.list.clear()
        self.findings = []
        if self.plan_id is None:
            self.summary.setText(self.tr("Open a plan to review it."))
            self._update_buttons()
            return
        try:
            self.findings = review_plan(self.library(), self.plan_id)
        except (PlanbookError, sqlite3.Error) as e:  # the plan was deleted, or the library is gone
            self.summary.setText(describe(e) if isinstance(e, PlanbookError) else str(e))
            self._update_buttons()
            return
        groups: dict[Kind, QTreeWidgetItem] = {}
        bold = QFont(self.list.font())
        bold.setBold(True)
        for kind in Kind:  # the kinds in the order of Kind: years first, where most of the work is
            if any(f.kind is kind for f in self.findings):
                group = groups[kind] = QTreeWidgetItem([describe(KIND_NAMES[kind])])
                group.setData(0, ROW, str(kind))
                group.setFont(0, bold)
                self.list.addTopLevelItem(group)
        for f in self.findings:
            group = groups[f.kind]
            where = f.place or part_name(f.spot.part)
            proposal = self._proposal(f)
            item = QTreeWidgetItem([where, f.text or self.tr("(empty)"), proposal, describe(f.message)])
            item.setData(0, ROW, f)
            item.setToolTip(0, where)
            item.setToolTip(3, describe(f.message))
            if f.action is not None:
                item.setForeground(2, QBrush(QColor("#1e7b34")))
            group.addChild(item)
            if f.key in keep:
                item.setSelected(True)
        for kind, group in groups.items():
            group.setText(0, f"{describe(KIND_NAMES[kind])} ({group.childCount()})")
            group.setExpanded(str(kind) not in collapsed)
        self.summary.setText(
            self.tr("{0} findings to look at").format(len(self.findings))
            if self.findings
            else self.tr("Nothing in this plan looks stale.")
        )
        self._update_buttons()

    def _proposal(self, f: Finding) -> str:
        from ..core.review import Action

        if f.action is Action.DROP:
            return self.tr("drop the task")
        if f.action is Action.NOTE:
            return self.tr("keep, with a note")
        return f.replacement if f.replacement is not None else ""

    def selected(self) -> list[Finding]:
        return [f for item in self.list.selectedItems() if isinstance(f := item.data(0, ROW), Finding)]

    def _update_buttons(self) -> None:
        chosen = self.selected()
        self.accept_button.setEnabled(any(f.action is not None for f in chosen))
        self.ignore_button.setEnabled(bool(chosen))
        kind = self._current_kind()
        self.accept_kind_button.setEnabled(
            kind is not None and any(f.kind is kind and f.action is not None for f in self.findings)
        )
        self.restore_button.setEnabled(self.plan_id is not None)

    def _current_kind(self) -> Kind | None:
        item = self.list.currentItem()
        if item is None:
            return None
        value = item.data(0, ROW)
        return value.kind if isinstance(value, Finding) else Kind(value)

    # ---- acting -------------------------------------------------------------------------------------------

    def accept_findings(self, findings: list[Finding]) -> int:
        """Accept these findings as one undo step; returns how many edits that made."""
        if self.plan_id is None or not findings:
            return 0
        lib = self.library()
        batch = accept_edit(lib.load_plan(self.plan_id), findings, last_year(lib, self.plan_id))
        if not batch.edits:
            return 0
        count = sum(f.action is not None for f in findings)
        emit(self.edit, batch, self.tr("Accept {0} Review Findings").format(count))
        self.refresh()
        return len(batch.edits)

    def accept_kind(self, kind: Kind) -> int:
        return self.accept_findings([f for f in self.findings if f.kind is kind and f.action is not None])

    def _accept_kind(self) -> None:
        if (kind := self._current_kind()) is not None:
            self.accept_kind(kind)

    def ignore_findings(self, findings: list[Finding]) -> None:
        if self.plan_id is None or not findings:
            return
        try:
            ignore(self.library(), self.plan_id, [f.key for f in findings])
        except (PlanbookError, OSError) as e:
            self.summary.setText(describe(e) if isinstance(e, PlanbookError) else str(e))
            return
        self.refresh()

    def _restore(self) -> None:
        if self.plan_id is not None:
            try:
                unignore_all(self.library(), self.plan_id)
            except PlanbookError as e:
                self.summary.setText(describe(e))
                return
            self.refresh()

    def _activated(self, item: QTreeWidgetItem, column: int = 0) -> None:
        f = item.data(0, ROW)
        if isinstance(f, Finding) and self.plan_id is not None:
            emit(self.openFinding, self.plan_id, f.spot.node_id if f.spot.node_id is not None else f.spot.part)


class ReplaceDialog(QDialog):
    """Find a text in the open plan (or every plan, read only), see every hit in context, replace the ticked ones
    as one undo step."""

    edit = Signal(object, str)  # a core Batch and its undo text
    openHit = Signal(int, object)  # plan id, node id or plan field key

    def __init__(self, library: Callable[[], Library], plan_id: int | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("replaceDialog")
        self.setWindowTitle(self.tr("Find and Replace"))
        self.library, self.plan_id = library, plan_id
        self.hits: list[Hit] = []
        self.find_text = named(QLineEdit(), "findText")
        self.replace_text = named(QLineEdit(), "replaceText")
        self.all_plans = named(QCheckBox(self.tr("Search all plans (read only)")), "allPlans")
        self.summary = named(QLabel(), "replaceSummary")
        self.summary.setWordWrap(True)
        self.list = named(QTreeWidget(), "replaceHits")
        self.list.setHeaderLabels([self.tr("Where"), self.tr("In context")])
        self.list.setRootIsDecorated(False)
        self.list.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.list.header().resizeSection(0, 240)
        self.list.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.list.itemActivated.connect(self._activated)
        self.find_button = named(QPushButton(self.tr("Find")), "findButton")
        self.replace_button = named(QPushButton(self.tr("Replace Ticked")), "replaceButton")
        self.find_button.clicked.connect(self.search)
        self.replace_button.clicked.connect(self.replace)
        self.find_text.returnPressed.connect(self.search)
        self.all_plans.toggled.connect(lambda _: self.search())
        form = QFormLayout()
        form.addRow(self.tr("Find:"), self.find_text)
        form.addRow(self.tr("Replace with:"), self.replace_text)
        form.addRow("", self.all_plans)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.find_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.replace_button, QDialogButtonBox.ButtonRole.ActionRole)
        for button in buttons.buttons():
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(820, 480)
        self._update_buttons()

    def set_plan(self, plan_id: int | None) -> None:
        self.plan_id = plan_id
        self.search()

    def search(self) -> None:
        """Fill the preview with every hit of the find text, each ticked, in context."""
        self.list.clear()
        self.hits = []
        total = plans = 0
        old = self.find_text.text()
        if old:
            try:
                lib = self.library()
                if self.all_plans.isChecked():
                    found = find_library(lib, old)
                    self.hits, total, plans = found.hits, found.total, found.plans
                elif self.plan_id is not None:
                    self.hits = find(lib.load_plan(self.plan_id), old)
            except PlanbookError as e:
                self.summary.setText(describe(e))
                return
        every = self.all_plans.isChecked()
        self.list.setRootIsDecorated(every)
        groups: dict[int | None, QTreeWidgetItem] = {}
        for h in self.hits:
            where = h.place if h.spot.node_id is not None else part_name(h.spot.part)
            # an ellipsis only where the text goes on
            context = (
                ("…" if len(h.before) == CONTEXT else "")
                + f"{h.before}【{h.match}】{h.after}"
                + ("…" if len(h.after) == CONTEXT else "")
            ).replace("\n", " ")
            item = QTreeWidgetItem([where, context])
            item.setData(0, ROW, h)
            item.setToolTip(0, where)
            item.setToolTip(1, context)
            if every:  # grouped by plan, nothing to tick: read only
                if (group := groups.get(h.plan_id)) is None:
                    group = groups[h.plan_id] = QTreeWidgetItem([h.plan_title])
                    self.list.addTopLevelItem(group)
                    group.setFirstColumnSpanned(True)  # the plan's whole title (only once in the tree)
                    group.setExpanded(True)
                group.addChild(item)
            else:
                item.setCheckState(0, Qt.CheckState.Checked)
                self.list.addTopLevelItem(item)
        for group in groups.values():
            group.setText(0, f"{group.text(0)} ({group.childCount()})")
        if not old:
            self.summary.setText(self.tr("Type the text to find."))
        elif self.all_plans.isChecked():
            text = self.tr("{0} hits in {1} plans (all plans are shown read only; open one to replace in it)").format(
                total, plans
            )
            if total > len(self.hits):
                text += " " + self.tr("The first {0} are listed.").format(len(self.hits))
            self.summary.setText(text)
        else:
            self.summary.setText(self.tr("{0} hits in this plan").format(len(self.hits)))
        self._update_buttons()

    def ticked(self) -> list[Hit]:
        return [item.data(0, ROW) for item in top_items(self.list) if item.checkState(0) == Qt.CheckState.Checked]

    def _update_buttons(self) -> None:
        self.replace_button.setEnabled(bool(self.hits) and not self.all_plans.isChecked() and self.plan_id is not None)

    def replace(self) -> int:
        """Replace the ticked hits of the open plan, one undo step; returns how many."""
        hits = self.ticked()
        if self.all_plans.isChecked() or self.plan_id is None or not hits:
            return 0
        old, new = self.find_text.text(), self.replace_text.text()
        batch: editing.Batch = replace_edit(self.library().load_plan(self.plan_id), hits, new)
        if batch.edits:
            emit(self.edit, batch, self.tr("Replace “{0}” with “{1}”").format(old, new))
        self.search()
        self.summary.setText(self.tr("Replaced {0} hits (one undo step)").format(len(hits)))
        return len(hits)

    def _activated(self, item: QTreeWidgetItem, column: int = 0) -> None:
        h = item.data(0, ROW)
        if isinstance(h, Hit) and h.plan_id is not None:
            emit(self.openHit, h.plan_id, h.spot.node_id if h.spot.node_id is not None else h.spot.part)
