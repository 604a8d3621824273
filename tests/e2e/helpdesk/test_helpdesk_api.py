"""The help-desk API with the real app and a real database (SQLite and PostgreSQL)."""

from __future__ import annotations

import uuid
from datetime import timedelta

import httpx
import pytest
from sqlalchemy import func, select

from kiosk.helpdesk.model import PHONE_RETENTION
from kiosk.helpdesk.server import db
from tests.helpers.helpdesk_servers import (
    EventReader,
    FakeClock,
    KioskApi,
    LiveServer,
    Seeded,
    StaffApi,
    client,
)


def rid() -> str:
    return str(uuid.uuid4())


def test_pairing_gives_a_token_once(seeded: Seeded) -> None:
    code = seeded.store.create_pair_code(seeded.centre, "front room")
    first = httpx.post(f"{seeded.url}/api/v1/pair", json={"code": code.lower()})
    assert first.status_code == 200
    assert first.json()["centre"] == seeded.centre
    assert first.json()["kiosk_name"] == "front room"
    again = httpx.post(f"{seeded.url}/api/v1/pair", json={"code": code})
    assert again.status_code == 403


def test_expired_pairing_code_is_refused(seeded: Seeded, clock: FakeClock) -> None:
    code = seeded.store.create_pair_code(seeded.centre, "k")
    clock.advance(timedelta(hours=1))
    assert httpx.post(f"{seeded.url}/api/v1/pair", json={"code": code}).status_code == 403


def test_request_is_idempotent_and_shows_place_in_line(seeded: Seeded) -> None:
    kiosk = KioskApi(seeded.url, seeded.pair_kiosk())
    first, second = rid(), rid()
    created = kiosk.send(first, guide_id="kela-toimeentulotuki", step=3, phone="040 123 4567")
    assert created.status_code == 201
    body = created.json()
    assert body["position"] == 1
    assert body["request"]["code"].startswith("K-")
    assert "phone" not in body["request"]  # the kiosk is not sent the number back
    assert kiosk.send(first).status_code == 200  # the same id again: stored once
    assert kiosk.send(second, topic="print").json()["position"] == 2
    staff = StaffApi(seeded.url)
    assert [r["id"] for r in staff.queue()["open"]] == [first, second]
    assert staff.queue()["open"][0]["phone"] == "0401234567"
    assert staff.act(first, "take", minutes=5).status_code == 200
    assert kiosk.status(second).json()["position"] == 1


def test_staff_transitions_reach_the_kiosk_status(seeded: Seeded) -> None:
    kiosk = KioskApi(seeded.url, seeded.pair_kiosk())
    staff = StaffApi(seeded.url)
    request_id = rid()
    kiosk.send(request_id, phone="0401234567")
    assert staff.act(request_id, "see").json()["state"] == "seen"
    coming = staff.act(request_id, "take", minutes=3).json()
    assert (coming["state"], coming["minutes"], coming["staff_name"]) == ("coming", 3, "Anna")
    assert staff.act(request_id, "call").json()["state"] == "calling"
    assert staff.act(request_id, "put_back").json()["state"] == "waiting"
    said = staff.http.post(
        f"/api/v1/staff/requests/{request_id}/message",
        json={"message": "Tulen kahvin jälkeen"},
        headers={"X-CSRF-Token": staff.csrf},
    )
    assert said.json()["message"] == "Tulen kahvin jälkeen"
    assert kiosk.status(request_id).json()["request"]["message"] == "Tulen kahvin jälkeen"
    # Not allowed: resolving without an outcome, an unknown action.
    assert staff.act(request_id, "resolve").status_code == 409
    assert staff.act(request_id, "explode").status_code == 422
    done = staff.act(request_id, "resolve", outcome="partly").json()
    assert (done["state"], done["outcome"]) == ("resolved", "partly")
    # Closed: the number, the message and the code are gone; anonymous fields stay.
    assert done["phone"] is None and done["message"] is None and done["code"] is None
    assert done["topic"] == "login" and done["closed_at"]
    assert staff.act(request_id, "take").status_code == 409


