"""ASGI middleware that every response passes: a body-size limit and the security
headers (a strict Content-Security-Policy: scripts and styles only as files from this
server, nothing inline, no framing; Strict-Transport-Security when reached over https).
"""

from __future__ import annotations

import json
import re
from typing import Any

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kiosk.helpdesk.server.deps import is_https
from kiosk.helpdesk.server.settings import ServerSettings

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; media-src 'self'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]


def security_headers(path: str, hsts: bytes | None) -> list[tuple[bytes, bytes]]:
    """The headers every response to ``path`` gets (unless it sets one itself); ``hsts``:
    the Strict-Transport-Security value, on https only."""
    headers = list(_HEADERS)
    if path.startswith(("/api/", "/staff")):
        headers.append((b"cache-control", b"no-store"))
    if hsts is not None:
        headers.append((b"strict-transport-security", hsts))
    return headers


class SecurityHeaders:
    def __init__(self, app: ASGIApp, settings: ServerSettings) -> None:
        self.app = app
        self.settings = settings
        self.hsts = f"max-age={settings.hsts_max_age_s}".encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        # Browsers ignore HSTS over plain http; sent only where it means something.
        hsts = self.settings.hsts_max_age_s > 0 and is_https(Request(scope), self.settings)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                extra = security_headers(scope["path"], self.hsts if hsts else None)
                headers.extend(h for h in extra if h[0] not in present)
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyLimit:
    """Refuses bodies over ``limit`` bytes with 413, by header and by counting.

    ``larger``: (path pattern, limit) for the few paths that take more (pictures).
    """

    def __init__(self, app: ASGIApp, limit: int, larger: tuple[tuple[str, int], ...] = ()) -> None:
        self.app = app
        self.limit = limit
        self.larger = tuple((re.compile(pattern), size) for pattern, size in larger)

    def limit_for(self, path: str) -> int:
        return next((size for pattern, size in self.larger if pattern.match(path)), self.limit)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope["path"])
        for name, value in scope.get("headers", []):
            if name == b"content-length" and (not value.isdigit() or int(value) > limit):
                await _too_large(send)
                return
        if scope["method"] not in ("POST", "PUT", "PATCH", "DELETE"):
            await self.app(scope, receive, send)
            return
        # Small JSON APIs only: read the whole body first, so that an oversize one is
        # refused before any endpoint runs.
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                await _too_large(send)
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": b"".join(chunks), "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


async def _too_large(send: Send) -> None:
    body: dict[str, Any] = {"detail": "the request body is too large"}
    data = json.dumps(body).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", b"%d" % len(data)),
            ],
        }
    )
    await send({"type": "http.response.body", "body": data})
