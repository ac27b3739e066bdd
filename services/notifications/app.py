"""Notifications: signed webhooks for partner systems (Standard Webhooks, retries, delivery log,
replay) and e-mail with the invoice PDF, the license file and seat invitations (R-PL-2, R-BI-5)."""

from libs.service import ServiceSpec
from services.notifications.api import mail, webhooks
from services.notifications.config import notifications_config
from services.notifications.handlers import HANDLERS
from services.notifications.models import TABLES
from services.notifications.workers import WORKERS

SPEC = ServiceSpec(
    name="notifications",
    title="ChannelHub notifications",
    tables=TABLES,
    routers=[webhooks.router, mail.router],
    handlers=HANDLERS,
    settings=notifications_config,
    workers=WORKERS,
)
