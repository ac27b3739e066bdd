"""R-OR-3/4/5/8/9, R-BI-3: placing orders (bill-to reseller, ship-to customer; released at once when
on account), seeing them, handing them over, cancelling them while unpaid."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import cast

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from libs.auth import Caller
from libs.db import UnitOfWork, driver_connection, driver_parameter, driver_value, table_of
from libs.errors import DomainError
from libs.events import ordering as ev
from libs.internal_client import InternalClient
from libs.money import InvalidMoney, check_currency
from libs.pagination import PageQuery, paginate
from libs.repository import load_or_404
from libs.tenancy import visible
from services.ordering import schemas
from services.ordering.domain.order_states import (
    InvalidOrderTransition,
    OrderStatus,
    status_when_placed,
    transition,
)
from services.ordering.domain.pricing import order_totals, price_line, prices_in_force
from services.ordering.domain.tax import (
    ExemptionCertificate,
    TaxDecision,
    TaxProfile,
    UnknownTaxJurisdiction,
    decide_tax,
)
from services.ordering.errors import (
    CustomerEditionNotEligible,
    OrderNotFound,
    OrderStateConflict,
    PaymentMethodNotAllowed,
    PolicyNotAccepted,
    PriceNotAvailable,
    ProductNotForTeamCustomers,
    ResellerCannotOrder,
    TaxNotDeterminable,
    UnknownCustomer,
    UnknownSku,
)
from services.ordering.models import (
    CustomerView,
    Order,
    OrderLine,
    PolicyView,
    Product,
    ResellerView,
    Sku,
    SkuPrice,
)
from services.ordering.usecases import credit, lifecycle, readmodels


async def _reseller_policy_and_customer(
    session: AsyncSession, reseller_id: uuid.UUID, customer_id: uuid.UUID | None = None
) -> tuple[ResellerView | None, PolicyView | None, CustomerView | None]:
    # the reseller, the current policy and the customer named (if any) in one round trip (no row:
    # no such reseller); fresh objects each time, so a decision taken again after a refresh sees
    # the refreshed row. The customer is handed on, not left to the identity map: the session holds
    # its objects weakly, so an unreferenced one is gone before `check_customer` would look
    # (`bench.statements` counted a second read of every order's customer).
    found = (
        await session.execute(
            _RESELLER_POLICY_AND_CUSTOMER, {"reseller_id": reseller_id, "customer_id": customer_id}
        )
    ).first()
    return (found[0], found[1], found[2]) if found is not None else (None, None, None)


# the statements every order runs, built once (built per call, building and keying them cost
# more CPU than the database spent on them)
_RESELLER_POLICY_AND_CUSTOMER = (
    sa.select(ResellerView, PolicyView, CustomerView)
    .select_from(ResellerView)
    .outerjoin(PolicyView, PolicyView.policy == "reseller-policy")
    # no customer named (None): the join matches no row
    .outerjoin(CustomerView, CustomerView.customer_id == sa.bindparam("customer_id", type_=sa.Uuid))
    .where(ResellerView.reseller_id == sa.bindparam("reseller_id", type_=sa.Uuid))
    .execution_options(populate_existing=True)
)


@dataclass(slots=True)  # not frozen: `PriceEntry`'s attributes are plain (settable) ones
class _Price:
    currency: str
    amount: Decimal
    effective_from: date


@dataclass(frozen=True, slots=True)
class _OrderableSku:
    """What an order needs of an active SKU: its product and its whole price list."""

    sku: str
    product_code: str
    prices: list[_Price]


_SKUS, _SKU_PRICES = table_of(Sku), table_of(SkuPrice)
# every active SKU named, each row one price-list entry (or none): read by the driver, not as ORM
# objects with a joined collection — instancing them cost more CPU than the database's answer
_SKUS_WITH_PRICES = (
    f"SELECT s.sku, s.product_code, p.currency, p.amount, p.effective_from FROM {_SKUS.fullname} s "  # noqa: S608 - names from the metadata, values bound
    f"LEFT JOIN {_SKU_PRICES.fullname} p ON p.sku_id = s.id WHERE s.sku = ANY($1::text[]) AND s.active"
)


async def orderable_skus(session: AsyncSession, codes: set[str]) -> dict[str, _OrderableSku]:
    """The active SKUs among `codes`, with their price lists (an unknown or inactive one is absent)."""
    driver = await driver_connection(session)
    found: dict[str, _OrderableSku] = {}
    for row in await driver.fetch(_SKUS_WITH_PRICES, sorted(codes)):
        sku = found.setdefault(row["sku"], _OrderableSku(row["sku"], row["product_code"], []))
        if row["currency"] is not None:
            sku.prices.append(_Price(row["currency"], row["amount"], row["effective_from"]))
    return found


def _refusal(reseller: ResellerView | None, policy: PolicyView | None) -> DomainError | None:
    if reseller is None or reseller.status != "active":
        return ResellerCannotOrder("only active resellers that accepted the reseller policy can order")
    current = policy.version if policy else 1
    if reseller.policy_version_accepted is None or reseller.policy_version_accepted < current:
        return PolicyNotAccepted(f"accept reseller policy version {current} first")
    return None


async def orderable_reseller(
    uow: UnitOfWork, onboarding: InternalClient, reseller_id: uuid.UUID
) -> ResellerView:
    """The reseller, if it may order now."""
    reseller, _ = await orderable_reseller_and_customer(uow, onboarding, reseller_id, None)
    return reseller


async def orderable_reseller_and_customer(
    uow: UnitOfWork, onboarding: InternalClient, reseller_id: uuid.UUID, customer_id: uuid.UUID | None
) -> tuple[ResellerView, CustomerView | None]:
    """The reseller, if it may order now, and the customer's row as the read model has it (not yet
    checked: `check_customer` decides, given it), read in the same round trip."""
    session = uow.session
    reseller, policy, customer = await _reseller_policy_and_customer(session, reseller_id, customer_id)
    refusal = _refusal(reseller, policy)
    # before refusing, make sure it is not only our read model lagging the caller's own write
    # (approve → accept policy → order at once): refresh from onboarding and decide again
    if refusal is not None and await readmodels.RESELLERS.refresh(uow, onboarding, reseller_id):
        reseller, policy, customer = await _reseller_policy_and_customer(session, reseller_id, customer_id)
        refusal = _refusal(reseller, policy)
    if refusal is not None:
        raise refusal
    assert reseller is not None
    return reseller, customer


def tax_profile(reseller: ResellerView) -> TaxProfile:
    exemption = None
    if reseller.exemption:
        e = reseller.exemption
        exemption = ExemptionCertificate(
            state=e["state"],
            number=e["number"],
            valid_from=date.fromisoformat(e["valid_from"]),
            valid_until=date.fromisoformat(e["valid_until"]),
        )
    return TaxProfile(
        country=reseller.country,
        state=reseller.state,
        vat_id=reseller.vat_id,
        vat_id_valid=reseller.vat_id_valid,
        exemption=exemption,
    )


async def check_customer(
    uow: UnitOfWork,
    onboarding: InternalClient,
    reseller_id: uuid.UUID,
    customer_id: uuid.UUID,
    *,
    needs_terms: bool = False,
    read: CustomerView | None = None,
) -> CustomerView:
    """The caller's customer, if it may be sold to. Onboarding is asked (once) when the read model
    would refuse — unknown, another reseller's, a non-commercial edition (R-CU-1) — or, for an order
    (`needs_terms`), would hold it for the terms of service (R-CU-6): the caller may have changed
    that a moment ago. The refresh comes before any reseller lock (lock order: customer view first).
    `read`: the row as this unit of work has just read it (`orderable_reseller_and_customer`)."""
    session = uow.session
    customer = read if read is not None else await session.get(CustomerView, customer_id)
    stale = (
        customer is None
        or customer.reseller_id != reseller_id
        or customer.edition != "commercial"
        or (needs_terms and not customer.terms_accepted)
    )
    if stale and await readmodels.CUSTOMERS.refresh(uow, onboarding, customer_id):
        customer = await session.get(CustomerView, customer_id, populate_existing=True)
    if customer is None or customer.reseller_id != reseller_id:
        raise UnknownCustomer()
    if customer.edition != "commercial":
        raise CustomerEditionNotEligible(
            f"the customer runs the {customer.edition.replace('_', ' ')} edition; "
            "it must move to a commercial edition before it can be sold to"
        )
    return customer


async def check_team_customer_allowed(
    uow: UnitOfWork, onboarding: InternalClient, customer: CustomerView | None, product_codes: set[str]
) -> None:
    """R-CU-4: a team customer (no verified domain) may only buy products that allow team customers."""
    session = uow.session
    if customer is None or customer.kind != "team":
        return
    refused = await products_closed_to_teams(session, product_codes)
    if not refused:
        return
    # verified its domain a moment ago? ask onboarding before refusing
    owner = customer.reseller_id
    if await readmodels.CUSTOMERS.refresh(uow, onboarding, customer.customer_id):
        await session.refresh(customer)
        if customer.reseller_id != owner:  # transferred meanwhile: no longer the caller's
            raise UnknownCustomer()
        if customer.kind != "team":
            return
    raise ProductNotForTeamCustomers(
        f"{', '.join(refused)} cannot be bought by a team customer; verify a domain first"
    )


async def products_closed_to_teams(session: AsyncSession, product_codes: set[str]) -> list[str]:
    return sorted(
        await session.scalars(
            sa.select(Product.code).where(
                Product.code.in_(product_codes), Product.team_customers_allowed.is_(False)
            )
        )
    )


async def check_ship_to_allowed(
    session: AsyncSession,
    onboarding: InternalClient,
    reseller_id: uuid.UUID,
    ship_to: schemas.ShipTo,
    product_codes: set[str],
) -> None:
    """R-CU-4 for an order naming its customer by ship-to (issue 8 item 14): the same rule as with a
    customer id. Onboarding decides who the ship-to is (R-CU-9); it is asked only when a product of
    the order is closed to team customers."""
    refused = await products_closed_to_teams(session, product_codes)
    if not refused:
        return
    if ship_to.domain and await session.scalar(  # a domain customer of the reseller's: no need to ask
        sa.select(CustomerView.customer_id).where(
            CustomerView.reseller_id == reseller_id,
            CustomerView.kind == "domain",
            CustomerView.domain == ship_to.domain.strip().lower(),
        )
    ):
        return
    who = await readmodels.ship_to_customer(onboarding, reseller_id, ship_to.email, ship_to.domain)
    kind = (who.customer.kind if who.customer else who.new_kind) if who is not None else None
    if kind == "team":
        raise ProductNotForTeamCustomers(
            f"{', '.join(refused)} cannot be bought by a team customer, and {ship_to.email} is (or would "
            "become) one; name a registered domain of the customer or verify its domain first"
        )


def decide_order_tax(reseller: ResellerView, vendor_country: str, on: date) -> TaxDecision:
    try:
        return decide_tax(tax_profile(reseller), vendor_country=vendor_country, on=on)
    except UnknownTaxJurisdiction as exc:
        raise TaxNotDeterminable(str(exc)) from exc


async def place_order(
    uow: UnitOfWork,
    onboarding: InternalClient,
    caller: Caller,
    vendor_country: str,
    body: schemas.OrderCreate,
) -> Order:
    session = uow.session
    assert caller.reseller_id is not None
    if body.payment_method != "bank_transfer":
        raise PaymentMethodNotAllowed(
            f"payment_method {body.payment_method!r} is refused for reseller orders"
        )
    try:
        currency = check_currency(body.currency)
    except InvalidMoney as exc:
        raise PriceNotAvailable(str(exc)) from exc
    reseller, read = await orderable_reseller_and_customer(
        uow, onboarding, caller.reseller_id, body.customer_id
    )
    customer = None
    if body.customer_id is not None:
        customer = await check_customer(
            uow, onboarding, reseller.reseller_id, body.customer_id, needs_terms=True, read=read
        )
    today = uow.clock.today()
    tax = decide_order_tax(reseller, vendor_country, today)

    codes = {line.sku for line in body.lines}
    skus = await orderable_skus(session, codes)
    missing = sorted(codes - skus.keys())
    if missing:
        raise UnknownSku(f"no SKU {', '.join(repr(m) for m in missing)}")
    product_codes = {s.product_code for s in skus.values()}
    await check_team_customer_allowed(uow, onboarding, customer, product_codes)
    if customer is None and body.ship_to is not None:
        await check_ship_to_allowed(session, onboarding, reseller.reseller_id, body.ship_to, product_codes)
    order_id = uuid.uuid4()
    priced, rows = [], []
    for number, line in enumerate(body.lines, start=1):
        sku = skus[line.sku]
        msrp = prices_in_force(sku.prices, today).get(currency)
        if msrp is None:
            raise PriceNotAvailable(f"line {number}: {line.sku} has no {currency} price")
        p = price_line(
            unit_msrp=msrp,
            discount_percent=reseller.discount_percent,
            quantity=line.quantity,
            tax_rate=tax.rate,
            currency=currency,
        )
        priced.append(p)
        rows.append(
            OrderLine(
                id=uuid.uuid4(),  # the column default runs at an ORM flush only: `_insert_order` sends it
                order_id=order_id,
                line_no=number,
                sku=sku.sku,
                product=sku.product_code,
                quantity=line.quantity,
                unit_msrp=p.unit_msrp,
                discount_percent=p.discount_percent,
                unit_price=p.unit_price,
                net=p.net,
                tax=p.tax,
                total=p.total,
            )
        )
    totals = order_totals(priced)
    order = Order(  # transient: written by `_insert_order`, rendered from this object
        id=order_id,
        reseller_id=reseller.reseller_id,
        customer_id=body.customer_id,
        ship_to=body.ship_to.model_dump(mode="json") if body.ship_to else None,
        status=OrderStatus.PLACED,
        awaiting_terms=False,
        currency=currency,
        payment_method=body.payment_method,
        # R-ON-3/6, serialised per reseller (usecases.credit)
        payment_requirement=await credit.decide_payment_requirement(
            session, reseller, currency, totals.total
        ),
        net_total=totals.net_total,
        tax_total=totals.tax_total,
        total=totals.total,
        tax_regime=tax.regime,
        tax_rate=tax.rate,
        tax_note=tax.note,
        placed_on=today,
    )
    order.lines = rows
    await uow.emit(_placed_event(order, rows), reseller_id=order.reseller_id)
    if status_when_placed(order.payment_requirement) == "released":
        await lifecycle.release(uow, order)  # R-BI-3/R-LI-1: on account, released at once
    order.created_at = await _insert_order(session, order, rows)
    return order


_ORDERS, _ORDER_LINES = table_of(Order), table_of(OrderLine)
_ORDER_COLUMNS = tuple(c for c in _ORDERS.columns if c.key != "created_at")
_LINE_COLUMNS = tuple(_ORDER_LINES.columns)


def _insert_order_and_lines() -> str:
    """The order (a data-modifying CTE) and its lines in one statement: `WITH new_order AS
    (INSERT … RETURNING created_at) INSERT INTO order_lines SELECT * FROM unnest($22::uuid[],
    $23::int[], …) RETURNING (SELECT created_at FROM new_order)` — one array per line column,
    unnested in lockstep, so one statement of one shape serves any number of lines. The lines'
    foreign key is checked at the end of the statement, when the order's row is there. Built once
    from the tables' metadata, run by the driver (libs.db.driver_connection)."""
    values = ", ".join(driver_parameter(n, c) for n, c in enumerate(_ORDER_COLUMNS, start=1))
    first = len(_ORDER_COLUMNS) + 1
    arrays = ", ".join(driver_parameter(n, c, array=True) for n, c in enumerate(_LINE_COLUMNS, start=first))
    order_columns = ", ".join(c.name for c in _ORDER_COLUMNS)
    return (
        f"WITH new_order AS (INSERT INTO {_ORDERS.fullname} ({order_columns}) "  # noqa: S608 - names from the metadata, values bound
        f"VALUES ({values}) RETURNING created_at) "
        f"INSERT INTO {_ORDER_LINES.fullname} ({', '.join(c.name for c in _LINE_COLUMNS)}) "
        f"SELECT * FROM unnest({arrays}) RETURNING (SELECT created_at FROM new_order)"
    )


