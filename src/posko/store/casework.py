"""What officers do to existing tickets: status changes, notes, external refs, chases, and
the duplicate candidates shown at intake. One unit of work per action, each with its outbox
row and audit entry."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.sql.elements import ColumnElement

from posko.domain.duplicates import DuplicateDraft, DuplicateSuggestion, find_duplicates
from posko.domain.errors import DomainError
from posko.domain.models import EventSource, ExternalRef, FollowUp, StatusEvent, new_uuid
from posko.domain.phone import normalize_phone
from posko.domain.status import Status, check_transition
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
        check_transition(Status(row.status), new, agency=agency, merged_into=merged_into,
                         note=note)
        event = StatusEvent(ticket_uuid=ticket_uuid, status=new, at=at, actor=officer,
                            source=EventSource.DESK, note=note.strip(), agency=agency,
                            merged_into=merged_into)
        session.add(StatusEventRow(**event_columns(event, row.id)))
        previous = row.status
        row.status = new.value
        row.updated_at = at
        enqueue(session, kind="status.changed", entity_uuid=event.uuid, at=at, payload={
            "uuid": event.uuid, "ticket_uuid": ticket_uuid, "status": new.value,
            "previous": previous, "at": at.isoformat(), "actor": officer, "note": event.note,
            "agency": agency, "merged_into": merged_into})
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
        enqueue(session, kind="note.added", entity_uuid=note_uuid, at=at, payload={
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
        enqueue(session, kind="external_ref.added", entity_uuid=ticket_uuid, at=at, payload={
            "ticket_uuid": ticket_uuid, "source": ref.source.value, "number": ref.number})
        audit(session, officer=officer, action="ticket.external_ref", entity="ticket",
              entity_uuid=ticket_uuid, detail=str(ref), at=at)


def record_chase(store: Store, follow_up: FollowUp) -> None:
    """A walk-in asked for an update on a ticket: record who/when/what was promised."""
    at = follow_up.asked_at
    with store.unit_of_work() as session:
        row = _ticket(session, follow_up.ticket_uuid)
        session.add(FollowUpRow(**follow_up_columns(follow_up, row.id)))
        row.updated_at = max(row.updated_at, at)
        enqueue(session, kind="followup.created", entity_uuid=follow_up.uuid, at=at, payload={
            "uuid": follow_up.uuid, "ticket_uuid": follow_up.ticket_uuid,
            "asked_at": at.isoformat(), "officer": follow_up.officer,
            "requested_by": follow_up.requested_by, "promise": follow_up.promise,
            "promised_by": follow_up.promised_by.isoformat() if follow_up.promised_by else None,
            "note": follow_up.note})
        audit(session, officer=follow_up.officer, action="ticket.chase", entity="ticket",
              entity_uuid=follow_up.ticket_uuid, at=at)


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
