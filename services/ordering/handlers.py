"""Other services' events → ordering.

Onboarding's events build the read models (resellers, policy, customers). Every reseller/customer
event carries the whole snapshot with a growing version: we upsert and keep the newest, so
redelivery or reordering across partitions can never roll a reseller back to an older state.

Billing's payments release prepaid orders (R-BI-2) and licensing's permanent licenses fulfil
released ones (R-LI-1); `usecases.lifecycle` makes both idempotent and order-independent.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.dialects.postgresql import insert as pg_insert

from libs.consumer import HandlerMap
from libs.db import UnitOfWork
from libs.events import billing, licensing
from libs.events import onboarding as onb
from libs.events.base import EVENT_TYPES, Event
from libs.events.envelope import CloudEvent
from services.ordering.models import CustomerView, PolicyView, ResellerView
from services.ordering.usecases import lifecycle


async def upsert_reseller(uow: UnitOfWork, _envelope: CloudEvent, event: Event) -> None:
    assert isinstance(event, onb._ResellerEvent)
    r = event.reseller
    values: dict[str, Any] = dict(
        reseller_id=r.reseller_id,
        version=r.version,
        company_name=r.company_name,
        status=r.status,
        standing=r.standing,
        discount_percent=r.discount_percent,
        credit_limit=r.credit_limit,
        credit_currency=r.credit_currency,
        country=r.country,
        state=r.state,
        vat_id=r.vat_id,
        vat_id_valid=r.vat_id_valid,
        policy_version_accepted=r.policy_version_accepted,
        exemption=r.exemption_certificate.model_dump(mode="json") if r.exemption_certificate else None,
    )
    stmt = pg_insert(ResellerView).values(**values)
    await uow.session.execute(
        stmt.on_conflict_do_update(
            index_elements=[ResellerView.reseller_id],
            set_={k: stmt.excluded[k] for k in values if k != "reseller_id"},
            where=ResellerView.version < stmt.excluded.version,
        )
    )


async def record_policy(uow: UnitOfWork, _envelope: CloudEvent, event: Event) -> None:
    assert isinstance(event, onb.PolicyPublished)
    stmt = pg_insert(PolicyView).values(policy=event.policy, version=event.version)
    await uow.session.execute(
        stmt.on_conflict_do_update(
            index_elements=[PolicyView.policy],
            set_={"version": stmt.excluded.version},
            where=PolicyView.version < stmt.excluded.version,
        )
    )


async def upsert_customer(uow: UnitOfWork, _envelope: CloudEvent, event: Event) -> None:
    assert isinstance(event, onb._CustomerEvent)
    c = event.customer
    values: dict[str, Any] = dict(
        customer_id=c.customer_id,
        reseller_id=c.reseller_id,
        version=c.version,
        kind=c.kind,
        name=c.name,
        domain=c.domain,
    )
    stmt = pg_insert(CustomerView).values(**values)
    await uow.session.execute(
        stmt.on_conflict_do_update(
            index_elements=[CustomerView.customer_id],
            set_={k: stmt.excluded[k] for k in values if k != "customer_id"},
            where=CustomerView.version < stmt.excluded.version,
        )
    )


async def order_paid(uow: UnitOfWork, _envelope: CloudEvent, event: Event) -> None:
    assert isinstance(event, billing.OrderPaid)
    await lifecycle.record_payment(
        uow.session, order_id=event.order_id, reseller_id=event.reseller_id, received_on=event.received_on
    )


async def license_issued(uow: UnitOfWork, _envelope: CloudEvent, event: Event) -> None:
    assert isinstance(event, licensing.LicenseIssued)
    await lifecycle.record_license(
        uow.session,
        order_id=event.order_id,
        reseller_id=event.reseller_id,
        license_id=event.license_id,
        temporary=event.temporary,
    )


def _of(base: type, handler: Any) -> HandlerMap:
    return {t: handler for t, cls in EVENT_TYPES.items() if issubclass(cls, base)}


HANDLERS: HandlerMap = {
    **_of(onb._ResellerEvent, upsert_reseller),
    **_of(onb._CustomerEvent, upsert_customer),
    onb.PolicyPublished.event_type: record_policy,
    billing.OrderPaid.event_type: order_paid,
    licensing.LicenseIssued.event_type: license_issued,
}
