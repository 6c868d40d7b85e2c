"""Find and replace across a plan's texts (titles, bodies, field values, preamble, closing, the notice), with every
hit shown in context first, and the whole replacement as one undoable edit; or find across every plan (read only).

`find` reads a loaded plan; `find_library` asks SQLite for the rows that hold the text, so a preview over a
thousand plans loads none of them whole; `replace_edit` turns the hits the clerk saw into one Batch.
"""

from __future__ import annotations

import json
import sqlite3
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
        return {
            "plan_id": self.plan_id,
            "plan": self.plan_title,
            "node_id": self.spot.node_id,
            "part": self.spot.part,
            "place": self.place,
            "start": self.start,
            "end": self.end,
            "context": f"{self.before}[{self.match}]{self.after}",
        }


def _hits_in(text: str, old: str, make) -> list[Hit]:
    hits, start = [], text.find(old)
    while start >= 0 and old:
        end = start + len(old)
        hits.append(make(start, end, text[max(0, start - CONTEXT) : start], text[end : end + CONTEXT]))
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
        hits += _hits_in(
            text, old, lambda s, e, b, a, spot=spot, place=place: Hit(plan.id, plan.title, spot, place, s, e, b, old, a)
        )
    return hits


def replace_edit(plan: Plan, hits: list[Hit], new: str) -> Batch:
    """One edit replacing exactly `hits` (as `find` gave them for this plan) by `new`; a hit whose text has changed
    since is left alone."""
    spans: dict[Spot, list[tuple[int, int, str]]] = {}
    for h in hits:
        current = text_at(plan, h.spot)
        if h.plan_id == plan.id and current is not None and current[h.start : h.end] == h.match:
            spans.setdefault(h.spot, []).append((h.start, h.end, new))
    return rewrite(plan, {spot: splice(text_at(plan, spot) or "", s) for spot, s in spans.items()})


LIBRARY_LIMIT = 1000  # hits listed from all plans; the rest are counted (a preview of more helps nobody)


@dataclass(frozen=True)
class LibraryHits:
    hits: list[Hit]  # the first `limit`, newest plans first
    total: int  # every occurrence in the library
    plans: int  # how many plans hold one


def find_library(lib: Library, old: str, limit: int = LIBRARY_LIMIT) -> LibraryHits:
    """Every occurrence of `old` in every plan of the library (read only), newest plans first; read straight from
    the rows that contain it, so no plan is loaded. Node places are the node's title (numbers would need each
    plan's tree)."""
    if not old:
        return LibraryHits([], 0, 0)
    order = {pid: i for i, pid in enumerate(lib.plans_newest_first())}
    texts = _plan_texts(lib, old, order) + _node_texts(lib, old, order)
    texts.sort(key=lambda t: (t[0], _PART_ORDER.get(t[2], 1), t[1], t[2]))  # plan, then document order
    titles = lib.plan_titles()
    hits: list[Hit] = []
    for _, nid, part, pid, place, text in texts:
        if len(hits) >= limit:
            break
        spot = Spot(nid or None, part)
        hits += _hits_in(
            text,
            old,
            lambda s, e, b, a, pid=pid, spot=spot, place=place: Hit(
                pid, titles.get(pid, ""), spot, place, s, e, b, old, a
            ),
        )
    total = sum(t[5].count(old) for t in texts)
    return LibraryHits(hits[:limit], total, len({t[3] for t in texts}))


# One text that holds the word: (plan's place in `order`, node id or 0, part, plan id, place, text).
_Text = tuple[int, int, str, int, str, str]


def _plan_texts(lib: Library, old: str, order: dict[int, int]) -> list[_Text]:
    """The plans' own texts and their notices' that hold `old`."""
    texts: list[_Text] = []
    for pid, title, issuers, preamble, closing in lib.plans_containing(old):
        for part, text in (
            ("title", title),
            ("issuers", "\n".join(issuers)),
            ("preamble", preamble),
            ("closing", closing),
        ):
            texts.append((order.get(pid, 0), 0, part, pid, part, text))
    for row in lib.notices_containing(old, NOTICE_TEXTS):
        for part, text in zip(NOTICE_TEXTS, row[1:]):
            if part == "signers":
                text = "\n".join(json.loads(text or "[]"))
            texts.append((order.get(row[0], 0), 0, f"notice.{part}", row[0], f"notice.{part}", text or ""))
    return [t for t in texts if old in t[5]]


def _node_texts(lib: Library, old: str, order: dict[int, int]) -> list[_Text]:
    """The titles, bodies and field values that hold `old`, read from the rows the search index names, or from a
    scan of every row without an index (or for a word too common to be worth looking up)."""
    nodes = _indexed_nodes(lib, old)
    node_rows, field_rows = lib.nodes_containing(old) if nodes is None else lib.nodes_by_id(nodes)
    texts: list[_Text] = []
    for nid, pid, title, body in node_rows:
        if old in title:
            texts.append((order.get(pid, 0), nid, "title", pid, title, title))
        if old in body:
            texts.append((order.get(pid, 0), nid, "body", pid, title, body))
    texts += [
        (order.get(pid, 0), nid, f"field:{position}", pid, title, value)
        for nid, position, value, pid, title in field_rows
        if old in value
    ]
    return texts


# Where a plan's own texts stand among its nodes' (1), as `texts.plan_texts` reads them.
_PART_ORDER = {
    "title": 0.1,
    "issuers": 0.2,
    "preamble": 0.3,
    "closing": 2.0,
    **{f"notice.{name}": 3 + i / 100 for i, name in enumerate(NOTICE_TEXTS)},
}

INDEX_LIMIT = 3000  # above this many candidate nodes, reading them one by one costs more than scanning all


def _indexed_nodes(lib: Library, old: str) -> list[int] | None:
    """The nodes whose title, body or fields may hold `old`, from the search index (core.search: it matches
    exactly what a substring scan of the normalised text finds, so it never misses one); None when there is no
    index or the word is so common that a scan is quicker."""
    from . import search

    term = search.norm(old)
    if not term.strip() or not search.has_index(lib):
        return None
    try:
        if search.documents_with(lib, term) > INDEX_LIMIT:
            return None
        docs = search.matching(lib, search.Query(terms=[term]))
    except (search.SearchError, sqlite3.Error):
        return None
    return [node for _, node in docs if node is not None]
