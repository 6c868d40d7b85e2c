"""Every text of a plan, each at a `Spot`, and the one undoable edit that rewrites some of them.

The review (core.review) and find-and-replace (core.replace) both read a plan as a list of texts (titles, bodies,
field values, preamble, closing, the notice's parts) and change spans inside them. A `Spot` names one text so a
finding or a hit can say where it is, and `rewrite` turns new texts back into the editing operations the undo
stack already knows (EditNode, SetFields, UpdatePlan), all in one Batch.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from .editing import Batch, Edit, EditNode, SetFields, UpdatePlan
from .model import Field, Node, Plan, stored_id

# Notice parts that are words (dates are not text; the document number is searched but rarely replaced).
NOTICE_TEXTS = (
    "masthead",
    "doc_number",
    "title",
    "recipients",
    "body",
    "signers",
    "annotation",
    "cc",
    "printed_by",
    "attachments",
)
# Lists stored as one text, one entry a line, so a replacement can reach them too.
_LISTS = {"issuers", "notice.signers"}


class Spot(NamedTuple):  # a tuple: made and hashed thousands of times per review
    """One text of a plan: a node's "title", "body" or "field:N" (the Nth field's value); or, with node_id None,
    the plan's "title", "preamble", "closing", "issuers" or a notice part "notice.body" …"""

    node_id: int | None
    part: str

    def key(self) -> str:
        return f"{'' if self.node_id is None else self.node_id}/{self.part}"


def plan_texts(plan: Plan) -> Iterator[tuple[Spot, str, Node | None]]:
    """Every non-empty text in document order: the plan's title and preamble, the tree, the closing, the notice."""
    yield from _plan_parts(plan, ("title", "issuers", "preamble"))
    for node in plan.walk():
        for part, text in (("title", node.title), ("body", node.body)):
            if text:
                yield Spot(node.id, part), text, node
        for i, f in enumerate(node.fields):
            yield Spot(node.id, f"field:{i}"), f.value, node
    yield from _plan_parts(plan, ("closing", *(f"notice.{name}" for name in NOTICE_TEXTS)))


def _plan_parts(plan: Plan, parts: tuple[str, ...]) -> Iterator[tuple[Spot, str, None]]:
    for part in parts:
        text = plan_part(plan, part)
        if text:
            yield Spot(None, part), text, None


def plan_part(plan: Plan, part: str) -> str:
    holder, name = (plan.notice, part.removeprefix("notice.")) if part.startswith("notice.") else (plan, part)
    value = getattr(holder, name)
    return "\n".join(value) if part in _LISTS else value


def text_at(plan: Plan, spot: Spot, nodes: dict[int, Node] | None = None) -> str | None:
    """The text at `spot` now, or None when it is gone (a deleted node, a removed field)."""
    if spot.node_id is None:
        return plan_part(plan, spot.part)
    node = (nodes if nodes is not None else nodes_by_id(plan)).get(spot.node_id)
    if node is None:
        return None
    if spot.part.startswith("field:"):
        i = int(spot.part.removeprefix("field:"))
        return node.fields[i].value if i < len(node.fields) else None
    return getattr(node, spot.part)


def nodes_by_id(plan: Plan) -> dict[int, Node]:
    return {n.id: n for n in plan.walk() if n.id is not None}


def splice(text: str, spans: list[tuple[int, int, str]]) -> str:
    """`text` with each (start, end, new) span replaced; spans must not overlap."""
    out, last = [], 0
    for start, end, new in sorted(spans):
        out += [text[last:start], new]
        last = end
    return "".join(out) + text[last:]


def rewrite(plan: Plan, new_texts: dict[Spot, str]) -> Batch:
    """One edit giving each spot its new text (spots whose text is unchanged are left out)."""
    nodes = nodes_by_id(plan)
    node_edits: dict[int, dict[str, str]] = {}
    field_edits: dict[int, list[Field]] = {}
    plan_changes: dict[str, object] = {}
    for spot, text in new_texts.items():
        if text == text_at(plan, spot, nodes):
            continue
        if spot.node_id is None:
            plan_changes[spot.part] = text.split("\n") if spot.part in _LISTS else text
        elif spot.part.startswith("field:"):
            fields = field_edits.setdefault(spot.node_id, [Field(f.label, f.value) for f in nodes[spot.node_id].fields])
            fields[int(spot.part.removeprefix("field:"))].value = text
        else:
            node_edits.setdefault(spot.node_id, {})[spot.part] = text
    edits: list[Edit] = [
        EditNode(nid, title=parts.get("title"), body=parts.get("body")) for nid, parts in node_edits.items()
    ]
    edits += [SetFields(nid, tuple(fields)) for nid, fields in field_edits.items()]
    if plan_changes:
        edits.append(UpdatePlan(stored_id(plan), tuple(plan_changes.items())))
    return Batch(tuple(edits))
