"""The staff API and the staff page.

Every endpoint but login needs a signed-in staff member (session cookie, HttpOnly,
SameSite=Strict, Secure behind TLS). Every state change also needs the session's CSRF
token in ``X-CSRF-Token`` and, when the browser sends one, a same-origin ``Origin``:
a cross-site POST is refused. A staff member sees only the centres they serve.
"""

from __future__ import annotations

import hmac
import json
from collections.abc import AsyncIterator
from importlib import resources
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool

from kiosk.helpdesk import model
from kiosk.helpdesk.model import Action
from kiosk.helpdesk.server import sse
from kiosk.helpdesk.server.accounts import SESSION_LIFETIME, StaffSession, ThrottledError
from kiosk.helpdesk.server.app import Helpdesk, helpdesk
from kiosk.helpdesk.server.guide_titles import guide_titles
from kiosk.helpdesk.server.labels import LABELS, pick_language
from kiosk.helpdesk.server.store import ConflictError, NotFoundError

router = APIRouter(prefix="/api/v1/staff", tags=["staff"])
page_router = APIRouter(include_in_schema=False)

COOKIE = "helpdesk_session"
STATIC_FILES = {"staff.js", "staff.css", "chime.wav", "fleet.js", "fleet.css"}
_STATIC = resources.files("kiosk.helpdesk.server") / "static"

HelpdeskDep = Annotated[Helpdesk, Depends(helpdesk)]


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


class DutyIn(_Input):
    on_duty: bool


async def staff_session(request: Request, state: HelpdeskDep) -> StaffSession:
    token = request.cookies.get(COOKIE)
    session = await run_in_threadpool(state.accounts.session, token) if token else None
    if session is None:
        raise HTTPException(401, "sign in first")
    return session


SessionDep = Annotated[StaffSession, Depends(staff_session)]


def _same_origin(request: Request) -> None:
    """Refuse requests that a browser sent from another site."""
    site = request.headers.get("sec-fetch-site")
    if site is not None and site not in ("same-origin", "none"):
        raise HTTPException(403, "cross-site request refused")
    origin = request.headers.get("origin")
    if origin is not None:
        host = request.headers.get("host", "")
        if origin not in (f"http://{host}", f"https://{host}"):
            raise HTTPException(403, "cross-site request refused")


async def checked_session(request: Request, session: SessionDep) -> StaffSession:
    """A signed-in staff member making a state change: same origin and CSRF token."""
    _same_origin(request)
    sent = request.headers.get("x-csrf-token", "")
    if not hmac.compare_digest(sent.encode(), session.csrf_token.encode()):
        raise HTTPException(403, "missing or wrong CSRF token")
    return session


CheckedDep = Annotated[StaffSession, Depends(checked_session)]


def _me(session: StaffSession, state: Helpdesk) -> dict[str, Any]:
    member = session.staff
    centres = [
        {"id": ident, "name": name}
        for ident, name in state.store.centres()
        if member.centre_ids is None or ident in member.centre_ids
    ]
    return {
        "username": member.username,
        "display_name": member.display_name,
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
    _same_origin(request)
    address = request.client.host if request.client else "?"
    try:
        result = await run_in_threadpool(
            state.accounts.login, body.username, body.password, address
        )
    except ThrottledError:
        raise HTTPException(429, "too many tries", headers={"Retry-After": "900"}) from None
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
        secure=state.settings.secure_cookies or request.url.scheme == "https",
    )
    return response


@router.post("/logout", summary="Sign out")
async def logout(request: Request, session: CheckedDep, state: HelpdeskDep) -> Response:
    await run_in_threadpool(state.accounts.logout, request.cookies.get(COOKIE, ""))
    response = Response(status_code=204)
    response.delete_cookie(COOKIE, path="/", httponly=True, samesite="strict")
    return response


@router.get("/me", summary="Who is signed in, their CSRF token and centres")
async def me(session: SessionDep, state: HelpdeskDep) -> dict[str, Any]:
    return await run_in_threadpool(_me, session, state)


