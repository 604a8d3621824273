"""Help is on its way: the kiosk does not wipe at the normal idle timeout.

The whole path with a real help desk: a visitor asks for help from the kiosk's dialog,
a staff member takes the request ("about 3 minutes") and sends "please wait where you
are" through the staff API, and the visitor waits without touching the screen. The
session's clock is a fake one the test moves: at 3:00 the calm "Help is coming" screen
shows (the page kept underneath), at 4:00 (the old wipe) nothing is wiped, and only at
``session.help_wait_s`` does the warning come, then the wipe. End session still ends at
once.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk.app import KioskApp
from kiosk.helpdesk.client import pair
from kiosk.session.lifecycle import State
from kiosk.session.receipts import WipeReceipt
from tests.helpers.guides import service_guide
from tests.helpers.help_request import ask_for_help
from tests.helpers.helpdesk_fixtures import memory_secrets  # noqa: F401 - fixture
from tests.helpers.helpdesk_servers import STAFF_PASSWORD, LiveServer, seed
from tests.helpers.kiosk_fixtures import confirm_end_session
from tests.helpers.pages import wait_until_loaded
from tests.helpers.screens import save_screenshot
from tests.helpers.webserver import LocalServer
from tests.qt.conftest import MakeKiosk

pytestmark = [
    pytest.mark.e2e,
    # The kiosk's own chime plays at each step of the request: QtMultimedia probes for
    # video and sound libraries and a sound server a headless machine does not have.
    pytest.mark.qt_log_ignore(
        "PulseAudioService", "Couldn't load", "Couldn't resolve", "QSoundEffect: playback"
    ),
]

IDLE_S, WARNING_S, HELP_WAIT_S = 180, 60, 900


class FakeClock:
    def __init__(self) -> None:
        self.now = 10_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def server(tmp_path: Path) -> Iterator[LiveServer]:
    live = LiveServer(f"sqlite:///{tmp_path / 'helpdesk.sqlite3'}").start()
    yield live
    live.stop()


def _kiosk(
    make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer, server: LiveServer
) -> tuple[KioskApp, FakeClock]:
    seeded = seed(server.url, server.state.store)
    pair(server.url, seeded.store.create_pair_code(seeded.centre, "Olohuone"))
    web.route("/start", "<h1>Start</h1><input id='name'>")
    service_guide(tmp_path / "guides", web.base)
    kiosk = make_kiosk(
        tmp_path / "guides",
        helpdesk={"url": server.url},
        session={"idle_timeout_s": IDLE_S, "warning_s": WARNING_S, "help_wait_s": HELP_WAIT_S},
    )
    clock = FakeClock()
    kiosk.keeper.lifecycle.clock = clock
    kiosk.keeper.lifecycle.input()  # the visitor's last touch, on the fake clock
    return kiosk, clock


def _staff_takes_it(server: LiveServer, request_id: str) -> None:
    """Anna takes the request ("about 3 minutes") and asks the visitor to wait."""
    with httpx.Client(base_url=server.url, headers={"Origin": server.url}) as staff:
        staff.post(
            "/api/v1/staff/login", json={"username": "anna", "password": STAFF_PASSWORD}
        ).raise_for_status()
        csrf = staff.get("/api/v1/staff/me").json()["csrf_token"]
        headers = {"X-CSRF-Token": csrf}
        staff.post(
            f"/api/v1/staff/requests/{request_id}/take", json={"minutes": 3}, headers=headers
        ).raise_for_status()
        staff.post(
            f"/api/v1/staff/requests/{request_id}/message",
            json={"message": "Please wait where you are"},
            headers=headers,
        ).raise_for_status()


def _wait_for_state(qtbot: QtBot, kiosk: KioskApp, state: State) -> None:
    qtbot.waitUntil(lambda: kiosk.keeper.lifecycle.state is state, timeout=5000)


def test_no_wipe_while_help_is_coming_until_the_long_limit(
    qtbot: QtBot,
    make_kiosk: MakeKiosk,
    tmp_path: Path,
    web: LocalServer,
    server: LiveServer,
) -> None:
    kiosk, clock = _kiosk(make_kiosk, tmp_path, web, server)
    kiosk.open_guide("test-service")
    view = kiosk.window.service.view
    assert view is not None
    wait_until_loaded(qtbot, view, "/start")
    request_id = ask_for_help(qtbot, kiosk)
    _staff_takes_it(server, request_id)
    qtbot.waitUntil(
        lambda: (
            kiosk.helpdesk.current is not None
            and kiosk.helpdesk.current.message == "Please wait where you are"
        ),
        timeout=20000,
    )
    assert kiosk.keeper.lifecycle.help_pending
    wipes: list[WipeReceipt] = []
    kiosk.wipe_finished.connect(wipes.append)
    screen = kiosk.help_wait
    warning = kiosk.window.idle_warning

    # 3:00 without a touch: "Help is coming", not "Are you still there?".
    clock.now += IDLE_S
    _wait_for_state(qtbot, kiosk, State.HELP_WAIT)
    assert screen.isVisible() and not warning.isVisible()
    assert "Please wait where you are" in screen.detail.text()
    assert "3" in screen.headline.text()  # "in about 3 minutes"
    # The visitor's page is kept underneath, End session in reach above.
    assert kiosk.window.service.view is view
    assert kiosk.window.top_bar.end.isVisible()
    save_screenshot(kiosk.window, "help/help-is-coming")

    # 4:00 (the old wipe) and 14:59: still waiting, nothing wiped.
    clock.now += WARNING_S + 1
    kiosk.keeper.lifecycle.tick()  # what the keeper's timer does, now
    assert kiosk.keeper.lifecycle.state is State.HELP_WAIT and wipes == []
    clock.now += HELP_WAIT_S - IDLE_S - WARNING_S - 2
    kiosk.keeper.lifecycle.tick()
    assert kiosk.keeper.lifecycle.state is State.HELP_WAIT and wipes == []

    # The long limit: the warning, then the wipe (the request closes as "visitor left").
    clock.now += 1
    _wait_for_state(qtbot, kiosk, State.WARNING)
    assert warning.isVisible() and not screen.isVisible()
    with qtbot.waitSignal(kiosk.wipe_finished, timeout=15000) as blocker:
        clock.now += WARNING_S
    receipt = blocker.args[0]
    assert isinstance(receipt, WipeReceipt)
    assert receipt.ok, receipt.failed
    assert receipt.reason == "timeout"
    assert not screen.isVisible() and screen.status is None
    assert not kiosk.keeper.lifecycle.help_pending


def test_back_to_the_page_cancel_and_end_session_from_the_help_wait(
    qtbot: QtBot,
    make_kiosk: MakeKiosk,
    tmp_path: Path,
    web: LocalServer,
    server: LiveServer,
) -> None:
    kiosk, clock = _kiosk(make_kiosk, tmp_path, web, server)
    kiosk.open_guide("test-service")
    ask_for_help(qtbot, kiosk)
    screen = kiosk.help_wait
    clock.now += IDLE_S
    _wait_for_state(qtbot, kiosk, State.HELP_WAIT)
    # "Back to my page": the page again, the request still open.
    qtbot.mouseClick(screen.back_button, Qt.MouseButton.LeftButton)
    _wait_for_state(qtbot, kiosk, State.ACTIVE)
    assert not screen.isVisible() and kiosk.keeper.lifecycle.help_pending
    # Waiting again; "I don't need help any more" asks, then cancels.
    clock.now += IDLE_S
    _wait_for_state(qtbot, kiosk, State.HELP_WAIT)
    qtbot.mouseClick(screen.cancel_button, Qt.MouseButton.LeftButton)
    assert screen.confirm_yes.isVisible() and kiosk.keeper.lifecycle.state is State.HELP_WAIT
    save_screenshot(kiosk.window, "help/help-is-coming-cancel")
    qtbot.mouseClick(screen.confirm_yes, Qt.MouseButton.LeftButton)
    _wait_for_state(qtbot, kiosk, State.ACTIVE)
    qtbot.waitUntil(
        lambda: kiosk.helpdesk.current is not None and kiosk.helpdesk.current.is_final,
        timeout=20000,
    )
    assert not kiosk.keeper.lifecycle.help_pending
    # A new request, waiting again: End session (in reach above the screen) ends at once.
    qtbot.mouseClick(kiosk.helpdesk.status_banner().ok_button, Qt.MouseButton.LeftButton)
    ask_for_help(qtbot, kiosk)
    clock.now += IDLE_S
    _wait_for_state(qtbot, kiosk, State.HELP_WAIT)
    qtbot.mouseClick(kiosk.window.top_bar.end, Qt.MouseButton.LeftButton)
    assert kiosk.window.end_confirm.isVisible()
    with qtbot.waitSignal(kiosk.wipe_finished, timeout=15000) as blocker:
        confirm_end_session(qtbot, kiosk)
    receipt = blocker.args[0]
    assert isinstance(receipt, WipeReceipt)
    assert receipt.ok and receipt.reason == "end-button"
