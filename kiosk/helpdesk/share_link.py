"""The kiosk's line to the help desk for a screen share (pure Python, the standard
library's HTTP through :mod:`kiosk.helpdesk.connection`).

Two background threads: one follows the share stream of the visitor's open request (the
question, pointers, steps, the end), one sends what the kiosk says (answers, stops,
renewals, in order) and its pictures. Only the newest picture waits to be sent: a slow
network skips pictures rather than queueing them, and the kiosk's own byte budget keeps
a share well under the server's limit.

Messages arrive on those threads through ``on_message(kind, data)``: ``share`` (the
share's state), ``point``, ``step``, ``refresh`` (send the next picture in full, a new
viewer has come), and ``lost`` (the help desk refused a picture for
good, or could not be reached for :data:`LOST_AFTER_S`: the kiosk ends the share).
Nothing here logs a picture or anything the visitor did.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from kiosk.helpdesk.client import Backoff, NotPairedError, retry_after, sse_events
from kiosk.helpdesk.connection import Http, TransportError
from kiosk.helpdesk.share_model import (
    KEEPALIVE_S,
    KIOSK_BYTES_PER_S,
    KIOSK_SILENCE_S,
    MAX_FRAME_BYTES,
    ByteBudget,
    EndReason,
    Pause,
)

log = logging.getLogger("kiosk.helpdesk")

#: Pictures and keep-alives that fail for this long end the share on the kiosk (the
#: server ends it too, after :data:`KIOSK_SILENCE_S`).
LOST_AFTER_S = KIOSK_SILENCE_S / 2
#: The share stream sends a keep-alive every few seconds; silence this long is a loss.
STREAM_TIMEOUT_S = 30.0

OnMessage = Callable[[str, dict[str, Any]], None]


@dataclass(frozen=True, slots=True)
class _Op:
    request_id: str
    path: str  # answer, renew, stop
    body: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Picture:
    share_id: str
    jpeg: bytes  # b"": a keep-alive
    width: int
    height: int
    paused: Pause


class ShareLink:
    def __init__(
        self,
        connect: Callable[[], Http],
        on_message: OnMessage,
        *,
        bytes_per_s: float = KIOSK_BYTES_PER_S,
        backoff_limit: float = 10.0,
        lost_after_s: float = LOST_AFTER_S,
    ) -> None:
        self._connect = connect
        #: Sending that fails for this long ends the share ("lost").
        self.lost_after_s = lost_after_s
        self.on_message = on_message
        self.budget = ByteBudget(bytes_per_s, MAX_FRAME_BYTES)
        self._backoff_limit = backoff_limit
        self._lock = threading.Condition()
        self._request_id: str | None = None
        self._ops: list[_Op] = []
        self._picture: Picture | None = None
        self._picture_request: str | None = None
        self._stop = threading.Event()
        self._stream_http: Http | None = None
        self._send_http: Http | None = None
        self._threads: list[threading.Thread] = []
        self._failing_since: float | None = None
        self._op_in_flight = False
        self._not_before = 0.0  # a 429's Retry-After
        #: Pictures (not keep-alives) the help desk accepted, and their bytes (for tests
        #: and the benchmark).
        self.sent_pictures = 0
        self.sent_bytes = 0

    # -- what the kiosk calls -------------------------------------------------------------

    def start(self) -> None:
        if self._threads:
            return
        self._stop.clear()
        for target, name in ((self._stream_loop, "share-stream"), (self._send_loop, "share-send")):
            thread = threading.Thread(target=target, name=name, daemon=True)
            thread.start()
            self._threads.append(thread)

    def close(self, timeout: float = 5.0) -> None:
        self._stop.set()
        with self._lock:
            self._lock.notify_all()
        for http in (self._stream_http, self._send_http):
            if http is not None:
                http.abort()
        for thread in self._threads:
            thread.join(timeout)
        self._threads.clear()

    def follow(self, request_id: str | None) -> None:
        """Follow the share stream of this request (None: of none)."""
        with self._lock:
            if request_id == self._request_id:
                return
            self._request_id = request_id
            self._picture = None
            self._lock.notify_all()
        http = self._stream_http
        if http is not None:
            http.abort()  # the old stream ends now; the thread opens the new one

    @property
    def following(self) -> str | None:
        return self._request_id

    def answer(self, share_id: str, allow: bool) -> None:
        self._queue("answer", {"share_id": share_id, "allow": allow})

    def renew(self, share_id: str) -> None:
        self._queue("renew", {"share_id": share_id})

    def stop(self, share_id: str, reason: EndReason) -> None:
        with self._lock:
            self._picture = None  # nothing more of this share goes out
        self._queue("stop", {"share_id": share_id, "reason": reason.value})

    def flush(self, timeout: float) -> bool:
        """Wait (at most ``timeout``) until what the kiosk said has been sent: before the
        session's wipe closes the request, the share's end goes first, with its reason."""
        with self._lock:
            return self._lock.wait_for(lambda: not self._ops and not self._op_in_flight, timeout)

    def send_picture(self, picture: Picture) -> None:
        """Send this picture next (it replaces one not sent yet)."""
        with self._lock:
            self._picture = picture
            self._picture_request = self._request_id
            self._lock.notify_all()

    @property
    def busy(self) -> bool:
        """A picture still waits to be sent (the kiosk need not take another yet)."""
        return self._picture is not None

    # -- sending --------------------------------------------------------------------------

    def _queue(self, path: str, body: dict[str, Any]) -> None:
        with self._lock:
            if self._request_id is None:
                return
            self._ops.append(_Op(self._request_id, path, body))
            self._lock.notify_all()

    def _next_work(self) -> _Op | Picture | None:
        with self._lock:
            while not self._stop.is_set():
                if self._ops:
                    self._op_in_flight = True
                    return self._ops.pop(0)
                picture = self._picture
                if picture is not None:
                    wait = max(
                        self._not_before - time.monotonic(),
                        self.budget.wait_for(len(picture.jpeg)) if picture.jpeg else 0.0,
                    )
                    if wait <= 0:
                        self._picture = None
                        return picture
                    self._lock.wait(wait)
                    continue
                self._lock.wait()
        return None

    def _send_loop(self) -> None:
        while not self._stop.is_set():
            work = self._next_work()
            if work is None:
                return
            request_id = self._picture_request if isinstance(work, Picture) else work.request_id
            if request_id is None:
                continue
            try:
                if self._send_http is None:
                    self._send_http = self._connect()
                if isinstance(work, Picture):
                    self._send_picture(self._send_http, request_id, work)
                else:
                    self._send_op(self._send_http, work)
                self._failing_since = None
            except (TransportError, NotPairedError) as exc:
                if self._send_http is not None:
                    self._send_http.close()
                    self._send_http = None
                self._failed(work, exc)
            finally:
                with self._lock:
                    self._op_in_flight = False
                    self._lock.notify_all()

    def _send_op(self, http: Http, op: _Op) -> None:
        response = http.post(f"/api/v1/kiosk/requests/{op.request_id}/share/{op.path}", op.body)
        if response.status >= 500:
            raise TransportError(f"HTTP {response.status}")
        if response.status == 200:
            try:
                self.on_message("share", response.json())
            except ValueError:
                log.warning("ignored a malformed answer about a screen share")

    def _send_picture(self, http: Http, request_id: str, picture: Picture) -> None:
        query = urlencode(
            {
                "share_id": picture.share_id,
                "width": picture.width,
                "height": picture.height,
                "paused": picture.paused.value,
            }
        )
        response = http.request(
            "POST",
            f"/api/v1/kiosk/requests/{request_id}/share/frame?{query}",
            raw=picture.jpeg,
            content_type="image/jpeg",
        )
        if response.status == 204:
            if picture.jpeg:
                self.budget.take(len(picture.jpeg))
                self.sent_pictures += 1
                self.sent_bytes += len(picture.jpeg)
        elif response.status == 429:
            self._not_before = time.monotonic() + max(1.0, retry_after(response))
        elif response.status >= 500:
            raise TransportError(f"HTTP {response.status}")
        else:  # 404, 409: the share has ended on the server; 413, 415, 422: never
            log.info("the help desk refused a shared picture (%s)", response.status)
            self.on_message("lost", {"share_id": picture.share_id, "status": response.status})

    def _failed(self, work: _Op | Picture, exc: Exception) -> None:
        now = time.monotonic()
        if self._failing_since is None:
            self._failing_since = now
        log.info("screen share: the help desk could not be reached (%s)", type(exc).__name__)
        if isinstance(work, _Op):
            if work.path == "stop":
                return  # the server ends a silent share by itself
            with self._lock:  # answers and renewals are tried again
                self._ops.insert(0, work)
        if now - self._failing_since >= self.lost_after_s:
            share_id = work.share_id if isinstance(work, Picture) else work.body.get("share_id")
            self._failing_since = None
            with self._lock:
                self._ops = [op for op in self._ops if op.path == "stop"]
            self.on_message("lost", {"share_id": share_id, "status": 0})
        self._stop.wait(min(1.0, KEEPALIVE_S / 2))

    # -- the share stream -------------------------------------------------------------------

    def _stream_loop(self) -> None:
        backoff = Backoff(limit=self._backoff_limit)
        while not self._stop.is_set():
            with self._lock:
                while self._request_id is None and not self._stop.is_set():
                    self._lock.wait()
                request_id = self._request_id
            if request_id is None:
                return
            try:
                if self._follow(request_id, backoff):
                    continue  # the server ended the stream (the request closed): done
            except (TransportError, NotPairedError, ValueError) as exc:
                if self._stop.is_set():
                    return
                log.info("screen share stream interrupted (%s)", type(exc).__name__)
            finally:
                self._stream_http = None
            if self._request_id == request_id:
                self._stop.wait(backoff.next_delay())

    def _follow(self, request_id: str, backoff: Backoff) -> bool:
        """Follow one connection; True when it need not be opened again."""
        with self._connect() as http:
            self._stream_http = http
            if self._stop.is_set() or self._request_id != request_id:
                return False
            path = f"/api/v1/kiosk/requests/{request_id}/share/events"
            with http.stream(path, STREAM_TIMEOUT_S) as stream:
                if stream.status == 404:
                    self._forget(request_id)
                    return True
                if stream.status != 200:
                    return False
                for name, data in sse_events(stream.lines()):
                    if self._request_id != request_id or self._stop.is_set():
                        return False
                    if name == "ready":
                        backoff.reset()
                    elif name in ("share", "point", "step", "refresh") and isinstance(data, dict):
                        self.on_message(name, data)
        return False

    def _forget(self, request_id: str) -> None:
        with self._lock:
            if self._request_id == request_id:
                self._request_id = None
