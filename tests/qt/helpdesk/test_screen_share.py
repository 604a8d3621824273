"""The kiosk's side of a screen share, with the real kiosk and a stand-in for its line to
the help desk: what the visitor is asked and shown, what goes out (and when not), the
time limit, and what the pictures hide."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from kiosk.app import KioskApp
from kiosk.helpdesk.qt.share.capture import CARD_BACKGROUND, FIELD_MASK, to_jpeg
from kiosk.helpdesk.share_link import Picture
from kiosk.helpdesk.share_model import (
    ASK_TIMEOUT_S,
    MAX_DURATION_S,
    MAX_FRAME_BYTES,
    RENEW_OFFER_S,
    EndReason,
    Pause,
    Phase,
)
from tests.helpers.guides import service_guide, small_guide
from tests.helpers.idle_clock import IdleClock
from tests.helpers.pages import wait_until_loaded
from tests.helpers.screens import save_screenshot
from tests.helpers.webserver import LocalServer, serve
from tests.qt.conftest import MakeKiosk

pytestmark = pytest.mark.qt_log_ignore(
    "PulseAudioService", "Couldn't load", "Couldn't resolve", "QSoundEffect: playback"
)


class FakeLink:
    """Records what the kiosk would tell the help desk."""

    def __init__(self) -> None:
        self.calls: list[tuple[Any, ...]] = []
        self.pictures: list[Picture] = []
        self.following: str | None = None
        self.busy = False

    def follow(self, request_id: str | None) -> None:
        self.following = request_id

    def answer(self, share_id: str, allow: bool) -> None:
        self.calls.append(("answer", share_id, allow))

    def renew(self, share_id: str) -> None:
        self.calls.append(("renew", share_id))

    def stop(self, share_id: str, reason: EndReason) -> None:
        self.calls.append(("stop", share_id, reason))

    def send_picture(self, picture: Picture) -> None:
        self.pictures.append(picture)

    def flush(self, timeout: float) -> bool:
        return True

    def close(self) -> None:
        pass


@pytest.fixture
def kiosk(
    make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer, qtbot: QtBot
) -> Iterator[KioskApp]:
    web.route("/start", "<h1>Start</h1><p>A page.</p>")
    service_guide(tmp_path / "guides", web.base)
    made = make_kiosk(tmp_path / "guides")
    made.window.resize(1024, 768)
    made.session.preferences.set_language("en")
    made.screen_share.link = FakeLink()  # type: ignore[assignment]
    made.open_guide("test-service")
    view = made.window.service.view
    assert view is not None
    wait_until_loaded(qtbot, view, "/start")
    yield made


def _asked(kiosk: KioskApp, share_id: str = "s1") -> None:
    kiosk.screen_share.receive("share", {"id": share_id, "state": "asked", "supporter": "Anna"})


def _allowed(qtbot: QtBot, kiosk: KioskApp, share_id: str = "s1") -> FakeLink:
    _asked(kiosk, share_id)
    share = kiosk.screen_share
    assert share.consent.isVisible()
    qtbot.mouseClick(share.consent.allow_button, Qt.MouseButton.LeftButton)
    link = share.link
    assert isinstance(link, FakeLink)
    return link


def test_no_shares_nothing(qtbot: QtBot, kiosk: KioskApp) -> None:
    share = kiosk.screen_share
    with qtbot.waitSignal(kiosk.speaker.speaking_changed) as reading:
        _asked(kiosk)  # the question is read aloud (an English voice exists)
    assert reading.args == [True]
    assert kiosk.speaker.can_speak("en")
    qtbot.mouseClick(share.consent.deny_button, Qt.MouseButton.LeftButton)
    assert not kiosk.speaker.speaking  # answered: the reading stops
    link = share.link
    assert isinstance(link, FakeLink)
    assert link.calls == [("answer", "s1", False)]
    assert share.phase is Phase.IDLE
    assert not share.banner.isVisible()
    share.receive("point", {"share_id": "s1", "x": 0.5, "y": 0.5})
    assert not share.ring.isVisible()
    assert link.pictures == []
    # The same question again (a stream that reconnected) is not asked twice.
    _asked(kiosk)
    assert not share.consent.isVisible()


def test_allow_sends_pictures_until_stop(qtbot: QtBot, kiosk: KioskApp) -> None:
    link = _allowed(qtbot, kiosk)
    share = kiosk.screen_share
    assert link.calls == [("answer", "s1", True)]
    assert share.banner.isVisible()
    qtbot.waitUntil(lambda: bool(link.pictures))
    first = link.pictures[0]
    assert (first.share_id, first.width, first.height, first.paused) == (
        "s1",
        1024,
        768,
        Pause.NONE,
    )
    picture = QImage.fromData(first.jpeg, "JPG")
    assert picture.width() == 1024
    # A second supporter's question while sharing is not shown.
    _asked(kiosk, "s2")
    assert not share.consent.isVisible()
    qtbot.mouseClick(share.banner.stop_button, Qt.MouseButton.LeftButton)
    assert link.calls[-1] == ("stop", "s1", EndReason.VISITOR)
    assert not share.banner.isVisible()
    # Nothing is left that could take or send another picture.
    assert not share.capture_running
    assert not share.encoder.holds_a_picture
    assert share.leftovers() == ["the last visitor's screen shares are still remembered"]


def test_pointing_and_steps_only_while_sharing(qtbot: QtBot, kiosk: KioskApp) -> None:
    share = kiosk.screen_share
    _asked(kiosk)
    share.receive("point", {"share_id": "s1", "x": 0.5, "y": 0.5})
    share.receive("step", {"share_id": "s1", "step": 2})
    assert not share.ring.isVisible()
    progress = kiosk.session.guide_progress
    assert progress is not None and progress.step_index is None
    qtbot.mouseClick(share.consent.allow_button, Qt.MouseButton.LeftButton)
    share.receive("point", {"share_id": "other", "x": 0.5, "y": 0.5})  # not this share
    assert not share.ring.isVisible()
    share.receive("point", {"share_id": "s1", "x": 0.25, "y": 0.5})
    assert share.ring.isVisible()
    assert share.ring.centre == QPoint(256, 384)
    share.receive("step", {"share_id": "s1", "step": 2})
    assert progress.step_index == 1
    share.receive("step", {"share_id": "s1", "step": 99})  # the guide has three
    assert progress.step_index == 1
    # Malformed messages are ignored, never a crash.
    share.receive("point", {"share_id": "s1", "x": "left"})
    share.receive("point", {"share_id": "s1", "x": 7, "y": 0.5})
    share.receive("share", {"state": "asked"})
    share.receive("step", "4")
    assert share.phase is Phase.SHARING


def test_unanswered_question_and_the_time_limit(qtbot: QtBot, kiosk: KioskApp) -> None:
    share = kiosk.screen_share
    clock = IdleClock()
    share.state.clock = clock
    _asked(kiosk)
    clock.now += ASK_TIMEOUT_S
    qtbot.waitUntil(lambda: not share.consent.isVisible())
    link = share.link
    assert isinstance(link, FakeLink)
    assert link.calls == [("stop", "s1", EndReason.NO_ANSWER)]

    _allowed(qtbot, kiosk, "s2")
    clock.now += MAX_DURATION_S - RENEW_OFFER_S
    qtbot.waitUntil(share.banner.keep_button.isVisible)
    assert "2 min" in share.banner.detail.text()
    save_screenshot(kiosk.window, "screen-share/kiosk-banner-keep-en")
    qtbot.mouseClick(share.banner.keep_button, Qt.MouseButton.LeftButton)
    assert link.calls[-1] == ("renew", "s2")
    assert not share.banner.keep_button.isVisible()
    clock.now += MAX_DURATION_S
    qtbot.waitUntil(lambda: share.phase is Phase.IDLE)
    assert link.calls[-1] == ("stop", "s2", EndReason.TIME_LIMIT)
    assert not share.banner.isVisible()


def test_the_help_desk_ending_it_and_a_share_never_allowed_here(
    qtbot: QtBot, kiosk: KioskApp
) -> None:
    link = _allowed(qtbot, kiosk)
    share = kiosk.screen_share
    share.receive("share", {"id": "s1", "state": "ended", "end_reason": "supporter"})
    assert share.phase is Phase.IDLE
    assert not share.banner.isVisible()
    # A share the help desk thinks is active, which this kiosk never allowed (it was
    # restarted meanwhile): ended, never shown.
    share.receive("share", {"id": "s9", "state": "active", "supporter": "Anna"})
    assert link.calls[-1] == ("stop", "s9", EndReason.NETWORK)
    assert share.phase is Phase.IDLE and not share.banner.isVisible()


def test_the_pictures_hide_the_web_area_and_sensitive_fields(qtbot: QtBot, kiosk: KioskApp) -> None:
    grabber = kiosk.screen_share.grabber
    view = kiosk.window.service.view
    assert view is not None
    guide = kiosk.window.service.guide_panel

    def laid_out() -> bool:  # the window's new size and language are laid out
        window = kiosk.window
        view_rect = QRect(view.mapTo(window, QPoint(0, 0)), view.size())
        guide_rect = QRect(guide.mapTo(window, QPoint(0, 0)), guide.size())
        return not view_rect.intersects(guide_rect) and view.isVisible()

    qtbot.waitUntil(laid_out)
    inside = view.mapTo(kiosk.window, view.rect().center())
    beside = guide.mapTo(kiosk.window, QPoint(guide.width() // 2, 12))
    for pause in (Pause.IDENTIFICATION, Pause.PASSWORD):
        image = grabber.grab({view: pause})
        assert image.size() == kiosk.window.size()
        assert image.pixelColor(inside) == QColor(CARD_BACKGROUND), pause
        assert image.pixelColor(beside) != QColor(CARD_BACKGROUND)  # the guide is seen
    plain = grabber.grab({view: Pause.NONE})
    assert plain.pixelColor(inside) != QColor(CARD_BACKGROUND)

    # The help dialog, a window of its own, is in the picture; its phone field is not.
    dialog = kiosk.helpdesk.open_dialog(kiosk.window)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialog.phone_input.setText("0401234567")
    image = grabber.grab({})
    field = dialog.phone_input
    corner = field.mapTo(dialog, QPoint(0, 0))
    assert image.pixelColor(corner + QPoint(field.width() // 2, field.height() // 2)) == QColor(
        FIELD_MASK
    )
    title = dialog.heading.mapTo(dialog, QPoint(2, dialog.heading.height() // 2))
    shot = dialog.grab().toImage()
    assert image.pixelColor(title) == shot.pixelColor(title)
    dialog.reject()


def test_the_on_screen_keyboard_is_never_in_the_picture(qtbot: QtBot, kiosk: KioskApp) -> None:
    """Its keys light up as they are pressed: a password typed on it would be seen. A
    stand-in with the keyboard's objectName, painted a colour nothing else has, is
    covered in every picture (the real keyboard needs a process of its own)."""
    keys = QLabel(kiosk.window)
    keys.setObjectName("on-screen-keyboard")
    keys.setAutoFillBackground(True)
    keys.setStyleSheet("background: #FF00FF")
    keys.setGeometry(0, kiosk.window.height() - 200, kiosk.window.width(), 200)
    keys.show()
    qtbot.waitUntil(keys.isVisible)
    middle = keys.mapTo(kiosk.window, keys.rect().center())
    assert kiosk.window.grab().toImage().pixelColor(middle) == QColor("#FF00FF")
    image = kiosk.screen_share.grabber.grab({})
    colours = {
        image.pixelColor(x, y).name()
        for x in range(0, keys.width(), 16)
        for y in range(middle.y() - 90, middle.y() + 90, 16)
    }
    assert colours == {QColor(FIELD_MASK).name()}
    keys.deleteLater()


def test_a_large_picture_is_made_to_fit() -> None:
    noisy = QImage(1024, 768, QImage.Format.Format_RGB32)
    for y in range(768):
        for x in range(0, 1024, 4):
            noisy.setPixel(x, y, (x * 7919 + y * 104729) & 0xFFFFFF)
    data = to_jpeg(noisy, limit=MAX_FRAME_BYTES // 8)
    assert data.startswith(b"\xff\xd8\xff")
    assert len(data) <= MAX_FRAME_BYTES // 8


def test_a_guides_sensitive_hosts_are_hidden(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer
) -> None:
    web.route("/start", "<h1>Start</h1>")
    with serve() as payments:
        payments.route("/pay", "<h1>Pay</h1>")
        own, pay = (f"http://{s.base.split('://')[1]}" for s in (web, payments))
        small_guide(
            tmp_path / "guides",
            web.url("/start"),
            [own, pay],
            extra=f'sensitive_hosts: ["{pay}"]\n',
        )
        kiosk = make_kiosk(tmp_path / "guides")
        kiosk.screen_share.link = FakeLink()  # type: ignore[assignment]
        kiosk.open_guide("test-service")
        view = kiosk.window.service.view
        assert view is not None
        wait_until_loaded(qtbot, view, "/start")
        link = _allowed(qtbot, kiosk)
        qtbot.waitUntil(lambda: bool(link.pictures) and link.pictures[-1].paused is Pause.NONE)
        view.open_address(payments.url("/pay"))
        wait_until_loaded(qtbot, view, "/pay")
        qtbot.waitUntil(lambda: link.pictures[-1].paused is Pause.IDENTIFICATION)
        assert kiosk.screen_share.pause is Pause.IDENTIFICATION
