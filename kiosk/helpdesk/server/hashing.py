"""Password hashing (argon2id) behind a small gate.

One argon2 check takes 64 MiB and most of a core for a moment. Run in the server's
shared thread pool, 40 logins at once took the server from 89 MiB to 2.2 GiB and
delayed kiosks' heartbeats by seconds. Here checks run on their own two threads, a few
more may wait, and anything beyond that is refused at once (:class:`BusyError`, the API
answers 429): a flood costs memory for two hashes, never for forty.
"""

from __future__ import annotations

import asyncio
import secrets
from concurrent.futures import ThreadPoolExecutor

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

hasher = PasswordHasher()
#: Checked when the user does not exist, so that an unknown name takes as long.
DUMMY_HASH = hasher.hash(secrets.token_urlsafe(16))


class BusyError(Exception):
    """Too many password checks at once; try again in a moment."""


def verify(password_hash: str | None, password: str) -> bool:
    try:
        return hasher.verify(password_hash or DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


class HashGate:
    """At most ``workers`` checks at once and ``queue_limit`` waiting; the rest: busy."""

    def __init__(self, workers: int = 2, queue_limit: int = 8) -> None:
        self.workers = workers
        self.limit = workers + queue_limit
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="argon2")
        self._in_flight = 0  # touched on the event loop only

    @property
    def in_flight(self) -> int:
        return self._in_flight

    async def verify(self, password_hash: str | None, password: str) -> bool:
        if self._in_flight >= self.limit:
            raise BusyError
        self._in_flight += 1
        try:
            loop = asyncio.get_running_loop()
            return await loop.run_in_executor(self._pool, verify, password_hash, password)
        finally:
            self._in_flight -= 1

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
