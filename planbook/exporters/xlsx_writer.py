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


# What Excel reads as the start of a formula when a cell is typed or edited.
FORMULA_STARTS = ("=", "+", "-", "@")


def _as_text(cell) -> None:
    """A text cell stays text: `=HYPERLINK(…)` or `=2+2` from an imported file or a title is written as a string
    (openpyxl would write it as a formula Excel runs) and gets a quote prefix, so editing it in Excel keeps it
    text too. Numbers (序号) stay numbers."""
    if isinstance(cell.value, str):
        cell.data_type = "s"
        if cell.value.startswith(FORMULA_STARTS):
            cell.quotePrefix = True


def export_xlsx(plan: Plan, out: Path, layout: str | None = None) -> None:
    if layout not in (None, "breakdown"):
        raise PlanbookError(
            QT_TRANSLATE_NOOP("Messages", "XLSX has one layout, breakdown (not {layout!r})"), layout=layout
        )
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Border, Font, NamedStyle, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.cell_range import CellRange
    from openpyxl.worksheet.worksheet import Worksheet

    table = breakdown(plan)
    # Write-only: rows stream to the file as they come, so a 3,000-task table costs what its rows cost (the
    # ordinary sheet looked up `sheet[sheet.max_row]` per row, scanning every cell). Sizes, merges and page setup
    # must be set before the first row.
    book = Workbook(write_only=True)
    sheet = book.create_sheet("任务分解表")
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    width = len(table.columns)
    for i, column in enumerate(table.columns, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = column.width * 2.1
    sheet.row_dimensions[1].height = 36
    sheet.merged_cells.add(CellRange(min_row=1, min_col=1, max_row=1, max_col=width))
    sheet.freeze_panes = "A3"
    sheet.print_title_rows = "2:2"  # the header row on every printed page
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True

    # Named styles: a cell takes one by name (a copied tuple), where setting font, alignment and border on each
    # cell hashes the style objects every time (3,000 tasks: 7 of 11 s). Excel lists them under Cell Styles.
    def named(name: str, font: Font, horizontal: str, framed: bool = True, wrap: bool = True) -> str:
        book.add_named_style(
            NamedStyle(
                name=name,
                font=font,
                border=border
                if framed
                else Border(left=Side(), right=Side(), top=Side(), bottom=Side(), diagonal=Side()),
                alignment=Alignment(horizontal=horizontal, vertical="center", wrap_text=wrap or None),
            )
        )
        return name

    title_style = named("任务分解表标题", Font(name="方正小标宋简体", size=18), "center", framed=False, wrap=False)
    head_style = named("任务分解表表头", Font(name=HEAD_FONT, size=12), "center")
    body_font = Font(name=BODY_FONT, size=12)
    body_styles = [named("任务分解表序号", body_font, "center"), named("任务分解表正文", body_font, "left")]

    def cell_of(value, style: str):
        cell = WriteOnlyCell(sheet, value)
        cell.style = style
        _as_text(cell)
        return cell

    sheet.append([cell_of(table.title, title_style)])
    sheet.append([cell_of(c.title, head_style) for c in table.columns])
    # One styled cell per column, given each row's value in turn: a write-only sheet writes a row out as it is
    # appended, so the cells are free again at once (a new styled cell per value was half the export's time).
    styles = [body_styles[0]] + [body_styles[1]] * (width - 1)
    column_cells = [cell_of(None, style) for style in styles]
    for row in table.rows:
        cells = []
        for cell, value, style in zip(column_cells, row, styles):
            if isinstance(value, str) and value.startswith(FORMULA_STARTS):
                cells.append(cell_of(value, style))  # its quote prefix stays on this cell alone
            else:
                cell.value = value
                if isinstance(value, str):
                    cell.data_type = "s"  # text stays text (openpyxl would read "#N/A" as an error value)
                cells.append(cell)
        sheet.append(cells)
    write_file(out, book.save)
