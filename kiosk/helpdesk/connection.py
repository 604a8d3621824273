"""HTTP to the help desk with the standard library (``http.client`` and ``ssl``).

The kiosk's help-desk traffic is a handful of small JSON requests and one long-lived
event stream, made from background threads, so blocking standard-library I/O does the
job without carrying an HTTP stack into the kiosk process.

Over https the help desk's certificate is **pinned**: pairing trusts the certificate the
help desk presents (trust on first use) and the kiosk keeps its SHA-256 fingerprint next
to the device token; every later connection must present exactly that certificate, and
it is checked before a single byte (the token included) is sent. Without a pin (a kiosk
paired before pinning existed), the system's certificate authorities and the host name
are checked as usual.

Errors are one kind, :class:`TransportError`, whose ``kind`` names the cause for logs;
nothing here logs, and nothing here ever puts a request's body into an error.
"""

from __future__ import annotations

import contextlib
import hashlib
import http.client
import json
import socket
import ssl
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import urlsplit

#: An answer larger than this is not the help desk's (its answers are a few hundred bytes).
MAX_BODY = 1 << 20
#: The longest line of the event stream that is read (its lines are a few hundred bytes).
MAX_LINE = 1 << 16


class TransportError(Exception):
    """The help desk could not be reached, or did not answer properly or in time.

    ``kind`` is the name of the cause (``TimeoutError``, ``ConnectionRefusedError``,
    ``CertificateChanged``...), fit for a log line.
    """

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


class CertificateChangedError(TransportError):
    """The help desk presented another certificate than the one pinned at pairing."""

    def __init__(self, pinned: str, presented: str | None) -> None:
        super().__init__("CertificateChanged")
        self.pinned = pinned
        self.presented = presented


def fingerprint(der: bytes) -> str:
    """The pin of a certificate: ``sha256:`` and the hex digest of its DER form."""
    return "sha256:" + hashlib.sha256(der).hexdigest()


def readable_fingerprint(pin: str) -> str:
    """``AB:CD:...`` as browsers and ``openssl x509 -fingerprint`` show it."""
    digest = pin.removeprefix("sha256:").upper()
    return "SHA-256 " + ":".join(digest[i : i + 2] for i in range(0, len(digest), 2))


class Writer(Protocol):
    """Where :meth:`Http.download` writes (a file)."""

    def write(self, data: bytes, /) -> int: ...


@dataclass(frozen=True, slots=True)
class Response:
    status: int
    headers: Mapping[str, str]
    body: bytes

    def json(self) -> Any:
        """The body as JSON; ValueError if it is not."""
        return json.loads(self.body)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """An https connection that checks the certificate against a pin before use."""

    def __init__(
        self, host: str, port: int | None, *, timeout: float, pin: str | None, tofu: bool
    ) -> None:
        if pin is not None or tofu:
            # The pin is the check (or, at pairing, there is nothing to check against
            # yet): the handshake accepts any certificate and connect() compares it.
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
        else:
            context = ssl.create_default_context()
        context.minimum_version = ssl.TLSVersion.TLSv1_2
        super().__init__(host, port, timeout=timeout, context=context)
        self.pin = pin
        self.presented: str | None = None

    def connect(self) -> None:
        super().connect()
        sock: ssl.SSLSocket = self.sock
        der = sock.getpeercert(binary_form=True)
        self.presented = fingerprint(der) if der else None
        if self.pin is not None and self.presented != self.pin:
            sock.close()
            self.sock = None
            raise CertificateChangedError(self.pin, self.presented)


class Stream:
    """A response whose body is read line by line (the event stream)."""

    def __init__(self, response: http.client.HTTPResponse) -> None:
        self.status = response.status
        self._response = response

    def lines(self) -> Iterator[str]:
        """Lines without their ending, until the server ends the stream."""
        while True:
            try:
                line = self._response.readline(MAX_LINE + 1)
            except (OSError, http.client.HTTPException) as exc:
                raise TransportError(type(exc).__name__) from exc
            if not line:
                return
            if len(line) > MAX_LINE:
                raise TransportError("LineTooLong")
            yield line.decode("utf-8", errors="replace").rstrip("\r\n")


