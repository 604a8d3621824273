"""HTTP to the help desk with the standard library: kept-alive connections that the
server closed, answers too large, a prefix in the address, waking a blocked thread."""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Callable, Iterator

import pytest

from kiosk.helpdesk.connection import Http, TransportError, fingerprint, readable_fingerprint
from tests.helpers.helpdesk_faults import BlackHole
from tests.helpers.helpdesk_servers import wait_until

Script = Callable[[socket.socket, bytes], None]


class Scripted:
    """A server that runs ``script`` on each connection with the request it read."""

    def __init__(self, script: Script) -> None:
        self.script = script
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}"
        self.connections = 0
        self.requests: list[bytes] = []
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while True:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            self.connections += 1
            with conn, contextlib.suppress(OSError):  # the client may hang up first
                while request := _read_request(conn):
                    self.requests.append(request)
                    self.script(conn, request)
                    if conn.fileno() == -1:
                        break

    def close(self) -> None:
        self.listener.shutdown(socket.SHUT_RDWR)
        self.listener.close()
        self.thread.join(5)


def _read_request(conn: socket.socket) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return b""
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = next(
        (
            int(line.split(b":")[1])
            for line in head.split(b"\r\n")
            if line.lower().startswith(b"content-length")
        ),
        0,
    )
    while len(body) < length:
        body += conn.recv(65536)
    return head


def ok(conn: socket.socket, body: bytes = b'{"ok": true}') -> None:
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body))


@pytest.fixture
def serve() -> Iterator[Callable[[Script], Scripted]]:
    made: list[Scripted] = []

    def start(script: Script) -> Scripted:
        made.append(Scripted(script))
        return made[-1]

    yield start
    for server in made:
        server.close()


def test_a_kept_alive_connection_the_server_closed_is_tried_once_afresh(
    serve: Callable[[Script], Scripted],
) -> None:
    def answer_then_hang_up(conn: socket.socket, _request: bytes) -> None:
        ok(conn)  # says nothing of closing, then closes: as an idle timeout does
        conn.close()

    server = serve(answer_then_hang_up)
    with Http(server.url) as http:
        assert http.post("/a", {"n": 1}).json() == {"ok": True}
        assert http.post("/b", {"n": 2}).json() == {"ok": True}
    assert server.connections == 2
    assert [r.split(b"\r\n")[0] for r in server.requests] == [
        b"POST /a HTTP/1.1",
        b"POST /b HTTP/1.1",
    ]


def test_a_fresh_connection_that_fails_is_not_tried_again(
    serve: Callable[[Script], Scripted],
) -> None:
    server = serve(lambda conn, _request: conn.close())
    with Http(server.url) as http, pytest.raises(TransportError) as caught:
        http.get("/a")
    assert caught.value.kind == "RemoteDisconnected"
    assert server.connections == 1


def test_the_connection_is_kept_alive(serve: Callable[[Script], Scripted]) -> None:
    server = serve(lambda conn, _request: ok(conn))
    with Http(server.url) as http:
        for n in range(3):
            assert http.post("/a", {"n": n}).status == 200
    assert server.connections == 1


def test_an_answer_too_large_is_refused(serve: Callable[[Script], Scripted]) -> None:
    server = serve(lambda conn, _request: ok(conn, b"x" * (2 << 20)))
    with Http(server.url) as http, pytest.raises(TransportError, match="AnswerTooLarge"):
        http.get("/a")


def test_the_address_may_have_a_path(serve: Callable[[Script], Scripted]) -> None:
    server = serve(lambda conn, _request: ok(conn))
    with Http(server.url + "/helpdesk/", headers={"Authorization": "Bearer t"}) as http:
        http.get("/api/v1/health")
    head = server.requests[0].split(b"\r\n")
    assert head[0] == b"GET /helpdesk/api/v1/health HTTP/1.1"
    assert b"Authorization: Bearer t" in head


def test_abort_wakes_a_thread_waiting_for_an_answer() -> None:
    hole = BlackHole()
    http = Http(hole.url, timeout=60)
    failures: list[TransportError] = []

    def wait() -> None:
        try:
            http.get("/api/v1/health")
        except TransportError as exc:
            failures.append(exc)

    thread = threading.Thread(target=wait)
    thread.start()
    try:
        wait_until(lambda: hole.requests, what="the request to be on its way")
        http.abort()
        thread.join(10)
        assert not thread.is_alive()
        assert len(failures) == 1
    finally:
        hole.close()


@pytest.mark.parametrize(
    "url", ["ftp://x", "http://", "desk.example:80", "http://x:port", "https://[::1"]
)
def test_an_address_that_is_not_a_help_desks(url: str) -> None:
    with pytest.raises(ValueError):
        Http(url)


def test_fingerprints() -> None:
    pin = fingerprint(b"certificate")
    assert pin.startswith("sha256:") and len(pin) == 7 + 64
    readable = readable_fingerprint(pin)
    assert readable.startswith("SHA-256 ") and readable.count(":") == 31
    assert readable.replace(":", "").removeprefix("SHA-256 ").lower() == pin[7:]
