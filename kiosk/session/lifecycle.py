"""The session's life: attract -> active -> warning -> wiping -> attract.

Pure Python with an injected clock: the Qt side only feeds it input, timer ticks and
button presses, and renders the state it reports. Every change of state is told to the
listeners as (old, new, reason).

* attract: "Touch to start". Any input starts the session.
* active: a visitor is here. Any input counts as "still here".
* warning: nobody touched anything for ``idle_timeout_s``; "Are you still there?" counts
  down ``warning_s`` seconds. Any input goes back to active.
* wiping: the session is being destroyed (End session, or the countdown ran out).
  Input is ignored until the wipe reports it is done.
"""

from __future__ import annotations

import enum
from collections.abc import Callable

Clock = Callable[[], float]
Listener = Callable[["State", "State", str], None]


class State(enum.Enum):
    ATTRACT = "attract"
    ACTIVE = "active"
    WARNING = "warning"
    WIPING = "wiping"


# Why a wipe started (for the anonymous wipe receipt).
REASON_BUTTON = "end-button"
REASON_TIMEOUT = "timeout"


class Lifecycle:
    def __init__(self, clock: Clock, idle_timeout_s: float, warning_s: float) -> None:
        if idle_timeout_s <= 0 or warning_s <= 0:
            raise ValueError("timeouts must be positive")
        self._clock = clock
        self.idle_timeout_s = idle_timeout_s
        self.warning_s = warning_s
        self._state = State.ATTRACT
        self._last_input = clock()
        self._warning_since = 0.0
        self._listeners: list[Listener] = []

    @property
    def state(self) -> State:
        return self._state

    def on_change(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def _go(self, new: State, reason: str) -> None:
        old = self._state
        if old is new:
            return
        self._state = new
        for listener in list(self._listeners):
            listener(old, new, reason)

    # -- what the visitor and the timers do -----------------------------------------------
    def input(self, *, starts_session: bool = True) -> None:
        """Any key, click, touch, wheel or mouse movement.

        A mouse bumped in passing (``starts_session=False``) keeps a visitor's session
        alive but does not start one from the attract screen: only a touch, click or key does.
        """
        self._last_input = self._clock()
        if self._state is State.ATTRACT:
            if starts_session:
                self._go(State.ACTIVE, "start")
        elif self._state is State.WARNING:
            self._go(State.ACTIVE, "continue")

    def tick(self) -> None:
        """Called often by a timer: moves on when time has run out."""
        now = self._clock()
        if self._state is State.ACTIVE and now - self._last_input >= self.idle_timeout_s:
            self._warning_since = now
            self._go(State.WARNING, "idle")
        elif self._state is State.WARNING and now - self._warning_since >= self.warning_s:
            self._go(State.WIPING, REASON_TIMEOUT)

    def end(self) -> bool:
        """The visitor confirmed "End session". True if a wipe starts now."""
        if self._state in (State.ACTIVE, State.WARNING):
            self._go(State.WIPING, REASON_BUTTON)
            return True
        return False

    def wipe_done(self) -> None:
        if self._state is State.WIPING:
            self._last_input = self._clock()
            self._go(State.ATTRACT, "wiped")

    # -- what the screens show ------------------------------------------------------------
    @property
    def seconds_left(self) -> int:
        """Whole seconds left in the warning's countdown (0 outside the warning)."""
        if self._state is not State.WARNING:
            return 0
        left = self.warning_s - (self._clock() - self._warning_since)
        return max(0, int(left + 0.999))

    @property
    def idle_for(self) -> float:
        return self._clock() - self._last_input
