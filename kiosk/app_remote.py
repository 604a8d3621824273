"""The composition root's part for remote commands from the staff page: the poller's
commands carried out on the GUI thread, between visitors at once, during a visit after a
visible 10-second notice; the out-of-order screen that staff turn on and off; and the
heartbeat's health figures. Wiring only, like kiosk/app.py.
"""

from __future__ import annotations

import json
import logging
from collections import deque
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk import exit_codes, paths
from kiosk.helpdesk import commands
from kiosk.helpdesk.commands import Kind, State
from kiosk.session.lifecycle import State as Visit
from kiosk.shell.staff_notice import CLOSE, END_SESSION, RESTART, StaffNotice

if TYPE_CHECKING:
    from kiosk.admin.qt.out_of_order import OutOfOrderOverlay
    from kiosk.app import KioskApp
    from kiosk.helpdesk.remote import CommandPoller, Order

log = logging.getLogger("kiosk.app")

OUT_OF_ORDER_FILE = "out-of-order.json"
#: How often the heartbeat's figures are gathered (on the GUI thread; sent by the client).
FIGURES_MS = 30_000
_NOTICE = {
    Kind.RESTART: RESTART,
    Kind.REBOOT: RESTART,
    Kind.WIPE: END_SESSION,
    Kind.OUT_OF_ORDER_ON: CLOSE,
}


