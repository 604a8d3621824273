"""The kiosk's own small SQLite files (the help-request outbox, the statistics): opened
durable, and a damaged one moved aside for a new one instead of stopping the kiosk.

Pure Python (sqlite3).
"""

from __future__ import annotations

import logging
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

log = logging.getLogger("kiosk")


def connect(path: Path, schema: str, version: int, what: str) -> sqlite3.Connection:
    """A connection (autocommit, any thread) to ``path`` with ``schema`` at ``version``:
    write-ahead log, synced commits, deleted rows overwritten (``secure_delete``)."""
    conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        # What was deleted (a call-back number, a session's events) must not linger in
        # free pages.
        conn.execute("PRAGMA secure_delete=ON")
        conn.execute("PRAGMA foreign_keys=ON")
        found = conn.execute("PRAGMA user_version").fetchone()[0]
        if found not in (0, version):
            raise ValueError(f"unknown {what} version {found}")
        conn.executescript(schema)
        conn.execute(f"PRAGMA user_version={version}")
        if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise sqlite3.DatabaseError("quick_check failed")
    except BaseException:
        conn.close()
        raise
    return conn


def open_or_replace(
    path: Path, schema: str, version: int, what: str
) -> tuple[sqlite3.Connection, str | None]:
    """:func:`connect`, or, if the file is not a readable one, move it (and its log files)
    aside, start a new one and return a plain sentence for the admin view with it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        return connect(path, schema, version, what), None
    except (sqlite3.DatabaseError, ValueError) as exc:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        aside = path.with_name(f"{path.name}.broken-{stamp}")
        for suffix in ("", "-wal", "-shm"):
            source = Path(f"{path}{suffix}")
            if source.exists():
                source.replace(Path(f"{aside}{suffix}"))
        message = (
            f"The {what} was damaged ({type(exc).__name__}); it was moved aside to "
            f"{aside.name} and a new one was started."
        )
        log.error(message)
        return connect(path, schema, version, what), message
