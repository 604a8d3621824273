"""The fleet: each kiosk's one-time admin code secret (made at pairing) and remote
commands from the staff page to one kiosk (pending, delivered, done, failed, expired).

Revision ID: 0004_admin_fleet
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from kiosk.helpdesk.server.db import UtcDateTime

revision = "0004_admin_fleet"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "kiosk_admin_secrets",
        sa.Column(
            "kiosk_id",
            sa.Integer,
            sa.ForeignKey("kiosks.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("secret", sa.String(64), nullable=False),
        sa.Column("created_at", UtcDateTime, nullable=False),
    )
    op.create_table(
        "kiosk_commands",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "kiosk_id", sa.Integer, sa.ForeignKey("kiosks.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("centre_id", sa.Integer, sa.ForeignKey("centres.id"), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("state", sa.String(12), nullable=False),
        sa.Column("created_by", sa.String(60), nullable=False),
        sa.Column("created_at", UtcDateTime, nullable=False),
        sa.Column("expires_at", UtcDateTime, nullable=False),
        sa.Column("delivered_at", UtcDateTime),
        sa.Column("finished_at", UtcDateTime),
        sa.Column("detail", sa.String(200)),
    )
    op.create_index("ix_kiosk_commands_kiosk_state", "kiosk_commands", ["kiosk_id", "state"])


def downgrade() -> None:
    op.drop_index("ix_kiosk_commands_kiosk_state", table_name="kiosk_commands")
    op.drop_table("kiosk_commands")
    op.drop_table("kiosk_admin_secrets")
