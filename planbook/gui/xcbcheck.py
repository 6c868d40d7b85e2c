"""Before Qt starts on Linux: are the system libraries Qt needs there (its own libraries always; the xcb platform
plugin's too when the window goes to X11)? If not, say which Debian/Ubuntu packages to install, in one apt-get line.

Qt itself would abort naming one library (libxcb-cursor0) or none, after a page of plugin names, and a fresh
Debian container lacks even what QtCore loads (libglib-2.0): importing PySide6 there ends in a traceback. `ldd`
on Qt's libraries and the plugin lists every missing one at once. No Qt is imported here, so the check runs
even where Qt cannot load.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

PLUGIN_ENV = "PLANBOOK_XCB_PLUGIN"  # another Qt library or plugin to check instead (tests)

# Shared object → Debian package, for the libraries the xcb plugin and Qt's GUI libraries load.
PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb.so.1": "libxcb1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libICE.so.6": "libice6",
    "libSM.so.6": "libsm6",
}
# What libqxcb.so and libQt6XcbQpa.so.6 load from the system (PySide6 6.x): looked for with a few stat calls on
# every start, so that `ldd` (a process, 0.1–0.2 s) runs only when one of them seems to be missing.
XCB_NEEDS = (
    "libxcb-cursor.so.0",
    "libxcb-icccm.so.4",
    "libxcb-util.so.1",
    "libxcb-image.so.0",
    "libxcb-keysyms.so.1",
    "libxcb-randr.so.0",
    "libxcb-render.so.0",
    "libxcb-render-util.so.0",
    "libxcb-shape.so.0",
    "libxcb-shm.so.0",
    "libxcb-sync.so.1",
    "libxcb.so.1",
    "libxcb-xfixes.so.0",
    "libxcb-xkb.so.1",
    "libxkbcommon.so.0",
    "libX11-xcb.so.1",
    "libxkbcommon-x11.so.0",
)
# What QtCore, QtGui and QtWidgets load from the system, whatever the platform (offscreen included).
QT_NEEDS = (
    "libglib-2.0.so.0",
    "libgthread-2.0.so.0",
    "libEGL.so.1",
    "libGL.so.1",
    "libfontconfig.so.1",
    "libfreetype.so.6",
    "libxkbcommon.so.0",
    "libdbus-1.so.3",
)
NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)


def package_for(soname: str) -> str:
    """The Debian package of a shared object: the table, else Debian's naming rule (libfoo.so.1 → libfoo1,
    libfoo2.so.0 → libfoo2-0)."""
    if soname in PACKAGES:
        return PACKAGES[soname]
    stem, _, version = soname.partition(".so.")
    stem = stem.lower()
    version = version.split(".")[0]
    return f"{stem}-{version}" if stem[-1:].isdigit() else f"{stem}{version}"


def qt_files(xcb: bool = True) -> list[Path]:
    """Qt's libraries the window loads, and with `xcb` the X11 plugin and its XcbQpa library, in the installed
    PySide6 (or the bundle)."""
    if override := os.environ.get(PLUGIN_ENV):
        return [Path(override)]
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return []
    qt = Path(list(spec.submodule_search_locations)[0]) / "Qt"
    names = ["lib/libQt6Core.so.6", "lib/libQt6Gui.so.6", "lib/libQt6Widgets.so.6"]
    if xcb:
        names += ["plugins/platforms/libqxcb.so", "lib/libQt6XcbQpa.so.6"]
    return [qt / n for n in names if (qt / n).exists()]


def missing_libraries(files: list[Path]) -> list[str]:
    """Shared objects `ldd` cannot find for these files (Qt's own lib folder counts as found)."""
    ldd = shutil.which("ldd")
    if ldd is None or not files:
        return []
    env = dict(os.environ)
    qt_lib = [str(f.parent) for f in files if f.parent.name == "lib"]
    if (spec := importlib.util.find_spec("PySide6")) is not None and spec.submodule_search_locations:
        qt_lib.append(str(Path(list(spec.submodule_search_locations)[0]) / "Qt" / "lib"))
    env["LD_LIBRARY_PATH"] = os.pathsep.join([*qt_lib, env.get("LD_LIBRARY_PATH", "")]).strip(os.pathsep)
    try:  # one ldd for all the files: it costs a process start, on every start of the window
        out = subprocess.run([ldd, *map(str, files)], capture_output=True, text=True, env=env, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return []  # no verdict: let Qt try
    # Qt's own libraries come with PySide6 (or the bundle): only the system's are the user's to install.
    return [m for m in dict.fromkeys(NOT_FOUND.findall(out)) if not m.startswith("libQt6")]


def library_dirs() -> list[Path]:
    multiarch = sysconfig.get_config_var("MULTIARCH") or ""
    dirs = [
        *os.environ.get("LD_LIBRARY_PATH", "").split(os.pathsep),
        f"/lib/{multiarch}",
        f"/usr/lib/{multiarch}",
        "/lib64",
        "/usr/lib64",
        "/lib",
        "/usr/lib",
        "/usr/local/lib",
    ]
    return [Path(d) for d in dict.fromkeys(dirs) if d and not d.endswith("/")]


def seems_complete(needs: tuple[str, ...]) -> bool:
    """Every one of these libraries is in a usual folder (the quick look; `ldd` decides otherwise)."""
    dirs = [d for d in library_dirs() if d.is_dir()]
    return all(any((d / name).exists() for d in dirs) for name in needs)


def install_line(missing: list[str]) -> str:
    packages = sorted({package_for(m) for m in missing})
    return "sudo apt-get install " + " ".join(packages)


def will_use_xcb() -> bool:
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    return (
        sys.platform.startswith("linux")
        and bool(os.environ.get("DISPLAY"))
        and platform in ("", "xcb")
        and (not os.environ.get("WAYLAND_DISPLAY") or platform == "xcb")
    )


def check() -> str | None:
    """The message to print, or None when Qt can start (or when this is not Linux)."""
    if not sys.platform.startswith("linux"):
        return None
    xcb = will_use_xcb()
    if not os.environ.get(PLUGIN_ENV) and seems_complete(QT_NEEDS + (XCB_NEEDS if xcb else ())):
        return None
    missing = missing_libraries(qt_files(xcb))
    if not missing:
        return None
    return (
        "planbook: the window needs system libraries this system lacks (" + ", ".join(missing) + "). "
        "Install them with one command, then start Planbook again:\n  " + install_line(missing)
    )
