"""Leasing (Workplace as a Service): bundles, contracts with credit check and signatures,
commissions, extension, early termination, returns (R-WA-1…11); the contracts' events feed the
reports service's sell-out reports (R-WA-9)."""

from libs.service import ServiceSpec
from services.leasing.api import catalog, contracts
from services.leasing.config import leasing_config
from services.leasing.handlers import HANDLERS
from services.leasing.jobs import JOBS
from services.leasing.models import TABLES

SPEC = ServiceSpec(
    name="leasing",
    title="ChannelHub leasing (WaaS)",
    tables=TABLES,
    routers=[catalog.router, contracts.router],
    handlers=HANDLERS,
    jobs=JOBS,
    settings=leasing_config,
)
