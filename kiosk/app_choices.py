"""The composition root's part for the visitor's choices: language, text size and
contrast, from the top bar's buttons and the language chooser to everything the visitor
sees (the window, the help desk's screens, the rooms, admin mode, screen share, the
on-screen keyboard); and the "choices" visitor part. Wiring only, like kiosk/app.py.

The session's preferences keep the choices, and the session is replaced at every wipe:
each button looks the session up as it is pressed. The screen is redrawn only where the
new choices differ from what it shows, so a wipe, which brings back the defaults, mostly
redraws nothing.

Some of what is drawn is made after the first choices are shown (the rooms, admin mode):
those are drawn as they are made, and from then on here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from kiosk.session.preferences import Choices, Preferences

if TYPE_CHECKING:
    from kiosk.app import KioskApp


class VisitorChoices(QObject):
    """The visitor's choices on every screen of one kiosk."""

    def __init__(self, kiosk: KioskApp) -> None:
        super().__init__(kiosk)
        self.kiosk = kiosk
        #: The choices the screen shows now (None: none yet).
        self.shown: Choices | None = None

    def _preferences(self) -> Preferences:
        return self.kiosk.session.preferences

    def connect_buttons(self) -> None:
        """The top bar's text size, contrast and language buttons, and the chooser."""
        bar = self.kiosk.window.top_bar
        bar.text_bigger.connect(self._on_text_bigger)
        bar.text_smaller.connect(self._on_text_smaller)
        bar.contrast_toggled.connect(self._on_contrast_toggled)
        bar.language_chosen.connect(self._on_language_chosen)
        self.kiosk.window.language_chooser.language_chosen.connect(self._on_language_chosen)

    def _on_text_bigger(self) -> None:
        self._preferences().bigger_text()

    def _on_text_smaller(self) -> None:
        self._preferences().smaller_text()

    def _on_contrast_toggled(self) -> None:
        self._preferences().toggle_contrast()

    def _on_language_chosen(self, language: str) -> None:
        self._preferences().set_language(language)

    def show(self, _old: Choices | None, new: Choices) -> None:
        """Show ``new`` (the visitor's choices), redrawing only what differs from what
        the window shows now (after a wipe, usually nothing)."""
        kiosk, shown = self.kiosk, self.shown
        admin = getattr(kiosk, "admin", None)
        if shown is None or shown.language != new.language:
            kiosk.translations.switch(new.language)
            kiosk.admin_translations.switch(new.language)
            kiosk.window.retranslate_ui()
            if admin is not None:
                admin.show_language(new.language)
        prefs = self._preferences() if hasattr(kiosk, "keeper") else None
        kiosk.window.apply_choices(
            new,
            prefs.can_grow if prefs else True,
            prefs.can_shrink if prefs else False,
            shown,
        )
        kiosk.helpdesk.apply_theme(new.text_scale, new.high_contrast, new.language)
        if shown is None or (shown.text_scale, shown.high_contrast) != (
            new.text_scale,
            new.high_contrast,
        ):
            kiosk.page_crashed.apply_theme(new.text_scale, new.high_contrast)
            if hasattr(kiosk, "safe_rooms"):  # the rooms made later are drawn so too
                kiosk.safe_rooms.apply_theme(new.text_scale, new.high_contrast)
            if admin is not None:
                admin.apply_theme(new.high_contrast)
        if hasattr(kiosk, "screen_share"):
            kiosk.screen_share.set_language(new.language)
        if kiosk.keyboard is not None:
            kiosk.keyboard.show_choices(new)
        self.shown = new

    # -- the visitor part ---------------------------------------------------------------
    def reset_for_next_visitor(self) -> None:
        # The screen follows the preferences: back to the defaults, the screen with them.
        self._preferences().reset()

    def leftovers(self) -> list[str]:
        """The screen must show the defaults again (the new session brings them)."""
        defaults = self._preferences().defaults
        found = []
        if self.shown != defaults:
            found.append(
                "the screen still shows the last visitor's language, text size or contrast"
            )
        if self.kiosk.translations.language != defaults.language:
            found.append("the last visitor's language is still loaded")
        return found
