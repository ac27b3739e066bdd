"""Invoice numbers and structured payment references (R-BI-1).

Numbers run without gaps per calendar year (`2026-000042`): the counter is taken in the same
transaction that writes the invoice (`usecases.invoicing`), so a rolled-back invoice gives its
number back. The payment reference is the ISO 11649 "RF" creditor reference built from the
number's digits, so a bank transfer quoting it matches exactly one invoice.
"""

from __future__ import annotations

import hashlib
import uuid

from stdnum import iso11649
from stdnum.iso7064 import mod_97_10


def invoice_number(year: int, sequence: int) -> str:
    if sequence < 1:
        raise ValueError("invoice sequences start at 1")
    return f"{year}-{sequence:06d}"


def rf_reference(invoice_number: str) -> str:
    """The RF reference of an invoice number: RF + two check digits + the number's digits."""
    body = "".join(ch for ch in invoice_number if ch.isalnum()).upper()
    if not body:
        raise ValueError("an RF reference needs a non-empty body")
    check = mod_97_10.calc_check_digits(body + "RF")
    reference = f"RF{check}{body}"
    iso11649.validate(reference)  # the library's own check: never hand out a reference it refuses
    return reference


def normalise_reference(text: str) -> str | None:
    """A reference as a bank or a partner wrote it (`rf18 5390 0754 7034`) → its compact form, or
    None when it is not a valid RF reference (the payment is then kept as unmatched)."""
    try:
        return iso11649.validate(text)
    except iso11649.ValidationError:
        return None


def credit_note_number(year: int, sequence: int) -> str:
    """Credit notes run in their own gapless series per year (R-BI-8): `CN-2026-000007`."""
    if sequence < 1:
        raise ValueError("credit-note sequences start at 1")
    return f"CN-{year}-{sequence:06d}"


def statement_reference(reseller_id: uuid.UUID, month: str, currency: str) -> str:
    """The RF reference of a reseller's monthly statement: a transfer quoting it pays the statement's
    items oldest first. Derived from what makes the statement unique (reseller, month, currency), so
    it is stable however often the job runs; 'S' keeps it apart from every invoice's digits-only body."""
    digest = hashlib.sha256(f"{reseller_id}/{month}/{currency}".encode()).hexdigest()
    body = "S" + str(int(digest[:16], 16))[:18]
    check = mod_97_10.calc_check_digits(body + "RF")
    reference = f"RF{check}{body}"
    iso11649.validate(reference)
    return reference
