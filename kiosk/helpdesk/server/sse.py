"""Server-sent events: framing, keep-alive comments and the response object."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any

from starlette.responses import StreamingResponse

KEEPALIVE_S = 15.0
#: How long a busy stream waits for the rest of a burst of events (see next_events).
COALESCE_S = 0.002


def frame(event: str, data: Any) -> str:
    return f"event: {event}\ndata: {json.dumps(data, separators=(',', ':'))}\n\n"


async def next_event(
    queue: asyncio.Queue[dict[str, Any] | None],
) -> tuple[bool, dict[str, Any] | None]:
    """(stream goes on, event or None on a keep-alive tick)."""
    try:
        event = await asyncio.wait_for(queue.get(), KEEPALIVE_S)
    except TimeoutError:
        return True, None
    return event is not None, event


async def next_events(
    queue: asyncio.Queue[dict[str, Any] | None],
) -> tuple[bool, list[dict[str, Any]]]:
    """(stream goes on, every event waiting; empty on a keep-alive tick).

    A busy stream takes all that is queued at once, to send it in one write; when more
    than one event is already waiting (busy), it first gives the others of the burst
    :data:`COALESCE_S` to arrive. With PostgreSQL, whose notifications arrive one by
    one, a stream under load wrote for every second event; this makes it one write for
    several, and costs nothing when events come one at a time.
    """
    going_on, event = await next_event(queue)
    if event is None:
        return going_on, []
    if not queue.empty():
        await asyncio.sleep(COALESCE_S)
    events = [event]
    while not queue.empty():
        more = queue.get_nowait()
        if more is None:
            return False, events
        events.append(more)
    return True, events


def response(stream: AsyncIterator[str]) -> StreamingResponse:
    return StreamingResponse(
        stream,
        media_type="text/event-stream",
        headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
    )
