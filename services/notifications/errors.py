"""Notifications' business errors, each rendered as problem+json."""

from libs.errors import NotFound, Unprocessable


class EndpointNotFound(NotFound):
    code, title = "webhook-endpoint-not-found", "No such webhook endpoint"


class DeliveryNotFound(NotFound):
    code, title = "delivery-not-found", "No such delivery"


class MailNotFound(NotFound):
    code, title = "mail-not-found", "No such mail"


class UnknownEventType(Unprocessable):
    code, title = (
        "unknown-event-type",
        "Subscribe to event types of the catalog (GET /v1/webhook-event-types)",
    )


class UrlNotAllowed(Unprocessable):
    code, title = "webhook-url-not-allowed", "The URL must be https and reach a public address"
