"""Nothing lost, round 2: crafted input costs bounded time and memory, one bad file never stops the others, and
nothing a file brings in can break an export.

The "bounded time" tests are benchmark-style: inputs far larger than the adversarial report's, so a quadratic or
exponential path would run for many minutes, against the command's own 120 s time-out (run_cli), which a linear
path meets many times over even on a loaded machine. Nothing is timed against a tight clock.
"""

import json
import os
import subprocess
import sys
import zipfile

import pytest

from planbook.core.exchange import dumps
from planbook.core.library import Library
from planbook.core.model import MAX_DEPTH, Field, Node, NodeKind, Plan

from .conftest import ROOT, run_cli, sample_plan

PLAN = "某市教育局2021年工作要点\n一、总体要求\n1.抓好开学工作。做好准备。\n"


def assert_one_line(result, *words):
    assert result.code == 1, result.out
    assert result.err.count("\n") == 1 and "Traceback" not in result.err and "unexpected" not in result.err, result.err
    for word in words:
        assert word in result.err, result.err


def plan_json(nodes, title="某市2021年工作要点"):
    return json.dumps({"format": "planbook/1", "plan": {"title": title, "nodes": nodes}}, ensure_ascii=False)


# ---- 6. XLSX: every cell is text ---------------------------------------------------------------------------


def test_xlsx_cells_that_look_like_formulas_stay_text(tmp_path, library):
    plan = sample_plan(title="=2+2")
    task = plan.nodes[0].children[0]
    task.fields = [Field("牵头单位", '=HYPERLINK("http://example.com/?"&A1,"办公室")'), Field("完成时限", "+1")]
    (tmp_path / "p.json").write_text(dumps(plan), encoding="utf-8")
    assert run_cli("import", tmp_path / "p.json", library=library).code == 0
    out = tmp_path / "t.xlsx"
    result = run_cli("export", "1", "--format", "xlsx", "-o", out, library=library)
    assert result.code == 0, result.err
    with zipfile.ZipFile(out) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert "<f>" not in sheet and "<f " not in sheet
    from openpyxl import load_workbook

    cells = {c.value: c for row in load_workbook(out).active.iter_rows() for c in row if isinstance(c.value, str)}
    for value in ("=2+2任务分解表", '=HYPERLINK("http://example.com/?"&A1,"办公室")', "+1"):
        assert value in cells and cells[value].data_type == "s" and cells[value].quotePrefix, value


def test_xlsx_a_quote_prefix_stays_on_its_own_cell_and_error_codes_stay_text(tmp_path):
    """The body rows reuse one styled cell per column: what one row's value needed must not reach the next."""
    from openpyxl import load_workbook

    from planbook.exporters.xlsx_writer import export_xlsx

    plan = sample_plan()
    tasks = [n for n in plan.walk() if n.kind is NodeKind.TASK]
    assert len(tasks) >= 3
    tasks[0].title, tasks[1].title, tasks[2].title = "=1+1", "#N/A", "普通任务"
    out = tmp_path / "t.xlsx"
    export_xlsx(plan, out)
    cells = {c.value: c for row in load_workbook(out).active.iter_rows() for c in row if isinstance(c.value, str)}
    assert cells["=1+1"].quotePrefix and cells["=1+1"].data_type == "s"
    assert cells["#N/A"].data_type == "s" and not cells["#N/A"].quotePrefix
    assert not cells["普通任务"].quotePrefix and cells["普通任务"].style == cells["#N/A"].style


# ---- 7. every regex of the importers and the core, on hostile 100,000-character lines ----------------------


def test_no_regex_backtracks_on_hostile_lines():
    """Each pattern searched on lines made of its own words (and characters) repeated, ended so the match fails
    at the very end. In a subprocess with a time-out, so an exponential pattern fails the test, not hangs it."""
    script = """
import sys, time
sys.path.insert(0, "benchmarks")
from hostile import hostile_lines, project_patterns
slow = []
for name, pattern in project_patterns().items():
    for line_name, line in hostile_lines(pattern, 100_000):
        started = time.process_time()
        pattern.search(line)
        spent = time.process_time() - started
        if spent > 2.0:  # linear searches take well under 0.3 s of CPU here; quadratic ones minutes
            slow.append(f"{name} on {line_name}: {spent:.1f} s")
print("\\n".join(slow) or "ok")
"""
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok", result.stdout


