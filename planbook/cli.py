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
from .core import backup
from .core.errors import PlanbookError
from .core.exchange import dumps, plan_to_text
from .core.library import (
    LARGE_LIBRARY_BYTES,
    LIBRARY_ENV,
    Library,
    default_library_path,
    explain,
    refuse_library_output,
)
from .core.model import DocFormat, Plan, Sealing


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == [backup.CHILD_FLAG]:  # the window's daily copy, made in a process of its own
        return backup.child_main(argv[1:])
    if not argv:  # the window, as a desktop icon starts it: no parser of every command to build first
        from .gui import launch

        return launch(None)
    parser = build_parser()
    args = parser.parse_args(argv)
    args.library = getattr(args, "library", None)
    if args.command is None:
        from .gui import launch

        return launch(args.library)
    try:
        return args.run(args) or 0
    except PlanbookError as e:
        return fail(str(e))
    except sqlite3.Error as e:
        return fail(explain(e, Path(args.library or default_library_path())))
    except KeyboardInterrupt:
        return fail("interrupted")
    except BrokenPipeError:
        return 0
    except Exception as e:  # a bug or damage nobody foresaw: one line for the user, the details in a log
        return fail(f"unexpected error ({type(e).__name__}: {e}); details in {log_traceback()}")


def log_traceback() -> Path:
    import datetime as dt
    import traceback

    import platformdirs

    log = Path(platformdirs.user_log_dir("planbook", appauthor=False)) / "errors.log"
    try:
        log.parent.mkdir(parents=True, exist_ok=True)
        with log.open("a", encoding="utf-8") as f:
            f.write(f"--- {dt.datetime.now().isoformat()} planbook {__version__} {sys.argv[1:]}\n")
            f.write(traceback.format_exc())
    except OSError:
        pass
    return log


def fail(message: str) -> int:
    print(f"planbook: {message}", file=sys.stderr)
    return 1


