"""The released report from a small seeded data set: exact totals, hidden small cells and
their complements, the heatmap's rules, funnels, help times; every table two-way at most."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from kiosk.stats import privacy
from kiosk.stats.figures import HelpFact, KioskDay, Period, build
from kiosk.stats.metrics import Counts, Metric

MARCH = Period(date(2025, 3, 1), date(2025, 3, 31))


def _day(centre: int, day: date, hours: dict[int, int], **extra: dict[str, int]) -> KioskDay:
    sessions = sum(hours.values())
    data: dict[str, dict[str, int]] = {
        "sessions": {"": sessions},
        "sessions_by_hour": {str(h): n for h, n in hours.items()},
        "sessions_by_end": {"ended": sessions},
        "sessions_by_duration": {"5-15": sessions},
    }
    data.update(extra)
    return KioskDay(centre, day, Counts.from_wire(data))


def _facts(n: int, topic: str = "login", **kwargs: object) -> list[HelpFact]:
    start = datetime(2025, 3, 3, 10, tzinfo=UTC)
    return [
        HelpFact(
            1,
            start + timedelta(hours=i),
            topic,
            "done",
            wait_s=60.0 * (i + 1),
            handling_s=300.0,
            via="on_site",
            outside_hours=False,
            **kwargs,
        )  # type: ignore[arg-type]
        for i in range(n)
    ]


def test_exact_totals_and_small_cells_hidden_with_their_complement() -> None:
    days = [
        _day(1, date(2025, 3, 3), {9: 20}, sessions_by_language={"fi": 20}),
        _day(
            1,
            date(2025, 3, 4),
            {9: 13},
            sessions_by_language={"fi": 8, "ru": 3},  # two sessions of unknown language
        ),
    ]
    report = build(MARCH, {1: "Centre A"}, days, _facts(6))
    summary = report.table("summary")
    assert summary.value("sessions", "value") == 33  # exact, for the funder
    assert summary.value("help_requests", "value") == 6

    language = report.table("language")
    assert language.total == (33,)
    assert language.value("fi", "sessions") == 28
    # ru (3) is small; alone it would be 33 - 28 - 0 - ... = 5 with "none" (2) hidden too:
    assert language.value("ru", "sessions") is None
    assert language.value("none", "sessions") is None
    hidden = [r.key for r in language.rows if r.values[0] is None]
    assert sum({"ru": 3, "none": 2}[k] for k in hidden) >= privacy.THRESHOLD

    per_day = report.table("sessions_per_day")
    assert per_day.total == (33,)
    assert per_day.value("2025-03-03", "sessions") == 20
    assert per_day.value("2025-03-04", "sessions") == 13
    assert per_day.value("2025-03-05", "sessions") == 0


def test_a_total_never_reveals_a_hidden_day() -> None:
    days = [_day(1, date(2025, 3, 3), {9: 20}), _day(1, date(2025, 3, 4), {9: 2})]
    per_day = build(MARCH, {1: "A"}, days, []).table("sessions_per_day")
    assert per_day.value("2025-03-04", "sessions") is None
    # The complement: 22 - 20 would give the 2 away, so the 20 is hidden too... and,
    # with every other day 0, zeros go as well until the hidden ones cannot be told apart.
    assert per_day.value("2025-03-03", "sessions") is None
    visible = sum(r.values[0] or 0 for r in per_day.rows)
    hidden = [r for r in per_day.rows if r.values[0] is None]
    assert len(hidden) >= 2 and per_day.total == (22,) and 22 - visible >= privacy.THRESHOLD


def test_the_heatmap_needs_a_month() -> None:
    week = Period(date(2025, 3, 3), date(2025, 3, 9))
    heatmap = build(week, {1: "A"}, [_day(1, date(2025, 3, 3), {9: 50})], []).table("heatmap")
    assert heatmap.rows == [] and heatmap.note == "needs_a_month"


def test_the_heatmap_is_pooled_unless_every_cell_is_large() -> None:
    mine = [_day(1, date(2025, 3, 3), {9: 40, 10: 2})]  # Monday
    everyone = [*mine, _day(2, date(2025, 3, 10), {9: 30, 10: 30})]  # another Monday
    heatmap = build(MARCH, {1: "A"}, mine, [], pooled_days=everyone).table("heatmap")
    assert heatmap.note == "pooled"
    assert heatmap.columns == ("9", "10")
    assert heatmap.value("mon", "9") == 70
    assert heatmap.value("mon", "10") == 32
    assert heatmap.value("tue", "9") == 0
    # One centre alone with small cells: its cells are hidden, complement included.
    alone = build(MARCH, {1: "A"}, mine, [], pooled_days=mine).table("heatmap")
    assert alone.note is None
    assert alone.value("mon", "10") is None and alone.value("mon", "9") is None


def test_guides_and_their_funnel() -> None:
    day = _day(
        1,
        date(2025, 3, 5),
        {10: 30},
        sessions_with_guide={"": 25},
        guide_opened={"kela-basic-assistance": 20, "tax-card": 3},
        guide_furthest_step={
            "kela-basic-assistance|1": 5,
            "kela-basic-assistance|2": 2,
            "kela-basic-assistance|3": 10,
        },
        guide_finished={"kela-basic-assistance": 9},
        check_no={"kela-basic-assistance|2": 6},
    )
    report = build(MARCH, {1: "A"}, [day], [])
    guides = report.table("guides")
    assert guides.value("kela-basic-assistance", "opened") == 20
    assert guides.value("kela-basic-assistance", "finished") == 9
    assert guides.value("kela-basic-assistance", "finished_share") == 45.0
    # "tax-card" was opened by 3 sessions: not named, counted with the others (hidden).
    assert [r.key for r in guides.rows] == ["kela-basic-assistance", "other"]
    assert guides.value("other", "opened") is None

    funnel = report.table("funnel", guide="kela-basic-assistance")
    # stopped: before step 1: 3, at 1: 5, at 2: 2, at 3: 10 -> 3 and 2 hidden (sum 5).
    assert [r.values[1] for r in funnel.rows] == [None, 5, None, 10]
    # reached: opened; step 1 needs "before step 1" (hidden) -> hidden from there on.
    assert [r.values[0] for r in funnel.rows] == [20, None, None, None]
    assert funnel.value("2", "check_no") == 6


def test_help_times_outcomes_and_staffed_hours() -> None:
    facts = [
        *_facts(10),
        HelpFact(1, datetime(2025, 3, 8, 22, tzinfo=UTC), "print", "cancelled", outside_hours=True),
    ]
    report = build(MARCH, {1: "A"}, [], facts)
    timing = report.table("help_timing")
    assert timing.value("wait", "requests") == 10
    assert timing.value("wait", "median_min") == 5.5
    assert timing.value("wait", "p90_min") == 9.0
    assert timing.value("handling", "median_min") == 5.0
    ends = report.table("help_end")
    assert ends.total == (11,)
    assert ends.value("done", "requests") is None  # 10 - the hidden 1 would show it
    assert ends.value("cancelled", "requests") is None
    hours = report.table("help_hours")
    assert hours.value("outside", "requests") is None


def test_no_released_table_has_three_dimensions() -> None:
    report = build(MARCH, {1: "A", 2: "B"}, [_day(1, date(2025, 3, 3), {9: 9})], _facts(7))
    assert all(len(t.dimensions) <= 2 for t in report.tables)
    assert report.table("per_centre").dimensions == ("centre",)
    with pytest.raises(privacy.DisclosureError):
        from kiosk.stats.figures import Table

        Table("cube", ("language", "hour", "centre"), ("sessions",))


def test_an_empty_period_is_a_plain_empty_report() -> None:
    report = build(MARCH, {1: "A"}, [], [])
    assert report.empty
    assert report.table("summary").value("sessions", "value") == 0


def test_sessions_counter_metric_names_are_stable() -> None:
    # Stored on kiosks and help desks alike: renaming one loses data.
    assert [m.value for m in Metric][:3] == ["sessions", "sessions_by_hour", "sessions_by_language"]
