"""Fixtures for tests that build the real kiosk in-process (pytest-qt, offscreen).

Registered for the whole suite in tests/conftest.py (qt and e2e tests use them).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from pytestqt.qtbot import QtBot

from kiosk.app import KioskApp, create
from kiosk.config import from_mapping
from tests.helpers.webserver import LocalServer, serve

MakeKiosk = Callable[..., KioskApp]


@pytest.fixture
def web() -> Iterator[LocalServer]:
    with serve() as server:
        yield server


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


@pytest.fixture
def make_kiosk(qtbot: QtBot, tmp_path: Path) -> Iterator[MakeKiosk]:
    """Build the whole kiosk, windowed at 1366x768, and tear it down after the test."""
    made: list[KioskApp] = []

    def make(
        guides_dir: Path | None = None,
        *,
        start: bool = True,
        start_speech: bool = True,
        **sections: Any,
    ) -> KioskApp:
        folder = guides_dir if guides_dir is not None else tmp_path / "no-guides"
        folder.mkdir(parents=True, exist_ok=True)
        base = {
            "kiosk": {"windowed": True},
            "guides": {"dir": str(folder)},
            # Qt's mock voices (Finnish and English, no Swedish): no speech daemon in tests.
            "speech": {"engine": "mock"},
            # Not "auto": the test machine's keyboards must not decide. The keyboard's own
            # tests (tests/keyboard) run in a process where Qt starts with it.
            "keyboard": {"on_screen": "never"},
        }
        mapping = _merge(base, sections)
        kiosk = create(from_mapping(mapping))
        # A failed wipe must show up as a failed test, not stop the test run.
        kiosk.restart_on_wipe_failure = False
        made.append(kiosk)
        kiosk.window.resize(1366, 768)
        kiosk.window.show()
        qtbot.waitExposed(kiosk.window)
        # The speech engine starts in its own process when the first visit begins; the
        # tests start it now (tests/qt/shell/test_speech_engine.py shows the kiosk does).
        if start_speech:
            kiosk.speaker.start()
            qtbot.waitUntil(lambda: kiosk.speaker.is_ready, timeout=15000)
        if start:  # a visitor touches the attract screen
            qtbot.mouseClick(kiosk.window.attract, Qt.MouseButton.LeftButton)
        return kiosk

    yield make
    for kiosk in made:
        kiosk.shutdown()
        kiosk.window.close()
        kiosk.window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def confirm_end_session(qtbot: QtBot, kiosk: KioskApp) -> None:
    """Confirm *End session* as a visitor does, and skip "Did you get it done?" when the
    kiosk asks it (the statistics ask after a counted session)."""
    question = kiosk.outcome_question
    asked = question is not None and kiosk.stats.active
    qtbot.mouseClick(kiosk.window.end_confirm.confirm_button, Qt.MouseButton.LeftButton)
    if asked and question is not None:
        qtbot.waitUntil(question.isVisible)
        qtbot.mouseClick(question.skip_button, Qt.MouseButton.LeftButton)
