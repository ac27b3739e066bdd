"""Billing's scheduled work; every job takes `as_of` so it can be replayed for any day."""

from __future__ import annotations

from datetime import date, time

from libs.db import UnitOfWork
from libs.jobs import Daily, Job, Monthly
from services.billing.config import billing_config
from services.billing.usecases import dunning, statements, waas


async def run_dunning(uow: UnitOfWork, as_of: date) -> dict[str, int]:
    return await dunning.run(uow, as_of)


async def run_prepay_expiry(uow: UnitOfWork, as_of: date) -> dict[str, int]:
    return await dunning.expire_prepay_orders(uow, as_of, billing_config())


async def run_monthly_statements(uow: UnitOfWork, as_of: date) -> dict[str, int]:
    return await statements.run(uow, as_of)


async def run_waas_invoicing(uow: UnitOfWork, as_of: date) -> dict[str, int]:
    return await waas.invoice_month(uow, as_of, billing_config())


async def run_commission_statements(uow: UnitOfWork, as_of: date) -> dict[str, int]:
    return await waas.commission_statements(uow, as_of)


JOBS = [
    Job(
        "dunning",
        run_dunning,
        Daily(time(1, 0)),
        "R-BI-4: invoices past due become overdue, interest accrues, reminders at 7/14/30 days",
    ),
    Job(
        "prepay-expiry",
        run_prepay_expiry,
        Daily(time(1, 30)),
        "R-BI-8: unpaid prepay orders past the program's period are credited and cancelled",
    ),
    Job(
        "monthly-statements",
        run_monthly_statements,
        Monthly(day=1, at=time(6, 0)),
        "R-BI-3: every reseller with open items gets its statement on the first of the month",
    ),
    Job(
        "waas-invoicing",
        run_waas_invoicing,
        Monthly(day=1, at=time(4, 0)),
        "R-BI-6: every active WaaS contract's monthly instalment, invoiced to the end customer",
    ),
    Job(
        "commission-statements",
        run_commission_statements,
        Monthly(day=1, at=time(6, 30)),
        "R-BI-7: each partner's commissions earned last month, paid out on one statement",
    ),
]
