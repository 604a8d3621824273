"""New requests on PostgreSQL in batches (``pg_batch``): the requests of one turn of the
event loop are stored together, and answer as if they had come one after another: a
kiosk's cap counts the ones before it in the batch, two requests of a centre never share
a code, a resend in the same turn gets the stored request, places in line count the batch,
every inserted request's event reaches the streams once (in chunks under the payload
limit), and each answer comes only after the commit that holds it.
"""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
from sqlalchemy import func, select

from kiosk.helpdesk import model
from kiosk.helpdesk.server import db
from kiosk.helpdesk.server.events import Broker, listen_postgres
from kiosk.helpdesk.server.pg_batch import chunks
from kiosk.helpdesk.server.store import (
    ConflictError,
    Kiosk,
    NewRequest,
    Store,
    TooManyOpenError,
)
from tests.helpers.helpdesk_pg import PostgresCluster

CAP = 3


@pytest.fixture
def pg_url(pg_cluster: PostgresCluster) -> str:
    url = pg_cluster.new_database()
    db.migrate(url)
    return url


@pytest.fixture
def store(pg_url: str) -> Iterator[Store]:
    store = Store(db.make_engine(pg_url), max_open_per_kiosk=CAP)
    yield store
    store.engine.dispose()


def kiosks(store: Store, centre: str, count: int) -> list[Kiosk]:
    with contextlib.suppress(ConflictError):
        store.add_centre(centre)
    out = []
    for n in range(count):
        paired = store.pair(store.create_pair_code(centre, f"{centre} {n}"))
        assert paired is not None
        out.append(paired[0])
    return out


def stored(url: str) -> int:
    engine = db.make_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(db.requests)).scalar_one())
    finally:
        engine.dispose()


@contextlib.asynccontextmanager
async def streaming(
    store: Store, pg_url: str
) -> AsyncIterator[asyncio.Queue[dict[str, Any] | None]]:
    """A stream of this worker's events (as the server's: PostgreSQL's notifications
    through a broker), with the store taking new requests from the event loop."""
    broker = Broker()
    broker.bind(asyncio.get_running_loop())
    ready = asyncio.Event()
    listener = asyncio.create_task(listen_postgres(pg_url, broker, ready))
    await ready.wait()
    await store.start_async_postgres()
    try:
        async with broker.subscribe() as queue:
            yield queue
    finally:
        await store.stop_async_postgres()
        listener.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await listener


async def send_together(store: Store, sends: list[tuple[Kiosk, str]]) -> list[Any]:
    """Every send in the same turn of the event loop; answers or errors, in order."""
    return await asyncio.gather(
        *(store.create_request_async(k, NewRequest(i, model.Topic.LOGIN)) for k, i in sends),
        return_exceptions=True,
    )


def test_one_turn_is_one_batch_and_answers_as_one_by_one(store: Store, pg_url: str) -> None:
    kalliola = kiosks(store, "Kalliola", 4)
    vallila = kiosks(store, "Vallila", 2)

    async def main() -> None:
        await store.start_async_postgres()
        try:
            batches = store.postgres_batches
            assert batches is not None
            first = str(uuid.uuid4())
            kept = await send_together(store, [(kalliola[0], first)])
            assert kept[0][1:] == (True, 1)
            sends = [(k, str(uuid.uuid4())) for k in kalliola + vallila]
            sends += [(kalliola[0], str(uuid.uuid4())) for _ in range(2)]  # its 4th: 429
            sends.append((kalliola[1], first))  # another kiosk's id: 409
            sends.append((kalliola[0], first))  # a resend: the stored one
            sends.append((kalliola[2], sends[2][1]))  # a resend in the same turn
            before = batches.batches
            answers = await send_together(store, sends)
            # One batch for the turn, and one more for the resend held back from it.
            assert batches.batches - before == 2
            created = [a for a in answers if isinstance(a, tuple) and a[1]]
            assert len(created) == 7  # 6 kiosks' first, kiosk 0's third
            assert isinstance(answers[7], TooManyOpenError)
            assert isinstance(answers[8], ConflictError)
            assert answers[9][0].id == first and answers[9][1:] == (False, 1)
            assert answers[10][0].id == sends[2][1] and answers[10][1] is False
            assert answers[10][2] == answers[2][2]
            # Places in line: the batch's requests after the one before it, in order.
            places = sorted(a[2] for a in created if a[0].centre_id == kalliola[0].centre_id)
            assert places == [2, 3, 4, 5, 6]
            assert sorted(a[2] for a in created if a[0].centre_id == vallila[0].centre_id) == [
                1,
                2,
            ]
            line = store.queued_positions(kalliola[0].centre_id)
            for request, _, place in created:
                if request.centre_id == kalliola[0].centre_id:
                    assert line[request.id] == place
            assert stored(pg_url) == 8
        finally:
            await store.stop_async_postgres()

    asyncio.run(main())