def test_the_chrome_line_of_the_report_imports_at_once(tmp_path, library):
    (tmp_path / "p.txt").write_text(PLAN + "打印 " * 60 + "本页\n", encoding="utf-8")  # 2^60 ways to backtrack
    assert run_cli("import", tmp_path / "p.txt", library=library).code == 0


# ---- 8, 9. linear paths: each input would take many minutes on a quadratic path ---------------------------


@pytest.mark.parametrize(
    "name, text",
    [
        ("angle.html", "<html><body>" + "<a" * 600_000 + "</body></html>"),
        ("numbered.txt", PLAN + "".join(f"{i}.第{i}项\n" for i in range(5, 150_000))),
        ("labels.txt", PLAN + "牵头单位：" + " 责任单位：甲" * 200_000 + "\n"),
        ("commas.txt", PLAN + "2.做好工作（责任单位：" + "，" * 1_000_000 + "）\n"),
        ("spaces.txt", PLAN + "2.牵头单位：甲" + " " * 1_000_000 + "x\n"),
    ],
)
def test_hostile_documents_import_in_bounded_time(tmp_path, library, name, text):
    (tmp_path / name).write_text(text, encoding="utf-8")
    result = run_cli("import", "--dry-run", tmp_path / name, library=library)
    assert result.code in (0, 1) and "Traceback" not in result.err, result.err


def test_check_and_diff_of_hostile_plans_end_in_bounded_time(tmp_path, library):
    body_a = "".join(f"第{i}句话讲工作。" for i in range(12_000))
    body_b = "".join(f"第{i}句话讲工作。" for i in range(0, 12_000, 2))
    for title, body in (("《" * 300_000, body_a), ("某市2022年工作要点", body_b)):
        plan = Plan(
            title=title, year=2021, nodes=[Node(NodeKind.SECTION, "一", children=[Node(NodeKind.TASK, "任务。", body)])]
        )
        (tmp_path / "p.json").write_text(dumps(plan), encoding="utf-8")
        assert run_cli("import", tmp_path / "p.json", library=library).code == 0
    assert run_cli("check", "1", library=library).code in (0, 1)
    result = run_cli("diff", "1", "2", "--html", tmp_path / "d.html", library=library)
    assert result.code == 0, result.err
    report = (tmp_path / "d.html").read_text(encoding="utf-8")
    assert "<del>" in report and "第11998" in report  # the change is shown, to the last sentence


# ---- 10. size: limits with a message, and an index that does not hold the text many times over ------------


def test_too_large_plans_are_refused_with_a_message(tmp_path, library):
    many = plan_json(
        [
            {
                "kind": "section",
                "title": "一",
                "children": [{"kind": "task", "title": f"任务{i}"} for i in range(300_000)],
            }
        ]
    )
    (tmp_path / "many.json").write_text(many, encoding="utf-8")
    assert_one_line(run_cli("import", tmp_path / "many.json", library=library), "at most 20000")
    (tmp_path / "long.txt").write_text(PLAN + ("2.long. " + "x" * 1_000_000 + "\n") * 5, encoding="utf-8")
    assert_one_line(run_cli("import", tmp_path / "long.txt", library=library), "characters", "at most 4000000")
    assert not library.exists()  # nothing written


def test_indexing_a_long_body_holds_a_small_multiple_of_it():
    script = """
import tracemalloc
from planbook.core.search import tokens
text = "教育改革发展" * 200_000
tracemalloc.start()
tokens(text)
print(tracemalloc.get_traced_memory()[1] / len(text))
"""
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert float(result.stdout) < 60  # bytes per character; one string per bigram made it ~90


