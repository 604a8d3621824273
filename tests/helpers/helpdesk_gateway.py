"""A loopback reverse proxy in front of the help desk that can answer 502 Bad Gateway,
as nginx does while the help desk restarts. Responses are streamed (event streams
pass through). ``fail()`` also cuts the streams that are open, as a proxy restart does.
"""

from __future__ import annotations

import contextlib
import http.client
import http.server
import socket
import threading
from typing import Any

_HOP = {"connection", "keep-alive", "transfer-encoding", "te", "upgrade", "proxy-connection"}


class Gateway:
    def __init__(self, upstream_port: int) -> None:
        gateway = self
        self.upstream_port = upstream_port
        self.failing = threading.Event()
        self.bad_gateways = 0
        self._open: set[socket.socket] = set()
        self._lock = threading.Lock()

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                gateway._forward(self)

            def do_POST(self) -> None:
                gateway._forward(self)

            def log_message(self, *args: Any) -> None:
                pass

        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.port = int(self._server.server_address[1])
        self.url = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def fail(self) -> None:
        """From now on answer 502, and cut what is open."""
        self.failing.set()
        with self._lock:
            for sock in list(self._open):
                with contextlib.suppress(OSError):  # already closed
                    sock.shutdown(socket.SHUT_RDWR)

    def restore(self) -> None:
        self.failing.clear()

    def close(self) -> None:
        self.fail()
        self._server.shutdown()
        self._server.server_close()

    def _forward(self, handler: http.server.BaseHTTPRequestHandler) -> None:
        length = int(handler.headers.get("Content-Length") or 0)
        body = handler.rfile.read(length) if length else None
        if self.failing.is_set():
            with self._lock:
                self.bad_gateways += 1
            page = b"<html><body><h1>502 Bad Gateway</h1></body></html>"
            handler.send_response(502)
            handler.send_header("Content-Type", "text/html")
            handler.send_header("Content-Length", str(len(page)))
            handler.end_headers()
            handler.wfile.write(page)
            return
        upstream = http.client.HTTPConnection("127.0.0.1", self.upstream_port, timeout=120)
        headers = {k: v for k, v in handler.headers.items() if k.lower() not in _HOP}
        with self._lock:
            self._open.add(handler.connection)
        try:
            upstream.request(handler.command, handler.path, body=body, headers=headers)
            response = upstream.getresponse()
            handler.send_response(response.status)
            for key, value in response.getheaders():
                if key.lower() not in _HOP and key.lower() != "content-length":
                    handler.send_header(key, value)
            handler.send_header("Transfer-Encoding", "chunked")
            handler.end_headers()
            while True:
                chunk = response.read1(65536)
                if not chunk:
                    break
                handler.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                handler.wfile.flush()
            handler.wfile.write(b"0\r\n\r\n")
        except OSError:
            handler.close_connection = True
        finally:
            with self._lock:
                self._open.discard(handler.connection)
            upstream.close()
