"""Licenses stop being valid when they stop (issue 19): one temporary license per order (R-LI-3),
files signed only for active licenses and failing the offline verifier after their last day
(R-LI-2), expired invitations freeing their seat (R-LI-4)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from channelhub_sdk.licenses import InvalidLicense, verify

from libs.testing.api import Api, Reseller, assert_problem, wait_until
from tests.e2e.billing.conftest import invoice_of, pay
from tests.e2e.licensing.conftest import LicensingDb
from tests.e2e.licensing.test_licensing import (
    assign,
    established,
    permanent,
    place_for,
    published_keys,
    subscription_with_seats,
)
from tests.e2e.ordering.conftest import customer_ready_to_order


def _expire(api: Api, as_of: date) -> dict[str, int]:
    run = api.admin("POST", "/v1/licensing/jobs/expire-licenses/run", json={"as_of": str(as_of)})
    assert run.status_code == 200, run.text
    return dict(run.json().get("counts") or {})


def test_r_li_3_a_second_temporary_license_is_refused_even_after_the_first_expired(
    api: Api, onboard: Callable[..., Reseller]
) -> None:
    reseller = onboard()
    order = place_for(api, reseller, customer_ready_to_order(api, reseller))
    path = f"/v1/orders/{order['id']}/temporary-license"
    first = api.call("POST", path, reseller.key)
    assert first.status_code == 201, first.text
    _expire(api, date.fromisoformat(first.json()["valid_until"]) + timedelta(days=1))
    assert api.call("GET", f"/v1/licenses/{first.json()['id']}", reseller.key).json()["status"] == "expired"
    again = assert_problem(api.call("POST", path, reseller.key), 409, "temporary-license-exists")
    assert "at most one per order" in again["detail"]
    # the expired license's file is not signed any more
    assert_problem(
        api.call("GET", f"/v1/licenses/{first.json()['id']}/file", reseller.key), 410, "license-not-active"
    )


def test_r_li_2_a_revoked_licenses_file_is_refused_and_an_old_file_fails_after_valid_until(
    api: Api, onboard: Callable[..., Reseller], tmp_path: Path
) -> None:
    reseller = onboard()
    order = place_for(api, reseller, customer_ready_to_order(api, reseller))
    temporary = api.call("POST", f"/v1/orders/{order['id']}/temporary-license", reseller.key).json()
    document = api.call("GET", f"/v1/licenses/{temporary['id']}/file", reseller.key).json()
    keys = published_keys(api)
    payload = verify(document, keys, on=date.today())
    assert (payload["status"], payload["key_id"]) == ("active", document["key_id"])
    last_day = date.fromisoformat(temporary["valid_until"])
    assert (payload["valid_from"], payload["valid_until"], payload["valid_before"]) == (
        temporary["valid_from"],
        temporary["valid_until"],
        str(last_day + timedelta(days=1)),  # the exclusive end, stated
    )

    # paid: the permanent license replaces the temporary one, whose file is refused from now on
    pay(api, invoice_of(api, reseller, order))
    permanent(api, reseller.key, order)
    wait_until(
        lambda: (
            api.call("GET", f"/v1/licenses/{temporary['id']}", reseller.key).json()["status"] == "revoked"
        ),
        what="the temporary license to be revoked",
    )
    assert_problem(
        api.call("GET", f"/v1/licenses/{temporary['id']}/file", reseller.key), 410, "license-not-active"
    )

    # the file downloaded before: valid through its last day, not after (library and CLI)
    assert verify(document, keys, on=last_day)
    with pytest.raises(InvalidLicense, match="ended"):
        verify(document, keys, on=last_day + timedelta(days=1))
    (tmp_path / "license.json").write_text(json.dumps(document))
    (tmp_path / "keys.json").write_text(api.call("GET", "/v1/license-signing-keys").text)

    def cli(day: date) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [
                sys.executable,
                *("-m", "channelhub_sdk.licenses", "verify", str(tmp_path / "license.json")),
                *("--keys", str(tmp_path / "keys.json"), "--on", str(day)),
            ],
            capture_output=True,
            text=True,
            check=False,
        )

    assert cli(last_day).returncode == 0
    after = cli(last_day + timedelta(days=1))
    assert after.returncode == 1 and "ended" in after.stderr


def test_r_li_4_an_expired_invitation_frees_its_seat(
    api: Api, onboard: Callable[..., Reseller], licensing_db: LicensingDb
) -> None:
    reseller = established(api, onboard)
    sub = subscription_with_seats(api, reseller, seats=1)
    invited = assign(api, reseller, sub, "ann@acme.example")
    assert invited.status_code == 201, invited.text
    # the mail goes out at once (its one-time token is minted when it is sent, while the invitation is open)
    token = licensing_db.invitation_token(sub["id"], "ann@acme.example")
    overview = api.call("GET", f"/v1/subscriptions/{sub['id']}/seat-assignments", reseller.key).json()
    assert (overview["seats_assigned"], overview["seats_active"], overview["seats_invited"]) == (1, 0, 1)
    assert_problem(assign(api, reseller, sub, "bob@acme.example"), 409, "no-seats-left")

    # never activated: after its expiry the job frees the seat
    expires = date.fromisoformat(invited.json()["invitation_expires_at"][:10])
    assert _expire(api, expires + timedelta(days=1)).get("invitations_expired", 0) >= 1
    overview = api.call("GET", f"/v1/subscriptions/{sub['id']}/seat-assignments", reseller.key).json()
    assert (overview["seats_assigned"], overview["seats_invited"], overview["assignments"]) == (0, 0, [])
    assert assign(api, reseller, sub, "bob@acme.example").status_code == 201  # the freed seat
    assert_problem(api.call("POST", f"/v1/seat-invitations/{token}/activate"), 409, "invitation-expired")
