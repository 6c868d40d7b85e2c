"""Plan ▸ 发文前检查…: the findings of `core.checks` for the open plan, in a window beside it.

The dialog only reads; double-click or Enter on a finding asks the window (`openFinding`) to select the node, or
the plan row and the field, so the clerk fixes it there and presses Re-check.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.checks import Finding, Severity, check_plan
from ..core.errors import PlanbookError
from ..core.library import Library
from ..core.model import PLAN_FIELDS
from .messages import describe
from .qtcompat import emit
from .screen import fit_to_screen
from .widgets import named, top_items

WHERE = Qt.ItemDataRole.UserRole  # a finding's `where` on its row


class CheckDialog(QDialog):
    openFinding = Signal(int, object)  # plan id, and a node id or a field key such as "notice.doc_number"

    def __init__(self, library: Callable[[], Library], plan_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("checkDialog")
        self.setWindowTitle(self.tr("Check Before Issuing"))
        self.library, self.plan_id = library, plan_id
        self.findings: list[Finding] = []
        self.summary = named(QLabel(), "checkSummary")
        self.summary.setWordWrap(True)
        self.list = named(QTreeWidget(), "checkFindings")
        self.list.setColumnCount(2)
        self.list.setHeaderLabels([self.tr("Where"), self.tr("Problem")])
        self.list.setRootIsDecorated(False)
        self.list.setWordWrap(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.list.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.list.header().resizeSection(0, 260)
        self.list.itemActivated.connect(self._activated)  # double-click, or Enter
        self.recheck = named(QPushButton(self.tr("Re-check")), "recheckButton")
        self.recheck.clicked.connect(self.refresh)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.recheck, QDialogButtonBox.ButtonRole.ActionRole)
        for button in buttons.buttons():  # Enter on a finding goes to it, and presses no button as well
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
        buttons.rejected.connect(self.close)
        hint = QLabel(self.tr("Double-click a problem (or press Enter) to go to it in the plan."))
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        fit_to_screen(self, 760, 440)
        self.refresh()

    def set_plan(self, plan_id: int) -> None:
        self.plan_id = plan_id
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        try:
            lib = self.library()
            plan = lib.load_plan(self.plan_id)
            self.findings = check_plan(lib, plan)
        except PlanbookError as e:  # the plan was deleted, or the library is gone
            self.findings = []
            self.summary.setText(describe(e))
            return
        self.setWindowTitle(self.tr("Check Before Issuing: {0}").format(plan.title))
        style = self.style()
        icons = {
            Severity.ERROR: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            Severity.WARNING: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
        }
        for f in self.findings:
            item = QTreeWidgetItem([f.place or self.field_name(str(f.where)), describe(f.message)])
            item.setIcon(0, icons[f.severity])
            item.setToolTip(1, item.text(1))
            item.setData(0, WHERE, f.where)
            self.list.addTopLevelItem(item)
        errors = sum(f.severity is Severity.ERROR for f in self.findings)
        warnings = len(self.findings) - errors
        if not self.findings:
            self.summary.setText(self.tr("No problems found."))
        elif not errors:
            self.summary.setText(self.tr("No errors; {0} warnings to look at").format(warnings))
        elif not warnings:
            self.summary.setText(self.tr("{0} errors").format(errors))
        else:
            self.summary.setText(self.tr("{0} errors, {1} warnings").format(errors, warnings))
        if self.findings:
            self.list.setCurrentItem(top_items(self.list)[0])

    def field_name(self, key: str) -> str:
        """A plan or notice field as the properties pane labels it."""
        names = {
            "plan.title": self.tr("Title"),
            "plan.year": self.tr("Year"),
            "notice.title": self.tr("Notice title"),
            "notice.doc_number": self.tr("Document number"),
            "notice.signers": self.tr("Signers"),
            "notice.signed_on": self.tr("Signed on"),
            "notice.printed_by": self.tr("Printed by"),
            "notice.printed_on": self.tr("Printed on"),
            "notice.published_on": self.tr("Published on"),
            "notice.masthead": self.tr("Masthead"),
            "notice.recipients": self.tr("Recipients"),
            "notice.body": self.tr("Notice text"),
            "plan.preamble": self.tr("Preamble"),
            "plan.closing": self.tr("Closing"),
            "review": self.tr("Review Draft"),
        }
        if key in names:
            return names[key]
        spec = PLAN_FIELDS.get(key.removeprefix("plan."))  # any other field: as the properties pane labels it
        return QCoreApplication.translate("PlanProperties", spec.label) if spec else key

    def _activated(self, item: QTreeWidgetItem, column: int = 0) -> None:
        where = item.data(0, WHERE)
        if where is not None:
            emit(self.openFinding, self.plan_id, where)
