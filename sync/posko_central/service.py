"""What the API does, without HTTP: push (idempotent batches), pull (the change feed),
search and lookup, all scoped to the calling device's kecamatan.

Rules come from :mod:`posko.domain` (tickets, locations, reporters, status transitions,
tracking codes, phone numbers) and :mod:`posko.catalogues` (categories, kelurahan).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import logging
import math
import re
import uuid as uuid_module
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, tzinfo
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import and_, delete, exists, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from posko import catalogues
from posko.domain import tracking
from posko.domain.errors import InvalidTransition, PoskoError
from posko.domain.models import (
    ExternalRef,
    Location,
    Origin,
    Reporter,
    ReporterKind,
    Source,
    Ticket,
)
from posko.domain.phone import normalize_phone
from posko.domain.sla import WorkingCalendar, default_policy, tier_due
from posko.domain.status import Status, check_transition
from posko_central import schemas as s
from posko_central.auth import SERVER_DESK, Caller
from posko_central.db import Database, next_sequence
from posko_central.errors import ApiError, json_bytes, not_found
from posko_central.models import (
    AttachmentRow,
    AuditRow,
    BlobRow,
    Device,
    ExternalRefRow,
    FeedRow,
    FollowUpRow,
    IdempotencyRow,
    NoteRow,
    StatusEventRow,
    TicketRow,
    TrackingSequence,
)

log = logging.getLogger("posko_central.service")

INITIAL_EVENT_NAMESPACE = uuid_module.UUID("6f2b1c9e-6d0b-4e8e-9a57-2d9a4f0c1e11")


def initial_event_uuid(ticket_uuid: str) -> str:
    """The first (received) event's UUID when the desk does not send its own."""
    return str(uuid_module.uuid5(INITIAL_EVENT_NAMESPACE, f"{ticket_uuid}:received"))


def local_timezone(kecamatan_code: str) -> tzinfo:
    """WIB, WITA or WIT from the province part of a region code."""
    return ZoneInfo(catalogues.timezone_name(kecamatan_code))


# ------------------------------------------------------------------------------ outcomes


class Outcome(Exception):
    """Ends one change item as conflict or rejected (rolled back to its savepoint)."""

    def __init__(self, result: str, code: str, message_id: str, message_en: str,
                 field: str | None = None, server_version: s.TicketOut | None = None) -> None:
        super().__init__(code)
        self.result = result
        self.error = s.FieldError(code=code, message_id=message_id, message_en=message_en,
                                  field=field)
        self.server_version = server_version


def rejected(code: str, message_id: str, message_en: str, field: str | None = None) -> Outcome:
    return Outcome("rejected", code, message_id, message_en, field)


def conflict(code: str, message_id: str, message_en: str, server: TicketRow,
             field: str | None = None) -> Outcome:
    return Outcome("conflict", code, message_id, message_en, field, ticket_out(server))


def _ticket_not_found() -> Outcome:
    # The same answer whether the ticket does not exist or belongs to another kecamatan.
    return rejected("ticket_not_found", "Tiket tidak ditemukan di kecamatan ini.",
                    "Ticket not found in this kecamatan.", "ticket_uuid")


@dataclass
class FeedTouch:
    kind: str
    entity_uuid: str
    ticket_uuid: str
    kecamatan_code: str
    op: str = "upsert"


@dataclass
class ItemResult:
    upload_needed: bool = False
    touched: list[FeedTouch] = field(default_factory=list)
    audit: list[tuple[str, str]] = field(default_factory=list)  # (officer, action)


# ------------------------------------------------------------------------------ mapping


def ticket_out(row: TicketRow) -> s.TicketOut:
    return s.TicketOut(
        uuid=row.uuid, tracking_code=row.tracking_code, origin=Origin(row.origin),
        category=row.category, kecamatan_code=row.kecamatan_code,
        kelurahan_code=row.kelurahan_code, rw=row.rw, rt=row.rt, address=row.address,
        latitude=row.latitude, longitude=row.longitude, description=row.description,
        reporter=s.ReporterOut(kind=ReporterKind(row.reporter_kind), name=row.reporter_name,
                               phone=row.reporter_phone, has_nik=row.reporter_has_nik,
                               contact=row.contact_preference),  # type: ignore[arg-type]
        consent=row.consent, officer=row.officer, status=Status(row.status),
        needs_field_check=row.needs_field_check,
        external_refs=[s.ExternalRefOut(source=Source(r.source), number=r.number)
                       for r in row.external_refs],
        created_at=row.created_at, updated_at=row.updated_at,
    )


def event_out(row: StatusEventRow, ticket_uuid: str) -> s.StatusEventOut:
    return s.StatusEventOut(uuid=row.uuid, ticket_uuid=ticket_uuid, status=Status(row.status),
                            at=row.at, actor=row.actor, source=row.source, note=row.note,
                            agency=row.agency, merged_into=row.merged_into)


def note_out(row: NoteRow, ticket_uuid: str) -> s.NoteOut:
    return s.NoteOut(uuid=row.uuid, ticket_uuid=ticket_uuid, at=row.at, officer=row.officer,
                     text=row.text)


def follow_up_out(row: FollowUpRow, ticket_uuid: str) -> s.FollowUpOut:
    return s.FollowUpOut(uuid=row.uuid, ticket_uuid=ticket_uuid, asked_at=row.asked_at,
                         officer=row.officer, requested_by=row.requested_by,
                         promise=row.promise, promised_by=row.promised_by, note=row.note)


