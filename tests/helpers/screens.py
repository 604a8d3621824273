"""Screenshots of real widgets, kept under test-artifacts/ for a human to look at."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def save_screenshot(widget: QWidget, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    # Layout and style changes are applied on the next turns of the event loop.
    for _ in range(3):
        QApplication.processEvents()
    target = ARTIFACTS / f"{name}.png"
    target.parent.mkdir(parents=True, exist_ok=True)
    if not widget.grab().save(str(target)):
        raise AssertionError(f"could not save a screenshot to {target}")
    return target


def has_dark_pixels(widget: QWidget) -> bool:
    """Whether ``widget`` shows anything dark (text) yet: web pages and PDF pages are
    painted some turns of the event loop after they have loaded."""
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    data = bytes(image.constBits())
    # RGB32 is B, G, R, 0xff per pixel: a dark pixel has a small colour byte.
    return min(data) < 0x50


def wait_until_painted(qtbot: QtBot, widget: QWidget) -> None:
    """Before a screenshot: until the page's text is on the screen."""
    qtbot.waitUntil(lambda: has_dark_pixels(widget), timeout=15000)
