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

    p = command("import", cmd_import, "import plans from files: .txt, .docx, .html/.htm, planbook/1 .json")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE",
                   help="files, or folders whose supported files are all imported")
    p.add_argument("--dry-run", action="store_true", help="show what is recognised and write nothing")
    p.add_argument("--json", action="store_true", help="print the recognised plans as planbook/1 JSON with warnings")

    p = command("export", cmd_export, "write a plan to a file")
    p.add_argument("id", type=int, help="plan id")
    p.add_argument("--format", required=True, help="json or txt")
    p.add_argument("--layout", default=None, help="page layout, for formats that have one")
    p.add_argument("-o", "--output", required=True, type=Path, metavar="OUT", help="the file to write")

    p = command("delete", cmd_delete, "delete a plan")
    p.add_argument("id", type=int, help="plan id")
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
    from .importers import import_with_warnings, supported

    paths, ignored = _import_paths(args.files, supported)
    if not paths:
        return fail("no file to import in " + ", ".join(map(str, args.files))
                    + " (supported: .txt, .docx, .html, .htm, .json)")
    folders = any(p.is_dir() for p in args.files)
    progress = _Progress(len(paths)) if folders and sys.stderr.isatty() else None
    imported, skipped, documents = 0, [], []
    lib = None  # opened at the first file that reads well: failed imports do not even create a library

    def skip(path: Path, error: PlanbookError) -> None:
        skipped.append((path, str(error)))
        if progress:
            progress.clear()
        print(f"planbook: {path}: {error}", file=sys.stderr)

    try:
        for n, path in enumerate(paths, 1):
            if progress:
                progress.show(n, path)
            try:
                result = import_with_warnings(path)
            except PlanbookError as e:
                skip(path, e)
                continue
            ids = [None] * len(result.plans)
            if not args.dry_run:
                lib = lib or open_library(args)  # a library that cannot be used ends the command
                try:
                    with lib.transaction():  # one file, one transaction: a file that fails leaves nothing
                        ids = [lib.add_plan(plan) for plan in result.plans]
                except PlanbookError as e:
                    skip(path, e)
                    continue
            imported += 1
            if progress:
                progress.clear()
            _report_import(args, path, result, ids, documents)
    finally:
        if lib is not None:
            lib.close()
        if progress:
            progress.clear()
    if args.json:
        # one file named: its plan as one planbook/1 object; folders or several files: a list of them
        single = len(args.files) == 1 and not folders and len(documents) == 1
        print(json.dumps(documents[0] if single else documents, ensure_ascii=False, indent=2))
    if folders or len(paths) > 1 or ignored:
        verb = "recognised" if args.dry_run else "imported"
        print(f"{verb} {imported} file(s), skipped {len(skipped)}"
              + (f", ignored {ignored} unsupported file(s)" if ignored else ""), file=sys.stderr)
        for path, reason in skipped:
            print(f"  skipped {path}: {reason}", file=sys.stderr)
    return 1 if skipped else 0


def _import_paths(args: list[Path], supported) -> tuple[list[Path], int]:
    """Files named, plus every supported file under the folders named (sorted, hidden ones left out)."""
    paths: list[Path] = []
    ignored = 0
    for arg in args:
        if not arg.is_dir():
            paths.append(arg)
            continue
        for path in sorted(arg.rglob("*")):
            if not path.is_file() or any(part.startswith(".") for part in path.relative_to(arg).parts):
                continue
            if supported(path):
                paths.append(path)
            else:
                ignored += 1
    return paths, ignored


def _report_import(args, path: Path, result, ids: list, documents: list) -> None:
    from .core.exchange import plan_to_dict

    for plan_id, plan in zip(ids, result.plans):
        if args.json:
            doc = plan_to_dict(plan)
            doc.update({"source": str(path), "warnings": list(result.warnings)})
            if plan_id is not None:
                doc["id"] = plan_id
            documents.append(doc)
        elif args.dry_run:
            print(f"== {path} ==")
            for line in _recognised_summary(plan):
                print(line)
            print()
            sys.stdout.write(plan_to_text(plan))
            print()
        else:
            print(f"{plan_id}\t{plan.title}\t({path.name})")
    if not args.json:
        stream = sys.stdout if args.dry_run else sys.stderr
        for warning in result.warnings:
            print(f"planbook: {path.name}: 警告：{warning}", file=stream)


def _recognised_summary(plan: Plan) -> list[str]:
    """What --dry-run shows above the plan text: the structure in numbers and the notice's parts."""
    from .core.model import DATE_FIELDS, NOTICE_FIELDS, NodeKind

    count = {kind: sum(1 for n in plan.walk() if n.kind is kind) for kind in NodeKind}
    fields = sum(len(n.fields) for n in plan.walk())
    lines = [f"结构：{count[NodeKind.SECTION]}个一级标题，{count[NodeKind.SUBSECTION]}个二级标题，"
             f"{count[NodeKind.TASK]}项任务，{count[NodeKind.ITEM]}个子项，{fields}个字段；"
             f"{'连续编号' if plan.numbering == 'continuous' else '分节编号'}"]
    for name in NOTICE_FIELDS:
        value = getattr(plan.notice, name)
        if value:
            shown = value.isoformat() if name in DATE_FIELDS else "、".join(value) if isinstance(value, list) else value
            lines.append(f"notice.{name}: {shown.splitlines()[0][:80]}")
    return lines


class _Progress:
    """A one-line progress bar on stderr, for terminals only (pipes and logs get none)."""

    def __init__(self, total: int) -> None:
        self.total = total

    def show(self, n: int, path: Path) -> None:
        width = 24
        done = width * n // max(self.total, 1)
        sys.stderr.write(f"\r[{'#' * done}{'.' * (width - done)}] {n}/{self.total} {path.name[:40]}\033[K")
        sys.stderr.flush()

    def clear(self) -> None:
        sys.stderr.write("\r\033[K")
        sys.stderr.flush()


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

