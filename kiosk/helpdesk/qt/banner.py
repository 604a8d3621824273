"""The status banner: where the visitor's request stands, in plain words, on every screen.

It holds no state of its own: ``HelpDesk`` calls :meth:`StatusBanner.show_status` with
the current :class:`VisitorStatus` (or None to hide). A change of phase, place in line or
staff message makes it flash (and ``HelpDesk`` plays the chime).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.helpdesk.status import Phase, VisitorStatus
from kiosk.ui.controls import BigButton, label, restyle, set_role
from kiosk.ui.theme import MIN_TOUCH_PX

FLASHES = 3
FLASH_MS = 300


class CancelWithConfirmation:
    """ "Cancel request", then "Cancel the request? ..." with yes and no: for the banner
    and the help-is-coming screen (mixed in before the Qt class; they have
    ``_confirming``, ``retranslate_ui`` and a ``cancel_confirmed`` signal)."""

    _confirming = False

    def retranslate_ui(self) -> None:
        raise NotImplementedError

    def _on_cancel_clicked(self) -> None:
        self._confirming = True
        self.retranslate_ui()

    def _on_confirm(self) -> None:
        self._confirming = False
        self.retranslate_ui()
        self.cancel_confirmed.emit()  # type: ignore[attr-defined]

    def _on_keep(self) -> None:
        self._confirming = False
        self.retranslate_ui()


class StatusBanner(CancelWithConfirmation, QFrame):
    """Signals: cancel_confirmed() - the visitor confirmed "cancel the request";
    dismissed() - the visitor closed a finished request's banner."""

    cancel_confirmed = Signal()
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("help-status")
        set_role(self, "check")
        self.status: VisitorStatus | None = None
        self.online: bool | None = True
        self.headline = label("help-status-text", "heading")
        self.detail = label("help-status-detail")
        self.cancel_button = BigButton("help-cancel-button")
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        self.ok_button = BigButton("help-status-ok", role="primary")
        self.ok_button.clicked.connect(self.dismissed)
        self.confirm_text = label("help-cancel-question")
        self.confirm_yes = BigButton("help-cancel-confirm")
        self.confirm_yes.clicked.connect(self._on_confirm)
        self.confirm_no = BigButton("help-cancel-keep", role="primary")
        self.confirm_no.clicked.connect(self._on_keep)
        for button in (self.cancel_button, self.ok_button, self.confirm_yes, self.confirm_no):
            button.setMinimumHeight(MIN_TOUCH_PX)

        texts = QVBoxLayout()
        texts.addWidget(self.headline)
        texts.addWidget(self.detail)
        texts.addWidget(self.confirm_text)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.addLayout(texts, 1)
        for button in (self.cancel_button, self.confirm_yes, self.confirm_no, self.ok_button):
            layout.addWidget(button)
        self._flash_timer = QTimer(self)
        self._flash_timer.setInterval(FLASH_MS)
        self._flash_timer.timeout.connect(self._on_flash_tick)
        self._flash_left = 0
        self._confirming = False
        self.hide()
        self.retranslate_ui()

    # -- what HelpDesk calls ------------------------------------------------------------

    def show_status(self, status: VisitorStatus | None, online: bool | None = True) -> None:
        self.status = status
        self.online = online
        if status is None:
            self._confirming = False
        self.retranslate_ui()
        self.setVisible(status is not None)

    def flash(self) -> None:
        """A visible change (the colour blinks) for each step of the request."""
        self._flash_left = FLASHES * 2
        self._flash_timer.start()

    def _on_flash_tick(self) -> None:
        self._flash_left -= 1
        set_role(self, "card" if self._flash_left % 2 else "check")
        restyle(self)
        if self._flash_left <= 0:
            self._flash_timer.stop()
            set_role(self, "check")
            restyle(self)

    # -- text ---------------------------------------------------------------------------

    def headline_text(self) -> str:
        return headline_text(self.status, self.online)

    def detail_text(self) -> str:
        return detail_text(self.status)

    def retranslate_ui(self) -> None:
        status = self.status
        final = status is not None and status.is_final
        self.headline.setText(self.headline_text())
        detail = self.detail_text()
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail) and not self._confirming)
        self.cancel_button.setText(self.tr("Cancel request"))
        self.ok_button.setText(self.tr("OK"))
        self.confirm_text.setText(self.tr("Cancel the request? You will lose your place in line."))
        self.confirm_yes.setText(self.tr("Yes, cancel"))
        self.confirm_no.setText(self.tr("No, keep it"))
        self.confirm_text.setVisible(self._confirming)
        self.confirm_yes.setVisible(self._confirming)
        self.confirm_no.setVisible(self._confirming)
        self.cancel_button.setVisible(status is not None and not final and not self._confirming)
        self.ok_button.setVisible(final)


# The banner's own words (its context in the catalogues); the help-is-coming screen says
# the same things.


def headline_text(status: VisitorStatus | None, online: bool | None = True) -> str:
    """Where the request stands, in one plain sentence."""
    if status is None:
        return ""
    phase = status.phase
    if phase is Phase.SENDING:
        if online is False:
            return QCoreApplication.translate(
                "StatusBanner",
                "Your request is saved. It will reach the staff when the connection is back.",
            )
        return QCoreApplication.translate("StatusBanner", "Sending your request…")
    if phase is Phase.WAITING:
        if status.position == 1:
            return QCoreApplication.translate(
                "StatusBanner", "Your request is in line. You are next."
            )
        if status.position:
            return QCoreApplication.translate(
                "StatusBanner",
                "Your request is in line. You are number {position}.",
            ).format(position=status.position)
        return QCoreApplication.translate("StatusBanner", "Your request is in line.")
    if phase is Phase.SEEN:
        return QCoreApplication.translate(
            "StatusBanner", "A digital supporter has seen your request."
        )
    if phase is Phase.COMING:
        if status.minutes:
            return QCoreApplication.translate(
                "StatusBanner",
                "Someone is coming to help you in about {minutes} minutes.",
            ).format(minutes=status.minutes)
        return QCoreApplication.translate("StatusBanner", "Someone is coming to help you.")
    if phase is Phase.CALLING:
        return QCoreApplication.translate("StatusBanner", "A digital supporter will call you.")
    if phase is Phase.DONE:
        return QCoreApplication.translate("StatusBanner", "Done. Thank you!")
    return QCoreApplication.translate("StatusBanner", "Your request was cancelled.")


def detail_text(status: VisitorStatus | None) -> str:
    """The request's number, the helper's name and the staff's message, one a line."""
    if status is None:
        return ""
    lines = []
    if status.code and not status.is_final:
        lines.append(
            QCoreApplication.translate("StatusBanner", "Your number is {code}.").format(
                code=status.code
            )
        )
    if status.staff_name and status.phase in (Phase.COMING, Phase.CALLING):
        lines.append(
            QCoreApplication.translate("StatusBanner", "Helper: {name}").format(
                name=status.staff_name
            )
        )
    if status.message and not status.is_final:
        lines.append(
            QCoreApplication.translate("StatusBanner", "Message from the staff: {message}").format(
                message=status.message
            )
        )
    return "\n".join(lines)
