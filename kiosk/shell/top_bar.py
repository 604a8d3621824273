"""The bar at the top of every screen: text size, contrast, languages, help, end session.

Always one row, on a 1024 px screen at every text size, in every language. It makes room
in steps, keeping as much as fits: first each language has a button (up to three and
"Languages"), then one language button (the current language, opening the chooser with
all of them), then the bar's own text stays at its normal size while the page's grows.

A− and A+ come first, at the leading edge, with a fixed width: whatever the bar does
to make room, they never move under the finger between two taps.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QWidget

from kiosk.languages import native_name
from kiosk.session.preferences import Choices
from kiosk.ui.controls import BigButton, restyle
from kiosk.ui.theme import MIN_TOUCH_PX

MAX_INLINE_LANGUAGES = 4
SPACING = 8
MARGIN = 12


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
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(MARGIN, 8, MARGIN, 8)
        layout.setSpacing(SPACING)

        self.smaller = BigButton("text-size-down")
        self.smaller.clicked.connect(self.text_smaller)
        self.bigger = BigButton("text-size-up")
        self.bigger.clicked.connect(self.text_bigger)
        for button in (self.smaller, self.bigger):
            # The same width at every text size: the second tap lands where the first did.
            button.setFixedWidth(MIN_TOUCH_PX + 8)
            layout.addWidget(button)
        self.contrast = BigButton("contrast-toggle", role="toggle", icon_name="contrast")
        self.contrast.setCheckable(True)
        self.contrast.clicked.connect(self.contrast_toggled)
        layout.addWidget(self.contrast)

        # Up to four languages each have a button; with more, the first three do and
        # "Languages" opens the chooser (with every language).
        self.languages = languages
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
        self._current = languages[0]
        layout.addWidget(self.more)
        layout.addStretch(1)

        self.help = BigButton("help-button", role="help", icon_name="help")
        self.help.clicked.connect(self.help_requested)
        self.end = BigButton("end-session-button", icon_name="end")
        self.end.clicked.connect(self.end_session_requested)
        layout.addWidget(self.help)
        layout.addWidget(self.end)
        # How the bar makes room now: 0 every language inline, 1 one language button,
        # 2 that and the bar's text at its normal size.
        self.level = 0
        self._fitting = False
        self.retranslate_ui()

    # -- making room -------------------------------------------------------------------
    @property
    def collapsed(self) -> bool:
        """One language button (the current language) instead of one for each."""
        return self.level >= 1 or len(self.languages) == 1

    def _apply_level(self, level: int) -> None:
        self.level = level
        for button in self.language_buttons.values():
            button.setVisible(not self.collapsed and len(self.languages) > 1)
        self.more.setVisible(len(self.languages) > 1 and (self.collapsed or bool(self.overflow)))
        compact = level >= 2
        if self.property("compact") != compact:
            self.setProperty("compact", compact)
            for widget in (self, *self.findChildren(BigButton)):
                restyle(widget)
            for button in self.findChildren(BigButton):
                button.set_flag("compact", compact)
        self._label_more()

    def needed_width(self) -> int:
        """The width the bar's visible buttons need in one row, as they are now."""
        shown = [b for b in self.findChildren(BigButton) if not b.isHidden()]
        widths = sum(max(b.sizeHint().width(), b.minimumWidth()) for b in shown)
        return widths + SPACING * (len(shown) - 1) + 2 * MARGIN

    def fit(self) -> None:
        """Choose the most generous way of showing the bar that fits in one row.

        A hidden bar (the attract screen shows, the window is not up yet) waits: its
        width is known when it shows, and each try asks every button its size."""
        if self._fitting or not self.isVisible():
            return
        self._fitting = True
        try:
            width = self.width()
            for level in (0, 1, 2):
                self._apply_level(level)
                if self.needed_width() <= width:
                    break
            # Placed now, not at the next turn of the event loop: nothing is ever drawn
            # (or tapped) squeezed.
            layout = self.layout()
            if layout is not None:
                layout.activate()
        finally:
            self._fitting = False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.fit()

    # -- what the visitor chose ----------------------------------------------------------
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
        self.more.setAccessibleName(self.tr("Languages"))
        self._label_more()
        # New words have new widths.
        self.fit()

    def _label_more(self) -> None:
        if self.collapsed or self._current in self.overflow:
            self.more.setText(native_name(self._current))
        else:
            self.more.setText(self.tr("Languages"))
        # Filled (chosen) only beside the other languages' own buttons; alone, it is the
        # way to the chooser and names the language in use.
        self.more.set_flag("current", not self.collapsed and self._current in self.overflow)

    def show_choices(self, choices: Choices, can_grow: bool, can_shrink: bool) -> None:
        self._current = choices.language
        for code, button in self.language_buttons.items():
            button.set_flag("current", code == choices.language)
        self.contrast.setChecked(choices.high_contrast)
        self.contrast.set_flag("on", choices.high_contrast)
        self.bigger.setEnabled(can_grow)
        self.smaller.setEnabled(can_shrink)
        self.retranslate_ui()
        self.fit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.LanguageChange, QEvent.Type.LayoutDirectionChange):
            self.retranslate_ui()
        super().changeEvent(event)
