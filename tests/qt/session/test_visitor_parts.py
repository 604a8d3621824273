"""Every visitor part's check can fail.

For each registered part: visitor A leaves something in it; the part's own check sees
it; a normal wipe removes it (the receipt is clean); visitor B leaves it again, the part's
reset is sabotaged, and the wipe fails naming that part, and the kiosk asks for a clean
restart (exit 75). A part registered without a planter here fails the first test.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import psutil
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap, QPixmapCache
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk.app import EXIT_WIPE_FAILED, KioskApp
from kiosk.session.receipts import WipeReceipt
from kiosk.shell.rooms.notices import Notice
from tests.helpers.cups import PdfQueue
from tests.helpers.guides import service_guide
from tests.helpers.lockdown_site import pdf_bytes
from tests.helpers.pages import wait_until_loaded
from tests.helpers.webserver import LocalServer
from tests.qt.conftest import MakeKiosk

Planter = Callable[[QtBot, KioskApp], None]


def _open_guide(qtbot: QtBot, kiosk: KioskApp) -> None:
    kiosk.open_guide("test-service")
    view = kiosk.window.service.view
    assert view is not None
    wait_until_loaded(qtbot, view, "/start")


def _plant_admin(qtbot: QtBot, kiosk: KioskApp) -> None:
    # Staff unlock with the PIN and type into the settings, then walk away.
    kiosk.verifier.set_pin("482915")  # type: ignore[attr-defined]
    kiosk.admin.request_unlock()
    qtbot.keyClicks(kiosk.admin.pad.input, "482915")
    with qtbot.waitSignal(kiosk.admin.unlocked, timeout=15000):
        kiosk.admin.pad.submit()
    kiosk.admin.panel.show_tab("settings")
    qtbot.keyClicks(kiosk.admin.panel.settings.fields["helpdesk.centre_phone"], "040 555 0199")


def _plant_help_desk(qtbot: QtBot, kiosk: KioskApp) -> None:
    _open_guide(qtbot, kiosk)  # the request would carry the guide and step
    assert kiosk.helpdesk.open_dialog(kiosk.window, "test-service", 1) is not None


def _plant_screen_share(qtbot: QtBot, kiosk: KioskApp) -> None:
    # A supporter asks to see the screen: the question is on the screen.
    kiosk.screen_share.receive("share", {"id": "share-1", "state": "asked", "supporter": "Anna"})
    assert kiosk.screen_share.consent.isVisible()


def _plant_rooms(qtbot: QtBot, kiosk: KioskApp) -> None:
    _open_guide(qtbot, kiosk)
    kiosk.safe_rooms.notice.show_notice(Notice.DOCUMENT_SAVED, "hakemus.pdf")


def _plant_window(qtbot: QtBot, kiosk: KioskApp) -> None:
    kiosk.window.end_confirm.popup()


def _plant_choices(qtbot: QtBot, kiosk: KioskApp) -> None:
    kiosk.session.preferences.set_language("sv")
    kiosk.session.preferences.bigger_text()


def _plant_speech(qtbot: QtBot, kiosk: KioskApp) -> None:
    assert kiosk.speaker.say("Paina Kirjaudu.", "fi")


def _plant_practice(qtbot: QtBot, kiosk: KioskApp) -> None:
    assert kiosk.practice is not None
    kiosk.practice.visitors.get(None)


def _plant_window_of_its_own(qtbot: QtBot, kiosk: KioskApp) -> None:
    stray = QWidget()
    stray.setObjectName("stray-window")
    stray.show()
    _WINDOWS.append(stray)  # kept alive as a page's leftover window would be


def _plant_clipboard(qtbot: QtBot, kiosk: KioskApp) -> None:
    QApplication.clipboard().setText("copied by the visitor")


VISITORS_PICTURE = "the visitor's thumbnail"


def _plant_picture(qtbot: QtBot, kiosk: KioskApp) -> None:
    # What Qt drew of the visitor's (a thumbnail of their file) stays in its cache after
    # the label that showed it is gone; a named entry stands for it, to be looked for.
    picture = QPixmap(300, 200)
    picture.fill(Qt.GlobalColor.darkBlue)
    shown = QLabel()
    shown.setPixmap(picture)
    shown.resize(120, 80)
    shown.grab()  # drawn, at another size than the picture's own
    QPixmapCache.insert(VISITORS_PICTURE, picture)


def _plant_session_file(qtbot: QtBot, kiosk: KioskApp) -> None:
    # Where the visitor's browser saves their downloads (made at its first use).
    (kiosk.session.browser.downloads.folder / "statement.pdf").write_bytes(b"%PDF-1.4")


def _plant_stats(qtbot: QtBot, kiosk: KioskApp) -> None:
    # The session's events (a guide opened) and the end-of-session question on screen.
    _open_guide(qtbot, kiosk)
    assert kiosk.stats_store.journal_size() > 0
    assert kiosk.outcome_question is not None
    kiosk.outcome_question.popup()


def _plant_print_job(qtbot: QtBot, kiosk: KioskApp) -> None:
    # The printer is off: the visitor's page waits in the queue (the test's own CUPS).
    queue = _QUEUES[-1]
    queue.stop_printer()
    page = kiosk.session.folder / "page.pdf"
    page.write_bytes(pdf_bytes(1))
    queue.server.lp("lp", "-d", queue.name, str(page))
    qtbot.waitUntil(lambda: len(queue.jobs("not-completed")) == 1, timeout=15000)


_QUEUES: list[PdfQueue] = []
_STRAYS: list[subprocess.Popen[bytes]] = []
_WINDOWS: list[QWidget] = []


def _plant_process(qtbot: QtBot, kiosk: KioskApp) -> None:
    # e.g. a program a page managed to start
    _STRAYS.append(subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"]))


PLANTERS: dict[str, Planter] = {
    "admin": _plant_admin,
    "help-desk": _plant_help_desk,
    "screen-share": _plant_screen_share,
    "rooms": _plant_rooms,
    "service": _open_guide,
    "window": _plant_window,
    "choices": _plant_choices,
    "speech": _plant_speech,
    "print-queue": _plant_print_job,
    "practice-site": _plant_practice,
    "stats": _plant_stats,
    "windows": _plant_window_of_its_own,
    "clipboard": _plant_clipboard,
    "picture-cache": _plant_picture,
    "browser": _open_guide,
    "session-folder": _plant_session_file,
    "processes": _plant_process,
}


@pytest.fixture
def kiosk(
    make_kiosk: MakeKiosk,
    tmp_path: Path,
    web: LocalServer,
    cups_queue: PdfQueue,
) -> Iterator[KioskApp]:
    _QUEUES.append(cups_queue)
    web.route("/start", "<h1>Start</h1>")
    service_guide(tmp_path / "guides", web.base)
    made = make_kiosk(tmp_path / "guides")
    made.restart_on_wipe_failure = True
    yield made
    for stray in _STRAYS:
        stray.kill()
        stray.wait()
    _STRAYS.clear()
    _WINDOWS.clear()
    _QUEUES.clear()


def _wipe(qtbot: QtBot, kiosk: KioskApp) -> WipeReceipt:
    with qtbot.waitSignal(kiosk.wipe_finished, timeout=15000) as blocker:
        assert kiosk.keeper.end_session()
    receipt = blocker.args[0]
    assert isinstance(receipt, WipeReceipt)
    return receipt


def test_every_registered_part_has_a_planter(kiosk: KioskApp) -> None:
    assert set(kiosk.keeper.parts.names) == set(PLANTERS)


@pytest.mark.parametrize("name", list(PLANTERS))
def test_a_part_whose_reset_is_sabotaged_fails_the_wipe(
    qtbot: QtBot, kiosk: KioskApp, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    exits: list[int] = []
    monkeypatch.setattr(kiosk.qapp, "exit", exits.append)
    part = kiosk.keeper.parts.get(name)

    # Visitor A leaves something in the part; its check sees it; the wipe removes it.
    PLANTERS[name](qtbot, kiosk)
    assert part.verify(), f"{name}: the planted state is not seen by the part's check"
    receipt = _wipe(qtbot, kiosk)
    assert receipt.ok, receipt.failed
    assert exits == []

    # Visitor B leaves it again, and this time the part does not let go.
    kiosk.keeper.start_visit()
    PLANTERS[name](qtbot, kiosk)
    monkeypatch.setattr(part, "reset", lambda: None)
    receipt = _wipe(qtbot, kiosk)
    assert name in receipt.failed
    assert not receipt.ok
    assert exits == [EXIT_WIPE_FAILED]
    # The receipt names parts, never what was found in them.
    assert "hakemus" not in receipt.to_json()
    assert "copied" not in receipt.to_json()


def test_a_stray_process_is_ended_by_the_wipe(qtbot: QtBot, kiosk: KioskApp) -> None:
    _plant_process(qtbot, kiosk)
    pid = _STRAYS[-1].pid
    receipt = _wipe(qtbot, kiosk)
    assert receipt.checks["processes"]
    assert _STRAYS[-1].poll() is not None or not psutil.pid_exists(pid)


def test_the_pictures_qt_kept_of_a_visitor_are_gone_after_the_wipe(
    qtbot: QtBot, kiosk: KioskApp
) -> None:
    for _visitor in range(2):  # the check is clean again for the next visitor's wipe
        kiosk.keeper.start_visit()
        _plant_picture(qtbot, kiosk)
        assert QPixmapCache.find(VISITORS_PICTURE, QPixmap())
        receipt = _wipe(qtbot, kiosk)
        assert receipt.checks["picture-cache"], receipt.failed
        assert not QPixmapCache.find(VISITORS_PICTURE, QPixmap())
