"""This desk's identity (kecamatan, desk number, installation id) and its NIK key."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from posko.domain.errors import DomainError
from posko.domain.tracking import MAX_DESK
from posko.secrets import Secrets, load_or_create_key, nik_key_name
from posko.store.crypto import NikCipher
from posko.store.database import Store, audit, set_meta

DEFAULT_TIMEZONE = "Asia/Jakarta"


@dataclass(frozen=True, slots=True)
class DeskIdentity:
    installation_id: str
    kecamatan_code: str
    desk_number: int
    timezone: ZoneInfo


def initialise_desk(store: Store, secrets: Secrets, *, kecamatan_code: str, desk_number: int,
                    timezone: str = DEFAULT_TIMEZONE, officer: str = "system") -> DeskIdentity:
    """Set (or change) the kecamatan and desk number; create the NIK key once."""
    if not 1 <= desk_number <= MAX_DESK:
        raise DomainError(
            f"Nomor meja harus 1 sampai {MAX_DESK}.",
            f"The desk number must be from 1 to {MAX_DESK}.",
            code="invalid_desk", field="desk",
        )
    ZoneInfo(timezone)  # fail early on a typo
    installation_id = store.get_meta("installation_id") or str(uuid.uuid4())
    # The key goes to the keyring before anything refers to it; without a keyring this
    # raises SecretsUnavailable and the DB stays as it was.
    load_or_create_key(secrets, nik_key_name(installation_id), create=True)
    with store.unit_of_work() as session:
        set_meta(session, "installation_id", installation_id)
        set_meta(session, "kecamatan_code", kecamatan_code)
        set_meta(session, "desk_number", str(desk_number))
        set_meta(session, "timezone", timezone)
        audit(session, officer=officer, action="desk.initialise", entity="desk",
              detail=f"kecamatan={kecamatan_code} desk={desk_number}")
    return desk_identity(store)


def desk_identity(store: Store) -> DeskIdentity:
    return DeskIdentity(
        installation_id=store.require_meta("installation_id"),
        kecamatan_code=store.require_meta("kecamatan_code"),
        desk_number=int(store.require_meta("desk_number")),
        timezone=ZoneInfo(store.get_meta("timezone") or DEFAULT_TIMEZONE),
    )


def master_key(store: Store, secrets: Secrets) -> bytes:
    """This desk's 32-byte key from the keyring (NIKs and drafts use subkeys of it)."""
    identity = desk_identity(store)
    return load_or_create_key(secrets, nik_key_name(identity.installation_id), create=False)


def nik_cipher(store: Store, secrets: Secrets) -> NikCipher:
    return NikCipher(master_key(store, secrets))
