"""The grid line breaker: 禁则 hold, nothing is lost, lines fit 28 cells, over arbitrary text and every seed line."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planbook.layout.linebreak import NO_END, NO_START, break_lines, leading_width, split_units

HANZI = "教育工作要点全面推进改革发展质量体系建设学校教师学生课程"
MARKS = "，。、；：？！）》”’（《“‘…—"
ASCII = "0123456789abcXYZ.%-,:()"

text_st = st.lists(st.sampled_from([*HANZI, *MARKS, *ASCII, " ", "——", "……"]), max_size=200).map("".join)


def _check(text: str, width: float = 28, first_indent: float = 2) -> list:
    lines = break_lines(text, width=width, first_indent=first_indent)
    # Nothing lost: the lines put back together are the text (whitespace runs collapse to at most one space).
    joined = "".join(line.text for line in lines)
    assert re.sub(r"\s+", "", joined) == re.sub(r"\s+", "", text)
    for n, line in enumerate(lines):
        assert line.width <= width + 1e-6, (line.text, line.width)
        xs = [u.x for u in line.units]
        assert xs == sorted(xs)
        if not line.units:
            continue
        # A line may only break a rule when there was no legal break at all (a run of nothing but marks).
        stuck = all(u.text[0] in NO_START | NO_END for u in line.units)
        # Where the line before offers no legal break at all, the breaker must break somewhere (only on
        # absurdly narrow measures or runs of marks).
        if n > 0 and not stuck and _has_legal_break(lines[n - 1]):
            assert line.text[0] not in NO_START, (n, line.text)
        if n < len(lines) - 1 and not stuck and not all(u.text[0] in NO_START | NO_END for u in lines[n + 1].units):
            assert line.text[-1] not in NO_END, (n, line.text)
    return lines


def _has_legal_break(line) -> bool:
    units = line.units
    return any(not (a.text[-1] in NO_END or b.text[0] in NO_START) for a, b in zip(units, units[1:]))


@settings(max_examples=300, deadline=None)
@given(text_st)
def test_arbitrary_text_keeps_rules_and_characters(text: str) -> None:
    _check(text)


@settings(max_examples=100, deadline=None)
@given(text_st, st.integers(min_value=4, max_value=40))
def test_any_width(text: str, width: int) -> None:
    _check(text, width=width, first_indent=min(2, width - 2))


def test_dash_ellipsis_and_numbers_never_split() -> None:
    text = "甲" * 25 + "——乙" + "丙" * 20 + "……丁" + "戊" * 22 + "2020年3.5%的增长"
    lines = _check(text, first_indent=0)
    units = [u.text for line in lines for u in line.units]
    assert "——" in units and "……" in units
    assert any(u == "3.5%" for u in units) and any(u == "2020年" for u in units)


def test_comma_at_line_start_is_squeezed_in() -> None:
    # 27 hanzi and a mark fill the line; the 29th-cell comma gets squeezed onto line 1, not onto line 2's start.
    text = "甲" * 20 + "，" + "乙" * 7 + "，丙丁"
    lines = _check(text, first_indent=0)
    assert lines[0].text.endswith("乙，")
    assert [u.width for u in lines[0].units if u.text == "，"] == [0.5, 0.5]
    assert lines[0].width == 28


def test_comma_without_room_pushes_a_character_down() -> None:
    text = "甲" * 28 + "，乙"
    lines = _check(text, first_indent=0)
    assert lines[0].text == "甲" * 27
    assert lines[1].text.startswith("甲，")
    assert lines[0].units[-1].x + 1 == pytest.approx(28)  # the short line is justified to the full measure


def test_opening_bracket_never_ends_a_line() -> None:
    text = "甲" * 27 + "《乙丙》丁"
    lines = _check(text, first_indent=0)
    assert lines[0].text == "甲" * 27
    assert lines[1].text.startswith("《乙")


def test_long_latin_run_is_cut_rather_than_overflowing() -> None:
    text = "见" + "a" * 80
    lines = _check(text, first_indent=0)
    assert len(lines) >= 2


def test_units_of_mixed_text() -> None:
    assert [u.text for u in split_units("推进5G和2.0版本")] == ["推", "进", "5G", "和", "2.0", "版", "本"]


def test_every_line_of_every_seed(seeds) -> None:
    count = 0
    for path in sorted(seeds.glob("*.txt")):
        for para in path.read_text(encoding="utf-8").splitlines():
            if para.strip():
                _check(para.strip())
                count += 1
    assert count > 400


def test_a_number_keeps_its_unit() -> None:
    """数字、年份不能回行: 2020年 moves down whole rather than leaving 年 to start the next line."""
    text = "甲" * 26 + "2020年工作"
    lines = _check(text, first_indent=0)
    assert lines[0].text == "甲" * 26
    assert lines[1].text.startswith("2020年")


def test_a_year_range_breaks_after_its_hyphen_never_inside_a_number():
    """（2018-2020年） is not one 5½-cell block that leaves a line spread wide: it may break after the hyphen."""
    text = "甲" * 21 + "（2018-2020年）的实施意见"
    lines = break_lines(text, width=28, first_indent=2)
    assert lines[0].text.endswith("（2018-") and lines[1].text.startswith("2020年）")
    assert lines[0].width == pytest.approx(28)  # hardly spread: 24.5 cells of text
    for line in break_lines("经费" * 12 + "1.47亿元和0771-5551234", width=28, first_indent=2):
        assert not line.text[0].isdigit() or line.text.startswith(("1.47", "0771-5551234"))  # numbers stay whole


@pytest.mark.parametrize(
    ("text", "cells"),
    [
        ("教育", 1.0),
        ("“不忘初心", 2.0),
        ("（一）加强", 3.0),
        ("2020-2025年专业", 5.5),
        ("1+X证书", 1.5),
        ("五”（2018-2020年）", 2.0),
    ],
)
def test_leading_width_is_what_a_line_may_not_start_without(text, cells):
    """What a reader of printed pages measures to tell a line left short by the 禁则 from a paragraph's end."""
    assert leading_width(text) == cells


def test_a_space_before_a_mark_does_not_let_the_mark_start_a_line() -> None:
    """Found by hypothesis: the break went between 教 and the space, the space was dropped, and ， led line 2."""
    lines = _check("教教教 ，教", width=5, first_indent=2)
    assert [line.text for line in lines] == ["教教", "教 ，教"]
