"""Soft hyphens in long words, so that a narrow tile or guide breaks them instead of
cutting them ("perustoimeen…" became "perus-toimeentulotuki" over two lines).

Pure Python. Qt breaks a line at a soft hyphen (U+00AD) and shows a hyphen there only
when it does. The rule is Finnish's first syllable rule, which also serves Estonian and
is harmless elsewhere: a syllable starts with the last consonant before a vowel
("pe-rus-toi-meen-tu-lo-tu-ki"). Only long words get hyphens, never within two letters
of either end; Arabic (a joined script) gets none.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Protocol

SOFT_HYPHEN = "\u00ad"


class QFontMetricsLike(Protocol):
    def horizontalAdvance(self, text: str, /) -> int: ...  # noqa: N802 - Qt's name


#: Words shorter than this always fit: they are left alone.
MIN_WORD = 10
#: Letters kept together at each end of a word.
EDGE = 3

_VOWELS = frozenset("aeiouyäöåõüéAEIOUYÄÖÅÕÜÉаеёиоуыэюяіїєАЕЁИОУЫЭЮЯІЇЄ")
_NO_HYPHENS = frozenset({"ar"})
_WORD = re.compile(r"\w+", re.UNICODE)


def _is_consonant(char: str) -> bool:
    return char.isalpha() and char not in _VOWELS


def hyphenate_word(word: str) -> str:
    if len(word) < MIN_WORD or not word.isalpha():
        return word
    breaks = [
        i
        for i in range(EDGE, len(word) - EDGE + 1)
        if _is_consonant(word[i]) and word[i + 1] in _VOWELS and word[i - 1].isalpha()
    ]
    out, last = [], 0
    for index in breaks:
        out.append(word[last:index])
        last = index
    out.append(word[last:])
    return SOFT_HYPHEN.join(out)


def hyphenate(text: str, language: str, fits: Callable[[str], bool] | None = None) -> str:
    """``text`` with soft hyphens in its long words (none for right-to-left scripts).

    With ``fits``, only the words that do not fit (``fits(word)`` is False) get them: the
    text stays as written wherever it can."""
    if language in _NO_HYPHENS or not text:
        return text

    def one(match: re.Match[str]) -> str:
        word = match.group(0)
        return word if fits is not None and fits(word) else hyphenate_word(word)

    return _WORD.sub(one, text)


def fits_in(metrics: QFontMetricsLike, width: int) -> Callable[[str], bool]:
    """A ``fits`` for :func:`hyphenate`: the word, with room for punctuation after it and
    for bold, fits in ``width`` px. An unknown width (0: not laid out yet) fits all."""
    return lambda word: width <= 0 or metrics.horizontalAdvance(word + "?)") * 1.1 <= width


def plain(text: str) -> str:
    """The text without the soft hyphens (for screen readers and comparisons)."""
    return text.replace(SOFT_HYPHEN, "")
