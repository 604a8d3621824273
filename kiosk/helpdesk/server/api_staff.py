"""The staff API.

Every endpoint but login needs a signed-in staff member (session cookie, HttpOnly,
SameSite=Strict, Secure over https) whose role lets them handle requests. Every state
change also needs the session's CSRF token in ``X-CSRF-Token`` and, when the browser
sends one, a same-origin ``Origin``: a cross-site POST is refused. A staff member sees
only the centres they serve. An event stream ends when its session does (sign-out,
expiry, ``kiosk helpdesk end-sessions``): re-checked at every keep-alive, and at once
on a ``session_ended`` event.
"""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request, Response
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.exc import DBAPIError, OperationalError
from starlette.concurrency import run_in_threadpool

from kiosk.helpdesk import model
from kiosk.helpdesk.model import Action
from kiosk.helpdesk.server import sse
from kiosk.helpdesk.server.accounts import SESSION_LIFETIME, StaffSession, ThrottledError
from kiosk.helpdesk.server.deps import (
    COOKIE,
    CheckedDep,
    HandlerChangeDep,
    HandlerDep,
    Helpdesk,
    HelpdeskDep,
    SessionDep,
    client_address,
    is_https,
    same_origin,
)
from kiosk.helpdesk.server.hashing import BusyError
from kiosk.helpdesk.server.roles import PERMISSIONS
from kiosk.helpdesk.server.store import ConflictError, NotFoundError

router = APIRouter(prefix="/api/v1/staff", tags=["staff"])

#: How often an open event stream checks that its session still stands.
SESSION_RECHECK_S = sse.KEEPALIVE_S


class _Input(BaseModel):
    model_config = ConfigDict(extra="forbid")


class LoginIn(_Input):
    username: str = Field(min_length=1, max_length=60)
    password: str = Field(min_length=1, max_length=200)


class ActionIn(_Input):
    outcome: model.Outcome | None = None
    minutes: int | None = Field(None, ge=1, le=model.MAX_MINUTES)


class MessageIn(_Input):
    message: str = Field(max_length=model.MAX_MESSAGE_LEN)


class NoteIn(_Input):
    note: str = Field(max_length=model.MAX_MESSAGE_LEN)


class HandOverIn(_Input):
    to: int = Field(description="The colleague's id (from the queue's 'colleagues').")


class DutyIn(_Input):
    on_duty: bool


def _me(session: StaffSession, state: Helpdesk) -> dict[str, Any]:
    member = session.staff
    centres = [
        {"id": ident, "name": name}
        for ident, name in state.store.centres()
        if member.centre_ids is None or ident in member.centre_ids
    ]
    return {
        "id": member.id,
        "username": member.username,
        "display_name": member.display_name,
        "role": member.role.value,
        "permissions": sorted(p.value for p in PERMISSIONS[member.role]),
        "on_duty": member.on_duty,
        "csrf_token": session.csrf_token,
        "centres": centres,
    }


def staff_view(state: Helpdesk, request: model.Request) -> dict[str, Any]:
    return {
        **request.to_wire(),
        "centre_name": state.store.names("centre", request.centre_id),
        "kiosk_name": state.store.names("kiosk", request.kiosk_id),
    }


@router.post("/login", summary="Sign in; sets the session cookie")
async def login(body: LoginIn, request: Request, state: HelpdeskDep) -> Response:
    same_origin(request)
    address = client_address(request, state.settings)
    try:
        result = await state.accounts.login(body.username, body.password, address)
    except ThrottledError:
        raise HTTPException(429, "too many tries", headers={"Retry-After": "900"}) from None
    except BusyError:
        raise HTTPException(
            429, "busy: try again in a moment", headers={"Retry-After": "5"}
        ) from None
    if result is None:
        raise HTTPException(401, "wrong user name or password")
    token, session = result
    response = Response(
        json.dumps(await run_in_threadpool(_me, session, state)),
        media_type="application/json",
    )
    response.set_cookie(
        COOKIE,
        token,
        max_age=int(SESSION_LIFETIME.total_seconds()),
        path="/",
        httponly=True,
        samesite="strict",
        secure=state.settings.secure_cookies or is_https(request, state.settings),
    )
    return response


