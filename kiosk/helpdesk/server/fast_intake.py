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

It sits inside the security middleware (host check, body limit, security headers), which
still see every request. ``tests/e2e/helpdesk/test_helpdesk_fast_intake.py`` checks that
both paths answer alike.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from pydantic import ValidationError
from sqlalchemy.exc import DBAPIError
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kiosk.helpdesk.server.api_kiosk import (
    TOO_MANY_OPEN,
    TOO_MANY_OPEN_RETRY_S,
    RequestIn,
    bearer_token,
    visitor_view,
)
from kiosk.helpdesk.server.deps import Helpdesk
from kiosk.helpdesk.server.records import ConflictError, NewRequest, TooManyOpenError

log = logging.getLogger("kiosk.helpdesk.server")

PATH = "/api/v1/kiosk/requests"
#: The answer (503) when the database cannot be used; the kiosk keeps the request.
DATABASE_UNAVAILABLE = "the help desk's database is unavailable"


class FastIntake:
    """ASGI middleware: the everyday ``POST /api/v1/kiosk/requests`` (module docstring)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] != PATH or scope["method"] != "POST":
            await self.app(scope, receive, send)
            return
        state: Helpdesk = scope["app"].state.helpdesk
        authorization = content_type = b""
        for name, value in scope["headers"]:
            if name == b"authorization" and not authorization:
                authorization = value
            elif name == b"content-type" and not content_type:
                content_type = value
        token = bearer_token(authorization.decode("latin-1"))
        kiosk = state.store.cached_kiosk(token) if token else None
        if kiosk is None or not _is_json(content_type):
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
        try:
            stored, created, position = await state.store.create_request_async(kiosk, new)
        except ConflictError as exc:
            await _answer(send, 409, {"detail": str(exc)})
        except TooManyOpenError:
            retry = ((b"retry-after", TOO_MANY_OPEN_RETRY_S.encode()),)
            await _answer(send, 429, {"detail": TOO_MANY_OPEN}, retry)
        except DBAPIError as exc:  # as the app's handler: the kiosk tries again later
            log.error("database unavailable: %s", type(exc).__name__)
            await _answer(send, 503, {"detail": DATABASE_UNAVAILABLE})
        else:
            answer = {"request": visitor_view(stored), "position": position}
            await _answer(send, 201 if created else 200, answer)


def _is_json(content_type: bytes) -> bool:
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
    send: Send, status: int, payload: dict[str, Any], extra: tuple[tuple[bytes, bytes], ...] = ()
) -> None:
    data = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
    headers = [
        (b"content-length", b"%d" % len(data)),
        (b"content-type", b"application/json"),
        *extra,
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": data})
