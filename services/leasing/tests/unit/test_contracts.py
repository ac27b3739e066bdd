"""Leasing's rules with the seed's figures (R-WA-2…7)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from services.leasing.domain.contracts import (
    ContractRuleBroken,
    PriceLine,
    check_extension,
    commission,
    end_date,
    monthly_total,
    months_invoiced,
    move,
    termination_fee,
)

BUNDLE = PriceLine(Decimal("59.00"), Decimal("100.00"))
PREMIUM = PriceLine(Decimal("12.50"), Decimal("25.00"))


def test_r_wa_6_terminated_after_ten_invoiced_months_pays_the_26_remaining() -> None:
    invoiced = months_invoiced(date(2026, 1, 5), date(2026, 10, 20), 36)
    assert invoiced == 10
    assert termination_fee(Decimal("59.00"), 36, invoiced) == (Decimal("1534.00"), 26)


def test_r_wa_6_months_invoiced_in_advance_on_the_start_day() -> None:
    start = date(2026, 1, 31)
    assert months_invoiced(start, date(2026, 1, 31), 12) == 1
    assert months_invoiced(start, date(2026, 2, 27), 12) == 1
    assert months_invoiced(start, date(2026, 2, 28), 12) == 2  # the 31st falls on February's last day
    assert months_invoiced(start, date(2030, 1, 1), 12) == 12


def test_r_wa_4_commission_is_higher_with_an_upgrade() -> None:
    assert commission(BUNDLE, [], 1) == Decimal("100.00")
    assert commission(BUNDLE, [PREMIUM], 2) == Decimal("250.00")
    assert monthly_total(BUNDLE, [PREMIUM], 2) == Decimal("143.00")


def test_r_wa_7_extension_stops_at_36_months_and_at_the_warranty_limit() -> None:
    assert check_extension(24, 12, 3, 2) == 36
    with pytest.raises(ContractRuleBroken, match="36 months in total"):
        check_extension(24, 13, 3, 2)
    with pytest.raises(ContractRuleBroken, match="maximum warranty \\(24 months\\)"):
        check_extension(12, 13, 1, 1)
    with pytest.raises(ContractRuleBroken):
        check_extension(12, 0, 3, 0)


def test_r_wa_3_states_move_only_forward() -> None:
    assert move("draft", "credit_check_pending") == "credit_check_pending"
    with pytest.raises(ContractRuleBroken):
        move("draft", "active")
    with pytest.raises(ContractRuleBroken):
        move("credit_rejected", "awaiting_signatures")
    assert end_date(date(2026, 1, 5), 36) == date(2029, 1, 4)
