"""The kiosk's side of the help desk: pairing, and a client that keeps delivering the
outbox and listens to the status stream, in two background threads (pure Python + httpx).

Callbacks run on those threads; the Qt bridge (``qt/bridge.py``) turns them into signals.
Nothing here logs a phone number, a URL with a query string or anything a visitor typed.
"""

from __future__ import annotations

import contextlib
import json
import logging
import random
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpx

from kiosk import __version__
from kiosk import secrets as secret_store
from kiosk.helpdesk import model
from kiosk.helpdesk.outbox import Op, Outbox
from kiosk.helpdesk.status import VisitorStatus, from_server

log = logging.getLogger("kiosk.helpdesk")

StatusCallback = Callable[[VisitorStatus], None]
OnlineCallback = Callable[[bool], None]

#: Statuses that mean "this will never succeed": drop it from the outbox, note it.
_PERMANENT = frozenset({400, 404, 409, 413, 422})


class NotPairedError(Exception):
    """The kiosk has no device token (or the server no longer knows it)."""


class PairingError(Exception):
    """Pairing failed; ``str()`` is a plain message for a volunteer."""


@dataclass(frozen=True, slots=True)
class Paired:
    kiosk_id: int
    kiosk_name: str
    centre: str


def token_secret_name(url: str) -> str:
    parts = urlsplit(url)
    return f"helpdesk-token {parts.scheme}://{parts.netloc}"


def stored_token(url: str) -> str | None:
    return secret_store.get(token_secret_name(url))


def pair(url: str, code: str, *, transport: httpx.BaseTransport | None = None) -> Paired:
    """Trade a pairing code for a device token and keep the token in the secret store."""
    url = url.rstrip("/")
    try:
        with httpx.Client(base_url=url, timeout=15, transport=transport) as http:
            response = http.post("/api/v1/pair", json={"code": code.strip()})
    except httpx.HTTPError as exc:
        raise PairingError(
            f"the help desk at {url} cannot be reached ({type(exc).__name__})"
        ) from exc
    if response.status_code == 403:
        raise PairingError("the code is wrong, already used or expired: make a new one")
    if response.status_code == 422:
        raise PairingError("that does not look like a pairing code")
    if response.status_code != 200:
        raise PairingError(f"the help desk answered {response.status_code}")
    data = response.json()
    secret_store.set(token_secret_name(url), data["token"])
    return Paired(int(data["kiosk_id"]), str(data["kiosk_name"]), str(data["centre"]))


class Backoff:
    """Exponential back-off with full jitter, reset by success."""

    def __init__(self, first: float = 0.25, limit: float = 30.0) -> None:
        self.first = first
        self.limit = limit
        self._next = first

    def reset(self) -> None:
        self._next = self.first

    def next_delay(self) -> float:
        delay = random.uniform(self.first / 2, self._next)
        self._next = min(self._next * 2, self.limit)
        return delay


