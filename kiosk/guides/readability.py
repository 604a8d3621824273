"""Plain-language checks for guide text (Selkokeskus: one thing per sentence, short sentences)."""

from __future__ import annotations

import re

MAX_WORDS = 15

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def word_count(sentence: str) -> int:
    return len([w for w in sentence.split() if any(ch.isalnum() for ch in w)])


def long_sentences(text: str) -> list[str]:
    return [s for s in sentences(text) if word_count(s) > MAX_WORDS]


def shorten(sentence: str, width: int = 60) -> str:
    return sentence if len(sentence) <= width else sentence[: width - 1].rstrip() + "…"
