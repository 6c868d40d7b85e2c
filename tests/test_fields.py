"""The plan and notice field table (`model.PLAN_FIELDS`): one row per field, read by the properties pane, 规范标点,
next year's draft, the import's page-header labels and the pre-issue check's names."""

from __future__ import annotations

import datetime as dt
from dataclasses import fields

from planbook.core.drafting import next_year_plan
from planbook.core.model import ISSUE_FIELDS, NOTICE_FIELDS, NOTICE_SPECS, PLAN_FIELDS, Carry, Notice, Plan
from planbook.importers.recognise import META_LABELS

from .conftest import sample_plan


def test_every_notice_text_field_has_one_row_and_every_row_an_attribute():
    assert sorted(f.name for f in NOTICE_SPECS) == sorted(NOTICE_FIELDS) and len(NOTICE_SPECS) == len(NOTICE_FIELDS)
    assert set(NOTICE_FIELDS) | set(ISSUE_FIELDS) == {f.name for f in fields(Notice)}  # how it is issued: no text
    plan_attributes = {f.name for f in fields(Plan)}
    assert all(spec.name in plan_attributes for spec in PLAN_FIELDS.values() if not spec.in_notice)
    for spec in NOTICE_SPECS:  # what a row says its type is, the value is
        value = getattr(Notice(), spec.name)
        assert isinstance(value, list) == (spec.type == "lines"), spec.key
        assert (value is None) == (spec.type == "date"), spec.key


def test_next_years_draft_does_what_each_row_says():
    plan = sample_plan()
    for spec in NOTICE_SPECS:
        setattr(
            plan.notice,
            spec.name,
            dt.date(2021, 3, 1)
            if spec.type == "date"
            else ["2021年某局"]
            if spec.type == "lines"
            else f"2021年{spec.name}",
        )
    draft = next_year_plan(plan)
    for spec in NOTICE_SPECS:
        old, new = getattr(plan.notice, spec.name), getattr(draft.notice, spec.name)
        expected = {
            Carry.KEEP: old,
            Carry.CLEAR: getattr(Notice(), spec.name),
            Carry.SHIFT: old.replace("2021", "2022") if isinstance(old, str) else old,
        }[spec.next_year]
        assert new == expected, spec.key
    assert (draft.year, draft.title) == (2022, "某市教育局2022年工作要点")


def test_the_import_reads_each_rows_page_header_labels():
    for spec in NOTICE_SPECS:
        for label in spec.import_labels:
            assert META_LABELS[label] == spec.name


def test_the_properties_pane_has_an_editor_for_every_notice_row(qapp):
    from planbook.gui.editors import PlanProperties

    pane = PlanProperties()
    for spec in NOTICE_SPECS:
        assert pane.field(spec.key).objectName() == "prop_" + spec.key.replace(".", "_")
    plan = sample_plan()
    plan.id = 1
    plan.notice.signers = ["甲局", "乙局"]
    plan.notice.printed_on = dt.date(2021, 3, 2)
    pane.show_plan(plan)
    assert pane.field("notice.signers").toPlainText() == "甲局\n乙局"
    assert pane.field("notice.printed_on").text() == "2021-03-02"
    assert pane.field("notice.doc_number").text() == plan.notice.doc_number
    pane.deleteLater()
