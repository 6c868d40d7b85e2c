"""`make run` / `planbook` on a Linux without the X11 libraries Qt's xcb plugin needs: one apt-get line, no Qt abort.

The missing libraries are real: a copy of PySide6's own xcb plugin whose needed-library names are changed to ones
no system has, checked with the real `ldd` through the real command.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from planbook.gui import xcbcheck

ROOT = Path(__file__).resolve().parent.parent


def plugin() -> Path:
    files = [f for f in xcbcheck.qt_files() if f.name == "libqxcb.so"]
    if not sys.platform.startswith("linux") or not files or shutil.which("ldd") is None:
        pytest.skip("needs Linux, ldd and PySide6's xcb plugin")
    return files[0]


def test_the_packages_are_named_as_debian_names_them():
    assert (
        xcbcheck.install_line(
            ["libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libxkbcommon-x11.so.0"]
        )
        == "sudo apt-get install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxkbcommon-x11-0"
    )
    assert xcbcheck.package_for("libxcb-foo.so.2") == "libxcb-foo2"  # Debian's rule where the table has none
    assert xcbcheck.package_for("libfoo3.so.1") == "libfoo3-1"


def test_this_machine_has_what_the_window_needs():
    assert xcbcheck.missing_libraries([plugin()]) == []


def test_missing_xcb_libraries_are_named_in_one_apt_get_line(tmp_path):
    data = plugin().read_bytes()
    for old, new in (
        (b"libxcb-cursor.so.0\0", b"libxcb-cursoz.so.0\0"),
        (b"libxcb-icccm.so.4\0", b"libxcb-icccz.so.4\0"),
    ):
        assert old in data
        data = data.replace(old, new)
    broken = tmp_path / "libqxcb.so"
    broken.write_bytes(data)
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env.update(DISPLAY=":97", PLANBOOK_XCB_PLUGIN=str(broken), PLANBOOK_LIBRARY=str(tmp_path / "lib.db"))
    done = subprocess.run([sys.executable, "main.py"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert "libxcb-cursoz.so.0" in lines[0] and "libxcb-icccz.so.4" in lines[0]
    assert lines[-1].strip() == "sudo apt-get install libxcb-cursoz0 libxcb-icccz4"
    assert not (tmp_path / "lib.db").exists()  # stopped before anything was opened


def test_missing_qt_libraries_are_named_without_a_display_too(tmp_path):
    """A fresh Debian container lacks even what QtCore loads (libglib-2.0): one apt-get line, not a traceback."""
    files = [f for f in xcbcheck.qt_files(xcb=False) if f.name == "libQt6Core.so.6"]
    if not sys.platform.startswith("linux") or not files or shutil.which("ldd") is None:
        pytest.skip("needs Linux, ldd and PySide6's QtCore library")
    data = files[0].read_bytes()
    assert b"libgthread-2.0.so.0\0" in data
    broken = tmp_path / "libQt6Core.so.6"
    broken.write_bytes(data.replace(b"libgthread-2.0.so.0\0", b"libgthreaz-2.0.so.0\0"))
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY", "DISPLAY")}
    env.update(PLANBOOK_XCB_PLUGIN=str(broken), PLANBOOK_LIBRARY=str(tmp_path / "lib.db"))
    done = subprocess.run([sys.executable, "main.py"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert "libgthreaz-2.0.so.0" in lines[0] and "Traceback" not in done.stderr
    assert lines[-1].strip() == "sudo apt-get install libgthreaz-2.0-0"
    assert not (tmp_path / "lib.db").exists()
