"""Whole-plan commands of the window (File ▸ New Plan…, Plan ▸ Draft Next Year's Plan, Duplicate, Delete,
Normalize Punctuation): each one undoable step through the window's `do`. Copies and drafts come from the core's
use cases (`core.usecases`), which the command line uses too."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox

from ..core import drafting, editing, usecases
from ..core.errors import PlanbookError
from ..core.model import Plan
from .messages import describe

if TYPE_CHECKING:
    from .mainwindow import MainWindow


class PlanCommands(QObject):
    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.w = window

    def _add_plan(
        self, plan: Plan, text: str, link: drafting.Link | None = None, tree_from: int | None = None
    ) -> int | None:
        change = self.w.do(editing.AddPlan(plan, link, tree_from), text)
        if change is None or change.added_plan is None:
            return None
        self.w.open_plan(change.added_plan)
        return change.added_plan

    def new_plan(self) -> int | None:
        return self.add_plan_to_name(Plan(title=self.tr("Untitled plan"), year=dt.date.today().year))

    def add_plan_to_name(self, plan: Plan) -> int | None:
        """File ▸ New Plan and New from Template: add it as one undo step, its title selected for typing."""
        plan_id = self._add_plan(plan, self.tr("New Plan"))
        title = self.w.plan_properties.field("title")
        if plan_id is not None and isinstance(title, QLineEdit):
            title.setFocus()
            title.selectAll()
        return plan_id

    def duplicate_plan(self) -> int | None:
        if self.w.model.plan_id is None:
            return None
        plan = usecases.copy_plan(self.w.lib, self.w.model.plan_id).plan
        plan.title = self.tr("{0} (copy)").format(plan.title)
        return self._add_plan(plan, self.tr("Duplicate Plan"))

    def new_plan_from(self) -> int | None:
        plans = self.w.library_pane.plans
        if not plans:
            return self.new_plan()
        names = [f"{p.title}  [{p.id}]" for p in plans]
        name, ok = QInputDialog.getItem(
            self.w, self.tr("New Plan From"), self.tr("Start from a copy of:"), names, 0, False
        )
        if not ok:
            return None
        copy = usecases.copy_plan(self.w.lib, plans[names.index(name)].id, linked=True)
        return self._add_plan(copy.plan, self.tr("New Plan"), copy.link)

    def tidy_punctuation(self) -> int:
        """Plan ▸ Normalize Punctuation: half-width , ; : ? ! ( ) touching Chinese become full-width in every text
        of the plan, as print has them; one undoable step. Returns how many edits it made."""
        from ..core.tidy import punctuation_edit

        w = self.w
        if w.model.plan_id is None:
            return 0
        batch = punctuation_edit(w.lib.load_plan(w.model.plan_id))
        if not batch.edits:
            w.statusBar().showMessage(self.tr("The punctuation is already as print has it"), 5000)
            return 0
        if w.do(batch, self.tr("Normalize Punctuation")) is None:
            return 0
        w.statusBar().showMessage(
            self.tr("Punctuation made full-width: {0} changes, one undo step").format(len(batch.edits)), 6000
        )
        return len(batch.edits)

    def draft_next_year(self, existing: str = "ask") -> int | None:
        """Plan ▸ Draft Next Year's Plan. When this plan has a draft already, `existing` says what to do: "ask"
        the clerk, "open" that draft, or draft "another"."""
        w = self.w
        if w.model.plan_id is None:
            return None
        drafts = usecases.drafts_of(w.lib, w.model.plan_id)
        if drafts and existing == "ask":
            existing = self._ask_about_draft(drafts[-1][1])
        if drafts and existing == "open":
            w.open_plan(drafts[-1][0])
            return None
        if existing == "cancel":
            return None
        try:
            draft = usecases.next_year(w.lib, w.model.plan_id)
        except PlanbookError as e:
            QMessageBox.information(w, self.tr("Draft Next Year's Plan"), describe(e))
            return None
        plan_id = self._add_plan(draft.plan, self.tr("Draft Next Year's Plan"), draft.link, draft.tree_from)
        if plan_id is not None and draft.link is not None:
            w.statusBar().showMessage(
                self.tr("Drafted “{0}” from “{1}”").format(draft.plan.title, draft.link.source_title), 6000
            )
            w.docks.review_draft()  # what still says last year, right away
        return plan_id

    def _ask_about_draft(self, title: str) -> str:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Draft Next Year's Plan"),
            self.tr("This plan already has next year's draft “{0}”.").format(title),
            QMessageBox.StandardButton.Cancel,
            self.w,
        )
        box.setObjectName("draftExists")
        open_button = box.addButton(self.tr("Open That Draft"), QMessageBox.ButtonRole.AcceptRole)
        another = box.addButton(self.tr("Draft Another"), QMessageBox.ButtonRole.ActionRole)
        box.setDefaultButton(open_button)
        box.exec()
        clicked = box.clickedButton()
        return "open" if clicked is open_button else "another" if clicked is another else "cancel"

    def delete_plan(self, confirm: bool = True) -> bool:
        w = self.w
        plan = w.model.plan
        if plan is None or plan.id is None:
            return False
        if confirm:
            box = QMessageBox(
                QMessageBox.Icon.Question,
                self.tr("Delete Plan"),
                self.tr("Delete “{0}” and its {1} items?").format(plan.title, len(list(plan.walk()))),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                w,
            )
            box.setObjectName("confirmDelete")
            box.setInformativeText(self.tr("You can undo this with Edit ▸ Undo."))
            box.setDefaultButton(QMessageBox.StandardButton.Cancel)
            if box.exec() != QMessageBox.StandardButton.Yes:
                return False
        if w.do(editing.DeletePlan(plan.id), self.tr("Delete Plan")) is None:
            return False
        w._show_nothing()
        return True