class Http:
    """Requests to one help desk over one kept-alive connection; one per thread.

    ``pin``: the certificate fingerprint an https help desk must present. ``tofu``: accept
    whatever certificate is presented and note it in :attr:`presented` (pairing only).
    """

    def __init__(
        self,
        base_url: str,
        *,
        timeout: float = 10.0,
        headers: Mapping[str, str] | None = None,
        pin: str | None = None,
        tofu: bool = False,
    ) -> None:
        try:
            parts = urlsplit(base_url)
        except ValueError as exc:  # e.g. an unclosed "[" of an IPv6 address
            raise ValueError("the help desk's address is not a valid address") from exc
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError("the help desk's address must start with http:// or https://")
        self.https = parts.scheme == "https"
        self.host = parts.hostname
        try:
            self.port = parts.port
        except ValueError as exc:  # a port out of range or not a number
            raise ValueError("the help desk's address has a bad port") from exc
        self.prefix = parts.path.rstrip("/")
        self.timeout = timeout
        self.headers = dict(headers or {})
        self.pin = pin if self.https else None
        self.tofu = tofu and self.https
        #: The fingerprint of the certificate the help desk presented (https only).
        self.presented: str | None = None
        self._conn: http.client.HTTPConnection | None = None
        self._answered = 0  # answers read on the current connection
        # The connection's socket, kept here because http.client forgets it once the
        # response is to be read until the server closes.
        self._sock: socket.socket | None = None
        self._aborted = False

    def __enter__(self) -> Http:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        self._answered = 0
        self._sock = None

    def abort(self) -> None:
        """From another thread: wake the one blocked waiting for an answer or the next
        line of a stream (closing alone does not, on Linux); it gets a TransportError."""
        self._aborted = True
        sock = self._sock
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def _connection(self, timeout: float) -> http.client.HTTPConnection:
        if self._conn is None:
            if self.https:
                self._conn = _PinnedHTTPSConnection(
                    self.host, self.port, timeout=timeout, pin=self.pin, tofu=self.tofu
                )
            else:
                self._conn = http.client.HTTPConnection(self.host, self.port, timeout=timeout)
        return self._conn

    def _send(
        self,
        method: str,
        path: str,
        body: Any,
        extra: Mapping[str, str],
        timeout: float,
        *,
        raw: bytes | None = None,
    ) -> http.client.HTTPResponse:
        headers = {**self.headers, **extra}
        payload = raw
        if body is not None:
            payload = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        while True:
            reused = self._answered > 0
            conn = self._connection(timeout)
            try:
                conn.request(method, self.prefix + path, body=payload, headers=headers)
                self._sock = conn.sock
                if self._aborted:  # abort() came before there was a socket to shut down
                    raise TransportError("Aborted")
                response = conn.getresponse()
            except TransportError:
                self.close()
                raise
            except (ConnectionError, http.client.RemoteDisconnected) as exc:
                self.close()
                # The server may close a kept-alive connection between two requests; every
                # request here can be sent twice (the request's id), so one fresh try.
                if not reused or self._aborted:
                    raise TransportError(type(exc).__name__) from exc
                continue
            except (OSError, http.client.HTTPException) as exc:
                self.close()
                raise TransportError(type(exc).__name__) from exc
            finally:
                if isinstance(conn, _PinnedHTTPSConnection) and conn.presented is not None:
                    self.presented = conn.presented
            self._answered += 1
            return response

    def request(
        self,
        method: str,
        path: str,
        body: Any = None,
        *,
        raw: bytes | None = None,
        content_type: str = "application/octet-stream",
    ) -> Response:
        """Send (``body`` as JSON, or ``raw`` bytes of ``content_type``) and read the whole
        answer; TransportError if that fails."""
        extra = {"Content-Type": content_type} if raw is not None else {}
        response = self._send(method, path, body, extra, self.timeout, raw=raw)
        try:
            data = response.read(MAX_BODY + 1)
        except (OSError, http.client.HTTPException) as exc:
            self.close()
            raise TransportError(type(exc).__name__) from exc
        if len(data) > MAX_BODY:
            self.close()
            raise TransportError("AnswerTooLarge")
        if response.will_close:
            self.close()
        return Response(response.status, dict(response.headers.items()), data)

    def post(self, path: str, body: Any) -> Response:
        return self.request("POST", path, body)

    def get(self, path: str) -> Response:
        return self.request("GET", path)

    def download(self, path: str, out: Writer, limit: int) -> int:
        """GET ``path`` and write the body to ``out`` (a 200 answer's only), at most
        ``limit`` bytes; returns the status. TransportError if the network fails or the
        body is longer than ``limit`` ("AnswerTooLarge"); ``out``'s own errors (a full
        disk) pass through as they are."""
        response = self._send("GET", path, None, {}, self.timeout)
        try:
            if response.status != 200:
                self._read(response, MAX_BODY)
                return response.status
            written = 0
            while chunk := self._read(response, 64 * 1024):
                written += len(chunk)
                if written > limit:
                    raise TransportError("AnswerTooLarge")
                out.write(chunk)  # the disk's errors are not the network's: not caught
            return response.status
        finally:
            self.close()

    @staticmethod
    def _read(response: http.client.HTTPResponse, size: int) -> bytes:
        try:
            return response.read(size)
        except (OSError, http.client.HTTPException) as exc:
            raise TransportError(type(exc).__name__) from exc

    @contextlib.contextmanager
    def stream(self, path: str, read_timeout: float) -> Iterator[Stream]:
        """GET an event stream; between two lines the server may be silent ``read_timeout``."""
        response = self._send("GET", path, None, {"Accept": "text/event-stream"}, self.timeout)
        if self._sock is not None:
            self._sock.settimeout(read_timeout)
        try:
            yield Stream(response)
        finally:
            self.close()
