"""/v1/waas/contracts — WaaS contracts from draft to returned (R-WA-2…8) and /v1/waas/commissions
(R-WA-4); the manufacturers' sell-out reports (R-WA-9) are the reports service's, from these
contracts' events."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

from libs.auth import CurrentCaller, CurrentReseller, Staff, StaffOrReseller
from libs.errors import Forbidden, problem_responses
from libs.events.leasing import ContractStatus
from libs.money import MoneyOut
from libs.pagination import Page, PageParams
from libs.service import UoW, idempotent
from services.leasing import errors, schemas
from services.leasing.api.deps import Config, Onboarding
from services.leasing.usecases import contracts
from services.leasing.usecases.views import (
    render_commission,
    render_contract,
    render_extension,
    render_schedule,
)

router = APIRouter(tags=["leasing"])


@router.post(
    "/v1/waas/contracts",
    status_code=201,
    response_model=schemas.Contract,
    name="waas-contracts-create",
    responses=problem_responses(errors.UnknownBundle, errors.UnknownOption, errors.UnknownCustomer),
)
@idempotent
async def create_contract(
    body: schemas.ContractCreate,
    uow: UoW,
    caller: CurrentReseller,
    onboarding: Onboarding,
) -> Any:
    """A draft for one of the reseller's customers: bundle, options from its price list only
    (R-WA-11), quantity, term 12/24/36, free delivery to the partner or the customer."""

    return render_contract(await contracts.create(uow, caller, body, onboarding), caller)


@router.get("/v1/waas/contracts", response_model=Page[schemas.Contract], name="waas-contracts-list")
async def list_contracts(
    uow: UoW, caller: CurrentCaller, page: PageParams, status: ContractStatus | None = Query(None)
) -> Any:
    rows, cursor = await contracts.list_contracts(uow.session, caller, page, status)
    return Page(data=[render_contract(c, caller) for c in rows], next_cursor=cursor)


@router.get(
    "/v1/waas/contracts/{contract_id}",
    response_model=schemas.Contract,
    name="waas-contracts-get",
    responses=problem_responses(errors.ContractNotFound),
)
async def get_contract(contract_id: uuid.UUID, uow: UoW, caller: CurrentCaller) -> Any:
    c = await contracts.load(uow.session, caller, contract_id)
    return render_contract(c, caller, await contracts.extensions_of(uow.session, c))


@router.post(
    "/v1/waas/contracts/{contract_id}/submit",
    response_model=schemas.Contract,
    name="waas-contracts-submit",
    responses=problem_responses(errors.ContractNotFound, errors.ContractStateConflict),
)
async def submit(contract_id: uuid.UUID, uow: UoW, caller: StaffOrReseller) -> Any:
    c = await contracts.submit(uow, caller, contract_id)
    return render_contract(c, caller)


@router.post(
    "/v1/waas/contracts/{contract_id}/credit-check",
    response_model=schemas.Contract,
    name="waas-contracts-credit-check",
    responses=problem_responses(errors.ContractNotFound, errors.ContractStateConflict),
)
async def credit_check(contract_id: uuid.UUID, body: schemas.CreditDecision, uow: UoW, staff: Staff) -> Any:
    c = await contracts.credit_check(uow, staff, contract_id, body)
    return render_contract(c, staff)


@router.post(
    "/v1/waas/contracts/{contract_id}/signatures",
    response_model=schemas.Contract,
    name="waas-contracts-sign",
    responses=problem_responses(
        errors.ContractNotFound, errors.ContractStateConflict, errors.FourEyesRequired
    ),
)
async def sign(contract_id: uuid.UUID, body: schemas.Signature, uow: UoW, caller: CurrentCaller) -> Any:
    """The distributor (staff) and the end customer (its key, or its reseller recording it) sign;
    with both, the contract is active and the partner's commission earned."""
    c = await contracts.sign(uow, caller, contract_id, body)
    return render_contract(c, caller)


