"""WaaS money (R-BI-6, R-BI-7): the distributor invoices the end customer — directly, not the
partner, so these invoices never weigh on the partner's standing or credit line (R-ON-6) — exactly
the instalments of leasing's one schedule (carried by every contract event): the monthly
`waas-invoicing` run invoices every instalment due on or before its `as_of` not invoiced yet (a
contract activated between runs gets its first instalment in the next run). A termination invoices
the instalments due by its effective date that are still missing, then its fee: the instalments
left, never one billed already (R-WA-6: instalments + fee = the total cost). A secure pick-up's fee
(R-WA-8) is invoiced on the return. VAT follows the end customer (`libs.tax`, the rule ordering uses
for its resellers): domestic rate in the vendor's country, reverse charge for a business in another
member state with a valid VAT id, its own country's rate otherwise. The partner is paid its
commissions on a monthly commission statement. Fed by leasing's events; the jobs take `as_of`."""

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
from libs.db import UnitOfWork
from libs.events import billing as ev
from libs.events import leasing as leasing_events
from libs.events import onboarding as onb
from libs.events.billing import InvoiceKind
from libs.events.leasing import ContractStatus
from libs.events.ordering import PaymentRequirement
from libs.money import round_half_up
from libs.settings import get_settings
from libs.tax import TaxDecision, TaxProfile, decide_tax
from services.billing.config import BillingConfig
from services.billing.models import (
    CommissionEntry,
    CommissionStatement,
    CustomerAccount,
    Invoice,
    WaasContract,
)
from services.billing.usecases.invoicing import InvoiceDraft, _create, invoice_amounts, serialise_invoicing

# the contracts the monthly run invoices: active ones, and those that ended, were terminated or
# returned since (the instalments due before that and not invoiced yet)
INVOICED_STATUSES = (
    ContractStatus.ACTIVE,
    ContractStatus.ENDED,
    ContractStatus.TERMINATED,
    ContractStatus.RETURNED,
)
_CONTRACT_COLUMNS = (
    "reseller_id customer_id customer_country status bundle quantity currency monthly_total "
    "start_date end_date schedule terminated_on customer_vat_id billing_email"
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
        schedule=[i.model_dump(mode="json") for i in c.schedule],
        terminated_on=c.terminated_on,
        customer_vat_id=c.customer_vat_id,
        billing_email=c.billing_email,
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
        "vat_id": contract.customer_vat_id,
        "email": contract.billing_email,
        "domain": customer.domain if customer else None,
    }


def waas_tax(contract: WaasContract, on: date) -> TaxDecision:
    """R-BI-6: VAT follows the end customer, by the same rule as ordering's (`libs.tax`)."""
    profile = TaxProfile(
        country=contract.customer_country or get_settings().vendor_country,
        state=None,
        vat_id=contract.customer_vat_id,
        vat_id_valid=bool(contract.customer_vat_id),  # leasing accepts only valid ones
        exemption=None,
    )
    return decide_tax(profile, vendor_country=get_settings().vendor_country, on=on)


async def _invoice(
    uow: UnitOfWork,
    contract: WaasContract,
    period: str,
    net: Decimal,
    issued: date,
    what: str,
    *,
    quantity: int | None = None,
) -> Invoice | None:
    session = uow.session
    await serialise_invoicing(session)
    exists = await session.scalar(
        sa.select(Invoice.id).where(
            Invoice.kind == InvoiceKind.WAAS,
            Invoice.contract_id == contract.contract_id,
            Invoice.period == period,
        )
    )
    if exists is not None:
        return None
    decision = waas_tax(contract, issued)
    tax = round_half_up(net * decision.rate, contract.currency)
    units = quantity if quantity is not None else contract.quantity
    line = {
        "description": what,
        "sku": contract.bundle,
        "quantity": units,
        "unit_price": str(round_half_up(net / units, contract.currency)),
        "net": str(net),
        "tax": str(tax),
        "total": str(net + tax),
    }
    return await _create(
        uow,
        InvoiceDraft(
            kind=InvoiceKind.WAAS,
            reseller_id=contract.reseller_id,
            issue_date=issued,
            currency=contract.currency,
            amounts=invoice_amounts(
                net, tax, net + tax, regime=decision.regime, rate=decision.rate, note=decision.note
            ),
            lines=[line],
            refs={"contract_id": contract.contract_id, "period": period, "customer_id": contract.customer_id},
            ship_to=None,
            payment_requirement=PaymentRequirement.ON_ACCOUNT,
            bill_to=await _bill_to(session, contract),
        ),
    )


