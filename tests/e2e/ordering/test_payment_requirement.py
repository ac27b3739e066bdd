"""R-ON-3 / R-ON-6: prepay for new resellers, on account for established ones within their credit limit.

Onboarding has no public endpoint yet that makes a reseller established (that needs three paid
orders through billing, or a staff action being built in onboarding), so the on-account branch is
proven at the use-case level against the real ordering database: a reseller read model as
onboarding's events would write it, `place_order` in one real unit of work, rolled back after.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from decimal import Decimal

import sqlalchemy as sa

from libs.auth import Caller
from libs.clock import FixedClock
from libs.db import Database
from libs.internal_client import InternalClient
from libs.testing.api import Api
from services.ordering import schemas
from services.ordering.models import OUTBOX, Order, ResellerView
from services.ordering.usecases.orders import place_order
from tools.devstack.stack import Stack


def _view(reseller_id: uuid.UUID, *, standing: str, credit_limit: str) -> ResellerView:
    return ResellerView(
        reseller_id=reseller_id,
        version=1,
        company_name="Established B.V.",
        status="active",
        standing=standing,
        discount_percent=Decimal("10.00"),
        credit_limit=Decimal(credit_limit),
        credit_currency="EUR",
        country="DE",
        state=None,
        vat_id="DE136695976",
        vat_id_valid=True,
        policy_version_accepted=10**6,  # any published version
        exemption=None,
    )


def _unique_domain() -> str:
    return f"acme-{uuid.uuid4().hex[:10]}.example.com"


def _body(sku: str, quantity: int, currency: str = "EUR") -> schemas.OrderCreate:
    return schemas.OrderCreate.model_validate(
        {
            "ship_to": {"name": "Acme GmbH", "email": "it@acme.example.com", "domain": _unique_domain()},
            "currency": currency,
            "payment_method": "bank_transfer",
            "lines": [{"sku": sku, "quantity": quantity}],
        }
    )


async def test_r_on_6_established_reseller_orders_on_account_within_its_credit_limit(
    api: Api, stack: Stack, onboarding_client: InternalClient
) -> None:
    sku = api.create_sku()["sku"]  # 1499.00 EUR / 1599.00 USD → 1349.10 EUR at 10 %
    clock = FixedClock(datetime.now(UTC))
    db = Database(stack.service_urls["ordering"], pool_size=1, clock=clock, outbox=OUTBOX)
    try:
        async with db.unit_of_work() as uow:
            s = uow.session
            established, new = uuid.uuid4(), uuid.uuid4()
            s.add_all(
                [
                    _view(established, standing="established", credit_limit="3000.00"),
                    _view(new, standing="new", credit_limit="3000.00"),
                ]
            )
            await s.flush()
            caller = Caller(kind="reseller", roles=("reseller_admin",), reseller_id=established)

            first = await place_order(uow, onboarding_client, caller, "NL", _body(sku, 2))
            assert first.total == Decimal("2698.20")
            assert first.payment_requirement == "on_account"

            # 2698.20 open + 1349.10 = 4047.30 > 3000.00: this one must be prepaid
            second = await place_order(uow, onboarding_client, caller, "NL", _body(sku, 1))
            assert second.payment_requirement == "prepay"

            # another currency than the credit line's is never on account
            usd = await place_order(uow, onboarding_client, caller, "NL", _body(sku, 1, "USD"))
            assert usd.payment_requirement == "prepay"

            # fulfilled is not paid: the first order still uses the credit line
            await s.execute(sa.update(Order).where(Order.id == first.id).values(status="fulfilled"))
            assert (
                await place_order(uow, onboarding_client, caller, "NL", _body(sku, 1))
            ).payment_requirement == "prepay"

            # once the first order is paid it no longer does
            await s.execute(sa.update(Order).where(Order.id == first.id).values(paid_on=clock.today()))
            third = await place_order(uow, onboarding_client, caller, "NL", _body(sku, 2))
            assert third.payment_requirement == "on_account"  # exactly 2698.20 of 3000.00

            # a new reseller prepays whatever its credit limit
            new_caller = Caller(kind="reseller", roles=("reseller_admin",), reseller_id=new)
            assert (
                await place_order(uow, onboarding_client, new_caller, "NL", _body(sku, 1))
            ).payment_requirement == ("prepay")
            # nothing is committed: the views and orders above disappear with the rollback
    finally:
        await db.dispose()
