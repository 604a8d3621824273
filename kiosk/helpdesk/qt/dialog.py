"""The help dialog: what is it about (big pictures), an optional call-back number, Send.

When the help desk cannot be reached it says so honestly, and shows the centre's own
phone and WhatsApp numbers with a QR code to call from a phone.

It looks like the kiosk's other questions: a card in the middle of the window, the
kiosk dimmed behind it, in the kiosk's colours (high contrast too). The topic chosen is
filled and marked; a topic's name wraps rather than being cut, in every language, and
the card scrolls (its buttons stay in sight) rather than squeezing the topics.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QIcon,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPixmap,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.helpdesk import model
from kiosk.helpdesk.model import Topic
from kiosk.ui.controls import BigButton, FocusRing, label, restyle, set_role
from kiosk.ui.hyphens import fits_in, hyphenate
from kiosk.ui.icons import icon_path, pixmap_from_svg
from kiosk.ui.qr import QrCode
from kiosk.ui.theme import MIN_TOUCH_PX, palette

PICTURES = Path(__file__).resolve().parent / "pictures"
PICTURE_PX = 64
CARD_MAX_WIDTH = 940
# How much of the kiosk shows through behind the card.
SCRIM_ALPHA = 170


def topic_picture(topic: Topic, colour: str, size: int = PICTURE_PX) -> QIcon:
    return QIcon(pixmap_from_svg(PICTURES / f"{topic.value}.svg", colour, size))


class TopicButton(FocusRing, QPushButton):
    """A topic: its picture over its name (the name wraps; it is never cut). Chosen, it is
    filled in the primary colour with a check mark, in both themes."""

    def __init__(self, topic: Topic, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.topic = topic
        self.setObjectName(f"help-topic-{topic.value}")
        set_role(self, "topic")
        self.setCheckable(True)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumSize(150, MIN_TOUCH_PX)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(6)
        row = QHBoxLayout()
        self.picture = QLabel()
        self.mark = QLabel()
        row.addStretch(1)
        row.addWidget(self.picture)
        row.addWidget(self.mark, 0, Qt.AlignmentFlag.AlignTop)
        row.addStretch(1)
        layout.addLayout(row)
        self.name = label(f"help-topic-{topic.value}-name", "topic-name")
        self.name.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.name, 1)
        for child in (self.picture, self.mark, self.name):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._high_contrast = False
        self._name = ("", "")
        self.toggled.connect(lambda _checked: self._show_state())
        self._show_state()

    def set_name(self, name: str, language: str) -> None:
        self._name = (name, language)
        room = self.width() - 24 if self.isVisible() else 0
        self.name.setText(hyphenate(name, language, fits_in(self.name.fontMetrics(), room)))
        self.setAccessibleName(name)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width() and self._name[0]:
            self.set_name(*self._name)

    def text(self) -> str:  # the name, for tests and screen readers (QPushButton's is "")
        return self.accessibleName()

    def apply_theme(self, high_contrast: bool) -> None:
        self._high_contrast = high_contrast
        self._ring_high_contrast = high_contrast
        self._show_state()

    def _show_state(self) -> None:
        p = palette(self._high_contrast)
        chosen = self.isChecked()
        colour = p.on_primary if chosen else p.text
        self.picture.setPixmap(
            pixmap_from_svg(PICTURES / f"{self.topic.value}.svg", colour, PICTURE_PX)
        )
        self.picture.setFixedSize(PICTURE_PX, PICTURE_PX)
        mark = pixmap_from_svg(icon_path("check"), colour, 28) if chosen else QPixmap()
        self.mark.setPixmap(mark)
        self.mark.setFixedSize(28, 28)
        self.setProperty("chosen", chosen)
        for widget in (self, self.name):
            restyle(widget)

    def sizeHint(self) -> QSize:
        layout = self.layout()
        hint = layout.sizeHint() if layout is not None else QSize()
        return hint.expandedTo(self.minimumSize())

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        layout = self.layout()
        return layout.totalHeightForWidth(width) if layout is not None else -1


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
        if parent is not None:
            # Over the kiosk's whole window, like its other questions (no title bar).
            self.setWindowFlags(Qt.WindowType.Dialog | Qt.WindowType.FramelessWindowHint)
        self.centre_phone = centre_phone
        self.centre_whatsapp = centre_whatsapp
        self._sent = False
        self._language = "en"
        self._backdrop = QPixmap()
        self._high_contrast = False

        self.heading = label("help-dialog-heading", "heading")
        self.topics: dict[Topic, TopicButton] = {}
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        grid = QGridLayout()
        grid.setSpacing(12)
        for index, topic in enumerate(Topic):
            button = TopicButton(topic)
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
        # Sensitive: kept out of any learning keyboard, and masked in a shared screen.
        self.phone_input.setInputMethodHints(
            Qt.InputMethodHint.ImhDialableCharactersOnly
            | Qt.InputMethodHint.ImhSensitiveData
            | Qt.InputMethodHint.ImhNoPredictiveText
        )
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

        self.close_button = BigButton("help-dialog-close", icon_name="back")
        self.close_button.clicked.connect(self.reject)
        self.send_button = BigButton("help-send-button", role="primary", icon_name="help")
        self.send_button.setEnabled(False)
        self.send_button.clicked.connect(self._on_send_clicked)
        buttons = QHBoxLayout()
        buttons.setSpacing(16)
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        buttons.addWidget(self.send_button)
        for action in (self.close_button, self.send_button):
            action.setMinimumHeight(MIN_TOUCH_PX)
            action.setMinimumWidth(180)

        # The card: what scrolls (when big text or an error needs the room) and the
        # buttons, always in sight under it.
        self.card = QFrame()
        self.card.setObjectName("help-dialog-card")
        set_role(self.card, "card")
        self.card.setMaximumWidth(CARD_MAX_WIDTH)
        inner = QWidget()
        content = QVBoxLayout(inner)
        content.setSpacing(14)
        content.setContentsMargins(28, 24, 28, 8)
        content.addWidget(self.heading)
        content.addLayout(grid)
        content.addWidget(self.phone_label)
        content.addWidget(self.phone_input)
        content.addWidget(self.problem)
        content.addWidget(self.offline_box)
        self.scroller = QScrollArea()
        self.scroller.setObjectName("help-dialog-scroll")
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroller.setWidget(inner)
        card_layout = QVBoxLayout(self.card)
        card_layout.setContentsMargins(0, 0, 0, 20)
        card_layout.addWidget(self.scroller, 1)
        actions = QWidget()
        actions_layout = QVBoxLayout(actions)
        actions_layout.setContentsMargins(28, 8, 28, 0)
        actions_layout.addLayout(buttons)
        card_layout.addWidget(actions)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.card, 20)
        row.addStretch(1)
        layout.addStretch(1)
        layout.addLayout(row, 40)
        layout.addStretch(1)
        self.retranslate_ui()

    # -- looks ----------------------------------------------------------------------

    def apply_theme(self, scale: float, high_contrast: bool, language: str = "") -> None:
        """The kiosk's colours (and the visitor's language, for breaking long names)."""
        self._high_contrast = high_contrast
        if language:
            self._language = language
        for topic in self.topics.values():
            topic.apply_theme(high_contrast)
        for button in self.findChildren(BigButton):
            button.apply_theme(min(scale, 1.5), high_contrast)
        self.retranslate_ui()

    def cover_parent(self) -> None:
        """Cover the kiosk's window; behind the card, the window as it was, dimmed."""
        parent = self.parentWidget()
        if parent is None:
            return
        window = parent.window()
        self._backdrop = window.grab()
        self.setGeometry(QRect(window.mapToGlobal(QPoint(0, 0)), window.size()))

    def showEvent(self, event: QShowEvent) -> None:
        self.cover_parent()
        super().showEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        if self.parentWidget() is not None:
            if not self._backdrop.isNull():
                painter.drawPixmap(self.rect(), self._backdrop)
            painter.fillRect(self.rect(), QColor(0, 0, 0, SCRIM_ALPHA))
        else:
            painter.fillRect(self.rect(), QColor(palette(self._high_contrast).background))
        painter.end()

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
                self.scroller.ensureWidgetVisible(self.problem)
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
        self.setAccessibleName(self.tr("Call digital support"))
        self.heading.setText(self.tr("What do you need help with?"))
        names = {
            Topic.LOGIN: self.tr("Logging in"),
            Topic.FORM: self.tr("A form or application"),
            Topic.PRINT: self.tr("Printing or scanning"),
            Topic.COMPUTER: self.tr("The computer itself"),
            Topic.OTHER: self.tr("Something else"),
        }
        for topic, button in self.topics.items():
            button.set_name(names[topic], self._language)
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
