"""reseller names and standings, seats in use

Revision ID: ecd2bf2eb5ee
Revises: a788b0c4882e
Create Date: 2026-12-03 09:08:34.305108
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "ecd2bf2eb5ee"
down_revision: str | None = "a788b0c4882e"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "reseller_views",
        sa.Column("reseller_id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("company_name", sa.Text(), nullable=False),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("standing", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "standing IN ('new', 'established', 'prepay_required')",
            name=op.f("ck_reseller_views_standing_known"),
        ),
        sa.CheckConstraint(
            "status IN ('pending_policy', 'active', 'suspended')", name=op.f("ck_reseller_views_status_known")
        ),
        sa.PrimaryKeyConstraint("reseller_id", name=op.f("pk_reseller_views")),
        schema="reports",
    )
    op.add_column(
        "seat_usage", sa.Column("active", sa.Integer(), server_default="0", nullable=False), schema="reports"
    )


def downgrade() -> None:
    op.drop_column("seat_usage", "active", schema="reports")
    op.drop_table("reseller_views", schema="reports")
