"""The red strip on every screen while the screen is shared: who sees it, that they
cannot press anything, what is hidden now, and Stop sharing (and, near the end of the
time, Keep sharing)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.helpdesk.share_model import Pause
from kiosk.ui.controls import BigButton, label, set_role
from kiosk.ui.theme import MIN_TOUCH_PX


class ShareBanner(QFrame):
    """Signals: stop_requested() - Stop sharing; keep_requested() - Keep sharing."""

    stop_requested = Signal()
    keep_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("share-banner")
        set_role(self, "alert")
        self.supporter = ""
        self.pause = Pause.NONE
        self.seconds_left: int | None = None
        self.headline = label("share-banner-text")
        self.detail = label("share-banner-detail")
        self.keep_button = BigButton("share-keep-button")
        self.stop_button = BigButton("share-stop-button", icon_name="stop")
        for button in (self.keep_button, self.stop_button):
            button.setMinimumHeight(MIN_TOUCH_PX)
        self.keep_button.clicked.connect(self.keep_requested)
        self.stop_button.clicked.connect(self.stop_requested)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(self.headline)
        texts.addWidget(self.detail)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.addLayout(texts, 1)
        layout.addWidget(self.keep_button)
        layout.addWidget(self.stop_button)
        self.hide()
        self.retranslate_ui()

    def show_share(
        self, supporter: str, pause: Pause = Pause.NONE, seconds_left: int | None = None
    ) -> None:
        """Show (or update) the banner for a share with ``supporter``."""
        self.supporter = supporter
        self.pause = pause
        self.seconds_left = seconds_left
        self.retranslate_ui()
        self.show()

    def reset_for_next_visitor(self) -> None:
        self.supporter = ""
        self.pause = Pause.NONE
        self.seconds_left = None
        self.retranslate_ui()
        self.hide()

    def retranslate_ui(self) -> None:
        name = self.supporter or self.tr("Someone")
        self.headline.setText(
            self.tr(
                "{name} from digital support sees your screen. They cannot press anything."
            ).format(name=name)
        )
        if self.pause is Pause.PASSWORD:
            detail = self.tr("The page is hidden from {name} while you type a password.").format(
                name=name
            )
        elif self.pause is Pause.IDENTIFICATION:
            detail = self.tr("The identification page is hidden from {name}.").format(name=name)
        else:
            detail = ""
        if self.seconds_left is not None:
            minutes = max(1, (self.seconds_left + 59) // 60)
            ends = self.tr("Sharing stops in {minutes} min.").format(minutes=minutes)
            detail = f"{detail} {ends}".strip()
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        self.keep_button.setText(self.tr("Keep sharing"))
        self.keep_button.setVisible(self.seconds_left is not None)
        self.stop_button.setText(self.tr("Stop sharing"))
        self.setAccessibleName(self.headline.text())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
