"""status columns checked against their StrEnums

Revision ID: 75ea343c5624
Revises: 12cc6af85d96
Create Date: 2026-12-02 18:05:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "75ea343c5624"
down_revision: str | None = "12cc6af85d96"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# the values as they stand at this revision (never imported: a later value is a later migration)
CHECKS = {
    "licenses": (
        "active",
        "revoked",
        "expired",
    ),
    "seat_assignments": (
        "invited",
        "active",
        "removed",
        "expired",
    ),
}


def upgrade() -> None:
    for table, values in CHECKS.items():
        listed = ", ".join(f"'{v}'" for v in values)
        op.create_check_constraint(
            op.f(f"ck_{table}_status_known"), table, f"status IN ({listed})", schema="licensing"
        )


def downgrade() -> None:
    for table in CHECKS:
        op.drop_constraint(op.f(f"ck_{table}_status_known"), table, type_="check", schema="licensing")
