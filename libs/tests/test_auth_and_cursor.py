import base64
import json
import time
import uuid
from datetime import UTC, datetime

import jwt
import pytest

from libs.auth import (
    KEY_RESOLUTION_SCOPE,
    SYSTEM,
    Caller,
    generate_keypair,
    sign_internal_token,
    sign_service_token,
    verify_internal_token,
    verify_scoped_token,
    verify_service_token,
)
from libs.errors import Forbidden, Unauthorized
from libs.pagination import InvalidCursor, decode_cursor, encode_cursor


def test_internal_token_round_trip() -> None:
    private, public = generate_keypair()
    caller = Caller(kind="reseller", roles=("reseller_admin",), reseller_id=uuid.uuid4(), key_id="k1")
    token = sign_internal_token(caller, private, audience="ordering")
    assert verify_internal_token(token, public, audience="ordering") == caller


def test_internal_token_signed_by_another_key_or_expired_is_refused() -> None:
    private, public = generate_keypair()
    other, _ = generate_keypair()
    caller = Caller(kind="staff", roles=("admin",))
    with pytest.raises(Unauthorized):
        verify_internal_token(
            sign_internal_token(caller, other, audience="ordering"), public, audience="ordering"
        )
    expired = jwt.encode(
        {
            **caller.to_claims(),
            "iss": "channelhub-gateway",
            "aud": "ordering",
            "iat": int(time.time()) - 120,
            "exp": int(time.time()) - 60,
        },
        private,
        algorithm="EdDSA",
    )
    with pytest.raises(Unauthorized):
        verify_internal_token(expired, public, audience="ordering")


def test_a_token_minted_for_one_service_is_refused_by_another() -> None:
    private, public = generate_keypair()
    caller = Caller(kind="reseller", roles=("reseller_admin",), reseller_id=uuid.uuid4())
    token = sign_internal_token(caller, private, audience="onboarding")
    with pytest.raises(Unauthorized):
        verify_internal_token(token, public, audience="ordering")
    with pytest.raises(Unauthorized):  # a process without a service name accepts nothing
        verify_internal_token(token, public, audience="")


def test_a_scoped_gateway_token_is_good_for_its_scope_only() -> None:
    private, public = generate_keypair()
    token = sign_internal_token(SYSTEM, private, audience="onboarding", scope=KEY_RESOLUTION_SCOPE)
    assert (
        verify_scoped_token(token, public, audience="onboarding", scope=KEY_RESOLUTION_SCOPE).kind == "system"
    )
    with pytest.raises(Unauthorized):
        verify_internal_token(token, public, audience="onboarding")
    with pytest.raises(Unauthorized):
        verify_scoped_token(token, public, audience="onboarding", scope="something-else")
    unscoped = sign_internal_token(SYSTEM, private, audience="onboarding")
    with pytest.raises(Unauthorized):
        verify_scoped_token(unscoped, public, audience="onboarding", scope=KEY_RESOLUTION_SCOPE)
    with pytest.raises(Unauthorized):  # public routes never serve a system caller
        verify_internal_token(unscoped, public, audience="onboarding")


def test_service_tokens_name_their_service_and_pass_only_where_it_is_listed() -> None:
    service_private, service_public = generate_keypair()
    billing_private, billing_public = generate_keypair()
    gateway_private, gateway_public = generate_keypair()
    keys = {"ordering": service_public, "billing": billing_public}
    token = sign_service_token("ordering", service_private, audience="onboarding")
    caller = verify_service_token(token, keys, audience="onboarding", allowed=("ordering",))
    assert caller.kind == "system" and caller.extra["service"] == "ordering"
    with pytest.raises(Forbidden):
        verify_service_token(token, keys, audience="onboarding", allowed=("billing",))
    with pytest.raises(Unauthorized):  # for onboarding, not for licensing
        verify_service_token(token, keys, audience="licensing", allowed=("ordering",))
    # R-PL-5: billing's key cannot mint a token as ordering, nor can a service nobody knows
    forged = sign_service_token("ordering", billing_private, audience="onboarding")
    with pytest.raises(Unauthorized):
        verify_service_token(forged, keys, audience="onboarding", allowed=("ordering",))
    stranger = sign_service_token("stranger", billing_private, audience="onboarding")
    with pytest.raises(Unauthorized):
        verify_service_token(stranger, keys, audience="onboarding", allowed=("stranger",))
    # a service token is no partner identity (other key pair, other issuer) …
    with pytest.raises(Unauthorized):
        verify_internal_token(token, gateway_public, audience="onboarding")
    # … and even a token signed with the gateway's key is no service token (other issuer)
    staff = sign_internal_token(
        Caller(kind="staff", roles=("admin",)), gateway_private, audience="onboarding"
    )
    with pytest.raises(Unauthorized):
        verify_service_token(
            staff, {"ordering": gateway_public}, audience="onboarding", allowed=("ordering",)
        )


def test_cursor_round_trip_and_garbage() -> None:
    at, row = datetime(2026, 11, 23, 12, 0, tzinfo=UTC), uuid.uuid4()
    assert decode_cursor(encode_cursor(at, row)) == (at, row)
    assert decode_cursor(encode_cursor(at, 7), int) == (at, 7)
    for garbage in ("", "!!", "bm90IGpzb24", encode_cursor(at, row)[:-3], "\u00e9t\u00e9"):
        with pytest.raises(InvalidCursor):
            decode_cursor(garbage)


def raw_cursor(value: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")


@pytest.mark.parametrize(
    "shape",
    [
        ["2024-01-01T00:00:00", 5],  # an int where the id string belongs
        ["2024-01-01T00:00:00", str(uuid.UUID(int=5))],  # a naive timestamp (the column is timestamptz)
        ["2024-01-01T00:00:00+00:00", "5"],  # not a UUID
        ["2024-01-01T00:00:00+00:00"],  # too short
        ["2024-01-01T00:00:00+00:00", str(uuid.UUID(int=5)), 1],  # too long
        {"at": "2024-01-01T00:00:00+00:00"},  # not a list
        [None, None],
        ["yesterday", str(uuid.UUID(int=5))],
    ],
)
def test_a_well_formed_but_wrong_cursor_is_invalid_cursor_400(shape: object) -> None:
    with pytest.raises(InvalidCursor) as raised:
        decode_cursor(raw_cursor(shape))
    assert raised.value.status == 400 and raised.value.code == "invalid-cursor"


def test_an_integer_cursor_id_must_fit_int64() -> None:
    at = "2024-01-01T00:00:00+00:00"
    with pytest.raises(InvalidCursor):
        decode_cursor(raw_cursor([at, str(2**63)]), int)
    with pytest.raises(InvalidCursor):
        decode_cursor(raw_cursor([at, "not-a-number"]), int)
