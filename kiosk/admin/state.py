"""The verifier's state on disk: the PIN's argon2id hash, the TOTP secret, and the
failure counter with its lock-out. Pure Python.

In an installed kiosk the folder belongs to root (Windows: SYSTEM and Administrators),
mode 0700, the file 0600: the kiosk's own user can neither read nor change it (the
verifier service reads it for the kiosk). Writes are atomic (a new file, synced, renamed
over the old one), and a lock file keeps two writers (the service and ``kiosk admin
set-pin``) apart. A damaged file is never taken for an empty one: the verifier then
refuses every code until the PIN is set again.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import threading
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from kiosk.admin.throttle import Attempts

STATE_FILE = "verifier.json"
LOCK_FILE = "verifier.lock"
FORMAT = 1


class StateError(Exception):
    """The state cannot be read or written; ``str()`` is a plain message."""


class DamagedStateError(StateError):
    """The state file is there but is not a verifier state."""


@dataclass(frozen=True, slots=True)
class VerifierState:
    pin_hash: str | None = None
    totp_secret: str | None = None
    attempts: Attempts = field(default_factory=Attempts)
    #: The time step of the last one-time code that was used (no code works twice).
    last_code_step: int = -1

    def to_json(self) -> str:
        raw = asdict(self)
        raw["format"] = FORMAT
        return json.dumps(raw, indent=1)

    @classmethod
    def from_json(cls, text: str) -> VerifierState:
        raw = json.loads(text)
        if not isinstance(raw, dict) or raw.get("format") != FORMAT:
            raise ValueError("not a verifier state of a known format")
        attempts = raw.get("attempts") or {}
        known = {f.name for f in fields(Attempts)}
        return cls(
            pin_hash=_str_or_none(raw.get("pin_hash")),
            totp_secret=_str_or_none(raw.get("totp_secret")),
            attempts=Attempts(**{k: v for k, v in attempts.items() if k in known}),
            last_code_step=int(raw.get("last_code_step", -1)),
        )


def _str_or_none(value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError("a text field is not text")
    return value


class StateStore:
    """The state in ``folder``; made with mode 0700 (files 0600) when missing."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / STATE_FILE
        self._thread_lock = threading.Lock()

    def ensure_folder(self) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as exc:
            raise StateError(f"the admin state folder {self.folder} cannot be made: {exc}") from exc

    def load(self) -> VerifierState:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return VerifierState()
        except OSError as exc:
            raise StateError(f"the admin state cannot be read: {exc.strerror}") from exc
        try:
            return VerifierState.from_json(text)
        except (ValueError, TypeError) as exc:
            raise DamagedStateError(
                "the admin state is damaged; set the PIN again (kiosk admin set-pin)"
            ) from exc

    def load_or_empty(self) -> VerifierState:
        """The state, or an empty one in place of a damaged file (setting a new PIN)."""
        try:
            return self.load()
        except DamagedStateError:
            return VerifierState()

    def save(self, state: VerifierState) -> None:
        self.ensure_folder()
        temporary = self.path.with_name(f".{STATE_FILE}.{os.getpid()}.new")
        try:
            fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write(state.to_json())
                out.flush()
                os.fsync(out.fileno())
            temporary.replace(self.path)
            _sync_folder(self.folder)
        except OSError as exc:
            with contextlib.suppress(OSError):
                temporary.unlink()
            raise StateError(f"the admin state cannot be written: {exc.strerror}") from exc

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """Only one reader-and-writer at a time, across threads and processes."""
        with self._thread_lock:
            self.ensure_folder()
            try:
                fd = os.open(self.folder / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o600)
            except OSError as exc:
                raise StateError(f"the admin state cannot be locked: {exc.strerror}") from exc
            try:
                _lock(fd)
                yield
            finally:
                os.close(fd)  # closing releases the lock


def _lock(fd: int) -> None:
    if sys.platform == "win32":  # pragma: no cover - Windows only
        import msvcrt  # noqa: PLC0415

        msvcrt.locking(fd, msvcrt.LK_LOCK, 1)  # type: ignore[attr-defined]
    else:
        import fcntl  # noqa: PLC0415

        fcntl.flock(fd, fcntl.LOCK_EX)


def _sync_folder(folder: Path) -> None:
    if sys.platform == "win32":  # pragma: no cover - no directory fsync on Windows
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
