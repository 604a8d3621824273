"""Screen shares: each share's times and why it ended, and its events on the request.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from kiosk.helpdesk.server.db import UtcDateTime

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "shares",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("request_id", sa.String(36), sa.ForeignKey("requests.id"), nullable=False),
        sa.Column("centre_id", sa.Integer, sa.ForeignKey("centres.id"), nullable=False),
        sa.Column("kiosk_id", sa.Integer, sa.ForeignKey("kiosks.id"), nullable=False),
        sa.Column("staff_id", sa.Integer, nullable=False),
        sa.Column("supporter", sa.String(30)),
        sa.Column("state", sa.String(10), nullable=False),
        sa.Column("asked_at", UtcDateTime, nullable=False),
        sa.Column("started_at", UtcDateTime),
        sa.Column("expires_at", UtcDateTime),
        sa.Column("kiosk_seen_at", UtcDateTime),
        sa.Column("paused", sa.String(20), nullable=False, server_default=""),
        sa.Column("ended_at", UtcDateTime),
        sa.Column("end_reason", sa.String(20)),
    )
    op.create_index("ix_shares_request", "shares", ["request_id"])
    op.create_table(
        "share_events",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("share_id", sa.String(36), nullable=False),
        sa.Column("request_id", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(24), nullable=False),
        sa.Column("detail", sa.String(20)),
        sa.Column("at", UtcDateTime, nullable=False),
    )
    op.create_index("ix_share_events_request", "share_events", ["request_id"])


def downgrade() -> None:
    op.drop_index("ix_share_events_request", table_name="share_events")
    op.drop_table("share_events")
    op.drop_index("ix_shares_request", table_name="shares")
    op.drop_table("shares")
