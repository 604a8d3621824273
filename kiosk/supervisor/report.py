"""Telling the help desk that the kiosk is out of order, and when it is in order again.

The supervisor runs when the kiosk does not, so it sends the kiosk's heartbeat itself
while the kiosk is out of order (the staff page's Kiosks view then says "out of order",
not "offline"), with the kiosk's own device token over the standard library's HTTP. One
background thread; the supervisor never waits for the network.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from kiosk import __version__
from kiosk.helpdesk import client as helpdesk_client
from kiosk.helpdesk.connection import Http, TransportError

log = logging.getLogger("kiosk.supervisor")

HEARTBEAT_PATH = "/api/v1/kiosk/heartbeat"


class HelpdeskReporter:
    """``out_of_order(reason)`` / ``in_order()`` from the supervisor; the thread delivers
    the latest state, again every ``every_s`` while out of order, and retries failures."""

    def __init__(
        self,
        url: str,
        *,
        token: Callable[[], str | None] | None = None,
        certificate: Callable[[], str | None] | None = None,
        every_s: float = 60.0,
        retry_s: float = 10.0,
        timeout_s: float = 10.0,
    ) -> None:
        self.url = url.rstrip("/")
        self._token = token or (lambda: helpdesk_client.stored_token(self.url))
        self._certificate = certificate or (lambda: helpdesk_client.stored_certificate(self.url))
        self.every_s = every_s
        self.retry_s = retry_s
        self.timeout_s = timeout_s
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._state: tuple[bool, str] | None = None  # (out of order, reason) to deliver
        self._delivered: tuple[bool, str] | None = None
        self._thread: threading.Thread | None = None
        #: Reports the help desk accepted (for the supervisor's log and tests).
        self.sent = 0

    def out_of_order(self, reason: str) -> None:
        self._set((True, reason))

    def in_order(self) -> None:
        self._set((False, ""))

    def _set(self, state: tuple[bool, str]) -> None:
        with self._lock:
            self._state = state
        if self._thread is None:
            self._thread = threading.Thread(target=self._loop, name="helpdesk-report", daemon=True)
            self._thread.start()
        self._wake.set()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def _loop(self) -> None:
        while not self._stop.is_set():
            with self._lock:
                state = self._state
            wait: float | None = None
            if state is not None:
                if self._send(state):
                    self._delivered = state
                    # Out of order: say so again now and then; in order: once is enough.
                    wait = self.every_s if state[0] else None
                else:
                    wait = self.retry_s
            self._wake.wait(wait)
            self._wake.clear()

    def _send(self, state: tuple[bool, str]) -> bool:
        out_of_order, reason = state
        try:
            token, pin = self._token(), self._certificate()
        except Exception as exc:  # the secret store: plain message, try again later
            log.warning("cannot read the device token to tell the help desk: %s", exc)
            return False
        if not token:
            log.info("not paired with a help desk: nobody is told that the kiosk is %s",
                     "out of order" if out_of_order else "in order")  # fmt: skip
            return True  # nothing to deliver to, and nothing that would change that
        body = {
            "version": __version__,
            "out_of_order": out_of_order,
            "out_of_order_reason": reason[:200],
        }
        try:
            with Http(
                self.url,
                timeout=self.timeout_s,
                pin=pin,
                headers={"Authorization": f"Bearer {token}"},
            ) as http:
                response = http.post(HEARTBEAT_PATH, body)
        except (TransportError, ValueError) as exc:
            kind = exc.kind if isinstance(exc, TransportError) else "BadAddress"
            log.info("could not tell the help desk (%s); will try again", kind)
            return False
        if response.status >= 500:
            log.info("the help desk answered %s; will try again", response.status)
            return False
        if response.status >= 400:
            log.warning("the help desk refused the report (%s)", response.status)
            return True  # will not get better by repeating it
        self.sent += 1
        log.info("told the help desk: %s", "out of order" if out_of_order else "in order again")
        return True
