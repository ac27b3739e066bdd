"""Events published by licensing: licenses issued for orders, subscriptions and WaaS contracts
(R-LI-1, R-LI-3, R-LI-5), their revocation and expiry, seat assignments (R-LI-4)."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from libs.events.base import Event

LICENSES = "licensing.licenses"
SEATS = "licensing.seats"


class LicenseIssued(Event):
    """A license was issued for an order and attached to the customer's account. A permanent
    license (R-LI-1) fulfils the order; a temporary one, issued while a prepayment is still
    awaited (R-LI-3), does not."""

    event_type = "licensing.license.issued.v1"
    topic = LICENSES
    subject_field = "license_id"
    license_id: uuid.UUID
    order_id: uuid.UUID
    reseller_id: uuid.UUID
    customer_id: uuid.UUID
    temporary: bool
    sku: str | None = None
    valid_until: date | None = None


class SubscriptionLicenseIssued(Event):
    """A subscription license: the seats of a seat subscription (R-LI-4) or the Office 365 user
    licenses of a WaaS contract (R-LI-5), valid for the subscription's period or the contract's term."""

    event_type = "licensing.subscription_license.issued.v1"
    topic = LICENSES
    subject_field = "license_id"
    license_id: uuid.UUID
    reseller_id: uuid.UUID
    customer_id: uuid.UUID
    subscription_id: uuid.UUID | None = None
    contract_id: uuid.UUID | None = None
    sku: str
    seats: int
    valid_from: date
    valid_until: date


class LicenseRevoked(Event):
    """A license stopped being valid before its end: a temporary license replaced by the permanent
    one (`replaced_by`), or the order/contract behind it cancelled or terminated."""

    event_type = "licensing.license.revoked.v1"
    topic = LICENSES
    subject_field = "license_id"
    license_id: uuid.UUID
    reseller_id: uuid.UUID
    customer_id: uuid.UUID
    order_id: uuid.UUID | None = None
    reason: str
    replaced_by: uuid.UUID | None = None


class LicenseExpired(Event):
    event_type = "licensing.license.expired.v1"
    topic = LICENSES
    subject_field = "license_id"
    license_id: uuid.UUID
    reseller_id: uuid.UUID
    customer_id: uuid.UUID
    order_id: uuid.UUID | None = None
    subscription_id: uuid.UUID | None = None
    expired_on: date


class SeatEvent(Event):
    topic = SEATS
    subject_field = "subscription_id"
    subscription_id: uuid.UUID
    reseller_id: uuid.UUID
    customer_id: uuid.UUID
    email: str
    seats_total: int
    seats_assigned: int  # activated seats + pending (unexpired) invitations
    seats_active: int | None = None  # of them: activated
    seats_invited: int | None = None  # of them: invitations not activated yet and not expired


class SeatAssigned(SeatEvent):
    """A seat was assigned to an e-mail; the user must activate it through the invitation
    (R-LI-4). The event names the invitation (`invitation_id`, the assignment's id), never its
    secret token: notifications asks licensing for a one-time token when it sends the mail
    (`POST /internal/seat-invitations/{id}/token`), so the token is in no event, outbox row, log
    or stored mail. `invitation_token` is no longer set (kept optional for events written before)."""

    event_type = "licensing.seat.assigned.v1"
    invitation_id: uuid.UUID
    invitation_token: str | None = None
    invitation_expires_at: datetime


class SeatActivated(SeatEvent):
    event_type = "licensing.seat.activated.v1"
    invitation_id: uuid.UUID
    existing_user: bool


class SeatInvitationExpired(SeatEvent):
    """An invitation was never activated and expired: its seat is free again (R-LI-4)."""

    event_type = "licensing.seat.invitation_expired.v1"
    invitation_id: uuid.UUID


class SeatUnassigned(SeatEvent):
    """The seat is free again and may be reassigned (R-LI-4)."""

    event_type = "licensing.seat.unassigned.v1"
