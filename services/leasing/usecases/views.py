"""The one place leasing's rows become response shapes. A customer's key (the lessee) sees its
contracts and what it pays, never the partner's commission (R-WA-4)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from libs.auth import Caller
from libs.money import MoneyOut
from services.leasing import schemas
from services.leasing.domain.records import CreditCheck, SignatureRecord, Signatures
from services.leasing.domain.schedule import Instalment
from services.leasing.models import Bundle, Commission, Contract, ContractExtension, HardwareRequest


def _money(amount: Decimal | str, currency: str) -> MoneyOut:
    return MoneyOut.of(Decimal(amount), currency)


def _option(o: dict[str, Any], currency: str, *, commissions: bool) -> dict[str, Any]:
    shown = {
        "code": o["code"],
        "name": o["name"],
        "monthly_price": _money(o["monthly_price"], currency).model_dump(),
        "upgrade": o["upgrade"],
        "office365_sku": o.get("office365_sku"),
    }
    if commissions:
        shown["commission"] = _money(o["commission"], currency).model_dump()
    return shown


def render_bundle(b: Bundle, caller: Caller) -> schemas.Bundle:
    commissions = caller.kind != "customer"
    return schemas.Bundle(
        code=b.code,
        name=b.name,
        manufacturer=b.manufacturer,
        hardware_model=b.hardware_model,
        monthly_price=_money(b.monthly_price, b.currency),
        commission=_money(b.commission, b.currency) if commissions else None,
        warranty_years=b.warranty_years,
        max_warranty_extension_years=b.max_warranty_extension_years,
        office365_sku=b.office365_sku,
        office365_seats_per_unit=b.office365_seats_per_unit,
        options=[
            schemas.Option(
                code=o["code"],
                name=o["name"],
                monthly_price=_money(o["monthly_price"], b.currency),
                commission=_money(o["commission"], b.currency) if commissions else None,
                upgrade=o["upgrade"],
                office365_sku=o.get("office365_sku"),
            )
            for o in b.options
        ],
    )


def _credit_check(check: CreditCheck | None, caller: Caller) -> dict[str, Any] | None:
    """The decision and its time for everyone; the reason and the decider are staff's notes."""
    if check is None:
        return None
    return check.model_dump(mode="json", exclude=None if caller.is_staff else set(CreditCheck.STAFF_NOTES))


def _signatures(signatures: Signatures, caller: Caller) -> dict[str, Any]:
    """Who signed and when for everyone; which key recorded it is staff's note."""
    hidden = None if caller.is_staff else set(SignatureRecord.STAFF_NOTES)
    return {party: s.model_dump(mode="json", exclude=hidden) for party, s in signatures.items()}


def render_extension(e: ContractExtension) -> schemas.ExtensionProposal:
    return schemas.ExtensionProposal(
        id=e.id,
        contract_id=e.contract_id,
        months=e.months,
        status=e.status,
        proposed_by=e.proposed_by,
        proposed_at=e.proposed_at,
        accepted_by=e.accepted_by,
        accepted_at=e.accepted_at,
    )


def render_schedule(c: Contract, items: list[Instalment], invoiced: frozenset[int]) -> schemas.Schedule:
    return schemas.Schedule(
        data=[
            schemas.InstalmentOut(
                n=i.n,
                period_start=i.period_start,
                period_end=i.period_end,
                due_date=i.due_date,
                amount=_money(i.amount, c.currency),
                invoiced=i.n in invoiced,
            )
            for i in items
        ]
    )


def render_contract(
    c: Contract, caller: Caller, extensions: list[ContractExtension] | None = None
) -> schemas.Contract:
    commissions = caller.kind != "customer"
    return schemas.Contract(
        id=c.id,
        status=c.status,
        reseller_id=c.reseller_id,
        customer_id=c.customer_id,
        customer_country=c.customer_country,
        customer_vat_id=c.customer_vat_id,
        billing_email=c.billing_email,
        bundle=c.bundle_code,
        manufacturer=c.manufacturer,
        hardware_model=c.hardware_model,
        options=[_option(o, c.currency, commissions=commissions) for o in c.options],
        quantity=c.quantity,
        term_months=c.term_months,
        delivery=c.delivery,
        monthly_total=_money(c.monthly_total, c.currency),
        commission=_money(c.commission, c.currency) if commissions and c.commission is not None else None,
        office365_sku=c.office365_sku,
        office365_seats=c.office365_seats,
        credit_check=_credit_check(c.credit_check, caller),
        signatures=_signatures(c.signatures, caller),
        start_date=c.start_date,
        end_date=c.end_date,
        terminated_on=c.terminated_on,
        termination_fee=_money(c.termination_fee, c.currency) if c.termination_fee is not None else None,
        months_remaining=c.months_remaining,
        termination=(
            {k: v for k, v in c.termination_record.items() if k != "fee_instalments"}
            if c.termination_record
            else None
        ),
        extensions=[render_extension(e) for e in extensions or []],
        return_record=None if c.return_record is None else c.return_record.model_dump(mode="json"),
        created_at=c.created_at,
    )


def render_request(r: HardwareRequest) -> schemas.HardwareRequest:
    return schemas.HardwareRequest.model_validate(r, from_attributes=True)


def render_commission(c: Commission) -> schemas.CommissionOut:
    return schemas.CommissionOut(
        id=c.id,
        contract_id=c.contract_id,
        reason=c.reason,
        amount=_money(c.amount, c.currency),
        earned_on=c.earned_on,
    )
