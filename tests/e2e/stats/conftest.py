"""Statistics end-to-end: the real help desk (SQLite, and PostgreSQL where it matters),
the kiosk's real uploader, the page in Chromium."""

from tests.helpers.helpdesk_fixtures import (  # noqa: F401 - fixtures
    clock,
    database_url,
    live,
    memory_secrets,
    pg_cluster,
    seeded,
)
