"""status columns checked against their StrEnums

Revision ID: a788b0c4882e
Revises: a96fe7cc848b
Create Date: 2026-12-02 18:05:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "a788b0c4882e"
down_revision: str | None = "a96fe7cc848b"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# the values as they stand at this revision (never imported: a later value is a later migration)
CHECKS = {
    "receivables": (
        "open",
        "partially_paid",
        "paid",
        "overdue",
        "cancelled",
        "credited",
    ),
    "seat_figures": (
        "active",
        "trial",
        "expired",
        "cancelled",
        "pending_payment",
    ),
    "contract_figures": (
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
}


def upgrade() -> None:
    for table, values in CHECKS.items():
        listed = ", ".join(f"'{v}'" for v in values)
        op.create_check_constraint(
            op.f(f"ck_{table}_status_known"), table, f"status IN ({listed})", schema="reports"
        )


def downgrade() -> None:
    for table in CHECKS:
        op.drop_constraint(op.f(f"ck_{table}_status_known"), table, type_="check", schema="reports")
