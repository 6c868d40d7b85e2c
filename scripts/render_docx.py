#!/usr/bin/env python3
"""Render a plan's DOCX to PNG pages with LibreOffice, to look at what Word users would get.

    python scripts/render_docx.py PLAN_FILE [--layout notice|plan] [-o OUTDIR] [--dpi 60]
    python scripts/render_docx.py --library lib.db --id 3 -o /tmp/render
    python scripts/render_docx.py some.docx -o /tmp/render

PLAN_FILE is anything `planbook import` reads (planbook/1 JSON, .txt …) or a ready .docx. LibreOffice runs with
resources/fonts/fonts.conf, which maps 仿宋_GB2312, 黑体, 楷体_GB2312, 方正小标宋简体 and 宋体 onto the bundled
fonts, and with a private profile. The DOCX is written with those default names (layout.FACES), not with the
user's Word font setting (word-fonts.json), whose names fonts.conf does not map. Prints the PDF and PNG paths;
exits 2 with a message when LibreOffice or pdftoppm is not installed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FONTS_CONF = ROOT / "resources" / "fonts" / "fonts.conf"


# fontconfig only fakes bold when told to: without this the bold task titles render regular, since the
# bundled 仿宋 has no bold face. Included on top of the bundled fonts.conf rather than edited into it.
EMBOLDEN = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <include ignore_missing="no">{conf}</include>
  <match target="font">
    <test name="weight" compare="less"><const>semibold</const></test>
    <test target="pattern" name="weight" compare="more_eq"><const>bold</const></test>
    <edit name="embolden" mode="assign"><bool>true</bool></edit>
    <edit name="weight" mode="assign"><const>bold</const></edit>
  </match>
</fontconfig>
"""


def find_soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(docx: Path, outdir: Path) -> Path:
    soffice = find_soffice()
    if soffice is None:
        raise SystemExit("LibreOffice is not installed (apt-get install libreoffice-writer-nogui): cannot render")
    env = dict(os.environ)
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        if FONTS_CONF.is_file():
            conf = Path(profile) / "fonts.conf"
            conf.write_text(EMBOLDEN.format(conf=FONTS_CONF), encoding="utf-8")
            env["FONTCONFIG_FILE"] = str(conf)
        else:
            print(f"warning: {FONTS_CONF} missing; LibreOffice will substitute system fonts", file=sys.stderr)
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(outdir),
                str(docx),
            ],
            check=True,
            env=env,
            capture_output=True,
            timeout=180,
        )
    pdf = outdir / (docx.stem + ".pdf")
    if not pdf.is_file():
        raise SystemExit(f"LibreOffice did not write {pdf}")
    return pdf


def pdf_to_png(pdf: Path, dpi: int) -> list[Path]:
    if shutil.which("pdftoppm") is None:
        raise SystemExit("pdftoppm is not installed (apt-get install poppler-utils): cannot make PNGs")
    prefix = pdf.with_suffix("")
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), str(pdf), str(prefix)], check=True, timeout=180)
    return sorted(pdf.parent.glob(prefix.name + "-*.png"))


def plan_docx(args, outdir: Path) -> Path:
    from planbook.exporters.docx_writer import export_docx
    from planbook.layout import FACES

    if args.library:
        from planbook.core.library import Library

        with Library.open(args.library) as lib:
            plans = [lib.load_plan(args.id)]
    else:
        src = Path(args.plan)
        if src.suffix.lower() == ".docx":
            return src
        from planbook.importers import import_file

        plans = import_file(src)
    out = outdir / f"{Path(args.plan or 'plan').stem}-{args.layout}.docx"
    export_docx(plans[args.index], out, args.layout, faces=FACES)  # the names fonts.conf maps, not the setting
    return out


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("plan", nargs="?", help="a plan file planbook can import, or a .docx")
    p.add_argument("--library", type=Path, help="read the plan from this library (with --id)")
    p.add_argument("--id", type=int, help="plan id in --library")
    p.add_argument("--index", type=int, default=0, help="which plan of a multi-plan file (default 0)")
    p.add_argument("--layout", default="notice", choices=["notice", "plan"])
    p.add_argument("-o", "--outdir", type=Path, default=Path(tempfile.gettempdir()) / "planbook-render")
    p.add_argument("--dpi", type=int, default=60)
    args = p.parse_args()
    if not args.plan and not (args.library and args.id is not None):
        p.error("give a plan file, or --library and --id")
    if find_soffice() is None:
        print(
            "LibreOffice is not installed (apt-get install libreoffice-writer-nogui): nothing rendered", file=sys.stderr
        )
        return 2
    args.outdir.mkdir(parents=True, exist_ok=True)
    docx = plan_docx(args, args.outdir)
    pdf = docx_to_pdf(docx, args.outdir)
    print(pdf)
    for png in pdf_to_png(pdf, args.dpi):
        print(png)
    return 0


if __name__ == "__main__":
    sys.exit(main())
