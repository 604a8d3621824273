"""Storing a kiosk's new request, the help desk's busiest write, as fast as the database
allows without giving up "confirmed only after its commit":

- SQLite: through :class:`~kiosk.helpdesk.server.group_commit.GroupCommit` (several
  requests, one transaction, one fsync), one insert a request: what it needs to know of
  the open requests is kept in memory by the writer (``open_requests``). Outside the
  event loop: a statement reads that first.
- PostgreSQL: from the event loop's own connections (``pg_async``), the new requests of
  one turn of the loop in a batch (``pg_batch``): one statement checks them all, one
  autocommit statement stores the rows, sends their events in one notification and
  counts their places in line. Outside the event loop (the thread pool): one request,
  its check and then its insert.

A request's code is found by looking up a few random candidates (an index lookup each).
:class:`RequestIntake` is a part of :class:`~kiosk.helpdesk.server.store.Store`.
"""

from __future__ import annotations

import asyncio
import json
import random
import threading
from contextlib import AbstractContextManager
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    Connection,
    Engine,
    Integer,
    String,
    Text,
    bindparam,
    func,
    literal_column,
    select,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.sql.compiler import Compiled
from starlette.concurrency import run_in_threadpool

from kiosk.helpdesk import model
from kiosk.helpdesk.model import Request
from kiosk.helpdesk.server import db
from kiosk.helpdesk.server.codes import CODE_KEYS, CodeDeck
from kiosk.helpdesk.server.driver_statement import DriverStatement
from kiosk.helpdesk.server.group_commit import GroupCommit
from kiosk.helpdesk.server.intake_pg import NOTIFY_CHANNEL, PostgresIntake
from kiosk.helpdesk.server.open_requests import OpenRequests
from kiosk.helpdesk.server.pg_async import AsyncPostgres
from kiosk.helpdesk.server.pg_batch import PostgresBatches
from kiosk.helpdesk.server.records import (
    ConflictError,
    Created,
    EventSink,
    Kiosk,
    NewRequest,
    TooManyOpenError,
    load_request,
    row_values,
)

_OPEN_VALUES = tuple(sorted(s.value for s in model.OPEN_STATES))
_QUEUED_VALUES = tuple(sorted(s.value for s in model.QUEUED_STATES))

# The statements of a new request, built once (their compiled form is cached). Fixed
# lists (states, candidates) are written out, not expanded at every execution.
_r = db.requests.c
_centre = bindparam("centre_id", type_=Integer)
_is_open = _r.state.in_([literal_column(f"'{value}'") for value in _OPEN_VALUES])
_is_queued = _r.state.in_([literal_column(f"'{value}'") for value in _QUEUED_VALUES])
_taken = (
    _r.centre_id == _centre,
    _r.code.in_([bindparam(key, type_=String) for key in CODE_KEYS]),
    _is_open,
)
_CODES_TAKEN = select(_r.code).where(*_taken)
_CODES_OPEN = select(_r.code).where(_r.centre_id == _centre, _is_open)
_created = bindparam("created_at", type_=db.UtcDateTime)


def _ahead(centre: Any, created: Any, request_id: Any) -> Any:
    """How many queued requests of the centre are before (created, id).

    Two counts, not one with OR: each is a range of the (centre, state, created) index.
    """
    queued = (_r.centre_id == centre, _is_queued)
    return (
        select(func.count()).where(*queued, _r.created_at < created).scalar_subquery()
        + select(func.count())
        .where(*queued, _r.created_at == created, _r.id < request_id)
        .scalar_subquery()
    )