def test_cancel_and_visitor_left(seeded: Seeded) -> None:
    kiosk = KioskApi(seeded.url, seeded.pair_kiosk())
    plain, with_phone = rid(), rid()
    kiosk.send(plain)
    kiosk.send(with_phone, phone="+358401234567")
    left = kiosk.cancel(plain, "visitor_left").json()
    assert left["request"]["state"] == "visitor_left"
    assert kiosk.cancel(plain).status_code == 200  # resending a cancel is harmless
    # They asked for a call-back: it stands, marked for staff.
    kept = kiosk.cancel(with_phone, "visitor_left").json()["request"]
    assert (kept["state"], kept["visitor_left"]) == ("waiting", True)
    staff_view = StaffApi(seeded.url).queue()["open"]
    assert [(r["id"], r["visitor_left"]) for r in staff_view] == [(with_phone, True)]


def test_kiosks_see_only_their_own_requests(seeded: Seeded) -> None:
    one = KioskApi(seeded.url, seeded.pair_kiosk("one"))
    two = KioskApi(seeded.url, seeded.pair_kiosk("two"))
    request_id = rid()
    one.send(request_id)
    assert two.status(request_id).status_code == 404
    assert two.cancel(request_id).status_code == 404
    assert two.send(request_id).status_code == 409


@pytest.mark.parametrize(
    "body",
    [
        {"id": "not-a-uuid", "topic": "login"},
        {"id": "00000000-0000-4000-8000-000000000000", "topic": "bananas"},
        {"id": "00000000-0000-4000-8000-000000000000", "topic": "login", "phone": "call me"},
        {"id": "00000000-0000-4000-8000-000000000000", "topic": "login", "step": -1},
        {"id": "00000000-0000-4000-8000-000000000000", "topic": "login", "guide_id": "<x>"},
        {"id": "00000000-0000-4000-8000-000000000000", "topic": "login", "extra": 1},
    ],
)
def test_bad_input_gets_a_clear_422(seeded: Seeded, body: dict[str, object]) -> None:
    kiosk = KioskApi(seeded.url, seeded.pair_kiosk())
    response = kiosk.http.post("/api/v1/kiosk/requests", json=body)
    assert response.status_code == 422
    assert response.json()["problems"]
    assert "call me" not in response.text  # what the visitor typed is not echoed


def test_oversize_body_and_unknown_token(seeded: Seeded) -> None:
    kiosk = KioskApi(seeded.url, seeded.pair_kiosk())
    huge = kiosk.http.post("/api/v1/kiosk/requests", content=b"{" + b" " * 40_000 + b"}")
    assert huge.status_code == 413
    stranger = KioskApi(seeded.url, "not-a-token")
    refused = stranger.send(rid())
    assert refused.status_code == 401
    assert refused.json() == {"detail": "Unauthorized"}
    assert httpx.get(f"{seeded.url}/api/v1/kiosk/events").status_code == 401


def test_unknown_host_is_refused(seeded: Seeded) -> None:
    response = httpx.get(f"{seeded.url}/staff/", headers={"Host": "evil.example"})
    assert response.status_code == 400


def test_staff_endpoints_need_login_and_csrf(seeded: Seeded) -> None:
    anonymous = client(seeded.url)
    assert anonymous.get("/api/v1/staff/queue").status_code == 401
    assert anonymous.get("/api/v1/staff/events").status_code == 401
    staff = StaffApi(seeded.url)
    kiosk = KioskApi(seeded.url, seeded.pair_kiosk())
    request_id = rid()
    kiosk.send(request_id)
    path = f"/api/v1/staff/requests/{request_id}/see"
    assert staff.http.post(path, json={}).status_code == 403  # no CSRF token
    cross = staff.http.post(
        path, json={}, headers={"X-CSRF-Token": staff.csrf, "Origin": "http://evil.example"}
    )
    assert cross.status_code == 403
    assert staff.act(request_id, "see").status_code == 200


