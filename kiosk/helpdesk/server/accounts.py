"""Staff accounts, logins and sessions.

Passwords are hashed with argon2id (:mod:`hashing`, at most two checks at once); there
is no default account (``kiosk helpdesk add-staff`` makes each one). Failed logins are
counted before any password is checked (:mod:`throttle`). A session is a random token in
an HttpOnly cookie, stored hashed, with its own CSRF token. Ending a session (sign-out,
``end-sessions``, a new password, a removed account) emits a ``session_ended`` event,
which closes the session's open event streams in every worker.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, select, update
from starlette.concurrency import run_in_threadpool

from kiosk.helpdesk import model
from kiosk.helpdesk.server import db
from kiosk.helpdesk.server.hashing import HashGate, hasher
from kiosk.helpdesk.server.roles import Permission, Role, can
from kiosk.helpdesk.server.store import ConflictError, NotFoundError, Store, token_hash
from kiosk.helpdesk.server.throttle import (
    MAX_PER_ADDRESS,
    MAX_PER_NAME_AND_ADDRESS,
    Throttle,
    failure_key,
    security_log,
)

SESSION_LIFETIME = timedelta(hours=12)
MIN_PASSWORD_LEN = 10

log = logging.getLogger("kiosk.helpdesk.server")


@dataclass(frozen=True, slots=True)
class StaffMember:
    id: int
    username: str
    display_name: str
    #: The centres this person serves; None: all of them.
    centre_ids: frozenset[int] | None
    on_duty: bool
    role: Role = Role.STAFF

    def can(self, permission: Permission) -> bool:
        return can(self.role, permission)


@dataclass(frozen=True, slots=True)
class StaffSession:
    staff: StaffMember
    csrf_token: str
    #: sha256 of the cookie's token: how ``session_ended`` events name this session.
    token_hash: str = ""
    expires_at: datetime | None = None


class ThrottledError(Exception):
    """Too many failed logins; try again later."""


def normalise_username(username: str) -> str:
    """The one form of a user name, for look-ups and for the throttle's counts alike."""
    return unicodedata.normalize("NFKC", username).strip().lower()


def _member(row: Any) -> StaffMember:
    centre_text: str | None = getattr(row, "centre_ids", None)
    centre_ids = (
        frozenset(int(part) for part in centre_text.split(",") if part)
        if centre_text is not None
        else None
    )
    return StaffMember(
        id=row.id,
        username=row.username,
        display_name=row.display_name,
        centre_ids=centre_ids,
        on_duty=bool(row.on_duty),
        role=Role(row.role),
    )


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LEN:
        raise ValueError(f"a password needs at least {MIN_PASSWORD_LEN} characters")


