"""The audit log, read back for the camat/sekcam: who saw (unmasked) or changed what, when.

`query_audit` lists entries newest first, one page at a time (keyset paging on ``(at, id)``,
so page 1,000 costs what page 1 costs), filtered by officer, a date range in the desk's time
zone, a ticket (tracking code typed any way, or uuid) and an action. The log of a busy desk
grows to millions of rows: every filter has an index that already holds the rows in time
order (``at``; ``entity_uuid, at``; ``officer, at``; ``action, at``), see migration 0004.

`export_csv` streams a filtered set to a file in batches (never the whole log in memory),
with spreadsheet formulas defused and a byte-order mark so Excel reads it as UTF-8.

`reveal_nik` is the one way to read a reporter's full NIK for the screen: only a supervisor
may, and it writes a ``nik.unmasked`` audit row (officer and ticket uuid, never the NIK) in
the same transaction as the read.

Audit rows never hold personal data: `detail` carries codes, counts and hashes only.
"""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from pathlib import Path

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from posko.domain import tracking
from posko.domain.errors import DomainError
from posko.domain.text import spreadsheet_cell
from posko.store.crypto import NikCipher
from posko.store.database import Store, audit
from posko.store.models import AuditEntry, TicketRow

#: Actions the desk writes (the viewer's action filter); the log may hold others too.
AUDIT_ACTIONS: tuple[str, ...] = (
    "ticket.create", "ticket.status", "ticket.note", "ticket.external_ref", "ticket.chase",
    "ticket.print_case", "ticket.merge", "ticket.merge_undo", "attachment.add", "nik.unmasked",
    "officer.sign_in", "officer.sign_in_failed", "officer.create",
    "queue.take", "queue.call", "queue.served", "queue.left",
    "desk.initialise", "desk.enrol", "sequences.skipped_after_restore", "audit.export",
    "sync.resend", "data_request.export", "data_request.erase_request", "data_request.erase",
    "data_request.retention",
)
NIK_UNMASKED = "nik.unmasked"
AUDIT_EXPORTED = "audit.export"
DEFAULT_PAGE_SIZE = 200
EXPORT_BATCH = 2000

# Entries joined with their ticket's tracking code (NULL when the entity is no ticket here).
_Query = Select[AuditEntry, str]

_UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I)

_CSV_HEADER = {
    "id": ("waktu", "petugas", "tindakan", "entitas", "uuid_entitas", "kode_pelacakan",
           "keterangan"),
    "en": ("time", "officer", "action", "entity", "entity_uuid", "tracking_code", "detail"),
}


@dataclass(frozen=True, slots=True)
class AuditFilter:
    """What to list. Every field is optional; together they narrow the set (AND).

    `date_from`/`date_to` are calendar days at the desk (both inclusive); `ticket` is a
    tracking code (any spelling `tracking.validate` accepts) or a ticket uuid; `action` is
    an action code (``ticket.status``) or a family ending in a dot (``ticket.``).
    """

    officer: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    ticket: str | None = None
    action: str | None = None


@dataclass(frozen=True, slots=True)
class AuditRecord:
    id: int
    at: datetime  # aware, UTC
    officer: str
    action: str
    entity: str
    entity_uuid: str | None
    tracking_code: str | None  # when entity_uuid is a ticket on this desk
    detail: str


@dataclass(frozen=True, slots=True)
class AuditCursor:
    """Where the next page starts: strictly older than this (at, id)."""

    at: datetime
    id: int


@dataclass(frozen=True, slots=True)
class AuditPage:
    entries: tuple[AuditRecord, ...]
    next_cursor: AuditCursor | None  # None: this was the last page


def invalid_ticket_key() -> DomainError:
    return DomainError("Tulis kode pelacakan atau UUID tiket yang lengkap.",
                       "Type a complete tracking code or ticket UUID.",
                       code="invalid_ticket_key", field="ticket")


def _ticket_uuid(session: Session, key: str) -> str | None:
    """The uuid of the ticket `key` names (None: no such ticket on this desk)."""
    key = key.strip()
    if _UUID_RE.match(key):
        return key.lower()
    if not tracking.is_valid(key):
        raise invalid_ticket_key()
    return session.scalar(select(TicketRow.uuid)
                          .where(TicketRow.tracking_code == tracking.validate(key)))


def day_bounds(first: date | None, last: date | None,
               timezone: tzinfo) -> tuple[datetime | None, datetime | None]:
    """[start of `first`, start of the day after `last`) at the desk, in UTC."""
    start = (datetime.combine(first, time.min, tzinfo=timezone).astimezone(UTC)
             if first is not None else None)
    end = (datetime.combine(last + timedelta(days=1), time.min, tzinfo=timezone).astimezone(UTC)
           if last is not None else None)
    return start, end


