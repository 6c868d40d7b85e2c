"""Open the real window on a library on a tiny disk (run by test_gui_safety inside `unshare -rm` with FOLDER a
1 MB tmpfs), fill the disk, edit as a clerk would, free the disk, edit again; print what the user saw as JSON.

    python tests/full_disk_window_driver.py FOLDER SCREENSHOT
"""

import io
import json
import sqlite3
import sys
from contextlib import redirect_stderr
from pathlib import Path

import sqlite_utils
from PySide6.QtWidgets import QMessageBox

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script: `tests` is beside it
from planbook.core.library import Library  # noqa: E402
from planbook.gui.app import setup_application  # noqa: E402
from planbook.gui.mainwindow import MainWindow  # noqa: E402
from tests.gui_support import realistic_plan  # noqa: E402

folder, shot = Path(sys.argv[1]), Path(sys.argv[2])
path = folder / "lib.db"


def stored(plan_id: int):
    # A connection of its own, never a plain open() of the file (that would drop the window's locks).
    conn = sqlite3.connect(path)
    try:
        return Library(path, sqlite_utils.Database(conn), readonly=True).load_plan(plan_id)
    finally:
        conn.close()


def fill() -> Path:
    filler = folder / "filler"
    with filler.open("wb", buffering=0) as f:
        try:
            while True:
                f.write(b"\0" * 4096)
        except OSError:
            pass
    return filler


errors = io.StringIO()
with redirect_stderr(errors):
    with Library.open(path) as lib:
        plan_id = lib.add_plan(realistic_plan())
    app, settings, language = setup_application("zh")
    w = MainWindow(Library.open(path), settings, language)
    w.restore(plan_id, geometry=False)
    w.resize(1280, 800)
    w.show()
    app.processEvents()
    task = next(n for n in w.model.plan.walk() if n.kind.name == "TASK")
    w.select_node(task.id)
    before = stored(plan_id)
    filler = fill()
    long_text = "推进教育现代化，办好人民满意的教育。" * 20000  # ~1 MB: more than any space the WAL still has
    w.node_editor.body.setPlainText(long_text)  # a paste
    app.processEvents()
    w.act_new_sibling.trigger()
    app.processEvents()
    boxes = [b for b in w.findChildren(QMessageBox, "safetyMessage") if b.isVisible()]
    seen = {
        "boxes": len(boxes),
        "message": boxes[0].text() if boxes else "",
        "editor_shows_stored": w.node_editor.body.toPlainText() == task.body,
        "unchanged": stored(plan_id) == before,
        "undo_count": w.undo_stack.count(),
    }
    if boxes:
        boxes[0].grab().save(str(shot))
        boxes[0].close()
    filler.unlink()
    w.node_editor.title.setText("腾出空间后的修改。")
    app.processEvents()
    seen["after_freeing"] = stored(plan_id).nodes[0].children[0].title
    seen["integrity"] = sqlite3.connect(path).execute("PRAGMA integrity_check").fetchone()[0]
    w.close()
    w.lib.close()
seen["traceback"] = "Traceback" if "Traceback" in errors.getvalue() else ""
print(errors.getvalue(), file=sys.stderr)
print(json.dumps(seen, ensure_ascii=False))
