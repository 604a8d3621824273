"""The centre's paper: pages per visitor, copies 1 to 5."""

from __future__ import annotations

from kiosk.lockdown.print_quota import MAX_COPIES, PrintQuota


def test_a_fresh_visitor_may_print_up_to_the_limit() -> None:
    quota = PrintQuota(limit=30, printed=0)
    assert quota.enabled
    assert quota.remaining == 30
    assert quota.allows(pages=3, copies=5)
    assert quota.allows(pages=30, copies=1)
    assert not quota.allows(pages=31, copies=1)
    assert not quota.allows(pages=7, copies=5)


def test_copies_are_one_to_five() -> None:
    quota = PrintQuota(limit=1000, printed=0)
    assert not quota.allows(pages=1, copies=0)
    assert not quota.allows(pages=1, copies=MAX_COPIES + 1)
    assert quota.max_copies(pages=1) == MAX_COPIES


def test_what_was_printed_counts() -> None:
    quota = PrintQuota(limit=10, printed=8)
    assert quota.remaining == 2
    assert quota.max_copies(pages=1) == 2
    assert quota.max_copies(pages=3) == 0
    assert not quota.allows(pages=3, copies=1)
    assert PrintQuota(limit=10, printed=15).remaining == 0


def test_zero_turns_printing_off() -> None:
    quota = PrintQuota(limit=0, printed=0)
    assert not quota.enabled
    assert not quota.allows(pages=1, copies=1)
    assert quota.max_copies(pages=1) == 0


def test_an_empty_document_prints_nothing() -> None:
    assert not PrintQuota(limit=10, printed=0).allows(pages=0, copies=1)
