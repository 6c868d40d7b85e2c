"""The task breakdown table, read back from the XLSX a user would send round."""

from openpyxl import load_workbook

from planbook.core.breakdown import breakdown
from planbook.core.exchange import dumps
from planbook.core.model import Node, NodeKind, Numbering, Plan

from .conftest import run_cli, task


def plan_with_fields() -> Plan:
    return Plan(title="某局2021年工作要点", numbering=Numbering.PER_SECTION, nodes=[
        Node(NodeKind.SECTION, "一", children=[
            task("甲。", 牵头领导="张三", 牵头科室="基教科", 责任科室="计财科、督导室", 完成时限="6月底"),
            task("乙。", 牵头科室="计财科"),
        ]),
        Node(NodeKind.SECTION, "二", children=[task("丙。", 牵头科室="办公室", 责任科室="各科室", 完成时限="全年")]),
    ])


def test_columns_follow_the_fields_the_plan_uses():
    table = breakdown(plan_with_fields())
    assert [c.title for c in table.columns] == ["序号", "工作任务", "牵头科室", "责任科室", "完成时限", "进展"]
    assert table.rows == (
        ("1", "1.甲。", "基教科", "计财科、督导室", "6月底", ""),
        ("2", "2.乙。", "计财科", "", "", ""),
        ("3", "1.丙。", "办公室", "各科室", "全年", ""),
    )
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
    assert rows[1] == ["序号", "工作任务", "牵头科室", "责任科室", "完成时限", "进展"]
    assert rows[2:] == [["1", "1.甲。", "基教科", "计财科、督导室", "6月底", ""],
                        ["2", "2.乙。", "计财科", "", "", ""],
                        ["3", "1.丙。", "办公室", "各科室", "全年", ""]]
    assert sheet.page_setup.orientation == "landscape" and sheet.print_title_rows == "$2:$2"
    assert sheet["B3"].font.name == "仿宋_GB2312"
