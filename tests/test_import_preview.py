"""The import preview dialog: recognised trees and warnings shown, nothing written until the user says so."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox

from planbook.core.errors import PlanbookError
from planbook.importers import import_with_warnings


def outcomes_for(paths):
    out = []
    for path in paths:
        try:
            out.append((path, import_with_warnings(path), None))
        except PlanbookError as e:
            out.append((path, None, str(e)))
    return out


def test_preview_shows_tree_numbers_fields_and_warnings(qtbot, seeds, tmp_path):
    from planbook.gui.importpreview import ImportPreview

    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    paths = [next(seeds.glob("003_*.txt")), next(seeds.glob("004_*.txt")), bad]
    dialog = ImportPreview(outcomes_for(paths))
    qtbot.addWidget(dialog)
    dialog.show()
    tree = dialog.tree
    assert tree.topLevelItemCount() == 2
    hunan = tree.topLevelItem(0)
    assert hunan.text(0).startswith("湖南省教育厅 中共湖南省委教育工委2020年工作要点") and hunan.text(1) == "33"
    assert hunan.child(0).text(0).startswith("Issuing notice: 湘教发〔2020〕8号")  # no translator: English
    section = hunan.child(1)
    assert section.text(0) == "一、加强党对教育工作的全面领导" and section.text(1) == "4"
    task = section.child(0)
    assert task.text(0) == "1.进一步健全党对教育工作全面领导的体制机制"
    assert [task.child(i).text(0).split("：")[0] for i in range(task.childCount())] == [
        "目标任务",
        "工作措施",
        "责任单位",
    ]
    nanning = tree.topLevelItem(1)
    assert nanning.child(2).child(0).text(0) == "1.强化教育改革统筹谋划。"  # per-section numbers restart
    problems = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert any("2018319" in p for p in problems)
    assert "Not imported: empty.txt is empty" in problems  # the file named once
    assert dialog.import_button.isEnabled()
    assert [p.name for p, _ in dialog.plans()] == [paths[0].name, paths[1].name]
    dialog.grab().save("/tmp/import_preview.png")


def test_nothing_to_import_disables_the_button(qtbot, tmp_path):
    from planbook.gui.importpreview import ImportPreview

    bad = Path(tmp_path / "x.docx")
    bad.write_text("not a docx", encoding="utf-8")
    dialog = ImportPreview(outcomes_for([bad]))
    qtbot.addWidget(dialog)
    assert not dialog.import_button.isEnabled()
    cancel = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel)
    with qtbot.waitSignal(dialog.rejected):
        cancel.click()
