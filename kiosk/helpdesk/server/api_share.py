"""The screen-share API: the supporter's side under ``/api/v1/staff/requests/{id}/share``,
the kiosk's under ``/api/v1/kiosk/requests/{id}/share``.

Staff: the signed-in supporter who took the request asks (``POST``), follows the share
(``GET .../events``: its state and the pictures), points (``POST .../point``), opens a
guide step (``POST .../step``) and stops it (``POST .../stop``); state changes need the
CSRF token, as everywhere. A staff member of another centre gets 403; a closed request,
a request someone else has taken, or a share someone else is viewing gets 409; asking
again right after the visitor said no gets 429.

Kiosk (device token): follows its request's share (``GET .../events``: the question,
pointers, steps, the end), answers, sends pictures (JPEG, at most
:data:`~kiosk.helpdesk.share_model.MAX_FRAME_BYTES`, :data:`MAX_BYTES_PER_S` a share;
an empty body is a keep-alive), renews and stops.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from pydantic import BaseModel, ConfigDict, Field, field_validator
from starlette.concurrency import run_in_threadpool

from kiosk.helpdesk.model import State
from kiosk.helpdesk.server import sse
from kiosk.helpdesk.server.accounts import StaffSession
from kiosk.helpdesk.server.api_kiosk import KioskDep
from kiosk.helpdesk.server.deps import HandlerChangeDep, HandlerDep, Helpdesk, HelpdeskDep
from kiosk.helpdesk.server.records import Kiosk
from kiosk.helpdesk.server.share import ShareService, frame_message
from kiosk.helpdesk.server.share_rows import Share
from kiosk.helpdesk.server.share_store import ForbiddenError, TooSoonError
from kiosk.helpdesk.server.store import ConflictError, NotFoundError
from kiosk.helpdesk.share_model import (
    KIOSK_REASONS,
    MAX_FRAME_BYTES,
    MAX_STEP,
    EndReason,
    Pause,
    ShareState,
    valid_fraction,
)

#: The path of the kiosk's picture upload (the body limit is larger there).
FRAME_PATH = r"^/api/v1/kiosk/requests/[^/]+/share/frame$"
#: How often a stream looks whether its share has ended by itself.
CHECK_S = 5.0
_JPEG = b"\xff\xd8\xff"
_CLOSED = frozenset(s.value for s in State) - {"waiting", "seen", "coming", "calling"}

staff_router = APIRouter(prefix="/api/v1/staff/requests/{request_id}/share", tags=["share"])
kiosk_router = APIRouter(prefix="/api/v1/kiosk/requests/{request_id}/share", tags=["share"])


async def share_service(request: Request) -> ShareService:
    service: ShareService = request.app.state.share
    return service


ServiceDep = Annotated[ShareService, Depends(share_service)]


class _Input(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PointIn(_Input):
    x: float = Field(description="From the picture's left edge: 0.0 to 1.0.")
    y: float = Field(description="From the picture's top edge: 0.0 to 1.0.")

    @field_validator("x", "y")
    @classmethod
    def _fraction(cls, value: float) -> float:
        return valid_fraction(value)


class StepIn(_Input):
    step: int = Field(ge=1, le=MAX_STEP, description="The guide's step, counted from 1.")


class AnswerIn(_Input):
    share_id: str = Field(max_length=36)
    allow: bool


class ShareIdIn(_Input):
    share_id: str = Field(max_length=36)


class StopIn(_Input):
    share_id: str = Field(max_length=36)
    reason: EndReason

    @field_validator("reason")
    @classmethod
    def _kiosk_reason(cls, value: EndReason) -> EndReason:
        if value not in KIOSK_REASONS:
            raise ValueError("a kiosk cannot end a share for that reason")
        return value


async def _call[T](work: Callable[[], T]) -> T:
    """Run a store call in the thread pool; its errors as the API's answers."""
    try:
        return await run_in_threadpool(work)
    except NotFoundError as exc:
        raise HTTPException(404, str(exc)) from None
    except ForbiddenError as exc:
        raise HTTPException(403, str(exc)) from None
    except ConflictError as exc:
        raise HTTPException(409, str(exc)) from None
    except TooSoonError as exc:
        raise HTTPException(
            429, "the visitor answered a moment ago", {"Retry-After": str(exc.retry_after_s)}
        ) from None


