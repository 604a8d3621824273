"""The staff page's words exist in every language; the page chooses its language sensibly.
(That the client imports neither Qt nor the web framework is an import-linter contract.)"""

from __future__ import annotations

import pytest

from kiosk.helpdesk.server.labels import LABELS, pick_language


def test_every_language_has_every_label() -> None:
    keys = set(LABELS["en"])
    for language, labels in LABELS.items():
        assert set(labels) == keys, language
        assert all(value.strip() for value in labels.values()), language


@pytest.mark.parametrize(
    ("header", "forced", "expected"),
    [
        ("sv-FI,sv;q=0.9,en;q=0.8", None, "sv"),
        ("de-DE,en;q=0.5", None, "en"),
        ("en;q=0.2,fi;q=0.9", None, "fi"),
        ("", None, "fi"),
        ("en", "sv", "sv"),
    ],
)
def test_staff_page_language(header: str, forced: str | None, expected: str) -> None:
    assert pick_language(header, forced) == expected
