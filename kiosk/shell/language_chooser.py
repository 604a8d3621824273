"""The language chooser: every language the kiosk offers beyond the top bar's own buttons.

The top bar keeps Finnish, Swedish and English one tap away; with more languages, a
"Languages" button opens this panel with the rest, each in its own script and name.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QWidget

from kiosk.languages import native_name
from kiosk.ui.controls import BigButton, label
from kiosk.ui.flow_layout import FlowLayout
from kiosk.ui.window_overlay import WindowOverlay


class LanguageChooser(WindowOverlay):
    """Signals: language_chosen(str)"""

    language_chosen = Signal(str)

    def __init__(self, languages: tuple[str, ...], parent: QWidget) -> None:
        super().__init__("language-chooser", parent)
        self.heading = label("language-chooser-heading", "title")
        self.body.addWidget(self.heading)
        row = QWidget()
        flow = FlowLayout(row, spacing=16)
        self.buttons: dict[str, BigButton] = {}
        for code in languages:
            button = BigButton(f"language-{code}", role="language")
            button.setText(native_name(code))
            button.clicked.connect(lambda _=False, c=code: self._choose(c))
            self.buttons[code] = button
            flow.addWidget(button)
        self.body.addWidget(row)
        self.close_button = BigButton("language-chooser-close", icon_name="back")
        self.close_button.clicked.connect(self.hide)
        self.body.addWidget(self.close_button)
        self.retranslate_ui()

    def _choose(self, code: str) -> None:
        self.hide()
        self.language_chosen.emit(code)

    def retranslate_ui(self) -> None:
        # In every language at once would be too much; the buttons carry the names.
        self.heading.setText(self.tr("Choose your language"))
        self.close_button.setText(self.tr("Back"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
