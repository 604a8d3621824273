"""The session recorder: what the kiosk tells it becomes events of the closed set, the
wipe folds them into the day and forgets the session; a session cut short is counted at
the next start."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from kiosk.helpdesk.model import Topic
from kiosk.stats.events import EndReason, GuideCatalogue, Outcome
from kiosk.stats.metrics import Metric
from kiosk.stats.recorder import SessionStats
from kiosk.stats.store import StatsStore


class Clocks:
    def __init__(self) -> None:
        self.local = datetime(2025, 3, 4, 7, 40)
        self.seconds = 1000.0

    def now(self) -> datetime:
        return self.local

    def monotonic(self) -> float:
        return self.seconds


@pytest.fixture
def clocks() -> Clocks:
    return Clocks()


@pytest.fixture
def stats(tmp_path: Path, clocks: Clocks) -> SessionStats:
    store = StatsStore(tmp_path / "stats.sqlite3")
    catalogue = GuideCatalogue(["kela-basic-assistance"])
    return SessionStats(store, catalogue, now=clocks.now, monotonic=clocks.monotonic)


def test_a_session_from_start_to_wipe(stats: SessionStats, clocks: Clocks) -> None:
    stats.session_started()
    stats.session_started()  # "Continue" after the idle warning: the same session
    stats.guide_opened("kela-basic-assistance")
    stats.guide_opened("https://asiointi.kela.fi/?hetu=010190-123A")  # not a guide: nothing
    stats.page_shown("kela-basic-assistance", None, finished=False)  # "what you need"
    stats.page_shown("kela-basic-assistance", 0, finished=False)
    stats.page_shown("kela-basic-assistance", 1, finished=False)
    stats.page_shown("kela-basic-assistance", 0, finished=False)  # back: still step 2
    stats.check_answered("kela-basic-assistance", 1, seen=False)
    stats.help_requested(Topic.LOGIN)
    stats.page_shown("kela-basic-assistance", None, finished=True)
    stats.page_shown("kela-basic-assistance", None, finished=True)
    stats.outcome_answered(Outcome.YES)
    clocks.seconds += 20 * 60
    stats.session_ended(EndReason.ENDED, "uk")
    assert stats.store.journal_size() == 9
    assert stats.verify() != []  # the session is still followed until the wipe

    stats.reset()
    assert stats.verify() == []
    day = stats.store.day(date(2025, 3, 4))
    assert day is not None
    assert day.counts.to_wire() == {
        "sessions": {"": 1},
        "sessions_by_hour": {"7": 1},
        "sessions_by_language": {"uk": 1},
        "sessions_by_duration": {"15-30": 1},
        "sessions_by_end": {"ended": 1},
        "sessions_with_guide": {"": 1},
        "sessions_with_help": {"": 1},
        "guide_opened": {"kela-basic-assistance": 1},
        "guide_furthest_step": {"kela-basic-assistance|2": 1},
        "guide_finished": {"kela-basic-assistance": 1},
        "check_no": {"kela-basic-assistance|2": 1},
        "help_topic": {"login": 1},
        "outcome": {"yes": 1},
    }


def test_idle_time_is_not_part_of_a_session_s_length(stats: SessionStats, clocks: Clocks) -> None:
    stats.session_started()
    clocks.seconds += 4 * 60 + 240  # four minutes of use, then four minutes nobody there
    stats.session_ended(EndReason.IDLE, "fi", away_s=240)
    stats.reset()
    day = stats.store.day(date(2025, 3, 4))
    assert day is not None
    assert day.counts.get(Metric.SESSIONS_BY_DURATION, "0-5") == 1
    assert day.counts.get(Metric.SESSIONS_BY_END, "idle") == 1


def test_nothing_is_counted_outside_a_session(stats: SessionStats) -> None:
    stats.guide_opened("kela-basic-assistance")
    stats.help_requested(Topic.OTHER)
    stats.session_ended(EndReason.ENDED, "fi")
    assert stats.store.journal_size() == 0
    stats.reset()
    assert stats.store.days() == []


def test_the_next_session_is_not_linked_to_the_last(stats: SessionStats, clocks: Clocks) -> None:
    stats.session_started()
    stats.page_shown("kela-basic-assistance", 2, finished=False)
    stats.session_ended(EndReason.ENDED, "fi")
    stats.reset()
    clocks.local = clocks.local.replace(hour=9)
    stats.session_started()
    stats.page_shown("kela-basic-assistance", 0, finished=False)  # counts again: new session
    stats.session_ended(EndReason.ENDED, "fi")
    stats.reset()
    day = stats.store.day(date(2025, 3, 4))
    assert day is not None
    assert day.counts.to_wire()["guide_furthest_step"] == {
        "kela-basic-assistance|3": 1,
        "kela-basic-assistance|1": 1,
    }
    assert day.counts.to_wire()["sessions_by_hour"] == {"7": 1, "9": 1}


def test_a_session_cut_short_is_counted_at_the_next_start(tmp_path: Path, clocks: Clocks) -> None:
    path = tmp_path / "stats.sqlite3"
    catalogue = GuideCatalogue(["kela-basic-assistance"])
    first = SessionStats(StatsStore(path), catalogue, now=clocks.now, monotonic=clocks.monotonic)
    first.session_started()
    first.guide_opened("kela-basic-assistance")
    first.store.close()  # the power goes

    again = SessionStats(StatsStore(path), catalogue, now=clocks.now, monotonic=clocks.monotonic)
    again.recover()
    assert again.store.journal_size() == 0
    day = again.store.day(date(2025, 3, 4))
    assert day is not None
    assert day.counts.get(Metric.SESSIONS_BY_END, "closing") == 1
    assert day.counts.get(Metric.SESSIONS_BY_DURATION, "unknown") == 1


def test_turned_off_counts_nothing(tmp_path: Path, clocks: Clocks) -> None:
    stats = SessionStats(
        StatsStore(tmp_path / "s.sqlite3"),
        GuideCatalogue([]),
        now=clocks.now,
        monotonic=clocks.monotonic,
        enabled=False,
    )
    stats.session_started()
    stats.outcome_answered(Outcome.NO)
    stats.session_ended(EndReason.ENDED, "fi")
    stats.reset()
    assert stats.store.days() == []


def test_a_broken_disk_drops_the_session_and_never_raises(
    stats: SessionStats, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    stats.session_started()

    def broken(*_a: object) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(stats.store, "fold_journal", broken)
    stats.reset()  # does not raise
    assert stats.store.journal_size() == 0  # dropped rather than kept
    assert stats.verify() == []
