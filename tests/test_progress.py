"""Task progress: status and dated notes stored, undone, restored with their task, cleared for next year."""

import datetime as dt

from planbook.core import editing
from planbook.core.breakdown import breakdown
from planbook.core.drafting import next_year_plan
from planbook.core.library import Library
from planbook.core.model import NodeKind, Progress, ProgressNote
from planbook.core.progress import counts_by_lead_unit, progress_text, status_counts, tasks_by_unit
from planbook.core.schema import MIGRATIONS, SCHEMA_VERSION

from .conftest import library_at_version, sample_plan

NOTE = ProgressNote(dt.date(2021, 3, 15), "完成调研")


def first_tasks(plan, n=2):
    return [node for node in plan.walk() if node.kind is NodeKind.TASK][:n]


def test_progress_persists_undoes_and_shows_in_the_counts(tmp_path):
    path = tmp_path / "lib.db"
    with Library.open(path) as lib:
        plan_id = lib.add_plan(sample_plan())
        a, b = first_tasks(lib.load_plan(plan_id))
        total = lib.load_plan(plan_id).task_count()
        undo_a = editing.apply(lib, editing.SetProgress(a.id, Progress.IN_PROGRESS, (NOTE,))).inverse
        editing.apply(lib, editing.SetProgress(b.id, Progress.BEHIND))
    with Library.open(path) as lib:  # persisted: a new connection sees it
        plan = lib.load_plan(plan_id)
        a2, b2 = first_tasks(plan)
        assert (a2.status, a2.notes) == (Progress.IN_PROGRESS, [NOTE])
        assert b2.status is Progress.BEHIND and b2.notes == []
        counts = status_counts(plan)
        assert counts[Progress.IN_PROGRESS] == 1 and counts[Progress.BEHIND] == 1
        assert counts[Progress.NOT_STARTED] == total - 2 and sum(counts.values()) == total
        redo = editing.apply(lib, undo_a).inverse
        a3 = first_tasks(lib.load_plan(plan_id))[0]
        assert (a3.status, a3.notes) == (Progress.NOT_STARTED, [])
        assert status_counts(lib.load_plan(plan_id))[Progress.IN_PROGRESS] == 0
        editing.apply(lib, redo)
        assert first_tasks(lib.load_plan(plan_id))[0].notes == [NOTE]


def test_a_deleted_task_comes_back_with_its_progress(tmp_path):
    with Library.open(tmp_path / "lib.db") as lib:
        plan_id = lib.add_plan(sample_plan())
        a = first_tasks(lib.load_plan(plan_id))[0]
        editing.apply(lib, editing.SetProgress(a.id, Progress.DONE, (NOTE, ProgressNote(dt.date(2021, 6, 1), "验收"))))
        undo = editing.apply(lib, editing.DeleteNode(a.id)).inverse
        assert lib.db.execute("SELECT count(*) FROM progress_notes").fetchone()[0] == 0
        assert lib.db.execute("SELECT count(*) FROM node_progress").fetchone()[0] == 0
        editing.apply(lib, undo)
        back = first_tasks(lib.load_plan(plan_id))[0]
        assert back.id == a.id and back.status is Progress.DONE and [n.text for n in back.notes] == ["完成调研", "验收"]
        lib.delete_plan(plan_id)  # and a deleted plan leaves no progress rows behind
        assert lib.db.execute("SELECT count(*) FROM progress_notes").fetchone()[0] == 0


def test_next_years_draft_starts_with_nothing_done(tmp_path):
    with Library.open(tmp_path / "lib.db") as lib:
        plan_id = lib.add_plan(sample_plan())
        a = first_tasks(lib.load_plan(plan_id))[0]
        editing.apply(lib, editing.SetProgress(a.id, Progress.DONE, (NOTE,)))
        draft = next_year_plan(lib.load_plan(plan_id))
    assert all(n.status is Progress.NOT_STARTED and not n.notes for n in draft.walk())


def test_a_library_from_before_progress_is_upgraded(tmp_path):
    path = tmp_path / "old.db"
    before = next(i for i, m in enumerate(MIGRATIONS) if m.__name__.endswith("_progress"))
    db = library_at_version(path, before)
    db.conn.commit()
    db.close()
    with Library.open(path) as lib:
        assert lib.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        plan_id = lib.add_plan(sample_plan())
        a = first_tasks(lib.load_plan(plan_id))[0]
        editing.apply(lib, editing.SetProgress(a.id, Progress.IN_PROGRESS))
        assert first_tasks(lib.load_plan(plan_id))[0].status is Progress.IN_PROGRESS


def test_the_progress_column_and_unit_groups():
    plan = sample_plan()
    a, b = first_tasks(plan)
    a.status, a.notes = Progress.IN_PROGRESS, [NOTE]
    assert progress_text(a) == "推进中（3月15日：完成调研）"
    assert progress_text(b) == ""
    table = breakdown(plan)
    assert table.columns[-1].title == "进展"
    assert table.rows[0][-1] == "推进中（3月15日：完成调研）" and table.rows[1][-1] == ""
    groups = tasks_by_unit(plan)
    assert sum(len(v) for v in groups.values()) >= plan.task_count()
    by_unit = counts_by_lead_unit(plan)
    assert sum(c[Progress.IN_PROGRESS] for c in by_unit.values()) >= 1


def test_progress_cli_sets_and_counts(tmp_path):
    from planbook.core.exchange import dumps

    from .conftest import run_cli

    library = tmp_path / "lib.db"
    (tmp_path / "p.json").write_text(dumps(sample_plan()), encoding="utf-8")
    assert run_cli("import", tmp_path / "p.json", library=library).code == 0
    result = run_cli(
        "progress",
        "1",
        "--task",
        "2",
        "--status",
        "behind",
        "--note",
        "资金未到位",
        "--date",
        "2021-05-04",
        library=library,
    )
    assert result.code == 0, result.err
    assert result.out.strip().endswith("滞后（5月4日：资金未到位）")
    with Library.open(library) as lib:
        second = first_tasks(lib.load_plan(1))[1]
    assert second.status is Progress.BEHIND and second.notes == [ProgressNote(dt.date(2021, 5, 4), "资金未到位")]
    shown = run_cli("progress", "1", library=library).out.splitlines()
    assert shown[0].startswith("未启动 6  推进中 0  已完成 0  滞后 1")
    bad = run_cli("progress", "1", "--task", "40", library=library)
    assert bad.code != 0 and "1…7" in bad.err and "Traceback" not in bad.err


def test_progress_is_searchable_and_undo_unindexes_it(tmp_path):
    from planbook.core import search

    with Library.open(tmp_path / "lib.db") as lib:
        plan_id = lib.add_plan(sample_plan())
        a = first_tasks(lib.load_plan(plan_id))[0]
        assert search.search(lib, "完成调研").total == 0
        undo = editing.apply(lib, editing.SetProgress(a.id, Progress.BEHIND, (NOTE,))).inverse
        hits = search.search(lib, "完成调研")
        assert hits.total == 1 and hits.hits[0].node_id == a.id
        assert [h.node_id for h in search.search(lib, "滞后").hits] == [a.id]
        editing.apply(lib, undo)
        assert search.search(lib, "完成调研").total == 0 and search.search(lib, "滞后").total == 0
        editing.apply(lib, editing.SetProgress(a.id, Progress.DONE, (NOTE,)))
        editing.apply(lib, editing.DeleteNode(a.id))  # the cascade takes the progress out of the index too
        assert search.search(lib, "完成调研").total == 0
        assert search.reindex(lib) > 0 and search.search(lib, "完成调研").total == 0
