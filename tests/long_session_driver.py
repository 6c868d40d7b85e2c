"""A long session in the real window, run in its own process: the guard against reference leaks in the binding.

    python tests/long_session_driver.py LIBRARY [--import FILE ...] [--search-chars 500] [--edit-chars 500]
                                        [--switches 500] [--open N] [--json OUT]

Imports the files through the window (File ▸ Import, no preview), opens every plan, types into the search box
and the node editor (keys, and Chinese as an input method commits it), switches nodes, undoes and redoes,
opens and closes every dialog the menus reach, exports, then closes the window. It writes the reference counts
of None, True and False seen before and after (in the JSON), and exits 0 only when the session ran to its end.
A binding that leaks a singleton makes Python abort on 3.11 (a non-zero exit) or shows as a fallen count.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QEventLoop, QModelIndex, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QAction, QInputMethodEvent  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialog, QWidget  # noqa: E402

from planbook.core.library import Library  # noqa: E402
from planbook.gui.app import setup_application  # noqa: E402
from planbook.gui.mainwindow import MainWindow  # noqa: E402

SINGLETONS = {"None": None, "True": True, "False": False}
ASCII = "planbook 2027 jiaoyu "
CHINESE = "校园足球基础教育科工作要点"
SKIPPED_ACTIONS = {"actQuit"}  # the session closes the window itself, at the end


def counts() -> dict[str, int]:
    return {name: sys.getrefcount(value) for name, value in SINGLETONS.items()}


def wait_for(signal, start) -> list:
    """Run `start()` and spin the event loop until `signal` fires (the window's own completion signals)."""
    loop, got = QEventLoop(), []
    signal.connect(lambda *args: (got.append(args), loop.quit()))
    start()
    if not got:
        loop.exec()
    return got[0]


def type_text(widget: QWidget, text: str) -> None:
    """ASCII as key presses; other characters committed as an input method does for a Chinese clerk."""
    widget.setFocus()
    for ch in text:
        if ch.isascii():
            QTest.keyClick(widget, ch)
        else:
            event = QInputMethodEvent("", [])
            event.setCommitString(ch)
            QApplication.sendEvent(widget, event)


def type_chars(widget: QWidget, n: int) -> None:
    source = (ASCII + CHINESE) * (n // len(ASCII + CHINESE) + 1)
    for start in range(0, n, 50):  # in bursts, clearing between, as a clerk retypes a query
        type_text(widget, source[start : min(start + 50, n)])
        QTest.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClick(widget, Qt.Key.Key_Backspace)
        QApplication.processEvents()


def close_dialogs(window: MainWindow) -> int:
    """Close every dialog now showing (the modal one first), as a clerk pressing Esc would."""
    closed = 0
    while (modal := QApplication.activeModalWidget()) is not None and isinstance(modal, QDialog):
        modal.done(QDialog.DialogCode.Rejected)
        closed += 1
    for widget in QApplication.topLevelWidgets():
        if widget is not window and isinstance(widget, QDialog) and widget.isVisible():
            widget.done(QDialog.DialogCode.Rejected)
            closed += 1
    return closed


def menu_actions(window: MainWindow) -> list[QAction]:
    found: list[QAction] = []

    def walk(actions) -> None:
        for action in actions:
            if action.menu() is not None:
                walk(action.menu().actions())
            elif not action.isSeparator() and action.objectName() not in SKIPPED_ACTIONS:
                found.append(action)

    walk(window.menuBar().actions())
    return found


def node_indexes(model) -> list[QModelIndex]:
    out: list[QModelIndex] = []

    def walk(parent: QModelIndex) -> None:
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            out.append(index)
            walk(index)

    walk(QModelIndex())
    return out


def session(args: argparse.Namespace, window: MainWindow, app: QApplication) -> dict:
    steps: dict[str, float] = {}

    def step(name: str, action) -> None:
        started = time.perf_counter()
        action()
        QApplication.processEvents()
        steps[name] = round(time.perf_counter() - started, 3)

    if args.imports:
        step(
            "import",
            lambda: wait_for(
                window.importFinished,
                lambda: window.imports.import_files([Path(p) for p in args.imports], preview=False),
            ),
        )
    plan_ids = [summary.id for summary in window.lib.list_plans()]
    step("open every plan", lambda: [window.open_plan(pid) for pid in plan_ids[: args.open]])
    step("search box", lambda: type_chars(window.search_box, args.search_chars))

    def switch() -> None:
        indexes = node_indexes(window.model)
        for i in range(args.switches):
            window.tree.setCurrentIndex(indexes[i % len(indexes)])
            if i % 25 == 0:
                QApplication.processEvents()

    def edit() -> None:
        indexes = node_indexes(window.model)
        window.tree.setCurrentIndex(indexes[min(1, len(indexes) - 1)])
        QApplication.processEvents()
        type_chars(window.node_editor.title, args.edit_chars // 2)
        type_chars(window.node_editor.body, args.edit_chars - args.edit_chars // 2)

    def undo_redo() -> None:
        for _ in range(min(window.undo_stack.count(), 40)):
            window.undo_stack.undo()
        for _ in range(min(window.undo_stack.count(), 40)):
            window.undo_stack.redo()

    if plan_ids:
        window.open_plan(plan_ids[-1])
        step("switch nodes", switch)
        step("edit", edit)
        step("undo/redo", undo_redo)

    # Every menu action: a watchdog closes modal dialogs (their nested loop runs it); non-modal ones close after.
    watchdog = QTimer(interval=20)
    watchdog.timeout.connect(lambda: close_dialogs(window))
    watchdog.start()
    triggered = []

    def every_action() -> None:
        for action in menu_actions(window):
            if plan_ids and window.model.plan is None:
                window.open_plan(plan_ids[-1])
            if action.isEnabled():
                action.trigger()
                QApplication.processEvents()
                close_dialogs(window)
                triggered.append(action.objectName() or action.text())

    step("every dialog", every_action)
    watchdog.stop()
    if plan_ids:
        out = Path(args.library).with_name("session-export.pdf")
        step(
            "export", lambda: wait_for(window.exportFinished, lambda: window.exports.export_plan(out, "pdf", "notice"))
        )
    return {"steps": steps, "actions": len(triggered), "plans": len(plan_ids)}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("library")
    parser.add_argument("--import", dest="imports", nargs="*", default=[])
    parser.add_argument("--search-chars", type=int, default=500)
    parser.add_argument("--edit-chars", type=int, default=500)
    parser.add_argument("--open", type=int, default=None, help="open only the first N plans (all by default)")
    parser.add_argument("--switches", type=int, default=500)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()

    app, settings, language = setup_application("zh")
    before = counts()
    window = MainWindow(Library.open(args.library), settings, language)
    window.restore(geometry=False)
    window.show()
    QApplication.processEvents()
    report = session(args, window, app)
    window.close()
    QApplication.processEvents()
    window.lib.close()
    del window
    QApplication.processEvents()
    after = counts()
    import PySide6

    report.update(
        binding=PySide6.__version__,
        python=sys.version.split()[0],
        before=before,
        after=after,
        delta={k: after[k] - before[k] for k in SINGLETONS},
        immortal=sys.version_info >= (3, 12),
    )
    text = json.dumps(report, ensure_ascii=False)
    if args.json:
        args.json.write_text(text, encoding="utf-8")
    print(text, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
