"""The kiosk's own building blocks: big buttons and labels with a theme role.

A role (``primary``, ``help``, ``tile``, ``heading`` ...) is a Qt property that the style
sheet in ``theme.py`` picks up; widgets never set colours themselves.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QLabel,
    QLineEdit,
    QPushButton,
    QScroller,
    QWidget,
)

from kiosk.ui import icons
from kiosk.ui.theme import Sizes, palette


def set_role(widget: QWidget, role: str) -> None:
    widget.setProperty("role", role)


def forget_text(*fields: QLineEdit) -> None:
    """Empty ``fields`` and their undo history. (``QLineEdit.clear()`` keeps the history:
    Ctrl+Z would bring the last visitor's text back.)"""
    for field in fields:
        field.setText("")


def restyle(widget: QWidget) -> None:
    """Re-apply the style sheet after a property the sheet depends on changed."""
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


class BigButton(QPushButton):
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
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def apply_theme(self, scale: float, high_contrast: bool) -> None:
        self._theme = (scale, high_contrast)
        if not self.icon_name:
            return
        p = palette(high_contrast)
        role = self.property("role")
        colour = {
            "primary": p.on_primary,
            "help": p.on_help,
        }.get(role, p.text)
        if role in ("language", "toggle") and self.property("current") in (True, "true"):
            colour = p.on_primary
        if role == "toggle" and self.property("checked") in (True, "true"):
            colour = p.on_primary
        size = Sizes.for_scale(scale).icon
        self.setIcon(icons.icon(self.icon_name, colour, size, right_to_left=self.isRightToLeft()))
        self.setIconSize(QSize(size, size))

    def changeEvent(self, event: QEvent) -> None:
        # Arabic and back: arrows turn round with the layout (icons.MIRRORED_IN_RTL).
        if event.type() == QEvent.Type.LayoutDirectionChange and self._theme is not None:
            self.apply_theme(*self._theme)
        super().changeEvent(event)


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


def label(object_name: str = "", role: str = "", *, wrap: bool = True) -> QLabel:
    widget = QLabel()
    if object_name:
        widget.setObjectName(object_name)
    if role:
        set_role(widget, role)
    widget.setWordWrap(wrap)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    return widget
