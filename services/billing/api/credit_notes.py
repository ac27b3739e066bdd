"""/v1/credit-notes, /v1/invoices/{id}/credit-note — what takes an issued invoice back (R-BI-8);
/v1/resellers/{id}/credit-balance — money no invoice needed (R-BI-9) and its refunds."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter, Query, Response

from libs.auth import Staff
from libs.errors import problem_responses
from libs.pagination import Page, PageParams
from libs.service import CurrentClock, UoW, idempotent
from services.billing import errors, schemas
from services.billing.api.deps import BillingCaller, Config
from services.billing.usecases import credit_balance, credit_notes, documents, einvoices, invoices
from services.billing.usecases.views import render_balance, render_credit_note, render_refund

router = APIRouter(tags=["billing"])


async def _rendered(uow: UoW, notes: list[Any]) -> list[schemas.CreditNote]:
    numbers = await invoices.numbers_of(uow.session, [n.invoice_id for n in notes])
    return [render_credit_note(n, numbers[n.invoice_id]) for n in notes]


@router.post(
    "/v1/invoices/{invoice_id}/credit-note",
    status_code=201,
    response_model=schemas.CreditNote,
    name="credit-notes-create",
    responses=problem_responses(errors.InvoiceNotFound, errors.InvoiceNotCreditable),
)
@idempotent
async def credit_invoice(
    invoice_id: uuid.UUID,
    body: schemas.CreditNoteCreate,
    uow: UoW,
    staff: Staff,
    clock: CurrentClock,
) -> Any:
    """Staff credit an invoice (a correction): by default what is still due; an amount beyond it
    takes back what was paid, which goes to the reseller's credit balance."""

    note = await credit_notes.issue_by_staff(
        uow,
        staff,
        invoice_id,
        reason=body.reason,
        amount=body.amount.amount if body.amount else None,
        currency=body.amount.currency if body.amount else None,
        day=clock.today(),
    )
    return (await _rendered(uow, [note]))[0]


@router.get(
    "/v1/credit-notes",
    response_model=Page[schemas.CreditNote],
    name="credit-notes-list",
    responses=problem_responses(errors.NotForCustomers),
)
async def list_credit_notes(
    uow: UoW, caller: BillingCaller, page: PageParams, invoice_id: uuid.UUID | None = Query(None)
) -> Any:
    """Staff: every credit note. A reseller: those of its invoices."""
    rows, cursor = await credit_notes.list_notes(uow.session, caller, page, invoice_id)
    return Page(data=await _rendered(uow, rows), next_cursor=cursor)


@router.get(
    "/v1/credit-notes/{credit_note_id}",
    response_model=schemas.CreditNote,
    name="credit-notes-get",
    responses=problem_responses(errors.CreditNoteNotFound),
)
async def get_credit_note(credit_note_id: uuid.UUID, uow: UoW, caller: BillingCaller) -> Any:
    return (await _rendered(uow, [await credit_notes.load(uow.session, caller, credit_note_id)]))[0]


@router.get(
    "/v1/credit-notes/{credit_note_id}/pdf",
    name="credit-notes-pdf",
    response_class=Response,
    responses={200: {"content": {"application/pdf": {}}}, **problem_responses(errors.CreditNoteNotFound)},
)
async def credit_note_pdf(
    credit_note_id: uuid.UUID, uow: UoW, caller: BillingCaller, config: Config
) -> Response:
    note, invoice = await credit_notes.load_with_invoice(uow.session, caller, credit_note_id)
    return Response(
        documents.credit_note_pdf(note, invoice, config),
        media_type="application/pdf",
        headers={"Content-Disposition": f'inline; filename="credit-note-{note.number}.pdf"'},
    )


@router.get(
    "/v1/credit-notes/{credit_note_id}/ubl",
    name="credit-notes-ubl",
    response_class=Response,
    responses={200: {"content": {"application/xml": {}}}, **problem_responses(errors.CreditNoteNotFound)},
)
async def credit_note_ubl(
    credit_note_id: uuid.UUID, uow: UoW, caller: BillingCaller, config: Config
) -> Response:
    """The credit note as an EN 16931 e-invoice, Peppol BIS Billing 3.0 UBL 2.1 (R-BI-10)."""
    note, invoice = await credit_notes.load_with_invoice(uow.session, caller, credit_note_id)
    return Response(
        einvoices.credit_note_ubl(note, invoice, config),
        media_type="application/xml",
        headers={"Content-Disposition": f'inline; filename="credit-note-{note.number}.xml"'},
    )


@router.get(
    "/v1/resellers/{reseller_id}/credit-balance",
    response_model=schemas.CreditBalance,
    name="credit-balance-get",
    responses=problem_responses(errors.ResellerNotFound),
)
async def get_credit_balance(reseller_id: uuid.UUID, uow: UoW, caller: BillingCaller) -> Any:
    """Money no invoice needed (R-BI-9), per currency; it pays the oldest open invoices by itself."""
    return render_balance(reseller_id, await credit_balance.balance_of(uow.session, caller, reseller_id))


@router.post(
    "/v1/resellers/{reseller_id}/credit-balance/refunds",
    status_code=201,
    response_model=schemas.Refund,
    name="credit-balance-refund",
    responses=problem_responses(errors.RefundTooLarge),
)
@idempotent
async def refund_credit_balance(
    reseller_id: uuid.UUID,
    body: schemas.RefundCreate,
    uow: UoW,
    staff: Staff,
    clock: CurrentClock,
) -> Any:
    """Staff pay (part of) the credit balance back to the reseller, with a reason."""

    return render_refund(await credit_balance.refund(uow, staff, reseller_id, body, clock.today()))
