"""exact tax rates: numeric without a scale, so 0.06875 (Minnesota) is kept as given

Revision ID: de091e189e28
Revises: f4c726772b8d
Create Date: 2026-11-23 20:54:36.461141
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "de091e189e28"
down_revision: str | None = "f4c726772b8d"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


TABLES = ("orders", "subscription_periods", "seat_purchases")


def upgrade() -> None:
    # Rows already written were rounded to four places when stored; nothing can restore the lost digit,
    # but from now on rates are kept exactly as decided.
    for table in TABLES:
        op.alter_column(table, "tax_rate", type_=sa.Numeric(), schema="ordering")


def downgrade() -> None:
    for table in TABLES:
        op.alter_column(
            table,
            "tax_rate",
            type_=sa.Numeric(precision=6, scale=4),
            schema="ordering",
            postgresql_using="round(tax_rate, 4)",
        )