_INSERT_ORDER_AND_LINES = _insert_order_and_lines()


async def _insert_order(session: AsyncSession, order: Order, lines: list[OrderLine]) -> datetime:
    """The new order (as decided, released or not) and its lines: one prebuilt statement, not an
    ORM flush — the unit-of-work flush of an order and five lines cost ordering more CPU than all
    the rest of `place_order` (bench/README.md). The objects stay transient: the response is
    rendered from them, and nothing else in the request touches them."""
    order_values = [driver_value(c, getattr(order, c.key)) for c in _ORDER_COLUMNS]
    line_values = [[getattr(line, c.key) for line in lines] for c in _LINE_COLUMNS]
    driver = await driver_connection(session)
    created_at = await driver.fetchval(_INSERT_ORDER_AND_LINES, *order_values, *line_values)
    assert created_at is not None  # RETURNING of the rows just inserted
    return cast(datetime, created_at)


def _placed_event(order: Order, lines: list[OrderLine]) -> ev.OrderPlaced:
    return ev.OrderPlaced(
        order_id=order.id,
        reseller_id=order.reseller_id,
        customer_id=order.customer_id,
        ship_to=ev.ShipToData(**order.ship_to) if order.ship_to else None,
        currency=order.currency,
        payment_method="bank_transfer",
        payment_requirement=order.payment_requirement,
        lines=[
            ev.OrderLineData(
                sku=ln.sku,
                product=ln.product,
                quantity=ln.quantity,
                unit_msrp=ln.unit_msrp,
                discount_percent=ln.discount_percent,
                unit_price=ln.unit_price,
                net=ln.net,
                tax=ln.tax,
                total=ln.total,
            )
            for ln in lines
        ],
        net_total=order.net_total,
        tax_total=order.tax_total,
        total=order.total,
        tax_regime=order.tax_regime,
        tax_rate=order.tax_rate,
        tax_note=order.tax_note,
        placed_on=order.placed_on,
    )


