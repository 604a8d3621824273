"""Group commit of new requests on PostgreSQL: every new request that arrives in one turn
of a worker's event loop is stored by two statements for all of them (a probe, then one
insert with one notification), where each request used to take two of its own.

Under load the server's and PostgreSQL's time went to the statements' round trips and
their per-statement work (parse, plan, a commit and its WAL flush each, a notification
delivered to every worker's listener each); a batch pays them once.

- One batch at a time per worker: the requests that arrive while it runs wait and go
  together in the next (as the SQLite writer's ``group_commit`` does). So the requests of
  one batch see each other: a kiosk's cap of open requests counts the ones before it in
  the batch, and two requests of a centre never get the same code.
- The insert runs on its own (autocommit): it is committed, durably, before any of its
  requests is answered. A request whose id is already stored (a resend, or another
  worker's a moment ago) is answered from the stored row, as before.
- Its notification carries the batch's events as one JSON array (chunks under the
  payload limit), sent only for the rows that were inserted; ``events.listen_postgres``
  decodes it once for all of them.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from kiosk.helpdesk import model
from kiosk.helpdesk.server.records import Created, Kiosk, NewRequest

log = logging.getLogger("kiosk.helpdesk.server")

#: Requests in one batch at most (the rest wait for the next).
MAX_BATCH = 64
#: A notification's payload must stay under 8000 bytes: the events go in chunks of this.
NOTIFY_CHUNK = 7000


def _in(values: tuple[str, ...]) -> str:
    return "(" + ", ".join(f"'{value}'" for value in values) + ")"


_OPEN = _in(tuple(sorted(s.value for s in model.OPEN_STATES)))
_QUEUED = _in(tuple(sorted(s.value for s in model.QUEUED_STATES)))

#: For every request of a batch, in order: its kiosk's open requests, whether its id is
#: stored, which of its candidate codes an open request of its centre has. Each candidate
#: is one lookup on both columns of the open codes' index (a subquery per candidate, so
#: no plan can turn it into a filter): as ``code = ANY (...)`` PostgreSQL read every open
#: code of the centre for every request, most of the probe's work under load (measured).
#: Planned for every batch (not prepared): a plan PostgreSQL keeps for all batches is made
#: once, and one made while the table was nearly empty read every row of it later (a
#: batch of 25 took 5 ms instead of 2.5 under load, measured); planning costs 0.2-0.3 ms.
PROBE = f"""
SELECT
  (SELECT count(*) FROM requests r WHERE r.kiosk_id = v.kiosk_id AND r.state IN {_OPEN}),
  EXISTS (SELECT 1 FROM requests r WHERE r.id = v.id),
  (SELECT string_agg(c.code, ' ') FROM unnest(string_to_array(v.codes, ' ')) AS c(code)
    WHERE (SELECT r.code FROM requests r WHERE r.centre_id = v.centre_id AND r.code = c.code
             AND r.state IN {_OPEN} LIMIT 1) IS NOT NULL)
FROM unnest(%(kiosk_ids)s::integer[], %(ids)s::text[], %(centre_ids)s::integer[],
            %(codes)s::text[]) WITH ORDINALITY AS v(kiosk_id, id, centre_id, codes, ord)
