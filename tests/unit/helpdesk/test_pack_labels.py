"""The Guides view's words: every key in every language of the staff page, the same
placeholders in each, and none that would hide one of the page's other words."""

from __future__ import annotations

import re

from kiosk.helpdesk.server.labels import LABELS
from kiosk.helpdesk.server.pack_labels import PACK_LABELS
from kiosk.helpdesk.server.settings import STAFF_LANGUAGES

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def test_every_staff_language_has_every_word_with_the_same_placeholders() -> None:
    assert set(PACK_LABELS) == set(STAFF_LANGUAGES)
    english = PACK_LABELS["en"]
    for language, labels in PACK_LABELS.items():
        assert set(labels) == set(english), language
        for key, text in labels.items():
            assert text.strip(), (language, key)
            assert set(_PLACEHOLDER.findall(text)) == set(_PLACEHOLDER.findall(english[key])), (
                language,
                key,
            )


def test_no_word_of_the_view_replaces_another_of_the_page() -> None:
    for language in STAFF_LANGUAGES:
        assert not set(PACK_LABELS[language]) & set(LABELS[language]), language
