"""Units named in task fields: split, cleaned, listed per plan and library, renamed in one undoable step."""

from planbook.core import editing
from planbook.core.library import Library
from planbook.core.model import Node, NodeKind, Plan
from planbook.core.units import Role, library_units, plan_units, rename_unit, split_units, unit_role

from .conftest import run_cli, task


def test_labels_that_name_units_and_their_roles():
    assert unit_role("牵头单位") is Role.LEAD and unit_role("牵头科室") is Role.LEAD
    assert unit_role("牵头处室") is Role.LEAD
    assert unit_role("责任单位") is Role.RESPONSIBLE and unit_role("责任科室") is Role.RESPONSIBLE
    assert unit_role("配合单位") is Role.COOPERATING
    for label in ("完成时限", "牵头领导", "目标任务", "工作措施"):
        assert unit_role(label) is None


def test_values_split_and_cleaned():
    assert split_units("基教科、高职民科，民教科;教科所；办公室,督导室") == [
        "基教科",
        "高职民科",
        "民教科",
        "教科所",
        "办公室",
        "督导室",
    ]
    assert split_units(" 基教科 、计财科等") == ["基教科", "计财科"]
    assert split_units("各市州教育局等单位") == ["各市州教育局"]
    assert split_units("基教科、基教科") == ["基教科"]
    assert split_units("  ") == []


def make_plan() -> Plan:
    return Plan(
        title="某局2021年工作要点",
        nodes=[
            Node(
                NodeKind.SECTION,
                "一",
                children=[
                    task("甲。", 牵头科室="基教科", 责任科室="计财科、督导室", 完成时限="6月"),
                    task("乙。", 牵头科室="计财科", 责任科室="基教科等"),
                ],
            ),
            Node(NodeKind.SECTION, "二", children=[task("丙。", 牵头领导="张三", 配合单位="团市委")]),
        ],
    )


def test_plan_units_with_their_tasks_and_roles(tmp_path):
    with Library.open(tmp_path / "lib.db") as lib:
        plan_id = lib.add_plan(make_plan())
        units = plan_units(lib.load_plan(plan_id))
        assert list(units) == ["基教科", "计财科", "督导室", "团市委"]
        assert [(a.number, a.title, a.role) for a in units["基教科"]] == [
            ("1.", "甲。", Role.LEAD),
            ("2.", "乙。", Role.RESPONSIBLE),
        ]
        lib.add_plan(make_plan())
        assert library_units(lib) == {"基教科": 4, "计财科": 4, "督导室": 2, "团市委": 2}


def test_rename_a_unit_in_one_undoable_step(tmp_path):
    with Library.open(tmp_path / "lib.db") as lib:
        plan_id = lib.add_plan(make_plan())
        before = lib.load_plan(plan_id)
        undo = editing.apply(lib, rename_unit(lib, plan_id, "基教科", "基础教育科")).inverse
        after = lib.load_plan(plan_id)
        values = [f.value for n in after.walk() for f in n.fields]
        assert "基础教育科" in values and "基础教育科等" in values and "计财科、督导室" in values
        assert "基教科" not in plan_units(after)
        editing.apply(lib, undo)
        assert lib.load_plan(plan_id) == before


def test_units_cli(tmp_path, library):
    from planbook.core.exchange import dumps

    (tmp_path / "p.json").write_text(dumps(make_plan()), encoding="utf-8")
    run_cli("import", tmp_path / "p.json", library=library)
    listing = run_cli("units", "1", library=library).out.split("\n")
    assert listing[0].split() == ["2", "基教科"]
    tasks = run_cli("units", "--unit", "基教科", library=library).out.splitlines()
    assert tasks == ["某局2021年工作要点\t1.甲。\t牵头", "某局2021年工作要点\t2.乙。\t责任"]
    renamed = run_cli("rename-unit", "1", "基教科", "基础教育科", library=library)
    assert renamed.code == 0 and "2 task(s)" in renamed.out
    assert run_cli("rename-unit", "1", "不存在科", "x", library=library).code == 1
