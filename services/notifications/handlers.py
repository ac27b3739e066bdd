"""Every platform event → notifications.

Each event of another service becomes a webhook delivery for every subscribed endpoint of its tenant
(R-PL-2). Some also make a mail (R-BI-5: invoice paid → the invoice PDF; R-BI-8: a credit note → its
PDF; permanent license issued → the license file; R-LI-4 seat invitations; R-BI-3 statements; R-BI-4
reminders; R-BI-6 WaaS invoices and their reminders to the end customer's billing contact), recorded
here once per event and sent by the mail worker. Onboarding's reseller snapshots give the contact
addresses, leasing's contracts the end customers' billing contacts (a contract without one makes no
WaaS mail).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from libs.consumer import HandlerMap
from libs.db import UnitOfWork
from libs.events import billing as billing_events
from libs.events import leasing as leasing_events
from libs.events import licensing as licensing_events
from libs.events import onboarding as onb
from libs.events.base import EVENT_TYPES, Event, producer_of
from libs.events.envelope import CloudEvent
from libs.money import round_half_up
from services.notifications.usecases import deliveries, mail, readmodels

Extra = Callable[[UnitOfWork, CloudEvent, Any], Awaitable[None]]


async def invoice_paid(uow: UnitOfWork, envelope: CloudEvent, event: billing_events.InvoicePaid) -> None:
    if event.invoice.kind == "order":
        await mail.record(
            uow.session,
            key=f"invoice_paid:{event.invoice_id}",
            kind="invoice_paid",
            params={"invoice_id": str(event.invoice_id)},
            reseller_id=event.invoice.reseller_id,
            now=envelope.time,
        )


async def credit_note_issued(
    uow: UnitOfWork, envelope: CloudEvent, event: billing_events.CreditNoteIssued
) -> None:
    """R-BI-8: a credit note is mailed like an invoice, with its PDF."""
    if event.invoice.kind == "waas":
        return  # the end customer's: not the partner's mail
    await mail.record(
        uow.session,
        key=f"credit_note:{event.credit_note_id}",
        kind="credit_note",
        params={
            "credit_note_id": str(event.credit_note_id),
            "number": event.number,
            "invoice_number": event.invoice.number,
            "reason": event.reason,
            "total": str(round_half_up(event.total, event.currency)),
            "refunded_to_balance": str(round_half_up(event.refunded_to_balance, event.currency)),
            "to_balance": event.refunded_to_balance > 0,
            "currency": event.currency,
        },
        reseller_id=event.invoice.reseller_id,
        now=envelope.time,
    )


async def waas_invoice_issued(
    uow: UnitOfWork, envelope: CloudEvent, event: billing_events.InvoiceIssued
) -> None:
    """R-BI-6: the distributor's WaaS invoices (instalments, a termination's fee, a secure pick-up)
    go to the end customer's billing contact with the PDF — never to the partner."""
    if event.invoice.kind != "waas":
        return
    recipient = await readmodels.waas_billing_email(uow.session, event.invoice.contract_id)
    if recipient is None:  # the contract names no billing contact: nobody to mail
        return
    await mail.record(
        uow.session,
        key=f"waas_invoice:{event.invoice_id}",
        kind="waas_invoice",
        params={"invoice_id": str(event.invoice_id)},
        recipient=recipient,
        now=envelope.time,
    )


async def license_issued(
    uow: UnitOfWork, envelope: CloudEvent, event: licensing_events.LicenseIssued
) -> None:
    if not event.temporary:
        await mail.record(
            uow.session,
            key=f"license_issued:{event.license_id}",
            kind="license_issued",
            params={"license_id": str(event.license_id)},
            reseller_id=event.reseller_id,
            now=envelope.time,
        )


async def seat_assigned(uow: UnitOfWork, envelope: CloudEvent, event: licensing_events.SeatAssigned) -> None:
    await mail.record(
        uow.session,
        key=f"seat_invitation:{event.invitation_id}",
        kind="seat_invitation",
        params={  # no token: licensing mints it for the mail when it is sent (never stored here)
            "invitation_id": str(event.invitation_id),
            "subscription_id": str(event.subscription_id),
            "sku": f"subscription {event.subscription_id}",
            "expires": event.invitation_expires_at.isoformat(timespec="minutes"),
        },
        recipient=event.email,
        now=envelope.time,
    )


async def statement_issued(
    uow: UnitOfWork, envelope: CloudEvent, event: billing_events.StatementIssued
) -> None:
    await mail.record(
        uow.session,
        key=f"statement:{event.statement_id}",
        kind="statement",
        params={
            "statement_id": str(event.statement_id),
            "month": event.month,
            "count": event.invoice_count,
            "total": str(event.open_total),
            "currency": event.currency,
        },
        reseller_id=event.reseller_id,
        now=envelope.time,
    )


async def reminder_due(
    uow: UnitOfWork, envelope: CloudEvent, event: billing_events.InvoiceReminderDue
) -> None:
    if event.invoice.kind == "waas":  # R-BI-6: the end customer is the debtor, with its own wording
        recipient = await readmodels.waas_billing_email(uow.session, event.invoice.contract_id)
        if recipient is None:
            return
        await mail.record(
            uow.session,
            key=f"reminder:{event.invoice_id}:{event.level}",
            kind="waas_reminder",
            params={
                "invoice_id": str(event.invoice_id),
                "invoice": event.invoice.model_dump(mode="json"),
                "level": event.level,
                "days": event.days_overdue,
            },
            recipient=recipient,
            now=envelope.time,
        )
        return
    await mail.record(
        uow.session,
        key=f"reminder:{event.invoice_id}:{event.level}",
        kind="reminder",
        params={
            "invoice": event.invoice.model_dump(mode="json"),
            "level": event.level,
            "days": event.days_overdue,
        },
        reseller_id=event.invoice.reseller_id,
        now=envelope.time,
    )


async def waas_contract_changed(
    uow: UnitOfWork, _envelope: CloudEvent, event: leasing_events.ContractEvent
) -> None:
    await readmodels.upsert_waas_contact(uow.session, event)


async def reseller_changed(uow: UnitOfWork, _envelope: CloudEvent, event: onb.ResellerEvent) -> None:
    await readmodels.RESELLERS.upsert(uow, event.reseller)


EXTRAS: dict[type[Event], Extra] = {
    billing_events.InvoicePaid: invoice_paid,
    billing_events.CreditNoteIssued: credit_note_issued,
    billing_events.InvoiceIssued: waas_invoice_issued,
    licensing_events.LicenseIssued: license_issued,
    licensing_events.SeatAssigned: seat_assigned,
    billing_events.StatementIssued: statement_issued,
    billing_events.InvoiceReminderDue: reminder_due,
    onb.ResellerEvent: reseller_changed,
    leasing_events.ContractEvent: waas_contract_changed,
}


def _handler_for(cls: type[Event]) -> Callable[[UnitOfWork, CloudEvent, Event], Awaitable[None]]:
    extras = [fn for base, fn in EXTRAS.items() if issubclass(cls, base)]

    async def handle(uow: UnitOfWork, envelope: CloudEvent, event: Event) -> None:
        await deliveries.fan_out(uow.session, envelope, envelope.time)
        for extra in extras:
            await extra(uow, envelope, event)

    return handle


# every event type of the other services (the catalog partners subscribe to)
HANDLERS: HandlerMap = {
    t: (_handler_for(cls),) for t, cls in EVENT_TYPES.items() if producer_of(t) != "notifications"
}
