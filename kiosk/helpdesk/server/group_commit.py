"""Group commit for SQLite: several requests' writes in one transaction and one fsync.

SQLite has one writer at a time and, with ``synchronous=FULL``, every commit waits for
the disk. :class:`GroupCommit` takes every job that is waiting (up to ``max_batch``),
runs each in one transaction, commits once, and only then settles the jobs' futures and
publishes their events, in the event loop's thread. So a request is confirmed to its
kiosk only after the commit that contains it; a job that fails rolls back its own changes
and fails alone; a commit that fails (or a process that dies before it) fails, or loses,
only jobs that nobody was told about.

Where the work runs, and why (measured, see the README's benchmark notes):

- The jobs' statements run **in the event loop's thread**, on the writer's own connection.
  They are short index lookups and one insert, a few tens of microseconds each. Run on
  a writer thread instead, every statement gave the GIL away and waited to get it back
  from a busy event loop: under load a batch of 25 took 21 ms, 0.9 ms a request, ten
  times the statements' own time, and the writer thread capped the server at about
  1000 requests a second.
- The **commit** (the fsync, milliseconds on a spinning disk) runs on the writer thread,
  which gives the GIL away once a batch, and the event loop goes on serving meanwhile.
- When another writer of this process holds ``lock`` (a staff action, the clean-up), the
  event loop does not wait for it: that batch runs wholly on the writer thread, as does
  one that meets another process's write lock.

``before_commit`` runs on the writer thread after a batch's jobs and before its commit
(tests use it to look at that moment). ``forget`` is called whenever what the jobs
learned while they ran may no longer hold: a batch's changes were rolled back, its commit
failed, or it ran on a pooled connection that others use too (the intake's
:class:`~kiosk.helpdesk.server.open_requests.OpenRequests` then reads the open requests
again: it trusts only what it read on the writer's own connection).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import queue
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError

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
    #: The job changes at most one row, with its last statement: it needs no savepoint
    #: of its own (a failed statement changes nothing in SQLite).
    single_change: bool = False
    events: list[Event] = field(default_factory=list)
    value: Any = None
    error: BaseException | None = None


@dataclass(slots=True)
class _Commit:
    """For the writer thread: commit the transaction that the event loop filled."""

    batch: list[_Pending]
    conn: Connection


@dataclass(slots=True)
class _Whole:
    """For the writer thread: run the batch and commit it there (the lock was taken)."""

    batch: list[_Pending]


class GroupCommit:
    """Commits waiting write jobs together (see the module's docstring).

    ``lock`` is held for each batch, so writes made elsewhere with the same lock (staff
    actions, the clean-up) never meet a batch half-way.
    """

    def __init__(
        self,
        engine: Engine,
        lock: threading.Lock,
        publish: Publish | None = None,
        *,
        max_batch: int = 64,
        before_commit: Callable[[int], None] | None = None,
        forget: Callable[[], None] | None = None,
    ) -> None:
        self._engine = engine
        self._lock = lock
        self._publish = publish
        self._max_batch = max_batch
        self.before_commit = before_commit
        self._forget_known = forget
        self._work: queue.SimpleQueue[_Commit | _Whole | None] = queue.SimpleQueue()
        self._waiting: deque[_Pending] = deque()
        self._busy = False  # a batch is between its first statement and its settling
        self._flush_soon = False
        self._conn: Connection | None = None
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

    def submit(self, job: Job, *, single_change: bool = False) -> asyncio.Future[Any]:
        """Queue ``job``; the future settles after the commit that holds it. Loop thread only.

        ``single_change``: the job's only change is its last statement, so it needs no
        savepoint to fail alone (a database error still fails its whole batch).
        """
        loop = self._loop
        if loop is None or self._thread is None:
            raise RuntimeError("the writer is not running")
        future: asyncio.Future[Any] = loop.create_future()
        self._waiting.append(_Pending(job, future, single_change))
        if not self._busy and not self._flush_soon:
            # Whatever else arrives in this turn of the loop joins the same batch.
            self._flush_soon = True
            loop.call_soon(self._flush)
        return future

    def stop(self) -> None:
        """Commits what is queued, then ends the writer thread. Not from the loop's thread."""
        thread, loop = self._thread, self._loop
        if thread is None:
            return
        with contextlib.suppress(RuntimeError):  # no loop runs in this thread: good
            if asyncio.get_running_loop() is loop:
                raise RuntimeError("GroupCommit.stop() would wait for its own thread")
        if loop is not None and loop.is_running():
            with contextlib.suppress(RuntimeError, TimeoutError):
                asyncio.run_coroutine_threadsafe(self._drained(), loop).result(60)
        while self._waiting:  # the loop is gone: whatever is left, on the writer thread
            self._work.put(_Whole(self._take()))
        self._work.put(None)
        thread.join()
        self._thread = None
        if self._conn is not None:
            self._forget(self._conn)

    async def _drained(self) -> None:
        while self._busy or self._waiting:
            if not self._busy:
                self._flush()
            await asyncio.sleep(0.001)

    # -- in the event loop --------------------------------------------------------------

    def _take(self) -> list[_Pending]:
        batch: list[_Pending] = []
        while self._waiting and len(batch) < self._max_batch:
            batch.append(self._waiting.popleft())
        return batch

    def _flush(self) -> None:
        self._flush_soon = False
        if self._busy or not self._waiting:
            return
        batch = self._take()
        self._busy = True
        if not self._lock.acquire(blocking=False):
            self._work.put(_Whole(batch))  # another writer is busy: no waiting in the loop
            return
        conn: Connection | None = None
        try:
            conn = self._connection()
            conn.begin()
            # The driver begins a transaction only before its first change, and
            # releasing an outermost savepoint would commit (one fsync a job). Never
            # waits: this connection's busy timeout is 0.
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        except Exception as exc:
            if conn is not None:
                self._forget(conn)
            self._lock.release()
            if isinstance(exc, DBAPIError) and "locked" in str(exc.orig).lower():
                self._work.put(_Whole(batch))  # another process writes: wait off the loop
            else:
                self._failed(batch, exc)
                self._settle(batch)
            return
        try:
            self._run_jobs(conn, batch)
        except _RolledBackError:
            self._end(conn, commit=False)
            self._lock.release()
            self._settle(batch)
            return
        except Exception as exc:
            self._failed(batch, exc)
            self._end(conn, commit=False)
            self._lock.release()
            self._settle(batch)
            return
        self._work.put(_Commit(batch, conn))

    def _connection(self) -> Connection:
        if self._conn is None or self._conn.closed or self._conn.invalidated:
            conn = self._engine.connect()
            # Never wait for another process's write lock in the event loop: that batch
            # goes to the writer thread instead (whose connections wait as usual). The
            # connection is the writer's alone (detached: it never goes back to the pool
            # with this setting).
            conn.detach()
            conn.exec_driver_sql("PRAGMA busy_timeout=0")
            conn.commit()
            self._conn = conn
        return self._conn

    def _forget(self, conn: Connection) -> None:
        with contextlib.suppress(Exception):
            conn.rollback()
        with contextlib.suppress(Exception):
            conn.close()
        if self._conn is conn:
            self._conn = None

    def _end(self, conn: Connection, *, commit: bool) -> None:
        """Commit or roll back the writer connection's transaction; raises if the commit
        fails (then rolled back)."""
        try:
            if commit:
                conn.commit()
            else:
                self._forget_known_now()
                conn.rollback()
        except Exception:
            self._forget_known_now()
            self._forget(conn)
            raise

    def _forget_known_now(self) -> None:
        if self._forget_known is not None:
            self._forget_known()

    def _settle(self, batch: list[_Pending]) -> None:
        try:
            # Events first: staff see a request no later than its kiosk hears "stored".
            if self._publish is not None:
                for pending in batch:
                    for event in pending.events:
                        try:
                            self._publish(event)
                        except Exception:  # one listener's failure stops no one else
                            log.exception("an event could not be published")
            for pending in batch:
                if pending.future.done():  # the client went away; the write stands
                    continue
                if pending.error is not None:
                    pending.future.set_exception(pending.error)
                else:
                    pending.future.set_result(pending.value)
        finally:
            self._busy = False  # whatever happened, the next batch may go
        if self._waiting and not self._flush_soon:
            self._flush_soon = True
            loop = self._loop
            if loop is not None:
                loop.call_soon(self._flush)

    # -- the jobs, in either thread -----------------------------------------------------

    def _run_jobs(self, conn: Connection, batch: list[_Pending]) -> None:
        if len(batch) == 1:
            self._run_alone(conn, batch[0])
            return
        for pending in batch:
            if pending.single_change:
                self._run_single_change(conn, pending)
            else:
                self._run_in_savepoint(conn, pending)

    @staticmethod
    def _failed(batch: list[_Pending], exc: BaseException) -> None:
        # Nothing of this batch was committed: every job in it fails, none is told
        # otherwise, and its events are not sent.
        log.warning("a write batch failed: %s", type(exc).__name__)
        for pending in batch:
            if pending.error is None:
                pending.error = exc
            pending.events.clear()

    @staticmethod
    def _run_alone(conn: Connection, pending: _Pending) -> None:
        try:
            pending.value = pending.job(conn, pending.events)
        except Exception as exc:
            pending.error = exc
            pending.events.clear()
            raise _RolledBackError from exc

    @staticmethod
    def _run_single_change(conn: Connection, pending: _Pending) -> None:
        try:
            pending.value = pending.job(conn, pending.events)
        except DBAPIError:
            # The database failed (disk full, I/O): SQLite may have rolled back the
            # whole transaction by itself, so the batch fails as one.
            raise
        except Exception as exc:  # refused before its change (a conflict, the cap)
            pending.error = exc
            pending.events.clear()

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

    # -- the writer thread ----------------------------------------------------------------

    def _run(self) -> None:
        while True:
            work = self._work.get()
            if work is None:
                return
            try:
                if isinstance(work, _Commit):
                    self._commit(work)
                else:
                    self._whole(work.batch)
            except BaseException as exc:  # never leave a batch, or the writer, hanging
                log.exception("the writer failed")
                self._forget_known_now()
                self._failed(work.batch, exc)
            loop = self._loop
            if loop is not None:
                with contextlib.suppress(RuntimeError):  # the loop has closed: nobody waits
                    loop.call_soon_threadsafe(self._settle, work.batch)

    def _commit(self, work: _Commit) -> None:
        """The transaction that the event loop filled: commit it (the lock is held)."""
        try:
            if self.before_commit is not None:
                self.before_commit(len(work.batch))
            self._end(work.conn, commit=True)
        except Exception as exc:
            with contextlib.suppress(Exception):
                self._end(work.conn, commit=False)
            self._failed(work.batch, exc)
            return
        finally:
            self._lock.release()
        self._committed(work.batch)

    def _whole(self, batch: list[_Pending]) -> None:
        """A batch run and committed here, on a pooled connection that waits for locks."""
        try:
            with self._lock, self._engine.begin() as conn:
                conn.exec_driver_sql("BEGIN IMMEDIATE")  # as in _flush
                try:
                    self._run_jobs(conn, batch)
                    if self.before_commit is not None:
                        self.before_commit(len(batch))
                finally:
                    self._forget_known_now()  # others use this connection: forget it
        except _RolledBackError:
            return
        except Exception as exc:
            self._failed(batch, exc)
            return
        self._committed(batch)

    def _committed(self, batch: list[_Pending]) -> None:
        self.batches += 1
        self.jobs += len(batch)
