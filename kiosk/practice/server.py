"""Serve the practice site on this computer only, in a background thread.

``PracticeSite`` is what the kiosk (and the tests, and ``python -m kiosk.practice``) start:

    with PracticeSite() as site:          # 127.0.0.1, a free port
        browser.load(site.base_url + "/fi/")

Privacy: nothing is written to disk; each visitor's answers live in memory, found by a
session cookie, and are gone when the browser profile is (the kiosk's wipe) or the site
stops. Request lines are never logged with their query strings, and form data never.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import sys
import threading
from http import HTTPStatus
from http.cookies import CookieError, SimpleCookie
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any, ClassVar
from urllib.parse import parse_qs, urlsplit

from kiosk.practice import routes
from kiosk.practice.bodies import (
    MAX_FORM_BYTES,
    MAX_UPLOAD_BYTES,
    Body,
    BodyError,
    BodyProblem,
    body_limit,
    parse_body,
)
from kiosk.practice.pages import Frame, Request, Response, redirect
from kiosk.practice.render import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    Renderer,
    pick_language,
    resources_dir,
)
from kiosk.practice.visitors import VisitorState, VisitorStore

log = logging.getLogger("kiosk.practice")

COOKIE_NAME = "practice_visitor"
#: A body bigger than its limit is read and thrown away up to this size, so the browser
#: gets our "too big" page instead of a broken connection; beyond it, the connection closes.
DRAIN_LIMIT = 64 * 1024 * 1024
#: Seconds an idle connection may stay open before its thread lets go of it.
CONNECTION_TIMEOUT_S = 15

_STATIC_TYPES = {
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
}
_SECURITY_HEADERS = (
    (
        "Content-Security-Policy",
        "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self'; "
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    ),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
)
#: When even the friendly page cannot be built (a broken install).
_LAST_RESORT = (
    b"<!doctype html><meta charset=utf-8><title>Harjoitus</title>"
    b"<h1>Harjoitussivu ei toimi nyt. / The practice page does not work now.</h1>"
    b'<p><a href="/fi/">Alkuun / Start</a></p>'
)


class _Server(ThreadingHTTPServer):
    """Remembers its open connections so that ``stop()`` can close them at once."""

    daemon_threads = True

    def __init__(
        self,
        address: tuple[str, int],
        site: PracticeSite,
        listening: socket.socket | None = None,
    ) -> None:
        self.site = site
        self.open_sockets: set[socket.socket] = set()
        self.sockets_lock = threading.Lock()
        super().__init__(address, _Handler, bind_and_activate=listening is None)
        if listening is not None:  # bound and listening already (kiosk/practice/listener.py)
            self.socket.close()
            self.socket = listening
            self.server_address = listening.getsockname()[:2]
            self.server_name, self.server_port = str(address[0]), self.server_address[1]

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A browser that went away mid-answer is normal (a wipe, another tile); anything
        else goes to the kiosk's log, not to standard error."""
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        log.exception("the practice site failed on a request")

    def process_request(self, request: Any, client_address: Any) -> None:
        with self.sockets_lock:
            self.open_sockets.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self.sockets_lock:
            self.open_sockets.discard(request)
        super().shutdown_request(request)

    def close_open_connections(self) -> None:
        with self.sockets_lock:
            sockets = list(self.open_sockets)
        for sock in sockets:
            with contextlib.suppress(OSError):  # already closed by its thread
                sock.shutdown(socket.SHUT_RDWR)


