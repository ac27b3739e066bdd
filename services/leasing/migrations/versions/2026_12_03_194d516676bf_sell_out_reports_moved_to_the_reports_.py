"""sell-out reports moved to the reports service

R-WA-9 is served by reports from leasing's contract events; the reports frozen here are not carried
over (a service never reads another's schema), and the downgrade brings the table back empty.

Revision ID: 194d516676bf
Revises: e8497a4582d5
Create Date: 2026-12-03 13:17:37.417005
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "194d516676bf"
down_revision: str | None = "e8497a4582d5"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_table("sell_out_reports", schema="leasing")


def downgrade() -> None:
    op.create_table(
        "sell_out_reports",
        sa.Column("id", sa.UUID(), autoincrement=False, nullable=False),
        sa.Column("manufacturer", sa.TEXT(), autoincrement=False, nullable=False),
        sa.Column("period", sa.VARCHAR(length=7), autoincrement=False, nullable=False),
        sa.Column("rows", postgresql.JSONB(astext_type=sa.Text()), autoincrement=False, nullable=False),
        sa.Column(
            "created_at",
            postgresql.TIMESTAMP(timezone=True),
            server_default=sa.text("now()"),
            autoincrement=False,
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sell_out_reports")),
        sa.UniqueConstraint("manufacturer", "period", name=op.f("uq_sell_out_reports_manufacturer_period")),
        schema="leasing",
    )
