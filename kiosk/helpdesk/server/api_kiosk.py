"""The kiosk API: pairing, requests, status, cancel, heartbeat and the status stream.

Kiosks send ``Authorization: Bearer <device token>``. An unknown token gets 401 with no
detail. Request ids are made on the kiosk, so sending the same request twice stores it
once (200 instead of 201 the second time). A kiosk with too many open requests gets 429
(its outbox tries again later). Failed pairing attempts are counted per address.

Every kiosk keeps its status stream open, so the streams' work per event is what the
server does most: an event is looked at (not decoded) by each stream, and the places
in line of a centre are counted once per event, not once per stream.
"""

from __future__ import annotations

import asyncio
import hmac
import json
from collections.abc import AsyncIterator
from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Request, Response
from pydantic import BaseModel, ConfigDict, Field, field_validator
from starlette.concurrency import run_in_threadpool

from kiosk.helpdesk import model
from kiosk.helpdesk.model import Action
from kiosk.helpdesk.server import sse
from kiosk.helpdesk.server.deps import Helpdesk, HelpdeskDep, client_address
from kiosk.helpdesk.server.store import (
    ConflictError,
    Kiosk,
    NewRequest,
    NotFoundError,
    TooManyOpenError,
)
from kiosk.helpdesk.server.throttle import MAX_PAIRING_PER_ADDRESS, failure_key, security_log
from kiosk.helpdesk.server.tls import CertificateError, certificate_fingerprint

router = APIRouter(prefix="/api/v1")

#: What a kiosk is told about its request: nothing it did not send, plus staff's answer.
VISITOR_FIELDS = (
    "id",
    "code",
    "topic",
    "state",
    "outcome",
    "message",
    "minutes",
    "staff_name",
    "visitor_left",
    "created_at",
    "updated_at",
)


#: The answer (429) to a kiosk with as many open requests as it may have.
TOO_MANY_OPEN = "this kiosk has too many open requests"
TOO_MANY_OPEN_RETRY_S = "60"


