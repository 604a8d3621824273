"""The screen-share API with the real app and a real database (SQLite and PostgreSQL):
the question, the answer, pictures to the supporter, pointing, the end in every way, the
record (times only) and every refusal."""

from __future__ import annotations

import base64
import os
import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from kiosk.helpdesk.server import api_share
from kiosk.helpdesk.server.share_rows import share_events, shares
from kiosk.helpdesk.server.share_store import ShareStore
from kiosk.helpdesk.share_model import (
    ASK_AGAIN_AFTER_S,
    KIOSK_SILENCE_S,
    MAX_BYTES_PER_S,
    MAX_DURATION_S,
    MAX_FRAME_BYTES,
    VIEWER_GONE_S,
)
from tests.helpers.helpdesk_servers import (
    STAFF_PASSWORD,
    EventReader,
    FakeClock,
    KioskApi,
    Seeded,
    StaffApi,
    client,
    wait_until,
)


def jpeg(size: int = 2000) -> bytes:
    """Bytes that start like a JPEG (the server checks the type, it never decodes)."""
    return b"\xff\xd8\xff\xe0" + os.urandom(size - 4)


@dataclass
class Scene:
    seeded: Seeded
    kiosk: KioskApi
    staff: StaffApi
    request_id: str

    @property
    def base(self) -> str:
        return f"/api/v1/kiosk/requests/{self.request_id}/share"

    @property
    def staff_base(self) -> str:
        return f"/api/v1/staff/requests/{self.request_id}/share"

    def ask(self, staff: StaffApi | None = None) -> httpx.Response:
        who = staff or self.staff
        return who.http.post(self.staff_base, headers={"X-CSRF-Token": who.csrf})

    def staff_post(
        self, path: str, body: Any = None, staff: StaffApi | None = None
    ) -> httpx.Response:
        who = staff or self.staff
        return who.http.post(
            self.staff_base + path, json=body or {}, headers={"X-CSRF-Token": who.csrf}
        )

    def answer(self, share_id: str, allow: bool) -> httpx.Response:
        return self.kiosk.http.post(
            self.base + "/answer", json={"share_id": share_id, "allow": allow}
        )

    def frame(self, share_id: str, data: bytes = b"", **params: Any) -> httpx.Response:
        return self.kiosk.http.post(
            self.base + "/frame",
            params={"share_id": share_id, "width": 800, "height": 450, **params},
            content=data,
            headers={"Content-Type": "image/jpeg"},
        )

    def kiosk_events(self) -> EventReader:
        return EventReader(self.kiosk.http, self.base + "/events")

    def viewer(self, staff: StaffApi | None = None) -> EventReader:
        return EventReader((staff or self.staff).http, self.staff_base + "/events")

    def record(self) -> dict[str, Any]:
        response = self.staff.http.get(self.staff_base)
        response.raise_for_status()
        data: dict[str, Any] = response.json()
        return data


@pytest.fixture
def scene(seeded: Seeded) -> Scene:
    kiosk = KioskApi(seeded.url, seeded.pair_kiosk())
    request_id = str(uuid.uuid4())
    assert kiosk.send(request_id, phone="040 123 4567").status_code == 201
    staff = StaffApi(seeded.url)
    assert staff.act(request_id, "call").status_code == 200  # Anna calls the visitor back
    return Scene(seeded, kiosk, staff, request_id)


def _started(scene: Scene) -> str:
    asked = scene.ask()
    assert asked.status_code == 201
    share_id: str = asked.json()["id"]
    assert scene.answer(share_id, True).status_code == 200
    return share_id