# -- the supporter ---------------------------------------------------------------------------


@staff_router.post(
    "",
    status_code=201,
    summary="Ask the visitor to see their screen",
    responses={200: {"description": "Already asked or shared: the same share."}},
)
async def ask(
    request_id: str, session: HandlerChangeDep, service: ServiceDep, response: Response
) -> dict[str, Any]:
    staff = session.staff

    def work() -> tuple[Share, bool]:
        request = service.shares.request(request_id, staff.centre_ids)
        return service.shares.ask(request, staff.id, staff.display_name)

    share, created = await _call(work)
    if not created:
        response.status_code = 200
    return share.to_wire()


@staff_router.get("", summary="The request's newest share and its events (times only)")
async def read(request_id: str, session: HandlerDep, service: ServiceDep) -> dict[str, Any]:
    def work() -> dict[str, Any]:
        service.shares.request(request_id, session.staff.centre_ids)
        share = service.shares.latest(request_id)
        return {
            "share": share.to_wire() if share else None,
            "events": service.shares.events(request_id),
        }

    return await _call(work)


@staff_router.post("/stop", summary="Stop seeing the screen")
async def stop(request_id: str, session: HandlerChangeDep, service: ServiceDep) -> dict[str, Any]:
    def work() -> Share | None:
        service.shares.request(request_id, session.staff.centre_ids)
        return service.shares.end_by_supporter(request_id, session.staff.id)

    share = await _call(work)
    if share is None:
        raise HTTPException(404, "the screen has not been shared")
    service.forget(share.id)
    return share.to_wire()


@staff_router.post("/point", status_code=204, summary="Show a ring at this spot on the kiosk")
async def point(
    request_id: str, body: PointIn, session: HandlerChangeDep, service: ServiceDep
) -> Response:
    await _command(service, session, request_id, {"type": "share_point", "x": body.x, "y": body.y})
    return Response(status_code=204)


@staff_router.post("/step", status_code=204, summary="Open this step of the visitor's guide")
async def step(
    request_id: str, body: StepIn, session: HandlerChangeDep, service: ServiceDep
) -> Response:
    await _command(service, session, request_id, {"type": "share_step", "step": body.step})
    return Response(status_code=204)


async def _command(
    service: ServiceDep, session: StaffSession, request_id: str, event: dict[str, Any]
) -> None:
    def work() -> None:
        service.shares.request(request_id, session.staff.centre_ids)
        share = service.shares.live_share_of(request_id, session.staff.id)
        service.publish(
            {**event, "share_id": share.id, "kiosk_id": share.kiosk_id, "request_id": request_id}
        )

    await _call(work)


@staff_router.get(
    "/events",
    summary="Server-sent events: 'share' (its state), 'frame' (a picture, base64 JPEG)",
    response_class=Response,
)
async def viewer_events(
    request_id: str, session: HandlerDep, service: ServiceDep, state: HelpdeskDep
) -> Response:
    def work() -> Share:
        service.shares.request(request_id, session.staff.centre_ids)
        share = service.shares.latest(request_id)
        if share is None:
            raise NotFoundError("the screen has not been shared")
        if share.staff_id != session.staff.id:
            raise ForbiddenError("another supporter is viewing this screen")
        return share

    share = await _call(work)
    return sse.response(_viewer_stream(share, session, service, state))


async def _next(queue: asyncio.Queue[dict[str, Any] | None]) -> list[dict[str, Any]] | None:
    """Every event waiting (empty after :data:`CHECK_S` of quiet); None: stream over."""
    try:
        event = await asyncio.wait_for(queue.get(), CHECK_S)
    except TimeoutError:
        return []
    if event is None:
        return None
    events = [event]
    while not queue.empty():
        more = queue.get_nowait()
        if more is None:
            return None
        events.append(more)
    return events


def _session_ended(event: dict[str, Any], session: StaffSession) -> bool:
    if event.get("type") != "session_ended":
        return False
    if event.get("session") is not None:
        return bool(event["session"] == session.token_hash)
    return "staff_id" in event and event["staff_id"] in (None, session.staff.id)


