"""R-WA-9 in the fast tier: leasing's contract events become the manufacturers' sell-out reports in
the reports' read model, and the monthly job freezes last month's once (a real PostgreSQL, each test
rolled back)."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from typing import Any, cast

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from libs.db import UnitOfWork
from libs.events import leasing as ev
from services.reports.jobs import sell_out_reports
from services.reports.models import OUTBOX
from services.reports.usecases import ingest, sellout

PARTNER = uuid.uuid4()


def contract(manufacturer: str, start: date | None, **changes: Any) -> ev.ContractData:
    values: dict[str, Any] = {
        "reseller_id": PARTNER,
        "customer_id": uuid.uuid4(),
        "status": ev.ContractStatus.ACTIVE if start else ev.ContractStatus.DRAFT,
        "bundle": "WAAS-HP-1",
        "manufacturer": manufacturer,
        "hardware_model": "EliteBook 840",
        "options": [],
        "quantity": 4,
        "term_months": 36,
        "delivery": "customer",
        "currency": "EUR",
        "monthly_total": Decimal("236.00"),
        "start_date": start,
        "office365_sku": "O365-BUSINESS-STANDARD",
        "office365_seats": 4,
        "customer_country": "FR",
        "reseller_country": "BE",
        **changes,
    }
    return ev.ContractData(**values)


@pytest.fixture
async def session(service_session: Any) -> AsyncSession:
    return cast(AsyncSession, await service_session("reports"))


@pytest.fixture
def uow(session: AsyncSession) -> UnitOfWork:
    return UnitOfWork.over(session, outbox=OUTBOX)


async def test_r_wa_9_a_contract_is_a_sale_once_its_lease_started(session: AsyncSession) -> None:
    maker = f"Maker-{uuid.uuid4().hex[:6]}"
    cid = uuid.uuid4()
    await ingest.contract_sold(session, ev.ContractCreated(contract_id=cid, contract=contract(maker, None)))
    assert (await sellout.report(session, maker, "2026-11")).lines == ()
    leased = contract(maker, date(2026, 11, 3))
    await ingest.contract_sold(session, ev.ContractActivated(contract_id=cid, contract=leased))
    # a later event (the same contract, ended early) changes nothing the report shows, nor adds a line
    ended = leased.model_copy(update={"status": ev.ContractStatus.TERMINATED})
    await ingest.contract_sold(
        session,
        ev.ContractTerminated(
            contract_id=cid,
            contract=ended,
            terminated_on=date(2026, 12, 31),
            months_invoiced=2,
            months_remaining=34,
            fee=Decimal("0"),
        ),
    )
    report = await sellout.report(session, maker, "2026-11")
    [line] = report.lines
    assert (report.frozen, report.units) == (False, 4)
    assert (line.contract_id, line.partner_id, line.partner_country, line.customer_country) == (
        cid,
        PARTNER,
        "BE",
        "FR",
    )
    assert (line.bundle, line.hardware_model, line.leased_on) == (
        "WAAS-HP-1",
        "EliteBook 840",
        date(2026, 11, 3),
    )


async def test_r_wa_9_the_monthly_job_freezes_last_month_once(session: AsyncSession, uow: UnitOfWork) -> None:
    maker = f"Maker-{uuid.uuid4().hex[:6]}"
    first = uuid.uuid4()
    await ingest.contract_sold(
        session, ev.ContractActivated(contract_id=first, contract=contract(maker, date(2026, 11, 30)))
    )
    assert (await sell_out_reports(uow, date(2026, 12, 1)))["reports"] >= 1
    assert (await sell_out_reports(uow, date(2026, 12, 1)))["reports"] == 0  # made once
    # a sale leasing reports later for that month stays out of the frozen report
    await ingest.contract_sold(
        session,
        ev.ContractActivated(contract_id=uuid.uuid4(), contract=contract(maker, date(2026, 11, 30))),
    )
    frozen = await sellout.report(session, maker, "2026-11")
    assert (frozen.frozen, [line.contract_id for line in frozen.lines]) == (True, [first])
    assert (await sellout.report(session, maker, "2026-12")).frozen is False  # the running month
