"""Wrong codes: growing delay, lock-out after five, one try per lock-out after that."""

from __future__ import annotations

from kiosk.admin import throttle
from kiosk.admin.throttle import LOCKOUT_S, MAX_FAILURES, Attempts, failed, gate


def test_the_delay_grows_after_each_wrong_code() -> None:
    now = 1000.0
    attempts = Attempts()
    waits = []
    for _ in range(MAX_FAILURES - 1):
        assert gate(attempts, now).open
        attempts = failed(attempts, now)
        waits.append(gate(attempts, now).wait_s)
        now += gate(attempts, now).wait_s
    assert waits == [1.0, 2.0, 4.0, 8.0]


def test_the_fifth_wrong_code_locks_for_fifteen_minutes() -> None:
    now = 1000.0
    attempts = Attempts()
    for _ in range(MAX_FAILURES):
        now += 60
        attempts = failed(attempts, now)
    locked = gate(attempts, now)
    assert not locked.open
    assert locked.locked
    assert locked.wait_s == LOCKOUT_S
    assert not gate(attempts, now + LOCKOUT_S - 1).open
    assert gate(attempts, now + LOCKOUT_S).open  # the lock-out expires


def test_after_a_lock_out_one_more_wrong_code_locks_again() -> None:
    now = 1000.0
    attempts = Attempts()
    for _ in range(MAX_FAILURES):
        attempts = failed(attempts, now)
    now += LOCKOUT_S
    attempts = failed(attempts, now)
    assert gate(attempts, now).locked


def test_a_right_code_forgets_the_wrong_ones() -> None:
    attempts = failed(failed(Attempts(), 1000.0), 1001.0)
    assert throttle.succeeded(attempts) == Attempts()
