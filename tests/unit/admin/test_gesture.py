"""Five taps in one top corner within three seconds open the code pad; nothing else."""

from __future__ import annotations

from kiosk.admin.gesture import CornerTaps

WIDTH = 1366


def _taps(gesture: CornerTaps, points: list[tuple[float, float, float]]) -> list[bool]:
    return [gesture.tap(x, y, WIDTH, t) for x, y, t in points]


def test_five_quick_taps_in_the_top_left_corner() -> None:
    assert _taps(CornerTaps(), [(10, 10, t * 0.5) for t in range(5)]) == [False] * 4 + [True]


def test_five_quick_taps_in_the_top_right_corner() -> None:
    assert _taps(CornerTaps(), [(WIDTH - 5, 20, t * 0.5) for t in range(5)])[-1]


def test_too_slow_is_not_the_gesture() -> None:
    assert not any(_taps(CornerTaps(), [(10, 10, t * 0.8) for t in range(5)]))


def test_a_tap_elsewhere_or_in_the_other_corner_starts_again() -> None:
    gesture = CornerTaps()
    points = [(10, 10, 0.0), (10, 10, 0.1), (600, 400, 0.2), (10, 10, 0.3), (10, 10, 0.4)]
    assert not any(_taps(gesture, points))
    mixed = [(10, 10, 1.0), (WIDTH - 5, 10, 1.1), (10, 10, 1.2), (10, 10, 1.3), (10, 10, 1.4)]
    assert not any(_taps(gesture, mixed))


def test_a_sixth_tap_does_not_open_it_twice() -> None:
    gesture = CornerTaps()
    results = _taps(gesture, [(10, 10, t * 0.2) for t in range(6)])
    assert results == [False, False, False, False, True, False]


def test_below_the_corner_is_not_the_corner() -> None:
    assert not any(_taps(CornerTaps(), [(10, 200, t * 0.1) for t in range(5)]))
