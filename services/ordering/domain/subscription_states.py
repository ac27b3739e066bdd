"""The seat subscription lifecycle (R-OR-6, R-OR-7, R-OR-10, R-ON-3): which status may follow which,
and what each status allows.

    trial ──convert──► active | pending_payment
      │                   ▲            │
      └──expire──► expired│            │ paid (billing)
                          └────────────┘
    (created) ──► active (on account) | pending_payment (prepay) | trial (free)

A prepaid subscription is bought and charged at once but usable only when paid (`pending_payment`);
a trial's seats are free and it expires at the end of its period unless converted.
"""

from __future__ import annotations

from enum import StrEnum

from libs.events.ordering import SubscriptionStatus

S = SubscriptionStatus


class ChargeStatus(StrEnum):
    """A subscription charge: awaiting its prepayment, or released (paid, or on account)."""

    PENDING_PAYMENT = "pending_payment"
    RELEASED = "released"


STATUSES: tuple[SubscriptionStatus, ...] = tuple(SubscriptionStatus)

TRANSITIONS: dict[SubscriptionStatus, frozenset[SubscriptionStatus]] = {
    S.TRIAL: frozenset({S.ACTIVE, S.PENDING_PAYMENT, S.EXPIRED}),
    S.PENDING_PAYMENT: frozenset({S.ACTIVE, S.CANCELLED}),
    S.ACTIVE: frozenset({S.CANCELLED}),
    S.EXPIRED: frozenset(),
    S.CANCELLED: frozenset(),
}


class InvalidSubscriptionTransition(ValueError):
    def __init__(self, current: str, target: str) -> None:
        super().__init__(f"a subscription that is {current} cannot become {target}")
        self.current = current
        self.target = target


def _known(status: str) -> SubscriptionStatus:
    try:
        return SubscriptionStatus(status)
    except ValueError:
        raise ValueError(f"unknown subscription status {status!r}") from None


def transition(current: str, target: str) -> SubscriptionStatus:
    """The new status, or InvalidSubscriptionTransition when `target` may not follow `current`."""
    if _known(target) not in TRANSITIONS[_known(current)]:
        raise InvalidSubscriptionTransition(current, target)
    return SubscriptionStatus(target)


def status_when_bought(*, trial: bool, payment_requirement: str | None) -> SubscriptionStatus:
    """A new (or converted) subscription: free trial, usable at once on account, or after payment."""
    if trial:
        return S.TRIAL
    if payment_requirement == "on_account":
        return S.ACTIVE
    if payment_requirement == "prepay":
        return S.PENDING_PAYMENT
    raise ValueError(f"unknown payment requirement {payment_requirement!r}")


def can_add_seats(status: str) -> bool:
    """R-OR-7/R-OR-10: seats are added to a running subscription or a trial (free there)."""
    return _known(status) in ("active", "trial")


def can_renew(status: str) -> bool:
    """R-OR-6: only a paid, running subscription is renewed (a trial is converted first)."""
    return _known(status) == "active"


def can_convert(status: str) -> bool:
    return _known(status) == "trial"