_AHEAD = select(_ahead(_centre, _created, bindparam("id")))
# SQLite, before the insert: which candidate codes are taken, and the place in line of
# a request made now (the new row would not count itself): one statement, not two.
_KIOSK_OPEN = (
    select(func.count())
    .where(_r.kiosk_id == bindparam("kiosk_id", type_=Integer), _is_open)
    .scalar_subquery()
)
_PROBE_SQLITE = select(
    select(func.group_concat(_r.code, " ")).where(*_taken).scalar_subquery().label("taken"),
    _ahead(_centre, _created, bindparam("id")).label("ahead"),
    _KIOSK_OPEN.label("kiosk_open"),
)
_KIOSK_OPEN_PG = select(_KIOSK_OPEN)
_EXISTS = select(_r.id).where(_r.id == bindparam("id"))
_INSERT_SQLITE = sqlite.insert(db.requests).on_conflict_do_nothing(index_elements=["id"])
# PostgreSQL: the row, its notification and its place in line in one statement, run on
# its own (autocommit); with the code lookup before it, two round trips where there were
# seven. The count does not see the new row (a statement's snapshot): the ones before it.
_V = {c.name: bindparam(f"v_{c.name}", type_=c.type) for c in db.requests.c}
_INSERTED_PG = (
    postgresql.insert(db.requests)
    .values(_V)
    .on_conflict_do_nothing(index_elements=["id"])
    .returning(_r.id)
    .cte("inserted")
)
_INSERT_NOTIFY_PG = select(
    func.pg_notify(NOTIFY_CHANNEL, bindparam("payload", type_=Text)),
    _ahead(_V["centre_id"], _V["created_at"], _V["id"]).label("ahead"),
).select_from(_INSERTED_PG)


#: Every queued request of a centre in line order: its places in line, in one query.
QUEUED_IDS = select(_r.id).where(_r.centre_id == _centre, _is_queued).order_by(_r.created_at, _r.id)


def place_in_line(conn: Connection, request: Request) -> int | None:
    """1 = next in line; None when nobody is waiting for it any more."""
    if request.state not in model.QUEUED_STATES:
        return None
    params = {"centre_id": request.centre_id, "created_at": request.created_at}
    ahead = conn.execute(_AHEAD, {**params, "id": request.id}).scalar_one()
    return int(ahead) + 1


