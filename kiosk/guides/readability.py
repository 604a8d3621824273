"""Plain-language checks for guide text (Selkokeskus: one thing per sentence, short
sentences, no abbreviations) and for the guide's own mark-up (``**Button**``).

Each check takes one text in one language and returns plain messages; the loader adds
the file, the line and which text it was.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

MAX_WORDS = 15

#: A sentence ends at . ! ? and at the Arabic question mark (U+061F).
_SENTENCE_END = re.compile(r"(?<=[.!?\u061f])\s+|\n+")

#: Abbreviations a plain-language text should write out, per language, with the words
#: to write instead. Only unambiguous ones: a check that cries wolf is switched off.
ABBREVIATIONS: Mapping[str, Mapping[str, str]] = {
    "fi": {
        "esim.": "esimerkiksi",
        "mm.": "muun muassa",
        "jne.": "ja niin edelleen",
        "yms.": "ynnä muuta sellaista",
        "ym.": "ynnä muuta",
        "tms.": "tai muuta sellaista",
        "ns.": "niin sanottu",
        "ks.": "katso",
        "puh.": "puhelin",
        "nro": "numero",
        "hetu": "henkilötunnus",
        "hetun": "henkilötunnuksen",
    },
    "sv": {
        "t.ex.": "till exempel",
        "bl.a.": "bland annat",
        "osv.": "och så vidare",
        "dvs.": "det vill säga",
        "s.k.": "så kallad",
        "ca": "cirka",
        "tel.": "telefon",
    },
    "en": {
        "e.g.": "for example",
        "i.e.": "that is",
        "etc.": "and so on",
        "approx.": "about",
        "tel.": "phone",
    },
}

_BUTTON_MARK = "**"


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


#: A word: a run without spaces holding a letter or a digit ([^\W_] is str.isalnum).
_WORD = re.compile(r"\S*[^\W_]\S*")


def word_count(sentence: str) -> int:
    return len(_WORD.findall(sentence))


def long_sentences(text: str) -> list[str]:
    return [s for s in sentences(text) if word_count(s) > MAX_WORDS]


def shorten(sentence: str, width: int = 60) -> str:
    return sentence if len(sentence) <= width else sentence[: width - 1].rstrip() + "…"


def abbreviations(text: str, language: str) -> list[tuple[str, str]]:
    """The abbreviations in ``text``, as (as written, the words to use instead)."""
    found: list[tuple[str, str]] = []
    for pattern, full in _abbreviation_patterns(language):
        found.extend((m.group(0), full) for m in pattern.finditer(text))
    return found


_PATTERNS: dict[str, list[tuple[re.Pattern[str], str]]] = {}


def _abbreviation_patterns(language: str) -> list[tuple[re.Pattern[str], str]]:
    """Compiled once per language: the kiosk checks every guide text at start-up."""
    if language not in _PATTERNS:
        _PATTERNS[language] = [
            (
                re.compile(
                    r"(?<![\w.])"
                    + re.escape(short)
                    + (r"(?!\w)" if short.endswith(".") else r"\b"),
                    re.IGNORECASE,
                ),
                full,
            )
            for short, full in ABBREVIATIONS.get(language, {}).items()
        ]
    return _PATTERNS[language]


def text_problems(text: str, language: str) -> list[str]:
    """Every plain-language and mark-up problem in one text, as messages."""
    problems = [
        f"a sentence has {word_count(sentence)} words; keep sentences under "
        f'{MAX_WORDS + 1} words: "{shorten(sentence)}"'
        for sentence in long_sentences(text)
    ]
    problems.extend(
        f"'{short}' is an abbreviation; write '{full}'"
        for short, full in abbreviations(text, language)
    )
    if text.count(_BUTTON_MARK) % 2:
        problems.append("a button name is not closed; write it as **Button name**")
    return problems
