"""Edit ▸ Preferences: the fonts the PDF export draws with (and what to tell the user when a PDF lacks glyphs),
and the font names the Word export writes (the second tab, planbook/gui/wordfonts.py).

The fonts page lists each face role of the formal notice (标题 小标宋, 正文 仿宋, …) with the file that plays it
(Planbook's bundled stand-in, or the user's own font named in fonts.json), a sample line drawn in that font, and
Browse…/Reset. A chosen file is checked with the PDF writer's own loader (`check_font_file`) before anything is
saved; fonts.json is written by the core's `save_user_fonts` (temporary file, then rename), so the command line
reads what the window wrote. A fonts.json that cannot be read is shown, never silently replaced.

`show_glyph_warning` and `fallback_note` turn the writer's `GlyphReport` into words after an export: characters no
font has (printed as 〓) deserve a warning that names them; characters set in the fallback face are a note.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..core.errors import PlanbookError
from ..core.messages import Message
from .messages import describe
from .qtcompat import emit
from .screen import fit_to_screen
from .widgets import named

T = QCoreApplication  # T.translate("PdfFonts", …) for the helpers outside the dialog
SAMPLE_PX = 20
FILE_PX = 360  # a long path is shortened in the middle (its full form is the tooltip)
# What each role prints in a notice: the sample line shown in the chosen face (document text, not interface).
SAMPLES = {
    "xiaobiaosong": "关于印发2024年工作要点的通知",
    "fangsong": "现将《工作要点》印发给你们，请认真贯彻落实。",
    "heiti": "一、总体要求",
    "kaiti": "（一）加强队伍建设",
    "song": "— 1 —　— 2 —　— 36 —",
    "fallback": "镕　喆　堃　珺　赟　玥　犇　昇",  # rare characters the Fandol faces lack
}
_BANNER = "QLabel { background: #fff3b0; color: #5c4a00; border: 1px solid #e0c84a; padding: 6px 10px; }"
_qt_families: dict[tuple[str, float], list[str]] = {}  # font file (and its mtime) → families Qt registered


def role_names() -> dict[str, str]:
    """Each fonts.json key as the user knows it: what it prints and the face a formal notice uses there."""
    return {
        "xiaobiaosong": T.translate("PdfFonts", "Title (Xiaobiaosong)"),
        "fangsong": T.translate("PdfFonts", "Body text (Fangsong)"),
        "heiti": T.translate("PdfFonts", "Level-1 headings (Heiti)"),
        "kaiti": T.translate("PdfFonts", "Level-2 headings (Kaiti)"),
        "song": T.translate("PdfFonts", "Page numbers (Songti)"),
        "fallback": T.translate("PdfFonts", "Fallback face"),
    }


def role_hints() -> dict[str, str]:
    """The font a formal notice is set in for each role (GB/T 9704), or what the fallback face is for."""
    return {
        "xiaobiaosong": T.translate("PdfFonts", "Formal notices use 方正小标宋简体"),
        "fangsong": T.translate("PdfFonts", "Formal notices use 仿宋_GB2312"),
        "heiti": T.translate("PdfFonts", "Formal notices use 黑体"),
        "kaiti": T.translate("PdfFonts", "Formal notices use 楷体_GB2312"),
        "song": T.translate("PdfFonts", "Formal notices use 宋体"),
        "fallback": T.translate("PdfFonts", "For rare characters the other fonts lack"),
    }


def problem_words(problem: str) -> str:
    """Why a font file cannot be used, by the writer's FONT_PROBLEMS key, in the interface language."""
    from ..exporters.pdf_fonts import FONT_PROBLEMS

    return describe(Message(FONT_PROBLEMS[problem])) if problem in FONT_PROBLEMS else problem


def char_list(chars) -> str:
    """Characters with their code points: the interface font may lack them too, and a box tells nobody much."""
    return T.translate("PdfFonts", ", ").join(
        T.translate("PdfFonts", "{0} (U+{1})").format(ch, f"{ord(ch):04X}") for ch in chars
    )


