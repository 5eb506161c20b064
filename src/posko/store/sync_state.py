"""Honest sync state per record: is this ticket (its follow-ups, notes, status changes,
photos) on the city server, still waiting here, or does it need an officer?

States, worst first:

* NEEDS_ATTENTION: a change of the ticket was set aside ("parked": the server refused it, or
  its photo file is gone), or the server answered a change with a conflict nobody has
  looked at yet. The reason comes along: the server's own words for a refusal (they are
  fixed texts that never echo what was sent), ours (in both languages) for the rest.
* WAITING: changes still in the outbox; the next sync sends them.
* LOCAL_ONLY ("lokal saja"): the desk is not enrolled with a city server, so nothing is
  being sent at all. Saying "waiting" there would promise a sync that is not coming; the
  officer should hear that the data is safe on this desk and goes out once the desk is
  enrolled. A desk that did sync before (and was un-enrolled) still shows tickets with
  nothing left in the outbox as SENT: they are on the server.
* SENT: nothing of the ticket is left in the outbox (the server acknowledged every change:
  a row leaves the outbox only in the transaction that records the server's answer).

Which rows belong to a ticket: `outbox.ticket_uuid` (migration 0007, indexed); a follow-up's
rows are its "followup.created" rows (entity = the follow-up), wherever it has moved since.
Changes about several tickets (a merge names its merged tickets in a list, an erasure its
tickets) are found by the ticket uuids anywhere in their payload, read by SQLite itself
(json_tree), so every kind added later is covered without a list here to keep up to date.

`resend` puts a ticket's parked changes back in line (audited, never deleting anything).
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum

from sqlalchemy import bindparam, select, text, update
from sqlalchemy.orm import Session

from posko.store.database import Store, audit
from posko.store.models import FollowUpRow, OutboxRow, SyncConflict, TicketRow

# posko.sync.enrolment.META_SERVER_URL and posko.sync.engine.LAST_SUCCESS_KEY (the store
# does not import the sync package; tests/store/test_sync_state.py checks they agree).
SERVER_URL_META = "sync.server_url"
LAST_SUCCESS_KEY = "sync.last_success_at"
RESEND_ACTION = "sync.resend"
# Kinds whose rows concern exactly the ticket in `outbox.ticket_uuid`; any other kind
# (merges, erasures, whatever comes later) is matched through its payload as well.
SINGLE_TICKET_KINDS = ("ticket.created", "status.changed", "note.added", "external_ref.added",
                       "followup.created", "attachment.added")
ATTACHMENT_FILE_MISSING_CODE = "attachment_file_missing"
_SERVER_REASON_RE = re.compile(r"^([a-z][a-z0-9_]*): ?(.*?)(?: \(([a-z0-9_.]+)\))?$", re.S)


class RecordState(StrEnum):
    SENT = "sent"
    WAITING = "waiting"
    LOCAL_ONLY = "local_only"
    NEEDS_ATTENTION = "needs_attention"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {RecordState.SENT: 0, RecordState.LOCAL_ONLY: 1, RecordState.WAITING: 1,
         RecordState.NEEDS_ATTENTION: 2}


@dataclass(frozen=True, slots=True)
class SyncReason:
    """Why a record is in its state, for the officer (never personal data)."""

    message_id: str
    message_en: str

    def message(self, language: str) -> str:
        return self.message_en if language == "en" else self.message_id


@dataclass(frozen=True, slots=True)
class SyncBadge:
    """The sync state of one ticket (or one follow-up) as the lookup and detail show it."""

    state: RecordState
    waiting: int = 0  # changes in the outbox, not set aside
    parked: int = 0  # changes set aside (refused / file missing): "Kirim ulang" puts them back
    conflicts: int = 0  # conflicts with the server not yet marked resolved
    reason: SyncReason | None = None

    @property
    def can_resend(self) -> bool:
        return self.parked > 0


@dataclass(frozen=True, slots=True)
class RecordSync:
    """One change of a ticket still on this desk (an outbox row)."""

    outbox_uuid: str
    kind: str
    entity_uuid: str
    created_at: datetime
    state: RecordState  # WAITING, LOCAL_ONLY or NEEDS_ATTENTION (sent rows are gone)
    attempts: int
    reason: SyncReason | None  # parked: why; waiting after a resend: the last refusal
    touches: frozenset[str] = frozenset()  # uuids it concerns: its entity, and for a merge
    # or an erasure also the tickets / status events named in its payload


@dataclass(frozen=True, slots=True)
class ConflictSync:
    outbox_uuid: str
    kind: str
    code: str
    field: str | None
    entity_uuid: str | None  # the record the conflicting change was about, when it said
    created_at: datetime


@dataclass(frozen=True, slots=True)
class TicketSyncDetail:
    """Everything the ticket detail shows about the sync of one ticket and its records."""

    ticket_uuid: str
    badge: SyncBadge  # the ticket as a whole (the worst of its records)
    ticket: SyncBadge  # the ticket's own record (its creation)
    records: tuple[RecordSync, ...]  # oldest first
    conflicts: tuple[ConflictSync, ...]
    follow_ups: Mapping[str, SyncBadge] = field(default_factory=dict)  # follow-up uuid ->
    enrolled: bool = True
    nothing_left: RecordState = RecordState.SENT  # a record with no row: SENT / LOCAL_ONLY

    def state_of(self, record_uuid: str) -> SyncBadge:
        """The state of one record of the ticket (a status event, follow-up, note, photo)."""
        if record_uuid in self.follow_ups:
            return self.follow_ups[record_uuid]
        return _combine((r for r in self.records if record_uuid in r.touches),
                        (c for c in self.conflicts if c.entity_uuid == record_uuid),
                        self.nothing_left)


# --------------------------------------------------------------------------- reasons


def parked_reason(last_error: str | None) -> SyncReason:
    """A parked row's `last_error` (the engine's "code: server message (field)", or a code
    of ours) as a sentence for the officer."""
    raw = " ".join((last_error or "").split())
    if raw.startswith(ATTACHMENT_FILE_MISSING_CODE):
        return SyncReason(
            "Berkas foto/lampiran hilang dari folder data meja ini. Pulihkan folder "
            "'attachments' dari cadangan, lalu tekan Kirim ulang.",
            "The photo/attachment file is missing from this desk's data folder. Restore the "
            "'attachments' folder from a backup, then press Resend.")
    if not raw:
        return SyncReason("Ditolak server kota (tanpa keterangan).",
                          "Refused by the city server (no reason given).")
    match = _SERVER_REASON_RE.match(raw)
    if match and match.group(2):
        code, message, field_name = match.groups()
        detail = f"{message} [{code}" + (f", {field_name}]" if field_name else "]")
    else:  # "422 bad_request" (the whole request refused), or anything else
        detail = raw
    return SyncReason(f"Ditolak server kota: {detail}", f"Refused by the city server: {detail}")


def conflict_reason(code: str, count: int = 1) -> SyncReason:
    more_id = f" (+{count - 1} lainnya)" if count > 1 else ""
    more_en = f" (+{count - 1} more)" if count > 1 else ""
    return SyncReason(
        f"Bertabrakan dengan data di server kota [{code}]{more_id}: data server sudah dipakai; "
        "periksa di rincian tiket lalu tandai selesai.",
        f"Conflicts with the city server's data [{code}]{more_en}: the server's data is in "
        "use; check it in the ticket detail, then mark it resolved.")


def _waiting_reason(count: int) -> SyncReason:
    return SyncReason(f"{count} perubahan menunggu dikirim ke server kota.",
                      f"{count} change(s) waiting to be sent to the city server.")


LOCAL_ONLY_REASON = SyncReason(
    "Meja ini belum terdaftar di server kota: data tersimpan aman di meja ini saja dan "
    "dikirim setelah meja didaftarkan.",
    "This desk is not enrolled with a city server: the data is kept safe on this desk only "
    "and is sent once the desk is enrolled.")


def _badge(waiting: int, parked: int, conflicts: int, parked_error: str | None,
           conflict_code: str | None, *, enrolled: bool, synced_before: bool) -> SyncBadge:
    if parked or conflicts:
        reasons = []
        if parked:
            reasons.append(parked_reason(parked_error))
            if parked > 1:
                reasons.append(SyncReason(f"({parked} perubahan tertahan)",
                                          f"({parked} changes held back)"))
        if conflicts:
            reasons.append(conflict_reason(conflict_code or "conflict", conflicts))
        return SyncBadge(RecordState.NEEDS_ATTENTION, waiting, parked, conflicts,
                         _join(reasons))
    if waiting:
        if not enrolled:
            return SyncBadge(RecordState.LOCAL_ONLY, waiting, reason=LOCAL_ONLY_REASON)
        return SyncBadge(RecordState.WAITING, waiting, reason=_waiting_reason(waiting))
    if not enrolled and not synced_before:
        return SyncBadge(RecordState.LOCAL_ONLY, reason=LOCAL_ONLY_REASON)
    return SyncBadge(RecordState.SENT)


def _combine(records: Iterable[RecordSync], conflicts: Iterable[ConflictSync],
             otherwise: RecordState) -> SyncBadge:
    rows, clashes = list(records), list(conflicts)
    if not rows and not clashes:
        reason = LOCAL_ONLY_REASON if otherwise is RecordState.LOCAL_ONLY else None
        return SyncBadge(otherwise, reason=reason)
    parked = [r for r in rows if r.state is RecordState.NEEDS_ATTENTION]
    waiting = len(rows) - len(parked)
    if parked or clashes:
        reasons = [r.reason for r in parked if r.reason is not None]
        if clashes:
            reasons.append(conflict_reason(clashes[0].code, len(clashes)))
        return SyncBadge(RecordState.NEEDS_ATTENTION, waiting, len(parked), len(clashes),
                         _join(reasons))
    state = RecordState.LOCAL_ONLY if any(
        r.state is RecordState.LOCAL_ONLY for r in rows) else RecordState.WAITING
    base = LOCAL_ONLY_REASON if state is RecordState.LOCAL_ONLY else _waiting_reason(waiting)
    earlier = [r.reason for r in rows if r.reason is not None][:1]  # "resent; before: ..."
    return SyncBadge(state, waiting, reason=_join([base, *earlier]))


def _join(reasons: list[SyncReason]) -> SyncReason:
    return SyncReason(" ".join(r.message_id for r in reasons),
                      " ".join(r.message_en for r in reasons))


# --------------------------------------------------------------------------- lookup (batched)

_SINGLE = ", ".join(f"'{kind}'" for kind in SINGLE_TICKET_KINDS)
# One statement for a page of lookup rows: the tickets' outbox rows through the ticket_uuid
# index, their open conflicts through theirs, the rows about several tickets (few: merges,
# erasures) through their payload, and the desk's enrolment. Parameters: a JSON array.
_STATES_SQL = f"""
WITH wanted(uuid) AS (SELECT value FROM json_each(:uuids))
SELECT 'o', o.ticket_uuid, count(*), total(o.parked), min(CASE WHEN o.parked THEN o.last_error
       END), NULL
  FROM outbox AS o WHERE o.ticket_uuid IN wanted GROUP BY o.ticket_uuid
