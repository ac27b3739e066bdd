"""CSV exports never hand a spreadsheet a formula (R-PL-5: a partner's or manufacturer's text is data)."""

from __future__ import annotations

from libs.csvsafe import to_csv


def test_r_pl_5_formula_cells_are_neutralised_and_numbers_stay_numbers() -> None:
    rows = [{"name": '=HYPERLINK("http://x")', "amount": "-12.50", "note": "@SUM(A1)", "plain": "Dell"}]
    text = to_csv(rows, ["name", "amount", "note", "plain"])
    lines = text.splitlines()
    assert lines[0] == "name,amount,note,plain"
    assert lines[1].startswith("\"'=HYPERLINK(") and ",-12.50,'@SUM(A1),Dell" in lines[1]
