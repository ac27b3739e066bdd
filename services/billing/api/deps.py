"""Dependencies shared by billing's routers."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from libs.auth import Caller, CurrentCaller
from libs.internal_client import InternalClient, internal_client
from services.billing.config import BillingConfig, billing_config
from services.billing.errors import NotForCustomers

Onboarding = Annotated[InternalClient, Depends(internal_client("onboarding"))]
Ordering = Annotated[InternalClient, Depends(internal_client("ordering"))]
Config = Annotated[BillingConfig, Depends(billing_config)]


async def _no_customers(caller: CurrentCaller) -> Caller:
    """Billing is between the vendor and its resellers: a customer's key finds nothing here (404,
    the platform's answer for what a caller may not see — never a hint that it exists)."""
    if caller.kind not in ("staff", "reseller"):
        raise NotForCustomers("no such resource")
    return caller


BillingCaller = Annotated[Caller, Depends(_no_customers)]


async def _invoice_reader(caller: CurrentCaller) -> Caller:
    """Invoices: staff all, a reseller its own, a customer's key only the WaaS invoices the
    distributor sent it (R-BI-6: the end customer is their debtor) — scoped in `usecases.invoices`."""
    if caller.kind not in ("staff", "reseller", "customer"):
        raise NotForCustomers("no such resource")
    return caller


InvoiceReader = Annotated[Caller, Depends(_invoice_reader)]
