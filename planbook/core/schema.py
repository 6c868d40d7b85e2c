"""The library's schema and its forward migrations, versioned by `PRAGMA user_version`.

Each migration takes the library from version N-1 to N inside the opening transaction. Never edit a released
migration: add the next one.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils

# 'PLNB': marks a SQLite file as a Planbook library, so another program's database is never migrated.
APPLICATION_ID = 0x504C4E42


def _v1(db: sqlite_utils.Database) -> None:
    db["plans"].create(
        {
            "id": int,
            "title": str,
            "kind": str,
            "year": int,
            "issuers": str,  # JSON list
            "preamble": str,
            "closing": str,
            "numbering": str,
            "status": str,
            "created_at": str,
            "modified_at": str,
        },
        pk="id",
        not_null={"title", "kind", "issuers", "preamble", "closing", "numbering", "status"},
        defaults={
            "kind": "工作要点",
            "issuers": "[]",
            "preamble": "",
            "closing": "",
            "numbering": "continuous",
            "status": "draft",
        },
    )
    db["notices"].create(
        {
            "plan_id": int,
            "masthead": str,
            "doc_number": str,
            "title": str,
            "recipients": str,
            "body": str,
            "signers": str,  # JSON list
            "signed_on": str,  # YYYY-MM-DD
            "annotation": str,
            "cc": str,
            "printed_by": str,
            "printed_on": str,
            "published_on": str,
            "index_no": str,
            "subject_words": str,
            "issued_by": str,
            "copy_no": str,
            "classification": str,
            "urgency": str,
            "category": str,
            "attachments": str,
        },
        pk="plan_id",
        foreign_keys=[("plan_id", "plans", "id")],
    )
    db["nodes"].create(
        {
            "id": int,
            "plan_id": int,
            "parent_id": int,  # NULL at the plan's top level
            "position": int,  # 0-based among siblings, contiguous
            "kind": str,
            "title": str,
            "body": str,
        },
        pk="id",
        not_null={"plan_id", "position", "kind", "title", "body"},
        defaults={"title": "", "body": ""},
        foreign_keys=[("plan_id", "plans", "id"), ("parent_id", "nodes", "id")],
    )
    db["fields"].create(
        {"id": int, "node_id": int, "position": int, "label": str, "value": str},
        pk="id",
        not_null={"node_id", "position", "label", "value"},
        foreign_keys=[("node_id", "nodes", "id")],
    )
    db["nodes"].create_index(["plan_id", "parent_id", "position"])
    db["nodes"].create_index(["parent_id"])
    db["fields"].create_index(["node_id", "position"])
    db["plans"].create_index(["year"])


def _v2_plan_links(db: sqlite_utils.Database) -> None:
    """Where a plan came from (e.g. the previous year's plan it was drafted from).

    A table of its own rather than a column, so a library opened read-only at version 1 still loads plans.
    The source is not a foreign key: the source plan may be deleted later and the draft must survive it.
    """
    db.execute(
        """CREATE TABLE plan_links (
               plan_id INTEGER PRIMARY KEY REFERENCES plans(id) ON DELETE CASCADE,
               source_id INTEGER NOT NULL,
               source_title TEXT NOT NULL DEFAULT '',
               relation TEXT NOT NULL DEFAULT 'next-year')"""
    )


def _v3_progress(db: sqlite_utils.Database) -> None:
    """Task progress: a status and dated notes per node, in tables of their own keyed by node id.

    Separate tables (not columns on nodes) so a library opened read-only at an older version still loads; a
    node with neither status nor notes has no rows. Both go with their node (ON DELETE CASCADE).
    """
    db.execute(
        """CREATE TABLE node_progress (
               node_id INTEGER PRIMARY KEY REFERENCES nodes(id) ON DELETE CASCADE,
               status TEXT NOT NULL DEFAULT 'not_started')"""
    )
    db.execute(
        """CREATE TABLE progress_notes (
               id INTEGER PRIMARY KEY,
               node_id INTEGER NOT NULL REFERENCES nodes(id) ON DELETE CASCADE,
               position INTEGER NOT NULL,
               date TEXT NOT NULL,
               text TEXT NOT NULL DEFAULT '')"""
    )
    db.execute("CREATE INDEX progress_notes_node ON progress_notes (node_id, position)")


MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [_v1, _v2_plan_links, _v3_progress]
SCHEMA_VERSION = len(MIGRATIONS)
