"""The session state machine, driven by a fake clock."""

from __future__ import annotations

import pytest

from kiosk.session.lifecycle import REASON_BUTTON, REASON_TIMEOUT, Lifecycle, State


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def make(clock: FakeClock) -> tuple[Lifecycle, list[tuple[State, State, str]]]:
    life = Lifecycle(clock, idle_timeout_s=180, warning_s=60)
    heard: list[tuple[State, State, str]] = []
    life.on_change(lambda old, new, why: heard.append((old, new, why)))
    return life, heard


def test_touch_starts_a_session(clock: FakeClock) -> None:
    life, heard = make(clock)
    assert life.state is State.ATTRACT
    clock.now += 10_000
    life.tick()  # nothing happens on the attract screen, however long it waits
    assert life.state is State.ATTRACT
    life.input()
    assert heard == [(State.ATTRACT, State.ACTIVE, "start")]


def test_a_bumped_mouse_does_not_start_a_session(clock: FakeClock) -> None:
    life, heard = make(clock)
    life.input(starts_session=False)
    assert life.state is State.ATTRACT
    assert heard == []


def test_mouse_movement_keeps_a_session_and_ends_a_warning(clock: FakeClock) -> None:
    life, _ = make(clock)
    life.input()
    clock.now += 180
    life.tick()
    assert life.state is State.WARNING
    life.input(starts_session=False)
    assert life.state is State.ACTIVE


def test_idle_visitor_is_warned_then_wiped(clock: FakeClock) -> None:
    life, heard = make(clock)
    life.input()
    clock.now += 179
    life.tick()
    assert life.state is State.ACTIVE
    clock.now += 1
    life.tick()
    assert life.state is State.WARNING
    assert life.seconds_left == 60
    clock.now += 59.5
    life.tick()
    assert life.seconds_left == 1
    assert life.state is State.WARNING
    clock.now += 0.5
    life.tick()
    assert life.state is State.WIPING
    assert heard[-1] == (State.WARNING, State.WIPING, REASON_TIMEOUT)
    assert life.seconds_left == 0


def test_any_input_resets_the_idle_time(clock: FakeClock) -> None:
    life, _ = make(clock)
    life.input()
    for _ in range(10):  # reading a long page, moving the mouse now and then
        clock.now += 170
        life.input()
        life.tick()
    assert life.state is State.ACTIVE


def test_input_during_warning_continues(clock: FakeClock) -> None:
    life, heard = make(clock)
    life.input()
    clock.now += 180
    life.tick()
    clock.now += 30
    life.input()
    assert life.state is State.ACTIVE
    assert heard[-1][2] == "continue"
    clock.now += 179
    life.tick()
    assert life.state is State.ACTIVE  # the idle time started again


def test_end_button_wipes_once(clock: FakeClock) -> None:
    life, heard = make(clock)
    assert not life.end()  # nothing to end on the attract screen
    life.input()
    assert life.end()
    assert not life.end()  # pressing End twice quickly starts one wipe
    assert [h for h in heard if h[1] is State.WIPING] == [
        (State.ACTIVE, State.WIPING, REASON_BUTTON)
    ]
    life.input()  # input during the wipe changes nothing
    assert life.state is State.WIPING
    life.wipe_done()
    assert life.state is State.ATTRACT


def test_end_during_warning(clock: FakeClock) -> None:
    life, _ = make(clock)
    life.input()
    clock.now += 200
    life.tick()
    assert life.end()
    assert life.state is State.WIPING


def test_one_second_timeouts_for_tests(clock: FakeClock) -> None:
    life = Lifecycle(clock, idle_timeout_s=1, warning_s=1)
    life.input()
    clock.now += 1
    life.tick()
    clock.now += 1
    life.tick()
    assert life.state is State.WIPING


def test_bad_timeouts() -> None:
    with pytest.raises(ValueError):
        Lifecycle(lambda: 0.0, 0, 60)
    with pytest.raises(ValueError):
        Lifecycle(lambda: 0.0, 180, 60, help_wait_s=0)


# -- help is on its way: no idle wipe at the normal timeout ---------------------------------


