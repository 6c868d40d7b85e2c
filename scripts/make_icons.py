"""Render resources/icons/planbook.svg to the PNG and ICO the desktop entry and Windows bundle need.

.venv/bin/python scripts/make_icons.py
"""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"


def render(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(ICONS / "planbook.svg")).render(painter)
    painter.end()
    return image


def main() -> None:
    QGuiApplication([])
    render(256).save(str(ICONS / "planbook.png"))
    if not render(256).save(str(ICONS / "planbook.ico")):
        raise SystemExit("Qt could not write ICO here (the qico image plugin is missing)")
    print(f"wrote {ICONS / 'planbook.png'} and planbook.ico")


if __name__ == "__main__":
    main()
