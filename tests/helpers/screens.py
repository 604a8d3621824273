"""Screenshots of real widgets, kept under test-artifacts/ for a human to look at."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def save_screenshot(widget: QWidget, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    # Layout and style changes are applied on the next turns of the event loop.
    for _ in range(3):
        QApplication.processEvents()
    target = ARTIFACTS / f"{name}.png"
    if not widget.grab().save(str(target)):
        raise AssertionError(f"could not save a screenshot to {target}")
    return target
