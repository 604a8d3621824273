"""A layout that puts widgets in a row and wraps to the next row when the row is full.

Old donated PCs have 1024 px wide screens, and visitors make text twice as big: a fixed
row of big buttons would run off the screen. Right-to-left languages flow from the right.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = 10) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)
        #: Index of the first item pushed to the far end of its row (None: no split).
        self.far_end_from: int | None = None

    # -- QLayout's item container -----------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt override
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt override
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt override
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt override
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        m: QMargins = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    # -- placing ---------------------------------------------------------------------
    def _rows(self, width: int) -> list[list[QLayoutItem]]:
        rows: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in self._items:
            widget = item.widget()
            if widget is not None and widget.isHidden():
                continue
            w = item.sizeHint().width()
            if rows[-1] and used + self._spacing + w > width:
                rows.append([])
                used = 0
            used += (self._spacing if rows[-1] else 0) + w
            rows[-1].append(item)
        return rows

    def _arrange(self, rect: QRect, *, apply: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        owner = self.parentWidget()
        rtl = owner is not None and owner.layoutDirection() == Qt.LayoutDirection.RightToLeft
        y = area.y()
        for row in self._rows(area.width()):
            if not row:
                continue
            height = max(item.sizeHint().height() for item in row)
            if apply:
                self._place_row(row, area, y, height, rtl)
            y += height + self._spacing
        return y - self._spacing - rect.y() + m.bottom()

    def _place_row(
        self, row: list[QLayoutItem], area: QRect, y: int, height: int, rtl: bool
    ) -> None:
        # Items from ``far_end_from`` on sit at the far end of the row (help, end session).
        split = len(row)
        if self.far_end_from is not None:
            far_items = self._items[self.far_end_from :]
            split = next((i for i, item in enumerate(row) if item in far_items), len(row))
        near, far = row[:split], row[split:]
        far_width = sum(i.sizeHint().width() for i in far)
        far_width += self._spacing * max(0, len(far) - 1)
        positions: list[tuple[QLayoutItem, int]] = []
        x = area.x()
        for item in near:
            positions.append((item, x))
            x += item.sizeHint().width() + self._spacing
        x = max(x, area.right() + 1 - far_width)
        for item in far:
            positions.append((item, x))
            x += item.sizeHint().width() + self._spacing
        for item, left in positions:
            size = item.sizeHint()
            x = area.right() + 1 - (left - area.x()) - size.width() if rtl else left
            item.setGeometry(QRect(QPoint(x, y + (height - size.height()) // 2), size))
