"""The print preview shows the real PDF, saves it, and prints it through a QPrinter."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from planbook.gui.print_preview import PrintPreview

from .conftest import sample_plan
from .pdfcheck import read_pdf


@pytest.fixture(autouse=True)
def no_user_fonts(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("PLANBOOK_FONTS", str(tmp_path / "no-fonts.json"))


def test_preview_shows_saves_and_prints(qtbot, tmp_path: Path) -> None:
    plan = sample_plan()
    dialog = PrintPreview(plan)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.ready and not dialog.print_button.isEnabled()  # typesetting on a worker: the dialog is up
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.ready, timeout=30_000)
    notice_pages = dialog.document.pageCount()
    assert notice_pages >= 2 and dialog.print_button.isEnabled()
    # QPdfView renders pages in the background: wait until the red masthead shows on screen.
    qtbot.waitUntil(lambda: _has_red(dialog.view.grab().toImage()), timeout=5000)
    dialog.grab().save(str(tmp_path / "preview.png"))

    with qtbot.waitSignal(dialog.typeset, timeout=30_000):
        dialog.layout_box.setCurrentIndex(dialog.layout_box.findData("plan"))
    assert dialog.document.pageCount() < notice_pages  # the plan alone has no notice page

    saved = tmp_path / "saved.pdf"
    assert dialog.save_to(saved) is None
    assert read_pdf(saved).text.startswith(plan.title)

    printer = PrintPreview.make_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert dialog.print_to(printer) == dialog.document.pageCount()
    printed = QPdfDocument()
    printed.load(str(tmp_path / "printed.pdf"))
    assert printed.pageCount() == dialog.document.pageCount()
    size = printed.pagePointSize(0)
    assert abs(size.width() - 595.3) < 1.5 and abs(size.height() - 841.9) < 1.5


def _has_red(image) -> bool:
    for y in range(0, image.height(), 3):
        for x in range(0, image.width(), 3):
            c = image.pixelColor(x, y)
            if c.red() > 200 and c.green() < 80 and c.blue() < 80:
                return True
    return False


def test_unwritable_save_is_refused_with_a_message(qtbot, tmp_path: Path) -> None:
    dialog = PrintPreview(sample_plan())
    qtbot.addWidget(dialog)
    error = dialog.save_to(tmp_path / "missing" / "x.pdf")
    assert error and "x.pdf" in error and "\n" not in error
    assert not (tmp_path / "missing").exists()


def test_file_menu_opens_the_preview_of_the_open_plan(qtbot, tmp_path: Path) -> None:
    from planbook.core.library import Library

    from .gui_support import Windows, realistic_plan

    lib = Library.open(tmp_path / "lib.db")
    plan_id = lib.add_plan(realistic_plan())
    lib.close()
    windows = Windows(qtbot, tmp_path)
    try:
        window = windows.open(tmp_path / "lib.db", plan=plan_id)
        assert window.act_print_preview.isEnabled()
        window.act_print_preview.trigger()
        dialog = window.findChild(PrintPreview)
        assert dialog is not None and dialog.isVisible()
        qtbot.waitUntil(lambda: dialog.ready, timeout=30_000)
        assert dialog.document.pageCount() >= 2
        assert dialog.plan.title == realistic_plan().title
        qtbot.waitUntil(lambda: _has_red(dialog.view.grab().toImage()), timeout=5000)
        assert dialog.windowTitle().startswith("打印预览")  # the Chinese interface by default
        dialog.grab().save(str(tmp_path / "menu-preview.png"))
        dialog.close()
    finally:
        windows.cleanup()


def test_a_long_plan_is_typeset_off_the_window_and_closing_meanwhile_is_safe(qtbot) -> None:
    from planbook.core.model import Node, NodeKind

    plan = sample_plan()
    section = plan.nodes[0]
    section.children = [
        Node(NodeKind.TASK, f"第{i}项任务。", "细化工作举措，明确时间节点，确保按期完成。" * 6) for i in range(200)
    ]
    closed = PrintPreview(plan)
    qtbot.addWidget(closed)
    closed.show()
    assert not closed.ready and closed.status.text() == "Typesetting…"  # shown at once, the pages still to come
    closed.done(0)  # closing waits for the worker, then removes its files
    assert not Path(closed._dir.name).exists()
    dialog = PrintPreview(plan)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.typeset, timeout=120_000):
        dialog.show()
    assert dialog.document.pageCount() > 20 and dialog.print_button.isEnabled()
    assert dialog.status.text().startswith(f"{dialog.document.pageCount()} pages")


def test_page_one_of_a_long_plan_shows_while_the_rest_is_typeset(qtbot) -> None:
    from planbook.core.model import Node, NodeKind

    plan = sample_plan()
    plan.nodes[0].children = [
        Node(NodeKind.TASK, f"第{i}项任务。", "细化工作举措，明确时间节点，确保按期完成。" * 6) for i in range(800)
    ]  # ~300 pages: seconds of typesetting
    dialog = PrintPreview(plan)
    qtbot.addWidget(dialog)
    dialog.resize(820, 1000)
    with qtbot.waitSignal(dialog.first_page, timeout=60_000):
        dialog.show()
    # Page 1 is on screen, painted from page 1 alone, and the whole file is not written yet.
    assert dialog.document.pageCount() == 1 and not dialog.ready and not dialog.print_button.isEnabled()
    assert not any(Path(dialog._dir.name).glob("preview-1.pdf"))
    assert dialog.status.text().startswith("Typesetting…")
    qtbot.waitUntil(lambda: _has_red(dialog.view.grab().toImage()), timeout=10_000)  # the masthead, drawn
    # Typesetting goes on: the first screens come next, the reader's place is kept, then the whole document.
    qtbot.waitUntil(lambda: dialog.document.pageCount() > 1, timeout=60_000)
    bar = dialog.view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    kept = bar.value()
    # (polled, not a signal awaited from here: on an idle machine the last page may already have arrived)
    qtbot.waitUntil(lambda: dialog.ready, timeout=300_000)
    assert dialog.ready and dialog.document.pageCount() > 100 and dialog.print_button.isEnabled()
    assert bar.value() == kept
    dialog.done(0)


def test_closing_while_typesetting_stops_the_worker_and_removes_its_files(qtbot) -> None:
    from planbook.core.model import Node, NodeKind

    plan = sample_plan()
    plan.nodes[0].children = [Node(NodeKind.TASK, f"第{i}项任务。", "细化工作举措。" * 20) for i in range(800)]
    dialog = PrintPreview(plan)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.first_page, timeout=60_000):
        dialog.show()
    worker = dialog._worker
    assert worker is not None
    with qtbot.waitSignal(worker.finished, timeout=60_000) as finished:
        dialog.done(0)  # waits for the worker, which stops at its next page
    assert finished.args == [None]  # cancelled, not finished
    assert not Path(dialog._dir.name).exists()