def test_allowed_share_brings_pictures_pointer_and_step_then_stops(scene: Scene) -> None:
    events = scene.kiosk_events()
    events.next("ready")
    asked = scene.ask()
    assert asked.status_code == 201
    share = asked.json()
    assert share["state"] == "asked"
    question = events.next("share")
    assert question == {
        "id": share["id"],
        "request_id": scene.request_id,
        "supporter": "Anna",
        "state": "asked",
        "expires_at": None,
        "end_reason": None,
    }
    assert scene.ask().status_code == 200  # asking twice: the same question

    allowed = scene.answer(share["id"], True)
    assert allowed.status_code == 200
    assert allowed.json()["state"] == "active"
    viewer = scene.viewer()
    assert viewer.next("share")["state"] == "active"
    # No picture yet: the kiosk is asked for a full one for the new viewer.
    assert events.next("refresh") == {"share_id": share["id"]}

    picture = jpeg(30_000)
    assert scene.frame(share["id"], picture).status_code == 204
    arrived = viewer.next("frame")
    assert base64.b64decode(arrived["jpeg"]) == picture
    assert (arrived["width"], arrived["height"], arrived["paused"]) == (800, 450, "")

    assert scene.frame(share["id"], jpeg(), paused="password").status_code == 204
    assert viewer.next("frame")["paused"] == "password"

    assert scene.staff_post("/point", {"x": 0.25, "y": 0.75}).status_code == 204
    assert events.next("point") == {"share_id": share["id"], "x": 0.25, "y": 0.75}
    assert scene.staff_post("/step", {"step": 4}).status_code == 204
    assert events.next("step") == {"share_id": share["id"], "step": 4}

    stopped = scene.staff_post("/stop")
    assert stopped.status_code == 200
    assert events.next("share", lambda d: d["state"] == "ended")["end_reason"] == "supporter"
    assert viewer.next("share", lambda d: d["state"] == "ended")["end_reason"] == "supporter"
    assert scene.frame(share["id"], jpeg()).status_code == 409  # no picture after the end
    events.close()
    viewer.close()

    record = scene.record()
    assert [e["kind"] for e in record["events"]] == [
        "asked", "allowed", "paused_password", "ended",
    ]  # fmt: skip
    assert record["events"][-1]["detail"] == "supporter"
    assert record["share"]["supporter"] is None  # the name goes with the share


def test_the_record_keeps_times_and_reasons_never_a_picture(scene: Scene) -> None:
    share_id = _started(scene)
    marker = b"\xff\xd8\xff\xe0" + b"MARKER-PICTURE-BYTES" * 100
    assert scene.frame(share_id, marker).status_code == 204
    assert (
        scene.kiosk.http.post(
            scene.base + "/stop", json={"share_id": share_id, "reason": "visitor"}
        ).json()["end_reason"]
        == "visitor"
    )
    store = scene.seeded.store
    with store.engine.connect() as conn:
        rows = [*conn.execute(shares.select()).all(), *conn.execute(share_events.select()).all()]
    text = repr(rows)
    assert "MARKER" not in text
    assert "Anna" not in text  # the first name was the visitor's to read, then deleted
    assert len(rows) == 4  # the share, asked, allowed, ended


def test_no_means_nothing_is_shared_and_no_asking_again_at_once(
    scene: Scene, clock: FakeClock
) -> None:
    share_id = scene.ask().json()["id"]
    denied = scene.answer(share_id, False)
    assert denied.json()["end_reason"] == "denied"
    assert scene.frame(share_id, jpeg()).status_code == 409
    assert scene.answer(share_id, True).status_code == 409  # the question has gone
    again = scene.ask()
    assert again.status_code == 429
    assert 0 < int(again.headers["Retry-After"]) <= ASK_AGAIN_AFTER_S
    clock.advance(timedelta(seconds=ASK_AGAIN_AFTER_S + 1))
    assert scene.ask().status_code == 201


def test_a_visitor_who_never_answers(scene: Scene, clock: FakeClock) -> None:
    share_id = scene.ask().json()["id"]
    clock.advance(timedelta(seconds=70))
    assert scene.record()["share"]["end_reason"] == "no_answer"
    assert scene.answer(share_id, True).status_code == 409


def test_the_clean_up_ends_shares_nobody_watches(scene: Scene, clock: FakeClock) -> None:
    _started(scene)  # and nobody follows it: no stream looks whether it has ended
    store = ShareStore(scene.seeded.store)
    assert store.settle_all() == 0  # still fine
    clock.advance(timedelta(seconds=KIOSK_SILENCE_S + 1))
    assert store.settle_all() == 1
    with scene.seeded.store.engine.connect() as conn:
        row = conn.execute(shares.select()).one()
    assert (row.state, row.end_reason, row.supporter) == ("ended", "network", None)


def test_a_kiosk_that_goes_silent_ends_the_share(scene: Scene, clock: FakeClock) -> None:
    share_id = _started(scene)
    viewer = scene.viewer()
    viewer.next("share")
    clock.advance(timedelta(seconds=KIOSK_SILENCE_S + 1))
    # The supporter's stream looks by itself (every few seconds) and says it has ended.
    ended = viewer.next("share", lambda d: d["state"] == "ended")
    assert ended["end_reason"] == "network"
    viewer.close()
    assert scene.frame(share_id).status_code == 409


