"""Counting failed logins and pairing attempts, without a lock-out button for others.

Every attempt first *reserves* a failure, atomically with the check of the limits (one
transaction; on PostgreSQL the table is locked for that moment, so concurrent guesses
from several workers are counted one by one). A successful attempt gives its
reservation back. So 30 guesses sent at once get at most the limit's worth of password
checks; the rest are refused before any hash is computed.

Limits, in a window of 15 minutes:

- one name from one address: 5 failures, then that address may not try that name;
- one address: 20 failures, then that address may not try any name;
- one name from anywhere: no lock (anyone on the network could otherwise lock a
  colleague out), but each further try is slowed down, up to :data:`MAX_DELAY_S`.
- pairing codes from one address: 10 failures.

Behind a reverse proxy every client has the proxy's address unless the proxy is named
in the ``trusted_proxies`` setting: then one visitor's guesses could refuse everyone's
logins, which is why the README says to set it. Only sha256 digests of names and
addresses are stored, and the security log names neither.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete, func, select, text

from kiosk.helpdesk.server import db
from kiosk.helpdesk.server.store import Store

WINDOW = timedelta(minutes=15)
MAX_PER_NAME_AND_ADDRESS = 5
MAX_PER_ADDRESS = 20
MAX_PAIRING_PER_ADDRESS = 10
SLOW_DOWN_AFTER = 10
MAX_DELAY_S = 8.0

security_log = logging.getLogger("kiosk.helpdesk.security")


def failure_key(kind: str, *parts: str) -> str:
    joined = "\x1f".join(parts)
    return hashlib.sha256(f"{kind}:{joined}".encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class Reservation:
    row_ids: tuple[int, ...]
    #: How long to wait before checking the password (the name is being guessed at).
    delay_s: float


class Throttle:
    def __init__(self, store: Store) -> None:
        self.store = store

    def reserve(
        self, limits: list[tuple[str, int | None]], slow_key: str | None = None
    ) -> Reservation | None:
        """Count one more failure against each key, or None when a limit is reached.

        ``limits`` pairs each key with its limit (None: counted, never refused);
        ``slow_key``'s count decides the delay.
        """
        now = self.store.clock()
        since = now - WINDOW
        with self.store.write() as (conn, _):
            if self.store.is_postgres:
                # Count-then-insert must not interleave between workers.
                conn.execute(text("LOCK TABLE login_failures IN SHARE ROW EXCLUSIVE MODE"))
            counts: dict[str, int] = {}
            for key, _limit in limits:
                counts[key] = int(
                    conn.execute(
                        select(func.count()).where(
                            db.login_failures.c.key == key, db.login_failures.c.at > since
                        )
                    ).scalar_one()
                )
            if any(limit is not None and counts[key] >= limit for key, limit in limits):
                return None
            ids = tuple(
                int(
                    conn.execute(
                        db.login_failures.insert()
                        .values(key=key, at=now)
                        .returning(db.login_failures.c.id)
                    ).scalar_one()
                )
                for key, _limit in limits
            )
        over = counts.get(slow_key, 0) - SLOW_DOWN_AFTER if slow_key else -1
        delay = 0.0 if over < 0 else min(MAX_DELAY_S, 0.5 * 2**over)
        return Reservation(ids, delay)

    def release(self, reservation: Reservation, clear: tuple[str, ...] = ()) -> None:
        """The attempt did not fail: give back its reservation, and forget ``clear``'s."""
        with self.store.write() as (conn, _):
            conn.execute(
                delete(db.login_failures).where(db.login_failures.c.id.in_(reservation.row_ids))
            )
            if clear:
                conn.execute(delete(db.login_failures).where(db.login_failures.c.key.in_(clear)))

    def purge(self) -> None:
        with self.store.write() as (conn, _):
            conn.execute(
                delete(db.login_failures).where(
                    db.login_failures.c.at <= self.store.clock() - WINDOW
                )
            )
