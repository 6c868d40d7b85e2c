"""The `planbook` command as a user runs it: subprocesses on temporary libraries."""

import json

from planbook.core.exchange import dumps, loads
from planbook.core.model import Node, NodeKind, Numbering, Plan

from .conftest import run_cli, sample_plan, task


def write_plan(path, plan: Plan):
    path.write_text(dumps(plan), encoding="utf-8")
    return path


def test_empty_library_is_created_and_listed(library):
    result = run_cli("list", library=library)
    assert result.code == 0, result.err
    assert "empty" in result.out
    assert library.exists()


def test_new_list_show_delete(library):
    new = run_cli("new", "--title", "某区教育局2022年工作要点", "--year", "2022", library=library)
    assert new.code == 0, new.err
    plan_id = int(new.out.strip())
    listing = run_cli("list", library=library)
    assert f"{plan_id}  2022  某区教育局2022年工作要点" in listing.out
    rows = json.loads(run_cli("list", "--json", library=library).out)
    assert rows == [
        {
            "id": plan_id,
            "title": "某区教育局2022年工作要点",
            "kind": "工作要点",
            "year": 2022,
            "issuers": [],
            "status": "draft",
            "doc_number": "",
            "modified_at": rows[0]["modified_at"],
            "nodes": 0,
        }
    ]
    assert run_cli("show", str(plan_id), library=library).out == "某区教育局2022年工作要点\n"
    deleted = run_cli("delete", str(plan_id), library=library)
    assert deleted.code == 0 and "某区教育局2022年工作要点" in deleted.out
    assert "empty" in run_cli("list", library=library).out


def test_library_flag_and_environment_variable_pick_the_file(tmp_path):
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    run_cli("new", "--title", "甲", library=a)
    # --library before or after the command wins over the environment variable
    assert "乙" not in run_cli("list", "--library", str(a), library=b).out
    assert "甲" in run_cli("list", "--library", str(a), library=b).out
    assert "甲" in run_cli("--library", str(a), "list", library=b).out
    assert "empty" in run_cli("list", library=b).out


def test_twelve_sections_print_numbers_past_ten(tmp_path, library):
    plan = Plan(
        title="十二节计划",
        nodes=[Node(NodeKind.SECTION, f"第{i + 1}项", children=[task(f"任务{i + 1}。")]) for i in range(12)],
    )
    assert run_cli("import", write_plan(tmp_path / "p.json", plan), library=library).code == 0
    text = run_cli("show", "1", library=library).out.splitlines()
    assert "十、第10项" in text and "十一、第11项" in text and "十二、第12项" in text
    assert "12.任务12。" in text


def test_show_prints_the_numbered_plan_with_fields(tmp_path, library):
    run_cli("import", write_plan(tmp_path / "p.json", sample_plan(sections=2)), library=library)
    lines = run_cli("show", "1", library=library).out.splitlines()
    assert lines[:4] == ["某市教育局2021年工作要点", "某市教育局", "", "总体要求是……"]
    body = lines[5:]
    assert body[:5] == ["一、第1部分工作", "1.任务1-1。", "具体措施。", "牵头单位：基教科", "完成时限：12月底"]
    assert "（一）加强队伍建设" in body and "3.抓师德。" in body and "（1）开展培训。" in body
    assert body.index("二、第2部分工作") < body.index("4.任务2-1。")
    assert lines[-1] == "在完成上述工作的同时……"


def test_per_section_numbering_restarts(tmp_path, library):
    plan = sample_plan(sections=3, tasks_per_section=2, numbering=Numbering.PER_SECTION)
    run_cli("import", write_plan(tmp_path / "p.json", plan), library=library)
    lines = run_cli("show", "1", library=library).out.splitlines()
    assert [line for line in lines if line[:2] in ("1.", "2.", "3.")] == [
        "1.任务1-1。",
        "2.任务1-2。",
        "1.抓师德。",
        "1.任务2-1。",
        "2.任务2-2。",
        "1.任务3-1。",
        "2.任务3-2。",
    ]


def test_json_round_trip_through_export_and_import(tmp_path, library):
    original = sample_plan()
    original.notice.signed_on = __import__("datetime").date(2021, 3, 6)
    run_cli("import", write_plan(tmp_path / "in.json", original), library=library)
    out = tmp_path / "out.json"
    exported = run_cli("export", "1", "--format", "json", "-o", out, library=library)
    assert exported.code == 0, exported.err
    again = loads(out.read_text(encoding="utf-8"))
    for node in original.walk():
        node.id = None
    for node in again.walk():
        node.id = None
    assert again == original
    assert json.loads(out.read_text())["plan"]["notice"]["signed_on"] == "2021-03-06"
    # and back in: the second copy shows the same text as the first
    run_cli("import", out, library=library)
    assert run_cli("show", "1", library=library).out == run_cli("show", "2", library=library).out


