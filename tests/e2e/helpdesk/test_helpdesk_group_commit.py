"""Group commit on SQLite: several requests in one transaction, each confirmed only after
the commit that holds it; a job that fails fails alone; a commit that fails or a process
killed before it confirms nothing and loses nothing that was confirmed.

The writer thread is held at the moment between a batch and its commit with events (no
sleeps): what the test sees there is what a crash at that moment would leave.
"""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
import subprocess
import sys
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from kiosk.helpdesk import model
from kiosk.helpdesk.server import db
from kiosk.helpdesk.server.records import TooManyOpenError
from kiosk.helpdesk.server.store import ConflictError, Kiosk, NewRequest, Store

#: One kiosk stands in for many visitors here: no cap on its open requests.
MANY = 100_000

REPO = Path(__file__).resolve().parents[3]
WAIT_S = 30  # only a safety net for a broken writer; a passing test never waits on it


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'helpdesk.sqlite3'}"
    db.migrate(url)
    return url


@pytest.fixture
def store(sqlite_url: str) -> Iterator[Store]:
    store = Store(db.make_engine(sqlite_url), max_open_per_kiosk=MANY)
    yield store
    store.engine.dispose()


def new_kiosk(store: Store, name: str = "front room") -> Kiosk:
    with contextlib.suppress(ConflictError):
        store.add_centre("Kalliola")
    paired = store.pair(store.create_pair_code("Kalliola", name))
    assert paired is not None
    return paired[0]


def stored_count(url: str) -> int:
    """What another connection sees: only committed rows."""
    engine = db.make_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(db.requests)).scalar_one())
    finally:
        engine.dispose()


class Gate:
    """Holds the writer thread between a batch and its commit until released."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.entered = threading.Event()
        self.release = threading.Event()
        self.seen: list[tuple[int, int, int]] = []  # (batch size, settled, committed rows)
        self.futures: list[asyncio.Future[Any]] = []
        self.fail_next: BaseException | None = None

    def __call__(self, size: int) -> None:
        settled = sum(f.done() for f in self.futures)
        self.seen.append((size, settled, stored_count(self.url)))
        self.entered.set()
        assert self.release.wait(WAIT_S)
        if self.fail_next is not None:
            error, self.fail_next = self.fail_next, None
            raise error


async def wait_thread(event: threading.Event) -> None:
    assert await asyncio.to_thread(event.wait, WAIT_S)


async def hold_first(store: Store, kiosk: Kiosk, gate: Gate) -> asyncio.Future[Any]:
    """Starts the writer and sends one request, which the writer holds before its commit:
    what is sent next queues behind it, and goes as one batch once the gate opens."""
    group = store.start_group_commit(asyncio.get_running_loop())
    assert group is not None
    group.before_commit = gate
    first = asyncio.ensure_future(
        store.create_request_async(kiosk, NewRequest(str(uuid.uuid4()), model.Topic.LOGIN))
    )
    await wait_thread(gate.entered)
    return first


def test_each_request_is_confirmed_only_after_the_commit_that_holds_it(
    store: Store, sqlite_url: str
) -> None:
    kiosk = new_kiosk(store)
    gate = Gate(sqlite_url)
    published: list[tuple[str, int]] = []  # (request, batches that had reached their commit)
    store.on_event = lambda event: published.append((event["request"]["id"], len(gate.seen)))

    async def scenario() -> list[tuple[model.Request, bool, int | None]]:
        first = await hold_first(store, kiosk, gate)  # the writer holds the first one, uncommitted
        gate.futures.append(first)
        rest = [
            asyncio.ensure_future(
                store.create_request_async(kiosk, NewRequest(str(uuid.uuid4()), model.Topic.PRINT))
            )
            for _ in range(49)
        ]
        gate.futures.extend(rest)
        assert not any(f.done() for f in gate.futures)
        gate.release.set()
        results = await asyncio.gather(first, *rest)
        await asyncio.to_thread(store.stop_group_commit)
        return results

    results = asyncio.run(scenario())
    # Two batches: the first request alone, then the 49 that queued behind it. At each
    # commit none of the batch was confirmed and none of its rows was visible yet.
    assert gate.seen == [(1, 0, 0), (49, 1, 1)]
    assert all(created for _, created, _ in results)
    assert sorted(position or 0 for _, _, position in results) == list(range(1, 51))
    assert len({request.code for request, _, _ in results}) == 50
    assert stored_count(sqlite_url) == 50
    # Staff heard of each request once, after the commit of its batch.
    ids = [request.id for request, _, _ in results]
    assert sorted(i for i, _ in published) == sorted(ids)
    assert dict(published)[ids[0]] == 1
    assert all(dict(published)[i] == 2 for i in ids[1:])


def test_a_failing_request_fails_alone_in_its_batch(store: Store, sqlite_url: str) -> None:
    kiosk, other = new_kiosk(store, "one"), new_kiosk(store, "two")
    taken = str(uuid.uuid4())
    store.create_request(other, NewRequest(taken, model.Topic.LOGIN))
    gate = Gate(sqlite_url)
    published: list[str] = []
    store.on_event = lambda event: published.append(event["request"]["id"])

    async def scenario() -> list[Any]:
        first = await hold_first(store, kiosk, gate)
        ids = [str(uuid.uuid4()), taken, str(uuid.uuid4())]  # the middle one is not ours
        batch = [
            asyncio.ensure_future(
                store.create_request_async(kiosk, NewRequest(i, model.Topic.FORM))
            )
            for i in ids
        ]
        gate.release.set()
        results = await asyncio.gather(first, *batch, return_exceptions=True)
        await asyncio.to_thread(store.stop_group_commit)
        return results

    results = asyncio.run(scenario())
    assert gate.seen[1][0] == 3  # the three were one batch
    assert isinstance(results[2], ConflictError)
    assert all(isinstance(r, tuple) and r[1] for i, r in enumerate(results) if i != 2)
    assert stored_count(sqlite_url) == 4  # the other kiosk's request and our three
    assert taken not in published and len(published) == 3


def test_a_failed_commit_confirms_nothing_and_the_resend_stores_once(
    store: Store, sqlite_url: str
) -> None:
    kiosk = new_kiosk(store)
    gate = Gate(sqlite_url)
    gate.release.set()
    gate.fail_next = OperationalError("COMMIT", {}, Exception("disk I/O error"))
    published: list[str] = []
    store.on_event = lambda event: published.append(event["request"]["id"])
    ids = [str(uuid.uuid4()) for _ in range(5)]

    async def scenario() -> tuple[list[Any], list[Any]]:
        group = store.start_group_commit(asyncio.get_running_loop())
        assert group is not None
        group.before_commit = gate
        sends = [NewRequest(i, model.Topic.LOGIN) for i in ids]
        failed = await asyncio.gather(
            *(store.create_request_async(kiosk, n) for n in sends), return_exceptions=True
        )
        again = await asyncio.gather(*(store.create_request_async(kiosk, n) for n in sends))
        await asyncio.to_thread(store.stop_group_commit)
        return failed, again

    failed, again = asyncio.run(scenario())
    # The first batch failed as a whole; whatever queued behind it was stored.
    first_batch = gate.seen[0][0]
    assert all(isinstance(r, OperationalError) for r in failed[:first_batch])
    assert all(isinstance(r, tuple) and r[1] for r in failed[first_batch:])
    # The kiosk's resend stores the failed ones once and finds the others stored.
    assert [created for _, created, _ in again] == [True] * first_batch + [False] * (
        5 - first_batch
    )
    assert stored_count(sqlite_url) == 5
    assert sorted(published) == sorted(ids)


CHILD = """
import asyncio, os, signal, sys, uuid
from kiosk.helpdesk import model
from kiosk.helpdesk.server import db
from kiosk.helpdesk.server.store import NewRequest, Store

