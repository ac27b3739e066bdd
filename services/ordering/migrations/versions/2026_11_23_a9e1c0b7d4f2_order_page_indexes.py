"""order page indexes (keyset pagination reads an index range)

Revision ID: a9e1c0b7d4f2
Revises: 54b13ba77d8f
Create Date: 2026-11-23 22:10:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "a9e1c0b7d4f2"
down_revision: str | None = "54b13ba77d8f"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_orders_reseller_page",
        "orders",
        ["reseller_id", "created_at", "id"],
        unique=False,
        schema="ordering",
    )
    op.create_index("ix_orders_page", "orders", ["created_at", "id"], unique=False, schema="ordering")


def downgrade() -> None:
    op.drop_index("ix_orders_page", table_name="orders", schema="ordering")
    op.drop_index("ix_orders_reseller_page", table_name="orders", schema="ordering")
