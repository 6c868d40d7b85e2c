"""Edit ▸ Preferences ▸ Word Fonts: the font names the Word export writes for each face role.

A DOCX names its fonts rather than carrying them; Word uses a named font where the reader's computer has it,
else the fallback the file names beside it. Offices differ (方正仿宋_GBK, 华文中宋 …), so each role of the formal
notice has an editable list of the usual names. A name is saved as soon as it is chosen from the list or typed
and confirmed (Enter, or leaving the field), through the core's `save_word_fonts` into word-fonts.json, which the
command line reads too; a name Word cannot use is refused with the reason and the previous one stays. A
word-fonts.json that cannot be read is shown, never silently replaced (Start Over… renames it aside).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.errors import PlanbookError
from ..exporters.docx_fonts import (
    COMMON_NAMES,
    WORD_FONT_KEYS,
    WordFontNameError,
    WordFontSettingsError,
    check_name,
    face_named,
    read_word_fonts,
    save_word_fonts,
    user_word_fonts_file,
)
from ..layout import FACES
from .messages import describe
from .preferences import _free_name, problem_banner, role_labels, role_names, set_aside
from .widgets import named

COMBO_PX = 240  # room for the longest usual name (方正小标宋_GBK) with the arrow


class NameBox(QComboBox):
    """An editable list of font names whose Enter confirms the name and goes no further: the line edit leaves
    the key to the dialog, which would press its default button and close itself over the refusal message."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()


