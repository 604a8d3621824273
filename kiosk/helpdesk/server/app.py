"""The help-desk web app: ``create_app(settings)``.

``/api/v1/`` has the kiosk API (device token) and the staff API (session cookie + CSRF);
``/staff/`` is the staff page; ``/openapi.json`` documents the API. The database is
migrated by ``kiosk helpdesk migrate`` (``serve`` migrates on start, once, before the
workers start).
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import inspect
import logging
import re
from collections.abc import AsyncIterator
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DBAPIError, OperationalError
from starlette.concurrency import run_in_threadpool
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.types import ASGIApp

from kiosk import __version__
from kiosk.helpdesk.server import (
    api_fleet,
    api_kiosk,
    api_packs,
    api_share,
    api_staff,
    db,
    staff_page,
    stats_api,
)
from kiosk.helpdesk.server.accounts import Accounts
from kiosk.helpdesk.server.deps import Helpdesk
from kiosk.helpdesk.server.events import Broker, listen_postgres
from kiosk.helpdesk.server.fast_intake import DATABASE_UNAVAILABLE, FastIntake
from kiosk.helpdesk.server.fleet import Fleet
from kiosk.helpdesk.server.hashing import HashGate
from kiosk.helpdesk.server.packs import GuidePacks
from kiosk.helpdesk.server.security import BodyLimit, SecurityHeaders
from kiosk.helpdesk.server.settings import ServerSettings
from kiosk.helpdesk.server.share import ShareService
from kiosk.helpdesk.server.store import Store
from kiosk.helpdesk.share_model import MAX_FRAME_BYTES

log = logging.getLogger("kiosk.helpdesk.server")


def create_app(settings: ServerSettings | None = None, *, own_process: bool = False) -> HelpdeskApp:
    """The help desk's app. ``own_process``: the server has this process to itself (a
    uvicorn worker), so its start-up objects may be frozen out of garbage collection."""
    settings = (settings or ServerSettings()).checked()
    broker = Broker()
    engine = db.make_engine(settings.database_url)
    store = Store(
        engine,
        clock=settings.clock,
        on_event=broker.publish,
        timezone=settings.timezone,
        max_open_per_kiosk=settings.max_open_per_kiosk,
    )
    gate = HashGate(settings.login_hash_workers, settings.login_queue_limit)
    state = Helpdesk(settings, store, Accounts(store, gate), broker, asyncio.Event())
    share = ShareService(store, broker)

    @contextlib.asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        loop = asyncio.get_running_loop()
        broker.bind(loop)
        try:
            await run_in_threadpool(store.warm_up)
        except (OperationalError, DBAPIError) as exc:  # start anyway: requests get 503
            log.warning("could not warm up the database connections: %s", type(exc).__name__)
        store.start_group_commit(loop)
        try:
            await store.start_async_postgres()
        except (OperationalError, DBAPIError) as exc:  # it connects when it can
            log.warning("could not open the database connections: %s", type(exc).__name__)
        await share.start()
        state.live = asyncio.Event()
        tasks = [asyncio.create_task(_purge_forever(state, share))]
        if store.is_postgres:
            tasks.append(
                asyncio.create_task(listen_postgres(settings.database_url, broker, state.live))
            )
        else:
            state.live.set()
        if own_process:
            # What start-up made lives as long as the process: out of the collector's
            # way, its full collections under load went from about 70 ms to a few.
            gc.collect()
            gc.freeze()
            gc.set_threshold(GC_YOUNG_THRESHOLD, *gc.get_threshold()[1:])
        try:
            yield
        finally:
            broker.close()
            for task in tasks:
                task.cancel()
            for task in tasks:
                with contextlib.suppress(asyncio.CancelledError):
                    await task
            await run_in_threadpool(store.stop_group_commit)  # commits what is queued
            await store.stop_async_postgres()
            await share.stop()
            gate.close()
            engine.dispose()

    app = HelpdeskApp(
        title="Digituki help desk",
        version=__version__,
        description=(
            "Help requests from Digituki kiosks to the staff of day centres. Kiosks "
            "authenticate with a device token (``Authorization: Bearer``) that pairing "
            "gives them; staff with a session cookie and a CSRF token."
        ),
        lifespan=lifespan,
        docs_url=None,  # the interactive docs need inline scripts our CSP refuses
        redoc_url=None,
        **_NO_TELEMETRY,
    )
    app.state.helpdesk = state
    # The fleet (admin issue): kiosks' health, one-time admin codes, remote commands.
    app.state.fleet = Fleet(engine, store.clock)
    app.include_router(api_fleet.kiosk_router)
    app.include_router(api_fleet.staff_router)
    app.include_router(api_fleet.health_router)
    # Guide updates without reinstalling: packs published by staff, fetched by kiosks.
    app.state.guide_packs = GuidePacks(store, settings.pack_key_file)
    app.state.share = share
    app.include_router(api_kiosk.router)
    # Before the staff API: its /requests/{id}/{action} would take /requests/{id}/share.
    app.include_router(api_share.staff_router)
    app.include_router(api_share.kiosk_router)
    app.include_router(api_staff.router)
    app.include_router(api_packs.kiosk_router)
    app.include_router(api_packs.staff_router)
    app.include_router(staff_page.router)
    app.include_router(stats_api.router)
    app.include_router(stats_api.page_router)

    @app.exception_handler(OperationalError)
    @app.exception_handler(DBAPIError)
    async def _database_down(_: Request, exc: Exception) -> JSONResponse:
        # Disk full, database restarting: the kiosk keeps the request and tries again.
        log.error("database unavailable: %s", type(exc).__name__)
        return JSONResponse({"detail": DATABASE_UNAVAILABLE}, 503)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [
            {"field": ".".join(str(p) for p in e["loc"][1:]), "problem": e["msg"]}
            for e in exc.errors()
        ]
        return JSONResponse({"detail": "invalid input", "problems": problems}, 422)

    # Outermost first: refuse unknown hosts and oversize bodies before anything else.
    # (In front of them all, HelpdeskApp's short path for a kiosk's new request.)
    app.add_middleware(SecurityHeaders, settings=settings)
    # A guide pack upload and a screen share's pictures are larger than any other body.
    larger = (
        (re.escape(api_packs.UPLOAD_PATH) + "$", api_packs.MAX_UPLOAD_BYTES),
        (api_share.FRAME_PATH, MAX_FRAME_BYTES),
    )
    app.add_middleware(BodyLimit, limit=settings.max_body_bytes, larger=larger)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(settings.allowed_hosts))
    return app


#: Container objects allocated (net) before the collector looks at the young ones (700
#: by default). Under load, nearly everything a request makes is freed as soon as it is
#: answered; looked at every 700, the requests in flight were scanned again and again
#: and moved on to older generations, whose collections then met them too.
GC_YOUNG_THRESHOLD = 20_000


class HelpdeskApp(FastAPI):
    """The help desk's FastAPI app, with a kiosk's new request, the busiest endpoint, on
    a short path in front of the whole middleware stack (``fast_intake``: it makes the
    middleware's checks itself and leaves everything else to the stack)."""

    #: The short path's class; None: none (tests compare both ways).
    short_path: type[FastIntake] | None = FastIntake

    def build_middleware_stack(self) -> ASGIApp:
        stack = super().build_middleware_stack()
        return stack if self.short_path is None else self.short_path(stack)


#: FastAPI's own OpenTelemetry hooks (newer FastAPI) off: they would record request bodies
#: and errors wherever an exporter is configured, and ask whether one is on every request.
_NO_TELEMETRY: dict[str, Any] = (
    {"telemetry": {"tracing": False, "metrics": False, "logs": False, "operation_spans": False}}
    if "telemetry" in inspect.signature(FastAPI.__init__).parameters
    else {}
)


def create_app_from_env() -> HelpdeskApp:
    """Factory for uvicorn's worker processes (settings in ``KIOSK_HELPDESK_*``)."""
    return create_app(ServerSettings.from_env(), own_process=True)


async def _purge_forever(state: Helpdesk, share: ShareService) -> None:
    """Retention: call-back numbers older than 24 h (and the requests of visitors who
    left with them), yesterday's history, expired sessions, old failures; screen shares
    that nobody ended."""
    while True:
        try:
            await run_in_threadpool(state.store.purge)
            await run_in_threadpool(state.accounts.purge)
            await run_in_threadpool(share.shares.settle_all)
        except (OperationalError, DBAPIError) as exc:
            log.warning("retention clean-up skipped: %s", type(exc).__name__)
        await asyncio.sleep(state.settings.purge_interval_s)
