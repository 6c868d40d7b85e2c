"""Next year's draft: in the core, and from the command line as `planbook next-year ID`."""

from __future__ import annotations

import datetime as dt

from planbook.core.drafting import link_of, next_year_plan, shift_year
from planbook.core.library import Library
from planbook.core.model import Notice, Plan, Status
from tests.conftest import run_cli, sample_plan


def test_year_moves_on_in_title_preamble_and_notice_but_not_other_years():
    plan = sample_plan()
    plan.preamble = "2021年全市教育工作的总体要求是：落实《教育事业发展规划（2016—2020年）》和2021年目标。"
    plan.status = Status.ISSUED
    plan.notice.signed_on = dt.date(2021, 3, 6)
    plan.notice.printed_on = dt.date(2021, 3, 9)
    plan.notice.index_no = "4303000014-2021-00043"
    draft = next_year_plan(plan)
    assert draft.title == "某市教育局2022年工作要点" and draft.year == 2022
    assert draft.preamble == "2022年全市教育工作的总体要求是：落实《教育事业发展规划（2016—2020年）》和2022年目标。"
    assert draft.status is Status.DRAFT
    n = draft.notice
    assert (n.doc_number, n.signed_on, n.printed_on, n.published_on, n.index_no) == ("", None, None, None, "")
    assert n.title == "关于印发《某市教育局2022年工作要点》的通知" and n.masthead == "某市教育局文件"
    assert n.signers == ["某市教育局"]
    # Tasks and fields are kept, as new nodes (no ids), and the source is untouched.
    assert [x.title for x in draft.walk()] == [x.title for x in plan.walk()]
    assert [x.fields for x in draft.walk()] == [x.fields for x in plan.walk()]
    assert all(x.id is None for x in draft.walk())
    assert plan.title == "某市教育局2021年工作要点" and plan.notice.signed_on == dt.date(2021, 3, 6)


def test_year_read_from_title_when_unset_and_digits_inside_numbers_left_alone():
    plan = Plan(title="某县2019年工作计划", notice=Notice())
    assert next_year_plan(plan).year == 2020
    assert shift_year("20190号文件与2019年", 2019) == "20190号文件与2020年"


def test_cli_next_year_prints_the_new_id_and_links_back(library):
    with Library.open(library) as lib:
        source = lib.add_plan(sample_plan())
    result = run_cli("next-year", str(source), library=library)
    assert result.code == 0, result.err
    new_id = int(result.out.strip())
    shown = run_cli("show", str(new_id), library=library)
    assert shown.out.startswith("某市教育局2022年工作要点")
    with Library.open(library) as lib:
        link = link_of(lib, new_id)
        assert (link.source_id, link.source_title) == (source, "某市教育局2021年工作要点")
        assert lib.load_plan(new_id).task_count() == lib.load_plan(source).task_count()
        # Deleting the draft takes its link with it.
        lib.delete_plan(new_id)
        assert lib.db.execute("SELECT count(*) FROM plan_links").fetchone()[0] == 0


def test_cli_next_year_refusals_are_one_line(library):
    with Library.open(library) as lib:
        no_year = lib.add_plan(Plan(title="没有年份的计划"))
    for args, text in ((("next-year", "99"), "no plan with id 99"), (("next-year", str(no_year)), "names no year")):
        result = run_cli(*args, library=library)
        assert result.code == 1 and text in result.err and len(result.err.strip().splitlines()) == 1


def test_cli_next_year_again_warns_about_the_earlier_draft(library):
    with Library.open(library) as lib:
        source = lib.add_plan(sample_plan())
    first = run_cli("next-year", str(source), library=library)
    assert first.code == 0 and first.err == ""
    again = run_cli("next-year", str(source), library=library)
    assert again.code == 0 and int(again.out) != int(first.out)
    assert f"plan {source} already has a next year's draft: {int(first.out)} “某市教育局2022年工作要点”" in again.err


def test_a_stored_draft_copies_the_tree_in_the_library_fresh_and_undone_and_redone_keeps_its_ids(tmp_path):
    """draft_next_year copies the tree inside the library (Library.copy_tree): every node in order, kind, text
    and fields, under new ids, with nothing done; the source is untouched; undoing and redoing the draft (the
    window's undo stack) brings back the same ids, so later steps that name them still apply."""
    from planbook.core import editing, search, usecases
    from planbook.core.drafting import draft_next_year
    from planbook.core.model import Field, Progress, ProgressNote
    from tests.gui_support import realistic_plan

    def shape(plan: Plan) -> list:
        return [(n.kind, n.title, n.body, n.fields, len(n.children)) for n in plan.walk()]

    with Library.open(tmp_path / "lib.db") as lib:
        source_id = lib.add_plan(realistic_plan())
        task = next(n for n in lib.load_plan(source_id).walk() if n.fields)
        lib.set_progress(task.id, Progress.DONE, [ProgressNote(dt.date(2021, 6, 1), "已完成校园足球联赛")])
        lib.add_plan(Plan(title="其他计划", year=2021))  # ids of another plan in between
        before = lib.load_plan(source_id)
        draft_id = draft_next_year(lib, source_id)
        draft, after = lib.load_plan(draft_id), lib.load_plan(source_id)
        assert shape(draft) == shape(before) and len(shape(draft)) > 10
        assert after == before
        assert not {n.id for n in draft.walk()} & {n.id for n in before.walk()}
        assert all(n.status is Progress.NOT_STARTED and not n.notes for n in draft.walk())
        assert {h.plan_id for h in search.search(lib, "校园足球联赛").hits} == {source_id}  # the notes stay behind
        assert draft_id in {h.plan_id for h in search.search(lib, task.title).hits}

        # The window's path: one undoable AddPlan whose tree is copied from the source.
        derived = usecases.next_year(lib, source_id)
        assert derived.plan.nodes == [] and derived.tree_from == source_id
        change = editing.apply(lib, editing.AddPlan(derived.plan, derived.link, derived.tree_from))
        second = change.added_plan
        assert second is not None
        ids = [n.id for n in lib.load_plan(second).walk()]
        redo = editing.apply(lib, change.inverse).inverse  # undo: the draft is deleted
        assert second not in lib.plan_ids()
        editing.apply(lib, redo)
        again = lib.load_plan(second)
        assert [n.id for n in again.walk()] == ids and shape(again) == shape(before)
        lib.set_fields(ids[-1], [Field("牵头单位", "基教科")])  # a later step naming a kept id still applies
