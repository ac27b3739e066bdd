"""Administering an approved reseller: tax profile and exemption certificates (R-ON-4/5),
commercial terms and status (R-ON-2/6), payment facts and standing (R-ON-3), programs."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from libs.auth import Caller, Forbidden
from libs.db import UnitOfWork
from libs.events import onboarding as ev
from libs.events.onboarding import ResellerStatus
from libs.logging import get_logger
from services.onboarding import schemas
from services.onboarding.domain import validation as v
from services.onboarding.domain.payment_facts import supersedes
from services.onboarding.domain.standing import ProgramTerms, compute_standing
from services.onboarding.domain.statuses import TaxProfileChangeStatus
from services.onboarding.errors import (
    InvalidField,
    InvalidStatusChange,
    ProgramNotFound,
    TaxProfileChangeDecided,
    TaxProfileChangeNeedsReview,
    TaxProfileChangeNotFound,
    TaxProfileNotApplicable,
)
from services.onboarding.models import (
    ExemptionCertificate,
    PaidOrder,
    Program,
    Reseller,
    TaxProfileChange,
)
from services.onboarding.usecases.resellers import current_certificate, get_reseller, publish_change

log = get_logger(__name__)


def invalid(field: str, message: str) -> InvalidField:
    return InvalidField(f"{field}: {message}", errors=[{"loc": ["body", field], "msg": message}])


def require_tax_admin(caller: Caller) -> None:
    """Staff, or a reseller's `reseller_admin` (tenant checked by `get_reseller`)."""
    if caller.kind == "reseller" and "reseller_admin" not in caller.roles:
        raise Forbidden("the reseller_admin role is required to change the tax profile")


# --- exemption certificates (R-ON-4) ----------------------------------------------------------


async def put_certificate(
    uow: UnitOfWork,
    caller: Caller,
    reseller_id: uuid.UUID,
    body: schemas.ExemptionCertificatePut,
) -> ExemptionCertificate:
    session = uow.session
    reseller = await get_reseller(session, caller, reseller_id, lock=True)
    require_tax_admin(caller)
    if reseller.country != "US":
        raise TaxProfileNotApplicable(
            "resale exemption certificates only apply to US sales tax; "
            f"this reseller is in {reseller.country}"
        )
    if body.state != reseller.state:
        raise invalid(
            "state",
            f"the certificate must be issued by the reseller's own state {reseller.state} "
            "(sales tax follows the reseller's location)",
        )
    now = uow.clock.now()
    previous = await current_certificate(session, reseller.id)
    if previous is not None:
        previous.replaced_at = now
        await session.flush()  # the partial unique index allows one current certificate
    certificate = ExemptionCertificate(
        id=uuid.uuid4(),
        reseller_id=reseller.id,
        state=body.state,
        number=body.number,
        valid_from=body.valid_from,
        valid_until=body.valid_until,
        uploaded_by=caller.identity,
        created_at=now,
        replaced_at=None,
    )
    session.add(certificate)
    await session.flush()
    await publish_change(uow, reseller, ev.ResellerTaxProfileChanged)
    return certificate


async def list_certificates(
    session: AsyncSession, caller: Caller, reseller_id: uuid.UUID
) -> list[ExemptionCertificate]:
    await get_reseller(session, caller, reseller_id)
    rows = await session.scalars(
        sa.select(ExemptionCertificate)
        .where(ExemptionCertificate.reseller_id == reseller_id)
        .order_by(ExemptionCertificate.created_at.desc(), ExemptionCertificate.id)
    )
    return list(rows)


# --- tax profile (R-ON-4/5) -----------------------------------------------------------------


# A reseller's country, state and VAT id decide the tax of its orders (EU VAT or reverse charge, a US
# state's sales tax), so a reseller cannot switch them on its own: it requests a change, which staff
# approve or reject; staff may also correct a profile directly. Every applied change is an event
# naming who made it.


TaxProfileValues = tuple[str, str | None, str | None]  # country, state, VAT id


