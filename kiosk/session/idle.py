"""Counting every kind of input anywhere in the kiosk, inside the web view too.

One application-wide event filter sees keys, clicks, mouse movement, the wheel and touch
on every widget, including QtWebEngine's own input widget. A visitor reading a long page
who moves the mouse now and then stays; a visitor who walked away does not.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject

#: Input that means "someone is here and wants to use the computer".
DELIBERATE_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)
#: Input that means "someone is still here" (reading, scrolling, moving the mouse).
PASSING_EVENTS = frozenset(
    {
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletMove,
    }
)


class InputWatcher(QObject):
    """Calls ``on_input(deliberate)`` for every input event anywhere in the application."""

    def __init__(self, on_input: Callable[[bool], None]) -> None:
        super().__init__()
        self._on_input = on_input

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in DELIBERATE_EVENTS:
            self._on_input(True)
        elif kind in PASSING_EVENTS:
            self._on_input(False)
        return False  # only watching, never eating
