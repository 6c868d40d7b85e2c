"""The task breakdown table, read back from the XLSX a user would send round."""

from openpyxl import load_workbook

from planbook.core.breakdown import breakdown
from planbook.core.exchange import dumps
from planbook.core.model import Node, NodeKind, Numbering, Plan

from .conftest import run_cli, task


def plan_with_fields() -> Plan:
    return Plan(
        title="某局2021年工作要点",
        numbering=Numbering.PER_SECTION,
        nodes=[
            Node(
                NodeKind.SECTION,
                "一",
                children=[
                    task("甲。", 牵头领导="张三", 牵头科室="基教科", 责任科室="计财科、督导室", 完成时限="6月底"),
                    task("乙。", 牵头科室="计财科"),
                ],
            ),
            Node(
                NodeKind.SECTION, "二", children=[task("丙。", 牵头科室="办公室", 责任科室="各科室", 完成时限="全年")]
            ),
        ],
    )


def test_columns_follow_the_fields_the_plan_uses():
    table = breakdown(plan_with_fields())
    # every label the plan uses (牵头领导 too); the number only in 序号, not repeated in the task's text
    assert [c.title for c in table.columns] == [
        "序号",
        "工作任务",
        "牵头领导",
        "牵头科室",
        "责任科室",
        "完成时限",
        "进展",
    ]
    assert table.rows == (
        ("1", "甲。", "张三", "基教科", "计财科、督导室", "6月底", ""),
        ("2", "乙。", "", "计财科", "", "", ""),
        ("3", "丙。", "", "办公室", "各科室", "全年", ""),
    )
    # widths from the content: a unit column fits its longest name (never 督导/室), the empty 进展 its heading
    widths = {c.title: c.width for c in table.columns}
    assert widths["责任科室"] >= 4 and widths["进展"] < widths["牵头科室"] < widths["工作任务"]
    bare = breakdown(Plan(title="无字段", nodes=[task("甲。")]))
    assert [c.title for c in bare.columns] == ["序号", "工作任务", "进展"]


def test_xlsx_export_has_one_row_a_task_and_prints_landscape_with_repeated_header(tmp_path, library):
    (tmp_path / "p.json").write_text(dumps(plan_with_fields()), encoding="utf-8")
    run_cli("import", tmp_path / "p.json", library=library)
    out = tmp_path / "table.xlsx"
    result = run_cli("export", "1", "--format", "xlsx", "-o", out, library=library)
    assert result.code == 0, result.err
    sheet = load_workbook(out).active
    rows = [[c.value or "" for c in row] for row in sheet.iter_rows()]
    assert rows[0][0] == "某局2021年工作要点任务分解表"
    assert rows[1] == ["序号", "工作任务", "牵头领导", "牵头科室", "责任科室", "完成时限", "进展"]
    assert rows[2:] == [
        ["1", "甲。", "张三", "基教科", "计财科、督导室", "6月底", ""],
        ["2", "乙。", "", "计财科", "", "", ""],
        ["3", "丙。", "", "办公室", "各科室", "全年", ""],
    ]
    assert sheet.page_setup.orientation == "landscape" and sheet.print_title_rows == "$2:$2"
    assert sheet["B3"].font.name == "仿宋_GB2312"
    # The look the workbook is written with (row by row, in write-only mode): a merged 18 pt title, a framed 黑体
    # header, framed 12 pt body cells wrapped and centred vertically, 序号 centred, widths from the columns.
    assert [str(r) for r in sheet.merged_cells.ranges] == ["A1:G1"] and sheet.row_dimensions[1].height == 36
    assert (sheet["A1"].font.name, sheet["A1"].font.sz, sheet["A1"].alignment.horizontal) == (
        "方正小标宋简体",
        18,
        "center",
    )
    assert all(c.font.name == "黑体" and c.border.top.style == "thin" and c.alignment.wrap_text for c in sheet[2])
    for row in sheet.iter_rows(min_row=3):
        assert all(c.border.left.style == c.border.bottom.style == "thin" and c.font.sz == 12 for c in row)
        assert all(c.alignment.vertical == "center" and c.alignment.wrap_text for c in row)
        assert [c.alignment.horizontal for c in row] == ["center"] + ["left"] * 6
    assert sheet.freeze_panes == "A3" and sheet.page_setup.paperSize == 9 and sheet.print_options.horizontalCentered
    assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.column_dimensions["B"].width > 40


def test_docx_breakdown_columns_fit_unit_names_and_the_task_takes_the_rest(tmp_path):
    import docx
    from docx.oxml.ns import qn

    from planbook.exporters.docx_writer import export_docx

    plan = plan_with_fields()
    plan.nodes[0].children[0].fields[2].value = "计财科、教师工作处、督导室"
    out = tmp_path / "t.docx"
    export_docx(plan, out, "breakdown")
    table = docx.Document(str(out)).tables[0]
    grid = [int(c.get(qn("w:w"))) for c in table._tbl.find(qn("w:tblGrid"))]
    heads = [c.text for c in table.rows[0].cells]
    twips = dict(zip(heads, grid))
    assert twips["责任科室"] >= 5 * 12 * 20 + 160  # 教师工作处 on one line at 小四, with the cell's margins
    assert twips["工作任务"] == max(grid) and abs(sum(grid) - 225 * 1440 / 25.4) < 2  # the landscape type width
