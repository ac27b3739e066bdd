import time
import uuid
from datetime import UTC, datetime

import jwt
import pytest

from libs.auth import Caller, generate_keypair, sign_internal_token, verify_internal_token
from libs.errors import Unauthorized
from libs.pagination import InvalidCursor, decode_cursor, encode_cursor


def test_internal_token_round_trip() -> None:
    private, public = generate_keypair()
    caller = Caller(kind="reseller", roles=("reseller_admin",), reseller_id=uuid.uuid4(), key_id="k1")
    assert verify_internal_token(sign_internal_token(caller, private), public) == caller


def test_internal_token_signed_by_another_key_or_expired_is_refused() -> None:
    private, public = generate_keypair()
    other, _ = generate_keypair()
    caller = Caller(kind="staff", roles=("admin",))
    with pytest.raises(Unauthorized):
        verify_internal_token(sign_internal_token(caller, other), public)
    expired = jwt.encode(
        {
            **caller.to_claims(),
            "iss": "channelhub-gateway",
            "aud": "channelhub-services",
            "iat": int(time.time()) - 120,
            "exp": int(time.time()) - 60,
        },
        private,
        algorithm="EdDSA",
    )
    with pytest.raises(Unauthorized):
        verify_internal_token(expired, public)


def test_cursor_round_trip_and_garbage() -> None:
    at, row = datetime(2026, 11, 23, 12, 0, tzinfo=UTC), uuid.uuid4()
    assert decode_cursor(encode_cursor(at, row)) == (at, str(row))
    for garbage in ("", "!!", "bm90IGpzb24", encode_cursor(at, row)[:-3]):
        with pytest.raises(InvalidCursor):
            decode_cursor(garbage)
