import pytest

from planbook.core.model import Node, NodeKind, Numbering
from planbook.core.numbering import chinese_numeral, number_tree

from .conftest import sample_plan, task


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (1, "一"),
        (9, "九"),
        (10, "十"),
        (11, "十一"),
        (12, "十二"),
        (19, "十九"),
        (20, "二十"),
        (21, "二十一"),
        (99, "九十九"),
        (100, "一百"),
        (101, "一百零一"),
        (110, "一百一十"),
        (111, "一百一十一"),
        (1000, "一千"),
        (1001, "一千零一"),
        (1010, "一千零一十"),
        (2345, "二千三百四十五"),
        (9999, "九千九百九十九"),
    ],
)
def test_chinese_numerals(n, text):
    assert chinese_numeral(n) == text


@pytest.mark.parametrize("n", [0, -1, 10000])
def test_numerals_out_of_range_are_refused(n):
    with pytest.raises(ValueError):
        chinese_numeral(n)


def numbered(plan):
    numbers = number_tree(plan.nodes, plan.numbering)
    return [(numbers[id(n)], n.title) for n in plan.walk()]


def test_continuous_tasks_run_on_and_subsections_restart():
    plan = sample_plan(sections=2, tasks_per_section=2)
    assert numbered(plan) == [
        ("一、", "第1部分工作"),
        ("1.", "任务1-1。"),
        ("2.", "任务1-2。"),
        ("（一）", "加强队伍建设"),
        ("3.", "抓师德。"),
        ("（1）", "开展培训。"),
        ("二、", "第2部分工作"),
        ("4.", "任务2-1。"),
        ("5.", "任务2-2。"),
    ]


def test_per_section_numbering_restarts_in_every_section_and_subsection():
    plan = sample_plan(sections=2, tasks_per_section=2, numbering=Numbering.PER_SECTION)
    plan.nodes[0].children.append(task("小节后的任务。"))
    assert [num for num, _ in numbered(plan)] == ["一、", "1.", "2.", "（一）", "1.", "（1）", "3.", "二、", "1.", "2."]


def test_twelve_sections_number_past_ten():
    nodes = [Node(NodeKind.SECTION, f"S{i}") for i in range(12)]
    numbers = number_tree(nodes, Numbering.CONTINUOUS)
    assert [numbers[id(n)] for n in nodes][9:] == ["十、", "十一、", "十二、"]