@router.post("/logout", summary="Sign out; ends the session and its event streams")
async def logout(request: Request, session: CheckedDep, state: HelpdeskDep) -> Response:
    await run_in_threadpool(state.accounts.logout, request.cookies.get(COOKIE, ""))
    response = Response(status_code=204)
    response.delete_cookie(COOKIE, path="/", httponly=True, samesite="strict")
    return response


@router.get("/me", summary="Who is signed in, their role, CSRF token and centres")
async def me(session: SessionDep, state: HelpdeskDep) -> dict[str, Any]:
    return await run_in_threadpool(_me, session, state)


def _centres(session: StaffSession, centre: int | None) -> frozenset[int] | None:
    centre_ids = session.staff.centre_ids
    if centre is None:
        return centre_ids
    if centre_ids is not None and centre not in centre_ids:
        raise HTTPException(404, "no such centre")
    return frozenset({centre})


@router.get("/queue", summary="Open requests, recently closed ones, kiosks, colleagues")
async def queue(
    session: HandlerDep, state: HelpdeskDep, centre: Annotated[int | None, Query()] = None
) -> dict[str, Any]:
    centre_ids = _centres(session, centre)

    def gather() -> dict[str, Any]:
        colleagues = state.accounts.serving(centre_ids)
        return {
            "open": [staff_view(state, r) for r in state.store.open_requests(centre_ids)],
            "closed": [staff_view(state, r) for r in state.store.recently_closed(centre_ids)],
            "kiosks": state.store.kiosks(centre_ids),
            "on_duty": [m.display_name for m in colleagues if m.on_duty],
            "colleagues": [
                {"id": m.id, "display_name": m.display_name, "on_duty": m.on_duty}
                for m in colleagues
                if m.id != session.staff.id
            ],
            "now": state.store.clock().isoformat(),
        }

    return await run_in_threadpool(gather)


@router.get("/history", summary="Today's handling: who did what (kept for the day only)")
async def history(
    session: HandlerDep, state: HelpdeskDep, centre: Annotated[int | None, Query()] = None
) -> dict[str, Any]:
    centre_ids = _centres(session, centre)
    entries = await run_in_threadpool(state.store.history, centre_ids)
    return {"entries": entries, "now": state.store.clock().isoformat()}


async def _changed(state: Helpdesk, change: Any) -> dict[str, Any]:
    try:
        changed = await run_in_threadpool(change)
    except NotFoundError:
        raise HTTPException(404, "no such request") from None
    except ConflictError as exc:
        raise HTTPException(409, str(exc)) from None
    return await run_in_threadpool(staff_view, state, changed)


# The fixed routes before the {action} route, which would otherwise take their names.
@router.post("/requests/{request_id}/message", summary="One line of text to the kiosk")
async def message(
    request_id: str, body: MessageIn, session: HandlerChangeDep, state: HelpdeskDep
) -> dict[str, Any]:
    centres = session.staff.centre_ids
    return await _changed(
        state, lambda: state.store.staff_message(centres, request_id, body.message)
    )


@router.post("/requests/{request_id}/note", summary="A private note for colleagues")
async def note(
    request_id: str, body: NoteIn, session: HandlerChangeDep, state: HelpdeskDep
) -> dict[str, Any]:
    centres = session.staff.centre_ids
    return await _changed(state, lambda: state.store.staff_note(centres, request_id, body.note))


