"""Licensing: licenses issued on release, signed license files and their public keys, temporary
licenses, seat assignments with invitations, Office 365 licenses of WaaS contracts (R-LI-1…6)."""

from libs.service import ServiceSpec
from services.licensing.api import internal, licenses, seats
from services.licensing.config import licensing_config
from services.licensing.handlers import HANDLERS
from services.licensing.jobs import JOBS
from services.licensing.models import TABLES

SPEC = ServiceSpec(
    name="licensing",
    title="ChannelHub licensing",
    tables=TABLES,
    routers=[licenses.router, seats.router, internal.router],
    handlers=HANDLERS,
    jobs=JOBS,
    settings=licensing_config,
)