def test_a_batch_never_gives_a_centre_one_code_twice(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    centre = kiosks(store, "Kalliola", 20)
    # Every request looks up the same few candidates: the batch must not hand one out twice.
    same = {f"code_{n}": f"K-{10 + n % 3}" for n in range(24)}
    monkeypatch.setattr(store, "_code_candidates", lambda: dict(same))

    async def main() -> list[Any]:
        await store.start_async_postgres()
        try:
            return await send_together(store, [(k, str(uuid.uuid4())) for k in centre])
        finally:
            await store.stop_async_postgres()

    answers = asyncio.run(main())
    codes = [a[0].code for a in answers]
    assert len(set(codes)) == len(codes) == 20
    assert {"K-10", "K-11", "K-12"} <= set(codes)


def test_every_inserted_request_reaches_the_streams_once(store: Store, pg_url: str) -> None:
    *many, last = kiosks(store, "Kalliola", 31)

    async def main() -> tuple[list[Any], list[dict[str, Any]]]:
        async with streaming(store, pg_url) as queue:
            sends = [(k, str(uuid.uuid4())) for k in many for _ in range(2)]
            answers = await send_together(store, sends)
            again = await send_together(store, sends[:5])  # resends: no new events
            assert all(a[1] is False for a in again)
            events: list[dict[str, Any]] = []
            while len(events) < len(sends):
                event = await asyncio.wait_for(queue.get(), 30)
                assert event is not None
                events.append(event)
            # Notifications arrive in the order of their commits: an event more of the
            # batches above would come before the event of a request stored after them.
            later = str(uuid.uuid4())
            await send_together(store, [(last, later)])
            event = await asyncio.wait_for(queue.get(), 30)
            assert event is not None and event["request"]["id"] == later
            assert queue.empty()
            return answers, events

    answers, events = asyncio.run(main())
    assert sorted(e["request"]["id"] for e in events) == sorted(a[0].id for a in answers)
    for event in events:
        assert event["type"] == "request" and event["queue_changed"] is True
        assert event["centre_name"] == "Kalliola"


def test_requests_made_at_the_same_instant_still_get_one_place_each(pg_url: str) -> None:
    """A frozen clock: every request of a centre has the same time, in one batch and
    across batches, so only the id orders the line. Each batch's places are told once
    each, and as the line (``queued_positions``) counts them when the batch is stored (a
    later request with a smaller id goes before them: the line is ordered by time, then
    id)."""
    instant = model.utcnow()
    store = Store(db.make_engine(pg_url), max_open_per_kiosk=CAP, clock=lambda: instant)
    centre = kiosks(store, "Kalliola", 4)

    async def main() -> list[tuple[list[Any], dict[str, int]]]:
        await store.start_async_postgres()
        try:
            out = []
            for _ in range(3):
                answers = await send_together(store, [(k, str(uuid.uuid4())) for k in centre])
                out.append((answers, store.queued_positions(centre[0].centre_id)))
            return out
        finally:
            await store.stop_async_postgres()

    try:
        batches = asyncio.run(main())
        for answers, line in batches:
            assert {a[0].created_at for a in answers} == {instant}
            assert {a[0].id: a[2] for a in answers} == {a[0].id: line[a[0].id] for a in answers}
            assert len({a[2] for a in answers}) == len(answers)
        assert len(batches[-1][1]) == 12
    finally:
        store.engine.dispose()


def test_an_event_reaches_the_streams_as_it_was_made(store: Store, pg_url: str) -> None:
    """The batch's events travel as one JSON text inside the notification: quotes,
    backslashes and letters outside ASCII in a name come out as they went in."""
    store.add_centre('Käpylä "itä"')
    paired = store.pair(store.create_pair_code('Käpylä "itä"', 'Ovi \\ "A" – ä'))
    assert paired is not None
    kiosk = paired[0]

    async def main() -> dict[str, Any]:
        async with streaming(store, pg_url) as queue:
            (answer,) = await send_together(store, [(kiosk, str(uuid.uuid4()))])
            event = await asyncio.wait_for(queue.get(), 30)
            assert event is not None
            assert event["request"]["id"] == answer[0].id
            return event

    event = asyncio.run(main())
    assert event["centre_name"] == 'Käpylä "itä"'
    assert event["kiosk_name"] == 'Ovi \\ "A" – ä'


def test_the_probe_is_planned_for_each_batch_and_the_insert_is_kept(store: Store) -> None:
    """psycopg prepares a statement once it has run five times, and PostgreSQL may then
    keep one plan for every batch. The probe must not be kept (a plan made on a nearly
    empty table read every row later); the insert is (its plan does not depend on it)."""
    centre = kiosks(store, "Kalliola", 2)

    async def main() -> list[str]:
        await store.start_async_postgres()
        try:
            for _ in range(8):  # one after another: the same connection every time
                await send_together(store, [(k, str(uuid.uuid4())) for k in centre])
                for request_id in store.queued_positions(centre[0].centre_id):
                    store.staff_action(
                        None, request_id, model.Action.RESOLVE, outcome=model.Outcome.DONE
                    )
            pg = store.async_postgres
            assert pg is not None
            rows = await pg.fetch("SELECT statement FROM pg_prepared_statements", None)
            return [str(row[0]) for row in rows]
        finally:
            await store.stop_async_postgres()

    prepared = asyncio.run(main())
    assert any("INSERT INTO requests" in statement for statement in prepared), prepared
    assert not any("r.kiosk_id = v.kiosk_id" in statement for statement in prepared), prepared


def test_payload_chunks_stay_under_the_limit() -> None:
    payloads = ["x" * 900] * 20
    parts = chunks(payloads, 7000)
    for part in set(parts):
        members = [p for p, c in zip(payloads, parts, strict=True) if c == part]
        assert len("[" + ",".join(members) + "]") < 7000 + 2
    assert parts == sorted(parts) and len(set(parts)) == 3
