"""What the endpoints depend on: the shared state, the signed-in staff member, the
CSRF check and permission checks, and the client's real address.

``app`` builds :class:`Helpdesk`; ``api_kiosk`` and ``api_staff`` import this module,
never ``app`` (which imports them).
"""

from __future__ import annotations

import asyncio
import hmac
import ipaddress
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from starlette.concurrency import run_in_threadpool

from kiosk.helpdesk.server.accounts import Accounts, StaffSession
from kiosk.helpdesk.server.events import Broker
from kiosk.helpdesk.server.roles import Permission
from kiosk.helpdesk.server.settings import ServerSettings
from kiosk.helpdesk.server.store import Store

COOKIE = "helpdesk_session"


@dataclass
class Helpdesk:
    """What the endpoints share; on ``app.state.helpdesk``."""

    settings: ServerSettings
    store: Store
    accounts: Accounts
    broker: Broker
    live: asyncio.Event


async def helpdesk(request: Request) -> Helpdesk:
    # async: FastAPI runs a plain ``def`` dependency in its thread pool, a thread hop
    # (and a wait for a free thread under load) on every request for one attribute.
    state: Helpdesk = request.app.state.helpdesk
    return state


HelpdeskDep = Annotated[Helpdesk, Depends(helpdesk)]


# -- where the request came from ----------------------------------------------------------


def _trusted(address: str, settings: ServerSettings) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in ipaddress.ip_network(net, strict=False) for net in settings.trusted_proxies)


def client_address(request: Request, settings: ServerSettings) -> str:
    """The client's address: the peer's, or, from a trusted proxy, the nearest address in
    ``X-Forwarded-For`` that is not itself a trusted proxy."""
    peer = request.client.host if request.client else "?"
    if not _trusted(peer, settings):
        return peer
    forwarded = [
        part.strip()
        for header in request.headers.getlist("x-forwarded-for")
        for part in header.split(",")
        if part.strip()
    ]
    for address in reversed(forwarded):
        if not _trusted(address, settings):
            return address
    return peer


def is_https(request: Request, settings: ServerSettings) -> bool:
    """Reached over TLS: our own, or a trusted proxy's (``X-Forwarded-Proto``)."""
    if request.url.scheme == "https":
        return True
    peer = request.client.host if request.client else ""
    proto = request.headers.get("x-forwarded-proto", "").split(",")[0].strip().lower()
    return proto == "https" and _trusted(peer, settings)


# -- staff ------------------------------------------------------------------------------------


async def staff_session(request: Request, state: HelpdeskDep) -> StaffSession:
    token = request.cookies.get(COOKIE)
    session = await run_in_threadpool(state.accounts.session, token) if token else None
    if session is None:
        raise HTTPException(401, "sign in first")
    return session


SessionDep = Annotated[StaffSession, Depends(staff_session)]


def same_origin(request: Request) -> None:
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
    same_origin(request)
    sent = request.headers.get("x-csrf-token", "")
    if not hmac.compare_digest(sent.encode(), session.csrf_token.encode()):
        raise HTTPException(403, "missing or wrong CSRF token")
    return session


CheckedDep = Annotated[StaffSession, Depends(checked_session)]


def requires(
    permission: Permission, *, changes_state: bool = False
) -> Callable[..., Awaitable[StaffSession]]:
    """A dependency: the signed-in member, if their role grants ``permission`` (else 403).

    ``changes_state=True`` also checks the origin and the CSRF token. Use as
    ``Annotated[StaffSession, Depends(requires(Permission.PUBLISH_GUIDES))]``.
    """

    async def dependency(request: Request, session: SessionDep) -> StaffSession:
        if changes_state:
            await checked_session(request, session)
        if not session.staff.can(permission):
            raise HTTPException(403, "your role does not allow this")
        return session

    return dependency


HandlerDep = Annotated[StaffSession, Depends(requires(Permission.HANDLE_REQUESTS))]
HandlerChangeDep = Annotated[
    StaffSession, Depends(requires(Permission.HANDLE_REQUESTS, changes_state=True))
]
