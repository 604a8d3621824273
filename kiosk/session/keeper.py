"""``SessionKeeper``: runs the visitor's session from the first touch to the verified wipe.

It feeds the pure ``Lifecycle`` with input (an application-wide event filter) and timer
ticks, keeps the current ``Session`` and a fresh one prepared for the next visitor, and
performs the wipe: destroy everything the session owns, reset the shell, then *check*
that nothing is left and record an anonymous receipt. A failed check is an error: the
kiosk must restart rather than serve the next visitor.
"""

from __future__ import annotations

import logging
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
from kiosk.session.lifecycle import DEFAULT_HELP_WAIT_S, Clock, Lifecycle, State
from kiosk.session.parts import Part, VisitorParts
from kiosk.session.receipts import ReceiptLog, WipeReceipt
from kiosk.session.session import Session

log = logging.getLogger("kiosk.session")

TICK_MS = 250
#: The first visitor's browser and the next visitor's session are made this long after
#: start-up (while the attract screen waits), not before the first screen answers; a
#: visitor who comes sooner has the browser made at their first tile.
PREPARE_AFTER_START_MS = 1000


class SessionKeeper(QObject):
    """Signals:
    state_changed(object): the lifecycle's new ``State``.
    countdown(int): seconds left in the idle warning, every tick while it shows.
    session_replaced(object): the new ``Session`` after a wipe.
    wipe_finished(object): the ``WipeReceipt`` of every wipe.
    wipe_failed(object): the ``WipeReceipt`` of a wipe whose checks did not all pass.
    """

    state_changed = Signal(object)
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
        *,
        help_wait_s: float = DEFAULT_HELP_WAIT_S,
    ) -> None:
        super().__init__()
        self._make_session = make_session
        self._shell = shell
        self.current = make_session()
        self._next: Session | None = None
        self.lifecycle = Lifecycle(clock, idle_timeout_s, warning_s, help_wait_s)
        self.lifecycle.on_change(self._on_state)
        self.receipts = ReceiptLog(paths.data_dir())
        #: Everything that holds something of a visitor (the wipe resets and checks each).
        self.parts = VisitorParts()
        #: The session being wiped, while the wipe runs (the engine parts check it).
        self._leaving: Session | None = None
        #: Child processes besides the browser engine's that may outlive a session: by
        #: name, and by the process id a companion (the speech engine) has right now.
        self.allowed_processes: set[str] = set()
        self.companion_pids: list[Callable[[], int | None]] = []
        self._register_engine_parts()
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
        self._first_prepare = QTimer(self)
        self._first_prepare.setSingleShot(True)
        self._first_prepare.setInterval(PREPARE_AFTER_START_MS)
        self._first_prepare.timeout.connect(self._make_ready)
        self._first_prepare.start()

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

    def back_to_page(self) -> None:
        """ "Back to my page" on the help-is-coming screen."""
        self.lifecycle.resume()

    def set_help_pending(self, pending: bool) -> None:
        """The visitor's help request is open (or not): no idle wipe while help comes."""
        self.lifecycle.set_help_pending(pending)

    def end_session(self) -> bool:
        """The visitor confirmed "End session". True if a wipe ran."""
        return self.lifecycle.end()

    def _on_state(self, old: State, new: State, reason: str) -> None:
        log.info("session %s -> %s (%s)", old.value, new.value, reason)
        self.state_changed.emit(new)
        if new is State.WARNING:
            self.countdown.emit(self.lifecycle.seconds_left)
        if new is State.WIPING:
            self._wipe(reason)

    # -- the wipe ------------------------------------------------------------------------
    def _register_engine_parts(self) -> None:
        """The parts the keeper owns itself: they go last, after the shell has let go of
        the visitor's views (pages are deleted before their profile)."""
        register = self.parts.register
        register("windows", Part(self._close_windows, self._window_leftovers), last=True)
        register("clipboard", Part(self._clear_clipboard, self._clipboard_leftovers), last=True)
        # After the shell and its rooms have let go of the visitor's pictures.
        register("picture-cache", wipe.PictureCache(), last=True)
        register("browser", Part(self._close_leaving_browser, self._browser_leftovers), last=True)
        register(
            "session-folder", Part(self._remove_leaving_folder, self._folder_leftovers), last=True
        )
        register("processes", Part(self._end_stray_processes, self._stray_processes), last=True)

    def _close_windows(self) -> None:
        wipe.close_extra_windows(self._shell)

    def _window_leftovers(self) -> list[str]:
        return [
            f"a window is still open: {type(w).__name__}" for w in wipe.extra_windows(self._shell)
        ]

    def _clear_clipboard(self) -> None:
        wipe.clear_clipboard(QApplication.clipboard())

    def _clipboard_leftovers(self) -> list[str]:
        return [] if wipe.clipboard_is_empty(QApplication.clipboard()) else ["it holds data"]

    @property
    def _visitors_session(self) -> Session:
        """The session a part's reset or check is about: the one being wiped, else the
        current one."""
        return self._leaving if self._leaving is not None else self.current

    def _close_leaving_browser(self) -> None:
        self._visitors_session.close()
        # Pages and views go first, then the profile (deferred deletes run in order).
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    def _browser_leftovers(self) -> list[str]:
        leaving = self._visitors_session
        browser = leaving.browser_made  # a session whose browser was never made has none
        found = []
        if browser is not None and not wipe.object_is_released(browser.profile):
            found.append("the browser profile still exists")
        if browser is not None and browser.views:
            found.append(f"{len(browser.views)} browser view(s) still exist")
        if leaving.guide_progress is not None:
            found.append("the guide progress is still kept")
        return found

    def _remove_leaving_folder(self) -> None:
        # After the browser part: the engine has stopped writing into it by then.
        self._visitors_session.remove_folder()

    def _folder_leftovers(self) -> list[str]:
        if wipe.folder_is_gone(self._visitors_session.folder):
            return []
        return ["the session folder still exists"]

    def _companions(self) -> tuple[frozenset[str], frozenset[int]]:
        pids = (companion() for companion in self.companion_pids)
        return frozenset(self.allowed_processes), frozenset(pid for pid in pids if pid)

    def _end_stray_processes(self) -> None:
        # A program a page managed to start ends with the visitor's session.
        wipe.end_unexpected_child_processes(*self._companions())

    def _stray_processes(self) -> list[str]:
        names = wipe.unexpected_child_processes(*self._companions())
        return [f"a process outlived the session: {name}" for name in names]

    def _wipe(self, reason: str) -> None:
        started = time.perf_counter()
        self._leaving = self.current
        reset_failures = self.parts.reset_all()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

        self.current = self._next or self._make_session()
        self._next = None
        self.session_replaced.emit(self.current)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

        leftovers = self.parts.verify_all()
        for name, kind in reset_failures.items():
            # A part whose reset broke off is in no known state, whatever its check says.
            leftovers[name] = [*leftovers.get(name, []), f"its reset failed ({kind})"]
        for name, found in leftovers.items():
            if found:
                log.error("after the wipe, %s: %s", name, "; ".join(found))
        self._leaving = None
        receipt = WipeReceipt(
            finished_at=datetime.now(UTC).replace(microsecond=0).isoformat(),
            duration_s=round(time.perf_counter() - started, 4),
            reason=reason,
            checks={name: not found for name, found in leftovers.items()},
        )
        self.receipts.add(receipt)
        self.lifecycle.wipe_done()
        self.wipe_finished.emit(receipt)
        if not receipt.ok:
            self.wipe_failed.emit(receipt)
        # Fast hand-over: the next visitor's session is made while nobody waits for it.
        QTimer.singleShot(0, self._make_ready)

    @property
    def prepared(self) -> Session | None:
        """The session made ready for the next visitor, if it is ready yet."""
        return self._next

    def forget_prepared(self) -> None:
        """Settings changed (the default language): the next visitor's session is made
        again, with them, at the next wipe."""
        prepared, self._next = self._next, None
        if prepared is not None:
            prepared.close()
            prepared.remove_folder()

    def _make_ready(self) -> None:
        # The current visitor's browser (the first screen is shown without one; a wipe
        # with no session prepared makes a session without one), then the next session.
        # Not after shutdown: a wipe's deferred call may still come.
        if not self._timer.isActive():
            return
        _ = self.current.browser
        self._prepare_next()

    def _prepare_next(self) -> None:
        if self._next is None and self.lifecycle.state is State.ATTRACT:
            session = self._make_session()
            _ = session.browser  # the hand-over must not wait for it
            self._next = session

    def shutdown(self) -> None:
        self._timer.stop()
        self._first_prepare.stop()
        for window in self._watched:
            if shiboken6.isValid(window):
                window.removeEventFilter(self._watcher)
        self._watched.clear()
        for session in (self.current, self._next):
            if session is not None:
                session.close()
                session.remove_folder()
        self._next = None
