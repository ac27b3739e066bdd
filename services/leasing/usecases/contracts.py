"""WaaS contracts (R-WA-2…8): drafted by the reseller for its end customer, submitted for the
distributor's credit check, signed by the distributor and the end customer, active from the second
signature — which fixes the prices and the commission from the price list in force (R-WA-4) —,
extended, terminated early for the remaining instalments, ended, and returned with certified wiping.
Every change publishes its `leasing.contract.*` event with the whole contract."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from libs.auth import Caller
from libs.db import UnitOfWork
from libs.errors import Forbidden
from libs.events import leasing as ev
from libs.internal_client import InternalClient
from libs.pagination import PageQuery, paginate
from libs.repository import load_or_404
from libs.tenancy import visible
from services.leasing.config import LeasingConfig
from services.leasing.domain import contracts as rules
from services.leasing.domain.records import CreditCheck, ReturnRecord, SignatureRecord, fully_signed
from services.leasing.domain.schedule import Instalment, invoiced_by, schedule, termination_split
from services.leasing.errors import (
    ContractNotFound,
    ContractStateConflict,
    ExtensionLimit,
    ExtensionNotFound,
    FourEyesRequired,
    InvalidCustomerVatId,
    TerminationDateNotAllowed,
    UnknownBundle,
    UnknownCustomer,
    UnknownOption,
)
from services.leasing.models import Bundle, Commission, Contract, ContractExtension
from services.leasing.schemas import ContractCreate, CreditDecision, ReturnIn, Signature, Termination
from services.leasing.usecases import readmodels


def contract_data(c: Contract) -> ev.ContractData:
    return ev.ContractData(
        reseller_id=c.reseller_id,
        customer_id=c.customer_id,
        status=c.status,
        bundle=c.bundle_code,
        manufacturer=c.manufacturer,
        hardware_model=c.hardware_model,
        options=[
            ev.ContractOptionData(
                code=o["code"],
                name=o["name"],
                monthly_price=Decimal(o["monthly_price"]),
                commission=Decimal(o["commission"]),
                upgrade=o["upgrade"],
            )
            for o in c.options
        ],
        quantity=c.quantity,
        term_months=c.term_months,
        delivery=c.delivery,
        currency=c.currency,
        monthly_total=c.monthly_total,
        start_date=c.start_date,
        end_date=c.end_date,
        office365_sku=c.office365_sku,
        office365_seats=c.office365_seats,
        commission=c.commission,
        customer_country=c.customer_country,
        reseller_country=c.reseller_country,
        customer_vat_id=c.customer_vat_id,
        billing_email=c.billing_email,
        schedule=[
            ev.InstalmentData(
                n=i.n,
                period_start=i.period_start,
                period_end=i.period_end,
                due_date=i.due_date,
                amount=i.amount,
            )
            for i in instalments(c)
        ],
        terminated_on=c.terminated_on,
    )


def instalments(c: Contract) -> list[Instalment]:
    """The contract's one schedule (R-WA-6): from its start, over its whole (extended) term."""
    if c.start_date is None:
        return []
    return schedule(c.start_date, c.term_months, c.monthly_total)


def invoiced_on(c: Contract, day: date) -> frozenset[int]:
    """The instalments invoiced by `day`: billing's monthly run invoices each on its due date; after a
    termination every instalment due by its effective date is invoiced as one, the rest is the fee."""
    items = instalments(c)
    if c.terminated_on is not None:
        fee = set((c.termination_record or {}).get("fee_instalments", []))
        return frozenset(i.n for i in items if i.n not in fee)
    return frozenset(invoiced_by(items, day, frozenset(c.billed_instalments or [])))


async def instalment_invoiced(session: AsyncSession, contract_id: uuid.UUID, n: int) -> None:
    """Billing invoiced instalment `n` (its run may be given a later `as_of` than today)."""
    c = await session.get(Contract, contract_id, with_for_update=True)
    if c is None or n in (c.billed_instalments or []):
        return
    c.billed_instalments = sorted({*(c.billed_instalments or []), n})


