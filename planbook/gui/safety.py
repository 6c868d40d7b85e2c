"""Keeping the window safe on a shared library: other programs' changes, read-only files, failed writes, backups.

`LibrarySafety` is the main window's collaborator (`window.safety`). It

- polls `PRAGMA data_version` (SQLite's documented way to learn that another connection committed) and, when
  another process (a second window, the CLI) changed the library, refreshes the library pane and the open plan
  while keeping the selection, the expanded rows and the editor the user is typing in;
- marks undo steps that name what another program deleted, so undoing them says so instead of touching a row
  that may by now hold something else; any undo/redo that fails is reported and taken off the stack
  (see `commands.EditCommand`);
- shows a yellow banner on a read-only library and disables every editing action and editor;
- explains failed writes (disk full, library locked or damaged) in one message that does not block the window;
- takes the daily backup on opening a writable library and offers File ▸ Backups and Restore….
"""

from __future__ import annotations

import contextlib
import sqlite3
import sys
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ..core import backup
from ..core.errors import NotFound, PlanbookError, ReadOnlyLibrary
from ..core.library import Library, problem
from ..core.model import Plan
from .commands import EditCommand, StaleEdit
from .messages import describe
from .qtcompat import emit

if TYPE_CHECKING:
    from .mainwindow import MainWindow

T = QCoreApplication  # T.translate("Safety", …): the context these texts have always had
POLL_MS = 800  # how often to look for other programs' commits; one PRAGMA, microseconds


def explained(error: Exception, path: Path | None = None) -> str:
    """One sentence for the user in the interface's language: SQLite errors by their `library.problem` key,
    Planbook's own errors through `messages.describe`."""
    if isinstance(error, ReadOnlyLibrary):
        return T.translate("Safety", "The library is read-only; changes cannot be saved.")
    if not isinstance(error, sqlite3.Error):
        return describe(error)
    words = {
        "disk_full": T.translate("Safety", "The disk is full: free some space and try again (nothing was changed)."),
        "disk_failed": T.translate(
            "Safety", "The disk could not be read or written (was it removed, or is it failing?)."
        ),
        "damaged": T.translate(
            "Safety", "The library file is damaged: restore a backup with File ▸ Backups and Restore…."
        ),
        "busy": T.translate(
            "Safety", "Another program is busy with the library: try again in a moment (nothing was changed)."
        ),
        "read_only": T.translate("Safety", "The library is read-only; changes cannot be saved."),
        "cannot_open": T.translate(
            "Safety", "The library file cannot be opened (check the folder exists and may be read)."
        ),
    }
    key = problem(error, path)
    return words[key] if key else str(error)


class BackupDone(QObject):
    """Carries the daily backup's end from its thread to the GUI thread: `finished(path or None)`."""

    finished = Signal(object)

    def send(self, made: Path | None) -> None:  # on the backup's thread: the signal arrives queued
        with contextlib.suppress(RuntimeError):  # the window closed meanwhile
            emit(self.finished, made)


class LibraryWatcher(QObject):
    """Emits `changed` when another connection has committed to the library since the last look."""

    changed = Signal()

    def __init__(self, lib: Library, parent: QObject | None = None, interval: int = POLL_MS):
        super().__init__(parent)
        self.timer = QTimer(self, interval=interval)
        self.timer.timeout.connect(self.poll)
        self.set_library(lib)

    def set_library(self, lib: Library) -> None:
        self.lib = lib
        self._version = self._read()
        if lib.readonly:  # opened immutable: nobody can be writing there
            self.timer.stop()
        else:
            self.timer.start()

    def _read(self) -> int | None:
        try:
            return self.lib.data_version()
        except sqlite3.Error:
            return None  # busy or gone this instant: the next poll looks again

    def poll(self) -> bool:
        version = self._read()
        if version is None or version == self._version:
            return False
        self._version = version
        emit(self.changed)
        return True


def _signatures(plan) -> dict[int, tuple]:
    """Each node's own content and place (not its children), to tell a node from another under the same id."""
    out: dict[int, tuple] = {}

    def walk(nodes, parent) -> None:
        for node in nodes:
            out[node.id] = (node.kind, node.title, node.body, tuple(node.fields), parent)
            walk(node.children, node.id)

    walk(plan.nodes, None)
    return out


def edit_commands(stack) -> list[EditCommand]:
    """Every EditCommand on a QUndoStack, inside macros too."""
    found: list[EditCommand] = []

    def walk(cmd) -> None:
        if isinstance(cmd, EditCommand):
            found.append(cmd)
        for i in range(cmd.childCount()):
            walk(cmd.child(i))

    for i in range(stack.count()):
        walk(stack.command(i))
    return found


