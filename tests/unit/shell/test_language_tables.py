"""Every language the kiosk offers has its attract texts and native name; right-to-left
catalogues keep addresses and phone numbers readable; a button keeps one name."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict

import pytest

from kiosk.config import KioskSection
from kiosk.languages import LANGUAGES, RIGHT_TO_LEFT, SOURCE_LANGUAGE, UI_LANGUAGES
from kiosk.shell.attract import ATTRACT_TEXTS, split_languages
from kiosk.shell.i18n import catalogue

# Catalogues written with this issue; fi and sv have their own authors.
NEW = ("ru", "uk", "et", "so", "ar")
FSI, PDI = "\u2068", "\u2069"
# Values that are data, not words: an address, a phone number, a name, a code, a message.
# In a right-to-left sentence "040 123 4567" would show as "4567 123 040" unless the
# value is isolated (U+2068 ... U+2069).
_DATA = re.compile(r"\{(address|code|name|message)\}")
_PHONE = re.compile(r"^(Phone|WhatsApp): \{number\}$")


def _messages(code: str) -> list[tuple[str, str, str]]:
    root = ET.parse(catalogue(code, ".ts")).getroot()
    return [
        (
            context.findtext("name") or "",
            m.findtext("source") or "",
            m.findtext("translation") or "",
        )
        for context in root.iter("context")
        for m in context.iter("message")
    ]


def test_every_language_has_attract_texts_and_a_native_name() -> None:
    assert set(ATTRACT_TEXTS) == set(UI_LANGUAGES)
    assert all(LANGUAGES[code].native_name for code in UI_LANGUAGES)
    for code, texts in ATTRACT_TEXTS.items():
        assert len(texts) == 3 and all(t.strip() for t in texts), code
    # Each language's own words: no copy of another language's line.
    starts = [texts[0] for texts in ATTRACT_TEXTS.values()]
    assert len(set(starts)) == len(starts)


def test_default_offers_every_language_in_the_agreed_order() -> None:
    assert UI_LANGUAGES == ("fi", "sv", "en", "ru", "uk", "et", "so", "ar")
    assert KioskSection().languages == list(UI_LANGUAGES)
    assert SOURCE_LANGUAGE in UI_LANGUAGES
    assert RIGHT_TO_LEFT.issubset(UI_LANGUAGES)


@pytest.mark.parametrize(
    ("languages", "default", "large", "small"),
    [
        (("fi", "sv", "en"), None, ["fi", "sv", "en"], []),
        (
            ("fi", "sv", "en", "ru", "uk", "et", "so", "ar"),
            "fi",
            ["fi", "sv", "en"],
            ["ru", "uk", "et", "so", "ar"],
        ),
        # A centre whose screens start in Russian: Russian large, then Finnish and Swedish.
        (("fi", "sv", "en", "ru", "ar"), "ru", ["ru", "fi", "sv"], ["en", "ar"]),
        (("ar",), None, ["ar"], []),
    ],
)
def test_attract_screen_shows_the_default_and_fi_sv_en_large(
    languages: tuple[str, ...], default: str | None, large: list[str], small: list[str]
) -> None:
    assert split_languages(languages, default) == (large, small)


@pytest.mark.parametrize("code", sorted(RIGHT_TO_LEFT))
def test_right_to_left_catalogues_isolate_data(code: str) -> None:
    problems = []
    for _context, source, translation in _messages(code):
        wanted = [f"{{{name}}}" for name in _DATA.findall(source)]
        if _PHONE.match(source):
            wanted.append("{number}")
        problems += [
            f"{source!r}: {placeholder} needs U+2068 before and U+2069 after it"
            for placeholder in wanted
            if f"{FSI}{placeholder}{PDI}" not in translation
        ]
        # Example phone numbers too ("for example 040 123 4567").
        problems += [
            f"{source!r}: {number!r} is not isolated"
            for number in re.findall(r"\d+(?: \d+)+", source)
            if f"{FSI}{number}{PDI}" not in translation
        ]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("code", NEW)
def test_a_button_keeps_one_name_on_every_screen(code: str) -> None:
    names: dict[str, set[str]] = defaultdict(set)
    for _context, source, translation in _messages(code):
        names[source].add(translation)
    different = {source: found for source, found in names.items() if len(found) > 1}
    assert not different, f"kiosk_{code}.ts: {different}"


@pytest.mark.parametrize("code", NEW)
def test_finnish_names_stay_finnish(code: str) -> None:
    """The identification page's button says "Keskeytä" (or "Cancel"); say it as it is."""
    for _context, source, translation in _messages(code):
        if "To stop, press Cancel on the page" in source:
            assert "Keskeytä" in translation and "Cancel" in translation, translation
        if "mobile certificate" in source:
            assert "mobiilivarmenne" in translation, translation


def test_one_table_of_languages_serves_every_part() -> None:
    from kiosk.languages import GUIDE_LANGUAGES, accept_language, english_name, native_name
    from kiosk.practice.render import LANGUAGE_NAMES as PRACTICE_NAMES
    from kiosk.practice.render import LANGUAGES as PRACTICE_LANGUAGES

    assert PRACTICE_LANGUAGES == GUIDE_LANGUAGES
    assert {code: LANGUAGES[code].in_language for code in GUIDE_LANGUAGES} == PRACTICE_NAMES
    for code in UI_LANGUAGES:
        assert accept_language(code).startswith(code)
        assert native_name(code) == LANGUAGES[code].native_name
        assert english_name(code) != code
    assert english_name("se") == "Northern Sami"  # a guide language the screens lack
    assert native_name("xx") == "xx"
