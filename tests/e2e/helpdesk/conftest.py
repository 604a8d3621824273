"""Help-desk end-to-end tests: the real app, a temporary SQLite file or a real PostgreSQL."""

from tests.helpers.helpdesk_fixtures import (  # noqa: F401 - fixtures
    clock,
    database_url,
    live,
    memory_secrets,
    pg_cluster,
    seeded,
)
from tests.helpers.helpdesk_page import browser  # noqa: F401 - fixture
