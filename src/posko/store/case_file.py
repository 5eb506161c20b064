"""The whole case of one ticket, read in one go for the case printout (berkas kasus).

:func:`case_snapshot` returns an immutable :class:`CaseFile`: the ticket (every field, its
external refs), the status events, follow-ups (chases and supporters), notes (internal ones
too: the printout leaves them out unless asked), photos with their verified file paths, and
the SLA tiers with deadlines and overdue state at the moment of reading. posko.receipts.case
lays it out as an A4 PDF; this module only reads (plus the audit entry of a printout).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from pathlib import Path

from posko.domain.models import Attachment, FollowUp, StatusEvent, Ticket
from posko.domain.sla import (
    SlaPolicy,
    Unit,
    WorkingCalendar,
    default_calendar,
    default_policy,
    tier_due,
    tier_met_at,
)
from posko.store.attachments import blob_path
from posko.store.crypto import NikCipher
from posko.store.database import Store, audit
from posko.store.desk import desk_identity
from posko.store.errors import NotFound
from posko.store.merge import MergeRecord, merges_of
from posko.store.recap import officer_names
from posko.store.search import NoteEntry, TicketDetail, find_ticket

_CHUNK = 1024 * 1024



@dataclass(frozen=True, slots=True)
class CasePhoto:
    """One attachment. `path` is the stored file, checked against its hash; None when it is
    missing (`problem` "missing") or altered ("damaged")."""

    filename: str
    media_type: str
    size: int
    added_at: datetime
    path: Path | None
    problem: str = ""

    @property
    def is_image(self) -> bool:
        return self.media_type.startswith("image/")


@dataclass(frozen=True, slots=True)
class CaseSla:
    """One SLA tier of the ticket at the moment the case file was read."""

    key: str
    label_id: str
    label_en: str
    amount: int
    unit: Unit
    due: datetime  # office-local end of the deadline
    met_at: datetime | None  # office-local time the stage was reached, if it was
    overdue: bool  # not met, ticket still open, deadline passed
    working_days_late: int = 0  # for an overdue tier: working days past the deadline
    working_days_left: int = 0  # for an open, not yet due tier

    @property
    def met_late(self) -> bool:
        return self.met_at is not None and self.met_at > self.due

    def label(self, language: str) -> str:
        return self.label_en if language == "en" else self.label_id


@dataclass(frozen=True, slots=True)
class CaseFile:
    """Everything the case printout shows, read at `as_of` (office-local time)."""

    ticket: Ticket
    events: tuple[StatusEvent, ...]  # oldest first
    follow_ups: tuple[FollowUp, ...]  # oldest first
    notes: tuple[NoteEntry, ...]  # oldest first, internal ones included
    photos: tuple[CasePhoto, ...]
    sla: tuple[CaseSla, ...]
    kecamatan_code: str  # the desk's kecamatan (names the office in the header)
    timezone: tzinfo
    as_of: datetime
    officers: tuple[tuple[str, str], ...] = ()  # (username, full name) of this desk
    merges: tuple[MergeRecord, ...] = ()  # merges the ticket took part in, oldest first

    def merge_code(self, ticket_uuid: str) -> str:
        """A ticket named by uuid in a merge (the survivor of a MERGED event) as its code."""
        for record in self.merges:
            code = record.code_of(ticket_uuid)
            if code != ticket_uuid:
                return code
        return ticket_uuid

    @property
    def overdue(self) -> bool:
        return any(line.overdue for line in self.sla)

    @property
    def internal_note_count(self) -> int:
        return sum(1 for note in self.notes if note.internal)

    def officer_label(self, username: str) -> str:
        """"Budi Santoso (budi)" for an officer of this desk; anything else as it is (an
        agency's name, "system")."""
        full = dict(self.officers).get(username)
        if not full or full == username:
            return username
        return f"{full} ({username})"


def _met_at(key: str, detail: TicketDetail) -> datetime | None:
    return tier_met_at(key, detail.ticket.status, ((e.at, e.status) for e in detail.events))


def _verified(path: Path, sha256: str) -> bool:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest() == sha256


def _photo(attachment_dir: Path, attachment: Attachment) -> CasePhoto:
    path = blob_path(attachment_dir, attachment.sha256)
    problem = ""
    try:
        if not path.is_file():
            problem = "missing"
        elif not _verified(path, attachment.sha256):
            problem = "damaged"
    except OSError:
        problem = "missing"
    return CasePhoto(filename=attachment.filename, media_type=attachment.media_type,
                     size=attachment.size, added_at=attachment.created_at,
                     path=None if problem else path, problem=problem)


def sla_lines(detail: TicketDetail, timezone: tzinfo, as_of: datetime, *,
              policy: SlaPolicy | None = None,
              calendar: WorkingCalendar | None = None) -> tuple[CaseSla, ...]:
    """Every tier that applies to the ticket: deadline, when it was met, overdue state."""
    policy = policy or default_policy()
    calendar = calendar or default_calendar()
    ticket = detail.ticket
    created = ticket.created_at.astimezone(timezone)
    moment = as_of.astimezone(timezone)
    lines: list[CaseSla] = []
    for tier in policy.applicable(ticket.needs_field_check):
        due = tier_due(tier, calendar, created)
        met_at = _met_at(tier.key, detail)
        overdue = met_at is None and ticket.status.is_open and moment > due
        late = calendar.working_days_between(due, moment) if overdue else 0
        left = (calendar.working_days_between(moment, due)
                if met_at is None and not overdue else 0)
        lines.append(CaseSla(
            key=tier.key, label_id=tier.label_id, label_en=tier.label_en, amount=tier.amount,
            unit=tier.unit, due=due,
            met_at=met_at.astimezone(timezone) if met_at is not None else None,
            overdue=overdue, working_days_late=max(late, 0), working_days_left=max(left, 0)))
    return tuple(lines)


def case_snapshot(store: Store, cipher: NikCipher | None, key: str, *, attachment_dir: Path,
                  now: datetime | None = None, timezone: tzinfo | None = None,
                  policy: SlaPolicy | None = None,
                  calendar: WorkingCalendar | None = None) -> CaseFile:
    """The case file of the ticket `key` (uuid, tracking code or external ref).

    `cipher` decrypts the NIK (the printout masks it); without it no NIK is shown. Photos are
    checked against their hash (a missing or altered file becomes a placeholder on paper).
    Raises NotFound when there is no such ticket.
    """
    detail = find_ticket(store, key, cipher)
    if detail is None:
        raise NotFound("Tiket tidak ditemukan.", "Ticket not found.")
    identity = desk_identity(store)
    zone = timezone or identity.timezone
    as_of = (now or datetime.now(UTC)).astimezone(zone)
    names: Mapping[str, str] = officer_names(store)
    return CaseFile(
        ticket=detail.ticket,
        events=tuple(sorted(detail.events, key=lambda e: e.at)),
        follow_ups=tuple(sorted(detail.follow_ups, key=lambda f: f.asked_at)),
        notes=tuple(sorted(detail.notes, key=lambda n: n.at)),
        photos=tuple(_photo(attachment_dir, a) for a in detail.attachments),
        sla=sla_lines(detail, zone, as_of, policy=policy, calendar=calendar),
        kecamatan_code=identity.kecamatan_code,
        timezone=zone,
        as_of=as_of,
        officers=tuple(sorted(names.items())),
        merges=tuple(merges_of(store, detail.ticket.uuid)),
    )


def record_case_printout(store: Store, ticket_uuid: str, *, officer: str,
                         internal_notes: bool, now: datetime | None = None) -> None:
    """Audit that `officer` printed (or saved) the case file of a ticket. The detail says
    only whether internal notes were included: never any personal data."""
    with store.unit_of_work() as session:
        audit(session, officer=officer[:64], action="ticket.print_case", entity="ticket",
              entity_uuid=ticket_uuid,
              detail=f"internal_notes={'yes' if internal_notes else 'no'}",
              at=now or datetime.now(UTC))
