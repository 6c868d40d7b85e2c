"""Drafting next year's plan from this year's: the clerks' main job.

`next_year_plan` is a pure function on values; `draft_next_year` stores the draft with a link back to its
source. The link lives in the `plan_links` table (schema v2), read and written only through this module (and the
storage layer's `Library.plan_link`).
"""

from __future__ import annotations

import copy
import dataclasses
import re
from dataclasses import dataclass

from .errors import PlanbookError
from .issuing import fill_masthead
from .library import Library
from .messages import QT_TRANSLATE_NOOP
from .model import MAX_DEPTH, PLAN_FIELDS, Carry, Field, Node, Notice, Plan, tree_depth

# A four-digit year not glued to other digits, e.g. the 2021 of 某市教育局2021年工作要点.
_YEAR = re.compile(r"(?<!\d)(19|20)\d{2}(?!\d)")


@dataclass(frozen=True)
class Link:
    """A plan's source: the plan it was drafted from (which may have been deleted since)."""

    source_id: int
    source_title: str
    relation: str = "next-year"


def plan_year(plan: Plan) -> int | None:
    """The plan's year, or the first year named in its title (a plan imported without one)."""
    if plan.year:
        return plan.year
    match = _YEAR.search(plan.title)
    return int(match.group()) if match else None


def shift_year(text: str, year: int) -> str:
    """Move every mention of `year` in `text` on by one; other years (a 2016—2020 plan period) stay."""
    return re.sub(rf"(?<!\d){year}(?!\d)", str(year + 1), text)


def _fresh(node: Node) -> Node:
    """A copy of `node` and its subtree for a new plan: text and fields kept; no id, status or notes."""
    return Node(
        node.kind,
        node.title,
        node.body,
        [Field(f.label, f.value) for f in node.fields],
        [_fresh(child) for child in node.children],
    )


def next_year_plan(plan: Plan) -> Plan:
    """A draft for the year after `plan`: year moved on, issuing details cleared, tasks and fields kept."""
    year = plan_year(plan)
    if year is None:
        raise PlanbookError(
            QT_TRANSLATE_NOOP("Messages", "“{title}” names no year, so there is no next year to draft"),
            title=plan.title,
        )
    _check_depth(plan.title, tree_depth(plan.nodes))
    # The tree is built afresh (no ids, nothing done: a new year starts from nothing), not deep-copied and then
    # cleared: a 3,000-task plan's deepcopy took a quarter of the draft's time.
    draft = copy.deepcopy(dataclasses.replace(plan, nodes=[]))
    draft.id = None
    draft.nodes = [_fresh(node) for node in plan.nodes]
    # Each field as its row in `model.PLAN_FIELDS` says: kept, its years moved on, cleared, or (the year) one on.
    draft.notice = Notice()
    blank = Plan(title="")
    for spec in PLAN_FIELDS.values():
        source, target = (plan.notice, draft.notice) if spec.in_notice else (plan, draft)
        value = getattr(source, spec.name)
        if spec.next_year is Carry.ADVANCE:
            value = year + 1
        elif spec.next_year is Carry.SHIFT:
            value = shift_year(value, year)
        elif spec.next_year is Carry.CLEAR:
            value = getattr(Notice() if spec.in_notice else blank, spec.name)
        setattr(target, spec.name, list(value) if isinstance(value, list) else value)
    # How it is issued: the same organs seal next year's notice; a head still missing is proposed.
    draft.notice.sealing = plan.notice.sealing
    draft.notice.doc_format = plan.notice.doc_format
    draft.notice.masthead_proposed = plan.notice.masthead_proposed
    draft.notice.seals = list(plan.notice.seals)
    fill_masthead(draft)
    return draft


def _check_depth(title: str, depth: int) -> None:
    if depth > MAX_DEPTH:  # from before the limit: its draft could not be edited (nor copied by recursion)
        raise PlanbookError(
            QT_TRANSLATE_NOOP(
                "Messages", "“{title}” nests its items {depth} levels deep; a plan may have at most {limit}"
            ),
            title=title,
            depth=depth,
            limit=MAX_DEPTH,
        )


def next_year_header(lib: Library, plan_id: int) -> tuple[Plan, Link]:
    """Next year's draft of stored plan `plan_id` without its tree, which `Library.copy_tree` copies inside the
    library when the draft is stored (a 3,000-task tree is never loaded for it); and the link back."""
    source = lib.load_plan_header(plan_id)
    _check_depth(source.title, lib.tree_depth(plan_id))
    return next_year_plan(source), Link(plan_id, source.title)


def draft_next_year(lib: Library, plan_id: int) -> int:
    """Store next year's draft of plan `plan_id`, linked back to it; returns the new plan's id."""
    draft, link = next_year_header(lib, plan_id)
    with lib.transaction():
        new_id = lib.add_plan(draft)
        lib.copy_tree(plan_id, new_id)
        set_link(lib, new_id, link)
    return new_id


def link_of(lib: Library, plan_id: int) -> Link | None:
    """The plan's source, or None (also for a library not yet upgraded to hold links)."""
    row = lib.plan_link(plan_id)
    return Link(*row) if row else None


def drafts_of(lib: Library, plan_id: int) -> list[tuple[int, str]]:
    """(id, title) of the plans still in the library that were drafted from plan `plan_id`, oldest first."""
    return lib.linked_from(plan_id, "next-year")


def set_link(lib: Library, plan_id: int, link: Link | None) -> None:
    with lib.transaction():
        lib.set_plan_link(plan_id, None if link is None else (link.source_id, link.source_title, link.relation))
