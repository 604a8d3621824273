"""What the supervisor does after the kiosk ended: a pure decision with an injected clock.

The exit code says why the kiosk ended (``kiosk.exit_codes``). A failure is remembered;
too many failures in a short time mean something a restart cannot fix (a broken disk, a
bad update, a graphics driver): the supervisor then shows "out of order", tells the help
desk, and tries again every few minutes instead of in a tight loop. A kiosk that comes up
(its first heartbeat after its window shows) ends the out-of-order state.
"""

from __future__ import annotations

import enum
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from kiosk import exit_codes

Clock = Callable[[], float]


class Action(enum.Enum):
    STOP = "stop"  # the kiosk was stopped on purpose: the supervisor stops too
    RESTART = "restart"  # start the kiosk again after ``delay_s``
    OUT_OF_ORDER = "out-of-order"  # show the screen; try again after ``delay_s``


@dataclass(frozen=True, slots=True)
class Decision:
    action: Action
    delay_s: float
    #: Plain words for the log and the help desk (never anything of a visitor).
    reason: str
    #: True the first time: show the screen and tell the help desk now.
    entered_out_of_order: bool = False


@dataclass(frozen=True, slots=True)
class Timings:
    """How patient the supervisor is. The defaults are for a kiosk; tests shorten them."""

    #: The kiosk sends a heartbeat every 5 s; after this long without one it is hung.
    heartbeat_timeout_s: float = 20.0
    #: From start to the first heartbeat (QtWebEngine starts slowly on an old PC).
    start_timeout_s: float = 120.0
    #: The growing delay after a crash: first, doubling, at most.
    first_backoff_s: float = 0.5
    max_backoff_s: float = 30.0
    #: This many failures within ``failure_window_s`` make the kiosk out of order.
    failures_allowed: int = 5
    failure_window_s: float = 120.0
    #: Out of order: the kiosk is tried again this often.
    retry_s: float = 180.0
    #: Asked to stop (or hung): this long for the kiosk to wipe and exit before it is killed.
    stop_grace_s: float = 10.0
    #: While out of order, the help desk hears so this often.
    report_every_s: float = 60.0
    #: Out of order ends when a kiosk has stayed up this long after its first heartbeat.
    stable_s: float = 60.0


def describe_exit(code: int | None, *, hung: bool = False) -> str:
    """How the kiosk ended, in words for the log."""
    if hung:
        return "it stopped answering (no heartbeat)"
    if code is None:
        return "it ended"
    if code < 0:
        return f"it was killed (signal {-code})"
    known = {
        exit_codes.OK: "it was stopped on purpose",
        exit_codes.REFUSED: "it refused to start (settings or an unsafe computer)",
        exit_codes.CRASH: "an unexpected error",
        exit_codes.WIPE_FAILED: "a wipe could not be verified",
        exit_codes.RESTART: "a restart was asked for",
    }
    return known.get(code, f"it ended with exit code {code}")


class Policy:
    def __init__(self, timings: Timings | None = None, clock: Clock = time.monotonic) -> None:
        self.timings = timings or Timings()
        self._clock = clock
        self._failures: deque[float] = deque()
        self._backoff = self.timings.first_backoff_s
        self.out_of_order = False
        self.reason = ""
        self._up_since: float | None = None

    @property
    def recent_failures(self) -> int:
        self._forget_old()
        return len(self._failures)

    def _forget_old(self) -> None:
        horizon = self._clock() - self.timings.failure_window_s
        while self._failures and self._failures[0] < horizon:
            self._failures.popleft()

    def ended(self, code: int | None, *, hung: bool = False) -> Decision:
        """The kiosk ended with ``code`` (negative: killed by that signal; None and
        ``hung``: the supervisor killed it for not answering)."""
        t = self.timings
        self._up_since = None
        how = describe_exit(code, hung=hung)
        if code == exit_codes.OK and not hung:
            return Decision(Action.STOP, 0.0, how)
        if code == exit_codes.RESTART and not hung:
            return Decision(Action.RESTART, 0.0, how)
        if code == exit_codes.REFUSED and not hung:
            # A human must fix something: a tight loop would only fill the log.
            return self._out_of_order("the kiosk refused to start; its settings or the "
                                      "computer need someone to look at them")  # fmt: skip
        self._failures.append(self._clock())
        self._forget_old()
        if self.out_of_order or len(self._failures) >= t.failures_allowed:
            return self._out_of_order(
                f"the kiosk stopped {len(self._failures)} times in "
                f"{round(t.failure_window_s / 60)} minutes (last: {how})"
            )
        if code in exit_codes.RESTART_AT_ONCE and not hung:
            return Decision(Action.RESTART, 0.0, how)
        delay = self._backoff
        self._backoff = min(self._backoff * 2, t.max_backoff_s)
        return Decision(Action.RESTART, delay, how)

    def _out_of_order(self, reason: str) -> Decision:
        entered = not self.out_of_order
        self.out_of_order = True
        if entered:
            self.reason = reason
        return Decision(Action.OUT_OF_ORDER, self.timings.retry_s, self.reason, entered)

    def ready(self) -> None:
        """The kiosk came up: its window shows and it sent its first heartbeat."""
        self._backoff = self.timings.first_backoff_s
        self._up_since = self._clock()

    def stable(self) -> bool:
        """Called at every heartbeat. True once, when a kiosk that was out of order has
        stayed up ``stable_s``: it is in order again (a kiosk that comes up and falls
        over again at once stays out of order)."""
        up = self._up_since
        if not self.out_of_order or up is None:
            return False
        if self._clock() - up < self.timings.stable_s:
            return False
        self.out_of_order = False
        self.reason = ""
        self._failures.clear()
        return True
