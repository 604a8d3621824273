"""The supervisor's decisions after the kiosk ended (pure, injected clock)."""

from __future__ import annotations

import signal

from kiosk import exit_codes
from kiosk.supervisor.policy import Action, Policy, Timings


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_stopped_on_purpose_stops_the_supervisor() -> None:
    assert Policy(clock=Clock()).ended(exit_codes.OK).action is Action.STOP


def test_a_kill_is_restarted_within_two_seconds_by_default() -> None:
    decision = Policy(clock=Clock()).ended(-signal.SIGKILL)
    assert decision.action is Action.RESTART
    assert decision.delay_s < 2
    assert "killed" in decision.reason


def test_crash_and_failed_wipe_restart_at_once() -> None:
    policy = Policy(clock=Clock())
    for code in (exit_codes.CRASH, exit_codes.WIPE_FAILED):
        decision = policy.ended(code)
        assert (decision.action, decision.delay_s) == (Action.RESTART, 0.0)


def test_other_failures_back_off_more_each_time_up_to_a_limit() -> None:
    clock = Clock()
    timings = Timings(first_backoff_s=1, max_backoff_s=4, failures_allowed=100)
    policy = Policy(timings, clock)
    delays = []
    for _ in range(5):
        delays.append(policy.ended(1).delay_s)
        clock.now += 60
    assert delays == [1, 2, 4, 4, 4]
    policy.ready()  # a kiosk that came up starts the back-off from the beginning
    assert policy.ended(1).delay_s == 1


def test_five_failures_in_two_minutes_mean_out_of_order_once() -> None:
    clock = Clock()
    policy = Policy(clock=clock)
    decisions = []
    for _ in range(5):
        decisions.append(policy.ended(exit_codes.CRASH))
        clock.now += 20
    assert [d.action for d in decisions[:4]] == [Action.RESTART] * 4
    last = decisions[4]
    assert last.action is Action.OUT_OF_ORDER
    assert last.entered_out_of_order
    assert last.delay_s == Timings().retry_s
    assert "5 times" in last.reason
    again = policy.ended(exit_codes.CRASH)  # a retry that failed too
    assert again.action is Action.OUT_OF_ORDER
    assert not again.entered_out_of_order  # the help desk is not told twice


def test_failures_spread_out_never_make_it_out_of_order() -> None:
    clock = Clock()
    policy = Policy(clock=clock)
    for _ in range(20):
        assert policy.ended(exit_codes.CRASH).action is Action.RESTART
        clock.now += 31  # four within any two minutes at most


def test_a_hang_counts_as_a_failure() -> None:
    clock = Clock()
    policy = Policy(Timings(failures_allowed=2), clock)
    assert policy.ended(None, hung=True).action is Action.RESTART
    decision = policy.ended(None, hung=True)
    assert decision.action is Action.OUT_OF_ORDER
    assert "stopped answering" in decision.reason


def test_refusing_to_start_is_out_of_order_at_once() -> None:
    decision = Policy(clock=Clock()).ended(exit_codes.REFUSED)
    assert decision.action is Action.OUT_OF_ORDER
    assert decision.entered_out_of_order
    assert "refused" in decision.reason


def test_a_restart_asked_for_is_not_counted() -> None:
    policy = Policy(Timings(failures_allowed=2), clock=Clock())
    for _ in range(10):
        assert policy.ended(exit_codes.RESTART).action is Action.RESTART
    assert policy.recent_failures == 0


def test_out_of_order_ends_only_when_the_kiosk_stays_up() -> None:
    clock = Clock()
    policy = Policy(Timings(failures_allowed=1, stable_s=60), clock)
    assert policy.ended(exit_codes.CRASH).action is Action.OUT_OF_ORDER
    policy.ready()
    clock.now += 30
    assert not policy.stable()  # up, but not for long yet
    assert policy.ended(exit_codes.CRASH).action is Action.OUT_OF_ORDER  # fell over again
    policy.ready()
    clock.now += 61
    assert policy.stable()
    assert not policy.out_of_order
    assert not policy.stable()  # once
    assert policy.recent_failures == 0
