"""Read models declared with `libs.snapshots.SnapshotView`, in the fast tier (a real PostgreSQL, a
rolled-back transaction, an owner that answers from a dict instead of over HTTP)."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from typing import Any, cast

import pytest
from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from libs.db import UnitOfWork
from libs.events.onboarding import CustomerSnapshot, ExemptionCertificateData, ResellerSnapshot
from libs.internal_client import InternalClient
from libs.snapshots import SnapshotView
from libs.testing.usecases import emitted
from services.ordering.models import OUTBOX, TABLES, ResellerView, Subscription
from services.ordering.usecases import readmodels


class Owner:
    """The owning service's `/internal/...` answers, as a stub of the internal client."""

    def __init__(self, **snapshots: BaseModel) -> None:
        self.snapshots = snapshots
        self.asked: list[str] = []

    async def get(self, path: str, model: type[BaseModel]) -> Any:
        self.asked.append(path)
        return self.snapshots.get(path)

    def client(self) -> InternalClient:
        return cast(InternalClient, self)


def reseller(reseller_id: uuid.UUID, version: int, status: str = "active", **extra: Any) -> ResellerSnapshot:
    return ResellerSnapshot(
        reseller_id=reseller_id,
        version=version,
        company_name=f"Version {version} B.V.",
        contact_email="sales@example.nl",
        status=status,
        standing="new",
        discount_percent=Decimal("10.00"),
        paid_orders=0,
        credit_limit=Decimal("0"),
        credit_currency="EUR",
        country="NL",
        state=None,
        vat_id=None,
        vat_id_valid=False,
        policy_version_accepted=1,
        **extra,
    )


def customer(customer_id: uuid.UUID, reseller_id: uuid.UUID, version: int) -> CustomerSnapshot:
    return CustomerSnapshot(
        customer_id=customer_id,
        reseller_id=reseller_id,
        version=version,
        kind="domain",
        name=f"v{version}",
        domain="example.nl",
        primary_email=None,
        education=False,
        terms_accepted=True,
    )


@pytest.fixture
async def session(service_session: Any) -> AsyncSession:
    return cast(AsyncSession, await service_session("ordering"))


@pytest.fixture
def uow(session: AsyncSession) -> UnitOfWork:
    return UnitOfWork.over(session, outbox=OUTBOX)


async def test_a_newer_snapshot_wins_and_an_older_one_changes_nothing(
    session: AsyncSession, uow: UnitOfWork
) -> None:
    rid = uuid.uuid4()
    await readmodels.RESELLERS.upsert(uow, reseller(rid, 3, "active"))
    await readmodels.RESELLERS.upsert(uow, reseller(rid, 1, "suspended"))  # a late event
    await readmodels.RESELLERS.upsert(uow, reseller(rid, 3, "suspended"))  # the same version again
    row = await session.get(ResellerView, rid, populate_existing=True)
    assert row is not None and (row.version, row.status) == (3, "active")
    await readmodels.RESELLERS.upsert(uow, reseller(rid, 4, "suspended"))
    row = await session.get(ResellerView, rid, populate_existing=True)
    assert row is not None and (row.version, row.status) == (4, "suspended")


async def test_a_renamed_nested_field_is_stored_as_json(session: AsyncSession, uow: UnitOfWork) -> None:
    rid = uuid.uuid4()
    certificate = ExemptionCertificateData(
        state="CA", number="EX-1", valid_from=date(2026, 1, 1), valid_until=date(2030, 1, 1)
    )
    await readmodels.RESELLERS.upsert(uow, reseller(rid, 1, exemption_certificate=certificate))
    row = await session.get(ResellerView, rid)
    assert row is not None and row.exemption == certificate.model_dump(mode="json")


async def test_a_missing_row_is_asked_from_the_owner_and_kept(session: AsyncSession, uow: UnitOfWork) -> None:
    rid, cid = uuid.uuid4(), uuid.uuid4()
    owner = Owner(**{f"/internal/customers/{cid}": customer(cid, rid, 2)})
    found = await readmodels.CUSTOMERS.get(uow, cid, owner.client())
    assert found is not None and (found.reseller_id, found.version, found.name) == (rid, 2, "v2")
    again = await readmodels.CUSTOMERS.get(uow, cid, owner.client())
    assert again is found and owner.asked == [f"/internal/customers/{cid}"]  # asked once


async def test_a_row_the_owner_does_not_know_is_none(session: AsyncSession, uow: UnitOfWork) -> None:
    owner = Owner()
    unknown = uuid.uuid4()
    assert await readmodels.CUSTOMERS.get(uow, unknown, owner.client()) is None
    assert await readmodels.CUSTOMERS.get(uow, unknown) is None  # no owner given: not asked
    assert owner.asked == [f"/internal/customers/{unknown}"]
    assert not await readmodels.RESELLERS.refresh(uow, owner.client(), unknown)


async def test_r_cu_5_a_customer_moving_reseller_takes_its_subscriptions_along(
    session: AsyncSession, uow: UnitOfWork
) -> None:
    """The view's after-upsert hook runs for events and refreshes alike."""
    old, new, cid = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    await readmodels.CUSTOMERS.upsert(uow, customer(cid, old, 1))
    sub = Subscription(
        reseller_id=old,
        customer_id=cid,
        sku="M365-BP",
        product="Microsoft 365 Business Premium",
        seats=5,
        term_months=12,
        period_start=date(2026, 1, 1),
        period_end=date(2027, 1, 1),
        status="active",
        currency="EUR",
        unit_msrp=Decimal("264.00"),
        discount_percent=Decimal("10.00"),
        unit_price=Decimal("237.60"),
    )
    session.add(sub)
    await session.flush()
    await readmodels.CUSTOMERS.upsert(uow, customer(cid, new, 2))
    moved = await session.get(Subscription, sub.id, populate_existing=True)
    assert moved is not None and moved.reseller_id == new
    (transferred,) = await emitted(session, TABLES.outbox, "ordering.subscription.transferred.v1")
    assert transferred["data"]["from_reseller_id"] == str(old)


def test_a_column_without_a_snapshot_field_is_refused_when_declared() -> None:
    with pytest.raises(TypeError, match="updated_at"):
        SnapshotView(ResellerView, ResellerSnapshot, path="/internal/resellers/{key}")
