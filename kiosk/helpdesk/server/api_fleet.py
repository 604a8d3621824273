"""The fleet's API: the kiosks' side of remote commands (``/api/v1/kiosk/commands``), the
staff's Kiosks view (``/api/v1/staff/kiosks``) and the server's own health
(``/health/live``, ``/health/ready``).

Staff see and command only kiosks of their own centres, one kiosk per command; a kiosk
sees and reports only its own commands.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request, Response
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool

from kiosk.helpdesk import commands
from kiosk.helpdesk.commands import Kind, State
from kiosk.helpdesk.server.api_kiosk import KioskDep
from kiosk.helpdesk.server.api_staff import CheckedDep, SessionDep
from kiosk.helpdesk.server.fleet import (
    OFFLINE_AFTER,
    Fleet,
    FleetConflictError,
    FleetNotFoundError,
)

kiosk_router = APIRouter(prefix="/api/v1/kiosk", tags=["kiosk"])
staff_router = APIRouter(prefix="/api/v1/staff/kiosks", tags=["staff"])
health_router = APIRouter(prefix="/health", tags=["health"])


async def fleet(request: Request) -> Fleet:
    found: Fleet = request.app.state.fleet
    return found


FleetDep = Annotated[Fleet, Depends(fleet)]


class _Input(BaseModel):
    model_config = ConfigDict(extra="forbid")


class CommandIn(_Input):
    kind: Kind
    expires_in_s: int = Field(
        int(commands.DEFAULT_EXPIRY.total_seconds()),
        ge=60,
        le=int(commands.MAX_EXPIRY.total_seconds()),
        description="The command expires if the kiosk has not fetched it by then.",
    )


class ResultIn(_Input):
    state: State = Field(description="done or failed")
    detail: str = Field("", max_length=commands.MAX_DETAIL)


def _not_found(exc: Exception) -> HTTPException:
    return HTTPException(404, str(exc))


# -- the kiosk ---------------------------------------------------------------------------


@kiosk_router.get("/commands", summary="This kiosk's pending commands (now delivered)")
async def fetch_commands(kiosk: KioskDep, fleet: FleetDep) -> dict[str, Any]:
    found = await run_in_threadpool(fleet.fetch, kiosk)
    return {"commands": [c.to_wire() for c in found]}


@kiosk_router.post("/commands/{command_id}", summary="How a command went: done or failed")
async def report_command(
    command_id: int, body: ResultIn, kiosk: KioskDep, fleet: FleetDep
) -> dict[str, Any]:
    if body.state not in (State.DONE, State.FAILED):
        raise HTTPException(422, "a kiosk reports done or failed")
    try:
        done = await run_in_threadpool(fleet.report, kiosk, command_id, body.state, body.detail)
    except FleetNotFoundError as exc:
        raise _not_found(exc) from None
    except FleetConflictError as exc:
        raise HTTPException(409, str(exc)) from None
    return done.to_wire()


# -- staff -------------------------------------------------------------------------------


@staff_router.get("", summary="The kiosks of your centres: state, health, commands")
async def list_kiosks(session: SessionDep, fleet: FleetDep) -> dict[str, Any]:
    kiosks = await run_in_threadpool(fleet.kiosks, session.staff.centre_ids)
    return {
        "kiosks": kiosks,
        "now": fleet.clock().isoformat(),
        "offline_after_s": int(OFFLINE_AFTER.total_seconds()),
    }


@staff_router.post("/{kiosk_id}/commands", status_code=201, summary="A command for this one kiosk")
async def send_command(
    kiosk_id: int, body: CommandIn, session: CheckedDep, fleet: FleetDep
) -> dict[str, Any]:
    try:
        made = await run_in_threadpool(
            fleet.send,
            session.staff.centre_ids,
            kiosk_id,
            body.kind,
            session.staff.display_name or session.staff.username,
            timedelta(seconds=body.expires_in_s),
        )
    except FleetNotFoundError as exc:
        raise _not_found(exc) from None
    return made.to_wire()


@staff_router.get("/{kiosk_id}/commands", summary="This kiosk's latest commands")
async def kiosk_commands(kiosk_id: int, session: SessionDep, fleet: FleetDep) -> dict[str, Any]:
    try:
        found = await run_in_threadpool(fleet.commands_of, session.staff.centre_ids, kiosk_id)
    except FleetNotFoundError as exc:
        raise _not_found(exc) from None
    return {"commands": [c.to_wire() for c in found]}


@staff_router.get("/{kiosk_id}/admin-code", summary="The kiosk's one-time admin code now")
async def admin_code(kiosk_id: int, session: SessionDep, fleet: FleetDep) -> dict[str, Any]:
    try:
        return await run_in_threadpool(fleet.admin_code, session.staff.centre_ids, kiosk_id)
    except FleetNotFoundError as exc:
        raise _not_found(exc) from None
    except FleetConflictError as exc:
        raise HTTPException(409, str(exc)) from None


# -- the server's own health ---------------------------------------------------------------


@health_router.get("/live", summary="The server process answers")
async def live() -> dict[str, bool]:
    return {"ok": True}


@health_router.get("/ready", summary="The server can serve: its database answers")
async def ready(request: Request, response: Response) -> dict[str, Any]:
    store = request.app.state.helpdesk.store
    try:
        await run_in_threadpool(store.count_requests)
    except Exception as exc:  # any failure to reach the database: not ready
        response.status_code = 503
        return {"ok": False, "problem": f"the database does not answer ({type(exc).__name__})"}
    return {"ok": True}
