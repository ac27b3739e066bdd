"""R-OR-6/7/10: seat subscriptions — create, add seats (prorated), renew, trials and their conversion."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from libs.auth import Caller
from libs.db import UnitOfWork
from libs.events import ordering as ev
from libs.internal_client import InternalClient
from libs.money import InvalidMoney, check_currency
from libs.pagination import PageQuery, paginate
from libs.repository import load_or_404
from libs.tenancy import visible
from services.ordering import schemas
from services.ordering.domain import subscription_states as states
from services.ordering.domain.credit import PaymentRequirement
from services.ordering.domain.pricing import Charge, charge_for, partner_unit_price, prices_in_force
from services.ordering.domain.proration import (
    charge_for_added_seats,
    monthly_unit_price,
    months_remaining,
    period_end,
    trial_end,
)
from services.ordering.errors import (
    PriceNotAvailable,
    SeatDateNotAllowed,
    SeatDateOutsidePeriod,
    SkuNotSeatBased,
    SubscriptionNotFound,
    SubscriptionStateConflict,
    TermDoesNotMatchPlan,
    UnknownSku,
)
from services.ordering.models import (
    CustomerView,
    ResellerView,
    SeatPurchase,
    Sku,
    Subscription,
    SubscriptionCharge,
    SubscriptionPeriod,
)
from services.ordering.usecases import credit, readmodels
from services.ordering.usecases.orders import (
    check_customer,
    check_team_customer_allowed,
    decide_order_tax,
    orderable_reseller,
)
from services.ordering.usecases.subscription_moves import event_fields

PLAN_FOR_TERM = {1: "monthly", 12: "yearly"}
ZERO = Decimal(0)


def _charge_data(charge: Charge, row: SubscriptionCharge) -> ev.ChargeData:
    """The charge as billing reads it from the subscription's events."""
    return ev.ChargeData(
        charge_id=row.id,
        payment_requirement=row.payment_requirement,
        net=charge.net,
        tax=charge.tax,
        total=charge.total,
        tax_regime=charge.decision.regime,
        tax_rate=charge.decision.rate,
        tax_note=charge.decision.note,
    )


async def _decide(
    session: AsyncSession, reseller: ResellerView, currency: str, charge: Charge
) -> PaymentRequirement:
    """R-ON-3/6: the same decision as for orders, serialised per reseller (usecases.credit)."""
    return await credit.decide_payment_requirement(session, reseller, currency, charge.total)


def _charge_row(
    sub: Subscription,
    kind: str,
    seats: int,
    charge: Charge,
    requirement: PaymentRequirement,
    today: date,
) -> SubscriptionCharge:
    """The charge billed to the subscription's reseller now: on account it is released (usable) at
    once and uses the credit line until paid; prepaid it waits for billing's payment."""
    return SubscriptionCharge(
        id=uuid.uuid4(),
        subscription_id=sub.id,
        reseller_id=sub.reseller_id,
        kind=kind,
        seats=seats,
        currency=sub.currency,
        net=charge.net,
        tax=charge.tax,
        total=charge.total,
        payment_requirement=requirement,
        status="released" if requirement == "on_account" else "pending_payment",
        charged_on=today,
        paid_on=None,
    )


def _period(
    sub: Subscription, number: int, kind: str, charge: Charge, row: SubscriptionCharge | None
) -> SubscriptionPeriod:
    return SubscriptionPeriod(
        charge_id=row.id if row is not None else None,
        id=uuid.uuid4(),
        subscription_id=sub.id,
        number=number,
        kind=kind,
        start=sub.period_start,
        end=sub.period_end,
        seats=sub.seats,
        unit_price=sub.unit_price,
        net=charge.net,
        tax=charge.tax,
        total=charge.total,
        tax_regime=charge.decision.regime,
        tax_rate=charge.decision.rate,
    )