class RequestIntake(PostgresIntake):
    """New requests, the group commit and the event loop's PostgreSQL path (its batches:
    :class:`~kiosk.helpdesk.server.intake_pg.PostgresIntake`); with the
    state that :class:`~kiosk.helpdesk.server.store.Store` sets up."""

    engine: Engine
    clock: model.Clock
    on_event: EventSink | None
    is_postgres: bool
    #: PostgreSQL: the event loop's own connections for new requests (while serving).
    async_postgres: AsyncPostgres | None
    #: PostgreSQL: the event loop's new requests, stored in batches (while serving).
    postgres_batches: PostgresBatches | None
    _write_lock: threading.Lock | None
    _names: dict[tuple[str, int], str]
    _group: GroupCommit | None
    #: SQLite: what new requests need to know of the open ones, kept by the writer.
    _open_requests: OpenRequests
    _random: random.Random
    _code_deck: CodeDeck | None
    _pg_sql: Compiled | None
    _pg_insert: str | None
    _sqlite_sql: tuple[DriverStatement, DriverStatement] | None
    max_open_per_kiosk: int

    if TYPE_CHECKING:  # Store's

        def write(self) -> AbstractContextManager[tuple[Connection, list[dict[str, Any]]]]:
            raise NotImplementedError

        def names(self, kind: str, ident: int) -> str:
            raise NotImplementedError

        def _event(self, request: Request, *, queue_changed: bool) -> dict[str, Any]:
            raise NotImplementedError

    # -- the event loop's path on PostgreSQL ----------------------------------------

    async def start_async_postgres(self) -> None:
        """On PostgreSQL, new requests from the event loop then need no thread hop."""
        if not self.is_postgres:
            return
        if self._pg_sql is None:
            self._pg_sql = QUEUED_IDS.compile(dialect=self.engine.dialect)
        pg = AsyncPostgres(self.engine.url.render_as_string(hide_password=False))
        self.async_postgres = pg
        self.postgres_batches = PostgresBatches(self._postgres_batch)
        await pg.warm_up()

    async def queued_positions_async(self, centre_id: int) -> dict[str, int]:
        """Places in line of a centre's queued requests (1 = next), from the event loop:
        on PostgreSQL over its own connections, elsewhere through the thread pool."""
        pg = self.async_postgres
        if pg is None or self._pg_sql is None:
            return await run_in_threadpool(self.queued_positions, centre_id)
        compiled = self._pg_sql
        rows = await pg.fetch(compiled.string, compiled.construct_params({"centre_id": centre_id}))
        return {row[0]: place for place, row in enumerate(rows, start=1)}

    def queued_positions(self, centre_id: int) -> dict[str, int]:
        """Places in line of a centre's queued requests (1 = next), in one query."""
        with self.engine.connect() as conn:
            rows = conn.execute(QUEUED_IDS, {"centre_id": centre_id})
            return {row.id: place for place, row in enumerate(rows, start=1)}

    async def stop_async_postgres(self) -> None:
        batches, self.postgres_batches = self.postgres_batches, None
        if batches is not None:
            await batches.drain()
        pg, self.async_postgres = self.async_postgres, None
        if pg is not None:
            await pg.close()

    # -- group commit (SQLite) ------------------------------------------------------

    def start_group_commit(self, loop: asyncio.AbstractEventLoop) -> GroupCommit | None:
        """On SQLite, new requests from the event loop are then committed in groups."""
        if self._write_lock is None:
            return None  # PostgreSQL commits concurrently and groups its own WAL flushes
        known = self._open_requests = OpenRequests(self.engine.dialect)
        self._group = GroupCommit(self.engine, self._write_lock, self._publish, forget=known.forget)
        self._group.start(loop)
        return self._group

    @property
    def group_commit(self) -> GroupCommit | None:
        """The SQLite writer, while it runs."""
        return self._group if self._group is not None and self._group.running else None

    def stop_group_commit(self) -> None:
        if self._group is not None:
            self._group.stop()

    def _publish(self, event: dict[str, Any]) -> None:
        if self.on_event is not None:
            self.on_event(event)

    # -- transactions ---------------------------------------------------------------

    def warm_up(self, connections: int = 4) -> None:
        """Before the first request: open a few pooled connections, compile the new
        request's reads in this process and learn every centre's and kiosk's name, so
        that the first kiosks after a (re)start do not wait for all that one by one."""
        held = []
        try:
            for _ in range(connections):
                held.append(self.engine.connect())
            conn = held[0]
            for table, kind in ((db.centres, "centre"), (db.kiosks, "kiosk")):
                for row in conn.execute(select(table.c.id, table.c.name)):
                    self._names[(kind, row.id)] = row.name
            params = {"centre_id": 0, "created_at": self.clock(), "id": "", "kiosk_id": 0}
            probe = _CODES_TAKEN if self.is_postgres else _PROBE_SQLITE
            conn.execute(probe, {**params, **self._code_candidates()}).all()
            conn.execute(_AHEAD, params).all()
        finally:
            for conn in held:
                conn.close()

    def create_request(self, kiosk: Kiosk, new: NewRequest) -> Created:
        """Store a request; sending the same id again returns the stored one.

        Returns (request, newly stored, place in line), all from one transaction.
        """
        if self.is_postgres:
            return self._create_postgres(kiosk, new)
        with self.write() as (conn, events):
            return self._create(conn, events, kiosk, new)

    async def create_request_async(self, kiosk: Kiosk, new: NewRequest) -> Created:
        """:meth:`create_request` for the event loop: on SQLite through the group commit
        (settles after the commit that holds it), elsewhere in the thread pool."""
        group = self._group
        if group is not None and group.running:
            known = self._open_requests
            created: Created = await group.submit(
                lambda conn, events: self._create(conn, events, kiosk, new, known),
                single_change=True,
            )
            return created
        batches = self.postgres_batches
        if batches is not None:
            return await batches.submit(kiosk, new)
        return await run_in_threadpool(self.create_request, kiosk, new)

    def _kiosk_full(self, kiosk: Kiosk, request_id: str, conn: Connection | None = None) -> bool:
        """Has the kiosk as many open requests as it may (and is this one not among them)?"""
        if conn is None:
            with self.engine.connect() as own:
                return self._kiosk_full(kiosk, request_id, own)
        count = conn.execute(_KIOSK_OPEN_PG, {"kiosk_id": kiosk.id}).scalar_one()
        return int(count) >= self.max_open_per_kiosk and not self._stored(conn, request_id)

    @staticmethod
    def _stored(conn: Connection, request_id: str) -> bool:
        return conn.execute(_EXISTS, {"id": request_id}).first() is not None

    def _pick_code_now(self, centre_id: int, also_taken: set[str]) -> str:
        with self.engine.connect() as conn:
            used = conn.execute(_CODES_OPEN, {"centre_id": centre_id}).scalars()
            return model.pick_code({c for c in used if c} | also_taken)

    def _existing_now(self, kiosk: Kiosk, request_id: str) -> Created:
        with self.engine.connect() as conn:
            return self._existing(conn, kiosk, request_id)

    def _create(
        self,
        conn: Connection,
        events: list[dict[str, Any]],
        kiosk: Kiosk,
        new: NewRequest,
        known: OpenRequests | None = None,
    ) -> Created:
        """SQLite: what the insert needs to know (the taken candidates, the place in
        line, the kiosk's open requests) from one statement, or from ``known`` (which the
        group commit's writer keeps), then the insert, the only change."""
        if self._sqlite_sql is None:
            dialect = self.engine.dialect
            self._sqlite_sql = (DriverStatement(_PROBE_SQLITE, dialect),
                                DriverStatement(_INSERT_SQLITE, dialect))  # fmt: skip
        probe_sql, insert_sql = self._sqlite_sql
        now = self.clock()
        if known is None:
            candidates = self._code_candidates()
            params = {"centre_id": kiosk.centre_id, "created_at": now, "id": new.id}
            params["kiosk_id"] = kiosk.id
            taken_codes, ahead, kiosk_open = probe_sql.rows(conn, {**params, **candidates})[0]
            taken = set(taken_codes.split(" ")) if taken_codes else set()
        else:
            known.check(conn)
            taken = known.codes(kiosk.centre_id)
            ahead = known.ahead(kiosk.centre_id, now, new.id)
            kiosk_open = known.kiosk_open(kiosk.id)
        if kiosk_open >= self.max_open_per_kiosk and not self._stored(conn, new.id):
            raise TooManyOpenError
        if known is None:
            code = self._free_code(conn, kiosk.centre_id, candidates, taken)
        else:  # every open code of the centre is known: no lookup
            code = self._deck().first_free(taken) or model.pick_code(taken)
        request = self._new_request(kiosk, new, now, code)
        event = self._event(request, queue_changed=True)
        if not insert_sql.changed(conn, row_values(request)):
            return self._existing(conn, kiosk, new.id)  # sent before: a retry
        if known is not None:
            known.add(request)
        events.append(event)
        return request, True, int(ahead) + 1

    def _create_postgres(self, kiosk: Kiosk, new: NewRequest) -> Created:
        with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            if self._kiosk_full(kiosk, new.id, conn):
                raise TooManyOpenError
            now = self.clock()
            candidates = self._code_candidates()
            taken = set(
                conn.execute(_CODES_TAKEN, {"centre_id": kiosk.centre_id, **candidates}).scalars()
            )
            code = self._free_code(conn, kiosk.centre_id, candidates, taken)
            request = self._new_request(kiosk, new, now, code)
            params = {f"v_{key}": value for key, value in row_values(request).items()}
            params["payload"] = json.dumps(self._event(request, queue_changed=True))
            row = conn.execute(_INSERT_NOTIFY_PG, params).first()
            if row is None:  # sent before (a retry), or by another worker a moment ago
                return self._existing(conn, kiosk, new.id)
            return request, True, int(row.ahead) + 1

    @staticmethod
    def _new_request(kiosk: Kiosk, new: NewRequest, now: datetime, code: str) -> Request:
        return Request(
            id=new.id,
            centre_id=kiosk.centre_id,
            kiosk_id=kiosk.id,
            topic=new.topic,
            created_at=now,
            updated_at=now,
            code=code,
            guide_id=new.guide_id,
            step=new.step,
            phone=new.phone,
        )

    def _code_candidates(self) -> dict[str, str]:
        """A few codes of each length, shortest first, to look up (:class:`CodeDeck`)."""
        return self._deck().deal()

    def _deck(self) -> CodeDeck:
        deck = self._code_deck
        if deck is None:
            deck = self._code_deck = CodeDeck(self._random)
        return deck

    @staticmethod
    def _free_code(
        conn: Connection, centre_id: int, candidates: dict[str, str], taken: set[str]
    ) -> str:
        """A code no open request of the centre has, as short as a few guesses find.

        A few random candidates of each length are looked up (an index lookup each) and
        the shortest free one is taken: a centre needs dozens of open requests before a
        longer code comes out. Only when every candidate is taken are all the centre's
        open codes read.
        """
        for code in candidates.values():
            if code not in taken:
                return code
        used = conn.execute(_CODES_OPEN, {"centre_id": centre_id}).scalars()
        return model.pick_code({c for c in used if c})

    def _existing(self, conn: Connection, kiosk: Kiosk, request_id: str) -> Created:
        stored = load_request(conn, request_id)
        assert stored is not None
        if stored.kiosk_id != kiosk.id:
            raise ConflictError("this request id belongs to another kiosk")
        return stored, False, place_in_line(conn, stored)
