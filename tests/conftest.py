"""Shared fixtures: every test gets its own data dir, an in-memory keyring and a temp DB."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backend
import pytest

from posko.secrets import KeyringSecrets
from posko.store.crypto import NikCipher
from posko.store.database import Store
from posko.store.desk import initialise_desk, nik_cipher

# Qt tests are headless, also when pytest is run directly rather than through scripts/dev.py
# (pytest-qt creates the QApplication after conftest is imported).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# No test may leave personal data in logs, exception texts or crash files.
pytest_plugins = ("tests.pii_guard", "pytester")

TEST_KECAMATAN = "31.75.04"


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A real keyring backend that keeps passwords in a dict (Vorta's ram keyring idea)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.passwords.pop((service, username), None)


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Nothing a test does may touch the real user data dir."""
    data_dir = tmp_path / "posko-data"
    monkeypatch.setenv("POSKO_DATA_DIR", str(data_dir))
    monkeypatch.delenv("POSKO_DB", raising=False)
    monkeypatch.delenv("POSKO_LANG", raising=False)
    return data_dir


@pytest.fixture
def secrets() -> KeyringSecrets:
    return KeyringSecrets()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "desk.sqlite3"


@pytest.fixture
def store(db_path: Path, secrets: KeyringSecrets) -> Iterator[Store]:
    """A migrated, initialised desk DB (kecamatan 31.75.04, desk 1)."""
    opened = Store.open(db_path)
    initialise_desk(opened, secrets, kecamatan_code=TEST_KECAMATAN, desk_number=1)
    yield opened
    opened.close()


@pytest.fixture
def cipher(store: Store, secrets: KeyringSecrets) -> NikCipher:
    return nik_cipher(store, secrets)


SAMPLE_NIK = "3175046708800003"  # 27-08-1980, female (+40), serial 0003
SAMPLE_PHONE = "+6281234567890"
SAMPLE_NAME = "Siti Aminah"


@pytest.fixture
def intake(store: Store, cipher: NikCipher):  # type: ignore[no-untyped-def]
    """Save one walk-in complaint; keyword arguments override the sample values."""
    from posko.domain.models import ExternalRef, Location, Origin, Reporter
    from posko.store.tickets import record_intake

    def save(**overrides):  # type: ignore[no-untyped-def]
        values = {
            "origin": Origin.DESK,
            "category": "sampah",
            "location": Location("31.75.04.1005", rw=5, rt=3, address="Jl. Raya Bogor No. 12"),
            "description": "Sampah menumpuk di pinggir jalan sudah tiga hari",
            "reporter": Reporter(name=SAMPLE_NAME, phone=SAMPLE_PHONE, nik=SAMPLE_NIK),
            "consent": True,
            "officer": "budi",
            "external_refs": (),
        }
        values.update(overrides)
        refs = values.pop("external_refs")
        return record_intake(store, cipher, external_refs=tuple(
            r if isinstance(r, ExternalRef) else ExternalRef.parse(r) for r in refs), **values)

    return save