def _watched_since(scene: Scene, share_id: str, since: datetime) -> None:
    """Waits until the supporter's stream has marked the share watched after ``since``."""

    def marked() -> bool:
        with scene.seeded.store.engine.connect() as conn:
            seen = conn.execute(
                select(shares.c.viewer_seen_at).where(shares.c.id == share_id)
            ).scalar_one()
        return seen is not None and seen > since

    wait_until(marked, what="the supporter's stream to mark the share watched")


def test_a_share_nobody_watches_any_more_ends(
    scene: Scene, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The supporter closes the staff page: the visitor is not left being told that
    someone sees their screen, and no picture goes out for nobody."""
    monkeypatch.setattr(api_share, "CHECK_S", 0.1)  # the stream looks every 0.1 s
    share_id = _started(scene)
    kiosk_events = scene.kiosk_events()
    kiosk_events.next("share", lambda d: d["state"] == "active")
    viewer = scene.viewer()
    viewer.next("share")
    for _ in range(3 * VIEWER_GONE_S // 20):  # three minutes watched, the kiosk sending
        clock.advance(timedelta(seconds=20))
        _watched_since(scene, share_id, clock.now)
        assert scene.frame(share_id).status_code == 204
    viewer.close()  # the staff page is closed; the kiosk goes on sending
    statuses = []
    for _ in range(VIEWER_GONE_S // 20):
        clock.advance(timedelta(seconds=20))
        statuses.append(scene.frame(share_id).status_code)
    # Still on for a while (a reload of the page would be back in time), then ended.
    assert statuses == [204] * (VIEWER_GONE_S // 20 - 1) + [409]
    ended = kiosk_events.next("share", lambda d: d["state"] == "ended")
    assert ended["end_reason"] == "viewer_left"
    assert set(ended) <= {"id", "request_id", "supporter", "state", "expires_at", "end_reason"}
    record = scene.record()
    assert record["share"]["end_reason"] == "viewer_left"
    assert record["share"]["supporter"] is None
    assert [(e["kind"], e["detail"]) for e in record["events"]][-1] == ("ended", "viewer_left")
    kiosk_events.close()


def _keep_alive(scene: Scene, share_id: str, clock: FakeClock, seconds: int) -> int:
    """Move the clock on in 20-second steps, the kiosk sending keep-alives and the
    supporter watching all along (as their stream marks it); the last status."""
    store = ShareStore(scene.seeded.store)
    status = 204
    for _ in range(seconds // 20):
        clock.advance(timedelta(seconds=20))
        store.watched(share_id)
        status = scene.frame(share_id).status_code
        if status != 204:
            break
    return status


def test_the_time_limit_and_keep_sharing(scene: Scene, clock: FakeClock) -> None:
    share_id = _started(scene)
    assert _keep_alive(scene, share_id, clock, MAX_DURATION_S - 60) == 204
    renewed = scene.kiosk.http.post(scene.base + "/renew", json={"share_id": share_id})
    assert renewed.status_code == 200
    assert _keep_alive(scene, share_id, clock, 120) == 204  # renewed: still on
    assert _keep_alive(scene, share_id, clock, MAX_DURATION_S) == 409
    assert scene.record()["share"]["end_reason"] == "time_limit"
    assert [e["kind"] for e in scene.record()["events"]][-2:] == ["renewed", "ended"]


def test_closing_the_request_ends_the_share(scene: Scene) -> None:
    share_id = _started(scene)
    events = scene.kiosk_events()
    events.next("share", lambda d: d["state"] == "active")
    assert scene.staff.act(scene.request_id, "resolve", outcome="done").status_code == 200
    ended = events.next("share", lambda d: d["state"] == "ended")
    assert ended["end_reason"] == "request_closed"
    events.close()
    assert scene.frame(share_id, jpeg()).status_code == 409
    assert scene.ask().status_code == 409  # a closed request: no asking


def test_staff_of_another_centre_get_403(scene: Scene) -> None:
    seeded = scene.seeded
    seeded.store.add_centre("Vaasa")
    seeded.accounts.add_staff("cecilia", STAFF_PASSWORD, display_name="Cecilia", centres=["Vaasa"])
    _started(scene)
    other = StaffApi(seeded.url, "cecilia")
    assert scene.ask(other).status_code == 403
    assert other.http.get(scene.staff_base).status_code == 403
    assert other.http.get(scene.staff_base + "/events").status_code == 403
    assert scene.staff_post("/point", {"x": 0.5, "y": 0.5}, other).status_code == 403
    assert scene.staff_post("/stop", staff=other).status_code == 403
    # An id that does not exist is simply not found.
    missing = other.http.get(f"/api/v1/staff/requests/{uuid.uuid4()}/share")
    assert missing.status_code == 404


def test_a_second_supporter_cannot_join(scene: Scene) -> None:
    scene.seeded.accounts.add_staff("bert", STAFF_PASSWORD, display_name="Bert Berg")
    _started(scene)
    bert = StaffApi(scene.seeded.url, "bert")
    assert scene.ask(bert).status_code == 409
    assert bert.http.get(scene.staff_base + "/events").status_code == 403
    assert scene.staff_post("/point", {"x": 0.5, "y": 0.5}, bert).status_code == 403
    assert scene.staff_post("/stop", staff=bert).status_code == 409


def test_asking_needs_the_request_taken_by_the_asker(seeded: Seeded) -> None:
    kiosk = KioskApi(seeded.url, seeded.pair_kiosk())
    request_id = str(uuid.uuid4())
    kiosk.send(request_id)
    staff = StaffApi(seeded.url)
    path = f"/api/v1/staff/requests/{request_id}/share"
    csrf = {"X-CSRF-Token": staff.csrf}
    assert staff.http.post(path, headers=csrf).status_code == 409  # nobody has taken it
    assert staff.http.post(path).status_code == 403  # no CSRF token
    seeded.accounts.add_staff("bert", STAFF_PASSWORD, display_name="Bert")
    bert = StaffApi(seeded.url, "bert")
    bert.act(request_id, "take")
    assert staff.http.post(path, headers=csrf).status_code == 409  # Bert has it


def test_bad_input_is_refused(scene: Scene) -> None:
    share_id = _started(scene)
    assert scene.staff_post("/point", {"x": 1.5, "y": 0.5}).status_code == 422
    assert scene.staff_post("/point", {"x": "left", "y": 0.5}).status_code == 422
    assert scene.staff_post("/step", {"step": 0}).status_code == 422
    assert scene.staff_post("/step", {"step": 4, "extra": 1}).status_code == 422
    not_jpeg = scene.kiosk.http.post(
        scene.base + "/frame",
        params={"share_id": share_id},
        content=b"<svg/>",
        headers={"Content-Type": "image/svg+xml"},
    )
    assert not_jpeg.status_code == 415
    assert scene.frame(share_id, jpeg(MAX_FRAME_BYTES + 1)).status_code == 413
    assert scene.frame(share_id, jpeg(), paused="everything").status_code == 422
    assert scene.frame(str(uuid.uuid4()), jpeg()).status_code == 404
    stop = scene.kiosk.http.post(
        scene.base + "/stop", json={"share_id": share_id, "reason": "supporter"}
    )
    assert stop.status_code == 422  # the kiosk cannot say the supporter stopped it
    # Another kiosk cannot touch this kiosk's share.
    other = KioskApi(scene.seeded.url, scene.seeded.pair_kiosk("kiosk-2"))
    other_frame = other.http.post(
        scene.base + "/frame", params={"share_id": share_id}, content=jpeg(),
        headers={"Content-Type": "image/jpeg"},
    )  # fmt: skip
    assert other_frame.status_code == 404
    assert other.http.get(scene.base + "/events").status_code == 404
    unauthorised = client(scene.seeded.url).get(scene.base + "/events")
    assert unauthorised.status_code == 401


def test_a_share_is_held_to_its_bandwidth(scene: Scene) -> None:
    share_id = _started(scene)
    size = MAX_FRAME_BYTES - 1000
    accepted = refused = 0
    started = time.monotonic()
    for _ in range(8):
        status = scene.frame(share_id, jpeg(size)).status_code
        assert status in (204, 429)
        accepted += status == 204
        refused += status == 429
    elapsed = time.monotonic() - started
    assert refused >= 1
    # Never more than the burst (two pictures) and the rate over the time it took.
    assert accepted * size <= 2 * MAX_FRAME_BYTES + MAX_BYTES_PER_S * elapsed
