"""Squeezed punctuation in the 版记 (the one line the PDF still squeezes, 先挤进): a squeezed mark keeps its
full-width glyph, shape and place, drawn in the proper half of its cell: ，and ） in the left half, （ in the
right half, whose ink would otherwise run into the next character. Read back from the PDF: the characters with
pdfplumber, the ink from a 600 dpi rendering."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pytest

from planbook.exporters.pdf_writer import write_pdf

from .conftest import sample_plan

pytestmark = pytest.mark.skipif(not shutil.which("pdftoppm"), reason="poppler's pdftoppm is needed to see the ink")

DPI = 600
PX = DPI / 72  # pixels per pt
# Line 1 ends 亥天（干支），: one cell too long for its 26.6 cells, so （ ） ， are squeezed to half a cell each;
# line 2 has a comma at full width to compare with.
NAMES = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥天（干支），天，干办公室"


def ink_runs(png: Path) -> list[tuple[int, int, int, int]]:
    """(x0, x1, y0, y1) of each horizontal run of inked columns (darker than mid-grey), in pixels of the crop."""
    from PIL import Image

    im = Image.open(png).convert("L")
    w, h = im.size
    px = im.load()
    assert px is not None
    cols = [[y for y in range(h) if px[x, y] < 128] for x in range(w)]
    runs, start = [], None
    for x in range(w + 1):
        inked = x < w and bool(cols[x])
        if inked and start is None:
            start = x
        elif not inked and start is not None:
            ys = [y for c in cols[start:x] for y in c]
            runs.append((start, x, min(ys), max(ys) + 1))
            start = None
    return runs


def line_chars(pdf_path: Path):
    with pdfplumber.open(pdf_path) as pdf:
        page = pdf.pages[-1]
        chars = [c for c in page.chars if c["size"] == pytest.approx(14) and "—" not in c["text"]]
        rows: dict[int, list[dict]] = {}
        for c in chars:
            rows.setdefault(round(c["top"]), []).append(c)
        lines = [sorted(r, key=lambda c: c["x0"]) for _, r in sorted(rows.items())]
        return len(pdf.pages), [ln for ln in lines if "抄送" in "".join(c["text"] for c in ln) or ln[0]["text"] == "天"]


def render_band(pdf_path: Path, page: int, chars: list[dict], out: Path) -> Path:
    """The band of one text line (its em boxes, a little more) at 600 dpi, grey."""
    top = min(c["top"] for c in chars) - 2
    bottom = max(c["bottom"] for c in chars) + 2
    x0, x1 = chars[0]["x0"] - 0.5, chars[-1]["x1"] + 20
    args = ["-r", str(DPI), "-gray", "-f", str(page), "-l", str(page), "-singlefile"]
    crop = ["-x", str(int(x0 * PX)), "-y", str(int(top * PX)), "-W", str(int((x1 - x0) * PX))]
    crop += ["-H", str(int((bottom - top) * PX))]
    subprocess.run(["pdftoppm", *args, *crop, "-png", str(pdf_path), str(out)], check=True, timeout=120)
    return out.with_suffix(".png")


def test_squeezed_marks_keep_their_shape_in_the_proper_half_of_their_cell(tmp_path):
    plan = sample_plan()
    plan.notice.cc = NAMES
    pdf = tmp_path / "notice.pdf"
    write_pdf(plan, pdf)
    pages, (first, second) = line_chars(pdf)
    text = "".join(c["text"] for c in first)
    assert text.endswith("亥天（干支），") and "".join(c["text"] for c in second).startswith("天，干")
    cell = 14.0  # 4号: the 版记's cells are its own characters
    by = {c["text"]: c for c in first[-7:]}
    # The glyphs stay the full-width ones (not ASCII , or ( ): each is set 14 pt wide, as a full cell would be.
    for mark in "（），":
        assert by[mark]["x1"] - by[mark]["x0"] == pytest.approx(cell, abs=0.05)
    # Cells: （ is half a cell before 干, ） half a cell before ，, which ends the line half a cell on.
    opener_cell = by["干"]["x0"] - cell / 2
    assert by["（"]["x0"] == pytest.approx(opener_cell - cell / 2, abs=0.05)  # drawn half a cell left
    assert by["，"]["x0"] - by["）"]["x0"] == pytest.approx(cell / 2, abs=0.05)

    band = render_band(pdf, pages, first[-7:], tmp_path / "line1")
    origin = first[-7]["x0"] - 0.5  # the crop's left edge in pt
    runs = ink_runs(band)
    assert len(runs) == 7, runs  # 亥 天 （ 干 支 ） ， each its own ink, none touching another

    def pt(run):  # a run's horizontal extent in pt on the page
        return origin + run[0] / PX, origin + run[1] / PX

    paren_open, paren_close, comma = pt(runs[2]), pt(runs[5]), pt(runs[6])
    assert opener_cell - 0.1 <= paren_open[0] and paren_open[1] <= opener_cell + cell / 2 + 0.1  # its right half
    for ink, c in ((paren_close, by["）"]), (comma, by["，"])):
        assert c["x0"] - 0.1 <= ink[0] and ink[1] <= c["x0"] + cell / 2 + 0.1  # the left half of its cell

    # The squeezed comma looks exactly like the full-width comma of line 2: same size, same place in its cell.
    band2 = render_band(pdf, pages, second[:3], tmp_path / "line2")
    ref = ink_runs(band2)[1]
    squeezed = runs[6]
    origin2 = second[0]["x0"] - 0.5
    assert squeezed[1] - squeezed[0] == pytest.approx(ref[1] - ref[0], abs=1)
    assert squeezed[3] - squeezed[2] == pytest.approx(ref[3] - ref[2], abs=1)
    left_in_cell = origin + squeezed[0] / PX - by["，"]["x0"]
    ref_left = origin2 + ref[0] / PX - second[1]["x0"]
    assert left_in_cell == pytest.approx(ref_left, abs=1 / PX + 0.01)
    assert squeezed[2] == pytest.approx(ref[2], abs=2)  # the same height on its line (both bands cut alike)