def attachment_out(row: AttachmentRow, ticket_uuid: str, uploaded: bool) -> s.AttachmentOut:
    return s.AttachmentOut(uuid=row.uuid, ticket_uuid=ticket_uuid, filename=row.filename,
                           media_type=row.media_type, size=row.size, sha256=row.sha256,
                           created_at=row.created_at, uploaded=uploaded)


# ------------------------------------------------------------------------------ helpers


def _ticket_in_scope(session: Session, caller: Caller, ticket_uuid: str) -> TicketRow:
    row = session.scalar(select(TicketRow).where(TicketRow.uuid == ticket_uuid))
    if row is None or row.kecamatan_code != caller.kecamatan_code:
        raise _ticket_not_found()
    return row


def _domain(exc: PoskoError, field_name: str | None = None) -> Outcome:
    return rejected(exc.code, exc.message_id, exc.message_en, exc.field or field_name)


def touch_ticket(row: TicketRow) -> FeedTouch:
    return FeedTouch("ticket", row.uuid, row.uuid, row.kecamatan_code)


def write_feed(session: Session, touches: Iterable[FeedTouch]) -> None:
    """Move every touched entity to the end of the feed (one row per entity), in order.

    Must run inside :meth:`Database.write`: the sequence numbers are taken under the
    writers' lock, so they are committed in increasing order.
    """
    last: dict[tuple[str, str], FeedTouch] = {}
    for touch in touches:
        last.pop((touch.kind, touch.entity_uuid), None)
        last[(touch.kind, touch.entity_uuid)] = touch
    if not last:
        return
    for (kind, entity), touch in last.items():
        session.execute(delete(FeedRow).where(FeedRow.kind == kind,
                                              FeedRow.entity_uuid == entity))
        session.flush()
        session.add(FeedRow(seq=next_sequence(session), kecamatan_code=touch.kecamatan_code,
                            kind=kind, op=touch.op, entity_uuid=entity,
                            ticket_uuid=touch.ticket_uuid))
    session.flush()


# ------------------------------------------------------------------------------ push


def _apply_ticket_created(session: Session, caller: Caller, p: s.TicketIn,
                          result: ItemResult) -> None:
    ticket_uuid = str(p.uuid)
    existing = session.scalar(select(TicketRow).where(TicketRow.uuid == ticket_uuid))
    try:
        code = tracking.validate(p.tracking_code)
    except PoskoError as exc:
        raise _domain(exc, "tracking_code") from None
    if existing is not None:
        if existing.kecamatan_code != caller.kecamatan_code:
            raise rejected("uuid_taken", "UUID tiket ini sudah dipakai.",
                           "This ticket UUID is already used.", "uuid")
        if existing.tracking_code == code:
            return  # the same ticket sent again: accepted, nothing new
        raise conflict("ticket_exists", "Tiket dengan UUID ini sudah ada dengan isi lain.",
                       "A ticket with this UUID already exists with other content.", existing,
                       "uuid")
    parts = tracking.parse(code)
    if parts.kecamatan_code != caller.kecamatan_code:
        raise rejected("tracking_code_wrong_kecamatan",
                       "Kode pelacakan bukan milik kecamatan perangkat ini.",
                       "The tracking code does not belong to this device's kecamatan.",
                       "tracking_code")
    if parts.desk != caller.desk_number:
        raise rejected("tracking_code_wrong_desk",
                       f"Kode pelacakan harus memakai nomor meja perangkat ini "
                       f"({caller.desk_number}).",
                       f"The tracking code must use this device's desk number "
                       f"({caller.desk_number}).", "tracking_code")
    try:
        kelurahan = catalogues.kelurahan(p.kelurahan_code)
        category = catalogues.category(p.category)
        phone = normalize_phone(p.reporter.phone) if p.reporter.phone else None
        refs = tuple(ExternalRef(r.source, r.number) for r in p.external_refs)
        ticket = Ticket(
            uuid=ticket_uuid, tracking_code=code, origin=p.origin, category=category.code,
            location=Location(kelurahan.code, rw=p.rw, rt=p.rt, address=p.address.strip(),
                              latitude=p.latitude, longitude=p.longitude),
            description=p.description.strip(),
            reporter=Reporter(kind=p.reporter.kind, name=(p.reporter.name or "").strip()
                              or None, phone=phone, nik=None, contact=p.reporter.contact),
            consent=p.consent, officer=p.officer, created_at=p.created_at,
            updated_at=max(p.updated_at, p.created_at), status=Status.RECEIVED,
            external_refs=refs, needs_field_check=p.needs_field_check,
        )
    except PoskoError as exc:
        raise _domain(exc) from None
    if ticket.kecamatan_code != caller.kecamatan_code:
        raise rejected("wrong_kecamatan", "Kelurahan ini bukan bagian kecamatan perangkat ini.",
                       "This kelurahan is not part of this device's kecamatan.",
                       "kelurahan_code")
    if session.scalar(select(TicketRow.id).where(TicketRow.tracking_code == code)) is not None:
        raise rejected("tracking_code_taken", "Kode pelacakan ini sudah dipakai tiket lain.",
                       "This tracking code is already used by another ticket.",
                       "tracking_code")
    if len({(r.source, r.number) for r in refs}) != len(refs):
        raise rejected("duplicate_external_ref", "Nomor laporan eksternal tercantum dua kali.",
                       "An external report number is listed twice.", "external_refs")
    for ref in refs:
        _check_ref_free(session, caller, ref, None)
    row = TicketRow(
        uuid=ticket.uuid, tracking_code=code, kecamatan_code=caller.kecamatan_code,
        origin=ticket.origin.value, category=ticket.category,
        kelurahan_code=ticket.location.kelurahan_code, rw=ticket.location.rw,
        rt=ticket.location.rt, address=ticket.location.address,
        latitude=ticket.location.latitude, longitude=ticket.location.longitude,
        description=ticket.description, reporter_kind=ticket.reporter.kind.value,
        reporter_name=ticket.reporter.name, reporter_phone=ticket.reporter.phone,
        reporter_has_nik=p.reporter.has_nik, contact_preference=ticket.reporter.contact.value,
        consent=ticket.consent, officer=ticket.officer, status=Status.RECEIVED.value,
        needs_field_check=ticket.needs_field_check, created_at=ticket.created_at,
        updated_at=ticket.updated_at, device_id=caller.device_id,
    )
    row.external_refs = [ExternalRefRow(source=r.source.value, number=r.number) for r in refs]
    session.add(row)
    session.flush()
    event_uuid = str(p.initial_event_uuid) if p.initial_event_uuid else initial_event_uuid(
        ticket.uuid)
    if session.scalar(select(StatusEventRow.id).where(StatusEventRow.uuid == event_uuid)):
        raise rejected("uuid_taken", "UUID peristiwa status pertama sudah dipakai.",
                       "The first status event's UUID is already used.", "initial_event_uuid")
    session.add(StatusEventRow(uuid=event_uuid, ticket_id=row.id, status=Status.RECEIVED.value,
                               at=ticket.created_at, actor=ticket.officer or "system",
                               source="desk", note="", device_id=caller.device_id))
    result.touched += [touch_ticket(row), FeedTouch("status_event", event_uuid, row.uuid,
                                                    row.kecamatan_code)]
    result.audit.append((ticket.officer, "ticket.create"))


