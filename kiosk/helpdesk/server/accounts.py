"""Staff accounts, logins and sessions.

Passwords are hashed with argon2id; there is no default account (``kiosk helpdesk
add-staff`` makes each one). Failed logins are counted per user name and per address
(only sha256 digests are kept) and refused for a while after too many. A session is a
random token in an HttpOnly cookie, stored hashed, with its own CSRF token.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, select, update

from kiosk.helpdesk import model
from kiosk.helpdesk.server import db
from kiosk.helpdesk.server.store import ConflictError, NotFoundError, Store, token_hash

SESSION_LIFETIME = timedelta(hours=12)
THROTTLE_WINDOW = timedelta(minutes=15)
MAX_FAILURES_PER_USER = 5
MAX_FAILURES_PER_ADDRESS = 20
MIN_PASSWORD_LEN = 10

_hasher = PasswordHasher()
# Verifying against this when the user does not exist takes as long as a real check.
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))


@dataclass(frozen=True, slots=True)
class StaffMember:
    id: int
    username: str
    display_name: str
    #: The centres this person serves; None: all of them.
    centre_ids: frozenset[int] | None
    on_duty: bool


@dataclass(frozen=True, slots=True)
class StaffSession:
    staff: StaffMember
    csrf_token: str


class ThrottledError(Exception):
    """Too many failed logins; try again later."""


def _failure_key(kind: str, value: str) -> str:
    return hashlib.sha256(f"{kind}:{value.lower()}".encode()).hexdigest()


def _member(row: object) -> StaffMember:
    centre_text: str | None = getattr(row, "centre_ids", None)
    centre_ids = (
        frozenset(int(part) for part in centre_text.split(",") if part)
        if centre_text is not None
        else None
    )
    return StaffMember(
        id=row.id,  # type: ignore[attr-defined]
        username=row.username,  # type: ignore[attr-defined]
        display_name=row.display_name,  # type: ignore[attr-defined]
        centre_ids=centre_ids,
        on_duty=bool(row.on_duty),  # type: ignore[attr-defined]
    )


class Accounts:
    def __init__(self, store: Store) -> None:
        self.store = store

    def add_staff(
        self,
        username: str,
        password: str,
        *,
        display_name: str = "",
        centres: list[str] | None = None,
    ) -> StaffMember:
        username = username.strip().lower()
        if not username or len(username) > 60 or not username.replace(".", "").isalnum():
            raise ValueError("a user name has letters, digits and dots, at most 60")
        if len(password) < MIN_PASSWORD_LEN:
            raise ValueError(f"a password needs at least {MIN_PASSWORD_LEN} characters")
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
                    password_hash=_hasher.hash(password),
                    centre_ids=centre_ids,
                    on_duty=False,
                    created_at=self.store.clock(),
                )
            )
        return self.by_username(username)

    def set_password(self, username: str, password: str) -> None:
        if len(password) < MIN_PASSWORD_LEN:
            raise ValueError(f"a password needs at least {MIN_PASSWORD_LEN} characters")
        with self.store.write() as (conn, _):
            result = conn.execute(
                update(db.staff)
                .where(db.staff.c.username == username.lower())
                .values(password_hash=_hasher.hash(password))
            )
            if result.rowcount == 0:
                raise NotFoundError(f"no staff member called {username!r}")

    def by_username(self, username: str) -> StaffMember:
        with self.store.engine.connect() as conn:
            row = conn.execute(select(db.staff).where(db.staff.c.username == username)).first()
        if row is None:
            raise NotFoundError(f"no staff member called {username!r}")
        return _member(row)

    def count(self) -> int:
        with self.store.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(db.staff)).scalar_one())

    def login(self, username: str, password: str, address: str) -> tuple[str, StaffSession] | None:
        """A new session (cookie token, session) or None; raises ThrottledError."""
        now = self.store.clock()
        keys = (_failure_key("user", username), _failure_key("ip", address))
        with self.store.engine.connect() as conn:
            counts = [
                conn.execute(
                    select(func.count()).where(
                        db.login_failures.c.key == key,
                        db.login_failures.c.at > now - THROTTLE_WINDOW,
                    )
                ).scalar_one()
                for key in keys
            ]
            row = conn.execute(
                select(db.staff).where(db.staff.c.username == username.strip().lower())
            ).first()
        if counts[0] >= MAX_FAILURES_PER_USER or counts[1] >= MAX_FAILURES_PER_ADDRESS:
            raise ThrottledError
        if not _verify(row.password_hash if row else _DUMMY_HASH, password) or row is None:
            with self.store.write() as (conn, _):
                conn.execute(db.login_failures.insert(), [{"key": k, "at": now} for k in keys])
            return None
        token = secrets.token_urlsafe(32)
        csrf = secrets.token_urlsafe(32)
        with self.store.write() as (conn, _):
            conn.execute(delete(db.login_failures).where(db.login_failures.c.key == keys[0]))
            conn.execute(
                db.staff_sessions.insert().values(
                    token_hash=token_hash(token),
                    staff_id=row.id,
                    csrf_token=csrf,
                    expires_at=now + SESSION_LIFETIME,
                )
            )
        return token, StaffSession(_member(row), csrf)

    def session(self, token: str) -> StaffSession | None:
        with self.store.engine.connect() as conn:
            row = conn.execute(
                select(db.staff, db.staff_sessions.c.csrf_token, db.staff_sessions.c.expires_at)
                .join(db.staff_sessions, db.staff_sessions.c.staff_id == db.staff.c.id)
                .where(db.staff_sessions.c.token_hash == token_hash(token))
            ).first()
        if row is None or row.expires_at <= self.store.clock():
            return None
        return StaffSession(_member(row), row.csrf_token)

    def logout(self, token: str) -> None:
        with self.store.write() as (conn, _):
            conn.execute(
                delete(db.staff_sessions).where(db.staff_sessions.c.token_hash == token_hash(token))
            )

    def set_on_duty(self, staff_id: int, on_duty: bool) -> None:
        with self.store.write() as (conn, events):
            conn.execute(update(db.staff).where(db.staff.c.id == staff_id).values(on_duty=on_duty))
            events.append({"type": "duty", "staff_id": staff_id, "on_duty": on_duty})

    def on_duty(self, centre_ids: frozenset[int] | None) -> list[StaffMember]:
        """Who is on duty for any of these centres (None: any centre)."""
        with self.store.engine.connect() as conn:
            rows = conn.execute(select(db.staff).where(db.staff.c.on_duty.is_(True))).all()
        members = [_member(row) for row in rows]
        if centre_ids is None:
            return members
        return [m for m in members if m.centre_ids is None or m.centre_ids & centre_ids]

    def purge(self) -> None:
        """Forget expired sessions and old login failures."""
        now = self.store.clock()
        with self.store.write() as (conn, _):
            conn.execute(delete(db.staff_sessions).where(db.staff_sessions.c.expires_at <= now))
            conn.execute(
                delete(db.login_failures).where(db.login_failures.c.at <= now - THROTTLE_WINDOW)
            )


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False
