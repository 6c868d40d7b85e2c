"""The plan library: one SQLite file holding many plans.

Opening is careful: a file that is not SQLite, another program's database, a library written by a newer
Planbook, or a read-only file is refused (or opened read-only) with a one-line message before a single byte of
it is written. Every change runs in one transaction (`Library.transaction`).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import sqlite_utils

from .errors import LibraryError, NotFound, ReadOnlyLibrary
from .messages import QT_TRANSLATE_NOOP, Message
from .model import (
    DATE_FIELDS,
    ISSUE_FIELDS,
    NOTICE_FIELDS,
    DocFormat,
    Field,
    Node,
    NodeKind,
    Notice,
    Numbering,
    Plan,
    PlanSummary,
    Progress,
    ProgressNote,
    Sealing,
    Status,
)
from .queries import Queries
from .schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION, schema_difference

if TYPE_CHECKING:  # imported when the window asks for it (sync_in_background): the command line never does
    from .walsync import WalSync

LIBRARY_ENV = "PLANBOOK_LIBRARY"
PLAN_COLUMNS = ("title", "kind", "year", "issuers", "preamble", "closing", "numbering", "status")
NODE_COLUMNS = ("parent_id", "position", "kind", "title", "body")


def default_library_path() -> Path:
    """`PLANBOOK_LIBRARY`, or planbook.db in the user's data folder."""
    if env := os.environ.get(LIBRARY_ENV):
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("planbook", appauthor=False)) / "planbook.db"


def now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


# From this size an upgrade (which drops the search index to rebuild it) takes long enough to be said out loud.
LARGE_LIBRARY_BYTES = 32 * 1024 * 1024