def _check_ref_free(session: Session, caller: Caller, ref: ExternalRef,
                    ticket_id: int | None) -> bool:
    """True when the ref is already on `ticket_id`; raise when another ticket has it."""
    holder = session.scalar(
        select(TicketRow).join(ExternalRefRow)
        .where(ExternalRefRow.source == ref.source.value, ExternalRefRow.number == ref.number))
    if holder is None:
        return False
    if ticket_id is not None and holder.id == ticket_id:
        return True
    if holder.kecamatan_code == caller.kecamatan_code:
        raise conflict("external_ref_taken",
                       f"{ref} sudah tercatat pada tiket {holder.tracking_code}; tautkan ke "
                       "tiket itu.",
                       f"{ref} is already on ticket {holder.tracking_code}; link to that "
                       "ticket instead.", holder, "external_refs")
    # Another kecamatan's ticket: say no more than that the number is taken (the message
    # does not repeat the number either: messages never echo what the client sent).
    raise rejected("external_ref_taken",
                   "Nomor laporan eksternal ini sudah tercatat di server.",
                   "This external report number is already recorded on the server.",
                   "external_refs")


def _apply_status(session: Session, caller: Caller, p: s.StatusChangeIn,
                  result: ItemResult) -> None:
    ticket = _ticket_in_scope(session, caller, str(p.ticket_uuid))
    event_uuid = str(p.uuid)
    existing = session.scalar(select(StatusEventRow).where(StatusEventRow.uuid == event_uuid))
    if existing is not None:
        if existing.ticket_id == ticket.id and existing.status == p.status.value:
            return
        raise conflict("event_exists", "Peristiwa status dengan UUID ini sudah ada.",
                       "A status event with this UUID already exists.", ticket, "uuid")
    current = Status(ticket.status)
    try:
        check_transition(current, p.status, agency=p.agency, merged_into=p.merged_into,
                         note=p.note)
    except InvalidTransition as exc:
        if exc.field is None:  # the server's status moved on: the server wins on status
            raise conflict(exc.code, exc.message_id, exc.message_en, ticket, "status") from None
        raise _domain(exc) from None
    session.add(StatusEventRow(uuid=event_uuid, ticket_id=ticket.id, status=p.status.value,
                               at=p.at, actor=p.actor, source=p.source, note=p.note,
                               agency=p.agency, merged_into=p.merged_into,
                               device_id=caller.device_id))
    ticket.status = p.status.value
    ticket.updated_at = max(ticket.updated_at, p.at)
    result.touched += [touch_ticket(ticket), FeedTouch("status_event", event_uuid, ticket.uuid,
                                                       ticket.kecamatan_code)]
    result.audit.append((p.actor, f"status.{p.status.value}"))


def _same_entity(session: Session, model: Any, entity_uuid: str,
                 ticket: TicketRow) -> bool:
    found = session.scalar(select(model).where(model.uuid == entity_uuid))
    if found is None:
        return False
    if found.ticket_id == ticket.id:
        return True
    raise conflict("uuid_taken", "UUID ini sudah dipakai untuk tiket lain.",
                   "This UUID is already used for another ticket.", ticket, "uuid")