UNION ALL
SELECT 'm', m.uuid, count(*), total(m.parked), min(CASE WHEN m.parked THEN m.last_error END),
       NULL
  FROM (SELECT DISTINCT o.id, t.atom AS uuid, o.parked, o.last_error
          FROM outbox AS o, json_tree(o.payload) AS t
         WHERE o.kind NOT IN ({_SINGLE}) AND json_valid(o.payload) AND t.type = 'text'
           AND t.atom IN wanted AND t.atom IS NOT o.ticket_uuid) AS m
 GROUP BY m.uuid
UNION ALL
SELECT 'c', c.ticket_uuid, count(*), 0, NULL, min(c.code)
  FROM sync_conflicts AS c WHERE c.resolved_at IS NULL AND c.ticket_uuid IN wanted
 GROUP BY c.ticket_uuid
UNION ALL
SELECT 'c', x.uuid, count(*), 0, NULL, min(x.code)
  FROM (SELECT DISTINCT c.id, t.atom AS uuid, c.code
          FROM sync_conflicts AS c, json_tree(c.local_payload) AS t
         WHERE c.resolved_at IS NULL AND c.kind NOT IN ({_SINGLE})
           AND json_valid(c.local_payload) AND t.type = 'text' AND t.atom IN wanted
           AND t.atom IS NOT c.ticket_uuid) AS x
 GROUP BY x.uuid