@router.post(
    "/v1/waas/contracts/{contract_id}/extend",
    response_model=schemas.Contract,
    name="waas-contracts-extend",
    responses={
        202: {"model": schemas.ExtensionProposal, "description": "a partner's proposal"},
        **problem_responses(errors.ContractNotFound, errors.ContractStateConflict, errors.ExtensionLimit),
    },
)
async def extend(
    contract_id: uuid.UUID,
    body: schemas.Extension,
    uow: UoW,
    caller: CurrentCaller,
) -> Any:
    """R-WA-7: the end customer extends. With the customer's key, or by staff (recording the
    customer's signed agreement), the extension applies at once: 200, the contract. A partner's call
    proposes it: 202 `{id, months, status: "proposed"}`, accepted by the customer with
    `POST …/extensions/{extension_id}/accept`. 409 `extension-limit` naming the limit past 36 months
    in total or past the manufacturer's maximum warranty. Each extension earns the renewal commission
    once, pro rata to its months over the original term (rounded cumulatively to the cent)."""
    c, extension = await contracts.extend(uow, caller, contract_id, body.months)
    if extension.status == "proposed":
        return JSONResponse(status_code=202, content=render_extension(extension).model_dump(mode="json"))
    return render_contract(c, caller, await contracts.extensions_of(uow.session, c))


@router.post(
    "/v1/waas/contracts/{contract_id}/extensions/{extension_id}/accept",
    response_model=schemas.Contract,
    name="waas-contracts-extension-accept",
    responses=problem_responses(
        errors.ContractNotFound,
        errors.ExtensionNotFound,
        errors.ContractStateConflict,
        errors.ExtensionLimit,
        Forbidden,
    ),
)
async def accept_extension(
    contract_id: uuid.UUID, extension_id: uuid.UUID, uow: UoW, caller: CurrentCaller
) -> Any:
    """R-WA-7: the end customer (its key, or staff recording its signature) agrees to the partner's
    proposal; who and when are recorded on the extension."""
    c = await contracts.accept_extension(uow, caller, contract_id, extension_id)
    return render_contract(c, caller, await contracts.extensions_of(uow.session, c))


@router.get(
    "/v1/waas/contracts/{contract_id}/schedule",
    response_model=schemas.Schedule,
    name="waas-contracts-schedule",
    responses=problem_responses(errors.ContractNotFound),
)
async def schedule(contract_id: uuid.UUID, uow: UoW, caller: CurrentCaller) -> Any:
    """R-WA-6/R-BI-6: the one instalment schedule billing invoices — instalment `n` covers
    `period_start`…`period_end` and is invoiced by the monthly run on `due_date` (the first 1st on or
    after its start); `invoiced` once that run is due (after a termination: every instalment due by
    its effective date; the others are the fee). Empty before activation."""
    c, items, invoiced = await contracts.schedule_of(uow.session, caller, contract_id, uow.clock.today())
    return render_schedule(c, items, invoiced)


@router.post(
    "/v1/waas/contracts/{contract_id}/terminate",
    response_model=schemas.TerminationResult,
    name="waas-contracts-terminate",
    responses=problem_responses(
        errors.ContractNotFound, errors.ContractStateConflict, errors.TerminationDateNotAllowed
    ),
)
async def terminate(
    contract_id: uuid.UUID, body: schemas.Termination, uow: UoW, caller: StaffOrReseller
) -> Any:
    """R-WA-6: takes effect on the platform's date; the fee is every instalment of the schedule not
    invoiced on that day. Only staff may give another `as_of` (with a `reason`, never after today);
    a partner's `as_of` other than today is refused (422 `termination-date-not-allowed`)."""
    c = await contracts.terminate(uow, caller, contract_id, body)
    assert c.termination_fee is not None and c.months_remaining is not None
    return schemas.TerminationResult(
        contract=render_contract(c, caller),
        fee=MoneyOut.of(c.termination_fee, c.currency),
        months_remaining=c.months_remaining,
    )


@router.post(
    "/v1/waas/contracts/{contract_id}/return",
    response_model=schemas.Contract,
    name="waas-contracts-return",
    responses=problem_responses(errors.ContractNotFound, errors.ContractStateConflict),
)
async def return_hardware(
    contract_id: uuid.UUID,
    body: schemas.ReturnIn,
    uow: UoW,
    caller: StaffOrReseller,
    config: Config,
) -> Any:
    c = await contracts.return_hardware(uow, caller, contract_id, body, config)
    return render_contract(c, caller)


@router.get("/v1/waas/commissions", response_model=Page[schemas.CommissionOut], name="waas-commissions-list")
async def list_commissions(uow: UoW, caller: StaffOrReseller, page: PageParams) -> Any:
    """R-WA-4: the commissions a partner earned (billing pays them out on its monthly statement)."""
    rows, cursor = await contracts.commissions_of(uow.session, caller, page)
    return Page(data=[render_commission(c) for c in rows], next_cursor=cursor)
