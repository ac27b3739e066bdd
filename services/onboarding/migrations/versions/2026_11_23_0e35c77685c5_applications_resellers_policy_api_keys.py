"""applications resellers policy api keys

Revision ID: 0e35c77685c5
Revises:
Create Date: 2026-11-23 11:42:09.180352
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0e35c77685c5"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "api_keys",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("key_hash", sa.Text(), nullable=False),
        sa.Column("prefix", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("role", sa.Text(), nullable=False),
        sa.Column("reseller_id", sa.Uuid(), nullable=True),
        sa.Column("customer_id", sa.Uuid(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_keys")),
        sa.UniqueConstraint("key_hash", name=op.f("uq_api_keys_key_hash")),
        schema="onboarding",
    )
    op.create_index(
        op.f("ix_onboarding_api_keys_customer_id"),
        "api_keys",
        ["customer_id"],
        unique=False,
        schema="onboarding",
    )
    op.create_index(
        op.f("ix_onboarding_api_keys_reseller_id"),
        "api_keys",
        ["reseller_id"],
        unique=False,
        schema="onboarding",
    )
    op.create_table(
        "applications",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("company_name", sa.Text(), nullable=False),
        sa.Column("contact_email", sa.Text(), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("state", sa.String(length=2), nullable=True),
        sa.Column("vat_id", sa.Text(), nullable=True),
        sa.Column("business_type", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("reviewed_by", sa.Text(), nullable=True),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reseller_id", sa.Uuid(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_applications")),
        schema="onboarding",
    )
    op.create_table(
        "failed_events",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("consumer", sa.Text(), nullable=False),
        sa.Column("event_id", sa.Text(), nullable=True),
        sa.Column("event_type", sa.Text(), nullable=True),
        sa.Column("topic", sa.Text(), nullable=False),
        sa.Column("partition", sa.Integer(), nullable=False),
        sa.Column("offset", sa.BigInteger(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("error", sa.Text(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("status", sa.Text(), server_default="failed", nullable=False),
        sa.Column("failed_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("redriven_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_failed_events")),
        schema="onboarding",
    )
    op.create_table(
        "idempotency_keys",
        sa.Column("caller", sa.Text(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("method", sa.Text(), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("request_hash", sa.Text(), nullable=False),
        sa.Column("response_status", sa.Integer(), nullable=False),
        sa.Column("response_body", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("caller", "key", name=op.f("pk_idempotency_keys")),
        schema="onboarding",
    )
    op.create_table(
        "inbox",
        sa.Column("consumer", sa.Text(), nullable=False),
        sa.Column("event_id", sa.UUID(), nullable=False),
        sa.Column("event_type", sa.Text(), nullable=False),
        sa.Column(
            "processed_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False
        ),
        sa.PrimaryKeyConstraint("consumer", "event_id", name=op.f("pk_inbox")),
        schema="onboarding",
    )
    op.create_table(
        "outbox",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("event_id", sa.UUID(), nullable=False),
        sa.Column("topic", sa.Text(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("event_type", sa.Text(), nullable=False),
        sa.Column("envelope", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("attempts", sa.Integer(), server_default="0", nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox")),
        sa.UniqueConstraint("event_id", name=op.f("uq_outbox_event_id")),
        schema="onboarding",
    )
    op.create_index("ix_outbox_created_at", "outbox", ["created_at"], unique=False, schema="onboarding")
    op.create_index(
        "ix_outbox_unpublished",
        "outbox",
        ["id"],
        unique=False,
        schema="onboarding",
        postgresql_where=sa.text("published_at IS NULL"),
    )
    op.create_table(
        "policy_versions",
        sa.Column("version", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column(
            "published_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False
        ),
        sa.PrimaryKeyConstraint("version", name=op.f("pk_policy_versions")),
        schema="onboarding",
    )
    op.create_table(
        "programs",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("is_default", sa.Boolean(), nullable=False),
        sa.Column("default_discount_percent", sa.Numeric(precision=5, scale=2), nullable=False),
        sa.Column("prepaid_orders_required", sa.Integer(), nullable=False),
        sa.Column("payment_terms_days", sa.Integer(), nullable=False),
        sa.Column("annual_interest_rate", sa.Numeric(precision=6, scale=4), nullable=False),
        sa.Column("allowed_payment_methods", postgresql.ARRAY(sa.Text()), nullable=False),
        sa.Column("default_credit_limit", sa.Numeric(precision=18, scale=4), nullable=False),
        sa.Column("credit_currency", sa.String(length=3), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_programs")),
        schema="onboarding",
    )
    op.create_table(
        "resellers",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("application_id", sa.Uuid(), nullable=False),
        sa.Column("program_id", sa.Text(), nullable=False),
        sa.Column("company_name", sa.Text(), nullable=False),
        sa.Column("contact_email", sa.Text(), nullable=False),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("standing", sa.Text(), nullable=False),
        sa.Column("discount_percent", sa.Numeric(precision=5, scale=2), nullable=False),
        sa.Column("paid_orders", sa.Integer(), nullable=False),
        sa.Column("has_overdue", sa.Boolean(), nullable=False),
        sa.Column("credit_limit", sa.Numeric(precision=18, scale=4), nullable=False),
        sa.Column("credit_currency", sa.String(length=3), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("state", sa.String(length=2), nullable=True),
        sa.Column("vat_id", sa.Text(), nullable=True),
        sa.Column("vat_id_valid", sa.Boolean(), nullable=False),
        sa.Column("policy_version_accepted", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["onboarding.applications.id"],
            name=op.f("fk_resellers_application_id_applications"),
        ),
        sa.ForeignKeyConstraint(
            ["program_id"], ["onboarding.programs.id"], name=op.f("fk_resellers_program_id_programs")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_resellers")),
        sa.UniqueConstraint("application_id", name=op.f("uq_resellers_application_id")),
        schema="onboarding",
    )
    op.create_table(
        "policy_acceptances",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("reseller_id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("accepted_by", sa.Text(), nullable=False),
        sa.Column("accepted_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["reseller_id"],
            ["onboarding.resellers.id"],
            name=op.f("fk_policy_acceptances_reseller_id_resellers"),
        ),
        sa.ForeignKeyConstraint(
            ["version"],
            ["onboarding.policy_versions.version"],
            name=op.f("fk_policy_acceptances_version_policy_versions"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_policy_acceptances")),
        schema="onboarding",
    )
    op.create_index(
        op.f("ix_onboarding_policy_acceptances_reseller_id"),
        "policy_acceptances",
        ["reseller_id"],
        unique=False,
        schema="onboarding",
    )

    # The default reseller program: the seeds' numbers (R-ON-2, R-ON-3, R-BI-3, R-BI-4) as data.
    op.bulk_insert(
        sa.table(
            "programs",
            sa.column("id"),
            sa.column("name"),
            sa.column("is_default"),
            sa.column("default_discount_percent"),
            sa.column("prepaid_orders_required"),
            sa.column("payment_terms_days"),
            sa.column("annual_interest_rate"),
            sa.column("allowed_payment_methods", sa.ARRAY(sa.Text)),
            sa.column("default_credit_limit"),
            sa.column("credit_currency"),
            schema="onboarding",
        ),
        [
            {
                "id": "standard",
                "name": "Standard reseller program",
                "is_default": True,
                "default_discount_percent": 10,
                "prepaid_orders_required": 3,
                "payment_terms_days": 30,
                "annual_interest_rate": 0.08,
                "allowed_payment_methods": ["bank_transfer"],
                "default_credit_limit": 50000,
                "credit_currency": "EUR",
            }
        ],
    )
    op.bulk_insert(
        sa.table("policy_versions", sa.column("version"), sa.column("text"), schema="onboarding"),
        [
            {
                "version": 1,
                "text": (
                    "ChannelHub reseller policy, version 1. The reseller resells the vendor's products to end "
                    "customers under its own name, passes license files and installation instructions on "
                    "unchanged, pays by bank transfer within the payment terms of its program, and keeps "
                    "its customers' data confidential. Accepting this policy online replaces a signed agreement."
                ),
            }
        ],
    )


def downgrade() -> None:
    op.drop_index(
        op.f("ix_onboarding_policy_acceptances_reseller_id"),
        table_name="policy_acceptances",
        schema="onboarding",
    )
    op.drop_table("policy_acceptances", schema="onboarding")
    op.drop_table("resellers", schema="onboarding")
    op.drop_table("programs", schema="onboarding")
    op.drop_table("policy_versions", schema="onboarding")
    op.drop_index(
        "ix_outbox_unpublished",
        table_name="outbox",
        schema="onboarding",
        postgresql_where=sa.text("published_at IS NULL"),
    )
    op.drop_index("ix_outbox_created_at", table_name="outbox", schema="onboarding")
    op.drop_table("outbox", schema="onboarding")
    op.drop_table("inbox", schema="onboarding")
    op.drop_table("idempotency_keys", schema="onboarding")
    op.drop_table("failed_events", schema="onboarding")
    op.drop_table("applications", schema="onboarding")
    op.drop_index(op.f("ix_onboarding_api_keys_reseller_id"), table_name="api_keys", schema="onboarding")
    op.drop_index(op.f("ix_onboarding_api_keys_customer_id"), table_name="api_keys", schema="onboarding")
    op.drop_table("api_keys", schema="onboarding")
