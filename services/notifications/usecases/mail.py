"""E-mail (R-BI-5, R-LI-4, R-BI-3/4): events become mails to send — recorded by the consumer, once
per event — and the mail worker composes each from its template (Jinja2, text + HTML), fetches its
attachment (the invoice or statement PDF from billing, the license file from licensing) and sends
it over SMTP, retrying while the server or a source is unavailable."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import aiosmtplib
import sqlalchemy as sa
from jinja2 import Environment, FileSystemLoader, select_autoescape
from pydantic import BaseModel, RootModel
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from libs.db import UnitOfWork
from libs.errors import ServiceUnavailable
from libs.internal_client import InternalClient
from libs.logging import get_logger
from libs.pagination import PageQuery, decode_cursor, encode_cursor
from services.notifications.config import NotificationsConfig
from services.notifications.domain.statuses import MailStatus
from services.notifications.models import OutboundMail, ResellerContact
from services.notifications.usecases import readmodels
from services.notifications.usecases.deliveries import DUE_NOTIFY
from services.notifications.usecases.views import recipients_of

log = get_logger(__name__)
TEMPLATES = Environment(
    loader=FileSystemLoader(Path(__file__).resolve().parents[1] / "templates"),
    autoescape=select_autoescape(enabled_extensions=("html",), default_for_string=False),
    keep_trailing_newline=True,
)
MAX_ATTEMPTS = 12  # about a day of backing off (5 s doubling, capped at an hour)


class Json(RootModel[dict[str, Any]]):
    pass


class MailNotReady(Exception):
    """What the mail needs is not there yet (the reseller's address, a document): try again later."""


async def record(
    session: AsyncSession,
    *,
    key: str,
    kind: str,
    params: dict[str, Any],
    now: datetime,
    reseller_id: uuid.UUID | None = None,
    recipient: str | None = None,
) -> None:
    await session.execute(
        pg_insert(OutboundMail)
        .values(
            id=uuid.uuid4(),
            dedupe_key=key,
            kind=kind,
            reseller_id=reseller_id,
            recipient=recipient,
            params=params,
            status="pending",
            attempts=0,
            next_attempt_at=now,
            attachments=[],
        )
        .on_conflict_do_nothing(index_elements=[OutboundMail.dedupe_key])
    )
    await session.execute(DUE_NOTIFY)  # the mail worker wakes when this commits


def _render(name: str, **context: Any) -> tuple[str, str]:
    return TEMPLATES.get_template(f"{name}.txt").render(**context), TEMPLATES.get_template(
        f"{name}.html"
    ).render(**context)


async def _contact(uow: UnitOfWork, reseller_id: uuid.UUID, onboarding: InternalClient) -> ResellerContact:
    contact = await readmodels.RESELLERS.get(uow, reseller_id, onboarding)
    if contact is None:
        raise MailNotReady(f"no contact address for reseller {reseller_id}")
    return contact


class InvitationToken(BaseModel):
    token: str


async def _invitation_link(mail: OutboundMail, licensing: InternalClient, config: NotificationsConfig) -> str:
    """The activation link, with a token licensing mints for this mail only (R-LI-4): it lives in
    this function and the message, never in the mail's stored parameters. The token is in the URL's
    fragment, which browsers never send: the gateway's page posts it to
    `POST /v1/seat-invitations/activate`."""
    p = mail.params
    if "token" in p:  # recorded before tokens were minted at send time
        token = str(p["token"])
    else:
        issued = await licensing.post(
            f"/internal/seat-invitations/{p['invitation_id']}/token", InvitationToken
        )
        if issued is None:
            raise InvitationGone("the invitation was used, withdrawn or expired")
        token = issued.token
    return f"{config.public_base_url.rstrip('/')}/activate-seat#token={token}"


class InvitationGone(Exception):
    """Nothing to invite to any more: the mail is dropped, not retried."""


async def _compose(
    uow: UnitOfWork, mail: OutboundMail, clients: dict[str, InternalClient], config: NotificationsConfig
) -> tuple[str, str, str, str, list[tuple[str, str, bytes]]]:
    """(recipient, subject, text, html, attachments) of a recorded mail."""
    p = mail.params
    if mail.kind == "seat_invitation":
        link = await _invitation_link(mail, clients["licensing"], config)
        text, html = _render(
            "seat_invitation", link=link, email=mail.recipient, sku=p["sku"], expires=p["expires"]
        )
        return str(mail.recipient), "You have been given a seat - activate it", text, html, []
    if mail.kind in ("waas_invoice", "waas_reminder"):
        return await _compose_waas(mail, clients)
    assert mail.reseller_id is not None
    contact = await _contact(uow, mail.reseller_id, clients["onboarding"])
    if mail.kind == "invoice_paid":
        invoice = await clients["billing"].get(f"/internal/invoices/{p['invoice_id']}", Json)
        pdf = await clients["billing"].get_bytes(f"/internal/invoices/{p['invoice_id']}/pdf")
        ubl = await clients["billing"].get_bytes(f"/internal/invoices/{p['invoice_id']}/ubl")
        if invoice is None or pdf is None or ubl is None:
            raise MailNotReady("the invoice is not there (yet)")
        number = invoice.root["number"]
        text, html = _render("invoice_paid", company=contact.company_name, invoice=invoice.root)
        return (
            contact.contact_email,
            f"Payment received - invoice {number}",
            text,
            html,
            # R-BI-10: the Factur-X PDF and the Peppol BIS 3 UBL e-invoice
            [
                (f"invoice-{number}.pdf", "application/pdf", pdf),
                (f"invoice-{number}.xml", "application/xml", ubl),
            ],
        )
    if mail.kind == "credit_note":
        pdf = await clients["billing"].get_bytes(f"/internal/credit-notes/{p['credit_note_id']}/pdf")
        ubl = await clients["billing"].get_bytes(f"/internal/credit-notes/{p['credit_note_id']}/ubl")
        if pdf is None or ubl is None:
            raise MailNotReady("the credit note is not there (yet)")
        text, html = _render("credit_note", company=contact.company_name, **p)
        return (
            contact.contact_email,
            f"Credit note {p['number']} for invoice {p['invoice_number']}",
            text,
            html,
            [
                (f"credit-note-{p['number']}.pdf", "application/pdf", pdf),
                (f"credit-note-{p['number']}.xml", "application/xml", ubl),
            ],
        )
    if mail.kind == "license_issued":
        lic = await clients["licensing"].get(f"/internal/licenses/{p['license_id']}", Json)
        document = await clients["licensing"].get_bytes(f"/internal/licenses/{p['license_id']}/file")
        if lic is None or document is None:
            raise MailNotReady("the license is not there (yet)")
        text, html = _render("license_issued", company=contact.company_name, license=lic.root)
        return (
            contact.contact_email,
            f"Your license for order {lic.root['order_id']}",
            text,
            html,
            [(f"license-{p['license_id']}.json", "application/json", document)],
        )
    if mail.kind == "statement":
        pdf = await clients["billing"].get_bytes(f"/internal/statements/{p['statement_id']}/pdf")
        if pdf is None:
            raise MailNotReady("the statement is not there (yet)")
        text, html = _render("statement", company=contact.company_name, **p)
        return (
            contact.contact_email,
            f"Statement of open items {p['month']}",
            text,
            html,
            [(f"statement-{p['month']}.pdf", "application/pdf", pdf)],
        )
    if mail.kind == "reminder":
        text, html = _render("reminder", company=contact.company_name, **p)
        return (
            contact.contact_email,
            f"Reminder {p['level']}: invoice {p['invoice']['number']} is overdue",
            text,
            html,
            [],
        )
    raise ValueError(f"unknown mail kind {mail.kind}")


async def _compose_waas(
    mail: OutboundMail, clients: dict[str, InternalClient]
) -> tuple[str, str, str, str, list[tuple[str, str, bytes]]]:
    """R-BI-6: the end customer's billing contact (the invoice's bill-to) gets the distributor's
    invoice with its PDF, and the reminders of it in words for a lessee (no partner ordering terms)."""
    p = mail.params
    invoice = await clients["billing"].get(f"/internal/invoices/{p['invoice_id']}", Json)
    pdf = await clients["billing"].get_bytes(f"/internal/invoices/{p['invoice_id']}/pdf")
    if invoice is None or pdf is None:
        raise MailNotReady("the invoice is not there (yet)")
    bill_to = invoice.root.get("bill_to") or {}
    recipient = str(mail.recipient or bill_to.get("email") or "")
    if not recipient:
        raise MailNotReady("the WaaS contract names no billing contact of the end customer")
    number = invoice.root["number"]
    attachment = [(f"invoice-{number}.pdf", "application/pdf", pdf)]
    if mail.kind == "waas_invoice":
        text, html = _render("waas_invoice", customer=bill_to.get("name"), invoice=invoice.root)
        return recipient, f"Your Workplace as a Service invoice {number}", text, html, attachment
    text, html = _render(
        "waas_reminder", customer=bill_to.get("name"), invoice=invoice.root, level=p["level"], days=p["days"]
    )
    return recipient, f"Payment reminder {p['level']}: invoice {number}", text, html, attachment


def _message(
    sender: str, recipient: str, subject: str, text: str, html: str, attachments: list[tuple[str, str, bytes]]
) -> EmailMessage:
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = sender, recipient, subject
    message.set_content(text)
    message.add_alternative(html, subtype="html")
    for filename, content_type, data in attachments:
        maintype, subtype = content_type.split("/", 1)
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)
    return message


