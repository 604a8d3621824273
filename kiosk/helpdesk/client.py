"""The kiosk's side of the help desk: pairing, and a client that keeps delivering the
outbox and listens to the status stream, in two background threads (pure Python, the
standard library's HTTP through :mod:`kiosk.helpdesk.connection`).

Callbacks run on those threads; :class:`kiosk.helpdesk.qt.helpdesk.HelpDesk` turns them
into signals. Nothing here logs a phone number, a URL with a query string or anything a
visitor typed.
"""

from __future__ import annotations

import json
import logging
import random
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

from kiosk import __version__
from kiosk import secrets as secret_store
from kiosk.helpdesk import model
from kiosk.helpdesk.connection import (
    CertificateChangedError,
    Http,
    Response,
    TransportError,
    readable_fingerprint,
)
from kiosk.helpdesk.outbox import Op, Outbox
from kiosk.helpdesk.status import VisitorStatus, from_server

log = logging.getLogger("kiosk.helpdesk")

StatusCallback = Callable[[VisitorStatus], None]
OnlineCallback = Callable[[bool], None]

#: Statuses that mean "this will never succeed": drop it from the outbox, note it.
_PERMANENT = frozenset({400, 404, 409, 413, 422})
#: The longest a server's "Retry-After" keeps a help request waiting: a visitor is there.
RETRY_AFTER_CAP_S = 60.0


class NotPairedError(Exception):
    """The kiosk has no device token (or the server no longer knows it)."""


class PairingError(Exception):
    """Pairing failed; ``str()`` is a plain message for a volunteer."""


@dataclass(frozen=True, slots=True)
class Paired:
    kiosk_id: int
    kiosk_name: str
    centre: str
    #: The pinned certificate's fingerprint (``sha256:...``) for an https help desk.
    certificate: str | None = None
    #: The one-time admin code's secret (TOTP), given once; the admin verifier keeps it.
    admin_secret: str | None = None


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def token_secret_name(url: str) -> str:
    return f"helpdesk-token {_origin(url)}"


def certificate_secret_name(url: str) -> str:
    return f"helpdesk-certificate {_origin(url)}"


def stored_token(url: str) -> str | None:
    return secret_store.get(token_secret_name(url))


def stored_certificate(url: str) -> str | None:
    """The certificate pinned at pairing with an https help desk, if any."""
    return secret_store.get(certificate_secret_name(url))