def _instalment_period(instalment: dict[str, Any]) -> str:
    """The invoice's `period`: the month the instalment starts in (one instalment per month)."""
    return str(instalment["period_start"])[:7]


async def _invoice_instalments(
    uow: UnitOfWork, contract: WaasContract, numbers: set[int], issued: date
) -> int:
    made = 0
    for i in contract.schedule or []:
        if i["n"] not in numbers:
            continue
        what = (
            f"WaaS {contract.bundle} x {contract.quantity}, instalment {i['n']}: "
            f"{i['period_start']} to {i['period_end']}"
        )
        invoice = await _invoice(uow, contract, _instalment_period(i), Decimal(i["amount"]), issued, what)
        if invoice is not None:
            made += 1
            await uow.emit(
                ev.WaasInstalmentInvoiced(
                    contract_id=contract.contract_id, n=int(i["n"]), invoice_id=invoice.id, issue_date=issued
                ),
            )
    return made


async def _invoiced_periods(session: AsyncSession, contract_id: uuid.UUID) -> set[str]:
    return set(
        await session.scalars(
            sa.select(Invoice.period).where(
                Invoice.kind == InvoiceKind.WAAS, Invoice.contract_id == contract_id
            )
        )
    )


async def invoice_month(uow: UnitOfWork, as_of: date, config: BillingConfig) -> dict[str, int]:
    """The `waas-invoicing` job: every instalment of the schedule due on or before `as_of` (and, for a
    terminated contract, on or before its effective date) that is not invoiced yet."""
    session = uow.session
    contracts = await session.scalars(
        sa.select(WaasContract).where(
            WaasContract.status.in_(INVOICED_STATUSES),
            WaasContract.start_date <= as_of,
        )
    )
    made = 0
    for contract in contracts:
        last = min(as_of, contract.terminated_on) if contract.terminated_on else as_of
        due = {int(i["n"]) for i in contract.schedule or [] if date.fromisoformat(i["due_date"]) <= last}
        made += await _invoice_instalments(uow, contract, due, as_of)
    return {"invoices": made}


async def invoice_termination(
    uow: UnitOfWork, event: leasing_events.ContractTerminated, config: BillingConfig, recorded: date
) -> None:
    """R-WA-6: the instalments due by the effective date that are still missing, then the fee: every
    instalment left (one billing invoiced already is never in it), to the end customer. Issued on the
    day the termination was recorded (`recorded`; a staff-corrected effective date may be earlier)."""
    session = uow.session
    await follow_contract(session, event)
    contract = await session.get(WaasContract, event.contract_id)
    assert contract is not None
    issued = max(event.terminated_on, recorded)
    await _invoice_instalments(uow, contract, set(event.invoiced_instalments), issued)
    billed = await _invoiced_periods(session, contract.contract_id)
    left = [
        i
        for i in contract.schedule or []
        if i["n"] in set(event.fee_instalments) and _instalment_period(i) not in billed
    ]
    if not event.fee_instalments and not event.invoiced_instalments:  # an event from before schedules
        left, fee = [], event.fee
    else:
        fee = sum((Decimal(i["amount"]) for i in left), Decimal(0))
    what = (
        f"Early termination of WaaS contract: {len(left) or event.months_remaining} remaining instalment(s)"
    )
    if fee > 0:
        await _invoice(uow, contract, "termination", fee, issued, what, quantity=1)


async def invoice_pickup(uow: UnitOfWork, event: leasing_events.ContractReturned, today: date) -> None:
    """R-WA-8: the secure pick-up's fee (leasing's price list), invoiced to the end customer."""
    session = uow.session
    await follow_contract(session, event)
    if event.method != "pickup" or not event.pickup_fee:
        return
    contract = await session.get(WaasContract, event.contract_id)
    assert contract is not None
    what = (
        f"Secure pick-up of the leased hardware ({contract.bundle} x {contract.quantity}), certified wiping"
    )
    await _invoice(uow, contract, "pickup", event.pickup_fee, today, what, quantity=1)


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


async def commission_statements(uow: UnitOfWork, as_of: date) -> dict[str, int]:
    """The `commission-statements` job (R-BI-7): on the first of the month each partner with
    commissions earned before it gets one statement paying them out, per currency."""
    session = uow.session
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
        await uow.emit(
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
