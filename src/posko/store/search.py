"""Reading tickets: search-as-you-type over FTS5 and exact lookup by code or external ref.

Results are immutable snapshots (`TicketSummary`, `TicketDetail`) that a table model can hold
without touching the DB again.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import column, select, table, text
from sqlalchemy.orm import selectinload

from posko.domain import tracking
from posko.domain.errors import DomainError
from posko.domain.models import (
    Attachment,
    ExternalRef,
    FollowUp,
    Source,
    StatusEvent,
    Ticket,
)
from posko.domain.status import Status
from posko.store.crypto import NikCipher
from posko.store.database import Store
from posko.store.mapping import event_from_row, follow_up_from_row, ticket_from_row
from posko.store.models import ExternalRefRow, TicketRow

DEFAULT_LIMIT = 50
# The FTS5 table is created by the migration, not by the ORM; this is just its shape.
_FTS = table("ticket_fts", column("rowid"), column("external_refs"), column("rank"))
_TOKEN_RE = re.compile(r"\w+", re.UNICODE)
_PHONE_LIKE_RE = re.compile(r"^[\d\s+\-().]+$")
_UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I)


@dataclass(frozen=True, slots=True)
class TicketSummary:
    uuid: str
    tracking_code: str
    status: Status
    category: str
    kelurahan_code: str
    address: str
    description: str
    created_at: datetime
    external_refs: str  # "QLUE 1234567 LAPOR 55" as indexed
    origin: str = "desk"
    needs_field_check: bool = False


@dataclass(frozen=True, slots=True)
class NoteEntry:
    at: datetime
    officer: str
    text: str
    internal: bool


@dataclass(frozen=True, slots=True)
class TicketDetail:
    ticket: Ticket
    events: tuple[StatusEvent, ...]
    follow_ups: tuple[FollowUp, ...]
    notes: tuple[NoteEntry, ...] = ()
    attachments: tuple[Attachment, ...] = ()


def _fold(value: str) -> str:
    decomposed = unicodedata.normalize("NFKD", value)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def fts_query(typed: str) -> str | None:
    """Turn what an officer typed into an FTS5 query: every word a prefix, all required.

    A phone number typed with spaces or dashes (0812-3456 7890) is joined into one digit run,
    since the index holds phones as unbroken digits. Returns None when nothing searchable
    remains. Each token is quoted, so FTS5 syntax in the input has no effect.
    """
    stripped = typed.strip()
    if not stripped:
        return None
    if _PHONE_LIKE_RE.match(stripped) and sum(c.isdigit() for c in stripped) >= 4:
        digits = "".join(c for c in stripped if c.isdigit())
        return f'"{digits}"*'
    tokens = _TOKEN_RE.findall(_fold(stripped))
    if not tokens:
        return None
    return " AND ".join(f'"{token}"*' for token in tokens)


def search(store: Store, typed: str, *, limit: int = DEFAULT_LIMIT) -> list[TicketSummary]:
    """Tickets matching every typed word as a prefix, most recently added first."""
    query = fts_query(typed)
    if query is None:
        return []
    statement = (
        select(TicketRow.uuid, TicketRow.tracking_code, TicketRow.status, TicketRow.category,
               TicketRow.kelurahan_code, TicketRow.address, TicketRow.description,
               TicketRow.created_at, _FTS.c.external_refs, TicketRow.origin,
               TicketRow.needs_field_check)
        .select_from(_FTS.join(TicketRow.__table__, TicketRow.id == _FTS.c.rowid))
        .where(text("ticket_fts MATCH :query"))
        # Newest added first, straight from the index's rowid order: ranking (bm25) every
        # match of a broad prefix ("ja" hits half the desk) cost 50-370 ms at 100k tickets,
        # this stops after `limit` rows (< 2 ms). Officers mostly look for recent tickets.
        .order_by(_FTS.c.rowid.desc())
        .limit(limit)
    )
    with store.engine.connect() as conn:
        rows = conn.execute(statement, {"query": query}).all()
    return [
        TicketSummary(
            uuid=row.uuid, tracking_code=row.tracking_code, status=Status(row.status),
            category=row.category, kelurahan_code=row.kelurahan_code, address=row.address,
            description=row.description, created_at=row.created_at,
            external_refs=row.external_refs, origin=row.origin,
            needs_field_check=row.needs_field_check,
        )
        for row in rows
    ]


def find_ticket(store: Store, code_or_ref: str,
                cipher: NikCipher | None = None) -> TicketDetail | None:
    """Exact lookup by uuid, tracking code (typed any way) or external ref (`QLUE 1234567`)."""
    with store.unit_of_work() as session:
        options = (selectinload(TicketRow.external_refs), selectinload(TicketRow.events),
                   selectinload(TicketRow.follow_ups), selectinload(TicketRow.notes),
                   selectinload(TicketRow.attachments))
        row: TicketRow | None = None
        key = code_or_ref.strip()
        if _UUID_RE.match(key):
            row = session.scalar(select(TicketRow).options(*options)
                                 .where(TicketRow.uuid == key.lower()))
        if row is None and tracking.is_valid(code_or_ref):
            row = session.scalar(select(TicketRow).options(*options)
                                 .where(TicketRow.tracking_code == tracking.validate(code_or_ref)))
        if row is None:
            try:
                ref = ExternalRef.parse(code_or_ref)
            except DomainError:  # not shaped like any reference: nothing can match
                return None
            where = ExternalRefRow.number == ref.number
            if ref.source is not Source.OTHER:
                where = where & (ExternalRefRow.source == ref.source.value)
            row = session.scalar(select(TicketRow).options(*options)
                                 .join(ExternalRefRow).where(where).limit(1))
        if row is None:
            return None
        return TicketDetail(
            ticket=ticket_from_row(row, cipher),
            events=tuple(event_from_row(e, row.uuid) for e in row.events),
            follow_ups=tuple(follow_up_from_row(f, row.uuid) for f in row.follow_ups),
            notes=tuple(NoteEntry(n.at, n.officer, n.text, n.internal) for n in row.notes),
            attachments=tuple(
                Attachment(ticket_uuid=row.uuid, filename=a.filename, media_type=a.media_type,
                           size=a.size, sha256=a.sha256, created_at=a.created_at, uuid=a.uuid)
                for a in sorted(row.attachments, key=lambda a: a.created_at)),
        )


def find_by_nik(store: Store, cipher: NikCipher, nik: str) -> list[str]:
    """Tracking codes of tickets whose reporter has this NIK (keyed-hash lookup)."""
    with store.unit_of_work() as session:
        return list(session.scalars(
            select(TicketRow.tracking_code)
            .where(TicketRow.reporter_nik_hash == cipher.lookup_hash(nik))
            .order_by(TicketRow.created_at.desc())
        ))


def count_tickets(store: Store) -> int:
    with store.engine.connect() as conn:
        return int(conn.exec_driver_sql("SELECT count(*) FROM tickets").scalar() or 0)
