"""The export registry (`exporters.FORMATS`): the command line's --format/--layout and the window's File ▸ Export…
file types are read from it, so a format added there is offered everywhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from planbook import cli
from planbook.core.library import Library
from planbook.exporters import EXPORTERS, FORMATS, Document, ExportFormat

from .conftest import sample_plan


def test_the_command_line_offers_every_registered_format_and_layout(capsys):
    with pytest.raises(SystemExit) as done:
        cli.main(["export", "--help"])
    assert done.value.code == 0
    text = " ".join(capsys.readouterr().out.split())
    for fmt in FORMATS.values():
        assert fmt.name in text
        for layout in fmt.layouts:
            assert layout in text
    assert list(EXPORTERS) == list(FORMATS)  # the old name → writer view is the same registry


def _markdown(plan, out: Path, layout: str | None = None) -> None:
    out.write_text(f"# {plan.title}\n", encoding="utf-8")


def test_a_format_added_to_the_registry_is_offered_by_the_cli_and_the_export_dialog(tmp_path, monkeypatch, qapp):
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QWidget

    from planbook.gui.exportdialog import ExportDialog

    monkeypatch.setitem(FORMATS, "md", ExportFormat("md", "md", (Document(None, "Markdown (*.md)"),), _markdown))
    library = tmp_path / "lib.db"
    with Library.open(library) as lib:
        plan_id = lib.add_plan(sample_plan())
    out = tmp_path / "plan.md"
    monkeypatch.setenv("PLANBOOK_LIBRARY", str(library))
    assert cli.main(["export", str(plan_id), "--format", "md", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == "# 某市教育局2021年工作要点\n"

    parent = QWidget()
    dialog = ExportDialog(
        parent, "某市教育局2021年工作要点", QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    )
    offered = dialog.nameFilters()
    assert offered[-1] == "Markdown (*.md)"
    assert len(offered) == sum(d.in_dialog for f in FORMATS.values() for d in f.documents)
    assert dialog.kind("Markdown (*.md)").suffix == "md"
    dialog.deleteLater()
    parent.deleteLater()
