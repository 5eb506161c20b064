"""Enrolment is safely repeatable (issue 8: found by the network-fault harness).

Before: the server used the one-time code and issued a token, the answer was lost on the
network, the desk asked again and heard "code unknown or already used"; an administrator had
to revoke the device and issue a new code. Now the desk sends a random nonce with the code
and repeats the exchange with the same code and nonce; the server answers a repeat like the
first exchange with a fresh token (the earlier one ends), until the code expires. A used
code with any other nonce, or none, is refused as before, and counts against the brake.
"""

from __future__ import annotations

import hashlib
import random
import secrets as random_secrets
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import requests
from posko_central.auth import ENROLMENT_TTL, add_device, enrol, revoke_device
from posko_central.errors import ApiError
from posko_central.models import AuditRow
from posko_central.models import Device as DeviceRow
from posko_central.ratelimit import AttemptLimiter
from sqlalchemy import select

from posko.secrets import KeyringSecrets
from posko.store.database import Store
from posko.store.desk import desk_identity
from posko.sync import Offline, RequestRefused, ServerBusy, SyncClient, SyncEngine
from posko.sync import enrol as desk_enrol
from posko.sync.enrolment import ENROL_MAX_WAIT, nonce_name, token_name
from tests.conftest import MemoryKeyring
from tests.reliability.fault_proxy import Fault, FaultProxy, ScriptedPlan
from tests.reliability.server_routes import assert_error_shape
from tests.sync_client.conftest import Central

TIMEOUT = 10


def _nonce() -> str:
    return random_secrets.token_urlsafe(32)


def _post(central: Central, code: str, nonce: str | None = None) -> requests.Response:
    body: dict[str, Any] = {"code": code}
    if nonce is not None:
        body["nonce"] = nonce
    return requests.post(central.url + "/v1/enrolments", json=body, timeout=TIMEOUT)


def _changes(central: Central, token: str) -> requests.Response:
    return requests.get(central.url + "/v1/changes", timeout=TIMEOUT,
                        headers={"Authorization": f"Bearer {token}"})


def _device_row(central: Central) -> DeviceRow:
    with central.db.read() as session:
        row = session.scalar(select(DeviceRow).where(DeviceRow.public_id == central.devices[-1]))
    assert row is not None
    return row


def _audit(central: Central) -> list[str]:
    with central.db.read() as session:
        return list(session.scalars(select(AuditRow.action).order_by(AuditRow.id)))


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


# ------------------------------------------------------------------------------ server


def test_a_repeat_with_the_same_nonce_issues_a_fresh_token(central: Central) -> None:
    code = central.add_device(desk=4)
    nonce = _nonce()
    first = _post(central, code, nonce)
    assert first.status_code == 201, first.text
    tokens = [first.json()["token"]]
    for spelling in (code, code.lower(), code.replace("-", " ")):
        again = _post(central, spelling, nonce)
        assert again.status_code == 201, again.text
        body = again.json()
        # answered exactly like the first time, with a new token
        assert {k: v for k, v in body.items() if k != "token"} == {
            k: v for k, v in first.json().items() if k != "token"}
        assert body["desk_number"] == 4
        assert body["token"] not in tokens
        tokens.append(body["token"])
    assert _changes(central, tokens[-1]).status_code == 200
    for old in tokens[:-1]:  # each repeat ended the token before it
        assert assert_error_shape(_changes(central, old), 401)["code"] == "invalid_token"
    assert _audit(central)[-4:] == ["device.enrol"] + ["device.enrol_repeat"] * 3


def test_a_used_code_with_another_nonce_or_none_stays_refused(central: Central) -> None:
    code = central.add_device()
    nonce = _nonce()
    token = _post(central, code, nonce).json()["token"]
    for other in (_nonce(), None, nonce[:-1] + ("A" if nonce[-1] != "A" else "B")):
        body = assert_error_shape(_post(central, code, other), 400)
        assert body["code"] == "enrolment_code_invalid"
        assert body["field"] == "code"
    assert _changes(central, token).status_code == 200  # the desk's token is untouched
    assert "device.enrol_repeat" not in _audit(central)


def test_a_code_used_without_a_nonce_cannot_be_repeated(central: Central) -> None:
    code = central.add_device()
    assert _post(central, code).status_code == 201
    assert assert_error_shape(_post(central, code, _nonce()), 400)["code"] == (
        "enrolment_code_invalid")
    row = _device_row(central)
    assert (row.enrolment_code_hash, row.enrolment_nonce_hash) == (None, None)


def test_only_hashes_are_stored(central: Central, tmp_path: Path) -> None:
    code = central.add_device()
    nonce = _nonce()
    token = _post(central, code, nonce).json()["token"]
    row = _device_row(central)
    assert row.enrolment_nonce_hash == hashlib.sha256(nonce.encode()).hexdigest()
    data = b"".join(path.read_bytes() for path in tmp_path.glob("central.sqlite3*"))
    for secret in (nonce, token, code, code.replace("-", "")):
        assert secret.encode() not in data


