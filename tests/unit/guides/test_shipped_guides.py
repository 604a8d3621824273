"""The guides the kiosk ships: clean, complete in three languages, and safe to follow."""

from __future__ import annotations

from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest

from kiosk.browser.policy import AllowList
from kiosk.config import DEFAULT_IDENTIFICATION_HOSTS
from kiosk.guides.authoring import GUIDE_LANGUAGES
from kiosk.guides.loader import load_library
from kiosk.guides.matching import compile_pattern, pattern_host
from kiosk.guides.model import Guide, Text
from kiosk.paths import bundled_guides_dir

LIBRARY = load_library(bundled_guides_dir(), DEFAULT_IDENTIFICATION_HOSTS)
GUIDES = LIBRARY.guides
#: The real e-service guides (the practice guides drive the local practice site).
SERVICE_GUIDES = tuple(g for g in GUIDES if g.category != "practice")


def ids(guides: tuple[Guide, ...]) -> list[str]:
    return [g.id for g in guides]


def texts(guide: Guide) -> list[tuple[str, Text]]:
    """Every text of a guide, with where it is."""
    found: list[tuple[str, Text]] = [("title", guide.title)]
    if guide.summary is not None:
        found.append(("summary", guide.summary))
    found.extend((f"needs item {n}", need) for n, need in enumerate(guide.needs, 1))
    for n, step in enumerate(guide.steps, 1):
        found.append((f"step {n} text", step.text))
        if step.check is not None:
            found.append((f"step {n} check", step.check))
    if guide.done is not None:
        found.append(("done", guide.done))
    return found


def test_every_shipped_guide_passes_the_check_without_warnings() -> None:
    assert [str(p) for p in LIBRARY.problems] == []
    assert LIBRARY.skipped == ()
    assert GUIDES, "the kiosk ships guides"


@pytest.mark.parametrize("guide", GUIDES, ids=ids(GUIDES))
def test_the_start_url_host_is_in_the_guides_own_allowed_hosts(guide: Guide) -> None:
    parts = urlsplit(guide.start_url)
    port = parts.port or (443 if parts.scheme == "https" else 80)

    assert parts.hostname is not None
    assert AllowList.parse(guide.allowed_hosts).allows(parts.hostname, parts.scheme, port)


@pytest.mark.parametrize("guide", GUIDES, ids=ids(GUIDES))
def test_step_url_patterns_are_valid_distinct_and_reachable(guide: Guide) -> None:
    reachable = AllowList.parse(guide.allowed_hosts, DEFAULT_IDENTIFICATION_HOSTS)
    seen: set[str] = set()
    for step in guide.steps:
        for pattern in step.url_patterns:
            compile_pattern(pattern.text)  # raises on an unusable pattern
            key = pattern.text.lower().rstrip("/")
            assert key not in seen, f"{pattern.text} is used by two steps"
            seen.add(key)
            host = pattern_host(pattern.text)
            if "*" not in host:
                name, _, port = host.partition(":")
                assert reachable.allows(name, "https", 443) or reachable.allows(
                    name, "http", int(port or 80)
                ), f"{host} cannot be reached"


@pytest.mark.parametrize("guide", GUIDES, ids=ids(GUIDES))
def test_every_text_is_complete_in_finnish_swedish_and_english(guide: Guide) -> None:
    assert set(GUIDE_LANGUAGES) <= set(guide.languages)
    for where, text in texts(guide):
        missing = [code for code in GUIDE_LANGUAGES if not text.by_language.get(code)]
        assert missing == [], f"{guide.id} {where} has no text in {missing}"


@pytest.mark.parametrize("guide", SERVICE_GUIDES, ids=ids(SERVICE_GUIDES))
def test_a_service_guide_has_the_whole_shape(guide: Guide) -> None:
    """What you need first, five to eight steps, a "Do you see...?" check, what happens next."""
    assert guide.needs
    assert 5 <= len(guide.steps) <= 8
    assert any(step.check is not None for step in guide.steps)
    assert guide.done is not None
    assert guide.summary is not None
    assert guide.service_languages, "say which languages the e-service itself has"
    assert guide.start_url.startswith("https://")


@pytest.mark.parametrize("guide", SERVICE_GUIDES, ids=ids(SERVICE_GUIDES))
def test_a_service_guide_has_a_readable_svg_icon(guide: Guide) -> None:
    assert guide.icon is not None
    assert guide.icon.suffix == ".svg"
    root = ElementTree.parse(guide.icon).getroot()
    svg = "{http://www.w3.org/2000/svg}"
    assert root.tag == f"{svg}svg"
    assert root.get("viewBox") == "0 0 96 96"
    title = root.find(f"{svg}title")
    assert title is not None and title.text, "an icon says what it shows"


def test_service_guides_have_their_own_place_in_their_category() -> None:
    places = [(g.category, g.order) for g in SERVICE_GUIDES]

    assert len(places) == len(set(places))


#: The twelve real e-service guides of issue 6, and their tile groups.
TWELVE = {
    "suomifi-login": "identification",
    "no-bank-codes": "identification",
    "suomifi-authorisations": "identification",
    "kela-basic-assistance": "money",
    "omakela-decisions": "money",
    "kela-housing-allowance": "money",
    "omakanta-prescriptions": "health",
    "job-seeker-registration": "work",
    "tax-card": "work",
    "helsinki-rental-flat": "housing",
    "suomifi-messages": "mail",
    "post-without-address": "mail",
}

#: Guides read beside a page: the errand happens away from the screen.
INFORMATION_GUIDES = {"no-bank-codes", "post-without-address"}


def test_the_twelve_service_guides_ship_in_their_groups() -> None:
    assert {g.id: g.category for g in SERVICE_GUIDES if g.id in TWELVE} == TWELVE


def test_the_most_common_errands_come_first_in_their_group() -> None:
    first = {}
    for guide in GUIDES:  # the library is sorted by group, then order
        first.setdefault(guide.category, guide.id)

    assert first["identification"] == "suomifi-login"
    assert first["money"] == "kela-basic-assistance"


def test_only_the_information_guides_follow_no_page() -> None:
    following = {g.id for g in SERVICE_GUIDES if any(s.url_patterns for s in g.steps)}

    assert {g.id for g in SERVICE_GUIDES} - following == INFORMATION_GUIDES


@pytest.mark.parametrize("guide", SERVICE_GUIDES, ids=ids(SERVICE_GUIDES))
def test_identification_is_followed_on_one_step_only(guide: Guide) -> None:
    """The visitor passes tunnistus.suomi.fi twice; one step must cover both passes."""
    steps = [
        n
        for n, step in enumerate(guide.steps, 1)
        if any(pattern_host(p.text) == "tunnistus.suomi.fi" for p in step.url_patterns)
    ]

    assert len(steps) <= 1


@pytest.mark.parametrize(
    ("guide_id", "languages"),
    [
        ("kela-basic-assistance", ("fi", "sv")),
        ("kela-housing-allowance", ("fi", "sv")),
        ("omakela-decisions", ("fi", "sv")),
        ("helsinki-rental-flat", ("fi", "sv")),
    ],
)
def test_guides_say_when_the_service_has_no_english(
    guide_id: str, languages: tuple[str, ...]
) -> None:
    guide = LIBRARY.by_id(guide_id)

    assert guide is not None
    assert guide.service_languages == languages
