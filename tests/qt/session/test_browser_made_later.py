"""The first screen is shown without a browser (issue 14: start-up). The first visitor's
browser is made soon after, or at their first tile, and every browser is checked as it
is made: one that is not locked down is refused before any page."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWebEngineCore import QWebEngineSettings
from pytestqt.qtbot import QtBot

from kiosk.browser import UnsafeBrowserError
from kiosk.browser.webengine import settings
from kiosk.session import keeper as keeper_module
from kiosk.session.session import Session
from tests.helpers.guides import service_guide
from tests.helpers.webserver import LocalServer
from tests.qt.conftest import MakeKiosk


@pytest.fixture
def browser_waits(monkeypatch: pytest.MonkeyPatch) -> None:
    """The browser is made only when asked for (not a second after start-up), so that
    what the first screen made can be seen however slow this machine is today."""
    monkeypatch.setattr(keeper_module, "PREPARE_AFTER_START_MS", 3_600_000)


@pytest.mark.usefixtures("browser_waits")
def test_the_first_screen_does_without_a_browser(make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk(start_speech=False)  # shown, and touched: the home screen
    assert kiosk.window.stack.currentWidget() is kiosk.window.home
    assert kiosk.session.browser_made is None
    assert kiosk.keeper.prepared is None


def test_the_browser_is_made_soon_after_start_up(qtbot: QtBot, make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk(start=False, start_speech=False)
    # While the attract screen waits: this visitor's browser, and the next visitor's
    # session with its browser (the hand-over does not wait for either).
    qtbot.waitUntil(lambda: kiosk.keeper.prepared is not None, timeout=10000)
    assert kiosk.session.browser_made is not None
    prepared = kiosk.keeper.prepared
    assert prepared is not None and prepared.browser_made is not None
    assert kiosk.self_check() == []


@pytest.mark.usefixtures("browser_waits")
def test_a_tile_before_that_makes_the_browser_itself(
    qtbot: QtBot, make_kiosk: MakeKiosk, web: LocalServer, tmp_path: Path
) -> None:
    service_guide(tmp_path / "guides", web.base)
    kiosk = make_kiosk(tmp_path / "guides", start_speech=False)
    assert kiosk.session.browser_made is None
    kiosk.open_guide("test-service")
    view = kiosk.window.service.view
    assert view is not None
    assert kiosk.session.browser_made is not None
    assert view in kiosk.session.browser.views
    with qtbot.waitSignal(view.loadFinished, timeout=15000):
        pass


def test_a_browser_that_is_not_locked_down_is_refused(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    original = settings.apply
    attribute = QWebEngineSettings.WebAttribute.LocalContentCanAccessFileUrls

    def a_default_turned_back_on(web_settings: QWebEngineSettings) -> None:
        original(web_settings)
        web_settings.setAttribute(attribute, True)

    monkeypatch.setattr(settings, "apply", a_default_turned_back_on)
    monkeypatch.setenv("KIOSK_RUNTIME_DIR", str(tmp_path / "runtime"))
    session = Session("fi", ("fi", "sv", "en"))
    with pytest.raises(UnsafeBrowserError, match="LocalContentCanAccessFileUrls is on"):
        _ = session.browser
    assert session.browser_made is None  # not kept: the next use is refused again
    with pytest.raises(UnsafeBrowserError):
        _ = session.browser
    session.close()
    session.remove_folder()
