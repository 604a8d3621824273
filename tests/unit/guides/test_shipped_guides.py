"""The guides the kiosk ships: clean, complete in three languages, and safe to follow."""

from __future__ import annotations

import datetime
import re
import tomllib
from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest

from kiosk.browser.policy import AllowList
from kiosk.config import DEFAULT_IDENTIFICATION_HOSTS
from kiosk.guides.authoring import GUIDE_LANGUAGES
from kiosk.guides.freshness import MAX_AGE_DAYS
from kiosk.guides.loader import load_library
from kiosk.guides.matching import compile_pattern, pattern_host, step_for_url
from kiosk.guides.model import Guide, Text
from kiosk.guides.readability import sentences
from kiosk.guides.report import with_freshness
from kiosk.paths import bundled_guides_dir, resources_dir

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
            # "*.kela.fi" in a pattern: any address under kela.fi must be allowed.
            host = pattern_host(pattern.text).replace("*", "any-name")
            name, _, port = host.partition(":")
            assert reachable.allows(name, "https", 443) or reachable.allows(
                name, "http", int(port or 80)
            ), f"{pattern.text}: {name} is outside the allow-list"


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


#: The shipped e-service guides and their tile groups: the twelve of issue 6 and the
#: eight of issue 15.
SHIPPED = {
    "suomifi-login": "identification",
    "own-phone": "identification",
    "no-bank-codes": "identification",
    "suomifi-authorisations": "identification",
    "scam-message": "identification",
    "kela-basic-assistance": "money",
    "omakela-decisions": "money",
    "kela-housing-allowance": "money",
    "debts": "money",
    "omakanta-prescriptions": "health",
    "maisa-health": "health",
    "job-seeker-registration": "work",
    "kela-unemployment-benefit": "work",
    "tax-card": "work",
    "study-place": "work",
    "helsinki-rental-flat": "housing",
    "suomifi-messages": "mail",
    "post-without-address": "mail",
    "email-account": "mail",
    "video-call": "other",
}

#: Written in eight languages; the five beyond fi, sv and en wait for a native speaker.
EIGHT_LANGUAGES = ("scam-message", "email-account", "kela-unemployment-benefit")
NOT_YET_CHECKED = ("ru", "uk", "et", "so", "ar")

#: The hosts of Suomi.fi e-Identification (tunnistus.suomi.fi: older links).
IDENTIFICATION = ("tunnistautuminen.suomi.fi", "tunnistus.suomi.fi")

_BOLD = re.compile(r"\*\*(.+?)\*\*")


def identification_steps(guide: Guide) -> list[int]:
    return [
        n
        for n, step in enumerate(guide.steps, 1)
        if any(pattern_host(p.text) in IDENTIFICATION for p in step.url_patterns)
    ]


def test_the_service_guides_ship_in_their_groups() -> None:
    assert {g.id: g.category for g in SERVICE_GUIDES} == SHIPPED


def test_the_most_common_errands_come_first_in_their_group() -> None:
    first = {}
    for guide in GUIDES:  # the library is sorted by group, then order
        first.setdefault(guide.category, guide.id)

    assert first["identification"] == "suomifi-login"
    assert first["money"] == "kela-basic-assistance"


def test_the_shared_identification_list_has_suomifi_identification() -> None:
    """Suomi.fi identification (and its 2026 Messages page) runs on tunnistautuminen."""
    assert set(IDENTIFICATION) <= set(DEFAULT_IDENTIFICATION_HOSTS)


@pytest.mark.parametrize("guide", GUIDES, ids=ids(GUIDES))
def test_step_1_follows_the_guides_own_start_page(guide: Guide) -> None:
    assert step_for_url(guide, guide.start_url, None) == 0


@pytest.mark.parametrize("guide", GUIDES, ids=ids(GUIDES))
def test_only_one_step_follows_identification(guide: Guide) -> None:
    """The visitor passes identification twice; one step covers both passes."""
    assert len(identification_steps(guide)) <= 1


@pytest.mark.parametrize("guide", SERVICE_GUIDES, ids=ids(SERVICE_GUIDES))
def test_a_login_step_follows_both_identification_hosts_and_the_messages_page(
    guide: Guide,
) -> None:
    for n in identification_steps(guide):
        step = guide.steps[n - 1]
        assert {pattern_host(p.text) for p in step.url_patterns} == set(IDENTIFICATION)
        later = " ".join(s.text.by_language["fi"] for s in guide.steps[n - 1 :])
        assert "Suomi.fi-viest" in later, "the 2026 Messages page"
        assert "Keskeytä" in _BOLD.findall(step.text.by_language["fi"]), "how to stop"


@pytest.mark.parametrize(
    "guide",
    [g for g in GUIDES if identification_steps(g) == [2]],
    ids=ids(tuple(g for g in GUIDES if identification_steps(g) == [2])),
)
def test_cancelling_identification_at_step_2_shows_step_1_again(guide: Guide) -> None:
    """Keskeytä on the identification page leads back to the start page: start over."""
    assert step_for_url(guide, guide.start_url, 1) == 0


