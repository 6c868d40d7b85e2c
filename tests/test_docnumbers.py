"""发文字号: parsed, the next free serial of an agency code, clashes, and the window's Next Free Number button."""

from __future__ import annotations

import pytest

from planbook.core import docnumbers
from planbook.core.docnumbers import DocNumber
from planbook.core.library import Library
from planbook.core.model import Plan

from .gui_support import settle, stored_plan

NUMBERS = [
    ("某教发〔2021〕3号", ["某市教育局"]),
    ("某教发〔2021〕12号", ["某市教育局"]),
    ("某教发〔2020〕40号", ["某市教育局"]),
    ("某教办〔2021〕50号", ["某市教育局"]),
    ("", ["某市教育局"]),
    ("湘教发〔2021〕9号", ["湖南省教育厅"]),
    ("not a number", ["某市教育局"]),
    ("", ["某县教育局"]),
]


@pytest.fixture
def lib(tmp_path):
    """Plans 1…8 with the numbers above, in a real library."""
    with Library.open(tmp_path / "lib.db") as lib:
        for i, (number, issuers) in enumerate(NUMBERS, 1):
            plan = Plan(title=f"plan {i}", year=2021, issuers=issuers)
            plan.notice.doc_number = number
            lib.add_plan(plan)
        yield lib


def test_parse_reads_the_three_parts_and_refuses_the_rest():
    assert docnumbers.parse("湘教发〔2020〕8号") == DocNumber("湘教发", 2020, 8)
    assert docnumbers.parse("湘教发〔 2020 〕 8号") == DocNumber("湘教发", 2020, 8)
    assert str(DocNumber("湘教发", 2020, 8)) == "湘教发〔2020〕8号"
    for bad in ("", "湘教发[2020]8号", "湘教发〔2020〕08号", "湘教发〔20〕8号", "湘教发〔2020〕8"):
        assert docnumbers.parse(bad) is None, bad


def test_next_number_counts_per_code_and_year(lib):
    assert docnumbers.next_number(lib, "某教发", 2021) == DocNumber("某教发", 2021, 13)
    assert docnumbers.next_number(lib, "某教发", 2022) == DocNumber("某教发", 2022, 1)
    assert docnumbers.next_number(lib, "某教办", 2021).serial == 51


def test_suggest_uses_the_plans_own_code_else_its_issuers_usual_one(lib):
    assert docnumbers.suggest(lib, 5, 2021) == DocNumber("某教发", 2021, 13)  # 某教发 three times, 某教办 once
    assert docnumbers.suggest(lib, 4, 2021) == DocNumber("某教办", 2021, 1)  # its own code; its own serial is free
    assert docnumbers.suggest(lib, 8, 2021) is None  # nobody to learn from
    assert docnumbers.suggest(lib, 99, 2021) is None


def test_holders_name_the_other_plans_with_the_same_number(lib):
    assert docnumbers.holders(lib, " 某教发〔2021〕3号", exclude=5) == [(1, "plan 1")]
    assert docnumbers.holders(lib, "某教发〔2021〕3号", exclude=1) == []
    assert docnumbers.holders(lib, "junk") == []


def test_next_free_number_button_and_clash_warning(windows, tmp_path):
    path = tmp_path / "lib.db"
    with Library.open(path) as lib:
        for number in ("某教发〔2021〕3号", "某教发〔2021〕7号"):
            plan = Plan(title=f"某市教育局通知{number}", year=2021, issuers=["某市教育局"])
            plan.notice.doc_number = number
            lib.add_plan(plan)
        draft_id = lib.add_plan(Plan(title="某市教育局2021年工作要点", year=2021, issuers=["某市教育局"]))
    w = windows.open(path, lang="en")
    w.open_plan(draft_id)
    w.select_plan_row()
    settle()
    props = w.plan_properties
    props.next_number.click()
    settle()
    assert props.field("notice.doc_number").text() == "某教发〔2021〕8号"
    assert stored_plan(path, draft_id).notice.doc_number == "某教发〔2021〕8号"
    assert props.doc_number_error.isHidden()
    w.undo_stack.undo()
    settle()
    assert stored_plan(path, draft_id).notice.doc_number == ""
    props.field("notice.doc_number").setText("某教发〔2021〕3号")  # as typed
    settle()
    assert props.doc_number_error.isVisibleTo(props)
    assert "某市教育局通知某教发〔2021〕3号" in props.doc_number_error.text()
