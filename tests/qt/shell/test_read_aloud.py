"""Read aloud: the speaker button reads the step in the visitor's language, with Qt's
mock text-to-speech engine (Finnish and English voices, no Swedish), and stops when the
page changes and when the session is wiped."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk.app import KioskApp
from tests.helpers.guides import service_guide
from tests.helpers.webserver import LocalServer
from tests.qt.conftest import MakeKiosk


def _click(qtbot: QtBot, kiosk: KioskApp, name: str) -> None:
    widget = kiosk.window.findChild(QWidget, name)
    assert widget is not None, name
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def _kiosk(qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer) -> KioskApp:
    web.route("/start", "<h1>Start</h1>")
    service_guide(tmp_path / "guides", web.base)
    kiosk = make_kiosk(tmp_path / "guides")
    _click(qtbot, kiosk, "tile-test-service")
    _click(qtbot, kiosk, "guide-next-button")  # step 1: "Paina **Kirjaudu**."
    return kiosk


def _words(kiosk: KioskApp) -> list[str]:
    """The words the engine (in its own process) reports saying."""
    heard: list[str] = []
    kiosk.speaker.word_spoken.connect(heard.append)
    return heard


def test_reads_the_step_in_the_visitors_language(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer
) -> None:
    kiosk = _kiosk(qtbot, make_kiosk, tmp_path, web)
    speak = kiosk.window.findChild(QWidget, "guide-speak-button")
    assert speak is not None and speak.isVisible()
    heard = _words(kiosk)
    _click(qtbot, kiosk, "guide-speak-button")
    qtbot.waitUntil(lambda: heard == ["Paina", "Kirjaudu"], timeout=10000)
    assert kiosk.speaker.locale == "fi_FI"

    _click(qtbot, kiosk, "language-en")
    heard.clear()
    _click(qtbot, kiosk, "guide-speak-button")
    qtbot.waitUntil(lambda: heard == ["Press", "Log", "in"], timeout=10000)
    assert kiosk.speaker.locale.startswith("en_")


def test_no_voice_no_button(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer
) -> None:
    kiosk = _kiosk(qtbot, make_kiosk, tmp_path, web)
    _click(qtbot, kiosk, "language-sv")  # the mock engine has no Swedish voice
    speak = kiosk.window.findChild(QWidget, "guide-speak-button")
    assert speak is not None and not speak.isVisible()


def test_reading_off_no_button(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer
) -> None:
    web.route("/start", "<h1>Start</h1>")
    service_guide(tmp_path / "guides", web.base)
    kiosk = make_kiosk(tmp_path / "guides", speech={"engine": "none"})
    _click(qtbot, kiosk, "tile-test-service")
    speak = kiosk.window.findChild(QWidget, "guide-speak-button")
    assert speak is not None and not speak.isVisible()


def test_reading_stops_on_page_change_and_on_wipe(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer
) -> None:
    kiosk = _kiosk(qtbot, make_kiosk, tmp_path, web)
    _click(qtbot, kiosk, "guide-speak-button")
    qtbot.waitUntil(lambda: kiosk.speaker.speaking)
    _click(qtbot, kiosk, "guide-next-button")
    assert not kiosk.speaker.speaking

    _click(qtbot, kiosk, "guide-speak-button")
    qtbot.waitUntil(lambda: kiosk.speaker.speaking)
    with qtbot.waitSignal(kiosk.wipe_finished):
        kiosk.keeper.end_session()
    assert not kiosk.speaker.speaking
