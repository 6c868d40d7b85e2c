"""Import speed: median parse time per seed plan, and `planbook import` of a folder of 1,000 files.

Baseline, timed in the same run: reading and decoding the same bytes and splitting them into lines, which is
the least any importer must do. Targets (issue 3): ≤ 50 ms per seed, ≤ 60 s for 1,000 files.

Other kinds (issue 14), each against its own baseline in the same run:
- a 26-page PDF (seed 003 as our notice PDF) ≤ 300 ms; baseline: pypdfium2 extracting its text alone;
- a Word 97 .doc (LibreOffice's save of our DOCX of seed 003, when soffice is installed) ≤ 500 ms; baseline:
  importing the same plan from the .docx;
- each seed flattened to one line (no line breaks at all) ≤ 50 ms; baseline: importing the seed as it is.

    .venv/bin/python benchmarks/bench_import.py [--seeds DIR] [--files 1000] [--repeat 30] [--formats-only]
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import docx  # noqa: E402
from timing import median_ms  # noqa: E402

from planbook.importers import import_with_warnings  # noqa: E402
from planbook.importers.decode import decode_text  # noqa: E402


def baseline(path: Path) -> None:
    """The least an importer must do: get the text out (unzip the .docx body) and split it into lines."""
    if path.suffix == ".docx":
        with zipfile.ZipFile(path) as z:
            text = z.read("word/document.xml").decode("utf-8")
    else:
        text, _ = decode_text(path.read_bytes(), path.name)
    [line.strip() for line in text.splitlines()]


def make_variants(seeds: list[Path], folder: Path) -> list[Path]:
    """The seeds as .txt, .html and .docx, as users bring them."""
    out = []
    for seed in seeds:
        text = seed.read_text(encoding="utf-8")
        stem = seed.stem[:3]
        html = folder / f"{stem}.html"
        html.write_text(
            "<html><body><table><tr><td>"
            + "".join(f"<p>{line}</p>" for line in text.splitlines())
            + "</td></tr></table></body></html>",
            encoding="utf-8",
        )
        document = docx.Document()
        for line in text.splitlines():
            document.add_paragraph(line)
        buf = io.BytesIO()
        document.save(buf)
        word = folder / f"{stem}.docx"
        word.write_bytes(buf.getvalue())
        out += [seed, html, word]
    return out


def extract_only(path: Path) -> None:
    """The least a PDF import does: open the file and get every page's text from PDFium."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(path.read_bytes())
    for page in document:
        page.get_textpage().get_text_range()
    document.close()


