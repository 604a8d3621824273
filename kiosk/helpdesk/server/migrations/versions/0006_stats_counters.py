"""Statistics: each kiosk's daily counters, the centres' staffed hours, and how a help
request was resolved (on site or remote).

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from kiosk.helpdesk.server.db import UtcDateTime

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("requests") as batch:
        batch.add_column(sa.Column("resolved_via", sa.String(10)))
    op.create_table(
        "stats_days",
        sa.Column("kiosk_id", sa.Integer, sa.ForeignKey("kiosks.id"), primary_key=True),
        sa.Column("day", sa.Date, primary_key=True),
        sa.Column("centre_id", sa.Integer, sa.ForeignKey("centres.id"), nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("counts", sa.Text, nullable=False),
        sa.Column("received_at", UtcDateTime, nullable=False),
    )
    op.create_index("ix_stats_days_centre_day", "stats_days", ["centre_id", "day"])
    op.create_table(
        "stats_staffed_hours",
        sa.Column("centre_id", sa.Integer, sa.ForeignKey("centres.id"), primary_key=True),
        sa.Column("hours", sa.String(200), nullable=False),
        sa.Column("updated_at", UtcDateTime, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("stats_staffed_hours")
    op.drop_index("ix_stats_days_centre_day", table_name="stats_days")
    op.drop_table("stats_days")
    with op.batch_alter_table("requests") as batch:
        batch.drop_column("resolved_via")
