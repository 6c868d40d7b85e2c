"""File ▸ Backups and Restore…: the library's backups (newest first), Back Up Now, and Restore after confirmation.

The copies themselves are made by `core.backup` (SQLite's online backup API); restoring first backs up what the
library holds now, so a restore can itself be undone by restoring that copy.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from ..core import backup
from ..core.errors import PlanbookError
from .messages import describe
from .screen import fit_to_screen
from .widgets import top_items

PathRole = Qt.ItemDataRole.UserRole + 1


class BackupDialog(QDialog):
    def __init__(self, window):
        super().__init__(window)
        self.setObjectName("backupDialog")
        self.window_ = window
        self.setWindowTitle(self.tr("Backups and Restore"))
        fit_to_screen(self, 560, 380)
        folder = backup.folder_of(window.lib.path)
        self.info = QLabel(
            self.tr("A copy of the library is kept each day it is opened (the last {0}), in {1}").format(
                backup.KEEP, folder
            )
        )
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.list = QTreeWidget()
        self.list.setObjectName("backupList")
        self.list.setHeaderLabels([self.tr("Taken"), self.tr("Size"), self.tr("File")])
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.list.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.list.header().setStretchLastSection(True)
        self.status = QLabel()
        self.status.setObjectName("backupStatus")
        self.status.setWordWrap(True)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.backup_button = QPushButton(self.tr("Back Up Now"))
        self.backup_button.setObjectName("backupNow")
        self.restore_button = QPushButton(self.tr("Restore Selected…"))
        self.restore_button.setObjectName("restoreBackup")
        buttons.addButton(self.backup_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(lambda: self.restore_selected())
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())

        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.fill()

    def fill(self, select: Path | None = None) -> None:
        self.list.clear()
        locale = QLocale()
        for b in backup.list_backups(self.window_.lib.path):
            item = QTreeWidgetItem(
                [b.taken_at.strftime("%Y-%m-%d %H:%M:%S"), locale.formattedDataSize(b.size), b.path.name]
            )
            item.setData(0, PathRole, str(b.path))
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.list.addTopLevelItem(item)
            if select is not None and b.path == select:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.topLevelItemCount():
            self.list.setCurrentItem(top_items(self.list)[0])
        if not self.list.topLevelItemCount():
            self.status.setText(self.tr("No backups yet."))
        self._update_buttons()

    def _update_buttons(self) -> None:
        readonly = self.window_.lib.readonly
        self.backup_button.setEnabled(not readonly)
        self.restore_button.setEnabled(not readonly and self.list.currentItem() is not None)

    def selected(self) -> Path | None:
        item = self.list.currentItem()
        return Path(item.data(0, PathRole)) if item is not None else None

    def back_up_now(self) -> Path | None:
        try:
            path = backup.backup(self.window_.lib)
        except PlanbookError as e:
            self.status.setText(describe(e))
            return None
        self.fill(select=path)
        self.status.setText(self.tr("Backed up to {0}").format(path.name))
        return path

    def restore_selected(self, confirm: bool = True) -> bool:
        path = self.selected()
        if path is None:
            return False
        if confirm:
            taken = item.text(0) if (item := self.list.currentItem()) else ""
            box = QMessageBox(
                QMessageBox.Icon.Question,
                self.tr("Restore Backup"),
                self.tr("Replace everything in the library with the backup of {0}?").format(taken),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                self,
            )
            box.setObjectName("confirmRestore")
            box.setInformativeText(
                self.tr(
                    "What the library holds now is backed up first, so you can go back to "
                    "it by restoring that copy. Undo history is cleared."
                )
            )
            box.setDefaultButton(QMessageBox.StandardButton.Cancel)
            if box.exec() != QMessageBox.StandardButton.Yes:
                return False
        if not self.window_.safety.restore_backup(path):
            return False
        self.fill()
        self.status.setText(self.tr("Restored {0}.").format(path.name))
        return True
