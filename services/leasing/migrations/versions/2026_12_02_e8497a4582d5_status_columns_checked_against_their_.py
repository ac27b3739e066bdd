"""status columns checked against their StrEnums

Revision ID: e8497a4582d5
Revises: 8f0b29c33cff
Create Date: 2026-12-02 17:03:31.187400
"""

from collections.abc import Sequence

from alembic import op

revision: str = "e8497a4582d5"
down_revision: str | None = "8f0b29c33cff"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# the values as they stand at this revision (never imported: a later value is a later migration)
CHECKS = {
    "contracts": (
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
    "hardware_requests": ("pending", "accepted", "declined"),
    "contract_extensions": ("proposed", "accepted"),
}


def upgrade() -> None:
    for table, values in CHECKS.items():
        listed = ", ".join(f"'{v}'" for v in values)
        op.create_check_constraint(
            op.f(f"ck_{table}_status_known"), table, f"status IN ({listed})", schema="leasing"
        )


def downgrade() -> None:
    for table in CHECKS:
        op.drop_constraint(op.f(f"ck_{table}_status_known"), table, type_="check", schema="leasing")
