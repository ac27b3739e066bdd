import base64
import json
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
