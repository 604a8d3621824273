"""A full-window overlay: a dimmed backdrop over everything with a card in the middle.

The idle warning, the end-session question, the language chooser and later screens that
must cover the whole kiosk (help is coming, admin code pad, screen-share consent) build
on it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.ui.controls import set_role


class WindowOverlay(QWidget):
    """Covers its parent completely; a dimmed backdrop with a card in the middle."""

    def __init__(self, object_name: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground, True)
        parent.installEventFilter(self)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.card = QFrame()
        set_role(self.card, "card")
        self.card.setMaximumWidth(900)
        row.addWidget(self.card, 6)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(1)
        self.body = QVBoxLayout(self.card)
        self.body.setContentsMargins(48, 40, 48, 40)
        self.body.setSpacing(20)
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        parent = self.parentWidget()
        if parent is not None and watched is parent and event.type() == QEvent.Type.Resize:
            self.setGeometry(parent.rect())
        return False

    def popup(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()
        # Screen readers announce the overlay at once. (QAccessible makes its many enums
        # when first imported: at the first overlay, not with the first screen.)
        from PySide6.QtGui import QAccessible, QAccessibleEvent  # noqa: PLC0415

        QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.Alert))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(0, 0, 0, 170))
        painter.end()

    def reset_for_next_visitor(self) -> None:
        self.hide()

    def leftovers(self) -> list[str]:
        return [f"{self.objectName()} is still open"] if not self.isHidden() else []
