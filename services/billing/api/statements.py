"""/v1/resellers/{id}/statements — monthly statements of open items (R-BI-3)."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter, Query, Response

from libs.errors import problem_responses
from libs.service import UoW
from services.billing import errors, schemas
from services.billing.api.deps import BillingCaller, Config
from services.billing.usecases import statements, waas
from services.billing.usecases.views import render_commission, render_commission_statement, render_statement

router = APIRouter(tags=["billing"])


@router.get(
    "/v1/resellers/{reseller_id}/statements",
    response_model=list[schemas.Statement],
    name="statements-list",
    responses=problem_responses(errors.ResellerNotFound),
)
async def list_statements(reseller_id: uuid.UUID, uow: UoW, caller: BillingCaller) -> Any:
    rows = await statements.list_statements(uow.session, caller, reseller_id)
    return [render_statement(s) for s in rows]


@router.get(
    "/v1/statements/{statement_id}",
    response_model=schemas.Statement,
    name="statements-get",
    responses=problem_responses(errors.StatementNotFound),
)
async def get_statement(statement_id: uuid.UUID, uow: UoW, caller: BillingCaller) -> Any:
    return render_statement(await statements.load_statement(uow.session, caller, statement_id))


@router.get(
    "/v1/statements/{statement_id}/pdf",
    name="statements-pdf",
    response_class=Response,
    responses={200: {"content": {"application/pdf": {}}}, **problem_responses(errors.StatementNotFound)},
)
async def statement_pdf(statement_id: uuid.UUID, uow: UoW, caller: BillingCaller, config: Config) -> Response:
    statement = await statements.load_statement(uow.session, caller, statement_id)
    return Response(
        await statements.statement_pdf(uow.session, statement, config), media_type="application/pdf"
    )


@router.get(
    "/v1/resellers/{reseller_id}/commission-statements",
    response_model=list[schemas.CommissionStatement],
    name="commission-statements-list",
    responses=problem_responses(errors.ResellerNotFound),
)
async def list_commission_statements(reseller_id: uuid.UUID, uow: UoW, caller: BillingCaller) -> Any:
    """R-BI-7: the partner's monthly statements of WaaS commissions paid out."""
    rows = await waas.list_commission_statements(uow.session, caller, reseller_id)
    return [render_commission_statement(s) for s in rows]


@router.get(
    "/v1/resellers/{reseller_id}/commissions",
    response_model=list[schemas.Commission],
    name="commissions-list",
    responses=problem_responses(errors.ResellerNotFound),
)
async def list_commissions(
    reseller_id: uuid.UUID, uow: UoW, caller: BillingCaller, paid: bool | None = Query(None)
) -> Any:
    """R-BI-7: the partner's WaaS commissions, `paid=false` those the next statement pays out."""
    rows = await waas.list_commissions(uow.session, caller, reseller_id, paid)
    return [render_commission(e) for e in rows]