def test_login_cookie_flags_and_throttling(seeded: Seeded) -> None:
    good = httpx.post(
        f"{seeded.url}/api/v1/staff/login",
        json={"username": "anna", "password": "correct horse battery"},
    )
    cookie = good.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie and "secure" not in cookie
    for _ in range(5):
        wrong = httpx.post(
            f"{seeded.url}/api/v1/staff/login", json={"username": "anna", "password": "guess"}
        )
        assert wrong.status_code == 401
    throttled = httpx.post(
        f"{seeded.url}/api/v1/staff/login",
        json={"username": "anna", "password": "correct horse battery"},
    )
    assert throttled.status_code == 429


def test_events_reach_staff_and_kiosk_streams(seeded: Seeded) -> None:
    staff = StaffApi(seeded.url)
    token = seeded.pair_kiosk()
    kiosk = KioskApi(seeded.url, token)
    staff_stream = EventReader(staff.http, "/api/v1/staff/events")
    kiosk_stream = EventReader(kiosk.http, "/api/v1/kiosk/events")
    try:
        staff_stream.next("ready")
        kiosk_stream.next("ready")
        request_id = rid()
        kiosk.send(request_id, topic="form", guide_id="kela", step=2)
        arrived = staff_stream.next("request", lambda d: d["id"] == request_id)
        assert (arrived["topic"], arrived["guide_id"], arrived["step"]) == ("form", "kela", 2)
        assert arrived["kiosk_name"] == "kiosk-1"
        staff.act(request_id, "take", minutes=5)
        status = kiosk_stream.next("status", lambda d: d["request"]["state"] == "coming")
        assert status["request"]["minutes"] == 5 and status["position"] is None
    finally:
        staff_stream.close()
        kiosk_stream.close()


def test_place_in_line_updates_live(seeded: Seeded) -> None:
    staff = StaffApi(seeded.url)
    first_kiosk = KioskApi(seeded.url, seeded.pair_kiosk("one"))
    second_kiosk = KioskApi(seeded.url, seeded.pair_kiosk("two"))
    first, second = rid(), rid()
    first_kiosk.send(first)
    second_kiosk.send(second)
    stream = EventReader(second_kiosk.http, "/api/v1/kiosk/events")
    try:
        assert stream.next("status")["position"] == 2
        staff.act(first, "take")
        assert stream.next("status", lambda d: d["position"] == 1)["request"]["id"] == second
    finally:
        stream.close()


def test_only_a_request_ahead_in_line_moves_a_kiosks_place(seeded: Seeded) -> None:
    staff = StaffApi(seeded.url)
    kiosks = [KioskApi(seeded.url, seeded.pair_kiosk(name)) for name in ("one", "two", "three")]
    ahead, mine, behind = rid(), rid(), rid()
    kiosks[0].send(ahead)
    kiosks[1].send(mine)
    stream = EventReader(kiosks[1].http, "/api/v1/kiosk/events")
    try:
        assert stream.next("status")["position"] == 2
        stream.next("ready")
        # A request that joins behind ours, then leaves the line: our place is the same,
        # and the stream says nothing of it ...
        kiosks[2].send(behind)
        assert staff.act(behind, "take").status_code == 200
        # ... so the next word on it is the move that the request ahead of ours makes.
        assert staff.act(ahead, "take").status_code == 200
        status = stream.next("status")
        assert (status["request"]["id"], status["position"]) == (mine, 1)
    finally:
        stream.close()


