"""GUI speed: start-up to the first shown window, opening a plan into the tree, and single edits.

    .venv/bin/python benchmarks/bench_gui.py [--runs 7]

Start-up runs in fresh processes (interpreter, imports, library, window): the time from spawning the process
to the window being shown, with a 1,000-plan library; the baseline is a bare QApplication + QMainWindow
started the same way in the same run. The rest runs in this process. Targets (issue 4): start ≤ 1.0 s median,
opening a 100-task plan ≤ 50 ms, no single operation above 100 ms on the GUI thread.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from planbook.core.library import Library  # noqa: E402
from planbook.core.model import Field, Node, NodeKind, Plan  # noqa: E402

BASELINE = """
import time, sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1280, 800); w.show(); app.processEvents()
print(time.time(), flush=True)
"""

CANDIDATE = """
import time, sys
from planbook.gui.app import setup_application
from planbook.core.library import Library
from planbook.gui.mainwindow import MainWindow
app, settings, language = setup_application("zh")
window = MainWindow(Library.open(sys.argv[1]), settings, language)
window.restore()
window.show(); app.processEvents()
print(time.time(), flush=True)
"""


def plan_with(tasks: int, year: int, n: int) -> Plan:
    sections = []
    per_section = max(tasks // 5, 1)
    for s in range(5):
        section = Node(NodeKind.SECTION, f"第{s + 1}部分：坚持改革创新，全面提升教育质量")
        for t in range(per_section):
            section.children.append(
                Node(
                    NodeKind.TASK,
                    f"任务{s + 1}-{t + 1}：切实加强德育工作。",
                    "细化工作举措，明确时间节点。" * 4,
                    [Field("牵头单位", "基础教育科"), Field("责任单位", "各县市区教育局"), Field("完成时限", "12月底")],
                )
            )
        sections.append(section)
    return Plan(title=f"第{n}市教育局{year}年工作要点", year=year, issuers=[f"第{n % 40}市教育局"], nodes=sections)


def build_library(path: Path, plans: int, tasks: int, huge: int = 300) -> tuple[int, int]:
    """`plans` plans of 20 tasks, but the first has `tasks` and the second `huge` (with 200-character fields)."""
    with Library.open(path) as lib, lib.transaction():
        ids = []
        for i in range(plans):
            plan = plan_with({0: tasks, 1: huge}.get(i, 20), 2000 + i % 25, i)
            if i == 1:
                for node in plan.walk():
                    if node.kind is NodeKind.TASK:
                        node.fields.append(Field("工作措施", "细化工作举措，明确时间节点和责任分工，" * 10))
            ids.append(lib.add_plan(plan))
    return ids[0], ids[1]


def spawn(code: str, *args: str, env: dict) -> float:
    start = time.time()
    out = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, cwd=ROOT, check=True, timeout=120
    ).stdout
    return float(out.strip().splitlines()[-1]) - start


def timed(fn, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def row(name: str, samples: list[float], target: float | None = None, baseline: float | None = None) -> None:
    median = statistics.median(samples)
    ratio = f"{median / baseline:5.2f}×" if baseline else "      "
    verdict = "" if target is None else ("ok" if median <= target else "SLOW")
    target_text = f"≤ {target * 1000:.0f} ms" if target else ""
    print(f"{name:<46} {median * 1000:9.1f} ms  max {max(samples) * 1000:8.1f} ms  {ratio} {target_text:>10} {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--plans", type=int, default=1000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench_gui_"))
    library = folder / "lib.db"
    t = time.perf_counter()
    big, huge = build_library(library, args.plans, 100)
    print(
        f"library: {args.plans} plans, plan {big} has 100 tasks, plan {huge} 300 tasks with 200-character fields "
        f"(built in {time.perf_counter() - t:.1f} s)\n"
    )
    env = {**os.environ, "PLANBOOK_SETTINGS": str(folder / "settings.ini"), "PYTHONPATH": str(ROOT)}

    base = [spawn(BASELINE, env=env) for _ in range(args.runs)]
    cand = [spawn(CANDIDATE, str(library), env=env) for _ in range(args.runs)]
    print(f"{'measure':<46} {'median':>12}  {'max':>12}  {'ratio':>6} {'target':>10}")
    row("start: bare QApplication + QMainWindow (base)", base)
    row(f"start: Planbook, {args.plans}-plan library", cand, 1.0, statistics.median(base))

    from PySide6.QtWidgets import QApplication

    from planbook.gui.app import setup_application
    from planbook.gui.mainwindow import MainWindow

    app, settings, language = setup_application("zh")
    lib = Library.open(library)
    window = MainWindow(lib, settings, language)
    window.restore()
    window.show()
    app.processEvents()
    runs = max(args.runs, 15)

    load = timed(lambda: lib.load_plan(big), runs)
    row("core: load_plan, 100 tasks (base)", load)

    def open_plan() -> None:
        window.model.load(None)
        window.open_plan(big)
        QApplication.processEvents()

    row("open a 100-task plan into the tree", timed(open_plan, runs), 0.050, statistics.median(load))
    task = window.model.plan.nodes[2].children[3].id

    def edit_title() -> None:
        window.select_node(task)
        window.node_editor.title.setText(window.node_editor.title.text() + "甲")
        QApplication.processEvents()

    row("type one character in a title (autosave)", timed(edit_title, runs), 0.100)

    def add_and_undo() -> None:
        window.select_node(task)
        window.tree_edits.new_sibling()
        QApplication.processEvents()
        window.undo_stack.undo()
        QApplication.processEvents()

    row("new task + undo (renumbers 100 tasks)", timed(add_and_undo, runs), 0.100)

    def move_down_up() -> None:
        window.select_node(task)
        window.tree_edits.move(+1)
        window.tree_edits.move(-1)
        QApplication.processEvents()

    row("move down + move up", timed(move_down_up, runs), 0.100)
    row(f"refresh the library pane ({args.plans} plans)", timed(window.refresh_library, runs), 0.100)

    def filter_library() -> None:
        window.library_pane.filter.setText("2017")
        window.library_pane._rebuild()
        window.library_pane.filter.clear()
        window.library_pane._rebuild()

    row("filter the library pane twice", timed(filter_library, runs), 0.100)
    working_day(window, huge, big, runs)
    window.close()
    lib.close()


def working_day(window, huge: int, other: int, runs: int) -> None:
    """Issue 19: the operations a clerk repeats all day, on a 300-task plan in the same library."""
    from PySide6.QtWidgets import QApplication

    from planbook.gui import clipboard
    from planbook.gui.print_preview import PrintPreview

    def process() -> None:
        QApplication.processEvents()

    def switch_plans() -> None:
        window.open_plan(other)
        process()
        window.open_plan(huge)
        process()

    row("switch plans: 100-task ↔ 300-task (two opens)", timed(switch_plans, runs), 0.200)
    window.open_plan(huge)
    tasks = [n.id for n in window.model.plan.walk() if n.kind is NodeKind.TASK]
    row("core: load_plan, 300 tasks (base)", timed(lambda: window.lib.load_plan(huge), runs))
    step = iter(range(10**6))

    def switch_nodes() -> None:
        window.select_node(tasks[next(step) % len(tasks)])  # the editor shows its title, text, 4 fields, progress
        process()

    row("select another task (editor with long fields)", timed(switch_nodes, runs), 0.100)
    window.select_node(tasks[150])
    value = window.node_editor.fields.rows[-1].value

    def type_in_field() -> None:
        value.setPlainText(value.toPlainText() + "甲")  # one keystroke: the form, autosave, the tree's column
        process()

    row("type one character in a 200-character field", timed(type_in_field, runs), 0.100)
    queries = iter(["德", "德育", "德育工", "德育工作"] * 100)

    def search_as_you_type() -> None:
        window.search_box.setText(next(queries))
        window.search_panel.run()  # what the debounce timer runs once typing pauses
        process()

    row(f"search as you type ({len(window.library_pane.plans)} plans)", timed(search_as_you_type, runs), 0.100)
    window.search_box.clear()

    def copy_paste_undo() -> None:
        window.select_node(tasks[10])
        clipboard.copy_rows(window)
        clipboard.paste_rows(window)
        process()
        window.undo_stack.undo()
        process()

    row("copy + paste + undo a task (300-task plan)", timed(copy_paste_undo, max(runs // 3, 3)), 0.200)
    window.act_dashboard.trigger()

    def dashboard() -> None:
        window.docks.refresh_follow()
        process()

    row("dashboard refresh (300 tasks)", timed(dashboard, runs), 0.100)
    window.act_dashboard.trigger()
    plan = window.lib.load_plan(other)  # the 100-task plan: a notice of some 20–30 pages, like seed 003's 26
    pages = []

    def preview() -> None:
        dialog = PrintPreview(plan, parent=window)
        pages.append(dialog.document.pageCount())
        dialog.done(0)
        dialog.deleteLater()

    samples = timed(preview, 3)
    row(f"open the print preview ({pages[-1]}-page notice)", samples, 0.100)


if __name__ == "__main__":
    main()