class HelpdeskClient:
    """Delivers the outbox and follows the kiosk's status stream.

    ``on_status`` gets every status the server reports (and "sending" for new requests);
    ``on_online`` gets True/False when the connection comes or goes.
    """

    def __init__(
        self,
        url: str,
        outbox: Outbox,
        *,
        token: Callable[[], str | None] | None = None,
        on_status: StatusCallback | None = None,
        on_online: OnlineCallback | None = None,
        heartbeat_s: float = 60.0,
        backoff_limit: float = 30.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.url = url.rstrip("/")
        self.outbox = outbox
        self._token = token or (lambda: stored_token(self.url))
        self.on_status = on_status or (lambda _s: None)
        self.on_online = on_online or (lambda _o: None)
        self.heartbeat_s = heartbeat_s
        self.backoff_limit = backoff_limit
        self._transport = transport
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._online: bool | None = None
        self._online_lock = threading.Lock()
        self._stream_response: httpx.Response | None = None
        self.delivered = 0  # operations the server confirmed (for tests and health)
        #: False once the kiosk turned out to have no (valid) device token.
        self.paired: bool | None = None

    # -- what the kiosk calls ---------------------------------------------------------

    def send(
        self,
        topic: model.Topic,
        *,
        request_id: str | None = None,
        guide_id: str | None = None,
        step: int | None = None,
        phone: str | None = None,
    ) -> str:
        """Queue a new request durably; returns its id. The visitor sees "sending"."""
        request_id = request_id or model.new_request_id()
        body: dict[str, Any] = {"id": request_id, "topic": topic.value}
        if guide_id:
            body["guide_id"] = guide_id
        if step is not None:
            body["step"] = step
        if phone:
            body["phone"] = model.normalise_phone(phone)
        self.outbox.add("create", request_id, body)
        self._wake.set()
        return request_id

    def cancel(self, request_id: str, *, visitor_left: bool = False) -> None:
        reason = "visitor_left" if visitor_left else "cancel"
        self.outbox.add("cancel", request_id, {"reason": reason})
        self._wake.set()

    def start(self) -> None:
        if self._threads:
            return
        self._stop.clear()
        for target, name in (
            (self._sync_loop, "helpdesk-sync"),
            (self._stream_loop, "helpdesk-stream"),
        ):
            thread = threading.Thread(target=target, name=name, daemon=True)
            thread.start()
            self._threads.append(thread)

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        response = self._stream_response
        if response is not None:
            interrupt(response)
        for thread in self._threads:
            thread.join(timeout)
        self._threads.clear()

    @property
    def online(self) -> bool | None:
        return self._online

    # -- delivery ---------------------------------------------------------------------

    def _client(self, timeout: httpx.Timeout) -> httpx.Client:
        """A client with the device token; NotPairedError when the kiosk has none."""
        token = self._token()
        if not token:
            self.paired = False
            raise NotPairedError
        return httpx.Client(
            base_url=self.url,
            timeout=timeout,
            transport=self._transport,
            headers={
                "Authorization": f"Bearer {token}",
                "User-Agent": f"digituki-kiosk/{__version__}",
            },
        )

    def _set_online(self, online: bool) -> None:
        with self._online_lock:
            changed = online != self._online
            self._online = online
        if changed:
            self.on_online(online)

    def _sync_loop(self) -> None:
        backoff = Backoff(limit=self.backoff_limit)
        next_heartbeat = 0.0
        clock = time.monotonic
        while not self._stop.is_set():
            ok = self._deliver_all()
            if ok and clock() >= next_heartbeat:
                ok = self._heartbeat()
                if ok:
                    next_heartbeat = clock() + self.heartbeat_s
            if ok:
                backoff.reset()
                wait = max(0.0, next_heartbeat - clock()) if not self.outbox.count() else 0.0
            else:
                wait = backoff.next_delay()
            self._wake.wait(wait)
            self._wake.clear()

    def _deliver_all(self) -> bool:
        """Send what the outbox holds, oldest first; False on a transient failure."""
        try:
            with self._client(httpx.Timeout(10.0)) as http:
                while not self._stop.is_set():
                    ops = self.outbox.pending()
                    if not ops:
                        return True
                    for op in ops:
                        if not self._deliver(http, op):
                            return False
        except httpx.HTTPError as exc:
            log.info("help desk unreachable (%s); the outbox keeps the request", type(exc).__name__)
            self._set_online(False)
            return False
        except NotPairedError:
            self._set_online(False)
            return False
        return True

    def _deliver(self, http: httpx.Client, op: Op) -> bool:
        if op.kind == "create":
            response = http.post("/api/v1/kiosk/requests", json=op.body)
        else:
            response = http.post(f"/api/v1/kiosk/requests/{op.request_id}/cancel", json=op.body)
        status = response.status_code
        self.paired = status != 401
        if status in (200, 201):
            self.outbox.done(op.seq)
            self.delivered += 1
            self._set_online(True)
            self._report(response)
            return True
        if status in _PERMANENT:
            self.outbox.give_up(op.seq, f"the help desk answered {status} to a {op.kind}")
            return True
        # 401 (not paired yet, token revoked), 429, 5xx (database down, disk full): later.
        self.outbox.retried(op.seq)
        if status == 401:
            log.warning("the help desk does not know this kiosk: pair it in admin mode")
        else:
            log.info("the help desk answered %s; will try again", status)
        self._set_online(False)
        return False

    def _report(self, response: httpx.Response) -> None:
        try:
            self.on_status(from_server(response.json()))
        except ValueError:
            log.warning("ignored a malformed answer from the help desk")

    def _heartbeat(self) -> bool:
        try:
            with self._client(httpx.Timeout(10.0)) as http:
                response = http.post(
                    "/api/v1/kiosk/heartbeat",
                    json={"version": __version__, "outbox_pending": self.outbox.count()},
                )
        except (httpx.HTTPError, NotPairedError):
            self._set_online(False)
            return False
        return response.status_code < 500

    # -- status stream ------------------------------------------------------------------

    def _stream_loop(self) -> None:
        backoff = Backoff(limit=self.backoff_limit)
        while not self._stop.is_set():
            try:
                with (
                    self._client(httpx.Timeout(10.0, read=45.0)) as http,
                    http.stream("GET", "/api/v1/kiosk/events") as response,
                ):
                    self._stream_response = response
                    if response.status_code == 200:
                        for name, data in _sse_events(response.iter_lines()):
                            if name == "ready":
                                backoff.reset()
                                self._set_online(True)
                            elif name == "status":
                                self.on_status(from_server(data))
                            if self._stop.is_set():
                                return
            except NotPairedError:
                pass
            except (httpx.HTTPError, ValueError) as exc:
                if self._stop.is_set():
                    return
                log.info("status stream interrupted (%s)", type(exc).__name__)
            finally:
                self._stream_response = None
            if self._stop.is_set():
                return
            self._set_online(False)
            self._stop.wait(backoff.next_delay())


def interrupt(response: httpx.Response) -> None:
    """Wake a thread blocked reading ``response`` (closing alone does not, on Linux)."""
    stream = response.extensions.get("network_stream")
    sock = stream.get_extra_info("socket") if stream is not None else None
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)


def _sse_events(lines: Iterator[str]) -> Iterator[tuple[str, Any]]:
    name, data = "message", list[str]()
    for line in lines:
        if not line:
            if data:
                yield name, json.loads("\n".join(data))
            name, data = "message", list[str]()
        elif line.startswith("event:"):
            name = line[6:].strip()
        elif line.startswith("data:"):
            data.append(line[5:].strip())
