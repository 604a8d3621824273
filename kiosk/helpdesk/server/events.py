"""Live updates inside one server process, and across processes through PostgreSQL.

:class:`Broker` fans events out to the process's open event streams (staff pages and
kiosks). With PostgreSQL, :func:`listen_postgres` receives every worker's ``pg_notify``
and hands it to the local broker, so a request stored by one uvicorn worker reaches the
staff streams held by all the others (a notification holds one event, or a batch of
new requests' events as a JSON array). After the listener lost its connection it sends a
``resync`` event, and each stream sends its full state again: nothing is missed.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import AsyncIterator
from typing import Any

from kiosk.helpdesk.server.pg_async import psycopg_conninfo
from kiosk.helpdesk.server.store import NOTIFY_CHANNEL

log = logging.getLogger("kiosk.helpdesk.server")

#: A stream whose client reads slower than this many events behind is dropped; it
#: reconnects and gets the full state again.
QUEUE_LIMIT = 500


class Broker:
    def __init__(self) -> None:
        self._subscribers: set[asyncio.Queue[dict[str, Any] | None]] = set()
        self._loop: asyncio.AbstractEventLoop | None = None

    def bind(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop

    def publish(self, event: dict[str, Any]) -> None:
        """Hand an event to every stream; callable from any thread."""
        loop = self._loop
        if loop is None or loop.is_closed():
            return
        try:
            running = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        if running is loop:
            self._fan_out(event)
        else:
            with contextlib.suppress(RuntimeError):  # loop shutting down
                loop.call_soon_threadsafe(self._fan_out, event)

    def _fan_out(self, event: dict[str, Any]) -> None:
        for queue in list(self._subscribers):
            try:
                queue.put_nowait(event)
            except asyncio.QueueFull:
                self._subscribers.discard(queue)
                _end(queue)

    @contextlib.asynccontextmanager
    async def subscribe(self) -> AsyncIterator[asyncio.Queue[dict[str, Any] | None]]:
        queue: asyncio.Queue[dict[str, Any] | None] = asyncio.Queue(QUEUE_LIMIT)
        self._subscribers.add(queue)
        try:
            yield queue
        finally:
            self._subscribers.discard(queue)

    def close(self) -> None:
        """Ends every stream (server shutdown)."""
        for queue in list(self._subscribers):
            _end(queue)
        self._subscribers.clear()


def _end(queue: asyncio.Queue[dict[str, Any] | None]) -> None:
    """End a stream at its next read: what it has not read yet is dropped (it was too far
    behind, or the server stops); its client reconnects and gets the full state again.
    (A full queue has no room for the end itself: before, such a stream waited forever,
    sending keep-alives and no news.)"""
    while not queue.empty():
        queue.get_nowait()
    queue.put_nowait(None)


async def listen_postgres(url: str, broker: Broker, ready: asyncio.Event | None = None) -> None:
    """Forward PostgreSQL notifications to ``broker`` until cancelled; reconnects."""
    import psycopg  # noqa: PLC0415 - only the PostgreSQL configuration needs it

    delay = 0.2
    first = True
    while True:
        try:
            async with await psycopg.AsyncConnection.connect(
                psycopg_conninfo(url), autocommit=True
            ) as conn:
                await conn.execute(f"LISTEN {NOTIFY_CHANNEL}")
                delay = 0.2
                if not first:
                    broker.publish({"type": "resync"})
                first = False
                if ready is not None:
                    ready.set()
                async for notify in conn.notifies():
                    try:
                        data = json.loads(notify.payload)
                    except ValueError:
                        log.warning("ignored a malformed notification")
                        continue
                    # One event, or a batch of new requests' events (``pg_batch``):
                    # decoded once here, shared by every stream of this worker.
                    for event in data if isinstance(data, list) else (data,):
                        broker.publish(event)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # the database restarts, the network blips: try again
            log.warning("lost the PostgreSQL notification connection (%s)", type(exc).__name__)
            await asyncio.sleep(delay)
            delay = min(delay * 2, 5.0)
