"""The kiosk API: pairing, requests, status, cancel, heartbeat and the status stream.

Kiosks send ``Authorization: Bearer <device token>``. An unknown token gets 401 with no
detail. Request ids are made on the kiosk, so sending the same request twice stores it
once (200 instead of 201 the second time).
"""

from __future__ import annotations

import hmac
from collections.abc import AsyncIterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Request, Response
from pydantic import BaseModel, ConfigDict, Field, field_validator
from starlette.concurrency import run_in_threadpool

from kiosk.helpdesk import model
from kiosk.helpdesk.model import Action
from kiosk.helpdesk.server import sse
from kiosk.helpdesk.server.app import Helpdesk, helpdesk
from kiosk.helpdesk.server.store import ConflictError, Kiosk, NewRequest, NotFoundError

router = APIRouter(prefix="/api/v1")

HelpdeskDep = Annotated[Helpdesk, Depends(helpdesk)]

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


class _Input(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PairIn(_Input):
    code: str = Field(min_length=4, max_length=20)


class PairOut(BaseModel):
    kiosk_id: int
    kiosk_name: str
    centre: str
    token: str
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


async def current_kiosk(request: Request) -> Kiosk:
    state: Helpdesk = request.app.state.helpdesk  # not a sub-dependency: one step less
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if not hmac.compare_digest(scheme.lower().encode(), b"bearer") or not token:
        raise HTTPException(401, headers={"WWW-Authenticate": "Bearer"})
    token = token.strip()
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


@router.get("/health", tags=["kiosk"], summary="Is the server up (no login needed)")
async def health(state: HelpdeskDep) -> dict[str, Any]:
    await run_in_threadpool(state.store.count_requests)  # the database answers
    return {"ok": True, "live": state.live.is_set()}


@router.post("/pair", tags=["kiosk"], summary="Trade a one-time pairing code for a token")
async def pair(body: PairIn, state: HelpdeskDep, request: Request) -> PairOut:
    paired = await run_in_threadpool(state.store.pair, body.code)
    if paired is None:
        raise HTTPException(403, "the pairing code is wrong, used or expired")
    kiosk, token = paired
    centre = await run_in_threadpool(state.store.names, "centre", kiosk.centre_id)
    secret = await run_in_threadpool(request.app.state.fleet.new_admin_secret, kiosk.id)
    return PairOut(
        kiosk_id=kiosk.id, kiosk_name=kiosk.name, centre=centre, token=token, admin_secret=secret
    )


@router.post(
    "/kiosk/requests",
    tags=["kiosk"],
    status_code=201,
    summary="Send a help request (idempotent by its id)",
    responses={200: {"description": "Already stored earlier; the stored one is returned."}},
)
async def create_request(
    body: RequestIn, kiosk: KioskDep, state: HelpdeskDep, response: Response
) -> StatusOut:
    new = NewRequest(body.id, body.topic, body.guide_id, body.step, body.phone)
    try:
        stored, created, position = await state.store.create_request_async(kiosk, new)
    except ConflictError as exc:
        raise HTTPException(409, str(exc)) from None
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
        mine: dict[str, model.Request] = {}

        async def snapshot() -> AsyncIterator[str]:
            mine.clear()
            for request in await run_in_threadpool(state.store.open_requests, None, kiosk.id):
                mine[request.id] = request
                yield sse.frame("status", (await _status(state, request)).model_dump())
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
            if event["type"] == "resync":
                async for frame in snapshot():
                    yield frame
                continue
            if event["type"] != "request":
                continue
            changed = model.Request.from_wire(event["request"])
            if changed.kiosk_id == kiosk.id:
                if changed.is_open and not changed.visitor_left:
                    mine[changed.id] = changed
                else:
                    mine.pop(changed.id, None)
                yield sse.frame("status", (await _status(state, changed)).model_dump())
            elif changed.centre_id == kiosk.centre_id and event.get("queue_changed"):
                for request in list(mine.values()):
                    if request.state in model.QUEUED_STATES:
                        yield sse.frame("status", (await _status(state, request)).model_dump())
