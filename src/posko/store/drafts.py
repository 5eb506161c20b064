"""Autosaved intake drafts, so a crash mid-intake loses at most a few seconds of typing.

A draft holds what the citizen said (name, phone, perhaps a NIK), so it is encrypted with a
key derived from the desk's NIK key and written atomically (temp file + fsync + rename).
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from posko.store.crypto import derive_key

_AAD = b"posko-draft-v1"


class DraftBox:
    """One encrypted draft file per form (e.g. "intake", "assisted")."""

    def __init__(self, folder: Path, master_key: bytes) -> None:
        self._folder = folder
        self._aead = AESGCM(derive_key(master_key, b"posko intake drafts"))

    def _path(self, name: str) -> Path:
        return self._folder / f"draft-{name}.bin"

    def save(self, name: str, fields: dict[str, Any]) -> None:
        self._folder.mkdir(parents=True, exist_ok=True)
        nonce = os.urandom(12)
        blob = nonce + self._aead.encrypt(nonce, json.dumps(fields).encode(), _AAD)
        fd, temp = tempfile.mkstemp(dir=self._folder, prefix=".draft-")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(blob)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp, self._path(name))
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise

    def load(self, name: str) -> dict[str, Any] | None:
        """The saved fields, or None when there is no readable draft."""
        path = self._path(name)
        try:
            blob = path.read_bytes()
            plain = self._aead.decrypt(blob[:12], blob[12:], _AAD)
            loaded = json.loads(plain)
        except (OSError, InvalidTag, ValueError):
            return None
        return loaded if isinstance(loaded, dict) else None

    def discard(self, name: str) -> None:
        self._path(name).unlink(missing_ok=True)
