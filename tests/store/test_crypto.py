"""NIKs are stored encrypted with a keyed hash; the DB file never holds them in clear."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from posko.domain.models import Reporter
from posko.secrets import SecretMissing, nik_key_name
from posko.store.crypto import DecryptionFailed, NikCipher
from posko.store.database import Store
from posko.store.desk import desk_identity, nik_cipher
from posko.store.search import find_by_nik, find_ticket
from tests.conftest import SAMPLE_NIK


def test_round_trip_and_lookup(store: Store, cipher: NikCipher, intake) -> None:  # type: ignore[no-untyped-def]
    saved = intake()
    detail = find_ticket(store, saved.tracking_code, cipher)
    assert detail is not None
    assert detail.ticket.reporter.nik == SAMPLE_NIK
    assert find_by_nik(store, cipher, SAMPLE_NIK) == [saved.tracking_code]
    assert find_by_nik(store, cipher, "3175046708800004") == []


def test_without_cipher_the_nik_stays_hidden(store: Store, intake) -> None:  # type: ignore[no-untyped-def]
    saved = intake()
    detail = find_ticket(store, saved.tracking_code)
    assert detail is not None
    assert detail.ticket.reporter.nik is None


def test_db_file_holds_ciphertext_not_the_nik(store: Store, intake, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    for _ in range(3):
        intake()
    with store.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = db_path.read_bytes()
    wal = db_path.with_name(db_path.name + "-wal")
    if wal.exists():
        raw += wal.read_bytes()
    assert b"Siti Aminah" in raw  # the check itself can see plaintext columns
    assert SAMPLE_NIK.encode() not in raw
    assert SAMPLE_NIK.encode("utf-16-le") not in raw
    with sqlite3.connect(db_path) as conn:
        blob, digest = conn.execute(
            "SELECT reporter_nik_enc, reporter_nik_hash FROM tickets LIMIT 1").fetchone()
    assert isinstance(blob, bytes)
    assert len(blob) > 16
    assert SAMPLE_NIK not in digest


def test_same_nik_encrypts_differently_each_time(cipher: NikCipher) -> None:
    assert cipher.encrypt(SAMPLE_NIK) != cipher.encrypt(SAMPLE_NIK)
    assert cipher.lookup_hash(SAMPLE_NIK) == cipher.lookup_hash(SAMPLE_NIK)


def test_wrong_key_cannot_decrypt(cipher: NikCipher) -> None:
    blob = cipher.encrypt(SAMPLE_NIK)
    other = NikCipher(b"\x01" * 32)
    with pytest.raises(DecryptionFailed) as caught:
        other.decrypt(blob)
    assert SAMPLE_NIK not in str(caught.value)
    assert other.lookup_hash(SAMPLE_NIK) != cipher.lookup_hash(SAMPLE_NIK)


def test_tampered_ciphertext_is_rejected(cipher: NikCipher) -> None:
    blob = bytearray(cipher.encrypt(SAMPLE_NIK))
    blob[-1] ^= 0x01
    with pytest.raises(DecryptionFailed):
        cipher.decrypt(bytes(blob))


def test_lost_key_is_a_clear_error(store: Store, secrets, memory_keyring) -> None:  # type: ignore[no-untyped-def]
    memory_keyring.passwords.clear()
    with pytest.raises(SecretMissing) as caught:
        nik_cipher(store, secrets)
    assert "keyring" in caught.value.message_en


def test_key_lives_in_keyring_not_in_db(store: Store, db_path: Path, memory_keyring) -> None:  # type: ignore[no-untyped-def]
    identity = desk_identity(store)
    stored = memory_keyring.passwords[("posko", nik_key_name(identity.installation_id))]
    with store.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    assert stored.encode() not in db_path.read_bytes()


def test_reporter_repr_hides_personal_data() -> None:
    text = repr(Reporter(name="Siti Aminah", phone="+6281234567890", nik=SAMPLE_NIK))
    assert "Siti" not in text
    assert "812345" not in text
    assert SAMPLE_NIK not in text
