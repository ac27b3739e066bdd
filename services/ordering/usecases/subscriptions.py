"""R-OR-6/7/10: seat subscriptions — create, add seats (prorated), renew, trials and their conversion."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from libs.auth import Caller, scope_to_tenant
from libs.clock import Clock
from libs.events import ordering as ev
from libs.internal_client import InternalClient
from libs.money import InvalidMoney, check_currency, round_half_up
from libs.pagination import PageQuery, paginate
from services.ordering import schemas
from services.ordering.domain.pricing import partner_unit_price
from services.ordering.domain.proration import (
    charge_for_added_seats,
    monthly_unit_price,
    months_remaining,
    period_end,
    trial_end,
)
from services.ordering.domain.tax import TaxDecision
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
    OUTBOX,
    ResellerView,
    SeatPurchase,
    Sku,
    Subscription,
    SubscriptionPeriod,
)
from services.ordering.usecases.catalog import current_prices
from services.ordering.usecases.orders import (
    check_customer,
    check_team_customer_allowed,
    decide_order_tax,
    orderable_reseller,
)

PLAN_FOR_TERM = {1: "monthly", 12: "yearly"}
ZERO = Decimal(0)


@dataclass(frozen=True)
class Charge:
    net: Decimal
    tax: Decimal
    total: Decimal
    decision: TaxDecision

    def to_event(self) -> ev.ChargeData:
        return ev.ChargeData(
            net=self.net,
            tax=self.tax,
            total=self.total,
            tax_regime=self.decision.regime,
            tax_rate=self.decision.rate,
            tax_note=self.decision.note,
        )


def _charge(net: Decimal, decision: TaxDecision, currency: str) -> Charge:
    tax = round_half_up(net * decision.rate, currency)
    return Charge(net=net, tax=tax, total=net + tax, decision=decision)


def _event_fields(sub: Subscription) -> dict[str, object]:
    return dict(
        subscription_id=sub.id,
        reseller_id=sub.reseller_id,
        customer_id=sub.customer_id,
        sku=sub.sku,
        product=sub.product,
        seats=sub.seats,
        term_months=sub.term_months,
        status=sub.status,
        period_start=sub.period_start,
        period_end=sub.period_end,
        currency=sub.currency,
        unit_price=sub.unit_price,
    )


def _period(sub: Subscription, number: int, kind: str, charge: Charge) -> SubscriptionPeriod:
    return SubscriptionPeriod(
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
    session: AsyncSession,
    onboarding: InternalClient,
    caller: Caller,
    clock: Clock,
    vendor_country: str,
    trial_days: int,
    body: schemas.SubscriptionCreate,
) -> Subscription:
    assert caller.reseller_id is not None
    reseller = await orderable_reseller(session, onboarding, caller.reseller_id)
    customer = await check_customer(session, onboarding, reseller.reseller_id, body.customer_id)
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
    await check_team_customer_allowed(session, onboarding, customer, {sku.product_code})
    try:
        currency = check_currency(body.currency or reseller.credit_currency)
    except InvalidMoney as exc:
        raise PriceNotAvailable(str(exc)) from exc
    today = clock.today()
    msrp = current_prices(sku, today).get(currency)
    if msrp is None:
        raise PriceNotAvailable(f"{sku.sku} has no {currency} price")
    decision = decide_order_tax(reseller, vendor_country, today)
    unit_price = partner_unit_price(msrp, reseller.discount_percent, currency)
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
        status="trial" if body.trial else "active",
        trial=body.trial,
        converted_on=None,
        currency=currency,
        unit_msrp=msrp,
        discount_percent=reseller.discount_percent,
        unit_price=unit_price,
    )
    session.add(sub)
    await session.flush()
    # A free trial charges nothing (R-OR-10); a paid subscription pays the whole first term.
    charge = _charge(ZERO if body.trial else unit_price * body.seats, decision, currency)
    session.add(_period(sub, 1, "trial" if body.trial else "initial", charge))
    await session.flush()
    await OUTBOX.emit(
        session,
        ev.SubscriptionCreated(
            **_event_fields(sub),  # type: ignore[arg-type]
            trial=sub.trial,
            charge=None if sub.trial else charge.to_event(),
        ),
        reseller_id=sub.reseller_id,
    )
    return await load_subscription(session, caller, sub.id)


def _visible(stmt: sa.Select, caller: Caller) -> sa.Select:
    """A reseller's subscriptions; a customer the subscriptions it holds; staff all."""
    return scope_to_tenant(
        stmt, caller, reseller_column=Subscription.reseller_id, customer_column=Subscription.customer_id
    )


async def load_subscription(
    session: AsyncSession, caller: Caller, subscription_id: uuid.UUID, *, lock: bool = False
) -> Subscription:
    stmt = _visible(
        sa.select(Subscription)
        .where(Subscription.id == subscription_id)
        .options(selectinload(Subscription.periods), selectinload(Subscription.seat_purchases))
        .execution_options(populate_existing=True),
        caller,
    )
    if lock:
        stmt = stmt.with_for_update(of=Subscription)
    sub = await session.scalar(stmt)
    if sub is None:
        raise SubscriptionNotFound()
    return sub


async def list_subscriptions(
    session: AsyncSession,
    caller: Caller,
    page: PageQuery,
    *,
    customer_id: uuid.UUID | None,
    status: str | None,
) -> tuple[list[Subscription], str | None]:
    stmt = _visible(
        sa.select(Subscription).options(
            selectinload(Subscription.periods), selectinload(Subscription.seat_purchases)
        ),
        caller,
    )
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
    if sub.status not in ("active", "trial"):
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
    session: AsyncSession,
    caller: Caller,
    clock: Clock,
    subscription_id: uuid.UUID,
    add: int,
    as_of: date | None,
) -> Quote:
    sub = await load_subscription(session, caller, subscription_id)
    return quote_seats(sub, add, as_of or clock.today())


