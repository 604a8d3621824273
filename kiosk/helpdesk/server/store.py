"""Everything the help desk keeps, behind plain methods: centres, kiosks and pairing,
requests and their transitions. Staff accounts and sessions are in ``accounts``.

Every change that staff or kiosks must see live produces an *event* (a JSON-ready dict).
On PostgreSQL the event is sent with ``pg_notify`` inside the same transaction, so it is
delivered to every worker exactly when (and only if) the change commits; on SQLite (one
worker) it is handed to ``on_event`` right after the commit.
"""

from __future__ import annotations

import asyncio
import dataclasses
import hashlib
import json
import random
import secrets
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

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
    text,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.sql.compiler import Compiled
from starlette.concurrency import run_in_threadpool

from kiosk.helpdesk import model
from kiosk.helpdesk.model import Action, Request, State
from kiosk.helpdesk.server import db
from kiosk.helpdesk.server.group_commit import GroupCommit
from kiosk.helpdesk.server.pg_async import AsyncPostgres

NOTIFY_CHANNEL = "kiosk_helpdesk"
PAIR_CODE_TTL = timedelta(minutes=30)
#: How long a known device token is trusted without asking the database again.
TOKEN_CACHE_S = 60.0
#: Without visually similar characters (0/O, 1/I/L): read aloud and typed by volunteers.
_PAIR_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"

Clock = model.Clock
EventSink = Callable[[dict[str, Any]], None]
#: (the request, newly stored, place in line)
Created = tuple[Request, bool, int | None]
_OPEN_VALUES = tuple(sorted(s.value for s in model.OPEN_STATES))
_QUEUED_VALUES = tuple(sorted(s.value for s in model.QUEUED_STATES))
#: Candidate codes of each length looked up for a new request.
CODE_PROBES = 8
_CODE_RANGES = ((10, 99), (100, 999), (1000, 9999))
_PROBES = range(CODE_PROBES)
_CODE_KEYS = tuple(f"code_{i}" for i in range(CODE_PROBES * len(_CODE_RANGES)))