def _apply_note(session: Session, caller: Caller, p: s.NoteIn, result: ItemResult) -> None:
    ticket = _ticket_in_scope(session, caller, str(p.ticket_uuid))
    if _same_entity(session, NoteRow, str(p.uuid), ticket):
        return
    session.add(NoteRow(uuid=str(p.uuid), ticket_id=ticket.id, at=p.at, officer=p.officer,
                        text=p.text, device_id=caller.device_id))
    result.touched.append(FeedTouch("note", str(p.uuid), ticket.uuid, ticket.kecamatan_code))
    result.audit.append((p.officer, "note.add"))


def _apply_follow_up(session: Session, caller: Caller, p: s.FollowUpIn,
                     result: ItemResult) -> None:
    ticket = _ticket_in_scope(session, caller, str(p.ticket_uuid))
    if _same_entity(session, FollowUpRow, str(p.uuid), ticket):
        return
    session.add(FollowUpRow(uuid=str(p.uuid), ticket_id=ticket.id, asked_at=p.asked_at,
                            officer=p.officer, requested_by=p.requested_by, promise=p.promise,
                            promised_by=p.promised_by, note=p.note,
                            device_id=caller.device_id))
    result.touched.append(FeedTouch("follow_up", str(p.uuid), ticket.uuid,
                                    ticket.kecamatan_code))
    result.audit.append((p.officer, "followup.create"))


def _apply_external_ref(session: Session, caller: Caller, p: s.ExternalRefAddedIn,
                        result: ItemResult) -> None:
    ticket = _ticket_in_scope(session, caller, str(p.ticket_uuid))
    try:
        ref = ExternalRef(p.source, p.number)
    except PoskoError as exc:
        raise _domain(exc, "number") from None
    if _check_ref_free(session, caller, ref, ticket.id):
        return
    session.add(ExternalRefRow(ticket_id=ticket.id, uuid=str(p.uuid), source=ref.source.value,
                               number=ref.number))
    ticket.updated_at = max(ticket.updated_at, datetime.now(UTC))
    session.flush()
    session.refresh(ticket, ["external_refs"])
    result.touched.append(touch_ticket(ticket))
    result.audit.append((p.officer, "external_ref.add"))


_DRIVE_RE = re.compile(r"^[A-Za-z]:")


def safe_filename(name: str) -> bool:
    """A base name only: the server hands it to every desk of the kecamatan, and a desk
    that ever saved a file under it must not be steered out of its folder."""
    stripped = name.strip()
    return not ("/" in name or "\\" in name or stripped in ("", ".", "..")
                or _DRIVE_RE.match(stripped))


def _apply_attachment(session: Session, caller: Caller, p: s.AttachmentIn,
                      result: ItemResult) -> None:
    if not safe_filename(p.filename):
        raise rejected("invalid_filename",
                       "Nama berkas harus nama saja, tanpa folder ('/', '\\', '..', 'C:').",
                       "The file name must be a bare name, without folders ('/', '\\', "
                       "'..', 'C:').", "filename")
    ticket = _ticket_in_scope(session, caller, str(p.ticket_uuid))
    blob_there = session.scalar(select(BlobRow.id).where(
        BlobRow.kecamatan_code == caller.kecamatan_code, BlobRow.sha256 == p.sha256))
    result.upload_needed = blob_there is None
    if _same_entity(session, AttachmentRow, str(p.uuid), ticket):
        return
    session.add(AttachmentRow(uuid=str(p.uuid), ticket_id=ticket.id, filename=p.filename,
                              media_type=p.media_type, size=p.size, sha256=p.sha256,
                              officer=p.officer, created_at=p.created_at or datetime.now(UTC),
                              device_id=caller.device_id))
    result.touched.append(FeedTouch("attachment", str(p.uuid), ticket.uuid,
                                    ticket.kecamatan_code))
    result.audit.append((p.officer, "attachment.add"))


def _apply(session: Session, caller: Caller, change: Any, result: ItemResult) -> None:
    if str(change.entity_uuid) != str(change.payload.uuid):
        raise rejected("entity_uuid_mismatch", "entity_uuid harus sama dengan payload.uuid.",
                       "entity_uuid must equal payload.uuid.", "entity_uuid")
    if isinstance(change, s.TicketCreated):
        _apply_ticket_created(session, caller, change.payload, result)
    elif isinstance(change, s.StatusChanged):
        _apply_status(session, caller, change.payload, result)
    elif isinstance(change, s.NoteAdded):
        _apply_note(session, caller, change.payload, result)
    elif isinstance(change, s.FollowUpCreated):
        _apply_follow_up(session, caller, change.payload, result)
    elif isinstance(change, s.ExternalRefAdded):
        _apply_external_ref(session, caller, change.payload, result)
    elif isinstance(change, s.TicketMerged | s.TicketMergeUndone):
        from posko_central import merging  # builds on this module's helpers

        merging.apply_change(session, caller, change, result)
    elif isinstance(change, s.ReporterErased):
        from posko_central import erasure  # builds on this module's helpers

        erasure.apply_reporter_erased(session, caller, change.payload, result)
    else:
        _apply_attachment(session, caller, change.payload, result)


