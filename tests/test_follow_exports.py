"""The seed plans' units, and the breakdown table and progress report as files, read back as a clerk would."""

from __future__ import annotations

import datetime as dt
import re

import docx
import pytest
from docx.oxml.ns import qn
from openpyxl import load_workbook

from planbook.core import editing
from planbook.core.library import Library
from planbook.core.model import NodeKind, Progress, ProgressNote
from planbook.core.units import Role, node_units, plan_units
from planbook.importers import import_file

from .conftest import run_cli

SEEDS = {"001": ("基教科", "工委办", "直属事业单位", "计财科"), "003": ("秘书处", "基教处", "高教处", "工委组织部")}
UNIT_LINE = re.compile(r"^\s*(牵头|责任|配合)(单位|科室|处室)\s*[:：](.*)$")


def seed_file(seeds, number: str):
    return next(seeds.glob(f"{number}_*.txt"))


def units_in_text(text: str) -> set[str]:
    """The unit names as the seed's own lines write them, read without the importer."""
    names: set[str] = set()
    for line in text.splitlines():
        if m := UNIT_LINE.match(line):
            for part in re.split(r"[、，,；;\s]+", m.group(3)):
                part = re.sub(r"等$", "", part.strip("。. "))
                if part:
                    names.add(part)
    return names


@pytest.mark.parametrize("number", sorted(SEEDS))
def test_seed_units_match_the_unit_names_in_their_fields(seeds, number):
    path = seed_file(seeds, number)
    plan = import_file(path)[0]
    found = plan_units(plan)
    # A unit line under the closing paragraph (seed 003) stays in the closing's text: it names no task.
    closing = {line.strip() for line in plan.closing.splitlines()}
    lines = [
        line for line in path.read_text(encoding="utf-8").splitlines() if line.strip().replace(":", "：") not in closing
    ]
    assert set(found) == units_in_text("\n".join(lines))
    assert set(SEEDS[number]) <= set(found)
    for unit, assignments in found.items():  # each assignment's task really names the unit
        for a in assignments:
            node = next(n for n in plan.walk() if n.title == a.title)
            assert (unit, a.role) in node_units(node)


def store_seed(seeds, number: str, library):
    result = run_cli("import", seed_file(seeds, number), library=library)
    assert result.code == 0, result.err
    with Library.open(library) as lib:
        plan_id = lib.plan_ids()[-1]
        return plan_id, lib.load_plan(plan_id)


def expected_rows(plan):
    """Per task: its title and the lead / responsible units its fields name."""
    rows = []
    for node in plan.walk():
        if node.kind is NodeKind.TASK:
            units = node_units(node)
            rows.append(
                (node.title, [u for u, r in units if r is Role.LEAD], [u for u, r in units if r is Role.RESPONSIBLE])
            )
    return rows


def cells_units(text: str) -> list[str]:
    return [u for u in re.split(r"[、，,；;\s]+", text) if u]


@pytest.mark.parametrize("number", sorted(SEEDS))
def test_xlsx_breakdown_has_one_row_a_task_with_its_units(seeds, number, tmp_path, library):
    plan_id, plan = store_seed(seeds, number, library)
    out = tmp_path / "table.xlsx"
    result = run_cli("export", str(plan_id), "--format", "xlsx", "-o", out, library=library)
    assert result.code == 0, result.err
    rows = [[c.value or "" for c in row] for row in load_workbook(out).active.iter_rows()]
    head, body = rows[1], rows[2:]
    expected = expected_rows(plan)
    assert len(body) == len(expected) == plan.task_count()
    check_units(head, body, expected)


def check_units(head: list[str], body: list[list[str]], expected) -> None:
    lead_col = next((i for i, h in enumerate(head) if h.startswith("牵头") and h != "牵头领导"), None)
    resp_col = next((i for i, h in enumerate(head) if h.startswith("责任")), None)
    assert head[0] == "序号" and head[1] == "工作任务" and head[-1] == "进展"
    for row, (title, lead, responsible) in zip(body, expected, strict=True):
        assert row[1].endswith(title)
        if lead_col is not None:
            assert all(u in row[lead_col] for u in lead)
        else:
            assert not lead
        if resp_col is not None:
            assert all(u in cells_units(row[resp_col]) or u in row[resp_col] for u in responsible)
        else:
            assert not responsible


