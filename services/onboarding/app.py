"""Onboarding: reseller applications, resellers, policy, tax profile, API keys, customers."""

from libs.service import ServiceSpec
from services.onboarding.api import applications, customers, internal, reseller_admin, resellers, staff_keys
from services.onboarding.handlers import HANDLERS
from services.onboarding.models import TABLES

SPEC = ServiceSpec(
    name="onboarding",
    title="ChannelHub onboarding",
    tables=TABLES,
    routers=[
        applications.router,
        resellers.router,
        reseller_admin.router,
        customers.router,
        staff_keys.router,
        internal.router,
    ],
    handlers=HANDLERS,
)
