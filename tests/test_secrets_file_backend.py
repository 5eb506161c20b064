"""keyring picks keyrings.alt's plaintext file by itself where no Secret Service runs and the
package is installed (every dev venv): Posko must refuse that unless someone chose it."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from keyrings.alt.file import PlaintextKeyring

import posko.secrets
from posko.secrets import KeyringSecrets, SecretsUnavailable


@pytest.fixture
def keyring_config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """keyring's own config lives here (empty unless a test writes keyringrc.cfg)."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    monkeypatch.setattr(posko.secrets, "_demo_backend", None)
    return tmp_path / "config" / "python_keyring"


def plaintext_at(path: Path) -> PlaintextKeyring:
    backend = PlaintextKeyring()
    backend.file_path = str(path)
    return backend


def test_plaintext_file_picked_by_keyring_itself_is_refused(
        keyring_config_home: Path, tmp_path: Path) -> None:
    store = tmp_path / "keyring_pass.cfg"
    keyring.set_keyring(plaintext_at(store))  # what keyring's auto-detection ends up with
    with pytest.raises(SecretsUnavailable) as caught:
        KeyringSecrets().set("nik-key/x", "secret-key-material")
    assert "keyring" in caught.value.message_en
    assert not store.exists() or b"secret-key-material" not in store.read_bytes()


def test_plaintext_file_chosen_through_the_environment_is_accepted(
        keyring_config_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    keyring.set_keyring(plaintext_at(tmp_path / "keyring_pass.cfg"))
    secrets = KeyringSecrets()
    secrets.set("device-token", "abc")
    assert secrets.get("device-token") == "abc"


def test_plaintext_file_chosen_in_keyringrc_is_accepted(
        keyring_config_home: Path, tmp_path: Path) -> None:
    keyring_config_home.mkdir(parents=True)
    (keyring_config_home / "keyringrc.cfg").write_text(
        "[backend]\ndefault-keyring=keyrings.alt.file.PlaintextKeyring\n", encoding="utf-8")
    keyring.set_keyring(plaintext_at(tmp_path / "keyring_pass.cfg"))
    secrets = KeyringSecrets()
    secrets.set("device-token", "abc")
    assert secrets.get("device-token") == "abc"


def test_demo_profile_choice_is_accepted(keyring_config_home: Path, tmp_path: Path) -> None:
    posko.secrets.use_demo_file_keyring(tmp_path / "demo" / "keyring.cfg")
    secrets = KeyringSecrets()
    secrets.set("device-token", "abc")
    assert secrets.get("device-token") == "abc"


def test_plaintext_file_handed_to_keyring_secrets_is_the_callers_choice(
        keyring_config_home: Path, tmp_path: Path) -> None:
    secrets = KeyringSecrets(plaintext_at(tmp_path / "keyring_pass.cfg"))
    secrets.set("device-token", "abc")
    assert secrets.get("device-token") == "abc"
