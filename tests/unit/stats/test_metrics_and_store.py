"""A session's events folded into daily counters; raw events deleted once folded; the
counters' checks (closed metrics, forms of keys, totals that agree)."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest

from kiosk.helpdesk.model import Topic
from kiosk.stats.events import (
    CheckAnswer,
    CheckAnswered,
    Duration,
    EndReason,
    ForbiddenValueError,
    GuideCatalogue,
    GuideFinished,
    GuideOpened,
    HelpRequested,
    Hour,
    Outcome,
    OutcomeAnswered,
    ScreenLanguage,
    SessionEnded,
    SessionStarted,
    Step,
    StepReached,
)
from kiosk.stats.metrics import Counts, Metric, fold_session, validate
from kiosk.stats.store import StatsStore

CATALOGUE = GuideCatalogue(["kela-basic-assistance", "tax-card"])
KELA = CATALOGUE.ref("kela-basic-assistance")
TAX = CATALOGUE.ref("tax-card")
DAY = date(2025, 3, 4)
assert KELA is not None and TAX is not None


def _session(
    hour: int = 9, language: ScreenLanguage = ScreenLanguage.FI, end: bool = True
) -> list[object]:
    assert KELA is not None and TAX is not None
    events: list[object] = [
        SessionStarted(Hour(hour)),
        GuideOpened(KELA),
        StepReached(KELA, Step(1)),
        StepReached(KELA, Step(2)),
        CheckAnswered(KELA, Step(2), CheckAnswer.NO),
        CheckAnswered(KELA, Step(2), CheckAnswer.YES),  # the last answer counts
        StepReached(KELA, Step(3)),
        GuideFinished(KELA),
        GuideOpened(TAX),
        GuideOpened(TAX),  # twice in one session: one session
        StepReached(TAX, Step(1)),
        HelpRequested(Topic.LOGIN),
        HelpRequested(Topic.LOGIN),
        OutcomeAnswered(Outcome.PARTLY),
    ]
    if end:
        events.append(SessionEnded(EndReason.ENDED, Duration.UNDER_15, language))
    return events


def test_a_session_folds_into_counters_once_per_figure() -> None:
    counts = fold_session(_session())  # type: ignore[arg-type]
    assert counts.to_wire() == {
        "sessions": {"": 1},
        "sessions_by_hour": {"9": 1},
        "sessions_by_language": {"fi": 1},
        "sessions_by_duration": {"5-15": 1},
        "sessions_by_end": {"ended": 1},
        "sessions_with_guide": {"": 1},
        "sessions_with_help": {"": 1},
        "guide_opened": {"kela-basic-assistance": 1, "tax-card": 1},
        "guide_furthest_step": {"kela-basic-assistance|3": 1, "tax-card|1": 1},
        "guide_finished": {"kela-basic-assistance": 1},
        "check_yes": {"kela-basic-assistance|2": 1},
        "help_topic": {"login": 2},
        "outcome": {"partly": 1},
    }
    assert validate(counts.to_wire()) == []


def test_a_session_cut_short_counts_as_closing_of_unknown_length() -> None:
    counts = fold_session(_session(end=False))  # type: ignore[arg-type]
    assert counts.get(Metric.SESSIONS_BY_END, "closing") == 1
    assert counts.get(Metric.SESSIONS_BY_DURATION, "unknown") == 1
    assert counts.total(Metric.SESSIONS_BY_LANGUAGE) == 0
    assert validate(counts.to_wire()) == []


def test_events_without_a_start_are_no_session() -> None:
    assert not fold_session(_session()[1:])  # type: ignore[arg-type]


def test_folding_deletes_the_raw_events_from_every_file(tmp_path: Path) -> None:
    path = tmp_path / "stats.sqlite3"
    store = StatsStore(path)
    for event in _session(hour=7, language=ScreenLanguage.RU):
        store.append(DAY, event)  # type: ignore[arg-type]
    assert store.journal_size() == 15
    store.fold_journal()
    assert store.journal_size() == 0
    assert store.journal() == []
    day = store.day(DAY)
    assert day is not None and day.revision == 1
    assert day.counts.get(Metric.SESSIONS_BY_LANGUAGE, "ru") == 1
    # Nothing of the events is left anywhere on disk: not in the database's free pages,
    # not in its write-ahead log.
    store.close()
    for file in tmp_path.iterdir():
        data = file.read_bytes()
        for trace in (b"session_started", b"step_reached", b"outcome_answered", b'"hour"'):
            assert trace not in data, (file.name, trace)


def test_sessions_add_up_and_each_fold_is_a_new_revision(tmp_path: Path) -> None:
    store = StatsStore(tmp_path / "stats.sqlite3")
    for hour in (7, 7, 15):
        for event in _session(hour=hour):
            store.append(DAY, event)  # type: ignore[arg-type]
        store.fold_journal()
    day = store.day(DAY)
    assert day is not None
    assert day.revision == 3
    assert day.counts.get(Metric.SESSIONS) == 3
    assert day.counts.to_wire()["sessions_by_hour"] == {"7": 2, "15": 1}
    assert day.counts.get(Metric.HELP_TOPIC, "login") == 6
    assert validate(day.counts.to_wire()) == []


def test_pending_confirmed_and_pruned_days(tmp_path: Path) -> None:
    store = StatsStore(tmp_path / "stats.sqlite3")
    for day in (date(2025, 1, 1), date(2025, 3, 1), date(2025, 3, 2)):
        store.append(day, SessionStarted(Hour(10)))
        store.fold_journal()
    pending = [d.day for d in store.pending()]
    assert pending == [date(2025, 1, 1), date(2025, 3, 1), date(2025, 3, 2)]
    store.confirmed(date(2025, 1, 1), 1)
    store.confirmed(date(2025, 3, 1), 1)
    assert [d.day for d in store.pending()] == [date(2025, 3, 2)]
    # Confirmed days go after two weeks; unconfirmed ones stay (weeks offline).
    store.prune(date(2025, 3, 10))
    assert store.days() == [date(2025, 3, 1), date(2025, 3, 2)]
    store.prune(date(2025, 3, 20))
    assert store.days() == [date(2025, 3, 2)]
    store.prune(date(2026, 4, 30))  # over 400 days: even unsent days go
    assert store.days() == []


def test_a_damaged_file_is_moved_aside(tmp_path: Path) -> None:
    path = tmp_path / "stats.sqlite3"
    path.write_bytes(b"not a database at all" * 100)
    store = StatsStore(path)
    assert store.problems and "moved aside" in store.problems[0]
    store.append(DAY, SessionStarted(Hour(1)))
    assert store.journal_size() == 1
    assert any(p.name.startswith("stats.sqlite3.broken-") for p in tmp_path.iterdir())


def test_an_unreadable_journal_line_is_left_out(tmp_path: Path) -> None:
    path = tmp_path / "stats.sqlite3"
    store = StatsStore(path)
    store.append(DAY, SessionStarted(Hour(8)))
    # Someone with the disk writes a URL into the journal: it is never counted.
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO journal (day, event) VALUES (?, ?)",
            (DAY.isoformat(), '{"kind": "guide_opened", "guide": "https://x.fi/?hetu=1"}'),
        )
    counts = store.fold_journal()
    assert counts.get(Metric.SESSIONS) == 1
    assert counts.total(Metric.GUIDE_OPENED) == 0
    assert store.journal_size() == 0


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ({"sessions": {"": 2}, "visited_urls": {"https://x": 1}}, "not a metric"),
        ({"sessions": {"": 1}, "sessions_by_hour": {"24": 1}}, "not a value"),
        ({"sessions": {"": 1}, "guide_opened": {"010190-123a": 1}}, "not a value"),
        ({"sessions": {"": 1}, "guide_opened": {"matti meikäläinen": 1}}, "not a value"),
        ({"sessions": {"": 1}, "sessions_by_language": {"xx": 1}}, "not a value"),
        ({"sessions": {"": 1.5}}, "whole number"),
        ({"sessions": {"": 0}}, "whole number"),
        ({"sessions": {"": 99999}}, "whole number"),
        ({"sessions": {"x": 1}}, "part(s)"),
        ({"sessions": {"": 2}, "sessions_by_hour": {"7": 1}}, "does not add up"),
        (
            {
                "sessions": {"": 1},
                "sessions_by_hour": {"7": 1},
                "sessions_by_end": {"ended": 1},
                "sessions_by_duration": {"0-5": 1},
                "outcome": {"yes": 2},
            },
            "more than the sessions",
        ),
        ([1, 2], "must be a mapping"),
    ],
)
def test_counters_that_are_not_a_kiosk_s_are_refused(data: object, problem: str) -> None:
    problems = validate(data)
    assert any(problem in p for p in problems), problems
    with pytest.raises(ForbiddenValueError):
        Counts.from_wire(data)


def test_problems_never_echo_a_long_value() -> None:
    long_text = "x" * 500 + "https://secret"
    problems = validate({long_text: {"": 1}})
    assert problems and "secret" not in problems[0]


def test_local_day_and_hour_come_from_the_session_start() -> None:
    # (The recorder's job; here only that a Hour is the start's hour.)
    assert Hour(datetime(2025, 3, 4, 23, 59).hour) == 23
