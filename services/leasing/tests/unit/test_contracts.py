"""Leasing's rules with the seed's figures (R-WA-2…7)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from services.leasing.domain.contracts import (
    ContractRuleBroken,
    PriceLine,
    check_extension,
    checked_vat_id,
    commission,
    end_date,
    monthly_total,
    move,
    renewal_commission,
)

BUNDLE = PriceLine(Decimal("59.00"), Decimal("100.00"))
PREMIUM = PriceLine(Decimal("12.50"), Decimal("25.00"))


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


def test_r_wa_4_r_wa_7_renewal_commission_is_pro_rata_and_rounded_cumulatively() -> None:
    # a 12-month contract earning 100.00: a 12-month extension earns 100.00, a 6-month one 50.00
    assert renewal_commission(Decimal("100.00"), 12, 0, 12) == Decimal("100.00")
    assert renewal_commission(Decimal("100.00"), 12, 0, 6) == Decimal("50.00")
    assert renewal_commission(Decimal("125.00"), 36, 0, 1) == Decimal("3.47")  # 125 / 36 = 3.4722
    # 24 one-month extensions: 8.33 or 8.34 each, 200.00 together (never 24 x 100.00)
    each = [renewal_commission(Decimal("100.00"), 12, k, 1) for k in range(24)]
    assert each[:3] == [Decimal("8.33"), Decimal("8.34"), Decimal("8.33")]
    assert sum(each) == Decimal("200.00")
    with pytest.raises(ContractRuleBroken):
        renewal_commission(Decimal("100.00"), 12, 0, 0)


def test_r_bi_6_the_end_customers_vat_id_is_checked_for_its_country() -> None:
    assert checked_vat_id("BE", "BE 0403.170.701") == "BE0403170701"
    assert checked_vat_id("GR", "EL094259216") == "EL094259216"
    with pytest.raises(ContractRuleBroken):
        checked_vat_id("BE", "BE0403170702")  # checksum
    with pytest.raises(ContractRuleBroken):
        checked_vat_id("NL", "BE0403170701")  # another country's
    for nobodys in ("0000000000000000000", "XX123456789", "DE"):  # found by schemathesis: was a 500
        with pytest.raises(ContractRuleBroken):
            checked_vat_id("DE", nobodys)