async def _viewer_stream(
    share: Share, session: StaffSession, service: ShareService, state: Helpdesk
) -> AsyncIterator[str]:
    recheck_at = time.monotonic() + sse.KEEPALIVE_S
    watched_at = time.monotonic()
    async with state.broker.subscribe() as queue:
        yield sse.frame("share", share.to_wire())
        if not share.live:
            return
        await run_in_threadpool(service.shares.watched, share.id)
        local = service.frames.get(share.id)
        if local is not None:
            yield frame_message(local)
        elif share.state is ShareState.ACTIVE:
            # The newest picture is in another worker, or the screen has not changed for
            # a while: the kiosk sends its next picture in full.
            await run_in_threadpool(service.publish, _refresh(share))
        while True:
            events = await _next(queue)
            if events is None or any(_session_ended(e, session) for e in events):
                return
            newest: dict[str, Any] | None = None
            for event in events:
                kind = event.get("type")
                if kind == "resync":  # the notifications were interrupted: read it again
                    again = await run_in_threadpool(service.shares.get, share.id)
                    if again is not None:
                        yield sse.frame("share", again.to_wire())
                        if not again.live:
                            return
                elif kind == "share" and event["share"]["id"] == share.id:
                    yield sse.frame("share", event["share"])
                    if event["share"]["state"] == "ended":
                        service.forget(share.id)
                        return
                elif kind == "share_frame" and event["share_id"] == share.id:
                    newest = event  # only the newest of several waiting pictures is sent
                elif (
                    kind == "request"
                    and event["request"]["id"] == share.request_id
                    and event["request"]["state"] in _CLOSED
                ):
                    await run_in_threadpool(service.shares.settle, share.id)
            if newest is not None:
                frame = await service.frame_for(newest)
                if frame is not None:
                    yield frame_message(frame)
            if not events:
                settled = await run_in_threadpool(service.shares.settle, share.id)
                if settled is None or not settled.live:
                    if settled is not None:
                        yield sse.frame("share", settled.to_wire())
                    service.forget(share.id)
                    return
                yield ": keep-alive\n\n"
            if time.monotonic() >= watched_at + CHECK_S:
                await run_in_threadpool(service.shares.watched, share.id)
                watched_at = time.monotonic()
            if time.monotonic() >= recheck_at:
                if not await run_in_threadpool(state.accounts.still_valid, session):
                    return
                recheck_at = time.monotonic() + sse.KEEPALIVE_S


def _refresh(share: Share) -> dict[str, Any]:
    return {
        "type": "share_refresh",
        "share_id": share.id,
        "kiosk_id": share.kiosk_id,
        "request_id": share.request_id,
    }


# -- the kiosk -------------------------------------------------------------------------------


def _kiosk_request(state: Helpdesk, kiosk: Kiosk, request_id: str) -> None:
    found = state.store.get_request(request_id)
    if found is None or found.kiosk_id != kiosk.id:
        raise NotFoundError("no such request")


@kiosk_router.get(
    "/events",
    summary="Server-sent events: 'share' (asked, active, ended), 'point', 'step', 'refresh'",
    response_class=Response,
)
async def kiosk_events(
    request_id: str, kiosk: KioskDep, service: ServiceDep, state: HelpdeskDep
) -> Response:
    await _call(lambda: _kiosk_request(state, kiosk, request_id))
    return sse.response(_kiosk_stream(request_id, kiosk, service, state))


def _for_kiosk(wire: dict[str, Any]) -> dict[str, Any]:
    keep = ("id", "request_id", "supporter", "state", "expires_at", "end_reason")
    return {key: wire.get(key) for key in keep}


