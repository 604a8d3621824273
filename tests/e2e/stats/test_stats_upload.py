"""Uploads of daily counters: the kiosk's device token decides the kiosk and centre, the
newest revision replaces (never adds), and forged, replayed, future or malformed uploads
are refused or change nothing. The kiosk's real uploader after weeks offline."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import httpx
from sqlalchemy import select

from kiosk.helpdesk.server.stats_store import stats_days
from kiosk.stats.uploader import StatsUploader
from tests.helpers.helpdesk_servers import FakeClock, LiveServer, Seeded, client, free_port
from tests.helpers.stats_seed import FEBRUARY, Visit, fold_on_kiosk

GOOD = {
    "sessions": {"": 2},
    "sessions_by_hour": {"9": 2},
    "sessions_by_end": {"ended": 2},
    "sessions_by_duration": {"5-15": 2},
}


def _kept(live: LiveServer) -> list[tuple[int, int, date, int, dict[str, object]]]:
    with live.state.store.engine.connect() as conn:
        rows = conn.execute(
            select(
                stats_days.c.kiosk_id,
                stats_days.c.centre_id,
                stats_days.c.day,
                stats_days.c.revision,
                stats_days.c.counts,
            ).order_by(stats_days.c.kiosk_id, stats_days.c.day)
        ).all()
    return [(r[0], r[1], r[2], r[3], json.loads(r[4])) for r in rows]


def _put(http: httpx.Client, day: str, body: object) -> httpx.Response:
    return http.put(f"/api/v1/kiosk/stats/days/{day}", json=body)


def test_newest_revision_replaces_and_replays_change_nothing(
    live: LiveServer, seeded: Seeded
) -> None:
    token = seeded.pair_kiosk()
    http = client(live.url, headers={"Authorization": f"Bearer {token}"})
    assert _put(http, "2026-03-01", {"revision": 1, "counts": GOOD}).json() == {
        "day": "2026-03-01",
        "revision": 1,
        "replaced": True,
    }
    newer = {
        **GOOD,
        "sessions": {"": 3},
        "sessions_by_hour": {"9": 2, "10": 1},
        "sessions_by_end": {"ended": 3},
        "sessions_by_duration": {"5-15": 3},
    }
    assert _put(http, "2026-03-01", {"revision": 2, "counts": newer}).json()["replaced"]
    # The same upload again (a lost answer), and the old one replayed: nothing changes.
    assert _put(http, "2026-03-01", {"revision": 2, "counts": newer}).json() == {
        "day": "2026-03-01",
        "revision": 2,
        "replaced": False,
    }
    assert not _put(http, "2026-03-01", {"revision": 1, "counts": GOOD}).json()["replaced"]
    kept = _kept(live)
    assert len(kept) == 1
    assert kept[0][3] == 2 and kept[0][4]["sessions"] == {"": 3}  # replaced, not 2 + 3


def test_the_token_decides_the_kiosk_and_the_centre(live: LiveServer, seeded: Seeded) -> None:
    seeded.store.add_centre("Vuosaari")
    token = seeded.pair_kiosk("kiosk-v", centre="Vuosaari")
    http = client(live.url, headers={"Authorization": f"Bearer {token}"})
    # An upload that names another kiosk or centre is refused outright.
    for forged in ({"kiosk_id": 1}, {"centre_id": 1}, {"centre": "Kalliola"}):
        response = _put(http, "2026-03-01", {"revision": 1, "counts": GOOD, **forged})
        assert response.status_code == 422, forged
    assert _put(http, "2026-03-01", {"revision": 1, "counts": GOOD}).status_code == 200
    vuosaari = seeded.store.centre_id("Vuosaari")
    assert [(row[1], row[2]) for row in _kept(live)] == [(vuosaari, date(2026, 3, 1))]


def test_no_token_a_wrong_token_or_a_staff_cookie_cannot_upload(
    live: LiveServer, seeded: Seeded
) -> None:
    assert _put(client(live.url), "2026-03-01", {"revision": 1, "counts": GOOD}).status_code == 401
    wrong = client(live.url, headers={"Authorization": "Bearer not-a-token"})
    assert _put(wrong, "2026-03-01", {"revision": 1, "counts": GOOD}).status_code == 401
    assert _kept(live) == []


def test_future_old_and_malformed_days_are_refused(
    live: LiveServer, seeded: Seeded, clock: FakeClock
) -> None:
    token = seeded.pair_kiosk()
    http = client(live.url, headers={"Authorization": f"Bearer {token}"})
    today = clock.now.date()
    far = (today + timedelta(days=30)).isoformat()
    response = _put(http, far, {"revision": 1, "counts": GOOD})
    assert response.status_code == 422 and "future" in response.text
    old = (today - timedelta(days=500)).isoformat()
    assert _put(http, old, {"revision": 1, "counts": GOOD}).status_code == 422
    assert _put(http, "2026-02-30", {"revision": 1, "counts": GOOD}).status_code == 422
    assert _put(http, "yesterday", {"revision": 1, "counts": GOOD}).status_code == 422
    for counts in (
        {**GOOD, "guide_opened": {"https://asiointi.kela.fi/?hetu=010190-123A": 1}},
        {**GOOD, "visited_urls": {"x": 1}},
        {**GOOD, "sessions": {"": 5}},  # totals that do not agree
        {**GOOD, "outcome": {"Matti Meikäläinen": 1}},
    ):
        response = _put(http, "2026-03-01", {"revision": 1, "counts": counts})
        assert response.status_code == 422, counts
        assert "hetu" not in response.text.lower() and "Matti" not in response.text
    assert _put(http, "2026-03-01", {"revision": 0, "counts": GOOD}).status_code == 422
    assert _kept(live) == []


def test_the_kiosk_s_uploader_after_weeks_offline_counts_each_day_once(
    tmp_path: Path, live: LiveServer, seeded: Seeded
) -> None:
    token = seeded.pair_kiosk()
    visits = [Visit(day, 10, "fi") for day in FEBRUARY for _ in range(day.day % 3 + 1)]
    store = fold_on_kiosk(tmp_path, visits)
    today = {"day": date(2026, 3, 2)}
    # Weeks without the help desk: the address answers nothing.
    offline = StatsUploader(
        f"http://127.0.0.1:{free_port()}",
        store,
        token=lambda: token,
        certificate=lambda: None,
        today=lambda: today["day"],
    )
    assert offline.run_once().stopped == "ConnectionRefusedError"
    assert len(store.pending()) == 28

    uploader = StatsUploader(
        live.url,
        store,
        token=lambda: token,
        certificate=lambda: None,
        today=lambda: today["day"],
    )
    first = uploader.run_once()
    assert first.sent == FEBRUARY
    # Confirmed days stay on the kiosk two weeks, then go.
    assert store.days() == FEBRUARY[15:]
    # Sent again (a kiosk that lost its record of what was confirmed): kept once.
    with sqlite3.connect(tmp_path / "stats.sqlite3") as conn:
        conn.execute("UPDATE days SET uploaded = 0")
    assert uploader.run_once().sent == FEBRUARY[15:]
    kept = _kept(live)
    assert len(kept) == 28
    total = sum(row[4]["sessions"][""] for row in kept)  # type: ignore[index]
    assert total == len(visits)
    assert uploader.run_once().sent == []
