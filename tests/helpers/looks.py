"""Measuring what a visitor sees, from grabs of the real widgets: contrast of text and
icons against what is behind them, and whether a focus ring shows."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QWidget

from kiosk.ui.theme import contrast


def hex_of(colour: QColor) -> str:
    return f"#{colour.red():02X}{colour.green():02X}{colour.blue():02X}"


def grab_in_window(widget: QWidget, inset: int = 0) -> QImage:
    """``widget`` as it shows in its window (what is behind a transparent label too)."""
    window = widget.window()
    top_left = widget.mapTo(window, QPoint(0, 0))
    rect = QRect(top_left, widget.size()).adjusted(inset, inset, -inset, -inset)
    return window.grab(rect).toImage().convertToFormat(QImage.Format.Format_RGB32)


def colours(image: QImage) -> Counter[str]:
    found: Counter[str] = Counter()
    step = max(1, min(image.width(), image.height()) // 60)
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            found[hex_of(image.pixelColor(x, y))] += 1
    return found


def ink_contrast(image: QImage) -> float:
    """Contrast between the most common colour (the background) and the colour that
    stands out most from it (the text or icon's own colour; anti-aliased edges lie in
    between)."""
    found = colours_all(image)
    background = found.most_common(1)[0][0]
    return max(contrast(background, colour) for colour in found)


def colours_all(image: QImage) -> Counter[str]:
    """Every pixel's colour, counted (RGB32 is B, G, R, 0xff per pixel)."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    data = bytes(image.constBits())
    found: Counter[bytes] = Counter(data[i : i + 3] for i in range(0, len(data), 4))
    return Counter({f"#{c[2]:02X}{c[1]:02X}{c[0]:02X}": n for c, n in found.items()})


def changed_pixels(before: QImage, after: QImage, ratio: float = 3.0) -> int:
    """Pixels whose colour changed by at least ``ratio`` (WCAG's focus appearance)."""
    count = 0
    for y in range(min(before.height(), after.height())):
        for x in range(min(before.width(), after.width())):
            a, b = before.pixelColor(x, y), after.pixelColor(x, y)
            if a != b and contrast(hex_of(a), hex_of(b)) >= ratio:
                count += 1
    return count
