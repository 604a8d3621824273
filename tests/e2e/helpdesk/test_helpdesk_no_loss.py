"""No loss, no duplicates: the kiosk's outbox against a server that is killed with SIGKILL
at random moments, and against a network that is cut for a while."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk.helpdesk.client import HelpdeskClient
from kiosk.helpdesk.model import Topic
from kiosk.helpdesk.outbox import Outbox
from kiosk.helpdesk.server import db
from tests.helpers.helpdesk_proxy import CuttableProxy
from tests.helpers.helpdesk_servers import MANY_OPEN, LiveServer, ServerProcess, seed, wait_until

REQUESTS = 40


def stored_ids(database_url: str) -> list[str]:
    engine = db.make_engine(database_url)
    try:
        with engine.connect() as conn:
            return list(conn.execute(select(db.requests.c.id)).scalars())
    finally:
        engine.dispose()


@pytest.fixture
def outbox(tmp_path: Path) -> Iterator[Outbox]:
    box = Outbox(tmp_path / "outbox.sqlite3")
    yield box
    box.close()


def test_server_killed_at_random_moments(database_url: str, outbox: Outbox, tmp_path: Path) -> None:
    server = ServerProcess(database_url, log=tmp_path / "server.log", env=MANY_OPEN)
    seeded = seed(server.url, database_url)
    server.start()
    client: HelpdeskClient | None = None
    try:
        token = seeded.pair_kiosk()
        client = HelpdeskClient(server.url, outbox, token=lambda: token, backoff_limit=0.3)
        client.start()
        rng = random.Random(5)
        sent = []
        kills = 0
        for number in range(REQUESTS):
            sent.append(client.send(rng.choice(list(Topic)), phone="0401234567"))
            if rng.random() < 0.2:
                # Sometimes let part of the queue go out first; then kill mid-stream.
                target = rng.randint(0, len(sent)) if number % 2 else 0
                wait_until(lambda t=target: client.delivered >= t, 30)
                server.kill()
                kills += 1
                server.start()
        assert kills >= 3
        wait_until(lambda: outbox.count() == 0, 60, "the outbox to empty")
    finally:
        if client:
            client.stop()
        server.stop()
        seeded.store.engine.dispose()
    ids = stored_ids(database_url)
    assert sorted(ids) == sorted(sent)  # every request once, nothing else
    assert len(set(ids)) == len(ids) == REQUESTS


def test_network_cut_for_a_while(database_url: str, outbox: Outbox) -> None:
    server = LiveServer(database_url, max_open_per_kiosk=100_000).start()
    proxy = CuttableProxy(server.port)
    client: HelpdeskClient | None = None
    seeded = seed(server.url, server.state.store)
    online: list[bool] = []
    try:
        token = seeded.pair_kiosk()
        client = HelpdeskClient(
            proxy.url, outbox, token=lambda: token, backoff_limit=0.3, on_online=online.append
        )
        client.start()
        first = [client.send(Topic.LOGIN) for _ in range(5)]
        wait_until(lambda: outbox.count() == 0 and online and online[-1], 30)
        proxy.cut()
        wait_until(lambda: online[-1] is False, 30, "the client to notice the cut")
        during = [client.send(Topic.PRINT) for _ in range(10)]
        assert outbox.count() == 10  # kept, not lost, not yet delivered
        assert len(stored_ids(database_url)) == 5
        proxy.restore()
        wait_until(lambda: outbox.count() == 0, 30, "the outbox to empty")
        wait_until(lambda: online[-1] is True, 30)
    finally:
        if client:
            client.stop()
        proxy.close()
        server.stop()
    ids = stored_ids(database_url)
    assert sorted(ids) == sorted(first + during)


def test_a_request_made_before_pairing_arrives_after_it(database_url: str, outbox: Outbox) -> None:
    server = LiveServer(database_url, max_open_per_kiosk=100_000).start()
    seeded = seed(server.url, server.state.store)
    tokens: list[str | None] = [None]
    client = HelpdeskClient(server.url, outbox, token=lambda: tokens[-1], backoff_limit=0.3)
    try:
        client.start()
        request_id = client.send(Topic.OTHER)
        wait_until(lambda: client.paired is False, what="the client to find it is not paired")
        tokens.append("a-token-the-server-does-not-know")
        wait_until(lambda: outbox.pending()[0].attempts >= 1, what="a refused attempt")
        assert outbox.count() == 1 and client.paired is False
        tokens.append(seeded.pair_kiosk())
        wait_until(lambda: outbox.count() == 0, what="the outbox to empty")
        assert client.paired is True
    finally:
        client.stop()
        server.stop()
    assert stored_ids(database_url) == [request_id]