class Library(Queries):
    """An open library file. Use `Library.open`; close it (or use it as a context manager) when done."""

    def __init__(self, path: Path, db: sqlite_utils.Database, readonly: bool):
        self.path = path
        self.db = db
        self.readonly = readonly
        self._depth = 0
        self._queued_before: frozenset[int] = frozenset()
        self._index_later = False
        self._wal_sync: WalSync | None = None  # the window's: commits made durable on a thread (sync_in_background)

    # ---- opening -------------------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: str | os.PathLike | None = None,
        *,
        create: bool = True,
        before_upgrade: Callable[[Path], None] | None = None,
    ) -> Library:
        """Open (or create) a library, bringing an older one up to this version's schema first.

        `before_upgrade(path)` is called just before an existing library is upgraded: on a large library that
        takes a while (the search index is dropped and later rebuilt), so the window and the command line say
        so instead of seeming to hang."""
        path = Path(path).expanduser() if path is not None else default_library_path()
        try:
            exists, is_dir = path.exists(), path.is_dir()
        except OSError as e:  # a name too long, a folder that cannot be searched
            raise LibraryError(
                QT_TRANSLATE_NOOP("Messages", "cannot open the library {path}: {reason}"),
                path=_shown(path),
                reason=e.strerror or e,
            ) from None
        if is_dir:
            raise LibraryError(QT_TRANSLATE_NOOP("Messages", "{path} is a folder, not a library file"), path=path)
        if exists:
            readonly = not _writable(path)
        elif not create:
            raise LibraryError(QT_TRANSLATE_NOOP("Messages", "no library at {path}"), path=path)
        else:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise LibraryError(
                    QT_TRANSLATE_NOOP("Messages", "cannot create the library folder {folder}: {reason}"),
                    folder=path.parent,
                    reason=e.strerror,
                ) from e
            readonly = False
        if path.exists() and path.stat().st_size:
            _check_identity(path, readonly)
        conn = _connect(path, readonly)
        # No sqlite-utils plugins: finding them scans every installed package's metadata (some 0.1 s at each
        # start), and a plugin would run its own code on the library's connection.
        lib = cls(path, sqlite_utils.Database(conn, execute_plugins=False), readonly)
        if not readonly:
            lib.migrate(before_upgrade)
        return lib

    @staticmethod
    def check_file(path: Path, shown: Path | None = None) -> None:
        """Raise LibraryError unless `path` is a Planbook library this version can read; writes nothing.

        `shown` is the name messages give (a restore checks its snapshot of the file the user named).
        """
        path = Path(path)
        shown = Path(shown) if shown is not None else path
        if not path.is_file():
            raise LibraryError(QT_TRANSLATE_NOOP("Messages", "no library at {path}"), path=shown)
        _check_identity(path, readonly=True, shown=shown)
        conn = sqlite3.connect(_read_only_uri(path, immutable=_immutable(path, True)), uri=True)
        try:
            conn.execute("PRAGMA trusted_schema = OFF")
            result = conn.execute("PRAGMA quick_check").fetchone()[0]
        except sqlite3.DatabaseError as e:
            result = str(e)
        finally:
            conn.close()
        if result != "ok":
            raise LibraryError(
                QT_TRANSLATE_NOOP("Messages", "{name} is damaged ({result})"), name=shown.name, result=result
            )

    def migrate(self, before_upgrade: Callable[[Path], None] | None = None) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version == SCHEMA_VERSION:
            return
        if version and before_upgrade is not None:
            before_upgrade(self.path)
        with self.transaction():
            for migration in MIGRATIONS[version:]:
                migration(self.db)
            self.db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        self._search_index = None  # whether the file has a search index was asked (and kept) before it had one

    @property
    def changes_made(self) -> int:
        """Rows this connection has changed since it opened (SQLite's total_changes): a cheap sign of new writes."""
        return self.db.conn.total_changes

    def sync_in_background(self) -> None:
        """Commit without waiting for the disk; a thread of its own makes each commit safe from a power cut a moment
        later (core/walsync.py). What the window does, so that no keystroke waits for an fsync; a crash of the
        program still loses nothing that was committed."""
        if self.readonly or self._wal_sync is not None:
            return
        from .walsync import WalSync

        self.db.execute("PRAGMA synchronous = NORMAL")
        self._wal_sync = WalSync(self.path)

    def close(self) -> None:
        if self._wal_sync is not None:
            self._wal_sync.close()
            self._wal_sync = None
        self.db.conn.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One atomic change. Nested uses join the outermost transaction."""
        if self.readonly:
            raise ReadOnlyLibrary(
                QT_TRANSLATE_NOOP("Messages", "the library {path} is read-only; changes cannot be saved"),
                path=self.path,
            )
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self.db.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            from .search import queued

            self._queued_before = queued(self)  # what already waits to be indexed: left for the next search
            yield
            self._before_commit()
        except BaseException:
            # SQLite has already rolled back after some errors (a full disk); a second ROLLBACK would hide them.
            if self.db.conn.in_transaction:
                self.db.execute("ROLLBACK")
            raise
        else:
            self.db.execute("COMMIT")
            if self._wal_sync is not None:
                self._wal_sync.committed()
        finally:
            self._depth = 0

    def _before_commit(self) -> None:
        # The search index follows every change inside the same transaction (see core/search.py), unless asked to
        # index later: the changed documents then stay in its queue (the triggers put them there).
        if self._index_later:
            return
        from .search import flush

        flush(self, self._queued_before)

    @contextmanager
    def index_later(self, later: bool = True) -> Iterator[None]:
        """Commits made inside leave the documents they changed in the search index's queue instead of indexing
        them before COMMIT: what the window does for typing (a keystroke's FTS5 writes cost 0.7 ms median, 4-7 ms
        when segments merge). The window indexes the queue in the clerk's next pause, and a search meanwhile scans
        the queued documents, so results stay exact; every change is committed all the same."""
        before, self._index_later = self._index_later, later
        try:
            yield
        finally:
            self._index_later = before

    # ---- plans ---------------------------------------------------------------------------------------

    def list_plans(self, ids: list[int] | None = None, counts: bool = True) -> list[PlanSummary]:
        """Every plan's summary, or only those of `ids` (one plan's row in the window, as its title is typed).
        Without `counts` each `node_count` is -1 (`count_nodes` gives it for one plan): counting every plan's
        nodes doubled the time at 10,000 plans, and the window's list shows the count only in a tooltip."""
        where = f"WHERE p.id IN ({', '.join('?' * len(ids))})" if ids is not None else ""
        count = "(SELECT count(*) FROM nodes WHERE nodes.plan_id = p.id)" if counts else "-1"
        rows = self.db.execute(
            f"""SELECT p.id, p.title, p.kind, p.year, p.issuers, p.status, p.modified_at,
                       coalesce(n.doc_number, ''), {count}
                FROM plans p LEFT JOIN notices n ON n.plan_id = p.id {where}
                ORDER BY p.year DESC, p.title, p.id""",
            list(ids or []),
        ).fetchall()
        issuers: dict[str, list[str]] = {}  # many plans share their issuers: each JSON text is parsed once
        return [
            PlanSummary(
                id=r[0],
                title=r[1],
                kind=r[2],
                year=r[3],
                issuers=list(issuers[r[4]] if r[4] in issuers else issuers.setdefault(r[4], json.loads(r[4]))),
                status=Status(r[5]),
                modified_at=r[6] or "",
                doc_number=r[7],
                node_count=r[8],
            )
            for r in rows
        ]

    def count_nodes(self, plan_id: int) -> int:
        return self.db.execute("SELECT count(*) FROM nodes WHERE plan_id = ?", [plan_id]).fetchone()[0]

    def compact(self) -> tuple[int, int]:
        """Give the file's free pages back to the disk (VACUUM): what a library converted to a smaller search
        index, or one with many plans deleted, keeps until then. Rewrites the whole file (minutes at 10,000
        plans) and needs it to itself. Returns the file's size in bytes before and after."""
        page = self.db.execute("PRAGMA page_size").fetchone()[0]
        before = page * self.db.execute("PRAGMA page_count").fetchone()[0]
        self.db.execute("VACUUM")
        return before, page * self.db.execute("PRAGMA page_count").fetchone()[0]

    def plan_count(self) -> int:
        return self.db.execute("SELECT count(*) FROM plans").fetchone()[0]

    def plan_ids(self) -> list[int]:
        return [r[0] for r in self.db.execute("SELECT id FROM plans ORDER BY id")]

    def load_plan(self, plan_id: int) -> Plan:
        plan = self.load_plan_header(plan_id)
        plan.nodes = self._load_tree(plan_id)
        return plan

    def _load_notice(self, plan_id: int) -> Notice:
        cur = self.db.execute(f"SELECT {', '.join(NOTICE_FIELDS)} FROM notices WHERE plan_id = ?", [plan_id])
        row = cur.fetchone()
        if row is None:
            return Notice()
        values = {k: (v if v is not None else "") for k, v in zip(NOTICE_FIELDS, row)}
        values["signers"] = json.loads(values["signers"] or "[]")
        for name in DATE_FIELDS:
            values[name] = dt.date.fromisoformat(values[name]) if values[name] else None
        return Notice(**values, **self._load_issue(plan_id))

    def _load_issue(self, plan_id: int) -> dict:
        """The notice's format, sealing, proposed masthead and seals (schema v5); the defaults before it."""
        try:
            row = self.db.execute(
                "SELECT sealing, masthead_proposed, doc_format FROM notice_issue WHERE plan_id = ?", [plan_id]
            ).fetchone()
            seals = [
                bytes(r[0])
                for r in self.db.execute(
                    "SELECT image FROM notice_seals WHERE plan_id = ? ORDER BY position", [plan_id]
                )
            ]
        except sqlite3.OperationalError:  # a read-only library from before v5
            return {}
        values: dict = {"seals": seals}
        if row is not None:
            values.update(sealing=Sealing(row[0]), masthead_proposed=bool(row[1]), doc_format=DocFormat(row[2]))
        return values

    def _store_issue(self, plan_id: int, notice: Notice, names: set[str] | None = None) -> None:
        """Write the notice's v5 parts (`names`: only these of ISSUE_FIELDS; None: all)."""
        names = set(ISSUE_FIELDS) if names is None else names
        if names - {"seals"}:
            self.db.table("notice_issue").upsert(
                {
                    "plan_id": plan_id,
                    "sealing": str(notice.sealing),
                    "doc_format": str(notice.doc_format),
                    "masthead_proposed": int(notice.masthead_proposed),
                },
                pk="plan_id",
            )
        if "seals" in names:
            self.db.execute("DELETE FROM notice_seals WHERE plan_id = ?", [plan_id])
            for position, image in enumerate(notice.seals):
                self.db.execute(
                    "INSERT INTO notice_seals (plan_id, position, image) VALUES (?, ?, ?)", [plan_id, position, image]
                )

    def _load_tree(self, plan_id: int) -> list[Node]:
        nodes: dict[int, Node] = {}
        children: dict[int | None, list[tuple[int, Node]]] = {}
        for nid, parent, position, kind, title, body in self.db.execute(
            "SELECT id, parent_id, position, kind, title, body FROM nodes WHERE plan_id = ?", [plan_id]
        ):
            node = Node(kind=_KINDS.get(kind) or NodeKind(kind), title=title, body=body, id=nid)
            nodes[nid] = node
            children.setdefault(parent, []).append((position, node))
        for node_id, label, value in self.db.execute(
            """SELECT f.node_id, f.label, f.value FROM fields f JOIN nodes n ON n.id = f.node_id
               WHERE n.plan_id = ? ORDER BY f.node_id, f.position""",
            [plan_id],
        ):
            nodes[node_id].fields.append(Field(label, value))
        self._load_progress(nodes, "JOIN nodes n ON n.id = x.node_id WHERE n.plan_id = ?", [plan_id])
        for parent, kids in children.items():
            kids.sort(key=lambda pair: pair[0])
            if parent is not None:
                nodes[parent].children = [n for _, n in kids]
        return [n for _, n in children.get(None, [])]

    def add_plan(self, plan: Plan, *, keep_ids: bool = False) -> int:
        """Store a whole plan (metadata, notice, tree) as a new plan; returns its id.

        With `keep_ids` the plan and node ids it carries are reused (undoing a plan's deletion), so edits
        remembered by an undo stack still name the right rows.
        """
        with self.transaction():
            stamp = now()
            row = {**_plan_row(plan), "created_at": stamp, "modified_at": stamp}
            if keep_ids and plan.id is not None:
                row["id"] = plan.id
            plan_id = int(self.db.table("plans").insert(row).last_pk or 0)  # an INTEGER PRIMARY KEY, never None
            self.db.table("notices").insert({"plan_id": plan_id, **_notice_row(plan.notice)})
            self._store_issue(plan_id, plan.notice)
            for position, node in enumerate(plan.nodes):
                self.insert_subtree(plan_id, None, position, node, keep_ids=keep_ids)
        return plan_id

    def update_plan(self, plan_id: int, changes: dict) -> dict:
        """Set plan attributes (title, year, …) and notice attributes ("notice.doc_number", …).

        Returns the old values of exactly what it changed, in the same shape, for undo. Every keystroke in a
        title comes here: only the columns being set are read, and the writes are plain statements (no table
        introspection, no savepoint).
        """
        plan_keys, names = _split_changes(changes)
        plan = self._plan_columns(plan_id, plan_keys)
        notice = self._load_notice(plan_id) if names else Notice()
        old = {key: getattr(plan, key) for key in plan_keys} | {f"notice.{n}": getattr(notice, n) for n in names}
        for key in plan_keys:
            setattr(plan, key, changes[key])
        for name in names:
            setattr(notice, name, changes[f"notice.{name}"])
        plan_row = {key: value for key, value in _plan_row(plan).items() if key in plan_keys}
        notice_row = {name: value for name, value in _notice_row(notice).items() if name in names}
        issue = {name for name in names if name in ISSUE_FIELDS}
        with self.transaction():
            if notice_row:
                self._upsert_notice(plan_id, notice_row)
            if issue:
                self._store_issue(plan_id, notice, issue)
            sets = ", ".join(f"{column} = ?" for column in [*plan_row, "modified_at"])
            self.db.execute(f"UPDATE plans SET {sets} WHERE id = ?", [*plan_row.values(), now(), plan_id])
        return old

    def _upsert_notice(self, plan_id: int, row: dict) -> None:
        """Set some of a plan's notice columns (names from NOTICE_FIELDS), making its row if it has none."""
        columns = ", ".join(row)
        updates = ", ".join(f"{name} = excluded.{name}" for name in row)
        self.db.execute(
            f"INSERT INTO notices (plan_id, {columns}) VALUES (?{', ?' * len(row)}) "
            f"ON CONFLICT(plan_id) DO UPDATE SET {updates}",
            [plan_id, *row.values()],
        )

    def _plan_columns(self, plan_id: int, columns: list[str]) -> Plan:
        """A plan with only `columns` (of PLAN_COLUMNS) read from the library; NotFound if there is none."""
        if not 0 < plan_id < 2**63:  # beyond SQLite's integers: no such plan (not an overflow)
            raise NotFound(QT_TRANSLATE_NOOP("Messages", "no plan with id {id}"), id=plan_id)
        row = self.db.execute(f"SELECT {', '.join(['id', *columns])} FROM plans WHERE id = ?", [plan_id]).fetchone()
        if row is None:
            raise NotFound(QT_TRANSLATE_NOOP("Messages", "no plan with id {id}"), id=plan_id)
        plan = Plan(title="", id=plan_id)
        for column, value in zip(columns, row[1:]):
            setattr(plan, column, _plan_value(column, value))
        return plan

    def load_plan_header(self, plan_id: int) -> Plan:
        """The plan's metadata and notice without its tree."""
        plan = self._plan_columns(plan_id, list(PLAN_COLUMNS))
        plan.notice = self._load_notice(plan_id)
        return plan

    def delete_plan(self, plan_id: int) -> None:
        self.load_plan_header(plan_id)
        with self.transaction():
            self.db.execute("DELETE FROM fields WHERE node_id IN (SELECT id FROM nodes WHERE plan_id = ?)", [plan_id])
            self.db.execute("DELETE FROM nodes WHERE plan_id = ?", [plan_id])
            self.db.execute("DELETE FROM notices WHERE plan_id = ?", [plan_id])
            for table in ("notice_issue", "notice_seals"):  # (ON DELETE CASCADE too; explicit like the rest)
                self.db.execute(f"DELETE FROM {table} WHERE plan_id = ?", [plan_id])
            self.db.execute("DELETE FROM plans WHERE id = ?", [plan_id])

    def touch(self, plan_id: int) -> None:
        self.db.execute("UPDATE plans SET modified_at = ? WHERE id = ?", [now(), plan_id])

    # ---- nodes ---------------------------------------------------------------------------------------

    def insert_subtree(self, plan_id: int, parent_id: int | None, position: int, node: Node, *, keep_ids: bool) -> int:
        """Insert a node and its descendants at `position` among `parent_id`'s children (no shifting).

        Ids are handed out here (above every id in use and every id kept), so the whole subtree goes in with
        one executemany per table: a 3,000-task plan is three statements, not 12,000 row-by-row inserts.
        """
        nodes: list[tuple] = []
        fields: list[tuple] = []
        progress: list[tuple[int, Node]] = []
        kept = [n.id for n in node.walk() if n.id is not None] if keep_ids else []
        (top,) = self.db.execute("SELECT coalesce(max(id), 0) FROM nodes").fetchone()
        next_id = max([top, *kept]) + 1
        stack: list[tuple[Node, int | None, int]] = [(node, parent_id, position)]
        root_id = node.id if keep_ids and node.id is not None else next_id  # the first one popped
        while stack:  # depth first, parents before their children (the parent_id foreign key)
            current, parent, pos = stack.pop()
            if keep_ids and current.id is not None:
                node_id = current.id
            else:
                node_id, next_id = next_id, next_id + 1
            nodes.append((node_id, plan_id, parent, pos, str(current.kind), current.title, current.body))
            fields += [(node_id, i, f.label, f.value) for i, f in enumerate(current.fields)]
            if current.status != Progress.NOT_STARTED or current.notes:
                progress.append((node_id, current))
            stack += [(child, node_id, i) for i, child in reversed(list(enumerate(current.children)))]
        conn = self.db.conn
        conn.executemany(
            "INSERT INTO nodes (id, plan_id, parent_id, position, kind, title, body) VALUES (?, ?, ?, ?, ?, ?, ?)",
            nodes,
        )
        conn.executemany("INSERT INTO fields (node_id, position, label, value) VALUES (?, ?, ?, ?)", fields)
        for node_id, current in progress:
            self.set_progress(node_id, current.status, current.notes)
        return root_id

    def copy_tree(self, source_plan_id: int, target_plan_id: int) -> None:
        """Copy plan `source_plan_id`'s whole tree into plan `target_plan_id` (which has none yet) under fresh
        ids: titles, bodies and fields kept; no status or notes (next year's draft).

        One INSERT … SELECT per table, ids shifted above every id in use: a 3,000-task plan never passes through
        Python objects (loading and rebuilding it cost twice the inserts). The parent_id check waits for the
        commit, since rows go in by id, not parents first.
        """
        with self.transaction():
            (top,) = self.db.execute("SELECT coalesce(max(id), 0) FROM nodes").fetchone()
            (low,) = self.db.execute("SELECT min(id) FROM nodes WHERE plan_id = ?", [source_plan_id]).fetchone()
            if low is None:
                return
            shift = top - low + 1
            self.db.execute("PRAGMA defer_foreign_keys = ON")  # back off by itself when the transaction ends
            self.db.execute(
                """INSERT INTO nodes (id, plan_id, parent_id, position, kind, title, body)
                   SELECT id + :shift, :target, parent_id + :shift, position, kind, title, body
                   FROM nodes WHERE plan_id = :source""",
                {"shift": shift, "target": target_plan_id, "source": source_plan_id},
            )
            self.db.execute(
                """INSERT INTO fields (node_id, position, label, value)
                   SELECT f.node_id + ?, f.position, f.label, f.value
                   FROM fields f JOIN nodes n ON n.id = f.node_id WHERE n.plan_id = ?""",
                [shift, source_plan_id],
            )

    def tree_depth(self, plan_id: int) -> int:
        """How many levels deep plan `plan_id`'s tree goes (0 for none), counted in the library, from its top."""
        return self.db.execute(
            """WITH RECURSIVE down(id, n) AS (
                   SELECT id, 1 FROM nodes WHERE plan_id = :plan AND parent_id IS NULL
                   UNION ALL
                   SELECT nodes.id, down.n + 1 FROM nodes JOIN down ON nodes.parent_id = down.id
                   WHERE nodes.plan_id = :plan)
               SELECT coalesce(max(n), 0) FROM down""",
            {"plan": plan_id},
        ).fetchone()[0]

    # ---- progress (schema v3) ------------------------------------------------------------------------

    def _load_progress(self, nodes: dict[int, Node], where: str, params: list) -> None:
        """Fill status and notes of `nodes` from the rows `where` selects (tables aliased x)."""
        try:
            statuses = self.db.execute(f"SELECT x.node_id, x.status FROM node_progress x {where}", params).fetchall()
            notes = self.db.execute(
                f"SELECT x.node_id, x.date, x.text FROM progress_notes x {where} ORDER BY x.node_id, x.position",
                params,
            ).fetchall()
        except sqlite3.OperationalError:  # a read-only library from before progress existed
            return
        for node_id, status in statuses:
            nodes[node_id].status = Progress(status)
        for node_id, date, text in notes:
            nodes[node_id].notes.append(ProgressNote(dt.date.fromisoformat(date), text))

    def node_progress(self, node_id: int) -> tuple[Progress, list[ProgressNote]]:
        probe = Node(kind=NodeKind.TASK, id=node_id)
        self._load_progress({node_id: probe}, "WHERE x.node_id = ?", [node_id])
        return probe.status, probe.notes

    def set_progress(self, node_id: int, status: Progress, notes: list[ProgressNote] | tuple) -> None:
        """Replace a node's status and notes (no rows at all for a node not started and without notes)."""
        self.db.execute("DELETE FROM node_progress WHERE node_id = ?", [node_id])
        self.db.execute("DELETE FROM progress_notes WHERE node_id = ?", [node_id])
        if status != Progress.NOT_STARTED:
            self.db.execute("INSERT INTO node_progress (node_id, status) VALUES (?, ?)", [node_id, str(status)])
        self.db.conn.executemany(
            "INSERT INTO progress_notes (node_id, position, date, text) VALUES (?, ?, ?, ?)",
            [(node_id, i, n.date.isoformat(), n.text) for i, n in enumerate(notes)],
        )

    def node_row(self, node_id: int) -> dict:
        if not 0 < node_id < 2**63:
            raise NotFound(QT_TRANSLATE_NOOP("Messages", "no node with id {id}"), id=node_id)
        row = self.db.execute(
            "SELECT id, plan_id, parent_id, position, kind, title, body FROM nodes WHERE id = ?", [node_id]
        ).fetchone()
        if row is None:
            raise NotFound(QT_TRANSLATE_NOOP("Messages", "no node with id {id}"), id=node_id)
        return dict(zip(("id", "plan_id", "parent_id", "position", "kind", "title", "body"), row))

    def child_ids(self, plan_id: int, parent_id: int | None) -> list[int]:
        return [
            r[0]
            for r in self.db.execute(
                "SELECT id FROM nodes WHERE plan_id = ? AND parent_id IS ? ORDER BY position",
                [plan_id, parent_id],
            )
        ]

    def load_subtree(self, node_id: int) -> Node:
        """A node with its fields and descendants, ids included (what undoing its deletion needs)."""
        row = self.node_row(node_id)
        node = Node(kind=NodeKind(row["kind"]), title=row["title"], body=row["body"], id=node_id)
        node.fields = self.node_fields(node_id)
        node.status, node.notes = self.node_progress(node_id)
        node.children = [self.load_subtree(c) for c in self.child_ids(row["plan_id"], node_id)]
        return node

    def node_fields(self, node_id: int) -> list[Field]:
        return [
            Field(label, value)
            for label, value in self.db.execute(
                "SELECT label, value FROM fields WHERE node_id = ? ORDER BY position", [node_id]
            )
        ]

    def subtree_ids(self, node_id: int) -> list[int]:
        return [
            r[0]
            for r in self.db.execute(
                """WITH RECURSIVE sub(id) AS (
                       SELECT ? UNION ALL SELECT n.id FROM nodes n JOIN sub ON n.parent_id = sub.id)
                   SELECT id FROM sub""",
                [node_id],
            )
        ]

    def shift_siblings(self, plan_id: int, parent_id: int | None, from_position: int, delta: int) -> None:
        """Move every sibling at or after `from_position` by `delta` places, keeping positions contiguous."""
        self.db.execute(
            "UPDATE nodes SET position = position + ? WHERE plan_id = ? AND parent_id IS ? AND position >= ?",
            [delta, plan_id, parent_id, from_position],
        )

    def update_node(self, node_id: int, changes: dict) -> None:
        """Set some of a node's columns (parent_id, position, kind, title, body): one plain UPDATE, as each
        keystroke in a task's text comes here."""
        for column in changes:
            if column not in NODE_COLUMNS:
                raise KeyError(column)
        sets = ", ".join(f"{column} = ?" for column in changes)
        if sets and not self.db.execute(f"UPDATE nodes SET {sets} WHERE id = ?", [*changes.values(), node_id]).rowcount:
            raise NotFound(QT_TRANSLATE_NOOP("Messages", "no node with id {id}"), id=node_id)

    def delete_nodes(self, ids: list[int]) -> None:
        """Remove these nodes and their fields (the caller passes a whole subtree and closes the gap)."""
        marks = ",".join("?" * len(ids))
        self.db.execute(f"DELETE FROM fields WHERE node_id IN ({marks})", ids)
        self.db.execute(f"DELETE FROM nodes WHERE id IN ({marks})", ids)

    def set_fields(self, node_id: int, fields: Iterable[Field]) -> None:
        """Replace a node's fields, stored at positions 0, 1, 2 …"""
        self.db.execute("DELETE FROM fields WHERE node_id = ?", [node_id])
        self.db.conn.executemany(
            "INSERT INTO fields (node_id, position, label, value) VALUES (?, ?, ?, ?)",
            [(node_id, i, f.label, f.value) for i, f in enumerate(fields)],
        )

    def depth_at(self, node_id: int | None, limit: int) -> int:
        """How many levels deep node `node_id` stands (1 at the top, 0 for None), counted up to `limit` + 1."""
        if node_id is None:
            return 0
        return self.db.execute(
            """WITH RECURSIVE up(id, n) AS (SELECT ?, 1 UNION ALL
                   SELECT nodes.parent_id, up.n + 1 FROM nodes JOIN up ON nodes.id = up.id
                   WHERE nodes.parent_id IS NOT NULL AND up.n <= ?)
               SELECT max(n) FROM up""",
            [node_id, limit],
        ).fetchone()[0]


