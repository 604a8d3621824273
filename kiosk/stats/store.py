"""The kiosk's statistics file: the current session's events, and the daily counters.

One SQLite file in the kiosk's data folder (``stats.sqlite3``):

* ``journal``: the events of the session going on now, and the day it started. At the
  end of the session they are folded into that day's counters and deleted, in one
  transaction, and the write-ahead log is emptied: after that nothing links one event of
  the visitor to another (no session id exists anywhere). A journal left by a kiosk that
  stopped during a session is folded when it starts again.
* ``counts`` and ``days``: each day's counters and their revision (one more with every
  session folded in) and the revision the help desk has confirmed. The uploader sends
  the days whose revision it has not confirmed; days are kept for weeks offline.

A file that is not a readable statistics file is moved aside and a new one started, with
a line in :attr:`StatsStore.problems`: counting never stops the kiosk. Thread-safe.
Pure Python: no Qt.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from kiosk import paths, sqlite_files
from kiosk.stats.events import Event, ForbiddenValueError, from_wire
from kiosk.stats.metrics import Counts, Metric, fold_session

log = logging.getLogger("kiosk.stats")

FILE_NAME = "stats.sqlite3"
SCHEMA_VERSION = 1
#: Days the help desk has confirmed are kept this long (for the admin view), then deleted.
KEEP_UPLOADED_DAYS = 14
#: Days never confirmed are kept this long (a kiosk offline for a year still reports).
KEEP_DAYS = 400

_SCHEMA = """
CREATE TABLE IF NOT EXISTS journal (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    day TEXT NOT NULL,
    event TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS days (
    day TEXT PRIMARY KEY,
    revision INTEGER NOT NULL,
    uploaded INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS counts (
    day TEXT NOT NULL REFERENCES days (day) ON DELETE CASCADE,
    metric TEXT NOT NULL,
    key TEXT NOT NULL,
    n INTEGER NOT NULL CHECK (n > 0),
    PRIMARY KEY (day, metric, key)
);
"""


@dataclass(frozen=True, slots=True)
class Day:
    """One day's counters as the uploader sends them."""

    day: date
    revision: int
    counts: Counts


def default_path() -> Path:
    return paths.data_dir() / FILE_NAME


class StatsStore:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_path()
        self.problems: list[str] = []
        self._lock = threading.Lock()
        self._conn = self._open()

    # -- the file ------------------------------------------------------------------------
    def _open(self) -> sqlite3.Connection:
        conn, problem = sqlite_files.open_or_replace(
            self.path, _SCHEMA, SCHEMA_VERSION, "statistics file"
        )
        if problem:
            self.problems.append(problem)
        return conn

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    # -- the session going on now -----------------------------------------------------------
    def append(self, day: date, event: Event) -> None:
        """Keep one event of the session going on now (which started on ``day``)."""
        if not isinstance(event, Event):
            raise ForbiddenValueError("only statistics events are kept")
        with self._lock:
            self._conn.execute(
                "INSERT INTO journal (day, event) VALUES (?, ?)",
                (day.isoformat(), json.dumps(event.to_wire(), sort_keys=True)),
            )

    def journal(self) -> list[Event]:
        """The events of the session going on now (or left by one that was cut short)."""
        with self._lock:
            rows = self._conn.execute("SELECT event FROM journal ORDER BY seq").fetchall()
        events = []
        for (text,) in rows:
            try:
                events.append(from_wire(json.loads(text)))
            except (ValueError, ForbiddenValueError):
                log.warning("left out an unreadable statistics event")
        return events

    def journal_size(self) -> int:
        with self._lock:
            return int(self._conn.execute("SELECT count(*) FROM journal").fetchone()[0])

    def fold_journal(self) -> Counts:
        """Fold the session's events into its day's counters and delete them (one
        transaction), then empty the write-ahead log. Returns what was added."""
        with self._lock:
            rows = self._conn.execute("SELECT day, event FROM journal ORDER BY seq").fetchall()
        events: list[Event] = []
        for _day, text in rows:
            try:
                events.append(from_wire(json.loads(text)))
            except (ValueError, ForbiddenValueError):
                log.warning("left out an unreadable statistics event")
        counts = fold_session(events)
        day = rows[0][0] if rows else None
        with self._lock:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
                if counts and day is not None:
                    self._add(day, counts)
                self._conn.execute("DELETE FROM journal")
                self._conn.execute("COMMIT")
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            finally:
                self._forget_on_disk()
        return counts

    def discard_journal(self) -> None:
        """Delete the session's events without counting them (when folding failed)."""
        with self._lock:
            self._conn.execute("DELETE FROM journal")
            self._forget_on_disk()

    def _forget_on_disk(self) -> None:
        # The write-ahead log holds the events until it is checkpointed and emptied.
        self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def _add(self, day: str, counts: Counts) -> None:
        self._conn.execute(
            "INSERT INTO days (day, revision) VALUES (?, 1) "
            "ON CONFLICT (day) DO UPDATE SET revision = revision + 1",
            (day,),
        )
        for metric in Metric:
            for key, n in counts.items(metric):
                self._conn.execute(
                    "INSERT INTO counts (day, metric, key, n) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT (day, metric, key) DO UPDATE SET n = n + excluded.n",
                    (day, metric.value, key, n),
                )

    # -- the days ----------------------------------------------------------------------------
    def day(self, day: date) -> Day | None:
        with self._lock:
            row = self._conn.execute(
                "SELECT revision FROM days WHERE day = ?", (day.isoformat(),)
            ).fetchone()
            if row is None:
                return None
            rows = self._conn.execute(
                "SELECT metric, key, n FROM counts WHERE day = ?", (day.isoformat(),)
            ).fetchall()
        counts = Counts()
        for metric, key, n in rows:
            try:
                counts.add(Metric(metric), key, n)
            except ValueError:
                log.warning("left out an unknown statistics counter")
        return Day(day, int(row[0]), counts)

    def days(self) -> list[date]:
        with self._lock:
            rows = self._conn.execute("SELECT day FROM days ORDER BY day").fetchall()
        return [date.fromisoformat(r[0]) for r in rows]

    def pending(self) -> list[Day]:
        """Days with counts the help desk has not confirmed, oldest first."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT day FROM days WHERE revision > uploaded ORDER BY day"
            ).fetchall()
        found = [self.day(date.fromisoformat(r[0])) for r in rows]
        return [d for d in found if d is not None]

    def confirmed(self, day: date, revision: int) -> None:
        """The help desk has ``day`` up to ``revision``."""
        with self._lock:
            self._conn.execute(
                "UPDATE days SET uploaded = max(uploaded, ?) WHERE day = ?",
                (revision, day.isoformat()),
            )

    def refused(self, day: date) -> None:
        """The help desk refused ``day`` for good: it is not sent again (a log line says why)."""
        with self._lock:
            self._conn.execute(
                "UPDATE days SET uploaded = revision WHERE day = ?", (day.isoformat(),)
            )

    def prune(self, today: date) -> int:
        """Delete confirmed days older than :data:`KEEP_UPLOADED_DAYS` and any day older
        than :data:`KEEP_DAYS`; returns how many days went."""
        confirmed_before = (today - timedelta(days=KEEP_UPLOADED_DAYS)).isoformat()
        any_before = (today - timedelta(days=KEEP_DAYS)).isoformat()
        with self._lock:
            lost = self._conn.execute(
                "SELECT count(*) FROM days WHERE day < ? AND revision > uploaded", (any_before,)
            ).fetchone()[0]
            cursor = self._conn.execute(
                "DELETE FROM days WHERE (day < ? AND revision <= uploaded) OR day < ?",
                (confirmed_before, any_before),
            )
        if lost:
            log.warning("deleted %d day(s) of statistics never delivered (too old)", lost)
        return int(cursor.rowcount)
