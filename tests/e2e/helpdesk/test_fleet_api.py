"""The fleet's API with the real app (SQLite and PostgreSQL): pairing gives the one-time
code's secret, heartbeats keep health, a kiosk goes offline after three missed ones,
commands live pending -> delivered -> done | failed | expired, staff reach only their
centres' kiosks, one at a time; and the server's /health/live and /health/ready."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx
import pyotp
import pytest
from sqlalchemy.exc import OperationalError

from tests.helpers.helpdesk_servers import (
    STAFF_PASSWORD,
    FakeClock,
    KioskApi,
    LiveServer,
    Seeded,
    StaffApi,
    client,
)

OTHER = "Kontula"


def _pair(seeded: Seeded, name: str = "kiosk-1", centre: str | None = None) -> dict[str, Any]:
    code = seeded.store.create_pair_code(centre or seeded.centre, name)
    response = httpx.post(f"{seeded.url}/api/v1/pair", json={"code": code})
    response.raise_for_status()
    data: dict[str, Any] = response.json()
    return data


def _kiosks(staff: StaffApi) -> list[dict[str, Any]]:
    response = staff.http.get("/api/v1/staff/kiosks")
    response.raise_for_status()
    found: list[dict[str, Any]] = response.json()["kiosks"]
    return found


def _send(staff: StaffApi, kiosk_id: int, kind: str, **extra: Any) -> httpx.Response:
    return staff.http.post(
        f"/api/v1/staff/kiosks/{kiosk_id}/commands",
        json={"kind": kind, **extra},
        headers={"X-CSRF-Token": staff.csrf},
    )


def test_pairing_gives_the_code_secret_and_staff_see_the_same_code(
    seeded: Seeded, clock: FakeClock
) -> None:
    paired = _pair(seeded)
    secret = paired["admin_secret"]
    assert len(secret) >= 16
    staff = StaffApi(seeded.url)
    answer = staff.http.get(f"/api/v1/staff/kiosks/{paired['kiosk_id']}/admin-code").json()
    # What an authenticator app would show for this secret at the server's time.
    assert answer["code"] == pyotp.TOTP(secret).at(clock.now)
    assert answer["valid_for_s"] == 30  # the fake clock stands at a whole minute
    # Not to anyone signed out.
    anonymous = client(seeded.url).get(f"/api/v1/staff/kiosks/{paired['kiosk_id']}/admin-code")
    assert anonymous.status_code == 401


def test_heartbeats_keep_health_and_three_missed_ones_mean_offline(
    seeded: Seeded, live: LiveServer, clock: FakeClock
) -> None:
    paired = _pair(seeded)
    kiosk = KioskApi(seeded.url, paired["token"])
    beat = kiosk.http.post(
        "/api/v1/kiosk/heartbeat",
        json={"version": "0.1.0", "uptime_s": 3600, "disk_free_mb": 5120, "outbox_pending": 1,
              "last_wipe_ok": True, "engine_mb": 180, "sandbox_on": True},
    )  # fmt: skip
    assert beat.status_code == 204
    # The supervisor's heartbeat says only "out of order": the rest is kept.
    assert (
        kiosk.http.post(
            "/api/v1/kiosk/heartbeat",
            json={
                "version": "0.1.0",
                "out_of_order": True,
                "out_of_order_reason": "crashed 5 times",
            },
        ).status_code
        == 204
    )
    staff = StaffApi(seeded.url)
    [row] = _kiosks(staff)
    assert row["online"] is True
    assert row["out_of_order"] is True
    health = row["health"]
    assert health["disk_free_mb"] == 5120
    assert health["last_wipe_ok"] is True
    assert health["out_of_order_reason"] == "crashed 5 times"
    clock.advance(timedelta(seconds=179))
    assert _kiosks(staff)[0]["online"] is True
    clock.advance(timedelta(seconds=2))
    assert _kiosks(staff)[0]["online"] is False


@pytest.mark.parametrize(
    "figures",
    [{"cpu_percent": 250}, {"disk_free_mb": -5}, {"uptime_s": "long"}, {"colour": "red"}],
)
def test_a_heartbeat_with_nonsense_figures_is_refused_plainly(
    seeded: Seeded, figures: dict[str, Any]
) -> None:
    kiosk = KioskApi(seeded.url, _pair(seeded)["token"])
    response = kiosk.http.post("/api/v1/kiosk/heartbeat", json={"version": "1", **figures})
    assert response.status_code == 422
    assert response.json()["detail"] == "invalid input"
    assert response.json()["problems"][0]["field"] in figures


def test_a_command_goes_pending_delivered_done(seeded: Seeded) -> None:
    paired = _pair(seeded)
    kiosk = KioskApi(seeded.url, paired["token"])
    staff = StaffApi(seeded.url)
    made = _send(staff, paired["kiosk_id"], "wipe")
    assert made.status_code == 201
    command = made.json()
    assert (command["state"], command["created_by"]) == ("pending", "Anna")
    fetched = kiosk.http.get("/api/v1/kiosk/commands").json()["commands"]
    assert [(c["id"], c["kind"], c["state"]) for c in fetched] == [
        (command["id"], "wipe", "delivered")
    ]
    assert kiosk.http.get("/api/v1/kiosk/commands").json()["commands"] == []  # once
    done = kiosk.http.post(
        f"/api/v1/kiosk/commands/{command['id']}", json={"state": "done", "detail": "erased"}
    )
    assert done.status_code == 200
    shown = _kiosks(staff)[0]["commands"][0]
    assert (shown["state"], shown["detail"]) == ("done", "erased")
    # The same report again is fine; a different one is not.
    assert (
        kiosk.http.post(
            f"/api/v1/kiosk/commands/{command['id']}", json={"state": "done"}
        ).status_code
        == 200
    )
    assert (
        kiosk.http.post(
            f"/api/v1/kiosk/commands/{command['id']}", json={"state": "failed"}
        ).status_code
        == 409
    )


def test_a_command_not_fetched_in_time_expires(seeded: Seeded, clock: FakeClock) -> None:
    paired = _pair(seeded)
    kiosk = KioskApi(seeded.url, paired["token"])
    staff = StaffApi(seeded.url)
    command = _send(staff, paired["kiosk_id"], "restart", expires_in_s=120).json()
    clock.advance(timedelta(seconds=121))
    assert kiosk.http.get("/api/v1/kiosk/commands").json()["commands"] == []
    assert _kiosks(staff)[0]["commands"][0]["state"] == "expired"
    late = kiosk.http.post(f"/api/v1/kiosk/commands/{command['id']}", json={"state": "done"})
    assert late.status_code == 409
    assert "expired" in late.json()["detail"]


def test_a_delivered_command_never_reported_on_counts_as_failed(
    seeded: Seeded, clock: FakeClock
) -> None:
    paired = _pair(seeded)
    kiosk = KioskApi(seeded.url, paired["token"])
    staff = StaffApi(seeded.url)
    _send(staff, paired["kiosk_id"], "restart")
    kiosk.http.get("/api/v1/kiosk/commands")
    clock.advance(timedelta(hours=1, seconds=1))
    shown = _kiosks(staff)[0]["commands"][0]
    assert shown["state"] == "failed"
    assert "did not say" in shown["detail"]


def test_staff_reach_only_their_own_centres_kiosks_one_at_a_time(seeded: Seeded) -> None:
    seeded.store.add_centre(OTHER)
    seeded.accounts.add_staff("bertta", STAFF_PASSWORD, display_name="Bertta", centres=[OTHER])
    ours = _pair(seeded, "kallio-1")
    theirs = _pair(seeded, "kontula-1", OTHER)
    bertta = StaffApi(seeded.url, "bertta")
    assert [k["name"] for k in _kiosks(bertta)] == ["kontula-1"]
    # Another centre's kiosk does not exist for her: not its commands, not its code.
    assert _send(bertta, ours["kiosk_id"], "restart").status_code == 404
    assert bertta.http.get(f"/api/v1/staff/kiosks/{ours['kiosk_id']}/commands").status_code == 404
    assert bertta.http.get(f"/api/v1/staff/kiosks/{ours['kiosk_id']}/admin-code").status_code == 404
    assert _send(bertta, theirs["kiosk_id"], "restart").status_code == 201
    # A kiosk sees only its own commands, and cannot report another's.
    ours_api = KioskApi(seeded.url, ours["token"])
    assert ours_api.http.get("/api/v1/kiosk/commands").json()["commands"] == []
    theirs_api = KioskApi(seeded.url, theirs["token"])
    [command] = theirs_api.http.get("/api/v1/kiosk/commands").json()["commands"]
    stolen = ours_api.http.post(f"/api/v1/kiosk/commands/{command['id']}", json={"state": "done"})
    assert stolen.status_code == 404
    # There is no way to command every kiosk at once.
    anna = StaffApi(seeded.url)
    for path in ("/api/v1/staff/kiosks/commands", "/api/v1/staff/kiosks/all/commands"):
        response = anna.http.post(
            path, json={"kind": "restart"}, headers={"X-CSRF-Token": anna.csrf}
        )
        assert response.status_code in (404, 405, 422), path


def test_commands_need_the_csrf_token_and_a_known_kind(seeded: Seeded) -> None:
    paired = _pair(seeded)
    staff = StaffApi(seeded.url)
    no_token = staff.http.post(
        f"/api/v1/staff/kiosks/{paired['kiosk_id']}/commands", json={"kind": "restart"}
    )
    assert no_token.status_code == 403
    assert _send(staff, paired["kiosk_id"], "format-disk").status_code == 422
    assert _send(staff, paired["kiosk_id"], "restart", expires_in_s=10**6).status_code == 422
    kiosk = KioskApi(seeded.url, paired["token"])
    assert kiosk.http.get("/api/v1/kiosk/commands").json()["commands"] == []


def test_health_live_and_ready(
    seeded: Seeded, live: LiveServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    http = client(seeded.url)
    assert http.get("/health/live").json() == {"ok": True}
    assert http.get("/health/ready").json() == {"ok": True}

    def down() -> int:
        raise OperationalError("SELECT 1", {}, Exception("connection refused"))

    monkeypatch.setattr(live.state.store, "count_requests", down)
    ready = http.get("/health/ready")
    assert ready.status_code == 503
    assert "database" in ready.json()["problem"]
    assert http.get("/health/live").status_code == 200