UNION ALL
SELECT 's', (SELECT value FROM meta WHERE key = '{SERVER_URL_META}'),
       (SELECT count(*) FROM sync_state WHERE key = '{LAST_SUCCESS_KEY}'), 0, NULL, NULL
"""


def ticket_sync_states(store: Store, ticket_uuids: Iterable[str]) -> dict[str, SyncBadge]:
    """The sync badge of each ticket (one query for the whole page of lookup rows)."""
    wanted = sorted(set(ticket_uuids))
    if not wanted:
        return {}
    outbox: dict[str, list[float]] = {}  # uuid -> [rows, parked]
    errors: dict[str, str | None] = {}
    clashes: dict[str, tuple[int, str]] = {}
    enrolled = synced_before = False
    with store.engine.connect() as conn:
        result = conn.execute(text(_STATES_SQL), {"uuids": json.dumps(wanted)})
        for source, uuid, rows, parked, error, conflict in result:
            if source == "s":
                enrolled, synced_before = uuid is not None, bool(rows)
            elif source == "c":
                count, code = clashes.get(uuid, (0, str(conflict)))
                clashes[uuid] = (count + int(rows), code)
            else:
                counts = outbox.setdefault(uuid, [0, 0])
                counts[0] += rows
                counts[1] += parked
                if error is not None and errors.get(uuid) is None:
                    errors[uuid] = error
    badges = {}
    for uuid in wanted:
        rows, parked = outbox.get(uuid, (0, 0))
        count, code = clashes.get(uuid, (0, ""))
        badges[uuid] = _badge(int(rows - parked), int(parked), count, errors.get(uuid),
                              code or None, enrolled=enrolled, synced_before=synced_before)
    return badges


# --------------------------------------------------------------------------- one ticket


def _enrolment(session: Session) -> tuple[bool, bool]:
    row = session.execute(text(
        f"SELECT (SELECT value FROM meta WHERE key = '{SERVER_URL_META}'), "
        f"(SELECT count(*) FROM sync_state WHERE key = '{LAST_SUCCESS_KEY}')")).one()
    return row[0] is not None, bool(row[1])


_MULTI_SQL = text(f"""
SELECT DISTINCT o.id FROM outbox AS o, json_tree(o.payload) AS t
 WHERE o.kind NOT IN ({_SINGLE}) AND json_valid(o.payload) AND t.type = 'text'
   AND t.atom = :ticket