class PracticeSite:
    """The practice site on ``host``:``port`` (port 0: a free one), served from a thread."""

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        resources: Path | None = None,
        max_upload_bytes: int = MAX_UPLOAD_BYTES,
    ) -> None:
        self.host = host
        self._requested_port = port
        self.resources = resources or resources_dir()
        self.max_upload_bytes = max_upload_bytes
        self.visitors = VisitorStore()
        #: One request at a time changes visitor state and renders (pages are quick).
        self.page_lock = threading.Lock()
        self.renderer: Renderer | None = None
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    # -- life --------------------------------------------------------------------------
    def start(self, listening: socket.socket | None = None) -> None:
        """Serve from a thread: on a new socket, or on ``listening`` (bound and listening
        already; connections that waited in its queue are answered now)."""
        if self._server is not None:
            raise RuntimeError("the practice site is already running")
        self.renderer = Renderer(self.resources)
        self._server = _Server((self.host, self._requested_port), self, listening)
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.2},
            name="practice-site",
            daemon=True,
        )
        self._thread.start()
        log.info("practice site serving at %s", self.base_url)

    def stop(self) -> None:
        """Stop serving, close open connections, and forget every visitor."""
        server, thread = self._server, self._thread
        if server is None:
            return
        server.shutdown()
        server.close_open_connections()
        server.server_close()
        if thread is not None:
            thread.join()
        self._server = self._thread = None
        self.visitors.clear()
        log.info("practice site stopped")

    def forget_visitors(self) -> None:
        """Drop every visitor's practice answers now (the kiosk's wipe calls this).

        A new session's browser has no cookie, so it would start afresh anyway; this makes
        sure nothing the last visitor typed stays in memory either.
        """
        self.visitors.clear()

    def leftovers(self) -> list[str]:
        return [f"{len(self.visitors)} practice visitor(s) still kept"] if self.visitors else []

    def __enter__(self) -> PracticeSite:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    # -- where -------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._server is not None

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("the practice site is not running; call start() first")
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        """For example ``http://127.0.0.1:41234`` (no slash at the end)."""
        host = self.host if ":" not in self.host else f"[{self.host}]"
        return f"http://{host}:{self.port}"


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    server_version = "PracticeSite"
    sys_version = ""
    timeout = CONNECTION_TIMEOUT_S
    error_content_type = "text/html; charset=utf-8"

    _static_names: ClassVar[dict[Path, frozenset[str]]] = {}

    @property
    def site(self) -> PracticeSite:
        return self.server.site

    # -- logging: never the query string, never a form ---------------------------------
    def log_message(self, fmt: str, *args: Any) -> None:
        pass  # the base class logs whole request lines; log_request below says enough

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        path = urlsplit(getattr(self, "path", "")).path
        log.debug("%s %s -> %s", getattr(self, "command", "-"), path, code)

    # -- methods ---------------------------------------------------------------------------
    def do_GET(self) -> None:
        self._handle(send_body=True)

    def do_HEAD(self) -> None:
        self._handle(send_body=False)

    def do_POST(self) -> None:
        self._handle(send_body=True)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Malformed requests and unknown methods: our friendly page, not the stock one."""
        status = HTTPStatus(code) if code in HTTPStatus._value2member_map_ else HTTPStatus(500)
        key = "error.method" if status == HTTPStatus.NOT_IMPLEMENTED else "error.malformed"
        frame = self._frame(DEFAULT_LANGUAGE, "", VisitorState(), "GET")
        try:
            response = routes.problem(frame, key, int(status))
        except Exception:
            log.exception("the practice error page failed")
            response = Response(int(status), _LAST_RESORT)
        self.close_connection = True
        # A request line too broken to parse counts as HTTP/0.9, which has no status line;
        # nobody speaks 0.9 any more, so answer in 1.0.
        self.request_version = "HTTP/1.0"
        self._send(response, send_body=self.command != "HEAD", cookie=None)

    # -- the work ----------------------------------------------------------------------
    def _handle(self, *, send_body: bool) -> None:
        self.close_connection = True
        try:
            parts = urlsplit(self.path)
            path = parts.path
            if path.startswith("/static/"):
                self._send(self._static(path[len("/static/") :]), send_body=send_body, cookie=None)
                return
            response, cookie = self._page(path, parts.query)
        except ConnectionError:
            return  # the page was closed (a wipe, another tile) before its answer was sent
        except Exception:
            log.exception("the practice site failed on a request")
            response, cookie = self._safe_problem("error.internal", 500), None
        self._send(response, send_body=send_body, cookie=cookie)

    def _page(self, path: str, query: str) -> tuple[Response, str | None]:
        visitor_id, visitor, new = self.site.visitors.get(self._cookie())
        cookie = visitor_id if new else None
        lang = DEFAULT_LANGUAGE
        if path in ("", "/"):
            return redirect(pick_language(self.headers.get("Accept-Language"))), cookie
        if path == "/reset":
            wanted = parse_qs(query).get("lang", [lang])[0]
            self.site.visitors.forget(visitor_id)
            return redirect(wanted if wanted in LANGUAGES else lang), None
        segments = path.strip("/").split("/", 1)
        lang_given, rest = segments[0], (segments[1] if len(segments) > 1 else "")
        known_lang = lang_given in LANGUAGES
        if known_lang:
            lang = lang_given
        if known_lang and not path.endswith("/") and not rest:
            return redirect(lang), cookie  # "/fi" -> "/fi/"
        body, body_error = Body({}), None
        if self.command == "POST":
            try:
                body = self._read_body(rest if known_lang else "")
            except BodyError as exc:
                body_error = exc
        request = Request(
            method=self.command if self.command == "POST" else "GET",
            lang=lang,
            path=rest.strip("/") if known_lang else path.strip("/"),
            visitor=visitor,
            form=body.fields,
            files=body.files,
            body_error=body_error,
        )
        with self.site.page_lock:
            frame = self._frame_for(request)
            if not known_lang:
                return routes.not_found(frame), cookie
            return routes.dispatch(frame), cookie

    def _frame(self, lang: str, path: str, visitor: VisitorState, method: str) -> Frame:
        return self._frame_for(Request(method=method, lang=lang, path=path, visitor=visitor))

    def _frame_for(self, request: Request) -> Frame:
        renderer = self.site.renderer
        if renderer is None:  # pragma: no cover - start() sets it before serving
            raise RuntimeError("the practice site has not started")
        return Frame(renderer, request)

    def _safe_problem(self, key: str, status: int) -> Response:
        try:
            frame = self._frame(DEFAULT_LANGUAGE, "", VisitorState(), "GET")
            return routes.problem(frame, key, status)
        except Exception:
            log.exception("the practice error page failed")
            return Response(status, _LAST_RESORT)

    def _cookie(self) -> str | None:
        header = self.headers.get("Cookie")
        if not header:
            return None
        try:
            jar = SimpleCookie(header)
        except CookieError:
            return None
        morsel = jar.get(COOKIE_NAME)
        return morsel.value if morsel else None

    def _read_body(self, route_path: str) -> Body:
        content_type = self.headers.get("Content-Type", "")
        length_text = self.headers.get("Content-Length")
        if length_text is None:
            raise BodyError(BodyProblem.NO_LENGTH)
        if not length_text.strip().isdigit():
            raise BodyError(BodyProblem.MALFORMED)
        length = int(length_text)
        if routes.accepts_uploads(route_path.strip("/")):
            limit = body_limit(content_type, self.site.max_upload_bytes)
        else:
            limit = MAX_FORM_BYTES
        if length > limit:
            self._drain(length)
            raise BodyError(BodyProblem.TOO_BIG)
        data = self.rfile.read(length)
        if len(data) != length:
            raise BodyError(BodyProblem.MALFORMED)
        return parse_body(content_type, data)

    def _drain(self, length: int) -> None:
        """Read and drop an oversize body, so the browser can show our page."""
        if length > DRAIN_LIMIT:
            return  # not worth it; the connection is closed after the answer
        remaining = length
        while remaining > 0:
            chunk = self.rfile.read(min(remaining, 1024 * 1024))
            if not chunk:
                return
            remaining -= len(chunk)

    def _static(self, name: str) -> Response:
        folder = self.site.resources / "static"
        names = self._static_names.get(folder)
        if names is None:
            names = frozenset(p.name for p in folder.iterdir() if p.suffix in _STATIC_TYPES)
            self._static_names[folder] = names
        if name not in names:
            return self._safe_problem("error.not_found", 404)
        file = folder / name
        return Response(200, file.read_bytes(), content_type=_STATIC_TYPES[file.suffix])

    def _send(self, response: Response, *, send_body: bool, cookie: str | None) -> None:
        self.send_response(response.status)
        self.send_header("Content-Type", response.content_type)
        self.send_header("Content-Length", str(len(response.body)))
        self.send_header("Cache-Control", "no-store")
        for name, value in _SECURITY_HEADERS:
            self.send_header(name, value)
        if response.location:
            self.send_header("Location", response.location)
        if response.download_name:
            self.send_header(
                "Content-Disposition", f'attachment; filename="{response.download_name}"'
            )
        if cookie is not None:
            self.send_header(
                "Set-Cookie", f"{COOKIE_NAME}={cookie}; Path=/; HttpOnly; SameSite=Lax"
            )
        self.send_header("Connection", "close")
        self.end_headers()
        if send_body:
            self.wfile.write(response.body)
