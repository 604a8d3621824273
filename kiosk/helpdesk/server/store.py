"""Everything the help desk keeps, behind plain methods: centres, kiosks and pairing,
requests and their transitions. Staff accounts and sessions are in ``accounts``; storing
a new request (group commit, the event loop's PostgreSQL path) is in ``intake``.

Every change that staff or kiosks must see live produces an *event* (a JSON-ready dict).
On PostgreSQL the event is sent with ``pg_notify`` inside the same transaction, so it is
delivered to every worker exactly when (and only if) the change commits; on SQLite (one
worker) it is handed to ``on_event`` right after the commit.
"""

from __future__ import annotations

import hashlib
import json
import random
import secrets
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, Engine, delete, func, select, text, update
from sqlalchemy.sql.compiler import Compiled

from kiosk.helpdesk import model
from kiosk.helpdesk.model import Action, Request
from kiosk.helpdesk.server import db
from kiosk.helpdesk.server.group_commit import GroupCommit
from kiosk.helpdesk.server.intake import NOTIFY_CHANNEL, RequestIntake, place_in_line
from kiosk.helpdesk.server.pg_async import AsyncPostgres
from kiosk.helpdesk.server.pg_batch import PostgresBatches
from kiosk.helpdesk.server.records import (
    ConflictError,
    EventSink,
    Kiosk,
    NewRequest,
    NotFoundError,
    TooManyOpenError,
    from_row,
    load_request,
    row_values,
)

# What the rest of the server imports from here (some of it lives in intake and records).
__all__ = [
    "NOTIFY_CHANNEL",
    "PAIR_CODE_TTL",
    "ConflictError",
    "Kiosk",
    "NewRequest",
    "NotFoundError",
    "Store",
    "TooManyOpenError",
    "new_token",
    "normalise_pair_code",
    "token_hash",
]

PAIR_CODE_TTL = timedelta(minutes=30)
#: How long a known device token is trusted without asking the database again.
TOKEN_CACHE_S = 60.0
#: Without visually similar characters (0/O, 1/I/L): read aloud and typed by volunteers.
_PAIR_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"

Clock = model.Clock


def token_hash(token: str) -> str:
    """Device tokens and session tokens are long random strings: sha256 is enough."""
    return hashlib.sha256(token.encode()).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(32)


def normalise_pair_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


