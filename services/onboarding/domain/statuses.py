"""Onboarding's closed sets of values that are its own (those its events carry are in
`libs.events.onboarding`: `ResellerStatus`, `Standing`, `BusinessType`, `CustomerKind`, `Edition`;
the application's status is in `domain.applications`). Each is a column stored through
`libs.db.EnumText` and checked by the database (`libs.db.one_of`), and a field of the API."""

from __future__ import annotations

from enum import StrEnum


class TaxProfileChangeStatus(StrEnum):
    """A reseller's request to change its tax profile: applied only when staff approve it."""

    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"  # superseded by a newer request of the reseller


class ApiKeyKind(StrEnum):
    """Whose an API key is: a reseller's, a customer's (its portal) or vendor staff's."""

    RESELLER = "reseller"
    CUSTOMER = "customer"
    STAFF = "staff"


class ApiKeyRole(StrEnum):
    """The role an API key is issued with: a staff key's (`admin`, `credit_officer`, `billing`), a
    reseller key's (`reseller_admin`, `reseller_user`), or `customer_admin`, every customer key's —
    the permission table's `customer` role."""

    # staff and reseller keys carry libs.permissions' roles; a customer key's role in the table is
    # its kind (libs.permissions.role_of), whatever it was issued with

    ADMIN = "admin"
    CREDIT_OFFICER = "credit_officer"
    BILLING = "billing"
    RESELLER_ADMIN = "reseller_admin"
    RESELLER_USER = "reseller_user"
    CUSTOMER_ADMIN = "customer_admin"


class CustomerUserKind(StrEnum):
    """Who a customer user is (R-CU-8): the owning reseller (it occupies no seat), or a user."""

    RESELLER = "reseller"
    USER = "user"
