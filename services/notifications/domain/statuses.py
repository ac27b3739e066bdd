"""Notifications' statuses: a webhook endpoint's, a delivery's, an outbound mail's (R-PL-5)."""

from __future__ import annotations

from enum import StrEnum


class EndpointStatus(StrEnum):
    ACTIVE = "active"
    DISABLED = "disabled"  # by its reseller, or after too many failed deliveries


class DeliveryStatus(StrEnum):
    PENDING = "pending"
    SUCCEEDED = "succeeded"
    FAILED = "failed"  # given up after the retry schedule


class MailStatus(StrEnum):
    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"
