"""Merging tickets: several complaints about one problem become one survivor ticket.

`merge_tickets` (supervisors only, one unit of work): each merged ticket gets a MERGED status
event naming the survivor (its uuid); its external refs and follow-ups (chases and
supporters) move to the survivor; notes and photos stay with the ticket they describe. The
merge is recorded with what it moved (tables of migration 0006), written to the outbox as one
``ticket.merged`` change and audited as ``ticket.merge`` (entity: the survivor).

`undo_merge` (supervisors, the same local calendar day, once) restores each merged ticket's
previous status with a new status event (the state machine is bypassed on purpose) and moves
back exactly what the merge moved: ``ticket.merge_undone`` / ``ticket.merge_undo``.

`revert_merge_locally` is for the sync engine: when the server refuses a pushed merge
(``conflict``), it puts the tickets back as they were before the merge, in the caller's
transaction, without any outbox row, and marks the merge 'refused' so the detail can say so.

Nothing here deletes an outbox row: changes queued before a merge (a chase on a ticket that is
later merged away) still go out in order, and the server moves them with the merge.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo

from sqlalchemy import delete, func, insert, or_, select, update
from sqlalchemy.orm import Session

from posko.domain.errors import DomainError, InvalidTransition
from posko.domain.models import EventSource, StatusEvent, new_uuid
from posko.domain.status import Status, check_transition
from posko.domain.text import clean_text
from posko.store.database import Store, audit
from posko.store.desk import desk_identity
from posko.store.errors import NotFound
from posko.store.mapping import event_columns
from posko.store.models import (
    ExternalRefRow,
    FollowUpRow,
    StatusEventRow,
    TicketMergeItemRow,
    TicketMergeMoveRow,
    TicketMergeRow,
    TicketRow,
)
from posko.store.tickets import enqueue

MERGE_ACTION = "ticket.merge"
MERGE_UNDO_ACTION = "ticket.merge_undo"
MERGED_KIND = "ticket.merged"
MERGE_UNDONE_KIND = "ticket.merge_undone"
#: The note of the status event that puts a merged ticket back (the contract's wording).
UNDO_NOTE = "Penggabungan dibatalkan"
ACTIVE, UNDONE, REFUSED = "active", "undone", "refused"
_REF, _FOLLOW_UP = "external_ref", "follow_up"
MAX_NOTE = 2000


@dataclass(frozen=True, slots=True)
class MergeRecord:
    """One merge as the desk knows it. `state`: 'active', 'undone' or 'refused' (the server
    answered conflict and the merge was reverted here). The codes are for showing."""

    uuid: str
    survivor_uuid: str
    merged_uuids: tuple[str, ...]
    at: datetime
    officer: str
    note: str
    undone_at: datetime | None
    state: str
    survivor_code: str = ""
    merged_codes: tuple[str, ...] = ()
    undone_by: str | None = None
    refused_code: str | None = None

    @property
    def is_active(self) -> bool:
        return self.state == ACTIVE

    def code_of(self, ticket_uuid: str) -> str:
        """The tracking code of a ticket of this merge (its uuid when not on this desk)."""
        if ticket_uuid == self.survivor_uuid:
            return self.survivor_code or ticket_uuid
        for uuid, code in zip(self.merged_uuids, self.merged_codes, strict=False):
            if uuid == ticket_uuid:
                return code or uuid
        return ticket_uuid


@dataclass(frozen=True, slots=True)
class MergeCandidate:
    """A ticket offered in the merge dialog."""

    uuid: str
    tracking_code: str
    category: str
    kelurahan_code: str
    status: Status
    created_at: datetime
    ref_count: int
    follow_up_count: int


# --------------------------------------------------------------------------- errors


def not_allowed_to_merge() -> DomainError:
    return DomainError("Hanya camat/sekcam (supervisor) yang boleh menggabungkan tiket.",
                       "Only the camat/sekcam (supervisor) may merge tickets.",
                       code="not_allowed", field="merge")


def not_allowed_to_undo() -> DomainError:
    return DomainError("Hanya camat/sekcam (supervisor) yang boleh membatalkan penggabungan.",
                       "Only the camat/sekcam (supervisor) may undo a merge.",
                       code="not_allowed", field="merge")


def _merge_not_found() -> NotFound:
    return NotFound("Penggabungan tidak ditemukan.", "Merge not found.")


# --------------------------------------------------------------------------- reading


def _codes(session: Session, uuids: Iterable[str]) -> dict[str, str]:
    wanted = sorted(set(uuids))
    if not wanted:
        return {}
    return dict(session.execute(select(TicketRow.uuid, TicketRow.tracking_code)
                                .where(TicketRow.uuid.in_(wanted))).all())


def _record(row: TicketMergeRow, codes: dict[str, str]) -> MergeRecord:
    merged = tuple(item.ticket_uuid for item in row.items)
    return MergeRecord(
        uuid=row.uuid, survivor_uuid=row.survivor_uuid, merged_uuids=merged, at=row.at,
        officer=row.officer, note=row.note or "", undone_at=row.undone_at, state=row.state,
        survivor_code=codes.get(row.survivor_uuid, ""),
        merged_codes=tuple(codes.get(u, "") for u in merged),
        undone_by=row.undone_by, refused_code=row.refused_code)


def merges_of(store: Store, ticket_uuid: str) -> list[MergeRecord]:
    """Every merge the ticket took part in (as survivor or merged away), oldest first."""
    with store.unit_of_work() as session:
        rows = session.scalars(
            select(TicketMergeRow)
            .where(or_(TicketMergeRow.survivor_uuid == ticket_uuid,
                       TicketMergeRow.id.in_(select(TicketMergeItemRow.merge_id).where(
                           TicketMergeItemRow.ticket_uuid == ticket_uuid))))
            .order_by(TicketMergeRow.at, TicketMergeRow.id)).all()
        uuids = [u for row in rows for u in (row.survivor_uuid,
                                             *(i.ticket_uuid for i in row.items))]
        codes = _codes(session, uuids)
        return [_record(row, codes) for row in rows]


def merge_record(store: Store, merge_uuid: str) -> MergeRecord:
    with store.unit_of_work() as session:
        row = session.scalar(select(TicketMergeRow).where(TicketMergeRow.uuid == merge_uuid))
        if row is None:
            raise _merge_not_found()
        codes = _codes(session, (row.survivor_uuid, *(i.ticket_uuid for i in row.items)))
        return _record(row, codes)


def merge_candidates(store: Store, ticket_uuids: Sequence[str]) -> list[MergeCandidate]:
    """The tickets offered for a merge, in the order given (unknown uuids left out)."""
    with store.unit_of_work() as session:
        rows = {r.uuid: r for r in session.scalars(
            select(TicketRow).where(TicketRow.uuid.in_(list(ticket_uuids))))}
        ids = [r.id for r in rows.values()]
        refs = dict(session.execute(
            select(ExternalRefRow.ticket_id, func.count()).where(
                ExternalRefRow.ticket_id.in_(ids)).group_by(ExternalRefRow.ticket_id)
        ).all())
        follow_ups = dict(session.execute(
            select(FollowUpRow.ticket_id, func.count()).where(
                FollowUpRow.ticket_id.in_(ids)).group_by(FollowUpRow.ticket_id)
        ).all())
        found: list[MergeCandidate] = []
        for uuid in dict.fromkeys(ticket_uuids):
            row = rows.get(uuid)
            if row is None:
                continue
            found.append(MergeCandidate(
                uuid=row.uuid, tracking_code=row.tracking_code, category=row.category,
                kelurahan_code=row.kelurahan_code, status=Status(row.status),
                created_at=row.created_at, ref_count=refs.get(row.id, 0),
                follow_up_count=follow_ups.get(row.id, 0)))
        return found


def default_survivor(candidates: Sequence[MergeCandidate]) -> str | None:
    """The oldest open ticket (else the oldest one not merged already)."""
    for wanted in (lambda c: c.status.is_open, lambda c: c.status is not Status.MERGED):
        chosen = [c for c in candidates if wanted(c)]
        if chosen:
            return min(chosen, key=lambda c: (c.created_at, c.tracking_code)).uuid
    return None


def undo_allowed(record: MergeRecord, *, now: datetime | None = None,
                 timezone: tzinfo = UTC) -> bool:
    """An active merge may be undone on the local calendar day it was made."""
    moment = now or datetime.now(UTC)
    return record.is_active and (record.at.astimezone(timezone).date()
                                 == moment.astimezone(timezone).date())


# --------------------------------------------------------------------------- moving children


def _move_ref(session: Session, source: str, number: str, to_ticket_id: int) -> bool:
    """Move one external ref by delete + insert, so the search index triggers (which fire on
    insert and delete only) re-index both tickets. False when the ref is gone."""
    current = session.scalar(select(ExternalRefRow.ticket_id).where(
        ExternalRefRow.source == source, ExternalRefRow.number == number))
    if current is None:
        return False
    if current == to_ticket_id:
        return True
    session.execute(delete(ExternalRefRow).where(ExternalRefRow.source == source,
                                                 ExternalRefRow.number == number))
    session.execute(insert(ExternalRefRow).values(ticket_id=to_ticket_id, source=source,
                                                  number=number))
    return True


def _move_back(session: Session, row: TicketMergeRow) -> None:
    """Put every child the merge moved back on the ticket it came from (wherever it is now)."""
    session.flush()
    ids = dict(session.execute(select(TicketRow.uuid, TicketRow.id).where(
        TicketRow.uuid.in_({m.from_ticket_uuid for m in row.moves}))).all())
    for move in row.moves:
        home = ids.get(move.from_ticket_uuid)
        if home is None:
            continue
        if move.kind == _REF and move.ref_source and move.ref_number:
            _move_ref(session, move.ref_source, move.ref_number, home)
        elif move.kind == _FOLLOW_UP and move.follow_up_uuid:
            session.execute(update(FollowUpRow).where(FollowUpRow.uuid == move.follow_up_uuid)
                            .values(ticket_id=home))
    session.flush()
    session.expire_all()


# --------------------------------------------------------------------------- merging


def _tickets(session: Session, uuids: Sequence[str]) -> dict[str, TicketRow]:
    rows = {r.uuid: r for r in session.scalars(
        select(TicketRow).where(TicketRow.uuid.in_(list(uuids))))}
    missing = [u for u in uuids if u not in rows]
    if missing:
        raise NotFound("Tiket tidak ditemukan.", "Ticket not found.")
    return rows


def merge_tickets(store: Store, survivor_uuid: str, merged_uuids: Sequence[str], *,
                  officer: str, is_supervisor: bool, note: str = "",
                  now: datetime | None = None) -> MergeRecord:
    """Merge `merged_uuids` into `survivor_uuid` (see the module docstring)."""
    if not is_supervisor:
        raise not_allowed_to_merge()
    merged = [u for u in dict.fromkeys(merged_uuids) if u != survivor_uuid]
    if not merged:
        raise DomainError("Pilih sedikitnya dua tiket yang berbeda untuk digabung.",
                          "Choose at least two different tickets to merge.",
                          code="merge_too_few", field="merge")
    note = clean_text(note, field="note", limit=MAX_NOTE) if note else ""
    at = (now or datetime.now(UTC)).astimezone(UTC)
    merge_uuid = new_uuid()
    with store.unit_of_work() as session:
        rows = _tickets(session, [survivor_uuid, *merged])
        survivor = rows[survivor_uuid]
        if survivor.status == Status.MERGED.value:
            raise DomainError(
                f"Tiket {survivor.tracking_code} sudah digabung ke tiket lain; pilih tiket "
                "lain sebagai tiket utama.",
                f"Ticket {survivor.tracking_code} is already merged into another ticket; "
                "choose another one to keep.",
                code="merge_survivor_merged", field="survivor")
        for uuid in merged:
            row = rows[uuid]
            try:
                check_transition(Status(row.status), Status.MERGED, merged_into=survivor_uuid,
                                 note=note)
            except InvalidTransition as problem:
                raise InvalidTransition(f"Tiket {row.tracking_code}: {problem.message_id}",
                                        f"Ticket {row.tracking_code}: {problem.message_en}",
                                        field="merge") from None
        record = TicketMergeRow(uuid=merge_uuid, survivor_uuid=survivor_uuid, at=at,
                                officer=officer, note=note, state=ACTIVE)
        session.add(record)
        session.flush()
        merged_payload: list[dict[str, str]] = []
        moved_refs = moved_follow_ups = 0
        for position, uuid in enumerate(merged):
            row = rows[uuid]
            event = StatusEvent(ticket_uuid=uuid, status=Status.MERGED, at=at, actor=officer,
                                source=EventSource.DESK, note=note, merged_into=survivor_uuid)
            session.add(StatusEventRow(**event_columns(event, row.id)))
            session.add(TicketMergeItemRow(merge_id=record.id, position=position,
                                           ticket_uuid=uuid, previous_status=row.status,
                                           event_uuid=event.uuid))
            refs = session.execute(select(ExternalRefRow.source, ExternalRefRow.number)
                                   .where(ExternalRefRow.ticket_id == row.id)
                                   .order_by(ExternalRefRow.id)).all()
            for source, number in refs:
                session.add(TicketMergeMoveRow(merge_id=record.id, from_ticket_uuid=uuid,
                                               kind=_REF, ref_source=source, ref_number=number))
                _move_ref(session, source, number, survivor.id)
            follow_ups = session.scalars(select(FollowUpRow.uuid)
                                         .where(FollowUpRow.ticket_id == row.id)
                                         .order_by(FollowUpRow.asked_at, FollowUpRow.id)).all()
            for follow_up_uuid in follow_ups:
                session.add(TicketMergeMoveRow(merge_id=record.id, from_ticket_uuid=uuid,
                                               kind=_FOLLOW_UP, follow_up_uuid=follow_up_uuid))
            session.execute(update(FollowUpRow).where(FollowUpRow.ticket_id == row.id)
                            .values(ticket_id=survivor.id))
            moved_refs += len(refs)
            moved_follow_ups += len(follow_ups)
            row.status = Status.MERGED.value
            row.updated_at = at
            merged_payload.append({"ticket_uuid": uuid, "event_uuid": event.uuid})
        survivor.updated_at = at
        enqueue(session, kind=MERGED_KIND, entity_uuid=merge_uuid, at=at, payload={
            "uuid": merge_uuid, "survivor_uuid": survivor_uuid, "at": at.isoformat(),
            "actor": officer, "note": note, "merged": merged_payload})
        audit(session, officer=officer, action=MERGE_ACTION, entity="ticket",
              entity_uuid=survivor_uuid, at=at,
              detail=(f"merge={merge_uuid} merged="
                      + ",".join(rows[u].tracking_code for u in merged)
                      + f" refs={moved_refs} follow_ups={moved_follow_ups}"))
        codes = {u: r.tracking_code for u, r in rows.items()}
    return MergeRecord(uuid=merge_uuid, survivor_uuid=survivor_uuid, merged_uuids=tuple(merged),
                       at=at, officer=officer, note=note, undone_at=None, state=ACTIVE,
                       survivor_code=codes[survivor_uuid],
                       merged_codes=tuple(codes[u] for u in merged))


def undo_merge(store: Store, merge_uuid: str, *, officer: str, is_supervisor: bool,
               now: datetime | None = None, timezone: tzinfo | None = None) -> None:
    """Undo an active merge made today (desk time): statuses and moved children go back."""
    if not is_supervisor:
        raise not_allowed_to_undo()
    zone = timezone or desk_identity(store).timezone
    at = (now or datetime.now(UTC)).astimezone(UTC)
    undo_uuid = new_uuid()
    with store.unit_of_work() as session:
        record = session.scalar(select(TicketMergeRow).where(TicketMergeRow.uuid == merge_uuid))
        if record is None:
            raise _merge_not_found()
        if record.state == UNDONE:
            raise DomainError("Penggabungan ini sudah dibatalkan.",
                              "This merge has already been undone.",
                              code="merge_already_undone", field="merge")
        if record.state != ACTIVE:
            raise DomainError("Penggabungan ini ditolak server kota dan sudah dikembalikan.",
                              "The city server refused this merge; it was already reverted.",
                              code="merge_refused", field="merge")
        if record.at.astimezone(zone).date() != at.astimezone(zone).date():
            raise DomainError(
                "Penggabungan hanya dapat dibatalkan pada hari yang sama.",
                "A merge can only be undone on the day it was made.",
                code="merge_undo_too_late", field="merge")
        survivor = session.scalar(select(TicketRow).where(
            TicketRow.uuid == record.survivor_uuid))
        if survivor is None:
            raise NotFound("Tiket tidak ditemukan.", "Ticket not found.")
        if survivor.status == Status.MERGED.value:
            raise DomainError(
                f"Tiket {survivor.tracking_code} sudah digabung lagi ke tiket lain; batalkan "
                "penggabungan itu dulu.",
                f"Ticket {survivor.tracking_code} has since been merged into another ticket; "
                "undo that merge first.",
                code="merge_undo_blocked", field="merge")
        rows = _tickets(session, [i.ticket_uuid for i in record.items])
        for item in record.items:
            row = rows[item.ticket_uuid]
            if row.status != Status.MERGED.value:
                raise DomainError(
                    f"Tiket {row.tracking_code} tidak lagi berstatus digabung; penggabungan "
                    "tidak dapat dibatalkan.",
                    f"Ticket {row.tracking_code} is no longer merged; the merge cannot be "
                    "undone.",
                    code="merge_undo_blocked", field="merge")
        restored: list[dict[str, str]] = []
        for item in record.items:
            row = rows[item.ticket_uuid]
            status = Status(item.previous_status)
            event = StatusEvent(ticket_uuid=row.uuid, status=status, at=at, actor=officer,
                                source=EventSource.DESK, note=UNDO_NOTE)
            session.add(StatusEventRow(**event_columns(event, row.id)))
            row.status = status.value
            row.updated_at = at
            item.restore_event_uuid = event.uuid
            restored.append({"ticket_uuid": row.uuid, "event_uuid": event.uuid,
                             "status": status.value})
        _move_back(session, record)
        survivor = session.scalar(select(TicketRow).where(
            TicketRow.uuid == record.survivor_uuid))
        assert survivor is not None
        survivor.updated_at = at
        record.state = UNDONE
        record.undone_at = at
        record.undone_by = officer
        record.undo_uuid = undo_uuid
        enqueue(session, kind=MERGE_UNDONE_KIND, entity_uuid=undo_uuid, at=at, payload={
            "uuid": undo_uuid, "merge_uuid": merge_uuid, "at": at.isoformat(),
            "actor": officer, "restored": restored})
        audit(session, officer=officer, action=MERGE_UNDO_ACTION, entity="ticket",
              entity_uuid=record.survivor_uuid, at=at,
              detail=f"merge={merge_uuid} undo={undo_uuid} restored={len(restored)}")


def revert_merge_locally(session: Session, merge_uuid: str, *, reason_code: str) -> None:
    """The server refused the merge (sync `conflict`): in the caller's transaction, put the
    tickets back exactly as before it (statuses, moved refs and follow-ups; the MERGED status
    events, and an undo's restoring ones, never happened on the server and are removed) and
    mark the merge 'refused' with the server's reason code. Writes no outbox row and deletes
    none. A merge unknown here or already refused is left as it is."""
    record = session.scalar(select(TicketMergeRow).where(TicketMergeRow.uuid == merge_uuid))
    if record is None or record.state == REFUSED:
        return
    events = [i.event_uuid for i in record.items]
    events += [i.restore_event_uuid for i in record.items if i.restore_event_uuid]
    if record.state == ACTIVE:
        rows = {r.uuid: r for r in session.scalars(select(TicketRow).where(
            TicketRow.uuid.in_([i.ticket_uuid for i in record.items])))}
        for item in record.items:
            row = rows.get(item.ticket_uuid)
            if row is not None and row.status == Status.MERGED.value:
                row.status = item.previous_status
        _move_back(session, record)
    session.execute(delete(StatusEventRow).where(StatusEventRow.uuid.in_(events)))
    session.flush()
    session.expire_all()
    record = session.scalar(select(TicketMergeRow).where(TicketMergeRow.uuid == merge_uuid))
    assert record is not None
    record.state = REFUSED
    record.refused_code = (reason_code or "conflict")[:64]
