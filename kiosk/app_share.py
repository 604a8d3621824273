"""The composition root's part for remote help that can see (screen share, always with
the visitor's yes): the share is made with what it asks of the kiosk (the pages a
supporter must never see, the kiosk's voice, "look at step N") and follows the visitor's
call for help; and while help is on its way, the "Help is coming" screen steps aside for
as long as a supporter sees the page. Wiring only, like kiosk/app.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from kiosk.browser.policy import AllowList
from kiosk.helpdesk.qt.share.screen_share import ScreenShare, create_screen_share
from kiosk.helpdesk.share_model import Phase
from kiosk.session.lifecycle import State

if TYPE_CHECKING:
    from kiosk.app import KioskApp


class ShareHost(QObject):
    """What screen share asks of one ``KioskApp``; its ``share`` is the kiosk's
    ``screen_share``."""

    def __init__(self, kiosk: KioskApp) -> None:
        super().__init__(kiosk)
        self.kiosk = kiosk
        client = kiosk.helpdesk.client
        self.share: ScreenShare = create_screen_share(
            kiosk.window,
            client.connection if client is not None else None,
            sensitive_origin=self.sensitive_origin,
            say=kiosk.speaker.say,
            hush=kiosk.speaker.stop,
            go_to_step=self.go_to_step,
        )
        kiosk.window.add_banner(self.share.banner)
        kiosk.helpdesk.status_changed.connect(self.share.follow)
        self.share.phase_changed.connect(self._on_share_phase)

    def sensitive_origin(self, origin: str) -> bool:
        """A page a remote supporter must never see: identification, a bank, or a host
        the visitor's guide names in ``sensitive_hosts``."""
        if self.kiosk.identification.allows_origin(origin):
            return True
        progress = self.kiosk.session.guide_progress
        if progress is None or not progress.guide.sensitive_hosts:
            return False
        return AllowList.parse(progress.guide.sensitive_hosts).allows_origin(origin)

    def go_to_step(self, index: int) -> bool:
        """ "Look at step N" from the supporter: the guide panel shows that step."""
        progress = self.kiosk.session.guide_progress
        if progress is None or not 0 <= index < progress.step_count:
            return False
        return progress.go_to_step(index)

    # -- "Help is coming" ---------------------------------------------------------------
    def show_help_wait(self) -> None:
        # A supporter who sees the screen is helping now: the page stays in sight.
        if self.share.phase is not Phase.SHARING:
            self.kiosk.help_wait.popup()

    def _on_share_phase(self, _phase: str) -> None:
        if self.kiosk.keeper.lifecycle.state is not State.HELP_WAIT:
            return
        if self.share.phase is Phase.SHARING:
            self.kiosk.help_wait.hide()
        else:
            self.show_help_wait()