def test_a_repeat_is_allowed_until_the_code_expires_and_never_after(central: Central) -> None:
    start = datetime(2026, 11, 28, 8, 0, tzinfo=UTC)
    info, code = add_device(central.db, "31.75.04", "Meja 1", now=start)
    nonce = _nonce()
    first, device = enrol(central.db, code, nonce, now=start + timedelta(hours=1))
    last, again = enrol(central.db, code, nonce,
                        now=start + ENROLMENT_TTL - timedelta(seconds=1))
    assert again.public_id == device.public_id == info.public_id
    assert last != first
    with pytest.raises(ApiError) as late:
        enrol(central.db, code, nonce, now=start + ENROLMENT_TTL + timedelta(seconds=1))
    assert late.value.code == "enrolment_code_invalid"
    with pytest.raises(ApiError) as forgotten:  # the code and nonce are gone for good
        enrol(central.db, code, nonce, now=start + timedelta(hours=2))
    assert forgotten.value.code == "enrolment_code_invalid"
    with central.db.read() as session:
        row = session.scalar(select(DeviceRow).where(DeviceRow.public_id == info.public_id))
        assert row is not None
        assert (row.enrolment_code_hash, row.enrolment_nonce_hash) == (None, None)
    # the last token issued still works (device tokens do not expire)
    assert _changes(central, last).status_code == 200


def test_used_codes_are_forgotten_once_expired_by_any_later_enrolment(
        central: Central) -> None:
    start = datetime(2026, 11, 28, 8, 0, tzinfo=UTC)
    info, code = add_device(central.db, "31.75.04", "Meja 1", now=start)
    enrol(central.db, code, _nonce(), now=start)
    _, other = add_device(central.db, "31.75.04", "Meja 2", now=start + ENROLMENT_TTL)
    enrol(central.db, other, now=start + ENROLMENT_TTL + timedelta(minutes=1))
    with central.db.read() as session:
        row = session.scalar(select(DeviceRow).where(DeviceRow.public_id == info.public_id))
        assert row is not None
        assert (row.enrolment_code_hash, row.enrolment_nonce_hash) == (None, None)


def test_no_repeat_after_revocation(central: Central) -> None:
    code = central.add_device()
    nonce = _nonce()
    assert _post(central, code, nonce).status_code == 201
    revoke_device(central.db, central.devices[-1])
    assert assert_error_shape(_post(central, code, nonce), 400)["code"] == (
        "enrolment_code_invalid")


def test_repeats_are_not_counted_by_the_brake_but_wrong_nonces_are(central: Central) -> None:
    clock = FakeClock()
    limiter: AttemptLimiter = central.app.state.enrolment_limiter
    limiter.set_clock(clock)
    allowed = limiter.per_address.limit
    code = central.add_device()
    nonce = _nonce()
    for _ in range(allowed + 5):
        assert _post(central, code, nonce).status_code == 201
    assert limiter.per_address.retry_after("127.0.0.1") is None
    for _ in range(allowed):
        assert_error_shape(_post(central, code, _nonce()), 400)
    assert assert_error_shape(_post(central, code, nonce), 429)["code"] == "too_many_attempts"


@pytest.mark.parametrize("nonce", ["", "short", "x" * 129, "a b" * 10, "ä" * 30, 12345])
def test_a_malformed_nonce_is_422(central: Central, nonce: Any) -> None:
    code = central.add_device()
    answer = requests.post(central.url + "/v1/enrolments", json={"code": code, "nonce": nonce},
                           timeout=TIMEOUT)
    assert assert_error_shape(answer, 422)["field"] == "nonce"
    assert _post(central, code, _nonce()).status_code == 201  # the code was not spent


# ------------------------------------------------------------------------------ desk


@pytest.fixture
def proxy(central: Central) -> Iterator[FaultProxy]:
    with FaultProxy(("127.0.0.1", central.port), max_stall=10) as running:
        yield running


def _kept(memory_keyring: MemoryKeyring, store: Store, kind: str) -> str | None:
    installation = desk_identity(store).installation_id
    name = token_name(installation) if kind == "token" else nonce_name(installation)
    return memory_keyring.passwords.get(("posko", name))


LOST_ANSWERS = {
    "replaced_by_502": Fault("replace_status", status=502),
    "replaced_by_503_retry_after": Fault("replace_status", status=503, retry_after="2"),
    "reset_after_forward": Fault("reset", forward=True),
    "dropped_mid_answer": Fault("drop_response", after_bytes=40),
    "truncated": Fault("truncate", fraction=0.5),
    "captive_portal": Fault("garbage"),
}


