"""What a new request needs to know about the open requests, kept by the SQLite writer.

Before each new request the help desk needs three things: which codes its centre's open
requests have (its code must differ), how many open requests its kiosk has (the cap),
and how many of its centre's queued requests are before it (its place in line). Read
from SQLite, that was one statement a request and, under load, SQLite's own work in it
was the largest single part of the event loop's time (see the README's benchmark notes).

:class:`OpenRequests` keeps the three in memory for the group commit's writer, which
makes every new request of its process, and stays exactly in step with the database:

- it is read whole from the writer's transaction whenever anything else may have
  changed the requests: SQLite's ``PRAGMA data_version`` changes when any other
  connection (a staff action, the clean-up, another process) commits, so each new
  request asks it first, inside its transaction, which holds the write lock;
- a request stored by the writer is added once its insert has succeeded;
- when a batch is rolled back or its commit fails, it is forgotten and read again; so
  it is after a batch that ran on a pooled connection (one that met another writer):
  SQLite's data version does not change for a connection's own commits, so what was
  read on a connection that staff actions also use cannot be trusted later.

Only the writer uses it, always with the write lock held.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Dialect
from sqlalchemy.exc import DBAPIError

from kiosk.helpdesk import model
from kiosk.helpdesk.model import Request
from kiosk.helpdesk.server import db

# Read through the driver: a thousand open requests are read in about a millisecond
# (through SQLAlchemy's rows, with their times converted, several).
_VERSION = "PRAGMA data_version"
_OPEN = (
    "SELECT id, centre_id, kiosk_id, code, state, created_at FROM requests "
    f"WHERE {db.OPEN_CONDITION.text}"
)
_QUEUED = frozenset(s.value for s in model.QUEUED_STATES)


class OpenRequests:
    """The open requests' codes, each kiosk's count and each centre's line (above)."""

    def __init__(self, dialect: Dialect) -> None:
        # Times as the database keeps them (a line's order is theirs, compared as text).
        time_type = db.requests.c.created_at.type.dialect_impl(dialect)
        self._stamp: Callable[[datetime], Any] = time_type.bind_processor(dialect) or str
        self._error = dialect.loaded_dbapi.Error
        #: The connection and its data version that the figures were read at.
        self._seen: tuple[Any, int] | None = None
        self._codes: dict[int, set[str]] = {}  # centre -> codes of its open requests
        self._open: dict[int, int] = {}  # kiosk -> its open requests
        self._lines: dict[int, list[tuple[Any, str]]] = {}  # centre -> queued, in order
        #: How many times the figures were read from the database (tests, benchmark).
        self.loads = 0

    def check(self, conn: Connection) -> None:
        """In a write transaction on ``conn``: read everything again if anyone else
        committed since the figures were read (or they were read on another connection)."""
        raw = conn.connection.dbapi_connection
        assert raw is not None
        sql = _VERSION
        try:
            version = raw.execute(sql).fetchone()[0]
            seen = self._seen
            if seen is None or seen[0] is not raw or seen[1] != version:
                sql = _OPEN
                self._load(raw.execute(sql).fetchall())
                self._seen = (raw, version)
        except self._error as exc:  # as from any other statement: the batch fails
            raise DBAPIError.instance(sql, (), exc, self._error) from exc

    def forget(self) -> None:
        """A batch was rolled back (or its commit failed): read everything again."""
        self._seen = None

    def codes(self, centre_id: int) -> set[str]:
        """The codes the centre's open requests have (do not change it)."""
        return self._codes.get(centre_id, set())

    def kiosk_open(self, kiosk_id: int) -> int:
        return self._open.get(kiosk_id, 0)

    def ahead(self, centre_id: int, created: datetime, request_id: str) -> int:
        """How many of the centre's queued requests are before (created, id)."""
        line = self._lines.get(centre_id, [])
        return bisect.bisect_left(line, (self._stamp(created), request_id))

    def add(self, request: Request) -> None:
        """A request this writer has just inserted (open, and queued)."""
        if request.code:
            self._codes.setdefault(request.centre_id, set()).add(request.code)
        self._open[request.kiosk_id] = self._open.get(request.kiosk_id, 0) + 1
        if request.state.value in _QUEUED:
            line = self._lines.setdefault(request.centre_id, [])
            bisect.insort(line, (self._stamp(request.created_at), request.id))

    def _load(self, rows: list[tuple[Any, ...]]) -> None:
        codes: dict[int, set[str]] = {}
        counts: dict[int, int] = {}
        lines: dict[int, list[tuple[Any, str]]] = {}
        for request_id, centre_id, kiosk_id, code, state, created in rows:
            if code:
                codes.setdefault(centre_id, set()).add(code)
            counts[kiosk_id] = counts.get(kiosk_id, 0) + 1
            if state in _QUEUED:
                lines.setdefault(centre_id, []).append((created, request_id))
        for line in lines.values():
            line.sort()
        self._codes, self._open, self._lines = codes, counts, lines
        self.loads += 1
