"""Guide packs between visitors: the Qt side of :mod:`kiosk.guides.updater`.

The kiosk asks the help desk for a newer pack every ``guides.update_check_s`` seconds and
once after each wipe, but only while the attract screen shows (nobody uses the kiosk).
The download and the checks run on a thread of their own, so the screen never waits for
them; the switch runs on the GUI thread, and only while the attract screen still shows: a
visitor who sat down meanwhile keeps the tiles they have until they leave. A visitor in
the middle of a guide is never disturbed.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.guides.installed import Staged
from kiosk.guides.model import Library
from kiosk.guides.updater import Updater

log = logging.getLogger("kiosk.guides")

#: The first check after start: the kiosk (and an embedded help desk) are up by then.
FIRST_CHECK_S = 20
#: After a wipe, a check only if the last one is at least this old.
MIN_GAP_S = 60.0

ShowGuides = Callable[[Library, "str | None"], None]


class GuidePackUpdates(QObject):
    """Fetches newer guide packs while nobody uses the kiosk, and switches to them.

    Signals:
        checked(): a check ended (whatever came of it).
        switched(object): the version now shown (None: the shipped guides), after a
            switch or a fall-back.
    """

    checked = Signal()
    switched = Signal(object)
    _fetched = Signal(object)  # from the fetching thread: a Staged or None

    def __init__(
        self,
        updater: Updater,
        between_visitors: Callable[[], bool],
        show: ShowGuides,
        interval_s: int,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.updater = updater
        self._between_visitors = between_visitors
        self._show = show
        self._timer = QTimer(self)
        self._timer.setInterval(interval_s * 1000)
        self._timer.timeout.connect(self.check_now)
        self._thread: threading.Thread | None = None
        self._staged: Staged | None = None
        self._last_check = float("-inf")
        self._closed = False
        self._fetched.connect(self._on_fetched)

    def start(self, first_check_s: float = FIRST_CHECK_S) -> None:
        if self.updater.source is None:
            return  # no help desk: the installed packs stay as they are
        self._timer.start()
        QTimer.singleShot(int(first_check_s * 1000), self.check_now)

    @property
    def busy(self) -> bool:
        return self._thread is not None

    @property
    def waiting(self) -> Staged | None:
        """A pack checked and unpacked, waiting for the visitor to leave."""
        return self._staged

    def check_now(self) -> bool:
        """Ask the help desk now, if nobody uses the kiosk. False: not now."""
        if self._closed or self.updater.source is None or self.busy:
            return False
        if self._staged is not None:
            self._switch_if_free()
            return False
        if not self._between_visitors():
            return False
        self._last_check = time.monotonic()
        self._thread = threading.Thread(target=self._fetch, name="guide-packs", daemon=True)
        self._thread.start()
        return True

    def visitor_left(self) -> None:
        """The attract screen shows again: switch to a waiting pack, or ask for one."""
        if self._staged is not None:
            self._switch_if_free()
        elif time.monotonic() - self._last_check >= MIN_GAP_S:
            self.check_now()

    def shutdown(self) -> None:
        self._closed = True
        self._timer.stop()
        thread = self._thread
        if thread is not None:
            thread.join(2.0)  # a download in progress is cleaned up at the next start
        if self._staged is not None:
            self.updater.discard(self._staged)
            self._staged = None

    # -- the thread --------------------------------------------------------------------------
    def _fetch(self) -> None:
        staged = self.updater.fetch()  # never raises
        self._fetched.emit(staged)

    def _on_fetched(self, staged: Staged | None) -> None:
        if self._thread is not None:
            self._thread.join()
        self._thread = None
        if self._closed:
            if staged is not None:
                self.updater.discard(staged)
            return
        if staged is not None:
            self._staged = staged
            self._switch_if_free()
        self.checked.emit()

    def _switch_if_free(self) -> None:
        staged = self._staged
        if staged is None:
            return
        if not self._between_visitors():
            log.info("guide packs: pack %s waits until the visitor has left", staged.version)
            return
        self._staged = None
        shown: list[str | None] = []

        def show(library: Library, version: str | None) -> None:
            self._show(library, version)
            shown.append(version)

        if self.updater.activate(staged, show):
            # Tell the help desk at once which pack this kiosk shows now (a small request
            # that downloads nothing, so a visitor who sits down meanwhile notices nothing).
            threading.Thread(
                target=self.updater.report, name="guide-packs-report", daemon=True
            ).start()
        if shown:
            self.switched.emit(shown[-1])
