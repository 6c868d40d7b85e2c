"""Pages one at a time: the typesetter hands out each page as it is finished, the first pages of a long plan come
from its head alone and equal the whole document's, and the PDF painted from the stream is the one it always was."""

from __future__ import annotations

from pathlib import Path

import pytest

from planbook.core.model import Node, NodeKind, Plan
from planbook.exporters.pdf_writer import Fonts, Page, first_pages, render, typeset, typeset_pages
from planbook.layout import build_document

from .conftest import crowded_notice_plan, sample_plan, task
from .pdfcheck import read_pdf


@pytest.fixture(autouse=True)
def no_user_fonts(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("PLANBOOK_FONTS", str(tmp_path / "no-fonts.json"))


def long_plan(tasks: int = 240) -> Plan:
    """A notice over a plan of many sections (each opening with a heading that keeps with its first task) whose
    tasks carry Latin and numbers, so that pages break in every way the keep rules know."""
    plan = crowded_notice_plan()
    plan.nodes = []
    for s in range(tasks // 8):
        section = Node(NodeKind.SECTION, f"第{s + 1}部分重点工作")
        for t in range(8):
            section.children.append(
                task(
                    f"推进第{s * 8 + t + 1}项工作。",
                    "落实5G与COVID-19防控，2020年完成95%。" * (t % 4 + 1),
                    牵头单位="基教科",
                    完成时限=f"{t + 1}月底",
                )
            )
        plan.nodes.append(section)
    return plan


@pytest.mark.parametrize("layout", ["notice", "plan"])
def test_the_first_pages_of_a_long_plan_are_the_whole_documents_first_pages(layout: str) -> None:
    plan, fonts = long_plan(), Fonts()
    whole = typeset(build_document(plan, layout), fonts)
    assert len(whole) > 40
    for count in (1, 2, 5):
        assert first_pages(plan, layout, fonts, count) == whole[:count]
    short = sample_plan()  # shorter than the pages asked: all of it
    assert first_pages(short, layout, fonts, 50) == typeset(build_document(short, layout), fonts)


def test_pages_are_handed_out_one_by_one_as_they_are_finished() -> None:
    plan, fonts = long_plan(), Fonts()
    blocks = build_document(plan, "notice")
    stream = typeset_pages(blocks, fonts)
    first = next(stream)
    assert first.number == 1 and first.items  # page 1 while the rest is still to be typeset
    rest = list(stream)
    assert [first, *rest] == typeset(blocks, fonts)
    assert [p.number for p in rest] == list(range(2, len(rest) + 2))


def test_render_shows_each_page_to_its_watcher_and_can_be_stopped(tmp_path: Path) -> None:
    plan = long_plan()
    seen: list[Page] = []
    render(plan, tmp_path / "all.pdf", "notice", on_page=seen.append)
    assert [p.number for p in seen] == list(range(1, len(seen) + 1))
    assert len(read_pdf(tmp_path / "all.pdf").pages) == len(seen)

    class Stop(Exception):
        pass

    def stop_at_three(page: Page) -> None:
        if page.number == 3:
            raise Stop

    with pytest.raises(Stop):  # a preview closed meanwhile stops the work at the next page
        render(plan, tmp_path / "stopped.pdf", "notice", on_page=stop_at_three)
