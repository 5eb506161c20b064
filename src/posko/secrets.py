"""The one door to secrets (the device token, the key that encrypts NIKs): the OS keyring.

Secrets never go to the DB or a settings file. Where no keyring backend exists (a headless
Linux box without Secret Service), `KeyringSecrets` refuses with a message saying how to fix
it; there is no silent plaintext fallback. The demo profile may *explicitly* choose a file
backend (`use_demo_file_keyring`), and says so when it does.
"""

from __future__ import annotations

import base64
import contextlib
import os
import secrets as token_source
from pathlib import Path
from typing import Protocol

import keyring
import keyring.backend
import keyring.core
import keyring.errors
from keyring.backends.chainer import ChainerBackend

from posko.domain.errors import PoskoError

SERVICE = "posko"


class SecretsUnavailable(PoskoError):
    code = "secrets_unavailable"


class SecretMissing(PoskoError):
    code = "secret_missing"


NO_BACKEND_ID = (
    "Tidak ada penyimpanan rahasia (keyring) di komputer ini, jadi Posko tidak dapat menyimpan "
    "kunci enkripsi NIK dengan aman. Di Linux, pasang dan jalankan GNOME Keyring atau KWallet "
    "(misalnya: apt install gnome-keyring), lalu masuk ulang. Di Windows dan macOS keyring "
    "sudah tersedia. Untuk data demo saja, jalankan dengan `posko --demo`."
)
NO_BACKEND_EN = (
    "No keyring backend is available on this computer, so Posko cannot keep the NIK "
    "encryption key safely. On Linux, install and start GNOME Keyring or KWallet (e.g. apt "
    "install gnome-keyring) and log in again. Windows and macOS have one built in. For demo "
    "data only, run with `posko --demo`."
)


class Secrets(Protocol):
    def get(self, name: str) -> str | None: ...
    def set(self, name: str, value: str) -> None: ...
    def delete(self, name: str) -> None: ...


def _priority_ok(backend: keyring.backend.KeyringBackend) -> bool:
    # keyring's fail.Keyring and null.Keyring have priority <= 0; a chainer with no usable
    # member has no backends.
    priority = getattr(type(backend), "priority", 0)
    try:
        return float(priority) > 0
    except (TypeError, ValueError):
        return False


def _is_file_backend(backend: keyring.backend.KeyringBackend) -> bool:
    """keyrings.alt keeps secrets in files (plaintext, or behind a typed password)."""
    return type(backend).__module__.startswith("keyrings.alt")


# The backend the demo profile chose on purpose (`use_demo_file_keyring`).
_demo_backend: keyring.backend.KeyringBackend | None = None


def _file_backend_chosen(backend: keyring.backend.KeyringBackend) -> bool:
    """A file backend counts only when someone chose it: the demo profile, or the admin
    through keyring's own settings (PYTHON_KEYRING_BACKEND or keyringrc.cfg)."""
    if backend is _demo_backend or os.environ.get("PYTHON_KEYRING_BACKEND"):
        return True
    try:
        configured = keyring.core.load_config()
    except Exception:  # a broken keyringrc.cfg is not a choice
        return False
    return configured is not None and type(configured) is type(backend)


def _usable_backend(backend: keyring.backend.KeyringBackend, *,
                    passed_in: bool = False) -> keyring.backend.KeyringBackend | None:
    """The backend to use, or None. keyring picks keyrings.alt's plaintext file by itself on
    a Linux box without Secret Service whenever that package is installed (every dev and
    test venv): that silent plaintext fallback is refused here. A backend handed to
    `KeyringSecrets` by the caller was chosen by that caller."""
    if isinstance(backend, ChainerBackend):
        for member in backend.backends:
            chosen = _usable_backend(member)
            if chosen is not None:
                return chosen
        return None
    if not _priority_ok(backend):
        return None
    if _is_file_backend(backend) and not (passed_in or _file_backend_chosen(backend)):
        return None
    return backend


class KeyringSecrets:
    """Secrets in the OS keyring, under service "posko"."""

    def __init__(self, backend: keyring.backend.KeyringBackend | None = None) -> None:
        self._backend = backend

    def _keyring(self) -> keyring.backend.KeyringBackend:
        backend = _usable_backend(self._backend or keyring.get_keyring(),
                                  passed_in=self._backend is not None)
        if backend is None:
            raise SecretsUnavailable(NO_BACKEND_ID, NO_BACKEND_EN)
        return backend

    def get(self, name: str) -> str | None:
        try:
            value = self._keyring().get_password(SERVICE, name)
        except keyring.errors.KeyringError as exc:
            raise SecretsUnavailable(NO_BACKEND_ID, NO_BACKEND_EN) from exc
        return value if value is None else str(value)

    def set(self, name: str, value: str) -> None:
        try:
            self._keyring().set_password(SERVICE, name, value)
        except keyring.errors.KeyringError as exc:
            raise SecretsUnavailable(NO_BACKEND_ID, NO_BACKEND_EN) from exc

    def delete(self, name: str) -> None:
        with contextlib.suppress(keyring.errors.PasswordDeleteError):
            self._keyring().delete_password(SERVICE, name)


class MemorySecrets:
    """In-memory secrets for tests."""

    def __init__(self) -> None:
        self._values: dict[str, str] = {}

    def get(self, name: str) -> str | None:
        return self._values.get(name)

    def set(self, name: str, value: str) -> None:
        self._values[name] = value

    def delete(self, name: str) -> None:
        self._values.pop(name, None)


DEMO_NOTICE = (
    "PERHATIAN: mode demo menyimpan kunci di berkas teks biasa {path} (hanya untuk data demo).\n"
    "NOTICE: demo mode keeps keys in a plain file {path} (demo data only)."
)


def use_demo_file_keyring(path: Path) -> keyring.backend.KeyringBackend:
    """Select keyrings.alt's plaintext file backend at `path` for this process (demo only)."""
    try:
        from keyrings.alt.file import PlaintextKeyring
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise SecretsUnavailable(
            "Mode demo memerlukan paket keyrings.alt (pip install 'posko[demo]').",
            "Demo mode needs the keyrings.alt package (pip install 'posko[demo]').",
        ) from exc
    path.parent.mkdir(parents=True, exist_ok=True)
    backend: keyring.backend.KeyringBackend = PlaintextKeyring()
    backend.file_path = str(path)  # type: ignore[attr-defined]
    keyring.set_keyring(backend)
    global _demo_backend
    _demo_backend = backend
    return backend


def nik_key_name(installation_id: str) -> str:
    return f"nik-key/{installation_id}"


def load_or_create_key(secrets: Secrets, name: str, *, create: bool) -> bytes:
    """A 32-byte key kept base64-encoded in the keyring."""
    stored = secrets.get(name)
    if stored is not None:
        return base64.b64decode(stored)
    if not create:
        raise SecretMissing(
            "Kunci enkripsi NIK untuk basis data ini tidak ditemukan di keyring. NIK yang "
            "tersimpan tidak dapat dibaca; pulihkan keyring dari cadangan atau hubungi admin.",
            "The NIK encryption key for this database is not in the keyring. Stored NIKs "
            "cannot be read; restore the keyring from a backup or contact the administrator.",
        )
    key = token_source.token_bytes(32)
    secrets.set(name, base64.b64encode(key).decode("ascii"))
    return key
