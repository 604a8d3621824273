"""The staff's code pad: the one-time code from the staff page, or the admin PIN.

Big digit keys (a touch screen), the digits hidden as they are typed, and a plain answer:
wrong (and how long to wait), locked, not set, cannot be checked. The code is checked by
the verifier (kiosk/admin/transport.py: a service out of the kiosk's reach) on a worker
thread, so a slow hash never freezes the screen. What was typed is forgotten after every
try, and at every wipe.
"""

from __future__ import annotations

import enum
import logging
import math

from PySide6.QtCore import (
    QEvent,
    QObject,
    QRegularExpression,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLineEdit, QWidget

from kiosk.admin import protocol
from kiosk.admin.codes import PIN_MAX
from kiosk.admin.protocol import Verdict
from kiosk.admin.transport import VerifierClient
from kiosk.ui.controls import BigButton, forget_text, label
from kiosk.ui.window_overlay import WindowOverlay

log = logging.getLogger("kiosk.admin")


class Purpose(enum.Enum):
    UNLOCK = "unlock"
    EXIT = "exit"  # leave the kiosk for maintenance: the code again


class _Check(QRunnable):
    """Asks the verifier on a worker thread; the answer comes back as a signal."""

    def __init__(self, client: VerifierClient, code: str, answer: SignalInstance) -> None:
        super().__init__()
        self._client = client
        self._code = code
        self._answer = answer

    def run(self) -> None:
        try:
            verdict = self._client.verify(self._code)
        except Exception:  # never "yes" by accident: an error is a refusal
            log.exception("the admin code could not be checked")
            verdict = Verdict(False, problem=protocol.UNREACHABLE)
        self._code = ""
        self._answer.emit(verdict)


class _Relay(QObject):
    answered = Signal(object)


class CodePad(WindowOverlay):
    """Signals: unlocked(str) (the method: "code" or "pin"), exit_confirmed(), cancelled()"""

    unlocked = Signal(str)
    exit_confirmed = Signal()
    cancelled = Signal()

    def __init__(self, client: VerifierClient, parent: QWidget) -> None:
        super().__init__("admin-pin-dialog", parent)
        self.client = client
        self.purpose = Purpose.UNLOCK
        self.checking = False
        self._wait_left = 0
        self._last: Verdict | None = None
        self._relay = _Relay(self)
        self._relay.answered.connect(self._on_answer)
        self._wait_timer = QTimer(self)
        self._wait_timer.setInterval(1000)
        self._wait_timer.timeout.connect(self._on_wait_tick)

        self.heading = label("admin-pad-heading", "title")
        self.explain = label("admin-pad-text")
        self.protection = label("admin-pad-protection", "muted")
        self.input = QLineEdit()
        self.input.setObjectName("admin-code-input")
        self.input.setEchoMode(QLineEdit.EchoMode.Password)
        self.input.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.input.setMaxLength(PIN_MAX)
        self.input.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,12}")))
        self.input.setInputMethodHints(
            Qt.InputMethodHint.ImhDigitsOnly | Qt.InputMethodHint.ImhSensitiveData
        )
        self.input.setMinimumHeight(72)
        self.input.setStyleSheet("font-size: 36px; letter-spacing: 8px;")
        self.input.returnPressed.connect(self.submit)
        self.message = label("admin-pad-message", "notice")
        self.message.hide()

        keys = QGridLayout()
        keys.setSpacing(12)
        self.digit_keys: dict[str, BigButton] = {}
        for index, digit in enumerate("123456789"):
            self._add_key(keys, digit, index // 3, index % 3)
        self.erase_key = BigButton("admin-key-erase")
        self.erase_key.clicked.connect(self.input.backspace)
        keys.addWidget(self.erase_key, 3, 0)
        self._add_key(keys, "0", 3, 1)
        self.ok_key = BigButton("admin-key-ok", role="primary")
        self.ok_key.clicked.connect(self.submit)
        keys.addWidget(self.ok_key, 3, 2)

        row = QHBoxLayout()
        row.addStretch(1)
        self.cancel_button = BigButton("admin-pad-cancel")
        self.cancel_button.clicked.connect(self.cancel)
        row.addWidget(self.cancel_button)

        for widget in (self.heading, self.explain, self.protection, self.input, self.message):
            self.body.addWidget(widget)
        self.body.addLayout(keys)
        self.body.addLayout(row)
        self.card.setMaximumWidth(620)
        self.retranslate_ui()

    def _add_key(self, grid: QGridLayout, digit: str, row: int, column: int) -> None:
        key = BigButton(f"admin-key-{digit}")
        key.setText(digit)
        key.setMinimumHeight(72)
        key.clicked.connect(lambda _=False, d=digit: self.input.insert(d))
        self.digit_keys[digit] = key
        grid.addWidget(key, row, column)

    # -- asking ------------------------------------------------------------------------
    def ask(self, purpose: Purpose) -> None:
        self.purpose = purpose
        forget_text(self.input)
        waiting = self._wait_left > 0 and self._last is not None
        self._show_message(self._explain(self._last) if waiting and self._last else "")
        self.retranslate_ui()
        self.popup()
        self.input.setFocus()

    def cancel(self) -> None:
        forget_text(self.input)
        self.hide()
        self.cancelled.emit()

    def submit(self) -> None:
        code = self.input.text()
        forget_text(self.input)
        if not code or self.checking or self._wait_left > 0:
            return
        self.checking = True
        self._enable_keys(False)
        self._show_message(self.tr("Checking…"))
        QThreadPool.globalInstance().start(_Check(self.client, code, self._relay.answered))

    def _on_answer(self, verdict: Verdict) -> None:
        self.checking = False
        self._last = verdict
        if verdict.ok:
            self._show_message("")
            self._enable_keys(True)
            self.hide()
            if self.purpose is Purpose.EXIT:
                self.exit_confirmed.emit()
            else:
                self.unlocked.emit(verdict.method)
            return
        self._wait_left = math.ceil(verdict.wait_s)
        if self._wait_left > 0:
            self._wait_timer.start()
        self._enable_keys(self._wait_left <= 0)
        self._show_message(self._explain(verdict))

    def _on_wait_tick(self) -> None:
        self._wait_left -= 1
        if self._wait_left <= 0:
            self._wait_timer.stop()
            self._enable_keys(True)
        if self._last is not None:
            self._show_message(self._explain(self._last))

    def _explain(self, verdict: Verdict) -> str:
        problem = verdict.problem
        wait = max(0, self._wait_left)
        if problem == protocol.LOCKED:
            if wait <= 0:
                return self.tr("The lock has ended. Type the code.")
            minutes = max(1, math.ceil(wait / 60))
            return self.tr(
                "Locked after 5 wrong codes. Try again in {minutes} min. The staff page shows "
                "the code for this kiosk."
            ).format(minutes=minutes)
        if problem in (protocol.WRONG, protocol.WAIT):
            if wait > 0:
                return self.tr("Wrong code. Wait {seconds} s and try again.").format(seconds=wait)
            return self.tr("Wrong code. Try again.")
        if problem == protocol.NOT_SET:
            return self.tr(
                "No admin PIN and no one-time code is set on this computer, so admin mode "
                "cannot be opened. Set a PIN with: kiosk admin set-pin"
            )
        if problem == protocol.DAMAGED:
            return self.tr("The admin PIN is damaged. Set it again with: kiosk admin set-pin")
        return self.tr(
            "The code cannot be checked now: the admin verifier service does not answer. "
            "Restart the computer, or run kiosk doctor."
        )

    def _enable_keys(self, enabled: bool) -> None:
        for key in (*self.digit_keys.values(), self.erase_key, self.ok_key):
            key.setEnabled(enabled)

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # -- the wipe ----------------------------------------------------------------------
    def reset_for_next_visitor(self) -> None:
        forget_text(self.input)
        self._show_message("")
        # (A running wait stays: it is the verifier's, not anybody's data.)
        super().reset_for_next_visitor()

    def leftovers(self) -> list[str]:
        found = super().leftovers()
        if self.input.text():
            found.append("the code pad still holds digits")
        return found

    # -- text --------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        if self.purpose is Purpose.EXIT:
            self.heading.setText(self.tr("Leave the kiosk for maintenance"))
            self.explain.setText(
                self.tr(
                    "The kiosk closes until the computer restarts. Type the code again to confirm."
                )
            )
        else:
            self.heading.setText(self.tr("Staff only"))
            self.explain.setText(
                self.tr("Type the 6-digit code from the staff page, or the admin PIN.")
            )
        if self.client.protected:
            self.protection.setText("")
        else:
            self.protection.setText(
                self.tr(
                    "Not protected: development checkout. On an installed kiosk the PIN is "
                    "kept where the kiosk cannot read it."
                )
            )
        self.protection.setVisible(bool(self.protection.text()))
        self.erase_key.setText(self.tr("Erase"))
        self.erase_key.setAccessibleName(self.tr("Erase the last digit"))
        self.ok_key.setText(self.tr("OK"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.input.setAccessibleName(self.tr("Admin code"))
        self.setAccessibleName(self.heading.text())
        if self._last is not None and not self._last.ok and self.message.isVisibleTo(self):
            self._show_message(self._explain(self._last))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
