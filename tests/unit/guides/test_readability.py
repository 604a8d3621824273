"""Plain-language checks: short sentences, no abbreviations, closed button names."""

from __future__ import annotations

import pytest

from kiosk.guides import readability


def test_sentences_end_at_full_stops_question_marks_and_new_lines() -> None:
    text = "Paina **Kirjaudu**. Näetkö logot? Hyvä!\nValitse pankki"

    assert readability.sentences(text) == [
        "Paina **Kirjaudu**.",
        "Näetkö logot?",
        "Hyvä!",
        "Valitse pankki",
    ]


def test_an_arabic_question_mark_ends_a_sentence() -> None:
    assert readability.sentences("هل ترى الصفحة؟ اضغط **Kirjaudu**.") == [
        "هل ترى الصفحة؟",
        "اضغط **Kirjaudu**.",
    ]


def test_words_are_counted_without_lone_punctuation() -> None:
    assert readability.word_count("Paina – sitten **Jatka palveluun** (Continue).") == 5
    assert readability.word_count("  ") == 0


def test_only_sentences_over_the_limit_are_long() -> None:
    fifteen = " ".join(["sana"] * 15) + "."
    sixteen = " ".join(["sana"] * 16) + "."

    assert readability.long_sentences(f"{fifteen} {sixteen}") == [sixteen]


def test_shorten_keeps_short_text_and_cuts_long_text() -> None:
    assert readability.shorten("Lyhyt.") == "Lyhyt."
    assert readability.shorten("a" * 80, width=10) == "aaaaaaaaa…"


@pytest.mark.parametrize(
    ("text", "language", "found"),
    [
        ("Tuo esim. tiliote.", "fi", [("esim.", "esimerkiksi")]),
        ("Kirjoita HETU tähän.", "fi", [("HETU", "henkilötunnus")]),
        ("Anna hetun alkuosa.", "fi", [("hetun", "henkilötunnuksen")]),
        ("Ta med t.ex. kontoutdrag.", "sv", [("t.ex.", "till exempel")]),
        ("Det tar ca en vecka.", "sv", [("ca", "cirka")]),
        (
            "Bring e.g. a bank statement, etc.",
            "en",
            [("e.g.", "for example"), ("etc.", "and so on")],
        ),
        # Not abbreviations: whole words, other languages, parts of words.
        ("Esimerkiksi tiliote.", "fi", []),
        ("Tuo esim. tiliote.", "en", []),
        ("Kela can help.", "sv", []),
        ("Press Cancel, etcetera.", "en", []),
        ("Text in a language without a list: esim.", "so", []),
    ],
)
def test_abbreviations(text: str, language: str, found: list[tuple[str, str]]) -> None:
    assert readability.abbreviations(text, language) == found


def test_text_problems_lists_each_problem() -> None:
    long = "Paina " + " ".join(["sana"] * 15) + "."

    assert readability.text_problems(f"{long} Avaa esim. **Viestit.", "fi") == [
        'a sentence has 16 words; keep sentences under 16 words: "Paina sana sana sana sana '
        'sana sana sana sana sana sana san…"',
        "'esim.' is an abbreviation; write 'esimerkiksi'",
        "a button name is not closed; write it as **Button name**",
    ]


def test_plain_text_has_no_problems() -> None:
    assert readability.text_problems("Paina **Tee hakemus**. Valitse tuki.", "fi") == []
