"""kinds and statuses checked against their StrEnums

Revision ID: fd0c18024a09
Revises: f4d59c09818b
Create Date: 2026-12-03 13:19:41.869974
"""

from collections.abc import Sequence

from alembic import op

revision: str = "fd0c18024a09"
down_revision: str | None = "f4d59c09818b"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# the values as they stand at this revision (never imported: a later value is a later migration),
# every value billing has written: `cancelled` invoices were voided before credit notes existed,
# `waas_end_customer` is the tax regime of WaaS invoices from before the shared tax rule;
# credit_notes.kind has been checked since it was created (ck_credit_notes_credit_note_kind)
CHECKS = {
    ("invoices", "kind"): ("order", "subscription", "waas"),
    ("invoices", "status"): ("open", "partially_paid", "paid", "overdue", "cancelled", "credited"),
    ("invoices", "payment_requirement"): ("prepay", "on_account"),
    ("invoices", "tax_regime"): ("us_sales_tax", "eu_vat", "eu_reverse_charge", "none", "waas_end_customer"),
    ("payments", "source"): ("manual", "bank_statement"),
    ("payments", "status"): ("matched", "partial", "unmatched", "reversed"),
    ("allocations", "undone_reason"): ("reversal", "credit_note"),  # NULL: not undone
    ("payment_reversals", "status"): ("applied", "unmatched"),
    ("waas_contracts", "status"): (
        "draft",
        "credit_check_pending",
        "credit_approved",
        "credit_rejected",
        "awaiting_signatures",
        "active",
        "ended",
        "terminated",
        "returned",
    ),
    ("commission_entries", "reason"): ("new", "renewal"),
}


def upgrade() -> None:
    for (table, column), values in CHECKS.items():
        listed = ", ".join(f"'{v}'" for v in values)
        op.create_check_constraint(
            op.f(f"ck_{table}_{column}_known"), table, f"{column} IN ({listed})", schema="billing"
        )


def downgrade() -> None:
    for table, column in CHECKS:
        op.drop_constraint(op.f(f"ck_{table}_{column}_known"), table, type_="check", schema="billing")
