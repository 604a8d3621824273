"""No forbidden value can reach the statistics: a URL, typed text and a personal identity
code are refused by the event types themselves — by the type checker, and at run time by
the constructors, the journal and the wire format."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import pytest
from mypy import api as mypy_api

from kiosk.helpdesk.model import Topic
from kiosk.stats import events
from kiosk.stats.events import (
    EVENT_TYPES,
    FIELD_TYPES,
    CheckAnswer,
    CheckAnswered,
    Duration,
    EndReason,
    ForbiddenValueError,
    GuideCatalogue,
    GuideOpened,
    GuideRef,
    HelpRequested,
    Hour,
    Outcome,
    OutcomeAnswered,
    ScreenLanguage,
    SessionEnded,
    SessionStarted,
    Step,
    StepReached,
    from_wire,
)
from kiosk.stats.store import StatsStore

URL = "https://asiointi.kela.fi/omakela?hetu=010190-123A"
TYPED = "Matti Meikäläinen, Kalliontie 3"
HETU = "010190-123A"
FORBIDDEN = [URL, TYPED, HETU, HETU.lower(), "+358401234567", "192.168.1.20"]

CATALOGUE = GuideCatalogue(["kela-basic-assistance", "tax-card"])
KELA = CATALOGUE.ref("kela-basic-assistance")


def test_every_field_of_every_event_has_a_closed_type() -> None:
    for cls in EVENT_TYPES.values():
        for name, annotation in cls.__annotations__.items():
            if name == "kind":
                continue
            assert annotation in {t.__name__ for t in FIELD_TYPES}, (cls, name)
    # No type that could hold text, a time or a mapping is allowed at all.
    assert not {str, bytes, dict, list, float}.intersection(FIELD_TYPES)


@pytest.mark.parametrize("bad", FORBIDDEN)
def test_constructors_refuse_text_in_every_field(bad: str) -> None:
    assert KELA is not None
    attempts: list[Any] = [
        lambda: SessionStarted(bad),  # type: ignore[arg-type]
        lambda: SessionEnded(EndReason.ENDED, bad, ScreenLanguage.FI),  # type: ignore[arg-type]
        lambda: SessionEnded(EndReason.ENDED, Duration.UNDER_5, bad),  # type: ignore[arg-type]
        lambda: GuideOpened(bad),  # type: ignore[arg-type]
        lambda: StepReached(KELA, bad),  # type: ignore[arg-type]
        lambda: CheckAnswered(KELA, Step(1), bad),  # type: ignore[arg-type]
        lambda: HelpRequested(bad),  # type: ignore[arg-type]
        lambda: OutcomeAnswered(bad),  # type: ignore[arg-type]
        lambda: GuideRef(bad),
        lambda: GuideRef.from_wire(bad),
        lambda: Hour(bad),  # type: ignore[arg-type]
        lambda: Step(bad),  # type: ignore[arg-type]
    ]
    for attempt in attempts:
        with pytest.raises(ForbiddenValueError):
            attempt()


def test_a_value_of_the_right_class_only() -> None:
    # A plain number is not an hour; a str equal to an enum's value is not the enum.
    with pytest.raises(ForbiddenValueError):
        SessionStarted(7)  # type: ignore[arg-type]
    with pytest.raises(ForbiddenValueError):
        HelpRequested("login")  # type: ignore[arg-type]
    with pytest.raises(ForbiddenValueError):
        Hour(24)
    with pytest.raises(ForbiddenValueError):
        Step(0)
    assert Step(500) == events.MAX_STEP  # a step beyond the cap counts as the cap


def test_events_cannot_grow_a_field_or_change() -> None:
    event = HelpRequested(Topic.LOGIN)
    with pytest.raises((AttributeError, TypeError)):
        event.url = URL  # type: ignore[attr-defined]
    with pytest.raises(TypeError):
        HelpRequested(Topic.LOGIN, url=URL)  # type: ignore[call-arg]
    with pytest.raises(AttributeError):
        KELA.id = URL  # type: ignore[union-attr]


def test_guide_refs_come_from_the_kiosk_s_own_guides_only() -> None:
    catalogue = GuideCatalogue(["kela-basic-assistance", "guide-010190", "Tax Card"])
    assert catalogue.ref("kela-basic-assistance") == GuideRef.from_wire("kela-basic-assistance")
    assert catalogue.ref(HETU) is None
    assert catalogue.ref(URL) is None
    # Ids a guide author could choose but the statistics refuse: counted nowhere, said once.
    assert catalogue.refused == ["guide-010190", "Tax Card"]


def test_the_journal_refuses_anything_but_an_event(tmp_path: Path) -> None:
    store = StatsStore(tmp_path / "stats.sqlite3")
    from datetime import date

    for bad in (URL, {"kind": "help_requested", "topic": HETU}, object()):
        with pytest.raises(ForbiddenValueError):
            store.append(date(2025, 3, 3), bad)  # type: ignore[arg-type]
    assert store.journal_size() == 0


@pytest.mark.parametrize(
    "data",
    [
        {"kind": "guide_opened", "guide": URL},
        {"kind": "guide_opened", "guide": HETU.lower()},
        {"kind": "help_requested", "topic": TYPED},
        {"kind": "session_started", "hour": 7, "url": URL},  # an extra field
        {"kind": "session_started", "hour": "7"},
        {"kind": "session_started", "hour": 7.5},
        {"kind": "visited_page", "url": URL},  # no such event
        {"kind": "outcome_answered", "outcome": "yes", "text": TYPED},
    ],
)
def test_the_wire_format_refuses_forged_events(data: dict[str, Any]) -> None:
    with pytest.raises(ForbiddenValueError):
        from_wire(data)


def test_every_event_survives_the_wire() -> None:
    assert KELA is not None
    samples = [
        SessionStarted(Hour(7)),
        SessionEnded(EndReason.IDLE, Duration.UNDER_15, ScreenLanguage.AR),
        GuideOpened(KELA),
        StepReached(KELA, Step(3)),
        CheckAnswered(KELA, Step(2), CheckAnswer.NO),
        HelpRequested(Topic.FORM),
        OutcomeAnswered(Outcome.PARTLY),
    ]
    for event in samples:
        assert from_wire(event.to_wire()) == event


def test_duration_buckets() -> None:
    assert Duration.of_seconds(0) is Duration.UNDER_5
    assert Duration.of_seconds(299) is Duration.UNDER_5
    assert Duration.of_seconds(300) is Duration.UNDER_15
    assert Duration.of_seconds(29 * 60) is Duration.UNDER_30
    assert Duration.of_seconds(59 * 60) is Duration.UNDER_60
    assert Duration.of_seconds(3 * 3600) is Duration.OVER_60


def test_the_type_checker_refuses_a_url_typed_text_and_an_identity_code(tmp_path: Path) -> None:
    """mypy (the project's type check) fails on code that tries to record them."""
    code = textwrap.dedent(
        f"""
        from datetime import date
        from kiosk.stats.events import GuideOpened, HelpRequested, SessionStarted
        from kiosk.stats.store import StatsStore

        store = StatsStore()
        store.append(date.today(), GuideOpened({URL!r}))
        store.append(date.today(), HelpRequested({TYPED!r}))
        store.append(date.today(), SessionStarted({HETU!r}))
        store.append(date.today(), {URL!r})
        """
    )
    source = tmp_path / "forbidden.py"
    source.write_text(code, encoding="utf-8")
    root = Path(__file__).resolve().parents[3]
    out, _err, status = mypy_api.run(
        [
            str(source),
            "--no-incremental",
            "--cache-dir",
            str(tmp_path / "cache"),
            "--config-file",
            str(root / "pyproject.toml"),
        ]
    )
    assert status == 1, out
    errors = [line for line in out.splitlines() if ": error:" in line]
    assert all(line.startswith(str(source)) for line in errors), out  # the model is clean
    # One error for each of the four lines that try.
    assert {int(line.split(":")[1]) for line in errors} == {7, 8, 9, 10}, out
    assert all("arg-type" in line for line in errors), out
