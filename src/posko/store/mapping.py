"""Conversions between table rows and domain dataclasses (the only place that knows both)."""

from __future__ import annotations

from typing import Any

from posko.domain.models import (
    ContactPreference,
    EventSource,
    ExternalRef,
    FollowUp,
    Location,
    Origin,
    Reporter,
    ReporterKind,
    Source,
    StatusEvent,
    Ticket,
)
from posko.domain.status import Status
from posko.store.crypto import NikCipher
from posko.store.models import FollowUpRow, StatusEventRow, TicketRow


def ticket_columns(ticket: Ticket, cipher: NikCipher | None) -> dict[str, Any]:
    """Column values for a tickets row (NIK encrypted + keyed hash; never plaintext)."""
    nik = ticket.reporter.nik
    if nik is not None and cipher is None:
        raise ValueError("a NIK cannot be stored without the NIK cipher")
    loc = ticket.location
    return {
        "uuid": ticket.uuid,
        "tracking_code": ticket.tracking_code,
        "origin": ticket.origin.value,
        "category": ticket.category,
        "kelurahan_code": loc.kelurahan_code,
        "rw": loc.rw,
        "rt": loc.rt,
        "address": loc.address,
        "latitude": loc.latitude,
        "longitude": loc.longitude,
        "description": ticket.description,
        "reporter_kind": ticket.reporter.kind.value,
        "reporter_name": ticket.reporter.name,
        "reporter_phone": ticket.reporter.phone,
        "reporter_nik_enc": cipher.encrypt(nik) if nik and cipher else None,
        "reporter_nik_hash": cipher.lookup_hash(nik) if nik and cipher else None,
        "contact_preference": ticket.reporter.contact.value,
        "consent": ticket.consent,
        "officer": ticket.officer,
        "status": ticket.status.value,
        "needs_field_check": ticket.needs_field_check,
        "created_at": ticket.created_at,
        "updated_at": ticket.updated_at,
    }


def ticket_from_row(row: TicketRow, cipher: NikCipher | None = None) -> Ticket:
    """Domain ticket from a row; the NIK is decrypted only when a cipher is given."""
    nik = cipher.decrypt(row.reporter_nik_enc) if cipher and row.reporter_nik_enc else None
    return Ticket(
        uuid=row.uuid,
        tracking_code=row.tracking_code,
        origin=Origin(row.origin),
        category=row.category,
        location=Location(
            kelurahan_code=row.kelurahan_code, rw=row.rw, rt=row.rt, address=row.address,
            latitude=row.latitude, longitude=row.longitude,
        ),
        description=row.description,
        reporter=Reporter(
            kind=ReporterKind(row.reporter_kind), name=row.reporter_name,
            phone=row.reporter_phone, nik=nik, contact=ContactPreference(row.contact_preference),
        ),
        consent=row.consent,
        officer=row.officer,
        created_at=row.created_at,
        updated_at=row.updated_at,
        status=Status(row.status),
        external_refs=tuple(ExternalRef(Source(r.source), r.number) for r in row.external_refs),
        needs_field_check=row.needs_field_check,
    )


def event_columns(event: StatusEvent, ticket_id: int) -> dict[str, Any]:
    return {
        "uuid": event.uuid,
        "ticket_id": ticket_id,
        "status": event.status.value,
        "at": event.at,
        "actor": event.actor,
        "source": event.source.value,
        "note": event.note,
        "agency": event.agency,
        "merged_into": event.merged_into,
    }


def event_from_row(row: StatusEventRow, ticket_uuid: str) -> StatusEvent:
    return StatusEvent(
        ticket_uuid=ticket_uuid, status=Status(row.status), at=row.at, actor=row.actor,
        source=EventSource(row.source), note=row.note, agency=row.agency,
        merged_into=row.merged_into, uuid=row.uuid,
    )


def follow_up_columns(follow_up: FollowUp, ticket_id: int) -> dict[str, Any]:
    return {
        "uuid": follow_up.uuid,
        "ticket_id": ticket_id,
        "asked_at": follow_up.asked_at,
        "officer": follow_up.officer,
        "requested_by": follow_up.requested_by,
        "promise": follow_up.promise,
        "promised_by": follow_up.promised_by,
        "note": follow_up.note,
    }


def follow_up_from_row(row: FollowUpRow, ticket_uuid: str) -> FollowUp:
    return FollowUp(
        ticket_uuid=ticket_uuid, asked_at=row.asked_at, officer=row.officer,
        requested_by=row.requested_by, promise=row.promise, promised_by=row.promised_by,
        note=row.note, uuid=row.uuid,
    )


def ticket_payload(ticket: Ticket) -> dict[str, Any]:
    """What a created ticket looks like in the outbox.

    The NIK is deliberately absent: the outbox is stored in clear in the DB, and the central
    server accepts no NIK at all (only `has_nik`); NIKs never leave the kecamatan's desk.
    """
    loc = ticket.location
    return {
        "uuid": ticket.uuid,
        "tracking_code": ticket.tracking_code,
        "origin": ticket.origin.value,
        "category": ticket.category,
        "kelurahan_code": loc.kelurahan_code,
        "rw": loc.rw,
        "rt": loc.rt,
        "address": loc.address,
        "latitude": loc.latitude,
        "longitude": loc.longitude,
        "description": ticket.description,
        "reporter": {
            "kind": ticket.reporter.kind.value,
            "name": ticket.reporter.name,
            "phone": ticket.reporter.phone,
            "has_nik": ticket.reporter.nik is not None,
            "contact": ticket.reporter.contact.value,
        },
        "consent": ticket.consent,
        "officer": ticket.officer,
        "status": ticket.status.value,
        "needs_field_check": ticket.needs_field_check,
        "external_refs": [{"source": r.source.value, "number": r.number}
                          for r in ticket.external_refs],
        "created_at": ticket.created_at.isoformat(),
        "updated_at": ticket.updated_at.isoformat(),
    }
