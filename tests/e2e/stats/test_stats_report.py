"""The statistics of a seeded month through the staff API: exact totals, the privacy rules
on every table (with the complementary cells), funnels and help times worked out here
from the seed by plain sums; staff see only their centres; bad periods are refused."""

from __future__ import annotations

import statistics
from collections import Counter
from pathlib import Path
from typing import Any

import httpx
import pytest

from kiosk.helpdesk.server.roles import Role
from tests.helpers.helpdesk_servers import FakeClock, LiveServer, Seeded, StaffApi, client
from tests.helpers.stats_seed import COORDINATOR, KELA, Month, seed_month

FEB = {"start": "2026-02-01", "end": "2026-02-28", "lang": "en"}


@pytest.fixture
def month(seeded: Seeded, clock: FakeClock, tmp_path: Path) -> Month:
    return seed_month(seeded, clock, tmp_path)


def _report(http: httpx.Client, **params: Any) -> dict[str, Any]:
    response = http.get("/api/v1/staff/stats", params={**FEB, **params})
    assert response.status_code == 200, response.text
    data: dict[str, Any] = response.json()
    return data


def _table(report: dict[str, Any], table_id: str, guide: str | None = None) -> dict[str, Any]:
    return next(t for t in report["tables"] if t["id"] == table_id and t["guide"] == guide)


def _value(table: dict[str, Any], key: str, column: int = 0) -> Any:
    return next(r["values"][column] for r in table["rows"] if r["key"] == key)


