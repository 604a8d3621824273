"""A page's own questions (alert, confirm, prompt, "leave this page?", a log-in prompt),
shown as the kiosk's cards instead of Qt's or Chromium's dialogs.

Each card has a clear way out (Cancel, Stay, OK), never traps the visitor (a page may
ask only a few times per page; more are answered "no" by the page adapter), and is
closed and answered "no" by the session wipe. The page's text is shown as plain text.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QLineEdit, QWidget

from kiosk.browser.webengine.dialogs import DialogKind, DialogRequest
from kiosk.shell.rooms.overlay import RequestOverlay
from kiosk.ui.controls import BigButton, forget_text, label

MAX_INPUT_CHARS = 500


class WebDialog(RequestOverlay):
    """Shows one ``DialogRequest`` at a time. Signals: closed() (from Overlay)."""

    def __init__(self, host: QWidget, area: Callable[[], QRect]) -> None:
        super().__init__("web-dialog", host, area, card=True)
        self.request: DialogRequest | None = None
        self.heading = label("web-dialog-heading", "heading")
        self.origin = label("web-dialog-origin", "muted")
        self.message = label("web-dialog-message")
        self.input = QLineEdit()
        self.input.setObjectName("web-dialog-input")
        self.input.setMaxLength(MAX_INPUT_CHARS)
        self.user_label = label("web-dialog-user-label")
        self.user = QLineEdit()
        self.user.setObjectName("web-dialog-user")
        self.user.setMaxLength(MAX_INPUT_CHARS)
        self.password_label = label("web-dialog-password-label")
        self.password = QLineEdit()
        self.password.setObjectName("web-dialog-password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(MAX_INPUT_CHARS)
        for widget in (self.heading, self.origin, self.message, self.input):
            self.body.addWidget(widget)
        for widget in (self.user_label, self.user, self.password_label, self.password):
            self.body.addWidget(widget)
        self.ok = BigButton("web-dialog-ok", role="primary", icon_name="check")
        self.cancel = BigButton("web-dialog-cancel", icon_name="close")
        self.add_action(self.ok)
        self.add_action(self.cancel)
        self.ok.clicked.connect(self._on_ok)
        self.cancel.clicked.connect(self.cancel_request)
        for field in (self.input, self.user, self.password):
            field.returnPressed.connect(self._on_ok)
        self.retranslate_ui()

    def ask(self, request: DialogRequest) -> None:
        if not self.take(request):
            return
        kind = request.kind
        self.input.setText(request.default_text if kind is DialogKind.PROMPT else "")
        forget_text(self.user, self.password)
        self.input.setVisible(kind is DialogKind.PROMPT)
        for widget in (self.user_label, self.user, self.password_label, self.password):
            widget.setVisible(kind is DialogKind.LOGIN)
        self.cancel.setVisible(kind is not DialogKind.ALERT)
        self.retranslate_ui()
        focus = {DialogKind.PROMPT: self.input, DialogKind.LOGIN: self.user}.get(kind, self.ok)
        self.open_overlay(focus)

    def _on_ok(self) -> None:
        request = self.request
        if request is None:
            return
        request.answer(
            True,
            text=self.input.text() if request.kind is DialogKind.PROMPT else "",
            user=self.user.text(),
            password=self.password.text(),
        )

    def forget(self) -> None:
        forget_text(self.input, self.user, self.password)
        self.message.clear()
        self.origin.clear()

    def leftovers(self) -> list[str]:
        found = super().leftovers()
        fields = (self.input, self.user, self.password)
        if any(f.text() or f.isUndoAvailable() for f in fields):
            found.append("a field of the page's dialog holds text")
        if self.message.text() or self.origin.text():
            found.append("the page's message is still shown")
        return found

    def retranslate_ui(self) -> None:
        request = self.request
        kind = request.kind if request is not None else DialogKind.ALERT
        host = request.host if request is not None else ""
        headings = {
            DialogKind.ALERT: self.tr("The page says"),
            DialogKind.CONFIRM: self.tr("The page asks"),
            DialogKind.PROMPT: self.tr("The page asks you to write"),
            DialogKind.LEAVE: self.tr("Leave this page?"),
            DialogKind.LOGIN: self.tr("The page asks for a user name and password"),
        }
        self.heading.setText(headings[kind])
        if host:
            self.origin.setText(self.tr("Page: {address}").format(address=host))
        else:
            self.origin.clear()
        self.origin.setVisible(bool(host))
        if kind is DialogKind.LEAVE:
            self.message.setText(self.tr("If you leave, what you wrote on this page may be lost."))
        else:
            self.message.setText(request.message if request is not None else "")
        self.message.setVisible(bool(self.message.text()))
        self.user_label.setText(self.tr("User name"))
        self.password_label.setText(self.tr("Password"))
        self.ok.setText(
            {
                DialogKind.LEAVE: self.tr("Leave"),
                DialogKind.LOGIN: self.tr("Log in"),
            }.get(kind, self.tr("OK"))
        )
        self.cancel.setText(self.tr("Stay") if kind is DialogKind.LEAVE else self.tr("Cancel"))
