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

from typing import Literal, get_args

SubscriptionStatus = Literal["trial", "pending_payment", "active", "expired", "cancelled"]
STATUSES: tuple[SubscriptionStatus, ...] = get_args(SubscriptionStatus)

TRANSITIONS: dict[SubscriptionStatus, frozenset[SubscriptionStatus]] = {
    "trial": frozenset({"active", "pending_payment", "expired"}),
    "pending_payment": frozenset({"active", "cancelled"}),
    "active": frozenset({"cancelled"}),
    "expired": frozenset(),
    "cancelled": frozenset(),
}


class InvalidSubscriptionTransition(ValueError):
    def __init__(self, current: str, target: str) -> None:
        super().__init__(f"a subscription that is {current} cannot become {target}")
        self.current = current
        self.target = target


def _known(status: str) -> SubscriptionStatus:
    if status not in TRANSITIONS:
        raise ValueError(f"unknown subscription status {status!r}")
    return status


def transition(current: str, target: str) -> SubscriptionStatus:
    """The new status, or InvalidSubscriptionTransition when `target` may not follow `current`."""
    if _known(target) not in TRANSITIONS[_known(current)]:
        raise InvalidSubscriptionTransition(current, target)
    return target  # type: ignore[return-value]


def status_when_bought(*, trial: bool, payment_requirement: str | None) -> SubscriptionStatus:
    """A new (or converted) subscription: free trial, usable at once on account, or after payment."""
    if trial:
        return "trial"
    if payment_requirement == "on_account":
        return "active"
    if payment_requirement == "prepay":
        return "pending_payment"
    raise ValueError(f"unknown payment requirement {payment_requirement!r}")


def can_add_seats(status: str) -> bool:
    """R-OR-7/R-OR-10: seats are added to a running subscription or a trial (free there)."""
    return _known(status) in ("active", "trial")


def can_renew(status: str) -> bool:
    """R-OR-6: only a paid, running subscription is renewed (a trial is converted first)."""
    return _known(status) == "active"


def can_convert(status: str) -> bool:
    return _known(status) == "trial"
