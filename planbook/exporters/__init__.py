"""Exporters: each writes one plan to a file in one format. The CLI and GUI pick one by format name.

`FORMATS` is the one registry of export formats: name, file suffix, the documents (layouts) each can make with
their file-type labels, and the writer. The CLI's --format/--layout help and the window's File ▸ Export… file
types are read from it, so a new format is its writer module and one row here.

An exporter is `(plan, out_path, layout) -> result`: None, or something the one who exported should hear about
(the PDF writer's `GlyphReport` of characters it could not draw as asked). Files are written through
`atomic_write`, so a failed export never leaves a partial file behind.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..core import exchange
from ..core.cleantext import clean_plan
from ..core.errors import PlanbookError
from ..core.messages import QT_TRANSLATE_NOOP
from ..core.model import Plan
from ..core.parts import remove_stale

CANNOT_WRITE = QT_TRANSLATE_NOOP("Messages", "cannot write {path}: {reason}")


@contextmanager
def atomic_write(out: Path) -> Iterator[Path]:
    """Yield a temporary path beside `out`; on success it replaces `out`, on failure it is removed."""
    out = Path(out)
    folder = out.parent or Path(".")
    remove_stale(folder, f".{out.name}.")  # left by an export that was killed
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.{os.getpid()}-", suffix=".part", dir=folder)
    os.close(fd)
    os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes it owner-only; an export is an ordinary file
    try:
        yield Path(tmp)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def settings_file(env: str, name: str) -> Path:
    """A per-user settings file of the exporters (fonts): `$env` when set (tests, packagers), else `name` in the
    user's config folder, which the window's Preferences and the command line share."""
    if os.environ.get(env):
        return Path(os.environ[env])
    import platformdirs

    return Path(platformdirs.user_config_dir("planbook", appauthor=False)) / name


def read_settings(path: Path, keys: Sequence[str], refuse: Callable[..., Exception]) -> dict:
    """The JSON object a settings file holds ({} when there is none). A file that cannot be read, is not an object
    or names keys outside `keys` is refused with `refuse(problem, **fields)`, problem "unreadable" (field
    `error`), "not_object" or "unknown" (fields `unknown`, `known`): never overwritten on the quiet."""
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise refuse("unreadable", error=e) from e
    if not isinstance(data, dict):
        raise refuse("not_object")
    unknown = sorted(set(data) - set(keys))
    if unknown:
        raise refuse("unknown", unknown=", ".join(unknown), known=", ".join(keys))
    return data


def check_roles(given: Iterable[str], keys: Sequence[str]) -> None:
    """Refuse settings for roles a font settings file does not have, before anything is written."""
    unknown = sorted(set(given) - set(keys))
    if unknown:
        raise PlanbookError(
            QT_TRANSLATE_NOOP("Messages", "unknown font roles: {unknown} (known: {known})"),
            unknown=", ".join(unknown),
            known=", ".join(keys),
        )


def write_settings(path: Path, data: dict) -> Path:
    """Write a settings file (temporary file, then rename); returns where it went."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise PlanbookError(CANNOT_WRITE, path=path, reason=e.strerror or e) from e
    _write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", path)
    return path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_file(out: Path, save: Callable[[Path], object]) -> None:
    """Run `save(temporary_path)` and put the result at `out`; any failure is one message and no file."""
    out = Path(out)
    try:
        with atomic_write(out) as tmp:
            save(tmp)
    except OSError as e:
        raise PlanbookError(CANNOT_WRITE, path=out, reason=e.strerror or e) from e


def _write_text(text: str, out: Path) -> None:
    write_file(out, lambda tmp: tmp.write_text(text, encoding="utf-8"))


def export_json(plan: Plan, out: Path, layout: str | None = None, seals: bool = False) -> None:
    """planbook/1 JSON; the notice's electronic seals only with `seals` (they are an organ's, not the plan's)."""
    _write_text(exchange.dumps(plan, seals), out)


def export_txt(plan: Plan, out: Path, layout: str | None = None) -> None:
    _write_text(exchange.plan_to_text(plan), out)


