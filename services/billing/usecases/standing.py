"""Whether a reseller has anything overdue (R-BI-4), told to onboarding only when it changes:
onboarding makes the reseller `prepay_required` while it does, so its new orders are prepaid, and
lifts that once principal and interest are paid.

Reconsidered after every change of what is overdue (payment, reversal, credit note, assignment,
dunning), in the transaction of the change. Each fact carries a version that grows per reseller, so
onboarding keeps the newest one whatever order facts reach it in: the final standing is the same."""

from __future__ import annotations

import uuid
from datetime import date

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert

from libs.db import UnitOfWork
from libs.events import billing as ev
from libs.events.billing import InvoiceKind, InvoiceStatus
from services.billing.models import Invoice, OverdueState


async def reconsider(uow: UnitOfWork, reseller_id: uuid.UUID, as_of: date) -> OverdueState:
    # the row is created unlocked-then-locked so two payments of one reseller decide one after the other
    session = uow.session
    await session.execute(
        pg_insert(OverdueState)
        .values(reseller_id=reseller_id, has_overdue=False, changed_on=as_of)
        .on_conflict_do_nothing(index_elements=[OverdueState.reseller_id])
    )
    state = await session.scalar(
        sa.select(OverdueState).where(OverdueState.reseller_id == reseller_id).with_for_update()
    )
    assert state is not None
    overdue = int(
        await session.scalar(
            # the end customer's WaaS invoices are the distributor's risk, not the partner's (R-BI-6, R-ON-6)
            sa.select(sa.func.count()).where(
                Invoice.reseller_id == reseller_id,
                Invoice.status == InvoiceStatus.OVERDUE,
                Invoice.kind != InvoiceKind.WAAS,
            )
        )
        or 0
    )
    has_overdue = overdue > 0
    if state.has_overdue == has_overdue:
        return state
    state.has_overdue = has_overdue
    state.changed_on = as_of
    state.version += 1
    await uow.emit(
        ev.ResellerOverdueChanged(
            reseller_id=reseller_id,
            has_overdue=has_overdue,
            overdue_invoices=overdue,
            as_of=as_of,
            version=state.version,
        ),
        reseller_id=reseller_id,
    )
    return state