def pair(url: str, code: str, *, timeout: float = 15.0) -> Paired:
    """Trade a pairing code for a device token and keep the token in the secret store.

    Over https, the certificate the help desk presents now is trusted from now on (and
    kept beside the token): later connections refuse any other.
    """
    url = url.rstrip("/")
    try:
        with Http(url, timeout=timeout, tofu=True) as http:
            response = http.post("/api/v1/pair", {"code": code.strip()})
            presented = http.presented
    except ValueError as exc:
        raise PairingError(str(exc)) from exc
    except TransportError as exc:
        raise PairingError(f"the help desk at {url} cannot be reached ({exc.kind})") from exc
    if response.status == 403:
        raise PairingError("the code is wrong, already used or expired: make a new one")
    if response.status == 422:
        raise PairingError("that does not look like a pairing code")
    if response.status == 429:
        raise PairingError("too many pairing attempts: wait a few minutes and try again")
    if response.status != 200:
        raise PairingError(f"the help desk answered {response.status}")
    try:
        data = response.json()
        token, paired = (
            str(data["token"]),
            Paired(
                int(data["kiosk_id"]),
                str(data["kiosk_name"]),
                str(data["centre"]),
                presented,
                str(data["admin_secret"]) if data.get("admin_secret") else None,
            ),
        )
    except (ValueError, KeyError, TypeError) as exc:
        raise PairingError("the help desk's answer was not understood") from exc
    try:
        # The pin first: a token without its pin would trust any certificate authority.
        if presented is not None:
            secret_store.set(certificate_secret_name(url), presented)
        else:
            secret_store.delete(certificate_secret_name(url))
        secret_store.set(token_secret_name(url), token)
    except secret_store.SecretStoreError as exc:
        raise PairingError(f"the device token could not be stored: {exc}") from exc
    return paired


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
    ``on_online`` gets True/False when the connection comes or goes. ``timeout_s`` bounds
    connecting and each wait for an answer; the status stream may be silent for
    ``stream_timeout_s`` (the server sends a keep-alive every 15 s) before the kiosk
    counts it as lost.
    """

    def __init__(
        self,
        url: str,
        outbox: Outbox,
        *,
        token: Callable[[], str | None] | None = None,
        certificate: Callable[[], str | None] | None = None,
        on_status: StatusCallback | None = None,
        on_online: OnlineCallback | None = None,
        heartbeat_s: float = 60.0,
        backoff_limit: float = 30.0,
        timeout_s: float = 10.0,
        stream_timeout_s: float = 45.0,
        retry_after_cap_s: float = RETRY_AFTER_CAP_S,
    ) -> None:
        self.url = url.rstrip("/")
        self.outbox = outbox
        self._token = token or (lambda: stored_token(self.url))
        self._certificate = certificate or (lambda: stored_certificate(self.url))
        self.on_status = on_status or (lambda _s: None)
        self.on_online = on_online or (lambda _o: None)
        self.heartbeat_s = heartbeat_s
        self.backoff_limit = backoff_limit
        self.timeout_s = timeout_s
        self.stream_timeout_s = stream_timeout_s
        self.retry_after_cap_s = retry_after_cap_s
        self._wake = threading.Event()
        self._beat_now = threading.Event()
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._online: bool | None = None
        self._online_lock = threading.Lock()
        # The connections in use by the two threads, to wake them at stop().
        self._sync_http: Http | None = None
        self._stream_http: Http | None = None
        self._warned: set[str] = set()  # problems already logged (once each, not per retry)
        self._warned_lock = threading.Lock()
        self.delivered = 0  # operations the server confirmed (for tests and health)
        #: False once the kiosk turned out to have no (valid) device token.
        self.paired: bool | None = None
        #: A plain sentence for the admin view while something needs a volunteer.
        self.problem: str | None = None
        #: More figures for the heartbeat (the admin panel's health in summary).
        self.heartbeat_extra: Callable[[], dict[str, Any]] = dict

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

    def heartbeat_now(self) -> None:
        """Send a heartbeat at once (new figures, such as "out of order")."""
        self._beat_now.set()
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
        for http in (self._sync_http, self._stream_http):
            if http is not None:
                http.abort()  # a thread waiting for an answer wakes now, not at its timeout
        for thread in self._threads:
            thread.join(timeout)
        self._threads.clear()

    @property
    def online(self) -> bool | None:
        return self._online

    # -- connections ------------------------------------------------------------------

    def connection(self) -> Http:
        """A new connection with the device token (for the screen share's own threads);
        NotPairedError when the kiosk has none, TransportError for a bad address."""
        return self._http()

    def _http(self) -> Http:
        """A connection with the device token; NotPairedError when the kiosk has none."""
        try:
            token = self._token()
            certificate = self._certificate()
        except secret_store.SecretStoreError as exc:
            self._warn_once("secrets", "the device token cannot be read: %s", exc)
            self.paired = False
            raise NotPairedError from exc
        if not token:
            self.paired = False
            raise NotPairedError
        try:
            return Http(
                self.url,
                timeout=self.timeout_s,
                pin=certificate,
                headers={
                    "Authorization": f"Bearer {token}",
                    "User-Agent": f"digituki-kiosk/{__version__}",
                },
            )
        except ValueError as exc:  # the settings' address is not a help desk's
            self.problem = f"The help desk's address cannot be used: {exc}."
            raise TransportError("BadAddress") from exc

    def _set_online(self, online: bool) -> None:
        with self._online_lock:
            changed = online != self._online
            self._online = online
        if changed:
            self.on_online(online)

    def _warn_once(self, key: str, message: str, *args: object) -> None:
        with self._warned_lock:  # both threads meet the same problem
            if key in self._warned:
                return
            self._warned.add(key)
        log.warning(message, *args)

    def _unreachable(self, exc: TransportError, what: str) -> None:
        """Log why the help desk cannot be reached (plainly, once per cause) and go offline."""
        if isinstance(exc, CertificateChangedError):
            self.problem = (
                "The help desk presented a different security certificate than when this "
                "kiosk was paired, so the kiosk does not talk to it. If the help desk's "
                "certificate was changed on purpose, pair the kiosk again."
            )
            self._warn_once(
                "certificate",
                "refused the help desk: its certificate (%s) is not the one pinned at "
                "pairing (%s); pair the kiosk again if it was changed on purpose",
                readable_fingerprint(exc.presented or ""),
                readable_fingerprint(exc.pinned),
            )
        else:
            log.info("help desk unreachable (%s); %s", exc.kind, what)
        self._set_online(False)

    def _reachable(self) -> None:
        with self._warned_lock:
            self._warned.clear()  # a problem that comes back is worth a new log line
        self.problem = None
        self._set_online(True)

    # -- delivery ---------------------------------------------------------------------

    def _sync_loop(self) -> None:
        backoff = Backoff(limit=self.backoff_limit)
        next_heartbeat = 0.0
        clock = time.monotonic
        while not self._stop.is_set():
            asked = self._deliver_all()
            ok = asked is None
            if ok and (clock() >= next_heartbeat or self._beat_now.is_set()):
                self._beat_now.clear()
                ok = self._heartbeat()
                if ok:
                    next_heartbeat = clock() + self.heartbeat_s
            if ok:
                backoff.reset()
                wait = max(0.0, next_heartbeat - clock()) if not self.outbox.count() else 0.0
            else:
                # The server's "Retry-After" is honoured, up to a cap; never less than
                # the back-off, so a flood of 429s does not become a flood of retries.
                wait = max(min(asked or 0.0, self.retry_after_cap_s), backoff.next_delay())
            self._wake.wait(wait)
            self._wake.clear()

    def _deliver_all(self) -> float | None:
        """Send what the outbox holds, oldest first.

        None when it is all delivered; otherwise how long the server asked the kiosk to
        wait before trying again (0.0 when it did not say).
        """
        try:
            with self._http() as http:
                self._sync_http = http
                while not self._stop.is_set():
                    ops = self.outbox.pending()
                    if not ops:
                        return None
                    for op in ops:
                        asked = self._deliver(http, op)
                        if asked is not None:
                            return asked
        except TransportError as exc:
            self._unreachable(exc, "the outbox keeps the request")
            return 0.0
        except NotPairedError:
            self._set_online(False)
            return 0.0
        finally:
            self._sync_http = None
        return None

    def _deliver(self, http: Http, op: Op) -> float | None:
        """Deliver one operation: None when done with it, else the wait asked for."""
        try:
            if op.kind == "create":
                response = http.post("/api/v1/kiosk/requests", op.body)
            else:
                response = http.post(f"/api/v1/kiosk/requests/{op.request_id}/cancel", op.body)
        except TransportError as exc:
            self.outbox.retried(op.seq)
            self._unreachable(exc, "the outbox keeps the request")
            return 0.0
        status = response.status
        self.paired = status != 401
        if status in (200, 201):
            self.outbox.done(op.seq)
            self.delivered += 1
            self._reachable()
            self._report(response)
            return None
        if status in _PERMANENT:
            self.outbox.give_up(op.seq, f"the help desk answered {status} to a {op.kind}")
            self._reachable()
            return None
        # 401 (not paired yet, token revoked), 429 (too many), 5xx (database down, disk
        # full): the outbox keeps it for later.
        self.outbox.retried(op.seq)
        if status == 429:
            # Busy, not gone: the kiosk stays online and the visitor sees "sending".
            log.info("the help desk asked the kiosk to slow down; will try again")
            self._reachable()
            return retry_after(response)
        if status == 401:
            self._warn_once("unpaired", "the help desk does not know this kiosk: pair it")
        else:
            log.info("the help desk answered %s; will try again", status)
        self._set_online(False)
        return 0.0

    def _report(self, response: Response) -> None:
        try:
            self.on_status(from_server(response.json()))
        except ValueError:
            log.warning("ignored a malformed answer from the help desk")

    def _heartbeat(self) -> bool:
        try:
            with self._http() as http:
                self._sync_http = http
                response = http.post(
                    "/api/v1/kiosk/heartbeat",
                    {
                        "version": __version__,
                        "outbox_pending": self.outbox.count(),
                        **self.heartbeat_extra(),
                    },
                )
        except TransportError as exc:
            self._unreachable(exc, "will try again")
            return False
        except NotPairedError:
            self._set_online(False)
            return False
        finally:
            self._sync_http = None
        return response.status < 500

    # -- status stream ------------------------------------------------------------------

    def _stream_loop(self) -> None:
        backoff = Backoff(limit=self.backoff_limit)
        while not self._stop.is_set():
            try:
                self._follow_stream(backoff)
            except NotPairedError:
                pass
            except TransportError as exc:
                if self._stop.is_set():
                    return
                self._unreachable(exc, "the status stream will reconnect")
            except ValueError as exc:
                log.info("status stream interrupted (%s)", type(exc).__name__)
            finally:
                self._stream_http = None
            if self._stop.is_set():
                return
            self._set_online(False)
            self._stop.wait(backoff.next_delay())

    def _follow_stream(self, backoff: Backoff) -> None:
        """One connection to the status stream, followed until it ends or fails."""
        with self._http() as http:
            self._stream_http = http
            if self._stop.is_set():
                return
            with http.stream("/api/v1/kiosk/events", self.stream_timeout_s) as stream:
                if stream.status != 200:
                    return
                for name, data in sse_events(stream.lines()):
                    if name == "ready":
                        backoff.reset()
                        self._reachable()
                    elif name == "status":
                        self.on_status(from_server(data))
                    if self._stop.is_set():
                        return


def retry_after(response: Response) -> float:
    """Seconds the server's ``Retry-After`` asks for (0.0 if it says nothing usable)."""
    value = next((v for k, v in response.headers.items() if k.lower() == "retry-after"), "")
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return 0.0
    return max(0.0, when.timestamp() - time.time())


def sse_events(lines: Iterator[str]) -> Iterator[tuple[str, Any]]:
    """(event name, its JSON data) for each event of a server-sent event stream."""
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
