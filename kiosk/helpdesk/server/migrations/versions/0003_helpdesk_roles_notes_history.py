"""Staff roles, a request's private note and call attempts, and today's history.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from kiosk.helpdesk.server.db import UtcDateTime

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("staff") as batch:
        batch.add_column(sa.Column("role", sa.String(20), nullable=False, server_default="staff"))
    with op.batch_alter_table("requests") as batch:
        batch.add_column(sa.Column("note", sa.String(200)))
        batch.add_column(sa.Column("call_attempts", sa.Integer, nullable=False, server_default="0"))
        batch.add_column(sa.Column("last_call_at", UtcDateTime))
    op.create_table(
        "handling_log",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("centre_id", sa.Integer, sa.ForeignKey("centres.id"), nullable=False),
        sa.Column("request_id", sa.String(36), nullable=False),
        sa.Column("code", sa.String(12)),
        sa.Column("topic", sa.String(20), nullable=False),
        sa.Column("kiosk_id", sa.Integer, nullable=False),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("staff_name", sa.String(60)),
        sa.Column("detail", sa.String(60)),
        sa.Column("at", UtcDateTime, nullable=False),
    )
    op.create_index("ix_handling_log_centre_at", "handling_log", ["centre_id", "at"])


def downgrade() -> None:
    op.drop_index("ix_handling_log_centre_at", table_name="handling_log")
    op.drop_table("handling_log")
    with op.batch_alter_table("requests") as batch:
        batch.drop_column("last_call_at")
        batch.drop_column("call_attempts")
        batch.drop_column("note")
    with op.batch_alter_table("staff") as batch:
        batch.drop_column("role")
