"""A visitor's way through a guide: what you need, the steps, what happens next."""

from __future__ import annotations

import pytest

from kiosk.guides.model import Guide
from kiosk.guides.progress import GuideProgress, Page, PageKind
from tests.helpers.guide_samples import guide_with_patterns


def guide(*, needs: bool = True, done: bool = True) -> Guide:
    return guide_with_patterns(
        ("site.fi/start",), ("site.fi/login/*",), (), ("site.fi/form*",), needs=needs, done=done
    )


class Recorder:
    def __init__(self, progress: GuideProgress) -> None:
        self.calls = 0
        progress.on_change(self)

    def __call__(self) -> None:
        self.calls += 1


def test_pages_are_needs_then_steps_then_done() -> None:
    progress = GuideProgress(guide())

    assert progress.pages == (
        Page(PageKind.NEEDS),
        Page(PageKind.STEP, 0),
        Page(PageKind.STEP, 1),
        Page(PageKind.STEP, 2),
        Page(PageKind.STEP, 3),
        Page(PageKind.DONE),
    )
    assert progress.index == 0
    assert progress.page.kind is PageKind.NEEDS
    assert progress.step_index is None
    assert progress.step_count == 4


def test_a_guide_without_needs_or_done_starts_on_step_one() -> None:
    progress = GuideProgress(guide(needs=False, done=False))

    assert [page.kind for page in progress.pages] == [PageKind.STEP] * 4
    assert progress.step_index == 0


def test_next_and_previous_stop_at_the_ends() -> None:
    progress = GuideProgress(guide())
    recorder = Recorder(progress)

    assert not progress.can_go_back
    assert progress.previous() is False
    for _ in range(5):
        assert progress.next() is True
    assert progress.page.kind is PageKind.DONE
    assert not progress.can_go_forward
    assert progress.next() is False
    assert progress.previous() is True
    assert progress.step_index == 3
    assert progress.can_go_back and progress.can_go_forward
    assert recorder.calls == 6  # only real changes are announced


def test_go_to_step() -> None:
    progress = GuideProgress(guide())
    recorder = Recorder(progress)

    assert progress.go_to_step(2) is True
    assert progress.step_index == 2
    assert progress.go_to_step(2) is False
    assert recorder.calls == 1
    with pytest.raises(IndexError):
        progress.go_to_step(4)


def test_the_address_moves_the_visitor_forward_and_back_only_on_purpose() -> None:
    progress = GuideProgress(guide())
    progress.next()  # step 1
    recorder = Recorder(progress)

    assert progress.follow_url("https://site.fi/login/bank") is True
    assert progress.step_index == 1
    assert progress.follow_url("https://site.fi/form/2") is True
    assert progress.step_index == 3
    assert progress.follow_url("https://site.fi/form/3") is False  # same step
    assert progress.follow_url("https://elsewhere.fi/") is False  # says nothing
    assert progress.step_index == 3
    # Seeing the start page again (say, after logging out) does not pull the guide back.
    assert progress.follow_url("https://site.fi/start") is False
    assert progress.step_index == 3
    # The visitor pressed Back: now the guide goes back with them.
    assert progress.follow_url("https://site.fi/start", went_back=True) is True
    assert progress.step_index == 0
    assert recorder.calls == 3


def test_what_happens_next_is_not_left_by_itself() -> None:
    progress = GuideProgress(guide())
    while progress.next():
        pass
    assert progress.page.kind is PageKind.DONE
    assert progress.follow_url("https://site.fi/login/bank") is False
    assert progress.page.kind is PageKind.DONE
    assert progress.follow_url("https://site.fi/login/bank", went_back=True) is True


def test_a_visitor_reading_what_they_need_stays_there_on_the_start_page() -> None:
    progress = GuideProgress(guide())

    assert progress.follow_url("https://site.fi/start") is False
    assert progress.page.kind is PageKind.NEEDS
    assert progress.follow_url("https://site.fi/login/bank") is True
    assert progress.step_index == 1


def test_listeners_hear_every_change_in_order() -> None:
    progress = GuideProgress(guide())
    seen: list[int] = []
    progress.on_change(lambda: seen.append(progress.index))

    progress.next()
    progress.go_to_step(3)
    progress.previous()

    assert seen == [1, 4, 3]
