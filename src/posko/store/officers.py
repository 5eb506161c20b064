"""Officers and their PINs.

PINs are short, so they are hashed with scrypt (a slow, memory-hard KDF) and a per-officer
salt, and wrong attempts are throttled: after MAX_FAILED_ATTEMPTS the officer must wait
LOCKOUT before trying again. Every sign-in, failed or not, is audited (without the PIN).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from sqlalchemy import select

from posko.domain.errors import DomainError, PoskoError
from posko.store.database import Store, audit
from posko.store.models import Officer

MAX_FAILED_ATTEMPTS = 5
LOCKOUT = timedelta(minutes=5)
MIN_PIN_LENGTH = 4
# scrypt cost: ~50 ms on a desk PC; slow enough to make guessing 6-digit PINs offline costly.
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}


class Role(StrEnum):
    OFFICER = "officer"
    SUPERVISOR = "supervisor"  # camat / sekcam: may reject, merge, unmask


class SignInFailed(PoskoError):
    code = "sign_in_failed"


@dataclass(frozen=True, slots=True)
class OfficerInfo:
    username: str
    full_name: str
    role: Role

    @property
    def is_supervisor(self) -> bool:
        return self.role is Role.SUPERVISOR


def hash_pin(pin: str) -> str:
    salt = os.urandom(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, dklen=32, **_SCRYPT)
    return "scrypt$" + base64.b64encode(salt).decode() + "$" + base64.b64encode(digest).decode()


def pin_matches(pin: str, stored: str) -> bool:
    try:
        scheme, salt_b64, digest_b64 = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    digest = hashlib.scrypt(pin.encode(), salt=base64.b64decode(salt_b64), dklen=32, **_SCRYPT)
    return hmac.compare_digest(digest, base64.b64decode(digest_b64))


def _check_pin_rules(pin: str) -> None:
    if len(pin) < MIN_PIN_LENGTH or not pin.isdigit():
        raise DomainError(
            f"PIN harus berupa angka, minimal {MIN_PIN_LENGTH} digit.",
            f"The PIN must be digits only, at least {MIN_PIN_LENGTH} of them.",
            code="invalid_pin", field="pin",
        )


def create_officer(store: Store, *, username: str, full_name: str, pin: str,
                   role: Role = Role.OFFICER, created_by: str = "system") -> OfficerInfo:
    username = username.strip().lower()
    if not username or not username.replace(".", "").replace("_", "").isalnum():
        raise DomainError(
            "Nama pengguna hanya huruf, angka, titik atau garis bawah.",
            "A username may hold only letters, digits, dots or underscores.",
            code="invalid_username", field="username",
        )
    if not full_name.strip():
        raise DomainError("Nama lengkap petugas wajib diisi.",
                          "The officer's full name is required.",
                          code="invalid_full_name", field="full_name")
    _check_pin_rules(pin)
    with store.unit_of_work() as session:
        if session.scalar(select(Officer.id).where(Officer.username == username)) is not None:
            raise DomainError("Nama pengguna sudah dipakai.", "That username is taken.",
                              code="duplicate_username", field="username")
        session.add(Officer(username=username, full_name=full_name.strip(), role=role.value,
                            pin_hash=hash_pin(pin), active=True, created_at=datetime.now(UTC),
                            failed_attempts=0))
        audit(session, officer=created_by, action="officer.create", entity="officer",
              detail=f"username={username} role={role.value}")
    return OfficerInfo(username, full_name.strip(), role)


def list_officers(store: Store) -> list[OfficerInfo]:
    with store.unit_of_work() as session:
        rows = session.scalars(select(Officer).where(Officer.active.is_(True))
                               .order_by(Officer.full_name))
        return [OfficerInfo(r.username, r.full_name, Role(r.role)) for r in rows]


def sign_in(store: Store, username: str, pin: str, *, now: datetime | None = None) -> OfficerInfo:
    """Check the PIN; raise SignInFailed (same message for unknown user and wrong PIN)."""
    at = now or datetime.now(UTC)
    wrong = SignInFailed("Nama petugas atau PIN salah.", "Wrong officer or PIN.", field="pin")
    with store.unit_of_work() as session:
        officer = session.scalar(select(Officer).where(Officer.username == username,
                                                       Officer.active.is_(True)))
        if officer is None or officer.pin_hash is None:
            pin_matches(pin, hash_pin("0000"))  # same cost either way: no user enumeration
            audit(session, officer=username[:64], action="officer.sign_in_failed",
                  entity="officer", at=at)
            raise wrong
        if officer.locked_until is not None and officer.locked_until > at:
            minutes = max(1, int((officer.locked_until - at).total_seconds() // 60) + 1)
            raise SignInFailed(
                f"Terlalu banyak PIN salah. Coba lagi dalam {minutes} menit.",
                f"Too many wrong PINs. Try again in {minutes} minutes.", field="pin",
            )
        if not pin_matches(pin, officer.pin_hash):
            officer.failed_attempts += 1
            if officer.failed_attempts >= MAX_FAILED_ATTEMPTS:
                officer.locked_until = at + LOCKOUT
                officer.failed_attempts = 0
            audit(session, officer=officer.username, action="officer.sign_in_failed",
                  entity="officer", at=at)
            # Commit the counter even though sign-in fails: raise after the unit of work.
            failed = True
        else:
            officer.failed_attempts = 0
            officer.locked_until = None
            audit(session, officer=officer.username, action="officer.sign_in", entity="officer",
                  at=at)
            failed = False
            info = OfficerInfo(officer.username, officer.full_name, Role(officer.role))
    if failed:
        raise wrong
    return info
