"""``SessionStats``: what the kiosk tells the statistics while a visitor is there.

The composition root calls it as things happen (a session starts, a guide opens, a step
is reached, help is asked for, the session ends); it turns each into an event of the
closed set in :mod:`kiosk.stats.events` and keeps it in the session's journal. It is the
visitor part ``stats``: the wipe's ``reset()`` folds the session into the day's counters
and forgets it, ``verify()`` says if anything of the session is still kept.

Counting never stops the kiosk: a failure is logged (without content) and the session's
events are dropped rather than kept. Pure Python, with injected clocks: no Qt.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable
from datetime import date, datetime

from kiosk.helpdesk.model import Topic
from kiosk.stats.events import (
    CheckAnswer,
    CheckAnswered,
    Duration,
    EndReason,
    Event,
    ForbiddenValueError,
    GuideCatalogue,
    GuideFinished,
    GuideOpened,
    GuideRef,
    HelpRequested,
    Hour,
    Outcome,
    OutcomeAnswered,
    ScreenLanguage,
    SessionEnded,
    SessionStarted,
    Step,
    StepReached,
)
from kiosk.stats.store import StatsStore

log = logging.getLogger("kiosk.stats")


class SessionStats:
    """The statistics of the session going on now.

    ``now`` gives the kiosk's local time (for the day and the hour a session starts),
    ``monotonic`` the seconds for its duration.
    """

    def __init__(
        self,
        store: StatsStore,
        catalogue: GuideCatalogue,
        *,
        now: Callable[[], datetime] = datetime.now,
        monotonic: Callable[[], float] = time.monotonic,
        enabled: bool = True,
    ) -> None:
        self.store = store
        self.catalogue = catalogue
        self.enabled = enabled
        self._now = now
        self._monotonic = monotonic
        self._day: date | None = None
        self._started_at: float | None = None
        self._ended = False
        self._furthest: dict[GuideRef, int] = {}
        self._finished: set[GuideRef] = set()
        for refused in catalogue.refused:
            log.warning("guide %r is not counted: its id is not one the statistics accept", refused)

    @property
    def active(self) -> bool:
        """A session is being counted."""
        return self._started_at is not None and not self._ended

    # -- what happens ---------------------------------------------------------------------
    def session_started(self) -> None:
        """A visitor touched the start screen (later calls in the same session do nothing)."""
        if not self.enabled or self._started_at is not None:
            return
        now = self._now()
        self._day = now.date()
        self._started_at = self._monotonic()
        self._ended = False
        self._record(SessionStarted(Hour(now.hour)))

    def guide_opened(self, guide_id: str) -> None:
        if (guide := self._guide(guide_id)) is not None:
            self._record(GuideOpened(guide))

    def page_shown(self, guide_id: str, step_index: int | None, *, finished: bool) -> None:
        """The guide beside the browser shows a page: step ``step_index`` (from 0) or
        another page; ``finished``: the page is the guide's end (its "what happens next"
        page, or its last step if it has none). The first time a step further than any
        before is shown, and the first time the end is reached, count."""
        guide = self._guide(guide_id)
        if guide is None:
            return
        if step_index is not None and step_index + 1 > self._furthest.get(guide, 0):
            self._furthest[guide] = step_index + 1
            self._record(StepReached(guide, Step(step_index + 1)))
        if finished and guide not in self._finished:
            self._finished.add(guide)
            self._record(GuideFinished(guide))

    def check_answered(self, guide_id: str, step_index: int, seen: bool) -> None:
        if (guide := self._guide(guide_id)) is not None:
            answer = CheckAnswer.YES if seen else CheckAnswer.NO
            self._record(CheckAnswered(guide, Step(step_index + 1), answer))

    def help_requested(self, topic: Topic) -> None:
        if isinstance(topic, Topic):
            self._record(HelpRequested(topic))

    def outcome_answered(self, outcome: Outcome) -> None:
        self._record(OutcomeAnswered(outcome))

    def session_ended(self, reason: EndReason, language: str, away_s: float = 0.0) -> None:
        """The session ends (before the wipe). ``away_s``: how long nobody was there at
        the end (the idle time), not counted in its duration."""
        if not self.active or self._started_at is None:
            return
        seconds = self._monotonic() - self._started_at - max(0.0, away_s)
        try:
            screen = ScreenLanguage(language)
        except ValueError:
            screen = ScreenLanguage.FI
            log.warning("a session's language is not a screen language; counted as Finnish")
        self._record(SessionEnded(reason, Duration.of_seconds(seconds), screen))
        self._ended = True

    # -- the visitor part ------------------------------------------------------------------
    def reset(self) -> None:
        """Fold the session into its day's counters and forget it."""
        self._day = None
        self._started_at = None
        self._ended = False
        self._furthest.clear()
        self._finished.clear()
        try:
            self.store.fold_journal()
        except sqlite3.Error as exc:
            log.error("could not count the session (%s); its events are dropped", exc)
            try:
                self.store.discard_journal()
            except sqlite3.Error:
                log.exception("could not drop the session's statistics events")

    def verify(self) -> list[str]:
        found = []
        try:
            if self.store.journal_size():
                found.append("the session's statistics events are still kept")
        except sqlite3.Error as exc:
            found.append(f"the statistics file cannot be read ({type(exc).__name__})")
        if self._started_at is not None or self._furthest or self._finished:
            found.append("the statistics still follow the last visitor's session")
        return found

    def recover(self) -> None:
        """At start-up: fold what a session cut short (power cut, crash) left behind."""
        try:
            if self.store.journal_size():
                self.store.fold_journal()
                log.info("counted a session the kiosk's stop had cut short")
        except sqlite3.Error as exc:
            log.error("could not count a session cut short (%s)", exc)

    # -- inside ----------------------------------------------------------------------------
    def _guide(self, guide_id: str) -> GuideRef | None:
        if not self.active:
            return None
        return self.catalogue.ref(guide_id)

    def _record(self, event: Event) -> None:
        if not self.enabled or self._day is None:
            return
        try:
            self.store.append(self._day, event)
        except (sqlite3.Error, ForbiddenValueError) as exc:
            log.error("could not keep a statistics event (%s)", type(exc).__name__)
