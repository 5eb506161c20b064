"""Devices: enrolment codes, bearer tokens (stored as SHA-256 only), revocation.

Codes and tokens are random and long (an enrolment code has 12 characters from a
31-letter alphabet, about 59 bits, and expires; a token has 256 bits), so a plain SHA-256
is the right hash: there is nothing to brute-force that a slow password hash would protect.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from posko import catalogues
from posko.domain.errors import PoskoError
from posko.domain.tracking import ALPHABET, MAX_DESK
from posko_central.db import Database
from posko_central.errors import ApiError
from posko_central.models import AuditRow, Device

ENROLMENT_TTL = timedelta(hours=24)
SERVER_DESK = MAX_DESK  # 31: tracking codes issued by the server itself
TOKEN_PREFIX = "pkc_"
_CODE_LENGTH = 12
_NAME_RE = re.compile(r"^[^\x00-\x1f\x7f]{1,100}$")


class DeviceError(PoskoError):
    code = "device_error"


def hash_secret(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()


def normalise_code(text: str) -> str:
    return re.sub(r"[\s\-]", "", text).upper()


def new_enrolment_code() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(_CODE_LENGTH))
    return "-".join(raw[i:i + 4] for i in range(0, _CODE_LENGTH, 4))


@dataclass(frozen=True, slots=True)
class DeviceInfo:
    public_id: str
    name: str
    kecamatan_code: str
    desk_number: int
    state: str  # pending | active | revoked | expired
    created_at: datetime
    enrolled_at: datetime | None
    revoked_at: datetime | None
    last_seen_at: datetime | None


@dataclass(frozen=True, slots=True)
class Caller:
    """The authenticated device of a request."""

    device_id: int
    public_id: str
    kecamatan_code: str
    desk_number: int


def _info(device: Device, now: datetime) -> DeviceInfo:
    if device.revoked_at is not None:
        state = "revoked"
    elif device.token_hash is not None:
        state = "active"
    elif device.enrolment_expires_at is not None and device.enrolment_expires_at < now:
        state = "expired"
    else:
        state = "pending"
    return DeviceInfo(device.public_id, device.name, device.kecamatan_code, device.desk_number,
                      state, device.created_at, device.enrolled_at, device.revoked_at,
                      device.last_seen_at)


def _pick_desk(session: Session, kecamatan_code: str, wanted: int | None) -> int:
    devices = session.scalars(select(Device).where(Device.kecamatan_code == kecamatan_code)).all()
    active = {d.desk_number for d in devices if d.revoked_at is None}
    used = {d.desk_number for d in devices}
    if wanted is not None:
        if not 1 <= wanted < SERVER_DESK:
            raise DeviceError(
                f"Nomor meja harus 1 sampai {SERVER_DESK - 1} ({SERVER_DESK} dipakai server).",
                f"The desk number must be 1 to {SERVER_DESK - 1} ({SERVER_DESK} is the "
                "server's).", field="desk")
        if wanted in active:
            raise DeviceError(
                f"Meja {wanted} sudah dipakai perangkat aktif di kecamatan ini; cabut dulu "
                "perangkat itu (`posko-central revoke-device`).",
                f"Desk {wanted} is taken by an active device of this kecamatan; revoke that "
                "device first (`posko-central revoke-device`).", field="desk")
        return wanted
    for number in range(1, SERVER_DESK):
        if number not in used:
            return number
    for number in range(1, SERVER_DESK):
        if number not in active:
            return number
    raise DeviceError("Semua nomor meja kecamatan ini sudah dipakai.",
                      "Every desk number of this kecamatan is taken.", field="desk")


def add_device(db: Database, kecamatan_code: str, name: str, *, desk: int | None = None,
               ttl: timedelta = ENROLMENT_TTL,
               now: datetime | None = None) -> tuple[DeviceInfo, str]:
    """Register a desk and return it with its one-time enrolment code (shown once)."""
    region = catalogues.kecamatan(kecamatan_code)  # UnknownRegion for a bad code
    cleaned = name.strip()
    if not _NAME_RE.match(cleaned):
        raise DeviceError("Nama perangkat harus 1 sampai 100 karakter.",
                          "The device name must be 1 to 100 characters.", field="name")
    at = now or datetime.now(UTC)
    code = new_enrolment_code()
    with db.write() as session:
        number = _pick_desk(session, region.code, desk)
        device = Device(public_id=str(uuid.uuid4()), kecamatan_code=region.code, name=cleaned,
                        desk_number=number, enrolment_code_hash=hash_secret(normalise_code(code)),
                        enrolment_expires_at=at + ttl, created_at=at)
        session.add(device)
        session.flush()
        session.add(AuditRow(at=at, device_id=device.id, officer="admin", action="device.add",
                             entity_uuid=device.public_id,
                             detail=f"kecamatan={region.code} desk={number}"))
        return _info(device, at), code


def _find(session: Session, device_ref: str) -> Device:
    ref = device_ref.strip().lower()
    if len(ref) < 4:
        raise DeviceError("Tulis minimal 4 karakter pertama id perangkat.",
                          "Give at least the first 4 characters of the device id.",
                          field="device")
    matches = session.scalars(select(Device).where(Device.public_id.startswith(ref))).all()
    if len(matches) != 1:
        raise DeviceError(
            "Perangkat tidak ditemukan." if not matches else "Id perangkat tidak unik.",
            "Device not found." if not matches else "The device id is ambiguous.",
            field="device")
    return matches[0]


def revoke_device(db: Database, device_ref: str, *, now: datetime | None = None) -> DeviceInfo:
    at = now or datetime.now(UTC)
    with db.write() as session:
        device = _find(session, device_ref)
        if device.revoked_at is None:
            device.revoked_at = at
            device.enrolment_code_hash = None
            device.enrolment_nonce_hash = None
            session.add(AuditRow(at=at, device_id=device.id, officer="admin",
                                 action="device.revoke", entity_uuid=device.public_id))
        return _info(device, at)


def list_devices(db: Database, kecamatan_code: str | None = None) -> list[DeviceInfo]:
    now = datetime.now(UTC)
    with db.read() as session:
        query = select(Device).order_by(Device.kecamatan_code, Device.desk_number, Device.id)
        if kecamatan_code:
            query = query.where(Device.kecamatan_code == kecamatan_code)
        return [_info(d, now) for d in session.scalars(query)]


def _enrolment_error(code: str, message_id: str, message_en: str) -> ApiError:
    return ApiError(400, code, message_id, message_en, field="code")


def _issue_token(device: Device, at: datetime) -> str:
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    device.token_hash = hash_secret(token)  # a previous token of this device stops working
    device.enrolled_at = at
    device.last_seen_at = at
    return token


def enrol(db: Database, code: str, nonce: str | None = None, *,
          now: datetime | None = None) -> tuple[str, Device]:
    """Exchange a one-time enrolment code for a device token (single use, expiring).

    With a `nonce` (the desk's random secret for this enrolment attempt) the exchange can be
    repeated: the same code with the same nonce, while the code is still valid (24 hours from
    issue), answers like the first time with a *fresh* token and ends the one issued before
    (its answer was lost on the way, or the same desk now holds the new one). Any other use
    of a used code is refused exactly like an unknown code.
    """
    at = now or datetime.now(UTC)
    code_hash = hash_secret(normalise_code(code))
    nonce_hash = hash_secret(nonce) if nonce else None
    refusal: ApiError | None = None
    with db.write() as session:  # a refusal is raised after the commit: its changes stay
        # Used codes past their validity are forgotten (their repeat window is over).
        session.execute(update(Device).where(
            Device.enrolled_at.is_not(None), Device.enrolment_code_hash.is_not(None),
            Device.enrolment_expires_at < at,
        ).values(enrolment_code_hash=None, enrolment_nonce_hash=None))
        device = session.scalar(select(Device).where(Device.enrolment_code_hash == code_hash))
        if device is None or device.revoked_at is not None:
            refusal = _code_invalid()
        elif device.enrolment_expires_at is not None and device.enrolment_expires_at < at:
            # Dead for good: unused, it is "expired"; used, its repeat window is over.
            refusal = _code_invalid() if device.enrolled_at is not None else _code_expired()
            device.enrolment_code_hash = None
            device.enrolment_nonce_hash = None
            if device.enrolled_at is None:
                session.add(AuditRow(at=at, device_id=device.id, officer="-",
                                     action="device.enrol_expired",
                                     entity_uuid=device.public_id))
        elif device.enrolled_at is not None:
            # A used code: only a repeat with the nonce of the first exchange is answered.
            if (nonce_hash is None or device.enrolment_nonce_hash is None
                    or not secrets.compare_digest(device.enrolment_nonce_hash, nonce_hash)):
                refusal = _code_invalid()
            else:
                token = _issue_token(device, at)
                session.add(AuditRow(at=at, device_id=device.id, officer="-",
                                     action="device.enrol_repeat",
                                     entity_uuid=device.public_id))
        else:
            token = _issue_token(device, at)
            if nonce_hash is None:
                device.enrolment_code_hash = None  # single use, no repeat
                device.enrolment_expires_at = None
            else:
                # Both kept (hashes only) until the code expires, for a repeat.
                device.enrolment_nonce_hash = nonce_hash
            session.add(AuditRow(at=at, device_id=device.id, officer="-", action="device.enrol",
                                 entity_uuid=device.public_id))
    if refusal is not None:
        raise refusal
    assert device is not None
    return token, device


def _code_invalid() -> ApiError:
    return _enrolment_error(
        "enrolment_code_invalid",
        "Kode pendaftaran tidak dikenal atau sudah dipakai. Minta kode baru ke admin.",
        "The enrolment code is unknown or already used. Ask the administrator for a new one.")


def _code_expired() -> ApiError:
    return _enrolment_error(
        "enrolment_code_expired",
        "Kode pendaftaran sudah kedaluwarsa. Minta kode baru ke admin.",
        "The enrolment code has expired. Ask the administrator for a new one.")


_BEARER_HEADERS = {"WWW-Authenticate": 'Bearer realm="posko-central"'}


def authenticate(db: Database, token: str | None) -> Caller:
    if not token:
        raise ApiError(401, "missing_token", "Token perangkat wajib dikirim (Authorization: "
                       "Bearer ...).", "A device token is required (Authorization: Bearer ...).",
                       headers=_BEARER_HEADERS)
    with db.read() as session:
        device = session.scalar(select(Device).where(Device.token_hash == hash_secret(token)))
    if device is None:
        raise ApiError(401, "invalid_token", "Token perangkat tidak dikenal.",
                       "The device token is not known.", headers=_BEARER_HEADERS)
    if device.revoked_at is not None:
        raise ApiError(401, "device_revoked",
                       "Perangkat ini sudah dicabut; daftarkan ulang dengan kode baru.",
                       "This device has been revoked; enrol again with a new code.",
                       headers=_BEARER_HEADERS)
    return Caller(device.id, device.public_id, device.kecamatan_code, device.desk_number)
