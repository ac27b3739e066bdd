"""Billing: invoices with PDF, bank-transfer payments and CAMT.053 matching, release on payment,
standing facts, monthly statements and dunning (R-BI-1…4)."""

from libs.service import ServiceSpec
from services.billing.api import credit_notes, internal, invoices, payments, statements
from services.billing.config import billing_config
from services.billing.handlers import HANDLERS
from services.billing.jobs import JOBS
from services.billing.models import TABLES

SPEC = ServiceSpec(
    name="billing",
    title="ChannelHub billing",
    tables=TABLES,
    routers=[invoices.router, credit_notes.router, payments.router, statements.router, internal.router],
    handlers=HANDLERS,
    jobs=JOBS,
    settings=billing_config,
)
