"""New requests on PostgreSQL from the event loop: the requests of one turn of the loop
in one batch, two round trips for all of them (the statements are in ``pg_batch``).
:class:`PostgresIntake` is a part of :class:`~kiosk.helpdesk.server.intake.
RequestIntake`, which is a part of the store.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from starlette.concurrency import run_in_threadpool

from kiosk.helpdesk import model
from kiosk.helpdesk.model import Request
from kiosk.helpdesk.server.pg_async import AsyncPostgres
from kiosk.helpdesk.server.pg_batch import PROBE, Pending, chunks, insert_sql
from kiosk.helpdesk.server.records import Created, Kiosk, NewRequest, TooManyOpenError

NOTIFY_CHANNEL = "kiosk_helpdesk"


class PostgresIntake:
    """The event loop's batches of new requests on PostgreSQL (``pg_batch`` calls
    :meth:`_postgres_batch` with each), with what the intake and the store set up."""

    #: The event loop's own connections for new requests (while serving).
    async_postgres: AsyncPostgres | None
    clock: model.Clock
    max_open_per_kiosk: int
    _names: dict[tuple[str, int], str]
    _pg_insert: str | None

    if TYPE_CHECKING:  # the intake's and the store's

        def create_request(self, kiosk: Kiosk, new: NewRequest) -> Created:
            raise NotImplementedError

        def names(self, kind: str, ident: int) -> str:
            raise NotImplementedError

        def _event(self, request: Request, *, queue_changed: bool) -> dict[str, Any]:
            raise NotImplementedError

        def _code_candidates(self) -> dict[str, str]:
            raise NotImplementedError

        def _pick_code_now(self, centre_id: int, also_taken: set[str]) -> str:
            raise NotImplementedError

        @staticmethod
        def _new_request(kiosk: Kiosk, new: NewRequest, now: datetime, code: str) -> Request:
            raise NotImplementedError

        def _existing_now(self, kiosk: Kiosk, request_id: str) -> Created:
            raise NotImplementedError

    async def _postgres_batch(self, batch: list[Pending]) -> None:
        """New requests of one turn of the event loop, in two round trips for all: what
        to check before the insert, then the insert with its notification (``pg_batch``).
        Settles every request's future (the rare cases through the thread pool)."""
        pg = self.async_postgres
        if pg is None:  # the server stops: one by one, as outside the event loop
            for pending in batch:
                await _settle(pending, self.create_request, pending.kiosk, pending.new)
            return
        for pending in batch:
            kiosk = pending.kiosk
            for kind, ident in (("centre", kiosk.centre_id), ("kiosk", kiosk.id)):
                if (kind, ident) not in self._names:  # a kiosk paired since the start
                    await run_in_threadpool(self.names, kind, ident)
        candidates = [self._code_candidates() for _ in batch]
        probe = {
            "kiosk_ids": [p.kiosk.id for p in batch],
            "ids": [p.new.id for p in batch],
            "centre_ids": [p.kiosk.centre_id for p in batch],
            "codes": [" ".join(c.values()) for c in candidates],
        }
        found = await pg.fetch(PROBE, probe, prepare=False)  # see pg_batch.PROBE
        # Decide each request in order, as if they had come one after another.
        opened: dict[int, int] = {}  # kiosk -> requests of this batch it opens
        chosen: dict[int, set[str]] = {}  # centre -> codes this batch gives out
        stored_before: list[Pending] = []
        to_insert: list[tuple[Pending, Request]] = []
        for pending, codes, (open_count, stored, taken_codes) in zip(
            batch, candidates, found, strict=True
        ):
            kiosk = pending.kiosk
            if stored:
                stored_before.append(pending)
                continue
            if open_count + opened.get(kiosk.id, 0) >= self.max_open_per_kiosk:
                if not pending.future.done():
                    pending.future.set_exception(TooManyOpenError())
                continue
            opened[kiosk.id] = opened.get(kiosk.id, 0) + 1
            given = chosen.setdefault(kiosk.centre_id, set())
            taken = set(taken_codes.split(" ")) if taken_codes else set()
            taken |= given
            code = next((c for c in codes.values() if c not in taken), None)
            if code is None:  # every candidate taken: read all the centre's codes (rare)
                code = await run_in_threadpool(self._pick_code_now, kiosk.centre_id, taken)
            given.add(code)
            to_insert.append((pending, self._new_request(kiosk, pending.new, self.clock(), code)))
        inserted: dict[str, int] = {}
        if to_insert:
            payloads = [json.dumps(self._event(r, queue_changed=True)) for _, r in to_insert]
            pairs = ",".join(f"[{c},{p}]" for c, p in zip(chunks(payloads), payloads, strict=True))
            params = {"events": f"[{pairs}]", "channel": NOTIFY_CHANNEL}
            result = await pg.fetch(self._pg_insert_sql(), params)
            inserted = {row[0]: int(row[1]) for row in result}
        for pending, request in to_insert:
            ahead = inserted.get(request.id)
            if ahead is None:  # stored by another worker a moment ago
                stored_before.append(pending)
            elif not pending.future.done():
                pending.future.set_result((request, True, ahead + 1))
        for pending in stored_before:  # sent before (a retry): the stored one
            await _settle(pending, self._existing_now, pending.kiosk, pending.new.id)

    def _pg_insert_sql(self) -> str:
        sql = self._pg_insert
        if sql is None:
            columns = [f.name for f in dataclasses.fields(Request)]
            sql = self._pg_insert = insert_sql(columns)
        return sql


async def _settle(pending: Pending, work: Callable[..., Created], *args: Any) -> None:
    """Settle ``pending`` with what ``work`` gives (or raises) in the thread pool."""
    try:
        created = await run_in_threadpool(work, *args)
    except Exception as exc:
        if not pending.future.done():
            pending.future.set_exception(exc)
    else:
        if not pending.future.done():
            pending.future.set_result(created)
