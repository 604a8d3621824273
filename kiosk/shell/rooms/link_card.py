"""A phone number or e-mail address that a page linked to (``tel:``, ``mailto:``, ``sms:``).

This computer cannot call or send e-mail, and no other program may start. The card shows
the number or address in big text, to copy by hand, and a QR code: the visitor points
their phone's camera at it and the phone offers to call, write or text. The number is
cleaned to digits and the address cut before its parameters: a page's own subject or
message text is never shown or passed on.
"""

from __future__ import annotations

import string
from collections.abc import Callable
from urllib.parse import unquote

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QHBoxLayout, QWidget

from kiosk.shell.rooms.overlay import Overlay
from kiosk.ui.controls import BigButton, label
from kiosk.ui.qr import QrCode  # black on white, which phones read best

MAX_TARGET_CHARS = 120
_PHONE_CHARS = set(string.digits + "+*#")
QR_SIZE = 220


def clean_target(scheme: str, target: str) -> str:
    """The number or address to show: decoded, without parameters, printable, short."""
    text = unquote(target).strip()
    text = text.removeprefix("//")
    if scheme == "mailto":
        text = text.split("?", 1)[0].split(",", 1)[0]
    else:
        text = text.split("?", 1)[0].split(";", 1)[0]
        text = "".join(ch for ch in text if ch in _PHONE_CHARS or ch in " -()")
        text = " ".join(text.split())
    text = "".join(ch for ch in text if ch.isprintable())
    return text[:MAX_TARGET_CHARS]


def qr_content(scheme: str, target: str) -> str:
    if scheme == "mailto":
        return f"mailto:{target}"
    digits = "".join(ch for ch in target if ch in _PHONE_CHARS)
    return f"{scheme}:{digits}"


class ExternalLinkCard(Overlay):
    """Signals: closed() (from Overlay)."""

    def __init__(self, host: QWidget, area: Callable[[], QRect]) -> None:
        super().__init__("external-link-card", host, area, card=True)
        self.scheme = ""
        self.target = ""
        self.heading = label("external-link-heading", "heading")
        self.explain = label("external-link-text")
        self.target_label = label("external-link-target", "title")
        self.target_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.qr = QrCode(size=QR_SIZE)
        self.qr.setObjectName("external-link-qr")
        self.qr_hint = label("external-link-qr-hint")
        self.back = BigButton("external-link-back", role="primary", icon_name="back")
        for widget in (self.heading, self.explain, self.target_label):
            self.body.addWidget(widget)
        # The code beside its explanation: the two belong together.
        qr_row = QHBoxLayout()
        qr_row.setSpacing(20)
        qr_row.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignTop)
        qr_row.addWidget(self.qr_hint, 1, Qt.AlignmentFlag.AlignVCenter)
        self.body.addLayout(qr_row)
        self.add_action(self.back)
        self.back.clicked.connect(self.close_overlay)
        self.retranslate_ui()

    def show_link(self, scheme: str, target: str) -> None:
        self.scheme = scheme
        self.target = clean_target(scheme, target)
        self.qr.set_data(qr_content(scheme, self.target) if self.target else "")
        self.qr_hint.setVisible(bool(self.target))
        self.retranslate_ui()
        self.open_overlay(self.back)

    def reset_for_next_visitor(self) -> None:
        super().reset_for_next_visitor()
        self.scheme = self.target = ""
        self.target_label.clear()
        self.qr.set_data("")

    def leftovers(self) -> list[str]:
        found = super().leftovers()
        if self.target or self.target_label.text() or self.qr.data:
            found.append("the link card still holds a number or address")
        return found

    def retranslate_ui(self) -> None:
        self.target_label.setText(self.target)
        if self.scheme == "mailto":
            self.heading.setText(self.tr("E-mail address"))
            self.explain.setText(
                self.tr("This computer cannot send e-mail. Write to this address with your phone.")
            )
        elif self.scheme == "sms":
            self.heading.setText(self.tr("Text message"))
            self.explain.setText(
                self.tr("This computer cannot send text messages. Send it with your phone.")
            )
        else:
            self.heading.setText(self.tr("Phone number"))
            self.explain.setText(self.tr("This computer cannot call. Call with your phone."))
        if self.scheme == "mailto":
            hint = self.tr("Or point your phone's camera at the square. It opens the address.")
        else:
            hint = self.tr("Or point your phone's camera at the square. It opens the number.")
        self.qr_hint.setText(hint)
        self.back.setText(self.tr("Back to the page"))
