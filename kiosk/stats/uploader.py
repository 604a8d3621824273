"""Sends the daily counters to the help desk, with the kiosk's device token.

Only **finished** days are sent (yesterday and before, in the kiosk's local time): the
help desk never sees a day grow session by session, so it cannot take two uploads apart
to see one visitor's session. Each day goes as ``PUT /api/v1/kiosk/stats/days/<day>``
with its revision; the help desk keeps the newest revision of each kiosk's day and
replaces, never adds, so sending a day twice (a lost answer, a retry) counts it once.
Days wait in the statistics file while the help desk cannot be reached — for weeks if
need be — and go oldest first when it can.

HTTP with the standard library (:mod:`kiosk.helpdesk.connection`), the certificate pinned
at pairing; one background thread. Pure Python: no Qt.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from kiosk import __version__
from kiosk import secrets as secret_store
from kiosk.helpdesk.client import Backoff, retry_after, stored_certificate, stored_token
from kiosk.helpdesk.connection import Http, TransportError
from kiosk.stats.store import Day, StatsStore

log = logging.getLogger("kiosk.stats")

#: Answers that mean "this day will never be taken as it is": not sent again.
_REFUSED = frozenset({400, 403, 404, 409, 413, 422})


@dataclass
class Round:
    """What one round of uploading did."""

    sent: list[date] = field(default_factory=list)
    refused: list[date] = field(default_factory=list)
    #: Why the round stopped early ("" when every finished day went).
    stopped: str = ""
    #: Seconds the help desk asked the kiosk to wait (429/503 with Retry-After).
    retry_after: float = 0.0


class StatsUploader:
    """``today`` gives the kiosk's local date; days before it are finished."""

    def __init__(
        self,
        url: str,
        store: StatsStore,
        *,
        token: Callable[[], str | None] | None = None,
        certificate: Callable[[], str | None] | None = None,
        today: Callable[[], date] = date.today,
        interval_s: float = 900.0,
        backoff_limit: float = 3600.0,
        timeout_s: float = 15.0,
    ) -> None:
        self.url = url.rstrip("/")
        self.store = store
        self._token = token or (lambda: stored_token(self.url))
        self._certificate = certificate or (lambda: stored_certificate(self.url))
        self._today = today
        self.interval_s = interval_s
        self.backoff_limit = backoff_limit
        self.timeout_s = timeout_s
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._http: Http | None = None
        #: Days the help desk confirmed since start (for tests and the admin view).
        self.delivered = 0
        #: A plain sentence for the admin view while something needs a volunteer.
        self.problem: str | None = None

    # -- the thread -----------------------------------------------------------------------
    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._loop, name="stats-upload", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        http = self._http
        if http is not None:
            http.abort()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def upload_soon(self) -> None:
        """Try now rather than at the next interval (e.g. a new day has begun)."""
        self._wake.set()

    def _loop(self) -> None:
        backoff = Backoff(first=5.0, limit=self.backoff_limit)
        while not self._stop.is_set():
            result = self.run_once()
            if result.stopped:
                wait = max(result.retry_after, backoff.next_delay())
            else:
                backoff.reset()
                wait = self.interval_s
            self._wake.wait(wait)
            self._wake.clear()

    # -- one round ------------------------------------------------------------------------
    def run_once(self) -> Round:
        """Send every finished day the help desk has not confirmed, oldest first."""
        result = Round()
        today = self._today()
        days = [d for d in self.store.pending() if d.day < today]
        if days:
            try:
                self._send_days(days, result)
            except TransportError as exc:
                log.info("statistics not sent: the help desk cannot be reached (%s)", exc.kind)
                result.stopped = exc.kind
            finally:
                self._http = None
        self.store.prune(today)
        return result

    def _send_days(self, days: list[Day], result: Round) -> None:
        token, certificate = self._credentials()
        if token is None:
            result.stopped = "NotPaired"
            return
        with Http(
            self.url,
            timeout=self.timeout_s,
            pin=certificate,
            headers={
                "Authorization": f"Bearer {token}",
                "User-Agent": f"digituki-kiosk/{__version__}",
            },
        ) as http:
            self._http = http
            for day in days:
                if self._stop.is_set():
                    result.stopped = "Stopped"
                    return
                response = http.request(
                    "PUT",
                    f"/api/v1/kiosk/stats/days/{day.day.isoformat()}",
                    {"revision": day.revision, "counts": day.counts.to_wire()},
                )
                status = response.status
                if status == 200:
                    self.store.confirmed(day.day, day.revision)
                    self.delivered += 1
                    result.sent.append(day.day)
                    self.problem = None
                elif status in _REFUSED:
                    self.store.refused(day.day)
                    result.refused.append(day.day)
                    log.warning(
                        "the help desk refused the statistics of %s (%s): %s",
                        day.day.isoformat(),
                        status,
                        _detail(response.body),
                    )
                elif status == 401:
                    self.problem = "The help desk does not know this kiosk: pair it again."
                    result.stopped = "NotPaired"
                    return
                else:  # 429, 5xx: the help desk is busy or its database is down
                    result.stopped = f"HTTP {status}"
                    result.retry_after = min(retry_after(response), self.backoff_limit)
                    log.info("the help desk answered %s to statistics; will try again", status)
                    return

    def _credentials(self) -> tuple[str | None, str | None]:
        try:
            return self._token(), self._certificate()
        except secret_store.SecretStoreError as exc:
            log.warning("statistics not sent: the device token cannot be read: %s", exc)
            return None, None


def _detail(body: bytes) -> str:
    """The help desk's reason, short and on one line (it names fields, never values)."""
    text = body.decode("utf-8", errors="replace")
    return " ".join(text.split())[:300]
