"""Tapping a tile opens the service beside its guide; the guide follows the browser."""

from __future__ import annotations

import socket
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from kiosk.browser.webengine.view import KioskView
from tests.helpers.guides import service_guide, write_guide
from tests.helpers.pages import wait_until_loaded
from tests.helpers.screens import save_screenshot, wait_until_painted
from tests.helpers.webserver import LocalServer
from tests.qt.conftest import MakeKiosk


def _pages(web: LocalServer) -> None:
    web.route(
        "/start",
        "<h1>Start</h1><a id='next' href='/form/1'>Log in</a>"
        "<a id='away' href='https://elsewhere.example/'>Elsewhere</a>"
        "<a id='mail' href='mailto:kela@example.org'>Mail</a>",
    )
    web.route("/form/1", "<h1>Form</h1><a id='done' href='/done'>Send</a>")
    web.route("/done", "<h1>Thank you</h1>")


def _child(kiosk_window: QWidget, name: str) -> QWidget:
    found = kiosk_window.findChild(QWidget, name)
    assert found is not None, f"no widget named {name}"
    return found


def _browser(window: QWidget) -> KioskView:
    view = window.findChild(KioskView, "browser")
    assert view is not None
    return view


def _open_service(qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer):  # type: ignore[no-untyped-def]
    _pages(web)
    service_guide(tmp_path / "guides", web.base)
    kiosk = make_kiosk(tmp_path / "guides")
    tile = _child(kiosk.window, "tile-test-service")
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
    view = _browser(kiosk.window)
    qtbot.waitUntil(lambda: view.url().toString() == web.url("/start"))
    wait_until_loaded(qtbot, view, "/start")  # the links exist
    return kiosk, view


def test_tile_opens_service_and_guide(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer
) -> None:
    kiosk, view = _open_service(qtbot, make_kiosk, tmp_path, web)
    panel = _child(kiosk.window, "guide-panel")
    assert panel.isVisible()
    assert view.isVisible()
    step_text = _child(kiosk.window, "guide-step-text")
    assert isinstance(step_text, QLabel)
    # The guide starts with "what you need"; the start page does not skip it.
    assert "Aikaa." in step_text.text()
    # The test server really served the start page to this browser.
    assert web.seen("/start")[0].headers["accept-language"].startswith("fi")
    wait_until_painted(qtbot, view)
    save_screenshot(kiosk.window, "service-view")


def test_guide_follows_the_browser_and_buttons(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer
) -> None:
    kiosk, view = _open_service(qtbot, make_kiosk, tmp_path, web)
    step_text = _child(kiosk.window, "guide-step-text")
    assert isinstance(step_text, QLabel)
    next_button = _child(kiosk.window, "guide-next-button")
    prev_button = _child(kiosk.window, "guide-prev-button")
    progress = _child(kiosk.window, "guide-progress")
    assert isinstance(progress, QLabel)

    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
    assert "Kirjaudu" in step_text.text()
    assert progress.text() == "Vaihe 1/3"
    # The guide's own buttons have their own words, never the page's "Seuraava".
    assert isinstance(next_button, QPushButton) and next_button.text() == "Seuraava vinkki"
    # The page moves the guide to step 2 by itself: the guide's Next is quiet.
    assert next_button.property("role") == "quiet"

    # The visitor clicks a link in the page: the guide moves to step 2 by itself.
    view.page().runJavaScript("document.getElementById('next').click()")
    qtbot.waitUntil(lambda: view.url().toString() == web.url("/form/1"))
    qtbot.waitUntil(lambda: progress.text() == "Vaihe 2/3")
    wait_until_loaded(qtbot, view, "/form/1")
    assert "Täytä lomake." in step_text.text()
    check = _child(kiosk.window, "guide-check")
    # "Do you see the form?" waits for the step's action (filling the form in) ...
    assert not check.isVisible()
    # ... or for the visitor to ask for the next tip, which asks it first.
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
    assert check.isVisible()
    assert progress.text() == "Vaihe 2/3"

    # "No" offers help; "Yes" confirms, and does not run ahead of the page (step 3
    # follows the page's address).
    qtbot.mouseClick(_child(kiosk.window, "guide-check-no"), Qt.MouseButton.LeftButton)
    assert _child(kiosk.window, "guide-check-help").isVisible()
    assert not _child(kiosk.window, "guide-check-yes").isVisible()
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)  # moves on when asked twice
    assert progress.text() == "Vaihe 3/3"
    qtbot.mouseClick(prev_button, Qt.MouseButton.LeftButton)
    assert progress.text() == "Vaihe 2/3"
    assert not check.isVisible()  # a new visit to the step asks again, later
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(_child(kiosk.window, "guide-check-yes"), Qt.MouseButton.LeftButton)
    assert progress.text() == "Vaihe 2/3"
    assert _child(kiosk.window, "guide-check-answer").isVisible()
    # The page moves on (the form is sent): the guide follows it.
    view.page().runJavaScript("document.getElementById('done').click()")
    qtbot.waitUntil(lambda: progress.text() == "Vaihe 3/3")

    # The kiosk's own Back button goes back in the browser, and the guide with it.
    back = _child(kiosk.window, "back-button")
    qtbot.waitUntil(back.isEnabled)
    qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.url().toString() == web.url("/form/1"))
    qtbot.waitUntil(lambda: progress.text() == "Vaihe 2/3")
    wait_until_loaded(qtbot, view, "/form/1")
    qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.url().toString() == web.url("/start"))
    qtbot.waitUntil(lambda: progress.text() == "Vaihe 1/3")


