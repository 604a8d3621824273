"""The names of the languages guides are written in, for messages to guide writers (from
the one table of languages, ``kiosk/languages.py``)."""

from __future__ import annotations

from collections.abc import Iterable

from kiosk.languages import english_name

language_name = english_name


def language_names(codes: Iterable[str]) -> str:
    """'Finnish', 'Finnish and English', 'Finnish, Swedish and English'."""
    names = [language_name(code) for code in codes]
    return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else "".join(names)
