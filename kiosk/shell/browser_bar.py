"""The bar above the page (Back, All services, Reload, zoom; the rooms add Print) and the
address strip under it.

The bar stays one row: from 150 % text, or when the page side is narrow, it is compact
(its own text at the normal size, Reload, Print and zoom as pictures with their names for
screen readers and as tooltips), because the page needs the room more than the bar does.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QWidget

from kiosk.ui.controls import BigButton, label, restyle

SPACING = 8
MARGIN = 10
#: From this text size on, the bar is always compact.
COMPACT_FROM_SCALE = 1.5


class BrowserBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("browser-bar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(MARGIN, 6, MARGIN, 6)
        self._row.setSpacing(SPACING)
        self.back = BigButton("back-button", icon_name="back")
        self.home = BigButton("home-button", icon_name="home")
        self.reload = BigButton("reload-button", icon_name="reload")
        self.zoom_out = BigButton("zoom-out-button", icon_name="zoom-out")
        self.zoom_label = label("zoom-label", wrap=False)
        self.zoom_in = BigButton("zoom-in-button", icon_name="zoom-in")
        for widget in (self.back, self.home, self.reload, self.zoom_out, self.zoom_label):
            self._row.addWidget(widget)
        self._row.addWidget(self.zoom_in)
        self._row.addStretch(1)
        #: Buttons whose words go when the bar is compact (their picture stays).
        self.shrinking: list[BigButton] = [self.reload]
        self._texts: dict[BigButton, str] = {}
        self.compact = False

    def add_button(self, button: BigButton, *, shrinks: bool = True) -> None:
        """Another button after the zoom buttons (Print)."""
        self._row.insertWidget(self._row.count() - 1, button)
        if shrinks:
            self.shrinking.append(button)
        if self.compact:
            self.set_compact(True, force=True)

    def set_text(self, button: BigButton, text: str) -> None:
        """A button's words (kept while the bar is compact, shown again after)."""
        self._texts[button] = text
        button.setText("" if self.compact and button in self.shrinking else text)
        button.setAccessibleName(text)
        button.setToolTip(text)

    def set_compact(self, compact: bool, *, force: bool = False) -> None:
        if compact == self.compact and not force:
            return
        self.compact = compact
        self.setProperty("compact", compact)
        restyle(self)
        for button in self.findChildren(BigButton):
            button.set_flag("compact", compact)
            if button in self.shrinking:
                text = self._texts.get(button, button.text())
                self._texts[button] = text
                button.setText("" if compact else text)
        restyle(self.zoom_label)

    def needed_width(self) -> int:
        shown = [w for w in self.findChildren(QWidget) if w.parent() is self and not w.isHidden()]
        widths = sum(max(w.sizeHint().width(), w.minimumWidth()) for w in shown)
        return widths + SPACING * (len(shown) - 1) + 2 * MARGIN

    def fit(self, width: int, scale: float) -> None:
        """Compact from 150 % text, or whenever the full bar would not fit ``width``."""
        self.set_compact(False)
        if scale >= COMPACT_FROM_SCALE or self.needed_width() > width:
            self.set_compact(True)


class AddressStrip(QWidget):
    """Where the visitor is, under the bar: a lock for https, and the host name."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("address-strip")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        row = QHBoxLayout(self)
        row.setContentsMargins(14, 2, 14, 2)
        row.setSpacing(8)
        self.lock = QLabel()
        self.address = label("address-label", wrap=False)
        self.address.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        row.addWidget(self.lock)
        row.addWidget(self.address, 1)
