"""Carrying out erasure targets in one database (the desk's, or a backup copy's): the
person removed from every place that holds them, in the caller's transaction (`_execute`),
then from the file itself (`compact`).

Erasing a ticket blanks the reporter's name, phone, NIK (ciphertext and hash) and contact
preference (the reporter becomes "anonymous"), removes the person's name, phone and NIK
from the ticket's free text (description, address, notes, status notes, follow-ups) and
from sync conflicts and held-back pulled rows, empties ``requested_by`` of their follow-ups,
and writes a ``reporter.erased`` outbox row (ticket and follow-up uuids only) so the server
anonymises its copy too and no pull brings the name back. Then the search index is
optimised (its shadow tables keep deleted tokens until a merge), the database is VACUUMed
and the WAL checkpointed with TRUNCATE, so no byte of the name, phone or NIK is left in the
``.sqlite3`` or ``-wal`` files. Autosaved intake drafts about the person are discarded.
Every execution is audited.
"""

from __future__ import annotations

import contextlib
import json
import logging
import re
import sqlite3
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from posko.domain.errors import PoskoError
from posko.domain.identity import Identity, normalise_name, scrub, scrub_json
from posko.domain.models import new_uuid
from posko.domain.phone import normalize_phone
from posko.store.crypto import DecryptionFailed, NikCipher
from posko.store.data_request.query import ERASE_ACTION
from posko.store.database import Store, audit, in_chunks
from posko.store.drafts import DraftBox
from posko.store.models import ErasureRequest, ErasureTarget, FollowUpRow, TicketRow
from posko.store.tickets import enqueue

log = logging.getLogger(__name__)

CHECKPOINT_TRIES = 20
DRAFT_NAMES = ("intake", "assisted")


def _identity_of(session: Session, targets: Sequence[ErasureTarget],
                 cipher: NikCipher | None) -> Identity:
    identity = Identity()
    uuids = [t.ticket_uuid for t in targets if t.reporter]
    for chunk in in_chunks(uuids):
        for name, phone, blob in session.execute(
                select(TicketRow.reporter_name, TicketRow.reporter_phone,
                       TicketRow.reporter_nik_enc)
                .where(TicketRow.uuid.in_(chunk))):
            if name:
                identity.names.add(name)
            if phone:
                identity.phones.add(phone)
            if blob and cipher is not None:
                with contextlib.suppress(DecryptionFailed):
                    identity.niks.add(cipher.decrypt(blob))
    follow_ups = [u for t in targets for u in json.loads(t.follow_ups or "[]")]
    for chunk in in_chunks(follow_ups):
        for requested_by in session.scalars(
                select(FollowUpRow.requested_by).where(FollowUpRow.uuid.in_(chunk))):
            if requested_by and normalise_name(requested_by):
                identity.names.add(requested_by)
    return identity


@dataclass(frozen=True, slots=True)
class _Work:
    """What to erase on one ticket (the targets naming it, merged)."""

    ticket_uuid: str
    reporter: bool
    follow_ups: str  # JSON list of uuids
    request_uuid: str