def test_export_txt_is_the_shown_text(tmp_path, library):
    run_cli("import", write_plan(tmp_path / "p.json", sample_plan()), library=library)
    out = tmp_path / "plan.txt"
    assert run_cli("export", "1", "--format", "txt", "-o", out, library=library).code == 0
    assert out.read_text(encoding="utf-8") == run_cli("show", "1", library=library).out


def test_unknown_plan_and_format_are_one_line_errors(tmp_path, library):
    run_cli("new", "--title", "甲", library=library)
    for args in (("show", "99"), ("delete", "99"), ("export", "1", "--format", "xyz", "-o", tmp_path / "x")):
        result = run_cli(*args, library=library)
        assert result.code == 1
        assert result.err.count("\n") == 1 and result.err.startswith("planbook: "), result.err
        assert "Traceback" not in result.err


def test_export_to_an_unwritable_place_leaves_nothing(tmp_path, library):
    run_cli("new", "--title", "甲", library=library)
    result = run_cli("export", "1", "--format", "json", "-o", tmp_path / "no" / "such" / "dir.json", library=library)
    assert result.code == 1 and "cannot write" in result.err
    assert not (tmp_path / "no").exists()


def test_help_everywhere():
    for args in ((), ("list",), ("show",), ("new",), ("import",), ("export",), ("delete",)):
        result = run_cli(*args, "--help")
        assert result.code == 0 and "usage: planbook" in result.out


def test_version():
    from planbook import __version__

    assert run_cli("--version").out.strip() == f"planbook {__version__}"


def test_main_py_is_the_same_command(library):
    import subprocess
    import sys

    from .conftest import ROOT

    out = subprocess.run(
        [sys.executable, "main.py", "--library", str(library), "list"], cwd=ROOT, capture_output=True, text=True
    )
    assert out.returncode == 0 and "empty" in out.stdout


def test_default_library_lives_in_the_users_data_folder(tmp_path):
    env = {"HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data")}
    assert run_cli("new", "--title", "默认库", env=env).code == 0
    assert (tmp_path / "data" / "planbook" / "planbook.db").exists()
    assert "默认库" in run_cli("list", env=env).out


def test_exported_files_are_ordinary_files_not_private_ones(tmp_path, library):
    import stat

    run_cli("new", "--title", "甲", library=library)
    out = tmp_path / "plan.txt"
    run_cli("export", "1", "--format", "txt", "-o", out, library=library)
    assert stat.S_IMODE(out.stat().st_mode) & 0o044 == 0o044  # others may read it (umask 022)


def test_no_display_is_a_clear_message_not_a_qt_abort(library):
    env = {"DISPLAY": "", "WAYLAND_DISPLAY": "", "QT_QPA_PLATFORM": ""}
    result = run_cli(library=library, env=env)
    assert result.code == 1 and "no display" in result.err and "planbook --help" in result.err


def test_importing_a_plan_again_says_which_plan_it_repeats(tmp_path):
    """The same file twice (or the same web page copied again): imported, with a warning naming the first copy."""
    from planbook.core.exchange import dumps

    from .conftest import sample_plan

    src = tmp_path / "plan.json"
    plan = sample_plan()
    plan.notice.doc_number = "某教发〔2021〕3号"
    src.write_text(dumps(plan), encoding="utf-8")
    lib = tmp_path / "lib.db"
    first = run_cli("import", src, library=lib)
    assert first.code == 0 and "already holds" not in first.err
    again = run_cli("import", src, library=lib)
    assert again.code == 0
    assert "warning: the library already holds this plan as “某市教育局2021年工作要点” (plan 1)" in again.err
    renamed = sample_plan(title="某市教育局2021年工作要点（修订）")
    renamed.notice.doc_number = "某教发〔2021〕 3号"  # the same number, spaced differently
    src.write_text(dumps(renamed), encoding="utf-8")
    assert "(plan 1)" in run_cli("import", src, library=lib).err
    other = sample_plan(title="某市教育局2022年工作要点", year=2022)
    other.notice.doc_number = "某教发〔2022〕3号"
    src.write_text(dumps(other), encoding="utf-8")
    assert "already holds" not in run_cli("import", src, library=lib).err
