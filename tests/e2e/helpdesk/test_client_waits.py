"""A help desk that answers "429 Too Many Requests": the kiosk keeps the request, stays
online (the help desk is there, only busy), waits as asked but never longer than its cap,
and delivers the request once the help desk takes it. And a secret store that cannot be
read for a while: the request waits for it."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk import secrets
from kiosk.helpdesk.client import HelpdeskClient
from kiosk.helpdesk.model import Topic
from kiosk.helpdesk.outbox import Outbox
from kiosk.helpdesk.status import Phase, VisitorStatus
from tests.helpers.helpdesk_faults import BusyDesk
from tests.helpers.helpdesk_servers import wait_until


@pytest.fixture
def outbox(tmp_path: Path) -> Iterator[Outbox]:
    box = Outbox(tmp_path / "outbox.sqlite3")
    yield box
    box.close()


def test_too_many_requests_keeps_the_request_and_the_kiosk_online(outbox: Outbox) -> None:
    # An hour's "Retry-After": a visitor is waiting, so the kiosk's cap decides.
    desk = BusyDesk(refusals=3, retry_after="3600")
    online: list[bool] = []
    statuses: list[VisitorStatus] = []
    client = HelpdeskClient(
        desk.url,
        outbox,
        token=lambda: "a-device-token",
        certificate=lambda: None,
        on_online=online.append,
        on_status=statuses.append,
        backoff_limit=0.2,
        retry_after_cap_s=0.2,
    )
    try:
        client.start()
        request_id = client.send(Topic.LOGIN)
        wait_until(lambda: len(desk.attempts) >= 2, what="a second try despite Retry-After")
        assert outbox.count() == 1  # kept while the help desk is busy
        wait_until(lambda: outbox.count() == 0, what="delivery once the help desk takes it")
    finally:
        client.stop()
        desk.close()
    assert desk.attempts == [request_id] * 4
    assert list(desk.stored) == [request_id]
    assert online == [True]  # busy is not offline
    assert [s.phase for s in statuses] == [Phase.WAITING]
    assert outbox.dead_letters() == []


def test_a_secret_store_that_cannot_be_read_for_a_while(
    outbox: Outbox, caplog: pytest.LogCaptureFixture
) -> None:
    """A locked or broken store counts as "not paired" (said once); once it can be read
    again, the request goes out."""
    desk = BusyDesk()
    readable = threading.Event()
    reads: list[int] = []

    def token() -> str:
        reads.append(1)
        if not readable.is_set():
            raise secrets.SecretStoreError("the keyring could not be read (LockedError)")
        return "a-device-token"

    client = HelpdeskClient(
        desk.url, outbox, token=token, certificate=lambda: None, backoff_limit=0.2
    )
    try:
        client.start()
        request_id = client.send(Topic.OTHER)
        wait_until(lambda: len(reads) >= 6, what="several tries")
        assert client.paired is False and outbox.count() == 1
        readable.set()
        wait_until(lambda: outbox.count() == 0, what="delivery once the store can be read")
    finally:
        client.stop()
        desk.close()
    assert list(desk.stored) == [request_id]
    said = [r.getMessage() for r in caplog.records if "cannot be read" in r.getMessage()]
    assert said == ["the device token cannot be read: the keyring could not be read (LockedError)"]
