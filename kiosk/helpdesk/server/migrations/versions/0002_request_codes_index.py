"""An index for the codes of a centre's requests: a new request's code is checked against
the open ones by looking up a few candidates, not by reading every open request.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_requests_centre_code", "requests", ["centre_id", "code"])


def downgrade() -> None:
    op.drop_index("ix_requests_centre_code", table_name="requests")
