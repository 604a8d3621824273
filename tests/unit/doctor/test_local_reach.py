"""The doctor's network check, against a local server (no internet here, as on many
centres' first day): the standard library's HEAD, the server's clock, a missing name."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from kiosk.doctor.local import _reach_one


class _Head(BaseHTTPRequestHandler):
    def do_HEAD(self) -> None:
        self.send_response(204)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        return


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Head)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


def test_a_reachable_server_and_its_clock(server: str) -> None:
    reach = _reach_one(server)
    assert reach.resolved
    assert reach.status == 204
    assert reach.clock_offset_s is not None and abs(reach.clock_offset_s) < 3600


def test_a_name_that_does_not_resolve() -> None:
    reach = _reach_one("https://no-such-host.invalid/")
    assert not reach.resolved
    assert "name not found" in (reach.error or "")