store = Store(db.make_engine(sys.argv[1]), max_open_per_kiosk=100_000)
kiosk = store.kiosk_by_token(sys.argv[2])
jobs = 0

def before_commit(size):
    global jobs
    jobs += size
    if jobs > 25:  # the process dies between this batch and its commit
        print("killed", size, flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
    print("committing", size, flush=True)

async def main():
    store.start_group_commit(asyncio.get_running_loop()).before_commit = before_commit
    for _ in range(10):
        wave = [str(uuid.uuid4()) for _ in range(10)]
        for i in wave:
            print("sent", i, flush=True)
        sends = [store.create_request_async(kiosk, NewRequest(i, model.Topic.LOGIN)) for i in wave]
        for request, created, _ in await asyncio.gather(*sends):
            print("confirmed", request.id, flush=True)

asyncio.run(main())
"""


def test_a_process_killed_before_the_commit_loses_nothing_confirmed(
    store: Store, sqlite_url: str, tmp_path: Path
) -> None:
    new_kiosk(store)
    token = store.pair(store.create_pair_code("Kalliola", "killed"))
    assert token is not None
    kiosk, secret = token
    script = tmp_path / "child.py"
    script.write_text(CHILD)
    child = subprocess.run(
        [sys.executable, str(script), sqlite_url, secret],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert child.returncode == -9, child.stderr
    lines = [line.split() for line in child.stdout.splitlines()]
    sent = [words[1] for words in lines if words[0] == "sent"]
    confirmed = {words[1] for words in lines if words[0] == "confirmed"}
    committed = sum(int(words[1]) for words in lines if words[0] == "committing")
    assert lines[-1][0] == "killed"
    assert 0 < len(confirmed) <= committed < len(sent)
    # Every confirmed request is there; the batch that died before its commit is not.
    with store.engine.connect() as conn:
        rows = set(conn.execute(select(db.requests.c.id)).scalars())
    assert confirmed <= rows
    assert len(rows) == committed
    # The kiosk's outbox sends everything again: each request exists exactly once.
    for request_id in sent:
        store.create_request(kiosk, NewRequest(request_id, model.Topic.LOGIN))
    with store.engine.connect() as conn:
        ids = list(conn.execute(select(db.requests.c.id)).scalars())
    assert sorted(ids) == sorted(set(sent))


@pytest.mark.parametrize("holder", ["this process", "another connection"])
def test_a_batch_that_meets_another_writer_waits_for_it_off_the_event_loop(
    store: Store, sqlite_url: str, holder: str
) -> None:
    """The batch's statements run in the event loop only when nobody else writes: while
    another writer holds the lock, the batch waits on the writer thread, the event loop
    goes on, and the requests are stored once the other writer is done."""
    kiosk = new_kiosk(store)
    other = sqlite3.connect(sqlite_url.removeprefix("sqlite:///"), isolation_level=None)

    def hold() -> None:
        if holder == "this process":
            assert store._write_lock is not None
            store._write_lock.acquire()  # as a staff action's transaction does
        else:
            other.execute("BEGIN IMMEDIATE")  # as `kiosk helpdesk ...` in another process

    def release() -> None:
        if holder == "this process":
            assert store._write_lock is not None
            store._write_lock.release()
        else:
            other.execute("COMMIT")

    async def scenario() -> list[tuple[model.Request, bool, int | None]]:
        store.start_group_commit(asyncio.get_running_loop())
        hold()
        sends = [
            asyncio.ensure_future(
                store.create_request_async(kiosk, NewRequest(str(uuid.uuid4()), model.Topic.LOGIN))
            )
            for _ in range(3)
        ]
        # The event loop is free: another thread's answer comes back to it.
        assert await asyncio.to_thread(lambda: "free") == "free"
        assert not any(send.done() for send in sends)
        release()
        results = await asyncio.gather(*sends)
        await asyncio.to_thread(store.stop_group_commit)
        return results

    try:
        results = asyncio.run(scenario())
    finally:
        other.close()
    assert [created for _, created, _ in results] == [True] * 3
    assert stored_count(sqlite_url) == 3


# -- what the writer keeps in memory of the open requests (OpenRequests) ---------------


def test_places_codes_and_the_cap_follow_what_others_change(store: Store, sqlite_url: str) -> None:
    """The writer keeps the open requests' codes, counts and lines in memory; a staff
    action (another connection of this process) and another process's write change the
    requests behind its back, and every answer must still be what the database says."""
    kiosk = new_kiosk(store)
    store.max_open_per_kiosk = 3
    outside = sqlite3.connect(sqlite_url.removeprefix("sqlite:///"), isolation_level=None)

    async def send() -> tuple[model.Request, bool, int | None]:
        new = NewRequest(str(uuid.uuid4()), model.Topic.LOGIN)
        return await store.create_request_async(kiosk, new)

    def truth(request: model.Request) -> int:
        return store.queued_positions(kiosk.centre_id)[request.id]

    async def scenario() -> list[Any]:
        store.start_group_commit(asyncio.get_running_loop())
        seen: list[Any] = []
        first, second, third = [await send() for _ in range(3)]
        seen.append([place for _, _, place in (first, second, third)])
        # A supporter takes the first one (it leaves the line, still open), then
        # resolves it; another process closes the second, as `kiosk helpdesk` could.
        await asyncio.to_thread(store.staff_action, None, first[0].id, model.Action.TAKE)
        await asyncio.to_thread(
            store.staff_action, None, first[0].id, model.Action.RESOLVE,
            outcome=model.Outcome.DONE,
        )  # fmt: skip
        outside.execute("UPDATE requests SET state = 'cancelled' WHERE id = ?", (second[0].id,))
        fourth = await send()  # one open before it: under the cap, second in line
        fifth = await send()
        seen.append([(sent[2], truth(sent[0])) for sent in (third, fourth, fifth)])
        seen.append(len({request.code for request, _, _ in (third, fourth, fifth)}))
        seen.append(await asyncio.gather(send(), return_exceptions=True))  # three open
        await asyncio.to_thread(store.stop_group_commit)
        return seen

    try:
        places, after, codes, capped = asyncio.run(scenario())
    finally:
        outside.close()
    assert places == [1, 2, 3]
    # What each answer said is what the database says (the third moved up meanwhile).
    assert after == [(3, 1), (2, 2), (3, 3)]
    assert codes == 3
    assert isinstance(capped[0], TooManyOpenError)


def test_a_batch_reads_the_open_requests_once_when_nobody_else_writes(
    store: Store, sqlite_url: str
) -> None:
    kiosk = new_kiosk(store)

    async def scenario() -> tuple[int, list[int | None]]:
        store.start_group_commit(asyncio.get_running_loop())
        results = []
        for _ in range(5):  # five batches, one after another
            new = NewRequest(str(uuid.uuid4()), model.Topic.PRINT)
            results.append(await store.create_request_async(kiosk, new))
        loads = store._open_requests.loads
        await asyncio.to_thread(store.stop_group_commit)
        return loads, [place for _, _, place in results]

    loads, places = asyncio.run(scenario())
    assert loads == 1  # read once, then kept: not a statement a request
    assert places == [1, 2, 3, 4, 5]


def test_a_failed_commit_is_forgotten_by_what_the_writer_keeps(
    store: Store, sqlite_url: str
) -> None:
    """Requests of a batch whose commit failed do not exist: they must not count against
    the kiosk's cap, take a code or a place in line afterwards."""
    kiosk = new_kiosk(store)
    store.max_open_per_kiosk = 1
    gate = Gate(sqlite_url)
    gate.release.set()
    gate.fail_next = OperationalError("COMMIT", {}, Exception("disk I/O error"))

    async def scenario() -> list[Any]:
        group = store.start_group_commit(asyncio.get_running_loop())
        assert group is not None
        group.before_commit = gate
        new = NewRequest(str(uuid.uuid4()), model.Topic.LOGIN)
        failed = await asyncio.gather(
            store.create_request_async(kiosk, new), return_exceptions=True
        )
        other = NewRequest(str(uuid.uuid4()), model.Topic.LOGIN)
        stored = await store.create_request_async(kiosk, other)
        await asyncio.to_thread(store.stop_group_commit)
        return [failed[0], stored]

    failed, (_, created, place) = asyncio.run(scenario())
    assert isinstance(failed, OperationalError)
    assert created and place == 1  # not refused by the cap, not second behind a ghost
    assert stored_count(sqlite_url) == 1


def test_what_was_read_on_a_shared_connection_is_not_trusted_later(sqlite_url: str) -> None:
    """A batch that met another writer runs on a pooled connection; a staff action may
    commit on that same connection later, which SQLite's data version does not show to
    it. One pooled connection here, so the two surely share it."""
    store = Store(db.make_engine(sqlite_url, pool_size=1, max_overflow=0))
    kiosk = new_kiosk(store)
    store.warm_up(connections=1)  # names known: a batch needs no second connection
    lock = store._write_lock
    assert lock is not None

    async def send_while_locked() -> tuple[model.Request, bool, int | None]:
        lock.acquire()  # as a staff action's transaction does: the batch runs off the loop
        sent = asyncio.ensure_future(
            store.create_request_async(kiosk, NewRequest(str(uuid.uuid4()), model.Topic.LOGIN))
        )
        assert await asyncio.to_thread(lambda: "free") == "free"
        lock.release()
        return await sent

    async def scenario() -> list[Any]:
        store.start_group_commit(asyncio.get_running_loop())
        first = await send_while_locked()
        for action in (model.Action.TAKE, model.Action.RESOLVE):
            outcome = model.Outcome.DONE if action is model.Action.RESOLVE else None
            await asyncio.to_thread(store.staff_action, None, first[0].id, action, outcome=outcome)
        second = await send_while_locked()
        await asyncio.to_thread(store.stop_group_commit)
        return [first[2], second[2]]

    try:
        assert asyncio.run(scenario()) == [1, 1]  # the first had left the line
    finally:
        store.engine.dispose()


def test_one_request_sent_twice_in_one_batch_is_stored_once(store: Store, sqlite_url: str) -> None:
    """The same id twice in a batch (a resend while the first was queued) is stored once
    and the second is answered as a resend, with the first one's code and place."""
    kiosk = new_kiosk(store)
    gate = Gate(sqlite_url)

    async def scenario() -> list[tuple[model.Request, bool, int | None]]:
        first = await hold_first(store, kiosk, gate)  # the next three queue behind it: one batch
        twice = NewRequest(str(uuid.uuid4()), model.Topic.PRINT)
        other = NewRequest(str(uuid.uuid4()), model.Topic.FORM)
        batch = [store.create_request_async(kiosk, n) for n in (twice, other, twice)]
        gate.release.set()
        results = await asyncio.gather(first, *batch)
        await asyncio.to_thread(store.stop_group_commit)
        return results

    results = asyncio.run(scenario())
    assert gate.seen[1][0] == 3
    (
        (_, _, _),
        (one, created_one, place_one),
        (_, _, place_other),
        (again, created_again, place_again),
    ) = results
    assert created_one and not created_again
    assert again.id == one.id and again.code == one.code
    assert (place_one, place_other, place_again) == (2, 3, 2)
    assert stored_count(sqlite_url) == 3
