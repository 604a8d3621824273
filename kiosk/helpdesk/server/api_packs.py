"""Guide packs over HTTP: kiosks ask for the newest one (device token), staff who may
publish guides upload one and see which pack each kiosk shows.

Kiosk API (``Authorization: Bearer <device token>``):

* ``GET /api/v1/kiosk/guide-pack/key``: the kiosk's own signing key (it keeps the first
  one it gets with its pairing).
* ``POST /api/v1/kiosk/guide-pack/check``: the kiosk says which pack it shows and what
  went wrong last; the answer names the newest pack, signed for this kiosk.
* ``GET /api/v1/kiosk/guide-pack/files/{version}``: the pack file.

Staff API (session cookie; the ``publish_guides`` permission):

* ``POST /api/v1/staff/guide-packs``: the pack file as the request body (CSRF token in
  ``X-CSRF-Token``). 201: published; 200: published before, now the newest again; 422:
  refused, with ``problems`` listing each problem by file and line; 409: a different
  pack with the same version exists.
* ``GET /api/v1/staff/guide-packs``: packs, each kiosk's pack, guides due a check.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, field_validator
from starlette.concurrency import run_in_threadpool

from kiosk.guides.packs import MAX_PACK_BYTES
from kiosk.helpdesk.server.accounts import StaffSession
from kiosk.helpdesk.server.api_kiosk import KioskDep
from kiosk.helpdesk.server.deps import requires
from kiosk.helpdesk.server.packs import GuidePacks, PackRefusedError
from kiosk.helpdesk.server.roles import Permission
from kiosk.helpdesk.server.store import token_hash

kiosk_router = APIRouter(prefix="/api/v1/kiosk/guide-pack", tags=["kiosk"])
staff_router = APIRouter(prefix="/api/v1/staff", tags=["staff"])

UPLOAD_PATH = "/api/v1/staff/guide-packs"
#: An upload may be this big (a pack's contents are at most MAX_PACK_BYTES, compressed).
MAX_UPLOAD_BYTES = MAX_PACK_BYTES + 1024 * 1024

PublisherDep = Annotated[StaffSession, Depends(requires(Permission.PUBLISH_GUIDES))]
PublishDep = Annotated[
    StaffSession, Depends(requires(Permission.PUBLISH_GUIDES, changes_state=True))
]


def registry(request: Request) -> GuidePacks:
    packs: GuidePacks = request.app.state.guide_packs
    return packs


PacksDep = Annotated[GuidePacks, Depends(registry)]


def _token_hash(request: Request) -> str:
    """The device token's hash (the kiosk is already known by it: KioskDep)."""
    return token_hash(request.headers.get("authorization", "").partition(" ")[2].strip())


class CheckIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    current: str | None = Field(None, max_length=64, description="The pack shown; null: shipped.")
    problem: str | None = Field(None, max_length=300, description="What went wrong last.")

    @field_validator("problem")
    @classmethod
    def _one_line(cls, value: str | None) -> str | None:
        return " ".join(value.split()) or None if value else None


class Offer(BaseModel):
    version: str
    size: int
    sha256: str
    signature: str = Field(description="HMAC-SHA256 of the pack's manifest, hex, for this kiosk")


class CheckOut(BaseModel):
    newest: Offer | None


@kiosk_router.get("/key", summary="This kiosk's key for the guide packs' signatures")
async def pack_key(request: Request, kiosk: KioskDep, packs: PacksDep) -> dict[str, str]:
    key = await run_in_threadpool(packs.key_for, kiosk.id, _token_hash(request))
    return {"algorithm": "HMAC-SHA256", "key": key}


@kiosk_router.post("/check", summary="Report the pack shown; learn the newest pack")
async def check(body: CheckIn, request: Request, kiosk: KioskDep, packs: PacksDep) -> CheckOut:
    await run_in_threadpool(packs.report, kiosk.id, body.current, body.problem)
    offer = await run_in_threadpool(packs.offer, kiosk.id, _token_hash(request))
    return CheckOut(newest=Offer(**offer) if offer else None)


@kiosk_router.get(
    "/files/{version}",
    summary="A guide pack file (zip)",
    response_class=Response,
    responses={200: {"content": {"application/zip": {}}}},
)
async def pack_file(version: str, _kiosk: KioskDep, packs: PacksDep) -> Response:
    data = await run_in_threadpool(packs.content, version)
    if data is None:
        raise HTTPException(404, "no such guide pack")
    return Response(data, media_type="application/zip")


@staff_router.post(
    "/guide-packs",
    status_code=201,
    summary="Publish a guide pack (the file as the body)",
    responses={
        200: {"description": "Published before; now the newest again."},
        409: {"description": "Another pack with this version exists."},
        422: {"description": "Refused: 'problems' lists each problem by file and line."},
    },
)
async def publish(request: Request, member: PublishDep, packs: PacksDep) -> JSONResponse:
    data = await request.body()  # BodyLimit allows MAX_UPLOAD_BYTES here
    if not data:
        raise HTTPException(422, "choose a guide pack file first")
    try:
        published = await run_in_threadpool(packs.publish, data, member.staff.display_name)
    except PackRefusedError as exc:
        return JSONResponse({"detail": str(exc), "problems": list(exc.problems)}, exc.status)
    body: dict[str, Any] = {
        "version": published.version,
        "guides": published.guides,
        "warnings": list(published.warnings),
        "published_at": published.published_at.isoformat(),
    }
    return JSONResponse(body, 201 if published.new else 200)


@staff_router.get("/guide-packs", summary="Packs, each kiosk's pack, guides due a check")
async def overview(member: PublisherDep, packs: PacksDep) -> dict[str, Any]:
    return await run_in_threadpool(packs.overview, member.staff.centre_ids)
