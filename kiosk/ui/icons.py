"""Line icons from ``resources/icons``, drawn in the theme's colour.

The SVGs use ``currentColor``; Qt's SVG renderer does not know it, so the colour is put
into the text before rendering. Every icon is shown next to a text label: visitors could
not read icons alone (research 5.2).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from kiosk import paths


def icon_path(name: str) -> Path:
    return paths.resources_dir() / "icons" / f"{name}.svg"


@lru_cache(maxsize=256)
def _svg_text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def pixmap_from_svg(path: Path, colour: str, size: int) -> QPixmap:
    """Render an SVG file at ``size`` px (device-independent), coloured ``colour``."""
    pixmap = QPixmap(size * 2, size * 2)  # drawn at 2x so it stays sharp when scaled
    pixmap.fill(Qt.GlobalColor.transparent)
    try:
        text = _svg_text(path).replace("currentColor", colour)
    except OSError:
        return pixmap
    renderer = QSvgRenderer(QByteArray(text.encode("utf-8")))
    if renderer.isValid():
        painter = QPainter(pixmap)
        renderer.render(painter, QRectF(0, 0, size * 2, size * 2))
        painter.end()
    pixmap.setDevicePixelRatio(2.0)
    return pixmap


#: Icons that point along the reading direction: mirrored for right-to-left languages
#: (Back points right in Arabic). Others (reload, help, print ...) stay as they are.
MIRRORED_IN_RTL = frozenset({"back", "forward"})


@lru_cache(maxsize=256)
def icon(name: str, colour: str, size: int, *, right_to_left: bool = False) -> QIcon:
    """The icon drawn once per name, colour, size and direction: every re-layout and
    theme change asks again, and an SVG render costs more than the lookup (QIcon is
    shared on copy, so handing out the same one is safe)."""
    pixmap = pixmap_from_svg(icon_path(name), colour, size)
    if right_to_left and name in MIRRORED_IN_RTL:
        ratio = pixmap.devicePixelRatio()
        pixmap = QPixmap.fromImage(pixmap.toImage().flipped(Qt.Orientation.Horizontal))
        pixmap.setDevicePixelRatio(ratio)
    return QIcon(pixmap)
