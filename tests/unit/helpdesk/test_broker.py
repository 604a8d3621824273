"""The broker's streams: a stream too far behind is ended (its client reconnects and gets
the full state again), and so is every stream when the server stops, a full one too."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

from kiosk.helpdesk.server import sse
from kiosk.helpdesk.server.events import QUEUE_LIMIT, Broker


def event(name: str) -> dict[str, Any]:
    return {"type": "request", "name": name}


def names(events: list[dict[str, Any]]) -> list[str]:
    return [e["name"] for e in events]


def test_every_stream_reads_every_event_in_order() -> None:
    async def main() -> tuple[list[str], list[str]]:
        broker = Broker()
        broker.bind(asyncio.get_running_loop())
        async with broker.subscribe() as one, broker.subscribe() as two:
            for name in "abc":
                broker.publish(event(name))
            thread = threading.Thread(target=broker.publish, args=(event("d"),))
            thread.start()
            thread.join()
            got_one: list[dict[str, Any]] = []
            got_two: list[dict[str, Any]] = []
            while len(got_one) < 4:
                got_one += (await asyncio.wait_for(sse.next_events(one), 10))[1]
            while len(got_two) < 4:
                got_two += (await asyncio.wait_for(sse.next_events(two), 10))[1]
            return names(got_one), names(got_two)

    assert asyncio.run(main()) == (list("abcd"), list("abcd"))


def test_a_stream_too_far_behind_is_ended() -> None:
    """It ends at its next read, and the others go on."""

    async def main() -> tuple[bool, list[str], bool, list[str]]:
        broker = Broker()
        broker.bind(asyncio.get_running_loop())
        async with broker.subscribe() as slow, broker.subscribe() as keeping_up:
            for number in range(QUEUE_LIMIT + 1):
                broker.publish(event(str(number)))
                _, got = await sse.next_events(keeping_up)
                assert names(got) == [str(number)]
            going_on, left = await asyncio.wait_for(sse.next_events(slow), 10)
            broker.publish(event("after"))
            still, after = await sse.next_events(keeping_up)
            assert slow.empty()  # no longer fed
            return going_on, names(left), still, names(after)

    going_on, left, still, after = asyncio.run(main())
    assert going_on is False and left == []
    assert still is True and after == ["after"]


def test_closing_ends_even_a_full_stream() -> None:
    async def main() -> bool:
        broker = Broker()
        broker.bind(asyncio.get_running_loop())
        async with broker.subscribe() as queue:
            for number in range(QUEUE_LIMIT):
                broker.publish(event(str(number)))
            assert queue.full()
            broker.close()
            going_on, _ = await asyncio.wait_for(sse.next_events(queue), 10)
            return going_on

    assert asyncio.run(main()) is False
