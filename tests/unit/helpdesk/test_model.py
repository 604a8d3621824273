"""The request's states and transitions, shared by kiosk and server."""

from __future__ import annotations

import dataclasses
import json
import random
from datetime import UTC, datetime, timedelta

import pytest

from kiosk.helpdesk import model
from kiosk.helpdesk.model import Action, Outcome, Request, State, Topic, TransitionError
from kiosk.helpdesk.status import Phase, from_server

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def request(**changes: object) -> Request:
    base = Request(
        id=model.new_request_id(),
        centre_id=1,
        kiosk_id=1,
        topic=Topic.LOGIN,
        created_at=NOW,
        updated_at=NOW,
        code="K-27",
    )
    return Request(
        **{**base.to_wire(), **changes, "topic": Topic.LOGIN, "created_at": NOW, "updated_at": NOW}
    )  # type: ignore[arg-type]


def test_every_open_state_can_be_cancelled_and_nothing_leaves_a_closed_state() -> None:
    for state in model.OPEN_STATES:
        assert model.TRANSITIONS[(state, Action.CANCEL)] is State.CANCELLED
    for state in model.CLOSED_STATES:
        assert not [a for (s, a) in model.TRANSITIONS if s is state]


def test_a_full_life() -> None:
    r = request(phone="0401234567")
    r = model.apply(r, Action.SEE, NOW)
    assert r.state is State.SEEN and r.seen_at == NOW
    later = NOW + timedelta(minutes=2)
    r = model.apply(r, Action.TAKE, later, minutes=5, staff_name="Anna\n<b>")
    assert (r.state, r.minutes, r.staff_name, r.taken_at) == (State.COMING, 5, "Anna <b>", later)
    r = model.with_message(r, "Tulen\r\npian", later)
    assert r.message == "Tulen pian"
    r = model.apply(r, Action.PUT_BACK, later)
    assert (r.state, r.minutes, r.staff_name) == (State.WAITING, None, None)
    r = model.apply(r, Action.RESOLVE, later, outcome=Outcome.DONE)
    assert r.state is State.RESOLVED and r.outcome is Outcome.DONE and r.closed_at == later
    assert (r.phone, r.message, r.code, r.staff_name) == (None, None, None, None)
    assert r.topic is Topic.LOGIN  # anonymous fields stay


@pytest.mark.parametrize(
    ("state", "action"),
    [(State.WAITING, Action.PUT_BACK), (State.COMING, Action.TAKE), (State.RESOLVED, Action.SEE)],
)
def test_refused_transitions(state: State, action: Action) -> None:
    with pytest.raises(TransitionError):
        model.apply(request(state=state), action, NOW, outcome=Outcome.DONE)


def test_call_needs_a_number_and_resolve_an_outcome() -> None:
    with pytest.raises(TransitionError, match="call-back number"):
        model.apply(request(), Action.CALL, NOW)
    with pytest.raises(TransitionError, match="outcome"):
        model.apply(request(), Action.RESOLVE, NOW)
    with pytest.raises(TransitionError, match="minutes"):
        model.apply(request(), Action.TAKE, NOW, minutes=1000)


def test_visitor_leaving_keeps_a_call_back_request_open() -> None:
    gone = model.apply(request(), Action.VISITOR_LEFT, NOW)
    assert gone.state is State.VISITOR_LEFT
    kept = model.apply(request(phone="0401234567"), Action.VISITOR_LEFT, NOW)
    assert kept.is_open and kept.visitor_left and kept.phone == "0401234567"


def test_phone_expires_after_24_hours() -> None:
    r = request(phone="0401234567")
    assert model.expire_phone(r, NOW + timedelta(hours=23)).phone == "0401234567"
    assert model.expire_phone(r, NOW + model.PHONE_RETENTION).phone is None


@pytest.mark.parametrize("text", ["040 123 4567", "+358-40-123-4567", "(09) 1234 567"])
def test_phone_numbers_are_normalised(text: str) -> None:
    assert model.normalise_phone(text).lstrip("+").isdigit()


@pytest.mark.parametrize("text", ["", "1234", "call me", "+" + "1" * 16, "040 123 4567 ext 2"])
def test_bad_phone_numbers(text: str) -> None:
    with pytest.raises(ValueError, match="5 to 15 digits"):
        model.normalise_phone(text)


def test_codes_are_short_and_unused() -> None:
    used = {f"K-{n}" for n in range(10, 99)}
    assert model.pick_code(used, random.Random(1)) == "K-99"
    assert model.pick_code({f"K-{n}" for n in range(10, 100)}, random.Random(1)).startswith("K-")


def test_every_time_goes_on_the_wire_as_text() -> None:
    """``to_wire`` knows the time fields by their type: a new one must be found too."""
    times = {f.name: NOW for f in dataclasses.fields(Request) if f.name.endswith("_at")}
    r = dataclasses.replace(request(), **times)
    wire = r.to_wire()
    assert sorted(wire) == sorted(f.name for f in dataclasses.fields(Request))
    assert all(wire[name] == NOW.isoformat() for name in times)
    assert len(times) == 6
    json.dumps(wire)  # nothing left that JSON cannot hold
    assert Request.from_wire(wire) == r


def test_wire_round_trip_and_visitor_status() -> None:
    r = model.apply(request(), Action.TAKE, NOW, minutes=3, staff_name="Anna")
    assert Request.from_wire(r.to_wire()) == r
    status = from_server({"request": r.to_wire(), "position": None})
    assert (status.phase, status.minutes, status.staff_name) == (Phase.COMING, 3, "Anna")
    with pytest.raises(ValueError, match="malformed"):
        from_server({"request": {"state": "waiting"}})
