"""The kiosk's durable outbox: what it owes the help desk, kept until the server confirms.

A SQLite file in the kiosk's *data* folder (not the session folder: a wipe must not lose
a request that is still on its way). Each operation (create a request, cancel one) is
committed to disk before the visitor is told "sent", and is deleted only after the
server confirmed it; sending it again is harmless because the server knows the request
by the id the kiosk made. A file that is not a readable outbox is moved aside, reported
through :attr:`Outbox.problems`, and a new one is started: never a crash.

Pure Python (sqlite3); thread-safe.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from kiosk import paths, sqlite_files

log = logging.getLogger("kiosk.helpdesk")

FILE_NAME = "helpdesk-outbox.sqlite3"
SCHEMA_VERSION = 1

Kind = Literal["create", "cancel"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS ops (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL CHECK (kind IN ('create', 'cancel')),
    request_id TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS dead (
    seq INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    request_id TEXT NOT NULL,
    reason TEXT NOT NULL,
    at TEXT NOT NULL
);
"""


@dataclass(frozen=True, slots=True)
class Op:
    seq: int
    kind: Kind
    request_id: str
    body: dict[str, Any]
    attempts: int = 0


def default_path() -> Path:
    return paths.data_dir() / FILE_NAME


class Outbox:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_path()
        self.problems: list[str] = []
        self._lock = threading.Lock()
        self._conn = self._open()

    def _open(self) -> sqlite3.Connection:
        conn, problem = sqlite_files.open_or_replace(
            self.path, _SCHEMA, SCHEMA_VERSION, "help-request outbox"
        )
        if problem:
            self.problems.append(problem)
        return conn

    def add(self, kind: Kind, request_id: str, body: dict[str, Any]) -> int:
        """Store an operation durably (committed and synced) and return its number."""
        with self._lock:
            cursor = self._conn.execute(
                "INSERT INTO ops (kind, request_id, body, created_at) VALUES (?, ?, ?, ?)",
                (kind, request_id, json.dumps(body), datetime.now(UTC).isoformat()),
            )
            return int(cursor.lastrowid or 0)

    def pending(self, limit: int = 50) -> list[Op]:
        with self._lock:
            rows = self._conn.execute(
                "SELECT seq, kind, request_id, body, attempts FROM ops ORDER BY seq LIMIT ?",
                (limit,),
            ).fetchall()
        ops = []
        for seq, kind, request_id, body, attempts in rows:
            try:
                data = json.loads(body)
            except ValueError:
                self.give_up(seq, "unreadable entry")
                continue
            ops.append(Op(seq, kind, request_id, data, attempts))
        return ops

    def done(self, seq: int) -> None:
        with self._lock:
            self._conn.execute("DELETE FROM ops WHERE seq = ?", (seq,))
            self._forget_on_disk()

    def _forget_on_disk(self) -> None:
        # The write-ahead log still holds the inserted row until it is checkpointed and
        # emptied: then what was deleted is gone from every file of the outbox.
        self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def retried(self, seq: int) -> None:
        with self._lock:
            self._conn.execute("UPDATE ops SET attempts = attempts + 1 WHERE seq = ?", (seq,))

    def give_up(self, seq: int, reason: str) -> None:
        """The server refused this for good (invalid): keep a note, drop the contents."""
        with self._lock:
            row = self._conn.execute(
                "SELECT kind, request_id FROM ops WHERE seq = ?", (seq,)
            ).fetchone()
            if row is None:
                return
            self._conn.execute("BEGIN IMMEDIATE")
            self._conn.execute(
                "INSERT OR REPLACE INTO dead (seq, kind, request_id, reason, at) "
                "VALUES (?, ?, ?, ?, ?)",
                (seq, row[0], row[1], reason[:200], datetime.now(UTC).isoformat()),
            )
            self._conn.execute("DELETE FROM ops WHERE seq = ?", (seq,))
            self._conn.execute("COMMIT")
            self._forget_on_disk()
        log.error("the help desk refused a %s for good: %s", row[0], reason[:200])

    def count(self) -> int:
        with self._lock:
            return int(self._conn.execute("SELECT count(*) FROM ops").fetchone()[0])

    def dead_letters(self) -> list[tuple[str, str, str]]:
        """(kind, reason, time) of what the server refused for good, for the admin view."""
        with self._lock:
            rows = self._conn.execute("SELECT kind, reason, at FROM dead ORDER BY seq").fetchall()
        return [(r[0], r[1], r[2]) for r in rows]

    def close(self) -> None:
        with self._lock:
            self._conn.close()