def _lazy(module: str, name: str) -> Callable[[Plan, Path, str | None], object]:
    """An exporter whose heavy library (openpyxl, python-docx, reportlab) is imported on first use, not at start."""

    def export(plan: Plan, out: Path, layout: str | None = None) -> object:
        from importlib import import_module

        return getattr(import_module(module, __package__), name)(plan, out, layout)

    return export


Writer = Callable[[Plan, Path, str | None], object]


@dataclass(frozen=True)
class Document:
    """One document a format makes: its layout (None: the format's only one) and its file type in File ▸ Export…
    (translated in context "Export"; its pattern shows the suffix)."""

    layout: str | None
    label: str
    in_dialog: bool = True  # False: made from its own menu item (Plan ▸ 导出任务分解表, the dashboard)


@dataclass(frozen=True)
class ExportFormat:
    name: str  # --format
    suffix: str  # of the file written, without the dot
    documents: tuple[Document, ...]
    writer: Writer

    @property
    def layouts(self) -> tuple[str, ...]:
        return tuple(d.layout for d in self.documents if d.layout)


def _writable(exporter: Writer) -> Writer:
    """The exporter, given the plan without characters no file format can hold (NUL, lone surrogates …: a
    library from before import removed them would otherwise stop a DOCX or XLSX export). Cleans `plan` in place:
    callers pass a plan loaded for the export."""

    def export(plan: Plan, out: Path, layout: str | None = None) -> object:
        clean_plan(plan)
        return exporter(plan, out, layout)

    return export


FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat(
            "docx",
            "docx",
            (  # GB/T 9704
                Document("notice", QT_TRANSLATE_NOOP("Export", "Word: issuing notice and plan (*.docx)")),
                Document("plan", QT_TRANSLATE_NOOP("Export", "Word: the plan alone (*.docx)")),
                Document(
                    "breakdown", QT_TRANSLATE_NOOP("Export", "Word: task breakdown table (*.docx)"), in_dialog=False
                ),
                Document("progress", QT_TRANSLATE_NOOP("Export", "Word: progress report (*.docx)"), in_dialog=False),
            ),
            _writable(_lazy(".docx_writer", "export_docx")),
        ),
        ExportFormat(
            "pdf",
            "pdf",
            (  # the same layouts, typeset on the 22 × 28 grid
                Document("notice", QT_TRANSLATE_NOOP("Export", "PDF: issuing notice and plan (*.pdf)")),
                Document("plan", QT_TRANSLATE_NOOP("Export", "PDF: the plan alone (*.pdf)")),
            ),
            _writable(_lazy(".pdf_writer", "write_pdf")),
        ),
        ExportFormat(
            "ofd",
            "ofd",
            (  # GB/T 33190, painted from the PDF's typeset pages
                Document("notice", QT_TRANSLATE_NOOP("Export", "OFD: issuing notice and plan (*.ofd)")),
                Document("plan", QT_TRANSLATE_NOOP("Export", "OFD: the plan alone (*.ofd)")),
            ),
            _writable(_lazy(".ofd_writer", "write_ofd")),
        ),
        ExportFormat(
            "xlsx",
            "xlsx",
            (Document(None, QT_TRANSLATE_NOOP("Export", "Excel: task breakdown table (*.xlsx)")),),
            _writable(_lazy(".xlsx_writer", "export_xlsx")),
        ),
        ExportFormat(
            "txt",
            "txt",
            (Document(None, QT_TRANSLATE_NOOP("Export", "Plain text, numbered (*.txt)")),),
            _writable(export_txt),
        ),
        ExportFormat(
            "json",
            "json",
            (Document(None, QT_TRANSLATE_NOOP("Export", "Planbook exchange file (*.json)")),),
            _writable(export_json),
        ),
    )
}

EXPORTERS: dict[str, Writer] = {name: f.writer for name, f in FORMATS.items()}  # name → writer, as before


def layouts_help() -> str:
    """The --layout help: each format's layouts, the first its default."""
    return "; ".join(f"{f.name}: {', '.join(f.layouts)}" for f in FORMATS.values() if f.layouts)
