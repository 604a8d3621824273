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
