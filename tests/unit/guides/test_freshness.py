"""Each guide says when it was last checked; a guide not checked for 90 days is reported."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from kiosk.cli import EXIT_PROBLEMS, main
from kiosk.guides import freshness
from kiosk.guides.freshness import MAX_AGE_DAYS, parse_verified, stale_problems
from kiosk.guides.loader import load_guide
from kiosk.guides.report import check_report
from tests.helpers.guide_samples import (
    IDENTIFICATION_HOSTS,
    VALID_GUIDE,
    VERIFIED,
    line_of,
    variant,
    write_guide,
)


def test_the_verified_date_is_read(tmp_path: Path) -> None:
    guide, problems = load_guide(write_guide(tmp_path, VALID_GUIDE), IDENTIFICATION_HOSTS)

    assert problems == []
    assert guide is not None and guide.verified == VERIFIED


def test_a_guide_without_a_date_is_shown_with_a_warning(tmp_path: Path) -> None:
    text = variant("verified: 2026-12-01\n", "")

    guide, problems = load_guide(write_guide(tmp_path, text), IDENTIFICATION_HOSTS)

    assert guide is not None and guide.verified is None
    assert [(p.error, p.line) for p in problems] == [(False, 1)]
    assert "has no 'verified:' date" in problems[0].message


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("5.12.2026", "must be a date written as year-month-day"),
        ("2026-13-01", "is not a real day of the calendar"),
        ("2026-02-30", "is not a real day of the calendar"),
        ("yesterday", "must be a date written as year-month-day"),
    ],
)
def test_a_date_the_kiosk_cannot_read_is_an_error_on_its_line(
    tmp_path: Path, written: str, message: str
) -> None:
    text = variant("verified: 2026-12-01", f"verified: {written}")

    guide, problems = load_guide(write_guide(tmp_path, text), IDENTIFICATION_HOSTS)

    assert guide is None
    assert [(p.error, p.line) for p in problems] == [(True, line_of(text, "verified:"))]
    assert message in problems[0].message


def test_parse_verified_takes_only_real_days() -> None:
    assert parse_verified(" 2024-02-29 ") == datetime.date(2024, 2, 29)
    with pytest.raises(ValueError, match="not a real day"):
        parse_verified("2025-02-29")


@pytest.mark.parametrize(("age", "stale"), [(0, False), (MAX_AGE_DAYS, False), (91, True)])
def test_a_guide_older_than_ninety_days_is_due_a_check(
    tmp_path: Path, age: int, stale: bool
) -> None:
    guide, _ = load_guide(write_guide(tmp_path, VALID_GUIDE), IDENTIFICATION_HOSTS)
    assert guide is not None

    found = stale_problems([guide], VERIFIED + datetime.timedelta(days=age))

    assert [p.error for p in found] == ([False] if stale else [])
    if stale:
        assert found[0].file == guide.file
        assert f"last checked on {VERIFIED}, {age} days ago" in found[0].message


def test_a_date_after_today_is_a_warning(tmp_path: Path) -> None:
    guide, _ = load_guide(write_guide(tmp_path, VALID_GUIDE), IDENTIFICATION_HOSTS)
    assert guide is not None

    found = stale_problems([guide], VERIFIED - datetime.timedelta(days=1))

    assert len(found) == 1 and "is after today" in found[0].message


def test_the_check_report_lists_a_stale_guide_as_a_warning(tmp_path: Path) -> None:
    file = write_guide(tmp_path, VALID_GUIDE)
    later = VERIFIED + datetime.timedelta(days=120)

    report, ok = check_report(tmp_path, IDENTIFICATION_HOSTS, today=later)

    assert not ok
    assert f"{file}:1: warning: the guide was last checked on 2026-12-01, 120 days ago" in report
    assert report.endswith(
        "1 guide(s) ready, 0 not shown; 0 error(s), 1 warning(s).\n"
        "Guides with warnings are shown, but please fix the warnings."
    )


def test_the_check_command_uses_todays_date(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_guide(tmp_path, VALID_GUIDE)
    monkeypatch.setattr(freshness, "clock", lambda: VERIFIED + datetime.timedelta(days=91))

    assert main(["guides", "check", str(tmp_path)]) == EXIT_PROBLEMS

    assert "91 days ago" in capsys.readouterr().out


def test_unchecked_languages_are_read_and_must_be_the_guides_own(tmp_path: Path) -> None:
    base = variant("languages: [fi, sv, en]", "languages: [fi, sv, en, ru]")
    good = variant("verified: 2026-12-01", "verified: 2026-12-01\nunchecked_languages: [ru]", base)
    guide, problems = load_guide(write_guide(tmp_path / "a", good), IDENTIFICATION_HOSTS)
    assert guide is not None and guide.unchecked_languages == ("ru",)
    assert all("Russian text" in p.message for p in problems)  # only missing translations

    bad = variant("verified: 2026-12-01", "verified: 2026-12-01\nunchecked_languages: [so]")
    guide, problems = load_guide(write_guide(tmp_path / "b", bad), IDENTIFICATION_HOSTS)
    assert guide is None
    assert [p.message for p in problems if p.error] == [
        "unchecked_languages: 'so' is not in 'languages'"
    ]