@pytest.mark.parametrize("number", sorted(SEEDS))
def test_docx_breakdown_is_a_landscape_table_with_a_repeated_head(seeds, number, tmp_path, library):
    plan_id, plan = store_seed(seeds, number, library)
    with Library.open(library) as lib:  # some progress, for the 进展 column
        first = next(n for n in lib.load_plan(plan_id).walk() if n.kind is NodeKind.TASK)
        editing.apply(
            lib, editing.SetProgress(first.id, Progress.BEHIND, (ProgressNote(dt.date(2020, 6, 30), "资金未到位"),))
        )
    out = tmp_path / "table.docx"
    result = run_cli("export", str(plan_id), "--format", "docx", "--layout", "breakdown", "-o", out, library=library)
    assert result.code == 0, result.err
    document = docx.Document(out)
    section = document.sections[0]
    assert section.page_width > section.page_height and section.orientation == 1
    assert round(section.page_width.mm) == 297 and round(section.page_height.mm) == 210
    assert round(section.top_margin.mm) == 28  # the head toward the binding edge (订口)
    table = document.tables[0]
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert table.rows[0]._tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
    assert all(r._tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is None for r in table.rows[1:])
    expected = expected_rows(plan)
    assert len(rows) - 1 == len(expected)
    check_units(rows[0], rows[1:], expected)
    assert rows[1][-1] == "滞后（6月30日：资金未到位）"
    assert document.paragraphs[0].text.endswith("任务分解表")


def test_progress_report_groups_tasks_by_lead_unit(seeds, tmp_path, library):
    plan_id, plan = store_seed(seeds, "001", library)
    with Library.open(library) as lib:
        tasks = [n for n in lib.load_plan(plan_id).walk() if n.kind is NodeKind.TASK]
        editing.apply(
            lib, editing.SetProgress(tasks[0].id, Progress.DONE, (ProgressNote(dt.date(2020, 9, 1), "已完成验收"),))
        )
        editing.apply(lib, editing.SetProgress(tasks[1].id, Progress.IN_PROGRESS))
    out = tmp_path / "progress.docx"
    result = run_cli("export", str(plan_id), "--format", "docx", "--layout", "progress", "-o", out, library=library)
    assert result.code == 0, result.err
    text = [p.text for p in docx.Document(out).paragraphs]
    assert text[0] == f"{plan.title}进展情况"
    headings = [t for t in text if re.match(r"^[一二三四五六七八九十]+、", t)]
    assert [h.split("、", 1)[1] for h in headings][:2] == ["工委办", "基教科"]  # in order of first appearance
    first_group = text[text.index(headings[0]) : text.index(headings[1])]
    assert any(t.endswith("【已完成】") and tasks[0].title in t for t in first_group)
    assert "2020年9月1日：已完成验收" in first_group
    assert first_group[1].startswith("牵头任务") and "已完成1项" in first_group[1]
    docx_xml = docx.Document(out).sections[0]
    assert docx_xml.page_height > docx_xml.page_width  # an ordinary portrait report


def test_unknown_docx_layout_is_one_line(tmp_path, library):
    from planbook.core.exchange import dumps

    from .conftest import sample_plan

    (tmp_path / "p.json").write_text(dumps(sample_plan()), encoding="utf-8")
    run_cli("import", tmp_path / "p.json", library=library)
    result = run_cli(
        "export", "1", "--format", "docx", "--layout", "sideways", "-o", tmp_path / "x.docx", library=library
    )
    assert result.code != 0 and "breakdown" in result.err and "Traceback" not in result.err
    assert not (tmp_path / "x.docx").exists()
