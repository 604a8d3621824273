"""Screen shares: when a supporter last had the share open (a share nobody watches ends).

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from kiosk.helpdesk.server.db import UtcDateTime

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("shares") as batch:
        batch.add_column(sa.Column("viewer_seen_at", UtcDateTime))


def downgrade() -> None:
    with op.batch_alter_table("shares") as batch:
        batch.drop_column("viewer_seen_at")
