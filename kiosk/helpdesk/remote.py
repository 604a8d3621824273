"""The kiosk's side of remote commands: fetch them from the help desk, and report how each
went. Pure Python; one background thread; the standard library's HTTP through
:mod:`kiosk.helpdesk.connection`, with the device token, like the help-desk client.

``on_command`` is called on that thread with each new command (``Kind``, id); the kiosk
carries it out on its own thread (kiosk/app_remote.py) and calls :meth:`report`. Results
are written to a small file first and sent from there, so a result survives the restart
that a "restart" command causes (the next kiosk sends it).
"""

from __future__ import annotations

import json
import logging
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kiosk import __version__, paths
from kiosk.helpdesk import client as helpdesk_client
from kiosk.helpdesk import commands
from kiosk.helpdesk.commands import Kind, State
from kiosk.helpdesk.connection import Http, TransportError

log = logging.getLogger("kiosk.helpdesk")

RESULTS_FILE = "remote-results.json"
PATH = "/api/v1/kiosk/commands"


@dataclass(frozen=True, slots=True)
class Order:
    """A command as the kiosk got it."""

    id: int
    kind: Kind


class CommandPoller:
    def __init__(
        self,
        url: str,
        on_command: Callable[[Order], None],
        *,
        token: Callable[[], str | None] | None = None,
        certificate: Callable[[], str | None] | None = None,
        every_s: float = commands.POLL_S,
        timeout_s: float = 10.0,
        results: Path | None = None,
    ) -> None:
        self.url = url.rstrip("/")
        self.on_command = on_command
        self._token = token or (lambda: helpdesk_client.stored_token(self.url))
        self._certificate = certificate or (lambda: helpdesk_client.stored_certificate(self.url))
        self.every_s = every_s
        self.timeout_s = timeout_s
        self.results = results or paths.data_dir() / RESULTS_FILE
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._http: Http | None = None
        #: Commands fetched so far (tests and the log).
        self.fetched = 0

    def start(self) -> None:
        if self._thread is None:
            self._stop.clear()
            self._thread = threading.Thread(target=self._loop, name="remote-commands", daemon=True)
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

    def poll_now(self) -> None:
        self._wake.set()

    # -- results ---------------------------------------------------------------------------
    def report(self, order: Order, state: State, detail: str = "") -> None:
        """Keep the result (on disk first), then send it soon."""
        with self._lock:
            pending = self._pending()
            pending[str(order.id)] = {"state": state.value, "detail": detail[: commands.MAX_DETAIL]}
            self._save(pending)
        log.info("remote command %d (%s): %s", order.id, order.kind.value, state.value)
        self._wake.set()

    def _pending(self) -> dict[str, dict[str, str]]:
        try:
            raw = json.loads(self.results.read_text("utf-8"))
        except (OSError, ValueError):
            return {}
        return raw if isinstance(raw, dict) else {}

    def _save(self, pending: dict[str, dict[str, str]]) -> None:
        try:
            if not pending:
                self.results.unlink(missing_ok=True)
                return
            self.results.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.results.with_name(f".{RESULTS_FILE}.{os.getpid()}")
            temporary.write_text(json.dumps(pending), "utf-8")
            temporary.replace(self.results)
        except OSError as exc:  # a full disk: the result is sent from memory at least
            log.warning("cannot keep a remote command's result: %s", exc.strerror)

    # -- the thread ------------------------------------------------------------------------
    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                self._round()
            except TransportError as exc:
                log.info("remote commands: the help desk cannot be reached (%s)", exc.kind)
            except Exception:  # never let the thread die: the next round tries again
                log.exception("remote commands: unexpected error")
            self._wake.wait(self.every_s)
            self._wake.clear()

    def _round(self) -> None:
        token = self._token()
        if not token:
            return  # not paired: nothing to fetch
        with Http(
            self.url,
            timeout=self.timeout_s,
            pin=self._certificate(),
            headers={
                "Authorization": f"Bearer {token}",
                "User-Agent": f"digituki-kiosk/{__version__}",
            },
        ) as http:
            self._http = http
            try:
                self._send_results(http)
                if self._stop.is_set():
                    return
                self._fetch(http)
            finally:
                self._http = None

    def _send_results(self, http: Http) -> None:
        with self._lock:
            pending = self._pending()
        for command_id, result in list(pending.items()):
            response = http.post(f"{PATH}/{command_id}", result)
            if response.status >= 500 or response.status in (401, 429):
                return  # try again later
            # 200: taken; 404/409: it will never be (expired, not ours): let it go.
            if response.status != 200:
                log.info(
                    "remote command %s: the help desk answered %s", command_id, response.status
                )
            with self._lock:
                current = self._pending()
                current.pop(command_id, None)
                self._save(current)

    def _fetch(self, http: Http) -> None:
        response = http.get(PATH)
        if response.status != 200:
            log.info("remote commands: the help desk answered %s", response.status)
            return
        try:
            items = response.json()["commands"]
            assert isinstance(items, list)
        except (ValueError, KeyError, TypeError, AssertionError):
            log.warning("remote commands: an answer that is not understood")
            return
        for item in items:
            try:
                command_id = int(item["id"])
            except (KeyError, TypeError, ValueError):
                continue
            try:
                order = Order(command_id, Kind(item.get("kind")))
            except ValueError:
                # A newer help desk's command: say so rather than leave it hanging.
                self.report(Order(command_id, Kind.RESTART), State.FAILED, "unknown command")
                continue
            self.fetched += 1
            try:
                self.on_command(order)
            except Exception:
                log.exception("remote command %d could not be started", order.id)
                self.report(order, State.FAILED, "the kiosk could not start it")
