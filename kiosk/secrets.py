"""Small secrets of the kiosk (the help desk's device token and pinned certificate, later
the admin PIN hash), get/set/delete by name.

They live in the OS keyring through ``keyring``, with the backend chosen explicitly (never
whatever ``keyring`` guesses, and never a backend that would put a password prompt on the
kiosk's screen): Windows Credential Manager, the macOS Keychain, or the Secret Service on
Linux when the kiosk user's session offers one whose default keyring is unlocked. A kiosk
user on Linux often has no unlocked keyring; then a JSON file in the data folder, readable
and writable only by the service account (mode 0600, in a 0700 folder), is used. The
choice is made once per process; :func:`describe` says in plain words which store is in
use (for ``kiosk doctor``). Pure Python: no Qt.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import tempfile
import threading
from pathlib import Path
from typing import Protocol

from kiosk import paths

SERVICE = "digituki-kiosk"
FALLBACK_FILE_NAME = "secrets.json"


class SecretStore(Protocol):
    def get(self, name: str) -> str | None: ...
    def set(self, name: str, value: str) -> None: ...
    def delete(self, name: str) -> None: ...
    def describe(self) -> str: ...


class SecretStoreError(Exception):
    """The secret could not be read or written. ``str()`` is a plain message."""


class KeyringStore:
    """Secrets in an OS keyring, through one explicitly chosen ``keyring`` backend."""

    def __init__(self, backend: object, service: str = SERVICE) -> None:
        self.backend = backend
        self.service = service

    def get(self, name: str) -> str | None:
        try:
            value: str | None = self.backend.get_password(self.service, name)  # type: ignore[attr-defined]
        except Exception as exc:  # keyring backends raise many kinds; all mean "cannot read"
            raise SecretStoreError(f"the keyring could not be read ({type(exc).__name__})") from exc
        return value

    def set(self, name: str, value: str) -> None:
        try:
            self.backend.set_password(self.service, name, value)  # type: ignore[attr-defined]
        except Exception as exc:
            raise SecretStoreError(
                f"the keyring refused the secret ({type(exc).__name__})"
            ) from exc

    def delete(self, name: str) -> None:
        from keyring.errors import PasswordDeleteError  # noqa: PLC0415

        try:
            self.backend.delete_password(self.service, name)  # type: ignore[attr-defined]
        except PasswordDeleteError:
            pass  # already gone
        except Exception as exc:
            raise SecretStoreError(f"the keyring could not delete ({type(exc).__name__})") from exc

    def describe(self) -> str:
        kind = type(self.backend)
        name = _KEYRING_NAMES.get(f"{kind.__module__}.{kind.__name__}", kind.__name__)
        return f"the OS keyring of this account: {name}"


#: Plain names of the keyring backends the kiosk chooses from.
_KEYRING_NAMES = {
    "keyring.backends.Windows.WinVaultKeyring": "Windows Credential Manager",
    "keyring.backends.macOS.Keyring": "the macOS Keychain",
    "keyring.backends.SecretService.Keyring": "the desktop keyring (Secret Service)",
}


class FileStore:
    """Fallback: a JSON file only the service account can read (0600 in a 0700 folder)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def _read(self) -> dict[str, str]:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {}
        except OSError as exc:
            raise SecretStoreError(f"the secrets file cannot be read: {exc.strerror}") from exc
        try:
            data = json.loads(text)
        except ValueError:
            # A damaged file is set aside (not deleted) and the kiosk pairs again.
            with contextlib.suppress(OSError):
                self.path.replace(self.path.with_suffix(".damaged"))
            return {}
        return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}

    def _write(self, data: dict[str, str]) -> None:
        folder = self.path.parent
        folder.mkdir(parents=True, exist_ok=True)
        if sys.platform != "win32":
            folder.chmod(0o700)
        fd, tmp = tempfile.mkstemp(prefix=".secrets-", dir=folder)
        try:
            if sys.platform != "win32":
                os.fchmod(fd, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(data, handle)
                handle.flush()
                os.fsync(handle.fileno())
            Path(tmp).replace(self.path)
        except OSError as exc:
            with contextlib.suppress(OSError):
                Path(tmp).unlink()
            raise SecretStoreError(f"the secrets file cannot be written: {exc.strerror}") from exc

    def get(self, name: str) -> str | None:
        return self._read().get(name)

    def set(self, name: str, value: str) -> None:
        data = self._read()
        data[name] = value
        self._write(data)

    def delete(self, name: str) -> None:
        data = self._read()
        if data.pop(name, None) is not None:
            self._write(data)

    def describe(self) -> str:
        return (
            f"a file only this account can read ({self.path}); "
            "no OS keyring was found, or it was locked"
        )


def fallback_path() -> Path:
    return paths.data_dir() / "private" / FALLBACK_FILE_NAME


def _os_backend() -> object | None:
    """The keyring backend for this OS, if it works here; never keyring's own guess."""
    try:
        if sys.platform == "win32":
            from keyring.backends.Windows import WinVaultKeyring  # noqa: PLC0415

            backend: object = WinVaultKeyring()
        elif sys.platform == "darwin":
            from keyring.backends.macOS import Keyring  # noqa: PLC0415

            backend = Keyring()
        else:
            if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
                return None
            from keyring.backends.SecretService import Keyring as SecretServiceKeyring  # noqa: PLC0415

            backend = SecretServiceKeyring()
        # A backend whose requirements are missing reports a priority it cannot meet.
        if type(backend).priority <= 0:
            return None
        if sys.platform not in ("win32", "darwin") and not _secret_service_unlocked():
            return None
    except Exception:  # any failure means "no usable keyring here"
        return None
    return backend


def _secret_service_unlocked() -> bool:
    """Whether the Secret Service's default keyring exists and is unlocked.

    keyring would create a missing one or unlock a locked one, and either puts a password
    prompt on the screen: on a kiosk, in front of a visitor. Asking does neither.
    """
    from contextlib import closing  # noqa: PLC0415

    import secretstorage  # noqa: PLC0415

    with closing(secretstorage.dbus_init()) as connection:
        try:
            collection = secretstorage.Collection(connection)  # the "default" alias
        except secretstorage.exceptions.ItemNotFoundException:
            return False
        return not collection.is_locked()


_override: SecretStore | None = None
#: The OS keyring backend chosen for this process (None: none), once chosen.
_chosen: tuple[object | None] | None = None
_choosing = threading.Lock()


def use_store(store: SecretStore | None) -> None:
    """Replace the store for this process (tests; ``None`` chooses again, as at start)."""
    global _override, _chosen  # noqa: PLW0603 - one process-wide choice, like keyring's own
    _override = store
    _chosen = None


def default_store() -> SecretStore:
    """The store in use: chosen once per process, so a token is never looked for in one
    store after it was written to another (and the session bus is asked only once)."""
    global _chosen  # noqa: PLW0603
    if _override is not None:
        return _override
    with _choosing:
        if _chosen is None:
            _chosen = (_os_backend(),)
        backend = _chosen[0]
    return KeyringStore(backend) if backend is not None else FileStore(fallback_path())


def get(name: str) -> str | None:
    return default_store().get(name)


def set(name: str, value: str) -> None:  # get/set/delete is the API
    default_store().set(name, value)


def delete(name: str) -> None:
    default_store().delete(name)


def describe() -> str:
    """Which store holds the kiosk's secrets, in plain words (for ``kiosk doctor``)."""
    return default_store().describe()