def request_fingerprint(raw_body: bytes) -> str:
    """Same JSON (whatever its spacing or key order) -> same fingerprint."""
    canonical = json.dumps(json.loads(raw_body), sort_keys=True, separators=(",", ":"),
                           ensure_ascii=True)
    return hashlib.sha256(canonical.encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class PushAnswer:
    status: int
    body: bytes
    replayed: bool


_KEY_REUSED = ("idempotency_key_reused",
               "Idempotency-Key ini sudah dipakai untuk isi permintaan yang berbeda.",
               "This Idempotency-Key was already used with a different request body.")


def push(db: Database, caller: Caller, key: str, raw_body: bytes,
         request: s.PushRequest) -> PushAnswer:
    ids = [str(c.id) for c in request.changes]
    if len(set(ids)) != len(ids):
        raise ApiError(422, "duplicate_change_id", "Id perubahan tercantum dua kali.",
                       "A change id is listed twice.", field="changes")
    fingerprint = request_fingerprint(raw_body)
    with db.write() as session:
        stored = session.scalar(select(IdempotencyRow).where(
            IdempotencyRow.device_id == caller.device_id, IdempotencyRow.key == key))
        if stored is not None:
            if stored.request_hash != fingerprint:
                raise ApiError(409, *_KEY_REUSED, field="Idempotency-Key")
            return PushAnswer(stored.status_code, stored.body, True)
        results: list[s.ChangeResult] = []
        touches: list[FeedTouch] = []
        audits: list[tuple[str, str, str]] = []
        for change in request.changes:
            item = ItemResult()
            outcome: Outcome | None = None
            try:
                with session.begin_nested():
                    _apply(session, caller, change, item)
            except Outcome as exc:
                outcome = exc
            except IntegrityError:
                outcome = rejected("constraint_violation",
                                   "Perubahan ini bertabrakan dengan data yang sudah ada.",
                                   "This change collides with existing data.")
            if outcome is None:
                touches += item.touched
                audits += [(officer, action, str(change.entity_uuid))
                           for officer, action in item.audit]
            results.append(s.ChangeResult(
                id=str(change.id), kind=change.kind, entity_uuid=str(change.entity_uuid),
                result="accepted" if outcome is None else outcome.result,  # type: ignore[arg-type]
                error=None if outcome is None else outcome.error,
                server_version=None if outcome is None else outcome.server_version,
                upload_needed=item.upload_needed if outcome is None else False,
            ))
        write_feed(session, touches)
        now = datetime.now(UTC)
        for officer, action, entity in audits:
            session.add(AuditRow(at=now, device_id=caller.device_id, officer=officer[:64],
                                 action=action, entity_uuid=entity))
        body = json_bytes(s.PushResponse(results=results).model_dump(mode="json"))
        session.add(IdempotencyRow(device_id=caller.device_id, key=key,
                                   request_hash=fingerprint, status_code=200, body=body,
                                   created_at=now))
        device = session.get(Device, caller.device_id)
        if device is not None:
            device.last_seen_at = now
    counts = {r: sum(1 for x in results if x.result == r)
              for r in ("accepted", "conflict", "rejected")}
    log.info("push processed", extra={"count": len(results),
                                      "kinds": sorted({c.kind for c in request.changes}),
                                      **counts})
    return PushAnswer(200, body, False)


# ------------------------------------------------------------------------------ pull


def encode_cursor(server_id: str, seq: int) -> str:
    return base64.urlsafe_b64encode(f"{server_id}:{seq}".encode()).decode().rstrip("=")


def decode_cursor(server_id: str, cursor: str | None) -> int:
    if not cursor:
        return 0
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode("ascii")
        owner, seq_text = raw.split(":")
        seq = int(seq_text)
        if seq < 0 or not re.fullmatch(r"[0-9a-f]{8}", owner) or not seq_text.isdigit():
            raise ValueError
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise ApiError(400, "invalid_cursor", "Kursor tidak sah.",
                       "The cursor is not valid.", field="cursor") from None
    if owner != server_id:
        raise ApiError(410, "cursor_unknown",
                       "Kursor ini berasal dari basis data server lain; tarik ulang dari awal "
                       "(tanpa kursor).",
                       "This cursor comes from another server database; pull again from the "
                       "start (no cursor).", field="cursor")
    return seq


def pull(db: Database, caller: Caller, cursor: str | None, limit: int) -> dict[str, Any]:
    """One page of the change feed as the contract's PullResponse, ready for ``json_bytes``.

    The fast path of the pull (issue 9): plain Core rows (only the columns the answer needs,
    one query per entity kind per page) turned straight into JSON-ready dicts, without ORM
    instances or pydantic models per item. The shape and the values are exactly those of
    ``s.PullResponse(...).model_dump(mode="json")`` (tests/sync/test_pull_page.py compares them
    with the pydantic mapping on SQLite and PostgreSQL); the API sends the bytes as they are,
    so FastAPI does not validate the page a second time.
    """
    server_id = db.server_id()
    after = decode_cursor(server_id, cursor)
    kec = caller.kecamatan_code
    with db.read() as session:
        rows = session.execute(
            select(FeedRow.seq, FeedRow.kind, FeedRow.op, FeedRow.entity_uuid,
                   FeedRow.ticket_uuid)
            .where(FeedRow.kecamatan_code == kec, FeedRow.seq > after)
            .order_by(FeedRow.seq).limit(limit + 1)).all()
        has_more = len(rows) > limit
        rows = rows[:limit]
        data = _load_feed_data(session, kec, rows)
        items = [{"kind": kind, "op": op, "uuid": entity, "ticket_uuid": ticket_uuid,
                  "data": data.get((kind, entity)) if op == "upsert" else None}
                 for _seq, kind, op, entity, ticket_uuid in rows]
    last = rows[-1][0] if rows else after
    return {"changes": items, "next_cursor": encode_cursor(server_id, last),
            "has_more": has_more}


def _ts(value: datetime) -> str:
    """A datetime as pydantic writes it in JSON mode (UTC as ``Z``, no zero microseconds)."""
    if value.tzinfo is not None:
        offset = value.utcoffset()
        if offset:
            value = value.astimezone(UTC)
        value = value.replace(tzinfo=None)
    return value.isoformat() + "Z"


def _ts_or_none(value: datetime | None) -> str | None:
    return None if value is None else _ts(value)


def _finite(value: float | None) -> float | None:
    # pydantic writes NaN and infinities as null in JSON mode.
    return value if value is None or math.isfinite(value) else None


_TICKET_COLUMNS = (
    TicketRow.id, TicketRow.uuid, TicketRow.tracking_code, TicketRow.origin,
    TicketRow.category, TicketRow.kecamatan_code, TicketRow.kelurahan_code, TicketRow.rw,
    TicketRow.rt, TicketRow.address, TicketRow.latitude, TicketRow.longitude,
    TicketRow.description, TicketRow.reporter_kind, TicketRow.reporter_name,
    TicketRow.reporter_phone, TicketRow.reporter_has_nik, TicketRow.contact_preference,
    TicketRow.consent, TicketRow.officer, TicketRow.status, TicketRow.needs_field_check,
    TicketRow.created_at, TicketRow.updated_at,
)


def _load_feed_data(session: Session, kec: str,
                    rows: Sequence[Any]) -> dict[tuple[str, str], dict[str, Any]]:
    """The current state of every upserted entity of a page, by (kind, uuid), as JSON-ready
    dicts; only this kecamatan's rows.

    Tenancy: every row carries its ticket's ``kecamatan_code`` (the ticket itself, or the
    join to it) and a row of another kecamatan is dropped here, in Python. The check is not
    a WHERE term on purpose: with hundreds of UUIDs in the IN list, SQLite's planner (no
    ANALYZE statistics) prefers ``ix_tickets_kecamatan_code`` and walks every ticket of the
    kecamatan for each page (15-50 ms a query at 20,000 tickets, growing with the data);
    looked up by UUID and primary key instead, a page costs the same at any size.
    """
    wanted: dict[str, list[str]] = {}
    for _seq, kind, op, entity, _ticket in rows:
        if op == "upsert":
            wanted.setdefault(kind, []).append(entity)
    found: dict[tuple[str, str], dict[str, Any]] = {}
    if "ticket" in wanted:
        tickets = [t for t in session.execute(select(*_TICKET_COLUMNS).where(
            TicketRow.uuid.in_(wanted["ticket"]))) if t[5] == kec]
        refs: dict[int, list[dict[str, Any]]] = {t[0]: [] for t in tickets}
        if refs:
            for ticket_id, source, number in session.execute(
                    select(ExternalRefRow.ticket_id, ExternalRefRow.source,
                           ExternalRefRow.number)
                    .where(ExternalRefRow.ticket_id.in_(list(refs)))
                    .order_by(ExternalRefRow.id)):
                refs[ticket_id].append({"source": source, "number": number})
        for (tid, uuid, code, origin, category, t_kec, kel, rw, rt, address, lat, lon, desc,
             r_kind, r_name, r_phone, r_nik, contact, consent, officer, status, field_check,
             created, updated) in tickets:
            found[("ticket", uuid)] = {
                "uuid": uuid, "tracking_code": code, "origin": origin, "category": category,
                "kecamatan_code": t_kec, "kelurahan_code": kel, "rw": rw, "rt": rt,
                "address": address, "latitude": _finite(lat), "longitude": _finite(lon),
                "description": desc,
                "reporter": {"kind": r_kind, "name": r_name, "phone": r_phone,
                             "has_nik": r_nik, "contact": contact},
                "consent": consent, "officer": officer, "status": status,
                "needs_field_check": field_check, "external_refs": refs[tid],
                "created_at": _ts(created), "updated_at": _ts(updated)}
    if "status_event" in wanted:
        for (uuid, ticket_uuid, t_kec, status, at, actor, source, note, agency,
             merged_into) in session.execute(
                select(StatusEventRow.uuid, TicketRow.uuid, TicketRow.kecamatan_code,
                       StatusEventRow.status, StatusEventRow.at, StatusEventRow.actor,
                       StatusEventRow.source, StatusEventRow.note, StatusEventRow.agency,
                       StatusEventRow.merged_into)
                .join(TicketRow, TicketRow.id == StatusEventRow.ticket_id)
                .where(StatusEventRow.uuid.in_(wanted["status_event"]))):
            if t_kec != kec:
                continue
            found[("status_event", uuid)] = {
                "uuid": uuid, "ticket_uuid": ticket_uuid, "status": status, "at": _ts(at),
                "actor": actor, "source": source, "note": note, "agency": agency,
                "merged_into": merged_into}
    if "note" in wanted:
        for uuid, ticket_uuid, t_kec, at, officer, text_ in session.execute(
                select(NoteRow.uuid, TicketRow.uuid, TicketRow.kecamatan_code, NoteRow.at,
                       NoteRow.officer, NoteRow.text)
                .join(TicketRow, TicketRow.id == NoteRow.ticket_id)
                .where(NoteRow.uuid.in_(wanted["note"]))):
            if t_kec != kec:
                continue
            found[("note", uuid)] = {"uuid": uuid, "ticket_uuid": ticket_uuid, "at": _ts(at),
                                     "officer": officer, "text": text_}
    if "follow_up" in wanted:
        for (uuid, ticket_uuid, t_kec, asked_at, officer, requested_by, promise, promised_by,
             note) in session.execute(
                select(FollowUpRow.uuid, TicketRow.uuid, TicketRow.kecamatan_code,
                       FollowUpRow.asked_at, FollowUpRow.officer, FollowUpRow.requested_by,
                       FollowUpRow.promise, FollowUpRow.promised_by, FollowUpRow.note)
                .join(TicketRow, TicketRow.id == FollowUpRow.ticket_id)
                .where(FollowUpRow.uuid.in_(wanted["follow_up"]))):
            if t_kec != kec:
                continue
            found[("follow_up", uuid)] = {
                "uuid": uuid, "ticket_uuid": ticket_uuid, "asked_at": _ts(asked_at),
                "officer": officer, "requested_by": requested_by, "promise": promise,
                "promised_by": None if promised_by is None else promised_by.isoformat(),
                "note": note}
    if "attachment" in wanted:
        for (uuid, ticket_uuid, t_kec, filename, media_type, size, sha256, created,
             blob_id) in session.execute(
                select(AttachmentRow.uuid, TicketRow.uuid, TicketRow.kecamatan_code,
                       AttachmentRow.filename, AttachmentRow.media_type, AttachmentRow.size,
                       AttachmentRow.sha256, AttachmentRow.created_at, BlobRow.id)
                .join(TicketRow, TicketRow.id == AttachmentRow.ticket_id)
                .outerjoin(BlobRow, and_(BlobRow.kecamatan_code == kec,
                                         BlobRow.sha256 == AttachmentRow.sha256))
                .where(AttachmentRow.uuid.in_(wanted["attachment"]))):
            if t_kec != kec:
                continue
            found[("attachment", uuid)] = {
                "uuid": uuid, "ticket_uuid": ticket_uuid, "filename": filename,
                "media_type": media_type, "size": size, "sha256": sha256,
                "created_at": _ts(created), "uploaded": blob_id is not None}
    return found


# ------------------------------------------------------------------------------ lookups

_UUID_RE = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
                      r"[0-9a-fA-F]{12}$")


