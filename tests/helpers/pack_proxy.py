"""A plain-HTTP man in the middle between a kiosk and its help desk, for the guide pack
tests: it passes everything on, or damages a pack on its way, or holds a download half
sent, or answers the kiosk's pack questions with another server's pack."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx

CHECK = "/api/v1/kiosk/guide-pack/check"
FILES = "/api/v1/kiosk/guide-pack/files/"
_HOP = {"host", "content-length", "connection", "transfer-encoding", "keep-alive"}


class PackProxy:
    """``url`` forwards to ``upstream``. Switches: ``damage`` (flip a byte of each pack
    file), ``hold`` (send half of a pack file, then nothing until ``release``), and
    ``other`` = (url, token): pack questions and files come from that server instead."""

    def __init__(self, upstream: str) -> None:
        self.upstream = upstream.rstrip("/")
        self.damage = False
        self.hold = False
        self.other: tuple[str, str] | None = None
        self.half_sent = threading.Event()
        self.release = threading.Event()
        self.files_served = 0
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *_args: Any) -> None:
                pass

            def do_GET(self) -> None:
                proxy.handle(self)

            def do_POST(self) -> None:
                proxy.handle(self)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def handle(self, request: BaseHTTPRequestHandler) -> None:
        length = int(request.headers.get("content-length") or 0)
        body = request.rfile.read(length) if length else b""
        headers = {k: v for k, v in request.headers.items() if k.lower() not in _HOP}
        upstream = self.upstream
        is_pack = request.path == CHECK or request.path.startswith(FILES)
        if self.other is not None and is_pack:
            upstream, token = self.other
            headers["Authorization"] = f"Bearer {token}"
        with httpx.Client(timeout=30) as client:
            answer = client.request(
                request.command, upstream + request.path, content=body, headers=headers
            )
        data = answer.content
        if request.path.startswith(FILES) and answer.status_code == 200:
            self.files_served += 1
            if self.damage:
                data = bytearray(data)
                data[len(data) // 2] ^= 0xFF
                data = bytes(data)
        request.send_response(answer.status_code)
        for name, value in answer.headers.items():
            if name.lower() not in _HOP:
                request.send_header(name, value)
        request.send_header("Content-Length", str(len(data)))
        request.send_header("Connection", "close")
        request.end_headers()
        if self.hold and request.path.startswith(FILES) and answer.status_code == 200:
            request.wfile.write(data[: len(data) // 2])
            request.wfile.flush()
            self.half_sent.set()
            self.release.wait(60)
            request.close_connection = True
            return
        request.wfile.write(data)
        request.close_connection = True

    def stop(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()
