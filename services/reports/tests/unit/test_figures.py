"""R-PL-3: ageing buckets at their edges, months, CSV."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from libs.csvsafe import to_csv
from services.reports.domain.figures import ageing, bucket, month_of

AS_OF = date(2026, 12, 31)


def test_r_pl_3_ageing_buckets_at_their_edges() -> None:
    def days_late(n: int) -> date:
        return AS_OF - timedelta(days=n)

    assert [bucket(days_late(n), AS_OF) for n in (-5, 0, 1, 30, 31, 60, 61, 90, 91)] == [
        "current",
        "current",
        "1-30",
        "1-30",
        "31-60",
        "31-60",
        "61-90",
        "61-90",
        "90+",
    ]
    totals = ageing(
        [
            (days_late(0), Decimal("10.00")),
            (days_late(45), Decimal("5.50")),
            (days_late(200), Decimal("1.25")),
        ],
        AS_OF,
    )
    assert totals == {
        "current": Decimal("10.00"),
        "1-30": Decimal("0.00"),
        "31-60": Decimal("5.50"),
        "61-90": Decimal("0.00"),
        "90+": Decimal("1.25"),
    }


def test_r_pl_3_months_and_csv() -> None:
    assert month_of(date(2026, 3, 9)) == "2026-03"
    assert to_csv([{"a": "1.10", "b": 2, "c": "x"}], ["a", "b"]) == "a,b\n1.10,2\n"


def test_r_pl_5_csv_cells_that_a_spreadsheet_would_run_are_neutralised() -> None:
    rows = [
        {"a": '=HYPERLINK("http://x")', "b": "+1+cmd|' /C calc'!A0", "c": "-2+3"},
        {"a": "@SUM(A1)", "b": "\tTAB", "c": "\x01ctl"},
        {"a": "-12.50", "b": "+3", "c": "Acme = fine"},
    ]
    assert to_csv(rows, ["a", "b", "c"]).splitlines() == [
        "a,b,c",
        '"\'=HYPERLINK(""http://x"")",\'+1+cmd|\' /C calc\'!A0,\'-2+3',
        "'@SUM(A1),'\tTAB,'\x01ctl",
        "-12.50,+3,Acme = fine",
    ]
