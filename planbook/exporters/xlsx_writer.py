"""The task breakdown table as an Excel workbook: A4 landscape, header row repeated on every printed page."""

from __future__ import annotations

from pathlib import Path

from ..core.breakdown import breakdown
from ..core.errors import PlanbookError
from ..core.messages import QT_TRANSLATE_NOOP
from ..core.model import Plan
from . import write_file

BODY_FONT = "仿宋_GB2312"
HEAD_FONT = "黑体"


def _text_cells(cells) -> None:
    """Every text cell stays text: a value like `=HYPERLINK(…)` or `=2+2` from an imported file or a title is
    written as a string (not a formula Excel would run) and marked with a quote prefix, so editing the cell in
    Excel keeps it text too. Characters XML cannot carry (controls) are dropped rather than failing the export."""
    for cell in cells:
        if isinstance(cell.value, str):
            cell.data_type = "s"
            if cell.value[:1] in FORMULA_STARTS:
                cell.quotePrefix = True


FORMULA_STARTS = ("=", "+", "-", "@")


def _append(sheet, values: list) -> None:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    sheet.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in values])
    _text_cells(sheet[sheet.max_row])


def export_xlsx(plan: Plan, out: Path, layout: str | None = None) -> None:
    if layout not in (None, "breakdown"):
        raise PlanbookError(QT_TRANSLATE_NOOP("Messages", "XLSX has one layout, breakdown (not {layout!r})"),
                            layout=layout)
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    table = breakdown(plan)
    book = Workbook()
    sheet = book.active
    sheet.title = "任务分解表"
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    width = len(table.columns)
    _append(sheet, [table.title])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    sheet["A1"].font = Font(name="方正小标宋简体", size=18)
    sheet["A1"].alignment = Alignment(horizontal="center", vertical="center")
    sheet.row_dimensions[1].height = 36
    _append(sheet, [c.title for c in table.columns])
    for cell in sheet[2]:
        cell.font = Font(name=HEAD_FONT, size=12)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = border
    for row in table.rows:
        _append(sheet, list(row))
        for cell in sheet[sheet.max_row]:
            cell.font = Font(name=BODY_FONT, size=12)
            cell.alignment = Alignment(vertical="center", wrap_text=True,
                                       horizontal="center" if cell.column == 1 else "left")
            cell.border = border
    for i, column in enumerate(table.columns, start=1):
        sheet.column_dimensions[sheet.cell(row=2, column=i).column_letter].width = column.width * 2.1
    sheet.freeze_panes = "A3"
    sheet.print_title_rows = "2:2"  # the header row on every printed page
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    write_file(out, book.save)
