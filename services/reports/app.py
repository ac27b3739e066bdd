"""Reports: the channel manager's figures from events — sales, receivables ageing, overdue resellers,
commissions, seat utilisation, WaaS contracts, sell-out per manufacturer (R-PL-3, R-WA-9)."""

from libs.service import ServiceSpec
from services.reports.api import reports
from services.reports.handlers import HANDLERS
from services.reports.jobs import JOBS
from services.reports.models import TABLES

SPEC = ServiceSpec(
    name="reports",
    title="ChannelHub reports",
    tables=TABLES,
    routers=[reports.router],
    handlers=HANDLERS,
    jobs=JOBS,
)
