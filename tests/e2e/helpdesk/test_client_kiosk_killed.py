"""The kiosk's process killed with SIGKILL while it sends a help request: the next kiosk
process delivers it, exactly once. A request still in the outbox when the visitor left
(the wipe) arrives, and so does its "visitor left"."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from kiosk.helpdesk.outbox import Outbox
from tests.helpers.helpdesk_faults import HangingProxy
from tests.helpers.helpdesk_servers import LiveServer, Seeded, seed, wait_until
from tests.helpers.outbox_child import OutboxChild, stored_states


@dataclass
class Desk:
    database_url: str
    server: LiveServer
    proxy: HangingProxy
    seeded: Seeded
    token: str
    outbox: Path

    def child(self) -> OutboxChild:
        """A new kiosk process on the same outbox file, through the proxy."""
        return OutboxChild(self.proxy.url, self.outbox, self.token)

    def drain(self) -> int:
        """A new kiosk process delivers what the outbox holds; how many it delivered."""
        self.proxy.forward()
        child = self.child()
        try:
            child.command("drain")
            return int(child.expect("EMPTY"))
        finally:
            child.close()


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[Desk]:
    database_url = f"sqlite:///{tmp_path / 'helpdesk.sqlite3'}"
    # One kiosk stands in for many visitors here: the per-kiosk cap on open requests is off.
    server = LiveServer(database_url, max_open_per_kiosk=1000).start()
    proxy = HangingProxy(server.port)
    seeded = seed(server.url, server.state.store)
    made = Desk(
        database_url, server, proxy, seeded, seeded.pair_kiosk(), tmp_path / "outbox.sqlite3"
    )
    yield made
    proxy.close()
    server.stop()
    seeded.store.engine.dispose()


def outbox_left(path: Path) -> tuple[int, list[tuple[str, str, str]]]:
    box = Outbox(path)
    try:
        return box.count(), box.dead_letters()
    finally:
        box.close()


def test_killed_after_sending_before_the_help_desk_got_it(desk: Desk) -> None:
    desk.proxy.hang()  # the request leaves the kiosk and goes nowhere
    child = desk.child()
    child.command("send")
    request_id = child.expect("SENDING")
    assert child.expect("SENT") == request_id
    wait_until(lambda: desk.proxy.requests["POST /api/v1/kiosk/requests"] >= 1)
    child.kill()
    assert stored_states(desk.database_url) == {}
    assert desk.drain() == 1
    assert stored_states(desk.database_url) == {request_id: "waiting"}
    assert outbox_left(desk.outbox) == (0, [])


def test_killed_after_the_help_desk_stored_it_before_the_kiosk_heard(desk: Desk) -> None:
    desk.proxy.hold_answers()  # the server stores it; its answer never arrives
    child = desk.child()
    child.command("send")
    request_id = child.expect("SENDING")
    wait_until(lambda: request_id in stored_states(desk.database_url), what="it to be stored")
    child.kill()
    # The new process sends it again: the help desk knows it by its id, stores nothing new.
    assert desk.drain() == 1
    assert stored_states(desk.database_url) == {request_id: "waiting"}
    assert outbox_left(desk.outbox) == (0, [])


def test_killed_at_random_moments_while_sending_many(desk: Desk) -> None:
    rng = random.Random(9)
    announced: list[str] = []  # the child said it is about to put it in the outbox
    sent: list[str] = []  # the child said it is in the outbox (the visitor saw "sending")
    for _ in range(4):
        child = desk.child()
        child.command("burst 12")
        for _ in range(rng.randint(1, 12)):
            announced.append(child.expect("SENDING"))
            sent.append(child.expect("SENT"))
        child.kill()  # somewhere in the burst, with some of it delivered, some not
        while not child.lines.empty():  # what it said before it died
            kind, request_id = child.lines.get().split()
            (announced if kind == "SENDING" else sent).append(request_id)
    desk.drain()
    stored = stored_states(desk.database_url)
    assert set(sent) <= set(stored) <= set(announced)  # nothing lost, nothing invented
    assert len(stored) >= 4
    assert outbox_left(desk.outbox) == (0, [])  # no resend was refused as a duplicate


def test_a_request_pending_at_the_wipe_arrives_with_its_visitor_left(desk: Desk) -> None:
    desk.proxy.hang()  # the help desk cannot be reached while the visitor is there
    child = desk.child()
    child.command("send")
    request_id = child.expect("SENDING")
    child.expect("SENT")
    child.command(f"cancel {request_id}")  # the visitor left: the session is wiped
    child.expect("CANCELLED")
    child.kill()  # and the kiosk is switched off before the network comes back
    assert stored_states(desk.database_url) == {}
    assert desk.drain() == 2
    assert stored_states(desk.database_url) == {request_id: "visitor_left"}
    assert outbox_left(desk.outbox) == (0, [])