async def create_subscription(
    uow: UnitOfWork,
    onboarding: InternalClient,
    caller: Caller,
    vendor_country: str,
    trial_days: int,
    body: schemas.SubscriptionCreate,
) -> Subscription:
    session = uow.session
    assert caller.reseller_id is not None
    reseller = await orderable_reseller(uow, onboarding, caller.reseller_id)
    # a charge confirms who owns the customer now (R-CU-5: imported a moment ago by another reseller?)
    await readmodels.CUSTOMERS.refresh(uow, onboarding, body.customer_id)
    customer = await check_customer(uow, onboarding, reseller.reseller_id, body.customer_id)
    sku = await session.scalar(
        sa.select(Sku).where(Sku.sku == body.sku, Sku.active.is_(True)).options(selectinload(Sku.prices))
    )
    if sku is None:
        raise UnknownSku(f"no SKU {body.sku!r}")
    if not sku.seat_based:
        raise SkuNotSeatBased(f"{sku.sku} is not seat-based")
    if PLAN_FOR_TERM[body.term_months] != sku.billing_plan:
        raise TermDoesNotMatchPlan(
            f"{sku.sku} is billed {sku.billing_plan}; a {body.term_months}-month term needs a "
            f"{PLAN_FOR_TERM[body.term_months]} SKU"
        )
    await check_team_customer_allowed(uow, onboarding, customer, {sku.product_code})
    try:
        currency = check_currency(body.currency or reseller.credit_currency)
    except InvalidMoney as exc:
        raise PriceNotAvailable(str(exc)) from exc
    today = uow.clock.today()
    msrp = prices_in_force(sku.prices, today).get(currency)
    if msrp is None:
        raise PriceNotAvailable(f"{sku.sku} has no {currency} price")
    decision = decide_order_tax(reseller, vendor_country, today)
    unit_price = partner_unit_price(msrp, reseller.discount_percent, currency)
    # A free trial charges nothing (R-OR-10); a paid subscription pays the whole first term, prepaid
    # (usable once paid: pending_payment) or on account (R-ON-3/6) like an order.
    charge = charge_for(ZERO if body.trial else unit_price * body.seats, decision, currency)
    requirement = None if body.trial else await _decide(session, reseller, currency, charge)
    sub = Subscription(
        id=uuid.uuid4(),
        reseller_id=reseller.reseller_id,
        customer_id=customer.customer_id,
        sku=sku.sku,
        product=sku.product_code,
        seats=body.seats,
        term_months=body.term_months,
        period_start=today,
        period_end=trial_end(today, trial_days) if body.trial else period_end(today, body.term_months),
        status=states.status_when_bought(trial=body.trial, payment_requirement=requirement),
        seats_pending_payment=0,
        trial=body.trial,
        converted_on=None,
        currency=currency,
        unit_msrp=msrp,
        discount_percent=reseller.discount_percent,
        unit_price=unit_price,
    )
    session.add(sub)
    await session.flush()
    row = None if requirement is None else _charge_row(sub, "initial", sub.seats, charge, requirement, today)
    if row is not None:
        session.add(row)
        await session.flush()
    session.add(_period(sub, 1, "trial" if body.trial else "initial", charge, row))
    await session.flush()
    await uow.emit(
        ev.SubscriptionCreated(
            **event_fields(sub),
            trial=sub.trial,
            charge=None if row is None else _charge_data(charge, row),
        ),
        reseller_id=sub.reseller_id,
    )
    return await load_subscription(session, caller, sub.id)


_LOAD = (
    selectinload(Subscription.periods),
    selectinload(Subscription.seat_purchases),
    selectinload(Subscription.charges),
)


async def load_subscription(
    session: AsyncSession, caller: Caller, subscription_id: uuid.UUID, *, lock: bool = False
) -> Subscription:
    stmt = (
        visible(Subscription, caller)
        .where(Subscription.id == subscription_id)
        .options(*_LOAD)
        .execution_options(populate_existing=True)
    )
    return await load_or_404(session, stmt, SubscriptionNotFound, lock=lock, lock_of=Subscription)


async def find_subscription(
    uow: UnitOfWork,
    onboarding: InternalClient,
    caller: Caller,
    subscription_id: uuid.UUID,
    *,
    lock: bool = False,
    confirm_owner: bool = False,
) -> Subscription:
    """The caller's subscription, with its customer's owner confirmed where it matters (R-CU-5).

    Ordering learns of an import some 100 ms after onboarding acknowledged it. So before a reseller
    is told "not yours" about a subscription that exists, the customer's owner is refreshed from
    onboarding (which moves the subscriptions along, `subscription_moves`): the importing reseller's
    next call works. A charge (`confirm_owner`: seats, renewal, conversion) always refreshes it first,
    so the reseller the customer left is refused at once and never billed again. The refresh comes
    before the subscription's row lock (lock order: customer view, then subscription)."""
    session = uow.session
    if caller.kind != "customer":
        found = (
            await session.execute(
                sa.select(Subscription.customer_id, Subscription.reseller_id).where(
                    Subscription.id == subscription_id
                )
            )
        ).first()
        if found is not None and (
            confirm_owner or (caller.kind == "reseller" and found.reseller_id != caller.reseller_id)
        ):
            await readmodels.CUSTOMERS.refresh(uow, onboarding, found.customer_id)
    return await load_subscription(session, caller, subscription_id, lock=lock)


