"""The plan's follow-up documents as Word files: the task breakdown table and the progress report by unit.

Both reuse the GB/T 9704 writer (`docx_writer._Writer`): its styles, fonts, font table and page-number
footers, so these documents look like the notice they belong to.

The breakdown table is a 横排表格 on A4 landscape. GB/T 9704 (7.4.5 and the reference notes on landscape
tables) puts the table head toward the binding edge (订口) on odd pages: bound with the portrait pages, the
landscape page's top edge lies on the binding side. Its margins are therefore the portrait ones turned a quarter:
top = 订口 (28 mm), bottom = 翻口 (26 mm), left = the portrait bottom (35 mm), right = 天头 (37 mm), which keeps
the 225 × 156 mm type area. The head row repeats on every page (w:tblHeader) and rows do not split across pages.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path

from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Mm

from ..core.breakdown import BreakdownTable, breakdown
from ..core.model import PROGRESS_NAMES, Plan, Progress
from ..core.progress import tasks_by_unit
from ..layout import PAGE, Face
from ..layout.styles import TWIPS_PER_MM
from . import write_file
from .docx_fonts import resolve_faces
from .docx_writer import _el, _ppr, _put, _rpr, _Writer, set_fonts

TABLE_LAYOUTS = ("breakdown", "progress")
TABLE_PT = 12  # 小四: a wide table of short cells; the body's 3号 would give three words a line
TABLE_FOOTER_MM = 12  # the landscape page's bottom margin is the portrait 翻口 (26 mm): the number sits below the table


def export_table_docx(plan: Plan, out: Path, layout: str, faces: Mapping[str, Face] | None = None) -> None:
    document = build_breakdown(plan, faces) if layout == "breakdown" else build_progress_report(plan, faces)
    write_file(out, lambda tmp: document.save(str(tmp)))


def _writer(faces: Mapping[str, Face] | None) -> _Writer:
    w = _Writer(resolve_faces(faces))
    w._styles()
    w._font_table()
    return w


# ---- the breakdown table --------------------------------------------------------------------------------


def build_breakdown(plan: Plan, faces: Mapping[str, Face] | None = None):
    w = _writer(faces)
    _landscape(w)
    w._footers()
    title = breakdown(plan)
    p = w._para("plan_title")
    w._run(p, title.title, "plan_title")
    w._para("normal")
    _table(w, title)
    props = w.doc.core_properties
    props.title, props.subject, props.language = title.title, plan.title, "zh-CN"
    props.author = props.last_modified_by = "、".join(plan.issuers)
    return w.doc


def _landscape(w: _Writer) -> None:
    s = w.doc.sections[0]
    s.orientation = WD_ORIENT.LANDSCAPE
    s.page_width, s.page_height = Mm(PAGE.height_mm), Mm(PAGE.width_mm)
    s.top_margin, s.bottom_margin = Mm(PAGE.left_mm), Mm(PAGE.right_mm)  # head toward the binding edge
    s.left_margin, s.right_margin = Mm(PAGE.bottom_mm), Mm(PAGE.top_mm)
    s.footer_distance, s.header_distance = Mm(TABLE_FOOTER_MM), Mm(10)
    s.gutter = 0
    w.doc.settings.odd_and_even_pages_header_footer = True


def _table(w: _Writer, table: BreakdownTable) -> None:
    type_width = round((PAGE.height_mm - PAGE.bottom_mm - PAGE.top_mm) * TWIPS_PER_MM)
    widths = _widths(table, type_width)
    tbl = _el("tbl")
    tbl_pr = _el("tblPr")
    tbl_pr.append(_el("tblW", w=sum(widths), type="dxa"))
    tbl_pr.append(_el("jc", val="center"))
    borders = _el("tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(_el(side, val="single", sz=6, space=0, color="000000"))
    tbl_pr.append(borders)
    tbl_pr.append(_el("tblLayout", type="fixed"))
    margins = _el("tblCellMar")
    for side in ("left", "right"):
        margins.append(_el(side, w=80, type="dxa"))
    tbl_pr.append(margins)
    tbl.append(tbl_pr)
    grid = _el("tblGrid")
    for width in widths:
        grid.append(_el("gridCol", w=width))
    tbl.append(grid)
    tbl.append(_row(w, [c.title for c in table.columns], widths, head=True))
    for values in table.rows:
        tbl.append(_row(w, list(values), widths, head=False))
    w.sect_pr.addprevious(tbl)
    w._para("normal")  # Word needs a paragraph after a table before the section ends


def _widths(table: BreakdownTable, type_width: int) -> list[int]:
    """Twips per column: each short column exactly its characters at the table's size (so a unit's name never
    breaks inside, 教师处 not 教师/处), the task's text the rest; scaled down only if even that does not fit."""
    char, pad = TABLE_PT * 20, 2 * 80  # one character; the cell's left and right margins
    widths = [c.width * char + pad for c in table.columns]
    task = type_width - (sum(widths) - widths[1])
    if task >= 12 * char + pad:
        widths[1] = task
        return widths
    return [type_width * x // sum(widths) for x in widths]


def _row(w: _Writer, values: list[str], widths: list[int], head: bool):
    tr = _el("tr")
    tr_pr = _el("trPr")
    tr_pr.append(_el("cantSplit"))
    if head:
        tr_pr.append(_el("tblHeader"))  # repeated at the top of every page
    tr.append(tr_pr)
    for col, (value, width) in enumerate(zip(values, widths)):
        tc = _el("tc")
        tc_pr = _el("tcPr")
        tc_pr.append(_el("tcW", w=width, type="dxa"))
        tc_pr.append(_el("vAlign", val="center"))
        tc.append(tc_pr)
        align = "center" if head or col == 0 else "left"
        for line in value.split("\n") or [""]:
            tc.append(_cell_para(w, line, "heiti" if head else "fangsong", align))
        tr.append(tc)
    return tr


def _cell_para(w: _Writer, text: str, face: str, align: str, size_pt: float = TABLE_PT):
    p = _el("p")
    ppr = _ppr(p)
    _put(ppr, _el("snapToGrid", val=0))
    _put(ppr, _el("spacing", before=40, after=40, line=300, lineRule="auto"))
    _put(ppr, _el("ind", left=0, right=0, firstLine=0))
    _put(ppr, _el("jc", val=align))
    r = _el("r")
    rpr = _rpr(r)
    set_fonts(rpr, w.faces[face].docx_name)
    _put(rpr, _el("w", val=100))
    _put(rpr, _el("sz", val=round(size_pt * 2)))
    _put(rpr, _el("szCs", val=round(size_pt * 2)))
    t = _el("t")
    t.text = text
    t.set(qn("xml:space"), "preserve")
    r.append(t)
    p.append(r)
    return p


# ---- the progress report ----------------------------------------------------------------------------------


def build_progress_report(plan: Plan, faces: Mapping[str, Face] | None = None, today: dt.date | None = None):
    """Portrait GB/T 9704 pages: per lead unit a heading, its counts, then each task with status and notes."""
    w = _writer(faces)
    w._page()
    w._footers()
    title = f"{plan.title}进展情况"
    p = w._para("plan_title")
    w._run(p, title, "plan_title")
    today = today or dt.date.today()
    p = w._para("issuers")
    w._run(p, f"（截至{today.year}年{today.month}月{today.day}日）", "issuers")
    groups = tasks_by_unit(plan)
    if not groups:
        p = w._para("body")
        w._run(p, "本计划没有任务。", "body")
    for n, (unit, tasks) in enumerate(groups.items(), start=1):
        p = w._para("heading1")
        w._run(p, f"{_chinese(n)}、{unit}", "heading1")
        counts = {s: sum(1 for t in tasks if t.node.status is s) for s in Progress}
        summary = "，".join(f"{PROGRESS_NAMES[s]}{c}项" for s, c in counts.items() if c)
        p = w._para("body")
        w._run(p, f"牵头任务{len(tasks)}项：{summary}。", "body")
        for t in tasks:
            p = w._para("task")
            w._run(p, f"{t.number}{t.node.title}", "task", bold=True)
            w._run(p, f"【{PROGRESS_NAMES[t.node.status]}】", "task", face="heiti")
            for note in t.node.notes:
                p = w._para("field")
                w._run(p, f"{note.date.year}年{note.date.month}月{note.date.day}日：{note.text}", "field")
    props = w.doc.core_properties
    props.title, props.subject, props.language = title, plan.title, "zh-CN"
    props.author = props.last_modified_by = "、".join(plan.issuers)
    return w.doc


def _chinese(n: int) -> str:
    from ..core.numbering import chinese_numeral

    return chinese_numeral(n)
