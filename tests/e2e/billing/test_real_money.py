"""Billing with money as banks send it (R-BI-1, R-BI-4, R-BI-8, R-BI-9), through the gateway: batch
entries with per-transaction amounts, references that restart each day, pending entries, reversals,
statements of another account, one transfer paying two invoices, overpayments and the credit balance,
interest by the money's value date, credit notes. Every figure is checked to the cent."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from pypdf import PdfReader

from libs.testing.api import Api, Reseller, assert_problem, wait_until
from tests.e2e.billing.conftest import (
    bank_statement,
    entry,
    get_invoice,
    interest,
    invoice_of,
    money,
    order_status,
    pay,
    place,
    run_job,
    tx_details,
    upload,
    wait_standing,
)
from tests.e2e.ordering.conftest import customer_ready_to_order


def amount(invoice: dict[str, Any], field: str = "total") -> Decimal:
    return Decimal(invoice[field]["amount"])


def payments_of(api: Api, reseller: Reseller) -> list[dict[str, Any]]:
    return api.call("GET", "/v1/payments", reseller.key, params={"limit": 200}).json()["data"]


def credit_balance(api: Api, reseller: Reseller) -> list[dict[str, str]]:
    response = api.call("GET", f"/v1/resellers/{reseller.id}/credit-balance", reseller.key)
    assert response.status_code == 200, response.text
    return list(response.json()["balances"])


def establish(api: Api, onboard: Callable[..., Reseller]) -> Reseller:
    """A reseller that orders on account (R-BI-3): three paid orders recorded by staff."""
    reseller = onboard()
    facts = api.admin("POST", f"/v1/resellers/{reseller.id}/payment-facts", json={"paid_orders_delta": 3})
    assert facts.status_code == 200, facts.text
    wait_until(
        lambda: (
            api.call("GET", "/v1/orders/eligibility", reseller.key).json().get("standing") == "established"
        ),
        what="ordering to learn the reseller is established",
    )
    return reseller


def test_r_bi_9_batch_entry_books_each_transaction_with_its_own_amount(
    api: Api, onboard: Callable[..., Reseller]
) -> None:
    reseller = onboard()
    invoices = [invoice_of(api, reseller, place(api, reseller)) for _ in range(3)]
    batch_total = sum(amount(i) for i in invoices)
    day = date.today()
    statement = bank_statement(
        [
            entry(
                str(batch_total),
                [tx_details(i["total"]["amount"], [i["payment_reference"]]) for i in invoices],
                booked=day,
                bank_ref=f"BATCH-{reseller.id}",
            )
        ],
        day=day,
    )
    result = upload(api, statement).json()
    assert (result["entries"], result["matched"], result["unmatched"]) == (3, 3, 0), result
    for invoice in invoices:
        paid = get_invoice(api, reseller.key, invoice["id"])
        assert paid["status"] == "paid" and paid["amount_paid"] == invoice["total"]
    # the money recorded is the money the bank booked: once, not once per transaction
    recorded = sum(Decimal(p["amount"]["amount"]) for p in payments_of(api, reseller))
    assert recorded == batch_total
    assert credit_balance(api, reseller) == []


def test_r_bi_9_a_batch_whose_transactions_do_not_add_up_is_held_and_books_nothing(
    api: Api, onboard: Callable[..., Reseller]
) -> None:
    reseller = onboard()
    first, second = (invoice_of(api, reseller, place(api, reseller)) for _ in range(2))
    day = date.today()
    wrong_total = str(amount(first) + amount(second) + 10)
    result = upload(
        api,
        bank_statement(
            [
                entry(
                    wrong_total,
                    [tx_details(i["total"]["amount"], [i["payment_reference"]]) for i in (first, second)],
                    booked=day,
                )
            ],
            day=day,
        ),
    ).json()
    assert result["payments"] == [] and len(result["held"]) == 1
    assert result["held"][0]["amount"] == wrong_total
    assert get_invoice(api, reseller.key, first["id"])["status"] == "open"
    assert payments_of(api, reseller) == []


def test_r_bi_9_entries_of_two_days_both_numbered_from_one_are_both_booked(
    api: Api, onboard: Callable[..., Reseller]
) -> None:
    reseller = onboard()
    monday, tuesday = (invoice_of(api, reseller, place(api, reseller)) for _ in range(2))
    day1 = date.today()
    day2 = day1 + timedelta(days=1)
    for invoice, day in ((monday, day1), (tuesday, day2)):
        statement = bank_statement(
            [
                entry(
                    invoice["total"]["amount"],
                    [tx_details(None, [invoice["payment_reference"]])],
                    booked=day,
                    ntry_ref="1",  # the bank restarts NtryRef every day and sends no AcctSvcrRef
                )
            ],
            day=day,
        )
        result = upload(api, statement).json()
        assert (result["matched"], result["already_recorded"]) == (1, 0), result
    assert get_invoice(api, reseller.key, monday["id"])["status"] == "paid"
    assert get_invoice(api, reseller.key, tuesday["id"])["status"] == "paid"


def test_r_bi_9_pending_entries_change_nothing_and_another_account_is_refused(
    api: Api, onboard: Callable[..., Reseller]
) -> None:
    reseller = onboard()
    invoice = invoice_of(api, reseller, place(api, reseller))
    day = date.today()
    pending = entry(
        invoice["total"]["amount"],
        [tx_details(None, [invoice["payment_reference"]])],
        booked=day,
        status="PDNG",
    )
    result = upload(api, bank_statement([pending], day=day)).json()
    assert result["payments"] == [] and [n["status"] for n in result["not_booked"]] == ["PDNG"]
    assert get_invoice(api, reseller.key, invoice["id"])["status"] == "open"

    booked = entry(invoice["total"]["amount"], [tx_details(None, [invoice["payment_reference"]])], booked=day)
    foreign = upload(api, bank_statement([booked], day=day, iban="DE89370400440532013000"))
    problem = assert_problem(foreign, 422, "bank-statement-account-unknown")
    assert "DE89370400440532013000" in problem["detail"]
    assert get_invoice(api, reseller.key, invoice["id"])["status"] == "open"
    assert payments_of(api, reseller) == []


def test_r_bi_9_one_transfer_quoting_two_references_pays_both_and_the_surplus_is_credit(
    api: Api, onboard: Callable[..., Reseller]
) -> None:
    reseller = onboard()
    first, second = (invoice_of(api, reseller, place(api, reseller)) for _ in range(2))
    paid = amount(first) + amount(second) + Decimal("25.00")
    day = date.today()
    transfer = tx_details(str(paid), [first["payment_reference"], second["payment_reference"]])
    result = upload(api, bank_statement([entry(str(paid), [transfer], booked=day)], day=day)).json()
    [payment] = result["payments"]
    assert payment["status"] == "matched"
    assert [a["amount"] for a in payment["allocations"]] == [first["total"], second["total"]]
    assert payment["unapplied"] == money("25.00")
    for invoice in (first, second):
        assert get_invoice(api, reseller.key, invoice["id"])["status"] == "paid"
    assert credit_balance(api, reseller) == [money("25.00")]
    wait_until(
        lambda: (
            api.admin("GET", f"/v1/resellers/{reseller.id}").json().get("credit_balance") == [money("25.00")]
        ),
        what="the reseller to show its credit balance",
    )
    # the credit pays the next invoice by itself; what it does not cover is still due
    third = invoice_of(api, reseller, place(api, reseller))
    after = get_invoice(api, reseller.key, third["id"])
    assert after["status"] == "partially_paid" and after["amount_paid"] == money("25.00")
    assert after["amount_due"] == money(str(amount(third) - Decimal("25.00")))
    assert credit_balance(api, reseller) == []


def test_r_bi_9_staff_refund_the_credit_balance_with_a_reason(
    api: Api, onboard: Callable[..., Reseller]
) -> None:
    reseller = onboard()
    invoice = invoice_of(api, reseller, place(api, reseller))
    pay(api, invoice, amount=str(amount(invoice) + Decimal("40.00")))
    assert credit_balance(api, reseller) == [money("40.00")]
    too_much = {"amount": money("40.01"), "reason": "refund"}
    assert_problem(
        api.admin("POST", f"/v1/resellers/{reseller.id}/credit-balance/refunds", json=too_much), 422
    )
    assert api.call(
        "POST", f"/v1/resellers/{reseller.id}/credit-balance/refunds", reseller.key, json=too_much
    ).status_code in (403, 404)
    refund = api.admin(
        "POST",
        f"/v1/resellers/{reseller.id}/credit-balance/refunds",
        json={"amount": money("40.00"), "reason": "paid back to NL91 account on request"},
    )
    assert refund.status_code == 201, refund.text
    assert refund.json()["amount"] == money("40.00")
    assert credit_balance(api, reseller) == []
    other = onboard()
    assert api.call("GET", f"/v1/resellers/{reseller.id}/credit-balance", other.key).status_code == 404


def test_r_bi_9_reversal_the_next_day_reopens_the_invoice_and_the_order_is_no_longer_paid(
    api: Api, onboard: Callable[..., Reseller]
) -> None:
    reseller = onboard()
    order = place(api, reseller)
    invoice = invoice_of(api, reseller, order)
    day = date.today()
    e2e = f"E2E-{invoice['number']}"
    credit = entry(
        invoice["total"]["amount"],
        [tx_details(None, [invoice["payment_reference"]], e2e=e2e)],
        booked=day,
        bank_ref=f"IN-{invoice['id']}",
    )
    assert upload(api, bank_statement([credit], day=day)).json()["matched"] == 1
    wait_until(lambda: order_status(api, reseller, order) in ("released", "fulfilled"), what="release")
    wait_until(
        lambda: api.admin("GET", f"/v1/resellers/{reseller.id}").json()["paid_orders"] == 1, what="count"
    )

    next_day = day + timedelta(days=1)
    reversal = entry(
        invoice["total"]["amount"],
        [tx_details(None, [invoice["payment_reference"]], e2e=e2e, return_reason="AC04")],
        booked=next_day,
        direction="DBIT",
        reversal=True,
        bank_ref=f"RV-{invoice['id']}",
    )
    second_day = bank_statement([reversal], day=next_day)
    result = upload(api, second_day).json()
    assert [r["status"] for r in result["reversals"]] == ["applied"], result
    assert result["reversals"][0]["amount"] == invoice["total"]
    reopened = get_invoice(api, reseller.key, invoice["id"])
    assert reopened["status"] == "open" and reopened["amount_due"] == invoice["total"]
    [payment] = payments_of(api, reseller)
    assert payment["status"] == "reversed" and payment["reversed_on"] == next_day.isoformat()
    wait_until(
        lambda: api.admin("GET", f"/v1/resellers/{reseller.id}").json()["paid_orders"] == 0,
        what="the reversed order to be uncounted",
    )
    # the same file again is recognised and undoes nothing twice
    again = upload(api, second_day).json()
    assert again["duplicate"] is True and again["reversals"] == [] and again["already_recorded"] == 1
    # payments recorded less reversals = what the bank kept
    kept = sum(
        Decimal(p["amount"]["amount"]) for p in payments_of(api, reseller) if p["status"] != "reversed"
    )
    assert kept == Decimal("0")


def test_r_bi_4_payment_booked_before_a_dunning_run_but_recorded_after_settles_and_lifts_prepay(
    api: Api, onboard: Callable[..., Reseller]
) -> None:
    reseller = establish(api, onboard)
    order = place(api, reseller)
    assert order["payment_requirement"] == "on_account"
    invoice = invoice_of(api, reseller, order)
    due = date.fromisoformat(invoice["due_date"])
    booked_on, dunning_day = due + timedelta(days=12), due + timedelta(days=13)
    owed_on_the_12th = amount(invoice) + Decimal(interest(invoice["total"]["amount"], "0.08", 12))

    run_job(api, "dunning", dunning_day)  # the run happens before the clerk uploads the 12th's file
    overdue = get_invoice(api, reseller.key, invoice["id"])
    assert overdue["status"] == "overdue"
    assert overdue["interest"] == money(interest(invoice["total"]["amount"], "0.08", 13))
    wait_standing(api, reseller, "prepay_required")

    transfer = entry(
        str(owed_on_the_12th), [tx_details(None, [invoice["payment_reference"]])], booked=booked_on
    )
    result = upload(api, bank_statement([transfer], day=booked_on)).json()
    assert result["matched"] == 1, result
    settled = get_invoice(api, reseller.key, invoice["id"])
    assert settled["status"] == "paid" and settled["amount_due"] == money("0.00")
    assert settled["interest"] == money(interest(invoice["total"]["amount"], "0.08", 12))
    assert settled["paid_on"] == booked_on.isoformat()
    wait_standing(api, reseller, "established")
    # a later dunning run charges nothing more and sends no reminder
    run_job(api, "dunning", due + timedelta(days=40))
    assert get_invoice(api, reseller.key, invoice["id"])["reminder_level"] == overdue["reminder_level"]
    assert credit_balance(api, reseller) == []


def test_r_bi_8_cancelled_order_is_credited_with_its_own_numbered_credit_note_and_pdf(
    api: Api, onboard: Callable[..., Reseller]
) -> None:
    reseller = onboard()
    order = place(api, reseller)
    invoice = invoice_of(api, reseller, order)
    cancelled = api.call(
        "POST", f"/v1/orders/{order['id']}/cancel", reseller.key, json={"reason": "withdrawn"}
    )
    assert cancelled.status_code == 200, cancelled.text
    wait_until(lambda: get_invoice(api, reseller.key, invoice["id"])["status"] == "credited", what="credit")
    credited = get_invoice(api, reseller.key, invoice["id"])
    assert credited["amount_due"] == money("0.00") and credited["credited"] == invoice["total"]
    [ref] = credited["credit_notes"]
    note = api.call("GET", f"/v1/credit-notes/{ref['id']}", reseller.key).json()
    assert note["kind"] == "cancellation" and note["invoice_number"] == invoice["number"]
    assert (note["total"], note["tax"]) == (invoice["total"], invoice["tax"])
    assert note["number"].startswith(f"CN-{invoice['issue_date'][:4]}-")
    listed = api.call("GET", "/v1/credit-notes", reseller.key, params={"invoice_id": invoice["id"]}).json()
    assert [n["id"] for n in listed["data"]] == [note["id"]]
    pdf = api.call("GET", f"/v1/credit-notes/{note['id']}/pdf", reseller.key)
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    text = PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text()
    assert note["number"] in text and invoice["number"] in text
    # isolation: another reseller and a customer key find nothing
    other = onboard()
    for path in (f"/v1/credit-notes/{note['id']}", f"/v1/credit-notes/{note['id']}/pdf"):
        assert_problem(api.call("GET", path, other.key), 404)
    assert (
        api.call("GET", "/v1/credit-notes", other.key, params={"invoice_id": invoice["id"]}).json()["data"]
        == []
    )
    # a transfer quoting it now is the reseller's money no invoice needs: its credit balance (R-BI-9)
    late = pay(api, invoice, amount=invoice["total"]["amount"])
    assert late["status"] == "matched" and late["allocations"] == [] and late["unapplied"] == invoice["total"]
    assert credit_balance(api, reseller) == [invoice["total"]]


def test_r_bi_8_r_or_9_handed_over_order_is_credited_in_full_and_never_dunned(
    api: Api, onboard: Callable[..., Reseller]
) -> None:
    reseller = onboard()
    order = place(api, reseller)
    invoice = invoice_of(api, reseller, order)
    handed = api.call(
        "POST", f"/v1/orders/{order['id']}/handover", reseller.key, json={"note": "vendor deal"}
    )
    assert handed.status_code == 200, handed.text
    wait_until(lambda: get_invoice(api, api.admin_key, invoice["id"])["status"] == "credited", what="credit")
    notes = api.admin("GET", "/v1/credit-notes", params={"invoice_id": invoice["id"]}).json()["data"]
    assert [(n["kind"], n["total"]) for n in notes] == [("handover", invoice["total"])]
    run_job(api, "dunning", date.fromisoformat(invoice["due_date"]) + timedelta(days=30))
    after = get_invoice(api, api.admin_key, invoice["id"])
    assert (
        after["status"] == "credited" and after["reminder_level"] == 0 and after["interest"] == money("0.00")
    )


def test_r_bi_8_staff_credit_note_on_an_overdue_invoice_lifts_prepay_and_a_paid_part_becomes_credit(
    api: Api, onboard: Callable[..., Reseller]
) -> None:
    reseller = establish(api, onboard)
    invoice = invoice_of(api, reseller, place(api, reseller))
    due = date.fromisoformat(invoice["due_date"])
    pay(api, invoice, amount="100.00", received_on=due - timedelta(days=5))
    run_job(api, "dunning", due + timedelta(days=3))
    wait_standing(api, reseller, "prepay_required")

    # a correction of everything: the unpaid part is no longer owed, the paid 100.00 is credit
    bad = api.admin(
        "POST",
        f"/v1/invoices/{invoice['id']}/credit-note",
        json={"reason": "x", "amount": money("1.00", "USD")},
    )
    assert_problem(bad, 422)
    response = api.admin(
        "POST",
        f"/v1/invoices/{invoice['id']}/credit-note",
        json={"reason": "price agreed lower", "amount": invoice["total"]},
    )
    assert response.status_code == 201, response.text
    note = response.json()
    assert note["total"] == invoice["total"] and note["refunded_to_balance"] == money("100.00")
    credited = get_invoice(api, reseller.key, invoice["id"])
    assert credited["status"] == "credited" and credited["amount_due"] == money("0.00")
    assert credit_balance(api, reseller) == [money("100.00")]
    wait_standing(api, reseller, "established")
    # nothing left to credit; resellers cannot credit their own invoices
    assert_problem(
        api.admin("POST", f"/v1/invoices/{invoice['id']}/credit-note", json={"reason": "again"}), 422
    )
    assert api.call(
        "POST", f"/v1/invoices/{invoice['id']}/credit-note", reseller.key, json={"reason": "mine"}
    ).status_code in (403, 404)


def test_r_bi_8_unpaid_prepay_order_expires_with_a_credit_note_and_is_cancelled(
    api: Api, onboard: Callable[..., Reseller]
) -> None:
    reseller = onboard()
    order = place(api, reseller)
    assert order["payment_requirement"] == "prepay"
    invoice = invoice_of(api, reseller, order)
    issued = date.fromisoformat(invoice["issue_date"])
    # prepay invoices are not dunned: no interest, no reminders, the standing is untouched
    run_job(api, "dunning", issued + timedelta(days=35))
    not_dunned = get_invoice(api, reseller.key, invoice["id"])
    assert not_dunned["status"] == "open" and not_dunned["interest"] == money("0.00")
    assert not_dunned["reminder_level"] == 0

    assert run_job(api, "prepay-expiry", issued + timedelta(days=29))["counts"]["expired"] == 0
    run_job(api, "prepay-expiry", issued + timedelta(days=31))
    expired = get_invoice(api, reseller.key, invoice["id"])
    assert expired["status"] == "credited"
    [ref] = expired["credit_notes"]
    assert ref["total"] == invoice["total"]
    wait_until(
        lambda: order_status(api, reseller, order) == "cancelled", what="the expired order to be cancelled"
    )


def test_r_bi_4_reports_rebuild_what_was_owed_on_a_past_day_and_agree_with_billing(
    api: Api, onboard: Callable[..., Reseller]
) -> None:
    reseller = establish(api, onboard)
    invoice = invoice_of(api, reseller, place(api, reseller))
    due = date.fromisoformat(invoice["due_date"])
    total = invoice["total"]["amount"]
    # 500.00 arrived five days late, but the clerk records it only after the day-20 dunning run
    run_job(api, "dunning", due + timedelta(days=20))
    pay(api, invoice, amount="500.00", received_on=due + timedelta(days=5))
    run_job(api, "dunning", due + timedelta(days=20))
    billing = get_invoice(api, reseller.key, invoice["id"])
    expected_interest = Decimal(interest(total, "0.08", 5)) + Decimal(
        interest(str(Decimal(total) - 500), "0.08", 15)
    )
    # billing's own figure: interest on the full amount for 5 days, on the rest for 15 (± a cent of rounding)
    assert abs(amount(billing, "interest") - expected_interest) <= Decimal("0.01")

    def aging(as_of: date) -> list[dict[str, Any]]:
        response = api.call(
            "GET",
            "/v1/reports/receivables-aging",
            reseller.key,
            params={"as_of": as_of.isoformat(), "reseller_id": reseller.id},
        )
        assert response.status_code == 200, response.text
        return list(response.json()["data"] if isinstance(response.json(), dict) else response.json())

    def total_on(as_of: date) -> str | None:
        rows = aging(as_of)
        return rows[0]["total"] if rows else None

    # the same day: the report's total is billing's amount due, to the cent
    wait_until(
        lambda: total_on(due + timedelta(days=20)) == billing["amount_due"]["amount"],
        what="the report to agree with billing",
    )
    # three days late, before any money arrived: the total plus three days' interest
    three_days = Decimal(total) + Decimal(interest(total, "0.08", 3))
    assert total_on(due + timedelta(days=3)) == str(three_days)
    assert total_on(date.fromisoformat(invoice["issue_date"]) - timedelta(days=1)) is None
    overdue = api.call(
        "GET",
        "/v1/reports/overdue-resellers",
        reseller.key,
        params={"as_of": (due + timedelta(days=20)).isoformat(), "reseller_id": reseller.id},
    ).json()
    rows = overdue["data"] if isinstance(overdue, dict) else overdue
    assert [r["overdue_amount"] for r in rows] == [billing["amount_due"]["amount"]]
    # paid in full on day 21: nothing is owed on day 22, and the report shows none
    pay(api, billing, received_on=due + timedelta(days=20))
    wait_until(lambda: total_on(due + timedelta(days=22)) is None, what="the report to see the payment")


def test_r_bi_3_statement_lists_references_interest_and_credit_and_its_reference_pays_the_total(
    api: Api, onboard: Callable[..., Reseller]
) -> None:
    reseller = establish(api, onboard)
    older, newer = (invoice_of(api, reseller, place(api, reseller)) for _ in range(2))
    due = date.fromisoformat(older["due_date"])
    statement_day = (due + timedelta(days=40)).replace(day=1)
    run_job(api, "monthly-statements", statement_day)
    [statement] = api.call("GET", f"/v1/resellers/{reseller.id}/statements", reseller.key).json()
    days_late = (statement_day - due).days
    items = {i["number"]: i for i in statement["items"]}
    assert set(items) == {older["number"], newer["number"]}
    for invoice in (older, newer):
        item = items[invoice["number"]]
        assert item["payment_reference"] == invoice["payment_reference"]
        owed = Decimal(invoice["total"]["amount"]) + Decimal(
            interest(invoice["total"]["amount"], "0.08", days_late)
        )
        assert item["amount_due"] == money(str(owed)) and item["interest"]["amount"] != "0.00"
    open_total = sum(Decimal(i["amount_due"]["amount"]) for i in statement["items"])
    assert statement["open_total"] == money(str(open_total)) and statement["credit_balance"] == money("0.00")
    assert statement["payment_reference"] and statement["payment_reference"].startswith("RF")

    # one transfer quoting the statement's reference, 10.00 more than its total, on the statement day
    transfer = {
        "reference": statement["payment_reference"],
        "amount": money(str(open_total + Decimal("10.00"))),
        "received_on": statement_day.isoformat(),
    }
    paid = api.admin("POST", "/v1/payments", json=transfer)
    assert paid.status_code == 201, paid.text
    assert [a["invoice_number"] for a in paid.json()["allocations"]] == [older["number"], newer["number"]]
    for invoice in (older, newer):
        assert get_invoice(api, reseller.key, invoice["id"])["status"] == "paid"
    assert credit_balance(api, reseller) == [money("10.00")]
    # a customer's key sees none of it
    customer_id = customer_ready_to_order(api, reseller)
    customer_key = api.call(
        "POST", f"/v1/customers/{customer_id}/api-keys", reseller.key, json={"name": "portal"}
    ).json()["key"]
    for path in (
        f"/v1/resellers/{reseller.id}/credit-balance",
        "/v1/credit-notes",
        f"/v1/statements/{statement['id']}",
    ):
        assert_problem(api.call("GET", path, customer_key), 404)