@router.post("/requests/{request_id}/hand_over", summary="Give a taken request to a colleague")
async def hand_over(
    request_id: str, body: HandOverIn, session: HandlerChangeDep, state: HelpdeskDep
) -> dict[str, Any]:
    def change() -> model.Request:
        request = state.store.get_request(request_id)
        if request is None:
            raise NotFoundError("no such request")
        serving = state.accounts.serving(frozenset({request.centre_id}))
        colleague = next((m for m in serving if m.id == body.to), None)
        if colleague is None:
            raise ConflictError("that colleague does not serve this centre")
        return state.store.hand_over(
            session.staff.centre_ids,
            request_id,
            colleague.display_name,
            session.staff.display_name,
        )

    return await _changed(state, change)


@router.post(
    "/requests/{request_id}/{action}", summary="see, take, call, no_answer, put_back, resolve"
)
async def act(
    request_id: str,
    action: Action,
    body: ActionIn,
    session: HandlerChangeDep,
    state: HelpdeskDep,
) -> dict[str, Any]:
    if action not in model.STAFF_ACTIONS:
        raise HTTPException(422, "staff cannot do that")
    return await _changed(
        state,
        lambda: state.store.staff_action(
            session.staff.centre_ids,
            request_id,
            action,
            outcome=body.outcome,
            minutes=body.minutes,
            staff_name=session.staff.display_name,
        ),
    )


@router.post("/duty", summary="Mark yourself on or off duty")
async def duty(body: DutyIn, session: HandlerChangeDep, state: HelpdeskDep) -> dict[str, bool]:
    await run_in_threadpool(state.accounts.set_on_duty, session.staff.id, body.on_duty)
    return {"on_duty": body.on_duty}


@router.get(
    "/events",
    summary="Server-sent events: 'request' on every change, 'duty', 'resync'",
    response_class=Response,
)
async def staff_events(session: HandlerDep, state: HelpdeskDep) -> Response:
    return sse.response(_staff_stream(session, state))


def _ends(event: dict[str, Any], session: StaffSession) -> bool:
    """Does this ``session_ended`` event end this session?"""
    if event.get("session") is not None:
        return bool(event["session"] == session.token_hash)
    return "staff_id" in event and event["staff_id"] in (None, session.staff.id)


async def _signed_in(session: StaffSession, state: Helpdesk) -> bool:
    if session.expires_at is not None and session.expires_at <= state.store.clock():
        return False
    try:
        return await run_in_threadpool(state.accounts.still_valid, session)
    except (OperationalError, DBAPIError):
        return False  # cannot tell: the page reconnects and asks again


async def _staff_stream(session: StaffSession, state: Helpdesk) -> AsyncIterator[str]:
    centre_ids = session.staff.centre_ids
    recheck_at = time.monotonic() + SESSION_RECHECK_S
    async with state.broker.subscribe() as queue:
        yield sse.frame("ready", {})
        while True:
            going_on, events = await sse.next_events(queue)
            if not going_on:
                return
            if any(e["type"] == "session_ended" and _ends(e, session) for e in events):
                return
            if not events or time.monotonic() >= recheck_at:
                if not await _signed_in(session, state):
                    return
                recheck_at = time.monotonic() + SESSION_RECHECK_S
            if not events:
                yield ": keep-alive\n\n"
                continue
            chunk = "".join(_staff_frame(event, centre_ids) for event in events)
            if chunk:
                yield chunk


def _staff_frame(event: dict[str, Any], centre_ids: frozenset[int] | None) -> str:
    """The frame a staff stream sends for ``event`` ('' for none). The same for every
    stream, so it is made once and kept on the event (which all streams share)."""
    kind = event["type"]
    if kind == "request":
        if centre_ids is not None and event["request"]["centre_id"] not in centre_ids:
            return ""
        frame: str | None = event.get(_FRAME)
        if frame is None:
            data = {**event["request"], "centre_name": event["centre_name"]}
            data["kiosk_name"] = event["kiosk_name"]
            frame = event[_FRAME] = sse.frame("request", data)
        return frame
    if kind in ("duty", "resync"):
        return sse.frame(kind, {})
    return ""


#: Where an event keeps its staff frame once made (not part of the event's content).
_FRAME = "_staff_frame"
