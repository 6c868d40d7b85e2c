"""The `planbook` command line. With no command it starts the GUI.

Every command takes `--library PATH` (or `PLANBOOK_LIBRARY`). Exit status 0 on success; otherwise 1 with
a one-line message on stderr (2 for usage errors, as argparse does).
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .core.errors import PlanbookError
from .core.exchange import dumps, plan_to_text
from .core.library import LIBRARY_ENV, Library
from .core.model import Plan


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from .gui import launch

        return launch(args.library)
    try:
        return args.run(args) or 0
    except PlanbookError as e:
        return fail(str(e))
    except sqlite3.DatabaseError as e:
        return fail(f"the library cannot be used: {e}")
    except KeyboardInterrupt:
        return fail("interrupted")
    except BrokenPipeError:
        return 0


def fail(message: str) -> int:
    print(f"planbook: {message}", file=sys.stderr)
    return 1


def build_parser() -> argparse.ArgumentParser:
    # --library is accepted before or after the command; SUPPRESS keeps a later default from hiding an earlier value.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--library", metavar="PATH", default=argparse.SUPPRESS,
        help=f"the library file (default: ${LIBRARY_ENV} or planbook.db in your data folder)",
    )
    parser = argparse.ArgumentParser(
        prog="planbook", parents=[common],
        description="Draft, keep, search and issue annual work plans. With no command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"planbook {__version__}")
    parser.set_defaults(library=None, command=None)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, run, help: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, parents=[common], help=help, description=help)
        p.set_defaults(run=run)
        return p

    p = command("list", cmd_list, "list the plans in the library")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")

    p = command("show", cmd_show, "print a plan, numbered as in print")
    p.add_argument("id", type=int, help="plan id (see `planbook list`)")
    p.add_argument("--json", action="store_true", help="print planbook/1 JSON instead of text")

    p = command("new", cmd_new, "create an empty plan")
    p.add_argument("--title", required=True, help="the plan's title, e.g. 某市教育局2021年工作要点")
    p.add_argument("--year", type=int, help="the year the plan is for")
    p.add_argument("--kind", default="工作要点", help="工作要点, 工作计划, 行动计划 … (default: 工作要点)")

    p = command("import", cmd_import, "import plans from files")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE", help="planbook/1 .json files")

    p = command("export", cmd_export, "write a plan to a file")
    p.add_argument("id", type=int, help="plan id")
    p.add_argument("--format", required=True, help="json or txt")
    p.add_argument("--layout", default=None, help="page layout, for formats that have one")
    p.add_argument("-o", "--output", required=True, type=Path, metavar="OUT", help="the file to write")

    p = command("delete", cmd_delete, "delete a plan")
    p.add_argument("id", type=int, help="plan id")

    p = command("search", cmd_search, "search every plan (words, \"phrases\", -exclude, year: issuer: unit: "
                "field:label=value kind:); put -- before a query that starts with -")
    p.add_argument("query", nargs="+", help="e.g. 校园足球 year:2017-2020 unit:基教科")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.add_argument("--limit", type=int, default=50, metavar="N", help="at most N results (default 50)")

    command("reindex", cmd_reindex, "rebuild the search index from the library's text")
    return parser


def open_library(args) -> Library:
    return Library.open(args.library)


def cmd_list(args) -> None:
    with open_library(args) as lib:
        plans = lib.list_plans()
    if args.json:
        rows = [
            {"id": p.id, "title": p.title, "kind": p.kind, "year": p.year, "issuers": p.issuers,
             "status": str(p.status), "doc_number": p.doc_number, "modified_at": p.modified_at,
             "nodes": p.node_count}
            for p in plans
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not plans:
        print("The library is empty. Add a plan with `planbook new` or `planbook import`.")
        return
    for p in plans:
        year = str(p.year) if p.year else "    "
        print(f"{p.id:>5}  {year}  {p.title}  [{p.status}, {p.node_count} nodes]")


def cmd_show(args) -> None:
    with open_library(args) as lib:
        plan = lib.load_plan(args.id)
    sys.stdout.write(dumps(plan) if args.json else plan_to_text(plan))


def cmd_new(args) -> None:
    with open_library(args) as lib:
        plan_id = lib.add_plan(Plan(title=args.title, year=args.year, kind=args.kind))
    print(plan_id)


def cmd_import(args) -> int:
    from .importers import import_file

    failures = 0
    with open_library(args) as lib:
        for path in args.files:
            try:
                plans = import_file(path)
                with lib.transaction():  # one file, one transaction: a file that fails leaves nothing
                    ids = [lib.add_plan(plan) for plan in plans]
            except PlanbookError as e:
                failures += 1
                print(f"planbook: {path}: {e}", file=sys.stderr)
                continue
            for plan_id, plan in zip(ids, plans):
                print(f"{plan_id}\t{plan.title}\t({path.name})")
    return 1 if failures else 0


def cmd_export(args) -> None:
    from .exporters import EXPORTERS

    exporter = EXPORTERS.get(args.format)
    if exporter is None:
        raise PlanbookError(f"unknown format {args.format!r} (choose from {', '.join(EXPORTERS)})")
    with open_library(args) as lib:
        plan = lib.load_plan(args.id)
    exporter(plan, args.output, args.layout)
    print(args.output)


def cmd_delete(args) -> None:
    with open_library(args) as lib:
        title = lib.load_plan_header(args.id).title
        lib.delete_plan(args.id)
    print(f"deleted {args.id}\t{title}")



def cmd_search(args) -> None:
    from .core.search import search

    if args.limit < 1:
        raise PlanbookError("--limit must be at least 1")
    with open_library(args) as lib:
        results = search(lib, " ".join(args.query), args.limit)
    if args.json:
        rows = [
            {"plan_id": h.plan_id, "plan_year": h.plan_year, "plan_title": h.plan_title, "node_id": h.node_id,
             "kind": h.kind, "number": h.number, "title": h.title, "snippet": h.marked(),
             "score": round(h.score, 4)}
            for h in results.hits
        ]
        plans = [{"plan_id": pid, "count": n} for pid, n in sorted(results.plan_counts.items())]
        print(json.dumps({"query": " ".join(args.query), "mode": results.mode, "total": results.total,
                          "plans": plans, "results": rows}, ensure_ascii=False, indent=2))
        return
    if not results.hits:
        print("没有找到。")
        return
    bold = ("\x1b[1;31m", "\x1b[0m") if sys.stdout.isatty() else ("«", "»")
    for h in results.hits:
        year = h.plan_year if h.plan_year is not None else ""
        where = f"{h.number}{h.title}" if h.node_id is not None else "（文件信息）"
        print(f"[{h.plan_id}] {year} {h.plan_title} › {where}")
        print(f"    {h.marked(*bold)}")
    print(f"共 {results.total} 处，分布在 {len(results.plan_counts)} 个计划中"
          + (f"（显示前 {len(results.hits)} 处）" if results.total and results.total > len(results.hits) else ""))


def cmd_reindex(args) -> None:
    import time

    from .core.search import reindex

    started = time.perf_counter()
    with open_library(args) as lib:
        count = reindex(lib)
    print(f"indexed {count} documents in {time.perf_counter() - started:.1f} s")
