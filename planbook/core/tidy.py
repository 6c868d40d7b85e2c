"""Plan ▸ Normalize Punctuation and `planbook tidy`: the print's punctuation rule (core.punctuation) stored in a
plan's texts, as one undoable edit."""

from __future__ import annotations

from .editing import Batch, EditNode, SetFields, UpdatePlan
from .model import PLAN_FIELDS, Field, Plan, stored_id
from .punctuation import cjk_punctuation

# The prose fields (`model.PLAN_FIELDS`): the document number keeps its own brackets, dates are not text.
_PROSE = tuple(f for f in PLAN_FIELDS.values() if f.prose)


def punctuation_edit(plan: Plan) -> Batch:
    """One undoable edit that stores the rule in every text of a stored plan (empty when nothing changes)."""
    edits: list = []
    for node in plan.walk():
        title, body = cjk_punctuation(node.title), cjk_punctuation(node.body)
        if title != node.title or body != node.body:
            edits.append(EditNode(stored_id(node), title=title, body=body))
        fields = tuple(Field(cjk_punctuation(f.label), cjk_punctuation(f.value)) for f in node.fields)
        if fields != tuple(node.fields):
            edits.append(SetFields(stored_id(node), fields))
    changes: dict[str, object] = {}
    for spec in _PROSE:
        value = getattr(plan.notice if spec.in_notice else plan, spec.name)
        fixed = [cjk_punctuation(v) for v in value] if isinstance(value, list) else cjk_punctuation(value)
        if fixed != value:
            changes[spec.key] = fixed
    if changes:
        edits.append(UpdatePlan(stored_id(plan), tuple(changes.items())))
    return Batch(tuple(edits))