""")
_MULTI_CONFLICTS_SQL = text(f"""
SELECT DISTINCT c.id FROM sync_conflicts AS c, json_tree(c.local_payload) AS t
 WHERE c.resolved_at IS NULL AND c.kind NOT IN ({_SINGLE}) AND json_valid(c.local_payload)
   AND t.type = 'text' AND t.atom = :ticket
""")


def _ticket_rows(session: Session, ticket_uuid: str) -> list[OutboxRow]:
    """Every outbox row of the ticket: its own, its follow-ups' (also ones moved to it by a
    merge), and changes about several tickets that name it."""
    follow_ups = select(FollowUpRow.uuid).join(TicketRow).where(TicketRow.uuid == ticket_uuid)
    ids = set(session.scalars(select(OutboxRow.id).where(OutboxRow.ticket_uuid == ticket_uuid)))
    ids.update(session.scalars(select(OutboxRow.id).where(
        OutboxRow.kind == "followup.created", OutboxRow.entity_uuid.in_(follow_ups))))
    ids.update(session.scalars(_MULTI_SQL, {"ticket": ticket_uuid}))
    if not ids:
        return []
    return list(session.scalars(select(OutboxRow).where(
        OutboxRow.id.in_(bindparam("ids", sorted(ids), expanding=True))).order_by(OutboxRow.id)))


def _payload_uuids(payload: str) -> frozenset[str]:
    found: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, str):
            found.add(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    with contextlib.suppress(ValueError):
        walk(json.loads(payload))
    return frozenset(found)


def _record(row: OutboxRow, *, enrolled: bool) -> RecordSync:
    if row.parked:
        state, reason = RecordState.NEEDS_ATTENTION, parked_reason(row.last_error)
    else:
        state = RecordState.WAITING if enrolled else RecordState.LOCAL_ONLY
        reason = None
        if row.last_error:  # put back in line after a refusal: say what the server said
            refused = parked_reason(row.last_error)
            reason = SyncReason(f"Dikirim ulang; sebelumnya: {refused.message_id}",
                                f"Resent; before: {refused.message_en}")
    touches = {row.entity_uuid}
    if row.ticket_uuid:
        touches.add(row.ticket_uuid)
    if row.kind not in SINGLE_TICKET_KINDS:
        touches |= _payload_uuids(row.payload)
    return RecordSync(outbox_uuid=row.uuid, kind=row.kind, entity_uuid=row.entity_uuid,
                      created_at=row.created_at, state=state, attempts=row.attempts,
                      reason=reason, touches=frozenset(touches))


def ticket_sync_detail(store: Store, ticket_uuid: str) -> TicketSyncDetail:
    """The ticket's sync state, record by record (for the ticket detail)."""
    with store.unit_of_work() as session:
        enrolled, synced_before = _enrolment(session)
        records = tuple(_record(row, enrolled=enrolled)
                        for row in _ticket_rows(session, ticket_uuid))
        conflicts = []
        conflict_ids = set(session.scalars(select(SyncConflict.id).where(
            SyncConflict.ticket_uuid == ticket_uuid, SyncConflict.resolved_at.is_(None))))
        conflict_ids.update(session.scalars(_MULTI_CONFLICTS_SQL, {"ticket": ticket_uuid}))
        for row in session.scalars(select(SyncConflict).where(
                SyncConflict.id.in_(bindparam("ids", sorted(conflict_ids), expanding=True)))
                .order_by(SyncConflict.id)):
            try:
                local = json.loads(row.local_payload)
            except ValueError:
                local = {}
            entity = local.get("uuid") if isinstance(local, dict) else None
            if row.kind == "ticket.created":
                entity = ticket_uuid
            conflicts.append(ConflictSync(row.outbox_uuid, row.kind, row.code, row.field,
                                          str(entity) if entity else None, row.created_at))
        follow_up_uuids = list(session.scalars(
            select(FollowUpRow.uuid).join(TicketRow).where(TicketRow.uuid == ticket_uuid)))
    nothing_left = (RecordState.LOCAL_ONLY if not enrolled and not synced_before
                    else RecordState.SENT)
    badge = _combine(records, conflicts, nothing_left)
    own = _combine((r for r in records if r.kind == "ticket.created"),
                   (c for c in conflicts if c.kind == "ticket.created"), nothing_left)
    follow_ups = {
        uuid: _combine((r for r in records if r.kind == "followup.created"
                        and r.entity_uuid == uuid),
                       (c for c in conflicts if c.entity_uuid == uuid), nothing_left)
        for uuid in follow_up_uuids}
    return TicketSyncDetail(ticket_uuid, badge, own, records, tuple(conflicts), follow_ups,
                            enrolled, nothing_left)


