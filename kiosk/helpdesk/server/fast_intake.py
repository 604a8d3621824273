"""The help desk's busiest endpoint, a kiosk's new request, on a short path.

``POST /api/v1/kiosk/requests`` is what every kiosk sends and what the benchmark sends
flat out. Through FastAPI's general machinery (routing, the dependency solver, the
exception and exit-stack layers, the response model) it spent more of the server's time
than storing the request durably did. :class:`FastIntake` answers the everyday case
itself, with the same parts as the endpoint (``api_kiosk.RequestIn``, the store,
``api_kiosk.visitor_view``):

- a known device token (one the store has cached), a JSON body that ``RequestIn``
  accepts: the request is stored and answered here (201, or 200 for a resend), as are
  the endpoint's own refusals (409, 429) and a database that is down (503);
- anything else (no or unknown token, another content type, invalid JSON or fields)
  goes on to FastAPI unchanged, body and all, which gives the answer it always gave.

It stands in front of the whole middleware stack (``app.HelpdeskApp``): the layers that
every other request passes (Starlette's error and exception layers, FastAPI's body limit
and telemetry, the host check, the body limit and the security headers, the router) cost
a new request more than its share of the commit. So it makes the same checks itself, and
only takes a request that all of them would let through: a Host the server answers to
(exactly, or by a ``*.`` pattern), a Content-Length within ``max_body_bytes``; its
answers carry the same security headers. Anything else goes on, untouched, to the stack
that refuses it as before. ``tests/e2e/helpdesk/test_helpdesk_fast_intake.py`` checks
that both paths answer alike, headers included.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from pydantic import ValidationError
from sqlalchemy.exc import DBAPIError
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kiosk.helpdesk.server.api_kiosk import (
    TOO_MANY_OPEN,
    TOO_MANY_OPEN_RETRY_S,
    RequestIn,
    bearer_token,
    visitor_view,
)
from kiosk.helpdesk.server.deps import Helpdesk, is_https
from kiosk.helpdesk.server.records import ConflictError, NewRequest, TooManyOpenError
from kiosk.helpdesk.server.security import security_headers
from kiosk.helpdesk.server.settings import ServerSettings

log = logging.getLogger("kiosk.helpdesk.server")

PATH = "/api/v1/kiosk/requests"
#: The answer (503) when the database cannot be used; the kiosk keeps the request.
DATABASE_UNAVAILABLE = "the help desk's database is unavailable"


class FastIntake:
    """ASGI app in front of the help desk's stack: the everyday ``POST
    /api/v1/kiosk/requests`` (module docstring); everything else goes on to ``app``."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self._checks: _Checks | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] != PATH or scope["method"] != "POST":
            await self.app(scope, receive, send)
            return
        state: Helpdesk = scope["app"].state.helpdesk
        checks = self._checks
        if checks is None or checks.settings is not state.settings:
            checks = self._checks = _Checks(state.settings)
        authorization: bytes | None = None
        content_type = host = length = authorization
        for name, value in scope["headers"]:
            if name == b"authorization":
                authorization = value if authorization is None else b""
            elif name == b"content-type":
                content_type = value if content_type is None else b""
            elif name == b"host":
                host = value if host is None else b""
            elif name == b"content-length":
                length = value if length is None else b""
        token = bearer_token(authorization.decode("latin-1")) if authorization else None
        kiosk = state.store.cached_kiosk(token) if token else None
        if (
            kiosk is None
            or not _is_json(content_type)
            or not checks.host_allowed(host)
            or not checks.length_allowed(length)
        ):
            await self.app(scope, receive, send)
            return
        chunks: list[bytes] = []
        more = True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away
            chunks.append(message.get("body", b""))
            more = message.get("more_body", False)
        body = b"".join(chunks)
        new = _valid(body)
        if new is None:
            await self.app(scope, _replay(body, receive), send)
            return
        headers = checks.headers(scope)
        try:
            stored, created, position = await state.store.create_request_async(kiosk, new)
        except ConflictError as exc:
            await _answer(send, 409, {"detail": str(exc)}, headers)
        except TooManyOpenError:
            retry = [(b"retry-after", TOO_MANY_OPEN_RETRY_S.encode()), *headers]
            await _answer(send, 429, {"detail": TOO_MANY_OPEN}, retry)
        except DBAPIError as exc:  # as the app's handler: the kiosk tries again later
            log.error("database unavailable: %s", type(exc).__name__)
            await _answer(send, 503, {"detail": DATABASE_UNAVAILABLE}, headers)
        except Exception:  # as the error layer this path skips: 500, and the trace logged
            log.exception("a new request failed")
            await _answer(send, 500, {"detail": "internal error"}, headers)
        else:
            answer = {"request": visitor_view(stored), "position": position}
            await _answer(send, 201 if created else 200, answer, headers)


class _Checks:
    """What the middleware this path skips would check, from the server's settings."""

    def __init__(self, settings: ServerSettings) -> None:
        self.settings = settings
        hosts = [host.lower() for host in settings.allowed_hosts]
        self._exact = frozenset(h for h in hosts if not h.startswith("*"))
        self._suffixes = tuple(h[1:] for h in hosts if h.startswith("*."))
        self._limit = settings.max_body_bytes
        self._plain = security_headers(PATH, hsts=None)
        hsts = f"max-age={settings.hsts_max_age_s}".encode()
        self._https = security_headers(PATH, hsts=hsts if settings.hsts_max_age_s > 0 else None)

    def host_allowed(self, value: bytes | None) -> bool:
        """A Host the host check lets through (anything unsure: no, and the check says)."""
        if not value:
            return False
        host = value.decode("latin-1").lower()
        name, colon, port = host.rpartition(":")
        if colon and port.isdigit():
            host = name
        if ":" in host and not host.startswith("["):
            return False  # an address without brackets: not a valid Host
        return host in self._exact or host.endswith(self._suffixes)

    def length_allowed(self, value: bytes | None) -> bool:
        """A body of a declared size the body limit lets through (none declared: no)."""
        return value is not None and value.isdigit() and int(value) <= self._limit

    def headers(self, scope: Scope) -> list[tuple[bytes, bytes]]:
        if scope.get("scheme") == "https" or (
            self.settings.trusted_proxies and is_https(Request(scope), self.settings)
        ):
            return self._https
        return self._plain


def _is_json(content_type: bytes | None) -> bool:
    if content_type is None:
        return False
    return content_type.partition(b";")[0].strip().lower() == b"application/json"


def _valid(body: bytes) -> NewRequest | None:
    """The new request in ``body`` if the endpoint would accept it; None: let it decide."""
    try:
        data = json.loads(body)
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    try:
        valid = RequestIn.model_validate(data)
    except ValidationError:
        return None
    return NewRequest(valid.id, valid.topic, valid.guide_id, valid.step, valid.phone)


def _replay(body: bytes, receive: Receive) -> Receive:
    replayed = False

    async def again() -> Message:
        nonlocal replayed
        if not replayed:
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return again


async def _answer(
    send: Send, status: int, payload: dict[str, Any], extra: list[tuple[bytes, bytes]]
) -> None:
    data = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
    headers = [
        (b"content-length", b"%d" % len(data)),
        (b"content-type", b"application/json"),
        *extra,
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": data})