async def _emit(uow: UnitOfWork, c: Contract, event_type: type[ev.ContractEvent], **extra: Any) -> None:
    session = uow.session
    await session.flush()
    await uow.emit(
        event_type(contract_id=c.id, contract=contract_data(c), **extra), reseller_id=c.reseller_id
    )


def _lines(bundle: Bundle, option_codes: list[str]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    offered = {o["code"]: o for o in bundle.options}
    unknown = [code for code in option_codes if code not in offered]
    if unknown:
        raise UnknownOption(f"{', '.join(unknown)} is not an option of {bundle.code}")
    if len(set(option_codes)) != len(option_codes):
        raise UnknownOption("an option is named twice")
    return {"monthly_price": str(bundle.monthly_price), "commission": str(bundle.commission)}, [
        dict(offered[code]) for code in option_codes
    ]


def _price(line: dict[str, Any]) -> rules.PriceLine:
    return rules.PriceLine(Decimal(line["monthly_price"]), Decimal(line["commission"]))


def _apply_price_list(c: Contract, bundle: Bundle) -> None:
    """Take the price list as it stands now (the draft's figures; fixed again at activation)."""
    c.bundle_price, c.options = _lines(bundle, [o["code"] for o in c.options])
    c.monthly_total = rules.monthly_total(_price(c.bundle_price), [_price(o) for o in c.options], c.quantity)
    upgrade = next((o["office365_sku"] for o in c.options if o.get("office365_sku")), None)
    c.office365_sku = upgrade or bundle.office365_sku
    c.office365_seats = bundle.office365_seats_per_unit * c.quantity


async def create(
    uow: UnitOfWork, caller: Caller, body: ContractCreate, onboarding: InternalClient
) -> Contract:
    session = uow.session
    assert caller.reseller_id is not None
    bundle = await session.get(Bundle, body.bundle)
    if bundle is None:
        raise UnknownBundle(body.bundle)
    bundle_line, options = _lines(bundle, body.options)
    if await readmodels.customer_of(uow, body.customer_id, caller.reseller_id, onboarding) is None:
        raise UnknownCustomer()
    reseller = await readmodels.RESELLERS.get(uow, caller.reseller_id, onboarding)
    partner_country = reseller.country if reseller else "NL"
    country = body.customer_country or partner_country
    vat_id = None
    if body.customer_vat_id:
        try:
            vat_id = rules.checked_vat_id(country, body.customer_vat_id)
        except rules.ContractRuleBroken as exc:
            raise InvalidCustomerVatId(str(exc)) from None
    c = Contract(
        id=uuid.uuid4(),
        reseller_id=caller.reseller_id,
        customer_id=body.customer_id,
        customer_country=country,
        customer_vat_id=vat_id,
        billing_email=str(body.billing_email) if body.billing_email else None,
        reseller_country=partner_country,
        status="draft",
        bundle_code=bundle.code,
        manufacturer=bundle.manufacturer,
        hardware_model=bundle.hardware_model,
        quantity=body.quantity,
        term_months=body.term_months,
        delivery=body.delivery,
        currency=bundle.currency,
        bundle_price=bundle_line,
        options=options,
        monthly_total=Decimal(0),
        warranty_years=bundle.warranty_years,
        max_warranty_extension_years=bundle.max_warranty_extension_years,
        office365_sku=bundle.office365_sku,
        office365_seats=0,
        signatures={},
    )
    _apply_price_list(c, bundle)
    session.add(c)
    await _emit(uow, c, ev.ContractCreated)
    await session.refresh(c)
    return c


async def load(
    session: AsyncSession, caller: Caller, contract_id: uuid.UUID, *, lock: bool = False
) -> Contract:
    return await load_or_404(
        session,
        visible(Contract, caller).where(Contract.id == contract_id),
        ContractNotFound,
        lock=lock,
    )


async def list_contracts(
    session: AsyncSession, caller: Caller, page: PageQuery, status: ev.ContractStatus | None
) -> tuple[list[Contract], str | None]:
    stmt = visible(Contract, caller)
    if status:
        stmt = stmt.where(Contract.status == status)
    return await paginate(session, stmt, Contract, page)


def _move(c: Contract, target: str) -> None:
    try:
        c.status = rules.move(c.status, target)
    except rules.ContractRuleBroken as exc:
        raise ContractStateConflict(str(exc)) from None


async def submit(uow: UnitOfWork, caller: Caller, contract_id: uuid.UUID) -> Contract:
    session = uow.session
    c = await load(session, caller, contract_id, lock=True)
    _move(c, "credit_check_pending")
    await _emit(uow, c, ev.ContractSubmitted)
    return c


async def credit_check(
    uow: UnitOfWork, caller: Caller, contract_id: uuid.UUID, body: CreditDecision
) -> Contract:
    """R-WA-3: the distributor carries the credit risk (R-BI-6), so staff decide and say why."""
    session = uow.session
    c = await load(session, caller, contract_id, lock=True)
    _move(c, "credit_approved" if body.decision == "approved" else "credit_rejected")
    c.credit_check = CreditCheck(
        decision=body.decision, reason=body.reason, decided_by=caller.identity, decided_at=uow.clock.now()
    )
    # the reason is an internal note (R-PL-5): staff read it on the contract, partners' webhooks do not
    await _emit(uow, c, ev.ContractCreditChecked, decision=body.decision)
    return c


async def sign(uow: UnitOfWork, caller: Caller, contract_id: uuid.UUID, body: Signature) -> Contract:
    """The distributor's signature is staff's; the end customer's is recorded by the customer's own
    key or by its reseller (who collected it). With both, the contract is active (R-WA-3)."""
    session = uow.session
    c = await load(session, caller, contract_id, lock=True)
    if body.party == "distributor" and not caller.is_staff:
        raise ContractStateConflict("only the distributor's staff sign for the distributor")
    if body.party == "customer" and caller.is_staff:
        raise ContractStateConflict(
            "the end customer signs for itself (or its reseller records its signature)"
        )
    if c.status not in ("credit_approved", "awaiting_signatures"):
        raise ContractStateConflict(
            f"a {c.status} contract cannot be signed: it needs an approved credit check"
        )
    if body.party in c.signatures:
        raise ContractStateConflict(f"the {body.party} signed already")
    decided_by = c.credit_check.decided_by if c.credit_check else None
    if body.party == "distributor" and decided_by == caller.identity:
        raise FourEyesRequired()  # R-WA-3, R-PL-5: no staff member activates a contract alone
    now = uow.clock.now()
    c.signatures = {
        **c.signatures,
        body.party: SignatureRecord(signed_by=body.signed_by, signed_at=now, recorded_by=caller.identity),
    }
    if c.status == "credit_approved":
        _move(c, "awaiting_signatures")
    await _emit(uow, c, ev.ContractSigned, party=body.party, signed_by=body.signed_by)
    if fully_signed(c.signatures):
        await _activate(uow, c, now.date())
    return c


async def _activate(uow: UnitOfWork, c: Contract, today: date) -> None:
    session = uow.session
    bundle = await session.get(Bundle, c.bundle_code)
    assert bundle is not None
    _apply_price_list(c, bundle)  # R-WA-4: the price list in force at activation
    c.commission = rules.commission(_price(c.bundle_price), [_price(o) for o in c.options], c.quantity)
    _move(c, "active")
    c.start_date = today
    c.end_date = rules.end_date(today, c.term_months)
    c.original_term_months = c.term_months
    await _emit(uow, c, ev.ContractActivated)
    await _earn(uow, c, "new", c.commission, today)


async def _earn(uow: UnitOfWork, c: Contract, reason: str, amount: Decimal, today: date) -> None:
    session = uow.session
    sequence = int(
        await session.scalar(sa.select(sa.func.count()).where(Commission.contract_id == c.id)) or 0
    )
    commission = Commission(
        id=uuid.uuid4(),
        contract_id=c.id,
        reseller_id=c.reseller_id,
        reason=reason,
        sequence=sequence,
        amount=amount,
        currency=c.currency,
        earned_on=today,
    )
    session.add(commission)
    await session.flush()
    await uow.emit(
        ev.CommissionEarned(
            contract_id=c.id,
            commission_id=commission.id,
            reseller_id=c.reseller_id,
            reason=reason,
            amount=amount,
            currency=c.currency,
            earned_on=today,
        ),
        reseller_id=c.reseller_id,
    )


def _check_extension(c: Contract, months: int) -> None:
    if c.status != "active" or c.start_date is None:
        raise ContractStateConflict(f"a {c.status} contract cannot be extended")
    try:
        rules.check_extension(c.term_months, months, c.warranty_years, c.max_warranty_extension_years)
    except rules.ContractRuleBroken as exc:
        raise ExtensionLimit(str(exc)) from None


async def extend(
    uow: UnitOfWork, caller: Caller, contract_id: uuid.UUID, months: int
) -> tuple[Contract, ContractExtension]:
    """R-WA-7: the end customer extends. Its own key (or staff recording its signed paper) applies the
    extension at once; the partner's call only proposes it (`status: proposed`) for the customer to
    accept. Within 36 months in total and the manufacturer's warranty, checked again on acceptance."""
    session = uow.session
    c = await load(session, caller, contract_id, lock=True)
    _check_extension(c, months)
    extension = ContractExtension(
        id=uuid.uuid4(),
        contract_id=c.id,
        months=months,
        status="proposed",
        proposed_by=caller.identity,
        proposed_at=uow.clock.now(),
    )
    session.add(extension)
    await session.flush()
    if caller.kind == "reseller":
        await _emit(uow, c, ev.ContractExtensionProposed, extension_id=extension.id, months=months)
        return c, extension
    await _apply_extension(uow, caller, c, extension)
    return c, extension


async def accept_extension(
    uow: UnitOfWork, caller: Caller, contract_id: uuid.UUID, extension_id: uuid.UUID
) -> Contract:
    """R-WA-7: the end customer (its key, or staff recording its signature) agrees to a proposal;
    the partner who proposed it cannot (403), another tenant finds no contract (404)."""
    session = uow.session
    c = await load(session, caller, contract_id, lock=True)
    if caller.kind not in ("customer", "staff"):
        raise Forbidden("R-WA-7: the end customer (or staff recording its agreement) accepts an extension")
    extension = await session.scalar(
        sa.select(ContractExtension)
        .where(ContractExtension.id == extension_id, ContractExtension.contract_id == c.id)
        .with_for_update()
    )
    if extension is None:
        raise ExtensionNotFound()
    if extension.status != "proposed":
        raise ContractStateConflict("the extension was accepted already")
    _check_extension(c, extension.months)
    await _apply_extension(uow, caller, c, extension)
    return c


async def _apply_extension(
    uow: UnitOfWork, caller: Caller, c: Contract, extension: ContractExtension
) -> None:
    assert c.start_date is not None
    original = c.original_term_months or c.term_months
    extended_before = c.term_months - original
    c.term_months = c.term_months + extension.months
    c.end_date = rules.end_date(c.start_date, c.term_months)
    renewal = rules.renewal_commission(
        c.commission or Decimal(0), original, extended_before, extension.months
    )
    extension.status = rules.ExtensionStatus.ACCEPTED
    extension.accepted_by = caller.identity
    extension.accepted_at = uow.clock.now()
    extension.commission = renewal
    await _emit(
        uow,
        c,
        ev.ContractExtended,
        months=extension.months,
        commission=renewal,
        extension_id=extension.id,
    )
    await _earn(uow, c, "renewal", renewal, uow.clock.today())


async def terminate(uow: UnitOfWork, caller: Caller, contract_id: uuid.UUID, body: Termination) -> Contract:
    """R-WA-6: ending early costs every instalment of the schedule not invoiced on the effective date
    — the platform's date. Only staff may record another (a notice received earlier), with a reason,
    never after today; a partner's date is refused. Instalments billing invoiced already (its run
    given a later `as_of`) are never in the fee."""
    session = uow.session
    today = uow.clock.today()
    effective = today
    if body.as_of is not None and body.as_of != today:
        if not caller.is_staff:
            raise TerminationDateNotAllowed(
                "R-WA-6: a termination takes effect on the platform's date; only staff record another"
            )
        if body.as_of > today:
            raise TerminationDateNotAllowed("R-WA-6: a termination cannot take effect after today")
        if not body.reason:
            raise TerminationDateNotAllowed("R-WA-6: another effective date needs a reason")
        effective = body.as_of
    c = await load(session, caller, contract_id, lock=True)
    if c.status != "active" or c.start_date is None:
        raise ContractStateConflict(f"a {c.status} contract cannot be terminated")
    if effective < c.start_date:
        raise TerminationDateNotAllowed("a contract cannot end before it started")
    items = instalments(c)
    split = termination_split(
        items, effective, frozenset(invoiced_by(items, today, frozenset(c.billed_instalments or [])))
    )
    c.termination_fee, c.months_remaining = split.fee, len(split.fee_instalments)
    c.terminated_on = effective
    c.termination_record = {
        "effective": effective.isoformat(),
        "recorded_by": caller.identity,
        "recorded_at": uow.clock.now().isoformat(),
        "reason": body.reason,
        "fee_instalments": split.fee_instalments,
    }
    _move(c, "terminated")
    await _emit(
        uow,
        c,
        ev.ContractTerminated,
        terminated_on=effective,
        months_invoiced=len(split.invoiced),
        months_remaining=c.months_remaining,
        fee=c.termination_fee,
        invoiced_instalments=split.invoiced,
        fee_instalments=split.fee_instalments,
    )
    return c


async def extensions_of(session: AsyncSession, c: Contract) -> list[ContractExtension]:
    return list(
        await session.scalars(
            sa.select(ContractExtension)
            .where(ContractExtension.contract_id == c.id)
            .order_by(ContractExtension.created_at, ContractExtension.id)
        )
    )


async def schedule_of(
    session: AsyncSession, caller: Caller, contract_id: uuid.UUID, today: date
) -> tuple[Contract, list[Instalment], frozenset[int]]:
    """The contract's schedule, and the instalments invoiced by `today`."""
    c = await load(session, caller, contract_id)
    return c, instalments(c), invoiced_on(c, today)


async def return_hardware(
    uow: UnitOfWork,
    caller: Caller,
    contract_id: uuid.UUID,
    body: ReturnIn,
    config: LeasingConfig,
) -> Contract:
    """R-WA-8: at the end the data is wiped by a certified company (certificate recorded); the customer
    returns the hardware at its own risk, or books the secure pick-up at the price list's fee."""
    session = uow.session
    c = await load(session, caller, contract_id, lock=True)
    if c.status not in ("ended", "terminated"):
        raise ContractStateConflict(f"a {c.status} contract's hardware is not due back yet")
    fee = config.pickup_fee if body.method == "pickup" else None
    c.return_record = ReturnRecord(
        method=body.method,
        risk="customer" if body.method == "self" else "distributor (secure pick-up)",
        pickup_fee=fee,
        wipe_certificate_id=body.wipe_certificate_id,
        wiping_company=body.wiping_company,
        wiped_on=body.wiped_on or uow.clock.today(),
        recorded_by=caller.identity,
    )
    _move(c, "returned")
    await _emit(
        uow,
        c,
        ev.ContractReturned,
        method=body.method,
        wipe_certificate_id=body.wipe_certificate_id,
        wiping_company=body.wiping_company,
        pickup_fee=fee,
    )
    return c


async def end_due(uow: UnitOfWork, as_of: date) -> int:
    """The `end-contracts` job: active contracts whose last day is before `as_of` have ended."""
    session = uow.session
    due = await session.scalars(
        sa.select(Contract)
        .where(Contract.status == "active", Contract.end_date < as_of)
        .with_for_update(skip_locked=True)
    )
    ended = 0
    for c in due:
        _move(c, "ended")
        await _emit(uow, c, ev.ContractEnded)
        ended += 1
    return ended


async def commissions_of(
    session: AsyncSession, caller: Caller, page: PageQuery
) -> tuple[list[Commission], str | None]:
    stmt = sa.select(Commission)
    if not caller.is_staff:
        stmt = stmt.where(Commission.reseller_id == caller.reseller_id)
    return await paginate(session, stmt, Commission, page)
