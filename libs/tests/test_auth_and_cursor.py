import re
import time
import uuid
from datetime import UTC, datetime, timedelta

import jwt
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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
from libs.pagination import CURSOR_PATTERN, InvalidCursor, decode_cursor, encode_cursor
from libs.params import MAX_INT64


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
    at, row = datetime(2026, 11, 23, 12, 0, 0, 123456, tzinfo=UTC), uuid.uuid4()
    assert decode_cursor(encode_cursor(at, row)) == (at, row)
    assert decode_cursor(encode_cursor(at, 7), int) == (at, 7)
    assert re.fullmatch(CURSOR_PATTERN, encode_cursor(at, row))
    assert re.fullmatch(CURSOR_PATTERN, encode_cursor(at, MAX_INT64))
    for garbage in ("", "!!", "bm90IGpzb24", encode_cursor(at, row)[:-3], "\u00e9t\u00e9"):
        with pytest.raises(InvalidCursor):
            decode_cursor(garbage)


@pytest.mark.parametrize(
    "cursor",
    [
        "WyIyMDI0LTAxLTAxVDAwOjAwOjAwKzAwOjAwIiwgIjUiXQ",  # the old base64 JSON shape
        "1704067200000000-" + "0" * 31,  # an id one digit short
        "1704067200000000-" + "A" * 32,  # upper-case hex
        "-1-" + "0" * 32,  # before 1970
        "1" * 17 + "-" + "0" * 32,  # beyond the year 2286
        "1704067200000000-" + "0" * 32 + "\n",  # a trailing newline
        "1704067200000000_" + "0" * 32,
    ],
)
def test_a_cursor_not_matching_the_documented_pattern_is_invalid_cursor_400(cursor: str) -> None:
    assert not re.fullmatch(CURSOR_PATTERN, cursor)
    with pytest.raises(InvalidCursor) as raised:
        decode_cursor(cursor)
    assert raised.value.status == 400 and raised.value.code == "invalid-cursor"


@given(st.from_regex(CURSOR_PATTERN, fullmatch=True))
@settings(max_examples=200, derandomize=True, database=None)
def test_every_cursor_matching_the_documented_pattern_is_a_position(cursor: str) -> None:
    at, row = decode_cursor(cursor)
    assert at.tzinfo is not None and isinstance(row, uuid.UUID)
    at, key = decode_cursor(cursor, int)
    assert -1 <= key <= MAX_INT64  # beyond int64: after every id of that instant


def test_an_integer_cursor_id_beyond_int64_stands_after_every_id_of_its_instant() -> None:
    at = datetime(2024, 1, 1, tzinfo=UTC)
    beyond = f"{(at - datetime(1970, 1, 1, tzinfo=UTC)) // timedelta(microseconds=1)}-{'f' * 32}"
    assert decode_cursor(beyond, int) == (at + timedelta(microseconds=1), -1)
