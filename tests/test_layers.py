"""The code's layers, read from its source: SQL only in the storage layer, and no function above radon grade C.

SQL that leaks into features ties every feature to the table layout: a new column or table then means hunting
through editing, drafting, the tree model… Here only the storage modules reach the database; features call
named `Library` methods. Radon's cyclomatic grade D or worse marks a function too branched to test or read
whole; the team's rule is C or better.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "planbook"

# The storage layer: the only modules that hold SQL or touch the connection.
STORAGE = {"core/library.py", "core/queries.py", "core/schema.py", "core/search.py", "core/backup.py"}

# What reaching the database looks like: the connection or sqlite-utils Database (`.db`, `.conn`), their calls,
# and sqlite3.connect.
_DB_ATTRIBUTES = {"db", "conn"}
_DB_CALLS = {"execute", "executemany", "executescript", "query", "connect"}


def _modules() -> list[tuple[str, ast.Module]]:
    return [
        (path.relative_to(PACKAGE).as_posix(), ast.parse(path.read_text(encoding="utf-8"), str(path)))
        for path in sorted(PACKAGE.rglob("*.py"))
    ]


def _database_uses(tree: ast.Module) -> list[tuple[int, str]]:
    """(line, what) of each place the module reaches the database itself."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in _DB_ATTRIBUTES:
            found.append((node.lineno, f".{node.attr}"))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _DB_CALLS:
            owner = node.func.value
            if node.func.attr == "connect" and not (isinstance(owner, ast.Name) and owner.id == "sqlite3"):
                continue  # Qt's signal.connect(…)
            found.append((node.lineno, f".{node.func.attr}()"))
    return found


def test_the_check_sees_sql_where_it_is():
    """The check itself finds each way of reaching the database (so an empty result below means something)."""
    tree = ast.parse(
        "lib.db.execute('SELECT 1')\nx.conn.executemany(q, rows)\nsqlite3.connect(p)\n"
        "lib.db['nodes'].update(1, {})\nbutton.clicked.connect(f)\n"
    )
    assert sorted(what for _, what in _database_uses(tree)) == [
        ".conn",
        ".connect()",
        ".db",
        ".db",
        ".execute()",
        ".executemany()",
    ]


def test_sql_only_in_the_storage_layer():
    offenders = [
        f"{name}:{line} {what}"
        for name, tree in _modules()
        if name not in STORAGE
        for line, what in _database_uses(tree)
    ]
    assert not offenders, "reach the library through named Library methods (core/queries.py), not:\n" + "\n".join(
        offenders
    )


def _worse_than_c() -> list[tuple[str, str]]:
    """(function name, "module::name grade") of every function radon grades D or worse."""
    from radon.complexity import cc_rank, cc_visit

    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for block in cc_visit(path.read_text(encoding="utf-8")):
            for item in (block, *getattr(block, "closures", ())):
                if (grade := cc_rank(item.complexity)) > "C":
                    found.append((item.fullname, f"{path.relative_to(PACKAGE).as_posix()}::{item.fullname} {grade}"))
    return found


def test_no_function_above_grade_c():
    offenders = sorted(where for _, where in _worse_than_c())
    assert not offenders, "split these until radon grades them C or better:\n" + "\n".join(offenders)
