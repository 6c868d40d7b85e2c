"""Open the real window on a library in a read-only mount (run by test_gui_safety under `unshare -rm`), try to
edit as a clerk would, save a screenshot, and print what the user saw as JSON.

    python tests/readonly_window_driver.py LIBRARY SCREENSHOT
"""

import io
import json
import sys
from contextlib import redirect_stderr
from pathlib import Path

from planbook.core import editing
from planbook.core.library import Library
from planbook.gui.app import setup_application
from planbook.gui.mainwindow import MainWindow
from planbook.gui.treemodel import PLAN_ID

path, shot = Path(sys.argv[1]), Path(sys.argv[2])
errors = io.StringIO()
with redirect_stderr(errors):
    app, settings, language = setup_application("zh")
    lib = Library.open(path)
    w = MainWindow(lib, settings, language)
    w.restore(geometry=False)
    w.resize(1280, 800)
    w.show()
    app.processEvents()
    plan_id = w.model.plan_id
    before = [n.title for n in w.model.plan.walk()]
    task = next(n.id for n in w.model.plan.walk() if n.children == [] and n.kind.name == "TASK")
    w.select_node(task)
    app.processEvents()
    names = (
        "act_new_plan",
        "act_new_from",
        "act_duplicate",
        "act_delete_plan",
        "act_next_year",
        "act_import",
        "act_new_sibling",
        "act_new_child",
        "act_delete",
        "act_up",
        "act_down",
        "act_indent",
        "act_outdent",
        "act_backups_restore",
    )
    enabled = {n: getattr(w, n).isEnabled() for n in names if hasattr(w, n)}
    enabled.update({f"new_{k}": a.isEnabled() for k, a in w.act_new_kind.items()})
    # What a clerk might still try: keys in the tree, typing into the (read-only) title, an edit reaching `do`.
    for act in (w.act_new_sibling, w.act_delete, w.act_indent):
        act.trigger()
    w.node_editor.title.setText("试图修改")  # the widget refuses typing; setText is what a paste would do
    refused = w.do(editing.EditNode(task, title="试图修改"), "Edit Title") is None
    app.processEvents()
    w.select_node(PLAN_ID)
    app.processEvents()
    w.grab().save(str(shot))
    seen = {
        "readonly": lib.readonly,
        "banner_visible": w.safety.read_only_banner.isVisible(),
        "banner": w.safety.read_only_banner.text(),
        "title": w.windowTitle(),
        "enabled": enabled,
        "title_edit_read_only": w.node_editor.title.isReadOnly() and w.node_editor.body.isReadOnly(),
        "properties_read_only": w.plan_properties.field("title").isReadOnly()
        and not w.plan_properties.field("status").isEnabled(),
        "edit_refused": refused,
        "tree_unchanged": [n.title for n in Library.open(path).load_plan(plan_id).walk()] == before,
        "undo_count": w.undo_stack.count(),
    }
    w.close()
    lib.close()
seen["traceback"] = "Traceback" if "Traceback" in errors.getvalue() else ""
print(errors.getvalue(), file=sys.stderr)
print(json.dumps(seen, ensure_ascii=False))