def find_ticket(session: Session, kecamatan_code: str, ref: str) -> TicketRow | None:
    """A ticket of this kecamatan by UUID, tracking code (any spelling) or external ref."""
    text = ref.strip()
    scoped = select(TicketRow).options(selectinload(TicketRow.external_refs)).where(
        TicketRow.kecamatan_code == kecamatan_code)
    if _UUID_RE.match(text):
        return session.scalar(scoped.where(TicketRow.uuid == text.lower()))
    if tracking.is_valid(text):
        found = session.scalar(scoped.where(TicketRow.tracking_code == tracking.validate(text)))
        if found is not None:
            return found
    try:
        parsed = ExternalRef.parse(text)
    except PoskoError:
        return None
    match = scoped.join(ExternalRefRow).where(ExternalRefRow.number == parsed.number)
    if parsed.source is not Source.OTHER:
        match = match.where(ExternalRefRow.source == parsed.source.value)
    return session.scalars(match.order_by(TicketRow.id).limit(1)).first()


@cache
def _calendar() -> WorkingCalendar:
    return WorkingCalendar()


def resolution_due(row: TicketRow) -> datetime:
    tier = default_policy().tier("resolution", row.needs_field_check)
    local = row.created_at.astimezone(local_timezone(row.kecamatan_code))
    return tier_due(tier, _calendar(), local)


