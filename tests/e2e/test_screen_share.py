"""Remote help that can see, end to end: the real kiosk, the real help desk, and the
staff page in Chromium.

A visitor asks for help; Anna takes the request on the staff page and asks to see the
screen. The kiosk asks the visitor every time: No shares nothing; Allow brings pictures
to Anna's page. She taps the picture and a ring shows on the kiosk at that very spot
(in Arabic, right to left, too); she opens a step of the guide. While the visitor types
a password, or is on an identification page, the pictures show a "paused" card: no
delivered picture has the password's pixels. Stop sharing, the idle warning, End
session, the wipe and closing the request each end the share, and the banner goes. A
staff member of another centre gets 403.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import psutil
import pytest
from playwright.sync_api import Page, expect
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from kiosk.app import KioskApp
from kiosk.browser.webengine.view import KioskView
from kiosk.config import DEFAULT_IDENTIFICATION_HOSTS
from kiosk.helpdesk.client import pair
from kiosk.helpdesk.share_model import ASK_AGAIN_AFTER_S, ASK_TIMEOUT_S, KIOSK_SILENCE_S, Phase
from kiosk.session.lifecycle import State
from tests.helpers.browser_thread import StaffBrowser
from tests.helpers.guides import service_guide
from tests.helpers.help_request import ask_for_help
from tests.helpers.helpdesk_fixtures import memory_secrets  # noqa: F401 - fixture
from tests.helpers.helpdesk_page import card, sign_in
from tests.helpers.helpdesk_proxy import CuttableProxy
from tests.helpers.helpdesk_servers import STAFF_PASSWORD, FakeClock, LiveServer, Seeded, seed
from tests.helpers.idle_clock import IdleClock
from tests.helpers.kiosk_fixtures import confirm_end_session
from tests.helpers.pages import evaluate, wait_until_loaded
from tests.helpers.screen_share import (
    RECORD_FRAMES,
    SECRET,
    SECRET_PAGE,
    SHOWS_MARKER,
    marker_pixels,
)
from tests.helpers.screens import ARTIFACTS, save_screenshot
from tests.helpers.webserver import LocalServer, serve
from tests.qt.conftest import MakeKiosk

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.qt_log_ignore(
        "PulseAudioService", "Couldn't load", "Couldn't resolve", "QSoundEffect: playback"
    ),
]

SHOTS = ARTIFACTS / "screen-share"
IDLE_S, WARNING_S, HELP_WAIT_S = 180, 60, 900


@dataclass
class Scene:
    qtbot: QtBot
    kiosk: KioskApp
    server: LiveServer
    seeded: Seeded
    clock: FakeClock
    idle: IdleClock
    staff: StaffBrowser
    ident: LocalServer
    proxy: CuttableProxy
    request_id: str = ""

    # -- the kiosk ----------------------------------------------------------------------
    @property
    def share(self) -> Any:
        return self.kiosk.screen_share

    @property
    def view(self) -> KioskView:
        view = self.kiosk.window.service.view
        assert view is not None
        return view

    def wait(self, predicate: Any, timeout: int = 20000) -> None:
        self.qtbot.waitUntil(predicate, timeout=timeout)

    def answer(self, allow: bool) -> None:
        self.wait(self.share.consent.isVisible)
        button = self.share.consent.allow_button if allow else self.share.consent.deny_button
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    # -- the staff page (run in the browser's thread) -------------------------------------
    def on_page(self, job: Any, name: str = "page", timeout: int = 30000) -> Any:
        return self.staff.run(self.qtbot, lambda sb: job(sb.things[name]), timeout)

    def open_staff_page(self, name: str = "page", viewport: tuple[int, int] = (1280, 800)) -> None:
        url = self.server.url

        def job(sb: StaffBrowser) -> None:
            assert sb.browser is not None
            context = sb.browser.new_context(
                viewport={"width": viewport[0], "height": viewport[1]},
                locale="en-GB",
                extra_http_headers={"Accept-Language": "en"},
            )
            context.add_init_script(RECORD_FRAMES)
            page = context.new_page()
            page.on("pageerror", lambda error: sb.problems.append(f"page error: {error}"))
            sign_in(page, url)
            sb.things[name] = page

        self.staff.run(self.qtbot, job)

    def take_request(self) -> None:
        request_id = self.request_id

        def job(page: Page) -> None:
            page.locator("#tab-queue").click()
            node = card(page, request_id)
            node.get_by_role("button", name="I'm coming").click()
            expect(node.locator(".badge")).to_have_text("Someone is coming")

        self.on_page(job)

    def ask(self, name: str = "page", *, refused: bool = False) -> None:
        request_id = self.request_id

        def job(page: Page) -> None:
            page.locator("#tab-queue").click()
            node = card(page, request_id)
            node.get_by_role("button", name="Ask to see the screen").click()
            if refused:
                expect(page.locator("#problem")).to_be_visible()
            else:
                expect(page.locator("#view-screen")).to_be_visible()

        self.on_page(job, name)

    def staff_status(self, text: str, name: str = "page") -> None:
        self.on_page(lambda page: expect(page.locator("#share-status")).to_have_text(text), name)

    def frames(self, name: str = "page") -> list[dict[str, Any]]:
        """The pictures delivered since the last call (the page lets go of them)."""
        found: list[dict[str, Any]] = self.on_page(
            lambda page: page.evaluate("window.__frames.splice(0)"), name
        )
        return found

    def wait_for_frames(self, check: Any, timeout: int = 20000) -> list[dict[str, Any]]:
        """Collect delivered pictures until ``check(pictures)`` holds; returns them all."""
        seen: list[dict[str, Any]] = []

        def ok() -> bool:
            seen.extend(self.frames())
            return bool(check(seen))

        self.wait(ok, timeout)
        return seen


@pytest.fixture
def scene(qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer) -> Iterator[Scene]:
    clock = FakeClock()
    server = LiveServer(f"sqlite:///{tmp_path / 'helpdesk.sqlite3'}", clock).start()
    seeded = seed(server.url, server.state.store)
    # The kiosk reaches the help desk through a cable the test can cut.
    proxy = CuttableProxy(server.port)
    pair(proxy.url, seeded.store.create_pair_code(seeded.centre, "Olohuone"))
    web.route("/start", SECRET_PAGE)
    service_guide(tmp_path / "guides", web.base)
    staff = StaffBrowser()
    # Chromium and Playwright's driver are children of this process, as the kiosk is:
    # the wipe must not end them as a page's stray programs.
    browser_processes = {p.name() for p in psutil.Process().children(recursive=True)}
    with serve() as ident:
        ident.route("/login", "<h1>Tunnistaudu</h1><p>Valitse pankki.</p>")
        identification = [*DEFAULT_IDENTIFICATION_HOSTS, f"http://{ident.base.split('://')[1]}"]
        kiosk = make_kiosk(
            tmp_path / "guides",
            helpdesk={"url": proxy.url},
            browser={"identification_hosts": identification},
            session={
                "idle_timeout_s": IDLE_S, "warning_s": WARNING_S, "help_wait_s": HELP_WAIT_S,
            },
        )  # fmt: skip
        kiosk.keeper.allowed_processes |= browser_processes
        kiosk.session.preferences.set_language("en")
        kiosk.window.resize(1024, 768)
        idle = IdleClock()
        kiosk.keeper.lifecycle.clock = idle
        kiosk.keeper.lifecycle.input()
        made = Scene(qtbot, kiosk, server, seeded, clock, idle, staff, ident, proxy)
        try:
            yield made
        finally:
            problems = list(staff.problems)
            staff.close()
            proxy.close()
            server.stop()
            assert not problems, problems


def _visitor_asks_and_staff_takes(scene: Scene) -> None:
    scene.kiosk.open_guide("test-service")
    wait_until_loaded(scene.qtbot, scene.view, "/start")
    scene.request_id = ask_for_help(scene.qtbot, scene.kiosk)
    scene.open_staff_page()
    scene.take_request()
    scene.wait(lambda: scene.share.link.following == scene.request_id)


def _centre_of(widget: QPushButton, window: Any) -> QPoint:
    return widget.mapTo(window, widget.rect().center())


def _point_at(scene: Scene, target: QPoint) -> None:
    """Anna taps the picture where ``target`` (a spot of the kiosk's window) is."""
    fx = target.x() / scene.kiosk.window.width()
    fy = target.y() / scene.kiosk.window.height()

    def job(page: Page) -> None:
        picture = page.locator("#share-picture")
        box = picture.bounding_box()
        assert box is not None
        picture.click(position={"x": fx * box["width"], "y": fy * box["height"]})

    scene.on_page(job)


def _ring_lands_on(scene: Scene, button: QPushButton) -> None:
    target = _centre_of(button, scene.kiosk.window)
    _point_at(scene, target)
    ring = scene.share.ring

    def there() -> bool:
        # One CSS pixel of the staff page's picture is about 1.4 pixels of the window.
        centre = ring.centre
        return (
            ring.isVisible()
            and abs(centre.x() - target.x()) <= 4
            and abs(centre.y() - target.y()) <= 4
        )

    scene.wait(there)


def test_consent_pictures_pointing_and_no_password_in_any_picture(scene: Scene) -> None:
    kiosk, qtbot = scene.kiosk, scene.qtbot
    _visitor_asks_and_staff_takes(scene)

    # No: nothing is shared.
    scene.ask()
    scene.wait(scene.share.consent.isVisible)
    assert "Anna from digital support would like to see your screen." in (
        scene.share.consent.heading.text()
    )
    save_screenshot(kiosk.window, "screen-share/kiosk-consent-en")
    scene.answer(allow=False)
    scene.staff_status("The visitor said no. Nothing was shared.")
    assert not scene.share.banner.isVisible()
    assert scene.frames() == []
    assert scene.on_page(lambda page: page.locator("#share-picture").is_hidden())

    # Asking again at once is refused; a little later it is asked again, and allowed.
    scene.ask(refused=True)
    scene.on_page(lambda page: expect(page.locator("#problem")).to_contain_text("a moment ago"))
    scene.clock.advance(timedelta(seconds=ASK_AGAIN_AFTER_S + 1))
    scene.ask()
    scene.answer(allow=True)
    scene.wait(scene.share.banner.isVisible)
    assert scene.share.phase is Phase.SHARING
    scene.on_page(
        lambda page: expect(page.locator("#share-status")).to_contain_text(
            "You see the visitor's screen"
        )
    )
    frames = scene.wait_for_frames(lambda seen: seen)
    assert frames[0]["width"] == 1024 and frames[0]["paused"] == ""
    # The decoy shows the marker in the open: a picture with it is found.
    scene.wait_for_frames(lambda seen: any(marker_pixels(f["jpeg"]) > SHOWS_MARKER for f in seen))
    save_screenshot(kiosk.window, "screen-share/kiosk-banner-en")
    scene.on_page(lambda page: page.screenshot(path=str(SHOTS / "staff-viewer-1280.png")))

    # Anna points at the guide's Next button: the ring is there.
    _ring_lands_on(scene, kiosk.window.service.guide_panel.next_button)
    save_screenshot(kiosk.window, "screen-share/kiosk-ring-en")

    # "Look at step 2".
    def open_step(page: Page) -> None:
        page.locator(".share-step input").fill("2")
        page.locator(".share-step button").click()

    scene.on_page(open_step)
    progress = kiosk.session.guide_progress
    assert progress is not None
    scene.wait(lambda: progress.step_index == 1)

    # The phone-sized staff page sees the same share.
    scene.open_staff_page("phone", (390, 844))
    scene.ask("phone")
    scene.on_page(lambda page: expect(page.locator("#share-picture")).to_be_visible(), "phone")
    scene.on_page(
        lambda page: page.screenshot(path=str(SHOTS / "staff-viewer-390.png"), full_page=True),
        "phone",
    )

    # The decoy goes; from a picture without the marker on, none may have it.
    evaluate(qtbot, scene.view, "document.getElementById('decoy').remove()")
    scene.wait_for_frames(lambda seen: seen and marker_pixels(seen[-1]["jpeg"]) == 0)
    scene.frames()

    # The visitor types a password (the marker's colour), shows it, and taps elsewhere.
    taken: list[int] = []  # the marker's pixels in each picture the kiosk takes (masked)
    scene.share.picture_taken.connect(lambda image: taken.append(marker_pixels(image)))
    focused = "(document.getElementById('pw').focus(), document.activeElement.id)"
    assert evaluate(qtbot, scene.view, focused) == "pw"
    kiosk.window.activateWindow()  # the help dialog, a window of its own, had it last
    qtbot.waitUntil(kiosk.window.isActiveWindow)
    scene.view.setFocus()
    proxy = scene.view.focusProxy()
    assert proxy is not None
    qtbot.waitUntil(proxy.hasFocus)
    qtbot.keyClicks(proxy, SECRET)
    typed = "document.getElementById('pw').value"
    qtbot.waitUntil(lambda: evaluate(qtbot, scene.view, typed) == SECRET)
    during = scene.wait_for_frames(lambda seen: sum(f["paused"] == "password" for f in seen) >= 3)
    scene.staff_status("Paused: the visitor is typing a password.")
    assert "hidden" in scene.share.banner.detail.text()
    save_screenshot(kiosk.window, "screen-share/kiosk-banner-paused-en")
    scene.on_page(lambda page: page.screenshot(path=str(SHOTS / "staff-viewer-paused-1280.png")))
    evaluate(qtbot, scene.view, "document.getElementById('show').click()")  # shown as text
    evaluate(qtbot, scene.view, "document.getElementById('elsewhere').click(); pw.blur()")
    assert evaluate(qtbot, scene.view, "document.getElementById('pw').type") == "text"
    # Pictures go on being taken (an unchanged one is not sent again).
    count = len(taken)
    scene.wait(lambda: len(taken) >= count + 4)
    during += scene.frames()
    marked = [marker_pixels(f["jpeg"]) for f in during]
    assert max(marked) <= SHOWS_MARKER // 4, marked
    assert max(taken) <= SHOWS_MARKER // 4, taken
    assert all(f["paused"] == "password" for f in during)

    # The password field goes (the form was sent): the page shows again.
    evaluate(qtbot, scene.view, "document.getElementById('login').remove()")
    scene.wait_for_frames(lambda seen: seen and seen[-1]["paused"] == "")

    # An identification page: paused, the guide still seen.
    scene.view.open_address(scene.ident.url("/login"))
    wait_until_loaded(qtbot, scene.view, "/login")
    scene.wait_for_frames(lambda seen: seen and seen[-1]["paused"] == "identification")
    scene.staff_status("Paused: identification in progress. The guide is still visible.")
    save_screenshot(kiosk.window, "screen-share/kiosk-banner-identification-en")
    scene.view.go_back()
    wait_until_loaded(qtbot, scene.view, "/start")
    scene.wait_for_frames(lambda seen: seen and seen[-1]["paused"] == "")

    # Stop sharing, on the kiosk.
    qtbot.mouseClick(scene.share.banner.stop_button, Qt.MouseButton.LeftButton)
    assert not scene.share.banner.isVisible()
    scene.staff_status("The visitor stopped sharing.")
    scene.frames()
    record = scene.seeded.store.get_request(scene.request_id)
    assert record is not None and record.is_open


def _share_started(scene: Scene) -> None:
    scene.ask()
    scene.answer(allow=True)
    scene.wait(scene.share.banner.isVisible)
    scene.wait_for_frames(lambda seen: seen)


def test_the_idle_warning_and_end_session_end_the_share(scene: Scene) -> None:
    kiosk, qtbot = scene.kiosk, scene.qtbot
    _visitor_asks_and_staff_takes(scene)
    _share_started(scene)
    # Nobody touches the kiosk: help is on its way, so "Help is coming" first, and at
    # help_wait_s the warning, which ends the share.
    scene.idle.now += IDLE_S + 1
    scene.wait(lambda: kiosk.keeper.lifecycle.state is State.HELP_WAIT)
    assert scene.share.phase is Phase.SHARING
    # The supporter is helping now: the page stays in sight, not "Help is coming".
    assert not kiosk.help_wait.isVisible()
    scene.idle.now += HELP_WAIT_S
    scene.wait(lambda: kiosk.keeper.lifecycle.state is State.WARNING)
    assert scene.share.phase is Phase.IDLE
    assert not scene.share.banner.isVisible()
    scene.staff_status("Sharing stopped: nobody touched the kiosk for a while.")
    qtbot.mouseClick(kiosk.window.idle_warning.continue_button, Qt.MouseButton.LeftButton)
    scene.wait(lambda: kiosk.keeper.lifecycle.state is State.ACTIVE)

    # Shared again, then End session.
    _share_started(scene)
    qtbot.mouseClick(kiosk.window.top_bar.end, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(kiosk.wipe_finished, timeout=15000) as wiped:
        confirm_end_session(qtbot, kiosk)
    assert wiped.args[0].ok, wiped.args[0].failed
    assert not scene.share.banner.isVisible()
    assert scene.share.leftovers() == []
    scene.staff_status("Sharing stopped: the visitor ended the session.")


def test_the_wipe_and_closing_the_request_end_the_share(scene: Scene) -> None:
    kiosk = scene.kiosk
    _visitor_asks_and_staff_takes(scene)
    _share_started(scene)

    # Anna closes the request: the share ends with it.
    def close(page: Page) -> None:
        page.locator("#tab-queue").click()
        node = card(page, scene.request_id)
        node.get_by_role("button", name="Close").click()
        node.get_by_role("button", name="Done", exact=True).click()

    scene.on_page(close)
    scene.wait(lambda: scene.share.phase is Phase.IDLE)
    assert not scene.share.banner.isVisible()
    scene.on_page(lambda page: page.locator("#tab-screen").click())
    scene.staff_status("Sharing stopped: the request was closed.")

    # A new request, shared; the session is wiped (as a remote wipe would): it ends.
    scene.frames()
    scene.request_id = ask_for_help(scene.qtbot, kiosk)
    scene.take_request()
    scene.wait(lambda: scene.share.link.following == scene.request_id)
    _share_started(scene)
    with scene.qtbot.waitSignal(kiosk.wipe_finished, timeout=15000) as wiped:
        assert kiosk.keeper.end_session()
    assert wiped.args[0].ok, wiped.args[0].failed
    assert not scene.share.banner.isVisible()
    scene.staff_status("Sharing stopped: the session was erased.")

    # Staff of another centre get 403, from their own signed-in page.
    scene.seeded.store.add_centre("Vaasa")
    scene.seeded.accounts.add_staff(
        "cecilia", STAFF_PASSWORD, display_name="Cecilia", centres=["Vaasa"]
    )
    url, request_id = scene.server.url, scene.request_id

    def other_centre(sb: StaffBrowser) -> list[int]:
        assert sb.browser is not None
        context = sb.browser.new_context()
        page = context.new_page()
        sign_in(page, url, "cecilia")
        path = f"/api/v1/staff/requests/{request_id}/share"
        script = """async ([path, csrf]) => {
          const get = await fetch(path);
          const events = await fetch(path + '/events');
          const ask = await fetch(path, {method: 'POST', headers: {'X-CSRF-Token': csrf}});
          return [get.status, events.status, ask.status];
        }"""
        me = page.evaluate("fetch('/api/v1/staff/me').then((r) => r.json())")
        statuses: list[int] = page.evaluate(script, [path, me["csrf_token"]])
        context.close()
        return statuses

    assert scene.staff.run(scene.qtbot, other_centre) == [403, 403, 403]


def test_in_arabic_the_ring_lands_where_anna_points(scene: Scene) -> None:
    kiosk = scene.kiosk
    kiosk.session.preferences.set_language("ar")
    _visitor_asks_and_staff_takes(scene)
    scene.ask()
    scene.wait(scene.share.consent.isVisible)
    assert "\u2068Anna\u2069" in scene.share.consent.heading.text()
    save_screenshot(kiosk.window, "screen-share/kiosk-consent-ar")
    scene.answer(allow=True)
    scene.wait(scene.share.banner.isVisible)
    scene.wait_for_frames(lambda seen: seen)
    # The layout is mirrored: the guide's Next button is on the left now.
    next_button = kiosk.window.service.guide_panel.next_button
    assert _centre_of(next_button, kiosk.window).x() < kiosk.window.width() // 2
    _ring_lands_on(scene, next_button)
    save_screenshot(kiosk.window, "screen-share/kiosk-ring-ar")
    # And the help button, at the top on the left in Arabic.
    _ring_lands_on(scene, kiosk.window.top_bar.help)
    save_screenshot(kiosk.window, "screen-share/kiosk-banner-ar")


def test_no_answer_and_a_network_that_drops_end_cleanly(scene: Scene) -> None:
    _visitor_asks_and_staff_takes(scene)
    # The visitor never answers: the question goes away by itself.
    share_clock = IdleClock()
    scene.share.state.clock = share_clock
    scene.ask()
    scene.wait(scene.share.consent.isVisible)
    share_clock.now += ASK_TIMEOUT_S
    scene.wait(lambda: not scene.share.consent.isVisible())
    scene.staff_status("The visitor did not answer. Nothing was shared.")
    assert scene.frames() == []

    # Asked again a little later and allowed; then the network drops mid-share.
    scene.clock.advance(timedelta(seconds=ASK_AGAIN_AFTER_S + 1))
    _share_started(scene)
    scene.share.link.lost_after_s = 1.0
    scene.proxy.cut()
    scene.wait(lambda: scene.share.phase is Phase.IDLE, timeout=30000)
    assert not scene.share.banner.isVisible()
    # The help desk heard nothing more from the kiosk: it ends the share too.
    scene.clock.advance(timedelta(seconds=KIOSK_SILENCE_S + 1))
    scene.staff_status("Sharing stopped: the kiosk lost its connection.")
    scene.proxy.restore()
