"""Refresh the interface translations: collect strings from planbook/gui into the .ts, compile the .qm.

The core's messages are collected too: lupdate reads (never imports) planbook/core, importers, exporters and
layout for their `QT_TRANSLATE_NOOP("Messages", …)` marks (see planbook/core/messages.py).

Run after changing interface text: `.venv/bin/python scripts/update_translations.py`, translate the new
entries in resources/i18n/planbook_zh_CN.ts (Qt Linguist: `pyside6-linguist`), run it again, commit both files.
The .qm is committed so that running Planbook needs no Qt tools.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "i18n" / "planbook_zh_CN.ts"
QT_EXTRA = ROOT / "resources" / "i18n" / "qt_extra_zh_CN.ts"


def tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).parent / name)
    if not Path(found).exists():
        sys.exit(f"{name} not found: it ships with PySide6 (pip install PySide6)")
    return found


PACKAGES = ("gui", "core", "importers", "exporters", "layout")


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for package in PACKAGES for p in (ROOT / "planbook" / package).rglob("*.py"))


def main() -> None:
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            *sources(),
            "-no-obsolete",
            "-source-language",
            "en",
            "-target-language",
            "zh_CN",
            "-ts",
            str(TS.relative_to(ROOT)),
        ],
        cwd=ROOT,
        check=True,
    )
    subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(TS.with_suffix(".qm"))], cwd=ROOT, check=True)
    # Qt's own strings its catalogue leaves in English (file and print dialogs), kept by hand
    subprocess.run(
        [tool("pyside6-lrelease"), str(QT_EXTRA), "-qm", str(QT_EXTRA.with_suffix(".qm"))], cwd=ROOT, check=True
    )


if __name__ == "__main__":
    main()