async def load_order(
    session: AsyncSession, caller: Caller, order_id: uuid.UUID, *, lock: bool = False
) -> Order:
    stmt = visible(Order, caller).where(Order.id == order_id).options(selectinload(Order.lines))
    return await load_or_404(session, stmt, OrderNotFound, lock=lock)


async def list_orders(
    session: AsyncSession, caller: Caller, page: PageQuery, status: str | None
) -> tuple[list[Order], str | None]:
    stmt = visible(Order, caller).options(selectinload(Order.lines))
    if status:
        stmt = stmt.where(Order.status == status)
    return await paginate(session, stmt, Order, page)


async def hand_over(uow: UnitOfWork, caller: Caller, order_id: uuid.UUID, note: str | None) -> Order:
    """R-OR-9: the opportunity goes to the vendor's sales team and leaves the reseller."""
    session = uow.session
    order = await load_order(session, caller, order_id, lock=True)
    try:
        order.status = transition(order.status, "handed_over")
    except InvalidOrderTransition as exc:
        raise OrderStateConflict(f"an order that is {order.status} cannot be handed over") from exc
    order.handed_over_note = note
    await uow.emit(
        ev.OrderHandedOver(order_id=order.id, reseller_id=order.reseller_id, note=note),
        reseller_id=order.reseller_id,
    )
    return order


async def cancel(uow: UnitOfWork, caller: Caller, order_id: uuid.UUID, reason: str) -> Order:
    """Only an unpaid (placed) order can be cancelled, by its reseller or by staff. A released
    order has its license under way; a cancelled on-account order leaves the credit line."""
    session = uow.session
    order = await load_order(session, caller, order_id, lock=True)
    try:
        order.status = transition(order.status, "cancelled")
    except InvalidOrderTransition as exc:
        raise OrderStateConflict(
            f"an order that is {order.status} cannot be cancelled; only an unpaid (placed) order can"
        ) from exc
    order.cancellation_reason = reason
    await uow.emit(
        ev.OrderCancelled(order_id=order.id, reseller_id=order.reseller_id, reason=reason),
        reseller_id=order.reseller_id,
    )
    return order


async def placed_snapshot(session: AsyncSession, order_id: uuid.UUID) -> ev.OrderPlaced | None:
    """The order as its `ordering.order.placed.v1` event carried it, for a service whose read model
    of it lags a caller's write (billing invoicing an order the partner asks about at once)."""
    order = await session.scalar(
        sa.select(Order).where(Order.id == order_id).options(selectinload(Order.lines))
    )
    return None if order is None else _placed_event(order, list(order.lines))
