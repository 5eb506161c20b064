"""Ticket merges on the server: the push items ``ticket.merged`` and ``ticket.merge_undone``.

A merge turns each merged ticket into ``merged`` (naming the survivor) and moves ALL its
external refs and follow-ups to the survivor, also ones the pushing desk never saw; notes
and attachments stay with the ticket they describe. An undo restores the statuses the
tickets had on the server before the merge and moves back exactly what the merge moved.

Each item runs in the push's savepoint for that item (:func:`posko_central.service.push`):
everything is checked before anything is written, and an :class:`Outcome` rolls the item
back whole, so a merge is applied all-or-nothing. Every touched ticket, status event and
follow-up goes to the end of the feed, so the other desks of the kecamatan pull the merge.

Answers (besides ``accepted``):

* ``conflict`` ``already_merged``: a merged ticket (or the survivor) is already ``merged`` on
  the server, by another merge or a status change; ``server_version`` is that ticket.
  Other status conflicts (e.g. the ticket is ``done`` on the server) keep the state
  machine's code. The same merge UUID with other content: ``merge_exists``. An undo of a
  merge another desk already undid: ``merge_already_undone``.
* ``rejected``: a ticket outside the caller's kecamatan or unknown (``ticket_not_found``),
  a malformed merge (``invalid_merge``), a UUID already used (``uuid_taken``), an undo of
  an unknown merge (``merge_not_found``), an undo whose tickets are not the merge's
  (``restored_mismatch``) or whose survivor has since been merged itself
  (``survivor_merged``: undo that later merge first).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from posko.domain.errors import InvalidTransition
from posko.domain.status import Status, check_transition
from posko_central import schemas as s
from posko_central.auth import Caller
from posko_central.models import (
    ExternalRefRow,
    FollowUpRow,
    StatusEventRow,
    TicketMergeItemRow,
    TicketMergeMoveRow,
    TicketMergeRow,
    TicketRow,
)
from posko_central.service import (
    FeedTouch,
    ItemResult,
    Outcome,
    _domain,
    conflict,
    rejected,
    touch_ticket,
)

# The note of each restoring status event (the desk writes the same text).
MERGE_UNDONE_NOTE = "Penggabungan dibatalkan"


def apply_change(session: Session, caller: Caller, change: Any, result: ItemResult) -> None:
    """Apply one ``ticket.merged`` / ``ticket.merge_undone`` item (service's dispatch)."""
    if isinstance(change, s.TicketMerged):
        apply_merge(session, caller, change.payload, result)
    else:
        apply_merge_undo(session, caller, change.payload, result)


# ------------------------------------------------------------------------------ helpers


def _in_scope(session: Session, caller: Caller, ticket_uuid: str, field: str) -> TicketRow:
    row = session.scalar(select(TicketRow).where(TicketRow.uuid == ticket_uuid))
    if row is None or row.kecamatan_code != caller.kecamatan_code:
        # The same answer whether the ticket does not exist or belongs to another kecamatan.
        raise rejected("ticket_not_found", "Tiket tidak ditemukan di kecamatan ini.",
                       "Ticket not found in this kecamatan.", field)
    return row


def _event_uuids_free(session: Session, event_uuids: list[str], field: str) -> None:
    if len(set(event_uuids)) != len(event_uuids):
        raise rejected("invalid_merge", "UUID peristiwa status tercantum dua kali.",
                       "A status event UUID is listed twice.", field)
    if session.scalar(select(StatusEventRow.id).where(StatusEventRow.uuid.in_(event_uuids))
                      .limit(1)) is not None:
        raise rejected("uuid_taken", "UUID peristiwa status ini sudah dipakai.",
                       "This status event UUID is already used.", field)


def _already_merged(ticket: TicketRow, field: str) -> Outcome:
    return conflict("already_merged",
                    f"Tiket {ticket.tracking_code} sudah digabung di server; penggabungan "
                    "ini tidak diterapkan.",
                    f"Ticket {ticket.tracking_code} is already merged on the server; this "
                    "merge was not applied.", ticket, field)


# ------------------------------------------------------------------------------ merge


def apply_merge(session: Session, caller: Caller, p: s.TicketMergeIn,
                result: ItemResult) -> None:
    merge_uuid = str(p.uuid)
    survivor = _in_scope(session, caller, str(p.survivor_uuid), "survivor_uuid")
    pairs = [(str(m.ticket_uuid), str(m.event_uuid)) for m in p.merged]
    merged_uuids = [ticket_uuid for ticket_uuid, _ in pairs]
    if len(set(merged_uuids)) != len(merged_uuids) or survivor.uuid in merged_uuids:
        raise rejected("invalid_merge",
                       "Tiket yang digabung harus berbeda satu sama lain dan dari tiket "
                       "tujuan.",
                       "The merged tickets must differ from each other and from the "
                       "survivor.", "merged")

    existing = session.scalar(select(TicketMergeRow).where(TicketMergeRow.uuid == merge_uuid))
    if existing is not None:
        if existing.kecamatan_code != caller.kecamatan_code:
            raise rejected("uuid_taken", "UUID penggabungan ini sudah dipakai.",
                           "This merge UUID is already used.", "uuid")
        known = sorted((str(t), str(e)) for t, e in session.execute(
            select(TicketRow.uuid, TicketMergeItemRow.event_uuid)
            .join(TicketMergeItemRow, TicketMergeItemRow.ticket_id == TicketRow.id)
            .where(TicketMergeItemRow.merge_id == existing.id)))
        if existing.survivor_id == survivor.id and known == sorted(pairs):
            return  # the same merge sent again: accepted, nothing new
        raise conflict("merge_exists",
                       "Penggabungan dengan UUID ini sudah ada dengan isi lain.",
                       "A merge with this UUID already exists with other content.",
                       survivor, "uuid")

    tickets = [_in_scope(session, caller, ticket_uuid, "merged") for ticket_uuid in merged_uuids]
    # Checks first, writes after: an Outcome must find nothing half-done.
    if Status(survivor.status) is Status.MERGED:
        raise _already_merged(survivor, "survivor_uuid")
    for ticket in tickets:
        current = Status(ticket.status)
        if current is Status.MERGED:
            raise _already_merged(ticket, "merged")
        try:
            check_transition(current, Status.MERGED, merged_into=survivor.uuid, note=p.note)
        except InvalidTransition as exc:
            if exc.field is None:  # the server's status moved on: the server wins on status
                raise conflict(exc.code, exc.message_id, exc.message_en, ticket,
                               "status") from None
            raise _domain(exc) from None
    _event_uuids_free(session, [event_uuid for _, event_uuid in pairs], "merged")
    if session.scalar(select(TicketMergeRow.id).where(TicketMergeRow.undo_uuid == merge_uuid)):
        raise rejected("uuid_taken", "UUID penggabungan ini sudah dipakai.",
                       "This merge UUID is already used.", "uuid")

    merge = TicketMergeRow(uuid=merge_uuid, kecamatan_code=caller.kecamatan_code,
                           survivor_id=survivor.id, at=p.at, actor=p.actor, note=p.note,
                           device_id=caller.device_id)
    session.add(merge)
    session.flush()
    kec = caller.kecamatan_code
    touched: list[FeedTouch] = [touch_ticket(survivor)]
    for ticket, (_ticket_uuid, event_uuid) in zip(tickets, pairs, strict=True):
        session.add(TicketMergeItemRow(merge_id=merge.id, ticket_id=ticket.id,
                                       previous_status=ticket.status, event_uuid=event_uuid))
        session.add(StatusEventRow(uuid=event_uuid, ticket_id=ticket.id,
                                   status=Status.MERGED.value, at=p.at, actor=p.actor,
                                   source="desk", note=p.note, merged_into=survivor.uuid,
                                   device_id=caller.device_id))
        ticket.status = Status.MERGED.value
        ticket.updated_at = max(ticket.updated_at, p.at)
        ref_ids = list(session.scalars(select(ExternalRefRow.id)
                                       .where(ExternalRefRow.ticket_id == ticket.id)
                                       .order_by(ExternalRefRow.id)))
        follow_ups = session.execute(select(FollowUpRow.id, FollowUpRow.uuid)
                                     .where(FollowUpRow.ticket_id == ticket.id)
                                     .order_by(FollowUpRow.id)).all()
        session.add_all([TicketMergeMoveRow(merge_id=merge.id, from_ticket_id=ticket.id,
                                            external_ref_id=ref_id) for ref_id in ref_ids])
        session.add_all([TicketMergeMoveRow(merge_id=merge.id, from_ticket_id=ticket.id,
                                            follow_up_id=fid) for fid, _ in follow_ups])
        if ref_ids:
            session.execute(update(ExternalRefRow).where(ExternalRefRow.id.in_(ref_ids))
                            .values(ticket_id=survivor.id))
        if follow_ups:
            session.execute(update(FollowUpRow)
                            .where(FollowUpRow.id.in_([fid for fid, _ in follow_ups]))
                            .values(ticket_id=survivor.id))
        touched += [touch_ticket(ticket),
                    FeedTouch("status_event", event_uuid, ticket.uuid, kec)]
        touched += [FeedTouch("follow_up", fu_uuid, survivor.uuid, kec)
                    for _, fu_uuid in follow_ups]
    survivor.updated_at = max(survivor.updated_at, p.at)
    session.flush()
    # The refs moved under the ORM's feet: reload them when a later item of the push asks.
    for row in (survivor, *tickets):
        session.expire(row, ["external_refs"])
    result.touched += touched
    result.audit.append((p.actor, "ticket.merge"))


# ------------------------------------------------------------------------------ undo


def apply_merge_undo(session: Session, caller: Caller, p: s.MergeUndoIn,
                     result: ItemResult) -> None:
    undo_uuid = str(p.uuid)
    merge = session.scalar(select(TicketMergeRow)
                           .where(TicketMergeRow.uuid == str(p.merge_uuid)))
    if merge is None or merge.kecamatan_code != caller.kecamatan_code:
        raise rejected("merge_not_found", "Penggabungan ini tidak ada di server.",
                       "This merge is not on the server.", "merge_uuid")
    survivor = session.get(TicketRow, merge.survivor_id)
    assert survivor is not None  # the merge row cascades with its survivor
    if merge.undo_uuid is not None:
        if merge.undo_uuid == undo_uuid:
            return  # the same undo sent again: accepted, nothing new
        raise conflict("merge_already_undone",
                       "Penggabungan ini sudah dibatalkan di server.",
                       "This merge was already undone on the server.", survivor,
                       "merge_uuid")
    if session.scalar(select(TicketMergeRow.id).where(
            (TicketMergeRow.undo_uuid == undo_uuid) | (TicketMergeRow.uuid == undo_uuid))):
        raise rejected("uuid_taken", "UUID pembatalan ini sudah dipakai.",
                       "This undo UUID is already used.", "uuid")
    items = session.execute(
        select(TicketMergeItemRow, TicketRow)
        .join(TicketRow, TicketRow.id == TicketMergeItemRow.ticket_id)
        .where(TicketMergeItemRow.merge_id == merge.id)
        .order_by(TicketMergeItemRow.id)).all()
    restored = {str(r.ticket_uuid): str(r.event_uuid) for r in p.restored}
    if len(restored) != len(p.restored) or set(restored) != {t.uuid for _, t in items}:
        raise rejected("restored_mismatch",
                       "Daftar tiket yang dipulihkan tidak sama dengan tiket yang digabung.",
                       "The restored tickets are not the merge's merged tickets.", "restored")
    if Status(survivor.status) is Status.MERGED:
        raise rejected("survivor_merged",
                       "Tiket tujuan sudah digabung lagi ke tiket lain; batalkan "
                       "penggabungan itu dulu.",
                       "The survivor has since been merged into another ticket; undo that "
                       "merge first.", "merge_uuid")
    for _item, ticket in items:
        if Status(ticket.status) is not Status.MERGED:  # only an operator's edit does this
            raise conflict("not_merged", "Tiket ini tidak lagi berstatus digabung di server.",
                           "This ticket is no longer merged on the server.", ticket, "status")
    _event_uuids_free(session, list(restored.values()), "restored")

    kec = caller.kecamatan_code
    touched: list[FeedTouch] = [touch_ticket(survivor)]
    for item, ticket in items:
        event_uuid = restored[ticket.uuid]
        session.add(StatusEventRow(uuid=event_uuid, ticket_id=ticket.id,
                                   status=item.previous_status, at=p.at, actor=p.actor,
                                   source="desk", note=MERGE_UNDONE_NOTE,
                                   device_id=caller.device_id))
        ticket.status = item.previous_status  # the server's own status before the merge
        ticket.updated_at = max(ticket.updated_at, p.at)
        item.restore_event_uuid = event_uuid
        touched += [touch_ticket(ticket),
                    FeedTouch("status_event", event_uuid, ticket.uuid, kec)]
    tickets = {ticket.id: ticket for _, ticket in items}
    moves = session.scalars(select(TicketMergeMoveRow)
                            .where(TicketMergeMoveRow.merge_id == merge.id)
                            .order_by(TicketMergeMoveRow.id)).all()
    for move in moves:
        origin = tickets.get(move.from_ticket_id)
        if origin is None:
            continue
        if move.external_ref_id is not None:
            session.execute(update(ExternalRefRow).where(
                ExternalRefRow.id == move.external_ref_id,
                ExternalRefRow.ticket_id == survivor.id).values(ticket_id=origin.id))
        elif move.follow_up_id is not None:
            follow_up = session.get(FollowUpRow, move.follow_up_id)
            if follow_up is not None and follow_up.ticket_id == survivor.id:
                follow_up.ticket_id = origin.id
                touched.append(FeedTouch("follow_up", follow_up.uuid, origin.uuid, kec))
    merge.undo_uuid = undo_uuid
    merge.undone_at = p.at
    merge.undone_by = p.actor
    survivor.updated_at = max(survivor.updated_at, p.at)
    session.flush()
    for row in (survivor, *tickets.values()):
        session.expire(row, ["external_refs"])
    result.touched += touched
    result.audit.append((p.actor, "ticket.merge_undo"))
