"""Plan ▸ Normalize Punctuation and `planbook tidy`: the print's punctuation rule (core.punctuation) stored in a
plan's texts, as one undoable edit."""

from __future__ import annotations

from .editing import Batch, EditNode, SetFields, UpdatePlan
from .model import Field, Plan
from .punctuation import cjk_punctuation

# Notice parts that are prose; the document number keeps its own brackets, dates are not text.
_NOTICE_TEXT = ("masthead", "title", "recipients", "body", "annotation", "cc", "printed_by", "attachments",
                "subject_words", "category")


def punctuation_edit(plan: Plan) -> Batch:
    """One undoable edit that stores the rule in every text of a stored plan (empty when nothing changes)."""
    edits: list = []
    for node in plan.walk():
        title, body = cjk_punctuation(node.title), cjk_punctuation(node.body)
        if title != node.title or body != node.body:
            edits.append(EditNode(node.id, title=title, body=body))
        fields = tuple(Field(cjk_punctuation(f.label), cjk_punctuation(f.value)) for f in node.fields)
        if fields != tuple(node.fields):
            edits.append(SetFields(node.id, fields))
    changes: dict[str, object] = {}
    for key in ("title", "preamble", "closing"):
        if (fixed := cjk_punctuation(getattr(plan, key))) != getattr(plan, key):
            changes[key] = fixed
    if (issuers := [cjk_punctuation(i) for i in plan.issuers]) != plan.issuers:
        changes["issuers"] = issuers
    for key in _NOTICE_TEXT:
        value = getattr(plan.notice, key)
        if (fixed := cjk_punctuation(value)) != value:
            changes[f"notice.{key}"] = fixed
    if (signers := [cjk_punctuation(s) for s in plan.notice.signers]) != plan.notice.signers:
        changes["notice.signers"] = signers
    if changes:
        edits.append(UpdatePlan(plan.id, tuple(changes.items())))
    return Batch(tuple(edits))