def resolve_tax_profile(reseller: Reseller, body: schemas.TaxProfilePatch) -> TaxProfileValues:
    """The complete (country, state, vat_id) the patch asks for, checked as a whole."""
    given = body.model_fields_set
    country = body.country if "country" in given and body.country else reseller.country
    state = body.state if "state" in given else reseller.state
    vat_id = body.vat_id if "vat_id" in given else reseller.vat_id
    if "country" in given and country != reseller.country:
        # A state or VAT id of the old country means nothing in the new one: both must be restated.
        if "state" not in given:
            state = None
        if "vat_id" not in given and reseller.vat_id:
            raise invalid(
                "vat_id", f"the VAT id {reseller.vat_id} is not one of {country}; give the new one or null"
            )
    try:
        state = v.check_state_for_country(country, state)
        vat_id = v.normalise_vat_id(country, vat_id) if vat_id else None
    except v.ValidationFailed as exc:
        raise invalid(exc.field, exc.message) from None
    return country, state, vat_id


async def _apply_tax_profile(
    uow: UnitOfWork,
    reseller: Reseller,
    profile: TaxProfileValues,
    *,
    changed_by: str,
    change_request_id: uuid.UUID | None = None,
) -> None:
    session = uow.session
    country, state, vat_id = profile
    if profile == (reseller.country, reseller.state, reseller.vat_id):
        return
    if (country, state) != (reseller.country, reseller.state):
        # a certificate is issued by one state; it does not follow the reseller elsewhere
        certificate = await current_certificate(session, reseller.id)
        if certificate is not None:
            certificate.replaced_at = uow.clock.now()
    reseller.country, reseller.state, reseller.vat_id = country, state, vat_id
    reseller.vat_id_valid = bool(vat_id) and v.is_eu_member(country)
    await publish_change(
        uow,
        reseller,
        ev.ResellerTaxProfileChanged,
        changed_by=changed_by,
        change_request_id=change_request_id,
    )


async def patch_tax_profile(
    uow: UnitOfWork,
    caller: Caller,
    reseller_id: uuid.UUID,
    body: schemas.TaxProfilePatch,
) -> Reseller:
    """Staff correct a reseller's tax profile directly; a reseller is sent to the review flow."""
    session = uow.session
    reseller = await get_reseller(session, caller, reseller_id, lock=True)
    if not caller.is_staff:
        raise TaxProfileChangeNeedsReview(
            f"request the change with POST /v1/resellers/{reseller_id}/tax-profile-changes; "
            "staff review it before later orders are taxed differently"
        )
    profile = resolve_tax_profile(reseller, body)
    await _apply_tax_profile(uow, reseller, profile, changed_by=caller.identity)
    return reseller


async def request_tax_profile_change(
    uow: UnitOfWork,
    caller: Caller,
    reseller_id: uuid.UUID,
    body: schemas.TaxProfilePatch,
) -> TaxProfileChange:
    """Record a pending change (checked now, applied on approval); it replaces an older pending one."""
    session = uow.session
    reseller = await get_reseller(session, caller, reseller_id, lock=True)
    require_tax_admin(caller)
    country, state, vat_id = resolve_tax_profile(reseller, body)
    await session.execute(
        sa.update(TaxProfileChange)
        .where(
            TaxProfileChange.reseller_id == reseller.id,
            TaxProfileChange.status == TaxProfileChangeStatus.PENDING,
        )
        .values(
            status=TaxProfileChangeStatus.WITHDRAWN,
            decided_by=caller.identity,
            decided_at=uow.clock.now(),
            reason="superseded",
        )
    )
    change = TaxProfileChange(
        id=uuid.uuid4(),
        reseller_id=reseller.id,
        country=country,
        state=state,
        vat_id=vat_id,
        status=TaxProfileChangeStatus.PENDING,
        requested_by=caller.identity,
        requested_at=uow.clock.now(),
    )
    session.add(change)
    await session.flush()
    await session.refresh(change)
    await uow.emit(
        ev.TaxProfileChangeRequested(
            reseller_id=reseller.id,
            change_request_id=change.id,
            country=country,
            state=state,
            vat_id=vat_id,
            requested_by=caller.identity,
        ),
    )
    return change


async def list_tax_profile_changes(
    session: AsyncSession, caller: Caller, reseller_id: uuid.UUID
) -> list[TaxProfileChange]:
    reseller = await get_reseller(session, caller, reseller_id)
    rows = await session.scalars(
        sa.select(TaxProfileChange)
        .where(TaxProfileChange.reseller_id == reseller.id)
        .order_by(TaxProfileChange.requested_at.desc(), TaxProfileChange.id)
    )
    return list(rows)


