"""The composition root's part for the statistics (issue 16): the anonymous counts kept
while a visitor is there, the "Did you get it done?" question at "End session", and the
uploader that sends each finished day to the help desk. Wiring only, like kiosk/app.py.

What the kiosk does feeds the recorder here: a guide's pages, the "Did you see it?"
checks on the guide panel, a call for help. The session's start and end are counted by
kiosk/app.py, which knows why a session ended. This part is also the "stats" visitor
part: the wipe folds the session into the day's counters and forgets it.

It is handed the few things it needs rather than the whole kiosk, so it does not import
kiosk/app.py, not even for its types.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from kiosk.guides.model import Library
from kiosk.guides.progress import GuideProgress, PageKind
from kiosk.helpdesk.status import Phase, VisitorStatus
from kiosk.stats.events import EndReason, GuideCatalogue, Outcome
from kiosk.stats.qt.outcome import OutcomeQuestion
from kiosk.stats.recorder import SessionStats
from kiosk.stats.store import StatsStore

if TYPE_CHECKING:
    from kiosk.config import StatsSection
    from kiosk.helpdesk.qt.helpdesk import HelpDesk
    from kiosk.session.session import Session
    from kiosk.shell.main_window import MainWindow
    from kiosk.stats.uploader import StatsUploader


def catalogue(library: Library) -> GuideCatalogue:
    """The guides the statistics count: those shown now."""
    return GuideCatalogue(guide.id for guide in library.guides)


class VisitStats(QObject):
    """The statistics of one kiosk. A QObject, a child of the kiosk: what it answers
    runs on the GUI thread, as the kiosk's own slots do."""

    def __init__(
        self,
        settings: StatsSection,
        library: Library,
        window: MainWindow,
        helpdesk: HelpDesk,
        *,
        helpdesk_url: str,
        session: Callable[[], Session],
        end_session: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session  # the current visitor's (a new one after every wipe)
        self._end_session = end_session
        self.store = StatsStore()
        self.recorder = SessionStats(self.store, catalogue(library), enabled=settings.enabled)
        self.recorder.recover()
        self.outcome_question: OutcomeQuestion | None = None
        if settings.enabled and settings.outcome_question:
            self.outcome_question = OutcomeQuestion(window.root)
            self.outcome_question.answered.connect(self._on_outcome_answered)
            self.outcome_question.skipped.connect(end_session)
        window.service.guide_panel.check_answered.connect(self._on_check_answered)
        helpdesk.status_changed.connect(self._on_help_status)
        # Finished days go to the help desk, when there is one.
        self.uploader: StatsUploader | None = None
        if settings.enabled and helpdesk_url:
            from kiosk.stats.uploader import StatsUploader  # noqa: PLC0415 - needs the client

            self.uploader = StatsUploader(helpdesk_url, self.store)
            self.uploader.start()

    def show_guides(self, library: Library) -> None:
        """Other guides on the tiles: counted from the next visitor on."""
        self.recorder.catalogue = catalogue(library)

    def ask_outcome(self) -> bool:
        """The visitor confirmed "End session": ask "Did you get it done?" if it is asked
        and a session is being counted (its answer, or Skip, ends the session). False:
        not asked, the session is to end now."""
        if self.outcome_question is None or not self.recorder.active:
            return False
        self.outcome_question.popup()
        return True

    def count_page(self, progress: GuideProgress) -> None:
        """The guide panel shows another page of the guide (a step, or its end)."""
        last_step = progress.step_index is not None and progress.step_index + 1 == len(
            progress.guide.steps
        )
        at_end = progress.page.kind is PageKind.DONE or (progress.guide.done is None and last_step)
        self.recorder.page_shown(progress.guide.id, progress.step_index, finished=at_end)

    def _on_outcome_answered(self, outcome: Outcome) -> None:
        self.recorder.outcome_answered(outcome)
        self._end_session()

    def _on_check_answered(self, step_index: int, seen: bool) -> None:
        progress = self._session().guide_progress
        if progress is not None:
            self.recorder.check_answered(progress.guide.id, step_index, seen)

    def _on_help_status(self, status: VisitorStatus | None) -> None:
        if status is not None and status.phase is Phase.SENDING and status.topic is not None:
            self.recorder.help_requested(status.topic)

    # -- the visitor part ---------------------------------------------------------------
    def reset_for_next_visitor(self) -> None:
        if self.outcome_question is not None:
            self.outcome_question.reset_for_next_visitor()
        self.recorder.reset()

    def leftovers(self) -> list[str]:
        found = self.recorder.verify()
        if self.outcome_question is not None:
            found += self.outcome_question.leftovers()
        return found

    def shutdown(self) -> None:
        """The kiosk closes: a session going on is counted as ended by the closing."""
        if self.recorder.active:
            language = self._session().preferences.choices.language
            self.recorder.session_ended(EndReason.CLOSING, language)
        self.recorder.reset()
        if self.uploader is not None:
            self.uploader.stop()
        self.store.close()