# --------------------------------------------------------------------------- resend


def resend(store: Store, ticket_uuid: str, *, officer: str,
           now: datetime | None = None) -> int:
    """Put the ticket's parked changes back in line for the next sync ("Kirim ulang").

    The same step as `posko outbox --retry` (posko.sync.engine.retry_parked), narrowed to one
    ticket's rows and audited: only `parked` changes; nothing is deleted, the attempt count
    and the last refusal stay for the record. Returns how many changes were put back."""
    at = now or datetime.now(UTC)
    with store.unit_of_work() as session:
        ids = [row.id for row in _ticket_rows(session, ticket_uuid) if row.parked]
        if not ids:
            return 0
        result = session.execute(update(OutboxRow).where(
            OutboxRow.id.in_(bindparam("ids", ids, expanding=True)),
            OutboxRow.parked.is_(True)).values(parked=False))
        count = int(result.rowcount)  # type: ignore[attr-defined]
        audit(session, officer=officer, action=RESEND_ACTION, entity="ticket",
              entity_uuid=ticket_uuid, detail=f"changes={count}", at=at)
    return count


__all__ = ["LOCAL_ONLY_REASON", "RESEND_ACTION", "ConflictSync", "RecordState", "RecordSync",
           "SyncBadge", "SyncReason", "TicketSyncDetail", "conflict_reason", "parked_reason",
           "resend", "ticket_sync_detail", "ticket_sync_states"]
