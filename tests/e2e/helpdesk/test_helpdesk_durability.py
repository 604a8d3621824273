"""What the server asks of its database so that a confirmed request stays stored; a
request the database cannot store; warm-up; the codes of many open requests at once."""

from __future__ import annotations

import asyncio
import re
import uuid

import httpx
from sqlalchemy import event, text
from sqlalchemy.exc import DBAPIError, OperationalError

from kiosk.helpdesk import model
from kiosk.helpdesk.server import db
from kiosk.helpdesk.server.app import create_app
from kiosk.helpdesk.server.pg_async import AsyncPostgres
from kiosk.helpdesk.server.settings import ServerSettings
from kiosk.helpdesk.server.store import NewRequest, Store
from tests.helpers.helpdesk_pg import PostgresCluster
from tests.helpers.helpdesk_servers import KioskApi, LiveServer, Seeded


def test_postgres_sessions_commit_synchronously_even_when_the_server_does_not(
    pg_cluster: PostgresCluster,
) -> None:
    url = pg_cluster.new_database()
    engine = db.make_engine(url)
    try:
        with engine.connect() as conn:
            # The test cluster runs with synchronous_commit=off for speed.
            assert (
                conn.execute(
                    text("SELECT reset_val FROM pg_settings WHERE name = 'synchronous_commit'")
                ).scalar_one()
                == "off"
            )
            assert conn.execute(text("SHOW synchronous_commit")).scalar_one() == "on"
    finally:
        engine.dispose()


def test_many_open_requests_in_a_centre_get_distinct_short_codes(database_url: str) -> None:
    db.migrate(database_url)
    # One kiosk stands in for many: lift the cap of open requests per kiosk.
    store = Store(db.make_engine(database_url), max_open_per_kiosk=1000)
    try:
        store.add_centre("Kalliola")
        paired = store.pair(store.create_pair_code("Kalliola", "k"))
        assert paired is not None
        kiosk = paired[0]
        created = [
            store.create_request(kiosk, NewRequest(str(uuid.uuid4()), model.Topic.LOGIN))
            for _ in range(150)  # more than the 90 two-digit codes
        ]
        codes = [request.code or "" for request, _, _ in created]
        assert len(set(codes)) == 150
        assert all(re.fullmatch(r"K-\d{2,4}", code) for code in codes)
        assert [position for _, _, position in created] == list(range(1, 151))
    finally:
        store.engine.dispose()


def test_a_request_the_database_cannot_store_gets_503_and_its_resend_is_stored(
    live: LiveServer, seeded: Seeded
) -> None:
    kiosk = KioskApi(seeded.url, seeded.pair_kiosk())
    assert kiosk.send(str(uuid.uuid4())).status_code == 201  # the token is known now
    store = live.state.store
    request_id = str(uuid.uuid4())
    group = store.group_commit
    working, working_async = store.engine, store.async_postgres
    nowhere = "postgresql://nobody@127.0.0.1:1/none"
    broken = db.make_engine(nowhere)
    if group is not None:  # SQLite: the write batch fails at its commit

        def fail(_: int) -> None:
            group.before_commit = None
            raise OperationalError("COMMIT", {}, Exception("disk is full"))

        group.before_commit = fail
    else:  # PostgreSQL: the database is gone
        assert working_async is not None  # new requests take the event loop's connections
        store.engine, store.async_postgres = broken, AsyncPostgres(nowhere)
    try:
        assert kiosk.send(request_id).status_code == 503
    finally:
        store.engine, store.async_postgres = working, working_async
        broken.dispose()
    assert store.get_request(request_id) is None
    assert kiosk.send(request_id).status_code == 201


def test_warm_up_learns_the_names_so_the_first_request_reads_no_name(database_url: str) -> None:
    db.migrate(database_url)
    setup = Store(db.make_engine(database_url))
    setup.add_centre("Kalliola")
    paired = setup.pair(setup.create_pair_code("Kalliola", "front room"))
    assert paired is not None
    setup.engine.dispose()
    store = Store(db.make_engine(database_url))
    statements: list[str] = []
    event.listen(store.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    try:
        store.warm_up()
        statements.clear()
        assert store.names("kiosk", paired[0].id) == "front room"
        assert store.names("centre", paired[0].centre_id) == "Kalliola"
        assert statements == []
    finally:
        store.engine.dispose()


def test_the_server_starts_while_the_database_is_down() -> None:
    settings = ServerSettings(
        database_url="postgresql://nobody@127.0.0.1:1/none", allowed_hosts=("testserver",)
    )
    app = create_app(settings)

    async def scenario() -> int:
        async with app.router.lifespan_context(app):  # the warm-up fails, the start does not
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
                return (await c.get("/api/v1/health")).status_code

    assert asyncio.run(scenario()) == 503


def test_the_event_loop_connections_recover_from_a_dropped_connection(
    pg_cluster: PostgresCluster,
) -> None:
    url = pg_cluster.new_database()
    pg = AsyncPostgres(db.normalise_url(url), size=1)
    admin = db.make_engine(url)

    async def scenario() -> list[object]:
        seen: list[object] = []
        seen.append((await pg.fetch("SHOW synchronous_commit", None))[0][0])
        pid = (await pg.fetch("SELECT pg_backend_pid()", None))[0][0]
        with admin.connect() as conn:  # what a database restart does to a connection
            conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        try:
            await pg.fetch("SELECT 1", None)
        except DBAPIError as exc:  # the app answers 503; the kiosk sends again
            seen.append(type(exc).__name__)
        seen.append((await pg.fetch("SELECT 1", None))[0][0])  # a new connection
        await pg.close()
        return seen

    try:
        assert asyncio.run(scenario()) == ["on", "OperationalError", 1]
    finally:
        admin.dispose()
