"""Which language a visitor gets when a guide is not written in theirs."""

from __future__ import annotations

import pytest

from kiosk.guides.model import Text, fallbacks

TEXT = Text({"fi": "Paina", "sv": "Tryck", "en": "Press"})


@pytest.mark.parametrize(
    ("language", "shown"),
    [("fi", "fi"), ("sv", "sv"), ("en", "en"), ("ru", "en"), ("ar", "en"), ("so", "en")],
)
def test_newcomers_get_english_before_finnish(language: str, shown: str) -> None:
    assert TEXT.get(language)[1] == shown


def test_finnish_when_there_is_no_english() -> None:
    assert Text({"fi": "Paina", "sv": "Tryck"}).get("uk") == ("Paina", "fi")
    assert fallbacks("sv") == ("sv", "fi", "en")
