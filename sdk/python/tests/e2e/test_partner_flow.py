"""The seed 000 partner flow with nothing but the SDK, against the running suite (the session's
`stack`, the same one every end-to-end test uses): apply → approve → accept the policy → a customer
that accepts the terms → an order → its invoice → the vendor's bank file pays it → the license is
issued → its file verifies offline with the published keys (R-ON-1, R-ON-2, R-CU-6, R-OR-1,
R-BI-1, R-LI-1, R-LI-2). Also the SDK's promises on the real gateway: a create repeated with its
idempotency key is done once, and iteration follows real cursors."""

from __future__ import annotations

import io
import uuid
from datetime import date

import pytest
from channelhub_sdk import ApiError, connect, idempotency_key, iterate, unwrap, verify_license
from channelhub_sdk.generated.api.billing import bank_statements_upload, invoices_list
from channelhub_sdk.generated.api.catalog import skus_create
from channelhub_sdk.generated.api.customers import (
    customers_accept_terms,
    customers_api_keys_create,
    customers_create,
)
from channelhub_sdk.generated.api.licensing import license_signing_keys, licenses_file, licenses_list
from channelhub_sdk.generated.api.onboarding import (
    reseller_applications_approve,
    reseller_applications_create,
    reseller_policy_get,
    resellers_policy_accept,
)
from channelhub_sdk.generated.api.orders import orders_create, orders_get, orders_list
from channelhub_sdk.generated.models import (
    ApplicationApprove,
    ApplicationCreate,
    CustomerApiKeyCreate,
    CustomerCreate,
    OrderCreate,
    PolicyAcceptanceCreate,
    SkuCreate,
    TermsAcceptanceCreate,
)
from channelhub_sdk.generated.types import File

from libs.testing.api import wait_until
from tests.e2e.billing.conftest import camt053
from tools.devstack.stack import Stack


def test_r_li_2_the_seed_000_partner_flow_with_the_sdk(stack: Stack) -> None:
    gw = stack.gateway_url
    public, staff = connect(gw), connect(gw, stack.config.admin_key)
    sku = unwrap(
        skus_create.sync_detailed(
            client=staff,
            body=SkuCreate.from_dict(
                {
                    "sku": f"SDK-{uuid.uuid4().hex[:10]}",
                    "product": "total-docs",
                    "name": "Total for .NET Developer OEM",
                    "billing_plan": "perpetual",
                    "prices": [{"amount": "1499.00", "currency": "EUR"}],
                }
            ),
        )
    )

    # R-ON-1, R-ON-2: a company applies (no key) and staff approve; the first key is shown once
    application = unwrap(
        reseller_applications_create.sync_detailed(
            client=public,
            body=ApplicationCreate.from_dict(
                {
                    "company_name": f"SDK Partner {uuid.uuid4().hex[:8]} GmbH",
                    "contact_email": "dev@sdk-partner.example",
                    "country": "DE",
                    "vat_id": "DE136695976",
                    "business_type": "reseller",
                    "description": "We resell developer tools to SMEs",
                }
            ),
        )
    )
    approved = unwrap(
        reseller_applications_approve.sync_detailed(application.id, client=staff, body=ApplicationApprove())
    )
    partner = connect(gw, approved.api_key)
    policy = unwrap(reseller_policy_get.sync_detailed(client=partner))
    accepted = unwrap(
        resellers_policy_accept.sync_detailed(
            approved.reseller_id,
            client=partner,
            body=PolicyAcceptanceCreate(version=policy.version, accepted_by="Jan de Vries"),
        )
    )
    assert accepted.status == "active"

    # R-CU-6: the customer account, whose own key accepts the vendor's terms
    customer = unwrap(
        customers_create.sync_detailed(
            client=partner,
            body=CustomerCreate.from_dict(
                {"kind": "domain", "name": "Acme GmbH", "domain": f"acme-{uuid.uuid4().hex[:10]}.example.com"}
            ),
        )
    )
    customer_key = unwrap(
        customers_api_keys_create.sync_detailed(
            customer.id, client=partner, body=CustomerApiKeyCreate(name="portal")
        )
    ).key
    assert customer_key
    unwrap(
        customers_accept_terms.sync_detailed(
            customer.id, client=connect(gw, customer_key), body=TermsAcceptanceCreate(accepted_by="Eva")
        )
    )

    # R-OR-1: the order, at the partner price (10 % off), placed twice with one idempotency key
    body = OrderCreate.from_dict(
        {
            "customer_id": str(customer.id),
            "currency": "EUR",
            "payment_method": "bank_transfer",
            "lines": [{"sku": sku.sku, "quantity": 2}],
        }
    )
    with idempotency_key(f"erp-order-{uuid.uuid4().hex}"):
        order = unwrap(orders_create.sync_detailed(client=partner, body=body))
        again = unwrap(orders_create.sync_detailed(client=partner, body=body))
    assert again.id == order.id  # the platform replayed the first answer: one order
    assert order.total.amount == "2698.20" and order.payment_requirement == "prepay"

    # R-BI-1: its invoice quotes a structured reference; the vendor's bank file pays it
    [invoice] = iterate(invoices_list.sync_detailed, client=partner, order_id=order.id)
    assert invoice.amount_due.amount == "2698.20"
    statement = camt053([(invoice.amount_due.amount, invoice.payment_reference)])
    booked = unwrap(bank_statements_upload.sync_detailed(client=staff, body=File(io.BytesIO(statement))))
    assert (booked.entries, booked.matched) == (1, 1)

    # R-LI-1: paid → released → licensed; R-LI-2: the file verifies offline with the published keys
    [lic] = wait_until(
        lambda: list(iterate(licenses_list.sync_detailed, client=partner, order_id=order.id)),
        what="the paid order's license",
    )
    document = unwrap(licenses_file.sync_detailed(lic.id, client=partner))
    keys = unwrap(license_signing_keys.sync_detailed(client=public))  # no key needed
    payload = verify_license(document, keys, on=date.today())
    assert payload["order_id"] == str(order.id) and payload["licensee"]["customer_id"] == str(customer.id)
    assert payload["sku"] == sku.sku and payload["quantity"] == 2 and payload["status"] == "active"
    wait_until(
        lambda: unwrap(orders_get.sync_detailed(order.id, client=partner)).status == "fulfilled",
        what="the licensed order to be fulfilled",
    )

    # iteration follows the real cursors: a second order, read one per page
    unwrap(orders_create.sync_detailed(client=partner, body=body))
    seen = [o.id for o in iterate(orders_list.sync_detailed, client=partner, limit=1)]
    assert len(seen) == 2 and len(set(seen)) == 2 and order.id in seen

    # a refusal is an ApiError with the problem's stable code
    with pytest.raises(ApiError) as refused:
        unwrap(licenses_file.sync_detailed(uuid.uuid4(), client=partner))
    assert refused.value.status == 404 and refused.value.code
