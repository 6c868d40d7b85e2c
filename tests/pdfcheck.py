"""Read a Planbook PDF back with pdfplumber: lines of text with their font, size, colour and position (in mm)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pdfplumber

from planbook.layout.linebreak import OPENERS, SQUEEZABLE, is_wide

MM = 72 / 25.4
LEFT_MM, TOP_MM, TYPE_W_MM, TYPE_H_MM = 28.0, 37.0, 156.0, 225.0


@dataclass
class TextLine:
    page: int  # 1-based
    baseline_mm: float  # from the paper top
    size: float
    chars: list[dict]

    @property
    def text(self) -> str:
        return "".join(c["text"] for c in self.chars)

    @property
    def x0_mm(self) -> float:
        return self.chars[0]["x0"] / MM

    @property
    def x1_mm(self) -> float:
        return self.chars[-1]["x1"] / MM

    @property
    def cells(self) -> float:
        return sum(1 if is_wide(c["text"]) else 0.5 for c in self.chars)

    @property
    def grid_cells(self) -> float:
        """Cells the line takes on the 28-cell grid: like `cells`, but a full-width mark squeezed to half a cell
        (先挤进: its neighbour sits closer than ¾ of a cell) counts ½."""
        cell = TYPE_W_MM * MM / 28
        total = 0.0
        for i, c in enumerate(self.chars):
            full = is_wide(c["text"])
            if full and c["text"] in SQUEEZABLE:
                if c["text"] in OPENERS:
                    squeezed = i > 0 and c["x0"] - self.chars[i - 1]["x0"] < 0.75 * cell
                else:
                    squeezed = i + 1 < len(self.chars) and self.chars[i + 1]["x0"] - c["x0"] < 0.75 * cell
                    squeezed = (
                        squeezed
                        or i + 1 == len(self.chars)
                        and c["x0"] + cell / 2 > LEFT_MM * MM + TYPE_W_MM * MM - 0.1 * cell
                    )
                total += 0.5 if squeezed else 1
            else:
                total += 1 if full else 0.5
        return total

    @property
    def fonts(self) -> set[str]:
        return {c["fontname"].split("+")[-1] for c in self.chars}


@dataclass
class PdfDoc:
    pages: list[tuple[float, float]]  # (width, height) in pt
    lines: list[TextLine]
    embedded: dict[str, bool]  # font name → has an embedded font file

    def on_page(self, n: int) -> list[TextLine]:
        return [line for line in self.lines if line.page == n]

    @property
    def text(self) -> str:
        return "".join(line.text for line in self.lines)


def read_pdf(path: Path) -> PdfDoc:
    lines: list[TextLine] = []
    embedded: dict[str, bool] = {}
    sizes = []
    with pdfplumber.open(path) as pdf:
        for n, page in enumerate(pdf.pages, 1):
            sizes.append((float(page.width), float(page.height)))
            rows: dict[tuple[float, float], list[dict]] = {}
            for c in page.chars:
                if c["text"].isspace():
                    continue
                baseline = (float(page.height) - c["matrix"][5]) / MM
                rows.setdefault((round(baseline, 1), round(c["size"], 1)), []).append(c)
            for (baseline, size), chars in sorted(rows.items()):
                chars.sort(key=lambda c: c["x0"])
                lines.append(TextLine(n, baseline, size, chars))
            for font in _fonts(page):
                name = str(font.get("BaseFont", "")).strip("/'").split("+")[-1]
                desc = _resolve(font.get("FontDescriptor"))
                if desc is None and "DescendantFonts" in font:
                    desc = _resolve(_resolve(_resolve(font["DescendantFonts"])[0]).get("FontDescriptor"))
                embedded[name] = bool(desc) and any(k in desc for k in ("FontFile", "FontFile2", "FontFile3"))
    return PdfDoc(sizes, lines, embedded)


def _resolve(obj):
    from pdfminer.pdftypes import resolve1

    return resolve1(obj)


def _fonts(page) -> list[dict]:
    resources = _resolve(page.page_obj.resources) or {}
    fonts = _resolve(resources.get("Font")) or {}
    return [_resolve(f) for f in fonts.values()]