def test_most_login_guides_identify_at_step_2() -> None:
    at_step_2 = [g.id for g in SERVICE_GUIDES if identification_steps(g) == [2]]

    assert len(at_step_2) >= 8


@pytest.mark.parametrize("guide", SERVICE_GUIDES, ids=ids(SERVICE_GUIDES))
def test_fi_sv_and_en_say_the_same_in_as_many_sentences_with_the_same_buttons(
    guide: Guide,
) -> None:
    """Button names are the service's own (Finnish) in every language."""
    for where, text in texts(guide):
        counts = {code: len(sentences(text.by_language[code])) for code in GUIDE_LANGUAGES}
        assert len(set(counts.values())) == 1, f"{guide.id} {where}: sentences {counts}"
        buttons = {code: _BOLD.findall(text.by_language[code]) for code in GUIDE_LANGUAGES}
        assert buttons["sv"] == buttons["fi"] == buttons["en"], f"{guide.id} {where}"


def _practice_words(language: str) -> list[str]:
    """The practice site's texts and the kiosk's own words in ``language``."""
    raw = tomllib.loads((resources_dir() / "practice" / "texts.toml").read_text("utf-8"))
    words: list[str] = []

    def walk(table: dict[str, object]) -> None:
        for key, value in table.items():
            if isinstance(value, dict):
                walk(value)
            elif key == language and isinstance(value, str):
                words.append(value.replace("**", ""))

    walk(raw)
    field = "source" if language == "en" else "translation"
    for code in ("fi",) if language == "en" else (language,):
        root = ElementTree.parse(resources_dir() / "translations" / f"kiosk_{code}.ts")
        words.extend(m.findtext(field) or "" for m in root.iter("message"))
    return words


PRACTICE_GUIDES = tuple(g for g in GUIDES if g.category == "practice")


@pytest.mark.parametrize("guide", PRACTICE_GUIDES, ids=ids(PRACTICE_GUIDES))
def test_practice_guides_name_the_buttons_the_visitor_sees_in_their_language(
    guide: Guide,
) -> None:
    """The practice site speaks the visitor's language, so its buttons are translated."""
    for code in GUIDE_LANGUAGES:
        words = _practice_words(code)
        for where, text in texts(guide):
            for button in _BOLD.findall(text.by_language[code]):
                assert any(button in w for w in words), f"{guide.id} {where} ({code}): {button}"
    for where, text in texts(guide):
        counts = {code: len(sentences(text.by_language[code])) for code in GUIDE_LANGUAGES}
        assert len(set(counts.values())) == 1, f"{guide.id} {where}: sentences {counts}"
        buttons = {code: len(_BOLD.findall(text.by_language[code])) for code in GUIDE_LANGUAGES}
        assert len(set(buttons.values())) == 1, f"{guide.id} {where}: buttons {buttons}"


@pytest.mark.parametrize("guide_id", EIGHT_LANGUAGES)
def test_the_first_new_guides_speak_eight_languages_and_say_which_wait_for_a_check(
    guide_id: str,
) -> None:
    guide = LIBRARY.by_id(guide_id)

    assert guide is not None
    assert set(guide.languages) == {*GUIDE_LANGUAGES, *NOT_YET_CHECKED}
    assert guide.unchecked_languages == NOT_YET_CHECKED


@pytest.mark.parametrize("guide", GUIDES, ids=ids(GUIDES))
def test_finnish_swedish_and_english_are_never_marked_unchecked(guide: Guide) -> None:
    assert set(guide.unchecked_languages) <= set(guide.languages)
    assert not set(guide.unchecked_languages) & set(GUIDE_LANGUAGES)


def test_every_guide_says_when_it_was_checked_and_none_lags_the_newest_check() -> None:
    """No real clock: the shipped set is compared with its own newest check."""
    dates = [g.verified for g in GUIDES]
    assert all(isinstance(d, datetime.date) for d in dates)
    newest = max(d for d in dates if d is not None)

    stale = with_freshness(LIBRARY, newest + datetime.timedelta(days=1)).problems
    assert [str(p) for p in stale] == []
    oldest = min(d for d in dates if d is not None)
    assert (newest - oldest).days < MAX_AGE_DAYS


@pytest.mark.parametrize(
    ("guide_id", "languages"),
    [
        ("kela-basic-assistance", ("fi", "sv")),
        ("kela-housing-allowance", ("fi", "sv")),
        ("kela-unemployment-benefit", ("fi", "sv")),
        ("omakela-decisions", ("fi", "sv")),
        ("debts", ("fi", "sv")),
    ],
)
def test_guides_say_when_the_service_has_no_english(
    guide_id: str, languages: tuple[str, ...]
) -> None:
    guide = LIBRARY.by_id(guide_id)

    assert guide is not None
    assert guide.service_languages == languages
