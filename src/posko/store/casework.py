"""What officers do to existing tickets: status changes, notes, external refs, chases, and
the duplicate candidates shown at intake. One unit of work per action, each with its outbox
row and audit entry."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.sql.elements import ColumnElement

from posko.domain.duplicates import DuplicateDraft, DuplicateSuggestion, find_duplicates
from posko.domain.errors import DomainError
from posko.domain.models import EventSource, ExternalRef, FollowUp, StatusEvent, new_uuid
from posko.domain.phone import normalize_phone
from posko.domain.status import Status, check_transition
from posko.domain.text import clean_text
from posko.store.database import Store, audit
from posko.store.errors import NotFound
from posko.store.mapping import event_columns, follow_up_columns, ticket_from_row
from posko.store.models import ExternalRefRow, FollowUpRow, NoteRow, StatusEventRow, TicketRow
from posko.store.tickets import enqueue

SUPERVISOR_ONLY = frozenset({Status.REJECTED, Status.MERGED})


def _ticket(session: Session, ticket_uuid: str) -> TicketRow:
    row = session.scalar(select(TicketRow).where(TicketRow.uuid == ticket_uuid))
    if row is None:
        raise NotFound("Tiket tidak ditemukan.", "Ticket not found.")
    return row


def change_status(store: Store, ticket_uuid: str, new: Status, *, officer: str,
                  is_supervisor: bool = False, note: str = "", agency: str | None = None,
                  merged_into: str | None = None, now: datetime | None = None) -> StatusEvent:
    if new in SUPERVISOR_ONLY and not is_supervisor:
        raise DomainError(
            f"Hanya supervisor (camat/sekcam) yang boleh mengubah status menjadi "
            f"'{new.label_id}'.",
            f"Only a supervisor (camat/sekcam) may set the status '{new.label_en}'.",
            code="not_allowed", field="status",
        )
    at = now or datetime.now(UTC)
    with store.unit_of_work() as session:
        row = _ticket(session, ticket_uuid)
        previous = row.status
        event = _status_step(session, row, new, at=at, officer=officer, note=note.strip(),
                             agency=agency, merged_into=merged_into)
        audit(session, officer=officer, action="ticket.status", entity="ticket",
              entity_uuid=ticket_uuid, detail=f"{previous}->{new.value}", at=at)
    return event


def add_note(store: Store, ticket_uuid: str, text: str, *, officer: str, internal: bool = True,
             now: datetime | None = None) -> str:
    if not text.strip():
        raise DomainError("Catatan tidak boleh kosong.", "A note cannot be empty.",
                          code="empty_note", field="note")
    at = now or datetime.now(UTC)
    note_uuid = new_uuid()
    with store.unit_of_work() as session:
        row = _ticket(session, ticket_uuid)
        session.add(NoteRow(uuid=note_uuid, ticket_id=row.id, at=at, officer=officer,
                            text=text.strip(), internal=internal))
        row.updated_at = at
        enqueue(session, kind="note.added", entity_uuid=note_uuid, at=at,
                ticket_uuid=ticket_uuid, payload={
            "uuid": note_uuid, "ticket_uuid": ticket_uuid, "at": at.isoformat(),
            "officer": officer, "text": text.strip(), "internal": internal})
        audit(session, officer=officer, action="ticket.note", entity="ticket",
              entity_uuid=ticket_uuid, at=at)
    return note_uuid


def add_external_ref(store: Store, ticket_uuid: str, ref: ExternalRef, *, officer: str,
                     now: datetime | None = None) -> None:
    at = now or datetime.now(UTC)
    with store.unit_of_work() as session:
        row = _ticket(session, ticket_uuid)
        owner = session.scalar(select(TicketRow.tracking_code).join(ExternalRefRow).where(
            ExternalRefRow.source == ref.source.value, ExternalRefRow.number == ref.number))
        if owner is not None:
            raise DomainError(
                f"Nomor {ref} sudah tercatat pada tiket {owner}.",
                f"The number {ref} is already recorded on ticket {owner}.",
                code="duplicate_external_ref", field="external_ref",
            )
        session.add(ExternalRefRow(ticket_id=row.id, source=ref.source.value, number=ref.number))
        row.updated_at = at
        enqueue(session, kind="external_ref.added", entity_uuid=ticket_uuid, at=at,
                ticket_uuid=ticket_uuid, payload={
            "ticket_uuid": ticket_uuid, "source": ref.source.value, "number": ref.number})
        audit(session, officer=officer, action="ticket.external_ref", entity="ticket",
              entity_uuid=ticket_uuid, detail=str(ref), at=at)


def record_chase(store: Store, follow_up: FollowUp) -> None:
    """A walk-in asked for an update on a ticket: record who/when/what was promised."""
    at = follow_up.asked_at
    with store.unit_of_work() as session:
        row = _ticket(session, follow_up.ticket_uuid)
        _add_follow_up(session, row, follow_up)
        row.updated_at = max(row.updated_at, at)
        audit(session, officer=follow_up.officer, action="ticket.chase", entity="ticket",
              entity_uuid=follow_up.ticket_uuid, at=at)


def _add_follow_up(session: Session, row: TicketRow, follow_up: FollowUp) -> None:
    """The follow-up row and its outbox row (a chase, a reopening visit)."""
    session.add(FollowUpRow(**follow_up_columns(follow_up, row.id)))
    enqueue(session, kind="followup.created", entity_uuid=follow_up.uuid,
            at=follow_up.asked_at, ticket_uuid=follow_up.ticket_uuid, payload={
        "uuid": follow_up.uuid, "ticket_uuid": follow_up.ticket_uuid,
        "asked_at": follow_up.asked_at.isoformat(), "officer": follow_up.officer,
        "requested_by": follow_up.requested_by, "promise": follow_up.promise,
        "promised_by": follow_up.promised_by.isoformat() if follow_up.promised_by else None,
        "note": follow_up.note})


def _normalised_phone(typed: str | None) -> str | None:
    if not typed:
        return None
    try:
        return normalize_phone(typed)
    except DomainError:
        return None


def duplicate_suggestions(store: Store, draft: DuplicateDraft, *, window_days: int = 30,
                          limit: int = 5) -> list[DuplicateSuggestion]:
    """Candidates from the DB (same category in the kelurahan, or the same phone, recently
    touched), ranked by the domain's duplicate scoring."""
    since = draft.created_at - timedelta(days=window_days)
    conditions: list[ColumnElement[bool]] = [(TicketRow.category == draft.category)
                  & (TicketRow.kelurahan_code == draft.kelurahan_code)]
    phone = _normalised_phone(draft.phone)
    if phone:
        conditions.append(TicketRow.reporter_phone == phone)
    with store.unit_of_work() as session:
        rows = session.scalars(
            select(TicketRow).options(selectinload(TicketRow.external_refs))
            .where(or_(*conditions), TicketRow.updated_at >= since)
            .order_by(TicketRow.updated_at.desc()).limit(500)
        ).all()
        candidates = [ticket_from_row(r) for r in rows]
    return find_duplicates(draft, candidates, limit=limit)