def fallback_note(report) -> str:
    """One informational sentence on the characters the fallback face drew, by role; "" when there were none."""
    if not report or not report.substituted:
        return ""
    names = role_names()
    where = T.translate("PdfFonts", "; ").join(
        T.translate("PdfFonts", "{1} in {0}").format(names[key], "".join(chars))
        for key, chars in report.substituted.items()
    )
    return T.translate("PdfFonts", "Drawn with the fallback face, as the chosen fonts lack them: {0}.").format(where)


def glyph_warning_text(report, path: Path | None = None) -> tuple[str, str]:
    """(text, informative text) for characters no font has; the text names them (and the file written)."""
    chars = char_list(report.missing)
    if path is None:
        text = T.translate("PdfFonts", "These characters are in none of the fonts and were printed as 〓: {0}.")
        text = text.format(chars)
    else:
        text = T.translate(
            "PdfFonts", "{0} was written, but these characters are in none of the fonts and were printed as 〓: {1}."
        ).format(Path(path).name, chars)
    more = T.translate(
        "PdfFonts",
        "Check the text, or choose a font that has them as the fallback face in Edit ▸ Preferences ▸ PDF Fonts.",
    )
    return text, more


def show_glyph_warning(parent: QWidget, report, path: Path | None = None) -> QMessageBox | None:
    """After a PDF export: a warning naming the characters printed as 〓 (window-modal, not blocking), with the
    fallback note beneath; None when nothing is missing."""
    if not report or not report.missing:
        return None
    text, more = glyph_warning_text(report, path)
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        T.translate("PdfFonts", "Characters Missing from the PDF"),
        text,
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("glyphWarning")
    with_fallback_face(box)
    box.setInformativeText("\n\n".join(filter(None, [more, fallback_note(report)])))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def qt_families(path: Path) -> list[str]:
    """The families Qt knows a font file by, registering it once per process (for the sample lines)."""
    try:
        stamp = (str(path), path.stat().st_mtime)
    except OSError:
        return []
    if stamp not in _qt_families:
        font_id = QFontDatabase.addApplicationFont(str(path))
        _qt_families[stamp] = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return _qt_families[stamp]


def warm_sample_font(key: str) -> None:
    """Register one role's bundled face with Qt and lay out its sample line once, in idle time after the window's
    start: the first Preferences then finds the face loaded and its glyphs cached (20–25 ms of its 65–85 ms)."""
    from ..exporters.pdf_fonts import bundled_font_file

    if families := qt_families(bundled_font_file(key)):
        font = QFont(families[0])
        font.setPixelSize(SAMPLE_PX)
        QFontMetrics(font).boundingRect(SAMPLES[key])


def with_fallback_face(widget: QWidget) -> QWidget:
    """Let `widget` draw rare characters (镕 喆) with the PDF's bundled fallback face where the interface font
    lacks them (the bundled 黑体 on a machine with no Chinese font does): a warning naming them must show them."""
    from ..exporters.pdf_fonts import bundled_font_file

    families = qt_families(bundled_font_file("fallback"))
    font = widget.font()
    if families and families[0] not in font.families():
        font.setFamilies([*(font.families() or [font.family()]), families[0]])
        widget.setFont(font)
    return widget


def problem_banner(text_name: str, button: QPushButton) -> tuple[QLabel, QHBoxLayout]:
    """The yellow banner that says a settings file cannot be read, with the button that starts over beside it."""
    label = named(QLabel(), text_name)
    label.setWordWrap(True)
    label.setStyleSheet(_BANNER)
    row = QHBoxLayout()
    row.addWidget(label, 1)
    row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
    return label, row


