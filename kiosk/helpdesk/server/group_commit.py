"""Group commit for SQLite: several requests' writes in one transaction and one fsync.

SQLite has one writer at a time and, with ``synchronous=FULL``, every commit waits for
the disk. :class:`GroupCommit` runs write jobs on one writer thread: it takes every job
that is waiting (up to ``max_batch``), runs each in its own savepoint of one transaction,
commits once, and only then settles the jobs' futures and publishes their events, in
the event loop's thread. So a request is confirmed to its kiosk only after the commit
that contains it; a job that fails rolls back its own savepoint and fails alone; a
commit that fails (or a process that dies before it) fails, or loses, only jobs that
nobody was told about.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine

log = logging.getLogger("kiosk.helpdesk.server")

Event = dict[str, Any]
#: A write job: runs inside the batch's transaction, appends the events it causes.
Job = Callable[[Connection, list[Event]], Any]
#: Called with every committed batch's events, in the event loop's thread.
Publish = Callable[[Event], None]


class _RolledBackError(Exception):
    """The only job of a batch failed: its transaction is rolled back, not committed."""


@dataclass(slots=True)
class _Pending:
    job: Job
    future: asyncio.Future[Any]
    events: list[Event] = field(default_factory=list)
    value: Any = None
    error: BaseException | None = None


class GroupCommit:
    """One writer thread that commits waiting write jobs together.

    ``lock`` is held for each batch, so writes made elsewhere with the same lock (staff
    actions, the clean-up) never meet a batch half-way. ``before_commit`` runs after a
    batch's jobs and before its commit (tests use it to look at that moment).
    """

    def __init__(
        self,
        engine: Engine,
        lock: threading.Lock,
        publish: Publish | None = None,
        *,
        max_batch: int = 64,
        before_commit: Callable[[int], None] | None = None,
    ) -> None:
        self._engine = engine
        self._lock = lock
        self._publish = publish
        self._max_batch = max_batch
        self.before_commit = before_commit
        self._queue: queue.SimpleQueue[_Pending | None] = queue.SimpleQueue()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        #: Batches committed and jobs in them: for the benchmark and tests.
        self.batches = 0
        self.jobs = 0

    def start(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._thread = threading.Thread(target=self._run, name="helpdesk-writer", daemon=True)
        self._thread.start()

    @property
    def running(self) -> bool:
        return self._thread is not None

    def submit(self, job: Job) -> asyncio.Future[Any]:
        """Queue ``job``; the future settles after the commit that holds it. Loop thread only."""
        if self._loop is None or self._thread is None:
            raise RuntimeError("the writer is not running")
        future: asyncio.Future[Any] = self._loop.create_future()
        self._queue.put(_Pending(job, future))
        return future

    def stop(self) -> None:
        """Commits what is queued, then ends the writer thread."""
        thread = self._thread
        if thread is None:
            return
        self._queue.put(None)
        thread.join()
        self._thread = None

    # -- the writer thread ----------------------------------------------------------

    def _run(self) -> None:
        stopping = False
        while not stopping:
            first = self._queue.get()
            if first is None:
                return
            batch = [first]
            while len(batch) < self._max_batch:
                try:
                    item = self._queue.get_nowait()
                except queue.Empty:
                    break
                if item is None:
                    stopping = True
                    break
                batch.append(item)
            self._commit(batch)
            loop = self._loop
            if loop is not None:
                with contextlib.suppress(RuntimeError):  # the loop has closed: nobody waits
                    loop.call_soon_threadsafe(self._settle, batch)

    def _commit(self, batch: list[_Pending]) -> None:
        try:
            with self._lock, self._engine.begin() as conn:
                if self._engine.dialect.name == "sqlite":
                    # The driver begins a transaction only before its first change, and
                    # releasing an outermost savepoint would commit (one fsync a job).
                    conn.exec_driver_sql("BEGIN IMMEDIATE")
                if len(batch) == 1:
                    self._run_alone(conn, batch[0])
                else:
                    for pending in batch:
                        self._run_in_savepoint(conn, pending)
                if self.before_commit is not None:
                    self.before_commit(len(batch))
        except _RolledBackError:
            return
        except Exception as exc:
            # Nothing of this batch was committed: every job in it fails, none is told
            # otherwise, and its events are not sent.
            log.warning("a write batch failed: %s", type(exc).__name__)
            for pending in batch:
                if pending.error is None:
                    pending.error = exc
                pending.events.clear()
            return
        self.batches += 1
        self.jobs += len(batch)

    @staticmethod
    def _run_alone(conn: Connection, pending: _Pending) -> None:
        try:
            pending.value = pending.job(conn, pending.events)
        except Exception as exc:
            pending.error = exc
            pending.events.clear()
            raise _RolledBackError from exc

    @staticmethod
    def _run_in_savepoint(conn: Connection, pending: _Pending) -> None:
        nested = conn.begin_nested()
        try:
            pending.value = pending.job(conn, pending.events)
        except Exception as exc:
            nested.rollback()  # only this job's changes; a failure here fails the batch
            pending.error = exc
            pending.events.clear()
        else:
            nested.commit()

    # -- back in the event loop -------------------------------------------------------

    def _settle(self, batch: list[_Pending]) -> None:
        # Events first: staff see a request no later than its kiosk hears "stored".
        if self._publish is not None:
            for pending in batch:
                for event in pending.events:
                    self._publish(event)
        for pending in batch:
            if pending.future.done():  # the client went away; the write stands
                continue
            if pending.error is not None:
                pending.future.set_exception(pending.error)
            else:
                pending.future.set_result(pending.value)
