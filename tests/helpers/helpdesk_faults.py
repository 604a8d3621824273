"""Help desks that misbehave the way networks do, for the kiosk client's tests.

* :class:`BlackHole`: accepts a connection, reads the request, never answers.
* :class:`NeverAccepts`: a listening port whose queue is full, so connecting hangs (the
  handshake's first packet is dropped, as by a firewall that drops instead of refusing).
* :class:`HangingProxy`: forwards to a real help desk until told to hang (answer nothing,
  forward nothing) or to hold the answers (the server gets the request, the kiosk never
  hears back), then back to forwarding.
* :class:`TlsFront`: TLS in front of a plain-HTTP help desk, whose certificate the test
  can swap; it counts what each certificate's clients sent after the handshake.
* :class:`BusyDesk`: a stand-in help desk that answers "429 Too Many Requests" at first.
* :func:`self_signed`: a certificate and key for 127.0.0.1, made in the test.
"""

from __future__ import annotations

import contextlib
import datetime
import ipaddress
import json
import socket
import ssl
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Literal

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

_METHODS = (b"GET ", b"POST ", b"PUT ", b"DELETE ", b"HEAD ")


def _request_line(data: bytes) -> str | None:
    if data.startswith(_METHODS):
        return data.split(b"\r\n", 1)[0].decode("latin-1").rsplit(" ", 1)[0]
    return None


class _Threads:
    """The threads and sockets of one fake server, all ended by :meth:`close`."""

    def __init__(self) -> None:
        self._threads: list[threading.Thread] = []
        self._sockets: set[socket.socket] = set()
        self._lock = threading.Lock()
        self.closing = threading.Event()

    def spawn(self, target: object, *args: object) -> None:
        thread = threading.Thread(target=target, args=args, daemon=True)  # type: ignore[arg-type]
        thread.start()
        self._threads.append(thread)

    def accept(self, listener: socket.socket, handle: Callable[[socket.socket], None]) -> None:
        """Give each connection to ``listener`` to ``handle`` (in its own thread)."""

        def loop() -> None:
            while not self.closing.is_set():
                try:
                    conn, _ = listener.accept()
                except OSError:
                    return
                self.keep(conn)
                self.spawn(handle, conn)

        self.spawn(loop)

    def keep(self, *socks: socket.socket) -> None:
        with self._lock:
            self._sockets.update(socks)

    def drop_all(self) -> None:
        with self._lock:
            socks = list(self._sockets)
            self._sockets.clear()
        for sock in socks:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()

    def close(self, listener: socket.socket) -> None:
        self.closing.set()
        with contextlib.suppress(OSError):
            listener.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept()
        listener.close()
        self.drop_all()
        for thread in self._threads:
            thread.join(5)


def pump(
    source: socket.socket, target: socket.socket | None, look: Callable[[bytes], bool]
) -> None:
    """Copy ``source`` to ``target`` while it sends; ``look`` sees each chunk first and says
    whether to pass it on. Both ends are shut down at the end."""
    try:
        while data := source.recv(65536):
            if look(data) and target is not None:
                target.sendall(data)
    except OSError:
        pass
    finally:
        for sock in (source, target):
            if sock is not None:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)


class BlackHole:
    """Accepts TCP connections and reads what is sent; never answers, never closes."""

    def __init__(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self._listener.getsockname()[1])
        self.url = f"http://127.0.0.1:{self.port}"
        self.requests: Counter[str] = Counter()  # "POST /api/v1/kiosk/requests": 3
        self._threads = _Threads()
        self._threads.accept(self._listener, lambda conn: pump(conn, None, self._look))

    def _look(self, data: bytes) -> bool:
        if line := _request_line(data):
            self.requests[line] += 1
        return False

    def close(self) -> None:
        self._threads.close(self._listener)


class NeverAccepts:
    """A port that is listened on but whose accept queue is full: connecting times out."""

    def __init__(self) -> None:
        self._listener = socket.socket()
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(0)
        self.port = int(self._listener.getsockname()[1])
        self.url = f"http://127.0.0.1:{self.port}"
        self._fillers: list[socket.socket] = []
        # Fill the queue: once a connection attempt gets no answer, it is full.
        while True:
            filler = socket.socket()
            filler.settimeout(0.2)
            try:
                filler.connect(("127.0.0.1", self.port))
            except TimeoutError:
                filler.close()
                break
            self._fillers.append(filler)
            if len(self._fillers) > 64:
                raise AssertionError("the accept queue never filled")

    def close(self) -> None:
        for filler in self._fillers:
            filler.close()
        self._listener.close()


Mode = Literal["forward", "hang", "hold_answers"]


