"""Admin end-to-end tests: the help desk's fixtures (a live server, a memory keyring)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.helpers.helpdesk_fixtures import (  # noqa: F401 - fixtures
    live,
    memory_secrets,
    pg_cluster,
    seeded,
)


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'helpdesk.sqlite3'}"


@pytest.fixture
def clock() -> Callable[[], datetime]:
    """The real time: the staff page's one-time code must match the kiosk's clock."""
    return lambda: datetime.now(UTC)
