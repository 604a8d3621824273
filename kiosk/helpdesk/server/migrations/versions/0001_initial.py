"""The first schema: centres, kiosks, pairing codes, staff, sessions, requests.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from kiosk.helpdesk.server.db import UtcDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "centres",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(100), nullable=False, unique=True),
        sa.Column("created_at", UtcDateTime, nullable=False),
    )
    op.create_table(
        "kiosks",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("centre_id", sa.Integer, sa.ForeignKey("centres.id"), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("created_at", UtcDateTime, nullable=False),
        sa.Column("last_seen_at", UtcDateTime),
        sa.Column("health", sa.Text),
    )
    op.create_table(
        "pair_codes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("centre_id", sa.Integer, sa.ForeignKey("centres.id"), nullable=False),
        sa.Column("code_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("kiosk_name", sa.String(100), nullable=False),
        sa.Column("expires_at", UtcDateTime, nullable=False),
        sa.Column("used_at", UtcDateTime),
    )
    op.create_table(
        "staff",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("username", sa.String(60), nullable=False, unique=True),
        sa.Column("display_name", sa.String(60), nullable=False),
        sa.Column("password_hash", sa.String(200), nullable=False),
        sa.Column("centre_ids", sa.String(400)),
        sa.Column("on_duty", sa.Boolean, nullable=False),
        sa.Column("created_at", UtcDateTime, nullable=False),
    )
    op.create_table(
        "staff_sessions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column(
            "staff_id",
            sa.Integer,
            sa.ForeignKey("staff.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("csrf_token", sa.String(64), nullable=False),
        sa.Column("expires_at", UtcDateTime, nullable=False),
    )
    op.create_table(
        "login_failures",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("key", sa.String(64), nullable=False, index=True),
        sa.Column("at", UtcDateTime, nullable=False),
    )
    op.create_table(
        "requests",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("centre_id", sa.Integer, sa.ForeignKey("centres.id"), nullable=False),
        sa.Column("kiosk_id", sa.Integer, sa.ForeignKey("kiosks.id"), nullable=False),
        sa.Column("code", sa.String(12)),
        sa.Column("topic", sa.String(20), nullable=False),
        sa.Column("guide_id", sa.String(80)),
        sa.Column("step", sa.Integer),
        sa.Column("phone", sa.String(20)),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("outcome", sa.String(20)),
        sa.Column("message", sa.String(200)),
        sa.Column("minutes", sa.Integer),
        sa.Column("staff_name", sa.String(60)),
        sa.Column("visitor_left", sa.Boolean, nullable=False),
        sa.Column("created_at", UtcDateTime, nullable=False),
        sa.Column("updated_at", UtcDateTime, nullable=False),
        sa.Column("seen_at", UtcDateTime),
        sa.Column("taken_at", UtcDateTime),
        sa.Column("closed_at", UtcDateTime),
    )
    op.create_index(
        "ix_requests_centre_state_created", "requests", ["centre_id", "state", "created_at"]
    )


def downgrade() -> None:
    op.drop_index("ix_requests_centre_state_created", table_name="requests")
    for table in (
        "requests",
        "login_failures",
        "staff_sessions",
        "staff",
        "pair_codes",
        "kiosks",
        "centres",
    ):
        op.drop_table(table)