def _erase_ticket(session: Session, target: _Work, patterns: Sequence[re.Pattern[str]],
                  *, officer: str, at: datetime, request_uuid: str) -> bool:
    """Anonymise one target in the caller's transaction; False when the ticket is gone."""
    conn = session.connection()
    follow_ups = set(json.loads(target.follow_ups or "[]"))
    row = conn.execute(select(TicketRow.id, TicketRow.description, TicketRow.address)
                       .where(TicketRow.uuid == target.ticket_uuid)).first()
    if row is None:
        return False
    ticket_id, description, address = row
    fields = []
    if target.reporter:
        conn.exec_driver_sql(
            "UPDATE tickets SET reporter_name = NULL, reporter_phone = NULL, "
            "reporter_nik_enc = NULL, reporter_nik_hash = NULL, contact_preference = 'none', "
            "reporter_kind = CASE WHEN reporter_kind = 'named' THEN 'anonymous' "
            "ELSE reporter_kind END, description = ?, address = ? WHERE id = ?",
            (scrub(description, patterns) or description, scrub(address, patterns) or "",
             ticket_id))
        fields.append("reporter")
        for note_id, note_text in conn.exec_driver_sql(
                "SELECT id, text FROM notes WHERE ticket_id = ?", (ticket_id,)).all():
            cleaned = scrub(note_text, patterns)
            if cleaned != note_text:
                conn.exec_driver_sql("UPDATE notes SET text = ? WHERE id = ?",
                                     (cleaned, note_id))
        for event_id, note in conn.exec_driver_sql(
                "SELECT id, note FROM status_events WHERE ticket_id = ?", (ticket_id,)).all():
            cleaned = scrub(note, patterns)
            if cleaned != note:
                conn.exec_driver_sql("UPDATE status_events SET note = ? WHERE id = ?",
                                     (cleaned, event_id))
    for fu_id, fu_uuid, requested_by, promise, note in conn.exec_driver_sql(
            "SELECT id, uuid, requested_by, promise, note FROM follow_ups WHERE ticket_id = ?",
            (ticket_id,)).all():
        mine = fu_uuid in follow_ups
        if not (mine or target.reporter):
            continue
        new_by = "" if mine else (scrub(requested_by, patterns) or "")
        new_promise = scrub(promise, patterns) or ""
        new_note = scrub(note, patterns) or ""
        if (new_by, new_promise, new_note) != (requested_by, promise, note):
            conn.exec_driver_sql(
                "UPDATE follow_ups SET requested_by = ?, promise = ?, note = ? WHERE id = ?",
                (new_by, new_promise, new_note, fu_id))
    if follow_ups:
        fields.append(f"follow_ups={len(follow_ups)}")
    for conflict_id, local_payload, server_version in conn.exec_driver_sql(
            "SELECT id, local_payload, server_version FROM sync_conflicts WHERE ticket_uuid = ?",
            (target.ticket_uuid,)).all():
        conn.exec_driver_sql(
            "UPDATE sync_conflicts SET local_payload = ?, server_version = ? WHERE id = ?",
            (scrub_json(local_payload, patterns, follow_ups, target.reporter,
                         target.ticket_uuid) or "{}",
             scrub_json(server_version, patterns, follow_ups, target.reporter,
                         target.ticket_uuid), conflict_id))
    # Children pulled before their ticket wait in sync_state (JSON): the same treatment.
    for key, value in conn.exec_driver_sql(
            "SELECT key, value FROM sync_state WHERE instr(value, ?) > 0",
            (target.ticket_uuid,)).all():
        cleaned = scrub_json(value, patterns, follow_ups, target.reporter, target.ticket_uuid)
        if cleaned != value:
            conn.exec_driver_sql("UPDATE sync_state SET value = ? WHERE key = ?",
                                 (cleaned, key))
    change_uuid = new_uuid()
    enqueue(session, kind="reporter.erased", entity_uuid=change_uuid, at=at, payload={
        "uuid": change_uuid, "ticket_uuid": target.ticket_uuid, "at": at.isoformat(),
        "actor": officer, "reporter": target.reporter, "follow_ups": sorted(follow_ups)})
    audit(session, officer=officer, action=ERASE_ACTION, entity="ticket",
          entity_uuid=target.ticket_uuid, at=at,
          detail=f"request={request_uuid} " + " ".join(fields))
    return True


def _optimise_index(session: Session) -> None:
    # A regular FTS5 table keeps the tokens of replaced rows in its segments until they
    # are merged: 'optimize' merges every segment into one, dropping them.
    session.connection().exec_driver_sql(
        "INSERT INTO ticket_fts(ticket_fts) VALUES ('optimize')")


def compact(path: Path) -> bool:
    """VACUUM (rewrites the file without freed pages that still hold old bytes) and empty
    the WAL (checkpoint TRUNCATE). True when the WAL could be emptied (no other reader)."""
    conn = sqlite3.connect(path, isolation_level=None, timeout=30)
    try:
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("VACUUM")
        # A reader in another connection (a search on the desk) can hold the WAL for a
        # moment: try again a few times (the busy timeout already waits for writers).
        for attempt in range(CHECKPOINT_TRIES):
            busy, _log, _done = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            if not busy:
                return True
            time.sleep(0.05 * (attempt + 1))
        log.warning("erasure: the WAL could not be emptied yet (another reader)")
        return False
    finally:
        conn.close()


