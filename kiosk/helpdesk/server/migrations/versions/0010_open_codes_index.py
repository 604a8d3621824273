"""The codes index holds open requests only: a new request's candidate codes are looked
up among the centre's open requests, but the old index (0002) held every request ever
made, so each lookup of a two-digit code also visited the dozens of closed requests that
once had it, and read each of their rows for its state. The lookup grew with the
centre's history (73 us against 21 us a request with 15 000 closed requests, measured);
with a partial index it stays the size of the line. Closed requests also leave the
index, so it stays small.

The condition must read exactly as the queries' (``intake._is_open``, ``pg_batch``'s
``_OPEN``: the open states, sorted) for SQLite to use the index;
``tests/e2e/helpdesk/test_helpdesk_code_index.py`` checks that it does.

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

#: The open states as the queries write them; frozen here, as a migration must be.
OPEN = sa.text("state IN ('calling', 'coming', 'seen', 'waiting')")


def upgrade() -> None:
    op.create_index(
        "ix_requests_open_code",
        "requests",
        ["centre_id", "code"],
        sqlite_where=OPEN,
        postgresql_where=OPEN,
    )
    op.drop_index("ix_requests_centre_code", table_name="requests")


def downgrade() -> None:
    op.create_index("ix_requests_centre_code", "requests", ["centre_id", "code"])
    op.drop_index("ix_requests_open_code", table_name="requests")
