"""Billing's closed sets: what the tax rule decides is what an invoice may carry, and every regime an
invoice may carry has its EN 16931 VAT category."""

from __future__ import annotations

from decimal import Decimal
from typing import get_args

import pytest

from libs.tax import TaxRegime
from services.billing.domain.einvoice import vat_category
from services.billing.domain.statuses import InvoiceTaxRegime


def test_r_bi_6_every_regime_the_tax_rule_decides_is_an_invoice_regime() -> None:
    assert set(get_args(TaxRegime)) == set(InvoiceTaxRegime) - {InvoiceTaxRegime.WAAS_END_CUSTOMER}


@pytest.mark.parametrize("regime", list(InvoiceTaxRegime))
def test_r_bi_10_every_invoice_regime_has_a_vat_category(regime: InvoiceTaxRegime) -> None:
    assert vat_category(regime, Decimal("0.21"), None).code in {"S", "AE", "O"}