def format_rows(seeds: list[Path], tmp: Path, repeat: int) -> None:
    from planbook.exporters import EXPORTERS
    from planbook.importers.plaintext import parse_text

    seed = next(p for p in seeds if p.name.startswith("003"))
    plan = parse_text(seed.read_text(encoding="utf-8")).plans[0]
    pdf, word = tmp / "003.pdf", tmp / "003.docx"
    EXPORTERS["pdf"](plan, pdf, "notice")
    EXPORTERS["docx"](plan, word, "notice")
    import pypdfium2 as pdfium

    pages = len(pdfium.PdfDocument(pdf.read_bytes()))
    rows = [
        (
            f"PDF, {pages} pages (seed 003)",
            "pypdfium2 text",
            lambda: extract_only(pdf),
            lambda: import_with_warnings(pdf),
            300,
        )
    ]
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice:
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{tmp / 'lo'}",
                "--headless",
                "--convert-to",
                "doc:MS Word 97",
                "--outdir",
                str(tmp),
                str(word),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
        doc = tmp / "003.doc"
        rows.append(
            (
                "Word 97 .doc (seed 003)",
                "same .docx",
                lambda: import_with_warnings(word),
                lambda: import_with_warnings(doc),
                500,
            )
        )
        from planbook.importers.legacy import binary_word_to_docx
        from planbook.importers.word import parse_docx

        # what a .doc with Word list numbering costs: the whole msdoc2docx conversion, then the Word importer
        rows.append(
            (
                ".doc, full conversion (003)",
                "same .docx",
                lambda: import_with_warnings(word),
                lambda: parse_docx(binary_word_to_docx(doc.read_bytes(), doc.name)[0]),
                500,
            )
        )
    else:
        print("(LibreOffice is not installed: no .doc to time)")
    for path in seeds:
        text = path.read_text(encoding="utf-8")
        flat = "".join(text.splitlines())
        rows.append(
            (
                f"one line, {len(flat) // 1000} k chars ({path.name[:3]})",
                "seed as is",
                lambda t=text: parse_text(t),
                lambda f=flat: parse_text(f),
                50,
            )
        )
    print(f"{'input':<34}{'baseline':<16}{'base ms':>9}{'import ms':>11}{'ratio':>8}  target")
    for name, base_name, base_fn, full_fn, target in rows:
        full_fn()  # warm imports and caches
        base = median_ms(base_fn, repeat)
        full = median_ms(full_fn, repeat)
        ok = "ok" if full <= target else "SLOW"
        print(f"{name:<34}{base_name:<16}{base:9.1f}{full:11.1f}{full / base:8.1f}  ≤ {target} ms {ok}")
    print()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--seeds", type=Path, default=Path(os.environ.get("PLANBOOK_SEEDS", ROOT.parent / "shared" / "seeds"))
    )
    ap.add_argument("--files", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=30)
    ap.add_argument("--formats-only", action="store_true", help="only the PDF, .doc and one-line rows")
    args = ap.parse_args()
    seeds = sorted(args.seeds.glob("*.txt"))
    if not seeds:
        sys.exit(f"no seed plans in {args.seeds} (set PLANBOOK_SEEDS)")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        format_rows(seeds, tmp, max(5, args.repeat // 3))
        if args.formats_only:
            return
        inputs = make_variants(seeds, tmp)
        print(f"{'input':<34}{'KB':>6}{'baseline ms':>13}{'import ms':>11}{'ratio':>8}  target ≤ 50 ms")
        for path in inputs:
            import_with_warnings(path)  # warm caches and imports
            base = median_ms(lambda p=path: baseline(p), args.repeat)
            full = median_ms(lambda p=path: import_with_warnings(p), args.repeat)
            ratio = f"{full / base:8.1f}"
            ok = "ok" if full <= 50 else "SLOW"
            print(f"{path.name[:33]:<34}{path.stat().st_size / 1024:6.0f}{base:13.2f}{full:11.2f}{ratio}  {ok}")

        folder = tmp / "many"
        folder.mkdir()
        for i in range(args.files):
            source = inputs[i % len(inputs)]
            (folder / f"{i:04d}_{source.name}").write_bytes(source.read_bytes())
        files = sorted(folder.iterdir())
        t = time.perf_counter()
        for path in files:
            baseline(path)
        base = time.perf_counter() - t
        env = {**os.environ, "PLANBOOK_LIBRARY": str(tmp / "bench.db")}
        t = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-m", "planbook", "import", str(folder)], cwd=ROOT, env=env, capture_output=True, text=True
        )
        full = time.perf_counter() - t
        if proc.returncode != 0:
            sys.exit(f"import failed: {proc.stderr[-500:]}")
        kinds = ", ".join(sorted({p.suffix for p in files}))
        print()
        print(f"{'1,000 files':<34}{'files':>6}{'baseline s':>13}{'import s':>11}{'per file':>10}  target ≤ 60 s")
        print(
            f"{'planbook import FOLDER (' + kinds + ')':<34}{len(files):6d}{base:13.2f}{full:11.2f}"
            f"{full / len(files) * 1000:8.1f}ms  {'ok' if full <= 60 else 'SLOW'}"
        )
        print(proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "")


if __name__ == "__main__":
    main()