def ticket_detail(db: Database, caller: Caller, ref: str) -> s.TicketDetail:
    with db.read() as session:
        row = find_ticket(session, caller.kecamatan_code, ref)
        if row is None:
            raise not_found()
        events = session.scalars(select(StatusEventRow).where(StatusEventRow.ticket_id == row.id)
                                 .order_by(StatusEventRow.at, StatusEventRow.id)).all()
        notes = session.scalars(select(NoteRow).where(NoteRow.ticket_id == row.id)
                                .order_by(NoteRow.at, NoteRow.id)).all()
        follow_ups = session.scalars(select(FollowUpRow).where(FollowUpRow.ticket_id == row.id)
                                     .order_by(FollowUpRow.asked_at, FollowUpRow.id)).all()
        attachments = session.execute(
            select(AttachmentRow, BlobRow.id).outerjoin(BlobRow, and_(
                BlobRow.kecamatan_code == row.kecamatan_code,
                BlobRow.sha256 == AttachmentRow.sha256))
            .where(AttachmentRow.ticket_id == row.id).order_by(AttachmentRow.id)).all()
        due = resolution_due(row)
        base = ticket_out(row).model_dump()
        return s.TicketDetail(
            **base,
            events=[event_out(e, row.uuid) for e in events],
            notes=[note_out(n, row.uuid) for n in notes],
            follow_ups=[follow_up_out(f, row.uuid) for f in follow_ups],
            attachments=[attachment_out(a, row.uuid, b is not None) for a, b in attachments],
            resolution_due=due,
            overdue=Status(row.status).is_open and datetime.now(UTC) > due,
        )