def refuse_library_output(out: Path, library_path: Path) -> None:
    """Refuse to write an export or report over the library, its -wal/-shm/-journal, or one of its backups.

    Compared as files (the same file under another name or through a link counts), never by opening them: that
    would drop this process's locks on the open library.
    """
    out, library_path = Path(out), Path(library_path)
    own = [library_path] + [library_path.with_name(library_path.name + tail) for tail in ("-wal", "-shm", "-journal")]
    backups = library_path.parent / "backups"
    target = out.resolve()
    if any(_same_path(out, p) for p in own) or target.parent == backups.resolve() or _same_path(out.parent, backups):
        raise LibraryError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "will not write over {path}: it is the library {library} or "
                "one of its files or backups; choose another name",
            ),
            path=out,
            library=library_path.name,
        )


def _same_path(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return a.resolve() == b.resolve()


# A dict lookup per row (NodeKind(...) was a sixth of a load); an unknown kind still raises ValueError.
_KINDS = {str(kind): kind for kind in NodeKind}


def _plan_row(plan: Plan) -> dict:
    return {
        "title": plan.title,
        "kind": plan.kind,
        "year": plan.year,
        "issuers": json.dumps(plan.issuers, ensure_ascii=False),
        "preamble": plan.preamble,
        "closing": plan.closing,
        "numbering": str(Numbering(plan.numbering)),
        "status": str(Status(plan.status)),
    }


def _split_changes(changes: dict) -> tuple[list[str], list[str]]:
    """`update_plan`'s keys as (plans columns, notice attribute names); KeyError for any other key."""
    plan_keys = [k for k in changes if not k.startswith("notice.")]
    names = [k.removeprefix("notice.") for k in changes if k.startswith("notice.")]
    for key in plan_keys:
        if key not in PLAN_COLUMNS:
            raise KeyError(key)
    for name in names:
        if name not in NOTICE_FIELDS and name not in ISSUE_FIELDS:
            raise KeyError(f"notice.{name}")
    return plan_keys, names


def _plan_value(column: str, stored):
    """A plans column's stored value as the Plan attribute holds it."""
    if column == "issuers":
        return json.loads(stored)
    if column == "numbering":
        return Numbering(stored)
    if column == "status":
        return Status(stored)
    return stored


def _notice_row(notice: Notice) -> dict:
    row = {name: getattr(notice, name) for name in NOTICE_FIELDS}
    row["signers"] = json.dumps(notice.signers, ensure_ascii=False)
    for name in DATE_FIELDS:
        row[name] = row[name].isoformat() if row[name] else None
    return row


# ---- opening checks: all read-only, so a refused file is left byte-for-byte as it was -----------------
# They go through SQLite only. Opening and closing the file any other way (even to read its header) would
# drop every POSIX lock this process holds on it, and with them the safety of its other open connections.


def _shown(path: Path) -> str:
    """A path as messages give it: whole, unless absurdly long."""
    text = str(path)
    return text if len(text) <= 200 else f"{text[:100]}…{text[-60:]}"


def _writable(path: Path) -> bool:
    # WAL needs to create -wal and -shm files beside the library, so the folder must be writable too.
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _check_identity(path: Path, readonly: bool, shown: Path | None = None) -> None:
    shown = shown if shown is not None else path
    try:
        conn = sqlite3.connect(_read_only_uri(path, immutable=_immutable(path, readonly)), uri=True)
        try:
            # A crafted file's triggers and views must never run Planbook's (or SQLite's risky) functions.
            conn.execute("PRAGMA trusted_schema = OFF")
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            encoding = conn.execute("PRAGMA encoding").fetchone()[0]
            different = (
                schema_difference(conn, version)
                if app_id == APPLICATION_ID and 0 <= version <= SCHEMA_VERSION
                else None
            )
        finally:
            conn.close()
    except sqlite3.DatabaseError as e:
        if getattr(e, "sqlite_errorname", "") == "SQLITE_NOTADB":
            raise LibraryError(
                QT_TRANSLATE_NOOP("Messages", "{path} is not a Planbook library (it is not an SQLite database)"),
                path=shown,
            ) from e
        raise LibraryError(
            QT_TRANSLATE_NOOP("Messages", "cannot open the library {path}: {reason}"),
            path=shown,
            reason=explain(e, path),
        ) from e
    if app_id != APPLICATION_ID and (tables or app_id):
        raise LibraryError(
            QT_TRANSLATE_NOOP("Messages", "{path} is an SQLite database of another program, not a Planbook library"),
            path=shown,
        )
    if version > SCHEMA_VERSION:
        raise LibraryError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "{path} was written by a newer Planbook (library version "
                "{version}; this one reads up to {supported}): please update Planbook",
            ),
            path=shown,
            version=version,
            supported=SCHEMA_VERSION,
        )
    if version < 0:
        raise LibraryError(
            QT_TRANSLATE_NOOP(
                "Messages", "{path} is not a Planbook library (its version {version} is not one Planbook writes)"
            ),
            path=shown,
            version=version,
        )
    if tables and encoding != "UTF-8":
        raise LibraryError(
            QT_TRANSLATE_NOOP("Messages", "{path} stores its text as {encoding}; a Planbook library is UTF-8"),
            path=shown,
            encoding=encoding,
        )
    if different:
        raise LibraryError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "{path} is not a Planbook library as this version makes "
                "them ({difference}): it was refused and left as it was",
            ),
            path=shown,
            difference=different,
        )


