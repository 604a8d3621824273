"""A help desk that hangs instead of refusing: one that accepts and never answers, one
that never accepts, and a real one whose network turns into a black hole and back. The
kiosk's client times out, says it is offline, keeps the request and tries again."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.helpdesk.client import HelpdeskClient
from kiosk.helpdesk.model import Topic
from kiosk.helpdesk.outbox import Outbox
from tests.helpers.helpdesk_faults import BlackHole, HangingProxy, NeverAccepts
from tests.helpers.helpdesk_servers import LiveServer, seed, wait_until
from tests.helpers.outbox_child import stored_states

TIMEOUT_S = 0.5  # the client's wait for an answer here (10 s in the kiosk)


@pytest.fixture
def outbox(tmp_path: Path) -> Iterator[Outbox]:
    box = Outbox(tmp_path / "outbox.sqlite3")
    yield box
    box.close()


def hasty_client(url: str, outbox: Outbox, online: list[bool]) -> HelpdeskClient:
    return HelpdeskClient(
        url,
        outbox,
        token=lambda: "a-device-token",
        certificate=lambda: None,
        on_online=online.append,
        backoff_limit=0.3,
        timeout_s=TIMEOUT_S,
        stream_timeout_s=TIMEOUT_S,
    )


def test_a_help_desk_that_never_answers(outbox: Outbox) -> None:
    hole = BlackHole()
    online: list[bool] = []
    client = hasty_client(hole.url, outbox, online)
    try:
        client.start()
        request_id = client.send(Topic.LOGIN)
        wait_until(lambda: online == [False], what="the client to say it is offline")
        # Timed out and tried again, on both of its connections, more than once.
        wait_until(lambda: hole.requests["POST /api/v1/kiosk/requests"] >= 3)
        wait_until(lambda: hole.requests["GET /api/v1/kiosk/events"] >= 2)
        wait_until(lambda: outbox.pending()[0].attempts >= 2, what="counted attempts")
    finally:
        client.stop()
        hole.close()
    assert [op.request_id for op in outbox.pending()] == [request_id]  # kept
    assert online == [False]


def test_a_help_desk_that_never_accepts(outbox: Outbox) -> None:
    port = NeverAccepts()
    online: list[bool] = []
    client = hasty_client(port.url, outbox, online)
    try:
        client.start()
        request_id = client.send(Topic.PRINT)
        wait_until(lambda: online == [False], what="the client to say it is offline")
        wait_until(lambda: outbox.pending()[0].attempts >= 2, what="a second attempt")
        assert client.delivered == 0
    finally:
        client.stop()
        port.close()
    assert [op.request_id for op in outbox.pending()] == [request_id]


def test_a_network_that_turns_into_a_black_hole_and_back(tmp_path: Path, outbox: Outbox) -> None:
    database_url = f"sqlite:///{tmp_path / 'helpdesk.sqlite3'}"
    server = LiveServer(database_url).start()
    proxy = HangingProxy(server.port)
    seeded = seed(server.url, server.state.store)
    online: list[bool] = []
    token = seeded.pair_kiosk()
    client = HelpdeskClient(
        proxy.url,
        outbox,
        token=lambda: token,
        certificate=lambda: None,
        on_online=online.append,
        backoff_limit=0.3,
        timeout_s=TIMEOUT_S,
    )
    try:
        client.start()
        first = client.send(Topic.LOGIN)
        wait_until(lambda: outbox.count() == 0 and online == [True], what="delivery")
        proxy.hang()
        during = client.send(Topic.FORM)
        wait_until(lambda: online[-1] is False, what="the client to notice the black hole")
        posts = proxy.requests["POST /api/v1/kiosk/requests"]
        wait_until(lambda: proxy.requests["POST /api/v1/kiosk/requests"] >= posts + 2)
        assert outbox.count() == 1
        assert list(stored_states(database_url)) == [first]
        proxy.forward()
        wait_until(lambda: outbox.count() == 0, what="the outbox to empty")
        wait_until(lambda: online[-1] is True, what="the client to be back online")
    finally:
        client.stop()
        proxy.close()
        server.stop()
        seeded.store.engine.dispose()
    assert sorted(stored_states(database_url)) == sorted([first, during])


def test_stopping_wakes_threads_that_wait_for_an_answer(outbox: Outbox) -> None:
    """The kiosk quits at once, not after the client's wait for an answer."""
    hole = BlackHole()
    client = HelpdeskClient(
        hole.url,
        outbox,
        token=lambda: "a-device-token",
        certificate=lambda: None,
        timeout_s=120.0,
        stream_timeout_s=120.0,
    )
    try:
        client.start()
        client.send(Topic.LOGIN)
        # Both threads wait for an answer: to the request or a heartbeat, and the stream.
        wait_until(lambda: sum(n for r, n in hole.requests.items() if r.startswith("POST")))
        wait_until(lambda: hole.requests["GET /api/v1/kiosk/events"] == 1)
        threads = [t for t in threading.enumerate() if t.name.startswith("helpdesk-")]
        assert len(threads) == 2
        client.stop(timeout=5.0)  # each thread gets 5 s to end, far less than 120 s
        assert [t.name for t in threads if t.is_alive()] == []
    finally:
        client.stop()
        hole.close()
    assert outbox.count() == 1
