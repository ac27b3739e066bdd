"""Monthly statements (R-BI-3): on the first of the month every reseller with open items gets a
statement listing each open invoice with its due date and amount due — one per reseller, month and
currency, however often the job runs (a unique key, inserted with ON CONFLICT DO NOTHING)."""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import date
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from libs.auth import Caller, require_reseller_access
from libs.db import UnitOfWork
from libs.events import billing as ev
from libs.events.billing import InvoiceKind
from libs.repository import load_or_404
from services.billing.config import BillingConfig
from services.billing.domain.references import statement_reference
from services.billing.errors import StatementNotFound
from services.billing.models import Invoice, ResellerAccount, Statement
from services.billing.usecases import documents, ledger
from services.billing.usecases.amounts import accrues_interest, amount_due, interest
from services.billing.usecases.ledger import OPEN_STATUSES


async def run(uow: UnitOfWork, as_of: date) -> dict[str, int]:
    session = uow.session
    month = as_of.isoformat()[:7]
    for invoice in (
        await session.scalars(
            sa.select(Invoice)
            .where(
                Invoice.status.in_(OPEN_STATUSES), Invoice.due_date < as_of, Invoice.kind != InvoiceKind.WAAS
            )
            .order_by(Invoice.due_date, Invoice.id)
            .with_for_update()
        )
    ).all():
        if accrues_interest(invoice):
            await ledger.charge_interest_through(session, invoice, as_of)  # due today, interest included
    invoices = (
        await session.scalars(
            sa.select(Invoice)
            .where(
                Invoice.status.in_(OPEN_STATUSES),
                Invoice.issue_date <= as_of,
                Invoice.kind != InvoiceKind.WAAS,
            )
            .order_by(Invoice.reseller_id, Invoice.due_date, Invoice.number)
        )
    ).all()
    grouped: dict[tuple[uuid.UUID, str], list[Invoice]] = defaultdict(list)
    for invoice in invoices:
        grouped[(invoice.reseller_id, invoice.currency)].append(invoice)
    issued = 0
    for (reseller_id, currency), items in grouped.items():
        rows: list[dict[str, Any]] = [
            {
                "invoice_id": str(i.id),
                "number": i.number,
                "issue_date": i.issue_date.isoformat(),
                "due_date": i.due_date.isoformat(),
                "status": i.status,
                "payment_reference": i.payment_reference,
                "interest": str(interest(i)),
                "amount_due": str(amount_due(i)),
            }
            for i in items
        ]
        total = sum((amount_due(i) for i in items), Decimal(0))
        balance = (await ledger.credit_balance(session, reseller_id)).get(currency, Decimal(0))
        statement_id = await session.scalar(
            pg_insert(Statement)
            .values(
                id=uuid.uuid4(),
                reseller_id=reseller_id,
                month=month,
                issue_date=as_of,
                currency=currency,
                open_total=total,
                credit_balance=balance,
                payment_reference=statement_reference(reseller_id, month, currency),
                items=rows,
            )
            .on_conflict_do_nothing(index_elements=["reseller_id", "month", "currency"])
            .returning(Statement.id)
        )
        if statement_id is None:
            continue
        issued += 1
        await uow.emit(
            ev.StatementIssued(
                statement_id=statement_id,
                reseller_id=reseller_id,
                month=month,
                issue_date=as_of,
                currency=currency,
                open_total=total,
                invoice_count=len(items),
            ),
            reseller_id=reseller_id,
        )
    return {"statements": issued}


async def list_statements(session: AsyncSession, caller: Caller, reseller_id: uuid.UUID) -> list[Statement]:
    require_reseller_access(caller, reseller_id)
    rows = await session.scalars(
        sa.select(Statement)
        .where(Statement.reseller_id == reseller_id)
        .order_by(Statement.month.desc(), Statement.currency)
    )
    return list(rows)


async def load_statement(session: AsyncSession, caller: Caller, statement_id: uuid.UUID) -> Statement:
    stmt = sa.select(Statement).where(Statement.id == statement_id)
    if not caller.is_staff:
        stmt = stmt.where(
            Statement.reseller_id == (caller.reseller_id if caller.kind == "reseller" else None)
        )
    return await load_or_404(session, stmt, StatementNotFound)


async def statement_pdf(session: AsyncSession, statement: Statement, config: BillingConfig) -> bytes:
    account = await session.get(ResellerAccount, statement.reseller_id)
    company = account.company_name if account else f"Reseller {statement.reseller_id}"
    return documents.statement_pdf(statement, company, config)


async def any_statement(session: AsyncSession, statement_id: uuid.UUID) -> Statement | None:
    """For other services (notifications mails the PDF): no tenant scope."""
    return await session.get(Statement, statement_id)