async def list_subscriptions(
    uow: UnitOfWork,
    onboarding: InternalClient,
    caller: Caller,
    page: PageQuery,
    *,
    customer_id: uuid.UUID | None,
    status: str | None,
) -> tuple[list[Subscription], str | None]:
    session = uow.session
    if customer_id is not None and caller.kind == "reseller":
        # one customer's subscriptions, asked by a reseller ordering does not know as its owner:
        # imported a moment ago? ask onboarding first (the move brings its subscriptions along)
        owner = await session.scalar(
            sa.select(CustomerView.reseller_id).where(CustomerView.customer_id == customer_id)
        )
        if owner != caller.reseller_id:
            await readmodels.CUSTOMERS.refresh(uow, onboarding, customer_id)
    stmt = visible(Subscription, caller).options(*_LOAD)
    if customer_id is not None:
        stmt = stmt.where(Subscription.customer_id == customer_id)
    if status is not None:
        stmt = stmt.where(Subscription.status == status)
    return await paginate(session, stmt, Subscription, page)


@dataclass(frozen=True)
class Quote:
    seats: int
    as_of: date
    months_charged: int
    unit_price_per_month: Decimal  # for information: the term price / term months, rounded
    total: Decimal  # = price_per_seat x seats
    currency: str
    term_price: Decimal = ZERO  # per seat per term
    price_per_seat: Decimal = ZERO  # = round(term_price x months_charged / term_months)


def quote_seats(sub: Subscription, add: int, as_of: date) -> Quote:
    """R-OR-7: extra seats pay only the months left in the period, a started month counting whole.
    A trial's seats are free (R-OR-10)."""
    if not states.can_add_seats(sub.status):
        raise SubscriptionStateConflict(f"seats cannot be added to a subscription that is {sub.status}")
    # the period the seats are bought in: after an early renewal, the subscription's dates already
    # show the next period, but seats can still be added to the one running today (issue 8 item 2)
    periods = sorted(sub.periods, key=lambda p: p.number)
    current = next((p for p in periods if p.start <= as_of < p.end), None)
    if current is None:
        first = min((p.start for p in periods), default=sub.period_start)
        raise SeatDateOutsidePeriod(
            f"as_of {as_of} is outside the subscription's periods {first} to {sub.period_end}"
        )
    months = min(months_remaining(current.start, current.end, as_of), sub.term_months)
    if sub.status == "trial":
        return Quote(add, as_of, months, ZERO, ZERO, sub.currency)
    renewed_terms = sum(1 for p in periods if p.start >= current.end)
    charge = charge_for_added_seats(
        term_price=sub.unit_price,
        term_months=sub.term_months,
        seats=add,
        months_left_in_period=months,
        renewed_terms=renewed_terms,
        currency=sub.currency,
    )
    return Quote(
        seats=add,
        as_of=as_of,
        months_charged=charge.months_charged,
        unit_price_per_month=monthly_unit_price(sub.unit_price, sub.term_months, sub.currency),
        total=charge.total,
        currency=sub.currency,
        term_price=sub.unit_price,
        price_per_seat=charge.price_per_seat,
    )


async def seat_quote(
    uow: UnitOfWork,
    onboarding: InternalClient,
    caller: Caller,
    subscription_id: uuid.UUID,
    add: int,
    as_of: date | None,
) -> Quote:
    sub = await find_subscription(uow, onboarding, caller, subscription_id)
    return quote_seats(sub, add, as_of or uow.clock.today())


async def _reseller_of(uow: UnitOfWork, onboarding: InternalClient, sub: Subscription) -> ResellerView:
    return await orderable_reseller(uow, onboarding, sub.reseller_id)


