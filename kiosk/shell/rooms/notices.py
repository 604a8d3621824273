"""Short friendly messages from the kiosk's locked doors: a file that cannot be saved,
a page with a broken safety certificate, a passkey request, a printer that is not ready.

One card with an OK button and the help button; plain words, no addresses or file paths.
"""

from __future__ import annotations

import enum
from collections.abc import Callable

from PySide6.QtCore import QRect, Signal
from PySide6.QtWidgets import QWidget

from kiosk.lockdown.file_types import Refusal
from kiosk.shell.rooms.overlay import Overlay
from kiosk.ui.controls import BigButton, label


class Notice(enum.Enum):
    PROGRAM_REFUSED = enum.auto()
    ARCHIVE_REFUSED = enum.auto()
    UNKNOWN_REFUSED = enum.auto()
    MISMATCH_REFUSED = enum.auto()
    TOO_BIG_REFUSED = enum.auto()
    PAGE_REFUSED = enum.auto()
    DOCUMENT_SAVED = enum.auto()
    CERTIFICATE = enum.auto()
    PASSKEY = enum.auto()
    FOLDER_UPLOAD = enum.auto()
    POPUPS = enum.auto()
    NOT_VIEWABLE = enum.auto()


#: What the visitor is told for each refused download (a test checks every one has one).
REFUSAL_NOTICES: dict[Refusal, Notice] = {
    Refusal.PROGRAM: Notice.PROGRAM_REFUSED,
    Refusal.ARCHIVE: Notice.ARCHIVE_REFUSED,
    Refusal.UNKNOWN: Notice.UNKNOWN_REFUSED,
    Refusal.MISMATCH: Notice.MISMATCH_REFUSED,
    Refusal.TOO_BIG: Notice.TOO_BIG_REFUSED,
    Refusal.PAGE: Notice.PAGE_REFUSED,
}


class NoticeCard(Overlay):
    """Signals: help_requested(), closed() (from Overlay)."""

    help_requested = Signal()

    def __init__(self, host: QWidget, area: Callable[[], QRect]) -> None:
        super().__init__("lockdown-notice", host, area, card=True)
        self.notice: Notice | None = None
        self.detail_text = ""
        self.heading = label("lockdown-notice-heading", "heading")
        self.text = label("lockdown-notice-text")
        self.detail = label("lockdown-notice-detail", "muted")
        for widget in (self.heading, self.text, self.detail):
            self.body.addWidget(widget)
        self.ok = BigButton("lockdown-notice-ok", role="primary", icon_name="check")
        self.help = BigButton("lockdown-notice-help", role="help", icon_name="help")
        self.add_action(self.ok)
        self.add_action(self.help)
        self.ok.clicked.connect(self.close_overlay)
        self.help.clicked.connect(self.help_requested)
        self.retranslate_ui()

    def show_notice(self, notice: Notice, detail: str = "") -> None:
        self.notice = notice
        self.detail_text = detail
        self.retranslate_ui()
        self.open_overlay(self.ok)

    def reset_for_next_visitor(self) -> None:
        super().reset_for_next_visitor()
        self.notice = None
        self.detail_text = ""
        self.detail.clear()

    def leftovers(self) -> list[str]:
        found = super().leftovers()
        if self.notice is not None or self.detail_text or self.detail.text():
            found.append("a notice about the visitor's page or file is still kept")
        return found

    def _texts(self, notice: Notice | None) -> tuple[str, str]:
        cannot_save = self.tr("This file cannot be saved on this computer")
        texts = {
            Notice.PROGRAM_REFUSED: (
                cannot_save,
                self.tr(
                    "It is a program. Programs cannot be started here, to keep this "
                    "computer safe for everyone."
                ),
            ),
            Notice.ARCHIVE_REFUSED: (
                cannot_save,
                self.tr(
                    "It is a packed file (such as .zip). Packed files cannot be opened here. "
                    "Ask the service for a PDF instead."
                ),
            ),
            Notice.UNKNOWN_REFUSED: (
                cannot_save,
                self.tr(
                    "This computer saves only documents and pictures, such as PDF files and photos."
                ),
            ),
            Notice.MISMATCH_REFUSED: (
                cannot_save,
                self.tr("The file is not what its name says. It was thrown away, to be safe."),
            ),
            Notice.TOO_BIG_REFUSED: (
                cannot_save,
                self.tr("The file is too big for this computer."),
            ),
            Notice.PAGE_REFUSED: (
                self.tr("The page cannot be saved"),
                self.tr("You can print the page instead: press Print."),
            ),
            Notice.DOCUMENT_SAVED: (
                self.tr("The file is saved for this visit"),
                self.tr(
                    "It cannot be shown on this computer, but you can attach it to an "
                    "application. It is deleted when you end the session."
                ),
            ),
            Notice.NOT_VIEWABLE: (
                self.tr("The file cannot be shown"),
                self.tr("The file is damaged or in a form this computer cannot show."),
            ),
            Notice.CERTIFICATE: (
                self.tr("This page is not safe to open"),
                self.tr(
                    "The page's safety certificate is not valid, so someone could read "
                    "what you send. The kiosk did not open it. Try again later, or ask for help."
                ),
            ),
            Notice.PASSKEY: (
                self.tr("Passkeys cannot be used here"),
                self.tr(
                    "This computer is shared, so passkeys and security keys are not used. "
                    "Choose another way to log in, such as bank codes or a mobile certificate."
                ),
            ),
            Notice.FOLDER_UPLOAD: (
                self.tr("Folders cannot be chosen here"),
                self.tr("Choose one file at a time instead."),
            ),
            Notice.POPUPS: (
                self.tr("Too many windows"),
                self.tr("The page tried to open many new windows. Close the open window first."),
            ),
        }
        return texts.get(notice, ("", "")) if notice is not None else ("", "")

    def retranslate_ui(self) -> None:
        heading, text = self._texts(self.notice)
        self.heading.setText(heading)
        self.text.setText(text)
        # The file's name is the visitor's: shown only while its notice is.
        if self.detail_text:
            self.detail.setText(self.tr("File: {name}").format(name=self.detail_text))
        else:
            self.detail.clear()
        self.detail.setVisible(bool(self.detail_text))
        self.ok.setText(self.tr("OK"))
        self.help.setText(self.tr("Call digital support"))
