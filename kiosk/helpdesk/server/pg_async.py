"""PostgreSQL from the event loop: a few psycopg async connections for the statements of
the busiest endpoint (a kiosk's new request), so that it needs no thread-pool hop.

Every statement runs on its own (autocommit): it commits, durably, before its result
comes back. Connections insist on ``synchronous_commit`` as the pooled ones do. A
database error comes out as SQLAlchemy's (``DBAPIError``), which the app answers with
503; a connection that failed is closed, not reused.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

if TYPE_CHECKING:
    import psycopg

#: Connections per worker process; more requests than this wait for one.
POOL_SIZE = 8


def psycopg_conninfo(sqlalchemy_url: str) -> str:
    """A SQLAlchemy URL ('postgresql+psycopg://...') as psycopg's own connection string."""
    url = make_url(sqlalchemy_url).set(drivername="postgresql")
    return url.render_as_string(hide_password=False)


class AsyncPostgres:
    def __init__(self, url: str, size: int = POOL_SIZE) -> None:
        self._conninfo = psycopg_conninfo(url)
        self._idle: list[psycopg.AsyncConnection[Any]] = []
        self._slots = asyncio.Semaphore(size)

    async def fetch(
        self, sql: str, params: Mapping[str, Any] | None, *, prepare: bool | None = None
    ) -> list[tuple[Any, ...]]:
        """Rows of one statement, committed when this returns. ``prepare=False``: planned
        for its parameters every time (psycopg otherwise prepares a statement once it has
        run a few times, and PostgreSQL may then keep one plan for all parameters)."""
        import psycopg  # noqa: PLC0415 - only the PostgreSQL configuration needs it

        async with self._slots:
            conn = self._idle.pop() if self._idle else None
            try:
                if conn is None:
                    conn = await self._connect()
                cursor = await conn.execute(sql, params, prepare=prepare)
                rows = await cursor.fetchall() if cursor.description else []
            except psycopg.Error as exc:
                if conn is not None:
                    await conn.close()  # a failed connection is not trusted again
                raise DBAPIError.instance(sql, dict(params or {}), exc, psycopg.Error) from exc
            except BaseException:  # cancelled mid-statement: the connection's state is unknown
                if conn is not None:
                    await asyncio.shield(conn.close())
                raise
            self._idle.append(conn)
            return rows

    async def _connect(self) -> psycopg.AsyncConnection[Any]:
        import psycopg  # noqa: PLC0415

        try:
            conn = await psycopg.AsyncConnection.connect(self._conninfo, autocommit=True)
            # As db._postgres_durable: no commit is confirmed before it is on disk.
            cursor = await conn.execute("SHOW synchronous_commit")
            row = await cursor.fetchone()
            if row is not None and row[0] == "off":
                await conn.execute("SET synchronous_commit = on")
        except psycopg.Error as exc:
            raise DBAPIError.instance("connect", {}, exc, psycopg.Error) from exc
        return conn

    async def warm_up(self, connections: int = 2) -> None:
        """Open a few connections before the first request needs them."""
        async with contextlib.AsyncExitStack() as slots:
            for _ in range(connections):
                await slots.enter_async_context(self._slots)
                self._idle.append(await self._connect())

    async def close(self) -> None:
        idle, self._idle = self._idle, []
        for conn in idle:
            with contextlib.suppress(Exception):
                await conn.close()