def role_labels(grid: QGridLayout, row: int, key: str, name_id: str, columns: int) -> tuple[int, QLabel, QLabel]:
    """A role's bold name and muted hint, under a rule from the role above; returns the row its widgets go on."""
    if row:
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        grid.addWidget(line, row, 0, 1, columns)
        row += 1
    name = named(QLabel(role_names()[key]), name_id)
    bold = name.font()
    bold.setBold(True)
    name.setFont(bold)
    hint = QLabel(role_hints()[key])
    hint.setEnabled(False)  # the palette's muted text
    grid.addWidget(name, row, 0)
    grid.addWidget(hint, row + 1, 0, Qt.AlignmentFlag.AlignTop)
    return row, name, hint


def set_aside(parent: QWidget, path: Path, aside: Path, question: str, tell) -> bool:
    """Start Over…: after the clerk agrees to `question` (none: no question), rename an unreadable settings file
    to `aside`; it is never deleted. `tell(title, text)` shows what went wrong."""
    title = QCoreApplication.translate("Preferences", "Start Over")
    if (
        question
        and QMessageBox.question(
            parent,
            title,
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        != QMessageBox.StandardButton.Yes
    ):
        return False
    try:
        os.replace(path, aside)
    except OSError as e:
        tell(QCoreApplication.translate("Preferences", "Font Settings Not Saved"), e.strerror or str(e))
        return False
    return True


def _scrolling(page: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(page)
    return area


class _FontRow(NamedTuple):
    """One role's widgets on the PDF fonts page."""

    file: QLabel
    sample: QLabel
    browse: QPushButton
    reset: QPushButton


class PreferencesDialog(QDialog):
    """Edit ▸ Preferences…: the PDF fonts and the Word font names. Changes are saved as they are made."""

    fontsChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        from ..exporters.pdf_fonts import FONT_KEYS, user_fonts_file
        from .wordfonts import WordFontsPage

        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        self.fonts_file = user_fonts_file()
        self.choices: dict = {}
        self.problem: PlanbookError | None = None
        self.rows: dict[str, _FontRow] = {}
        self.tabs = QTabWidget()
        pages = [self._fonts_page(FONT_KEYS), WordFontsPage()]
        self.word_fonts = pages[1]
        for page, name in zip(pages, (self.tr("PDF Fonts"), self.tr("Word Fonts"))):
            self.tabs.addTab(_scrolling(page), name)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(self.tabs)
        box.addWidget(buttons)
        self.reload()
        # As tall as the pages want, but within the screen: on 1024×640 the pages scroll, Close stays in reach.
        for page in pages:  # the samples got their fonts in reload(): asked before this, the English page was
            if (layout := page.layout()) is not None:  # measured 534 px wide, not 710, and cut off at the right
                layout.invalidate()
                layout.activate()
        width = max(max(p.sizeHint().width(), p.minimumSizeHint().width()) for p in pages)
        fit_to_screen(self, max(width + 60, 680), 780, share=0.95)

    # ---- building ------------------------------------------------------------------------------------

    def _fonts_page(self, keys) -> QWidget:
        page = named(QWidget(), "pdfFontsPage")
        intro = QLabel(
            self.tr(
                "The PDF export draws the formal notice with these fonts. Planbook ships free stand-ins; if this "
                "computer has the fonts a formal notice is set in, choose their files here. TrueType fonts only "
                "(.ttf, .ttc)."
            )
        )
        intro.setWordWrap(True)
        self.replace_button = named(QPushButton(self.tr("Start Over…")), "replaceFontsFile")
        self.replace_button.setToolTip(self.tr("Put the unreadable file aside and use the bundled fonts"))
        self.replace_button.clicked.connect(lambda: self.replace_unreadable())
        self.problem_label, problem = problem_banner("fontsFileProblem", self.replace_button)

        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)
        names = role_names()
        row = 0
        for key in keys:
            row, _, _ = role_labels(grid, row, key, f"role_{key}", 4)
            file = named(QLabel(), f"file_{key}")
            file.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            sample = named(QLabel(SAMPLES[key]), f"sample_{key}")
            browse = named(QPushButton(self.tr("Browse…")), f"browse_{key}")
            browse.setToolTip(self.tr("Choose a font file for {0}").format(names[key]))
            browse.clicked.connect(lambda _=False, k=key: self.browse(k))
            reset = named(QPushButton(self.tr("Use Bundled")), f"reset_{key}")
            reset.setToolTip(self.tr("Draw {0} with the font that ships with Planbook").format(names[key]))
            reset.clicked.connect(lambda _=False, k=key: self.reset(k))
            grid.addWidget(file, row, 1)
            grid.addWidget(browse, row, 2)
            grid.addWidget(reset, row, 3)
            grid.addWidget(sample, row + 1, 1, 1, 3)
            self.rows[key] = _FontRow(file, sample, browse, reset)
            row += 2

        where = named(
            QLabel(
                self.tr("Saved in {0}; the command line uses the same file.").format(
                    f'<a href="{self.fonts_file.parent.as_uri()}">{self.fonts_file}</a>'
                )
            ),
            "fontsFileName",
        )
        where.setOpenExternalLinks(True)
        box = QVBoxLayout(page)
        box.addWidget(intro)
        box.addLayout(problem)
        box.addSpacing(6)
        box.addLayout(grid)
        box.addStretch(1)
        box.addSpacing(10)
        box.addWidget(where)
        return page

    # ---- showing -------------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read fonts.json again and show every role; an unreadable file locks the page until it is dealt with."""
        from ..exporters.pdf_fonts import FontSettingsError, read_user_fonts

        try:
            self.choices, self.problem = read_user_fonts(self.fonts_file), None
        except FontSettingsError as e:
            self.choices, self.problem = {}, e
        if self.problem is not None:
            self.problem_label.setText(
                describe(self.problem)
                + "\n"
                + self.tr(
                    "Nothing here can be changed until the file is corrected by hand, or you start over with the "
                    "bundled fonts (the file is kept beside it, renamed)."
                )
            )
        self.problem_label.setVisible(self.problem is not None)
        self.replace_button.setVisible(self.problem is not None)
        for key in self.rows:
            self._show_row(key)

    def _show_row(self, key: str) -> None:
        from ..exporters.pdf_fonts import bundled_font_file, font_faces

        row = self.rows[key]
        choice = self.choices.get(key)
        path = choice.file if choice else bundled_font_file(key)
        label = row.file
        label.setStyleSheet("")
        if choice is None:
            families = qt_families(path)
            label.setText(self.tr("Bundled: {0}").format(families[0] if families else path.stem))
            label.setToolTip(str(path))
        elif not path.is_file():
            label.setText(self.tr("Not found: {0}").format(path))
            label.setStyleSheet("QLabel { color: #b00020; }")
            label.setToolTip(self.tr("The PDF export stops until this file is back or another is chosen"))
        else:
            text = str(path)
            if choice.index:
                try:
                    text += f" · {font_faces(path)[choice.index]}"
                except (PlanbookError, IndexError):
                    text += f" · #{choice.index}"
            label.setText(label.fontMetrics().elidedText(text, Qt.TextElideMode.ElideMiddle, FILE_PX))
            label.setToolTip(str(path))
        self._show_sample(key, path, choice.index if choice else 0)
        row.browse.setEnabled(self.problem is None)
        row.reset.setEnabled(self.problem is None and choice is not None)

    def _show_sample(self, key: str, path: Path, index: int) -> None:
        """The role's sample line in the face itself, as Qt draws it (a face Qt cannot load shows in the UI font)."""
        sample = self.rows[key].sample
        families = qt_families(path) if path.is_file() else []
        font = QFont(self.font())
        if families:
            font = QFont(families[min(index, len(families) - 1)])
        font.setPixelSize(SAMPLE_PX)
        sample.setFont(font)
        sample.setMinimumHeight(QFontMetrics(font).height() + 8)  # tall faces must not touch the rule below
        sample.setProperty("family", families[min(index, len(families) - 1)] if families else "")

    # ---- changing ------------------------------------------------------------------------------------

    def browse(self, key: str) -> bool:
        """Browse…: the native file dialog, then `choose_font` (what tests call directly)."""
        choice = self.choices.get(key)
        start = str(choice.file.parent) if choice else _system_fonts_folder()
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Font for {0}").format(role_names()[key]),
            start,
            self.tr("TrueType fonts (*.ttf *.ttc *.otf);;All files (*)"),
        )
        return bool(name) and self.choose_font(key, Path(name))

    def choose_font(self, key: str, path: Path, index: int | None = None) -> bool:
        """Use `path` (in a collection, face `index`, asked for when None) for `key` if the PDF writer can; the
        refusal otherwise, with fonts.json untouched."""
        from ..exporters.pdf_fonts import FontChoice, FontFileError, check_font_file, font_faces

        try:
            faces = font_faces(path)
            if index is None:
                index = self.pick_face(path, faces) if len(faces) > 1 else 0
                if index is None:
                    return False
            check_font_file(key, FontChoice(path, index))
        except FontFileError as e:
            self._refuse(key, path, e)
            return False
        return self._change(key, FontChoice(path, index))

    def pick_face(self, path: Path, faces: list[str]) -> int | None:
        """Which face of a .ttc collection (simsun.ttc holds 宋体 and 新宋体); None when cancelled."""
        face, ok = QInputDialog.getItem(
            self,
            self.tr("Choose a Font"),
            self.tr("{0} holds several fonts. Which one?").format(path.name),
            faces,
            0,
            False,
        )
        return faces.index(face) if ok and face in faces else None

    def reset(self, key: str) -> bool:
        """Draw `key` with the bundled face again."""
        return self._change(key, None)

    def _change(self, key: str, choice) -> bool:
        from ..exporters.pdf_fonts import FontSettingsError, read_user_fonts, save_user_fonts

        try:
            fonts = read_user_fonts(self.fonts_file)  # afresh: another window or an editor may have changed it
        except FontSettingsError:
            self.reload()  # shows why, and locks the page
            return False
        if choice is None:
            fonts.pop(key, None)
        else:
            fonts[key] = choice
        try:
            save_user_fonts(fonts, self.fonts_file)
        except PlanbookError as e:
            self._message(self.tr("Font Settings Not Saved"), describe(e))
            return False
        self.reload()
        emit(self.fontsChanged)
        return True

    def replace_unreadable(self, confirm: bool = True) -> bool:
        """Start Over…: rename the unreadable fonts.json aside (never deleted) and use the bundled fonts."""
        if self.problem is None or not self.fonts_file.exists():
            self.reload()
            return False
        aside = _free_name(self.fonts_file.with_name(self.fonts_file.name + ".unreadable"))
        question = self.tr("Rename {0} to {1} and use the bundled fonts?").format(self.fonts_file.name, aside.name)
        if not set_aside(self, self.fonts_file, aside, question if confirm else "", self._message):
            return False
        self.reload()
        emit(self.fontsChanged)
        return True

    def _refuse(self, key: str, path: Path, error) -> None:
        text = self.tr("{0} cannot be used for {1}: {2}.").format(
            path.name, role_names()[key], problem_words(error.problem)
        )
        box = self._message(self.tr("Font Not Used"), text, self.tr("Nothing was changed."))
        box.setObjectName("fontRefused")
        if error.detail:
            box.setDetailedText(error.detail)

    def _message(self, title: str, text: str, more: str = "") -> QMessageBox:
        """A warning over the dialog that does not block the caller (tests read it)."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("preferencesWarning")
        box.setInformativeText(more)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box


def _system_fonts_folder() -> str:
    if os.name == "nt":
        return os.path.join(os.environ.get("WINDIR", r"C:\Windows"), "Fonts")
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.FontsLocation)


def _free_name(path: Path) -> Path:
    n, candidate = 1, path
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.name}.{n}")
    return candidate
