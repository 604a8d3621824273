"""Which step of a guide an address belongs to."""

from __future__ import annotations

import pytest

from kiosk.guides.matching import (
    compile_pattern,
    matching_steps,
    pattern_host,
    step_for_url,
    url_matches,
)
from tests.helpers.guide_samples import guide_with_patterns

guide = guide_with_patterns


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        ("", "the pattern is empty"),
        ("https://", "the pattern is empty"),
        ("*", "the pattern must start with a host name, like www.kela.fi/..."),
        ("/omakela/*", "the pattern must start with a host name, like www.kela.fi/..."),
        ("www.kela.fi/oma kela", "the pattern contains a space"),
    ],
)
def test_unusable_patterns_say_why(pattern: str, message: str) -> None:
    with pytest.raises(ValueError, match=f"^{message}$".replace(".", r"\.")):
        compile_pattern(pattern)


@pytest.mark.parametrize(
    ("pattern", "host"),
    [
        ("asiointi.kela.fi/omakela/*", "asiointi.kela.fi"),
        ("https://WWW.Kela.fi", "www.kela.fi"),
        ("*.kela.fi/*", "*.kela.fi"),
        ("127.0.0.1:8765/form?step=2", "127.0.0.1:8765"),
    ],
)
def test_pattern_host(pattern: str, host: str) -> None:
    assert pattern_host(pattern) == host


@pytest.mark.parametrize(
    ("pattern", "url", "matches"),
    [
        # The scheme does not matter; letters are compared without case.
        ("www.kela.fi/toimeentulotuki", "https://www.kela.fi/toimeentulotuki", True),
        ("https://www.kela.fi/toimeentulotuki", "http://WWW.KELA.FI/Toimeentulotuki", True),
        # A final '/' does not matter, on either side.
        ("www.kela.fi/toimeentulotuki/", "https://www.kela.fi/toimeentulotuki", True),
        ("www.kela.fi/toimeentulotuki", "https://www.kela.fi/toimeentulotuki/", True),
        # The query is ignored, unless the pattern has one.
        ("www.kela.fi/haku", "https://www.kela.fi/haku?q=tuki", True),
        ("www.kela.fi/haku?q=tuki", "https://www.kela.fi/haku?q=tuki", True),
        ("www.kela.fi/haku?q=tuki", "https://www.kela.fi/haku?q=vero", False),
        # The whole address must match, not a part of it.
        ("www.kela.fi/haku", "https://www.kela.fi/haku/toinen", False),
        ("www.kela.fi/haku", "https://evil.example/www.kela.fi/haku", False),
        ("kela.fi/haku", "https://www.kela.fi/haku", False),
        # '*' is anything, including nothing and '/'.
        ("asiointi.kela.fi/omakela/*", "https://asiointi.kela.fi/omakela/hakemus/3", True),
        # "x/*" needs the '/': it is every page below x, not x itself.
        ("asiointi.kela.fi/omakela/*", "https://asiointi.kela.fi/omakela", False),
        ("asiointi.kela.fi/omakela*", "https://asiointi.kela.fi/omakela", True),
        ("tunnistus.suomi.fi/*", "https://tunnistus.suomi.fi/", False),
        ("asiointi.kela.fi/omakela/*", "https://asiointi.kela.fi/muu", False),
        ("*.op.fi/*", "https://tunnistus.op.fi/login", True),
        ("*.op.fi/*", "https://op.fi.evil.example/login", False),
        # A port is part of the host.
        ("127.0.0.1:8765/form*", "http://127.0.0.1:8765/form/2", True),
        ("127.0.0.1:8765/form*", "http://127.0.0.1:9999/form/2", False),
        # An address that cannot be read matches nothing.
        ("www.kela.fi/*", "http://[::1/broken", False),
        ("", "https://www.kela.fi/", False),
    ],
)
def test_url_matches(pattern: str, url: str, matches: bool) -> None:
    assert url_matches(pattern, url) is matches


def test_matching_steps_lists_every_step_that_matches() -> None:
    g = guide(("www.kela.fi/*",), (), ("www.kela.fi/haku",), ("asiointi.kela.fi/*",))

    assert matching_steps(g, "https://www.kela.fi/haku") == [0, 2]
    assert matching_steps(g, "https://www.vero.fi/") == []


THREE_PAGES = guide(("site.fi/a",), ("site.fi/b", "site.fi/b2"), ("site.fi/c",))


@pytest.mark.parametrize(
    ("url", "current", "expected"),
    [
        ("https://site.fi/elsewhere", 0, None),  # the address says nothing
        ("https://site.fi/b", None, 1),  # not yet on a step: the first that matches
        ("https://site.fi/b2", 0, 1),  # any pattern of a step
        ("https://site.fi/c", 0, 2),  # the visitor moved on
        ("https://site.fi/a", 2, None),  # a page seen again does not pull back
    ],
)
def test_step_for_url(url: str, current: int | None, expected: int | None) -> None:
    assert step_for_url(THREE_PAGES, url, current) == expected


def test_going_back_on_purpose_moves_to_the_nearest_earlier_step() -> None:
    assert step_for_url(THREE_PAGES, "https://site.fi/a", 2, went_back=True) == 0
    assert step_for_url(THREE_PAGES, "https://site.fi/b", 2, went_back=True) == 1


def test_the_current_step_wins_when_several_share_a_page() -> None:
    g = guide(("site.fi/form*",), ("site.fi/form/*",), ("site.fi/form/2",))

    assert step_for_url(g, "https://site.fi/form/2", 1) == 1
    assert step_for_url(g, "https://site.fi/form/2", None) == 0


def test_the_first_later_step_wins_over_earlier_ones() -> None:
    g = guide(("site.fi/x/*",), ("site.fi/a",), ("site.fi/x",), ("site.fi/x*",))

    assert step_for_url(g, "https://site.fi/x", 1) == 2
    assert step_for_url(g, "https://site.fi/x/y", 1) == 3
    assert step_for_url(g, "https://site.fi/x/y", 2) == 3


def test_going_back_picks_the_nearest_earlier_step() -> None:
    g = guide(("site.fi/*",), ("site.fi/a*",), (), ("site.fi/z",))

    assert step_for_url(g, "https://site.fi/a", 3, went_back=True) == 1
    assert step_for_url(g, "https://site.fi/q", 3, went_back=True) == 0
    # Without going back on purpose, an earlier page seen again does not pull back.
    assert step_for_url(g, "https://site.fi/a", 3) is None


def test_from_step_two_the_start_page_starts_over() -> None:
    """Keskeytä during identification (step 2) leads back to the start page: step 1."""
    g = guide(("site.fi/start",), ("ident.fi/*",), ("site.fi/form",))

    assert step_for_url(g, "https://site.fi/start", 1) == 0
    # Later steps keep the rule that a page seen again does not pull back.
    assert step_for_url(g, "https://site.fi/start", 2) is None
    # From step 2 an earlier page that is not step 1's says nothing.
    g2 = guide(("site.fi/start",), ("site.fi/x",), ("ident.fi/*",), ("site.fi/form",))
    assert step_for_url(g2, "https://site.fi/x", 2) is None
