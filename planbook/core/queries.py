"""The library's named reads and writes beyond whole plans and nodes: links between plans, the review's rename log
and ignored findings, 发文字号, the rows a find-and-replace reads.

Part of the storage layer (with `library`, `schema`, `search` and `backup`): no module outside it holds SQL
(tests/test_layers.py checks). `Library` inherits these, so a feature calls `lib.plan_link(…)`; the feature
module turns the plain rows into its own values and decides where a transaction begins and ends.
Tables added by a migration may be missing from a read-only library of an older schema: reads of them answer
empty there, as if nothing had been stored.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator

import sqlite_utils

# A plan's link to its source: (source id, source title, relation).
LinkRow = tuple[int, str, str]
# A node that may hold a text: (id, plan id, title, body); a field: (node id, position, value, plan id, node title).
NodeRow = tuple[int, int, str, str]
FieldRow = tuple[int, int, str, int, str]

_CHUNK = 900  # ids per IN (…) list, below SQLite's default limit of 999 parameters


class Queries:
    """Mixed into `Library`: every method reads or writes through its `db`."""

    db: sqlite_utils.Database

    # ---- plan links (schema v2) -----------------------------------------------------------------------

    def plan_link(self, plan_id: int) -> LinkRow | None:
        """The plan's source as (source id, source title, relation), or None."""
        try:
            row = self.db.execute(
                "SELECT source_id, source_title, relation FROM plan_links WHERE plan_id = ?", [plan_id]
            ).fetchone()
        except sqlite3.OperationalError:  # a read-only library from before links existed
            return None
        return tuple(row) if row else None

    def linked_from(self, source_id: int, relation: str) -> list[tuple[int, str]]:
        """(id, title) of the plans still in the library linked to `source_id` by `relation`, oldest first."""
        try:
            rows = self.db.execute(
                """SELECT p.id, p.title FROM plan_links l JOIN plans p ON p.id = l.plan_id
                   WHERE l.source_id = ? AND l.relation = ? ORDER BY p.id""",
                [source_id, relation],
            ).fetchall()
        except sqlite3.OperationalError:  # a read-only library from before links existed
            return []
        return [(pid, title) for pid, title in rows]

    def set_plan_link(self, plan_id: int, link: LinkRow | None) -> None:
        """Replace the plan's link (None removes it). Call inside a transaction."""
        self.db.execute("DELETE FROM plan_links WHERE plan_id = ?", [plan_id])
        if link is not None:
            self.db.execute(
                "INSERT INTO plan_links (plan_id, source_id, source_title, relation) VALUES (?, ?, ?, ?)",
                [plan_id, *link],
            )

    # ---- plans by title, number and status ------------------------------------------------------------

    def plan_title(self, plan_id: int) -> str | None:
        """The plan's title, or None when there is no such plan (no need to load it)."""
        row = self.db.execute("SELECT title FROM plans WHERE id = ?", [plan_id]).fetchone()
        return row[0] if row else None

    def plan_titles(self) -> dict[int, str]:
        return dict(self.db.execute("SELECT id, title FROM plans").fetchall())

    def plans_newest_first(self) -> list[int]:
        """Every plan id, the latest year first (plans without a year last), then the latest added."""
        return [pid for (pid,) in self.db.execute("SELECT id FROM plans ORDER BY coalesce(year, 0) DESC, id DESC")]

    def plans_titled(self, title: str, year: int | None) -> list[tuple[int, str]]:
        """(id, title) of the plans with exactly this title and year (None matches plans without a year)."""
        return self.db.execute("SELECT id, title FROM plans WHERE title = ? AND year IS ?", (title, year)).fetchall()

    def doc_numbers(self, like: str = "") -> list[tuple[int, str, list[str], str]]:
        """(plan id, title, issuers, 发文字号 as written) of the plans whose number contains `like`, by id."""
        rows = self.db.execute(
            """SELECT p.id, p.title, p.issuers, n.doc_number FROM plans p JOIN notices n ON n.plan_id = p.id
               WHERE n.doc_number <> '' AND instr(n.doc_number, ?) > 0 ORDER BY p.id""",
            (like,),
        )
        return [(pid, title, json.loads(issuers), text) for pid, title, issuers, text in rows]

    def issuers_and_number(self, plan_id: int) -> tuple[list[str], str] | None:
        """The plan's issuers and its 发文字号 ('' without one), or None when there is no such plan."""
        row = self.db.execute(
            """SELECT p.issuers, coalesce(n.doc_number, '') FROM plans p
                                 LEFT JOIN notices n ON n.plan_id = p.id WHERE p.id = ?""",
            (plan_id,),
        ).fetchone()
        return (json.loads(row[0]), row[1]) if row else None

    def task_statuses(self, plan_id: int) -> list[tuple[str, str]]:
        """(title, status) of the plan's tasks that have been started (read-only libraries before v3: none)."""
        try:
            return self.db.execute(
                "SELECT n.title, p.status FROM nodes n JOIN node_progress p ON p.node_id = n.id "
                "WHERE n.plan_id = ? AND n.kind = 'task' AND p.status != 'not_started'",
                [plan_id],
            ).fetchall()
        except sqlite3.OperationalError:  # a read-only library from before progress existed
            return []

    def all_fields(self) -> Iterator[tuple[str, str]]:
        """(label, value) of every field of every node, streamed (a library may hold hundreds of thousands)."""
        yield from self.db.execute("SELECT label, value FROM fields")

    # ---- the review's rename log and ignored findings (schema v5) ---------------------------------------

    def unit_renames(self) -> list[tuple[str, str]]:
        """(old, new) of every unit rename recorded, oldest first."""
        try:
            return self.db.execute("SELECT old, new FROM unit_renames ORDER BY id").fetchall()
        except sqlite3.OperationalError:  # a read-only library from before v5
            return []

    def add_unit_rename(self, old: str, new: str, when: str) -> None:
        self.db.execute("INSERT INTO unit_renames (old, new, renamed_at) VALUES (?, ?, ?)", [old, new, when])

    def ignored_keys(self, plan_id: int) -> set[str]:
        try:
            rows = self.db.execute("SELECT key FROM review_ignored WHERE plan_id = ?", [plan_id]).fetchall()
        except sqlite3.OperationalError:  # a read-only library from before v5
            return set()
        return {r[0] for r in rows}

    def add_ignored_keys(self, plan_id: int, keys: Iterable[str]) -> None:
        self.db.conn.executemany(
            "INSERT OR IGNORE INTO review_ignored (plan_id, key) VALUES (?, ?)", [(plan_id, k) for k in keys]
        )

    def clear_ignored_keys(self, plan_id: int) -> int:
        """Forget the plan's ignored findings; returns how many there were."""
        return self.db.execute("DELETE FROM review_ignored WHERE plan_id = ?", [plan_id]).rowcount

    # ---- rows holding a text (find and replace across the library) --------------------------------------

    def plans_containing(self, text: str) -> list[tuple[int, str, list[str], str, str]]:
        """(id, title, issuers, preamble, closing) of the plans where one of those holds `text`."""
        rows = self.db.execute(
            "SELECT id, title, issuers, preamble, closing FROM plans WHERE instr(title, ?) OR instr(issuers, ?) "
            "OR instr(preamble, ?) OR instr(closing, ?)",
            [text] * 4,
        )
        return [
            (pid, title, json.loads(issuers or "[]"), preamble or "", closing or "")
            for pid, title, issuers, preamble, closing in rows
        ]

    def notices_containing(self, text: str, columns: tuple[str, ...]) -> list[tuple]:
        """(plan id, value of each of `columns`) of the notices where one of those columns holds `text`.
        `columns` are the program's own column names, never user input."""
        where = " OR ".join(f"instr({c}, ?)" for c in columns)
        return self.db.execute(
            f"SELECT plan_id, {', '.join(columns)} FROM notices WHERE {where}", [text] * len(columns)
        ).fetchall()

    def nodes_containing(self, text: str) -> tuple[list[NodeRow], list[FieldRow]]:
        """The nodes whose title or body holds `text`, and the fields whose value holds it: a scan of every row."""
        nodes = self.db.execute(
            "SELECT id, plan_id, title, body FROM nodes WHERE instr(title, ?) OR instr(body, ?)", [text, text]
        ).fetchall()
        fields = self.db.execute(f"{_FIELDS} WHERE instr(f.value, ?)", [text]).fetchall()
        return nodes, fields

    def nodes_by_id(self, ids: list[int]) -> tuple[list[NodeRow], list[FieldRow]]:
        """The same two lists as `nodes_containing` for the nodes `ids` and all their fields."""
        nodes: list[NodeRow] = []
        fields: list[FieldRow] = []
        for chunk in (ids[i : i + _CHUNK] for i in range(0, len(ids), _CHUNK)):
            marks = ",".join("?" * len(chunk))
            nodes += self.db.execute(f"SELECT id, plan_id, title, body FROM nodes WHERE id IN ({marks})", chunk)
            fields += self.db.execute(f"{_FIELDS} WHERE f.node_id IN ({marks})", chunk)
        return nodes, fields

    # ---- the file itself --------------------------------------------------------------------------------

    def data_version(self) -> int:
        """SQLite's counter of commits by other connections (PRAGMA data_version): it changes when another
        program or window has written to the library since the last look."""
        return self.db.execute("PRAGMA data_version").fetchone()[0]


# Fields are written at positions 0, 1, 2 … (editing.SetFields, Library.insert_subtree): the position is the index.
_FIELDS = "SELECT f.node_id, f.position, f.value, n.plan_id, n.title FROM fields f JOIN nodes n ON n.id = f.node_id"
