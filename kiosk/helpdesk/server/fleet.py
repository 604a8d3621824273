"""The fleet: every kiosk's health from its heartbeats, the one-time admin code's secret
made at pairing, and remote commands to one kiosk at a time.

Tables of their own (``kiosk_admin_secrets``, ``kiosk_commands``; migration
``0004_admin_fleet``) beside the help desk's. Every staff call takes the staff member's
centres (None: all): a kiosk of another centre is "not found", and no call acts on more
than one kiosk.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import pyotp
from sqlalchemy import (
    Column,
    Engine,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    and_,
    select,
    update,
)

from kiosk.admin import codes as admin_codes
from kiosk.helpdesk import commands
from kiosk.helpdesk.commands import Kind, State
from kiosk.helpdesk.server import db
from kiosk.helpdesk.server.records import Kiosk

#: Offline after three missed heartbeats (the kiosk sends one a minute).
HEARTBEAT_S = 60
OFFLINE_AFTER = timedelta(seconds=3 * HEARTBEAT_S)
#: The health figures a heartbeat may carry, and nothing else (see api_fleet.HealthIn).
HEALTH_KEYS = (
    "version", "uptime_s", "outbox_pending", "cpu_percent", "memory_percent", "disk_free_mb",
    "last_wipe_ok", "engine_mb", "sandbox_on", "admin_protected", "out_of_order",
    "out_of_order_reason",
)  # fmt: skip
COMMANDS_SHOWN = 5

admin_secrets = Table(
    "kiosk_admin_secrets",
    db.metadata,
    Column("kiosk_id", Integer, ForeignKey("kiosks.id", ondelete="CASCADE"), primary_key=True),
    Column("secret", String(64), nullable=False),
    Column("created_at", db.UtcDateTime, nullable=False),
)

kiosk_commands = Table(
    "kiosk_commands",
    db.metadata,
    Column("id", Integer, primary_key=True),
    Column("kiosk_id", Integer, ForeignKey("kiosks.id", ondelete="CASCADE"), nullable=False),
    Column("centre_id", Integer, ForeignKey("centres.id"), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("state", String(12), nullable=False),
    Column("created_by", String(60), nullable=False),
    Column("created_at", db.UtcDateTime, nullable=False),
    Column("expires_at", db.UtcDateTime, nullable=False),
    Column("delivered_at", db.UtcDateTime),
    Column("finished_at", db.UtcDateTime),
    Column("detail", String(commands.MAX_DETAIL)),
    Index("ix_kiosk_commands_kiosk_state", "kiosk_id", "state"),
)


class FleetNotFoundError(Exception):
    """No such kiosk or command for this caller (another centre's is "not found" too)."""


class FleetConflictError(Exception):
    """The command cannot change so (expired, already finished); ``str()`` says why."""


@dataclass(frozen=True, slots=True)
class Command:
    id: int
    kiosk_id: int
    kind: Kind
    state: State
    created_by: str
    created_at: datetime
    expires_at: datetime
    delivered_at: datetime | None
    finished_at: datetime | None
    detail: str

    def to_wire(self) -> dict[str, Any]:
        def iso(value: datetime | None) -> str | None:
            return value.isoformat() if value else None

        return {
            "id": self.id,
            "kiosk_id": self.kiosk_id,
            "kind": self.kind.value,
            "state": self.state.value,
            "created_by": self.created_by,
            "created_at": iso(self.created_at),
            "expires_at": iso(self.expires_at),
            "delivered_at": iso(self.delivered_at),
            "finished_at": iso(self.finished_at),
            "detail": self.detail,
        }


def _command(row: Any) -> Command:
    return Command(
        id=row.id,
        kiosk_id=row.kiosk_id,
        kind=Kind(row.kind),
        state=State(row.state),
        created_by=row.created_by,
        created_at=row.created_at,
        expires_at=row.expires_at,
        delivered_at=row.delivered_at,
        finished_at=row.finished_at,
        detail=row.detail or "",
    )


class Fleet:
    def __init__(self, engine: Engine, clock: Callable[[], datetime]) -> None:
        self.engine = engine
        self.clock = clock

    # -- pairing and the admin code ------------------------------------------------------
    def new_admin_secret(self, kiosk_id: int) -> str:
        """At pairing: the kiosk's TOTP secret (returned once, to ``kiosk pair``)."""
        secret = admin_codes.new_secret()
        with self.engine.begin() as conn:
            conn.execute(admin_secrets.delete().where(admin_secrets.c.kiosk_id == kiosk_id))
            conn.execute(
                admin_secrets.insert().values(
                    kiosk_id=kiosk_id, secret=secret, created_at=self.clock()
                )
            )
        return secret

    def admin_code(self, centre_ids: frozenset[int] | None, kiosk_id: int) -> dict[str, Any]:
        """The kiosk's one-time admin code now, for staff of its centre."""
        self._kiosk(centre_ids, kiosk_id)
        with self.engine.connect() as conn:
            secret = conn.execute(
                select(admin_secrets.c.secret).where(admin_secrets.c.kiosk_id == kiosk_id)
            ).scalar()
        if secret is None:
            raise FleetConflictError("this kiosk was paired before one-time codes: pair it again")
        now = self.clock().timestamp()
        totp = pyotp.TOTP(secret, digits=admin_codes.DIGITS, interval=admin_codes.STEP_S)
        left = admin_codes.STEP_S - int(now) % admin_codes.STEP_S
        return {"code": totp.at(now), "valid_for_s": left}

    # -- health --------------------------------------------------------------------------
    def heartbeat(self, kiosk: Kiosk, figures: dict[str, Any]) -> None:
        """Keep what the heartbeat says, over what earlier ones said (the supervisor's
        "out of order" heartbeat carries only that)."""
        figures = {k: v for k, v in figures.items() if k in HEALTH_KEYS and v is not None}
        with self.engine.begin() as conn:
            old = conn.execute(
                select(db.kiosks.c.health).where(db.kiosks.c.id == kiosk.id)
            ).scalar()
            try:
                health = json.loads(old) if old else {}
            except ValueError:
                health = {}
            if not isinstance(health, dict):
                health = {}
            health.update(figures)
            conn.execute(
                update(db.kiosks)
                .where(db.kiosks.c.id == kiosk.id)
                .values(last_seen_at=self.clock(), health=json.dumps(health)[:4000])
            )

    def kiosks(self, centre_ids: frozenset[int] | None) -> list[dict[str, Any]]:
        """Every kiosk of these centres with its state, health and latest commands."""
        now = self.clock()
        query = select(db.kiosks, db.centres.c.name.label("centre_name")).join(db.centres)
        if centre_ids is not None:
            query = query.where(db.kiosks.c.centre_id.in_(centre_ids))
        with self.engine.begin() as conn:
            self._settle(conn, now)
            rows = conn.execute(query.order_by(db.centres.c.name, db.kiosks.c.name)).all()
            ids = [r.id for r in rows]
            recent = conn.execute(
                select(kiosk_commands)
                .where(kiosk_commands.c.kiosk_id.in_(ids))
                .order_by(kiosk_commands.c.id.desc())
            ).all()
            with_code = set(
                conn.execute(
                    select(admin_secrets.c.kiosk_id).where(admin_secrets.c.kiosk_id.in_(ids))
                ).scalars()
            )
        by_kiosk: dict[int, list[dict[str, Any]]] = {}
        for row in recent:
            shown = by_kiosk.setdefault(row.kiosk_id, [])
            if len(shown) < COMMANDS_SHOWN:
                shown.append(_command(row).to_wire())
        out = []
        for r in rows:
            try:
                health = json.loads(r.health) if r.health else {}
            except ValueError:
                health = {}
            online = r.last_seen_at is not None and now - r.last_seen_at < OFFLINE_AFTER
            out.append(
                {
                    "id": r.id,
                    "name": r.name,
                    "centre_id": r.centre_id,
                    "centre_name": r.centre_name,
                    "last_seen_at": r.last_seen_at.isoformat() if r.last_seen_at else None,
                    "online": online,
                    "out_of_order": bool(health.get("out_of_order")),
                    "health": health,
                    "has_admin_code": r.id in with_code,
                    "commands": by_kiosk.get(r.id, []),
                }
            )
        return out

    # -- commands: staff -----------------------------------------------------------------
    def _kiosk(self, centre_ids: frozenset[int] | None, kiosk_id: int) -> Any:
        with self.engine.connect() as conn:
            row = conn.execute(select(db.kiosks).where(db.kiosks.c.id == kiosk_id)).first()
        if row is None or (centre_ids is not None and row.centre_id not in centre_ids):
            raise FleetNotFoundError("no such kiosk")
        return row

    def send(
        self,
        centre_ids: frozenset[int] | None,
        kiosk_id: int,
        kind: Kind,
        staff_name: str,
        expires_in: timedelta = commands.DEFAULT_EXPIRY,
    ) -> Command:
        """A command for ONE kiosk of the staff member's centres."""
        row = self._kiosk(centre_ids, kiosk_id)
        expires_in = min(max(expires_in, timedelta(minutes=1)), commands.MAX_EXPIRY)
        now = self.clock()
        with self.engine.begin() as conn:
            result = conn.execute(
                kiosk_commands.insert().values(
                    kiosk_id=kiosk_id,
                    centre_id=row.centre_id,
                    kind=kind.value,
                    state=State.PENDING.value,
                    created_by=staff_name[:60],
                    created_at=now,
                    expires_at=now + expires_in,
                )
            )
            ident = int(result.inserted_primary_key[0])  # type: ignore[index]
            made = conn.execute(select(kiosk_commands).where(kiosk_commands.c.id == ident)).one()
        return _command(made)

    def commands_of(self, centre_ids: frozenset[int] | None, kiosk_id: int) -> list[Command]:
        self._kiosk(centre_ids, kiosk_id)
        with self.engine.begin() as conn:
            self._settle(conn, self.clock())
            rows = conn.execute(
                select(kiosk_commands)
                .where(kiosk_commands.c.kiosk_id == kiosk_id)
                .order_by(kiosk_commands.c.id.desc())
                .limit(50)
            ).all()
        return [_command(r) for r in rows]

    # -- commands: the kiosk -------------------------------------------------------------
    def fetch(self, kiosk: Kiosk) -> list[Command]:
        """The kiosk's pending commands, now delivered (oldest first)."""
        now = self.clock()
        with self.engine.begin() as conn:
            self._settle(conn, now)
            rows = conn.execute(
                select(kiosk_commands)
                .where(
                    and_(
                        kiosk_commands.c.kiosk_id == kiosk.id,
                        kiosk_commands.c.state == State.PENDING.value,
                    )
                )
                .order_by(kiosk_commands.c.id)
            ).all()
            ids = [r.id for r in rows]
            if ids:
                conn.execute(
                    update(kiosk_commands)
                    .where(kiosk_commands.c.id.in_(ids))
                    .values(state=State.DELIVERED.value, delivered_at=now)
                )
                rows = conn.execute(
                    select(kiosk_commands)
                    .where(kiosk_commands.c.id.in_(ids))
                    .order_by(kiosk_commands.c.id)
                ).all()
        return [_command(r) for r in rows]

    def report(self, kiosk: Kiosk, command_id: int, state: State, detail: str) -> Command:
        """The kiosk says how a command it was given went: done or failed."""
        if state not in (State.DONE, State.FAILED):
            raise FleetConflictError("a kiosk reports done or failed")
        now = self.clock()
        with self.engine.begin() as conn:
            self._settle(conn, now)
            row = conn.execute(
                select(kiosk_commands).where(kiosk_commands.c.id == command_id)
            ).first()
            if row is None or row.kiosk_id != kiosk.id:
                raise FleetNotFoundError("no such command")
            if row.state == State.EXPIRED.value:
                raise FleetConflictError("the command expired before the kiosk fetched it")
            if row.state in (State.DONE.value, State.FAILED.value):
                if row.state == state.value:
                    return _command(row)  # the same report twice: fine
                raise FleetConflictError("the command is already finished")
            conn.execute(
                update(kiosk_commands)
                .where(kiosk_commands.c.id == command_id)
                .values(state=state.value, finished_at=now, detail=detail[: commands.MAX_DETAIL])
            )
            row = conn.execute(
                select(kiosk_commands).where(kiosk_commands.c.id == command_id)
            ).one()
        return _command(row)

    def _settle(self, conn: Any, now: datetime) -> None:
        """Pending past their expiry: expired. Delivered and never reported on: failed."""
        conn.execute(
            update(kiosk_commands)
            .where(
                and_(
                    kiosk_commands.c.state == State.PENDING.value,
                    kiosk_commands.c.expires_at <= now,
                )
            )
            .values(state=State.EXPIRED.value, finished_at=now)
        )
        conn.execute(
            update(kiosk_commands)
            .where(
                and_(
                    kiosk_commands.c.state == State.DELIVERED.value,
                    kiosk_commands.c.delivered_at <= now - commands.REPORT_WITHIN,
                )
            )
            .values(
                state=State.FAILED.value,
                finished_at=now,
                detail="the kiosk did not say how it went",
            )
        )
