"""An index for a kiosk's open requests: a new request checks how many its kiosk has open
(the per-kiosk cap) by a range of this index, not by reading the whole table, which
keeps every closed request of every day.

Revision ID: 0005
Revises: 0004_admin_fleet
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004_admin_fleet"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_requests_kiosk_state", "requests", ["kiosk_id", "state"])


def downgrade() -> None:
    op.drop_index("ix_requests_kiosk_state", table_name="requests")
