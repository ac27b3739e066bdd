"""Notifications' business errors, each rendered as problem+json."""

from libs.errors import NotFound, TooManyRequests, Unprocessable


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


class EndpointLimit(Unprocessable):
    code, title = (
        "webhook-endpoint-limit",
        "A reseller has at most CHANNELHUB_WEBHOOK_MAX_ENDPOINTS endpoints",
    )


class ReplayRangeTooLong(Unprocessable):
    code, title = "replay-range-too-long", "A replay covers at most CHANNELHUB_WEBHOOK_REPLAY_MAX_DAYS days"


class ReplayTooLarge(Unprocessable):
    code, title = (
        "replay-too-large",
        "A replay queues at most CHANNELHUB_WEBHOOK_REPLAY_MAX_DELIVERIES deliveries",
    )


class ReplayBacklog(TooManyRequests):
    code, title = (
        "replay-backlog",
        "The endpoint still has many deliveries waiting; replay when they are sent",
    )