# --------------------------------------------------------------------------- validation, reopen
#
# An agency's "done" arrives as awaiting_validation (from the city server's pull); the officer
# confirms it (done) or rejects the follow-up (followup_rejected with the reason, then straight
# back to in_progress: the agency has to act again). A citizen who says "belum beres" reopens a
# done ticket (reopened with the note, then in_progress). Each flow is one unit of work: every
# status event with its own "status.changed" outbox row, in order, so the server applies them
# as ordinary status changes. The second event of a pair is stamped one millisecond after the
# first, so every reader that orders a timeline by time (desk, server, printout, other desks)
# shows them in the order they happened.

MAX_REASON = 2000  # the sync contract's limit for a status note
_SECOND_STEP = timedelta(milliseconds=1)
BACK_TO_AGENCY_REJECTED = "Dikembalikan ke instansi: tindak lanjut ditolak kecamatan."
BACK_TO_AGENCY_REOPENED = "Dikembalikan ke instansi: warga menyatakan belum beres."


@dataclass(frozen=True, slots=True)
class Reopened:
    """What `reopen_ticket` wrote: the two status events and the visit (a chase)."""

    events: tuple[StatusEvent, StatusEvent]  # reopened, then in_progress
    follow_up: FollowUp


def _limited(text: str, *, field: str, limit: int = MAX_REASON) -> str:
    """Typed text as the domain cleans it (no control characters), at most `limit` long."""
    return clean_text(text, field=field, limit=limit)


def _required_text(text: str, *, field: str, message_id: str, message_en: str) -> str:
    value = _limited(text, field=field)
    if not value:
        raise DomainError(message_id, message_en, code="note_required", field=field)
    return value


def _expect_status(row: TicketRow, expected: Status, *, code: str, message_id: str,
                   message_en: str) -> None:
    current = Status(row.status)
    if current is not expected:
        raise DomainError(f"{message_id} (status sekarang: {current.label_id}).",
                          f"{message_en} (current status: {current.label_en}).",
                          code=code, field="status")


