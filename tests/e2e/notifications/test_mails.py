"""E-mail end to end (R-BI-5, R-LI-4): after a payment the reseller gets the order details with the
invoice PDF, then the license file — read back from the real SMTP server the stack runs."""

from __future__ import annotations

import json
from collections.abc import Callable

import sqlalchemy as sa
from channelhub_sdk.licenses import keys_from_document, verify

from libs.db import UnitOfWork
from libs.testing.api import Api, Reseller, wait_until
from libs.testing.db import ServiceDb
from services.licensing import models as licensing_models
from services.notifications.models import OutboundMail
from tests.e2e.billing.conftest import invoice_of, pay
from tests.e2e.licensing.test_licensing import established, place_for, subscription_with_seats
from tests.e2e.ordering.conftest import customer_ready_to_order
from tools.devstack.stack import Stack


def test_r_bi_5_payment_accepted_sends_the_invoice_pdf_then_the_license_file(
    api: Api, onboard: Callable[..., Reseller]
) -> None:
    address = f"billing-{api.ensure_sku()['sku'].lower()}-{id(api)}@reseller.example"
    reseller = onboard(contact_email=address)
    order = place_for(api, reseller, customer_ready_to_order(api, reseller))
    invoice = invoice_of(api, reseller, order)
    pay(api, invoice)

    mails = wait_until(lambda: (m := api.mails_to(address)) and len(m) >= 2 and m, what="two mails")
    by_subject = {m["subject"]: m for m in mails}
    paid = by_subject[f"Payment received - invoice {invoice['number']}"]
    assert [a["filename"] for a in paid["attachments"]] == [
        f"invoice-{invoice['number']}.pdf",
        f"invoice-{invoice['number']}.xml",  # R-BI-10: the Peppol BIS 3 UBL beside the Factur-X PDF
    ]
    pdf = api.admin("GET", f"/v1/outbound-mail/{paid['id']}/attachments/invoice-{invoice['number']}.pdf")
    assert pdf.content.startswith(b"%PDF")
    ubl = api.admin("GET", f"/v1/outbound-mail/{paid['id']}/attachments/invoice-{invoice['number']}.xml")
    assert ubl.status_code == 200 and b"urn:fdc:peppol.eu:2017:poacc:billing:3.0" in ubl.content
    body = api.admin("GET", f"/v1/outbound-mail/{paid['id']}").json()
    assert order["id"] in body["text"] and invoice["total"]["amount"] in body["text"]

    [licensed] = [m for s, m in by_subject.items() if s.startswith("Your license for order")]
    [attachment] = licensed["attachments"]
    document = api.admin(
        "GET", f"/v1/outbound-mail/{licensed['id']}/attachments/{attachment['filename']}"
    ).json()
    keys = keys_from_document(api.call("GET", "/v1/license-signing-keys").json())
    assert verify(document, keys)["order_id"] == order["id"]
    assert "Installation" in api.admin("GET", f"/v1/outbound-mail/{licensed['id']}").json()["text"]


def test_r_li_4_seat_invitation_mail_carries_a_working_activation_link(
    api: Api, onboard: Callable[..., Reseller]
) -> None:
    reseller = established(api, onboard)
    sub = subscription_with_seats(api, reseller, seats=1)
    email = f"seat-{sub['id'][:8]}@acme.example"
    assigned = api.call(
        "POST", f"/v1/subscriptions/{sub['id']}/seat-assignments", reseller.key, json={"email": email}
    )
    assert assigned.status_code == 201, assigned.text
    [mail] = wait_until(lambda: api.mails_to(email), what="the invitation")
    text = api.admin("GET", f"/v1/outbound-mail/{mail['id']}").json()["text"]
    link = next(line.strip() for line in text.splitlines() if "/activate-seat#token=" in line)
    # the link opens the gateway's page, which posts the token from the fragment in a body
    page = api.call("GET", link[link.index("/activate-seat") :].split("#", 1)[0])
    assert (
        page.status_code == 200
        and "/v1/seat-invitations/activate" in api.call("GET", "/dashboard/activate-seat.js").text
    )
    token = link.split("#token=", 1)[1]
    activated = api.call("POST", "/v1/seat-invitations/activate", json={"token": token})
    assert activated.status_code == 200, activated.text
    assert activated.json()["email"] == email
    assert json.loads(activated.text)["status"] == "active"


def test_r_pl_5_r_li_4_no_invitation_token_in_events_stored_mail_or_logs(
    api: Api, onboard: Callable[..., Reseller], stack: Stack
) -> None:
    reseller = established(api, onboard)
    sub = subscription_with_seats(api, reseller, seats=1)
    email = f"secret-{sub['id'][:8]}@acme.example"
    assigned = api.call(
        "POST", f"/v1/subscriptions/{sub['id']}/seat-assignments", reseller.key, json={"email": email}
    )
    assert assigned.status_code == 201, assigned.text
    [mail] = wait_until(lambda: api.mails_to(email), what="the invitation")
    text = api.admin("GET", f"/v1/outbound-mail/{mail['id']}").json()["text"]
    token = text.split("#token=", 1)[1].split()[0]
    # the deprecated route still works once, and its path is never logged with the token
    assert api.call("POST", f"/v1/seat-invitations/{token}/activate").status_code == 200

    async def outbox_rows(uow: UnitOfWork) -> list[str]:
        rows = await uow.session.execute(sa.select(licensing_models.TABLES.outbox.c.envelope))
        return [json.dumps(r.envelope) for r in rows]

    async def stored_mail(uow: UnitOfWork) -> list[str]:
        rows = await uow.session.scalars(sa.select(OutboundMail).where(OutboundMail.recipient == email))
        return [json.dumps(m.params) + (m.last_error or "") for m in rows]

    events = ServiceDb(stack.service_urls["licensing"]).run(outbox_rows)
    assert any(f'"email": "{email}"' in e for e in events)  # the assignment's event is there ...
    assert not [e for e in events if token in e]  # ... without the token
    stored = ServiceDb(stack.service_urls["notifications"]).run(stored_mail)
    assert stored and not [m for m in stored if token in m]
    logs = "".join(p.read_text(errors="replace") for p in stack.logs_dir.glob("*.log"))
    assert "/v1/seat-invitations/[redacted]/activate" in logs
    assert token not in logs
