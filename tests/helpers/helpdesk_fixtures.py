"""Fixtures shared by the help-desk tests; each test folder's conftest imports them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk import secrets
from tests.helpers.helpdesk_pg import PostgresCluster
from tests.helpers.helpdesk_servers import FakeClock, LiveServer, Seeded, seed


class MemoryKeyring:
    """A ``keyring`` backend that keeps secrets in a dict (tests only)."""

    priority = 1

    def __init__(self) -> None:
        self.values: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, name: str) -> str | None:
        return self.values.get((service, name))

    def set_password(self, service: str, name: str, value: str) -> None:
        self.values[(service, name)] = value

    def delete_password(self, service: str, name: str) -> None:
        from keyring.errors import PasswordDeleteError

        if (service, name) not in self.values:
            raise PasswordDeleteError(name)
        del self.values[(service, name)]


@pytest.fixture(autouse=True)
def memory_secrets() -> Iterator[MemoryKeyring]:
    """No test touches the machine's real keyring."""
    backend = MemoryKeyring()
    secrets.use_store(secrets.KeyringStore(backend))
    yield backend
    secrets.use_store(None)


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PostgresCluster]:
    cluster = PostgresCluster().start()
    yield cluster
    cluster.stop()


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'helpdesk.sqlite3'}"
    cluster: PostgresCluster = request.getfixturevalue("pg_cluster")
    return cluster.new_database()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def live(database_url: str, clock: FakeClock) -> Iterator[LiveServer]:
    server = LiveServer(database_url, clock).start()
    yield server
    server.stop()


@pytest.fixture
def seeded(live: LiveServer) -> Seeded:
    return seed(live.url, live.state.store)
