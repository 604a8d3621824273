"""The session's life: attract -> active -> (help wait) -> warning -> wiping -> attract.

Pure Python with an injected clock: the Qt side only feeds it input, timer ticks and
button presses, and renders the state it reports. Every change of state is told to the
listeners as (old, new, reason).

* attract: "Touch to start". Any input starts the session.
* active: a visitor is here. Any input counts as "still here".
* help wait: the visitor asked for help and staff have not closed the request, and
  nobody touched anything for ``idle_timeout_s``: "Help is coming, wait here". A visitor
  waiting for a helper is not a visitor who left, so the warning waits until nobody
  has touched anything for ``help_wait_s`` (much longer). Input counts as "still here"
  but leaves the screen up (a tap on its buttons must reach them); its "back to my
  page" (``resume``) goes back to active.
* warning: nobody touched anything for ``idle_timeout_s`` (or ``help_wait_s`` while help
  is on its way); "Are you still there?" counts down ``warning_s`` seconds. Any input
  goes back to active.
* wiping: the session is being destroyed (End session, or the countdown ran out).
  Input is ignored until the wipe reports it is done. End session ends at once from
  every state of a visit, the help wait included.
"""

from __future__ import annotations

import enum
from collections.abc import Callable

Clock = Callable[[], float]
Listener = Callable[["State", "State", str], None]


class State(enum.Enum):
    ATTRACT = "attract"
    ACTIVE = "active"
    HELP_WAIT = "help-wait"
    WARNING = "warning"
    WIPING = "wiping"


# Why a wipe started (for the anonymous wipe receipt).
REASON_BUTTON = "end-button"
REASON_TIMEOUT = "timeout"


#: The states of a visit in progress (End session ends each of them at once).
VISIT_STATES = frozenset({State.ACTIVE, State.HELP_WAIT, State.WARNING})

#: The default of ``session.help_wait_s``: how long a visitor may wait for help untouched.
DEFAULT_HELP_WAIT_S = 900


class Lifecycle:
    def __init__(
        self,
        clock: Clock,
        idle_timeout_s: float,
        warning_s: float,
        help_wait_s: float = DEFAULT_HELP_WAIT_S,
    ) -> None:
        if idle_timeout_s <= 0 or warning_s <= 0 or help_wait_s <= 0:
            raise ValueError("timeouts must be positive")
        #: Where "now" comes from (tests put a fake clock here).
        self.clock = clock
        self.idle_timeout_s = idle_timeout_s
        self.warning_s = warning_s
        self.help_wait_s = help_wait_s
        self._help_pending = False
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
        self._last_input = self.clock()
        if self._state is State.ATTRACT:
            if starts_session:
                self._go(State.ACTIVE, "start")
        elif self._state is State.WARNING:
            self._go(State.ACTIVE, "continue")

    def resume(self) -> None:
        """ "Back to my page" on the help wait (or the warning): the visit goes on."""
        self._last_input = self.clock()
        if self._state in (State.HELP_WAIT, State.WARNING):
            self._go(State.ACTIVE, "continue")

    @property
    def help_pending(self) -> bool:
        return self._help_pending

    def set_help_pending(self, pending: bool) -> None:
        """A help request of this visitor is open (waiting, seen, coming, calling), or
        not any more. While it is, the normal idle timeout shows the help wait, never
        the warning; a warning already counting down gives way to the help wait."""
        if pending == self._help_pending:
            return
        self._help_pending = pending
        if pending and self._state is State.WARNING:
            self._go(State.HELP_WAIT, "help-pending")
        elif not pending and self._state is State.HELP_WAIT:
            # Staff closed the request while nobody touched the screen: the visitor may
            # have left with the helper. The normal rule applies again from now on.
            self._go(State.ACTIVE, "help-closed")
        self.tick()

    def tick(self) -> None:
        """Called often by a timer: moves on when time has run out."""
        now = self.clock()
        idle = now - self._last_input
        if self._state is State.ACTIVE and idle >= self.idle_timeout_s:
            if self._help_pending and idle < self.help_wait_s:
                self._go(State.HELP_WAIT, "idle-help-pending")
            else:
                self._start_warning(now)
        elif self._state is State.HELP_WAIT and idle >= self.help_wait_s:
            self._start_warning(now)
        elif self._state is State.WARNING and now - self._warning_since >= self.warning_s:
            self._go(State.WIPING, REASON_TIMEOUT)

    def _start_warning(self, now: float) -> None:
        self._warning_since = now
        self._go(State.WARNING, "idle")

    def end(self) -> bool:
        """The visitor confirmed "End session". True if a wipe starts now."""
        if self._state in VISIT_STATES:
            self._go(State.WIPING, REASON_BUTTON)
            return True
        return False

    def wipe_done(self) -> None:
        if self._state is State.WIPING:
            self._last_input = self.clock()
            # A request of the last visitor is theirs: the next visit starts without it.
            self._help_pending = False
            self._go(State.ATTRACT, "wiped")

    # -- what the screens show ------------------------------------------------------------
    @property
    def seconds_left(self) -> int:
        """Whole seconds left in the warning's countdown (0 outside the warning)."""
        if self._state is not State.WARNING:
            return 0
        left = self.warning_s - (self.clock() - self._warning_since)
        return max(0, int(left + 0.999))

    @property
    def idle_for(self) -> float:
        return self.clock() - self._last_input
