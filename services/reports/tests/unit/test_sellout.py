"""R-WA-9: every WaaS sale reported to its manufacturer, per month; the monthly job freezes last month."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from services.reports.domain.sellout import (
    UNKNOWN_COUNTRY,
    Sale,
    SellOutLine,
    lines_for,
    period_to_freeze,
    sell_out,
)

PARTNER = uuid.UUID(int=7)


def sale(n: int, leased_on: date, manufacturer: str = "HP", units: int = 1, **changes: Any) -> Sale:
    base = Sale(
        contract_id=uuid.UUID(int=n),
        manufacturer=manufacturer,
        bundle="WAAS-1",
        hardware_model="EliteBook 840",
        units=units,
        partner_id=PARTNER,
        partner_country="BE",
        customer_country="FR",
        leased_on=leased_on,
    )
    return replace(base, **changes)


def test_r_wa_9_a_month_lists_the_manufacturers_leases_started_in_it_by_day_then_contract() -> None:
    sales = [
        sale(3, date(2026, 11, 30), units=2),
        sale(1, date(2026, 11, 30), units=5),
        sale(2, date(2026, 11, 1), units=4),
        sale(4, date(2026, 10, 31)),  # the month before
        sale(5, date(2026, 12, 1)),  # the month after
        sale(6, date(2026, 11, 15), manufacturer="Lenovo"),  # another manufacturer's
    ]
    report = sell_out("HP", "2026-11", sales, frozen=None)
    assert [line.contract_id.int for line in report.lines] == [2, 1, 3]
    assert (report.frozen, report.units) == (False, 11)
    assert report.lines[0] == SellOutLine(
        contract_id=uuid.UUID(int=2),
        bundle="WAAS-1",
        hardware_model="EliteBook 840",
        units=4,
        partner_id=PARTNER,
        partner_country="BE",
        customer_country="FR",
        leased_on=date(2026, 11, 1),
    )
    assert sell_out("Dell", "2026-11", sales, frozen=None).lines == ()


def test_r_wa_9_the_end_customers_country_defaults_to_the_partners() -> None:
    [line] = lines_for([sale(1, date(2026, 11, 2), customer_country=None)], "HP", "2026-11")
    assert (line.partner_country, line.customer_country) == ("BE", "BE")
    # an event from before leasing sent the partner's country: unknown, never another country
    [old] = lines_for(
        [sale(1, date(2026, 11, 2), partner_country=None, customer_country=None)], "HP", "2026-11"
    )
    assert (old.partner_country, old.customer_country) == (UNKNOWN_COUNTRY, UNKNOWN_COUNTRY)


def test_r_wa_9_a_frozen_report_answers_whatever_the_sales_say_since() -> None:
    frozen = lines_for([sale(1, date(2026, 11, 2), units=3)], "HP", "2026-11")
    later = [sale(1, date(2026, 11, 2), units=3), sale(2, date(2026, 11, 20), units=9)]
    report = sell_out("HP", "2026-11", later, frozen=frozen)
    assert (report.frozen, report.units, report.lines) == (True, 3, frozen)
    # frozen with no sale at all is still frozen, and empty
    assert sell_out("HP", "2026-11", later, frozen=()).frozen is True


def test_r_wa_9_the_monthly_job_freezes_the_month_before_its_day() -> None:
    assert period_to_freeze(date(2026, 12, 1)) == "2026-11"
    assert period_to_freeze(date(2026, 12, 31)) == "2026-11"
    assert period_to_freeze(date(2027, 1, 1)) == "2026-12"


@given(
    st.lists(
        st.tuples(st.dates(date(2025, 1, 1), date(2027, 12, 31)), st.sampled_from(["HP", "Dell"])),
        max_size=40,
    )
)
def test_r_wa_9_every_sale_is_in_exactly_one_report_of_its_manufacturer(
    leases: list[tuple[date, str]],
) -> None:
    sales = [sale(n, day, manufacturer=m, units=n + 1) for n, (day, m) in enumerate(leases)]
    periods = {f"{y}-{m:02d}" for y in (2025, 2026, 2027) for m in range(1, 13)}
    reported = [
        (manufacturer, line.contract_id)
        for manufacturer in ("HP", "Dell")
        for period in periods
        for line in lines_for(sales, manufacturer, period)
    ]
    assert sorted(reported) == sorted((s.manufacturer, s.contract_id) for s in sales)