ORDER BY v.ord
"""


def insert_sql(columns: list[str]) -> str:
    """The batch's rows in one insert, their events in one notification a chunk (only
    the inserted rows'), and each inserted row's count of queued requests ahead of it in
    its centre's line: those stored before (the statement's snapshot) and those before
    it in the batch.

    ``events`` is one JSON text, ``[[chunk, event], ...]``: each new request's event (its
    row in wire form under "request") and the notification it goes in. The events go
    once, as one text, and the notifications carry each event's text as sent (``json``
    keeps it): quoting them as a text array was about a third of a worker's time in the
    driver (py-spy), and an array parameter makes PostgreSQL plan the statement again for
    every batch (it plans for the array's length; measured 0.28 ms a batch)."""
    names = ", ".join(columns)
    ahead = f"""
  (SELECT count(*) FROM requests r WHERE r.centre_id = i.centre_id AND r.state IN {_QUEUED}
     AND (r.created_at, r.id) < (i.created_at, i.id))
  + (SELECT count(*) FROM inserted j WHERE j.centre_id = i.centre_id
     AND (j.created_at, j.id) < (i.created_at, i.id))"""
    return f"""
WITH events AS (
  SELECT e.item -> 1 AS payload, e.item -> 1 -> 'request' ->> 'id' AS id,
    (e.item ->> 0)::integer AS chunk, e.ord
  FROM json_array_elements(%(events)s::json) WITH ORDINALITY AS e(item, ord)
), inserted AS (
  INSERT INTO requests ({names})
  SELECT {", ".join(f"r.{name}" for name in columns)} FROM events e,
    jsonb_populate_record(NULL::requests, (e.payload -> 'request')::jsonb) AS r
  ON CONFLICT (id) DO NOTHING
  RETURNING id, centre_id, created_at
), notified AS (
  SELECT pg_notify(%(channel)s, '[' || string_agg(e.payload::text, ',' ORDER BY e.ord) || ']')
  FROM inserted i JOIN events e ON e.id = i.id
  GROUP BY e.chunk
)
SELECT i.id, {ahead},
  (SELECT count(*) FROM notified)
FROM inserted i
"""


@dataclass(slots=True)
class Pending:
    kiosk: Kiosk
    new: NewRequest
    future: asyncio.Future[Created]


#: Stores a batch and settles each of its futures (or leaves them to fail).
RunBatch = Callable[[list[Pending]], Awaitable[None]]


class PostgresBatches:
    """Collects the new requests of one turn of the event loop and runs them as a batch,
    one batch at a time (see the module's docstring)."""

    def __init__(self, run: RunBatch, *, max_batch: int = MAX_BATCH) -> None:
        self._run_batch = run
        self._max_batch = max_batch
        self._waiting: deque[Pending] = deque()
        self._busy = False
        self._flush_soon = False
        self._task: asyncio.Task[None] | None = None
        #: Batches run and requests in them: for the benchmark and tests.
        self.batches = 0
        self.jobs = 0

    def submit(self, kiosk: Kiosk, new: NewRequest) -> asyncio.Future[Created]:
        loop = asyncio.get_running_loop()
        future: asyncio.Future[Created] = loop.create_future()
        self._waiting.append(Pending(kiosk, new, future))
        if not self._busy and not self._flush_soon:
            # Whatever else arrives in this turn of the loop joins the same batch.
            self._flush_soon = True
            loop.call_soon(self._flush)
        return future

    def _take(self) -> list[Pending]:
        """The next batch: at most one request of each id (a resend in the same turn
        waits for the next batch, which finds the first one stored)."""
        batch: list[Pending] = []
        ids: set[str] = set()
        later: list[Pending] = []
        while self._waiting and len(batch) < self._max_batch:
            pending = self._waiting.popleft()
            if pending.future.done():
                continue  # cancelled before it was stored: nothing to do
            if pending.new.id in ids:
                later.append(pending)
            else:
                ids.add(pending.new.id)
                batch.append(pending)
        self._waiting.extendleft(reversed(later))
        return batch

    def _flush(self) -> None:
        self._flush_soon = False
        if self._busy or not self._waiting:
            return
        batch = self._take()
        if not batch:
            return
        self._busy = True
        self._task = asyncio.get_running_loop().create_task(self._run(batch))

    async def _run(self, batch: list[Pending]) -> None:
        try:
            await self._run_batch(batch)
            self.batches += 1
            self.jobs += len(batch)
        except BaseException as exc:
            for pending in batch:
                if not pending.future.done():
                    pending.future.set_exception(exc)
            if not isinstance(exc, Exception):
                raise
            log.warning("a batch of new requests failed: %s", type(exc).__name__)
        finally:
            self._busy = False
            self._task = None
            if self._waiting and not self._flush_soon:
                self._flush_soon = True
                asyncio.get_running_loop().call_soon(self._flush)

    async def drain(self) -> None:
        """Wait until every request submitted so far is settled."""
        while self._busy or self._waiting:
            task = self._task
            if task is not None:
                with contextlib.suppress(BaseException):
                    await asyncio.shield(task)
            else:
                self._flush()
                await asyncio.sleep(0)


def chunks(payloads: list[str], limit: int = NOTIFY_CHUNK) -> list[int]:
    """The chunk of each payload: consecutive payloads together while their JSON array
    stays under ``limit`` characters."""
    out: list[int] = []
    chunk = size = 0
    for payload in payloads:
        if size and size + len(payload) + 1 > limit:
            chunk += 1
            size = 0
        size += len(payload) + 1
        out.append(chunk)
    return out
