"""Authentication of the reference server, and the desk's PIN lockout (issue 8).

* Every authenticated endpoint (taken from the route table) refuses a missing, malformed,
  garbage or revoked token with 401 in the one error shape (Open311: 403 in GeoReport v2's
  array, as the specification asks for a bad ``api_key``). Device tokens do not expire:
  they end when an administrator revokes the device, so there is no "expired token" case.
* Enrolment codes are single use and expire after 24 hours.
* Guessing enrolment codes is braked: per client address and for the whole server, with
  429 and ``Retry-After`` (``posko_central.ratelimit``), documented in sync/openapi.yaml.
* The desk's 5-wrong-PINs lockout survives closing and reopening the store, and an unknown
  officer gets exactly the same answer as a wrong PIN.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import requests
import yaml
from posko_central.agency import add_agency, revoke_agency
from posko_central.auth import ENROLMENT_TTL, add_device, enrol, hash_secret, revoke_device
from posko_central.errors import ApiError
from posko_central.models import Device as DeviceRow
from posko_central.ratelimit import AttemptLimiter, SlidingWindow
from sqlalchemy import select

from posko.store import officers
from posko.store.database import Store
from posko.store.officers import SignInFailed, create_officer, sign_in
from tests.reliability.server_routes import (
    AUTHENTICATED,
    ROUTES,
    app_routes,
    assert_error_shape,
    documented_routes,
    is_agency,
    is_open311,
    route_id,
)
from tests.sync_client.conftest import Central, enrol_device

TIMEOUT = 10
CONTRACT = Path(__file__).resolve().parents[2] / "sync" / "openapi.yaml"


def sample_request(method: str, path: str) -> dict[str, Any]:
    """A well-formed request for each authenticated endpoint (credentials added by the
    caller). A new endpoint needs an entry here: the tests below fail until it has one."""
    content = b"photo"
    sha = hashlib.sha256(content).hexdigest()
    ticket_uuid = str(uuid.uuid4())
    note = {"uuid": str(uuid.uuid4()), "ticket_uuid": ticket_uuid,
            "at": datetime.now(UTC).isoformat(), "officer": "budi", "text": "hai"}
    samples: dict[tuple[str, str], dict[str, Any]] = {
        ("POST", "/v1/changes"): {
            "url": "/v1/changes", "headers": {"Idempotency-Key": str(uuid.uuid4())},
            "json": {"changes": [{"id": str(uuid.uuid4()), "kind": "note.added",
                                  "entity_uuid": note["uuid"], "payload": note}]}},
        ("GET", "/v1/changes"): {"url": "/v1/changes", "params": {"limit": 5}},
        ("GET", "/v1/tickets"): {"url": "/v1/tickets", "params": {"q": "sampah"}},
        ("GET", "/v1/tickets/{ref}"): {"url": "/v1/tickets/QLUE 1234567"},
        ("PUT", "/v1/attachments/{sha256}"): {"url": f"/v1/attachments/{sha}",
                                              "data": content},
        ("GET", "/v1/attachments/{sha256}"): {"url": f"/v1/attachments/{sha}"},
        ("GET", "/open311/v2/requests.json"): {"url": "/open311/v2/requests.json"},
        ("POST", "/open311/v2/requests.json"): {
            "url": "/open311/v2/requests.json",
            "data": {"service_code": "sampah", "address_id": "31.75.04.1005",
                     "description": "Sampah menumpuk"}},
        ("GET", "/open311/v2/requests/{service_request_id}.json"): {
            "url": "/open311/v2/requests/ABCD-EFGH-JKLM.json"},
        ("GET", "/open311/v2/tokens/{token}.json"): {
            "url": f"/open311/v2/tokens/{ticket_uuid}.json"},
        ("GET", "/v1/agency/tickets"): {"url": "/v1/agency/tickets", "params": {"limit": 5}},
        ("GET", "/v1/agency/tickets/{ref}"): {"url": "/v1/agency/tickets/QLUE 1234567"},
    }
    assert (method, path) in samples, (
        f"{method} {path} is a new authenticated endpoint: add a well-formed sample request "
        "for it to tests/reliability/test_auth.py (and a probe to test_tenancy.py)")
    return samples[(method, path)]


def call(central: Central, method: str, path: str, *, headers: dict[str, str] | None = None,
         api_key: str | None = None) -> requests.Response:
    sample = sample_request(method, path)
    kwargs: dict[str, Any] = {k: v for k, v in sample.items() if k != "url"}
    kwargs["headers"] = {**sample.get("headers", {}), **(headers or {})}
    if api_key is not None:
        if method == "POST" and is_open311(path):
            kwargs["data"] = {**kwargs["data"], "api_key": api_key}
        else:
            kwargs["params"] = {**kwargs.get("params", {}), "api_key": api_key}
    return requests.request(method, central.url + sample["url"], timeout=TIMEOUT, **kwargs)


def test_the_route_table_is_what_the_app_serves(central: Central) -> None:
    assert app_routes(central.app) == ROUTES
    assert documented_routes(central.app) == ROUTES
    assert len(AUTHENTICATED) >= 10


@pytest.mark.parametrize("route", AUTHENTICATED, ids=route_id)
def test_a_valid_token_gets_past_authentication(central: Central,
                                                route: tuple[str, str]) -> None:
    """The probe requests are well-formed: with a real token they are not refused (so the
    refusals below are about the credentials, nothing else)."""
    device = enrol_device(central)
    token = device.token
    if is_agency(route[1]):  # agency routes take an agency's token (and refuse a device's)
        token = add_agency(central.db, "Dinas Lingkungan Hidup", ["31.75.04"])[1]
    answer = call(central, *route, headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code not in (401, 403, 422, 429), answer.text[:300]
    assert answer.status_code < 500


@pytest.mark.parametrize("route", AUTHENTICATED, ids=route_id)
def test_bad_credentials_are_refused_everywhere(central: Central,
                                                route: tuple[str, str]) -> None:
    method, path = route
    device = enrol_device(central, desk=1)
    revoked = enrol_device(central, desk=2)
    revoke_device(central.db, central.devices[-1])
    unused_code = central.add_device(desk=3)
    agency_token = add_agency(central.db, "Dinas Lingkungan Hidup", ["31.75.04"])[1]
    gone, gone_token = add_agency(central.db, "Dinas Bina Marga", ["31.75.04"])
    revoke_agency(central.db, gone.public_id)
    # The valid and the revoked token of the route's kind; the other kind's valid token is
    # refused like any unknown one (a device token on agency routes and the reverse).
    agency = is_agency(path)
    valid, revoked_token, other_kind = (
        (agency_token, gone_token, device.token) if agency
        else (device.token, revoked.token, agency_token))
    open311 = is_open311(path)
    expected = 403 if open311 else 401
    variants: dict[str, dict[str, str]] = {
        "missing": {},
        "empty bearer": {"Authorization": "Bearer "},
        "scheme only": {"Authorization": "Bearer"},
        "basic": {"Authorization": "Basic dXNlcjpwYXNz"},
        "no scheme": {"Authorization": valid},
        "two words": {"Authorization": f"Bearer {valid} extra"},
        "garbage": {"Authorization": "Bearer pkc_" + secrets.token_urlsafe(32)},
        "sql": {"Authorization": "Bearer ' OR '1'='1' --"},
        "non-ascii": {"Authorization": "Bearer \xff\xfe\xe9"},
        "huge": {"Authorization": "Bearer " + "a" * 6000},
        "stored hash": {"Authorization": f"Bearer {hash_secret(valid)}"},
        "truncated": {"Authorization": f"Bearer {valid[:-1]}"},
        "enrolment code": {"Authorization": f"Bearer {unused_code}"},
        "revoked": {"Authorization": f"Bearer {revoked_token}"},
        "other kind": {"Authorization": f"Bearer {other_kind}"},
    }
    for name, headers in variants.items():
        answer = call(central, method, path, headers=headers)
        body = assert_error_shape(answer, expected)
        text = answer.text
        for token in (valid, revoked_token, other_kind):
            assert token not in text, name
        if not open311:
            assert answer.headers["www-authenticate"].startswith("Bearer"), name
            assert body["code"] in ("missing_token", "invalid_token", "device_revoked",
                                    "agency_revoked"), name
            if name == "revoked":
                assert body["code"] == ("agency_revoked" if agency else "device_revoked")
    if open311:
        for name, key in {"garbage": "pkc_" + secrets.token_urlsafe(32), "empty": "",
                          "revoked": revoked.token, "code": unused_code,
                          "agency": agency_token, "sql": "' OR 1=1 --"}.items():
            answer = call(central, method, path, api_key=key)
            assert_error_shape(answer, 403)
            assert revoked.token not in answer.text, name
        # a valid Bearer does not rescue a wrong api_key (the api_key is what is checked)
        answer = call(central, method, path, api_key="pkc_wrong",
                      headers={"Authorization": f"Bearer {device.token}"})
        assert_error_shape(answer, 403)
    else:
        # Open311's api_key means nothing on /v1
        assert_error_shape(call(central, method, path, api_key=valid), 401)


def test_tokens_do_not_expire_but_revocation_is_immediate(central: Central) -> None:
    device = enrol_device(central)
    headers = {"Authorization": f"Bearer {device.token}"}
    assert requests.get(central.url + "/v1/changes", headers=headers,
                        timeout=TIMEOUT).status_code == 200
    with central.db.write() as session:  # a device enrolled long ago still works
        row = session.scalar(select(DeviceRow).where(DeviceRow.public_id == central.devices[-1]))
        assert row is not None
        row.enrolled_at = datetime.now(UTC) - timedelta(days=3650)
    assert requests.get(central.url + "/v1/changes", headers=headers,
                        timeout=TIMEOUT).status_code == 200
    revoke_device(central.db, central.devices[-1])
    answer = requests.get(central.url + "/v1/changes", headers=headers, timeout=TIMEOUT)
    assert assert_error_shape(answer, 401)["code"] == "device_revoked"


# ------------------------------------------------------------------------------ enrolment


def _enrol(central: Central, code: str) -> requests.Response:
    return requests.post(central.url + "/v1/enrolments", json={"code": code}, timeout=TIMEOUT)


def test_enrolment_code_is_single_use(central: Central) -> None:
    code = central.add_device()
    assert _enrol(central, code).status_code == 201
    for spelling in (code, code.lower(), code.replace("-", " ")):
        body = assert_error_shape(_enrol(central, spelling), 400)
        assert body["code"] == "enrolment_code_invalid"


def test_enrolment_codes_expire_after_24_hours(central: Central) -> None:
    assert timedelta(hours=24) == ENROLMENT_TTL
    start = datetime(2026, 11, 28, 8, 0, tzinfo=UTC)
    _, early = add_device(central.db, "31.75.04", "Meja 1", now=start)
    _, late = add_device(central.db, "31.75.04", "Meja 2", now=start)
    token, _ = enrol(central.db, early, now=start + ENROLMENT_TTL - timedelta(seconds=1))
    assert token.startswith("pkc_")
    with pytest.raises(ApiError) as expired:
        enrol(central.db, late, now=start + ENROLMENT_TTL + timedelta(seconds=1))
    assert expired.value.code == "enrolment_code_expired"
    with pytest.raises(ApiError) as dead:  # and it stays dead
        enrol(central.db, late, now=start)
    assert dead.value.code == "enrolment_code_invalid"


def test_an_expired_code_is_refused_over_http(central: Central) -> None:
    code = central.add_device()
    with central.db.write() as session:  # the row's expiry in the past
        row = session.scalar(select(DeviceRow).where(DeviceRow.public_id == central.devices[-1]))
        assert row is not None
        assert row.enrolment_expires_at is not None
        row.enrolment_expires_at = datetime.now(UTC) - timedelta(seconds=1)
    assert assert_error_shape(_enrol(central, code), 400)["code"] == "enrolment_code_expired"
    assert assert_error_shape(_enrol(central, code), 400)["code"] == "enrolment_code_invalid"
    with central.db.read() as session:
        row = session.scalar(select(DeviceRow).where(DeviceRow.public_id == central.devices[-1]))
        assert row is not None
        assert row.token_hash is None


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_guessing_enrolment_codes_is_braked_per_address(central: Central) -> None:
    clock = FakeClock()
    limiter: AttemptLimiter = central.app.state.enrolment_limiter
    limiter.set_clock(clock)
    right = central.add_device()
    allowed = limiter.per_address.limit
    assert allowed == 10
    for _ in range(allowed):
        guess = "-".join(secrets.token_hex(2).upper() for _ in range(3))
        assert assert_error_shape(_enrol(central, guess), 400)["code"] in (
            "enrolment_code_invalid",)
    blocked = _enrol(central, "AAAA-BBBB-CCCC")
    body = assert_error_shape(blocked, 429)
    assert body["code"] == "too_many_attempts"
    assert blocked.headers["retry-after"] == "900"
    # While blocked even the right code is refused, before it is looked at: nothing learnt,
    # and the code is not used up.
    assert assert_error_shape(_enrol(central, right), 429)["code"] == "too_many_attempts"
    clock.now += 899.5
    late = _enrol(central, right)
    assert_error_shape(late, 429)
    assert late.headers["retry-after"] == "1"
    clock.now += 1
    assert _enrol(central, right).status_code == 201


def test_guessing_is_braked_for_the_whole_server(central: Central) -> None:
    clock = FakeClock()
    limiter = AttemptLimiter.create(per_address=1000, overall=3, window=60, clock=clock)
    central.app.state.enrolment_limiter = limiter
    for _ in range(3):
        assert_error_shape(_enrol(central, "AAAA-BBBB-CCCC"), 400)
    assert assert_error_shape(_enrol(central, "AAAA-BBBB-CCCC"), 429)["code"] == (
        "too_many_attempts")
    with pytest.raises(ApiError) as other_address:  # any address now
        limiter.check("203.0.113.7")
    assert other_address.value.status == 429
    clock.now += 61
    limiter.check("203.0.113.7")


def test_successful_enrolments_are_not_counted(central: Central) -> None:
    for desk in range(1, 13):
        assert _enrol(central, central.add_device(desk=desk)).status_code == 201


def test_the_brake_keeps_its_memory_bounded() -> None:
    clock = FakeClock()
    window = SlidingWindow(3, 60, clock=clock, max_keys=100)
    for number in range(10_000):
        window.hit(f"10.{number // 65536}.{number // 256 % 256}.{number % 256}")
    assert len(window) <= 100
    for _ in range(50):
        window.hit("198.51.100.1")
    assert window.retry_after("198.51.100.1") == 60
    clock.now += 61
    assert window.retry_after("198.51.100.1") is None
    assert len(window) <= 100


def test_the_brake_is_in_the_contract() -> None:
    contract = yaml.safe_load(CONTRACT.read_text(encoding="utf-8"))
    answer = contract["paths"]["/v1/enrolments"]["post"]["responses"]["429"]
    assert "Retry-After" in answer["headers"]
    assert answer["content"]["application/json"]["schema"]["$ref"].endswith("/Error")


# ------------------------------------------------------------------------------ desk PINs


def test_pin_lockout_survives_closing_and_reopening_the_store(store: Store,
                                                              db_path: Path) -> None:
    create_officer(store, username="siti", full_name="Siti", pin="482915")
    start = datetime(2026, 11, 28, 8, 0, tzinfo=UTC)
    for _ in range(officers.MAX_FAILED_ATTEMPTS):
        with pytest.raises(SignInFailed):
            sign_in(store, "siti", "000000", now=start)
    store.close()
    reopened = Store.open(db_path)
    try:
        with pytest.raises(SignInFailed) as locked:
            sign_in(reopened, "siti", "482915", now=start + timedelta(minutes=1))
        assert "menit" in locked.value.message_id
        assert "minutes" in locked.value.message_en
        assert sign_in(reopened, "siti", "482915",
                       now=start + officers.LOCKOUT).full_name == "Siti"
    finally:
        reopened.close()


def test_pin_failures_before_the_lockout_also_survive_a_restart(
        store: Store, db_path: Path) -> None:
    create_officer(store, username="budi", full_name="Budi", pin="482915")
    start = datetime(2026, 11, 28, 8, 0, tzinfo=UTC)
    for _ in range(officers.MAX_FAILED_ATTEMPTS - 1):
        with pytest.raises(SignInFailed):
            sign_in(store, "budi", "000000", now=start)
    store.close()
    reopened = Store.open(db_path)
    try:
        with pytest.raises(SignInFailed):  # the fifth wrong PIN, after the restart
            sign_in(reopened, "budi", "000000", now=start)
        with pytest.raises(SignInFailed) as locked:
            sign_in(reopened, "budi", "482915", now=start)
        assert "menit" in locked.value.message_id
    finally:
        reopened.close()


def test_unknown_officer_and_wrong_pin_get_the_same_answer(store: Store) -> None:
    create_officer(store, username="budi", full_name="Budi Santoso", pin="482915")
    with pytest.raises(SignInFailed) as wrong_pin:
        sign_in(store, "budi", "000000")
    with pytest.raises(SignInFailed) as unknown:
        sign_in(store, "nobody", "482915")
    first, second = wrong_pin.value, unknown.value
    assert (first.code, first.message_id, first.message_en, first.field) == (
        second.code, second.message_id, second.message_en, second.field)
    assert "budi" not in first.message_en.lower()
    assert "nobody" not in second.message_en.lower()
