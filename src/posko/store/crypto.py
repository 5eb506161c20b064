"""NIKs at rest: AES-256-GCM ciphertext plus a keyed hash (HMAC-SHA256) for exact lookup.

Both keys derive from one 32-byte master key in the keyring (HKDF with distinct labels), so
losing the DB file alone reveals no NIK, and a hash cannot be brute-forced over the small NIK
space without the key.
"""

from __future__ import annotations

import hashlib
import hmac
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from posko.domain.errors import PoskoError

_VERSION = b"\x01"
_AAD = b"posko-nik-v1"


class DecryptionFailed(PoskoError):
    code = "decryption_failed"


def derive_key(master_key: bytes, label: bytes) -> bytes:
    """A 32-byte subkey for one purpose; different labels give independent keys."""
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=label).derive(master_key)


class NikCipher:
    def __init__(self, master_key: bytes) -> None:
        if len(master_key) != 32:
            raise ValueError("master key must be 32 bytes")
        self._aead = AESGCM(derive_key(master_key, b"posko nik encryption"))
        self._hash_key = derive_key(master_key, b"posko nik lookup hash")

    def encrypt(self, nik: str) -> bytes:
        nonce = os.urandom(12)
        return _VERSION + nonce + self._aead.encrypt(nonce, nik.encode("ascii"), _AAD)

    def decrypt(self, blob: bytes) -> str:
        if not blob or blob[:1] != _VERSION:
            raise DecryptionFailed(
                "Format NIK terenkripsi tidak dikenal.", "Unknown encrypted NIK format."
            )
        try:
            plain = self._aead.decrypt(blob[1:13], blob[13:], _AAD)
        except InvalidTag as exc:
            raise DecryptionFailed(
                "NIK tidak dapat dibuka: kunci keyring tidak cocok dengan basis data ini.",
                "The NIK cannot be decrypted: the keyring key does not match this database.",
            ) from exc
        return plain.decode("ascii")

    def lookup_hash(self, nik: str) -> str:
        return hmac.new(self._hash_key, nik.encode("ascii"), hashlib.sha256).hexdigest()
