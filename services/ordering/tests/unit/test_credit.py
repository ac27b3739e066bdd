"""R-ON-3 / R-ON-6: the one payment-requirement decision for orders and subscription charges."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from services.ordering.domain.credit import payment_requirement

LIMIT = Decimal("3000.00")


def decide(
    standing: str = "established", currency: str = "EUR", open_: str = "0", amount: str = "100"
) -> str:
    return payment_requirement(
        standing=standing,
        credit_currency="EUR",
        credit_limit=LIMIT,
        currency=currency,
        open_on_account=Decimal(open_),
        amount=Decimal(amount),
    )


def test_r_on_3_new_and_prepay_required_resellers_always_prepay() -> None:
    assert decide("new", open_="0", amount="1") == "prepay"
    assert decide("prepay_required", open_="0", amount="1") == "prepay"


def test_r_on_6_established_reseller_buys_on_account_within_the_line_exactly() -> None:
    assert decide(open_="2000.00", amount="1000.00") == "on_account"  # exactly the limit
    assert decide(open_="2000.00", amount="1000.01") == "prepay"
    assert decide(currency="USD", amount="1") == "prepay"  # not the line's currency


amounts = st.decimals(min_value=0, max_value=10**7, places=2, allow_nan=False, allow_infinity=False)


@given(open_=amounts, amount=amounts)
def test_r_on_6_on_account_never_takes_the_exposure_over_the_limit(open_: Decimal, amount: Decimal) -> None:
    on_account = decide(open_=str(open_), amount=str(amount)) == "on_account"
    assert on_account == (open_ + amount <= LIMIT)
