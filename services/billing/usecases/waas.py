"""WaaS money (R-BI-6, R-BI-7): the distributor invoices the end customer monthly for each active
contract — directly, not the partner, so these invoices never weigh on the partner's standing or
credit line (R-ON-6) —, invoices an early termination's fee, and pays the partner its commissions on
a monthly commission statement. Fed by leasing's events; the jobs take `as_of`."""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from libs.auth import Caller, require_reseller_access
from libs.events import billing as ev
from libs.events import leasing as leasing_events
from libs.events import onboarding as onb
from libs.money import round_half_up
from services.billing.config import BillingConfig
from services.billing.models import (
    OUTBOX,
    CommissionEntry,
    CommissionStatement,
    CustomerAccount,
    Invoice,
    WaasContract,
)
from services.billing.usecases.invoicing import _create, _lock

_CONTRACT_COLUMNS = (
    "reseller_id customer_id customer_country status bundle quantity currency monthly_total "
    "start_date end_date"
).split()


async def upsert_customer(session: AsyncSession, c: onb.CustomerSnapshot) -> None:
    stmt = pg_insert(CustomerAccount).values(
        customer_id=c.customer_id, reseller_id=c.reseller_id, version=c.version, name=c.name, domain=c.domain
    )
    await session.execute(
        stmt.on_conflict_do_update(
            index_elements=[CustomerAccount.customer_id],
            set_={k: stmt.excluded[k] for k in ("reseller_id", "version", "name", "domain")},
            where=CustomerAccount.version < stmt.excluded.version,
        )
    )


async def follow_contract(session: AsyncSession, event: leasing_events.ContractEvent) -> None:
    c = event.contract
    values: dict[str, Any] = dict(
        contract_id=event.contract_id,
        reseller_id=c.reseller_id,
        customer_id=c.customer_id,
        customer_country=c.customer_country,
        status=c.status,
        bundle=c.bundle,
        quantity=c.quantity,
        currency=c.currency,
        monthly_total=c.monthly_total,
        start_date=c.start_date,
        end_date=c.end_date,
    )
    stmt = pg_insert(WaasContract).values(values)
    await session.execute(
        stmt.on_conflict_do_update(
            index_elements=[WaasContract.contract_id], set_={k: stmt.excluded[k] for k in _CONTRACT_COLUMNS}
        )
    )


async def _bill_to(session: AsyncSession, contract: WaasContract) -> dict[str, Any]:
    customer = await session.get(CustomerAccount, contract.customer_id)
    return {
        "name": customer.name if customer else f"Customer {contract.customer_id}",
        "country": contract.customer_country,
        "domain": customer.domain if customer else None,
    }


async def _invoice(
    session: AsyncSession,
    contract: WaasContract,
    period: str,
    net: Decimal,
    issued: date,
    what: str,
    config: BillingConfig,
) -> Invoice | None:
    await _lock(session, contract.contract_id)
    exists = await session.scalar(
        sa.select(Invoice.id).where(
            Invoice.kind == "waas", Invoice.contract_id == contract.contract_id, Invoice.period == period
        )
    )
    if exists is not None:
        return None
    tax = round_half_up(net * config.waas_vat_rate, contract.currency)
    rate = config.waas_vat_rate
    line = {
        "description": what,
        "sku": contract.bundle,
        "quantity": contract.quantity,
        "unit_price": str(round_half_up(net / contract.quantity, contract.currency)),
        "net": str(net),
        "tax": str(tax),
        "total": str(net + tax),
    }
    return await _create(
        session,
        kind="waas",
        reseller_id=contract.reseller_id,
        issue_date=issued,
        currency=contract.currency,
        amounts={
            "net": net,
            "tax": tax,
            "total": net + tax,
            "tax_regime": "waas_end_customer",
            "tax_rate": rate,
            "tax_note": None,
        },
        lines=[line],
        refs={"contract_id": contract.contract_id, "period": period, "customer_id": contract.customer_id},
        ship_to=None,
        payment_requirement="on_account",
        onboarding=None,
        bill_to=await _bill_to(session, contract),
    )


async def invoice_month(session: AsyncSession, as_of: date, config: BillingConfig) -> dict[str, int]:
    """The `waas-invoicing` job: every contract active on `as_of` gets its instalment for the month."""
    period = as_of.isoformat()[:7]
    contracts = await session.scalars(
        sa.select(WaasContract).where(
            WaasContract.status == "active", WaasContract.start_date <= as_of, WaasContract.end_date >= as_of
        )
    )
    made = 0
    for contract in contracts:
        what = f"WaaS {contract.bundle} x {contract.quantity}, {period}"
        if await _invoice(session, contract, period, contract.monthly_total, as_of, what, config) is not None:
            made += 1
    return {"invoices": made}