def test_blocked_host_shows_friendly_page(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer
) -> None:
    kiosk, view = _open_service(qtbot, make_kiosk, tmp_path, web)
    blocked = _child(kiosk.window, "blocked-page")
    assert not blocked.isVisible()
    view.page().runJavaScript("document.getElementById('away').click()")
    qtbot.waitUntil(blocked.isVisible)
    # The browser stayed where it was; the friendly page names the host.
    assert view.url().toString() == web.url("/start")
    detail = _child(kiosk.window, "blocked-page-detail")
    assert isinstance(detail, QLabel)
    assert "elsewhere.example" in detail.text()
    save_screenshot(kiosk.window, "blocked-page")
    # "Go back" returns to the page the visitor was on.
    qtbot.mouseClick(_child(kiosk.window, "blocked-back-button"), Qt.MouseButton.LeftButton)
    assert view.isVisible()
    assert not blocked.isVisible()


def test_plain_http_to_an_unlisted_host_is_blocked(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer
) -> None:
    kiosk, view = _open_service(qtbot, make_kiosk, tmp_path, web)
    # Same machine, other name: "localhost" is not on the allow-list, only 127.0.0.1.
    other = web.url("/form/1").replace("127.0.0.1", "localhost")
    view.page().runJavaScript(f"location.href = '{other}'")
    blocked = _child(kiosk.window, "blocked-page")
    qtbot.waitUntil(blocked.isVisible)
    assert not web.seen("/form/1")


def test_home_button_returns_to_tiles(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer
) -> None:
    kiosk, _view = _open_service(qtbot, make_kiosk, tmp_path, web)
    qtbot.mouseClick(_child(kiosk.window, "home-button"), Qt.MouseButton.LeftButton)
    assert _child(kiosk.window, "home").isVisible()
    assert (
        kiosk.window.findChild(KioskView, "browser") is None
        or not _browser(kiosk.window).isVisible()
    )
    assert kiosk.session.guide_progress is None


def test_unreachable_service_shows_offline_page(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path
) -> None:
    # A port nobody listens on: the kiosk shows its own page, not Chromium's.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    write_guide(
        tmp_path / "guides",
        "dead",
        """
        id: dead
        category: other
        languages: [fi, sv, en]
        start_url: http://127.0.0.1:{port}/
        allowed_hosts: ["http://127.0.0.1:{port}"]
        title: {fi: Kuollut, sv: Död, en: Dead}
        steps:
          - text: {fi: Odota., sv: Vänta., en: Wait.}
        """.replace("{port}", str(port)),
    )
    kiosk = make_kiosk(tmp_path / "guides")
    qtbot.mouseClick(_child(kiosk.window, "tile-dead"), Qt.MouseButton.LeftButton)
    offline = _child(kiosk.window, "offline-page")
    qtbot.waitUntil(offline.isVisible, timeout=15000)
    retry = _child(kiosk.window, "offline-retry-button")
    assert isinstance(retry, QPushButton)
    assert retry.text() == "Yritä uudelleen"


def test_no_context_menu_and_no_drops_on_browser(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer
) -> None:
    _kiosk, view = _open_service(qtbot, make_kiosk, tmp_path, web)
    assert view.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu
    assert not view.acceptDrops()


def test_mailto_link_does_not_leave(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer
) -> None:
    kiosk, view = _open_service(qtbot, make_kiosk, tmp_path, web)
    page = view.page()
    with qtbot.waitSignal(page.external_link, timeout=5000) as blocker:  # type: ignore[attr-defined]
        page.runJavaScript("document.getElementById('mail').click()")
    assert blocker.args == ["mailto", "kela@example.org"]
    assert view.url().toString() == web.url("/start")
    # The policy refused it before QtWebEngine could hand it to the OS.
    assert kiosk.desktop_guard.refused == 0


def test_no_guides_shows_message_for_staff(qtbot: QtBot, make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk()
    notice = _child(kiosk.window, "home-empty")
    assert notice.isVisible()
    assert isinstance(notice, QLabel)
    assert "kiosk guides check" in notice.text()