@router.get("/queue", summary="Open requests, recently closed ones, kiosks, who is on duty")
async def queue(
    session: SessionDep, state: HelpdeskDep, centre: Annotated[int | None, Query()] = None
) -> dict[str, Any]:
    centre_ids = session.staff.centre_ids
    if centre is not None:
        if centre_ids is not None and centre not in centre_ids:
            raise HTTPException(404, "no such centre")
        centre_ids = frozenset({centre})

    def gather() -> dict[str, Any]:
        return {
            "open": [staff_view(state, r) for r in state.store.open_requests(centre_ids)],
            "closed": [staff_view(state, r) for r in state.store.recently_closed(centre_ids)],
            "kiosks": state.store.kiosks(centre_ids),
            "on_duty": [m.display_name for m in state.accounts.on_duty(centre_ids)],
            "now": state.store.clock().isoformat(),
        }

    return await run_in_threadpool(gather)


# Before the {action} route, which would otherwise take "message" for an action.
@router.post("/requests/{request_id}/message", summary="One line of text to the kiosk")
async def message(
    request_id: str, body: MessageIn, session: CheckedDep, state: HelpdeskDep
) -> dict[str, Any]:
    try:
        changed = await run_in_threadpool(
            state.store.staff_message, session.staff.centre_ids, request_id, body.message
        )
    except NotFoundError:
        raise HTTPException(404, "no such request") from None
    except ConflictError as exc:
        raise HTTPException(409, str(exc)) from None
    return await run_in_threadpool(staff_view, state, changed)


@router.post("/requests/{request_id}/{action}", summary="see, take, call, put_back, resolve")
async def act(
    request_id: str,
    action: Action,
    body: ActionIn,
    session: CheckedDep,
    state: HelpdeskDep,
) -> dict[str, Any]:
    if action not in model.STAFF_ACTIONS:
        raise HTTPException(422, "staff cannot do that")
    try:
        changed = await run_in_threadpool(
            lambda: state.store.staff_action(
                session.staff.centre_ids,
                request_id,
                action,
                outcome=body.outcome,
                minutes=body.minutes,
                staff_name=session.staff.display_name,
            )
        )
    except NotFoundError:
        raise HTTPException(404, "no such request") from None
    except ConflictError as exc:
        raise HTTPException(409, str(exc)) from None
    return await run_in_threadpool(staff_view, state, changed)


@router.post("/duty", summary="Mark yourself on or off duty")
async def duty(body: DutyIn, session: CheckedDep, state: HelpdeskDep) -> dict[str, bool]:
    await run_in_threadpool(state.accounts.set_on_duty, session.staff.id, body.on_duty)
    return {"on_duty": body.on_duty}


@router.get(
    "/events",
    summary="Server-sent events: 'request' on every change, 'duty', 'resync'",
    response_class=Response,
)
async def staff_events(session: SessionDep, state: HelpdeskDep) -> Response:
    return sse.response(_staff_stream(session, state))


async def _staff_stream(session: StaffSession, state: Helpdesk) -> AsyncIterator[str]:
    centre_ids = session.staff.centre_ids
    async with state.broker.subscribe() as queue:
        yield sse.frame("ready", {})
        going_on = True
        while going_on:
            going_on, events = await sse.next_events(queue)
            if not events:
                if going_on:
                    yield ": keep-alive\n\n"
                continue
            frames = [_staff_frame(event, centre_ids) for event in events]
            chunk = "".join(frames)
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


# -- the page ------------------------------------------------------------------------


@page_router.get("/")
async def root() -> RedirectResponse:
    return RedirectResponse("/staff/", status_code=303)


@page_router.get("/staff")
async def staff_no_slash() -> RedirectResponse:
    return RedirectResponse("/staff/", status_code=303)


@page_router.get("/staff/", response_class=HTMLResponse)
async def staff_page(request: Request, state: HelpdeskDep) -> HTMLResponse:
    language = pick_language(request.headers.get("accept-language"), state.settings.language)
    template = (_STATIC / "staff.html").read_text(encoding="utf-8")
    # JSON inside a non-executed data block; '<' escaped so nothing can close the tag.
    titles = await run_in_threadpool(guide_titles, language)  # read once, then cached
    labels = json.dumps({**LABELS[language], "guide_titles": titles}, ensure_ascii=False).replace(
        "<", "\\u003c"
    )
    html = (
        template.replace("{{lang}}", language)
        .replace("{{title}}", LABELS[language]["title"])
        .replace("{{labels}}", labels)
    )
    return HTMLResponse(html)


@page_router.get("/staff/static/{name}")
async def static(name: str) -> FileResponse:
    if name not in STATIC_FILES:
        raise HTTPException(404)
    with resources.as_file(_STATIC / name) as path:
        return FileResponse(path)
