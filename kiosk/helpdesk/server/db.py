"""Tables and engines. SQLite (WAL, synchronous=FULL) by default, PostgreSQL (psycopg 3)
for a network of centres. The schema is created and changed only by Alembic migrations
(``migrations/``); these table objects must match the newest migration.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Dialect,
    Engine,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    event,
    text,
)
from sqlalchemy.engine import make_url
from sqlalchemy.types import TypeDecorator

from kiosk.helpdesk import model

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

#: Open requests, written as the queries write it (the open states, sorted): the
#: condition of the partial codes index, which SQLite uses only for a query whose own
#: condition reads the same.
OPEN_CONDITION = text(
    "state IN (" + ", ".join(f"'{s.value}'" for s in sorted(model.OPEN_STATES)) + ")"
)


class UtcDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in, aware UTC datetimes out, on SQLite and PostgreSQL alike."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the database")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


metadata = MetaData()

centres = Table(
    "centres",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(100), nullable=False, unique=True),
    Column("created_at", UtcDateTime, nullable=False),
)

kiosks = Table(
    "kiosks",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("centre_id", Integer, ForeignKey("centres.id"), nullable=False),
    Column("name", String(100), nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("created_at", UtcDateTime, nullable=False),
    Column("last_seen_at", UtcDateTime),
    Column("health", Text),
)

pair_codes = Table(
    "pair_codes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("centre_id", Integer, ForeignKey("centres.id"), nullable=False),
    Column("code_hash", String(64), nullable=False, unique=True),
    Column("kiosk_name", String(100), nullable=False),
    Column("expires_at", UtcDateTime, nullable=False),
    Column("used_at", UtcDateTime),
)

staff = Table(
    "staff",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("username", String(60), nullable=False, unique=True),
    Column("display_name", String(60), nullable=False),
    Column("password_hash", String(200), nullable=False),
    # Comma-separated centre ids this person serves; NULL: every centre.
    Column("centre_ids", String(400)),
    Column("on_duty", Boolean, nullable=False, default=False),
    Column("created_at", UtcDateTime, nullable=False),
    # staff, publisher or coordinator (roles.Role).
    Column("role", String(20), nullable=False, server_default="staff"),
)

staff_sessions = Table(
    "staff_sessions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("staff_id", Integer, ForeignKey("staff.id", ondelete="CASCADE"), nullable=False),
    Column("csrf_token", String(64), nullable=False),
    Column("expires_at", UtcDateTime, nullable=False),
)

login_failures = Table(
    "login_failures",
    metadata,
    Column("id", Integer, primary_key=True),
    # sha256 of "user:<name>" or "ip:<address>": no plain identifiers kept.
    Column("key", String(64), nullable=False, index=True),
    Column("at", UtcDateTime, nullable=False),
)

requests = Table(
    "requests",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("centre_id", Integer, ForeignKey("centres.id"), nullable=False),
    Column("kiosk_id", Integer, ForeignKey("kiosks.id"), nullable=False),
    Column("code", String(12)),
    Column("topic", String(20), nullable=False),
    Column("guide_id", String(80)),
    Column("step", Integer),
    Column("phone", String(20)),
    Column("state", String(20), nullable=False),
    Column("outcome", String(20)),
    Column("message", String(200)),
    Column("minutes", Integer),
    Column("staff_name", String(60)),
    Column("visitor_left", Boolean, nullable=False, default=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("updated_at", UtcDateTime, nullable=False),
    Column("seen_at", UtcDateTime),
    Column("taken_at", UtcDateTime),
    Column("closed_at", UtcDateTime),
    # Staff only (never sent to the kiosk); deleted when the request closes.
    Column("note", String(200)),
    Column("call_attempts", Integer, nullable=False, server_default="0"),
    Column("last_call_at", UtcDateTime),
    # "on_site" or "remote" (statistics; migration 0006_stats_counters).
    Column("resolved_via", String(10)),
    Index("ix_requests_centre_state_created", "centre_id", "state", "created_at"),
    # A new request's candidate codes are looked up among the open requests only
    # (migration 0010; the condition reads exactly as the queries').
    Index(
        "ix_requests_open_code",
        "centre_id",
        "code",
        sqlite_where=OPEN_CONDITION,
        postgresql_where=OPEN_CONDITION,
    ),
    # A new request counts its kiosk's open ones (the per-kiosk cap) over this index.
    Index("ix_requests_kiosk_state", "kiosk_id", "state"),
)


# Today's history: who handled what. Kept for the day only (deleted after midnight in
# the centres' time zone), so a staff member's name stays no longer than that.
handling_log = Table(
    "handling_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("centre_id", Integer, ForeignKey("centres.id"), nullable=False),
    Column("request_id", String(36), nullable=False),
    Column("code", String(12)),
    Column("topic", String(20), nullable=False),
    Column("kiosk_id", Integer, nullable=False),
    Column("action", String(20), nullable=False),
    Column("staff_name", String(60)),
    Column("detail", String(60)),
    Column("at", UtcDateTime, nullable=False),
    Index("ix_handling_log_centre_at", "centre_id", "at"),
)


def normalise_url(url: str) -> str:
    """'postgresql://...' -> the psycopg 3 driver; a bare path -> SQLite."""
    if "://" not in url:
        return f"sqlite:///{Path(url).resolve()}"
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        return parsed.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
    return url


def is_sqlite(url: str) -> bool:
    return make_url(normalise_url(url)).get_backend_name() == "sqlite"


def make_engine(url: str, **kwargs: Any) -> Engine:
    url = normalise_url(url)
    if is_sqlite(url):
        database = make_url(url).database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30}, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    # A connection the database dropped (restart) fails one request with 503, is
    # discarded, and the kiosk tries again. 8 + 8 per worker keeps four workers (and their
    # few event-loop connections for new requests) under PostgreSQL's default limit of
    # 100 connections; a bigger pool measured no faster.
    options: dict[str, Any] = {"pool_size": 8, "max_overflow": 8, "pool_recycle": 600}
    engine = create_engine(url, **{**options, **kwargs})
    event.listen(engine, "connect", _postgres_durable)
    return engine


def _postgres_durable(dbapi_connection: Any, _record: Any) -> None:
    # A request is confirmed to the kiosk only after its commit is durable. A server set
    # to synchronous_commit=off answers COMMIT before the WAL reaches the disk and may
    # lose the last confirmed requests in a crash: not for our sessions. ('local' and
    # the stronger replication levels are kept as the administrator set them.)
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("SHOW synchronous_commit")
        row = cursor.fetchone()
        if row is not None and row[0] == "off":
            cursor.execute("SET synchronous_commit = on")
    finally:
        cursor.close()
    dbapi_connection.commit()


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # A request is confirmed to the kiosk only after its commit reached the disk.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    # Deleted content (a purged phone number) is overwritten with zeros, not left in
    # free space of the file.
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def migrate(url: str) -> None:
    """Bring the database's schema to the newest version (idempotent)."""
    from alembic import command  # noqa: PLC0415 - only the CLI and tests migrate
    from alembic.config import Config  # noqa: PLC0415

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", normalise_url(url).replace("%", "%%"))
    command.upgrade(cfg, "head")