class _Input(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PairIn(_Input):
    code: str = Field(min_length=4, max_length=20)


class PairOut(BaseModel):
    kiosk_id: int
    kiosk_name: str
    centre: str
    token: str
    certificate_sha256: str | None = Field(
        None,
        description="Fingerprint of the certificate this server serves itself (null "
        "behind a proxy or on plain http); the kiosk pins the one it saw.",
    )
    admin_secret: str = Field(
        description="The kiosk's one-time admin code secret (TOTP): given once, here."
    )


class RequestIn(_Input):
    id: str = Field(description="UUID made on the kiosk; resending it is harmless.")
    topic: model.Topic
    guide_id: str | None = Field(None, max_length=model.MAX_GUIDE_ID_LEN)
    step: int | None = Field(None, ge=0, le=model.MAX_STEP)
    phone: str | None = Field(None, max_length=30, description="Call-back number, optional.")

    @field_validator("id")
    @classmethod
    def _uuid(cls, value: str) -> str:
        if not model.is_request_id(value):
            raise ValueError("must be a lower-case UUID")
        return value

    @field_validator("guide_id")
    @classmethod
    def _guide(cls, value: str | None) -> str | None:
        return model.valid_guide_id(value) if value else None

    @field_validator("phone")
    @classmethod
    def _phone(cls, value: str | None) -> str | None:
        return model.normalise_phone(value) if value and value.strip() else None


class CancelIn(_Input):
    reason: Literal["cancel", "visitor_left"] = "cancel"


class HeartbeatIn(_Input):
    version: str = Field("", max_length=40)
    uptime_s: int = Field(0, ge=0)
    outbox_pending: int = Field(0, ge=0)
    cpu_percent: float | None = Field(None, ge=0, le=100)
    memory_percent: float | None = Field(None, ge=0, le=100)
    disk_free_mb: int | None = Field(None, ge=0)
    # The admin panel's Health in summary (the fleet, kiosk/helpdesk/server/fleet.py).
    last_wipe_ok: bool | None = None
    engine_mb: int | None = Field(None, ge=0, le=1_000_000)
    sandbox_on: bool | None = None
    admin_protected: bool | None = None
    out_of_order: bool | None = None
    out_of_order_reason: str | None = Field(None, max_length=200)


class StatusOut(BaseModel):
    request: dict[str, Any]
    position: int | None = Field(description="1 = next in line; null once someone took it.")


def bearer_token(header: str) -> str | None:
    """The device token of an ``Authorization: Bearer <token>`` header, or None."""
    scheme, _, token = header.partition(" ")
    if not hmac.compare_digest(scheme.lower().encode(), b"bearer") or not token:
        return None
    return token.strip()


async def current_kiosk(request: Request) -> Kiosk:
    state: Helpdesk = request.app.state.helpdesk  # not a sub-dependency: one step less
    token = bearer_token(request.headers.get("authorization", ""))
    if token is None:
        raise HTTPException(401, headers={"WWW-Authenticate": "Bearer"})
    kiosk = state.store.cached_kiosk(token) or await run_in_threadpool(
        state.store.kiosk_by_token, token
    )
    if kiosk is None:
        raise HTTPException(401, headers={"WWW-Authenticate": "Bearer"})
    return kiosk


KioskDep = Annotated[Kiosk, Depends(current_kiosk)]


def visitor_view(request: model.Request) -> dict[str, Any]:
    wire = request.to_wire()
    return {key: wire[key] for key in VISITOR_FIELDS}


async def _status(state: Helpdesk, request: model.Request) -> StatusOut:
    position = await run_in_threadpool(state.store.position, request)
    return StatusOut(request=visitor_view(request), position=position)


class _Mine:
    """A kiosk stream's open request, with its visitor view already in JSON: when only
    its place in line changes, the frame is two strings put together."""

    __slots__ = ("json", "line_key", "request")

    def __init__(self, request: model.Request) -> None:
        self.request = request
        self.json = json.dumps(visitor_view(request), separators=(",", ":"))
        self.line_key = (request.created_at, request.id)  # the order of the line

    def frame(self, positions: dict[str, int]) -> str:
        position = positions.get(self.request.id)
        place = "null" if position is None else str(position)
        return f'event: status\ndata: {{"request":{self.json},"position":{place}}}\n\n'


@router.get("/health", tags=["kiosk"], summary="Is the server up (no login needed)")
async def health(state: HelpdeskDep) -> dict[str, Any]:
    await run_in_threadpool(state.store.count_requests)  # the database answers
    return {"ok": True, "live": state.live.is_set()}


@router.post("/pair", tags=["kiosk"], summary="Trade a one-time pairing code for a token")
async def pair(body: PairIn, request: Request, state: HelpdeskDep) -> PairOut:
    throttle = state.accounts.throttle
    key = failure_key("pair-ip", client_address(request, state.settings))
    reservation = await run_in_threadpool(throttle.reserve, [(key, MAX_PAIRING_PER_ADDRESS)])
    if reservation is None:
        security_log.warning("pairing refused: too many failed codes from one address")
        raise HTTPException(429, "too many wrong codes; wait 15 minutes", {"Retry-After": "900"})
    paired = await run_in_threadpool(state.store.pair, body.code)
    if paired is None:
        security_log.warning("pairing failed: a wrong, used or expired code")
        raise HTTPException(403, "the pairing code is wrong, used or expired")
    await run_in_threadpool(throttle.release, reservation)
    kiosk, token = paired
    security_log.info("a kiosk was paired")
    centre = await run_in_threadpool(state.store.names, "centre", kiosk.centre_id)
    fingerprint = None
    if state.settings.tls_cert is not None:
        try:
            fingerprint = await run_in_threadpool(certificate_fingerprint, state.settings.tls_cert)
        except CertificateError:
            fingerprint = None
    secret = await run_in_threadpool(request.app.state.fleet.new_admin_secret, kiosk.id)
    return PairOut(
        kiosk_id=kiosk.id,
        kiosk_name=kiosk.name,
        centre=centre,
        token=token,
        certificate_sha256=fingerprint,
        admin_secret=secret,
    )


@router.post(
    "/kiosk/requests",
    tags=["kiosk"],
    status_code=201,
    summary="Send a help request (idempotent by its id)",
    responses={
        200: {"description": "Already stored earlier; the stored one is returned."},
        429: {"description": "The kiosk has too many open requests; send it later."},
    },
)
async def create_request(
    body: RequestIn, kiosk: KioskDep, state: HelpdeskDep, response: Response
) -> StatusOut:
    # Its everyday answers usually come from fast_intake, which must answer the same.
    new = NewRequest(body.id, body.topic, body.guide_id, body.step, body.phone)
    try:
        stored, created, position = await state.store.create_request_async(kiosk, new)
    except ConflictError as exc:
        raise HTTPException(409, str(exc)) from None
    except TooManyOpenError:
        raise HTTPException(429, TOO_MANY_OPEN, {"Retry-After": TOO_MANY_OPEN_RETRY_S}) from None
    if not created:
        response.status_code = 200
    return StatusOut(request=visitor_view(stored), position=position)


@router.get("/kiosk/requests/{request_id}", tags=["kiosk"], summary="Status of a request")
async def read_request(request_id: str, kiosk: KioskDep, state: HelpdeskDep) -> StatusOut:
    stored = await run_in_threadpool(state.store.get_request, request_id)
    if stored is None or stored.kiosk_id != kiosk.id:
        raise HTTPException(404, "no such request")
    return await _status(state, stored)


@router.post(
    "/kiosk/requests/{request_id}/cancel",
    tags=["kiosk"],
    summary="Cancel (visitor pressed cancel) or close because the visitor left",
)
async def cancel_request(
    request_id: str, body: CancelIn, kiosk: KioskDep, state: HelpdeskDep
) -> StatusOut:
    action = Action.VISITOR_LEFT if body.reason == "visitor_left" else Action.CANCEL
    try:
        changed = await run_in_threadpool(state.store.kiosk_action, kiosk, request_id, action)
    except NotFoundError:
        raise HTTPException(404, "no such request") from None
    except ConflictError as exc:
        raise HTTPException(409, str(exc)) from None
    return await _status(state, changed)


@router.post("/kiosk/heartbeat", tags=["kiosk"], status_code=204, summary="Health figures")
async def heartbeat(body: HeartbeatIn, kiosk: KioskDep, request: Request) -> Response:
    # Merged over earlier ones: the supervisor's "out of order" says only that.
    figures = body.model_dump(exclude_unset=True)
    await run_in_threadpool(request.app.state.fleet.heartbeat, kiosk, figures)
    return Response(status_code=204)


@router.get(
    "/kiosk/events",
    tags=["kiosk"],
    summary="Server-sent events: 'status' for each of this kiosk's open requests",
    response_class=Response,
)
async def kiosk_events(kiosk: KioskDep, state: HelpdeskDep) -> Response:
    return sse.response(_kiosk_stream(kiosk, state))


async def _kiosk_stream(kiosk: Kiosk, state: Helpdesk) -> AsyncIterator[str]:
    async with state.broker.subscribe() as queue:
        mine: dict[str, _Mine] = {}

        async def snapshot() -> AsyncIterator[str]:
            mine.clear()
            requests = await run_in_threadpool(state.store.open_requests, None, kiosk.id)
            positions = (
                await run_in_threadpool(state.store.queued_positions, kiosk.centre_id)
                if requests
                else {}
            )
            for request in requests:
                mine[request.id] = _Mine(request)
                yield mine[request.id].frame(positions)
            yield sse.frame("ready", {"open": len(mine)})

        async for frame in snapshot():
            yield frame
        while True:
            going_on, event = await sse.next_event(queue)
            if not going_on:
                return
            if event is None:
                yield ": keep-alive\n\n"
                continue
            kind = event["type"]
            if kind == "resync":
                async for frame in snapshot():
                    yield frame
                continue
            if kind != "request":
                continue
            # Look before decoding: most events are another kiosk's business.
            wire = event["request"]
            if wire["kiosk_id"] == kiosk.id:
                changed = _Mine(model.Request.from_wire(wire))
                if changed.request.is_open and not changed.request.visitor_left:
                    mine[changed.request.id] = changed
                else:
                    mine.pop(changed.request.id, None)
                queued = changed.request.state in model.QUEUED_STATES
                positions = await centre_positions(state, event) if queued else {}
                yield changed.frame(positions)
            if wire["centre_id"] == kiosk.centre_id and event.get("queue_changed"):
                # A request that joined or left the line moves only those behind it (this
                # kiosk's own too): a new one (behind everybody) moves nobody, and needs
                # no count.
                key = _line_key(event)
                behind = [
                    m
                    for m in mine.values()
                    if m.request.state in model.QUEUED_STATES and m.line_key > key
                ]
                if behind:
                    positions = await centre_positions(state, event)
                    yield "".join(m.frame(positions) for m in behind)


#: Where an event keeps its request's place in the order of the line, once read.
_LINE_KEY = "_line_key"


def _line_key(event: dict[str, Any]) -> tuple[datetime, str]:
    """(created, id) of the event's request: the line's order (``intake.QUEUED_IDS``)."""
    key: tuple[datetime, str] | None = event.get(_LINE_KEY)
    if key is None:
        wire = event["request"]
        key = event[_LINE_KEY] = (datetime.fromisoformat(wire["created_at"]), wire["id"])
    return key


#: Where an event keeps the places in line of its centre once counted.
_POSITIONS = "_positions"


async def centre_positions(state: Helpdesk, event: dict[str, Any]) -> dict[str, int]:
    """Place in line of every queued request in the event's centre, after the event.

    Counted once per event in this process (the first stream that needs it starts the
    query, the others wait for the same answer), not once per stream.
    """
    task: asyncio.Task[dict[str, int]] | None = event.get(_POSITIONS)
    if task is None:
        centre_id = event["request"]["centre_id"]
        task = asyncio.ensure_future(state.store.queued_positions_async(centre_id))
        event[_POSITIONS] = task
    # Shielded: one stream going away must not cancel the others' answer.
    return await asyncio.shield(task)
