"""A contract's instalment schedule (R-WA-6, R-BI-6): the one list of what the end customer pays,
owned by leasing, published in every contract event and invoiced by billing exactly as listed.

Instalment `n` (1 … term) covers the contract month `period_start` … `period_end` (the start day
of each contract month, clamped to a shorter month's last day, up to the day before the next one).
Billing invoices on the 1st of each month (`waas-invoicing`), so an instalment's `due_date` is the
first 1st of a month on or after its `period_start` — the run that invoices it. A run invoices every
instalment due on or before its `as_of` that is not invoiced yet: a contract activated between runs
gets its first instalment in the next run, never skipped.

Early termination (R-WA-6) takes effect on a day `D`: every instalment due on or before `D` is (or
will be, by the termination itself) invoiced as an instalment; the fee is the sum of the others.
So instalments invoiced + fee = the contract's total cost, whatever `D`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from services.leasing.domain.contracts import add_months


@dataclass(frozen=True)
class Instalment:
    n: int
    period_start: date
    period_end: date
    due_date: date
    amount: Decimal


def billing_day(day: date) -> date:
    """The first monthly billing run (the 1st) on or after `day`."""
    if day.day == 1:
        return day
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1)


def schedule(start: date, term_months: int, monthly: Decimal) -> list[Instalment]:
    return [
        Instalment(
            n=n,
            period_start=add_months(start, n - 1),
            period_end=add_months(start, n) - timedelta(days=1),
            due_date=billing_day(add_months(start, n - 1)),
            amount=monthly,
        )
        for n in range(1, term_months + 1)
    ]


def total_cost(instalments: list[Instalment]) -> Decimal:
    return sum((i.amount for i in instalments), Decimal(0))


def invoiced_by(instalments: list[Instalment], day: date, already: frozenset[int] = frozenset()) -> list[int]:
    """The instalments invoiced as instalments on `day`: due by then, or invoiced already (a billing
    run given a later `as_of`)."""
    return [i.n for i in instalments if i.due_date <= day or i.n in already]


@dataclass(frozen=True)
class TerminationSplit:
    invoiced: list[int]  # instalment numbers invoiced (or caught up) as instalments
    fee_instalments: list[int]  # the ones the fee stands for
    fee: Decimal


def termination_split(
    instalments: list[Instalment], effective: date, already: frozenset[int] = frozenset()
) -> TerminationSplit:
    """R-WA-6: ending early on `effective` costs every instalment not invoiced on that day."""
    invoiced = invoiced_by(instalments, effective, already)
    rest = [i for i in instalments if i.n not in set(invoiced)]
    return TerminationSplit(invoiced, [i.n for i in rest], sum((i.amount for i in rest), Decimal(0)))