def _status_step(session: Session, row: TicketRow, new: Status, *, at: datetime,
                 officer: str, note: str = "", source: EventSource = EventSource.DESK,
                 agency: str | None = None, merged_into: str | None = None) -> StatusEvent:
    """One checked status event on `row` with its "status.changed" outbox row."""
    previous = Status(row.status)
    check_transition(previous, new, agency=agency, merged_into=merged_into, note=note)
    event = StatusEvent(ticket_uuid=row.uuid, status=new, at=at, actor=officer,
                        source=source, note=note, agency=agency, merged_into=merged_into)
    session.add(StatusEventRow(**event_columns(event, row.id)))
    row.status = new.value
    row.updated_at = max(row.updated_at, at)
    payload: dict[str, object] = {
        "uuid": event.uuid, "ticket_uuid": row.uuid, "status": new.value,
        "previous": previous.value, "at": at.isoformat(), "actor": officer, "note": note,
        "agency": agency, "merged_into": merged_into}
    if source is not EventSource.DESK:
        payload["source"] = source.value
    enqueue(session, kind="status.changed", entity_uuid=event.uuid, at=at,
            ticket_uuid=row.uuid, payload=payload)
    return event


def confirm_done(store: Store, ticket_uuid: str, *, officer: str, note: str = "",
                 now: datetime | None = None) -> StatusEvent:
    """The officer checked the agency's "done": awaiting_validation -> done."""
    at = now or datetime.now(UTC)
    text = _limited(note, field="note")
    with store.unit_of_work() as session:
        row = _ticket(session, ticket_uuid)
        _expect_status(row, Status.AWAITING_VALIDATION, code="not_awaiting_validation",
                       message_id="Tiket ini tidak sedang menunggu validasi",
                       message_en="This ticket is not awaiting validation")
        event = _status_step(session, row, Status.DONE, at=at, officer=officer, note=text)
        audit(session, officer=officer, action="ticket.status", entity="ticket",
              entity_uuid=ticket_uuid, detail="awaiting_validation->done validated", at=at)
    return event


def reject_follow_up(store: Store, ticket_uuid: str, reason: str, *, officer: str,
                     now: datetime | None = None) -> tuple[StatusEvent, StatusEvent]:
    """The agency's follow-up does not solve it: followup_rejected (with the reason), then
    in_progress (back to the agency), in one unit of work."""
    text = _required_text(reason, field="reason",
                          message_id="Tuliskan alasan penolakan tindak lanjut.",
                          message_en="Give the reason for rejecting the follow-up.")
    at = now or datetime.now(UTC)
    with store.unit_of_work() as session:
        row = _ticket(session, ticket_uuid)
        _expect_status(row, Status.AWAITING_VALIDATION, code="not_awaiting_validation",
                       message_id="Tiket ini tidak sedang menunggu validasi",
                       message_en="This ticket is not awaiting validation")
        rejected = _status_step(session, row, Status.FOLLOWUP_REJECTED, at=at,
                                officer=officer, note=text)
        back = _status_step(session, row, Status.IN_PROGRESS, at=at + _SECOND_STEP,
                            officer=officer, note=BACK_TO_AGENCY_REJECTED)
        audit(session, officer=officer, action="ticket.status", entity="ticket",
              entity_uuid=ticket_uuid,
              detail="awaiting_validation->followup_rejected->in_progress", at=at)
    return rejected, back


def reopen_ticket(store: Store, ticket_uuid: str, note: str, *, officer: str,
                  requested_by: str = "", promise: str = "", promised_by: date | None = None,
                  now: datetime | None = None) -> Reopened:
    """A walk-in says a done ticket is "belum beres": reopened (with the note, source
    citizen: it is the citizen's word, recorded by `officer`), then in_progress (back to the
    agency), and the visit itself as a chase (FollowUp: who came, what they were told), all
    in one unit of work, each with its outbox row."""
    text = _required_text(note, field="note",
                          message_id="Tuliskan apa yang menurut warga belum beres.",
                          message_en="Write what the citizen says is not fixed.")
    who = _limited(requested_by, field="requested_by", limit=200)
    told = _limited(promise, field="promise")
    at = now or datetime.now(UTC)
    with store.unit_of_work() as session:
        row = _ticket(session, ticket_uuid)
        _expect_status(row, Status.DONE, code="not_done",
                       message_id="Hanya tiket yang sudah selesai yang dapat dibuka kembali",
                       message_en="Only a done ticket can be reopened")
        reopened = _status_step(session, row, Status.REOPENED, at=at, officer=officer,
                                note=text, source=EventSource.CITIZEN)
        back = _status_step(session, row, Status.IN_PROGRESS, at=at + _SECOND_STEP,
                            officer=officer, note=BACK_TO_AGENCY_REOPENED)
        visit = FollowUp(ticket_uuid=ticket_uuid, asked_at=at, officer=officer,
                         requested_by=who, promise=told,
                         promised_by=promised_by if told else None)
        _add_follow_up(session, row, visit)
        audit(session, officer=officer, action="ticket.status", entity="ticket",
              entity_uuid=ticket_uuid, detail="done->reopened->in_progress", at=at)
        audit(session, officer=officer, action="ticket.chase", entity="ticket",
              entity_uuid=ticket_uuid, detail="reopen", at=at)
    return Reopened((reopened, back), visit)
