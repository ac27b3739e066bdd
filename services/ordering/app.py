"""Ordering: catalog, price lists, partner prices, tax, orders, subscriptions."""

from fastapi import FastAPI

from libs.service import ServiceSpec, create_service_app
from services.ordering.api import catalog, jobs, orders, subscriptions
from services.ordering.handlers import HANDLERS
from services.ordering.models import TABLES

SPEC = ServiceSpec(
    name="ordering",
    title="ChannelHub ordering",
    tables=TABLES,
    routers=[catalog.router, orders.router, subscriptions.router, jobs.router],
    handlers=HANDLERS,
)


def create_app() -> FastAPI:
    return create_service_app(SPEC)
