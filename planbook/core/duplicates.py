"""A plan the library already holds: a file imported twice, or the same web page copied again.

Found by the same 发文字号 (an office issues each number once) or by the same title and year. Importing still
adds the plan (a clerk may want a second copy to rework); the importer's warnings say which plan it repeats.
"""

from __future__ import annotations

from . import docnumbers
from .library import Library
from .messages import QT_TRANSLATE_NOOP, Message
from .model import Plan


def copies_of(lib: Library, plan: Plan) -> list[tuple[int, str]]:
    """(id, title) of the plans in the library that are this plan by number, or by title and year."""
    same = dict(docnumbers.holders(lib, plan.notice.doc_number))
    if plan.title.strip():
        same.update(lib.plans_titled(plan.title, plan.year))
    return sorted(same.items())


def copy_warning(lib: Library, plan: Plan) -> Message | None:
    """The warning for an import of a plan the library already holds, or None."""
    same = copies_of(lib, plan)
    if not same:
        return None
    plan_id, title = same[0]
    return Message(
        QT_TRANSLATE_NOOP(
            "Messages", "the library already holds this plan as “{title}” (plan {id}); importing it adds a second copy"
        ),
        title=title,
        id=plan_id,
    )
