"""Screenshots of the window with a plan open, in Chinese and English, as the README shows them.

The PNGs land in the test's tmp folder (and in $PLANBOOK_SCREENSHOTS when set, to look at them).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from planbook.core.library import Library
from planbook.core.model import NodeKind
from tests.conftest import SEEDS, run_cli
from tests.gui_support import realistic_plan, settle


def out_dir(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("PLANBOOK_SCREENSHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def distinct_colours(image: QImage, step: int = 7) -> int:
    return len({image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)})


@pytest.mark.parametrize("lang, menu, heading", [("zh", "文件(&F)", "结构"), ("en", "&File", "Structure")])
def test_window_screenshot_with_a_plan_open(windows, tmp_path, lang, menu, heading):
    with Library.open(tmp_path / "lib.db") as lib:
        lib.add_plan(realistic_plan(2020))
        plan_id = lib.add_plan(realistic_plan(2021))
        if SEEDS.is_dir():  # a real plan, as users have them, when the seeds are beside the checkout
            from planbook.importers import import_file

            for path in sorted(SEEDS.glob("*.txt")):
                for plan in import_file(path):
                    seed_id = lib.add_plan(plan)
                    if any(n.kind is NodeKind.TASK for n in plan.walk()):
                        plan_id = seed_id
    w = windows.open(lang=lang, plan=plan_id)
    w.resize(1280, 800)
    task = [n for n in w.model.plan.walk() if n.kind is NodeKind.TASK][0]
    w.select_node(task.id)
    settle()
    assert w.menuBar().actions()[0].text() == menu
    assert w.model.headerData(0, Qt.Orientation.Horizontal) == heading
    image = w.grab().toImage()
    path = out_dir(tmp_path) / f"window-{lang}.png"
    assert image.save(str(path))
    assert image.width() == 1280 and distinct_colours(image) > 20
    w.select_plan_row()
    settle()
    assert w.grab().save(str(out_dir(tmp_path) / f"properties-{lang}.png"))


def test_cli_screenshot(tmp_path):
    library = tmp_path / "lib.db"
    with Library.open(library) as lib:
        plan_id = lib.add_plan(realistic_plan())
    out = tmp_path / "shot.png"
    result = run_cli(
        "gui",
        "--plan",
        str(plan_id),
        "--lang",
        "en",
        "--screenshot",
        out,
        library=library,
        env={"QT_QPA_PLATFORM": "offscreen", "PLANBOOK_SETTINGS": str(tmp_path / "s.ini")},
    )
    assert result.code == 0, result.err
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 800)
