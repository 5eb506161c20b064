"""Reading tickets: search-as-you-type over FTS5 and exact lookup by code or external ref.

Results are immutable snapshots (`TicketSummary`, `TicketDetail`) that a table model can hold
without touching the DB again.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import column, select, table, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import OperationalError
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

log = logging.getLogger(__name__)

DEFAULT_LIMIT = 50
# The FTS5 table is created by the migrations, not by the ORM; this is just its shape.
_FTS = table("ticket_fts", column("rowid"), column("external_refs"))
# Letters and digits: what FTS5's unicode61 tokenizer keeps together ("_" separates there
# too), so every quoted token is one index term. ticket_fts (migration 0005) keeps no
# positions, so a quoted token that the tokenizer split in two would be a phrase, which it
# cannot answer.
_TOKEN_RE = re.compile(r"[^\W_]+")
# ticket_fts has prefix indexes for 2..6 characters (migration 0005). A token of up to 6
# characters is one prefix-index lookup, read newest first and stopped after the page. A
# longer word is looked up by its first 6 letters and each row checked for the whole word
# here (FTS5 would otherwise merge the doclists of every term starting with it, all of
# them, before returning a row: 35-38 ms p95 at 1M tickets for a common word).
INDEXED_PREFIX = 6
# Rows of the 6-letter prefix checked before giving up on that shortcut for the plain query
# (a rare long word behind a common 6-letter prefix: the plain query is then cheap).
CHECKED_ROWS = 1000
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
    # Who made it, as the lookup may show it: the kind ("named" / "anonymous" / "kecamatan";
    # "" when unknown) and a named reporter's name. An anonymous reporter's kept name is
    # never put here (the lookup shows "Anonim"); kept out of repr like every personal datum.
    reporter_kind: str = ""
    reporter_name: str | None = field(default=None, repr=False)


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


def _tokens(typed: str) -> list[str]:
    """What an officer typed, as index terms to match as prefixes (see `fts_query`)."""
    stripped = typed.strip()
    if not stripped:
        return []
    if _PHONE_LIKE_RE.match(stripped) and sum(c.isdigit() for c in stripped) >= 4:
        return ["".join(c for c in stripped if c.isdigit())]
    return _TOKEN_RE.findall(_fold(stripped))


def _match(tokens: list[str]) -> str:
    return " AND ".join(f'"{token}"*' for token in tokens)


def fts_query(typed: str) -> str | None:
    """Turn what an officer typed into an FTS5 query: every word a prefix, all required.

    A phone number typed with spaces or dashes (0812-3456 7890) is joined into one digit run,
    since the index holds phones as unbroken digits. Returns None when nothing searchable
    remains. Each token is quoted, so FTS5 syntax in the input has no effect.
    """
    tokens = _tokens(typed)
    return _match(tokens) if tokens else None


def _checked_here(token: str) -> bool:
    """A word longer than the longest prefix index, looked up by its first letters and
    checked row by row. Digit runs (phones, refs, codes) are near-unique per ticket: their
    plain prefix query is cheap, and their 6-digit prefixes are shared by thousands."""
    return len(token) > INDEXED_PREFIX and token.isascii() and token.isalpha()


def _folded_text(values: Sequence[str | None]) -> str:
    """A row's indexed text folded as unicode61 remove_diacritics does (lower case, accents
    off, canonical decomposition only: a ligature stays one letter, as in the index)."""
    joined = " ".join(v for v in values if v)
    if joined.isascii():
        return joined.lower()
    decomposed = unicodedata.normalize("NFD", joined)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _checked_rows(conn: Connection, tokens: list[str], long_words: list[str],
                  limit: int) -> list[tuple[int, str]] | None:
    """(rowid, external_refs) of the newest `limit` rows holding every token as a prefix,
    reading the rows of the long words' 6-letter prefixes newest first and checking each
    for the whole words; None when CHECKED_ROWS rows were read without filling the page."""
    shortened = [t[:INDEXED_PREFIX] if t in long_words else t for t in tokens]
    # A long word must start a token: not preceded by a letter or digit.
    patterns = [re.compile(r"(?<![^\W_])" + re.escape(word)) for word in long_words]
    budget = CHECKED_ROWS + limit
    found: list[tuple[int, str]] = []
    read = 0
    result = conn.exec_driver_sql(
        "SELECT rowid, external_refs, tracking_code, reporter_name, phone, address, "
        "description FROM ticket_fts WHERE ticket_fts MATCH ? ORDER BY rowid DESC LIMIT ?",
        (_match(shortened), budget))
    for row in result:
        read += 1
        text = _folded_text(row[1:])
        if all(pattern.search(text) for pattern in patterns):
            found.append((row[0], row[1]))
            if len(found) == limit:
                break
    result.close()
    if len(found) < limit and read == budget:
        return None
    return found


_SUMMARY_COLUMNS = (
    TicketRow.uuid, TicketRow.tracking_code, TicketRow.status, TicketRow.category,
    TicketRow.kelurahan_code, TicketRow.address, TicketRow.description, TicketRow.created_at,
    TicketRow.origin, TicketRow.needs_field_check, TicketRow.reporter_kind,
    TicketRow.reporter_name,
)


def _summary(row: Any, external_refs: str) -> TicketSummary:
    return TicketSummary(
        uuid=row.uuid, tracking_code=row.tracking_code, status=Status(row.status),
        category=row.category, kelurahan_code=row.kelurahan_code, address=row.address,
        description=row.description, created_at=row.created_at,
        external_refs=external_refs, origin=row.origin,
        needs_field_check=row.needs_field_check, reporter_kind=row.reporter_kind,
        reporter_name=row.reporter_name if row.reporter_kind == "named" else None,
    )


def search(store: Store, typed: str, *, limit: int = DEFAULT_LIMIT) -> list[TicketSummary]:
    """Tickets matching every typed word as a prefix, most recently added first.

    Newest added first, straight from the index's rowid order: ranking (bm25) every match
    of a broad prefix ("ja" hits half the desk) cost 50-370 ms at 100k tickets, this stops
    after `limit` rows. Officers mostly look for recent tickets.
    """
    tokens = _tokens(typed)
    if not tokens:
        return []
    long_words = [t for t in tokens if _checked_here(t)] if limit > 0 else []
    try:
        with store.engine.connect() as conn:
            checked = _checked_rows(conn, tokens, long_words, limit) if long_words else None
            if checked is not None:
                refs = dict(checked)
                by_id = {row.id: row for row in conn.execute(
                    select(TicketRow.id, *_SUMMARY_COLUMNS).where(TicketRow.id.in_(refs)))}
                return [_summary(by_id[i], refs[i]) for i, _refs in checked if i in by_id]
            rows = conn.execute(
                select(*_SUMMARY_COLUMNS, _FTS.c.external_refs)
                .select_from(_FTS.join(TicketRow.__table__, TicketRow.id == _FTS.c.rowid))
                .where(text("ticket_fts MATCH :query"))
                .order_by(_FTS.c.rowid.desc())
                .limit(limit),
                {"query": _match(tokens)}).all()
    except OperationalError as exc:
        # A letter that Python counts as one but this SQLite's tokenizer separates on (21 in
        # all of Unicode for SQLite 3.40, New Tai Lue vowel signs and the like) splits a
        # typed word into a phrase, which an index without positions cannot answer: no
        # results rather than an error while typing.
        if "phrase queries are not supported" not in str(exc.orig):
            raise
        log.warning("search: a typed word holds letters the index does not know")
        return []
    return [_summary(row, row.external_refs) for row in rows]


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