class HangingProxy:
    """A loopback TCP proxy to ``upstream_port`` that can be made to hang."""

    def __init__(self, upstream_port: int) -> None:
        self.upstream_port = upstream_port
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self._listener.getsockname()[1])
        self.url = f"http://127.0.0.1:{self.port}"
        self.mode: Mode = "forward"
        self.requests: Counter[str] = Counter()  # request lines seen from the kiosk
        self.held_answers = 0  # chunks of answers the kiosk never got
        self._threads = _Threads()
        self._threads.accept(self._listener, self._connected)

    def hang(self) -> None:
        """From now on nothing is forwarded either way, and nothing is closed."""
        self.mode = "hang"

    def hold_answers(self) -> None:
        """From now on requests reach the server, answers never reach the kiosk."""
        self.mode = "hold_answers"

    def forward(self) -> None:
        """Forward again; the connections that hung are dropped (their bytes are lost)."""
        self.mode = "forward"
        self._threads.drop_all()

    def _connected(self, client: socket.socket) -> None:
        upstream = None
        if self.mode != "hang":
            try:
                upstream = socket.create_connection(("127.0.0.1", self.upstream_port))
            except OSError:
                client.close()
                return
            self._threads.keep(upstream)
            self._threads.spawn(pump, upstream, client, self._look_down)
        pump(client, upstream, self._look_up)

    def _look_up(self, data: bytes) -> bool:
        if line := _request_line(data):
            self.requests[line] += 1
        return self.mode != "hang"

    def _look_down(self, _data: bytes) -> bool:
        if self.mode == "hold_answers":
            self.held_answers += 1
        return self.mode == "forward"

    def close(self) -> None:
        self._threads.close(self._listener)


@dataclass(frozen=True)
class Certificate:
    cert: Path
    key: Path
    der: bytes


def self_signed(folder: Path, name: str) -> Certificate:
    """A self-signed certificate for 127.0.0.1 (and localhost), valid for a day."""
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, f"help desk {name}")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1")), x509.DNSName("localhost")]
            ),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    folder.mkdir(parents=True, exist_ok=True)
    cert_path, key_path = folder / f"{name}.crt", folder / f"{name}.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return Certificate(cert_path, key_path, cert.public_bytes(serialization.Encoding.DER))


class TlsFront:
    """https on a loopback port, in front of a plain-HTTP server on ``upstream_port``."""

    def __init__(self, upstream_port: int, certificate: Certificate) -> None:
        self.upstream_port = upstream_port
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self._listener.getsockname()[1])
        self.url = f"https://127.0.0.1:{self.port}"
        self.handshakes: Counter[Path] = Counter()  # per certificate
        self.received: Counter[Path] = Counter()  # bytes after the handshake, per certificate
        self._certificate = certificate
        self._context = self._make_context(certificate)
        self._threads = _Threads()
        self._threads.accept(self._listener, self._connected)

    @staticmethod
    def _make_context(certificate: Certificate) -> ssl.SSLContext:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(certificate.cert, certificate.key)
        return context

    def use(self, certificate: Certificate) -> None:
        """Present ``certificate`` from now on; open connections are dropped."""
        self._certificate = certificate
        self._context = self._make_context(certificate)
        self._threads.drop_all()

    def _connected(self, raw: socket.socket) -> None:
        cert = self._certificate.cert
        try:
            conn = self._context.wrap_socket(raw, server_side=True)
        except OSError:
            raw.close()
            return
        self.handshakes[cert] += 1
        try:
            upstream = socket.create_connection(("127.0.0.1", self.upstream_port))
        except OSError:
            conn.close()
            return
        self._threads.keep(conn, upstream)
        self._threads.spawn(pump, upstream, conn, lambda _data: True)

        def count(data: bytes) -> bool:
            self.received[cert] += len(data)
            return True

        pump(conn, upstream, count)

    def close(self) -> None:
        self._threads.close(self._listener)


class BusyDesk(ThreadingHTTPServer):
    """A stand-in help desk (the kiosk API's answers, nothing stored) that refuses the
    first ``refusals`` new requests with 429 and ``Retry-After: retry_after``."""

    daemon_threads = True

    def __init__(self, refusals: int = 0, retry_after: str = "0") -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.refusals = refusals
        self.retry_after = retry_after
        self.attempts: list[str] = []  # request ids, one per POST
        self.stored: dict[str, dict[str, Any]] = {}
        self.closing = threading.Event()
        self.url = f"http://127.0.0.1:{self.server_address[1]}"
        threading.Thread(target=self.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.closing.set()
        self.shutdown()
        self.server_close()


class _Handler(BaseHTTPRequestHandler):
    server: BusyDesk
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        return

    def _answer(self, status: int, body: Any = None, **headers: str) -> None:
        data = json.dumps(body).encode() if body is not None else b""
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        if self.path == "/api/v1/kiosk/heartbeat":
            self._answer(204)
            return
        assert self.path == "/api/v1/kiosk/requests"
        self.server.attempts.append(body["id"])
        if len(self.server.attempts) <= self.server.refusals:
            self._answer(429, {"detail": "too many"}, Retry_After=self.server.retry_after)
            return
        self.server.stored[body["id"]] = body
        request = {"id": body["id"], "state": "waiting", "topic": body["topic"], "code": "K-12"}
        self._answer(201, {"request": request, "position": 1})

    def do_GET(self) -> None:
        assert self.path == "/api/v1/kiosk/events"
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        self.wfile.write(b'event: ready\ndata: {"open": 0}\n\n')
        self.wfile.flush()
        self.server.closing.wait()
