"""Domain dataclasses: what a ticket is, whatever its origin.

These are immutable values. The store converts them to and from its SQLAlchemy rows;
the UI shows them; sync serialises them. Personal data lives only in `Reporter`, whose
repr hides it so that a ticket logged by accident leaks nothing.
"""

from __future__ import annotations

import uuid as uuid_module
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from posko.domain.errors import DomainError, InvalidLocation, InvalidNik, InvalidTicket
from posko.domain.status import Status
from posko.domain.text import (
    MAX_ADDRESS,
    MAX_DESCRIPTION,
    MAX_NAME,
    MAX_PHONE,
    clean_line,
    clean_text,
)


def new_uuid() -> str:
    """Client-generated identifiers double as idempotency keys for sync."""
    return str(uuid_module.uuid4())


class Origin(StrEnum):
    DESK = "desk"  # walk-in, typed by the officer
    ASSISTED = "assisted"  # walk-in helped through the assisted wizard
    APP = "app"  # came from Qlue/JAKI/LAPOR!/POT/... via the central server


class Source(StrEnum):
    """External systems a ticket may also be known in."""

    QLUE = "QLUE"
    JAKI = "JAKI"
    LAPOR = "LAPOR"
    POT = "POT"
    SMART_TANGSEL = "SMART_TANGSEL"
    SMS = "SMS"
    WEB = "WEB"
    OPEN311 = "OPEN311"
    OTHER = "OTHER"


class ReporterKind(StrEnum):
    NAMED = "named"  # a citizen who gives a name
    ANONYMOUS = "anonymous"  # identity kept at the kecamatan, never sent to agencies
    KECAMATAN = "kecamatan"  # on behalf of the kecamatan itself (an officer's own finding)


class ContactPreference(StrEnum):
    PHONE = "phone"
    SMS = "sms"
    WHATSAPP = "whatsapp"
    NONE = "none"


class EventSource(StrEnum):
    DESK = "desk"
    SERVER = "server"
    AGENCY = "agency"
    CITIZEN = "citizen"


@dataclass(frozen=True, slots=True)
class ExternalRef:
    """A ticket's number in another system, e.g. `QLUE 1234567`."""

    source: Source
    number: str

    def __post_init__(self) -> None:
        cleaned = self.number.strip()
        if not cleaned or len(cleaned) > 64 or any(c.isspace() for c in cleaned):
            raise DomainError(
                "Nomor laporan eksternal tidak boleh kosong, berisi spasi, atau lebih dari "
                "64 karakter.",
                "An external report number must be non-empty, without spaces, at most 64 "
                "characters.",
                code="invalid_external_ref",
                field="external_ref",
            )
        object.__setattr__(self, "number", cleaned)

    def __str__(self) -> str:
        return f"{self.source.value} {self.number}"

    @classmethod
    def parse(cls, text: str) -> ExternalRef:
        """Parse `QLUE 1234567`, `lapor:1234`, `smart tangsel 99`, `SMART_TANGSEL-99`.

        A bare number is OTHER. An unknown prefix followed by a number (`ABC 123`) is refused
        by the number rule (no spaces): the caller should ask for the source system.
        """
        raw = text.strip()
        upper = raw.upper()
        # Longest names first, so "SMART TANGSEL 9" is not read as source "SMART".
        for source in sorted(Source, key=lambda s: len(s.value), reverse=True):
            for spelling in {source.value, source.value.replace("_", " ")}:
                if upper.startswith(spelling):
                    rest = raw[len(spelling):]
                    if rest[:1] in (" ", ":", "-", "#"):
                        return cls(source, rest[1:].strip(" :-#"))
        return cls(Source.OTHER, raw)


@dataclass(frozen=True, slots=True)
class Reporter:
    """Who made the complaint, as contributed. Personal data: never logged."""

    kind: ReporterKind = ReporterKind.NAMED
    name: str | None = None
    phone: str | None = None  # E.164, see posko.domain.phone
    nik: str | None = None  # 16 digits, see posko.domain.nik
    contact: ContactPreference = ContactPreference.NONE

    def __post_init__(self) -> None:
        # Text as typed is cleaned here, whoever builds the reporter (see posko.domain.text).
        if self.name is not None:
            name = clean_line(self.name, field="reporter_name", limit=MAX_NAME)
            object.__setattr__(self, "name", name or None)
        if self.phone is not None:
            phone = clean_line(self.phone, field="phone", limit=MAX_PHONE)
            object.__setattr__(self, "phone", phone or None)
        if self.nik is not None and not (len(self.nik) == 16 and self.nik.isascii()
                                         and self.nik.isdigit()):
            # Only the shape: posko.domain.nik.validate_nik checks the rest before saving.
            raise InvalidNik(
                "NIK harus tepat 16 angka.", "A NIK must be exactly 16 digits.",
                code="invalid_nik_format", field="nik",
            )
        if self.kind is ReporterKind.NAMED and not self.name:
            raise InvalidTicket(
                "Nama pelapor wajib diisi (atau pilih anonim).",
                "The reporter's name is required (or choose anonymous).",
                field="reporter_name",
            )

    def __repr__(self) -> str:
        # Personal data must not reach logs or crash reports through a repr.
        return (
            f"Reporter(kind={self.kind.value}, name={'<set>' if self.name else None}, "
            f"phone={'<set>' if self.phone else None}, nik={'<set>' if self.nik else None}, "
            f"contact={self.contact.value})"
        )

    __str__ = __repr__


