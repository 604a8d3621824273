"""A QR code drawn with QPainter (the matrix comes from the pure-Python ``qrcode``)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget


class QrCode(QWidget):
    """Shows ``data`` (for example ``tel:+358401234567``) as a scannable QR code."""

    def __init__(self, data: str = "", size: int = 160, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._matrix: list[list[bool]] = []
        self._size = size
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.set_data(data)

    def set_data(self, data: str) -> None:
        self.data = data
        if data:
            # Loaded when a code is first drawn, not with the first screen.
            import qrcode  # type: ignore[import-untyped]  # noqa: PLC0415 - no type hints

            code = qrcode.QRCode(border=2, error_correction=qrcode.constants.ERROR_CORRECT_M)
            code.add_data(data)
            code.make(fit=True)
            self._matrix = [[bool(cell) for cell in row] for row in code.get_matrix()]
        else:
            self._matrix = []
        self.setVisible(bool(data))
        self.update()

    def modules(self) -> int:
        return len(self._matrix)

    def sizeHint(self) -> QSize:
        return QSize(self._size, self._size)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        count = len(self._matrix)
        if count:
            cell = min(self.width(), self.height()) / count
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("black"))
            for y, row in enumerate(self._matrix):
                for x, dark in enumerate(row):
                    if dark:
                        painter.drawRect(QRectF(x * cell, y * cell, cell + 0.5, cell + 0.5))
        painter.end()