def build_parser() -> argparse.ArgumentParser:
    # --library is accepted before or after the command; SUPPRESS keeps a later default from hiding an earlier value.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--library",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help=f"the library file (default: ${LIBRARY_ENV} or planbook.db in your data folder)",
    )
    parser = argparse.ArgumentParser(
        prog="planbook",
        parents=[common],
        description="Draft, keep, search and issue annual work plans. With no command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"planbook {__version__}")
    # Not library=None here: the --library action object is shared with every subparser (parents=[common]).
    parser.set_defaults(command=None)
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

    p = command(
        "import",
        cmd_import,
        "import plans from files: .txt, .docx, .pdf, .doc/.wps (old Word), .md, "
        ".html/.htm, .mht, planbook/1 .json (.doc/.wps/.mht are read by what they contain)",
    )
    p.add_argument(
        "files", nargs="+", type=Path, metavar="FILE", help="files, or folders whose supported files are all imported"
    )
    p.add_argument("--dry-run", action="store_true", help="show what is recognised and write nothing")
    p.add_argument("--json", action="store_true", help="print the recognised plans as planbook/1 JSON with warnings")

    p = command("export", cmd_export, "write a plan to a file")
    p.add_argument("id", type=int, help="plan id")
    from .exporters import FORMATS, layouts_help  # only the registry: each writer's library loads when it is used

    p.add_argument("--format", required=True, help=f"one of: {', '.join(FORMATS)}")
    p.add_argument(
        "--layout",
        default=None,
        help=f"{layouts_help()} (notice: the issuing notice with the plan, the default; plan: the plan alone)",
    )
    p.add_argument("-o", "--output", required=True, type=Path, metavar="OUT", help="the file to write")
    p.add_argument(
        "--with-seals", action="store_true", help="json: include the notice's electronic seals (left out unless asked)"
    )

    p = command("issue", cmd_issue, "how the notice is issued: its masthead, sealed or not, electronic seals")
    p.add_argument("id", type=int, help="plan id")
    p.add_argument("--masthead", help="set the masthead (发文机关标志), e.g. 某市教育局文件")
    p.add_argument("--confirm-masthead", action="store_true", help="confirm the masthead Planbook proposed")
    p.add_argument(
        "--sealed",
        dest="sealing",
        action="store_const",
        const="sealed",
        help="加盖印章 (GB/T 9704 7.3.5.1, the default)",
    )
    p.add_argument("--unsealed", dest="sealing", action="store_const", const="unsealed", help="不加盖印章 (7.3.5.2)")
    p.add_argument(
        "--doc-format",
        dest="doc_format",
        choices=["file", "letter"],
        help="the head: file (文件格式, the default) or letter (信函格式, GB/T 9704 10.1, for 函 and office notices)",
    )
    p.add_argument(
        "--seal",
        type=Path,
        nargs="+",
        metavar="PNG",
        help="electronic seals, one per signing organ in their order (PNG with transparency, red)",
    )
    p.add_argument("--no-seals", action="store_true", help="remove the electronic seals")

    p = command("delete", cmd_delete, "delete a plan")
    p.add_argument("id", type=int, help="plan id")

    p = command("diff", cmd_diff, "compare two plans: tasks kept, changed, added, dropped")
    p.add_argument("old", type=int, help="the earlier plan's id")
    p.add_argument("new", type=int, help="the later plan's id")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--all", action="store_true", help="list kept tasks too")
    p.add_argument("--html", type=Path, metavar="OUT", help="also write a report as HTML")

    p = command("units", cmd_units, "the units named in task fields, or one unit's tasks")
    p.add_argument("id", type=int, nargs="?", help="one plan (default: every plan)")
    p.add_argument("--unit", help="list this unit's tasks")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = command("rename-unit", cmd_rename_unit, "rename a unit in every field of a plan")
    p.add_argument("id", type=int, help="plan id")
    p.add_argument("old", help="the unit's name now")
    p.add_argument("new", help="its new name")

    p = command("progress", cmd_progress, "tasks by status and lead unit, or set one task's progress")
    p.add_argument("id", type=int, help="plan id")
    p.add_argument("--task", type=int, metavar="N", help="the Nth task (the 序号 of the breakdown table)")
    p.add_argument("--status", choices=["not_started", "in_progress", "done", "behind"], help="set its status")
    p.add_argument("--note", help="add a dated progress note to it")
    p.add_argument("--date", help="the note's date, YYYY-MM-DD (default: today)")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = command("backup", cmd_backup, "copy the library into the backups folder beside it")
    p.add_argument("--list", action="store_true", help="list the backups instead of making one")

    p = command("restore", cmd_restore, "replace the library with a backup (the current one is backed up first)")
    p.add_argument("file", type=Path, metavar="FILE", help="a backup, see `planbook backup --list`")

    p = command("next-year", cmd_next_year, "draft next year's plan from a plan; prints the new plan's id")
    p.add_argument("id", type=int, help="plan id of this year's plan")

    p = command("gui", cmd_gui, "open the window (what `planbook` alone does)")
    p.add_argument("--plan", type=int, metavar="ID", help="open this plan")
    p.add_argument("--lang", choices=("zh", "en"), help="interface language (default: the system's, else zh)")
    p.add_argument(
        "--screenshot",
        type=Path,
        metavar="OUT.png",
        help="render the window to a PNG and quit (offscreen where there is no display)",
    )

    p = command(
        "search",
        cmd_search,
        'search every plan (words, "phrases", -exclude, year: issuer: unit: '
        "field:label=value kind:); put -- before a query that starts with -",
    )
    p.add_argument("query", nargs="+", help="e.g. 校园足球 year:2017-2020 unit:基教科")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.add_argument("--limit", type=int, default=50, metavar="N", help="at most N results (default 50)")

    p = command("reindex", cmd_reindex, "rebuild the search index from the library's text")
    p.add_argument(
        "--compact",
        action="store_true",
        help="then give the file's free space back (VACUUM: rewrites the file; no other program may have it open)",
    )

    p = command(
        "check",
        cmd_check,
        "check a plan before it is issued: years, document number, dates, signers, "
        "structure; exit status 1 when there is an error",
    )
    p.add_argument("id", type=int, help="plan id")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = command(
        "review",
        cmd_review,
        "review next year's draft: years, dates, periods, meetings, events and "
        "targets that are probably stale, last year's done or late tasks, empty fields, renamed units",
    )
    p.add_argument("id", type=int, help="plan id (the draft)")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = command(
        "replace",
        cmd_replace,
        "replace text in a plan's titles, bodies, fields, preamble, closing and "
        "notice, as one change; --dry-run shows every hit in context",
    )
    p.add_argument("id", type=int, help="plan id")
    p.add_argument("old", help="the text to find (exactly as written)")
    p.add_argument("new", help="what to put instead")
    p.add_argument("--dry-run", action="store_true", help="list the hits and change nothing")
    p.add_argument(
        "--all-plans", action="store_true", help="list the hits in every plan (read only: implies --dry-run)"
    )
    p.add_argument("--json", action="store_true", help="print the hits as JSON")

    p = command("tidy", cmd_tidy, "store full-width punctuation in a plan's Chinese text, as print has it")
    p.add_argument("id", type=int, help="plan id")

    p = command("fonts", cmd_fonts, "show or set the fonts exports use: font files for PDF, font names for Word")
    p.add_argument(
        "--pdf",
        action="append",
        default=[],
        metavar="ROLE=FILE[#N]",
        help="draw ROLE in the PDF with this TrueType file (#N: the N-th face of a .ttc); checked first",
    )
    p.add_argument(
        "--word",
        action="append",
        default=[],
        metavar="ROLE=NAME",
        help="name ROLE's font NAME in Word files, e.g. fangsong=方正仿宋_GBK",
    )
    p.add_argument("--reset", choices=("pdf", "word", "all"), help="back to the bundled files / default names")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    return parser


# Commands that only read take no daily backup: the copy guards against a day's writes, and a first `list` of
# the day must not wait for it (the window takes it on a thread of its own).
READING = {"list", "show", "export", "diff", "units", "search", "check", "review"}


def say_upgrading(path: Path) -> None:
    """A large library's one-time upgrade takes a while: say so on stderr, so the command does not seem hung."""
    if path.stat().st_size >= LARGE_LIBRARY_BYTES:
        print(f"planbook: upgrading {path} for this version (once; a large library takes a minute)…", file=sys.stderr)


def open_library(args) -> Library:
    lib = Library.open(args.library, before_upgrade=say_upgrading)
    if args.command not in READING:
        backup.daily(lib)
    elif not lib.readonly:
        backup.clean_parts(lib.path)  # copies a killed process left half-written go, as on every opening
    return lib


def cmd_list(args) -> None:
    with open_library(args) as lib:
        plans = lib.list_plans()
    if args.json:
        rows = [
            {
                "id": p.id,
                "title": p.title,
                "kind": p.kind,
                "year": p.year,
                "issuers": p.issuers,
                "status": str(p.status),
                "doc_number": p.doc_number,
                "modified_at": p.modified_at,
                "nodes": p.node_count,
            }
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
    if args.year is not None and not 1 <= args.year <= 9999:
        raise PlanbookError("--year must be a year such as 2021, not {year}", year=args.year)
    with open_library(args) as lib:
        plan_id = lib.add_plan(Plan(title=args.title, year=args.year, kind=args.kind))
    print(plan_id)


def cmd_import(args) -> int:
    from .importers import IMPORTERS, supported

    paths, ignored = _import_paths(args.files, supported)
    if not paths:
        return fail(
            "no file to import in " + ", ".join(map(str, args.files)) + f" (supported: {', '.join(sorted(IMPORTERS))})"
        )
    folders = any(p.is_dir() for p in args.files)
    run = _ImportRun(args, _Progress(len(paths)) if folders and sys.stderr.isatty() else None)
    try:
        for n, path in enumerate(paths, 1):
            run.one(n, path)
    finally:
        run.close()
    if args.json:
        # one file named: its plan as one planbook/1 object; folders or several files: a list of them
        single = len(args.files) == 1 and not folders and len(run.documents) == 1
        print(json.dumps(run.documents[0] if single else run.documents, ensure_ascii=False, indent=2))
    if folders or len(paths) > 1 or ignored:
        run.summary(ignored)
    return 1 if run.skipped else 0


class _ImportRun:
    """One `planbook import`: each file read and stored through core.usecases, as the window's import does."""

    def __init__(self, args, progress: _Progress | None) -> None:
        self.args = args
        self.progress = progress
        self.imported = 0
        self.skipped: list[tuple[Path, str]] = []
        self.documents: list = []
        self.lib: Library | None = None  # opened at the first file that reads well: failures create no library

    def one(self, n: int, path: Path) -> None:
        from .core import usecases

        if self.progress:
            self.progress.show(n, path)
        try:
            result = usecases.read_file(path)
        except PlanbookError as e:
            self.skip(path, e)
            return
        ids: list = [None] * len(result.plans)
        if not self.args.dry_run:
            self.lib = self.lib or open_library(self.args)  # a library that cannot be used ends the command
            try:
                ids = usecases.import_into(self.lib, result)
            except PlanbookError as e:
                self.skip(path, e)
                return
        self.imported += 1
        if self.progress:
            self.progress.clear()
        _report_import(self.args, path, result, ids, self.documents)

    def skip(self, path: Path, error: PlanbookError) -> None:
        self.skipped.append((path, str(error)))
        if self.progress:
            self.progress.clear()
        print(f"planbook: {path}: {error}", file=sys.stderr)

    def close(self) -> None:
        if self.lib is not None:
            self.lib.close()
        if self.progress:
            self.progress.clear()

    def summary(self, ignored: int) -> None:
        verb = "recognised" if self.args.dry_run else "imported"
        print(
            f"{verb} {self.imported} file(s), skipped {len(self.skipped)}"
            + (f", ignored {ignored} unsupported file(s)" if ignored else ""),
            file=sys.stderr,
        )
        for path, reason in self.skipped:
            print(f"  skipped {path}: {reason}", file=sys.stderr)


def _import_paths(args: list[Path], supported) -> tuple[list[Path], int]:
    """Files named, plus every supported file under the folders named (sorted, hidden ones left out)."""
    paths: list[Path] = []
    ignored = 0
    for arg in args:
        if not arg.is_dir():
            paths.append(arg)
            continue
        for path in sorted(arg.rglob("*")):
            # not only regular files: a pipe or device named .txt is listed as skipped, with its reason
            if path.is_dir() or any(part.startswith(".") for part in path.relative_to(arg).parts):
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
            print(f"planbook: {path.name}: warning: {warning}", file=stream)


def _recognised_summary(plan: Plan) -> list[str]:
    """What --dry-run shows above the plan text: the structure in numbers and the notice's parts."""
    from .core.model import DATE_FIELDS, KINDS, NOTICE_FIELDS

    kinds = "，".join(spec.counted.format(sum(1 for n in plan.walk() if n.kind is k)) for k, spec in KINDS.items())
    fields = sum(len(n.fields) for n in plan.walk())
    mode = {
        "continuous": "连续编号",
        "per-section": "分节编号",
        "outline": "按层级编号",
        "outline-running": "按层级编号（任务连续）",
    }[plan.numbering]
    lines = [f"结构：{kinds}，{fields}个字段；{mode}"]
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
    from .exporters import FORMATS

    fmt = FORMATS.get(args.format)
    if fmt is None:
        raise PlanbookError(
            "unknown format {format!r} (choose from {choices})", format=args.format, choices=", ".join(FORMATS)
        )
    with open_library(args) as lib:
        refuse_library_output(args.output, lib.path)
        plan = lib.load_plan(args.id)
    if args.with_seals:
        if args.format != "json":
            raise PlanbookError("--with-seals is for --format json (the other formats print the seals)")
        from .exporters import export_json

        export_json(plan, args.output, seals=True)
    else:
        fmt.writer(plan, args.output, args.layout)
    print(args.output)


def cmd_issue(args) -> None:
    from .core import editing
    from .core.seals import read_seal

    changes: dict[str, object] = {}
    if args.masthead is not None:
        changes.update({"notice.masthead": args.masthead.strip(), "notice.masthead_proposed": False})
    if args.confirm_masthead:
        changes["notice.masthead_proposed"] = False
    if args.sealing:
        changes["notice.sealing"] = Sealing(args.sealing)
    if args.doc_format:
        changes["notice.doc_format"] = DocFormat(args.doc_format)
    if args.seal and args.no_seals:
        raise PlanbookError("give --seal or --no-seals, not both")
    if args.seal:
        changes["notice.seals"] = [read_seal(path) for path in args.seal]
    elif args.no_seals:
        changes["notice.seals"] = []
    with open_library(args) as lib:
        if changes:
            editing.apply(lib, editing.UpdatePlan(args.id, tuple(changes.items())))
        n = lib.load_plan_header(args.id).notice
    state = "proposed, not confirmed" if n.masthead_proposed else "confirmed" if n.masthead.strip() else "none"
    print(f"masthead: {' '.join(n.masthead.split()) or '-'} ({state})")
    print(
        f"format: {n.doc_format}; sealing: {n.sealing}; electronic seals: {len(n.seals)} for {len([s for s in n.signers if s.strip()])} "
        f"signing organ(s)"
    )


def cmd_diff(args) -> None:
    from .core import compare
    from .exporters import write_file

    with open_library(args) as lib:
        if args.html:
            refuse_library_output(args.html, lib.path)
        diff = compare.compare(lib.load_plan(args.old), lib.load_plan(args.new))
    if args.html:
        report = compare.to_html(diff)
        write_file(args.html, lambda tmp: tmp.write_text(report, encoding="utf-8"))
    if args.json:
        print(json.dumps(compare.to_dict(diff), ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(compare.to_text(diff, show_kept=args.all))


def cmd_units(args) -> None:
    from dataclasses import asdict

    from .core import units

    with open_library(args) as lib:
        if args.unit:
            found = units.unit_tasks(lib, args.unit, args.id)
            titles: dict[int | None, str] = {p.id: p.title for p in lib.list_plans()}
            if args.json:
                print(json.dumps([asdict(a) for a in found], ensure_ascii=False, indent=2))
            for a in [] if args.json else found:
                print(f"{titles[a.plan_id]}\t{a.number}{a.title}\t{units.ROLE_NAMES[a.role]}")
            return
        if args.id is not None:
            counts = {u: len(tasks) for u, tasks in units.plan_units(lib.load_plan(args.id)).items()}
        else:
            counts = dict(units.library_units(lib).most_common())
    if args.json:
        print(json.dumps(counts, ensure_ascii=False, indent=2))
    else:
        for unit, count in counts.items():
            print(f"{count:>5}  {unit}")


def cmd_rename_unit(args) -> None:
    from .core import editing, units
    from .core.review import record_rename

    with open_library(args) as lib:
        batch = units.rename_unit(lib, args.id, args.old, args.new)
        if not batch.edits:
            raise PlanbookError("no field of plan {id} names the unit {unit!r}", id=args.id, unit=args.old)
        with lib.transaction():
            editing.apply(lib, batch)
            record_rename(lib, args.old, args.new)
    print(f"renamed {args.old} to {args.new} in {len(batch.edits)} task(s)")


def cmd_progress(args) -> None:
    import datetime as dt

    from .core import editing, progress
    from .core.model import PROGRESS_NAMES, Progress, ProgressNote

    with open_library(args) as lib:
        plan = lib.load_plan(args.id)
        tasks = progress.tasks(plan)
        if args.task is not None:
            if not 1 <= args.task <= len(tasks):
                raise PlanbookError(
                    "plan {id} has tasks 1…{last}, not {task}", id=args.id, last=len(tasks), task=args.task
                )
            node = tasks[args.task - 1]
            notes = list(node.notes)
            if args.note is not None:
                try:
                    date = dt.date.fromisoformat(args.date) if args.date else dt.date.today()
                except ValueError:
                    raise PlanbookError("--date must be YYYY-MM-DD, not {date!r}", date=args.date) from None
                notes.append(ProgressNote(date, args.note))
            status = Progress(args.status) if args.status else node.status
            editing.apply(lib, editing.SetProgress(node.id, status, tuple(notes)))
            node.status, node.notes = status, notes
            print(f"{args.task}\t{node.title}\t{progress.progress_text(node) or PROGRESS_NAMES[status]}")
            return
    counts, by_unit = progress.status_counts(plan), progress.counts_by_lead_unit(plan)
    if args.json:
        print(json.dumps({"counts": counts, "by_lead_unit": by_unit}, ensure_ascii=False, indent=2))
        return
    print("  ".join(f"{PROGRESS_NAMES[s]} {n}" for s, n in counts.items()))
    for unit, c in by_unit.items():
        print(f"{unit}\t" + "  ".join(f"{PROGRESS_NAMES[s]} {n}" for s, n in c.items() if n))


def cmd_backup(args) -> None:
    with open_library(args) as lib:
        if args.list:
            found = backup.list_backups(lib.path)
            if not found:
                print(f"No backups yet in {backup.folder_of(lib.path)}.")
            for b in found:
                print(f"{b.taken_at:%Y-%m-%d %H:%M:%S}  {b.size / 2**20:6.1f} MB  {b.path}")
            return
        print(backup.backup(lib))


def cmd_restore(args) -> None:
    # No daily backup first: the restore takes its own, and pruning old copies must not touch the one restored.
    with Library.open(args.library) as lib:
        before = backup.restore(lib, args.file)
    print(f"restored {args.file}; what was there before is kept as {before}")


def cmd_delete(args) -> None:
    with open_library(args) as lib:
        title = lib.load_plan_header(args.id).title
        lib.delete_plan(args.id)
    print(f"deleted {args.id}\t{title}")


def cmd_next_year(args) -> None:
    from .core import usecases

    with open_library(args) as lib:
        for plan_id, title in usecases.drafts_of(lib, args.id):  # drafted again on purpose, or by mistake: say so
            print(
                f"planbook: warning: plan {args.id} already has a next year's draft: {plan_id} “{title}”",
                file=sys.stderr,
            )
        print(usecases.store(lib, usecases.next_year(lib, args.id)))


def cmd_gui(args) -> int:
    from .gui import launch

    return launch(args.library, plan=args.plan, lang=args.lang, screenshot=args.screenshot)


def cmd_search(args) -> None:
    from .core.search import search

    if args.limit < 1:
        raise PlanbookError("--limit must be at least 1")
    with open_library(args) as lib:
        results = search(lib, " ".join(args.query), args.limit)
    if args.json:
        rows = [
            {
                "plan_id": h.plan_id,
                "plan_year": h.plan_year,
                "plan_title": h.plan_title,
                "node_id": h.node_id,
                "kind": h.kind,
                "number": h.number,
                "title": h.title,
                "snippet": h.marked(),
                "score": round(h.score, 4),
            }
            for h in results.hits
        ]
        plans = [{"plan_id": pid, "count": n} for pid, n in sorted(results.plan_counts.items())]
        print(
            json.dumps(
                {
                    "query": " ".join(args.query),
                    "mode": results.mode,
                    "total": results.total,
                    "plans": plans,
                    "results": rows,
                },
                ensure_ascii=False,
                indent=2,
            )
        )
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
    print(
        f"共 {results.total} 处，分布在 {len(results.plan_counts)} 个方案中"
        + (f"（显示前 {len(results.hits)} 处）" if results.total and results.total > len(results.hits) else "")
    )


def cmd_fonts(args) -> int:
    """Roles: xiaobiaosong fangsong heiti kaiti song (and fallback, PDF only). Settings are per user, shared with
    Edit ▸ Preferences in the window."""
    from .exporters import docx_fonts
    from .exporters import pdf_fonts as pdf

    files, names = pdf.read_user_fonts(), docx_fonts.read_word_fonts()
    if args.reset in ("pdf", "all"):
        files = {}
    if args.reset in ("word", "all"):
        names = {}
    for item in args.pdf:
        key, choice = _font_setting(item, pdf.FONT_KEYS)
        file, _, index = choice.partition("#")
        chosen = pdf.FontChoice(Path(file).expanduser().absolute(), int(index) if index.isdigit() else 0)
        pdf.check_font_file(key, chosen)  # a file that cannot serve is refused before anything is saved
        files[key] = chosen
    for item in args.word:
        key, name = _font_setting(item, docx_fonts.WORD_FONT_KEYS)
        names[key] = docx_fonts.check_name(name)
    if args.reset in ("pdf", "all") or args.pdf:
        pdf.save_user_fonts(files)
    if args.reset in ("word", "all") or args.word:
        docx_fonts.save_word_fonts(names)
    faces = docx_fonts.faces_for(names)  # as just saved
    rows = [
        {
            "role": key,
            "pdf": str(files[key].file) + (f"#{files[key].index}" if files[key].index else "")
            if key in files
            else f"(bundled) {pdf.bundled_font_file(key).name}",
            "word": faces[key].docx_name if key in faces else "",
            "word_fallback": (faces[key].docx_alt or "") if key in faces else "",
        }
        for key in pdf.FONT_KEYS
    ]
    if args.json:
        print(
            json.dumps(
                {
                    "pdf_settings": str(pdf.user_fonts_file()),
                    "word_settings": str(docx_fonts.user_word_fonts_file()),
                    "roles": rows,
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    print("role\tWord name (fallback)\tPDF font file")
    for row in rows:
        word = row["word"] + (f" ({row['word_fallback']})" if row["word_fallback"] else "")
        print(f"{row['role']}\t{word or '-'}\t{row['pdf']}")
    print(f"settings: {pdf.user_fonts_file()}, {docx_fonts.user_word_fonts_file()}")
    return 0


def _font_setting(item: str, keys: tuple[str, ...]) -> tuple[str, str]:
    key, sep, value = item.partition("=")
    key = key.strip()
    if not sep or key not in keys or not value.strip():
        raise PlanbookError("write ROLE=VALUE with ROLE one of {keys}, not {item!r}", keys=", ".join(keys), item=item)
    return key, value.strip()


def cmd_check(args) -> int:
    from .core.checks import Severity, check_plan

    with open_library(args) as lib:
        findings = check_plan(lib, lib.load_plan(args.id))
    if args.json:
        print(json.dumps([f.to_dict() for f in findings], ensure_ascii=False, indent=2))
    else:
        for f in findings:
            print(f"{f.severity}: {f.place}: {f.message}" if f.place else f"{f.severity}: {f.message}")
        if not findings:
            print("no problems found")
    return 1 if any(f.severity is Severity.ERROR for f in findings) else 0


def cmd_review(args) -> None:
    from .core.review import KIND_NAMES, review_plan

    with open_library(args) as lib:
        findings = review_plan(lib, args.id)
    if args.json:
        print(json.dumps([f.to_dict() for f in findings], ensure_ascii=False, indent=2))
        return
    for f in findings:
        where = f.place or f.spot.part
        proposal = f"  → {f.replacement}" if f.replacement is not None else ""
        print(f"{KIND_NAMES[f.kind]}: {where}: “{f.text}”{proposal}: {f.message}")
    print(f"{len(findings)} finding(s)" if findings else "nothing looks stale")


def cmd_replace(args) -> None:
    from .core import editing
    from .core.replace import find, find_library, replace_edit

    if not args.old:
        raise PlanbookError("the text to find is empty")
    with open_library(args) as lib:
        if args.all_plans:
            hits = find_library(lib, args.old, limit=10**9).hits
        else:
            plan = lib.load_plan(args.id)
            hits = find(plan, args.old)
            if not args.dry_run and hits:
                editing.apply(lib, replace_edit(plan, hits, args.new))
    if args.json:
        print(json.dumps([h.to_dict() for h in hits], ensure_ascii=False, indent=2))
    else:
        for h in hits:
            plan = f"{h.plan_id}\t" if args.all_plans else ""
            print(f"{plan}{h.place}: …{h.before}[{h.match}]{h.after}…".replace("\n", " "))
    done = not (args.dry_run or args.all_plans)
    if not hits:
        print(f"“{args.old}” is not found", file=sys.stderr)
    elif done:
        print(f"replaced {len(hits)} hit(s) in plan {args.id}", file=sys.stderr)
    else:
        print(f"{len(hits)} hit(s); nothing changed", file=sys.stderr)


def cmd_tidy(args) -> None:
    from .core import editing
    from .core.tidy import punctuation_edit

    with open_library(args) as lib:
        batch = punctuation_edit(lib.load_plan(args.id))
        if batch.edits:
            editing.apply(lib, batch)
    print(f"made {len(batch.edits)} change(s) to plan {args.id}" if batch.edits else "nothing to change")


def cmd_reindex(args) -> None:
    import time

    from .core.search import reindex

    started = time.perf_counter()
    with open_library(args) as lib:
        count = reindex(lib)
        print(f"indexed {count} documents in {time.perf_counter() - started:.1f} s")
        if args.compact:
            before, after = lib.compact()
            print(f"compacted the file from {before / 1e6:.1f} MB to {after / 1e6:.1f} MB")
