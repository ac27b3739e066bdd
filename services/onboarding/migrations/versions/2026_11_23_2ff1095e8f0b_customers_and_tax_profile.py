"""customers and tax profile

Revision ID: 2ff1095e8f0b
Revises: 0e35c77685c5
Create Date: 2026-11-23 11:48:16.055577
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "2ff1095e8f0b"
down_revision: str | None = "0e35c77685c5"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "customers",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("reseller_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("domain", sa.Text(), nullable=True),
        sa.Column("primary_email", sa.Text(), nullable=True),
        sa.Column("education", sa.Boolean(), nullable=False),
        sa.Column("crm_id", sa.Text(), nullable=True),
        sa.Column("language", sa.Text(), nullable=True),
        sa.Column("time_zone", sa.Text(), nullable=True),
        sa.Column("contacts", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column("domain_verified_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("domain_verified_by", sa.Text(), nullable=True),
        sa.Column("terms_accepted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("terms_accepted_by", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["reseller_id"], ["onboarding.resellers.id"], name=op.f("fk_customers_reseller_id_resellers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customers")),
        sa.UniqueConstraint("domain", name=op.f("uq_customers_domain")),
        schema="onboarding",
    )
    op.create_index(
        op.f("ix_onboarding_customers_primary_email"),
        "customers",
        ["primary_email"],
        unique=False,
        schema="onboarding",
    )
    op.create_index(
        op.f("ix_onboarding_customers_reseller_id"),
        "customers",
        ["reseller_id"],
        unique=False,
        schema="onboarding",
    )
    op.create_table(
        "exemption_certificates",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("reseller_id", sa.Uuid(), nullable=False),
        sa.Column("state", sa.String(length=2), nullable=False),
        sa.Column("number", sa.Text(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=False),
        sa.Column("uploaded_by", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("replaced_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["reseller_id"],
            ["onboarding.resellers.id"],
            name=op.f("fk_exemption_certificates_reseller_id_resellers"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exemption_certificates")),
        schema="onboarding",
    )
    op.create_index(
        op.f("ix_onboarding_exemption_certificates_reseller_id"),
        "exemption_certificates",
        ["reseller_id"],
        unique=False,
        schema="onboarding",
    )
    op.create_index(
        "uq_exemption_certificates_current",
        "exemption_certificates",
        ["reseller_id"],
        unique=True,
        schema="onboarding",
        postgresql_where=sa.text("replaced_at IS NULL"),
    )
    op.create_table(
        "customer_users",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("reseller_id", sa.Uuid(), nullable=True),
        sa.Column("email", sa.Text(), nullable=True),
        sa.Column("admin", sa.Boolean(), nullable=False),
        sa.Column("occupies_seat", sa.Boolean(), nullable=False),
        sa.Column("reseller_discount_applies", sa.Boolean(), nullable=False),
        sa.Column("created_by", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["onboarding.customers.id"], name=op.f("fk_customer_users_customer_id_customers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customer_users")),
        sa.UniqueConstraint("customer_id", "email", name=op.f("uq_customer_users_customer_id_email")),
        schema="onboarding",
    )
    op.create_index(
        op.f("ix_onboarding_customer_users_customer_id"),
        "customer_users",
        ["customer_id"],
        unique=False,
        schema="onboarding",
    )
    op.create_table(
        "transfer_tokens",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("token_hash", sa.Text(), nullable=False),
        sa.Column("product_family", sa.Text(), nullable=False),
        sa.Column("issued_by", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("used_by_reseller_id", sa.Uuid(), nullable=True),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["onboarding.customers.id"],
            name=op.f("fk_transfer_tokens_customer_id_customers"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_transfer_tokens")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_transfer_tokens_token_hash")),
        schema="onboarding",
    )
    op.create_index(
        op.f("ix_onboarding_transfer_tokens_customer_id"),
        "transfer_tokens",
        ["customer_id"],
        unique=False,
        schema="onboarding",
    )


def downgrade() -> None:
    op.drop_index(
        op.f("ix_onboarding_transfer_tokens_customer_id"), table_name="transfer_tokens", schema="onboarding"
    )
    op.drop_table("transfer_tokens", schema="onboarding")
    op.drop_index(
        op.f("ix_onboarding_customer_users_customer_id"), table_name="customer_users", schema="onboarding"
    )
    op.drop_table("customer_users", schema="onboarding")
    op.drop_index(
        "uq_exemption_certificates_current",
        table_name="exemption_certificates",
        schema="onboarding",
        postgresql_where=sa.text("replaced_at IS NULL"),
    )
    op.drop_index(
        op.f("ix_onboarding_exemption_certificates_reseller_id"),
        table_name="exemption_certificates",
        schema="onboarding",
    )
    op.drop_table("exemption_certificates", schema="onboarding")
    op.drop_index(op.f("ix_onboarding_customers_reseller_id"), table_name="customers", schema="onboarding")
    op.drop_index(op.f("ix_onboarding_customers_primary_email"), table_name="customers", schema="onboarding")
    op.drop_table("customers", schema="onboarding")