class Store(RequestIntake):
    def __init__(
        self,
        engine: Engine,
        clock: Clock = model.utcnow,
        on_event: EventSink | None = None,
        *,
        timezone: str = "Europe/Helsinki",
        max_open_per_kiosk: int = 5,
    ) -> None:
        self.engine = engine
        self.timezone = ZoneInfo(timezone)
        self.max_open_per_kiosk = max_open_per_kiosk
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
        self.postgres_batches: PostgresBatches | None = None
        self._pg_insert: str | None = None
        self._random = random.Random()  # request codes: short and unused, not secret
        self._code_deck = None
        self._pg_sql: Compiled | None = None
        self._sqlite_sql = None

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

    # -- requests -------------------------------------------------------------------

    def get_request(self, request_id: str) -> Request | None:
        with self.engine.connect() as conn:
            return load_request(conn, request_id)

    def kiosk_action(self, kiosk: Kiosk, request_id: str, action: Action) -> Request:
        if action not in model.KIOSK_ACTIONS:
            raise ConflictError(f"a kiosk cannot {action.value}")
        return self._change(
            request_id,
            lambda r: model.apply(r, action, self.clock()),
            owner=kiosk.id,
            idempotent_closed=True,
            log=("cancelled" if action is Action.CANCEL else "visitor_left", None, None),
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
        detail = outcome.value if outcome else (f"{minutes} min" if minutes else None)
        return self._change(
            request_id,
            lambda r: model.apply(
                r, action, self.clock(), outcome=outcome, minutes=minutes, staff_name=staff_name
            ),
            centre_ids=centre_ids,
            log=(action.value, staff_name, detail),
        )

    def staff_message(
        self, centre_ids: frozenset[int] | None, request_id: str, message: str
    ) -> Request:
        return self._change(
            request_id,
            lambda r: model.with_message(r, message, self.clock()),
            centre_ids=centre_ids,
        )

    def staff_note(self, centre_ids: frozenset[int] | None, request_id: str, note: str) -> Request:
        return self._change(
            request_id,
            lambda r: model.with_note(r, note, self.clock()),
            centre_ids=centre_ids,
        )

    def hand_over(
        self, centre_ids: frozenset[int] | None, request_id: str, to_name: str, by_name: str
    ) -> Request:
        return self._change(
            request_id,
            lambda r: model.handed_over(r, to_name, self.clock()),
            centre_ids=centre_ids,
            log=("hand_over", by_name, model.clean_line(to_name, 60)),
        )

    def _change(
        self,
        request_id: str,
        change: Callable[[Request], Request],
        *,
        owner: int | None = None,
        centre_ids: frozenset[int] | None = None,
        idempotent_closed: bool = False,
        log: tuple[str, str | None, str | None] | None = None,
    ) -> Request:
        """Change one request; ``log`` (action, by whom, detail) goes in today's history."""
        with self.write() as (conn, events):
            current = load_request(conn, request_id, lock=True)
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
                .values(**row_values(changed))
            )
            if log is not None:
                self._log(conn, current, *log)
            queued_before = current.state in model.QUEUED_STATES
            queued_after = changed.state in model.QUEUED_STATES
            events.append(self._event(changed, queue_changed=queued_before != queued_after))
            return changed

    def _log(
        self, conn: Connection, request: Request, action: str, by: str | None, detail: str | None
    ) -> None:
        conn.execute(
            db.handling_log.insert().values(
                centre_id=request.centre_id,
                request_id=request.id,
                code=request.code,
                topic=request.topic.value,
                kiosk_id=request.kiosk_id,
                action=action,
                staff_name=model.clean_line(by, model.MAX_NAME_LEN) or None,
                detail=detail,
                at=self.clock(),
            )
        )

    def start_of_today(self) -> datetime:
        """Midnight in the centres' time zone, as an aware datetime."""
        local = self.clock().astimezone(self.timezone)
        return local.replace(hour=0, minute=0, second=0, microsecond=0)

    def history(self, centre_ids: frozenset[int] | None) -> list[dict[str, Any]]:
        """Today's handling, newest first: who did what to which request."""
        log = db.handling_log.c
        query = select(db.handling_log).where(log.at >= self.start_of_today())
        if centre_ids is not None:
            query = query.where(log.centre_id.in_(centre_ids))
        with self.engine.connect() as conn:
            rows = conn.execute(query.order_by(log.at.desc(), log.id.desc()).limit(500)).all()
        return [
            {
                "request_id": r.request_id,
                "code": r.code,
                "topic": r.topic,
                "centre_id": r.centre_id,
                "centre_name": self.names("centre", r.centre_id),
                "kiosk_name": self.names("kiosk", r.kiosk_id),
                "action": r.action,
                "staff_name": r.staff_name,
                "detail": r.detail,
                "at": r.at.isoformat(),
            }
            for r in rows
        ]

    def position(self, request: Request) -> int | None:
        """1 = next in line; None when nobody is waiting for it any more."""
        if request.state not in model.QUEUED_STATES:
            return None
        with self.engine.connect() as conn:
            return place_in_line(conn, request)

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
        return [from_row(row) for row in rows]

    def recently_closed(
        self, centre_ids: frozenset[int] | None, since: timedelta = timedelta(hours=1)
    ) -> list[Request]:
        query = select(db.requests).where(db.requests.c.closed_at >= self.clock() - since)
        if centre_ids is not None:
            query = query.where(db.requests.c.centre_id.in_(centre_ids))
        with self.engine.connect() as conn:
            rows = conn.execute(query.order_by(db.requests.c.closed_at.desc()).limit(50))
            return [from_row(row) for row in rows.mappings()]

    def count_requests(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(db.requests)).scalar_one())

    def purge(self) -> int:
        """Delete call-back numbers older than 24 h; returns how many were deleted.

        A request whose visitor left stayed open only for its call-back number: without
        it, it is closed as visitor-left. Yesterday's history goes too. On SQLite the
        write-ahead log is then checkpointed and truncated, so that a deleted number is
        not left behind in it (``secure_delete`` zeroes it in the database file).
        """
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
            expired = [model.expire_phone(from_row(row), now) for row in rows]
            for request in expired:
                changed = request
                if request.visitor_left and request.is_open:
                    changed = model.apply(request, Action.VISITOR_LEFT, now)
                conn.execute(
                    update(db.requests)
                    .where(db.requests.c.id == request.id)
                    .values(**row_values(changed))
                )
                queue_changed = changed.state is not request.state
                events.append(self._event(changed, queue_changed=queue_changed))
            conn.execute(
                delete(db.handling_log).where(db.handling_log.c.at < self.start_of_today())
            )
        if not self.is_postgres:
            self.checkpoint()
        return len(expired)

    def checkpoint(self) -> None:
        """SQLite: copy the write-ahead log into the database and empty it."""
        lock = self._write_lock
        if lock:
            lock.acquire()
        try:
            with self.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            if lock:
                lock.release()

    def _event(self, request: Request, *, queue_changed: bool) -> dict[str, Any]:
        return {
            "type": "request",
            "request": request.to_wire(),
            "centre_name": self.names("centre", request.centre_id),
            "kiosk_name": self.names("kiosk", request.kiosk_id),
            "queue_changed": queue_changed,
        }
