"""A visitor's way through one guide: which page of the guide is showing.

The pages are: "what you need" (if the guide lists anything), each step, and "what
happens next" (if the guide has it). The browser's address moves the visitor to a step
by itself; Next and Previous move by hand. Listeners are called after every change.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass

from kiosk.guides.matching import step_for_url
from kiosk.guides.model import Guide


class PageKind(enum.Enum):
    NEEDS = "needs"
    STEP = "step"
    DONE = "done"


@dataclass(frozen=True, slots=True)
class Page:
    kind: PageKind
    step_index: int = -1  # for STEP pages


class GuideProgress:
    def __init__(self, guide: Guide) -> None:
        self.guide = guide
        pages: list[Page] = []
        if guide.needs:
            pages.append(Page(PageKind.NEEDS))
        pages.extend(Page(PageKind.STEP, i) for i in range(len(guide.steps)))
        if guide.done:
            pages.append(Page(PageKind.DONE))
        self.pages: tuple[Page, ...] = tuple(pages)
        self._index = 0
        self._listeners: list[Callable[[], None]] = []

    # -- reading ---------------------------------------------------------------------
    @property
    def index(self) -> int:
        return self._index

    @property
    def page(self) -> Page:
        return self.pages[self._index]

    @property
    def step_index(self) -> int | None:
        return self.page.step_index if self.page.kind is PageKind.STEP else None

    @property
    def step_count(self) -> int:
        return len(self.guide.steps)

    @property
    def can_go_back(self) -> bool:
        return self._index > 0

    @property
    def can_go_forward(self) -> bool:
        return self._index < len(self.pages) - 1

    # -- changing --------------------------------------------------------------------
    def on_change(self, listener: Callable[[], None]) -> None:
        self._listeners.append(listener)

    def _go(self, index: int) -> bool:
        index = max(0, min(index, len(self.pages) - 1))
        if index == self._index:
            return False
        self._index = index
        for listener in list(self._listeners):
            listener()
        return True

    def next(self) -> bool:
        return self._go(self._index + 1)

    def previous(self) -> bool:
        return self._go(self._index - 1)

    def go_to_step(self, step_index: int) -> bool:
        for index, page in enumerate(self.pages):
            if page.kind is PageKind.STEP and page.step_index == step_index:
                return self._go(index)
        raise IndexError(step_index)

    def follow_url(self, url: str, *, went_back: bool = False) -> bool:
        """Move to the step the browser's address belongs to; True if the page changed.

        The guide follows the visitor forwards by itself, and backwards only when the
        visitor went back on purpose (``went_back``). From "What happens next" it never
        moves back by itself.
        """
        if self.page.kind is PageKind.DONE and not went_back:
            return False
        current = self.step_index
        if current is None and self.page.kind is PageKind.DONE:
            current = self.step_count
        target = step_for_url(self.guide, url, current, went_back=went_back)
        if target is None:
            return False
        # The start page belongs to step 1, but a visitor who has not pressed Start yet
        # is still reading what they need: stay there until the browser moves further.
        if self.page.kind is PageKind.NEEDS and target == 0:
            return False
        return self.go_to_step(target)
