"""Import speed: median parse time per seed plan, and `planbook import` of a folder of 1,000 files.

Baseline, timed in the same run: reading and decoding the same bytes and splitting them into lines, which is
the least any importer must do. Targets (issue 3): ≤ 50 ms per seed, ≤ 60 s for 1,000 files.

    .venv/bin/python benchmarks/bench_import.py [--seeds DIR] [--files 1000] [--repeat 30]
"""

from __future__ import annotations

import argparse
import io
import os
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
        html.write_text("<html><body><table><tr><td>" + "".join(f"<p>{line}</p>" for line in text.splitlines())
                        + "</td></tr></table></body></html>", encoding="utf-8")
        document = docx.Document()
        for line in text.splitlines():
            document.add_paragraph(line)
        buf = io.BytesIO()
        document.save(buf)
        word = folder / f"{stem}.docx"
        word.write_bytes(buf.getvalue())
        out += [seed, html, word]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=Path, default=Path(os.environ.get("PLANBOOK_SEEDS", ROOT.parent / "shared" / "seeds")))
    ap.add_argument("--files", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=30)
    args = ap.parse_args()
    seeds = sorted(args.seeds.glob("*.txt"))
    if not seeds:
        sys.exit(f"no seed plans in {args.seeds} (set PLANBOOK_SEEDS)")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
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
        proc = subprocess.run([sys.executable, "-m", "planbook", "import", str(folder)], cwd=ROOT, env=env,
                              capture_output=True, text=True)
        full = time.perf_counter() - t
        if proc.returncode != 0:
            sys.exit(f"import failed: {proc.stderr[-500:]}")
        kinds = ", ".join(sorted({p.suffix for p in files}))
        print()
        print(f"{'1,000 files':<34}{'files':>6}{'baseline s':>13}{'import s':>11}{'per file':>10}  target ≤ 60 s")
        print(f"{'planbook import FOLDER (' + kinds + ')':<34}{len(files):6d}{base:13.2f}{full:11.2f}"
              f"{full / len(files) * 1000:8.1f}ms  {'ok' if full <= 60 else 'SLOW'}")
        print(proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "")


if __name__ == "__main__":
    main()
