"""The guide tests judge freshness on a fixed day, never on the day they run."""

from __future__ import annotations

import datetime

import pytest

from kiosk.guides import freshness
from tests.helpers.guide_samples import VERIFIED

#: "Today" for these tests: a few days after the sample guide was checked.
TODAY = VERIFIED + datetime.timedelta(days=4)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> datetime.date:
    monkeypatch.setattr(freshness, "clock", lambda: TODAY)
    return TODAY