@pytest.mark.parametrize("fault", LOST_ANSWERS.values(), ids=LOST_ANSWERS.keys())
def test_the_desk_retries_a_lost_enrolment_answer_and_ends_enrolled(
        store: Store, secrets: KeyringSecrets, central: Central, proxy: FaultProxy,
        memory_keyring: MemoryKeyring, fault: Fault) -> None:
    code = central.add_device()
    proxy.plan = ScriptedPlan([fault])
    waits: list[float] = []
    result = desk_enrol(store, secrets, proxy.url, code, sleep=waits.append,
                        rng=random.Random(1))
    assert [label for _, label in proxy.log] == [fault.label, "pass"]
    assert len(waits) == 1
    if fault.retry_after:
        assert waits[0] == 2.0
    applied = fault.kind != "garbage"  # a captive portal answered instead of the server
    assert _audit(central)[-2:] == (["device.enrol", "device.enrol_repeat"] if applied
                                    else ["device.add", "device.enrol"])
    assert _kept(memory_keyring, store, "token") == result.token
    assert _kept(memory_keyring, store, "nonce") is None  # answered: nothing kept
    assert _changes(central, result.token).status_code == 200
    report = SyncEngine(store, secrets, sleep=lambda _s: None).run_once()
    assert (report.error, report.online) == (None, True)


def test_when_every_attempt_fails_a_later_enrol_with_the_same_code_succeeds(
        store: Store, secrets: KeyringSecrets, central: Central, proxy: FaultProxy,
        memory_keyring: MemoryKeyring) -> None:
    code = central.add_device()
    proxy.plan = ScriptedPlan([Fault("replace_status", status=503)] * 5)
    waits: list[float] = []
    with pytest.raises(ServerBusy):
        desk_enrol(store, secrets, proxy.url, code, sleep=waits.append, rng=random.Random(2))
    assert len(proxy.log) == 5  # bounded in count ...
    assert sum(waits) <= ENROL_MAX_WAIT  # ... and in time
    assert _kept(memory_keyring, store, "token") is None
    assert _kept(memory_keyring, store, "nonce") is not None  # kept for the next try
    assert _audit(central).count("device.enrol_repeat") == 4
    # The officer tries again once the network is back (same URL and code, other spelling)
    result = desk_enrol(store, secrets, proxy.url + "/", f" {code.lower()} ",
                        sleep=waits.append)
    assert _kept(memory_keyring, store, "token") == result.token
    assert _kept(memory_keyring, store, "nonce") is None
    assert SyncEngine(store, secrets, sleep=lambda _s: None).run_once().error is None


def test_the_desk_does_not_retry_a_refusal_or_the_brake(
        store: Store, secrets: KeyringSecrets, central: Central, proxy: FaultProxy,
        memory_keyring: MemoryKeyring) -> None:
    waits: list[float] = []
    with pytest.raises(RequestRefused) as refused:
        desk_enrol(store, secrets, proxy.url, "WRONG-CODE-1234", sleep=waits.append)
    assert refused.value.server_code == "enrolment_code_invalid"
    assert _kept(memory_keyring, store, "nonce") is None
    code = central.add_device()
    proxy.plan = ScriptedPlan([Fault("status", status=429, retry_after="900")])
    with pytest.raises(ServerBusy) as braked:
        desk_enrol(store, secrets, proxy.url, code, sleep=waits.append)
    assert braked.value.status == 429
    assert waits == []
    assert _kept(memory_keyring, store, "nonce") is not None  # kept for the next try
    assert len(proxy.log) == 2
    assert desk_enrol(store, secrets, proxy.url, code, sleep=waits.append).desk_number == 1


def test_an_unreachable_server_is_retried_a_bounded_number_of_times(
        store: Store, secrets: KeyringSecrets, central: Central) -> None:
    code = central.add_device()
    port = central.port
    central.stop()
    waits: list[float] = []
    client = SyncClient(f"http://127.0.0.1:{port}", timeout=(1.0, 1.0))
    with pytest.raises(Offline):
        desk_enrol(store, secrets, client.base_url, code, client=client, sleep=waits.append,
                   attempts=3)
    client.close()
    assert len(waits) == 2
    central.start()
    assert desk_enrol(store, secrets, central.url, code, sleep=waits.append).desk_number == 1


class NonceRefusingClient(SyncClient):
    """A server of the contract before the nonce: EnrolmentRequest forbids unknown fields."""

    def __init__(self, base_url: str) -> None:
        super().__init__(base_url)
        self.sent: list[str | None] = []

    def enrol(self, code: str, nonce: str | None = None) -> Any:
        self.sent.append(nonce)
        if nonce is not None:
            raise RequestRefused(422, "invalid_request")
        return super().enrol(code)


def test_a_server_without_nonces_still_enrols_the_desk(
        store: Store, secrets: KeyringSecrets, central: Central) -> None:
    client = NonceRefusingClient(central.url)
    result = desk_enrol(store, secrets, central.url, central.add_device(), client=client,
                        sleep=lambda _s: None)
    client.close()
    assert result.desk_number == 1
    assert len(client.sent) == 2
    assert client.sent[0] is not None
    assert client.sent[1] is None