class RemoteCommands(QObject):
    """Signals: finished(int, str): a command's id and its state ("done", "failed")."""

    finished = Signal(int, str)
    _arrived = Signal(object)  # from the poller's thread to the GUI thread

    def __init__(self, kiosk: KioskApp, url: str | None) -> None:
        super().__init__(kiosk)
        self.kiosk = kiosk
        self.notice_s = commands.NOTICE_S
        self.notice = StaffNotice(kiosk.window.root)
        self._out_of_order: OutOfOrderOverlay | None = None
        self._queue: deque[Order] = deque()
        self.current: Order | None = None
        self.left = 0
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.tick)
        self._arrived.connect(self._on_arrived)
        self.poller: CommandPoller | None = None
        if url:
            # Only a kiosk with a help desk loads its client (not the first screen's cost).
            from kiosk.helpdesk.remote import CommandPoller  # noqa: PLC0415

            self.poller = CommandPoller(url, self._arrived.emit)
        self._figures: dict[str, Any] = {}
        self._figures_timer = QTimer(self)
        self._figures_timer.setInterval(FIGURES_MS)
        self._figures_timer.timeout.connect(self.gather_figures)
        if self._flag().exists():
            self._show_out_of_order(True)

    def start(self) -> None:
        client = self.kiosk.helpdesk.client
        if client is not None:
            client.heartbeat_extra = lambda: dict(self._figures)
            self.gather_figures()
            client.heartbeat_now()
            self._figures_timer.start()
        if self.poller is not None:
            self.poller.start()

    def stop(self) -> None:
        self._figures_timer.stop()
        self._timer.stop()
        if self.poller is not None:
            self.poller.stop()

    # -- figures for the heartbeat -------------------------------------------------------
    def gather_figures(self) -> None:
        try:
            self._figures = self.kiosk.admin_host.health().summary()
        except Exception:  # figures are a nicety; the heartbeat goes without them
            log.exception("could not gather the health figures")

    # -- commands ------------------------------------------------------------------------
    def _on_arrived(self, order: Order) -> None:
        self._queue.append(order)
        self._next()

    def _visitor_present(self) -> bool:
        state = self.kiosk.keeper.lifecycle.state
        return state in (Visit.ACTIVE, Visit.WARNING) or self.kiosk.admin.is_open

    def _next(self) -> None:
        if self.current is not None or not self._queue:
            return
        order = self.current = self._queue.popleft()
        what = _NOTICE.get(order.kind)
        if what is not None and self._visitor_present():
            log.info("remote command %d: a visitor is told first", order.id)
            self.left = self.notice_s
            self.notice.show_notice(what, self.left)
            self._timer.start()
        else:
            self._run(order)

    def tick(self) -> None:
        """Every second of the notice (and from tests, without waiting)."""
        if self.current is None:
            self._timer.stop()
            return
        self.left -= 1
        if self.left > 0:
            self.notice.show_notice(self.notice.what, self.left)
            return
        self._timer.stop()
        self.notice.hide()
        self._run(self.current)

    def _run(self, order: Order) -> None:
        try:
            state, detail = self._carry_out(order)
        except Exception:
            log.exception("remote command %d failed", order.id)
            state, detail = State.FAILED, "an error in the kiosk"
        self._finish(order, state, detail)
        if order.kind is Kind.RESTART and state is State.DONE:
            # The result is kept on disk first: the restarted kiosk sends it.
            QTimer.singleShot(0, lambda: self.kiosk.qapp.exit(exit_codes.RESTART))
            return
        self.current = None
        self._next()

    def _finish(self, order: Order, state: State, detail: str) -> None:
        if self.poller is not None:
            self.poller.report(order, state, detail)
        self.finished.emit(order.id, state.value)

    def _end_visit(self) -> bool | None:
        """Wipe a session in progress: True (verified), False (failed), None (none)."""
        keeper = self.kiosk.keeper
        if keeper.lifecycle.state not in (Visit.ACTIVE, Visit.WARNING):
            return None
        if self.kiosk.admin.is_open:
            self.kiosk.admin.lock("remote")  # ends with the wipe too
        else:
            keeper.end_session()
        receipts = keeper.receipts.recent
        return bool(receipts and receipts[-1].ok)

    def _carry_out(self, order: Order) -> tuple[State, str]:
        kind = order.kind
        if kind is Kind.WIPE:
            wiped = self._end_visit()
            if wiped is None:
                return State.DONE, "no session was open"
            return (State.DONE, "the session was erased") if wiped else (
                State.FAILED, "the wipe could not be verified; the kiosk restarts"
            )  # fmt: skip
        if kind is Kind.RESTART:
            self._end_visit()
            return State.DONE, "the kiosk restarted"
        if kind is Kind.OUT_OF_ORDER_ON:
            self._end_visit()
            self._show_out_of_order(True)
            return State.DONE, "out of order"
        if kind is Kind.OUT_OF_ORDER_OFF:
            self._show_out_of_order(False)
            return State.DONE, "in use again"
        # The kiosk's user may not restart the PC (the installer's polkit rules).
        return State.FAILED, "this kiosk may not restart the computer; restart the kiosk instead"

    # -- out of order --------------------------------------------------------------------
    @property
    def out_of_order(self) -> OutOfOrderOverlay:
        """The out-of-order screen, made when staff first turn it on: the first screen
        does without its widgets (issue 14)."""
        if self._out_of_order is None:
            from kiosk.admin.qt.out_of_order import OutOfOrderOverlay  # noqa: PLC0415

            config = self.kiosk.config.kiosk
            self._out_of_order = OutOfOrderOverlay(
                tuple(config.languages), config.default_language, self.kiosk.window.root
            )
        return self._out_of_order

    def _flag(self) -> Any:
        return paths.data_dir() / OUT_OF_ORDER_FILE

    def _show_out_of_order(self, on: bool) -> None:
        self.kiosk.out_of_order_shown = on
        try:
            if on:
                self._flag().parent.mkdir(parents=True, exist_ok=True)
                self._flag().write_text(json.dumps({"out_of_order": True}), "utf-8")
            else:
                self._flag().unlink(missing_ok=True)
        except OSError as exc:
            log.warning("cannot keep the out-of-order state: %s", exc.strerror)
        if on:
            self.out_of_order.popup()
            self.kiosk.admin.pad.raise_()  # staff can still unlock over it
        elif self._out_of_order is not None:
            self._out_of_order.hide()
        log.info("out of order %s (staff page)", "on" if on else "off")
        self.gather_figures()
        client = self.kiosk.helpdesk.client
        if client is not None:
            client.heartbeat_now()  # the staff page shows it at once
