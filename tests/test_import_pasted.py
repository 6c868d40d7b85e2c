"""Pasted plans: the clipboard's HTML and plain-text flavours, read both ways, the richer reading kept."""

from __future__ import annotations

import pytest

from planbook.core.errors import FormatError
from planbook.importers.pasted import MAX_PASTE_CHARS, parse_pasted, recognised

from .test_gui_window import _task_table_selection

TEXT = "某县教育局2022年工作要点\n一、立德树人\n1.推进校园足球。\n牵头单位：体卫艺科\n"


def test_html_table_beats_its_flattened_text():
    html, text = _task_table_selection()
    both = parse_pasted(html, text)
    assert both.plans[0].nodes[0].children[0].fields[0].value == "体卫艺科"
    assert recognised(both) > recognised(parse_pasted("", text))


def test_plain_text_alone_and_text_wins_a_tie():
    alone = parse_pasted("", TEXT)
    html = "".join(f"<p>{line}</p>" for line in TEXT.splitlines())
    tie = parse_pasted(html, TEXT)
    assert recognised(alone) == recognised(tie) == 3  # section, task and its field; no notice
    assert tie.plans[0].nodes[0].children[0].title == "推进校园足球。"


def test_html_without_a_plan_falls_back_to_the_text():
    assert recognised(parse_pasted("<p>just a picture</p>", TEXT)) == 3


@pytest.mark.parametrize(
    "html, text, message",
    [
        ("", "  \n ", "no text"),
        ("", "明天下午三点开会。", "no plan structure"),
        ("", "一" * (MAX_PASTE_CHARS + 1), "more text than any plan"),
    ],
)
def test_nothing_to_import_is_one_clear_message(html, text, message):
    with pytest.raises(FormatError, match=message):
        parse_pasted(html, text)
