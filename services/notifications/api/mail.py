"""/v1/outbound-mail — development only: staff read the mail the platform sent, as the embedded SMTP
server of `make run` and the tests received it (subject, recipients, bodies, attachments)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Response

from libs.auth import Staff
from libs.errors import problem_responses
from libs.pagination import Page, PageParams
from services.notifications import errors, schemas
from services.notifications.api.deps import Config
from services.notifications.usecases import mail
from services.notifications.usecases.views import attachment_bytes, render_mail

router = APIRouter(tags=["webhooks"])
MailId = Annotated[str, Path(pattern=r"^[0-9A-Za-z_-]{1,80}$")]


@router.get(
    "/v1/outbound-mail",
    response_model=Page[schemas.Mail],
    name="outbound-mail-list",
    responses=problem_responses(errors.MailNotFound),
)
async def list_mail(
    _staff: Staff,
    config: Config,
    page: PageParams,
    to: str | None = Query(None, max_length=254, description="only the mail to this address"),
) -> Any:
    """The mail the platform sent, newest first, a page at a time. 404 outside development."""
    if not config.dev_mode:
        raise errors.MailNotFound("mail capture exists in development only")
    found, next_cursor = mail.captured_page(config, page, to)
    return Page(data=[render_mail(path) for path in found], next_cursor=next_cursor)


@router.get(
    "/v1/outbound-mail/{mail_id}",
    response_model=schemas.MailWithBody,
    name="outbound-mail-get",
    responses=problem_responses(errors.MailNotFound),
)
async def get_mail(mail_id: MailId, _staff: Staff, config: Config) -> Any:
    path = mail.find_captured(config, mail_id)
    if path is None:
        raise errors.MailNotFound()
    return render_mail(path, with_body=True)


@router.get(
    "/v1/outbound-mail/{mail_id}/attachments/{filename}",
    name="outbound-mail-attachment",
    response_class=Response,
    responses=problem_responses(errors.MailNotFound),
)
async def get_attachment(
    mail_id: MailId, filename: Annotated[str, Path(max_length=200)], _staff: Staff, config: Config
) -> Response:
    path = mail.find_captured(config, mail_id)
    data = attachment_bytes(path, filename) if path is not None else None
    if data is None:
        raise errors.MailNotFound()
    return Response(data, media_type="application/octet-stream")
