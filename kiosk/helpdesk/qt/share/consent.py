"""The question, every time: "‹first name› from digital support would like to see your
screen. They cannot press anything." Only Allow starts sharing; No, or no answer, shares
nothing."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from kiosk.ui.controls import BigButton, label
from kiosk.ui.window_overlay import WindowOverlay


class ShareConsent(WindowOverlay):
    """Signals: answered(bool) - Allow (True) or No (False)."""

    answered = Signal(bool)

    def __init__(self, parent: QWidget) -> None:
        super().__init__("share-consent-dialog", parent)
        self.supporter = ""
        self.heading = label("share-consent-heading", "title")
        self.explain = label("share-consent-text")
        buttons = QHBoxLayout()
        buttons.setSpacing(20)
        # Saying no is as easy as saying yes: two buttons of one size, No first.
        self.deny_button = BigButton("share-deny-button", icon_name="close")
        self.allow_button = BigButton("share-allow-button", role="primary", icon_name="check")
        for button in (self.deny_button, self.allow_button):
            button.setMinimumHeight(96)
            buttons.addWidget(button, 1)
        self.deny_button.clicked.connect(lambda: self.answered.emit(False))
        self.allow_button.clicked.connect(lambda: self.answered.emit(True))
        self.body.addWidget(self.heading)
        self.body.addWidget(self.explain)
        self.body.addLayout(buttons)
        self.retranslate_ui()

    def ask(self, supporter: str) -> None:
        self.supporter = supporter
        self.retranslate_ui()
        self.popup()

    def spoken_text(self) -> str:
        """What is read aloud: the question and its explanation."""
        return f"{self.heading.text()} {self.explain.text()}"

    def reset_for_next_visitor(self) -> None:
        self.supporter = ""
        self.retranslate_ui()
        super().reset_for_next_visitor()

    def retranslate_ui(self) -> None:
        name = self.supporter or self.tr("Someone")
        self.heading.setText(
            self.tr("{name} from digital support would like to see your screen.").format(name=name)
        )
        self.explain.setText(
            self.tr(
                "They cannot press anything. Passwords and bank pages are never shown. "
                "You can stop sharing at any time."
            )
        )
        self.deny_button.setText(self.tr("No"))
        self.allow_button.setText(self.tr("Allow"))
        self.setAccessibleName(self.heading.text())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
