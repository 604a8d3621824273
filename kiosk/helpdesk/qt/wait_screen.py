"""The calm full-screen "Help is coming — wait here", shown instead of the idle warning
while the visitor's help request is open and nobody touches the screen.

It holds no state of its own: ``HelpDesk`` shows it the current :class:`VisitorStatus`
(where the request stands, the staff's message). The visitor's page stays underneath;
"Back to my page" (or a tap beside the card) returns to it. "I don't need help any more"
asks once more before it cancels the request.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QHBoxLayout, QWidget

from kiosk.helpdesk.qt.banner import CancelWithConfirmation, detail_text, headline_text
from kiosk.helpdesk.status import VisitorStatus
from kiosk.ui.controls import BigButton, label
from kiosk.ui.window_overlay import WindowOverlay


class HelpWaitScreen(CancelWithConfirmation, WindowOverlay):
    """Signals: back_requested() - "Back to my page"; cancel_confirmed() - the visitor
    confirmed they do not need help any more."""

    back_requested = Signal()
    cancel_confirmed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__("help-wait-screen", parent)
        self.status: VisitorStatus | None = None
        self._confirming = False
        self.heading = label("help-wait-heading", "title")
        self.headline = label("help-wait-status", "heading")
        self.detail = label("help-wait-detail")
        self.explain = label("help-wait-text")
        self.back_button = BigButton("help-wait-back-button", role="primary", icon_name="back")
        self.back_button.setMinimumHeight(96)
        self.back_button.clicked.connect(self.back_requested)
        self.cancel_button = BigButton("help-wait-cancel-button", icon_name="close")
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        self.confirm_text = label("help-wait-cancel-question")
        self.confirm_yes = BigButton("help-wait-cancel-confirm")
        self.confirm_yes.clicked.connect(self._on_confirm)
        self.confirm_no = BigButton("help-wait-cancel-keep", role="primary")
        self.confirm_no.clicked.connect(self._on_keep)
        for widget in (self.heading, self.headline, self.detail, self.explain):
            self.body.addWidget(widget)
        self.body.addWidget(self.back_button)
        self.body.addWidget(self.cancel_button)
        self.body.addWidget(self.confirm_text)
        answers = QHBoxLayout()
        answers.setSpacing(16)
        answers.addWidget(self.confirm_yes)
        answers.addWidget(self.confirm_no)
        self.body.addLayout(answers)
        self.retranslate_ui()

    def show_status(self, status: VisitorStatus | None) -> None:
        self.status = status
        if status is None:
            self._confirming = False
            self.hide()
        self.retranslate_ui()

    def popup(self) -> None:
        self._confirming = False
        self.retranslate_ui()
        super().popup()

    def reset_for_next_visitor(self) -> None:
        self.status = None
        self._confirming = False
        self.retranslate_ui()
        super().reset_for_next_visitor()

    def leftovers(self) -> list[str]:
        found = super().leftovers()
        if self.status is not None or self.detail.text():
            found.append("the help-is-coming screen still holds the request")
        return found

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        # A tap beside the card: back to the page (it is right there, under the screen).
        if not self.card.geometry().contains(event.position().toPoint()):
            self.back_requested.emit()
        event.accept()

    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("Help is coming. Please wait here."))
        self.headline.setText(headline_text(self.status))
        detail = detail_text(self.status)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        self.explain.setText(
            self.tr("Your page is kept as it was. You can go back to it at any time.")
        )
        self.back_button.setText(self.tr("Back to my page"))
        self.cancel_button.setText(self.tr("I don't need help any more"))
        self.confirm_text.setText(self.tr("Cancel the request? You will lose your place in line."))
        self.confirm_yes.setText(self.tr("Yes, cancel"))
        self.confirm_no.setText(self.tr("No, keep it"))
        for widget in (self.confirm_text, self.confirm_yes, self.confirm_no):
            widget.setVisible(self._confirming)
        self.cancel_button.setVisible(not self._confirming)
        self.setAccessibleName(self.tr("Help is coming. Please wait here."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
