"""Where the supporter points: a large pulsing ring at that spot for a few seconds
("press here"), over everything in the kiosk's window. It takes no input: a touch there
reaches the button under it."""

from __future__ import annotations

import math

from PySide6.QtCore import QElapsedTimer, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from kiosk.helpdesk.share_model import POINTER_SHOW_S
from kiosk.ui.theme import NORMAL

#: The ring's widget: big enough to be seen across a room, small enough to point.
SIZE_PX = 160
PULSE_MS = 900


class PointerRing(QWidget):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("pointer-ring")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground, True)
        self.setAttribute(Qt.WidgetAttribute.WA_TranslucentBackground, True)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.resize(SIZE_PX, SIZE_PX)
        self._clock = QElapsedTimer()
        self._frame = QTimer(self)
        self._frame.setInterval(40)
        self._frame.timeout.connect(self.update)
        self._hide_timer = QTimer(self)
        self._hide_timer.setSingleShot(True)
        self._hide_timer.timeout.connect(self.reset_for_next_visitor)
        self.hide()

    def point_at(self, spot: QPoint, seconds: float = POINTER_SHOW_S) -> None:
        """Show the ring centred on ``spot`` (the parent's coordinates) for ``seconds``."""
        self.move(spot - QPoint(SIZE_PX // 2, SIZE_PX // 2))
        self._clock.start()
        self._frame.start()
        self._hide_timer.start(round(seconds * 1000))
        self.show()
        self.raise_()

    @property
    def centre(self) -> QPoint:
        """The spot pointed at (the parent's coordinates)."""
        return self.pos() + QPoint(SIZE_PX // 2, SIZE_PX // 2)

    def reset_for_next_visitor(self) -> None:
        self._frame.stop()
        self._hide_timer.stop()
        self.hide()

    def paintEvent(self, event: QPaintEvent) -> None:
        phase = (self._clock.elapsed() % PULSE_MS) / PULSE_MS if self._clock.isValid() else 0.0
        pulse = 0.5 - 0.5 * math.cos(phase * 2 * math.pi)  # 0 -> 1 -> 0
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        centre = QPointF(SIZE_PX / 2, SIZE_PX / 2)
        outer = SIZE_PX / 2 - 8
        # A dark ring outside a bright one: seen on a white page and on a dark one.
        radius = outer * (0.62 + 0.38 * pulse)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QColor(NORMAL.text), 14))
        painter.drawEllipse(centre, radius, radius)
        painter.setPen(QPen(QColor(NORMAL.help), 9))
        painter.drawEllipse(centre, radius, radius)
        # The very spot, steady.
        painter.setBrush(QColor(NORMAL.help))
        painter.setPen(QPen(QColor(NORMAL.text), 3))
        painter.drawEllipse(centre, 9.0, 9.0)
        painter.end()
