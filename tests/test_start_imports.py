"""The window's start imports only what its first paint needs (issue 22: window shown ≤ 1.0 s at 10,000 plans).

Exporters, importers, the typesetter and their libraries (reportlab, python-docx, openpyxl, pypdfium2 …), and the
views built on first use (the follow-up and review docks, compare, print preview), load when an action needs them.
A module-level import of one of them anywhere on the window's path would add its load to every start: these
tests start the real window in a fresh process, as `planbook` does, and read `sys.modules` once it is shown.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from planbook.core.library import Library

from .gui_support import realistic_plan

ROOT = Path(__file__).resolve().parent.parent

# Loaded on first use, never by the start (a prefix covers the package's modules).
LATER = (
    "reportlab",
    "docx",
    "openpyxl",
    "pypdfium2",
    "fontTools",
    "rapidfuzz",
    "lxml",
    "PIL",
    "planbook.exporters.",  # the registry (planbook.exporters itself) is light; the writers are not
    "planbook.importers",
    "planbook.layout",
    "planbook.core.review",
    "planbook.core.compare",
    "planbook.gui.review",
    "planbook.gui.compareview",
    "planbook.gui.print_preview",
    "planbook.gui.checkdialog",
    "planbook.gui.preferences",
)

SHOW = """
import json, sys
from planbook.cli import main
code = main([])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def started_modules(tmp_path: Path, library: Path) -> list[str]:
    """The modules a real start of the window has loaded once the window is shown (and painted)."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PLANBOOK_LIBRARY": str(library),
        "PLANBOOK_SETTINGS": str(tmp_path / "settings.ini"),
        "PLANBOOK_QUIT_WHEN_SHOWN": "1",
    }
    done = subprocess.run([sys.executable, "-c", SHOW], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["code"] == 0 and "shown " in done.stdout
    return seen["modules"]


def test_the_window_starts_without_the_exporters_importers_and_their_libraries(tmp_path):
    library = tmp_path / "lib.db"
    with Library.open(library) as lib:
        lib.add_plan(realistic_plan(2020))
        lib.add_plan(realistic_plan(2021))  # the window opens a plan at start: its editors are built
    modules = started_modules(tmp_path, library)
    assert "planbook.gui.mainwindow" in modules  # the window itself was started
    assert [m for m in modules if loaded_later(m)] == []


def loaded_later(module: str) -> bool:
    """Whether `module` is one of LATER's: a package and its modules, or (ending in ".") only the modules."""
    return any(
        module.startswith(name) if name.endswith(".") else module == name or module.startswith(name + ".")
        for name in LATER
    )


def test_the_check_tells_a_deferred_module_from_a_light_one():
    assert loaded_later("reportlab.pdfgen.canvas") and loaded_later("docx") and loaded_later("planbook.importers.word")
    assert loaded_later("planbook.exporters.pdf_writer") and not loaded_later("planbook.exporters")
    assert not loaded_later("planbook.core.reviewed") and not loaded_later("docxcompose")
