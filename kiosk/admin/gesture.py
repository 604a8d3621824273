"""The hidden way into admin mode on a touch screen: five taps in one top corner of the
screen within three seconds. Pure Python (positions and times in, yes or no out).

A visitor tapping about does not hit it by chance; staff who know it do, even with a
keyboard-less kiosk. (Machines with a keyboard also have a key chord: kiosk/lockdown.)
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

TAPS = 5
WITHIN_S = 3.0
CORNER_PX = 80


@dataclass(frozen=True, slots=True)
class Tap:
    corner: str
    at: float


class CornerTaps:
    def __init__(self, taps: int = TAPS, within_s: float = WITHIN_S, corner_px: int = CORNER_PX):
        self.taps = taps
        self.within_s = within_s
        self.corner_px = corner_px
        self._recent: deque[Tap] = deque(maxlen=taps)

    def corner(self, x: float, y: float, width: float) -> str | None:
        if y > self.corner_px or y < 0:
            return None
        if 0 <= x <= self.corner_px:
            return "top-left"
        if width - self.corner_px <= x <= width:
            return "top-right"
        return None

    def tap(self, x: float, y: float, width: float, now: float) -> bool:
        """A tap at (x, y) in a window ``width`` wide. True when this tap completes the
        gesture (and the count starts again)."""
        corner = self.corner(x, y, width)
        if corner is None:
            self._recent.clear()  # a tap elsewhere breaks the sequence
            return False
        if self._recent and self._recent[-1].corner != corner:
            self._recent.clear()
        self._recent.append(Tap(corner, now))
        if len(self._recent) == self.taps and now - self._recent[0].at <= self.within_s:
            self._recent.clear()
            return True
        return False

    def reset(self) -> None:
        self._recent.clear()
