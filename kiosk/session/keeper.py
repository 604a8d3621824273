"""``SessionKeeper``: runs the visitor's session from the first touch to the verified wipe.

It feeds the pure ``Lifecycle`` with input (an application-wide event filter) and timer
ticks, keeps the current ``Session`` and a fresh one prepared for the next visitor, and
performs the wipe: destroy everything the session owns, reset the shell, then *check*
that nothing is left and record an anonymous receipt. A failed check is an error: the
kiosk must restart rather than serve the next visitor.
"""

from __future__ import annotations

import logging
import shutil
import time
from collections.abc import Callable
from datetime import UTC, datetime

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QWindow
from PySide6.QtWidgets import QApplication, QWidget

from kiosk import paths
from kiosk.session import wipe
from kiosk.session.idle import InputWatcher
from kiosk.session.lifecycle import Clock, Lifecycle, State
from kiosk.session.receipts import ReceiptLog, WipeReceipt
from kiosk.session.session import Session

log = logging.getLogger("kiosk.session")

TICK_MS = 250


class SessionKeeper(QObject):
    """Signals:
    state_changed(str): the lifecycle's new state ("attract", "active", "warning", "wiping").
    countdown(int): seconds left in the idle warning, every tick while it shows.
    session_replaced(object): the new ``Session`` after a wipe.
    wipe_finished(object): the ``WipeReceipt`` of every wipe.
    wipe_failed(object): the ``WipeReceipt`` of a wipe whose checks did not all pass.
    """

    state_changed = Signal(str)
    countdown = Signal(int)
    session_replaced = Signal(object)
    wipe_finished = Signal(object)
    wipe_failed = Signal(object)

    def __init__(
        self,
        make_session: Callable[[], Session],
        shell: QWidget,
        idle_timeout_s: float,
        warning_s: float,
        clock: Clock = time.monotonic,
    ) -> None:
        super().__init__()
        self._make_session = make_session
        self._shell = shell
        self.current = make_session()
        self._next: Session | None = None
        self.lifecycle = Lifecycle(clock, idle_timeout_s, warning_s)
        self.lifecycle.on_change(self._on_state)
        self.receipts = ReceiptLog(paths.data_dir())
        #: Run first in every wipe: close the service, cancel a help request, stop speech.
        self.wipe_hooks: list[Callable[[], None]] = []
        #: Child processes besides the browser engine's that may outlive a session: by
        #: name, and by the process id a companion (the speech engine) has right now.
        self.allowed_processes: set[str] = set()
        self.companion_pids: list[Callable[[], int | None]] = []
        self._watcher = InputWatcher(self._on_input)
        # WORKAROUND (PySide6 6.12): a Python event filter on the whole QApplication
        # crashes when QtWebEngine creates its widgets. Every input event of a window
        # passes its QWindow first, so a filter there sees input anywhere in that window,
        # the web view included.
        # Dialogs are windows of their own: every tick, new windows are watched too.
        shell.winId()  # makes the native window, so that windowHandle() exists
        self._watched: list[QWindow] = []
        self._watch_windows()
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._on_tick)
        self._timer.start()
        QTimer.singleShot(0, self._prepare_next)

    # -- input and time ----------------------------------------------------------------
    def _on_input(self, deliberate: bool) -> None:
        # Input seen on its way to a widget keeps a visit alive but never starts one:
        # switching screens now would hand this very touch to a tile underneath. The
        # attract screen starts the visit itself, when the touch is over.
        self.lifecycle.input(starts_session=False)

    def _watch_windows(self) -> None:
        self._watched = [w for w in self._watched if shiboken6.isValid(w)]
        for window in QGuiApplication.topLevelWindows():
            if window not in self._watched:
                window.installEventFilter(self._watcher)
                self._watched.append(window)

    def _on_tick(self) -> None:
        self._watch_windows()
        self.lifecycle.tick()
        if self.lifecycle.state is State.WARNING:
            self.countdown.emit(self.lifecycle.seconds_left)

    def start_visit(self) -> None:
        """The attract screen was touched."""
        self.lifecycle.input()

    def keep_going(self) -> None:
        """ "Continue" in the idle warning."""
        self.lifecycle.input()

    def end_session(self) -> bool:
        """The visitor confirmed "End session". True if a wipe ran."""
        return self.lifecycle.end()

    def _on_state(self, old: State, new: State, reason: str) -> None:
        log.info("session %s -> %s (%s)", old.value, new.value, reason)
        self.state_changed.emit(new.value)
        if new is State.WARNING:
            self.countdown.emit(self.lifecycle.seconds_left)
        if new is State.WIPING:
            self._wipe(reason)

    # -- the wipe ------------------------------------------------------------------------
    def _wipe(self, reason: str) -> None:
        started = time.perf_counter()
        old = self.current
        profile = old.browser.profile
        folder = old.folder
        clipboard = QApplication.clipboard()

        for hook in list(self.wipe_hooks):
            try:
                hook()
            except Exception:  # one failing part must not stop the rest of the wipe
                log.exception("a wipe step failed")
        wipe.close_extra_windows(self._shell)
        wipe.clear_clipboard(clipboard)
        old.close()
        # Pages and views go first, then the profile (deferred deletes run in order).
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        # The engine may have finished writing a file after the first removal.
        shutil.rmtree(folder, ignore_errors=True)

        self.current = self._next or self._make_session()
        self._next = None
        self.session_replaced.emit(self.current)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

        checks = {
            "session_folder_removed": wipe.folder_is_gone(folder),
            "clipboard_empty": wipe.clipboard_is_empty(clipboard),
            "no_extra_windows": not wipe.extra_windows(self._shell),
            "no_stray_processes": not wipe.unexpected_child_processes(
                frozenset(self.allowed_processes),
                frozenset(pid for pid in (companion() for companion in self.companion_pids) if pid),
            ),
            "browser_profile_released": wipe.object_is_released(profile),
            "choices_reset": self.current.preferences.choices == self.current.preferences.defaults,
            "guide_progress_reset": self.current.guide_progress is None,
        }
        receipt = WipeReceipt(
            finished_at=datetime.now(UTC).replace(microsecond=0).isoformat(),
            duration_s=round(time.perf_counter() - started, 4),
            reason=reason,
            checks=checks,
        )
        self.receipts.add(receipt)
        self.lifecycle.wipe_done()
        self.wipe_finished.emit(receipt)
        if not receipt.ok:
            log.error("wipe checks failed: %s", ", ".join(receipt.failed))
            self.wipe_failed.emit(receipt)
        # Fast hand-over: the next visitor's session is made while nobody waits for it.
        QTimer.singleShot(0, self._prepare_next)

    @property
    def prepared(self) -> Session | None:
        """The session made ready for the next visitor, if it is ready yet."""
        return self._next

    def _prepare_next(self) -> None:
        if self._next is None and self.lifecycle.state is State.ATTRACT:
            self._next = self._make_session()

    def shutdown(self) -> None:
        self._timer.stop()
        for window in self._watched:
            if shiboken6.isValid(window):
                window.removeEventFilter(self._watcher)
        self._watched.clear()
        for session in (self.current, self._next):
            if session is not None:
                session.close()
        self._next = None
