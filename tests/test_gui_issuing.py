"""The notice's head and seal in the window: a proposed masthead shown as proposed until confirmed (or typed over),
sealed or not, electronic seals chosen, refused with the reason, undone. Screenshot under /tmp."""

from __future__ import annotations

from pathlib import Path

from planbook.core.issuing import fill_masthead
from planbook.core.library import Library
from planbook.core.model import DocFormat, Sealing
from tests.gui_support import realistic_plan, settle, stored_plan

from .test_issuing import seal_image

SHOT = Path("/tmp/planbook-notice-issue.png")


def test_proposed_masthead_confirmed_seals_chosen_and_undone(windows, tmp_path):
    path = tmp_path / "lib.db"
    plan = realistic_plan(2021)
    plan.notice.masthead = ""
    assert fill_masthead(plan)
    with Library.open(path) as lib:
        plan_id = lib.add_plan(plan)
    w = windows.open(path, plan=plan_id)
    w.open_plan(plan_id)
    w.select_plan_row()
    settle()
    props = w.plan_properties
    assert props.masthead_note.isVisible() and props.confirm_masthead.isVisible()
    assert props.masthead_note.text().startswith("由本程序根据发文机关拟定")
    assert props.field("notice.sealing").currentText() == "加盖印章"
    props.resize(560, 900)
    props.ensureWidgetVisible(props.masthead_note)
    settle()
    props.grab().save(str(SHOT))

    props.confirm_masthead.click()
    settle()
    assert not stored_plan(path, plan_id).notice.masthead_proposed
    assert not props.masthead_note.isVisible()
    w.act_undo.trigger()
    settle()
    assert stored_plan(path, plan_id).notice.masthead_proposed and props.masthead_note.isVisible()

    # Typing a masthead of one's own confirms it too.
    props.field("notice.masthead").setText("某市教育局")  # the name alone is a masthead too (7.2.4)
    settle()
    stored = stored_plan(path, plan_id).notice
    assert (stored.masthead, stored.masthead_proposed) == ("某市教育局", False)

    # Seals: a file that cannot be one is refused with its reason and nothing is stored.
    bad = tmp_path / "blue.png"
    bad.write_bytes(seal_image(colour=(20, 20, 200, 255)))
    assert not props.set_seal_files([str(bad)])
    assert props.seal_error.isVisible() and "红色" in props.seal_error.text()
    assert stored_plan(path, plan_id).notice.seals == []
    good = tmp_path / "seal.png"
    good.write_bytes(seal_image())
    assert props.set_seal_files([str(good)])
    settle()
    assert len(stored_plan(path, plan_id).notice.seals) == 1 and not props.seal_error.isVisible()
    assert props.seal_count.text() == "1 个，签署机关 1 个"
    w.act_undo.trigger()
    settle()
    assert stored_plan(path, plan_id).notice.seals == [] and props.seal_count.text() == "无（盖实物印章）"

    box = props.field("notice.sealing")
    box.setCurrentIndex(box.findData(Sealing.UNSEALED))
    box.activated.emit(box.currentIndex())
    settle()
    assert stored_plan(path, plan_id).notice.sealing is Sealing.UNSEALED


def test_letter_format_chosen_in_the_properties_and_undone(windows, tmp_path):
    """文件格式 or 信函格式 (10.1) is a choice of the notice's properties, stored and undone like any other."""
    path = tmp_path / "lib.db"
    with Library.open(path) as lib:
        plan_id = lib.add_plan(realistic_plan(2021))
    w = windows.open(path, plan=plan_id)
    w.open_plan(plan_id)
    w.select_plan_row()
    settle()
    box = w.plan_properties.field("notice.doc_format")
    assert box.currentText() == "文件格式"
    box.setCurrentIndex(box.findData(DocFormat.LETTER))
    box.activated.emit(box.currentIndex())
    settle()
    assert stored_plan(path, plan_id).notice.doc_format is DocFormat.LETTER
    props = w.plan_properties
    # The masthead 某市教育局文件 prints as the organ's name alone in a letter's head: the pane says so.
    assert props.letter_note.isVisible() and props.letter_note.text().endswith("某市教育局")
    props.resize(560, 900)
    props.ensureWidgetVisible(box)
    settle()
    props.grab().save(str(SHOT.with_name("planbook-letter-format.png")))
    w.act_undo.trigger()
    settle()
    assert stored_plan(path, plan_id).notice.doc_format is DocFormat.FILE and box.currentText() == "文件格式"
    assert not props.letter_note.isVisible()
