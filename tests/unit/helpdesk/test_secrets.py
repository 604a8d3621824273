"""The kiosk's secret store: OS keyring through an explicit backend, or a private file."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from kiosk import secrets
from tests.helpers.helpdesk_fixtures import MemoryKeyring


def test_keyring_store_get_set_delete(memory_secrets: MemoryKeyring) -> None:
    assert secrets.get("helpdesk-token x") is None
    secrets.set("helpdesk-token x", "abc")
    assert secrets.get("helpdesk-token x") == "abc"
    assert memory_secrets.values[(secrets.SERVICE, "helpdesk-token x")] == "abc"
    secrets.delete("helpdesk-token x")
    secrets.delete("helpdesk-token x")  # already gone: fine
    assert secrets.get("helpdesk-token x") is None
    assert "MemoryKeyring" in secrets.describe()


def test_file_store_is_private(tmp_path: Path) -> None:
    store = secrets.FileStore(tmp_path / "private" / "secrets.json")
    store.set("admin-pin", "hash")
    store.set("token", "t")
    assert store.get("admin-pin") == "hash"
    store.delete("admin-pin")
    assert store.get("admin-pin") is None and store.get("token") == "t"
    mode = stat.S_IMODE(store.path.stat().st_mode)
    assert mode == 0o600
    assert stat.S_IMODE(store.path.parent.stat().st_mode) == 0o700
    assert "no OS keyring" in store.describe()


def test_damaged_file_is_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "secrets.json"
    path.write_text("{not json")
    store = secrets.FileStore(path)
    assert store.get("token") is None
    assert path.with_suffix(".damaged").exists()


def test_without_a_session_bus_the_file_is_used(
    monkeypatch: pytest.MonkeyPatch, kiosk_dirs: dict[str, Path]
) -> None:
    secrets.use_store(None)
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    store = secrets.default_store()
    assert isinstance(store, secrets.FileStore)
    assert store.path.is_relative_to(kiosk_dirs["data"])


def test_keyring_failures_become_plain_errors() -> None:
    class Broken(MemoryKeyring):
        def get_password(self, service: str, name: str) -> str | None:
            raise RuntimeError("locked")

    with pytest.raises(secrets.SecretStoreError, match="could not be read"):
        secrets.KeyringStore(Broken()).get("x")


def test_keyrings_own_guess_is_never_used(
    monkeypatch: pytest.MonkeyPatch, kiosk_dirs: dict[str, Path]
) -> None:
    import keyring
    import keyring.core

    def guessed() -> None:
        raise AssertionError("keyring's own choice was asked for")

    monkeypatch.setattr(keyring, "get_keyring", guessed)
    monkeypatch.setattr(keyring.core, "get_keyring", guessed)
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={kiosk_dirs['data']}/no-bus")
    secrets.use_store(None)
    secrets.set("helpdesk-token x", "abc")  # a bus that is not there: the private file
    assert secrets.get("helpdesk-token x") == "abc"
    assert isinstance(secrets.default_store(), secrets.FileStore)


def test_the_store_is_chosen_once_per_process(
    monkeypatch: pytest.MonkeyPatch, kiosk_dirs: dict[str, Path]
) -> None:
    asked: list[int] = []
    monkeypatch.setattr(secrets, "_os_backend", lambda: asked.append(1))
    secrets.use_store(None)
    first = secrets.describe()
    secrets.get("x")
    secrets.set("x", "y")
    assert secrets.describe() == first
    assert asked == [1]
    secrets.use_store(None)  # as a new process would
    secrets.describe()
    assert asked == [1, 1]


def test_describe_names_the_keyring_in_plain_words() -> None:
    from keyring.backends.SecretService import Keyring as SecretServiceKeyring

    store = secrets.KeyringStore(SecretServiceKeyring())
    assert (
        store.describe() == "the OS keyring of this account: the desktop keyring (Secret Service)"
    )