async def add_seats(
    uow: UnitOfWork,
    onboarding: InternalClient,
    caller: Caller,
    vendor_country: str,
    subscription_id: uuid.UUID,
    body: schemas.SeatsAdd,
) -> Subscription:
    session = uow.session
    sub = await find_subscription(uow, onboarding, caller, subscription_id, lock=True, confirm_owner=True)
    reseller = await _reseller_of(uow, onboarding, sub)
    # a purchase is dated (and charged) today; another date only as a staff correction, recorded
    # as such — otherwise seats used from today could be back-dated into a cheap last month
    purchase_date, corrected_by = uow.clock.today(), None
    if body.as_of is not None and body.as_of != purchase_date:
        if not caller.is_staff:
            raise SeatDateNotAllowed(
                f"seats bought now are dated {purchase_date}; quote other dates with GET …/seat-quote?as_of="
            )
        purchase_date, corrected_by = body.as_of, caller.identity
    quote = quote_seats(sub, body.add, purchase_date)
    charge = charge_for(
        quote.total, decide_order_tax(reseller, vendor_country, uow.clock.today()), sub.currency
    )
    row = None
    if sub.status != "trial":  # a trial's seats are free (R-OR-10)
        requirement = await _decide(session, reseller, sub.currency, charge)
        row = _charge_row(sub, "seats", body.add, charge, requirement, uow.clock.today())
        session.add(row)
        await session.flush()
        if requirement == "prepay":  # bought, but usable once paid
            sub.seats_pending_payment += body.add
    sub.seats += body.add
    session.add(
        SeatPurchase(
            id=uuid.uuid4(),
            subscription_id=sub.id,
            added=body.add,
            as_of=quote.as_of,
            months_charged=quote.months_charged,
            unit_price=quote.unit_price_per_month,
            price_per_seat=quote.price_per_seat,
            date_corrected_by=corrected_by,
            net=charge.net,
            tax=charge.tax,
            total=charge.total,
            tax_regime=charge.decision.regime,
            tax_rate=charge.decision.rate,
            charge_id=row.id if row is not None else None,
        )
    )
    await session.flush()
    await uow.emit(
        ev.SubscriptionSeatsAdded(
            **event_fields(sub),
            added=body.add,
            as_of=quote.as_of,
            months_charged=quote.months_charged,
            unit_price_per_month=quote.unit_price_per_month,
            charge=None if row is None else _charge_data(charge, row),
        ),
        reseller_id=sub.reseller_id,
    )
    return await load_subscription(session, caller, sub.id)


async def renew(
    uow: UnitOfWork,
    onboarding: InternalClient,
    caller: Caller,
    vendor_country: str,
    subscription_id: uuid.UUID,
) -> Subscription:
    """R-OR-6: renewal creates the next period, starting where the current one ends, at the
    subscription's unit price, for its current seats. A period that has not started yet (an
    earlier renewal) cannot be renewed again."""
    session = uow.session
    sub = await find_subscription(uow, onboarding, caller, subscription_id, lock=True, confirm_owner=True)
    if not states.can_renew(sub.status):
        raise SubscriptionStateConflict(
            f"a subscription that is {sub.status} cannot be renewed"
            + (" (convert the trial first)" if sub.status == "trial" else "")
        )
    today = uow.clock.today()
    if today < sub.period_start:
        raise SubscriptionStateConflict(f"already renewed: the next period starts on {sub.period_start}")
    reseller = await _reseller_of(uow, onboarding, sub)
    sub.period_start, sub.period_end = sub.period_end, period_end(sub.period_end, sub.term_months)
    charge = charge_for(
        sub.unit_price * sub.seats, decide_order_tax(reseller, vendor_country, today), sub.currency
    )
    requirement = await _decide(session, reseller, sub.currency, charge)
    row = _charge_row(sub, "renewal", sub.seats, charge, requirement, today)
    session.add(row)
    await session.flush()
    number = len(sub.periods) + 1
    session.add(_period(sub, number, "renewal", charge, row))
    await session.flush()
    await uow.emit(
        ev.SubscriptionRenewed(
            **event_fields(sub),
            period_number=number,
            charge=_charge_data(charge, row),
        ),
        reseller_id=sub.reseller_id,
    )
    return await load_subscription(session, caller, sub.id)


