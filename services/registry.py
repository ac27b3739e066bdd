"""The one list of ChannelHub's services. Adding a service is one line here (see CONTRIBUTING.md).

Everything that needs to know the services reads this list: the process launcher
(`tools.serve`), the devstack (`make run`, the tests), migrations, the outbox CLI, the gateway's
OpenAPI merge and routing, the deploy scripts and the layout test. Each entry is the service's
`ServiceSpec` (its `app.py`): routers, event handlers (whose event types name the producing
service), scheduled jobs, settings, tables. The order is the start order.

The gateway is not listed: it is the edge in front of these, not a service with a schema.
"""

from __future__ import annotations

from libs.service import ServiceSpec
from services.billing.app import SPEC as BILLING
from services.leasing.app import SPEC as LEASING
from services.licensing.app import SPEC as LICENSING
from services.notifications.app import SPEC as NOTIFICATIONS
from services.onboarding.app import SPEC as ONBOARDING
from services.ordering.app import SPEC as ORDERING
from services.reports.app import SPEC as REPORTS

SERVICES: tuple[ServiceSpec, ...] = (
    ONBOARDING,
    ORDERING,
    BILLING,
    LICENSING,
    LEASING,
    NOTIFICATIONS,
    REPORTS,
)

SERVICE_NAMES: tuple[str, ...] = tuple(spec.name for spec in SERVICES)


def spec_of(name: str) -> ServiceSpec:
    for spec in SERVICES:
        if spec.name == name:
            return spec
    raise KeyError(f"no service {name!r}; registered: {', '.join(SERVICE_NAMES)}")
