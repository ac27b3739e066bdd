"""/v1/payments and /v1/bank-statements — bank transfers received (R-BI-1), recorded by staff or
imported from CAMT.053 statements, matched by structured reference; staff assign what did not match."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Query, Request

from libs.auth import Staff
from libs.errors import problem_responses
from libs.pagination import Page, PageParams
from libs.service import CurrentClock, UoW, idempotent
from services.billing import errors, schemas
from services.billing.api.deps import BillingCaller, Config
from services.billing.usecases import payments
from services.billing.usecases.views import render_payment, render_reversal

router = APIRouter(tags=["billing"])
XML_TYPES = ("application/xml", "text/xml")

# The API reference's example upload: a Dutch bank's end-of-day camt.053.001.02 for the vendor's
# default account (CHANNELHUB_VENDOR_IBAN) with two booked credits, one quoting invoice 2026-000142's
# RF reference as a structured creditor reference, one with invoice 2026-000317's in the free text.
STATEMENT_EXAMPLE = (Path(__file__).parent / "statement_example.camt053.xml").read_text()


async def _rendered(uow: UoW, rows: list[Any]) -> list[schemas.Payment]:
    allocations = await payments.allocations_of(uow.session, [p.id for p in rows])
    return [render_payment(p, allocations.get(p.id, [])) for p in rows]


@router.post(
    "/v1/payments",
    status_code=201,
    response_model=schemas.Payment,
    name="payments-create",
)
@idempotent
async def record_payment(body: schemas.PaymentCreate, uow: UoW, staff: Staff, clock: CurrentClock) -> Any:
    """Staff record a bank transfer: matched to the invoice its reference names as of the day the
    money was received (paid, partially paid, or overpaid with the rest kept as the reseller's credit
    balance, R-BI-9); an unknown reference is kept unmatched."""

    payment = await payments.record_payment(uow, staff, body, clock.today())
    return (await _rendered(uow, [payment]))[0]


@router.get(
    "/v1/payments",
    response_model=Page[schemas.Payment],
    name="payments-list",
    responses=problem_responses(errors.NotForCustomers),
)
async def list_payments(
    uow: UoW,
    caller: BillingCaller,
    page: PageParams,
    status: schemas.PaymentStatus | None = Query(None),
) -> Any:
    """Staff: every payment (`status=unmatched` is the work list). A reseller: those on its invoices."""
    rows, cursor = await payments.list_payments(uow.session, caller, page, status)
    return Page(data=await _rendered(uow, rows), next_cursor=cursor)


@router.get(
    "/v1/payments/{payment_id}",
    response_model=schemas.Payment,
    name="payments-get",
    responses=problem_responses(errors.PaymentNotFound),
)
async def get_payment(payment_id: uuid.UUID, uow: UoW, caller: BillingCaller) -> Any:
    payment = await payments.load_payment(uow.session, caller, payment_id)
    return (await _rendered(uow, [payment]))[0]


@router.post(
    "/v1/payments/{payment_id}/assign",
    response_model=schemas.Payment,
    name="payments-assign",
    responses=problem_responses(
        errors.PaymentNotFound,
        errors.InvoiceNotFound,
        errors.NothingToAssign,
        errors.InvoiceNotPayable,
        errors.CurrencyMismatch,
    ),
)
@idempotent
async def assign_payment(
    payment_id: uuid.UUID,
    body: schemas.PaymentAssign,
    uow: UoW,
    staff: Staff,
    clock: CurrentClock,
) -> Any:
    """Staff put an unmatched payment, or an overpayment's credit, on an invoice."""

    payment = await payments.assign(uow, staff, payment_id, body.invoice_id, clock.today())
    return (await _rendered(uow, [payment]))[0]


@router.post(
    "/v1/bank-statements",
    status_code=201,
    response_model=schemas.BankStatementResult,
    name="bank-statements-upload",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/xml": {
                    "schema": {"type": "string", "format": "binary"},
                    "example": STATEMENT_EXAMPLE,
                }
            },
        }
    },
    responses=problem_responses(
        errors.BankStatementRefused,
        errors.BankStatementAccountUnknown,
        errors.BankStatementTooLarge,
        errors.UnsupportedMediaType,
    ),
)
async def upload_bank_statement(
    request: Request, uow: UoW, staff: Staff, config: Config, clock: CurrentClock
) -> Any:
    """An ISO 20022 camt.053 statement or camt.054 notification of one of the vendor's accounts
    (another account's → 422, nothing booked). Only booked entries count, each transaction with its
    own amount; every credit is matched by the structured references it quotes (repeated
    `RmtInf/Strd/CdtrRefInf/Ref`, or an RF reference in `Ustrd`), as of its value date; a reversal
    (`RvslInd`) or return (`RtrInf`) undoes the payment it names. Pending and information entries are
    reported and book nothing; a batch whose transactions do not add up to the entry is held for
    staff. The same file, or a transaction already imported, has no second effect. DTDs and entities
    are refused; so is a file over the size limit."""
    media_type = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
    if media_type not in XML_TYPES:
        raise errors.UnsupportedMediaType(f"got {media_type or 'no content type'}")
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > config.statement_max_bytes:
        raise errors.BankStatementTooLarge(f"at most {config.statement_max_bytes} bytes")
    data = bytearray()
    async for chunk in request.stream():
        data += chunk
        if len(data) > config.statement_max_bytes:
            raise errors.BankStatementTooLarge(f"at most {config.statement_max_bytes} bytes")
    result = await payments.import_statement(uow, staff, bytes(data), config, clock.today())
    rendered = await _rendered(uow, result.payments)
    new = result.payments
    answer = schemas.BankStatementResult(
        id=result.statement.id,
        statement_key=result.statement.statement_key,
        duplicate=result.duplicate,
        entries=len(new) + len(result.reversals) + result.already_recorded,
        matched=sum(p.status == schemas.PaymentStatus.MATCHED for p in new),
        partial=sum(p.status == schemas.PaymentStatus.PARTIAL for p in new),
        unmatched=sum(p.status == schemas.PaymentStatus.UNMATCHED for p in new),
        already_recorded=result.already_recorded,
        debit_entries_ignored=result.other_debits,
        reversals=[render_reversal(r) for r in result.reversals],
        not_booked=[schemas.NotBookedEntry(**n) for n in result.not_booked],
        held=[schemas.HeldEntry(**h) for h in result.held],
        payments=rendered,
    )
    return answer
