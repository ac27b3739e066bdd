"""subscriptions

Revision ID: 39a4ec2a6e56
Revises: be1483c1f03d
Create Date: 2026-11-23 11:49:10.266889
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "39a4ec2a6e56"
down_revision: str | None = "be1483c1f03d"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "subscriptions",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("reseller_id", sa.Uuid(), nullable=False),
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("sku", sa.Text(), nullable=False),
        sa.Column("product", sa.Text(), nullable=False),
        sa.Column("seats", sa.Integer(), nullable=False),
        sa.Column("term_months", sa.Integer(), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("trial", sa.Boolean(), nullable=False),
        sa.Column("converted_on", sa.Date(), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("unit_msrp", sa.Numeric(precision=18, scale=4), nullable=False),
        sa.Column("discount_percent", sa.Numeric(precision=5, scale=2), nullable=False),
        sa.Column("unit_price", sa.Numeric(precision=18, scale=4), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint(
            "status IN ('active', 'trial', 'expired', 'cancelled')",
            name=op.f("ck_subscriptions_status_known"),
        ),
        sa.CheckConstraint("seats >= 1", name=op.f("ck_subscriptions_seats_positive")),
        sa.CheckConstraint("term_months IN (1, 12)", name=op.f("ck_subscriptions_term_months_allowed")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_subscriptions")),
        schema="ordering",
    )
    op.create_index(
        op.f("ix_ordering_subscriptions_customer_id"),
        "subscriptions",
        ["customer_id"],
        unique=False,
        schema="ordering",
    )
    op.create_index(
        op.f("ix_ordering_subscriptions_reseller_id"),
        "subscriptions",
        ["reseller_id"],
        unique=False,
        schema="ordering",
    )
    op.create_table(
        "seat_purchases",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("subscription_id", sa.Uuid(), nullable=False),
        sa.Column("added", sa.Integer(), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("months_charged", sa.Integer(), nullable=False),
        sa.Column("unit_price", sa.Numeric(precision=18, scale=4), nullable=False),
        sa.Column("net", sa.Numeric(precision=18, scale=4), nullable=False),
        sa.Column("tax", sa.Numeric(precision=18, scale=4), nullable=False),
        sa.Column("total", sa.Numeric(precision=18, scale=4), nullable=False),
        sa.Column("tax_regime", sa.Text(), nullable=False),
        sa.Column("tax_rate", sa.Numeric(precision=6, scale=4), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["subscription_id"],
            ["ordering.subscriptions.id"],
            name=op.f("fk_seat_purchases_subscription_id_subscriptions"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_seat_purchases")),
        schema="ordering",
    )
    op.create_index(
        op.f("ix_ordering_seat_purchases_subscription_id"),
        "seat_purchases",
        ["subscription_id"],
        unique=False,
        schema="ordering",
    )
    op.create_table(
        "subscription_periods",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("subscription_id", sa.Uuid(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("end", sa.Date(), nullable=False),
        sa.Column("seats", sa.Integer(), nullable=False),
        sa.Column("unit_price", sa.Numeric(precision=18, scale=4), nullable=False),
        sa.Column("net", sa.Numeric(precision=18, scale=4), nullable=False),
        sa.Column("tax", sa.Numeric(precision=18, scale=4), nullable=False),
        sa.Column("total", sa.Numeric(precision=18, scale=4), nullable=False),
        sa.Column("tax_regime", sa.Text(), nullable=False),
        sa.Column("tax_rate", sa.Numeric(precision=6, scale=4), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["subscription_id"],
            ["ordering.subscriptions.id"],
            name=op.f("fk_subscription_periods_subscription_id_subscriptions"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_subscription_periods")),
        sa.UniqueConstraint(
            "subscription_id", "number", name=op.f("uq_subscription_periods_subscription_id_number")
        ),
        schema="ordering",
    )
    op.create_index(
        op.f("ix_ordering_subscription_periods_subscription_id"),
        "subscription_periods",
        ["subscription_id"],
        unique=False,
        schema="ordering",
    )


def downgrade() -> None:
    op.drop_index(
        op.f("ix_ordering_subscription_periods_subscription_id"),
        table_name="subscription_periods",
        schema="ordering",
    )
    op.drop_table("subscription_periods", schema="ordering")
    op.drop_index(
        op.f("ix_ordering_seat_purchases_subscription_id"), table_name="seat_purchases", schema="ordering"
    )
    op.drop_table("seat_purchases", schema="ordering")
    op.drop_index(
        op.f("ix_ordering_subscriptions_reseller_id"), table_name="subscriptions", schema="ordering"
    )
    op.drop_index(
        op.f("ix_ordering_subscriptions_customer_id"), table_name="subscriptions", schema="ordering"
    )
    op.drop_table("subscriptions", schema="ordering")
