"""``ScreenShare``: a remote supporter sees the kiosk's screen, with the visitor's yes.

It follows the visitor's help request: while a supporter has taken it, the kiosk listens
for their question (:class:`~kiosk.helpdesk.share_link.ShareLink`). The question is put
to the visitor every time (and read aloud where a voice exists); only Allow starts the
share. While it runs, the red banner says so and offers Stop sharing, and a few pictures a
second of the kiosk's window go out, masked first (``capture``). The supporter can point
(a ring) or open a guide step; nothing they send reaches the page.

The share ends at Stop sharing, at the idle warning, at End session, at the wipe, when
the request closes, after :data:`MAX_DURATION_S` unless the visitor keeps it going, when
the supporter stops it, or when the help desk cannot be reached. Then the banner and the
ring go, and nothing of the share is left: it is a visitor part of its own
("screen-share").

``KioskApp`` makes one with :func:`create_screen_share`, puts its banner on every screen
of a visit, and calls :meth:`follow`, :meth:`stop` and :meth:`set_language`.
"""

from __future__ import annotations

import functools
import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, QTimer, Signal
from PySide6.QtWidgets import QMainWindow

from kiosk.helpdesk.qt.share.banner import ShareBanner
from kiosk.helpdesk.qt.share.capture import Encoded, Encoder, FrameGrabber
from kiosk.helpdesk.qt.share.consent import ShareConsent
from kiosk.helpdesk.qt.share.pointer import PointerRing
from kiosk.helpdesk.share_model import (
    FRAMES_PER_S,
    MAX_STEP,
    Ask,
    EndReason,
    Pause,
    Phase,
    Point,
    VisitorShare,
    pause_for,
)
from kiosk.helpdesk.status import Phase as RequestPhase
from kiosk.helpdesk.status import VisitorStatus

if TYPE_CHECKING:
    from kiosk.browser.webengine.view import KioskView

    # The link brings the help-desk client: loaded only when a help desk is set.
    from kiosk.helpdesk.share_link import ShareLink

log = logging.getLogger("kiosk.helpdesk")

#: How long the end of a share may hold up the session's end: its reason ("End
#: session", "wipe") reaches the help desk before the request closes.
FLUSH_S = 0.5
#: Request phases in which a supporter has taken the request (and may ask).
TAKEN = frozenset({RequestPhase.COMING, RequestPhase.CALLING})
#: A page that does not answer "is a password in use?" this fast is masked anyway.
PROBE_TIMEOUT_MS = 1000
TICK_MS = 250
_STRENGTH = {Pause.NONE: 0, Pause.PASSWORD: 1, Pause.IDENTIFICATION: 2}


