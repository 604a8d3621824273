"""Wrong codes: a growing delay, then a lock-out. Pure Python, times in seconds since
the epoch (they are kept on disk: a restart must not reset them).

After each wrong code the next try waits longer (1, 2, 4, 8 s); the fifth wrong code in
a row locks the admin unlock for 15 minutes. When a lock-out ends, the next wrong code
locks it again at once: after the first five, an attacker gets one guess per 15 minutes
(96 a day), while staff who mistyped get in with the right code. A right code resets it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

MAX_FAILURES = 5
LOCKOUT_S = 15 * 60


@dataclass(frozen=True, slots=True)
class Attempts:
    failures: int = 0
    last_failure: float = 0.0
    locked_until: float = 0.0


@dataclass(frozen=True, slots=True)
class Gate:
    """May a code be tried now? If not: how long to wait, and is that a lock-out."""

    open: bool
    wait_s: float = 0.0
    locked: bool = False


def delay_after(failures: int) -> float:
    """Seconds to wait after ``failures`` wrong codes in a row (before the lock-out)."""
    if failures <= 0:
        return 0.0
    return float(2 ** (failures - 1))


def gate(attempts: Attempts, now: float) -> Gate:
    if attempts.locked_until > now:
        return Gate(False, attempts.locked_until - now, locked=True)
    if attempts.failures >= MAX_FAILURES:
        return Gate(True)  # a lock-out that has run out: one more try
    ready_at = attempts.last_failure + delay_after(attempts.failures)
    if ready_at > now:
        return Gate(False, ready_at - now)
    return Gate(True)


def failed(attempts: Attempts, now: float) -> Attempts:
    failures = attempts.failures + 1
    locked_until = now + LOCKOUT_S if failures >= MAX_FAILURES else 0.0
    return replace(attempts, failures=failures, last_failure=now, locked_until=locked_until)


def succeeded(_attempts: Attempts) -> Attempts:
    return Attempts()