def test_a_month_for_one_centre(live: LiveServer, month: Month) -> None:
    staff = StaffApi(live.url, COORDINATOR)
    report = _report(staff.http, centre=month.kalliola_id)
    visits = month.kalliola
    assert report["centres"] == ["Kalliola"]
    assert report["kiosks"] == 2
    summary = _table(report, "summary")
    assert _value(summary, "sessions") == len(visits)  # exact, for the funder
    assert _value(summary, "help_requests") == 12
    assert _value(summary, "sessions_with_guide") == sum(v.guide is not None for v in visits)

    languages = Counter(v.language for v in visits)
    language = _table(report, "language")
    assert language["total"] == [len(visits)]
    assert _value(language, "fi") == languages["fi"]
    assert languages["ru"] == 3
    assert _value(language, "ru") is None  # fewer than 5
    # ...and its complement: with the total shown, ru would be total - fi - sv, so the
    # smallest other language (sv) is hidden too.
    hidden = {r["key"] for r in language["rows"] if r["values"][0] is None}
    assert hidden == {"ru", "sv"}
    assert _value(language, "uk") == 0

    per_day = _table(report, "sessions_per_day")
    weekend_days = [r for r in per_day["rows"] if r["key"] in ("2026-02-01", "2026-02-07")]
    assert all(r["values"] == [None] for r in weekend_days)  # 2 sessions each: hidden
    assert _value(per_day, "2026-02-02") == sum(v.day.isoformat() == "2026-02-02" for v in visits)

    guides = _table(report, "guides")
    kela = [v for v in visits if v.guide == KELA]
    assert _value(guides, KELA) == len(kela)
    assert _value(guides, KELA, 1) == sum(v.finished for v in kela)
    assert _value(guides, "other") is None  # tax-card, opened once: not named, hidden

    funnel = _table(report, "funnel", guide=KELA)
    stopped = Counter(v.furthest for v in kela)
    for step in range(1, 5):
        assert _value(funnel, str(step), 1) == stopped[step]
    assert _value(funnel, "2", 2) == sum(v.check_no_at == 2 for v in kela)
    assert _value(funnel, "4", 0) == stopped[4]

    outcome = _table(report, "outcome")
    answers = Counter(v.outcome for v in visits)
    assert _value(outcome, "yes") == answers["yes"]
    assert _value(outcome, "none") == answers[None]

    plan = month.help
    topic = _table(report, "help_topic")
    assert topic["total"] == [12]
    assert _value(topic, "login") == 7
    assert _value(topic, "form") is None and _value(topic, "print") is None  # 4 and 1
    timing = _table(report, "help_timing")
    assert _value(timing, "wait", 1) == statistics.median(plan.waits_min)
    ordered = sorted(plan.waits_min)
    assert _value(timing, "wait", 2) == ordered[-(-9 * len(ordered) // 10) - 1]
    assert _value(timing, "handling", 1) == statistics.median(plan.handling_min)
    via = _table(report, "help_via")
    assert _value(via, "on_site") == plan.via["on_site"] == 6
    assert _value(via, "remote") == plan.via["remote"] == 5
    hours = _table(report, "help_hours")
    # Two outside staffed hours: hidden, and the other figure with it (12 - x = 2).
    assert _value(hours, "outside") is None and _value(hours, "inside") is None
    assert hours["total"] == [12]

    heatmap = _table(report, "heatmap")
    assert heatmap["note"] == "pooled"  # Kalliola alone has small cells: both centres
    assert all(len(t["dimensions"]) <= 2 for t in report["tables"])


def test_both_centres_and_the_split_by_centre(live: LiveServer, month: Month) -> None:
    staff = StaffApi(live.url, COORDINATOR)
    report = _report(staff.http)
    everyone = len(month.kalliola) + len(month.vuosaari)
    assert _value(_table(report, "summary"), "sessions") == everyone
    per_centre = _table(report, "per_centre")
    assert _value(per_centre, "Kalliola") == len(month.kalliola)
    assert _value(per_centre, "Vuosaari") == len(month.vuosaari)
    assert per_centre["dimensions"] == ["centre"]
    heatmap = _table(report, "heatmap")
    assert heatmap["note"] is None
    noon = heatmap["columns"].index("12")
    # Vuosaari's 20 weekday sessions at noon: 4 a weekday, plus Kalliola's.
    monday = next(r for r in heatmap["rows"] if r["key"] == "mon")
    kalliola_monday_noon = sum(v.day.weekday() == 0 and v.hour == 12 for v in month.kalliola)
    assert monday["values"][noon] == 4 + kalliola_monday_noon
    assert report["charts"]["heatmap"]["$schema"].startswith(
        "https://vega.github.io/schema/vega-lite/"
    )


def test_staff_see_only_their_centres(live: LiveServer, seeded: Seeded, month: Month) -> None:
    seeded.accounts.add_staff(
        "ville", "correct horse battery", centres=["Vuosaari"], role=Role.COORDINATOR
    )
    ville = StaffApi(live.url, "ville")
    mine = _report(ville.http)
    assert mine["centres"] == ["Vuosaari"]
    assert _value(_table(mine, "summary"), "sessions") == len(month.vuosaari)
    assert _value(_table(mine, "summary"), "help_requests") == 0
    refused = ville.http.get("/api/v1/staff/stats", params={**FEB, "centre": month.kalliola_id})
    assert refused.status_code == 403
    for kind in ("csv", "xlsx", "pdf"):
        response = ville.http.get(
            f"/api/v1/staff/stats/export.{kind}", params={**FEB, "centre": month.kalliola_id}
        )
        assert response.status_code == 403
    hours = ville.http.get("/api/v1/staff/stats/hours").json()
    assert [h["name"] for h in hours] == ["Vuosaari"]
    put = ville.http.put(
        f"/api/v1/staff/stats/hours/{month.kalliola_id}",
        json={"hours": "mon 1-2"},
        headers={"X-CSRF-Token": ville.csrf},
    )
    assert put.status_code == 403


def test_signed_out_bad_periods_and_bad_hours(live: LiveServer, month: Month) -> None:
    assert client(live.url).get("/api/v1/staff/stats", params=FEB).status_code == 401
    staff = StaffApi(live.url, COORDINATOR)
    for params in (
        {"start": "2026-03-01", "end": "2026-02-01"},
        {"start": "2020-01-01", "end": "2026-02-01"},
        {"start": "not-a-day"},
    ):
        assert staff.http.get("/api/v1/staff/stats", params=params).status_code == 422
    put = staff.http.put(
        f"/api/v1/staff/stats/hours/{month.kalliola_id}",
        json={"hours": "every day all day"},
        headers={"X-CSRF-Token": staff.csrf},
    )
    assert put.status_code == 422 and "write days and times" in put.json()["detail"]
    no_csrf = staff.http.put(
        f"/api/v1/staff/stats/hours/{month.kalliola_id}", json={"hours": "mon 9-16"}
    )
    assert no_csrf.status_code == 403


def test_an_empty_period_is_said_plainly(live: LiveServer, month: Month) -> None:
    staff = StaffApi(live.url, COORDINATOR)
    report = _report(staff.http, start="2025-06-01", end="2025-06-30")
    assert report["empty"] is True
    assert _value(_table(report, "summary"), "sessions") == 0
    for kind in ("csv", "xlsx", "pdf"):
        response = staff.http.get(
            f"/api/v1/staff/stats/export.{kind}",
            params={"start": "2025-06-01", "end": "2025-06-30"},
        )
        assert response.status_code == 200, kind


def test_staff_without_the_coordinator_role_see_no_statistics(
    live: LiveServer, month: Month
) -> None:
    anna = StaffApi(live.url)  # answers help requests; not a coordinator
    assert anna.http.get("/api/v1/staff/stats", params=FEB).status_code == 403
    assert anna.http.get("/api/v1/staff/stats/export.csv", params=FEB).status_code == 403
    assert anna.http.get("/api/v1/staff/stats/hours").status_code == 403