class ScreenShare(QObject):
    """Signals:
    phase_changed(str): idle, asking or sharing.
    picture_taken(object): every masked picture before it is encoded (a ``QImage``;
        for tests and the benchmark).
    """

    phase_changed = Signal(str)
    picture_taken = Signal(object)
    # From the link's threads; delivered queued on the GUI thread.
    _message = Signal(str, object)

    def __init__(
        self,
        window: QMainWindow,
        link: ShareLink | None,
        *,
        sensitive_origin: Callable[[str], bool],
        say: Callable[[str, str], bool] = lambda _text, _language: False,
        hush: Callable[[], None] = lambda: None,
        go_to_step: Callable[[int], bool] = lambda _index: False,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.link = link
        self.sensitive_origin = sensitive_origin
        self._say = say
        self._hush = hush
        self._reading = False  # the question is being read aloud
        self._go_to_step = go_to_step
        self.state = VisitorShare(clock)
        self.language = "fi"
        self.pause = Pause.NONE
        central = window.centralWidget()
        self.consent = ShareConsent(central if central is not None else window)
        self.consent.answered.connect(self._on_answered)
        self.banner = ShareBanner()
        self.banner.stop_requested.connect(lambda: self.stop(EndReason.VISITOR))
        self.banner.keep_requested.connect(self._on_keep)
        self.ring = PointerRing(window)
        self.grabber = FrameGrabber(window)
        self.encoder = Encoder(self._on_encoded)
        self._probe_round = 0
        self._answers: dict[int, bool | None] = {}
        self._views: list[KioskView] = []
        self._probe_timer = QTimer(self)
        self._probe_timer.setSingleShot(True)
        self._probe_timer.timeout.connect(self._on_probe_timeout)
        self._capture = QTimer(self)
        self._capture.setInterval(1000 // FRAMES_PER_S)
        self._capture.timeout.connect(self._take_picture)
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self._on_tick)
        self._tick.start()
        self._message.connect(self.receive)
        if link is not None:
            link.on_message = self._message.emit

    # -- what the kiosk calls ----------------------------------------------------------------

    @property
    def phase(self) -> Phase:
        return self.state.phase

    def follow(self, status: VisitorStatus | None) -> None:
        """The visitor's help request changed: listen for a question while a supporter
        has taken it; a request that closes ends the share."""
        taken = status is not None and status.phase in TAKEN
        if not taken and self.phase is not Phase.IDLE:
            self.stop(EndReason.REQUEST_CLOSED)
        if self.link is not None:
            self.link.follow(status.request_id if taken and status is not None else None)

    def stop(self, reason: EndReason) -> None:
        """End the question or the share now (and tell the help desk why)."""
        phase = self.phase
        share_id = self.state.end()
        if share_id is None:
            return
        if self.link is not None and phase is not Phase.IDLE:
            self.link.stop(share_id, reason)
            if reason in (EndReason.END_SESSION, EndReason.WIPE):
                self.link.flush(FLUSH_S)
        log.info("screen share ended (%s)", reason.value)
        self._ended()

    @property
    def capture_running(self) -> bool:
        """Pictures are being taken (only while sharing)."""
        return self._capture.isActive()

    def set_language(self, language: str) -> None:
        self.language = language

    def reset_for_next_visitor(self) -> None:
        self.stop(EndReason.WIPE)
        self.state.forget()
        if self.link is not None:
            self.link.follow(None)
        self.encoder.forget()
        self.consent.reset_for_next_visitor()
        self.banner.reset_for_next_visitor()
        self.ring.reset_for_next_visitor()

    def leftovers(self) -> list[str]:
        found = []
        if self.phase is not Phase.IDLE:
            found.append(f"a screen share is still {self.phase.value}")
        if self.state.remembered:
            found.append("the last visitor's screen shares are still remembered")
        if not self.consent.isHidden():
            found.append("the screen-share question is still shown")
        if not self.banner.isHidden():
            found.append("the screen-share banner is still shown")
        if not self.ring.isHidden():
            found.append("the pointer ring is still shown")
        if self.encoder.holds_a_picture or self.capture_running:
            found.append("a picture of the screen is still being made")
        if self.link is not None and (self.link.following or self.link.busy):
            found.append("the screen-share link still follows the last request")
        return found

    def shutdown(self) -> None:
        self.stop(EndReason.WIPE)
        self._tick.stop()
        self._capture.stop()
        if self.link is not None:
            self.link.close()
        self.encoder.close()

    def retranslate_ui(self) -> None:
        self.consent.retranslate_ui()
        self.banner.retranslate_ui()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        return super().event(event)

    # -- messages from the help desk ---------------------------------------------------------

    def receive(self, kind: str, data: Any) -> None:
        """A message from the help desk (``ShareLink`` delivers them here, queued)."""
        if not isinstance(data, dict):
            return
        try:
            if kind == "share":
                self._on_share(data)
            elif kind == "point":
                self._on_point(data)
            elif kind == "step":
                self._on_step(data)
            elif kind == "refresh" and data.get("share_id") == self.state.share_id:
                self.encoder.resend()
            elif kind == "lost" and data.get("share_id") == self.state.share_id:
                self.stop(EndReason.NETWORK)
        except (KeyError, TypeError, ValueError):
            log.warning("ignored a malformed screen-share message")

    def _on_share(self, data: dict[str, Any]) -> None:
        share_id = str(data["id"])
        state = data["state"]
        if state == "asked":
            supporter = str(data.get("supporter") or "")[:30]
            if self.state.ask(Ask(share_id, supporter)):
                self.consent.ask(supporter)
                self._reading = self._say(self.consent.spoken_text(), self.language)
                self.phase_changed.emit(self.phase.value)
        elif state == "ended" and share_id == self.state.share_id:
            self.state.end()
            log.info("screen share ended by the help desk (%s)", data.get("end_reason"))
            self._ended()
        elif state == "active" and share_id != self.state.share_id and self.link is not None:
            # A share this kiosk does not know (it restarted): it was never allowed here.
            self.link.stop(share_id, EndReason.NETWORK)

    def _on_point(self, data: dict[str, Any]) -> None:
        if self.phase is not Phase.SHARING or data.get("share_id") != self.state.share_id:
            return
        point = Point(float(data["x"]), float(data["y"]))
        x, y = point.on(self.window.width(), self.window.height())
        self.ring.point_at(QPoint(x, y))

    def _on_step(self, data: dict[str, Any]) -> None:
        if self.phase is not Phase.SHARING or data.get("share_id") != self.state.share_id:
            return
        step = int(data["step"])
        if 1 <= step <= MAX_STEP:
            self._go_to_step(step - 1)

    # -- the visitor -------------------------------------------------------------------------

    def _on_answered(self, allow: bool) -> None:
        self.consent.hide()
        self._stop_reading()
        if not allow:
            share_id = self.state.end()
            if share_id is not None and self.link is not None:
                self.link.answer(share_id, False)
            self.phase_changed.emit(self.phase.value)
            return
        share_id = self.state.allow()
        if share_id is None:
            return
        if self.link is not None:
            self.link.answer(share_id, True)
        log.info("screen share started")
        self.pause = Pause.NONE
        self._show_banner()
        self._capture.start()
        self.phase_changed.emit(self.phase.value)
        self._take_picture()

    def _on_keep(self) -> None:
        if self.state.renew() and self.state.share_id and self.link is not None:
            self.link.renew(self.state.share_id)
        self._show_banner()

    def _on_tick(self) -> None:
        due = self.state.due()
        if due is not None:
            self.stop(due)
        elif self.phase is Phase.SHARING:
            self._show_banner()

    def _show_banner(self) -> None:
        left = self.state.seconds_left if self.state.offer_renewal else None
        self.banner.show_share(self.state.supporter, self.pause, left)

    def _stop_reading(self) -> None:
        if self._reading:
            self._reading = False
            self._hush()

    def _ended(self) -> None:
        self._stop_reading()
        self._capture.stop()
        self._probe_timer.stop()
        self._probe_round += 1  # answers still on their way are old
        self._views = []
        self.encoder.forget()
        self.consent.hide()
        self.banner.reset_for_next_visitor()
        self.ring.reset_for_next_visitor()
        self.pause = Pause.NONE
        self.phase_changed.emit(self.phase.value)

    # -- pictures ------------------------------------------------------------------------------

    def _take_picture(self) -> None:
        """Ask each page whether a secret is in use; the picture follows the answers."""
        if self.phase is not Phase.SHARING or self._probe_timer.isActive():
            return
        if self.encoder.busy or (self.link is not None and self.link.busy):
            return  # the last picture is still on its way: skip this one
        self._probe_round += 1
        round_ = self._probe_round
        self._answers = {}
        self._views = self.grabber.web_views()
        if not self._views:
            self._picture({})
            return
        self._probe_timer.start(PROBE_TIMEOUT_MS)
        for index, view in enumerate(self._views):
            view.probe_secret(functools.partial(self._on_probe, round_, index))

    def _on_probe(self, round_: int, index: int, answer: bool | None) -> None:
        if round_ != self._probe_round or self.phase is not Phase.SHARING:
            return
        self._answers[index] = answer
        if len(self._answers) == len(self._views):
            self._probe_timer.stop()
            self._picture(self._answers)

    def _on_probe_timeout(self) -> None:
        # A page that does not answer: masked as if it had a password in use.
        self._probe_round += 1
        self._picture({})

    def _picture(self, answers: dict[int, bool | None]) -> None:
        share_id = self.state.share_id
        if self.phase is not Phase.SHARING or share_id is None:
            return
        pauses: dict[KioskView, Pause] = {}
        for index, view in enumerate(self._views):
            if not shiboken6.isValid(view):
                continue
            # The hints are read again now, at the moment of the picture.
            secret = True if view.typing_secret() else answers.get(index)
            pauses[view] = pause_for(view.origins_on_screen(), secret, self.sensitive_origin)
        self._views = []
        strongest = max(pauses.values(), key=_STRENGTH.__getitem__, default=Pause.NONE)
        if strongest is not self.pause:
            self.pause = strongest
            self._show_banner()
        image = self.grabber.grab(pauses)
        self.picture_taken.emit(image)
        self.encoder.submit(share_id, image, strongest)

    def _on_encoded(self, encoded: Encoded) -> None:
        """From the encoder's thread: hand the picture to the link (if still wanted)."""
        if self.link is None or encoded.share_id != self.state.share_id:
            return
        from kiosk.helpdesk.share_link import Picture  # noqa: PLC0415 - see create_screen_share

        self.link.send_picture(
            Picture(encoded.share_id, encoded.jpeg, encoded.width, encoded.height, encoded.pause)
        )


def create_screen_share(
    window: QMainWindow,
    connect: Callable[[], Any] | None,
    *,
    sensitive_origin: Callable[[str], bool],
    say: Callable[[str, str], bool],
    hush: Callable[[], None],
    go_to_step: Callable[[int], bool],
) -> ScreenShare:
    """A started ScreenShare; ``connect`` makes a connection to the help desk (None: no
    help desk, so no supporter can ask)."""
    link = None
    if connect is not None:
        # Only with a help desk: the link brings the client, which the first screen leaves
        # for later.
        from kiosk.helpdesk.share_link import ShareLink  # noqa: PLC0415

        link = ShareLink(connect, lambda _kind, _data: None)
    share = ScreenShare(
        window,
        link,
        sensitive_origin=sensitive_origin,
        say=say,
        hush=hush,
        go_to_step=go_to_step,
    )
    if link is not None:
        link.start()
    return share
