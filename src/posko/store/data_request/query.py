"""What a citizen data request (UU PDP 27/2022 art. 32) is about: the person, as the officer
identifies them (`person_query`), and what the other parts share: the supervisor-only error,
the audit action names. How names are compared (`normalise_name`) lives in
:mod:`posko.domain.identity`.

A person is identified by any of NIK, phone and name (several given: tickets matching any of
them). A name is an *exact* match after normalisation, nothing fuzzier: case, accents,
punctuation, repeated spaces and a leading honorific ("Ibu", "Bpk.", "H.", "Hj.", "Sdri.",
"Mbah", …) do not count, every other letter does. No prefix, substring or sound-alike match:
a data export handed to the wrong person is itself a data breach, and an erasure must never
wipe a namesake's contact details.

Only supervisors may handle a data request (`not_allowed`).
"""

from __future__ import annotations

from dataclasses import dataclass

from posko.domain.errors import DomainError
from posko.domain.identity import normalise_name
from posko.domain.nik import validate_nik
from posko.domain.phone import normalize_phone

EXPORT_ACTION = "data_request.export"
ERASE_REQUEST_ACTION = "data_request.erase_request"
ERASE_ACTION = "data_request.erase"
RETENTION_ACTION = "data_request.retention"
#: Audit actions the data request modules write (for the audit log viewer's filter).
DATA_REQUEST_ACTIONS = (EXPORT_ACTION, ERASE_REQUEST_ACTION, ERASE_ACTION, RETENTION_ACTION)

MATCH_KINDS = ("nik", "phone", "name")



def not_allowed() -> DomainError:
    return DomainError(
        "Hanya camat/sekcam (supervisor) yang boleh melayani permintaan data warga.",
        "Only the camat/sekcam (supervisor) may handle a citizen's data request.",
        code="data_request_not_allowed")


def _empty_query() -> DomainError:
    return DomainError(
        "Isi NIK, nomor telepon, atau nama lengkap orang yang meminta.",
        "Give the NIK, phone number or full name of the person asking.",
        code="data_request_empty", field="query")


def _bad_name() -> DomainError:
    return DomainError(
        "Nama harus berisi huruf (tulis nama lengkap seperti di KTP).",
        "The name must contain letters (write the full name as on the KTP).",
        code="invalid_name", field="name")


@dataclass(frozen=True, slots=True)
class PersonQuery:
    """What identifies the person, already validated: 16 NIK digits, an E.164 phone, a
    normalised name. Personal data: its repr shows only which parts are set."""

    nik: str | None = None
    phone: str | None = None
    name: str | None = None  # as typed (cleaned); compared through `normalise_name`

    def __repr__(self) -> str:
        return f"PersonQuery(kinds={','.join(self.kinds) or '-'})"

    __str__ = __repr__

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(k for k, v in zip(MATCH_KINDS, (self.nik, self.phone, self.name),
                                       strict=True) if v)


def person_query(*, nik: str | None = None, phone: str | None = None,
                 name: str | None = None) -> PersonQuery:
    """Validate what the officer typed (bilingual errors that never quote the input)."""
    nik = (nik or "").strip() or None
    phone = (phone or "").strip() or None
    name = " ".join((name or "").split()) or None
    if nik is None and phone is None and name is None:
        raise _empty_query()
    if nik is not None:
        nik = validate_nik(nik)
    if phone is not None:
        phone = normalize_phone(phone)
    if name is not None and not normalise_name(name):
        raise _bad_name()
    return PersonQuery(nik=nik, phone=phone, name=name)
