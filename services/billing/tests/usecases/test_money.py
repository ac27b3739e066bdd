"""Billing's money rules through its use cases, against a real PostgreSQL in a rolled-back transaction
(the fast tier: no broker, no other service, no gateway — seconds, not minutes)."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from libs.auth import Caller
from libs.db import UnitOfWork
from libs.events import ordering as ordering_events
from libs.events.billing import CreditNoteKind
from libs.late_interest import accrue
from libs.money import MoneyIn, round_half_up
from libs.testing.usecases import emitted
from services.billing.models import OUTBOX, TABLES, Invoice
from services.billing.schemas import PaymentCreate, RefundCreate
from services.billing.usecases import credit_balance, credit_notes, dunning, invoicing, ledger, payments
from services.billing.usecases.amounts import amount_due, interest

STAFF = Caller(kind="staff", roles=("admin",), key_id="test")
PLACED = date(2026, 3, 2)
RATE = Decimal("0.08")


async def invoice(
    uow: UnitOfWork, reseller: uuid.UUID, total: str, *, requirement: str = "on_account"
) -> Invoice:
    return await invoicing.invoice_order(uow, placed(reseller, total, requirement=requirement))


def placed(
    reseller: uuid.UUID, total: str, *, requirement: str = "on_account"
) -> ordering_events.OrderPlaced:
    amount = Decimal(total)
    return ordering_events.OrderPlaced(
        order_id=uuid.uuid4(),
        reseller_id=reseller,
        customer_id=None,
        ship_to=None,
        currency="EUR",
        payment_method="bank_transfer",
        payment_requirement=requirement,
        lines=[
            ordering_events.OrderLineData(
                sku="SKU-1",
                product="p",
                quantity=1,
                unit_msrp=amount,
                discount_percent=Decimal(0),
                unit_price=amount,
                net=amount,
                tax=Decimal(0),
                total=amount,
            )
        ],
        net_total=amount,
        tax_total=Decimal(0),
        total=amount,
        tax_regime="eu_reverse_charge",
        tax_rate=Decimal(0),
        tax_note=None,
        placed_on=PLACED,
    )


async def pay(uow: UnitOfWork, ref: str, amount: str, on: date) -> None:
    body = PaymentCreate(
        reference=ref, amount=MoneyIn(amount=Decimal(amount), currency="EUR"), received_on=on
    )
    await payments.record_payment(uow, STAFF, body, on)


@pytest.fixture
async def billing(service_session: Callable[[str], Awaitable[AsyncSession]]) -> UnitOfWork:
    """A unit of work over the test's rolled-back session, with billing's outbox."""
    return UnitOfWork.over(await service_session("billing"), outbox=OUTBOX)


async def test_r_bi_4_interest_stops_on_the_value_date_whatever_day_the_payment_is_recorded(
    billing: UnitOfWork,
) -> None:
    reseller = uuid.uuid4()
    inv = await invoice(billing, reseller, "1000.00")
    await dunning.run(billing, inv.due_date + timedelta(days=13))  # the run before the upload
    assert interest(inv) == round_half_up(
        accrue(Decimal(1000), RATE, inv.due_date, inv.due_date + timedelta(days=13)), "EUR"
    )
    owed_on_12th = Decimal("1000.00") + round_half_up(
        accrue(Decimal(1000), RATE, inv.due_date, inv.due_date + timedelta(days=12)), "EUR"
    )
    await pay(billing, inv.payment_reference, str(owed_on_12th), inv.due_date + timedelta(days=12))
    await billing.session.refresh(inv)
    assert inv.status == "paid" and amount_due(inv) == 0
    assert interest(inv) == owed_on_12th - Decimal("1000.00")
    facts = await emitted(billing.session, TABLES.outbox, "billing.reseller.overdue_changed.v1")
    assert [f["data"]["has_overdue"] for f in facts] == [True, False]
    assert [f["data"]["version"] for f in facts] == [1, 2]


async def test_r_bi_9_overpayment_is_credit_that_pays_the_next_invoice_and_can_be_refunded(
    billing: UnitOfWork,
) -> None:
    reseller = uuid.uuid4()
    first = await invoice(billing, reseller, "100.00")
    await pay(billing, first.payment_reference, "130.00", PLACED)
    assert await ledger.credit_balance(billing.session, reseller) == {"EUR": Decimal("30.00")}
    second = await invoice(billing, reseller, "20.00")
    assert second.status == "paid"
    assert await ledger.credit_balance(billing.session, reseller) == {"EUR": Decimal("10.00")}
    with pytest.raises(Exception, match="credit balance"):
        await credit_balance.refund(
            billing,
            STAFF,
            reseller,
            RefundCreate(amount=MoneyIn(amount=Decimal("10.01"), currency="EUR"), reason="x"),
            PLACED,
        )
    await credit_balance.refund(
        billing,
        STAFF,
        reseller,
        RefundCreate(amount=MoneyIn(amount=Decimal("10.00"), currency="EUR"), reason="x"),
        PLACED,
    )
    assert await ledger.credit_balance(billing.session, reseller) == {}
    balances = await emitted(billing.session, TABLES.outbox, "billing.reseller.credit_balance_changed.v1")
    assert [b["data"]["balances"] for b in balances][-1] == []


async def test_r_bi_8_credit_note_beyond_the_unpaid_part_frees_the_paid_money_without_interest_on_it(
    billing: UnitOfWork,
) -> None:
    reseller = uuid.uuid4()
    inv = await invoice(billing, reseller, "1000.00")
    await pay(billing, inv.payment_reference, "400.00", inv.due_date - timedelta(days=1))
    note = await credit_notes.issue(
        billing,
        inv,
        kind=CreditNoteKind.CORRECTION,
        reason="r",
        issued_by="staff:test",
        issue_date=inv.due_date + timedelta(days=10),
        amount=Decimal("1000.00"),
    )
    assert note is not None and note.refunded_to_balance == Decimal("400.00")
    assert inv.status == "credited" and amount_due(inv) == 0
    assert await ledger.credit_balance(billing.session, reseller) == {"EUR": Decimal("400.00")}
    # the next invoice is issued later: the credit pays it
    nxt = await invoice(billing, reseller, "250.00")
    assert nxt.status == "paid" and await ledger.credit_balance(billing.session, reseller) == {
        "EUR": Decimal("150.00")
    }


async def test_r_bi_8_prepay_invoices_are_not_dunned_and_expire_with_a_credit_note(
    billing: UnitOfWork,
) -> None:
    reseller = uuid.uuid4()
    inv = await invoice(billing, reseller, "99.00", requirement="prepay")
    counts = await dunning.run(billing, PLACED + timedelta(days=45))
    assert counts["overdue"] == 0 and inv.status == "open" and interest(inv) == 0
    from services.billing.config import billing_config

    assert (await dunning.expire_prepay_orders(billing, PLACED + timedelta(days=31), billing_config()))[
        "expired"
    ] == 1
    assert inv.status == "credited"
    [expired] = await emitted(billing.session, TABLES.outbox, "billing.order.prepayment_expired.v1")
    assert expired["data"]["order_id"] == str(inv.order_id)


async def test_r_bi_1_a_run_of_orders_is_invoiced_together_gapless_once_each_and_paid_by_credit_in_order(
    billing: UnitOfWork,
) -> None:
    """What the consumer does with a run of placed orders: the numbers follow on without a gap in
    the orders' order, an order already invoiced (or named twice) keeps its one invoice, each
    `InvoiceIssued` carries the correlation id of the event that placed its order, and the
    reseller's credit pays the new invoices oldest first — as if they had come one by one."""
    reseller = uuid.uuid4()
    earlier = await invoice(billing, reseller, "100.00")
    await pay(billing, earlier.payment_reference, "130.00", PLACED)  # 30.00 of credit
    a, b = placed(reseller, "20.00"), placed(reseller, "25.00")
    done = await invoicing.invoice_orders(
        billing, [(a, "corr-a"), (b, "corr-b"), (a, "corr-a-again"), (placed_of(earlier), None)]
    )
    first, second, again, existing = done
    assert again is first and existing is earlier
    assert [first.sequence, second.sequence] == [earlier.sequence + 1, earlier.sequence + 2]
    assert (first.order_id, second.order_id) == (a.order_id, b.order_id)
    assert first.status == "paid" and second.principal_paid == Decimal("10.00")
    assert await ledger.credit_balance(billing.session, reseller) == {}
    issued = await emitted(billing.session, TABLES.outbox, "billing.invoice.issued.v1")
    assert [(e["data"]["invoice_id"], e.get("correlationid")) for e in issued[1:]] == [
        (str(first.id), "corr-a"),
        (str(second.id), "corr-b"),
    ]
    assert len(await invoicing.invoice_orders(billing, [(a, None), (b, None)])) == 2
    assert len(await emitted(billing.session, TABLES.outbox, "billing.invoice.issued.v1")) == 3


def placed_of(invoice: Invoice) -> ordering_events.OrderPlaced:
    """The placed-order event an existing order invoice answered (only its order id matters)."""
    event = placed(invoice.reseller_id, str(invoice.total))
    return event.model_copy(update={"order_id": invoice.order_id})
