"""Guide packs: the packs staff published, and which pack each kiosk shows.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from kiosk.helpdesk.server.db import UtcDateTime

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "guide_packs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("version", sa.String(64), nullable=False, unique=True),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("manifest", sa.LargeBinary, nullable=False),
        sa.Column("signature", sa.String(64), nullable=False),
        sa.Column("content", sa.LargeBinary),
        sa.Column("guides", sa.Text, nullable=False),
        sa.Column("warnings", sa.Integer, nullable=False, server_default="0"),
        sa.Column("published_by", sa.String(60), nullable=False),
        sa.Column("published_at", UtcDateTime, nullable=False),
    )
    op.create_table(
        "kiosk_guide_packs",
        sa.Column(
            "kiosk_id",
            sa.Integer,
            sa.ForeignKey("kiosks.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("version", sa.String(64)),
        sa.Column("problem", sa.String(300)),
        sa.Column("reported_at", UtcDateTime, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("kiosk_guide_packs")
    op.drop_table("guide_packs")
