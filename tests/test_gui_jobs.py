"""Work off the GUI thread always reports back: a bug in one item fails that item with a message, and the
window stops waiting (an export that raised a non-Planbook error once left its progress dialog up for ever)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from planbook.gui.jobs import Job, start_job


def test_an_unexpected_error_fails_its_item_and_the_job_still_reports(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))  # the traceback log goes to a scratch folder
    parent = QWidget()
    qtbot.addWidget(parent)

    def work(n: int) -> int:
        if n == 2:
            raise AttributeError("'_Writer' object has no attribute 'fitted'")
        return n * 10

    reported: list = []
    with qtbot.waitCallback(timeout=30_000) as done:
        start_job(parent, "test", Job([1, 2, 3], work), lambda results: (reported.extend(results), done()))
    assert [(item, result) for item, result, _ in reported] == [(1, 10), (2, None), (3, 30)]
    error = reported[1][2]
    assert error.startswith("unexpected error (AttributeError:") and "fitted" in error
    assert reported[0][2] is None and reported[2][2] is None