def make_with_help(clock: FakeClock) -> tuple[Lifecycle, list[tuple[State, State, str]]]:
    life = Lifecycle(clock, idle_timeout_s=180, warning_s=60, help_wait_s=900)
    heard: list[tuple[State, State, str]] = []
    life.on_change(lambda old, new, why: heard.append((old, new, why)))
    return life, heard


def _run(life: Lifecycle, clock: FakeClock, seconds: float, step: float = 0.25) -> None:
    """Let ``seconds`` pass with the keeper's timer ticking every ``step``."""
    end = clock.now + seconds
    while clock.now < end:
        clock.now = min(end, clock.now + step)
        life.tick()


def test_an_open_help_request_waits_instead_of_warning(clock: FakeClock) -> None:
    """The visitor asked for help, staff are coming, nobody touches the screen."""
    life, heard = make_with_help(clock)
    life.input()
    life.set_help_pending(True)
    _run(life, clock, 180)
    assert life.state is State.HELP_WAIT  # "Help is coming", at the normal timeout
    assert heard[-1] == (State.ACTIVE, State.HELP_WAIT, "idle-help-pending")
    _run(life, clock, 900 - 180 - 1)
    assert life.state is State.HELP_WAIT  # at 4:00 (the old wipe) and long after
    assert not any(new is State.WARNING for _old, new, _why in heard)
    _run(life, clock, 1)
    assert life.state is State.WARNING  # the long limit: the warning, then the wipe
    assert life.seconds_left == 60
    _run(life, clock, 60)
    assert life.state is State.WIPING
    assert heard[-1] == (State.WARNING, State.WIPING, REASON_TIMEOUT)


def test_a_touch_during_the_help_wait_counts_and_back_to_page_resumes(
    clock: FakeClock,
) -> None:
    life, heard = make_with_help(clock)
    life.input()
    life.set_help_pending(True)
    _run(life, clock, 200)
    assert life.state is State.HELP_WAIT
    # A touch on the screen's own buttons: still here, and the screen stays for the tap.
    life.input(starts_session=False)
    assert life.state is State.HELP_WAIT
    _run(life, clock, 899)
    assert life.state is State.HELP_WAIT  # the long limit counts from the touch
    life.resume()  # "Back to my page"
    assert life.state is State.ACTIVE
    assert heard[-1][2] == "continue"
    _run(life, clock, 179)
    assert life.state is State.ACTIVE  # the idle time started again


def test_end_session_ends_the_help_wait_at_once(clock: FakeClock) -> None:
    life, heard = make_with_help(clock)
    life.input()
    life.set_help_pending(True)
    _run(life, clock, 300)
    assert life.state is State.HELP_WAIT
    assert life.end()
    assert heard[-1] == (State.HELP_WAIT, State.WIPING, REASON_BUTTON)
    life.wipe_done()
    assert not life.help_pending  # the next visitor's session starts without it
    life.input()
    _run(life, clock, 180)
    assert life.state is State.WARNING


def test_a_request_that_opens_during_the_warning_stops_it(clock: FakeClock) -> None:
    """Sent while offline; delivered (waiting) while the warning counts down."""
    life, _ = make_with_help(clock)
    life.input()
    _run(life, clock, 190)
    assert life.state is State.WARNING
    life.set_help_pending(True)
    assert life.state is State.HELP_WAIT
    _run(life, clock, 120)  # past the warning's 60 seconds: no wipe
    assert life.state is State.HELP_WAIT


def test_a_closed_request_brings_the_normal_rule_back(clock: FakeClock) -> None:
    life, heard = make_with_help(clock)
    life.input()
    life.set_help_pending(True)
    _run(life, clock, 400)
    assert life.state is State.HELP_WAIT
    life.set_help_pending(False)  # staff resolved it; nobody has touched the screen
    assert life.state is State.WARNING  # "Are you still there?", then the wipe
    assert [why for _o, _n, why in heard[-2:]] == ["help-closed", "idle"]
    # While the visitor is active, closing the request changes nothing at once.
    life.input()
    life.set_help_pending(True)
    _run(life, clock, 100)
    life.set_help_pending(False)
    assert life.state is State.ACTIVE
    _run(life, clock, 80)
    assert life.state is State.WARNING
