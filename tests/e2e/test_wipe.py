"""Two visitors: nothing of the first ever reaches the second.

Visitor A plants every kind of browser state, types and copies a marker, changes the
language, text size, zoom and guide step; the session ends (by the End button, and by
the idle timeout); visitor B opens the same service, and neither the server nor the page
sees anything of A. Then the disk is searched for A's marker.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk import paths
from kiosk.app import KioskApp
from kiosk.browser.webengine.view import KioskView
from kiosk.session.lifecycle import State
from kiosk.session.receipts import WipeReceipt
from tests.helpers import state_site
from tests.helpers.disk import files_containing
from tests.helpers.guides import service_guide
from tests.helpers.idle_clock import IdleClock
from tests.helpers.kiosk_child import Child, running_kiosk
from tests.helpers.pages import evaluate, wait_until_loaded
from tests.helpers.screens import save_screenshot
from tests.helpers.webserver import LocalServer
from tests.qt.conftest import MakeKiosk

pytestmark = pytest.mark.e2e

MARKER = state_site.MARKER


def _child(kiosk: KioskApp, name: str) -> QWidget:
    found = kiosk.window.findChild(QWidget, name)
    assert found is not None, name
    return found


def _click(qtbot: QtBot, kiosk: KioskApp, name: str) -> None:
    qtbot.mouseClick(_child(kiosk, name), Qt.MouseButton.LeftButton)


def _open_tile(qtbot: QtBot, kiosk: KioskApp) -> KioskView:
    _click(qtbot, kiosk, "tile-test-service")
    view = kiosk.window.service.view
    assert view is not None
    wait_until_loaded(qtbot, view, "/start")
    return view


def _go(qtbot: QtBot, view: KioskView, url: str, title: str) -> None:
    view.setUrl(QUrl(url))
    wait_until_loaded(qtbot, view, title)


def visitor_a(qtbot: QtBot, kiosk: KioskApp, web: LocalServer) -> None:
    view = _open_tile(qtbot, kiosk)
    _go(qtbot, view, web.url("/plant"), "planted")
    # A types the marker into a web form and sends it.
    focused = "(document.getElementById('secret').focus(), document.activeElement.id)"
    assert evaluate(qtbot, view, focused) == "secret"
    proxy = view.focusProxy()
    assert proxy is not None
    qtbot.keyClicks(proxy, MARKER)
    typed = "document.getElementById('secret').value"
    qtbot.waitUntil(lambda: evaluate(qtbot, view, typed) == MARKER)
    view.page().runJavaScript("document.getElementById('form').submit()")
    qtbot.waitUntil(lambda: any(MARKER.encode() in r.body for r in web.seen("/typed")))
    qtbot.waitUntil(lambda: view.title() == "typed")
    # ... copies something ...
    QApplication.clipboard().setText(MARKER)
    # ... and makes the kiosk their own.
    _click(qtbot, kiosk, "zoom-in-button")
    _click(qtbot, kiosk, "language-sv")
    _click(qtbot, kiosk, "text-size-up")
    _click(qtbot, kiosk, "contrast-toggle")
    _click(qtbot, kiosk, "guide-next-button")
    _click(qtbot, kiosk, "guide-next-button")
    assert kiosk.session.guide_progress is not None
    assert kiosk.session.guide_progress.step_index == 1
    assert view.history().count() >= 3
    assert web.seen("/plant")[0].cookies == {}


def end_by_button(qtbot: QtBot, kiosk: KioskApp) -> WipeReceipt:
    _click(qtbot, kiosk, "end-session-button")
    confirm = _child(kiosk, "end-session-confirm-button")
    assert confirm.isVisible()
    save_screenshot(kiosk.window, "end-session-confirm")
    qtbot.mouseClick(confirm, Qt.MouseButton.LeftButton)
    # "Did you get it done?": one tap, which ends the session.
    answer = _child(kiosk, "outcome-yes")
    qtbot.waitUntil(answer.isVisible)
    save_screenshot(kiosk.window, "end-session-outcome-question")
    with qtbot.waitSignal(kiosk.wipe_finished, timeout=10000) as blocker:
        qtbot.mouseClick(answer, Qt.MouseButton.LeftButton)
    receipt = blocker.args[0]
    assert isinstance(receipt, WipeReceipt)
    return receipt


def end_by_walking_away(qtbot: QtBot, kiosk: KioskApp, clock: IdleClock) -> WipeReceipt:
    """Nobody touches anything for the idle timeout, then for the whole warning."""
    session = kiosk.config.session
    warning = _child(kiosk, "idle-warning")
    countdown = _child(kiosk, "idle-warning-countdown")
    assert isinstance(countdown, QLabel)
    clock.advance(session.idle_timeout_s - 1)
    kiosk.keeper.lifecycle.tick()
    assert kiosk.keeper.lifecycle.state is State.ACTIVE  # a second short: no warning yet
    clock.advance(1)
    qtbot.waitUntil(warning.isVisible, timeout=10000)
    assert "1:00" in countdown.text()  # the whole minute of the warning is still to come
    save_screenshot(kiosk.window, "idle-warning")
    with qtbot.waitSignal(kiosk.wipe_finished, timeout=10000) as blocker:
        clock.advance(session.warning_s)
    receipt = blocker.args[0]
    assert isinstance(receipt, WipeReceipt)
    return receipt


def visitor_b_sees_nothing(
    qtbot: QtBot, kiosk: KioskApp, web: LocalServer, reports: dict[str, object]
) -> None:
    attract = _child(kiosk, "attract-screen")
    assert attract.isVisible()
    save_screenshot(kiosk.window, "attract-after-wipe")
    # Everything is back to the defaults before B touches anything.
    choices = kiosk.session.preferences.choices
    assert choices.language == "fi"
    assert choices.text_scale == 1.0
    assert not choices.high_contrast
    assert QApplication.clipboard().text() == ""

    qtbot.mouseClick(attract, Qt.MouseButton.LeftButton)
    assert _child(kiosk, "home").isVisible()
    requests_before = len(web.requests)
    view = _open_tile(qtbot, kiosk)
    assert view.zoomFactor() == 1.0
    progress = _child(kiosk, "guide-progress")
    assert isinstance(progress, QLabel)
    assert progress.text() == "Ennen kuin aloitat, tarvitset:"  # the guide starts over
    cached_before = len(web.seen("/cached.js"))
    _go(qtbot, view, web.url("/probe"), "probed")

    # The server saw none of A's cookies on any of B's requests.
    for request in web.requests[requests_before:]:
        assert request.cookies == {}, request.path
        assert MARKER not in request.headers.get("cookie", "")
    # The page found no storage of any kind.
    assert reports == {
        "cookies": "",
        "local": 0,
        "session": 0,
        "idb": [],
        "caches": [],
        "workers": 0,
        "history": 2,
    }
    # The HTTP cache was empty: B's browser asked the server again.
    assert len(web.seen("/cached.js")) == cached_before + 1
    # No way back to A's pages.
    assert view.history().count() == 2
    assert not any("plant" in item.url().toString() for item in view.history().items())


def no_marker_on_disk(tmp_path: Path) -> None:
    roots = [
        paths.runtime_dir(),
        paths.data_dir(),
        Path(os.environ["XDG_DATA_HOME"]),
        Path(os.environ["XDG_CACHE_HOME"]),
        Path(os.environ["XDG_CONFIG_HOME"]),
        Path.home() / "Downloads",
        Path.home() / ".local" / "share",
        Path.home() / ".cache",
        Path("/dev/shm"),
        tmp_path,
    ]
    assert files_containing(MARKER, roots) == []


def _kiosk(make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer) -> KioskApp:
    service_guide(tmp_path / "guides", web.base)
    return make_kiosk(tmp_path / "guides")


def _receipt_ok(receipt: WipeReceipt, reason: str) -> None:
    assert receipt.ok, receipt.failed
    assert receipt.reason == reason
    # One check per visitor part (tests/qt/session/test_visitor_parts.py shows each fail).
    assert set(receipt.checks) >= {
        "help-desk",
        "rooms",
        "service",
        "window",
        "choices",
        "speech",
        "windows",
        "clipboard",
        "picture-cache",
        "browser",
        "session-folder",
        "processes",
    }
    assert receipt.duration_s > 0


def test_end_button_wipes_everything(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer
) -> None:
    reports = state_site.install(web)
    kiosk = _kiosk(make_kiosk, tmp_path, web)
    old_folder = kiosk.session.folder
    visitor_a(qtbot, kiosk, web)
    receipt = end_by_button(qtbot, kiosk)
    _receipt_ok(receipt, "end-button")
    assert not old_folder.exists()
    visitor_b_sees_nothing(qtbot, kiosk, web, reports)
    no_marker_on_disk(tmp_path)
    # The receipt is anonymous and kept for the admin view.
    saved = (paths.data_dir() / "wipe-receipts.jsonl").read_text()
    assert '"ok": true' in saved
    assert MARKER not in saved
    assert "127.0.0.1" not in saved


def test_idle_timeout_wipes_everything(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer, idle_clock: IdleClock
) -> None:
    reports = state_site.install(web)
    kiosk = _kiosk(make_kiosk, tmp_path, web)  # the shipped timeouts: 3 minutes, then 1
    # Visitor A is busy (every click counts as "still here"), then walks away.
    visitor_a(qtbot, kiosk, web)
    receipt = end_by_walking_away(qtbot, kiosk, idle_clock)
    _receipt_ok(receipt, "timeout")
    visitor_b_sees_nothing(qtbot, kiosk, web, reports)
    no_marker_on_disk(tmp_path)


def test_continue_keeps_the_session(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer, idle_clock: IdleClock
) -> None:
    web.route("/start", "<h1>Start</h1>")
    kiosk = _kiosk(make_kiosk, tmp_path, web)
    _open_tile(qtbot, kiosk)
    session = kiosk.session
    lifecycle = kiosk.keeper.lifecycle
    warning = _child(kiosk, "idle-warning")
    idle_clock.advance(lifecycle.idle_timeout_s)
    qtbot.waitUntil(warning.isVisible, timeout=10000)
    idle_clock.advance(lifecycle.warning_s - 1)  # "Continue" in the warning's last second
    _click(qtbot, kiosk, "idle-continue-button")
    assert not warning.isVisible()
    assert kiosk.session is session
    assert kiosk.window.service.view is not None
    # The visitor has a whole idle timeout again, counted from the tap on Continue.
    assert lifecycle.idle_for == 0
    idle_clock.advance(lifecycle.idle_timeout_s - 1)
    lifecycle.tick()
    assert lifecycle.state is State.ACTIVE
    idle_clock.advance(1)
    qtbot.waitUntil(warning.isVisible, timeout=10000)
    assert kiosk.session is session  # warned again, not wiped


def test_mouse_movement_in_the_page_counts_as_presence(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer, idle_clock: IdleClock
) -> None:
    web.route("/start", "<h1>Start</h1>" + "<p>long text</p>" * 200)
    kiosk = _kiosk(make_kiosk, tmp_path, web)
    view = _open_tile(qtbot, kiosk)
    target = view.focusProxy()
    assert target is not None
    handle = kiosk.window.windowHandle()
    assert handle is not None
    lifecycle = kiosk.keeper.lifecycle

    def move_to(point: QPoint) -> None:
        """The mouse moves over the page, as the window system delivers it."""
        QTest.mouseMove(handle, target.mapTo(kiosk.window, point))
        qtbot.waitUntil(lambda: lifecycle.idle_for == 0)

    # A visitor reading a long page: now and then the mouse moves, or a page goes down.
    idle_clock.advance(lifecycle.idle_timeout_s - 10)
    assert lifecycle.idle_for == lifecycle.idle_timeout_s - 10
    move_to(target.rect().center())
    idle_clock.advance(lifecycle.idle_timeout_s - 10)
    move_to(target.rect().center() / 2)
    idle_clock.advance(lifecycle.idle_timeout_s - 10)
    QTest.keyClick(handle, Qt.Key.Key_PageDown)
    qtbot.waitUntil(lambda: lifecycle.idle_for == 0)
    # Three times most of the timeout has passed, and the visitor is still here.
    lifecycle.tick()
    assert lifecycle.state is State.ACTIVE
    assert not _child(kiosk, "idle-warning").isVisible()


def test_end_pressed_twice_wipes_once(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer
) -> None:
    web.route("/start", "<h1>Start</h1>")
    kiosk = _kiosk(make_kiosk, tmp_path, web)
    _open_tile(qtbot, kiosk)
    receipts: list[WipeReceipt] = []
    kiosk.wipe_finished.connect(receipts.append)
    assert kiosk.keeper.end_session()
    assert not kiosk.keeper.end_session()
    _click(qtbot, kiosk, "end-session-button")  # on the attract screen now: nothing to end
    assert len(receipts) == 1
    assert receipts[0].ok


def test_wipe_while_a_page_is_still_loading(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer
) -> None:
    import threading

    release = threading.Event()

    def slow(_req):  # type: ignore[no-untyped-def]
        release.wait(10)
        return 200, {"Content-Type": "text/html"}, b"<title>slow</title>late"

    web.route("/start", "<h1>Start</h1>")
    web.route("/slow", slow)
    kiosk = _kiosk(make_kiosk, tmp_path, web)
    view = _open_tile(qtbot, kiosk)
    view.setUrl(QUrl(web.url("/slow")))
    qtbot.waitUntil(lambda: bool(web.seen("/slow")))
    receipts: list[WipeReceipt] = []
    kiosk.wipe_finished.connect(receipts.append)
    assert kiosk.keeper.end_session()
    release.set()
    assert receipts and receipts[0].ok, receipts[0].failed if receipts else "no wipe"
    assert _child(kiosk, "attract-screen").isVisible()


def _only_this_kiosks_sessions(kiosk: KioskApp) -> None:
    """The runtime folder holds the current session and the one prepared for the next
    visitor, nothing else."""
    expected = {kiosk.session.folder.name}
    if kiosk.keeper.prepared is not None:
        expected.add(kiosk.keeper.prepared.folder.name)
    assert {p.name for p in paths.runtime_dir().iterdir()} == expected


def test_start_up_removes_leftovers(make_kiosk: MakeKiosk) -> None:
    leftover = paths.runtime_dir() / "session-deadbeef" / "downloads"
    leftover.mkdir(parents=True)
    (leftover / "decision.pdf").write_text(MARKER)
    kiosk = make_kiosk(start=False)
    assert kiosk.recovered == 1
    assert not leftover.exists()
    _only_this_kiosks_sessions(kiosk)


@contextmanager
def _kiosk_in_a_process(tmp_path: Path, web: LocalServer) -> Iterator[Child]:
    state_site.install(web)
    service_guide(tmp_path / "guides", web.base)
    with running_kiosk(tmp_path / "guides", web.url("/plant")) as child:
        assert (child.folder / "downloads" / "decision.txt").exists()
        yield child


def test_kill_9_mid_session_leaves_nothing_after_restart(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer
) -> None:
    with _kiosk_in_a_process(tmp_path, web) as child:
        child.process.send_signal(signal.SIGKILL)
        child.process.wait(timeout=30)
    # The browser engine's processes notice their parent is gone and end too.
    assert child.wait_for_descendants() == []
    assert child.folder.exists(), "the killed kiosk could not clean up: the restart must"

    kiosk = make_kiosk(tmp_path / "guides", start=False)
    assert kiosk.recovered >= 1
    assert not child.folder.exists()
    _only_this_kiosks_sessions(kiosk)
    no_marker_on_disk(tmp_path)


def test_sigterm_mid_session_erases_the_session_before_exit(
    tmp_path: Path, web: LocalServer
) -> None:
    """systemd's stop, or a shutdown: the kiosk erases the session itself and exits 0."""
    with _kiosk_in_a_process(tmp_path, web) as child:
        child.process.send_signal(signal.SIGTERM)
        assert child.process.wait(timeout=30) == 0
    assert not child.folder.exists()
    assert child.wait_for_descendants() == []
    assert list(paths.runtime_dir().glob("session-*")) == []
    no_marker_on_disk(tmp_path)


def test_the_first_touch_does_not_open_the_tile_under_it(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer
) -> None:
    web.route("/start", "<h1>Start</h1>")
    kiosk = _kiosk(make_kiosk, tmp_path, web)
    with qtbot.waitSignal(kiosk.wipe_finished):
        kiosk.keeper.end_session()
    tile = _child(kiosk, "tile-test-service")
    point = tile.mapTo(kiosk.window, tile.rect().center())
    # A real touch on the attract screen, right where a tile will be, delivered through
    # the window as the window system delivers it.
    attract = _child(kiosk, "attract-screen")
    handle = kiosk.window.windowHandle()
    assert handle is not None
    QTest.mouseClick(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    assert _child(kiosk, "home").isVisible()
    assert kiosk.window.service.view is None  # no service opened by that touch
    # A passing mouse never starts a visit.
    with qtbot.waitSignal(kiosk.wipe_finished):
        kiosk.keeper.end_session()
    qtbot.mouseMove(attract, attract.rect().center())
    assert attract.isVisible()
