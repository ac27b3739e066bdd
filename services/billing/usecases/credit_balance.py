"""A reseller's credit balance (R-BI-9): read it, and refund it (staff, with a reason). The balance is
the money of the reseller's payments that no invoice took (see `ledger`); a refund takes it from
those payments, oldest first, so the money can always be traced to the transfer it came with."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from libs.auth import Caller, require_reseller_access
from libs.db import UnitOfWork
from services.billing.errors import RefundTooLarge
from services.billing.models import CreditRefund, Payment
from services.billing.schemas import RefundCreate
from services.billing.usecases import ledger


async def balance_of(session: AsyncSession, caller: Caller, reseller_id: uuid.UUID) -> dict[str, Decimal]:
    require_reseller_access(caller, reseller_id)
    return await ledger.credit_balance(session, reseller_id)


async def refund(
    uow: UnitOfWork, caller: Caller, reseller_id: uuid.UUID, body: RefundCreate, today: date
) -> CreditRefund:
    session = uow.session
    currency, amount = body.amount.currency, body.amount.amount
    rows: list[Payment] = list((await session.scalars(ledger.holding(reseller_id).with_for_update())).all())
    holders = [p for p in rows if p.currency == currency]
    available = sum((p.unapplied for p in holders), Decimal(0))
    if amount <= 0 or amount > available:
        raise RefundTooLarge(f"the credit balance is {available} {currency}")
    sources: list[dict[str, str]] = []
    left = amount
    for payment in holders:
        take = min(payment.unapplied, left)
        if take <= 0:
            break
        payment.unapplied -= take
        left -= take
        sources.append({"payment_id": str(payment.id), "amount": str(take)})
    row = CreditRefund(
        id=uuid.uuid4(),
        reseller_id=reseller_id,
        currency=currency,
        amount=amount,
        reason=body.reason,
        refunded_on=body.refunded_on or today,
        refunded_by=caller.identity,
        sources=sources,
    )
    session.add(row)
    await session.flush()
    await ledger.settle_reseller(uow, reseller_id, today)
    return row