@dataclass(frozen=True, slots=True)
class Location:
    kelurahan_code: str  # Kemendagri code, e.g. "31.75.04.1001"
    rw: int | None = None
    rt: int | None = None
    address: str = ""
    latitude: float | None = None
    longitude: float | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "address",
                           clean_line(self.address, field="address", limit=MAX_ADDRESS))
        for name, value in (("rw", self.rw), ("rt", self.rt)):
            if value is not None and not 1 <= value <= 999:
                raise InvalidLocation(
                    f"{name.upper()} harus angka 1 sampai 999.",
                    f"{name.upper()} must be a number from 1 to 999.",
                    field=name,
                )
        if (self.latitude is None) != (self.longitude is None):
            raise InvalidLocation(
                "Titik peta harus berisi lintang dan bujur sekaligus.",
                "A map point needs both latitude and longitude.",
                field="latitude",
            )
        if self.latitude is not None and not -90 <= self.latitude <= 90:
            raise InvalidLocation(
                "Lintang harus antara -90 dan 90.", "Latitude must be between -90 and 90.",
                field="latitude",
            )
        if self.longitude is not None and not -180 <= self.longitude <= 180:
            raise InvalidLocation(
                "Bujur harus antara -180 dan 180.", "Longitude must be between -180 and 180.",
                field="longitude",
            )

    @property
    def kecamatan_code(self) -> str:
        return ".".join(self.kelurahan_code.split(".")[:3])


@dataclass(frozen=True, slots=True)
class StatusEvent:
    """One entry of the timeline shown to citizens."""

    ticket_uuid: str
    status: Status
    at: datetime
    actor: str  # officer username, agency name, or "system"
    source: EventSource = EventSource.DESK
    note: str = ""
    agency: str | None = None  # for not_our_authority
    merged_into: str | None = None  # tracking code / uuid of the survivor, for merged
    uuid: str = field(default_factory=new_uuid)


@dataclass(frozen=True, slots=True)
class FollowUp:
    """A chase (tindak lanjut / minta update) on a ticket nobody acted on."""

    ticket_uuid: str
    asked_at: datetime
    officer: str
    requested_by: str = ""  # who asked; may be empty for anonymous visitors
    promise: str = ""  # what was promised
    promised_by: date | None = None  # by when
    note: str = ""
    uuid: str = field(default_factory=new_uuid)


@dataclass(frozen=True, slots=True)
class Attachment:
    """Metadata of a photo or document; the bytes live beside the DB, named by hash."""

    ticket_uuid: str
    filename: str
    media_type: str
    size: int
    sha256: str
    created_at: datetime
    uuid: str = field(default_factory=new_uuid)


@dataclass(frozen=True, slots=True)
class Ticket:
    uuid: str
    tracking_code: str
    origin: Origin
    category: str  # category code from the catalogue, e.g. "sampah"
    location: Location
    description: str
    reporter: Reporter
    consent: bool
    officer: str  # who typed it ("" for app tickets)
    created_at: datetime
    updated_at: datetime
    status: Status = Status.RECEIVED
    external_refs: tuple[ExternalRef, ...] = ()
    needs_field_check: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "description", clean_text(
            self.description, field="description", limit=MAX_DESCRIPTION))
        if not self.description:
            raise InvalidTicket(
                "Uraian pengaduan wajib diisi.", "The complaint description is required.",
                field="description",
            )
        if self.origin is not Origin.APP and not self.consent:
            raise InvalidTicket(
                "Persetujuan pelapor wajib dicatat sebelum menyimpan.",
                "The reporter's consent must be recorded before saving.",
                field="consent",
            )

    @property
    def kecamatan_code(self) -> str:
        return self.location.kecamatan_code
