"""Staffed hours as staff write them, and the statistics' words in every staff language."""

from __future__ import annotations

from datetime import datetime

import pytest

from kiosk.helpdesk.server.stats_labels import LABELS
from kiosk.stats.hours import HoursError, parse


def test_staffed_hours() -> None:
    hours = parse("mon-fri 9-16; sat 10:00-14:30")
    assert hours.inside(datetime(2026, 2, 2, 9, 0))  # Monday 09:00
    assert not hours.inside(datetime(2026, 2, 2, 16, 0))  # the end is not inside
    assert hours.inside(datetime(2026, 2, 7, 14, 29))  # Saturday
    assert not hours.inside(datetime(2026, 2, 8, 12, 0))  # Sunday
    assert parse("mon,wed 8-12").inside(datetime(2026, 2, 4, 8, 0))


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "write the hours"),
        ("every day", "write days and times"),
        ("mon-fri 16-9", "the end comes before the start"),
        ("fri-mon 9-16", "the first day comes after the last"),
        ("mon 9-25", "not a time"),
        ("maanantai 9-16", "days are mon tue"),
        ("mon 9-16;" * 40, "at most 200"),
    ],
)
def test_hours_that_cannot_be_read_say_why(text: str, problem: str) -> None:
    with pytest.raises(HoursError, match=problem):
        parse(text)


def test_every_word_in_every_staff_language() -> None:
    keys = set(LABELS["en"])
    for language, words in LABELS.items():
        assert set(words) == keys, language
        assert all(value.strip() for value in words.values()), language
        # The same placeholders as in English.
        for key, value in words.items():
            assert sorted(_names(value)) == sorted(_names(LABELS["en"][key])), (language, key)


def _names(text: str) -> list[str]:
    import string

    return [name for _, name, _, _ in string.Formatter().parse(text) if name]
