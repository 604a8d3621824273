""" "Staff will restart this computer in 10 s": what a visitor sees before a command from
the staff page interrupts them (kiosk/app_remote.py counts down and carries it out)."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QWidget

from kiosk.ui.controls import label
from kiosk.ui.window_overlay import WindowOverlay

RESTART = "restart"
END_SESSION = "end-session"
CLOSE = "close"


class StaffNotice(WindowOverlay):
    def __init__(self, parent: QWidget) -> None:
        super().__init__("staff-notice", parent)
        self.what = RESTART
        self.seconds = 0
        self.heading = label("staff-notice-heading", "title")
        self.explain = label("staff-notice-text")
        self.body.addWidget(self.heading)
        self.body.addWidget(self.explain)
        self.retranslate_ui()

    def show_notice(self, what: str, seconds: int) -> None:
        self.what = what
        self.seconds = seconds
        self.retranslate_ui()
        if self.isHidden():
            self.popup()

    def retranslate_ui(self) -> None:
        seconds = max(0, self.seconds)
        if self.what == END_SESSION:
            text = self.tr("Staff will end this session in {seconds} s.")
        elif self.what == CLOSE:
            text = self.tr("Staff will close this computer for maintenance in {seconds} s.")
        else:
            text = self.tr("Staff will restart this computer in {seconds} s.")
        self.heading.setText(text.format(seconds=seconds))
        self.explain.setText(
            self.tr(
                "Everything you did here will be erased. Write down what you need now, "
                "or ask staff."
            )
        )
        self.setAccessibleName(self.heading.text())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