async def convert(
    uow: UnitOfWork,
    onboarding: InternalClient,
    caller: Caller,
    vendor_country: str,
    subscription_id: uuid.UUID,
) -> Subscription:
    """R-OR-10: a trial becomes paid; its first paid term starts on the conversion day."""
    session = uow.session
    sub = await find_subscription(uow, onboarding, caller, subscription_id, lock=True, confirm_owner=True)
    today = uow.clock.today()
    if not states.can_convert(sub.status):
        raise SubscriptionStateConflict(f"only a trial can be converted; this subscription is {sub.status}")
    if today >= sub.period_end:
        raise SubscriptionStateConflict(f"the trial ended on {sub.period_end}")
    reseller = await _reseller_of(uow, onboarding, sub)
    charge = charge_for(
        sub.unit_price * sub.seats, decide_order_tax(reseller, vendor_country, today), sub.currency
    )
    requirement = await _decide(session, reseller, sub.currency, charge)
    sub.status = states.transition(
        sub.status, states.status_when_bought(trial=False, payment_requirement=requirement)
    )
    sub.converted_on = today
    sub.period_start, sub.period_end = today, period_end(today, sub.term_months)
    row = _charge_row(sub, "conversion", sub.seats, charge, requirement, today)
    session.add(row)
    await session.flush()
    session.add(_period(sub, len(sub.periods) + 1, "conversion", charge, row))
    await session.flush()
    await uow.emit(
        ev.SubscriptionConverted(**event_fields(sub), charge=_charge_data(charge, row)),
        reseller_id=sub.reseller_id,
    )
    return await load_subscription(session, caller, sub.id)


async def expire_due_trials(uow: UnitOfWork, as_of: date) -> list[uuid.UUID]:
    """R-OR-10: trials whose period ended on or before `as_of` and were not converted expire."""
    session = uow.session
    due = list(
        await session.scalars(
            sa.select(Subscription)
            .where(Subscription.status == "trial", Subscription.period_end <= as_of)
            .order_by(Subscription.period_end, Subscription.id)
            .with_for_update(skip_locked=True)
        )
    )
    for sub in due:
        sub.status = states.transition(sub.status, "expired")
        await uow.emit(
            ev.SubscriptionExpired(**event_fields(sub)),
            reseller_id=sub.reseller_id,
        )
    await session.flush()
    return [sub.id for sub in due]


class EventForUnknownCharge(Exception):
    """Billing reported a payment for a charge ordering does not have (or not for that subscription
    and bill-to reseller): ordering writes a charge before anyone learns of it, so waiting will not
    help — the handler fails and the event ends in `failed_events`."""


async def record_charge_payment(
    uow: UnitOfWork,
    *,
    charge_id: uuid.UUID,
    subscription_id: uuid.UUID,
    reseller_id: uuid.UUID,
    received_on: date,
) -> bool:
    """R-BI-2/3 for subscriptions: billing accepted the payment of a charge. It leaves the credit line
    (on account) or releases what it paid for (prepaid): the subscription (`initial`, `conversion`),
    the seats (`seats`) or the renewed period (`renewal`). Idempotent; True when it released now."""
    session = uow.session
    sub = await session.scalar(  # lock order: subscription, then its charge
        sa.select(Subscription)
        .where(Subscription.id == subscription_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    charge = await session.scalar(
        sa.select(SubscriptionCharge)
        .where(
            SubscriptionCharge.id == charge_id,
            SubscriptionCharge.subscription_id == subscription_id,
            SubscriptionCharge.reseller_id == reseller_id,
        )
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    if sub is None or charge is None:
        raise EventForUnknownCharge(
            f"no charge {charge_id} of subscription {subscription_id} for {reseller_id}"
        )
    if charge.paid_on is None or received_on < charge.paid_on:
        charge.paid_on = received_on
    if charge.status != "pending_payment":
        await session.flush()
        return False
    charge.status = states.ChargeStatus.RELEASED
    if charge.kind in ("initial", "conversion") and sub.status == "pending_payment":
        sub.status = states.transition(sub.status, "active")
    elif charge.kind == "seats":
        sub.seats_pending_payment = max(0, sub.seats_pending_payment - charge.seats)
    await session.flush()
    await uow.emit(
        ev.SubscriptionChargeReleased(
            **event_fields(sub),
            charge_id=charge.id,
            kind=charge.kind,
            charge_reseller_id=charge.reseller_id,
        ),
        reseller_id=charge.reseller_id,
    )
    return True