def _statement(session: Session, filters: AuditFilter,
               timezone: tzinfo) -> _Query | None:
    """The filtered query, newest first; None when it cannot match anything."""
    query = (select(AuditEntry, TicketRow.tracking_code)
             .outerjoin(TicketRow, TicketRow.uuid == AuditEntry.entity_uuid)
             .order_by(AuditEntry.at.desc(), AuditEntry.id.desc()))
    if filters.officer:
        query = query.where(AuditEntry.officer == filters.officer)
    if filters.action:
        if filters.action.endswith("."):
            # A family ("ticket.") is most of the log: walk the time index and test each row
            # (an expression, so SQLite does not take the action index and sort them all).
            prefix = filters.action
            query = query.where(func.substr(AuditEntry.action, 1, len(prefix)) == prefix)
        else:
            query = query.where(AuditEntry.action == filters.action)
    start, end = day_bounds(filters.date_from, filters.date_to, timezone)
    if start is not None:
        query = query.where(AuditEntry.at >= start)
    if end is not None:
        query = query.where(AuditEntry.at < end)
    if filters.ticket and filters.ticket.strip():
        uuid = _ticket_uuid(session, filters.ticket)
        if uuid is None:
            return None
        query = query.where(AuditEntry.entity_uuid == uuid)
    return query


def _after(query: _Query,
           cursor: AuditCursor | None) -> _Query:
    if cursor is None:
        return query
    # `at <= x` bounds the index range; the OR breaks ties on the same instant by id.
    return query.where(AuditEntry.at <= cursor.at,
                       or_(AuditEntry.at < cursor.at, AuditEntry.id < cursor.id))


def _record(entry: AuditEntry, code: str | None) -> AuditRecord:
    return AuditRecord(entry.id, entry.at, entry.officer, entry.action, entry.entity,
                       entry.entity_uuid, code, entry.detail or "")


def query_audit(store: Store, filters: AuditFilter = AuditFilter(), *,
                timezone: tzinfo = UTC, limit: int = DEFAULT_PAGE_SIZE,
                after: AuditCursor | None = None) -> AuditPage:
    """One page of matching entries, newest first; pass `next_cursor` back for the next."""
    if limit < 1:
        raise ValueError("limit must be positive")
    with store.unit_of_work() as session:
        query = _statement(session, filters, timezone)
        if query is None:
            return AuditPage((), None)
        rows = session.execute(_after(query, after).limit(limit + 1)).all()
        records = tuple(_record(entry, code) for entry, code in rows[:limit])
    more = len(rows) > limit
    last = records[-1] if records and more else None
    return AuditPage(records, AuditCursor(last.at, last.id) if last is not None else None)


def iter_audit(store: Store, filters: AuditFilter = AuditFilter(), *,
               timezone: tzinfo = UTC, batch: int = EXPORT_BATCH) -> Iterator[AuditRecord]:
    """Every matching entry, newest first, read `batch` rows per short transaction."""
    cursor: AuditCursor | None = None
    while True:
        page = query_audit(store, filters, timezone=timezone, limit=batch, after=cursor)
        yield from page.entries
        if page.next_cursor is None:
            return
        cursor = page.next_cursor


def export_csv(store: Store, filters: AuditFilter, target: Path, *, officer: str,
               timezone: tzinfo = UTC, language: str = "id", batch: int = EXPORT_BATCH,
               progress: Callable[[int], None] | None = None) -> int:
    """Write the matching entries (newest first) to `target` as CSV; return the row count.

    UTF-8 with a byte-order mark (Excel), CRLF rows, a header in the chosen language, times
    at the desk with their UTC offset. Written to a side file and moved into place, so a
    failed export never leaves half a file under the chosen name. The export itself is
    audited (``audit.export``, the row count only).
    """
    target = Path(target)
    partial = target.with_name(target.name + ".part")
    count = 0
    try:
        with partial.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\r\n")
            writer.writerow(_CSV_HEADER["en" if language == "en" else "id"])
            for record in iter_audit(store, filters, timezone=timezone, batch=batch):
                writer.writerow([spreadsheet_cell(value) for value in (
                    record.at.astimezone(timezone).isoformat(sep=" ", timespec="seconds"),
                    record.officer, record.action, record.entity, record.entity_uuid or "",
                    record.tracking_code or "", record.detail)])
                count += 1
                if progress is not None and count % batch == 0:
                    progress(count)
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    with store.unit_of_work() as session:
        audit(session, officer=officer, action=AUDIT_EXPORTED, entity="audit_log",
              detail=f"rows={count}")
    return count


def not_allowed_to_unmask() -> DomainError:
    return DomainError("Hanya camat/sekcam (supervisor) yang boleh melihat NIK lengkap.",
                       "Only the camat/sekcam (supervisor) may see the full NIK.",
                       code="unmask_not_allowed", field="nik")


def reveal_nik(store: Store, cipher: NikCipher, ticket_uuid: str, *, officer: str,
               is_supervisor: bool, now: datetime | None = None) -> str | None:
    """The reporter's full NIK (None when the ticket has none), audited as ``nik.unmasked``.

    The audit row names the officer and the ticket uuid; it never holds the NIK.
    """
    if not is_supervisor:
        raise not_allowed_to_unmask()
    with store.unit_of_work() as session:
        blob = session.scalar(select(TicketRow.reporter_nik_enc)
                              .where(TicketRow.uuid == ticket_uuid))
        if blob is None:
            return None
        nik = cipher.decrypt(blob)
        audit(session, officer=officer, action=NIK_UNMASKED, entity="ticket",
              entity_uuid=ticket_uuid, at=now or datetime.now(UTC))
    return nik