# The statements of a new request, built once (their compiled form is cached). Fixed
# lists (states, candidates) are written out, not expanded at every execution.
_r = db.requests.c
_centre = bindparam("centre_id", type_=Integer)
_is_open = _r.state.in_([literal_column(f"'{value}'") for value in _OPEN_VALUES])
_is_queued = _r.state.in_([literal_column(f"'{value}'") for value in _QUEUED_VALUES])
_taken = (
    _r.centre_id == _centre,
    _r.code.in_([bindparam(key, type_=String) for key in _CODE_KEYS]),
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
_PROBE_SQLITE = select(
    select(func.group_concat(_r.code, " ")).where(*_taken).scalar_subquery().label("taken"),
    _ahead(_centre, _created, bindparam("id")).label("ahead"),
)
_INSERT_SQLITE = (
    sqlite.insert(db.requests).on_conflict_do_nothing(index_elements=["id"]).returning(_r.id)
)
# PostgreSQL: the row, its notification and its place in line in one statement, run on
# its own (autocommit): one round trip to the database instead of seven. The count
# does not see the new row (a statement's snapshot), so it counts the ones before it.
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


class NotFoundError(LookupError):
    pass


class ConflictError(ValueError):
    """The request exists but belongs to someone else, or the state forbids the action."""


@dataclass(frozen=True, slots=True)
class Kiosk:
    id: int
    centre_id: int
    name: str


@dataclass(frozen=True, slots=True)
class NewRequest:
    """What a kiosk sends; already validated by the API layer."""

    id: str
    topic: model.Topic
    guide_id: str | None = None
    step: int | None = None
    phone: str | None = None


def token_hash(token: str) -> str:
    """Device tokens and session tokens are long random strings: sha256 is enough."""
    return hashlib.sha256(token.encode()).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(32)


def normalise_pair_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


class Store:
    def __init__(
        self,
        engine: Engine,
        clock: Clock = model.utcnow,
        on_event: EventSink | None = None,
    ) -> None:
        self.engine = engine
        self.clock = clock
        self.on_event = on_event
        self.is_postgres = engine.dialect.name == "postgresql"
        # SQLite has one writer at a time; queueing here beats "database is locked".
        self._write_lock = threading.Lock() if not self.is_postgres else None
        self._names: dict[tuple[str, int], str] = {}
        self._tokens: dict[str, tuple[Kiosk, float]] = {}
        self._group: GroupCommit | None = None
        #: PostgreSQL: the event loop's own connections for new requests (while serving).
        self.async_postgres: AsyncPostgres | None = None
        self._random = random.Random()  # request codes: short and unused, not secret
        self._pg_sql: tuple[Compiled, Compiled] | None = None

    # -- the event loop's path on PostgreSQL ----------------------------------------

    async def start_async_postgres(self) -> None:
        """On PostgreSQL, new requests from the event loop then need no thread hop."""
        if not self.is_postgres:
            return
        if self._pg_sql is None:
            dialect = self.engine.dialect
            self._pg_sql = (_CODES_TAKEN.compile(dialect=dialect),
                            _INSERT_NOTIFY_PG.compile(dialect=dialect))  # fmt: skip
        pg = AsyncPostgres(self.engine.url.render_as_string(hide_password=False))
        self.async_postgres = pg
        await pg.warm_up()

    async def stop_async_postgres(self) -> None:
        pg, self.async_postgres = self.async_postgres, None
        if pg is not None:
            await pg.close()

    # -- group commit (SQLite) ------------------------------------------------------

    def start_group_commit(self, loop: asyncio.AbstractEventLoop) -> GroupCommit | None:
        """On SQLite, new requests from the event loop are then committed in groups."""
        if self._write_lock is None:
            return None  # PostgreSQL commits concurrently and groups its own WAL flushes
        self._group = GroupCommit(self.engine, self._write_lock, self._publish)
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

    @contextmanager
    def write(self) -> Iterator[tuple[Connection, list[dict[str, Any]]]]:
        """A transaction that may emit events; they go out once it has committed."""
        events: list[dict[str, Any]] = []
        lock = self._write_lock
        if lock:
            lock.acquire()
        try:
            with self.engine.begin() as conn:
                yield conn, events
                if self.is_postgres:
                    for event in events:
                        conn.execute(
                            text("SELECT pg_notify(:channel, :payload)"),
                            {"channel": NOTIFY_CHANNEL, "payload": json.dumps(event)},
                        )
        finally:
            if lock:
                lock.release()
        if not self.is_postgres and self.on_event:
            for event in events:
                self.on_event(event)

    # -- centres, kiosks, pairing ---------------------------------------------------

    def add_centre(self, name: str) -> int:
        name = model.clean_line(name, 100)
        if not name:
            raise ValueError("a centre needs a name")
        with self.write() as (conn, _):
            if conn.execute(select(db.centres.c.id).where(db.centres.c.name == name)).first():
                raise ConflictError(f"a centre called {name!r} exists already")
            result = conn.execute(db.centres.insert().values(name=name, created_at=self.clock()))
            return int(result.inserted_primary_key[0])  # type: ignore[index]

    def centres(self) -> list[tuple[int, str]]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(db.centres.c.id, db.centres.c.name).order_by("name"))
            return [(r.id, r.name) for r in rows]

    def centre_id(self, name: str) -> int:
        with self.engine.connect() as conn:
            found = conn.execute(select(db.centres.c.id).where(db.centres.c.name == name)).first()
        if found is None:
            raise NotFoundError(
                f"no centre called {name!r}; add it with 'kiosk helpdesk add-centre'"
            )
        return int(found.id)

    def create_pair_code(self, centre: str, kiosk_name: str) -> str:
        """A one-time code for ``kiosk pair``; only its hash is stored."""
        centre_id = self.centre_id(centre)
        raw = "".join(secrets.choice(_PAIR_ALPHABET) for _ in range(8))
        with self.write() as (conn, _):
            conn.execute(
                db.pair_codes.insert().values(
                    centre_id=centre_id,
                    code_hash=token_hash(raw),
                    kiosk_name=model.clean_line(kiosk_name, 100) or "kiosk",
                    expires_at=self.clock() + PAIR_CODE_TTL,
                )
            )
        return f"{raw[:4]}-{raw[4:]}"

    def pair(self, code: str) -> tuple[Kiosk, str] | None:
        """Use a pairing code: a new kiosk and its device token, or None."""
        now = self.clock()
        with self.write() as (conn, _):
            row = conn.execute(
                select(db.pair_codes)
                .where(db.pair_codes.c.code_hash == token_hash(normalise_pair_code(code)))
                .with_for_update()
            ).first()
            if row is None or row.used_at is not None or row.expires_at <= now:
                return None
            conn.execute(
                update(db.pair_codes).where(db.pair_codes.c.id == row.id).values(used_at=now)
            )
            token = new_token()
            result = conn.execute(
                db.kiosks.insert().values(
                    centre_id=row.centre_id,
                    name=row.kiosk_name,
                    token_hash=token_hash(token),
                    created_at=now,
                )
            )
            kiosk_id = int(result.inserted_primary_key[0])  # type: ignore[index]
            return Kiosk(kiosk_id, row.centre_id, row.kiosk_name), token

    def cached_kiosk(self, token: str) -> Kiosk | None:
        """The kiosk of a device token seen in the last minute; None: ask :meth:`kiosk_by_token`.

        Never touches the database, so the event loop may call it.
        """
        cached = self._tokens.get(token_hash(token))
        if cached is not None and cached[1] > time.monotonic():
            return cached[0]
        return None

    def kiosk_by_token(self, token: str) -> Kiosk | None:
        """The kiosk a device token belongs to (known tokens are cached for a minute)."""
        kiosk = self.cached_kiosk(token)
        if kiosk is not None:
            return kiosk
        digest = token_hash(token)
        with self.engine.connect() as conn:
            row = conn.execute(
                select(db.kiosks.c.id, db.kiosks.c.centre_id, db.kiosks.c.name).where(
                    db.kiosks.c.token_hash == digest
                )
            ).first()
        if row is None:
            return None
        kiosk = Kiosk(row.id, row.centre_id, row.name)
        self._tokens[digest] = (kiosk, time.monotonic() + TOKEN_CACHE_S)
        return kiosk

    def heartbeat(self, kiosk: Kiosk, health: dict[str, Any]) -> None:
        with self.write() as (conn, _):
            conn.execute(
                update(db.kiosks)
                .where(db.kiosks.c.id == kiosk.id)
                .values(last_seen_at=self.clock(), health=json.dumps(health)[:2000])
            )

    def kiosks(self, centre_ids: frozenset[int] | None) -> list[dict[str, Any]]:
        query = select(db.kiosks, db.centres.c.name.label("centre_name")).join(db.centres)
        if centre_ids is not None:
            query = query.where(db.kiosks.c.centre_id.in_(centre_ids))
        with self.engine.connect() as conn:
            rows = conn.execute(query.order_by(db.centres.c.name, db.kiosks.c.name)).all()
        return [
            {
                "id": r.id,
                "name": r.name,
                "centre_id": r.centre_id,
                "centre_name": r.centre_name,
                "last_seen_at": r.last_seen_at.isoformat() if r.last_seen_at else None,
            }
            for r in rows
        ]

    def names(self, kind: str, ident: int) -> str:
        """Name of a centre or kiosk (cached: they do not change)."""
        key = (kind, ident)
        if key not in self._names:
            table = db.centres if kind == "centre" else db.kiosks
            with self.engine.connect() as conn:
                row = conn.execute(select(table.c.name).where(table.c.id == ident)).first()
            self._names[key] = row.name if row else "?"
        return self._names[key]

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
            params = {"centre_id": 0, "created_at": self.clock(), "id": ""}
            probe = _CODES_TAKEN if self.is_postgres else _PROBE_SQLITE
            conn.execute(probe, {**params, **self._code_candidates()}).all()
            conn.execute(_AHEAD, params).all()
        finally:
            for conn in held:
                conn.close()

    # -- requests -------------------------------------------------------------------

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
            created: Created = await group.submit(
                lambda conn, events: self._create(conn, events, kiosk, new)
            )
            return created
        pg, sql = self.async_postgres, self._pg_sql
        if pg is not None and sql is not None:
            return await self._create_postgres_async(pg, sql, kiosk, new)
        return await run_in_threadpool(self.create_request, kiosk, new)

    async def _create_postgres_async(
        self, pg: AsyncPostgres, sql: tuple[Compiled, Compiled], kiosk: Kiosk, new: NewRequest
    ) -> Created:
        """:meth:`_create_postgres` on the event loop's connections: the same statements."""
        codes_taken, insert_notify = sql
        for kind, ident in (("centre", kiosk.centre_id), ("kiosk", kiosk.id)):
            if (kind, ident) not in self._names:  # a kiosk paired since the start
                await run_in_threadpool(self.names, kind, ident)
        now = self.clock()
        candidates = self._code_candidates()
        params = codes_taken.construct_params({"centre_id": kiosk.centre_id, **candidates})
        taken = {row[0] for row in await pg.fetch(codes_taken.string, params)}
        code = next((c for c in candidates.values() if c not in taken), None)
        if code is None:  # every candidate taken: read all the centre's codes (rare)
            code = await run_in_threadpool(self._free_code_now, kiosk.centre_id, candidates, taken)
        request = self._new_request(kiosk, new, now, code)
        values = {
            f"v_{key}": value.astimezone(UTC) if isinstance(value, datetime) else value
            for key, value in _row_values(request).items()
        }
        values["payload"] = json.dumps(self._event(request, queue_changed=True))
        rows = await pg.fetch(insert_notify.string, insert_notify.construct_params(values))
        if not rows:  # sent before (a retry), or by another worker a moment ago
            return await run_in_threadpool(self._existing_now, kiosk, new.id)
        return request, True, int(rows[0][1]) + 1

    def _free_code_now(self, centre_id: int, candidates: dict[str, str], taken: set[str]) -> str:
        with self.engine.connect() as conn:
            return self._free_code(conn, centre_id, candidates, taken)

    def _existing_now(self, kiosk: Kiosk, request_id: str) -> Created:
        with self.engine.connect() as conn:
            return self._existing(conn, kiosk, request_id)

    def _create(
        self, conn: Connection, events: list[dict[str, Any]], kiosk: Kiosk, new: NewRequest
    ) -> Created:
        """SQLite: two statements. Nothing can fail after the insert, the only change."""
        now = self.clock()
        candidates = self._code_candidates()
        params = {"centre_id": kiosk.centre_id, "created_at": now, "id": new.id}
        probe = conn.execute(_PROBE_SQLITE, {**params, **candidates}).one()
        taken = set(probe.taken.split(" ")) if probe.taken else set()
        code = self._free_code(conn, kiosk.centre_id, candidates, taken)
        request = self._new_request(kiosk, new, now, code)
        event = self._event(request, queue_changed=True)
        if conn.execute(_INSERT_SQLITE, _row_values(request)).first() is None:
            return self._existing(conn, kiosk, new.id)  # sent before: a retry
        events.append(event)
        return request, True, int(probe.ahead) + 1

    def _create_postgres(self, kiosk: Kiosk, new: NewRequest) -> Created:
        with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            now = self.clock()
            candidates = self._code_candidates()
            taken = set(
                conn.execute(_CODES_TAKEN, {"centre_id": kiosk.centre_id, **candidates}).scalars()
            )
            code = self._free_code(conn, kiosk.centre_id, candidates, taken)
            request = self._new_request(kiosk, new, now, code)
            params = {f"v_{key}": value for key, value in _row_values(request).items()}
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
        """A few random codes of each length, shortest first, to look up."""
        randrange = self._random.randrange
        codes = [
            f"K-{randrange(low, high + 1)}"
            for low, high in _CODE_RANGES
            for _ in range(CODE_PROBES)
        ]
        return dict(zip(_CODE_KEYS, codes, strict=True))

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
        stored = self._load(conn, request_id)
        assert stored is not None
        if stored.kiosk_id != kiosk.id:
            raise ConflictError("this request id belongs to another kiosk")
        return stored, False, self._position(conn, stored)

    def get_request(self, request_id: str) -> Request | None:
        with self.engine.connect() as conn:
            return self._load(conn, request_id)

    def kiosk_action(self, kiosk: Kiosk, request_id: str, action: Action) -> Request:
        if action not in model.KIOSK_ACTIONS:
            raise ConflictError(f"a kiosk cannot {action.value}")
        return self._change(
            request_id,
            lambda r: model.apply(r, action, self.clock()),
            owner=kiosk.id,
            idempotent_closed=True,
        )

    def staff_action(
        self,
        centre_ids: frozenset[int] | None,
        request_id: str,
        action: Action,
        *,
        outcome: model.Outcome | None = None,
        minutes: int | None = None,
        staff_name: str | None = None,
    ) -> Request:
        if action not in model.STAFF_ACTIONS:
            raise ConflictError(f"staff cannot {action.value}")
        return self._change(
            request_id,
            lambda r: model.apply(
                r, action, self.clock(), outcome=outcome, minutes=minutes, staff_name=staff_name
            ),
            centre_ids=centre_ids,
        )

    def staff_message(
        self, centre_ids: frozenset[int] | None, request_id: str, message: str
    ) -> Request:
        return self._change(
            request_id,
            lambda r: model.with_message(r, message, self.clock()),
            centre_ids=centre_ids,
        )

    def _change(
        self,
        request_id: str,
        change: Callable[[Request], Request],
        *,
        owner: int | None = None,
        centre_ids: frozenset[int] | None = None,
        idempotent_closed: bool = False,
    ) -> Request:
        with self.write() as (conn, events):
            current = self._load(conn, request_id, lock=True)
            if current is None or (owner is not None and current.kiosk_id != owner):
                raise NotFoundError("no such request")
            if centre_ids is not None and current.centre_id not in centre_ids:
                raise NotFoundError("no such request")
            if idempotent_closed and not current.is_open:
                return current  # a resent cancel after the request closed: nothing to do
            try:
                changed = change(current)
            except model.TransitionError as exc:
                raise ConflictError(str(exc)) from None
            conn.execute(
                update(db.requests)
                .where(db.requests.c.id == request_id)
                .values(**_row_values(changed))
            )
            queued_before = current.state in model.QUEUED_STATES
            queued_after = changed.state in model.QUEUED_STATES
            events.append(self._event(changed, queue_changed=queued_before != queued_after))
            return changed

    def position(self, request: Request) -> int | None:
        """1 = next in line; None when nobody is waiting for it any more."""
        if request.state not in model.QUEUED_STATES:
            return None
        with self.engine.connect() as conn:
            return self._position(conn, request)

    def _position(self, conn: Connection, request: Request) -> int | None:
        if request.state not in model.QUEUED_STATES:
            return None
        params = {"centre_id": request.centre_id, "created_at": request.created_at}
        ahead = conn.execute(_AHEAD, {**params, "id": request.id}).scalar_one()
        return int(ahead) + 1

    def open_requests(
        self, centre_ids: frozenset[int] | None = None, kiosk_id: int | None = None
    ) -> list[Request]:
        query = select(db.requests).where(
            db.requests.c.state.in_([s.value for s in model.OPEN_STATES])
        )
        if centre_ids is not None:
            query = query.where(db.requests.c.centre_id.in_(centre_ids))
        if kiosk_id is not None:
            query = query.where(db.requests.c.kiosk_id == kiosk_id)
        with self.engine.connect() as conn:
            rows = conn.execute(query.order_by(db.requests.c.created_at)).mappings().all()
        return [_from_row(row) for row in rows]

    def recently_closed(
        self, centre_ids: frozenset[int] | None, since: timedelta = timedelta(hours=1)
    ) -> list[Request]:
        query = select(db.requests).where(db.requests.c.closed_at >= self.clock() - since)
        if centre_ids is not None:
            query = query.where(db.requests.c.centre_id.in_(centre_ids))
        with self.engine.connect() as conn:
            rows = conn.execute(query.order_by(db.requests.c.closed_at.desc()).limit(50))
            return [_from_row(row) for row in rows.mappings()]

    def count_requests(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(db.requests)).scalar_one())

    def purge(self) -> int:
        """Delete call-back numbers older than 24 h; returns how many were deleted."""
        now = self.clock()
        with self.write() as (conn, events):
            rows = conn.execute(
                select(db.requests)
                .where(
                    db.requests.c.phone.is_not(None),
                    db.requests.c.created_at <= now - model.PHONE_RETENTION,
                )
                .with_for_update()
            ).mappings()
            expired = [model.expire_phone(_from_row(row), now) for row in rows]
            for request in expired:
                conn.execute(
                    update(db.requests)
                    .where(db.requests.c.id == request.id)
                    .values(phone=None, updated_at=now)
                )
                events.append(self._event(request, queue_changed=False))
            return len(expired)

    def _load(self, conn: Connection, request_id: str, *, lock: bool = False) -> Request | None:
        query = select(db.requests).where(db.requests.c.id == request_id)
        if lock:
            query = query.with_for_update()
        row = conn.execute(query).mappings().first()
        return _from_row(row) if row else None

    def _event(self, request: Request, *, queue_changed: bool) -> dict[str, Any]:
        return {
            "type": "request",
            "request": request.to_wire(),
            "centre_name": self.names("centre", request.centre_id),
            "kiosk_name": self.names("kiosk", request.kiosk_id),
            "queue_changed": queue_changed,
        }


def _row_values(request: Request) -> dict[str, Any]:
    values = {f.name: getattr(request, f.name) for f in dataclasses.fields(request)}
    values["topic"] = request.topic.value
    values["state"] = request.state.value
    values["outcome"] = request.outcome.value if request.outcome else None
    return values


def _from_row(row: Any) -> Request:
    data = dict(row)
    data["topic"] = model.Topic(data["topic"])
    data["state"] = State(data["state"])
    data["outcome"] = model.Outcome(data["outcome"]) if data["outcome"] else None
    data["visitor_left"] = bool(data["visitor_left"])
    return Request(**data)
