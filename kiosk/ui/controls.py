"""The kiosk's own building blocks: big buttons and labels with a theme role.

A role (``primary``, ``help``, ``tile``, ``heading`` ...) is a Qt property that the style
sheet in ``theme.py`` picks up; widgets never set colours themselves.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFocusEvent, QKeyEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QLabel,
    QLineEdit,
    QPushButton,
    QScroller,
    QWidget,
)

from kiosk.ui import icons
from kiosk.ui.theme import MIN_TOUCH_PX, Sizes, palette

#: Focus that came from the keyboard: only then does the ring show (a ring left behind
#: by a tap looked like a selection to visitors).
KEYBOARD_FOCUS = frozenset(
    {
        Qt.FocusReason.TabFocusReason,
        Qt.FocusReason.BacktabFocusReason,
        Qt.FocusReason.ShortcutFocusReason,
    }
)
#: The ring's lines, from the edge inwards: the theme's focus colour, a colour that
#: contrasts with it, the focus colour again (``Palette.focus``), so that a 3 px line of
#: it stands out on any button and its border.
RING_LINES_PX = (3, 3, 3)
RING_RADIUS = 10


def set_role(widget: QWidget, role: str) -> None:
    widget.setProperty("role", role)


def forget_text(*fields: QLineEdit) -> None:
    """Empty ``fields`` and their undo history. (``QLineEdit.clear()`` keeps the history:
    Ctrl+Z would bring the last visitor's text back.)"""
    for field in fields:
        field.setText("")


def restyle(widget: QWidget) -> None:
    """Re-apply the style sheet after a property the sheet depends on changed.

    A widget not polished yet is left alone: its first polish (when it first shows, or
    when a style sheet above it is set) reads the property anyway. A kiosk starting up
    sets hundreds of these before anything shows."""
    if not widget.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
        return
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


def paint_focus_ring(widget: QWidget, high_contrast: bool) -> None:
    """Draw the keyboard focus ring inside ``widget``'s edge: two lines, never a fill."""
    p = palette(high_contrast)
    painter = QPainter(widget)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    edge = 0.0
    for width, colour in zip(RING_LINES_PX, (p.focus, p.focus_inner, p.focus), strict=True):
        inset = edge + width / 2
        rect = QRectF(widget.rect()).adjusted(inset, inset, -inset, -inset)
        painter.setPen(QPen(QColor(colour), width))
        radius = max(2.0, RING_RADIUS - edge)
        painter.drawRoundedRect(rect, radius, radius)
        edge += width
    painter.end()


class FocusRing:
    """For the kiosk's focusable widgets (mixed in before the Qt class).

    Keyboard users see where they are: a two-line ring at least 3:1 against what it
    covers, in both themes. A tap never leaves a ring behind: the widget takes focus
    from Tab only (``Qt.TabFocus``), and a ring shows only for focus that came from the
    keyboard, or once a key is pressed. Enter and Space both press a button.
    """

    _keyboard_focus = False
    _ring_high_contrast = False

    def focus_ring_visible(self) -> bool:
        widget: Any = self
        return bool(widget.hasFocus() and self._keyboard_focus)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._keyboard_focus = event.reason() in KEYBOARD_FOCUS
        super().focusInEvent(event)  # type: ignore[misc]

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        self._keyboard_focus = False
        super().focusOutEvent(event)  # type: ignore[misc]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        widget: Any = self
        if not self._keyboard_focus:
            self._keyboard_focus = True
            widget.update()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and isinstance(
            widget, QAbstractButton
        ):
            if widget.isEnabled():
                widget.click()
            event.accept()
            return
        super().keyPressEvent(event)  # type: ignore[misc]

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)  # type: ignore[misc]
        if self.focus_ring_visible():
            widget: Any = self
            paint_focus_ring(widget, self._ring_high_contrast)


