"""Billing's payment facts reach onboarding on different topics, in any order, possibly twice:
the standing that follows from them must not depend on that order (R-ON-3, R-BI-4)."""

from __future__ import annotations

import uuid
from functools import reduce

from hypothesis import given
from hypothesis import strategies as st

from services.onboarding.domain.payment_facts import OrderFact, OverdueFact, PaymentFacts, fold, supersedes
from services.onboarding.domain.standing import ProgramTerms, compute_standing

ORDERS = [uuid.UUID(int=n) for n in range(1, 5)]


@st.composite
def histories(draw: st.DrawFn) -> list[OrderFact | OverdueFact]:
    """What billing tells over time: per order paid/reversed alternating with growing versions, and
    overdue facts with growing versions — plus redeliveries of some of them."""
    facts: list[OrderFact | OverdueFact] = []
    for order in ORDERS:
        changes = draw(st.integers(min_value=0, max_value=4))
        facts += [OrderFact(order, paid=n % 2 == 1, version=n) for n in range(1, changes + 1)]
    overdue_changes = draw(st.integers(min_value=0, max_value=5))
    facts += [OverdueFact(has_overdue=n % 2 == 1, version=n) for n in range(1, overdue_changes + 1)]
    if facts:
        facts += draw(st.lists(st.sampled_from(facts), max_size=4))  # at-least-once delivery
    return facts


@given(history=histories(), data=st.data())
def test_r_bi_4_r_on_3_standing_is_the_same_whatever_order_the_payment_facts_arrive_in(
    history: list[OrderFact | OverdueFact], data: st.DataObject
) -> None:
    terms = ProgramTerms(prepaid_orders_required=2)
    in_order = reduce(fold, sorted(history, key=lambda f: f.version), PaymentFacts())
    shuffled = reduce(fold, data.draw(st.permutations(history)), PaymentFacts())
    assert shuffled == in_order
    assert compute_standing(
        paid_orders=shuffled.paid_orders, has_overdue=shuffled.has_overdue, terms=terms
    ) == compute_standing(paid_orders=in_order.paid_orders, has_overdue=in_order.has_overdue, terms=terms)


def test_r_bi_9_a_reversed_payment_uncounts_the_order_and_an_older_fact_changes_nothing() -> None:
    order = ORDERS[0]
    facts = reduce(fold, [OrderFact(order, True, 1), OrderFact(order, False, 2)], PaymentFacts())
    assert facts.paid_orders == 0
    assert fold(facts, OrderFact(order, True, 1)) == facts  # the old "paid" arriving late
    assert supersedes(None, 0) and supersedes(0, 0) and supersedes(1, 2) and not supersedes(2, 1)
