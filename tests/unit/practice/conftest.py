"""A running practice site for each test, and a visitor to use it."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from kiosk.practice import PracticeSite
from tests.unit.practice.visitor import Visitor


@pytest.fixture
def site() -> Iterator[PracticeSite]:
    with PracticeSite() as running:
        yield running


@pytest.fixture
def visitor(site: PracticeSite) -> Iterator[Visitor]:
    with Visitor(site.base_url) as someone:
        yield someone


@pytest.fixture
def new_visitor(site: PracticeSite) -> Iterator[Callable[[], Visitor]]:
    made: list[Visitor] = []

    def make() -> Visitor:
        made.append(Visitor(site.base_url))
        return made[-1]

    yield make
    for someone in made:
        someone.http.close()
