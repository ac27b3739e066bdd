"""status columns checked against their StrEnums

Revision ID: 60578821601c
Revises: 7e6b36d7b21f
Create Date: 2026-12-02 18:05:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "60578821601c"
down_revision: str | None = "7e6b36d7b21f"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# the values as they stand at this revision (never imported: a later value is a later migration)
CHECKS = {
    "webhook_endpoints": (
        "active",
        "disabled",
    ),
    "deliveries": (
        "pending",
        "succeeded",
        "failed",
    ),
    "outbound_mail": (
        "pending",
        "sent",
        "failed",
    ),
}


def upgrade() -> None:
    for table, values in CHECKS.items():
        listed = ", ".join(f"'{v}'" for v in values)
        op.create_check_constraint(
            op.f(f"ck_{table}_status_known"), table, f"status IN ({listed})", schema="notifications"
        )


def downgrade() -> None:
    for table in CHECKS:
        op.drop_constraint(op.f(f"ck_{table}_status_known"), table, type_="check", schema="notifications")
