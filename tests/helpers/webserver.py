"""A local test web server: the only "internet" tests ever see.

Routes map a path to a handler that returns (status, headers, body). Every request is
recorded (path, headers, cookies), so a test can check what a server saw — for
example that the second visitor sent none of the first visitor's cookies.
"""

from __future__ import annotations

import contextlib
import ssl
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

#: (status, headers, body); a body that is an iterator of parts is streamed.
Response = tuple[int, dict[str, str], bytes | Iterator[bytes]]
Handler = Callable[["Request"], Response]


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    query: str
    headers: dict[str, str]
    cookies: dict[str, str]
    body: bytes


def html(body: str, title: str = "Test page", status: int = 200, **headers: str) -> Response:
    page = f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title></head>"
    page += f"<body>{body}</body></html>"
    return status, {"Content-Type": "text/html; charset=utf-8", **headers}, page.encode()


@dataclass
class LocalServer:
    routes: dict[str, Handler] = field(default_factory=dict)
    requests: list[Request] = field(default_factory=list)
    host: str = "127.0.0.1"
    port: int = 0

    @property
    def base(self) -> str:
        return f"http://{self.host}:{self.port}"

    def url(self, path: str = "/") -> str:
        return self.base + path

    def route(self, path: str, handler: Handler | str) -> None:
        if isinstance(handler, str):
            text = handler
            self.routes[path] = lambda _req: html(text, title=path)
        else:
            self.routes[path] = handler

    def seen(self, path: str) -> list[Request]:
        return [r for r in self.requests if r.path == path]


def _handler_class(server: LocalServer) -> type[BaseHTTPRequestHandler]:
    class _Handler(BaseHTTPRequestHandler):
        def _serve(self) -> None:
            parts = urlsplit(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            cookie = SimpleCookie(self.headers.get("Cookie", ""))
            request = Request(
                method=self.command,
                path=parts.path,
                query=parts.query,
                headers={k.lower(): v for k, v in self.headers.items()},
                cookies={k: m.value for k, m in cookie.items()},
                body=body,
            )
            server.requests.append(request)
            handler = server.routes.get(parts.path)
            if handler is None:
                status, headers, payload = html("Not found", status=404)
            else:
                status, headers, payload = handler(request)
            self.send_response(status)
            for name, value in headers.items():
                for one in value.split("\n"):
                    self.send_header(name, one)
            if isinstance(payload, bytes):
                self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            if self.command == "HEAD":
                return
            # The browser may have gone away (a wipe mid-load): not a test failure.
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                if isinstance(payload, bytes):
                    self.wfile.write(payload)
                else:  # streamed in parts; the response ends when the connection closes
                    for part in payload:
                        self.wfile.write(part)
                        self.wfile.flush()

        do_GET = do_POST = do_HEAD = _serve  # noqa: N815 - http.server's names

        def log_message(self, format: str, *args: object) -> None:
            return

    return _Handler


@contextmanager
def serve(host: str = "127.0.0.1", tls: ssl.SSLContext | None = None) -> Iterator[LocalServer]:
    """Serve on a free port; with ``tls``, over https (for certificate tests)."""
    server = LocalServer(host=host)
    httpd = ThreadingHTTPServer((host, 0), _handler_class(server))
    if tls is not None:
        httpd.socket = tls.wrap_socket(httpd.socket, server_side=True)
    httpd.daemon_threads = True
    server.port = httpd.server_address[1]
    thread = threading.Thread(target=httpd.serve_forever, name="test-web", daemon=True)
    thread.start()
    try:
        yield server
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()