def _discard_drafts(drafts: DraftBox | None, identity: Identity) -> int:
    if drafts is None:
        return 0
    names = {normalise_name(n) for n in identity.names} - {""}
    discarded = 0
    for draft_name in DRAFT_NAMES:
        fields = drafts.load(draft_name)
        if not fields:
            continue
        hit = normalise_name(str(fields.get("name") or "")) in names
        raw_phone = str(fields.get("phone") or "")
        if raw_phone and not hit:
            try:
                hit = normalize_phone(raw_phone) in identity.phones
            except PoskoError:
                hit = False
        raw_nik = "".join(c for c in str(fields.get("nik") or "") if c.isdigit())
        hit = hit or (bool(raw_nik) and raw_nik in identity.niks)
        if hit:
            drafts.discard(draft_name)
            discarded += 1
    return discarded


def _execute(store: Store, session: Session, targets: Sequence[ErasureTarget],
             cipher: NikCipher | None, *, officer: str, at: datetime,
             drafts: DraftBox | None) -> tuple[list[str], int]:
    """Erase `targets` (all allowed) in the caller's transaction; returns the uuids of the
    tickets erased and how many autosaved drafts were discarded."""
    if not targets:
        return [], 0
    # The identity of the whole request (also its waiting tickets) so a phone written in
    # one ticket's description is removed even though the ticket holding it waits.
    request_ids = {t.request_id for t in targets}
    everyone = list(session.scalars(select(ErasureTarget).where(
        ErasureTarget.request_id.in_(request_ids), ErasureTarget.erased_at.is_(None))))
    identity = _identity_of(session, [*everyone, *(t for t in targets if t not in everyone)],
                            cipher)
    patterns = identity.patterns()
    requests = {r.id: r.uuid for r in session.scalars(
        select(ErasureRequest).where(ErasureRequest.id.in_(request_ids)))}
    # One ticket named by two requests (asked twice) is erased once, for both.
    work: dict[str, _Work] = {}
    for target in targets:
        known = work.get(target.ticket_uuid)
        follow_ups = set(json.loads(target.follow_ups or "[]"))
        if known is None:
            work[target.ticket_uuid] = _Work(target.ticket_uuid, target.reporter,
                                             json.dumps(sorted(follow_ups)),
                                             requests[target.request_id])
        else:
            merged = follow_ups | set(json.loads(known.follow_ups))
            work[target.ticket_uuid] = _Work(known.ticket_uuid,
                                             known.reporter or target.reporter,
                                             json.dumps(sorted(merged)), known.request_uuid)
        target.erased_at = at
    # A ticket deleted meanwhile (by the server) holds nothing more: its target is done, but
    # it is not reported as erased.
    erased = [item.ticket_uuid for item in work.values()
              if _erase_ticket(session, item, patterns, officer=officer, at=at,
                               request_uuid=item.request_uuid)]
    session.flush()
    for request in session.scalars(select(ErasureRequest).where(
            ErasureRequest.id.in_(request_ids))):
        if all(t.erased_at is not None for t in request.targets):
            request.done_at = at
    _optimise_index(session)
    discarded = _discard_drafts(drafts, identity)
    return erased, discarded


def _reerase(session: Session) -> list[ErasureTarget]:
    """Erased tickets that got a name, phone or NIK back (pulled from a server that had not
    yet applied the erasure): erased again."""
    return list(session.scalars(
        select(ErasureTarget).join(TicketRow, TicketRow.uuid == ErasureTarget.ticket_uuid)
        .where(ErasureTarget.erased_at.is_not(None), ErasureTarget.reporter.is_(True),
               (TicketRow.reporter_name.is_not(None) | TicketRow.reporter_phone.is_not(None)
                | TicketRow.reporter_nik_enc.is_not(None)))))
