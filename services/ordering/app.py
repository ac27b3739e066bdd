"""Ordering: catalog, price lists, partner prices, tax, orders, subscriptions."""

from libs.service import ServiceSpec
from services.ordering.api import catalog, internal, orders, subscriptions
from services.ordering.config import ordering_config
from services.ordering.handlers import HANDLERS
from services.ordering.jobs import JOBS
from services.ordering.models import TABLES

SPEC = ServiceSpec(
    name="ordering",
    title="ChannelHub ordering",
    tables=TABLES,
    routers=[catalog.router, orders.router, subscriptions.router, internal.router],
    handlers=HANDLERS,
    jobs=JOBS,
    settings=ordering_config,
)
