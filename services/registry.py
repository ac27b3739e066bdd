"""The one list of ChannelHub's services. Adding a service is one line here (see CONTRIBUTING.md).

Everything that needs to know the services reads this list: the process launcher
(`tools.serve`), the devstack (`make run`, the tests), migrations, the outbox CLI, the gateway's
OpenAPI merge and routing, the deploy scripts and the layout test. Each entry names a package
whose `app.py` holds the service's `ServiceSpec`: routers, event handlers (whose event types name
the producing service), scheduled jobs, settings, tables. The order is the start order.

A spec is imported when asked for: a service process imports its own service and no other
(importing all seven — billing's PDF and e-invoice libraries among them — made every process's
start, and so its restart after a crash, seconds slower).

The gateway is not listed: it is the edge in front of these, not a service with a schema.
"""

from __future__ import annotations

import importlib

from libs.service import ServiceSpec

SERVICE_NAMES: tuple[str, ...] = (
    "onboarding",
    "ordering",
    "billing",
    "licensing",
    "leasing",
    "notifications",
    "reports",
)


def spec_of(name: str) -> ServiceSpec:
    """The `ServiceSpec` of one service (`services.<name>.app.SPEC`), imported on first use."""
    if name not in SERVICE_NAMES:
        raise KeyError(f"no service {name!r}; registered: {', '.join(SERVICE_NAMES)}")
    spec = importlib.import_module(f"services.{name}.app").SPEC
    assert isinstance(spec, ServiceSpec) and spec.name == name, f"services/{name}/app.py: SPEC"
    return spec


def all_specs() -> tuple[ServiceSpec, ...]:
    """Every service's spec, in start order (for the tools that need them all)."""
    return tuple(spec_of(name) for name in SERVICE_NAMES)
