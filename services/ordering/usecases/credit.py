"""R-ON-3 / R-ON-6: prepay or on account, for orders and subscription charges alike.

The decision (`domain.credit.payment_requirement`) needs what the reseller owes on account; two
purchases deciding at the same time could both see the same free credit and together exceed the
limit. So the decision is serialised per reseller: it locks the reseller's read-model row
(`SELECT … FOR UPDATE`) in the purchase's own transaction, sums the exposure after the lock, and
the lock is held until that transaction (with the order or charge it decided) commits. Only
purchases that may use the credit line take the lock; prepay-only ones never wait.

Lock order (no deadlocks): customer view → subscription → reseller view; the event handlers take
the same order or a single one of them.
"""

from __future__ import annotations

import uuid
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from services.ordering.domain.credit import PaymentRequirement, may_use_credit_line, payment_requirement
from services.ordering.domain.order_states import OPEN_ON_ACCOUNT
from services.ordering.models import Order, ResellerView, SubscriptionCharge


async def open_on_account(session: AsyncSession, reseller_id: uuid.UUID, currency: str) -> Decimal:
    """What the reseller owes on account: on-account orders not yet paid (and not cancelled), and
    on-account subscription charges not yet paid. (WaaS leases live in leasing: R-ON-6.)"""
    orders = (
        sa.select(sa.func.coalesce(sa.func.sum(Order.total), 0))
        .where(
            Order.reseller_id == reseller_id,
            Order.payment_requirement == "on_account",
            Order.status.in_(OPEN_ON_ACCOUNT),
            Order.paid_on.is_(None),
            Order.currency == currency,
        )
        .scalar_subquery()
    )
    charges = (
        sa.select(sa.func.coalesce(sa.func.sum(SubscriptionCharge.total), 0))
        .where(
            SubscriptionCharge.reseller_id == reseller_id,
            SubscriptionCharge.payment_requirement == "on_account",
            SubscriptionCharge.paid_on.is_(None),
            SubscriptionCharge.currency == currency,
        )
        .scalar_subquery()
    )
    total = await session.scalar(sa.select(orders + charges))
    return Decimal(total or 0)


async def decide_payment_requirement(
    session: AsyncSession, reseller: ResellerView, currency: str, amount: Decimal
) -> PaymentRequirement:
    """Prepay or on account for a purchase of `amount` the caller is about to write in this
    transaction; on account holds the reseller's row lock until the transaction ends."""
    if not may_use_credit_line(
        standing=reseller.standing, credit_currency=reseller.credit_currency, currency=currency
    ):
        return "prepay"
    locked = await session.scalar(
        sa.select(ResellerView)
        .where(ResellerView.reseller_id == reseller.reseller_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    assert locked is not None  # the caller found it in this transaction
    return payment_requirement(
        standing=locked.standing,
        credit_currency=locked.credit_currency,
        credit_limit=locked.credit_limit,
        currency=currency,
        open_on_account=await open_on_account(session, locked.reseller_id, currency),
        amount=amount,
    )
