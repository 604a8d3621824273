"""A clock that only the test moves, for the kiosk's idle timeout and its warning.

With the real clock, a one-second idle timeout races a loaded machine: a click that comes
a second late lands on the idle warning instead of its button. With this one, no time
passes between two lines of a test unless the test says so; the session keeper's timer
still ticks, so the state changes on the next tick after ``advance()``.

Registered for the whole suite in tests/conftest.py.
"""

from __future__ import annotations

from typing import Any

import pytest

from kiosk.session.keeper import SessionKeeper


class IdleClock:
    """Seconds, as ``time.monotonic`` gives them; moves only by :meth:`advance`."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def idle_clock(monkeypatch: pytest.MonkeyPatch) -> IdleClock:
    """Every kiosk this test makes (``make_kiosk``) times its visitor's idleness by this
    clock. The kiosk builds its ``SessionKeeper`` in ``kiosk.app``; the keeper takes a
    ``clock=``, which the composition root leaves at ``time.monotonic``."""
    clock = IdleClock()

    class KeeperOnTheTestsClock(SessionKeeper):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["clock"] = clock
            super().__init__(*args, **kwargs)

    monkeypatch.setattr("kiosk.app.SessionKeeper", KeeperOnTheTestsClock)
    return clock
