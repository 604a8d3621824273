"""A page whose renderer is killed: "This page stopped working" (never a grey area), the
session goes on, Try again opens the page in a new renderer, Home goes home."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import psutil
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk.app import KioskApp
from kiosk.session.lifecycle import State
from tests.helpers.guides import service_guide
from tests.helpers.pages import wait_until_loaded
from tests.helpers.webserver import LocalServer
from tests.qt.conftest import MakeKiosk


def _kiosk_on_a_page(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer
) -> KioskApp:
    web.route("/start", "<h1>Start</h1><form><input id=name></form>")
    service_guide(tmp_path / "guides", web.base)
    kiosk = make_kiosk(tmp_path / "guides")
    kiosk.open_guide("test-service")
    view = kiosk.window.service.view
    assert view is not None
    wait_until_loaded(qtbot, view, "/start")
    return kiosk


def _kill_renderer(qtbot: QtBot, kiosk: KioskApp) -> int:
    view = kiosk.window.service.view
    assert view is not None
    pid = view.renderer_pid
    assert pid > 0
    # The renderer is the kiosk's own browser engine's process, not something else.
    assert "QtWebEngineProcess" in psutil.Process(pid).name()
    os.kill(pid, signal.SIGKILL)
    qtbot.waitUntil(lambda: kiosk.page_crashed.shown, timeout=15000)
    return pid


def test_a_killed_renderer_shows_the_page_crashed_view_and_the_session_goes_on(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer
) -> None:
    kiosk = _kiosk_on_a_page(qtbot, make_kiosk, tmp_path, web)
    session, progress = kiosk.session, kiosk.session.guide_progress
    old_pid = _kill_renderer(qtbot, kiosk)

    service = kiosk.window.service
    page = kiosk.page_crashed.page
    assert page.objectName() == "page-crashed"
    assert page.isVisible()
    assert service.content.currentWidget() is page
    assert page.heading.text() == "Tämä sivu lakkasi toimimasta"  # the default language
    # Only the page ended: the same visitor, the same guide, still in the visit.
    assert kiosk.session is session
    assert kiosk.session.guide_progress is progress
    assert kiosk.keeper.lifecycle.state is State.ACTIVE
    assert kiosk.window.service.guide_panel.isVisible()

    qtbot.mouseClick(page.retry_button, Qt.MouseButton.LeftButton)

    view = service.view
    assert view is not None
    wait_until_loaded(qtbot, view, "/start")
    assert service.content.currentWidget() is service.browser_slot
    assert view.renderer_pid not in (0, old_pid)
    assert len(web.seen("/start")) == 2


def test_home_from_the_page_crashed_view(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer
) -> None:
    kiosk = _kiosk_on_a_page(qtbot, make_kiosk, tmp_path, web)
    _kill_renderer(qtbot, kiosk)
    qtbot.mouseClick(kiosk.page_crashed.page.home_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: kiosk.window.stack.currentWidget() is kiosk.window.home)
    assert kiosk.window.service.view is None
    assert kiosk.keeper.lifecycle.state is State.ACTIVE


def test_the_wipe_leaves_no_page_crashed_view_for_the_next_visitor(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer
) -> None:
    kiosk = _kiosk_on_a_page(qtbot, make_kiosk, tmp_path, web)
    _kill_renderer(qtbot, kiosk)
    with qtbot.waitSignal(kiosk.wipe_finished, timeout=15000) as blocker:
        assert kiosk.keeper.end_session()
    assert blocker.args[0].ok, blocker.args[0].failed
    assert not kiosk.page_crashed.shown
