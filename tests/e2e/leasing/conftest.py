"""Helpers for leasing's end-to-end tests: a bundle per test, contracts taken to a state."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import pytest

from libs.testing.api import Api, Reseller


@pytest.fixture
def onboard(api: Api) -> Callable[..., Reseller]:
    def make(**kwargs: Any) -> Reseller:
        return api.onboard_reseller(**kwargs)

    return make


def eur(amount: str) -> dict[str, str]:
    return {"amount": amount, "currency": "EUR"}


def bundle(api: Api, **overrides: Any) -> dict[str, Any]:
    """The seed's example: a laptop bundle at 59.00 a month, commission 100.00, Business Premium
    upgrade at 12.50 a month with 25.00 extra commission; 3 years' warranty, extendable by 2."""
    body = {
        "code": f"WAAS-{uuid.uuid4().hex[:8]}",
        "name": "Laptop Essentials",
        "manufacturer": "Lenovo",
        "hardware_model": "ThinkPad T14",
        "monthly_price": eur("59.00"),
        "commission": eur("100.00"),
        "warranty_years": 3,
        "max_warranty_extension_years": 2,
        "options": [
            {
                "code": "O365-PREMIUM",
                "name": "Upgrade to Office 365 Business Premium",
                "monthly_price": eur("12.50"),
                "commission": eur("25.00"),
                "upgrade": True,
                "office365_sku": "O365-BUSINESS-PREMIUM",
            },
            {"code": "DOCK", "name": "USB-C dock", "monthly_price": eur("4.00"), "commission": eur("5.00")},
        ],
        **overrides,
    }
    response = api.admin("POST", "/v1/waas/bundles", json=body)
    assert response.status_code == 201, response.text
    return response.json()


def customer(api: Api, reseller: Reseller) -> str:
    return api.create_customer(reseller.key, "Lessee BV")


def draft(api: Api, reseller: Reseller, customer_id: str, code: str, **overrides: Any) -> dict[str, Any]:
    body = {
        "customer_id": customer_id,
        "bundle": code,
        "term_months": 36,
        "delivery": "customer",
        **overrides,
    }
    response = api.call("POST", "/v1/waas/contracts", reseller.key, json=body)
    assert response.status_code == 201, response.text
    return response.json()


def activate(api: Api, reseller: Reseller, contract: dict[str, Any]) -> dict[str, Any]:
    path = f"/v1/waas/contracts/{contract['id']}"
    assert api.call("POST", f"{path}/submit", reseller.key).status_code == 200
    # R-WA-3: the credit officer decides; another staff key (the admin) signs for the distributor
    approved = api.call(
        "POST",
        f"{path}/credit-check",
        api.role_key("credit_officer"),
        json={"decision": "approved", "reason": "score A"},
    )
    assert approved.status_code == 200, approved.text
    assert (
        api.admin(
            "POST", f"{path}/signatures", json={"party": "distributor", "signed_by": "ALSO"}
        ).status_code
        == 200
    )
    signed = api.call(
        "POST", f"{path}/signatures", reseller.key, json={"party": "customer", "signed_by": "Eva Lessee"}
    )
    assert signed.status_code == 200, signed.text
    return signed.json()


def customer_key(api: Api, reseller: Reseller, customer_id: str) -> str:
    """The end customer's own API key (it signs, accepts extensions, reads its WaaS invoices)."""
    created = api.call("POST", f"/v1/customers/{customer_id}/api-keys", reseller.key, json={"name": "lessee"})
    assert created.status_code == 201, created.text
    return str(created.json()["key"])
