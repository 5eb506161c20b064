"""Secrets go to the keyring or nowhere."""

from __future__ import annotations

from pathlib import Path

import keyring
import keyring.backends.fail
import pytest

from posko.secrets import (
    KeyringSecrets,
    MemorySecrets,
    SecretMissing,
    SecretsUnavailable,
    load_or_create_key,
    use_demo_file_keyring,
)


def test_keyring_round_trip(memory_keyring) -> None:  # type: ignore[no-untyped-def]
    secrets = KeyringSecrets()
    secrets.set("device-token", "abc")
    assert memory_keyring.passwords[("posko", "device-token")] == "abc"
    assert secrets.get("device-token") == "abc"
    secrets.delete("device-token")
    secrets.delete("device-token")  # deleting twice is fine
    assert secrets.get("device-token") is None


def test_no_backend_refuses_with_instructions() -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())
    secrets = KeyringSecrets()
    for action in (lambda: secrets.get("x"), lambda: secrets.set("x", "y")):
        with pytest.raises(SecretsUnavailable) as caught:
            action()
        assert "gnome-keyring" in caught.value.message_id
        assert "--demo" in caught.value.message_en


def test_key_is_created_once_and_reused() -> None:
    secrets = MemorySecrets()
    first = load_or_create_key(secrets, "k", create=True)
    assert len(first) == 32
    assert load_or_create_key(secrets, "k", create=False) == first
    with pytest.raises(SecretMissing):
        load_or_create_key(secrets, "other", create=False)


def test_demo_file_keyring_is_explicit_and_where_asked(tmp_path: Path) -> None:
    path = tmp_path / "demo" / "keys.cfg"
    use_demo_file_keyring(path)
    KeyringSecrets().set("nik-key/demo", "value")
    assert path.exists()
    assert "[posko]" in path.read_text()
    assert KeyringSecrets().get("nik-key/demo") == "value"