async def invoice_termination(
    session: AsyncSession, event: leasing_events.ContractTerminated, config: BillingConfig
) -> None:
    """R-WA-6: the early-termination fee, every remaining instalment, invoiced to the end customer."""
    await follow_contract(session, event)
    contract = await session.get(WaasContract, event.contract_id)
    assert contract is not None
    what = f"Early termination of WaaS contract: {event.months_remaining} remaining instalment(s)"
    if event.fee > 0:
        await _invoice(session, contract, "termination", event.fee, event.terminated_on, what, config)


async def record_commission(session: AsyncSession, event: leasing_events.CommissionEarned) -> None:
    await session.execute(
        pg_insert(CommissionEntry)
        .values(
            commission_id=event.commission_id,
            contract_id=event.contract_id,
            reseller_id=event.reseller_id,
            reason=event.reason,
            amount=event.amount,
            currency=event.currency,
            earned_on=event.earned_on,
        )
        .on_conflict_do_nothing(index_elements=[CommissionEntry.commission_id])
    )


async def commission_statements(session: AsyncSession, as_of: date) -> dict[str, int]:
    """The `commission-statements` job (R-BI-7): on the first of the month each partner with
    commissions earned before it gets one statement paying them out, per currency."""
    month = (as_of.replace(day=1) - timedelta(days=1)).isoformat()[:7]
    entries = (
        await session.scalars(
            sa.select(CommissionEntry)
            .where(CommissionEntry.statement_id.is_(None), CommissionEntry.earned_on < as_of)
            .order_by(CommissionEntry.earned_on, CommissionEntry.commission_id)
            .with_for_update(skip_locked=True)
        )
    ).all()
    grouped: dict[tuple[uuid.UUID, str], list[CommissionEntry]] = defaultdict(list)
    for entry in entries:
        grouped[(entry.reseller_id, entry.currency)].append(entry)
    made = 0
    for (reseller_id, currency), items in grouped.items():
        total = sum((e.amount for e in items), Decimal(0))
        statement_id = await session.scalar(
            pg_insert(CommissionStatement)
            .values(
                id=uuid.uuid4(),
                reseller_id=reseller_id,
                month=month,
                issue_date=as_of,
                currency=currency,
                total=total,
                lines=[
                    {
                        "commission_id": str(e.commission_id),
                        "contract_id": str(e.contract_id),
                        "reason": e.reason,
                        "earned_on": e.earned_on.isoformat(),
                        "amount": str(e.amount),
                    }
                    for e in items
                ],
            )
            .on_conflict_do_nothing(index_elements=["reseller_id", "month", "currency"])
            .returning(CommissionStatement.id)
        )
        if statement_id is None:
            continue
        for e in items:
            e.statement_id = statement_id
        made += 1
        await OUTBOX.emit(
            session,
            ev.CommissionStatementIssued(
                statement_id=statement_id,
                reseller_id=reseller_id,
                month=month,
                issue_date=as_of,
                currency=currency,
                total=total,
                commission_ids=[e.commission_id for e in items],
            ),
            reseller_id=reseller_id,
        )
    return {"statements": made}


async def list_commission_statements(
    session: AsyncSession, caller: Caller, reseller_id: uuid.UUID
) -> list[CommissionStatement]:
    require_reseller_access(caller, reseller_id)
    return list(
        await session.scalars(
            sa.select(CommissionStatement)
            .where(CommissionStatement.reseller_id == reseller_id)
            .order_by(CommissionStatement.month.desc())
        )
    )


async def list_commissions(
    session: AsyncSession, caller: Caller, reseller_id: uuid.UUID, paid: bool | None
) -> list[CommissionEntry]:
    """The partner's commissions as billing knows them: earned, and paid out on which statement."""
    require_reseller_access(caller, reseller_id)
    stmt = sa.select(CommissionEntry).where(CommissionEntry.reseller_id == reseller_id)
    if paid is not None:
        stmt = stmt.where(
            CommissionEntry.statement_id.is_not(None) if paid else CommissionEntry.statement_id.is_(None)
        )
    return list(
        await session.scalars(stmt.order_by(CommissionEntry.earned_on, CommissionEntry.commission_id))
    )
