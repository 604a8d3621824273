"""Soft hyphens in long words (pure)."""

from __future__ import annotations

from kiosk.ui.hyphens import SOFT_HYPHEN, hyphenate, hyphenate_word, plain


def _shown(text: str) -> str:
    return text.replace(SOFT_HYPHEN, "-")


def test_finnish_syllables_break_before_the_consonant_of_a_vowel() -> None:
    assert _shown(hyphenate_word("perustoimeentulotuki")) == "perus-toi-meen-tu-lo-tuki"
    assert _shown(hyphenate_word("työttömyysturvahakemus")) == "työt-tö-myys-tur-va-ha-ke-mus"


def test_short_words_numbers_and_arabic_are_left_alone() -> None:
    assert hyphenate_word("Kela") == "Kela"
    assert hyphenate_word("1234567890123") == "1234567890123"
    arabic = "الإنجليزيةالإنجليزية"
    assert hyphenate(arabic, "ar") == arabic


def test_only_words_that_do_not_fit_get_hyphens() -> None:
    text = "Kela: perustoimeentulotuki ja asumistuki"
    assert plain(hyphenate(text, "fi")) == text
    only_long = hyphenate(text, "fi", fits=lambda word: len(word) < 15)
    assert _shown(only_long) == "Kela: perus-toi-meen-tu-lo-tuki ja asumistuki"
    assert hyphenate(text, "fi", fits=lambda _word: True) == text
