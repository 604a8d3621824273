"""The help dialog: what is it about (big pictures), an optional call-back number, Send.

When the help desk cannot be reached it says so honestly, and shows the centre's own
phone and WhatsApp numbers with a QR code to call from a phone.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.helpdesk import model
from kiosk.helpdesk.model import Topic
from kiosk.ui.controls import BigButton, label, set_role
from kiosk.ui.icons import pixmap_from_svg
from kiosk.ui.qr import QrCode
from kiosk.ui.theme import MIN_TOUCH_PX, palette

PICTURES = Path(__file__).resolve().parent / "pictures"
PICTURE_PX = 72


def topic_picture(topic: Topic, colour: str, size: int = PICTURE_PX) -> QIcon:
    return QIcon(pixmap_from_svg(PICTURES / f"{topic.value}.svg", colour, size))


class HelpDialog(QDialog):
    """Signals: send_requested(object topic, str phone) - the visitor pressed Send."""

    send_requested = Signal(object, str)

    def __init__(
        self,
        centre_phone: str = "",
        centre_whatsapp: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("help-dialog")
        self.setModal(True)
        self.centre_phone = centre_phone
        self.centre_whatsapp = centre_whatsapp
        self._sent = False

        self.heading = label("help-dialog-heading", "heading")
        self.topics: dict[Topic, QToolButton] = {}
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        grid = QGridLayout()
        grid.setSpacing(12)
        colour = palette(False).text
        for index, topic in enumerate(Topic):
            button = QToolButton()
            button.setObjectName(f"help-topic-{topic.value}")
            button.setCheckable(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
            button.setIcon(topic_picture(topic, colour))
            button.setIconSize(QSize(PICTURE_PX, PICTURE_PX))
            button.setMinimumSize(170, PICTURE_PX + 80)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            set_role(button, "toggle")
            button.toggled.connect(self._on_topic_toggled)
            self._group.addButton(button)
            self.topics[topic] = button
            grid.addWidget(button, index // 3, index % 3)
        for column in range(3):
            grid.setColumnStretch(column, 1)

        self.phone_label = label("help-phone-label")
        self.phone_input = QLineEdit()
        self.phone_input.setObjectName("help-phone-input")
        self.phone_input.setMinimumHeight(MIN_TOUCH_PX)
        self.phone_input.setMaxLength(20)
        self.phone_input.setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)
        self.phone_label.setBuddy(self.phone_input)
        self.problem = label("help-problem", "notice")
        self.problem.hide()

        self.offline_box = QFrame()
        self.offline_box.setObjectName("help-offline")
        set_role(self.offline_box, "check")
        self.offline_text = label("help-offline-text")
        self.centre_numbers = label("help-centre-numbers")
        self.centre_numbers.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.qr = QrCode(f"tel:{centre_phone.replace(' ', '')}" if centre_phone else "")
        self.qr.setObjectName("help-qr")
        offline_layout = QHBoxLayout(self.offline_box)
        texts = QVBoxLayout()
        texts.addWidget(self.offline_text)
        texts.addWidget(self.centre_numbers)
        offline_layout.addLayout(texts, 1)
        offline_layout.addWidget(self.qr)
        self.offline_box.hide()

        self.close_button = BigButton("help-dialog-close")
        self.close_button.clicked.connect(self.reject)
        self.send_button = BigButton("help-send-button", role="primary")
        self.send_button.setEnabled(False)
        self.send_button.clicked.connect(self._on_send_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        buttons.addWidget(self.send_button)
        for action in (self.close_button, self.send_button):
            action.setMinimumHeight(MIN_TOUCH_PX)
            action.setMinimumWidth(180)

        layout = QVBoxLayout(self)
        layout.setSpacing(16)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(self.heading)
        layout.addLayout(grid)
        layout.addWidget(self.phone_label)
        layout.addWidget(self.phone_input)
        layout.addWidget(self.problem)
        layout.addWidget(self.offline_box)
        layout.addLayout(buttons)
        self.retranslate_ui()

    # -- state ----------------------------------------------------------------------

    def selected_topic(self) -> Topic | None:
        for topic, button in self.topics.items():
            if button.isChecked():
                return topic
        return None

    def set_online(self, online: bool | None) -> None:
        """None: no help desk is configured at all; False: it cannot be reached now."""
        self._online = online
        self.offline_box.setVisible(online is not True)
        self.send_button.setVisible(online is not None)
        self.retranslate_ui()

    def _on_topic_toggled(self, _checked: bool) -> None:
        for button in self.topics.values():
            button.setProperty("checked", "true" if button.isChecked() else "false")
            button.style().unpolish(button)
            button.style().polish(button)
        self.send_button.setEnabled(self.selected_topic() is not None and not self._sent)

    def _on_send_clicked(self) -> None:
        topic = self.selected_topic()
        if topic is None or self._sent:
            return
        text = self.phone_input.text().strip()
        phone = ""
        if text:
            try:
                phone = model.normalise_phone(text)
            except ValueError:
                self.problem.setText(
                    self.tr("Please check the phone number: it has 5 to 15 digits.")
                )
                self.problem.show()
                self.phone_input.setFocus()
                return
        self._sent = True  # one press, one request
        self.send_button.setEnabled(False)
        self.send_requested.emit(topic, phone)
        self.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter in the phone field must not press a default button by surprise.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    # -- text -------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Call digital support"))
        self.heading.setText(self.tr("What do you need help with?"))
        names = {
            Topic.LOGIN: self.tr("Logging in"),
            Topic.FORM: self.tr("A form or application"),
            Topic.PRINT: self.tr("Printing or scanning"),
            Topic.COMPUTER: self.tr("The computer itself"),
            Topic.OTHER: self.tr("Something else"),
        }
        for topic, button in self.topics.items():
            button.setText(names[topic])
            button.setAccessibleName(names[topic])
            # Never cut a topic's name: the button is as wide as its words need.
            button.ensurePolished()
            wide = button.fontMetrics().horizontalAdvance(names[topic]) + 56
            button.setMinimumWidth(max(170, wide))
        self.phone_label.setText(
            self.tr("Do you want us to call you? Write your phone number (you can leave it empty).")
        )
        self.phone_input.setPlaceholderText(self.tr("for example 040 123 4567"))
        self.close_button.setText(self.tr("Back"))
        self.send_button.setText(self.tr("Send"))
        if getattr(self, "_online", True) is None:
            self.offline_text.setText(
                self.tr("Help requests are not in use on this computer. Please ask the staff.")
            )
        else:
            self.offline_text.setText(
                self.tr(
                    "The connection to the staff is down right now. Your request will reach "
                    "them when the connection is back."
                )
            )
        numbers = []
        if self.centre_phone:
            numbers.append(self.tr("Phone: {number}").format(number=self.centre_phone))
        if self.centre_whatsapp:
            numbers.append(self.tr("WhatsApp: {number}").format(number=self.centre_whatsapp))
        self.centre_numbers.setText("\n".join(numbers))
        self.centre_numbers.setVisible(bool(numbers))
