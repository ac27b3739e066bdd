"""/v1/invoices — a reseller's invoices (R-BI-1), with their PDF; staff see all, a customer's key its
own WaaS invoices (R-BI-6)."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter, Query, Response

from libs.errors import problem_responses
from libs.pagination import Page, PageParams
from libs.service import UoW
from services.billing import errors, schemas
from services.billing.api.deps import Config, InvoiceReader, Onboarding, Ordering
from services.billing.usecases import credit_notes, documents, einvoices, invoices
from services.billing.usecases.views import render_invoice

router = APIRouter(prefix="/v1/invoices", tags=["billing"])


@router.get(
    "",
    response_model=Page[schemas.Invoice],
    name="invoices-list",
    responses=problem_responses(errors.NotForCustomers),
)
async def list_invoices(
    uow: UoW,
    caller: InvoiceReader,
    page: PageParams,
    config: Config,
    ordering: Ordering,
    onboarding: Onboarding,
    status: schemas.InvoiceStatus | None = Query(None),
    order_id: uuid.UUID | None = Query(None),
    subscription_id: uuid.UUID | None = Query(None),
) -> Any:
    """Newest first. Asked for an order placed a moment ago, the invoice is there already."""
    rows, cursor = await invoices.list_invoices(
        uow,
        caller,
        page,
        status=status,
        order_id=order_id,
        subscription_id=subscription_id,
        ordering=ordering,
        onboarding=onboarding,
    )
    notes = await credit_notes.of_invoices(uow.session, [i.id for i in rows])
    page_out: Page[schemas.Invoice] = Page(
        data=[render_invoice(i, config, notes.get(i.id)) for i in rows], next_cursor=cursor
    )
    return page_out


@router.get(
    "/{invoice_id}",
    response_model=schemas.Invoice,
    name="invoices-get",
    responses=problem_responses(errors.InvoiceNotFound),
)
async def get_invoice(invoice_id: uuid.UUID, uow: UoW, caller: InvoiceReader, config: Config) -> Any:
    invoice = await invoices.load_invoice(uow.session, caller, invoice_id)
    notes = await credit_notes.of_invoices(uow.session, [invoice.id])
    return render_invoice(invoice, config, notes.get(invoice.id))


@router.get(
    "/{invoice_id}/pdf",
    name="invoices-pdf",
    response_class=Response,
    responses={200: {"content": {"application/pdf": {}}}, **problem_responses(errors.InvoiceNotFound)},
)
async def invoice_pdf(invoice_id: uuid.UUID, uow: UoW, caller: InvoiceReader, config: Config) -> Response:
    invoice = await invoices.load_invoice(uow.session, caller, invoice_id)
    return Response(
        documents.invoice_pdf(invoice, config),
        media_type="application/pdf",
        headers={"Content-Disposition": f'inline; filename="invoice-{invoice.number}.pdf"'},
    )


@router.get(
    "/{invoice_id}/ubl",
    name="invoices-ubl",
    response_class=Response,
    responses={200: {"content": {"application/xml": {}}}, **problem_responses(errors.InvoiceNotFound)},
)
async def invoice_ubl(invoice_id: uuid.UUID, uow: UoW, caller: InvoiceReader, config: Config) -> Response:
    """The invoice as an EN 16931 e-invoice, Peppol BIS Billing 3.0 UBL 2.1 (R-BI-10)."""
    invoice = await invoices.load_invoice(uow.session, caller, invoice_id)
    return Response(
        einvoices.invoice_ubl(invoice, config),
        media_type="application/xml",
        headers={"Content-Disposition": f'inline; filename="invoice-{invoice.number}.xml"'},
    )
