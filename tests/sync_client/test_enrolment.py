"""Enrolment: the device token lives in the keyring only; no keyring -> a clear refusal."""

from __future__ import annotations

from pathlib import Path

import keyring.backends.fail
import pytest

from posko.secrets import NO_BACKEND_EN, KeyringSecrets, SecretsUnavailable
from posko.store.database import Store
from posko.store.desk import desk_identity
from posko.sync import EnrolmentMismatch, NotEnrolled, RequestRefused, SyncEngine, enrol
from posko.sync.enrolment import META_DEVICE_ID, META_SERVER_URL, token_name
from tests.conftest import MemoryKeyring
from tests.sync_client.conftest import Central


def _db_bytes(path: Path) -> bytes:
    data = b""
    for suffix in ("", "-wal", "-shm"):
        candidate = Path(str(path) + suffix)
        if candidate.exists():
            data += candidate.read_bytes()
    return data


def test_token_goes_to_the_keyring_only(store: Store, secrets: KeyringSecrets,
                                        central: Central,
                                        memory_keyring: MemoryKeyring) -> None:
    result = enrol(store, secrets, central.url + "/", central.add_device())
    installation = desk_identity(store).installation_id
    assert memory_keyring.passwords[("posko", token_name(installation))] == result.token
    assert store.get_meta(META_SERVER_URL) == central.url
    assert store.get_meta(META_DEVICE_ID) == result.device_id
    assert result.token.encode() not in _db_bytes(store.path)
    # And the engine can use it right away.
    report = SyncEngine(store, secrets, sleep=lambda _s: None).run_once()
    assert report.error is None
    assert report.online


def test_no_keyring_backend_refuses_and_keeps_the_code_valid(store: Store, central: Central,
                                                              secrets: KeyringSecrets) -> None:
    code = central.add_device()
    broken = KeyringSecrets(backend=keyring.backends.fail.Keyring())
    with pytest.raises(SecretsUnavailable) as caught:
        enrol(store, broken, central.url, code)
    assert caught.value.message_en == NO_BACKEND_EN
    assert store.get_meta(META_SERVER_URL) is None
    enrol(store, secrets, central.url, code)  # the one-time code was not spent


def test_device_of_another_desk_number_is_refused(store: Store, secrets: KeyringSecrets,
                                                  central: Central) -> None:
    with pytest.raises(EnrolmentMismatch):
        enrol(store, secrets, central.url, central.add_device(desk=7))
    assert store.get_meta(META_SERVER_URL) is None
    report = SyncEngine(store, secrets).run_once()
    assert report.error == NotEnrolled.code


def test_wrong_code_is_a_refusal_without_the_code_in_the_text(store: Store,
                                                             secrets: KeyringSecrets,
                                                             central: Central) -> None:
    with pytest.raises(RequestRefused) as caught:
        enrol(store, secrets, central.url, "WRONG-CODE-1234")
    assert caught.value.status in (400, 404, 422)
    assert "WRONG-CODE" not in str(caught.value)
