"""Remote commands end to end: a kiosk paired with ``kiosk pair``, the staff page in a
real Chromium, and the kiosk itself (in this process). Staff read the kiosk's one-time
code on the page and unlock admin mode with it; staff send "erase the session" and the
visitor at the kiosk sees a 10-second notice first; "out of order" covers the kiosk; the
result of each command shows on the page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk.app import KioskApp
from kiosk.cli import main
from kiosk.helpdesk.remote import CommandPoller
from kiosk.session.lifecycle import State
from tests.helpers import chromium
from tests.helpers.guides import service_guide
from tests.helpers.helpdesk_servers import REPO, STAFF_PASSWORD, LiveServer, Seeded, wait_until
from tests.helpers.pages import wait_until_loaded
from tests.helpers.webserver import LocalServer
from tests.qt.conftest import MakeKiosk

pytestmark = pytest.mark.e2e

SHOTS = REPO / "test-artifacts" / "admin"
# The Kiosks view asks every 3 s; a loaded machine may miss a round or two.
REFRESHED_MS = 15000


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = chromium.launch(playwright)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser, seeded: Seeded) -> Iterator[Page]:
    context = browser.new_context(
        viewport={"width": 1280, "height": 900},
        locale="en-GB",
        extra_http_headers={"Accept-Language": "en-GB,en;q=0.9"},
    )
    opened = context.new_page()
    opened.goto(f"{seeded.url}/staff/")
    opened.fill("#username", "anna")
    opened.fill("#password", STAFF_PASSWORD)
    opened.click("#login-form button[type=submit]")
    expect(opened.locator("#app")).to_be_visible()
    yield opened
    context.close()


@pytest.fixture
def kiosk(
    *,
    # The help desk and the browser first: they are torn down after the kiosk.
    seeded: Seeded,
    browser: Browser,
    qtbot: QtBot,
    make_kiosk: MakeKiosk,
    tmp_path: Path,
    web: LocalServer,
    capsys: pytest.CaptureFixture[str],
) -> KioskApp:
    code = seeded.store.create_pair_code(seeded.centre, "Common room")
    assert main(["pair", seeded.url, code]) == 0
    said = capsys.readouterr().out
    assert "unlock the admin view with the code the staff page shows" in said
    web.route("/start", "<h1>Start</h1>")
    service_guide(tmp_path / "guides", web.base)
    made = make_kiosk(tmp_path / "guides", helpdesk={"url": seeded.url})
    # The test's own Chromium (and Playwright's driver) are children of this process too:
    # the wipe must not take them for a program a page started.
    made.keeper.allowed_processes.update(
        p.name() for p in psutil.Process().children(recursive=True)
        if "QtWebEngine" not in p.name() and p.pid != made.speaker.pid
    )  # fmt: skip
    assert made.remote.poller is not None
    qtbot.waitUntil(lambda: made.helpdesk.online is True, timeout=20000)
    return made


def _fetch(qtbot: QtBot, kiosk: KioskApp, count: int) -> None:
    """The kiosk asks now rather than at its next 10-second round."""
    poller = kiosk.remote.poller
    assert poller is not None
    poller.poll_now()
    qtbot.waitUntil(lambda: poller.fetched >= count, timeout=20000)


@pytest.fixture
def carried(kiosk: KioskApp) -> list[int]:
    """The ids of the commands the kiosk has carried out, in order."""
    ids: list[int] = []
    kiosk.remote.finished.connect(lambda command_id, _state: ids.append(command_id))
    return ids


def _reported(qtbot: QtBot, kiosk: KioskApp, carried: list[int], count: int) -> None:
    """The kiosk has carried out ``count`` commands and the help desk has their results.

    Fetched is not carried out: the command reaches the kiosk's window by a queued signal,
    so "nothing running, nothing unsent" can hold for a moment before it even starts."""
    poller = kiosk.remote.poller
    assert poller is not None
    qtbot.waitUntil(lambda: len(carried) >= count, timeout=20000)
    poller.poll_now()
    qtbot.waitUntil(lambda: not poller.results.exists(), timeout=20000)


def _send(page: Page, command: str) -> None:
    card = page.locator("li.fleet-kiosk").first
    card.locator(f"button[data-command='{command}']").click()
    card.locator(f"button[data-send='{command}']").click()
    expect(card.locator(".fleet-note")).to_contain_text("Sent")


def test_staff_unlock_with_the_code_from_the_page_and_command_the_kiosk(
    qtbot: QtBot, kiosk: KioskApp, page: Page, live: LiveServer, carried: list[int]
) -> None:
    # The Kiosks view: the paired kiosk, online, with its health.
    page.click("#tab-kiosks")
    card = page.locator("li.fleet-kiosk").first
    expect(card.locator(".fleet-name")).to_have_text("Common room")
    expect(card.locator(".fleet-state")).to_have_text("online")
    # The heartbeat carries the admin panel's health in summary.
    facts = card.locator(".fleet-facts")
    expect(facts).to_contain_text("help request(s) waiting")
    expect(facts).to_contain_text("MB free")
    expect(facts).to_contain_text("browser")
    expect(facts).to_contain_text("admin PIN not protected")  # a development checkout

    # Staff read the one-time code on the page and type it on the kiosk.
    card.locator("button[data-show-code]").click()
    expect(card.locator(".fleet-code")).to_contain_text("Admin code")
    code = card.locator(".fleet-code").get_attribute("data-code")
    assert code is not None and len(code) == 6
    page.screenshot(path=SHOTS / "staff-kiosks.png", full_page=True)
    kiosk.admin.request_unlock()
    qtbot.keyClicks(kiosk.admin.pad.input, code)
    with qtbot.waitSignal(kiosk.admin.unlocked, timeout=15000):
        kiosk.admin.pad.submit()
    with qtbot.waitSignal(kiosk.wipe_finished, timeout=15000):
        kiosk.admin.panel.lock_button.click()

    # A visitor is on a page; staff erase the session: the visitor is told first.
    qtbot.mouseClick(kiosk.window.attract, Qt.MouseButton.LeftButton)
    kiosk.open_guide("test-service")
    assert kiosk.window.service.view is not None
    wait_until_loaded(qtbot, kiosk.window.service.view, "/start")
    _send(page, "wipe")
    _fetch(qtbot, kiosk, 1)
    notice = kiosk.remote.notice
    qtbot.waitUntil(notice.isVisible)
    assert notice.objectName() == "staff-notice"
    assert notice.heading.text() == "Henkilökunta lopettaa tämän istunnon 10 s kuluttua."
    assert kiosk.keeper.lifecycle.state is State.ACTIVE  # nothing happened yet
    for left in range(9, 0, -1):
        kiosk.remote.tick()  # the notice's clock, one second at a time
        assert str(left) in notice.heading.text()
        assert kiosk.keeper.lifecycle.state is State.ACTIVE
    with qtbot.waitSignal(kiosk.remote.finished, timeout=15000) as finished:
        kiosk.remote.tick()
    assert finished.args[1] == "done"
    assert not notice.isVisible()
    assert kiosk.keeper.lifecycle.state is State.ATTRACT
    _reported(qtbot, kiosk, carried, 1)
    done = card.locator(".fleet-commands li").first
    expect(done).to_have_attribute("data-state", "done", timeout=REFRESHED_MS)
    expect(done).to_contain_text("the session was erased")

    # Between visitors: out of order at once, and off again.
    _send(page, "out-of-order-on")
    _fetch(qtbot, kiosk, 2)
    qtbot.waitUntil(kiosk.remote.out_of_order.isVisible, timeout=10000)
    assert kiosk.remote.out_of_order.objectName() == "out-of-order-screen"
    assert not notice.isVisible()  # nobody to tell
    _reported(qtbot, kiosk, carried, 2)
    expect(card.locator(".fleet-badge")).to_have_text("OUT OF ORDER")
    page.screenshot(path=SHOTS / "staff-kiosks-out-of-order.png", full_page=True)
    expect(card.locator(".fleet-commands li").first).to_have_attribute(
        "data-state", "done", timeout=REFRESHED_MS
    )
    _send(page, "out-of-order-off")
    _fetch(qtbot, kiosk, 3)
    qtbot.waitUntil(lambda: not kiosk.remote.out_of_order.isVisible(), timeout=10000)

    # The PC cannot be restarted by the kiosk's user: said plainly, as failed.
    _send(page, "reboot")
    _fetch(qtbot, kiosk, 4)
    _reported(qtbot, kiosk, carried, 4)
    failed = card.locator(".fleet-commands li").first
    expect(failed).to_have_attribute("data-state", "failed", timeout=REFRESHED_MS)
    expect(failed).to_contain_text("may not restart the computer")
    page.screenshot(path=SHOTS / "staff-kiosks-commands.png", full_page=True)


def test_a_restart_is_reported_by_the_restarted_kiosk(
    qtbot: QtBot, kiosk: KioskApp, page: Page, monkeypatch: pytest.MonkeyPatch, seeded: Seeded
) -> None:
    poller = kiosk.remote.poller
    assert poller is not None
    exits: list[tuple[int, bool]] = []

    def exit_now(code: int) -> None:
        poller.stop()  # the process ends here: its threads with it
        exits.append((code, poller.results.exists()))

    monkeypatch.setattr(kiosk.qapp, "exit", exit_now)
    page.click("#tab-kiosks")
    _send(page, "restart")
    _fetch(qtbot, kiosk, 1)
    # A visitor is here (the attract screen was touched): told first.
    qtbot.waitUntil(kiosk.remote.notice.isVisible)
    assert "käynnistää tämän tietokoneen uudelleen 10 s" in kiosk.remote.notice.heading.text()
    for _ in range(10):
        assert exits == []
        kiosk.remote.tick()
    qtbot.waitUntil(lambda: bool(exits), timeout=10000)
    assert exits[0][0] == 79
    assert kiosk.keeper.lifecycle.state is State.ATTRACT  # the visit was wiped first
    # The result was kept on disk before the exit (or already delivered): the next kiosk
    # sends what is left at its first round.
    restarted = CommandPoller(seeded.url, lambda _order: None, results=poller.results)
    restarted.start()
    try:
        wait_until(lambda: not poller.results.exists(), 20, "the result to be sent")
    finally:
        restarted.stop()
    done = page.locator(".fleet-commands li").first
    expect(done).to_have_attribute("data-state", "done", timeout=REFRESHED_MS)
    expect(done).to_contain_text("the kiosk restarted")
