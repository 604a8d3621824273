"""Smaller text, in steps, on a screen whose texts do not fit (old PCs' small screens).

A netbook's 1024x600 or an 800x600 monitor is common among donated PCs. A screen laid
out for 1024x768 squeezes its word-wrapped texts there, and Qt then cuts sentences off
in the middle. :class:`TextFit` makes the screen's texts smaller, step by step (at most
down to :data:`MIN_PX`), until none is cut off.

It looks at the laid-out screen, between turns of the event loop: right after a text's
size changes, Qt's size hints are not up to date yet, and a layout still settling can
look cut off (or not) for a moment, so it decides only once it has seen the same layout
twice in a row (settled). The sizes are the window's style sheet's, scaled by a style
sheet on each text; a change of the window's look (the visitor's text size or contrast)
starts again from it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel, QWidget

#: The sizes tried, as parts of the window's text size.
STEPS = (1.0, 0.9, 0.8, 0.7, 0.6)
#: No text gets smaller than this (pixels).
MIN_PX = 13
#: Turns of the event loop a layout is given to settle before a step is taken anyway.
SETTLE_TURNS = 20


def layout_seen(screen: QWidget) -> tuple[object, ...]:
    """Where the screen's visible texts are now (to see whether its layout has settled)."""
    texts = screen.findChildren(QLabel)
    return tuple(text.geometry().getRect() for text in texts if text.isVisibleTo(screen))


def cut_off(screen: QWidget, bottom: QWidget) -> bool:
    """Does a visible text of ``screen`` get less height than its lines need, or does
    ``bottom`` (what comes last) reach past the screen's bottom?"""
    for text in screen.findChildren(QLabel):
        if not text.isVisibleTo(screen):
            continue
        need = text.heightForWidth(text.width()) if text.wordWrap() else text.sizeHint().height()
        if text.height() < need:
            return True
    return bottom.mapTo(screen, bottom.rect().bottomLeft()).y() >= screen.height()


class TextFit(QObject):
    """Keeps ``screen``'s texts as large as fits (see the module's docstring).

    ``bottom``: the screen's last widget, which must stay on the screen. ``busy``: a fit
    is still under way (tests wait for it to end); ``scale``: the part of the window's
    text size shown now.
    """

    def __init__(self, screen: QWidget, bottom: Callable[[], QWidget]) -> None:
        super().__init__(screen)
        self._screen = screen
        self._bottom = bottom
        self._step = 0
        self._base: dict[QLabel, int] | None = None  # the window's size of each text
        self._seen: tuple[object, ...] | None = None  # the layout last looked at
        self._turns = 0
        self.busy = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._check)

    @property
    def scale(self) -> float:
        return STEPS[self._step]

    def again(self, *, from_full: bool) -> None:
        """Fit anew: from the window's own size (the screen grew or changed size), or from
        the present size (its texts changed: a step down only if they no longer fit)."""
        if from_full and self._step:
            self._apply(0)
        self._seen = None
        self._turns = 0
        self.busy = True
        self._timer.start(0)

    def restyled(self) -> None:
        """The window's look changed: measure its sizes again and fit from them."""
        self._base = None
        self.again(from_full=True)

    def _check(self) -> None:
        screen = self._screen
        if not screen.isVisible():
            self.busy = False  # fitted when it shows again
            return
        seen = layout_seen(screen)
        self._turns += 1
        if seen != self._seen and self._turns < SETTLE_TURNS:
            self._seen = seen  # still settling? look again next turn
            self._timer.start(0)
            return
        if self._step < len(STEPS) - 1 and cut_off(screen, self._bottom()):
            self._apply(self._step + 1)  # settled, and cut off: a step smaller
            self._seen = None
            self._turns = 0
            self._timer.start(0)
            return
        self.busy = False

    def _apply(self, step: int) -> None:
        texts = self._screen.findChildren(QLabel)
        if self._base is None:
            for text in texts:
                text.setStyleSheet("")  # the window's size, to measure it
            self._base = {text: text.font().pixelSize() for text in texts}
        for text in texts:
            size = self._base.get(text, -1)
            if step == 0 or size <= 0:
                text.setStyleSheet("")
            else:
                text.setStyleSheet(f"font-size: {max(MIN_PX, round(size * STEPS[step]))}px;")
            text.updateGeometry()
        self._step = step
