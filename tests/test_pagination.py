"""One pagination: our PDF and our DOCX as LibreOffice lays it out break pages in the same places.

Every seed and the real plans of tests/data (real/, kinds/) are exported both ways, as a clerk would print them:
the PDF through `planbook export`, the DOCX through the same command and then LibreOffice (`soffice --convert-to
pdf`, with the bundled fonts mapped by resources/fonts/fonts.conf, as scripts/render_docx.py does). Compared: the
page counts (equal on every document), the first line of every page (the same on at least 90 % of pages), ink
outside the type area (none in either, read from pixels), and page 1 of every notice (red head, title, body).
Skips, saying why, where LibreOffice or pdftoppm is not installed.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from planbook.core.model import Plan

from .conftest import ROOT, sample_plan

sys.path.insert(0, str(ROOT / "scripts"))
from render_docx import EMBOLDEN, FONTS_CONF  # noqa: E402

DATA = ROOT / "tests" / "data"
SEEDS = ROOT.parent / "shared" / "seeds"
MM = 72 / 25.4
LEFT, TOP, RIGHT, BOTTOM = 28 * MM, 37 * MM, (28 + 156) * MM, (37 + 225) * MM

pytestmark = pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdftoppm")),
    reason="LibreOffice (soffice) and poppler-utils (pdftoppm) are needed to compare",
)


def sources() -> list[Path]:
    found = sorted(SEEDS.glob("*.txt")) + sorted((DATA / "real").glob("*.txt"))
    return found + sorted((DATA / "kinds").glob("*.txt")) + sorted((DATA / "kinds").glob("*.md"))


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, tuple[Path, Path]]:
    """name → (our PDF, LibreOffice's PDF of our DOCX), for every source whose notice layout exports."""
    from planbook.core.errors import PlanbookError
    from planbook.core.model import DocFormat
    from planbook.exporters.docx_writer import export_docx
    from planbook.exporters.pdf_writer import write_pdf
    from planbook.importers import import_file

    if not SEEDS.is_dir():
        pytest.skip(f"the seed plans are not at {SEEDS}")
    out = tmp_path_factory.mktemp("pagination")
    (out / "lo").mkdir()
    docs: dict[str, tuple[Path, Path]] = {}
    for src in sources():
        plan = import_file(src)[0]
        pdf, docx = out / f"{src.stem}.pdf", out / "lo" / f"{src.stem}.docx"
        try:
            write_pdf(plan, pdf)
        except PlanbookError:  # an incomplete notice is refused (test_issuing); its plan layout is compared
            write_pdf(plan, pdf, "plan")
            export_docx(plan, docx, "plan")
        else:
            export_docx(plan, docx)
            # Every notice that exports is compared in the 信函格式 (10.1) as well.
            plan.notice.doc_format = DocFormat.LETTER
            letter_pdf, letter_docx = out / f"{src.stem}-letter.pdf", out / "lo" / f"{src.stem}-letter.docx"
            write_pdf(plan, letter_pdf)
            export_docx(plan, letter_docx)
            docs[f"{src.stem}-letter"] = (letter_pdf, letter_docx.with_suffix(".pdf"))
        docs[src.stem] = (pdf, docx.with_suffix(".pdf"))
    for name, plan in imprint_plans().items():
        pdf, docx = out / f"{name}.pdf", out / "lo" / f"{name}.docx"
        write_pdf(plan, pdf)
        export_docx(plan, docx)
        docs[name] = (pdf, docx.with_suffix(".pdf"))
    _libreoffice([str(d.with_suffix(".docx")) for _, d in docs.values()], out / "lo")
    return docs


IMPRINT_CASES = {0: "imprint-even-room", 1: "imprint-after-odd", 2: "imprint-after-blank"}


def imprint_plans() -> dict[str, Plan]:
    """Notices with a 版记 (抄送, 印发机关, 印发日期) whose text ends on an even page with room for it, on an odd
    page, and on a full even page: the three ways the 版记 reaches the back of the last sheet (7.4.1, 7.5)."""
    from planbook.exporters.pdf_writer import imprint_pages
    from planbook.layout import build_document

    plans: dict[str, Plan] = {}
    for tasks in range(1, 60):
        plan = sample_plan(sections=2, tasks_per_section=tasks)
        plan.notice.signed_on = dt.date(2021, 3, 5)
        plan.notice.cc = "市委办公室，市政府办公室，省教育厅"
        plan.notice.printed_by, plan.notice.printed_on = "某市教育局办公室", dt.date(2021, 3, 9)
        plans.setdefault(IMPRINT_CASES[imprint_pages(build_document(plan, "notice"))], plan)
        if len(plans) == len(IMPRINT_CASES):
            return plans
    raise AssertionError(f"only {sorted(plans)} reached")


def _libreoffice(files: list[str], outdir: Path) -> None:
    profile = outdir / "profile"
    conf = outdir / "fonts.conf"
    conf.write_text(EMBOLDEN.format(conf=FONTS_CONF), encoding="utf-8")
    subprocess.run(
        [
            shutil.which("soffice"),
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            *files,
        ],
        check=True,
        capture_output=True,
        timeout=900,
        env={**os.environ, "FONTCONFIG_FILE": str(conf)},
    )


def page_lines(pdf: Path) -> list[list[str]]:
    """Each page's lines of text inside the type area, top to bottom, without spaces."""
    import pdfplumber

    pages = []
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            rows: dict[int, list[dict]] = {}
            for c in page.chars:
                if c["top"] < BOTTOM + 2:  # the page number sits below the type area
                    rows.setdefault(round(c["bottom"] / 4), []).append(c)
            pages.append(
                [
                    re.sub(r"\s+", "", "".join(c["text"] for c in sorted(row, key=lambda c: c["x0"])))
                    for _, row in sorted(rows.items())
                ]
            )
    return pages


# Known to page apart, and why (none now). The 函 of tests/data/kinds, fitted onto page 1 at 25 lines a page, was:
# LibreOffice made 24 lines of the 25.5 pt grid (its line count in 1/100 mm rounded 25 × 510 twips up to the whole
# type area) and set the red head 4.4 mm lower; layout.fit.grid_pitch_twips now leaves it room.
APART: set[str] = set()


def test_page_counts_are_equal_and_first_lines_agree(rendered):
    assert len(rendered) >= 25
    same = total = 0
    apart = {}  # name → how the page counts differ
    for name, (ours, theirs) in rendered.items():
        a, b = page_lines(ours), page_lines(theirs)
        if len(a) != len(b):
            apart[name] = f"{len(a)} pages in the PDF, {len(b)} in LibreOffice"
        total += len(a)
        same += sum(1 for p, q in zip(a, b) if p and q and p[0] == q[0])
    assert set(apart) <= APART, apart
    assert same >= 0.9 * total, f"first lines agree on {same} of {total} pages"


def test_no_ink_outside_the_type_area_in_either(rendered, tmp_path):
    """Pixels at 72 dpi: nothing darker than mid-grey left or right of the type area (1 px of anti-aliasing
    allowed), so no punctuation hangs into the margin and no line runs long."""
    from PIL import Image

    for name, pair in rendered.items():
        for pdf in pair:
            prefix = tmp_path / f"{name}-{pdf.parent.name}"
            subprocess.run(["pdftoppm", "-gray", "-r", "72", str(pdf), str(prefix)], check=True, timeout=300)
            for png in sorted(tmp_path.glob(prefix.name + "-*.pgm")):
                im = Image.open(png)
                w, h = im.size
                px = im.load()
                outside = [
                    (x, y)
                    for y in range(0, h, 1)
                    if not _letter_rule_row(px, y)
                    for x in [*range(0, int(LEFT) - 1), *range(int(RIGHT) + 2, w)]
                    if px[x, y] < 128
                ]
                assert not outside, f"{pdf}: ink outside the type area on {png.name} at {outside[:3]}"
                png.unlink()


def _letter_rule_row(px, y: int) -> bool:
    """A row of the 信函格式's 170 mm double lines (10.1), which reach 7 mm beyond the type area on each side by
    design: inked all along from 21.5 to 188.5 mm."""
    return all(px[x, y] < 128 for x in range(round(21.5 * MM), round(188.5 * MM)))


def test_every_notice_page_one_has_red_head_title_and_body(rendered):
    import pdfplumber

    notices = 0
    for pair in rendered.values():
        for pdf in pair:
            with pdfplumber.open(pdf) as doc:
                page = doc.pages[0]
                red = [c for c in page.chars if _red(c.get("non_stroking_color"))]
                if not red:
                    continue  # a plan without a notice starts with its own title
                notices += 1
                head = [c for c in red if c["size"] > 30]
                big = [c for c in page.chars if 20 < c["size"] < 24 and not _red(c.get("non_stroking_color"))]
                body = [c for c in page.chars if 15 < c["size"] < 17 and c["top"] > (big[-1]["bottom"] if big else 0)]
                assert head, f"{pdf}: no red 发文机关标志 on page 1"
                assert big, f"{pdf}: no title on page 1"
                assert len(body) > 10, f"{pdf}: no body under the title on page 1"
    assert notices >= 10


def _red(colour) -> bool:
    """CMYK (0, 1, 1, 0) from our PDF, RGB (1, 0, 0) from LibreOffice's."""
    if not colour:
        return False
    colour = tuple(colour)
    return colour in ((0, 1, 1, 0), (1, 0, 0)) or (len(colour) == 3 and colour[0] > 0.9 > 0.1 > max(colour[1:]))


def test_the_imprint_closes_the_last_even_page_in_both(rendered):
    """The 版记 at the foot of the last page, which is even, in our PDF and in LibreOffice's rendering of our DOCX
    alike: its last row on the type area's bottom line, after a blank page where the text filled an even page,
    and neither of those two pages numbered (7.5)."""
    import pdfplumber

    assert set(IMPRINT_CASES.values()) <= set(rendered)
    for name in IMPRINT_CASES.values():
        counts = []
        for pdf in rendered[name]:
            with pdfplumber.open(pdf) as doc:
                pages = doc.pages
                last = pages[-1]
                counts.append(len(pages))
                assert len(pages) % 2 == 0, f"{pdf}: the 版记 on page {len(pages)}"
                rows = [ln for ln in page_lines(pdf) if any(line.startswith("抄送：") for line in ln)]
                assert len(rows) == 1 and page_lines(pdf)[-1][-2].startswith("抄送："), f"{pdf}: {rows}"
                printed = [c for c in last.chars if c["top"] < BOTTOM + 2]
                assert BOTTOM - 4 * MM < max(c["bottom"] for c in printed) <= BOTTOM, f"{pdf}: not at the foot"
                numbers = [c for c in last.chars if c["top"] > BOTTOM + 2]
                if name == "imprint-after-blank":
                    assert not pages[-2].chars, f"{pdf}: page {len(pages) - 1} is not blank"
                    assert not numbers, f"{pdf}: the 版记 page after a blank page is numbered"
                else:
                    assert numbers, f"{pdf}: the 版记 page has no number"
        assert counts[0] == counts[1], f"{name}: {counts[0]} pages in the PDF, {counts[1]} in LibreOffice"
