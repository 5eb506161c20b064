"""A citizen's erasure (UU PDP art. 32) reaching the server: the change kind
``reporter.erased`` (``schemas.ReporterErasedIn``), pushed by the desk that carried it out.

The desk names the ticket and the follow-ups the person asked, never the person: the server
reads the name and phone it holds for that ticket (and the ``requested_by`` of those
follow-ups) just before blanking them, and removes them from the ticket's free text too
(description, address, notes, status notes, follow-ups) with the desk's own rules
(`posko.store.data_request.scrub`). A named reporter becomes anonymous. Every entity it
changed moves to the end of the change feed, so every desk of the kecamatan pulls the
anonymised version (a desk that pulls later, or from scratch, never sees the name again).

Scope and idempotency: only a ticket of the caller's kecamatan is touched. A ticket the
server does not know, or one of another kecamatan, is accepted with nothing to do (the
answer is the same, so it says nothing about other kecamatan), and an erasure sent again
finds nothing left to erase. Audited per ticket (``reporter.erase``, no personal data).

Not covered here: answers kept for Idempotency-Key replays (``idempotency_keys.body``) may
hold an earlier conflict's copy of the ticket; they are only ever replayed to the device
that sent that request.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from posko.domain.identity import Identity, normalise_name, scrub
from posko_central import schemas as s
from posko_central.auth import Caller
from posko_central.models import AuditRow, FollowUpRow, NoteRow, StatusEventRow, TicketRow
from posko_central.service import FeedTouch, ItemResult, touch_ticket

ERASE_ACTION = "reporter.erase"


def apply_reporter_erased(session: Session, caller: Caller, p: s.ReporterErasedIn,
                          result: ItemResult) -> None:
    """Anonymise one ticket of the caller's kecamatan (see the module docstring)."""
    ticket = session.scalar(select(TicketRow).where(TicketRow.uuid == str(p.ticket_uuid)))
    if ticket is None or ticket.kecamatan_code != caller.kecamatan_code:
        return  # nothing held here for this caller: accepted, nothing to do
    wanted = {str(u) for u in p.follow_ups}
    follow_ups = session.scalars(select(FollowUpRow).where(
        FollowUpRow.ticket_id == ticket.id).order_by(FollowUpRow.id)).all()
    identity = Identity()
    if p.reporter:
        if ticket.reporter_name:
            identity.names.add(ticket.reporter_name)
        if ticket.reporter_phone:
            identity.phones.add(ticket.reporter_phone)
    for follow_up in follow_ups:
        if follow_up.uuid in wanted and normalise_name(follow_up.requested_by or ""):
            identity.names.add(follow_up.requested_by)
    patterns = identity.patterns()
    touched: list[FeedTouch] = []
    changed_ticket = False
    if p.reporter:
        description = scrub(ticket.description, patterns) or ticket.description
        address = scrub(ticket.address, patterns) or ""
        before = (ticket.reporter_name, ticket.reporter_phone, ticket.reporter_has_nik,
                  ticket.contact_preference, ticket.reporter_kind, ticket.description,
                  ticket.address)
        ticket.reporter_name = None
        ticket.reporter_phone = None
        ticket.reporter_has_nik = False
        ticket.contact_preference = "none"
        if ticket.reporter_kind == "named":
            ticket.reporter_kind = "anonymous"
        ticket.description = description
        ticket.address = address
        changed_ticket = before != (None, None, False, "none", ticket.reporter_kind,
                                    description, address)
        for note in session.scalars(select(NoteRow).where(NoteRow.ticket_id == ticket.id)):
            cleaned = scrub(note.text, patterns) or note.text
            if cleaned != note.text:
                note.text = cleaned
                touched.append(FeedTouch("note", note.uuid, ticket.uuid,
                                         ticket.kecamatan_code))
        for event in session.scalars(select(StatusEventRow).where(
                StatusEventRow.ticket_id == ticket.id)):
            cleaned = scrub(event.note, patterns) or ""
            if cleaned != event.note:
                event.note = cleaned
                touched.append(FeedTouch("status_event", event.uuid, ticket.uuid,
                                         ticket.kecamatan_code))
    for follow_up in follow_ups:
        mine = follow_up.uuid in wanted
        if not (mine or p.reporter):
            continue
        values = ("" if mine else scrub(follow_up.requested_by, patterns) or "",
                  scrub(follow_up.promise, patterns) or "", scrub(follow_up.note, patterns) or "")
        if values != (follow_up.requested_by, follow_up.promise, follow_up.note):
            follow_up.requested_by, follow_up.promise, follow_up.note = values
            touched.append(FeedTouch("follow_up", follow_up.uuid, ticket.uuid,
                                     ticket.kecamatan_code))
    if changed_ticket or touched:
        ticket.updated_at = max(ticket.updated_at, p.at)
        touched.insert(0, touch_ticket(ticket))
    session.flush()
    result.touched += touched
    session.add(AuditRow(at=datetime.now(UTC), device_id=caller.device_id,
                         officer=p.actor[:64], action=ERASE_ACTION, entity_uuid=ticket.uuid,
                         detail=f"reporter={int(p.reporter)} follow_ups={len(wanted)}"))
