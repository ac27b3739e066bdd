"""Service-to-service endpoints (not in the public OpenAPI, not routed by the gateway): an invoice,
the PDFs of invoices and statements and the UBL e-invoices (R-BI-10), for notifications to mail them
(R-BI-5) and reports."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Response

from libs.auth import Caller, internal_service
from libs.service import UoW
from services.billing import errors, schemas
from services.billing.api.deps import Config
from services.billing.usecases import credit_notes, documents, einvoices, invoices, statements
from services.billing.usecases.views import render_invoice

router = APIRouter(prefix="/internal", include_in_schema=False)

DOCUMENT_READERS = ("notifications", "reports")
DocumentReader = Annotated[Caller, Depends(internal_service(*DOCUMENT_READERS))]


@router.get("/invoices/{invoice_id}", response_model=schemas.Invoice)
async def invoice(invoice_id: uuid.UUID, uow: UoW, config: Config, _service: DocumentReader) -> Any:
    found = await invoices.any_invoice(uow.session, invoice_id)
    if found is None:
        raise errors.InvoiceNotFound()
    return render_invoice(found, config)


@router.get("/invoices/{invoice_id}/pdf")
async def invoice_pdf(invoice_id: uuid.UUID, uow: UoW, config: Config, _service: DocumentReader) -> Response:
    found = await invoices.any_invoice(uow.session, invoice_id)
    if found is None:
        raise errors.InvoiceNotFound()
    return Response(documents.invoice_pdf(found, config), media_type="application/pdf")


@router.get("/invoices/{invoice_id}/ubl")
async def invoice_ubl(invoice_id: uuid.UUID, uow: UoW, config: Config, _service: DocumentReader) -> Response:
    found = await invoices.any_invoice(uow.session, invoice_id)
    if found is None:
        raise errors.InvoiceNotFound()
    return Response(einvoices.invoice_ubl(found, config), media_type="application/xml")


@router.get("/credit-notes/{credit_note_id}/ubl")
async def credit_note_ubl(
    credit_note_id: uuid.UUID, uow: UoW, config: Config, _service: DocumentReader
) -> Response:
    note, invoice = await credit_notes.load_with_invoice(uow.session, None, credit_note_id)
    return Response(einvoices.credit_note_ubl(note, invoice, config), media_type="application/xml")


@router.get("/credit-notes/{credit_note_id}/pdf")
async def credit_note_pdf(
    credit_note_id: uuid.UUID, uow: UoW, config: Config, _service: DocumentReader
) -> Response:
    note, invoice = await credit_notes.load_with_invoice(uow.session, None, credit_note_id)
    return Response(documents.credit_note_pdf(note, invoice, config), media_type="application/pdf")


@router.get("/statements/{statement_id}/pdf")
async def statement_pdf(
    statement_id: uuid.UUID, uow: UoW, config: Config, _service: DocumentReader
) -> Response:
    found = await statements.any_statement(uow.session, statement_id)
    if found is None:
        raise errors.StatementNotFound()
    return Response(await statements.statement_pdf(uow.session, found, config), media_type="application/pdf")
