"""Onboarding's closed sets against what is written into them: the roles keys are issued with."""

from __future__ import annotations

from typing import get_args

from libs.permissions import RESELLER_ROLES, STAFF_ROLES
from services.onboarding import schemas
from services.onboarding.domain.statuses import ApiKeyRole


def test_r_pl_5_keys_carry_the_permission_tables_roles_and_customer_keys_customer_admin() -> None:
    assert list(ApiKeyRole) == [*STAFF_ROLES, *RESELLER_ROLES, "customer_admin"]


def test_r_pl_5_the_roles_a_key_can_be_created_with_are_key_roles() -> None:
    staff = get_args(schemas.StaffKeyCreate.model_fields["role"].annotation)
    reseller = get_args(schemas.ApiKeyCreate.model_fields["role"].annotation)
    assert set(staff) == set(STAFF_ROLES) and set(reseller) == set(RESELLER_ROLES)
    assert set(staff) | set(reseller) < set(ApiKeyRole)