def _trust_verified_schema(conn: sqlite3.Connection, path: Path) -> None:
    """Verify the schema once more on the working connection itself, with the file's SQL distrusted while it is
    read (the file may have been swapped since the opening checks). Only then is it trusted: the search index's
    own views call json_valid(), which SQLite runs from a schema only when trusted_schema is on."""
    conn.execute("PRAGMA trusted_schema = OFF")
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if 0 <= version <= SCHEMA_VERSION and (different := schema_difference(conn, version)):
        conn.close()
        raise LibraryError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "{path} is not a Planbook library as this version makes "
                "them ({difference}): it was refused and left as it was",
            ),
            path=path,
            difference=different,
        )
    conn.execute("PRAGMA trusted_schema = ON")


def _immutable(path: Path, readonly: bool) -> bool:
    # A read-only library is opened immutable (a read-only medium cannot hold the WAL index) unless it has a
    # -wal: then its committed changes live there, and reading without them would show old content.
    return readonly and not _wal_pending(path)


def _wal_pending(path: Path) -> bool:
    try:
        return path.with_name(path.name + "-wal").stat().st_size > 0
    except OSError:
        return False


# What each kind of SQLite failure means for the user. The window has its own words for each key (gui/safety.py);
# inside another message ("cannot open the library …: {reason}") they are translated as messages.
PROBLEMS = {
    "disk_full": Message(
        QT_TRANSLATE_NOOP("Messages", "the disk is full: free some space and try again (nothing was changed)")
    ),
    "disk_failed": Message(
        QT_TRANSLATE_NOOP("Messages", "the disk could not be read or written (was it removed, or is it failing?)")
    ),
    "damaged": Message(QT_TRANSLATE_NOOP("Messages", "the file is damaged (restore a backup with `planbook restore`)")),
    "busy": Message(QT_TRANSLATE_NOOP("Messages", "another program is busy with the library: try again in a moment")),
    "read_only": Message(QT_TRANSLATE_NOOP("Messages", "the library is read-only; changes cannot be saved")),
    "cannot_open": Message(
        QT_TRANSLATE_NOOP("Messages", "the file cannot be opened (check the folder exists and may be read)")
    ),
}


