"""Application start-up: translations, a CJK font for machines without one, settings, the main window."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTimer, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from .. import APP_NAME
from ..core.errors import PlanbookError
from ..core.library import Library
from .messages import describe, upgrading_notice
from .qtcompat import binding_problem

SETTINGS_ENV = "PLANBOOK_SETTINGS"  # an .ini file instead of the user's settings (tests, portable use)
UI_FONT = "FandolHei"  # shipped 黑体 for the interface where the system has no Chinese font


def resources_dir() -> Path:
    """`resources/` from a checkout, or beside the executable when frozen (PyInstaller)."""
    base = getattr(sys, "_MEIPASS", None)
    if base:
        return Path(base) / "resources"
    return Path(__file__).resolve().parent.parent.parent / "resources"


def pick_language(requested: str | None, settings: QSettings | None = None) -> str:
    """zh or en: what was asked, else what the user chose last, else the system's (Chinese unless it is not)."""
    if requested in ("zh", "en"):
        return requested
    if settings is not None and settings.value("language") in ("zh", "en"):
        return settings.value("language")
    # Qt reports the C locale as en_US; a machine that names no language gets the default, Chinese.
    env = os.environ.get("LC_ALL") or os.environ.get("LC_MESSAGES") or os.environ.get("LANG") or ""
    if sys.platform.startswith("linux") and env.split(".")[0] in ("", "C", "POSIX"):
        return "zh"
    if env.startswith("zh"):  # also what prepare_locale set for a C.UTF-8 system, which Qt may still read as C
        return "zh"
    return "zh" if QLocale.system().name().startswith("zh") else "en"


def install_translations(app: QApplication, language: str) -> list[QTranslator]:
    """Planbook's own catalogue plus Qt's, so standard dialogs and buttons speak Chinese too."""
    translators = []
    if language != "zh":
        return translators
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ours = str(resources_dir() / "i18n")
    # (installed later = asked first: qt_extra fills what qtbase leaves in English, such as "Folder")
    for name, folder in (("qtbase_zh_CN", qt_dir), ("qt_extra_zh_CN", ours), ("planbook_zh_CN", ours)):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            translators.append(translator)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    return translators


def register_fonts() -> str | None:
    """Make Chinese render on a machine with no CJK font: register the shipped 黑体 and use it for the UI.

    Only the one UI face is loaded at start-up (each file is megabytes); document faces load where used.
    Returns the family now used for the interface, or None when the system's own font serves.
    """
    if QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        return None
    fonts = resources_dir() / "fonts"
    for path in sorted(fonts.glob("FandolHei*.[ot]tf")) if fonts.is_dir() else []:
        if QFontDatabase.addApplicationFont(str(path)) >= 0:
            font = QFont(UI_FONT)
            font.setPointSize(max(QApplication.font().pointSize(), 10))
            QApplication.setFont(font)
            return UI_FONT
    return None  # nothing shipped yet: Qt falls back, Chinese may show as boxes


def make_settings() -> QSettings:
    if path := os.environ.get(SETTINGS_ENV):
        return QSettings(path, QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_NAME, APP_NAME)


# The translators installed in the application, kept alive here (Qt holds no reference of its own).
_translators: list[QTranslator] = []


def remove_translations() -> None:
    """Take Planbook's translators out of the application (tests open windows in several languages)."""
    for old in _translators:
        QCoreApplication.removeTranslator(old)
    _translators.clear()


def setup_application(language: str | None) -> tuple[QApplication, QSettings, str]:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("Planbook")
    app.setOrganizationName(APP_NAME)
    QGuiApplication.setDesktopFileName(APP_NAME)
    settings = make_settings()
    language = pick_language(language, settings)
    remove_translations()  # a second window in one process (tests)
    _translators[:] = install_translations(app, language)
    register_fonts()
    return app, settings, language


def _headless() -> bool:
    return sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _open_library(library: str | None, *, tell: bool) -> Library | None:
    """The library the window opens, or None once the reason is printed (and, if `tell`, shown)."""
    notices: list[QWidget] = []
    try:
        return Library.open(library, before_upgrade=lambda path: notices.append(upgrading_notice(path)))
    except PlanbookError as e:
        print(f"planbook: {e}", file=sys.stderr)
        if tell:
            QMessageBox.critical(None, "Planbook", describe(e))
        return None
    finally:
        for notice in notices:
            notice.close()


def run(
    library: str | None, *, plan: int | None = None, lang: str | None = None, screenshot: Path | None = None
) -> int:
    started = time.perf_counter()
    if screenshot is not None and _headless():
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if _headless() and not os.environ.get("QT_QPA_PLATFORM"):
        # Qt would abort with a list of plugins; say what is wrong and what still works.
        print(
            "planbook: no display to open the window on (DISPLAY and WAYLAND_DISPLAY are unset); the command "
            "line works without one: planbook --help",
            file=sys.stderr,
        )
        return 1
    app, settings, language = setup_application(lang)
    if problem := binding_problem():  # before any window: the binding would abort it (qtcompat)
        print("planbook: " + " ".join(problem.split()), file=sys.stderr)
        if screenshot is None and not os.environ.get("PLANBOOK_QUIT_WHEN_SHOWN"):
            QMessageBox.critical(None, "Planbook", binding_problem(QCoreApplication.translate) or problem)
        return 1
    if library is None and not os.environ.get("PLANBOOK_LIBRARY"):
        last = settings.value("session/library")
        library = last if last and Path(last).exists() else None
    lib = _open_library(library, tell=screenshot is None)
    if lib is None:
        return 1
    from .mainwindow import MainWindow

    window = MainWindow(lib, settings, language)
    try:
        window.restore(plan, geometry=screenshot is None)
    except PlanbookError as e:
        print(f"planbook: {e}", file=sys.stderr)
    if screenshot is not None:
        window.resize(1280, 800)  # the same picture on every machine, whatever was saved last
    window.show()
    if os.environ.get("PLANBOOK_STARTUP_LOG"):
        print(f"window shown after {time.perf_counter() - started:.3f} s", file=sys.stderr)
    if os.environ.get("PLANBOOK_QUIT_WHEN_SHOWN"):  # for benchmarks/bench_start.py: the wall clock once shown
        app.processEvents()
        print(f"startup cpu {time.process_time():.6f}", flush=True)  # the work itself, whatever the machine's load
        print(f"shown {time.time():.6f}", flush=True)
        lib.close()
        return 0
    if screenshot is not None:

        def shoot() -> None:
            ok = window.grab().save(str(screenshot))
            print(
                screenshot if ok else f"planbook: cannot write {screenshot}", file=sys.stderr if not ok else sys.stdout
            )
            window.close()
            app.exit(0 if ok else 1)

        QTimer.singleShot(200, shoot)
    code = app.exec()
    lib.close()
    return code
