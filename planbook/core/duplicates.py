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
    title = " ".join(plan.title.split())
    number = docnumbers.parse(plan.notice.doc_number)
    rows = lib.db.execute(
        """SELECT p.id, p.title, p.year, coalesce(n.doc_number, '') FROM plans p
           LEFT JOIN notices n ON n.plan_id = p.id
           WHERE p.title = :title OR (:code <> '' AND n.doc_number LIKE '%' || :code || '%')
           ORDER BY p.id""",
        {"title": plan.title, "code": number.code if number else ""},
    ).fetchall()
    same = []
    for plan_id, other_title, year, doc_number in rows:
        by_number = number is not None and docnumbers.parse(doc_number) == number
        by_title = title and " ".join(other_title.split()) == title and year == plan.year
        if by_number or by_title:
            same.append((plan_id, other_title))
    return same


def copy_warning(lib: Library, plan: Plan) -> Message | None:
    """The warning for an import of a plan the library already holds, or None."""
    same = copies_of(lib, plan)
    if not same:
        return None
    plan_id, title = same[0]
    return Message(QT_TRANSLATE_NOOP("Messages", "the library already holds this plan as “{title}” (plan {id}); "
                                                 "importing it adds a second copy"), title=title, id=plan_id)