async def decide_tax_profile_change(
    uow: UnitOfWork,
    caller: Caller,
    reseller_id: uuid.UUID,
    change_id: uuid.UUID,
    *,
    approve: bool,
    reason: str | None = None,
) -> TaxProfileChange:
    """Staff approve (the profile changes now, re-checked against today's profile) or reject."""
    session = uow.session
    reseller = await get_reseller(session, caller, reseller_id, lock=True)
    change = await session.scalar(
        sa.select(TaxProfileChange)
        .where(TaxProfileChange.id == change_id, TaxProfileChange.reseller_id == reseller.id)
        .with_for_update()
    )
    if change is None:
        raise TaxProfileChangeNotFound()
    if change.status != TaxProfileChangeStatus.PENDING:
        raise TaxProfileChangeDecided(f"the change request is {change.status}")
    change.decided_by, change.decided_at, change.reason = caller.identity, uow.clock.now(), reason
    if approve:
        change.status = TaxProfileChangeStatus.APPROVED
        await _apply_tax_profile(
            uow,
            reseller,
            (change.country, change.state, change.vat_id),
            changed_by=caller.identity,
            change_request_id=change.id,
        )
    else:
        change.status = TaxProfileChangeStatus.REJECTED
        await uow.emit(
            ev.TaxProfileChangeRejected(
                reseller_id=reseller.id,
                change_request_id=change.id,
                rejected_by=caller.identity,
                reason=reason or "",
            ),
        )
    await session.flush()
    return change


# --- commercial terms and status (R-ON-2, R-ON-6) ---------------------------------------------


async def patch_reseller(
    uow: UnitOfWork, caller: Caller, reseller_id: uuid.UUID, body: schemas.ResellerPatch
) -> Reseller:
    session = uow.session
    reseller = await get_reseller(session, caller, reseller_id, lock=True)
    changed = False
    if body.discount_percent is not None and body.discount_percent != reseller.discount_percent:
        reseller.discount_percent = body.discount_percent
        changed = True
    if body.credit_limit is not None and body.credit_limit != reseller.credit_limit:
        reseller.credit_limit = body.credit_limit
        changed = True
    if body.status is not None and body.status != reseller.status:
        if body.status == ResellerStatus.ACTIVE and reseller.status != ResellerStatus.SUSPENDED:
            raise InvalidStatusChange("only a suspended reseller can be reactivated")
        if body.status == ResellerStatus.ACTIVE and reseller.policy_version_accepted is None:
            raise InvalidStatusChange("the reseller has not accepted the reseller policy yet")
        reseller.status = ResellerStatus(body.status)
        changed = True
    if changed:
        await session.flush()
        await session.refresh(reseller)  # amounts in the database's scale, for the event and the answer
        await publish_change(uow, reseller, ev.ResellerUpdated)
    return reseller


# --- payment facts and standing (R-ON-3, R-BI-4) ---------------------------------------------


def program_terms(program: Program) -> ProgramTerms:
    return ProgramTerms(
        default_discount_percent=Decimal(program.default_discount_percent),
        prepaid_orders_required=program.prepaid_orders_required,
        payment_terms_days=program.payment_terms_days,
        annual_interest_rate=Decimal(program.annual_interest_rate),
        allowed_payment_methods=tuple(program.allowed_payment_methods),
    )


async def _restand(uow: UnitOfWork, reseller: Reseller, terms: ProgramTerms) -> bool:
    """Recompute the standing from the facts; publish the change. True if it changed."""
    previous = reseller.standing
    reseller.standing = compute_standing(
        paid_orders=reseller.paid_orders, has_overdue=reseller.has_overdue, terms=terms
    )
    if reseller.standing == previous:
        return False
    await publish_change(uow, reseller, ev.ResellerStandingChanged, previous=previous)
    return True


async def record_order_fact(
    uow: UnitOfWork,
    *,
    reseller_id: uuid.UUID,
    order_id: uuid.UUID,
    paid: bool,
    version: int,
    day: date,
) -> bool:
    """R-ON-3: billing reports an order paid in full, or its payment reversed. Each order counts
    once (a redelivery or a second payment adds nothing) and only the newest fact of an order counts
    (domain.payment_facts). True if the count changed."""
    session = uow.session
    reseller = await session.scalar(sa.select(Reseller).where(Reseller.id == reseller_id).with_for_update())
    if reseller is None:
        log.warning("payment fact for an unknown reseller", reseller_id=str(reseller_id))
        return False
    known = await session.scalar(sa.select(PaidOrder).where(PaidOrder.order_id == order_id).with_for_update())
    if not supersedes(known.fact_version if known else None, version):
        return False
    was_paid = bool(known and known.paid)
    if known is None:
        session.add(
            PaidOrder(
                order_id=order_id, reseller_id=reseller_id, paid_on=day, paid=paid, fact_version=version
            )
        )
    await session.flush()
    if was_paid == paid:
        return False
    reseller.paid_orders = max(0, reseller.paid_orders + (1 if paid else -1))
    await _apply_facts(uow, reseller)
    return True


