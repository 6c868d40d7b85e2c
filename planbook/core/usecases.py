"""What the command line and the window both do with whole plans: import with duplicate warnings, copy a plan,
draft next year's plan.

Each use case gives a value to add (`Derived`: a plan, and the link to the plan it came from); the caller stores it
its own way: the CLI at once with `store`, the window as one undoable edit (`editing.AddPlan(plan, link)`). The
messages are the core's, so both say the same thing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from . import drafting
from .duplicates import copy_warning
from .library import Library
from .model import Plan

if TYPE_CHECKING:
    from ..importers import ImportResult


@dataclass
class Derived:
    """A plan to add, and where it came from (None for an import or a plain duplicate).

    `tree_from` names a stored plan whose tree the library copies into it when it is stored (next year's draft),
    `plan.nodes` being empty.
    """

    plan: Plan
    link: drafting.Link | None = None
    tree_from: int | None = None


def read_file(path: Path) -> ImportResult:
    """The plans in one file, with what the user should check (raises PlanbookError for a file it cannot read)."""
    from ..importers import import_with_warnings

    return import_with_warnings(path)


def warn_duplicates(lib: Library, results: Iterable[ImportResult]) -> None:
    """Add to each result's warnings the plans the library holds already (a file imported twice)."""
    for result in results:
        result.warnings += [w for plan in result.plans if (w := copy_warning(lib, plan))]


def import_into(lib: Library, result: ImportResult) -> list[int]:
    """Warn about duplicates, then store a file's plans in one transaction (a file that fails leaves nothing)."""
    warn_duplicates(lib, [result])
    with lib.transaction():
        return [lib.add_plan(plan) for plan in result.plans]


def copy_plan(lib: Library, plan_id: int, linked: bool = False) -> Derived:
    """Plan `plan_id` as a new plan: every id cleared. `linked` keeps a "copy" link to it (New Plan From…)."""
    plan = lib.load_plan(plan_id)
    link = drafting.Link(plan_id, plan.title, "copy") if linked else None
    plan.id = None
    for node in plan.walk():
        node.id = None
    return Derived(plan, link)


def next_year(lib: Library, plan_id: int) -> Derived:
    """Next year's draft of plan `plan_id`, linked back to it (raises PlanbookError when it names no year)."""
    draft, link = drafting.next_year_header(lib, plan_id)
    return Derived(draft, link, tree_from=plan_id)


def drafts_of(lib: Library, plan_id: int) -> list[tuple[int, str]]:
    """(id, title) of next year's drafts already made from plan `plan_id`: drafting again is asked or warned."""
    return drafting.drafts_of(lib, plan_id)


def store(lib: Library, derived: Derived) -> int:
    """Add a derived plan and its link in one transaction; the new plan's id."""
    with lib.transaction():
        new_id = lib.add_plan(derived.plan)
        if derived.tree_from is not None:
            lib.copy_tree(derived.tree_from, new_id)
        if derived.link is not None:
            drafting.set_link(lib, new_id, derived.link)
    return new_id
