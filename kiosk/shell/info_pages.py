"""Friendly full-area pages that replace the browser's own: "not available here" and
"could not open the page". Plain words, a way back, and the help button.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui import icons
from kiosk.ui.controls import BigButton, label, set_role
from kiosk.ui.flow_layout import FlowLayout
from kiosk.ui.theme import palette


class _InfoPage(QWidget):
    """A card in the middle: icon, heading, text, buttons."""

    help_requested = Signal()

    def __init__(self, object_name: str, icon_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.icon_name = icon_name
        # Big text on a small screen may not fit: the card scrolls rather than overlaps.
        scroller = QScrollArea()
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner = QWidget()
        scroller.setWidget(inner)
        QVBoxLayout(self).addWidget(scroller)
        outer = QVBoxLayout(inner)
        outer.addStretch(1)
        card = QFrame()
        set_role(card, "card")
        card.setMaximumWidth(820)
        layout = QVBoxLayout(card)
        layout.setContentsMargins(40, 32, 40, 32)
        layout.setSpacing(16)
        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.picture)
        self.heading = label(f"{object_name}-heading", "heading")
        self.body = label(f"{object_name}-text")
        self.detail = label(f"{object_name}-detail", "muted")
        layout.addWidget(self.heading)
        layout.addWidget(self.body)
        layout.addWidget(self.detail)
        button_row = QWidget()
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        button_row.setSizePolicy(policy)
        self.buttons = FlowLayout(button_row, spacing=16)
        layout.addWidget(button_row)
        self.help_button = BigButton(f"{object_name}-help-button", role="help", icon_name="help")
        self.help_button.clicked.connect(self.help_requested)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 4)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

    def apply_theme(self, scale: float, high_contrast: bool) -> None:
        size = round(64 * min(scale, 1.5))
        colour = palette(high_contrast).text
        self.picture.setPixmap(icons.pixmap_from_svg(icons.icon_path(self.icon_name), colour, size))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        # Not self.tr(): the subclass's name would be the context, not this class's.
        self.help_button.setText(QCoreApplication.translate("InfoPage", "Call digital support"))


class BlockedPage(_InfoPage):
    """Shown instead of a page the kiosk does not open.

    Signals: back_requested(), help_requested()
    """

    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("blocked-page", "blocked", parent)
        self._host = ""
        self.back_button = BigButton("blocked-back-button", role="primary", icon_name="back")
        self.back_button.clicked.connect(self.back_requested)
        self.buttons.addWidget(self.back_button)
        self.buttons.addWidget(self.help_button)
        self.retranslate_ui()

    def show_host(self, host: str) -> None:
        self._host = host
        self.retranslate_ui()

    def leftovers(self) -> list[str]:
        return ["the blocked page still names an address"] if self._host else []

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.heading.setText(self.tr("This page is not available on this computer"))
        self.body.setText(
            self.tr(
                "This computer opens only the pages that this errand needs. "
                "Go back to where you were. If you need this page, ask for help."
            )
        )
        self.detail.setText(self.tr("Address: {address}").format(address=self._host))
        self.detail.setVisible(bool(self._host))
        self.back_button.setText(self.tr("Go back"))


class OfflinePage(_InfoPage):
    """Shown when a page cannot be opened. Signals: retry_requested(), home_requested()"""

    retry_requested = Signal()
    home_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("offline-page", "offline", parent)
        self.retry_button = BigButton("offline-retry-button", role="primary", icon_name="reload")
        self.retry_button.clicked.connect(self.retry_requested)
        self.home_button = BigButton("offline-home-button", icon_name="home")
        self.home_button.clicked.connect(self.home_requested)
        self.buttons.addWidget(self.retry_button)
        self.buttons.addWidget(self.home_button)
        self.buttons.addWidget(self.help_button)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.heading.setText(self.tr("The page could not be opened"))
        self.body.setText(
            self.tr(
                "There may be no internet connection right now, or the service is not "
                "answering. Wait a moment and press Try again."
            )
        )
        self.detail.setText(self.tr("If this keeps happening, tell the staff."))
        self.retry_button.setText(self.tr("Try again"))
        self.home_button.setText(self.tr("All services"))