async def record_overdue(
    uow: UnitOfWork, *, reseller_id: uuid.UUID, has_overdue: bool, version: int = 0
) -> None:
    """R-BI-4: billing reports whether anything of the reseller is overdue; its newest fact
    supersedes any staff correction made through `payment-facts`, an older one changes nothing."""
    session = uow.session
    reseller = await session.scalar(sa.select(Reseller).where(Reseller.id == reseller_id).with_for_update())
    if reseller is None:
        log.warning("overdue fact for an unknown reseller", reseller_id=str(reseller_id))
        return
    if not supersedes(reseller.overdue_version, version):
        return
    reseller.overdue_version = version
    if reseller.has_overdue == has_overdue:
        return
    reseller.has_overdue = has_overdue
    await _apply_facts(uow, reseller)


async def record_credit_balance(
    session: AsyncSession, *, reseller_id: uuid.UUID, balances: list[dict[str, str]], version: int
) -> None:
    """R-BI-9: billing's newest credit balance of the reseller, shown on the reseller."""
    await session.execute(
        sa.update(Reseller)
        .where(Reseller.id == reseller_id, Reseller.credit_balance_version < version)
        .values(credit_balance=balances, credit_balance_version=version)
    )


async def _apply_facts(uow: UnitOfWork, reseller: Reseller) -> None:
    session = uow.session
    program = await session.get(Program, reseller.program_id)
    assert program is not None
    if not await _restand(uow, reseller, program_terms(program)):
        await publish_change(uow, reseller, ev.ResellerUpdated)  # paid_orders is in the snapshot


async def record_payment_facts(
    uow: UnitOfWork, caller: Caller, reseller_id: uuid.UUID, body: schemas.PaymentFacts
) -> Reseller:
    """A staff correction of the payment facts billing reports (paid orders, overdue debt): e.g. an
    order paid before the platform existed. Billing's next fact about the reseller supersedes an
    `has_overdue` correction; a `paid_orders_delta` stays added to the orders billing counts."""
    session = uow.session
    reseller = await get_reseller(session, caller, reseller_id, lock=True)
    paid = reseller.paid_orders + body.paid_orders_delta
    if paid < 0:
        raise invalid(
            "paid_orders_delta", f"the reseller has {reseller.paid_orders} paid orders; it cannot go below 0"
        )
    facts_changed = paid != reseller.paid_orders or (
        body.has_overdue is not None and body.has_overdue != reseller.has_overdue
    )
    reseller.paid_orders = paid
    if body.has_overdue is not None:
        reseller.has_overdue = body.has_overdue
    program = await session.get(Program, reseller.program_id)
    assert program is not None
    if not await _restand(uow, reseller, program_terms(program)) and facts_changed:
        await publish_change(uow, reseller, ev.ResellerUpdated)  # paid_orders is in the snapshot
    return reseller


# --- programs -----------------------------------------------------------------------------------


async def list_programs(session: AsyncSession) -> list[Program]:
    return list(await session.scalars(sa.select(Program).order_by(Program.id)))


async def patch_program(uow: UnitOfWork, program_id: str, body: schemas.ProgramPatch) -> Program:
    session = uow.session
    program = await session.scalar(sa.select(Program).where(Program.id == program_id).with_for_update())
    if program is None:
        raise ProgramNotFound()
    values: dict[str, Any] = {name: getattr(body, name) for name in body.model_fields_set}
    for name, value in values.items():
        setattr(program, name, value)
    try:
        terms = program_terms(program)
    except (TypeError, ValueError) as exc:
        raise InvalidField(str(exc)) from None
    await session.flush()
    if "prepaid_orders_required" in values:
        # standing follows the program's numbers: a changed threshold can establish resellers
        resellers = await session.scalars(
            sa.select(Reseller)
            .where(Reseller.program_id == program.id)
            .order_by(Reseller.id)
            .with_for_update()
        )
        for reseller in resellers:
            await _restand(uow, reseller, terms)
    return program