class BigButton(FocusRing, QPushButton):
    """A touch-sized button with a text label and an optional themed line icon."""

    def __init__(
        self,
        object_name: str,
        role: str = "",
        icon_name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        if role:
            set_role(self, role)
        self.icon_name = icon_name
        self._theme: tuple[float, bool] | None = None
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setMinimumWidth(MIN_TOUCH_PX)

    def set_flag(self, name: str, value: Any) -> None:
        """Set a property the style sheet reads (``current``, ``compact`` ...) and draw the
        button (its icon's colour included) for it at once."""
        if self.property(name) == value:
            return
        self.setProperty(name, value)
        restyle(self)
        if self._theme is not None:
            self.apply_theme(*self._theme)

    def is_filled(self) -> bool:
        """Whether the button is drawn in the primary colour (its icon must contrast)."""
        role = self.property("role")
        if role == "primary":
            return True
        if role == "language" and self.property("current") in (True, "true"):
            return True
        return role == "toggle" and self.isChecked()

    def apply_theme(self, scale: float, high_contrast: bool) -> None:
        self._theme = (scale, high_contrast)
        self._ring_high_contrast = high_contrast
        if not self.icon_name:
            return
        p = palette(high_contrast)
        colour = p.on_help if self.property("role") == "help" else p.text
        if self.is_filled():
            colour = p.on_primary
        compact = self.property("compact") in (True, "true")
        size = Sizes.for_scale(1.0 if compact else scale).icon
        self.setIcon(icons.icon(self.icon_name, colour, size, right_to_left=self.isRightToLeft()))
        self.setIconSize(QSize(size, size))

    def nextCheckState(self) -> None:  # noqa: N802 - Qt override
        # A toggle shows the state the kiosk decides (``setChecked`` from its model), not
        # one flipped by the tap before the model has answered.
        if self.property("role") != "toggle":
            super().nextCheckState()

    def changeEvent(self, event: QEvent) -> None:
        # Arabic and back: arrows turn round with the layout (icons.MIRRORED_IN_RTL).
        if event.type() == QEvent.Type.LayoutDirectionChange and self._theme is not None:
            self.apply_theme(*self._theme)
        super().changeEvent(event)


def no_focus(*areas: QWidget) -> None:
    """Scroll areas and frames take no keyboard focus: their buttons do (and the area
    scrolls to the focused one). A focused scroll area showed nothing at all."""
    for area in areas:
        area.setFocusPolicy(Qt.FocusPolicy.NoFocus)


class _LeadingEdge(QObject):
    """Keeps a label's text at the layout's leading edge (see ``align_to_layout``)."""

    def __init__(self, target: QLabel) -> None:
        super().__init__(target)
        target.installEventFilter(self)
        self.apply(target)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutDirectionChange and isinstance(watched, QLabel):
            self.apply(watched)
        return False

    @staticmethod
    def apply(target: QLabel) -> None:
        vertical = target.alignment() & Qt.AlignmentFlag.AlignVertical_Mask
        edge = Qt.AlignmentFlag.AlignRight if target.isRightToLeft() else Qt.AlignmentFlag.AlignLeft
        target.setAlignment(edge | Qt.AlignmentFlag.AlignAbsolute | vertical)


def align_to_layout(widget: QLabel) -> QLabel:
    """Start the text at the layout's leading edge, whatever script it is in.

    Qt aligns a label by its text's own direction: a Finnish guide title in the Arabic
    layout would sit on the left, away from its picture on the right. Short texts
    (titles, tile texts) follow the layout instead; long paragraphs keep their own.
    """
    _LeadingEdge(widget)
    return widget


def touch_scrolling(area: QAbstractScrollArea) -> None:
    """Let a finger (or a held mouse button) drag the area, as on a phone.

    Kiosks often have touch screens, and a thin scroll bar is hard to hit. A tap that does
    not move still reaches the tile or button under it.
    """
    QScroller.grabGesture(area.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)


def scroll_to_start(area: QAbstractScrollArea) -> None:
    """Back to the top and the start, a drag's movement stopped first."""
    QScroller.scroller(area.viewport()).stop()
    for bar in (area.verticalScrollBar(), area.horizontalScrollBar()):
        bar.setValue(bar.minimum())


def is_at_start(area: QAbstractScrollArea) -> bool:
    bars = (area.verticalScrollBar(), area.horizontalScrollBar())
    return all(bar.value() == bar.minimum() for bar in bars)


def label(object_name: str = "", role: str = "", *, wrap: bool = True) -> QLabel:
    widget = QLabel()
    if object_name:
        widget.setObjectName(object_name)
    if role:
        set_role(widget, role)
    widget.setWordWrap(wrap)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    return widget