async def _reseller_of(session: AsyncSession, onboarding: InternalClient, sub: Subscription) -> ResellerView:
    return await orderable_reseller(session, onboarding, sub.reseller_id)


async def add_seats(
    session: AsyncSession,
    onboarding: InternalClient,
    caller: Caller,
    clock: Clock,
    vendor_country: str,
    subscription_id: uuid.UUID,
    body: schemas.SeatsAdd,
) -> Subscription:
    sub = await load_subscription(session, caller, subscription_id, lock=True)
    reseller = await _reseller_of(session, onboarding, sub)
    # a purchase is dated (and charged) today; another date only as a staff correction, recorded
    # as such — otherwise seats used from today could be back-dated into a cheap last month
    purchase_date, corrected_by = clock.today(), None
    if body.as_of is not None and body.as_of != purchase_date:
        if not caller.is_staff:
            raise SeatDateNotAllowed(
                f"seats bought now are dated {purchase_date}; quote other dates with GET …/seat-quote?as_of="
            )
        purchase_date, corrected_by = body.as_of, caller.identity
    quote = quote_seats(sub, body.add, purchase_date)
    charge = _charge(quote.total, decide_order_tax(reseller, vendor_country, clock.today()), sub.currency)
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
        )
    )
    await session.flush()
    await OUTBOX.emit(
        session,
        ev.SubscriptionSeatsAdded(
            **_event_fields(sub),  # type: ignore[arg-type]
            added=body.add,
            as_of=quote.as_of,
            months_charged=quote.months_charged,
            unit_price_per_month=quote.unit_price_per_month,
            charge=None if sub.status == "trial" else charge.to_event(),
        ),
        reseller_id=sub.reseller_id,
    )
    return await load_subscription(session, caller, sub.id)


async def renew(
    session: AsyncSession,
    onboarding: InternalClient,
    caller: Caller,
    clock: Clock,
    vendor_country: str,
    subscription_id: uuid.UUID,
) -> Subscription:
    """R-OR-6: renewal creates the next period, starting where the current one ends, at the
    subscription's unit price, for its current seats. A period that has not started yet (an
    earlier renewal) cannot be renewed again."""
    sub = await load_subscription(session, caller, subscription_id, lock=True)
    if sub.status != "active":
        raise SubscriptionStateConflict(
            f"a subscription that is {sub.status} cannot be renewed"
            + (" (convert the trial first)" if sub.status == "trial" else "")
        )
    today = clock.today()
    if today < sub.period_start:
        raise SubscriptionStateConflict(f"already renewed: the next period starts on {sub.period_start}")
    reseller = await _reseller_of(session, onboarding, sub)
    sub.period_start, sub.period_end = sub.period_end, period_end(sub.period_end, sub.term_months)
    charge = _charge(
        sub.unit_price * sub.seats, decide_order_tax(reseller, vendor_country, today), sub.currency
    )
    number = len(sub.periods) + 1
    session.add(_period(sub, number, "renewal", charge))
    await session.flush()
    await OUTBOX.emit(
        session,
        ev.SubscriptionRenewed(
            **_event_fields(sub),  # type: ignore[arg-type]
            period_number=number,
            charge=charge.to_event(),
        ),
        reseller_id=sub.reseller_id,
    )
    return await load_subscription(session, caller, sub.id)


async def convert(
    session: AsyncSession,
    onboarding: InternalClient,
    caller: Caller,
    clock: Clock,
    vendor_country: str,
    subscription_id: uuid.UUID,
) -> Subscription:
    """R-OR-10: a trial becomes paid; its first paid term starts on the conversion day."""
    sub = await load_subscription(session, caller, subscription_id, lock=True)
    today = clock.today()
    if sub.status != "trial":
        raise SubscriptionStateConflict(f"only a trial can be converted; this subscription is {sub.status}")
    if today >= sub.period_end:
        raise SubscriptionStateConflict(f"the trial ended on {sub.period_end}")
    reseller = await _reseller_of(session, onboarding, sub)
    sub.status = "active"
    sub.converted_on = today
    sub.period_start, sub.period_end = today, period_end(today, sub.term_months)
    charge = _charge(
        sub.unit_price * sub.seats, decide_order_tax(reseller, vendor_country, today), sub.currency
    )
    session.add(_period(sub, len(sub.periods) + 1, "conversion", charge))
    await session.flush()
    await OUTBOX.emit(
        session,
        ev.SubscriptionConverted(**_event_fields(sub), charge=charge.to_event()),  # type: ignore[arg-type]
        reseller_id=sub.reseller_id,
    )
    return await load_subscription(session, caller, sub.id)


async def expire_due_trials(session: AsyncSession, as_of: date) -> list[uuid.UUID]:
    """R-OR-10: trials whose period ended on or before `as_of` and were not converted expire."""
    due = list(
        await session.scalars(
            sa.select(Subscription)
            .where(Subscription.status == "trial", Subscription.period_end <= as_of)
            .order_by(Subscription.period_end, Subscription.id)
            .with_for_update(skip_locked=True)
        )
    )
    for sub in due:
        sub.status = "expired"
        await OUTBOX.emit(
            session,
            ev.SubscriptionExpired(**_event_fields(sub)),  # type: ignore[arg-type]
            reseller_id=sub.reseller_id,
        )
    await session.flush()
    return [sub.id for sub in due]