def set_read_only(root: QWidget, readonly: bool) -> None:
    """Editors that show but do not change: text stays selectable and copyable, choices and buttons are off."""
    for w in root.findChildren(QWidget):
        if isinstance(w, (QLineEdit, QPlainTextEdit, QAbstractSpinBox)):
            w.setReadOnly(readonly)
        elif isinstance(w, (QComboBox, QAbstractButton)):
            w.setEnabled(not readonly)
        elif isinstance(w, QAbstractItemView):
            if readonly:
                w.setProperty("_editTriggers", int(w.editTriggers().value))
                w.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            elif w.property("_editTriggers") is not None:
                w.setEditTriggers(QAbstractItemView.EditTrigger(w.property("_editTriggers")))


class LibrarySafety(QObject):
    """The window's collaborator for a shared library: read-only banner and editors, the watcher, failed writes,
    backups. It reads the window's lib, model, tree, library pane and undo stack."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.w = window
        self._error_box: QMessageBox | None = None
        self.read_only_banner = QLabel(T.translate("Safety", "This library is read-only: changes are not saved"))
        self.read_only_banner.setObjectName("readOnlyBanner")
        self.read_only_banner.setStyleSheet(
            "QLabel { background: #fff3b0; color: #5c4a00; border-bottom: 1px solid #e0c84a; padding: 6px 10px; }"
        )
        self.read_only_banner.setWordWrap(True)
        self.watcher = LibraryWatcher(window.lib, self)
        self.watcher.changed.connect(self.reload_from_library)
        self.daily_backup_done = BackupDone(self)

    def install(self) -> None:
        """The banner above the window's panes, then what opening a library does."""
        w = self.w
        body = w.takeCentralWidget()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.read_only_banner)
        if body is not None:
            layout.addWidget(body, 1)
        w.setCentralWidget(central)
        self.library_opened()

    def library_opened(self) -> None:
        """A library was opened (at start or by switching): banner, watcher, the day's backup."""
        w, readonly = self.w, self.w.lib.readonly
        self.read_only_banner.setVisible(readonly)
        self.watcher.set_library(w.lib)
        w.tree.setDragEnabled(not readonly)
        w.tree.setAcceptDrops(not readonly)
        for editor in w.editors():  # (an editor built later is made read-only as it is built)
            set_read_only(editor, readonly)
        w.first_paint.later(lambda: w.session.start_daily_backup(self.daily_backup_done.send))
        w._update_actions()

    def close(self) -> None:
        self.watcher.timer.stop()  # the library is closed after the window: no poll may reach it then

    # ---- failed edits -----------------------------------------------------------------------------------

    def guard(self, slot):
        """An action's slot with library errors caught: reading the library to build an edit can fail too
        (a full disk, a lock held too long, a node another program just deleted)."""

        def run() -> None:
            try:
                slot()
            except (sqlite3.Error, ReadOnlyLibrary) as e:
                self.edit_failed(e)
            except PlanbookError as e:
                self.w.statusBar().showMessage(describe(e), 5000)
                QTimer.singleShot(0, lambda: self.reload_from_library(force=True))  # likely out of date

        return run

    def edit_failed(self, error: Exception) -> None:
        """An edit the user just made could not be written: say why once; the window stays usable."""
        text = explained(error, self.w.lib.path)
        self.w.statusBar().showMessage(text, 8000)
        self._tell(T.translate("Safety", "The change was not saved"), text)
        self.w._show_current()  # the editor shows what is stored, not the refused value

    def command_failed(self, command: EditCommand, error: Exception, undoing: bool) -> None:
        """Undo or redo of `command` failed; the library is unchanged and the step is off the stack."""
        if not isinstance(error, (PlanbookError, sqlite3.Error, StaleEdit)):
            traceback.print_exception(error, file=sys.stderr)  # a bug: keep the details for the report
        if isinstance(error, (StaleEdit, NotFound, PlanbookError)):
            reason = T.translate("Safety", "What it changes was deleted or changed by another program.")
        else:
            reason = explained(error, self.w.lib.path)
        what = (
            T.translate("Safety", "Cannot undo “{0}”.") if undoing else T.translate("Safety", "Cannot redo “{0}”.")
        ).format(command.text())
        after = T.translate("Safety", "The step was taken off the undo list; nothing was changed.")
        text = f"{what} {reason} {after}"
        self.w.statusBar().showMessage(text, 10000)
        self._tell(T.translate("Safety", "Undo") if undoing else T.translate("Safety", "Redo"), text)
        QTimer.singleShot(0, lambda: self.reload_from_library(force=True))  # the mirror follows the file

    def _tell(self, title: str, text: str) -> None:
        """One message box at a time: a failing keystroke after keystroke does not stack up dialogs."""
        if self._error_box is not None and self._error_box.isVisible():
            self._error_box.setText(text)
            return
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self.w)
        box.setObjectName("safetyMessage")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.destroyed.connect(lambda: setattr(self, "_error_box", None))
        self._error_box = box
        box.open()

    # ---- other programs' changes ----------------------------------------------------------------------

    def reload_from_library(self, force: bool = False) -> None:
        """Show what the file holds now, keeping the user's place; mark undo steps whose targets are gone."""
        try:
            plans = self.w.lib.list_plans(counts=False)
            fresh = self._fresh_plan()
        except sqlite3.Error as e:
            self.w.statusBar().showMessage(explained(e, self.w.lib.path), 8000)
            return
        old_plan = self.w.model.plan
        # Gone: deleted, or changed by the other program (its id may even have been reused for a new node).
        before = _signatures(old_plan) if old_plan is not None else {}
        after = _signatures(fresh) if fresh is not None else {}
        gone_nodes = {nid for nid, sig in before.items() if after.get(nid) != sig}
        gone_plans = {p.id for p in self.w.library_pane.plans} - {p.id for p in plans}
        self._mark_stale(gone_nodes, gone_plans)
        self.w.library_pane.set_plans(plans, self.w.model.plan_id)
        self.w.search_panel.refresh_soon()
        if old_plan is not None and fresh is None:
            self.w.model.load(None)
            self.w._show_nothing()
            self.w.statusBar().showMessage(
                T.translate("Safety", "The plan that was open was deleted by another program."), 8000
            )
            return
        if fresh is not None and fresh.id is not None and (force or fresh != old_plan):
            self._reload_plan(fresh.id)
        if not force:
            self.w.statusBar().showMessage(
                T.translate("Safety", "Another program changed the library: shown as it is now."), 5000
            )

    def _fresh_plan(self) -> Plan | None:
        """The open plan as the file holds it now; None when it is gone (or none is open)."""
        plan_id = self.w.model.plan_id
        try:
            return self.w.lib.load_plan(plan_id) if plan_id is not None else None
        except NotFound:
            return None

    def _reload_plan(self, plan_id: int) -> None:
        current = self.w.current_id()
        walk, chain = current, []
        while walk is not None and walk != 0:
            chain.append(walk)
            walk = self.w.model.parent_id(walk)
        old = self.w.model.plan
        collapsed = {
            n.id
            for n in (old.walk() if old is not None else ())
            if n.id is not None
            and self.w.model.node(n.id) is not None
            and n.children
            and not self.w.tree.isExpanded(self.w.model.index_of(n.id))
        }
        scroll = self.w.tree.verticalScrollBar().value()
        with QSignalBlocker(self.w.tree.selectionModel()):  # no flicker to the placeholder and back
            self.w.model.load(plan_id)
            self.w.tree.expandAll()
            for node_id in collapsed:
                if self.w.model.node(node_id) is not None:
                    self.w.tree.collapse(self.w.model.index_of(node_id))
            keep = next((n for n in chain if self.w.model.node(n) is not None), 0)
            self.w.tree.setCurrentIndex(self.w.model.index_of(keep))
        self.w.tree.verticalScrollBar().setValue(scroll)
        self.w.tree.viewport().update()
        self.w._show_current()  # refreshes the editor in place: same node, same widget, focus and cursor kept
        self.w._update_title()
        self.w._update_actions()

    def _mark_stale(self, nodes: set[int], plans: set[int]) -> None:
        if not nodes and not plans:
            return
        for cmd in edit_commands(self.w.undo_stack):
            needs = cmd.pending().needs()
            if needs.nodes & nodes or needs.plans & plans or (cmd.plan_id in plans):
                cmd.stale = True

    # ---- backups --------------------------------------------------------------------------------------

    def backups_dialog(self):
        from .backups import BackupDialog

        dialog = BackupDialog(self.w)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def restore_backup(self, path: Path) -> bool:
        """Replace the library's contents with a backup (core backs up the current file first), then reload."""
        try:
            before = backup.restore(self.w.lib, path)
        except (PlanbookError, sqlite3.Error) as e:
            self._tell(T.translate("Safety", "Restore"), explained(e, self.w.lib.path))
            return False
        self.w.undo_stack.clear()  # its steps describe the contents that were just replaced
        self.watcher.set_library(self.w.lib)
        self.reload_from_library(force=True)
        if self.w.model.plan is None and self.w.library_pane.plans:
            self.w.open_plan(self.w.library_pane.visible_plan_ids()[0])
        self.w.statusBar().showMessage(
            T.translate("Safety", "Restored {0}. What was there before is kept as {1}.").format(
                Path(path).name, before.name
            ),
            10000,
        )
        return True
