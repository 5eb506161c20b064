"""Enrolment: exchange a one-time code for a device token kept only in the keyring."""

from __future__ import annotations

from datetime import UTC, datetime

from posko.secrets import Secrets
from posko.store.database import Store, audit, set_meta
from posko.store.desk import desk_identity
from posko.sync.client import Enrolment, NotEnrolled, SyncClient, SyncError

META_SERVER_URL = "sync.server_url"
META_DEVICE_ID = "sync.device_id"
META_DEVICE_NAME = "sync.device_name"


class EnrolmentMismatch(SyncError):
    code = "enrolment_mismatch"


def token_name(installation_id: str) -> str:
    return f"device-token/{installation_id}"


def load_token(store: Store, secrets: Secrets) -> str:
    """The device token from the keyring (SecretsUnavailable without one; NotEnrolled)."""
    identity = desk_identity(store)
    token = secrets.get(token_name(identity.installation_id))
    if not token or store.get_meta(META_SERVER_URL) is None:
        raise NotEnrolled()
    return token


def enrolled_server_url(store: Store) -> str | None:
    """The city server this desk is enrolled with, or None (the desk works offline)."""
    return store.get_meta(META_SERVER_URL)


def server_url(store: Store) -> str:
    url = store.get_meta(META_SERVER_URL)
    if not url:
        raise NotEnrolled()
    return url


def enrol(store: Store, secrets: Secrets, url: str, code: str, *,
          client: SyncClient | None = None, officer: str = "system") -> Enrolment:
    """POST /v1/enrolments; the token goes to the keyring, URL and device id to meta.

    The keyring is checked *before* the code is spent: without a keyring backend this raises
    SecretsUnavailable (with how to install one) and the one-time code stays valid.
    The device must belong to this desk's kecamatan and desk number (tracking codes carry
    both), else EnrolmentMismatch and nothing is stored.
    """
    identity = desk_identity(store)
    name = token_name(identity.installation_id)
    secrets.get(name)  # raises SecretsUnavailable when there is no usable keyring
    own_client = client is None
    http = client or SyncClient(url)
    try:
        result = http.enrol(code.strip())
    finally:
        if own_client:
            http.close()
    if result.kecamatan_code != identity.kecamatan_code:
        raise EnrolmentMismatch(
            f"Kode ini untuk kecamatan {result.kecamatan_code}, sedangkan meja ini untuk "
            f"{identity.kecamatan_code}. Minta kode untuk kecamatan yang benar.",
            f"This code is for kecamatan {result.kecamatan_code} but this desk is set up for "
            f"{identity.kecamatan_code}. Ask for a code for the right kecamatan.")
    if result.desk_number != identity.desk_number:
        raise EnrolmentMismatch(
            f"Server memberi nomor meja {result.desk_number}, sedangkan meja ini bernomor "
            f"{identity.desk_number}. Minta admin mendaftarkan perangkat dengan nomor meja "
            f"{identity.desk_number}.",
            f"The server assigned desk number {result.desk_number} but this desk is number "
            f"{identity.desk_number}. Ask the administrator to register the device with desk "
            f"number {identity.desk_number}.")
    secrets.set(name, result.token)
    with store.unit_of_work() as session:
        set_meta(session, META_SERVER_URL, url.rstrip("/"))
        set_meta(session, META_DEVICE_ID, result.device_id)
        set_meta(session, META_DEVICE_NAME, result.device_name)
        audit(session, officer=officer, action="desk.enrol", entity="desk",
              detail=f"device={result.device_id}", at=datetime.now(UTC))
    return result


def forget_enrolment(store: Store, secrets: Secrets) -> None:
    """Remove the token from the keyring (e.g. after Revoked, before a new enrolment)."""
    secrets.delete(token_name(desk_identity(store).installation_id))
