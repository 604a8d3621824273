"""The language chooser: every language the kiosk offers, each in its own script and name.

The top bar keeps Finnish, Swedish and English one tap away when there is room; its
"Languages" button (or, on a narrow screen, the one button naming the current language)
opens this panel. The language in use is marked.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QSizePolicy, QWidget

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
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        row.setSizePolicy(policy)
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
        self.close_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.close_button.clicked.connect(self.hide)
        self.body.addWidget(self.close_button)
        self.retranslate_ui()

    def show_current(self, language: str) -> None:
        for code, button in self.buttons.items():
            button.set_flag("current", code == language)

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
