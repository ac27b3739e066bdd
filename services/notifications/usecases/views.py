"""The one place notifications' rows become response shapes."""

from __future__ import annotations

from email import policy
from email.message import EmailMessage
from email.parser import BytesHeaderParser, BytesParser
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import cast

from services.notifications import schemas
from services.notifications.models import Delivery, DeliveryAttempt, WebhookEndpoint
from services.notifications.usecases.deliveries import webhook_id


def render_endpoint(endpoint: WebhookEndpoint, *, secret: str | None = None) -> schemas.Endpoint:
    return schemas.Endpoint(
        id=endpoint.id,
        reseller_id=endpoint.reseller_id,
        url=endpoint.url,
        description=endpoint.description,
        event_types=list(endpoint.event_types),
        status=endpoint.status,
        disabled_reason=endpoint.disabled_reason,
        created_at=endpoint.created_at,
        secret=secret,
        previous_secret_expires_at=endpoint.previous_secret_expires_at,
    )


def render_delivery(delivery: Delivery, attempts: list[DeliveryAttempt]) -> schemas.Delivery:
    return schemas.Delivery(
        id=delivery.id,
        webhook_id=webhook_id(delivery),
        event_id=delivery.event_id,
        event_type=delivery.event_type,
        subject=delivery.subject,
        status=delivery.status,
        attempts=delivery.attempts,
        next_attempt_at=delivery.next_attempt_at,
        last_status_code=delivery.last_status_code,
        delivered_at=delivery.delivered_at,
        created_at=delivery.created_at,
        attempt_log=[schemas.Attempt.model_validate(a, from_attributes=True) for a in attempts],
        payload=delivery.payload,
    )


def _parse(path: Path) -> EmailMessage:
    return cast(EmailMessage, BytesParser(policy=policy.default).parsebytes(path.read_bytes()))


def _recipients(to_header: object) -> list[str]:
    return [a.strip() for a in str(to_header or "").split(",") if a.strip()]


def recipients_of(path: Path) -> list[str]:
    """A captured mail's To addresses, from its headers alone (a list filter reads no bodies)."""
    return _recipients(BytesHeaderParser(policy=policy.default).parsebytes(path.read_bytes())["To"])


def render_mail(path: Path, *, with_body: bool = False) -> schemas.Mail | schemas.MailWithBody:
    message = _parse(path)
    attachments = [
        schemas.MailAttachment(
            filename=part.get_filename() or "",
            content_type=part.get_content_type(),
            size=len(part.get_payload(decode=True) or b""),
        )
        for part in message.iter_attachments()
    ]
    fields = dict(
        id=path.stem,
        subject=str(message["Subject"] or ""),
        sender=str(message["From"] or ""),
        recipients=_recipients(message["To"]),
        received_at=parsedate_to_datetime(str(message["X-Captured-At"])),
        attachments=attachments,
    )
    if not with_body:
        return schemas.Mail(**fields)
    text = message.get_body(preferencelist=("plain",))
    html = message.get_body(preferencelist=("html",))
    return schemas.MailWithBody(
        **fields,
        text=text.get_content() if text is not None else None,
        html=html.get_content() if html is not None else None,
    )


def attachment_bytes(path: Path, filename: str) -> bytes | None:
    for part in _parse(path).iter_attachments():
        if part.get_filename() == filename:
            return cast(bytes, part.get_payload(decode=True))
    return None