class Accounts:
    def __init__(self, store: Store, gate: HashGate | None = None) -> None:
        self.store = store
        self.throttle = Throttle(store)
        self._gate = gate

    @property
    def gate(self) -> HashGate:
        if self._gate is None:
            self._gate = HashGate()
        return self._gate

    # -- managing accounts (the command line) -----------------------------------------

    def add_staff(
        self,
        username: str,
        password: str,
        *,
        display_name: str = "",
        centres: list[str] | None = None,
        role: Role = Role.STAFF,
    ) -> StaffMember:
        username = normalise_username(username)
        if not username or len(username) > 60 or not username.replace(".", "").isalnum():
            raise ValueError("a user name has letters, digits and dots, at most 60")
        _check_password(password)
        centre_ids = None
        if centres:
            centre_ids = ",".join(str(self.store.centre_id(name)) for name in centres)
        with self.store.write() as (conn, _):
            if conn.execute(select(db.staff.c.id).where(db.staff.c.username == username)).first():
                raise ConflictError(f"a staff member called {username!r} exists already")
            conn.execute(
                db.staff.insert().values(
                    username=username,
                    display_name=model.clean_line(display_name, model.MAX_NAME_LEN) or username,
                    password_hash=hasher.hash(password),
                    centre_ids=centre_ids,
                    on_duty=False,
                    role=Role(role).value,
                    created_at=self.store.clock(),
                )
            )
        return self.by_username(username)

    def set_password(self, username: str, password: str) -> int:
        """New password; every session of the account ends. Returns how many ended."""
        _check_password(password)
        member = self.by_username(username)
        with self.store.write() as (conn, events):
            conn.execute(
                update(db.staff)
                .where(db.staff.c.id == member.id)
                .values(password_hash=hasher.hash(password))
            )
            return self._end_sessions(conn, events, member.id)

    def set_role(self, username: str, role: Role) -> None:
        member = self.by_username(username)
        with self.store.write() as (conn, events):
            conn.execute(
                update(db.staff).where(db.staff.c.id == member.id).values(role=Role(role).value)
            )
            # What the open pages may do changed: they sign in again.
            self._end_sessions(conn, events, member.id)

    def remove_staff(self, username: str) -> None:
        member = self.by_username(username)
        with self.store.write() as (conn, events):
            self._end_sessions(conn, events, member.id)
            conn.execute(delete(db.staff).where(db.staff.c.id == member.id))

    def end_sessions(self, username: str | None = None) -> int:
        """Sign one member (or, with None, everybody) out everywhere; how many ended."""
        staff_id = self.by_username(username).id if username is not None else None
        with self.store.write() as (conn, events):
            return self._end_sessions(conn, events, staff_id)

    @staticmethod
    def _end_sessions(conn: Any, events: list[dict[str, Any]], staff_id: int | None) -> int:
        query = delete(db.staff_sessions)
        if staff_id is not None:
            query = query.where(db.staff_sessions.c.staff_id == staff_id)
        ended = int(conn.execute(query).rowcount or 0)
        events.append({"type": "session_ended", "staff_id": staff_id})
        return ended

    def by_username(self, username: str) -> StaffMember:
        name = normalise_username(username)
        with self.store.engine.connect() as conn:
            row = conn.execute(select(db.staff).where(db.staff.c.username == name)).first()
        if row is None:
            raise NotFoundError(f"no staff member called {name!r}")
        return _member(row)

    def members(self) -> list[StaffMember]:
        with self.store.engine.connect() as conn:
            rows = conn.execute(select(db.staff).order_by(db.staff.c.display_name)).all()
        return [_member(row) for row in rows]

    def count(self) -> int:
        with self.store.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(db.staff)).scalar_one())

    # -- signing in and out ---------------------------------------------------------------

    async def login(
        self, username: str, password: str, address: str
    ) -> tuple[str, StaffSession] | None:
        """A new session (cookie token, session) or None for a wrong name or password.

        Raises :class:`ThrottledError` (too many failures) or
        :class:`~kiosk.helpdesk.server.hashing.BusyError` (too many checks at once).
        """
        name = normalise_username(username)
        pair_key = failure_key("user-ip", name, address)
        name_key = failure_key("user", name)
        limits = [
            (pair_key, MAX_PER_NAME_AND_ADDRESS),
            (failure_key("ip", address), MAX_PER_ADDRESS),
            (name_key, None),
        ]
        reservation = await run_in_threadpool(self.throttle.reserve, limits, name_key)
        if reservation is None:
            security_log.warning("staff sign-in refused: too many recent failures")
            raise ThrottledError
        if reservation.delay_s:
            security_log.warning("staff sign-in slowed down: a name is being guessed at")
            await asyncio.sleep(reservation.delay_s)
        row = await run_in_threadpool(self._row, name)
        try:
            valid = await self.gate.verify(row.password_hash if row else None, password)
        except BaseException:  # busy, or the client went away: it was not a failure
            await run_in_threadpool(self.throttle.release, reservation)
            raise
        if not valid or row is None:
            security_log.info("staff sign-in failed: wrong user name or password")
            return None
        token = secrets.token_urlsafe(32)
        csrf = secrets.token_urlsafe(32)
        expires = self.store.clock() + SESSION_LIFETIME

        def open_session() -> None:
            self.throttle.release(reservation, clear=(pair_key,))
            with self.store.write() as (conn, _):
                conn.execute(
                    db.staff_sessions.insert().values(
                        token_hash=token_hash(token),
                        staff_id=row.id,
                        csrf_token=csrf,
                        expires_at=expires,
                    )
                )

        await run_in_threadpool(open_session)
        return token, StaffSession(_member(row), csrf, token_hash(token), expires)

    def _row(self, name: str) -> Any:
        with self.store.engine.connect() as conn:
            return conn.execute(select(db.staff).where(db.staff.c.username == name)).first()

    def session(self, token: str) -> StaffSession | None:
        digest = token_hash(token)
        with self.store.engine.connect() as conn:
            row = conn.execute(
                select(db.staff, db.staff_sessions.c.csrf_token, db.staff_sessions.c.expires_at)
                .join(db.staff_sessions, db.staff_sessions.c.staff_id == db.staff.c.id)
                .where(db.staff_sessions.c.token_hash == digest)
            ).first()
        if row is None or row.expires_at <= self.store.clock():
            return None
        return StaffSession(_member(row), row.csrf_token, digest, row.expires_at)

    def still_valid(self, session: StaffSession) -> bool:
        """Is this session still signed in (not ended, not expired)?"""
        with self.store.engine.connect() as conn:
            row = conn.execute(
                select(db.staff_sessions.c.expires_at).where(
                    db.staff_sessions.c.token_hash == session.token_hash
                )
            ).first()
        return row is not None and row.expires_at > self.store.clock()

    def logout(self, token: str) -> None:
        digest = token_hash(token)
        with self.store.write() as (conn, events):
            conn.execute(delete(db.staff_sessions).where(db.staff_sessions.c.token_hash == digest))
            events.append({"type": "session_ended", "session": digest})

    # -- duty -----------------------------------------------------------------------------

    def set_on_duty(self, staff_id: int, on_duty: bool) -> None:
        with self.store.write() as (conn, events):
            conn.execute(update(db.staff).where(db.staff.c.id == staff_id).values(on_duty=on_duty))
            events.append({"type": "duty", "staff_id": staff_id, "on_duty": on_duty})

    def on_duty(self, centre_ids: frozenset[int] | None) -> list[StaffMember]:
        """Who is on duty for any of these centres (None: any centre)."""
        return [m for m in self.serving(centre_ids) if m.on_duty]

    def serving(self, centre_ids: frozenset[int] | None) -> list[StaffMember]:
        """Everyone who serves any of these centres (None: any centre)."""
        members = self.members()
        if centre_ids is None:
            return members
        return [m for m in members if m.centre_ids is None or m.centre_ids & centre_ids]

    def purge(self) -> None:
        """Forget expired sessions and old login failures."""
        now = self.store.clock()
        with self.store.write() as (conn, _):
            conn.execute(delete(db.staff_sessions).where(db.staff_sessions.c.expires_at <= now))
        self.throttle.purge()
