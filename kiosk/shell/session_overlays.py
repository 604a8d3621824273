"""Overlays over the whole window: "Are you still there?", "End your session?" and
"Leave this service?".

They are children of the main window, drawn over everything (the web page and its
dialogs included), and they take no input away from the idle counter: any input at all
continues the session.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import (
    QHideEvent,
)
from PySide6.QtWidgets import QApplication, QDialog, QHBoxLayout, QWidget

from kiosk.ui.controls import BigButton, label
from kiosk.ui.window_overlay import WindowOverlay


class IdleWarning(WindowOverlay):
    """The "Are you still there?" countdown. Signals: continue_requested()

    A dialog in front of the window (the help request form) would hide the warning and
    block its button, so open dialogs step aside while it shows and come back after.
    """

    continue_requested = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__("idle-warning", parent)
        self._seconds = 0
        self._set_aside: list[QDialog] = []
        self.heading = label("idle-warning-heading", "title")
        self.countdown = label("idle-warning-countdown", "heading")
        self.explain = label("idle-warning-text")
        self.continue_button = BigButton("idle-continue-button", role="primary")
        self.continue_button.setMinimumHeight(96)
        self.continue_button.clicked.connect(self.continue_requested)
        for widget in (self.heading, self.countdown, self.explain, self.continue_button):
            self.body.addWidget(widget)
        self.retranslate_ui()

    def popup(self) -> None:
        self._set_aside = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()
        ]
        for dialog in self._set_aside:
            dialog.hide()
        super().popup()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        waiting, self._set_aside = getattr(self, "_set_aside", []), []
        for dialog in waiting:
            if shiboken6.isValid(dialog) and not dialog.isVisible():
                dialog.open()

    def reset_for_next_visitor(self) -> None:
        self._set_aside = []  # the wipe closes them
        super().reset_for_next_visitor()

    def show_seconds(self, seconds: int) -> None:
        self._seconds = seconds
        # Minutes and seconds as on a clock: no plural forms to get wrong.
        clock = f"{seconds // 60}:{seconds % 60:02d}"
        self.countdown.setText(self.tr("Time left: {time}").format(time=clock))
        self.setAccessibleDescription(self.countdown.text())

    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("Are you still there?"))
        self.explain.setText(
            self.tr(
                "When the time runs out, everything you did here is erased. "
                "Touch the screen to continue."
            )
        )
        self.continue_button.setText(self.tr("Continue"))
        self.setAccessibleName(self.tr("Are you still there?"))
        self.show_seconds(self._seconds)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class EndConfirm(WindowOverlay):
    """ "End your session?" Signals: confirmed(), cancelled()"""

    confirmed = Signal()
    cancelled = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__("end-session-confirm", parent)
        self.heading = label("end-session-heading", "title")
        self.explain = label("end-session-text")
        buttons = QHBoxLayout()
        buttons.setSpacing(20)
        self.confirm_button = BigButton(
            "end-session-confirm-button", role="primary", icon_name="end"
        )
        self.cancel_button = BigButton("end-session-cancel-button", icon_name="back")
        self.confirm_button.clicked.connect(self.confirmed)
        self.cancel_button.clicked.connect(self.cancelled)
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.cancel_button)
        self.body.addWidget(self.heading)
        self.body.addWidget(self.explain)
        self.body.addLayout(buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("End your session?"))
        self.explain.setText(
            self.tr(
                "Everything you did on this computer will be erased: the pages you "
                "opened, what you typed and your files."
            )
        )
        self.confirm_button.setText(self.tr("Yes, end and erase"))
        self.cancel_button.setText(self.tr("No, go back"))
        self.setAccessibleName(self.tr("End your session?"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class LeaveServiceConfirm(WindowOverlay):
    """ "Leave this service?", before "All services" closes a service the visitor has
    used (a page's own "Etusivulle" looks alike; a form half filled in is lost).

    Signals: confirmed(), cancelled()
    """

    confirmed = Signal()
    cancelled = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__("leave-service-confirm", parent)
        self.heading = label("leave-service-heading", "title")
        self.explain = label("leave-service-text")
        buttons = QHBoxLayout()
        buttons.setSpacing(20)
        # Staying is the safe answer: it comes first and is the primary button.
        self.stay_button = BigButton("leave-service-stay-button", role="primary", icon_name="back")
        self.leave_button = BigButton("leave-service-confirm-button", icon_name="home")
        self.stay_button.clicked.connect(self.cancelled)
        self.leave_button.clicked.connect(self.confirmed)
        buttons.addWidget(self.stay_button)
        buttons.addWidget(self.leave_button)
        self.body.addWidget(self.heading)
        self.body.addWidget(self.explain)
        self.body.addLayout(buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("Leave this service?"))
        self.explain.setText(
            self.tr(
                "The page closes, and what you have filled in on it is lost. "
                "You can open the service again from All services."
            )
        )
        self.stay_button.setText(self.tr("No, stay here"))
        self.leave_button.setText(self.tr("Yes, show all services"))
        self.setAccessibleName(self.tr("Leave this service?"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