async def send_due(
    uow: UnitOfWork,
    clients: dict[str, InternalClient],
    config: NotificationsConfig,
    now: datetime,
    limit: int = 10,
) -> int:
    session = uow.session
    if not config.smtp_url:
        return 0  # no SMTP server configured: mails wait (and show as pending)
    smtp = urlsplit(config.smtp_url)
    due = (
        await session.scalars(
            sa.select(OutboundMail)
            .where(OutboundMail.status == "pending", OutboundMail.next_attempt_at <= now)
            .order_by(OutboundMail.next_attempt_at)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
    ).all()
    for mail in due:
        mail.attempts += 1
        try:
            recipient, subject, text, html, attachments = await _compose(uow, mail, clients, config)
            message = _message(config.mail_from, recipient, subject, text, html, attachments)
            await aiosmtplib.send(message, hostname=smtp.hostname, port=smtp.port or 25, timeout=10)
        except InvitationGone as exc:
            mail.status, mail.last_error = MailStatus.FAILED, str(exc)
            continue
        except (MailNotReady, ServiceUnavailable, aiosmtplib.SMTPException, OSError) as exc:
            mail.last_error = f"{type(exc).__name__}: {exc}"[:500]
            if mail.attempts >= MAX_ATTEMPTS:
                mail.status = MailStatus.FAILED
                log.error("mail given up", mail_id=str(mail.id), kind=mail.kind, error=mail.last_error)
            else:
                mail.next_attempt_at = now + timedelta(seconds=min(5 * 2 ** (mail.attempts - 1), 3600))
            continue
        mail.status, mail.sent_at, mail.subject, mail.recipient = MailStatus.SENT, now, subject, recipient
        mail.attachments = [{"filename": f, "content_type": t, "size": len(d)} for f, t, d in attachments]
        if "token" in mail.params:  # the invitation is in the invitee's mailbox now, and only there
            mail.params = {k: v for k, v in mail.params.items() if k != "token"}
    return len(due)


def captured(config: NotificationsConfig) -> list[Path]:
    """The development SMTP server's messages, newest first (what really went over SMTP)."""
    folder = Path(config.mail_capture_dir)
    return sorted(folder.glob("*.eml"), reverse=True) if config.mail_capture_dir and folder.is_dir() else []


def _position(path: Path) -> tuple[datetime, int] | None:
    """Where a captured mail stands in the newest-first order: its arrival (the file name begins
    with it, `tools/devstack/mail.py`) and the random suffix that breaks ties — the two parts of
    a `libs.pagination` cursor. None for a file not named by the capture server."""
    stamp, _, suffix = path.stem.partition("-")
    try:
        return datetime.strptime(stamp, "%Y%m%dT%H%M%S%f").replace(tzinfo=UTC), int(suffix, 16)
    except ValueError:
        return None


def captured_page(
    config: NotificationsConfig, page: PageQuery, to: str | None
) -> tuple[list[Path], str | None]:
    """One page of the captured mail, newest first, optionally only the mail to one address."""
    after = decode_cursor(page.cursor, int) if page.cursor is not None else None
    wanted = to.lower() if to else None
    found: list[tuple[Path, tuple[datetime, int]]] = []
    for path in captured(config):
        position = _position(path)
        if position is None or (after is not None and position >= after):
            continue
        if wanted is not None and wanted not in (r.lower() for r in recipients_of(path)):
            continue
        found.append((path, position))
        if len(found) > page.limit:
            break
    next_cursor = None
    if len(found) > page.limit:
        found = found[: page.limit]
        next_cursor = encode_cursor(*found[-1][1])
    return [path for path, _ in found], next_cursor


def find_captured(config: NotificationsConfig, mail_id: str) -> Path | None:
    if not config.dev_mode:
        return None
    return next((p for p in captured(config) if p.stem == mail_id), None)