def test_a_kiosks_own_request_leaving_the_line_moves_its_next_one(seeded: Seeded) -> None:
    """A kiosk with two requests in line: when staff take the first, the stream says so
    and then moves the second to the front (it used to say only the first's news). Another
    centre's requests say nothing to it."""
    seeded.store.add_centre("Vallila")
    staff = StaffApi(seeded.url)
    here = [KioskApi(seeded.url, seeded.pair_kiosk(name)) for name in ("one", "two")]
    there = KioskApi(seeded.url, seeded.pair_kiosk("Vallila 1", centre="Vallila"))
    ahead, mine = rid(), rid()
    there.send(ahead)
    there.send(mine)
    stream = EventReader(there.http, "/api/v1/kiosk/events")
    try:
        assert stream.next("status", lambda d: d["request"]["id"] == mine)["position"] == 2
        stream.next("ready")
        for kiosk in here:  # another centre's line: no word of it
            kiosk.send(rid())
        assert staff.act(ahead, "take", minutes=5).status_code == 200
        taken = stream.next("status")  # its own request first, then the line's move
        assert (taken["request"]["id"], taken["request"]["minutes"]) == (ahead, 5)
        status = stream.next("status")
        assert (status["request"]["id"], status["position"]) == (mine, 1)
    finally:
        stream.close()


def test_phone_numbers_are_deleted_after_24_hours(seeded: Seeded, clock: FakeClock) -> None:
    kiosk = KioskApi(seeded.url, seeded.pair_kiosk())
    old, fresh = rid(), rid()
    kiosk.send(old, phone="0401111111")
    clock.advance(PHONE_RETENTION - timedelta(hours=1))
    kiosk.send(fresh, phone="0402222222")
    clock.advance(timedelta(hours=1))
    assert seeded.store.purge() == 1
    phones = {r["id"]: r["phone"] for r in StaffApi(seeded.url).queue()["open"]}
    assert phones == {old: None, fresh: "0402222222"}


def test_todays_history_is_kept_for_the_day_only(seeded: Seeded, clock: FakeClock) -> None:
    """Who handled what is shown for today; after midnight in the centres' time zone it
    is no longer shown, and the clean-up deletes it: no colleague's name is kept."""
    kiosk = KioskApi(seeded.url, seeded.pair_kiosk())
    staff = StaffApi(seeded.url)
    handled, still_open = rid(), rid()
    kiosk.send(handled)
    kiosk.send(still_open)
    assert staff.act(handled, "take").status_code == 200
    assert staff.act(handled, "resolve", outcome="done").status_code == 200
    assert staff.act(still_open, "see").status_code == 200
    today = staff.http.get("/api/v1/staff/history").json()["entries"]
    assert [(e["action"], e["staff_name"]) for e in today] == [
        ("see", "Anna"),
        ("resolve", "Anna"),
        ("take", "Anna"),
    ]
    seeded.store.purge()  # today's lines stay
    assert len(StaffApi(seeded.url).http.get("/api/v1/staff/history").json()["entries"]) == 3

    clock.advance(timedelta(hours=13, minutes=30))  # 09:00 UTC is 11:00 in Helsinki
    assert clock.now.astimezone(seeded.store.timezone).hour == 0
    later = StaffApi(seeded.url)
    assert later.http.get("/api/v1/staff/history").json()["entries"] == []
    seeded.store.purge()
    with seeded.store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(db.handling_log)).scalar() == 0
        # What the requests keep names nobody: the closed one lost its handler's name.
        names = dict(conn.execute(select(db.requests.c.id, db.requests.c.staff_name)).all())
    assert names == {handled: None, still_open: None}


def test_database_down_gives_503(live: LiveServer, seeded: Seeded) -> None:
    kiosk = KioskApi(seeded.url, seeded.pair_kiosk())
    store = live.state.store
    working = store.engine
    from sqlalchemy import create_engine

    from kiosk.helpdesk.server import db

    if store.is_postgres:
        broken = db.make_engine("postgresql://nobody@127.0.0.1:1/none")
    else:
        broken = create_engine("sqlite:////nonexistent/dir/helpdesk.sqlite3")
    store.engine = broken
    try:
        response = kiosk.http.post("/api/v1/kiosk/requests", json={"id": rid(), "topic": "login"})
    finally:
        store.engine = working
        broken.dispose()
    # The token check reads the database first: 503, and the kiosk keeps its request.
    assert response.status_code == 503


def test_openapi_document(seeded: Seeded) -> None:
    document = httpx.get(f"{seeded.url}/openapi.json").json()
    assert "/api/v1/kiosk/requests" in document["paths"]
    assert "/api/v1/staff/events" in document["paths"]