class WordFontsPage(QWidget):
    """The "Word Fonts" tab: one editable list of names per role, saved as it is changed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wordFontsPage")
        self.fonts_file = user_word_fonts_file()
        self.names: dict[str, str] = {}  # the roles the user chose a name for, as saved
        self.problem: PlanbookError | None = None
        self.combos: dict[str, QComboBox] = {}
        self.fallbacks: dict[str, QLabel] = {}
        self._build()
        self.reload()

    # ---- building ------------------------------------------------------------------------------------

    def _build(self) -> None:
        intro = QLabel(
            self.tr(
                "The Word export writes these font names into the document; the fonts themselves are not included. "
                "Word uses a named font where the reader's computer has it, otherwise the fallback shown beside it. "
                "Choose a name from the list, or type the one your office uses."
            )
        )
        intro.setWordWrap(True)
        self.replace_button = named(QPushButton(self.tr("Start Over…")), "replaceWordFontsFile")
        self.replace_button.setToolTip(self.tr("Put the unreadable file aside and use the default names"))
        self.replace_button.clicked.connect(lambda: self.replace_unreadable())
        self.problem_label, problem = problem_banner("wordFontsFileProblem", self.replace_button)

        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(2, 1)
        names = role_names()
        row = 0
        for key in WORD_FONT_KEYS:
            row, name, _ = role_labels(grid, row, key, f"wordRole_{key}", 3)
            combo = named(NameBox(), f"wordFont_{key}")
            combo.setEditable(True)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)  # a typed name is saved, not added to the list
            # Inline completion would turn a typed 仿宋 into 仿宋_GB2312 on Enter. Qt takes None (no completer);
            # the stubs do not say so.
            combo.setCompleter(None)  # pyright: ignore[reportArgumentType]
            combo.addItems(COMMON_NAMES[key])
            combo.setMinimumWidth(COMBO_PX)
            combo.setToolTip(self.tr("The font name written into Word files for {0}").format(names[key]))
            name.setBuddy(combo)
            combo.activated.connect(lambda _=0, k=key: self.commit(k))
            if (line := combo.lineEdit()) is not None:  # an editable box has one
                line.editingFinished.connect(lambda k=key: self.commit(k))
            fallback = named(QLabel(), f"wordFallback_{key}")
            fallback.setEnabled(False)
            grid.addWidget(combo, row, 1)
            grid.addWidget(fallback, row, 2)
            self.combos[key], self.fallbacks[key] = combo, fallback
            row += 2

        self.reset_button = named(QPushButton(self.tr("Reset to Defaults")), "resetWordFonts")
        self.reset_button.setToolTip(
            self.tr("Use the default names again: {0}").format(
                self.tr(", ").join(FACES[key].docx_name for key in WORD_FONT_KEYS)
            )
        )
        self.reset_button.clicked.connect(lambda: self.reset())
        reset = QHBoxLayout()
        reset.addStretch(1)
        reset.addWidget(self.reset_button)
        where = named(
            QLabel(
                self.tr("Saved in {0}; the command line uses the same file.").format(
                    f'<a href="{self.fonts_file.parent.as_uri()}">{self.fonts_file}</a>'
                )
            ),
            "wordFontsFileName",
        )
        where.setOpenExternalLinks(True)
        box = QVBoxLayout(self)
        box.addWidget(intro)
        box.addLayout(problem)
        box.addSpacing(6)
        box.addLayout(grid)
        box.addSpacing(6)
        box.addLayout(reset)
        box.addStretch(1)
        box.addSpacing(10)
        box.addWidget(where)

    # ---- showing -------------------------------------------------------------------------------------

    def name(self, key: str) -> str:
        """The name the Word export writes for `key` now."""
        return self.names.get(key, FACES[key].docx_name)

    def reload(self) -> None:
        """Read word-fonts.json again and show every role; an unreadable file locks the page until dealt with."""
        try:
            self.names, self.problem = read_word_fonts(self.fonts_file), None
        except WordFontSettingsError as e:
            self.names, self.problem = {}, e
        if self.problem is not None:
            self.problem_label.setText(
                describe(self.problem)
                + "\n"
                + self.tr(
                    "Nothing here can be changed until the file is corrected by hand, or you start over with the "
                    "default names (the file is kept beside it, renamed)."
                )
            )
        self.problem_label.setVisible(self.problem is not None)
        self.replace_button.setVisible(self.problem is not None)
        for key in self.combos:
            self._show(key)
        self.reset_button.setEnabled(self.problem is None and bool(self.names))

    def _show(self, key: str) -> None:
        combo, name = self.combos[key], self.name(key)
        combo.blockSignals(True)
        index = combo.findText(name, Qt.MatchFlag.MatchExactly)
        combo.setCurrentIndex(index)  # the list opens on the name in use (or on none: a typed name)
        combo.setEditText(name)
        combo.blockSignals(False)
        combo.setEnabled(self.problem is None)
        alt = face_named(key, name).docx_alt
        label = self.fallbacks[key]
        label.setText(self.tr("Fallback: {0}").format(alt) if alt else self.tr("No fallback"))
        label.setToolTip(
            self.tr("Where a reader's computer lacks {0}, Word uses {1}").format(name, alt)
            if alt
            else self.tr("Where a reader's computer lacks {0}, Word substitutes a font of its own").format(name)
        )

    # ---- changing ------------------------------------------------------------------------------------

    def commit(self, key: str) -> bool:
        """Save what the role's field now says (chosen or typed); a name Word cannot use is refused, the field
        goes back to the name in use and word-fonts.json is untouched."""
        combo = self.combos[key]
        if self.problem is not None:
            return False
        current = self.name(key)
        try:
            name = check_name(combo.currentText())
        except WordFontNameError as e:
            self._show(key)  # first, so that the focus leaving for the message finds nothing new to save
            box = self._message(
                self.tr("Font Name Not Used"),
                self.tr("This name cannot be used for {0} in Word files: {1}.").format(
                    role_names()[key], describe(e.reason)
                ),
                self.tr("{0} is kept.").format(current),
            )
            box.setObjectName("wordFontRefused")
            return False
        if name == current:
            if combo.currentText() != name:
                self._show(key)  # typed with spaces around it
            return True
        return self._change(key, name)

    def reset(self) -> bool:
        """Reset to Defaults: every role gets its default name again."""
        return self._change(None, None)

    def _change(self, key: str | None, name: str | None) -> bool:
        try:
            names = read_word_fonts(self.fonts_file)  # afresh: another window or an editor may have changed it
        except WordFontSettingsError:
            self.reload()  # shows why, and locks the page
            return False
        if key is None or name is None:  # Reset to Defaults
            names = {}
        elif name == FACES[key].docx_name:
            names.pop(key, None)
        else:
            names[key] = name
        try:
            save_word_fonts(names, self.fonts_file)
        except PlanbookError as e:
            self._message(self.tr("Font Settings Not Saved"), describe(e))
            self.reload()
            return False
        self.reload()
        return True

    def replace_unreadable(self, confirm: bool = True) -> bool:
        """Start Over…: rename the unreadable word-fonts.json aside (never deleted) and use the default names."""
        if self.problem is None or not self.fonts_file.exists():
            self.reload()
            return False
        aside = _free_name(self.fonts_file.with_name(self.fonts_file.name + ".unreadable"))
        question = self.tr("Rename {0} to {1} and use the default names?").format(self.fonts_file.name, aside.name)
        if not set_aside(self, self.fonts_file, aside, question if confirm else "", self._message):
            return False
        self.reload()
        return True

    def _message(self, title: str, text: str, more: str = "") -> QMessageBox:
        """A warning over the dialog that does not block the caller (tests read it)."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("preferencesWarning")
        box.setInformativeText(more)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box
