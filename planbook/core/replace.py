"""Find and replace across a plan's texts (titles, bodies, field values, preamble, closing, the notice), with every
hit shown in context first, and the whole replacement as one undoable edit; or find across every plan (read only).

`find` reads a loaded plan; `find_library` asks SQLite for the rows that hold the text, so a preview over a
thousand plans loads none of them whole; `replace_edit` turns the hits the clerk saw into one Batch.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from .editing import Batch
from .library import Library
from .model import Plan
from .numbering import number_tree
from .texts import NOTICE_TEXTS, Spot, plan_texts, rewrite, splice, text_at

CONTEXT = 16  # characters shown either side of a hit


@dataclass(frozen=True)
class Hit:
    plan_id: int | None
    plan_title: str
    spot: Spot
    place: str  # the node's printed number and title, or the plan part's key ("preamble", "notice.body" …)
    start: int
    end: int
    before: str  # up to CONTEXT characters before the hit in its text
    match: str
    after: str

    def to_dict(self) -> dict:
        return {"plan_id": self.plan_id, "plan": self.plan_title, "node_id": self.spot.node_id,
                "part": self.spot.part, "place": self.place, "start": self.start, "end": self.end,
                "context": f"{self.before}[{self.match}]{self.after}"}


def _hits_in(text: str, old: str, make) -> list[Hit]:
    hits, start = [], text.find(old)
    while start >= 0 and old:
        end = start + len(old)
        hits.append(make(start, end, text[max(0, start - CONTEXT):start], text[end:end + CONTEXT]))
        start = text.find(old, end)
    return hits


def find(plan: Plan, old: str) -> list[Hit]:
    """Every occurrence of `old` in the plan's texts, in document order (non-overlapping, left to right)."""
    if not old:
        return []
    numbers = number_tree(plan.nodes, plan.numbering)
    hits: list[Hit] = []
    for spot, text, node in plan_texts(plan):
        if old not in text:
            continue
        place = f"{numbers.get(id(node), '')}{node.title.strip()}" if node is not None else spot.part
        hits += _hits_in(text, old, lambda s, e, b, a, spot=spot, place=place: Hit(
            plan.id, plan.title, spot, place, s, e, b, old, a))
    return hits


def replace_edit(plan: Plan, hits: list[Hit], new: str) -> Batch:
    """One edit replacing exactly `hits` (as `find` gave them for this plan) by `new`; a hit whose text has changed
    since is left alone."""
    spans: dict[Spot, list[tuple[int, int, str]]] = {}
    for h in hits:
        current = text_at(plan, h.spot)
        if h.plan_id == plan.id and current is not None and current[h.start:h.end] == h.match:
            spans.setdefault(h.spot, []).append((h.start, h.end, new))
    return rewrite(plan, {spot: splice(text_at(plan, spot) or "", s) for spot, s in spans.items()})


def find_library(lib: Library, old: str, limit: int | None = None) -> list[Hit]:
    """Every occurrence of `old` in every plan of the library, newest plans first; read straight from the rows
    that contain it. Node places are the node's title (numbers would need each plan's tree)."""
    if not old:
        return []
    titles = dict(lib.db.execute("SELECT id, title FROM plans"))
    order = {pid: i for i, (pid,) in enumerate(lib.db.execute(
        "SELECT id FROM plans ORDER BY coalesce(year, 0) DESC, id DESC"))}
    hits: list[Hit] = []

    def add(pid: int, spot: Spot, place: str, text: str) -> None:
        hits.extend(_hits_in(text, old, lambda s, e, b, a: Hit(pid, titles.get(pid, ""), spot, place, s, e, b,
                                                                old, a)))

    for pid, title, issuers, preamble, closing in lib.db.execute(
            "SELECT id, title, issuers, preamble, closing FROM plans WHERE instr(title, ?) OR instr(issuers, ?) "
            "OR instr(preamble, ?) OR instr(closing, ?)", [old] * 4):
        for part, text in (("title", title), ("issuers", "\n".join(json.loads(issuers or "[]"))),
                           ("preamble", preamble), ("closing", closing)):
            add(pid, Spot(None, part), part, text or "")
    columns = ", ".join(NOTICE_TEXTS)
    where = " OR ".join(f"instr({c}, ?)" for c in NOTICE_TEXTS)
    for row in lib.db.execute(f"SELECT plan_id, {columns} FROM notices WHERE {where}", [old] * len(NOTICE_TEXTS)):
        for part, text in zip(NOTICE_TEXTS, row[1:]):
            if part == "signers":
                text = "\n".join(json.loads(text or "[]"))
            add(row[0], Spot(None, f"notice.{part}"), f"notice.{part}", text or "")
    for nid, pid, title, body in lib.db.execute(
            "SELECT id, plan_id, title, body FROM nodes WHERE instr(title, ?) OR instr(body, ?)", [old, old]):
        add(pid, Spot(nid, "title"), title, title)
        add(pid, Spot(nid, "body"), title, body)
    for nid, pid, ntitle, position, value in lib.db.execute(
            "SELECT f.node_id, n.plan_id, n.title, "
            "(SELECT count(*) FROM fields g WHERE g.node_id = f.node_id AND (g.position < f.position "
            "OR g.position = f.position AND g.id < f.id)), f.value "
            "FROM fields f JOIN nodes n ON n.id = f.node_id WHERE instr(f.value, ?)", [old]):
        add(pid, Spot(nid, f"field:{position}"), ntitle, value)
    hits.sort(key=lambda h: (order.get(h.plan_id, 0), h.spot.node_id is not None, h.spot.node_id or 0, h.spot.part,
                             h.start))
    return hits[:limit] if limit is not None else hits
