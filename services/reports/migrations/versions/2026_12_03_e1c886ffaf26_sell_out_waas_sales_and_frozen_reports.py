"""sell-out: waas sales and frozen reports

R-WA-9 moves from leasing: the WaaS sales are built from leasing's contract events, and the monthly
job freezes its reports here from now on.

Revision ID: e1c886ffaf26
Revises: ecd2bf2eb5ee
Create Date: 2026-12-03 13:17:50.154618
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "e1c886ffaf26"
down_revision: str | None = "ecd2bf2eb5ee"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sell_out_reports",
        sa.Column("manufacturer", sa.Text(), nullable=False),
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.Column("rows", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("frozen_as_of", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("manufacturer", "period", name=op.f("pk_sell_out_reports")),
        schema="reports",
    )
    op.create_table(
        "waas_sales",
        sa.Column("contract_id", sa.Uuid(), nullable=False),
        sa.Column("reseller_id", sa.Uuid(), nullable=False),
        sa.Column("manufacturer", sa.Text(), nullable=False),
        sa.Column("bundle", sa.Text(), nullable=False),
        sa.Column("hardware_model", sa.Text(), nullable=False),
        sa.Column("units", sa.Integer(), nullable=False),
        sa.Column("partner_country", sa.String(length=2), nullable=True),
        sa.Column("customer_country", sa.String(length=2), nullable=True),
        sa.Column("leased_on", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("contract_id", name=op.f("pk_waas_sales")),
        schema="reports",
    )
    op.create_index(
        "ix_waas_sales_manufacturer_leased_on",
        "waas_sales",
        ["manufacturer", "leased_on"],
        unique=False,
        schema="reports",
    )


def downgrade() -> None:
    op.drop_index("ix_waas_sales_manufacturer_leased_on", table_name="waas_sales", schema="reports")
    op.drop_table("waas_sales", schema="reports")
    op.drop_table("sell_out_reports", schema="reports")
