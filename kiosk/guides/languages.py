"""The names of the languages guides are written in, for messages to guide writers."""

from __future__ import annotations

from collections.abc import Iterable

LANGUAGE_NAMES = {
    "fi": "Finnish",
    "sv": "Swedish",
    "en": "English",
    "ru": "Russian",
    "uk": "Ukrainian",
    "et": "Estonian",
    "so": "Somali",
    "ar": "Arabic",
    "se": "Northern Sami",
}


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)


def language_names(codes: Iterable[str]) -> str:
    """'Finnish', 'Finnish and English', 'Finnish, Swedish and English'."""
    names = [language_name(code) for code in codes]
    return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else "".join(names)