# ---- 11. one bad file: skipped with its reason, the others imported, a summary ------------------------------


def mht(body, charset="utf-8", nesting=0):
    head = 'MIME-Version: 1.0\nContent-Type: multipart/related; boundary="B0"\n\n'
    parts = "".join(f'--B{n}\nContent-Type: multipart/related; boundary="B{n + 1}"\n\n' for n in range(nesting))
    parts += f"--B{nesting}\nContent-Type: text/html; charset={charset}\n\n<html><body>{body}</body></html>\n"
    return head + parts + "".join(f"--B{n}--\n" for n in range(nesting, -1, -1))


def test_a_folder_of_crafted_files_imports_the_good_ones_and_lists_every_skipped_one(tmp_path, library):
    folder = tmp_path / "in"
    folder.mkdir()
    bad = {
        "surrogate-key.json": '{"format": "planbook/1", "plan": {"title": "x", "\\ud800": 1}}',
        "deep.json": "[" * 100_000 + "]" * 100_000,
        "digits.json": '{"format": "planbook/1", "plan": {"title": "x", "year": ' + "9" * 5000 + "}}",
        "nested.json": plan_json(
            [
                {
                    "kind": "section",
                    "title": "一",
                    "children": [{"kind": "task", "title": "任务", "children": [json.loads("{}")]}],
                }
            ]
        ),
        "utf7.mht": mht("+ZeVT5Q-", charset="utf-7"),
        "mime.mht": mht(PLAN, nesting=5000),
        "empty.txt": "",
    }
    for name, text in bad.items():
        (folder / name).write_text(text, encoding="utf-8", errors="surrogatepass")
    for i in range(3):
        (folder / f"good{i}.txt").write_text(PLAN.replace("2021", str(2010 + i)), encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    result = run_cli("import", folder, library=library)
    assert result.code == 1
    assert "Traceback" not in result.err and "unexpected" not in result.err, result.err
    summary = result.err[result.err.index("imported ") :]
    skipped = [line for line in summary.splitlines() if line.startswith("  skipped ")]
    imported = int(summary.split()[1])
    assert imported >= 3 and imported + len(skipped) == len(bad) + 4, summary
    for line in skipped:
        assert line.split(": ", 1)[1].strip(), line  # every skipped file with its reason
    assert any("pipe.txt" in line and "not a regular file" in line for line in skipped)
    assert any("deep.json" in line for line in skipped) and any("digits.json" in line for line in skipped)
    with Library.open(library) as lib:
        titles = [p.title for p in lib.list_plans()]
    assert {"某市教育局2010年工作要点", "某市教育局2011年工作要点", "某市教育局2012年工作要点"} <= set(titles)


# ---- 12. control characters: out on the way in, and no writer can be stopped by them ------------------------


def test_control_characters_are_removed_on_import_and_exports_succeed(tmp_path, library):
    nodes = [
        {
            "kind": "section",
            "title": "一\u0000二\u0007三",
            "children": [
                {"kind": "task", "title": "任务\u001b。", "fields": [{"label": "牵头单位", "value": "办公室\u000c"}]}
            ],
        }
    ]
    document = {"format": "planbook/1", "plan": {"title": "某市\ud8002021年工作要点", "nodes": nodes}}
    (tmp_path / "nul.json").write_text(json.dumps(document), encoding="utf-8")  # as \u0000 and \ud800 escapes
    text = "\ufeff" + PLAN + "x" * 20_000 + "\n2.后面\u0001有\u0002控制字符。\n"
    (tmp_path / "bom.txt").write_text(text, encoding="utf-8")
    for name in ("nul.json", "bom.txt"):
        result = run_cli("import", tmp_path / name, library=library)
        assert result.code == 0, result.err
    with Library.open(library) as lib:
        stored = json.dumps([dumps(lib.load_plan(i)) for i in lib.plan_ids()])
    assert not any(c in stored for c in ("\\u0000", "\\u0007", "\\u001b", "\\u000c", "\\u0001", "\\ud800"))
    for fmt in ("docx", "xlsx", "pdf"):
        result = run_cli("export", "1", "--format", fmt, "-o", tmp_path / f"out.{fmt}", library=library)
        assert result.code == 0, result.err


def test_every_writer_survives_control_characters_already_in_a_library(tmp_path, library):
    with Library.open(library) as lib:
        lib.add_plan(sample_plan())
        lib.db.execute("UPDATE nodes SET title = title || char(0) || char(11), body = char(27) || body")
        lib.db.execute("UPDATE plans SET title = title || char(1)")
    for fmt, layout in (
        ("docx", "notice"),
        ("docx", "breakdown"),
        ("xlsx", None),
        ("pdf", "notice"),
        ("txt", None),
        ("json", None),
    ):
        extra = ["--layout", layout] if layout else []
        result = run_cli("export", "1", "--format", fmt, *extra, "-o", tmp_path / f"o-{layout}.{fmt}", library=library)
        assert result.code == 0, (fmt, layout, result.err)


# ---- 13. one depth limit, and one-line messages for odd arguments -------------------------------------------


def nested_json(depth):
    """A plan whose items nest `depth` levels deep, written out by hand (json.dumps recurses too)."""
    items = '{"kind": "item", "title": "子项", "children": [' * (depth - 2) + "]}" * (depth - 2)
    return (
        '{"format": "planbook/1", "plan": {"title": "某市2021年工作要点", "nodes": [{"kind": "section", '
        '"title": "一", "children": [{"kind": "task", "title": "任务", "children": [' + items + "]}]}]}}"
    )


def test_one_depth_limit_for_import_editing_and_next_year(tmp_path, library):
    (tmp_path / "deep.json").write_text(nested_json(480), encoding="utf-8")
    assert_one_line(run_cli("import", tmp_path / "deep.json", library=library), f"{MAX_DEPTH} levels")
    (tmp_path / "ok.json").write_text(nested_json(MAX_DEPTH), encoding="utf-8")
    assert run_cli("import", tmp_path / "ok.json", library=library).code == 0
    drafted = run_cli("next-year", "1", library=library)
    assert drafted.code == 0, drafted.err
    with Library.open(library) as lib:
        from planbook.core import editing as ed
        from planbook.core.errors import HierarchyError

        deepest = max(lib.load_plan(1).walk(), key=lambda n: 0 if n.children else n.id or 0)
        with pytest.raises(HierarchyError, match="at most"):
            ed.apply(lib, ed.AddNode(1, deepest.id, 0, Node(NodeKind.ITEM, "再深一层")))
    # a plan stored deeper than the limit (by an older Planbook) is refused by next-year with a message
    with Library.open(library) as lib:
        plan = Plan(
            title="某市2021年工作要点", nodes=[Node(NodeKind.SECTION, "一", children=[Node(NodeKind.TASK, "任务")])]
        )
        node = plan.nodes[0].children[0]
        for _ in range(200):
            child = Node(NodeKind.ITEM, "子项")
            node.children.append(child)
            node = child
        deep_id = lib.add_plan(plan)
    assert_one_line(run_cli("next-year", str(deep_id), library=library), "levels deep")


def test_odd_arguments_get_one_line_messages(tmp_path, library):
    assert run_cli("new", "--title", "某市2021年工作要点", library=library).code == 0
    assert_one_line(run_cli("show", "99999999999999999999", library=library), "no plan with id")
    assert_one_line(run_cli("delete", "-99999999999999999999", library=library), "no plan with id")
    assert_one_line(run_cli("new", "--title", "x", "--year", "1" + "0" * 20, library=library), "--year")
    assert_one_line(run_cli("list", "--library", tmp_path / ("a" * 5000)), "cannot open the library")
    assert_one_line(run_cli("diff", "1", "1", "--html", tmp_path, library=library), "cannot write")
    os.mkfifo(tmp_path / "pipe.txt")
    assert_one_line(run_cli("import", tmp_path / "pipe.txt", library=library), "not a regular file")
