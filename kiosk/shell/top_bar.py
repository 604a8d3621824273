"""The bar at the top of every screen: languages, text size, contrast, help, end session."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.languages import native_name
from kiosk.session.preferences import Choices
from kiosk.ui.controls import BigButton, restyle
from kiosk.ui.flow_layout import FlowLayout

MAX_INLINE_LANGUAGES = 4


class TopBar(QWidget):
    """Signals:
    language_chosen(str), more_languages_requested(), text_bigger(), text_smaller(),
    contrast_toggled(), help_requested(), end_session_requested()
    """

    language_chosen = Signal(str)
    more_languages_requested = Signal()
    text_bigger = Signal()
    text_smaller = Signal()
    contrast_toggled = Signal()
    help_requested = Signal()
    end_session_requested = Signal()

    def __init__(self, languages: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("top-bar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        # Wraps to a second row on narrow screens or with big text.
        layout = FlowLayout(self, spacing=10)
        layout.setContentsMargins(16, 10, 16, 10)

        # Up to four languages each have a button; with more, the first three do and
        # "Languages" opens the chooser with the rest.
        self.inline = languages if len(languages) <= MAX_INLINE_LANGUAGES else languages[:3]
        self.overflow = tuple(code for code in languages if code not in self.inline)
        self.language_buttons: dict[str, BigButton] = {}
        for code in self.inline:
            button = BigButton(f"language-{code}", role="language")
            button.setText(native_name(code))
            button.clicked.connect(lambda _=False, c=code: self.language_chosen.emit(c))
            self.language_buttons[code] = button
            layout.addWidget(button)
        self.more = BigButton("language-more", role="language", icon_name="language")
        self.more.clicked.connect(self.more_languages_requested)
        self.more.setVisible(bool(self.overflow))
        self._current = languages[0]
        layout.addWidget(self.more)

        self.smaller = BigButton("text-size-down")
        self.smaller.setText("A−")
        self.smaller.clicked.connect(self.text_smaller)
        self.bigger = BigButton("text-size-up")
        self.bigger.setText("A+")
        self.bigger.clicked.connect(self.text_bigger)
        self.contrast = BigButton("contrast-toggle", role="toggle", icon_name="contrast")
        self.contrast.clicked.connect(self.contrast_toggled)
        for widget in (self.smaller, self.bigger, self.contrast):
            layout.addWidget(widget)

        self.help = BigButton("help-button", role="help", icon_name="help")
        self.help.clicked.connect(self.help_requested)
        self.end = BigButton("end-session-button", icon_name="end")
        self.end.clicked.connect(self.end_session_requested)
        layout.far_end_from = layout.count()
        layout.addWidget(self.help)
        layout.addWidget(self.end)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        # "A−" and "A+" are symbols, not words: right to left they would show as "−A" and
        # "+A"; a left-to-right mark after them keeps them as they are.
        mark = "\u200e" if self.isRightToLeft() else ""
        self.smaller.setText("A−" + mark)
        self.bigger.setText("A+" + mark)
        self.smaller.setToolTip(self.tr("Smaller text"))
        self.smaller.setAccessibleName(self.tr("Smaller text"))
        self.bigger.setToolTip(self.tr("Bigger text"))
        self.bigger.setAccessibleName(self.tr("Bigger text"))
        self.contrast.setText(self.tr("Contrast"))
        self.contrast.setAccessibleName(self.tr("Strong colours on or off"))
        self.help.setText(self.tr("Call digital support"))
        self.end.setText(self.tr("End session"))
        for code, button in self.language_buttons.items():
            button.setAccessibleName(native_name(code))
        if self._current in self.overflow:
            self.more.setText(native_name(self._current))
        else:
            self.more.setText(self.tr("Languages"))
        self.more.setAccessibleName(self.tr("Languages"))

    def show_choices(self, choices: Choices, can_grow: bool, can_shrink: bool) -> None:
        for code, button in self.language_buttons.items():
            button.setProperty("current", code == choices.language)
            restyle(button)
        self._current = choices.language
        self.more.setProperty("current", choices.language in self.overflow)
        restyle(self.more)
        self.retranslate_ui()
        self.contrast.setProperty("checked", choices.high_contrast)
        restyle(self.contrast)
        self.bigger.setEnabled(can_grow)
        self.smaller.setEnabled(can_shrink)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.LanguageChange, QEvent.Type.LayoutDirectionChange):
            self.retranslate_ui()
        super().changeEvent(event)
