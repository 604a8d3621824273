"""What a guide is, as plain frozen values."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

#: Tile groups on the home screen, in this order.
CATEGORIES: tuple[str, ...] = (
    "identification",
    "money",
    "health",
    "work",
    "housing",
    "mail",
    "practice",
    "other",
)

#: Device permissions a guide may ask for (video calls); everything else is always denied.
GUIDE_PERMISSIONS: tuple[str, ...] = ("camera", "microphone")

#: When the visitor's language is missing from a text, try these, in order.
FALLBACK_LANGUAGES: tuple[str, ...] = ("fi", "en")
#: Visitors who read these languages are likelier to read English than Finnish.
ENGLISH_FIRST: frozenset[str] = frozenset({"ru", "uk", "et", "so", "ar"})


def fallbacks(language: str) -> tuple[str, ...]:
    """The languages to try, in order, for a visitor who reads ``language``."""
    if language in ENGLISH_FIRST:
        return (language, "en", "fi")
    return (language, *FALLBACK_LANGUAGES)


@dataclass(frozen=True, slots=True)
class Text:
    """One piece of text in several languages."""

    by_language: Mapping[str, str]

    def get(self, language: str) -> tuple[str, str]:
        """The text in ``language``, or in a fallback language; returns (text, language used)."""
        for code in (*fallbacks(language), *sorted(self.by_language)):
            if text := self.by_language.get(code):
                return text, code
        return "", language

    def __call__(self, language: str) -> str:
        return self.get(language)[0]


@dataclass(frozen=True, slots=True)
class UrlPattern:
    """'asiointi.kela.fi/omakela/*' — a host and a path, with '*' for "anything"."""

    text: str
    line: int = 0


@dataclass(frozen=True, slots=True)
class Step:
    text: Text
    line: int
    image: Path | None = None
    url_patterns: tuple[UrlPattern, ...] = ()
    #: "Do you see ... on the screen?" with Yes/No; "No" offers the help button.
    check: Text | None = None


@dataclass(frozen=True, slots=True)
class Guide:
    id: str
    file: Path
    title: Text
    category: str
    start_url: str
    allowed_hosts: tuple[str, ...]
    languages: tuple[str, ...]
    steps: tuple[Step, ...]
    summary: Text | None = None
    icon: Path | None = None
    order: int = 100
    #: Languages the e-service itself offers (OmaKela has no English, for example).
    service_languages: tuple[str, ...] = ()
    permissions: tuple[str, ...] = ()
    #: Hosts a remote supporter must never see (besides the identification hosts): a
    #: shared screen shows a "paused" card instead of their pages.
    sensitive_hosts: tuple[str, ...] = ()
    needs: tuple[Text, ...] = ()
    done: Text | None = None
    #: The day someone last checked the guide against the service's own pages.
    verified: datetime.date | None = None
    #: Languages written without a native speaker's check yet (the kiosk may say so).
    unchecked_languages: tuple[str, ...] = ()

    @property
    def folder(self) -> Path:
        return self.file.parent

    def speaks(self, language: str) -> bool:
        return language in self.languages


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong in a guide file, for ``kiosk guides check`` and the admin view."""

    file: Path
    line: int
    message: str
    error: bool = True  # False: a warning (the guide still loads)

    def __str__(self) -> str:
        kind = "error" if self.error else "warning"
        return f"{self.file}:{self.line}: {kind}: {self.message}"


@dataclass(frozen=True, slots=True)
class Library:
    """The result of loading a folder of guides: the good ones, and what was wrong."""

    guides: tuple[Guide, ...] = ()
    problems: tuple[Problem, ...] = ()
    skipped: tuple[Path, ...] = field(default=())

    def by_id(self, guide_id: str) -> Guide | None:
        return next((g for g in self.guides if g.id == guide_id), None)

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.error)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if not p.error)
