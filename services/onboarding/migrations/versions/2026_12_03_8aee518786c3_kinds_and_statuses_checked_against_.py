"""kinds and statuses checked against their StrEnums

Revision ID: 8aee518786c3
Revises: 2878a1119b92
Create Date: 2026-12-03 13:23:07.130104
"""

from collections.abc import Sequence

from alembic import op

revision: str = "8aee518786c3"
down_revision: str | None = "2878a1119b92"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# the values as they stand at this revision (never imported: a later value is a later migration),
# every value onboarding has written: customer keys are issued `customer_admin`, staff and reseller
# keys the permission table's roles
CHECKS = {
    ("applications", "business_type"): ("reseller", "consultancy", "other"),
    ("applications", "status"): ("submitted", "approved", "rejected"),
    ("resellers", "status"): ("pending_policy", "active", "suspended"),
    ("resellers", "standing"): ("new", "established", "prepay_required"),
    ("api_keys", "kind"): ("reseller", "customer", "staff"),
    ("api_keys", "role"): (
        "admin",
        "credit_officer",
        "billing",
        "reseller_admin",
        "reseller_user",
        "customer_admin",
    ),
    ("tax_profile_changes", "status"): ("pending", "approved", "rejected", "withdrawn"),
    ("customers", "kind"): ("domain", "team"),
    ("customers", "edition"): ("commercial", "non_profit", "legacy_free"),
    ("customer_users", "kind"): ("reseller", "user"),
}


def upgrade() -> None:
    for (table, column), values in CHECKS.items():
        listed = ", ".join(f"'{v}'" for v in values)
        op.create_check_constraint(
            op.f(f"ck_{table}_{column}_known"), table, f"{column} IN ({listed})", schema="onboarding"
        )


def downgrade() -> None:
    for table, column in CHECKS:
        op.drop_constraint(op.f(f"ck_{table}_{column}_known"), table, type_="check", schema="onboarding")