def problem(error: sqlite3.Error, path: Path | None = None) -> str | None:
    """The PROBLEMS key for an SQLite error, or None for one with no plainer words."""
    name = getattr(error, "sqlite_errorname", "") or ""
    if name == "SQLITE_FULL" or (name.startswith("SQLITE_IOERR") and path and _disk_full(path)):
        return "disk_full"
    for prefixes, key in (
        (("SQLITE_IOERR",), "disk_failed"),
        (("SQLITE_CORRUPT", "SQLITE_NOTADB"), "damaged"),
        (("SQLITE_BUSY", "SQLITE_LOCKED"), "busy"),
        (("SQLITE_READONLY",), "read_only"),
        (("SQLITE_CANTOPEN",), "cannot_open"),
    ):
        if name.startswith(prefixes):
            return key
    return None


def explain(error: sqlite3.Error, path: Path | None = None) -> Message | str:
    """What an SQLite error means for the user, in words, not codes."""
    key = problem(error, path)
    return PROBLEMS[key] if key else str(error)


def _disk_full(path: Path) -> bool:
    import shutil

    try:
        return shutil.disk_usage(path.parent).free < 64 * 1024
    except OSError:
        return False


def _read_only_uri(path: Path, immutable: bool) -> str:
    # immutable: a read-only medium cannot hold the WAL index, and nobody can be writing there.
    return f"{path.resolve().as_uri()}?mode=ro" + ("&immutable=1" if immutable else "")


def _connect(path: Path, readonly: bool) -> sqlite3.Connection:
    try:
        if readonly:
            conn = sqlite3.connect(
                _read_only_uri(path, immutable=_immutable(path, True)), uri=True, isolation_level=None
            )
        else:
            conn = sqlite3.connect(path, isolation_level=None, timeout=5.0)
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 5000")
        _trust_verified_schema(conn, path)
    except sqlite3.DatabaseError as e:
        raise LibraryError(
            QT_TRANSLATE_NOOP("Messages", "cannot open the library {path}: {reason}"),
            path=path,
            reason=explain(e, path),
        ) from e
    return conn
