"""Billing's payment facts about a reseller, folded into what onboarding knows (R-ON-3, R-BI-4).

Facts travel on different topics and may arrive in any order, be redelivered, or be replayed: an
order paid, the same order's payment reversed, "something is overdue", "nothing is overdue any
more". Each carries a version that grows at billing (per order, per reseller), and a fact only
replaces what is known when it is newer. So whatever order the facts arrive in, the final state —
and the standing computed from it — is the one of the newest facts.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace


def supersedes(known_version: int | None, fact_version: int) -> bool:
    """Whether a fact replaces what is known. Nothing known: yes. Facts from before versions
    existed (version 0) are applied only while nothing newer is known."""
    if known_version is None:
        return True
    return fact_version > known_version or fact_version == known_version == 0


@dataclass(frozen=True)
class OrderFact:
    order_id: uuid.UUID
    paid: bool
    version: int


@dataclass(frozen=True)
class OverdueFact:
    has_overdue: bool
    version: int


@dataclass(frozen=True)
class PaymentFacts:
    orders: dict[uuid.UUID, tuple[int, bool]] = field(default_factory=dict)  # order → (version, paid)
    overdue: tuple[int, bool] | None = None  # (version, has_overdue)

    @property
    def paid_orders(self) -> int:
        return sum(paid for _, paid in self.orders.values())

    @property
    def has_overdue(self) -> bool:
        return bool(self.overdue and self.overdue[1])


def fold(facts: PaymentFacts, fact: OrderFact | OverdueFact) -> PaymentFacts:
    if isinstance(fact, OrderFact):
        known = facts.orders.get(fact.order_id)
        if not supersedes(known[0] if known else None, fact.version):
            return facts
        return replace(facts, orders={**facts.orders, fact.order_id: (fact.version, fact.paid)})
    if not supersedes(facts.overdue[0] if facts.overdue else None, fact.version):
        return facts
    return replace(facts, overdue=(fact.version, fact.has_overdue))
