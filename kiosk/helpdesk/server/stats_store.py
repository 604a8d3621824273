"""What the help desk keeps for the statistics: each kiosk's daily counters (the newest
revision of each kiosk's day, replaced, never added to), the centres' staffed hours, and
the facts of help requests that the figures use.

The tables belong to migration ``0006_stats_counters``. The kiosk and centre of a day
come from the device token that sent it, never from the upload.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Column, Date, ForeignKey, Index, Integer, String, Table, Text, select
from sqlalchemy.dialects import postgresql, sqlite

from kiosk.helpdesk import model
from kiosk.helpdesk.server import db
from kiosk.helpdesk.server.records import Kiosk
from kiosk.helpdesk.server.store import Store
from kiosk.stats import hours as hours_mod
from kiosk.stats.figures import HelpFact, KioskDay, Period
from kiosk.stats.metrics import Counts

stats_days = Table(
    "stats_days",
    db.metadata,
    Column("kiosk_id", Integer, ForeignKey("kiosks.id"), primary_key=True),
    Column("day", Date, primary_key=True),
    Column("centre_id", Integer, ForeignKey("centres.id"), nullable=False),
    Column("revision", Integer, nullable=False),
    Column("counts", Text, nullable=False),
    Column("received_at", db.UtcDateTime, nullable=False),
    Index("ix_stats_days_centre_day", "centre_id", "day"),
)

stats_staffed_hours = Table(
    "stats_staffed_hours",
    db.metadata,
    Column("centre_id", Integer, ForeignKey("centres.id"), primary_key=True),
    Column("hours", String(200), nullable=False),
    Column("updated_at", db.UtcDateTime, nullable=False),
)

_END_OF_STATE = {
    model.State.CANCELLED.value: "cancelled",
    model.State.VISITOR_LEFT.value: "visitor_left",
}


@dataclass(frozen=True, slots=True)
class Kept:
    """The answer to an upload: the revision the help desk has now, and whether this
    upload replaced what it had."""

    revision: int
    replaced: bool


class StatsStore:
    def __init__(self, store: Store, zone: ZoneInfo) -> None:
        self.store = store
        self.engine = store.engine
        self.zone = zone

    def today(self) -> date:
        return self.store.clock().astimezone(self.zone).date()

    # -- uploads ------------------------------------------------------------------------
    def keep_day(self, kiosk: Kiosk, day: date, revision: int, counts: Counts) -> Kept:
        """Keep ``kiosk``'s ``day`` if ``revision`` is newer than the one kept (one atomic
        statement: two uploads at once cannot both win)."""
        values = {
            "kiosk_id": kiosk.id,
            "day": day,
            "centre_id": kiosk.centre_id,
            "revision": revision,
            "counts": json.dumps(counts.to_wire(), sort_keys=True),
            "received_at": self.store.clock(),
        }
        dialect = postgresql if self.store.is_postgres else sqlite
        insert = dialect.insert(stats_days).values(**values)
        statement = insert.on_conflict_do_update(
            index_elements=[stats_days.c.kiosk_id, stats_days.c.day],
            set_={
                "revision": insert.excluded.revision,
                "counts": insert.excluded.counts,
                "centre_id": insert.excluded.centre_id,
                "received_at": insert.excluded.received_at,
            },
            where=stats_days.c.revision < insert.excluded.revision,
        ).returning(stats_days.c.revision)
        with self.store.write() as (conn, _events):
            # A row comes back when it was stored; none when a newer revision was kept.
            replaced = conn.execute(statement).first() is not None
            kept = conn.execute(
                select(stats_days.c.revision).where(
                    stats_days.c.kiosk_id == kiosk.id, stats_days.c.day == day
                )
            ).scalar_one()
        return Kept(int(kept), replaced)

    # -- reading ------------------------------------------------------------------------
    def days(self, centre_ids: frozenset[int], period: Period) -> list[KioskDay]:
        query = select(stats_days.c.centre_id, stats_days.c.day, stats_days.c.counts).where(
            stats_days.c.centre_id.in_(centre_ids),
            stats_days.c.day >= period.start,
            stats_days.c.day <= period.end,
        )
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        return [KioskDay(int(r[0]), r[1], Counts.from_wire(json.loads(r[2]))) for r in rows]

    def kiosks_reporting(self, centre_ids: frozenset[int], period: Period) -> int:
        query = (
            select(stats_days.c.kiosk_id)
            .where(
                stats_days.c.centre_id.in_(centre_ids),
                stats_days.c.day >= period.start,
                stats_days.c.day <= period.end,
            )
            .distinct()
        )
        with self.engine.connect() as conn:
            return len(conn.execute(query).all())

    def help_facts(self, centre_ids: frozenset[int], period: Period) -> list[HelpFact]:
        start = datetime.combine(period.start, time(), self.zone).astimezone(UTC)
        end = datetime.combine(period.end + timedelta(days=1), time(), self.zone).astimezone(UTC)
        r = db.requests.c
        query = select(
            r.centre_id,
            r.topic,
            r.state,
            r.outcome,
            r.created_at,
            r.taken_at,
            r.closed_at,
            r.resolved_via,
        ).where(r.centre_id.in_(centre_ids), r.created_at >= start, r.created_at < end)
        with self.engine.connect() as conn:
            rows = conn.execute(query).mappings().all()
        staffed = self.staffed_hours(centre_ids)
        return [self._fact(row, staffed) for row in rows]

    def _fact(self, row: Any, staffed: dict[int, hours_mod.StaffedHours]) -> HelpFact:
        created = row["created_at"].astimezone(self.zone)
        state = row["state"]
        end = row["outcome"] if state == model.State.RESOLVED.value else _END_OF_STATE.get(state)
        taken, closed = row["taken_at"], row["closed_at"]
        # Waiting: until someone took it (or, resolved straight away, until it closed).
        helped = taken or (closed if state == model.State.RESOLVED.value else None)
        wait = (helped - row["created_at"]).total_seconds() if helped else None
        handling = (
            (closed - taken).total_seconds()
            if taken and closed and state == model.State.RESOLVED.value
            else None
        )
        hours = staffed.get(int(row["centre_id"]))
        return HelpFact(
            centre_id=int(row["centre_id"]),
            created=created,
            topic=row["topic"],
            end=end,
            wait_s=wait,
            handling_s=handling,
            via=row["resolved_via"],
            outside_hours=None if hours is None else not hours.inside(created),
        )

    # -- staffed hours ----------------------------------------------------------------
    def staffed_hours(self, centre_ids: frozenset[int]) -> dict[int, hours_mod.StaffedHours]:
        query = select(stats_staffed_hours).where(stats_staffed_hours.c.centre_id.in_(centre_ids))
        with self.engine.connect() as conn:
            rows = conn.execute(query).mappings().all()
        found = {}
        for row in rows:
            try:
                found[int(row["centre_id"])] = hours_mod.parse(row["hours"])
            except hours_mod.HoursError:
                continue  # stored only after parsing; a hand-edited row is left out
        return found

    def set_staffed_hours(self, centre_id: int, hours: hours_mod.StaffedHours) -> None:
        dialect = postgresql if self.store.is_postgres else sqlite
        values = {"centre_id": centre_id, "hours": hours.text, "updated_at": self.store.clock()}
        insert = dialect.insert(stats_staffed_hours).values(**values)
        statement = insert.on_conflict_do_update(
            index_elements=[stats_staffed_hours.c.centre_id],
            set_={"hours": insert.excluded.hours, "updated_at": insert.excluded.updated_at},
        )
        with self.store.write() as (conn, _events):
            conn.execute(statement)
