"""Panels that open on top of the browser side of the service view: the kiosk's own rooms
for files, printing, links and page dialogs.

They are child widgets, never windows of their own: nothing escapes full screen, the
window guard has nothing to close, and the session wipe reaches them (each has
``reset_for_next_visitor()``, which closes it and forgets what it showed, and
``leftovers()``, which says what it still holds). They cover the
browser bar and the page but not the guide beside them, nor the top bar with its help
and end-session buttons.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.controls import BigButton, set_role
from kiosk.ui.flow_layout import FlowLayout

if TYPE_CHECKING:
    from kiosk.browser.webengine.dialogs import DialogRequest, FileRequest

# How much of the page shows through behind a card (a neutral shade, not a theme colour:
# it only dims what is behind, in either contrast mode).
_SCRIM = QColor(0, 0, 0, 140)
CARD_MAX_WIDTH = 760


class _FitScrollArea(QScrollArea):
    """A scroll area as tall as its content when there is room (Qt's default is small)."""

    def __init__(self) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def sizeHint(self) -> QSize:
        inner = self.widget()
        if inner is None:
            return super().sizeHint()
        hint = inner.sizeHint()
        width = max(hint.width(), 400)
        height = inner.heightForWidth(width) if inner.hasHeightForWidth() else hint.height()
        return QSize(width, max(height, hint.height()))


class Overlay(QFrame):
    """A panel over ``area()`` of ``host``; a card in the middle, or the whole area.

    Signals:
        opened(): the panel is showing (for a page that waits in a nested event loop,
            this is the moment to answer it).
        closed(): the panel was closed (by its buttons, Esc, or a reset).
    """

    opened = Signal()
    closed = Signal()

    def __init__(
        self,
        object_name: str,
        host: QWidget,
        area: Callable[[], QRect],
        *,
        card: bool,
    ) -> None:
        super().__init__(host)
        self.setObjectName(object_name)
        self._area = area
        self._is_card = card
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        # Clicks and touches stop here: nothing under the panel can be pressed.
        self.setAttribute(Qt.WidgetAttribute.WA_NoMousePropagation, True)
        outer = QVBoxLayout(self)
        if card:
            outer.setContentsMargins(24, 16, 24, 16)
            self.card = QFrame()
            set_role(self.card, "card")
            self.card.setMaximumWidth(CARD_MAX_WIDTH)
            scroller = _FitScrollArea()
            inner = QWidget()
            self.body = QVBoxLayout(inner)
            self.body.setContentsMargins(36, 28, 36, 8)
            self.body.setSpacing(16)
            scroller.setWidget(inner)
            card_layout = QVBoxLayout(self.card)
            card_layout.setContentsMargins(0, 0, 0, 20)
            card_layout.addWidget(scroller, 1)
            # The buttons stay in sight below the text, however long the text is: the
            # way back must never be scrolled away.
            actions = QWidget()
            self._actions = FlowLayout(actions, spacing=12)
            self._actions.setContentsMargins(36, 8, 36, 0)
            policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
            policy.setHeightForWidth(True)
            actions.setSizePolicy(policy)
            card_layout.addWidget(actions)
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(self.card, 8)
            row.addStretch(1)
            outer.addStretch(1)
            outer.addLayout(row)
            outer.addStretch(1)
        else:
            set_role(self, "card")
            outer.setContentsMargins(16, 12, 16, 12)
            outer.setSpacing(10)
            self.body = outer
            self.card = self
        self.hide()
        host.installEventFilter(self)

    def add_action(self, button: BigButton) -> None:
        """A button in the card's row at the bottom (always in sight)."""
        self._actions.addWidget(button)

    # -- showing -----------------------------------------------------------------------
    def open_overlay(self, focus: QWidget | None = None) -> None:
        self.setGeometry(self._area())
        self.show()
        self.raise_()
        target = focus or next(iter(self.findChildren(BigButton)), None)
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)
        self.opened.emit()

    def close_overlay(self) -> None:
        was_open = self.isVisible()
        self.hide()
        if was_open:
            self.closed.emit()

    @property
    def is_open(self) -> bool:
        return self.isVisible()

    def reset_for_next_visitor(self) -> None:
        """Close, and forget what was shown (subclasses clear their own state too)."""
        self.close_overlay()

    def leftovers(self) -> list[str]:
        """What of a visitor this room still holds (subclasses add their own)."""
        return [f"{self.objectName()} is still open"] if not self.isHidden() else []

    # -- Qt ----------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest) and self.isVisible():
            self.setGeometry(self._area())
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.on_escape()
            return
        super().keyPressEvent(event)

    def on_escape(self) -> None:
        self.close_overlay()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._is_card:
            painter = QPainter(self)
            painter.fillRect(self.rect(), _SCRIM)
            painter.end()
        super().paintEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Set every text (subclasses)."""


class RequestOverlay(Overlay):
    """A panel that answers a page waiting for the visitor (a question, a file chooser).

    One request at a time: a second one while the first waits is answered "no" at once.
    Cancel, Esc and the session wipe answer "no"; the panel then forgets what it showed.
    """

    def __init__(
        self, object_name: str, host: QWidget, area: Callable[[], QRect], *, card: bool
    ) -> None:
        super().__init__(object_name, host, area, card=card)
        self.request: DialogRequest | FileRequest | None = None

    def take(self, request: DialogRequest | FileRequest) -> bool:
        """Start answering ``request``; False (and answered "no") if one is waiting."""
        if self.request is not None and not self.request.answered:
            request.cancel()
            return False
        self.request = request
        request.shown = True
        request.on_answer(self._on_answered)
        return True

    def forget(self) -> None:
        """Let go of what the visitor saw and typed (subclasses)."""

    def cancel_request(self) -> None:
        if self.request is not None:
            self.request.cancel()
        self.close_overlay()

    def on_escape(self) -> None:
        self.cancel_request()

    def _on_answered(self) -> None:
        self.request = None
        self.forget()
        self.close_overlay()

    def reset_for_next_visitor(self) -> None:
        if self.request is not None:
            self.request.cancel()
        self.request = None
        self.forget()
        super().reset_for_next_visitor()

    def leftovers(self) -> list[str]:
        found = super().leftovers()
        if self.request is not None:
            found.append(f"{self.objectName()} still answers a page's request")
        return found