async def _kiosk_stream(
    request_id: str, kiosk: Kiosk, service: ShareService, state: Helpdesk
) -> AsyncIterator[str]:
    async with state.broker.subscribe() as queue:
        current = await run_in_threadpool(service.shares.latest, request_id)
        live = current.id if current is not None and current.live else None
        if current is not None and current.live:
            yield sse.frame("share", current.for_kiosk())
        yield sse.frame("ready", {})
        while True:
            events = await _next(queue)
            if events is None:
                return
            for event in events:
                kind = event.get("type")
                if kind == "resync":  # the notifications were interrupted: read it again
                    again = await run_in_threadpool(service.shares.latest, request_id)
                    if again is not None:
                        live = again.id if again.live else None
                        yield sse.frame("share", again.for_kiosk())
                    continue
                if event.get("kiosk_id") != kiosk.id and kind != "request":
                    continue
                if kind == "share" and event["request_id"] == request_id:
                    wire = event["share"]
                    live = wire["id"] if wire["state"] != "ended" else None
                    yield sse.frame("share", _for_kiosk(wire))
                elif kind == "share_point" and event["share_id"] == live:
                    yield sse.frame("point", {"share_id": live, "x": event["x"], "y": event["y"]})
                elif kind == "share_step" and event["share_id"] == live:
                    yield sse.frame("step", {"share_id": live, "step": event["step"]})
                elif kind == "share_refresh" and event["share_id"] == live:
                    yield sse.frame("refresh", {"share_id": live})
                elif (
                    kind == "request"
                    and event["request"]["id"] == request_id
                    and event["request"]["state"] in _CLOSED
                    and live is not None
                ):
                    await run_in_threadpool(service.shares.settle, live)
            if not events:
                if live is not None:
                    settled = await run_in_threadpool(service.shares.settle, live)
                    if settled is not None and not settled.live:
                        live = None
                        yield sse.frame("share", settled.for_kiosk())
                yield ": keep-alive\n\n"


@kiosk_router.post("/answer", summary="The visitor's answer: allow, or no")
async def answer(
    request_id: str, body: AnswerIn, kiosk: KioskDep, service: ServiceDep
) -> dict[str, Any]:
    share = await _call(
        lambda: service.shares.answer(kiosk.id, request_id, body.share_id, body.allow)
    )
    return share.for_kiosk()


@kiosk_router.post(
    "/frame",
    status_code=204,
    summary="A picture of the kiosk's window (image/jpeg; an empty body: a keep-alive)",
    responses={
        413: {"description": "The picture is too large."},
        415: {"description": "Not a JPEG picture."},
        429: {"description": "Over the share's bandwidth: send the next one later."},
    },
)
async def frame(
    request_id: str,
    *,
    request: Request,
    kiosk: KioskDep,
    service: ServiceDep,
    share_id: Annotated[str, Query(max_length=36)],
    width: Annotated[int, Query(ge=1, le=8192)] = 1,
    height: Annotated[int, Query(ge=1, le=8192)] = 1,
    paused: Annotated[Pause, Query()] = Pause.NONE,
) -> Response:
    data = await request.body()
    if data:
        if len(data) > MAX_FRAME_BYTES:
            raise HTTPException(413, "the picture is too large")
        kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if kind != "image/jpeg" or not data.startswith(_JPEG):
            raise HTTPException(415, "a picture must be a JPEG (image/jpeg)")
        budget = service.budget(share_id)
        if not budget.take(len(data)):
            wait = max(1, round(budget.wait_for(len(data))))
            raise HTTPException(429, "over the share's bandwidth", {"Retry-After": str(wait)})

    def work() -> None:
        try:
            share = service.shares.seen(kiosk.id, request_id, share_id, paused)
        except ConflictError:
            service.forget(share_id)
            raise
        if data:
            service.frame_arrived(share, data, width, height, paused.value)
        else:
            service.frames.touch(share_id)  # unchanged: the newest picture still stands

    await _call(work)
    return Response(status_code=204)


@kiosk_router.post("/renew", summary="The visitor pressed Keep sharing")
async def renew(
    request_id: str, body: ShareIdIn, kiosk: KioskDep, service: ServiceDep
) -> dict[str, Any]:
    share = await _call(lambda: service.shares.renew(kiosk.id, request_id, body.share_id))
    return share.for_kiosk()


@kiosk_router.post("/stop", summary="The share ended on the kiosk (and why)")
async def kiosk_stop(
    request_id: str, body: StopIn, kiosk: KioskDep, service: ServiceDep
) -> dict[str, Any]:
    share = await _call(
        lambda: service.shares.end_by_kiosk(kiosk.id, request_id, body.share_id, body.reason)
    )
    service.forget(share.id)
    return share.for_kiosk()
