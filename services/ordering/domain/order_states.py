"""The order lifecycle: which status may follow which, and what other services' events mean for it.

    placed ──► released ──► fulfilled
      │
      ├──► cancelled      (only while unpaid: the reseller or staff cancel it)
      └──► handed_over    (R-OR-9: the deal leaves the reseller; from placed, or from released
                           until the licenses are issued)

An on-account order is released as soon as it is placed (R-BI-3, R-LI-1); a prepaid one when
billing reports its payment (R-BI-2). A permanent license fulfils a released order (R-LI-1); a
temporary one never does (R-LI-3). Events may arrive twice or out of order, so the decisions
below say what to do for every status instead of assuming the happy path.
"""

from __future__ import annotations

from enum import StrEnum


class OrderStatus(StrEnum):
    """An order's status: ordering's column (checked by the database), its API and its filters."""

    PLACED = "placed"
    RELEASED = "released"
    FULFILLED = "fulfilled"
    CANCELLED = "cancelled"
    HANDED_OVER = "handed_over"


S = OrderStatus
STATUSES: tuple[OrderStatus, ...] = tuple(OrderStatus)

TRANSITIONS: dict[OrderStatus, frozenset[OrderStatus]] = {
    S.PLACED: frozenset({S.RELEASED, S.CANCELLED, S.HANDED_OVER}),
    # R-OR-9: an on-account order is released the moment it is placed, so it may still be handed
    # over until its licenses are issued (fulfilled); billing credits what it invoiced the reseller
    S.RELEASED: frozenset({S.FULFILLED, S.HANDED_OVER}),
    S.FULFILLED: frozenset(),
    S.CANCELLED: frozenset(),
    S.HANDED_OVER: frozenset(),
}
FINAL: frozenset[OrderStatus] = frozenset(s for s, after in TRANSITIONS.items() if not after)


class InvalidOrderTransition(ValueError):
    def __init__(self, current: str, target: str) -> None:
        super().__init__(f"an order that is {current} cannot become {target}")
        self.current = current
        self.target = target


def _known(status: str) -> OrderStatus:
    try:
        return OrderStatus(status)
    except ValueError:
        raise ValueError(f"unknown order status {status!r}") from None


def can_transition(current: str, target: str) -> bool:
    return _known(target) in TRANSITIONS[_known(current)]


def transition(current: str, target: str) -> OrderStatus:
    """The new status, or InvalidOrderTransition when `target` may not follow `current`."""
    if not can_transition(current, target):
        raise InvalidOrderTransition(current, target)
    return OrderStatus(target)


def status_when_placed(payment_requirement: str) -> OrderStatus:
    """R-BI-3/R-LI-1: an on-account order is released at once; a prepaid one waits (R-BI-2)."""
    if payment_requirement == "on_account":
        return S.RELEASED
    if payment_requirement == "prepay":
        return S.PLACED
    raise ValueError(f"unknown payment requirement {payment_requirement!r}")


class PaymentOutcome(StrEnum):
    RELEASE = "release"  # the payment releases the order
    ALREADY_RELEASED = "already_released"  # released or fulfilled already: nothing to do
    NOT_RELEASABLE = "not_releasable"  # cancelled or handed over: the order stays as it is


def on_payment(status: str) -> PaymentOutcome:
    """R-BI-2: billing reported that the order was paid."""
    current = _known(status)
    if current == "placed":
        return PaymentOutcome.RELEASE
    if current in ("released", "fulfilled"):
        return PaymentOutcome.ALREADY_RELEASED
    return PaymentOutcome.NOT_RELEASABLE


class LicenseOutcome(StrEnum):
    FULFIL = "fulfil"  # a permanent license for a released order
    AWAIT_RELEASE = "await_release"  # permanent license before the release: keep it, fulfil on release
    TEMPORARY = "temporary"  # R-LI-3: a temporary license never fulfils
    ALREADY_FULFILLED = "already_fulfilled"
    NOT_FULFILLABLE = "not_fulfillable"  # cancelled or handed over


def on_license(status: str, *, temporary: bool) -> LicenseOutcome:
    """R-LI-1/R-LI-3: licensing issued a license for the order."""
    current = _known(status)
    if temporary:
        return LicenseOutcome.TEMPORARY
    if current == "released":
        return LicenseOutcome.FULFIL
    if current == "placed":
        return LicenseOutcome.AWAIT_RELEASE
    if current == "fulfilled":
        return LicenseOutcome.ALREADY_FULFILLED
    return LicenseOutcome.NOT_FULFILLABLE


def after_release(*, permanent_license_recorded: bool) -> OrderStatus:
    """Where a just-released order ends: fulfilled at once when its permanent license came first."""
    return S.FULFILLED if permanent_license_recorded else S.RELEASED


def cancellable(status: str) -> bool:
    """Only an unpaid (placed) order can be cancelled; a released one has its license under way."""
    return can_transition(status, "cancelled")


def counts_as_open_on_account(status: str) -> bool:
    """An on-account order uses the credit line while it is owed: whatever its status, until it
    is paid (R-ON-6, R-BI-3) — only a cancelled or handed-over order never will be. Payment is
    checked separately (`Order.paid_on`)."""
    return _known(status) in ("placed", "released", "fulfilled")


OPEN_ON_ACCOUNT: tuple[OrderStatus, ...] = tuple(s for s in STATUSES if counts_as_open_on_account(s))
