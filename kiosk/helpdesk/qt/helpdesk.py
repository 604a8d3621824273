"""``HelpDesk``: the one object the shell talks to about help requests.

It owns the visitor's current request (at most one), the status banner, the help
dialog and the "Help is coming" screen, and turns the sync client's callbacks (which run
on background threads) into Qt signals on the GUI thread.

``KioskApp`` (kiosk/app.py) makes one with ``create_helpdesk``, puts its banner under the
top bar and its wait screen over the window, opens the dialog from the help buttons,
holds the idle wipe while ``help_pending``, and registers it as the visitor part
"help-desk" (``visitor_left`` / ``leftovers``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QUrl, Signal
from PySide6.QtWidgets import QWidget

from kiosk.config import Config
from kiosk.helpdesk import status as status_mod
from kiosk.helpdesk.model import Topic
from kiosk.helpdesk.qt.banner import StatusBanner
from kiosk.helpdesk.qt.wait_screen import HelpWaitScreen
from kiosk.helpdesk.status import Phase, VisitorStatus

if TYPE_CHECKING:
    # The client and the dialog (QR codes) are loaded when first needed: a kiosk
    # without a help desk never loads the client, the dialog waits for the first call.
    from kiosk.helpdesk.client import HelpdeskClient
    from kiosk.helpdesk.outbox import Outbox
    from kiosk.helpdesk.qt.dialog import HelpDialog

log = logging.getLogger("kiosk.helpdesk")

CHIME = Path(__file__).resolve().parent / "chime.wav"

# A request in these phases is open on the help desk: help is on its way, so the kiosk
# does not wipe the visitor's session at the normal idle timeout.
HELP_ON_ITS_WAY = frozenset({Phase.WAITING, Phase.SEEN, Phase.COMING, Phase.CALLING})


class HelpDesk(QObject):
    """Signals:
    status_changed(object): the visitor's :class:`VisitorStatus`, or None once cleared.
    online_changed(bool): the help desk became reachable (True) or not (False).
    alerted(): a step worth a sound and a visual change (new phase, place or message).
    help_pending_changed(bool): the visitor's request is open on the help desk (waiting,
        seen, coming, calling), or not any more.
    """

    status_changed = Signal(object)
    online_changed = Signal(bool)
    alerted = Signal()
    help_pending_changed = Signal(bool)
    # From the client's threads; delivered queued on the GUI thread.
    _status_arrived = Signal(object)
    _online_arrived = Signal(bool)

    def __init__(
        self,
        client: HelpdeskClient | None,
        *,
        centre_phone: str = "",
        centre_whatsapp: str = "",
        play_sound: Callable[[], None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.client = client
        self.centre_phone = centre_phone
        self.centre_whatsapp = centre_whatsapp
        self.current: VisitorStatus | None = None
        self.online: bool | None = None if client is None else (client.online or False)
        self._forgotten: set[str] = set()
        self._banner: StatusBanner | None = None
        self._wait_screen: HelpWaitScreen | None = None
        self._dialog: HelpDialog | None = None
        self._theme: tuple[float, bool, str] = (1.0, False, "")
        self._pending = False
        # After shutdown, news from the client's threads (still queued) is not shown:
        # the widgets may be gone.
        self._stopped = False
        self._context: tuple[str | None, int | None] = (None, None)
        self._play_sound = play_sound or self._default_sound
        self._sound: QObject | None = None
        self._status_arrived.connect(self._on_status_arrived)
        self._online_arrived.connect(self._on_online_arrived)
        if client is not None:
            client.on_status = self._status_arrived.emit
            client.on_online = self._online_arrived.emit

    # -- the API for the shell -------------------------------------------------------------

    def start(self) -> None:
        if self.client is not None:
            self.client.start()

    def shutdown(self) -> None:
        """Stop the background threads (the outbox keeps what is not delivered)."""
        self._stopped = True
        if self.client is not None:
            # Stopping makes the threads say "offline": that must not reach widgets that
            # are deleted right after (the kiosk's shutdown).
            self.client.on_status = lambda _status: None
            self.client.on_online = lambda _online: None
            self.client.stop()

    def status_banner(self) -> StatusBanner:
        """The banner widget (one per HelpDesk); place it on every screen."""
        if self._banner is None:
            self._banner = StatusBanner()
            self._banner.cancel_confirmed.connect(self.cancel_request)
            self._banner.dismissed.connect(self._clear)
            self._banner.show_status(self.current, self.online)
        return self._banner

    def wait_screen(self, parent: QWidget) -> HelpWaitScreen:
        """The "Help is coming" screen (one per HelpDesk), over ``parent``."""
        if self._wait_screen is None:
            self._wait_screen = HelpWaitScreen(parent)
            self._wait_screen.cancel_confirmed.connect(self.cancel_request)
            self._wait_screen.show_status(self.current)
        return self._wait_screen

    @property
    def help_pending(self) -> bool:
        """Whether the visitor's request is open on the help desk (help is on its way)."""
        return self.current is not None and self.current.phase in HELP_ON_ITS_WAY

    def apply_theme(self, scale: float, high_contrast: bool, language: str = "") -> None:
        """The kiosk's look for the dialog (the other widgets follow the window's)."""
        self._theme = (scale, high_contrast, language)
        if self._dialog is not None:
            self._dialog.apply_theme(*self._theme)

    def open_dialog(
        self, parent: QWidget | None = None, guide_id: str | None = None, step: int | None = None
    ) -> HelpDialog | None:
        """Show the help dialog; None (and a flash of the banner) if a request is open."""
        if self.current is not None and not self.current.is_final:
            self._alert()
            return None
        if self._dialog is not None:
            self._dialog.raise_()
            return self._dialog
        self._context = (guide_id, step)
        from kiosk.helpdesk.qt.dialog import HelpDialog  # noqa: PLC0415 - see the imports

        dialog = HelpDialog(self.centre_phone, self.centre_whatsapp, parent)
        dialog.apply_theme(*self._theme)
        dialog.set_online(self.online)
        dialog.send_requested.connect(self._on_send_requested)
        dialog.finished.connect(self._on_dialog_finished)
        self._dialog = dialog
        dialog.open()
        return dialog

    def cancel_request(self) -> None:
        """The visitor confirmed cancelling their request."""
        current = self.current
        if current is None or current.is_final or self.client is None:
            return
        self.client.cancel(current.request_id)

    def visitor_left(self) -> None:
        """The session is being wiped: cancel an open request as "visitor left" (the
        outbox still delivers it) and clear everything the next visitor could see."""
        current = self.current
        if current is not None:
            self._forgotten.add(current.request_id)
            if not current.is_final and self.client is not None:
                self.client.cancel(current.request_id, visitor_left=True)
        if self._dialog is not None:
            self._dialog.reject()
        self._context = (None, None)
        self._clear()
        if self._wait_screen is not None:
            self._wait_screen.reset_for_next_visitor()

    def leftovers(self) -> list[str]:
        """What of the last visitor's request the kiosk still shows or keeps (the outbox
        may still be delivering it: that is the help desk's copy, not the visitor's)."""
        found = []
        if self.current is not None:
            found.append("a help request is still shown")
        if self._dialog is not None:
            found.append("the help dialog is still open")
        if self._context != (None, None):
            found.append("the guide and step of the last request are still kept")
        if self._banner is not None and not self._banner.isHidden():
            found.append("the help banner is still shown")
        if self._wait_screen is not None:
            found += self._wait_screen.leftovers()
        if self._pending:
            found.append("the idle wipe still waits for a help request")
        return found

    def retranslate_ui(self) -> None:
        if self._banner is not None:
            self._banner.retranslate_ui()
        if self._dialog is not None:
            self._dialog.retranslate_ui()
        if self._wait_screen is not None:
            self._wait_screen.retranslate_ui()

    def problems(self) -> list[str]:
        """Plain sentences for the admin view: a damaged outbox, refused requests."""
        if self.client is None:
            return []
        outbox = self.client.outbox
        found = list(outbox.problems)
        if self.client.problem:  # e.g. the server's certificate is not the one paired with
            found.append(self.client.problem)
        found += [
            f"The help desk refused a {kind} for good ({reason}) at {at}."
            for kind, reason, at in outbox.dead_letters()
        ]
        return found

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        return super().event(event)

    # -- inside --------------------------------------------------------------------------

    def _on_send_requested(self, topic: Topic, phone: str) -> None:
        if self.current is not None and not self.current.is_final:
            return  # one request at a time
        guide_id, step = self._context
        if self.client is None:
            log.warning("help requested but no help desk is configured")
            return
        request_id = self.client.send(topic, guide_id=guide_id, step=step, phone=phone or None)
        self._set(status_mod.sending(request_id, topic))

    def _on_dialog_finished(self, _result: int) -> None:
        dialog = self._dialog
        self._dialog = None
        if dialog is not None:
            dialog.deleteLater()

    def _on_status_arrived(self, status: VisitorStatus) -> None:
        if self._stopped or status.request_id in self._forgotten:
            return
        current = self.current
        if current is None or current.request_id != status.request_id:
            return  # not this visitor's request (an old one the outbox delivered late)
        if current.is_final and not status.is_final:
            return
        self._set(status)

    def _on_online_arrived(self, online: bool) -> None:
        if self._stopped or online == self.online:
            return
        self.online = online
        if self._dialog is not None:
            self._dialog.set_online(online)
        self._refresh_banner()
        self.online_changed.emit(online)

    def _set(self, status: VisitorStatus) -> None:
        before = self.current
        self.current = status
        self._refresh_banner()
        if before is None or before.alert_key() != status.alert_key():
            self._alert()
        self.status_changed.emit(status)

    def _clear(self) -> None:
        if self.current is not None:
            self._forgotten.add(self.current.request_id)
        self.current = None
        self._refresh_banner()
        self.status_changed.emit(None)

    def _refresh_banner(self) -> None:
        if self._banner is not None:
            self._banner.show_status(self.current, self.online)
        if self._wait_screen is not None:
            self._wait_screen.show_status(self.current if self.help_pending else None)
        pending = self.help_pending
        if pending != self._pending:
            self._pending = pending
            self.help_pending_changed.emit(pending)

    def _alert(self) -> None:
        if self._banner is not None:
            self._banner.flash()
        try:
            self._play_sound()
        except Exception:  # a sound problem never breaks the help request
            log.warning("could not play the help chime", exc_info=True)
        self.alerted.emit()

    def _default_sound(self) -> None:
        if self._sound is None:
            from PySide6.QtMultimedia import QSoundEffect  # noqa: PLC0415 - only when used

            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(CHIME)))
            effect.setVolume(0.8)
            self._sound = effect
        self._sound.play()  # type: ignore[attr-defined]


def create_helpdesk(
    config: Config,
    *,
    url: str | None = None,
    outbox: Outbox | None = None,
    play_sound: Callable[[], None] | None = None,
    parent: QObject | None = None,
) -> HelpDesk:
    """A started HelpDesk for this kiosk's settings (no client if no ``helpdesk.url``).

    ``url`` overrides ``helpdesk.url``: pass the demo's or the embedded server's ``url``.
    """
    settings = config.helpdesk
    client = None
    url = url or settings.url
    if url:
        from kiosk.helpdesk.client import HelpdeskClient  # noqa: PLC0415 - see the imports
        from kiosk.helpdesk.outbox import Outbox  # noqa: PLC0415

        client = HelpdeskClient(url, outbox or Outbox())
    helpdesk = HelpDesk(
        client,
        centre_phone=settings.centre_phone,
        centre_whatsapp=settings.centre_whatsapp,
        play_sound=play_sound,
        parent=parent,
    )
    helpdesk.start()
    return helpdesk