def _like(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search(db: Database, caller: Caller, q: str, limit: int) -> list[s.TicketOut]:
    """Every word must match one of: tracking code, external number, reporter name or phone,
    address, description (case-insensitive substring)."""
    words = [w for w in q.lower().split() if w][:8]
    conditions = []
    for word in words:
        pattern = _like(word)
        compact = _like(tracking.normalize(word).lower())
        ref_match = exists().where(ExternalRefRow.ticket_id == TicketRow.id,
                                   func.lower(ExternalRefRow.number).like(pattern, escape="\\"))
        options = [
            func.lower(TicketRow.reporter_name).like(pattern, escape="\\"),
            func.lower(TicketRow.address).like(pattern, escape="\\"),
            func.lower(TicketRow.description).like(pattern, escape="\\"),
            ref_match,
        ]
        if compact != _like(""):  # a word of separators only ("-", "_") matches no code
            options.append(func.lower(func.replace(TicketRow.tracking_code, "-", ""))
                           .like(compact, escape="\\"))
        digits = re.sub(r"\D", "", word)
        if len(digits) >= 4 and len(digits) == len(re.sub(r"[\s\-+().]", "", word)):
            national = digits[1:] if digits.startswith("0") else (
                digits[2:] if digits.startswith("62") else digits)
            options.append(TicketRow.reporter_phone.like(_like(national), escape="\\"))
        conditions.append(or_(*options))
    if not conditions:
        return []
    with db.read() as session:
        rows = session.scalars(
            select(TicketRow).options(selectinload(TicketRow.external_refs))
            .where(TicketRow.kecamatan_code == caller.kecamatan_code, *conditions)
            .order_by(TicketRow.updated_at.desc(), TicketRow.id.desc()).limit(limit)).all()
        return [ticket_out(r) for r in rows]


# ------------------------------------------------------------------------------ blobs


def store_blob(db: Database, caller: Caller, sha256: str, body: bytes) -> s.AttachmentUploaded:
    if hashlib.sha256(body).hexdigest() != sha256:
        raise ApiError(422, "hash_mismatch",
                       "Isi berkas tidak cocok dengan SHA-256 pada alamat.",
                       "The file content does not match the SHA-256 in the address.",
                       field="sha256")
    with db.write() as session:
        there = session.scalar(select(BlobRow.id).where(
            BlobRow.kecamatan_code == caller.kecamatan_code, BlobRow.sha256 == sha256))
        if there is not None:
            return s.AttachmentUploaded(sha256=sha256, size=len(body), created=False)
        session.add(BlobRow(kecamatan_code=caller.kecamatan_code, sha256=sha256,
                            size=len(body), data=body, created_at=datetime.now(UTC)))
        # Attachments waiting for this file now show as uploaded: re-send them in the feed.
        waiting = session.execute(
            select(AttachmentRow.uuid, TicketRow.uuid).join(TicketRow)
            .where(AttachmentRow.sha256 == sha256,
                   TicketRow.kecamatan_code == caller.kecamatan_code)).all()
        write_feed(session, [FeedTouch("attachment", a, t, caller.kecamatan_code)
                             for a, t in waiting])
    return s.AttachmentUploaded(sha256=sha256, size=len(body), created=True)


def load_blob(db: Database, caller: Caller, sha256: str) -> bytes:
    with db.read() as session:
        data = session.scalar(select(BlobRow.data).where(
            BlobRow.kecamatan_code == caller.kecamatan_code, BlobRow.sha256 == sha256))
    if data is None:
        raise not_found("Berkas", "File")
    return data


# ------------------------------------------------------------------------------ admin


def delete_ticket(db: Database, ref: str, kecamatan_code: str) -> str:
    """Erase a ticket (e.g. a UU PDP erasure request or spam); desks get a tombstone."""
    with db.write() as session:
        row = find_ticket(session, kecamatan_code, ref)
        if row is None:
            raise not_found()
        ticket_uuid, code = row.uuid, row.tracking_code
        session.execute(delete(FeedRow).where(FeedRow.ticket_uuid == ticket_uuid))
        session.delete(row)
        session.flush()
        write_feed(session, [FeedTouch("ticket", ticket_uuid, ticket_uuid, kecamatan_code,
                                       op="delete")])
        session.add(AuditRow(at=datetime.now(UTC), device_id=None, officer="admin",
                             action="ticket.delete", entity_uuid=ticket_uuid))
    return code


def allocate_server_code(session: Session, kecamatan_code: str, at: datetime) -> str:
    """A tracking code issued by the server (desk 31), inside a write transaction."""
    day: date = at.astimezone(local_timezone(kecamatan_code)).date()
    row = session.get(TrackingSequence, (kecamatan_code, day, SERVER_DESK))
    if row is None:
        row = TrackingSequence(kecamatan_code=kecamatan_code, day=day, desk=SERVER_DESK,
                               last_sequence=0)
        session.add(row)
    while True:
        row.last_sequence += 1
        session.flush()
        code = tracking.make_tracking_code(kecamatan_code, day, SERVER_DESK, row.last_sequence)
        if session.scalar(select(TicketRow.id).where(TicketRow.tracking_code == code)) is None:
            return code
