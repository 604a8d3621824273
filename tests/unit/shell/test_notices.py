"""Every refused download has its own notice for the visitor (a new refusal reason
without one would fall back to the vague "this computer saves only documents")."""

from __future__ import annotations

from kiosk.lockdown.file_types import Refusal
from kiosk.shell.rooms.notices import REFUSAL_NOTICES, Notice


def test_every_refusal_has_its_own_notice() -> None:
    assert set(REFUSAL_NOTICES) == set(Refusal)
    notices = list(REFUSAL_NOTICES.values())
    assert len(set(notices)) == len(notices)
    assert Notice.DOCUMENT_SAVED not in notices
