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
    db.table("plans").create(
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
    db.table("notices").create(
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
    db.table("nodes").create(
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
    db.table("fields").create(
        {"id": int, "node_id": int, "position": int, "label": str, "value": str},
        pk="id",
        not_null={"node_id", "position", "label", "value"},
        foreign_keys=[("node_id", "nodes", "id")],
    )
    db.table("nodes").create_index(["plan_id", "parent_id", "position"])
    db.table("nodes").create_index(["parent_id"])
    db.table("fields").create_index(["node_id", "position"])
    db.table("plans").create_index(["year"])


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


# v3: the full-text search index (see core/search.py for the design and the invariant these objects keep).
# Labels that make a field a "unit" field (filter unit:...): 牵头单位, 责任单位, 配合科室, 责任处室 ...
_UNIT_LABEL = "(label LIKE '%单位%' OR label LIKE '%科室%' OR label LIKE '%处室%')"
_V3_SQL = f"""
CREATE VIRTUAL TABLE search_fts USING fts5(
    title, body, units, fields, content='', tokenize='unicode61 remove_diacritics 0', prefix='1');
INSERT INTO search_fts(search_fts, rank) VALUES ('rank', 'bm25(10.0, 1.0, 4.0, 2.0)');
CREATE VIRTUAL TABLE search_head USING fts5(
    title, units, fields, content='', tokenize='unicode61 remove_diacritics 0', prefix='1');
INSERT INTO search_head(search_head, rank) VALUES ('rank', 'bm25(10.0, 4.0, 2.0)');
CREATE TABLE search_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO search_meta SELECT 'tokenizer', CASE WHEN EXISTS (SELECT 1 FROM plans) THEN 'unbuilt' ELSE '1' END;
CREATE TABLE search_queue (
    doc INTEGER PRIMARY KEY, key INTEGER, title TEXT, body TEXT, units TEXT, fields TEXT);

CREATE VIEW search_node_src AS
SELECT n.id AS doc, n.plan_id AS plan_id,
       max(0, min(coalesce(p.year, 0), 9999)) * 10000000000 + n.id AS key,
       n.title AS title, n.body AS body,
       coalesce((SELECT group_concat(value, char(10)) FROM (
           SELECT value FROM fields WHERE node_id = n.id AND {_UNIT_LABEL} ORDER BY position, id)), '') AS units,
       coalesce((SELECT group_concat(value, char(10)) FROM (
           SELECT value FROM fields WHERE node_id = n.id AND NOT {_UNIT_LABEL} ORDER BY position, id)), '')
           AS fields
FROM nodes n JOIN plans p ON p.id = n.plan_id;

CREATE VIEW search_plan_src AS
SELECT -p.id AS doc, p.id AS plan_id,
       max(0, min(coalesce(p.year, 0), 9999)) * 10000000000 + 9000000000 + p.id AS key,
       p.title AS title,
       p.preamble || char(10) || p.closing || char(10) || coalesce(t.title, '') || char(10)
           || coalesce(t.body, '') AS body,
       '' AS units,
       CASE WHEN json_valid(p.issuers)
            THEN coalesce((SELECT group_concat(value, char(10)) FROM json_each(p.issuers)), '')
            ELSE p.issuers END
           || char(10) || p.kind || char(10) || coalesce(t.masthead, '') || char(10)
           || coalesce(t.doc_number, '') || char(10) || coalesce(t.recipients, '') AS fields
FROM plans p LEFT JOIN notices t ON t.plan_id = p.id;
"""
# Snapshot a document's indexed text into the queue before its first change (the first snapshot is the one
# that matches the index). NOT EXISTS rather than OR IGNORE: an outer statement's conflict clause (an upsert's,
# say) would override a trigger's.
_SNAP_NODE = (
    "INSERT INTO search_queue SELECT doc, key, title, body, units, fields FROM search_node_src s "
    "WHERE doc = {} AND NOT EXISTS (SELECT 1 FROM search_queue q WHERE q.doc = s.doc);"
)
_SNAP_PLAN = (
    "INSERT INTO search_queue SELECT doc, key, title, body, units, fields FROM search_plan_src s "
    "WHERE plan_id = {} AND NOT EXISTS (SELECT 1 FROM search_queue q WHERE q.doc = s.doc);"
)
_SNAP_PLAN_NODES = (
    "INSERT INTO search_queue SELECT doc, key, title, body, units, fields FROM search_node_src s "
    "WHERE plan_id = {} AND NOT EXISTS (SELECT 1 FROM search_queue q WHERE q.doc = s.doc);"
)
_QUEUE_NEW = "INSERT INTO search_queue(doc) SELECT {0} WHERE NOT EXISTS (SELECT 1 FROM search_queue WHERE doc = {0});"
_V3_TRIGGERS = {
    "nodes_ai": f"AFTER INSERT ON nodes BEGIN {_QUEUE_NEW.format('new.id')} END",
    "nodes_bu": "BEFORE UPDATE ON nodes WHEN old.title IS NOT new.title OR old.body IS NOT new.body "
    f"OR old.plan_id IS NOT new.plan_id BEGIN {_SNAP_NODE.format('old.id')} END",
    "nodes_bd": f"BEFORE DELETE ON nodes BEGIN {_SNAP_NODE.format('old.id')} END",
    "fields_bi": f"BEFORE INSERT ON fields BEGIN {_SNAP_NODE.format('new.node_id')} END",
    "fields_bu": f"BEFORE UPDATE ON fields BEGIN {_SNAP_NODE.format('old.node_id')} "
    f"{_SNAP_NODE.format('new.node_id')} END",
    "fields_bd": f"BEFORE DELETE ON fields BEGIN {_SNAP_NODE.format('old.node_id')} END",
    "plans_ai": f"AFTER INSERT ON plans BEGIN {_QUEUE_NEW.format('-new.id')} END",
    "plans_bu": "BEFORE UPDATE ON plans WHEN old.title IS NOT new.title OR old.kind IS NOT new.kind "
    "OR old.year IS NOT new.year OR old.issuers IS NOT new.issuers "
    "OR old.preamble IS NOT new.preamble OR old.closing IS NOT new.closing "
    f"BEGIN {_SNAP_PLAN.format('old.id')} END",
    "plans_year_bu": "BEFORE UPDATE ON plans WHEN old.year IS NOT new.year "
    f"BEGIN {_SNAP_PLAN_NODES.format('old.id')} END",
    "plans_bd": f"BEFORE DELETE ON plans BEGIN {_SNAP_PLAN.format('old.id')} {_SNAP_PLAN_NODES.format('old.id')} END",
    "notices_bi": f"BEFORE INSERT ON notices BEGIN {_SNAP_PLAN.format('new.plan_id')} END",
    "notices_bu": f"BEFORE UPDATE ON notices BEGIN {_SNAP_PLAN.format('old.plan_id')} END",
    "notices_bd": f"BEFORE DELETE ON notices BEGIN {_SNAP_PLAN.format('old.plan_id')} END",
}


def _v3_search(db: sqlite_utils.Database) -> None:
    """The search index: contentless FTS5 tables over character bigrams, filled from Python: search_fts over
    whole documents, search_head over their titles and fields only (so "title and field hits first" reads a small
    index).

    The triggers are plain SQL (no application function), so any writer keeps the library consistent: they
    only queue the changed documents with the text that is indexed for them, and Planbook's next commit
    (core/search.flush) re-indexes the queue. A library that already has plans is marked unbuilt: its first
    search builds the index (opening stays fast).
    """
    _run_script(db, _V3_SQL)
    # Covering index for deriving search hits' numbers from plan skeletons without reading node rows.
    db.execute("CREATE INDEX search_nodes_skeleton ON nodes(plan_id, parent_id, position, kind)")
    for name, body in _V3_TRIGGERS.items():
        db.execute(f"CREATE TRIGGER search_{name} {body}")


def _split_sql(script: str) -> list[str]:
    return [s.strip() for s in script.split(";\n") if s.strip()]


def _run_script(db: sqlite_utils.Database, script: str) -> None:
    """Each statement of a migration's script in turn (inside the opening transaction, unlike executescript)."""
    for statement in _split_sql(script):
        db.execute(statement)


def _v4_progress(db: sqlite_utils.Database) -> None:
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
    _v4_search_progress(db)


# Progress is searchable: a node document's body also carries its status (when set) and its notes. Nodes
# without progress index exactly the text they did before, so the existing index stays valid.
_V4_NODE_SRC = """
CREATE VIEW search_node_src AS
SELECT b.doc, b.plan_id, b.key, b.title,
       b.body
           || coalesce(char(10) || (SELECT CASE status WHEN 'in_progress' THEN '推进中' WHEN 'done' THEN '已完成'
                                               WHEN 'behind' THEN '滞后' END
                                    FROM node_progress WHERE node_id = b.doc), '')
           || coalesce(char(10) || (SELECT group_concat(text, char(10)) FROM (
                  SELECT text FROM progress_notes WHERE node_id = b.doc ORDER BY position)), '') AS body,
       b.units, b.fields
FROM search_node_base b"""


def _v4_search_progress(db: sqlite_utils.Database) -> None:
    row = db.execute("SELECT sql FROM sqlite_master WHERE type = 'view' AND name = 'search_node_src'").fetchone()
    if row is None:  # no search index in this library
        return
    db.execute("DROP VIEW search_node_src")
    db.execute(row[0].replace("search_node_src", "search_node_base", 1))
    db.execute(_V4_NODE_SRC)
    for table in ("node_progress", "progress_notes"):
        db.execute(
            f"CREATE TRIGGER search_{table}_bi BEFORE INSERT ON {table} BEGIN {_SNAP_NODE.format('new.node_id')} END"
        )
        db.execute(
            f"CREATE TRIGGER search_{table}_bu BEFORE UPDATE ON {table} "
            f"BEGIN {_SNAP_NODE.format('old.node_id')} {_SNAP_NODE.format('new.node_id')} END"
        )
        db.execute(
            f"CREATE TRIGGER search_{table}_bd BEFORE DELETE ON {table} BEGIN {_SNAP_NODE.format('old.node_id')} END"
        )


def _v5_review(db: sqlite_utils.Database) -> None:
    """The draft review's memory (core/review.py): findings the clerk ignored, per plan, and the units renamed
    in the library, so next year's drafts are reviewed for the old names. Tables of their own, as for v2 and v4."""
    db.execute(
        """CREATE TABLE review_ignored (
               plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
               key TEXT NOT NULL,
               PRIMARY KEY (plan_id, key))"""
    )
    db.execute(
        """CREATE TABLE unit_renames (
               id INTEGER PRIMARY KEY,
               old TEXT NOT NULL,
               new TEXT NOT NULL,
               renamed_at TEXT NOT NULL DEFAULT '')"""
    )


def _v6_notice_issue(db: sqlite_utils.Database) -> None:
    """How a notice is issued: sealed or not, whether its masthead is Planbook's proposal, and the electronic seals
    (PNG, one per signer). Tables of their own, like v2 and v4, so a library opened read-only at an older version
    still loads its notices (with the defaults); both go with their plan. `doc_format` is 'file' (文件格式) or
    'letter' (信函格式, 10.1).
    """
    db.execute(
        """CREATE TABLE notice_issue (
               plan_id INTEGER PRIMARY KEY REFERENCES plans(id) ON DELETE CASCADE,
               doc_format TEXT NOT NULL DEFAULT 'file',
               sealing TEXT NOT NULL DEFAULT 'sealed',
               masthead_proposed INTEGER NOT NULL DEFAULT 0)"""
    )
    db.execute(
        """CREATE TABLE notice_seals (
               plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
               position INTEGER NOT NULL,
               image BLOB NOT NULL,
               PRIMARY KEY (plan_id, position))"""
    )


# v7: the search index made again, for the cost of writing it (issue 22): the `ascii` tokenizer (every character
# above U+007F is a token character, so only ASCII punctuation needs encoding, and none is looked up in Unicode
# tables) and no `prefix='1'` index (it held every bigram a second time under its first character; 1-character
# queries now merge the bigrams that start with it). Same documents, same answers; about half the size and
# write time. The old tables' contents cannot be converted (another tokenizer), so the index is marked unbuilt
# and the first search builds it, as for v3.
_V7_SQL = """
DROP TABLE search_fts;
DROP TABLE search_head;
CREATE VIRTUAL TABLE search_fts USING fts5(title, body, units, fields, content='', tokenize='ascii');
INSERT INTO search_fts(search_fts, rank) VALUES ('rank', 'bm25(10.0, 1.0, 4.0, 2.0)');
CREATE VIRTUAL TABLE search_head USING fts5(title, units, fields, content='', tokenize='ascii');
INSERT INTO search_head(search_head, rank) VALUES ('rank', 'bm25(10.0, 4.0, 2.0)');
DELETE FROM search_queue;
UPDATE search_meta SET value = CASE WHEN EXISTS (SELECT 1 FROM plans) THEN 'unbuilt' ELSE '2' END
    WHERE key = 'tokenizer';
"""


def _v7_search_ascii(db: sqlite_utils.Database) -> None:
    _run_script(db, _V7_SQL)


# v8: the prefix index back on both tables (v7 as merged had none). Without it a 1-character query is a prefix
# query that merges every bigram starting with its character in memory before the first hit: 育 took 3.0 s and
# 校 2.0 s at 10,000 plans, against 1-50 ms with the index. (Listing those bigrams through fts5vocab to OR them
# costs as much in SQLite 3.40: it counts each one's documents.) Marked unbuilt again: one rebuild, as for v7.
_V8_SQL = """
DROP TABLE search_fts;
DROP TABLE search_head;
CREATE VIRTUAL TABLE search_fts USING fts5(
    title, body, units, fields, content='', tokenize='ascii', prefix='1');
INSERT INTO search_fts(search_fts, rank) VALUES ('rank', 'bm25(10.0, 1.0, 4.0, 2.0)');
CREATE VIRTUAL TABLE search_head USING fts5(title, units, fields, content='', tokenize='ascii', prefix='1');
INSERT INTO search_head(search_head, rank) VALUES ('rank', 'bm25(10.0, 4.0, 2.0)');
DELETE FROM search_queue;
UPDATE search_meta SET value = CASE WHEN EXISTS (SELECT 1 FROM plans) THEN 'unbuilt' ELSE '2' END
    WHERE key = 'tokenizer';
"""


def _v8_search_prefix(db: sqlite_utils.Database) -> None:
    _run_script(db, _V8_SQL)


# v9: the prefix index goes again (issue 22: it doubled the index and its write time), and a 1-character query is
# answered from a vocabulary of our own instead: `search_vocab` holds every distinct bigram ever indexed (written
# with the index, only new ones; never pruned, since a bigram no document holds any more matches nothing), so the
# query is the OR of the bigrams starting with its character, listed by a range read of this small table (fts5vocab
# would count each one's documents). Marked unbuilt again: one rebuild, as for v7 and v8.
_V9_SQL = """
DROP TABLE search_fts;
DROP TABLE search_head;
CREATE VIRTUAL TABLE search_fts USING fts5(title, body, units, fields, content='', tokenize='ascii');
INSERT INTO search_fts(search_fts, rank) VALUES ('rank', 'bm25(10.0, 1.0, 4.0, 2.0)');
CREATE VIRTUAL TABLE search_head USING fts5(title, units, fields, content='', tokenize='ascii');
INSERT INTO search_head(search_head, rank) VALUES ('rank', 'bm25(10.0, 4.0, 2.0)');
CREATE TABLE search_vocab (bigram TEXT PRIMARY KEY) WITHOUT ROWID;
DELETE FROM search_queue;
UPDATE search_meta SET value = CASE WHEN EXISTS (SELECT 1 FROM plans) THEN 'unbuilt' ELSE '2' END
    WHERE key = 'tokenizer';
"""


def _v9_search_vocab(db: sqlite_utils.Database) -> None:
    _run_script(db, _V9_SQL)


# v10: `search_head` goes (issue 22: the library stays within ~3× its text). It indexed the titles and fields a
# second time (0.44× the text at 1,000 plans) so that "title and field hits first" read a small index; that tier is
# now a column filter on search_fts, walked over at most the newest few thousand hits (see search.py). search_fts
# itself does not change, so nothing is rebuilt; the dropped table's pages stay free in the file until
# `planbook reindex --compact`, and later writes reuse them.
def _v10_search_no_head(db: sqlite_utils.Database) -> None:
    _run_script(db, "DROP TABLE search_head;")


# v11: a field inserted for a node already queued (a new node: its whole plan being added, drafted or imported)
# has nothing to snapshot, and the trigger now says so in its WHEN clause instead of evaluating the node's
# search text for every field row: a 3,000-task draft's add went from 85 to 67 ms (issue 22). No rebuild.
_V11_SQL = f"""
DROP TRIGGER search_fields_bi;
CREATE TRIGGER search_fields_bi BEFORE INSERT ON fields
    WHEN NOT EXISTS (SELECT 1 FROM search_queue WHERE doc = new.node_id)
    BEGIN {_SNAP_NODE.format("new.node_id")} END;
"""


def _v11_field_trigger(db: sqlite_utils.Database) -> None:
    _run_script(db, _V11_SQL)


# v12: commits never merge the search index's segments (core/search.py, "Merging"): the sixteenth small segment
# after a rebuild made one keystroke rewrite the whole index (0.4 s of CPU at 1,000 plans, seconds at 10,000).
# Settings only: nothing is rebuilt.
_V12_SQL = """
INSERT INTO search_fts(search_fts, rank) VALUES ('automerge', 0);
INSERT INTO search_fts(search_fts, rank) VALUES ('crisismerge', 64);
INSERT INTO search_fts(search_fts, rank) VALUES ('usermerge', 16);
"""


def _v12_search_merging(db: sqlite_utils.Database) -> None:
    _run_script(db, _V12_SQL)


MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    _v1,
    _v2_plan_links,
    _v3_search,
    _v4_progress,
    _v5_review,
    _v6_notice_issue,
    _v7_search_ascii,
    _v8_search_prefix,
    _v9_search_vocab,
    _v10_search_no_head,
    _v11_field_trigger,
    _v12_search_merging,
]
SCHEMA_VERSION = len(MIGRATIONS)


# ---- verifying a file's schema: a library holds exactly the objects the migrations make ---------------------
# A crafted file with Planbook's application_id could carry a trigger or view of its own (one that deletes
# every other plan on each insert, say). Every table, index, trigger and view of a library must therefore be
# one the migrations up to its user_version create, with the same SQL. The SQL is compared with quotes,
# case and spacing evened out, so a table written by another sqlite-utils release ("id" or [id]) still matches.
# The FTS5 shadow tables are SQLite's own, compared by name; sqlite_* objects are SQLite's internals.


def _normal_sql(sql: str | None) -> str:
    if sql is None:
        return ""
    return " ".join(sql.translate(str.maketrans("", "", "\"'`[]")).lower().split())


def _objects(conn) -> dict[tuple[str, str], str]:
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    virtual = {
        name
        for kind, name, _, sql in rows
        if kind == "table" and (sql or "").upper().startswith("CREATE VIRTUAL TABLE")
    }
    shadow = {f"{v}_{part}" for v in virtual for part in ("data", "idx", "content", "docsize", "config")}
    found = {}
    for kind, name, table, sql in rows:
        if name.startswith("sqlite_"):
            continue
        found[(kind, name)] = "" if name in shadow else f"{table}:{_normal_sql(sql)}"
    return found


_EXPECTED: dict[int, dict[tuple[str, str], str]] = {}


def expected_objects(version: int) -> dict[tuple[str, str], str]:
    """What the migrations up to `version` make, built once in memory."""
    if version not in _EXPECTED:
        import sqlite3

        conn = sqlite3.connect(":memory:")
        try:
            db = sqlite_utils.Database(conn, execute_plugins=False)  # no plugin scan (see Library.open)
            for migration in MIGRATIONS[:version]:
                migration(db)
            _EXPECTED[version] = _objects(conn)
        finally:
            conn.close()
    return _EXPECTED[version]


def schema_difference(conn, version: int) -> str | None:
    """The first object by which the open database differs from a Planbook library of `version`, or None."""
    found, expected = _objects(conn), expected_objects(version)
    for key in sorted(found.keys() | expected.keys()):
        if found.get(key) != expected.get(key):
            kind, name = key
            what = "unexpected" if key not in expected else "missing" if key not in found else "altered"
            return f"{what} {kind} {name}"
    return None
