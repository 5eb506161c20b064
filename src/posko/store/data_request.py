"""Citizen data requests (UU PDP 27/2022 art. 32): find everything this desk holds about one
person, export it with its processing history, and erase (anonymise) it once the retention
period allows.

Finding a person
----------------
By any of NIK, phone and name (several given: tickets matching any of them):

* NIK: the keyed hash (`NikCipher.lookup_hash`, indexed), never a scan of decrypted NIKs.
* Phone: normalised to E.164 (`posko.domain.phone`), the indexed ``reporter_phone``.
* Name: an *exact* match after normalisation, nothing fuzzier: case, accents, punctuation,
  repeated spaces and a leading honorific ("Ibu", "Bpk.", "H.", "Hj.", "Sdri.", "Mbah", …) do
  not count, every other letter does. No prefix, substring or sound-alike match: a data
  export handed to the wrong person is itself a data breach, and an erasure must never wipe a
  namesake's contact details. Candidates come from the search index (``ticket_fts``: rows
  holding every token of the name) and are then compared exactly with ``reporter_name``;
  follow-ups' ``requested_by`` (not indexed) is compared row by row.

Every ticket where the person is the reporter, and every follow-up (chase) they asked, is
found. Follow-ups hold only a name, so a NIK/phone search also matches follow-ups by the
names found on the person's own tickets (shown as matched by "name": the officer sees it).

Export
------
`build_export` returns one JSON-ready dict (documented in `EXPORT_FORMAT`), which
`write_export` writes as ``.json`` and, through :mod:`posko.receipts.data_export`, as an A4
``.pdf``. The NIK is shown in full: it is the person's own data, handed to the person after
the officer checked their KTP, and only the full number lets them see a typo in what was
stored (the right to correct, art. 6, starts there). Only supervisors may export, as only
they may unmask a NIK. Every export is audited (one ``data_request.export`` row per ticket
and one summary row; no personal data in ``detail``).

Erasure
-------
`request_erasure` records the request (ticket/follow-up uuids only: the request holds no
personal data) and erases at once what the retention rule allows; the rest waits and
`run_pending_erasures` (desk start-up, after each sync, ``posko data-request run``) erases it
later, at most `PENDING_BATCH` tickets per call. A ticket may be erased when

* it is closed (done, rejected, not our authority, merged) and was closed at least the
  retention period ago (`retention_days`, a desk setting in the ``meta`` table read by the
  CLI and the settings dialog alike; default `DEFAULT_RETENTION_DAYS`), and
* no change about it waits in the outbox (sent, parked or not): those changes must reach
  the server as they are (a changed body under the same Idempotency-Key would be refused),
  so nothing unsent is ever rewritten or deleted; the erasure waits for the server.

Erasing a ticket blanks the reporter's name, phone, NIK (ciphertext and hash) and contact
preference (the reporter becomes "anonymous"), removes the person's name, phone and NIK
from the ticket's free text (description, address, notes, status notes, follow-ups) and
from sync conflicts and held-back pulled rows, empties ``requested_by`` of their follow-ups,
and writes a ``reporter.erased`` outbox row (ticket and follow-up uuids only) so the server
anonymises its copy too and no pull brings the name back. Then the search index is
optimised (its shadow tables keep deleted tokens until a merge), the database is VACUUMed
and the WAL checkpointed with TRUNCATE, so no byte of the name, phone or NIK is left in the
``.sqlite3`` or ``-wal`` files. Autosaved intake drafts about the person are discarded.
The request and every execution are audited.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import sqlite3
import time
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta, tzinfo
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session, selectinload

from posko.domain.errors import DomainError, PoskoError
from posko.domain.models import new_uuid
from posko.domain.nik import validate_nik
from posko.domain.phone import normalize_phone
from posko.domain.status import Status
from posko.store.crypto import DecryptionFailed, NikCipher
from posko.store.database import Store, audit, set_meta
from posko.store.drafts import DraftBox
from posko.store.models import (
    AuditEntry,
    ErasureRequest,
    ErasureTarget,
    TicketRow,
)
from posko.store.tickets import enqueue

log = logging.getLogger(__name__)

RETENTION_META_KEY = "privacy.retention_days"
#: Days after a ticket is closed before an erasure may anonymise it. 90 days: long enough for
#: a "belum beres" reopening (DONE can be reopened), for the duplicate check at intake (30
#: days) and for one quarterly supervision/inspectorate cycle, short enough that a person who
#: asked to be forgotten is not kept for a year. 0 erases closed tickets at once.
DEFAULT_RETENTION_DAYS = 90
MAX_RETENTION_DAYS = 3650
PENDING_BATCH = 200
CHECKPOINT_TRIES = 20
DRAFT_NAMES = ("intake", "assisted")
ERASED_TEXT = "[dihapus]"

EXPORT_ACTION = "data_request.export"
ERASE_REQUEST_ACTION = "data_request.erase_request"
ERASE_ACTION = "data_request.erase"
RETENTION_ACTION = "data_request.retention"
#: Audit actions this module writes (for the audit log viewer's filter).
DATA_REQUEST_ACTIONS = (EXPORT_ACTION, ERASE_REQUEST_ACTION, ERASE_ACTION, RETENTION_ACTION)

MATCH_KINDS = ("nik", "phone", "name")

# Leading forms of address that are not part of a name (Indonesian usage).
_HONORIFICS = frozenset({
    "bapak", "bpk", "pak", "ibu", "bu", "sdr", "sdri", "saudara", "saudari", "h", "hj",
    "haji", "hajah", "tn", "tuan", "ny", "nyonya", "nn", "nona", "mbak", "mas", "mbah",
    "kak", "dik", "adik", "om", "tante", "almarhum", "alm",
})
_NAME_TOKEN_RE = re.compile(r"[^\W_]+", re.UNICODE)
_UUID_RE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_MAX_NAME_TOKENS = 8


# --------------------------------------------------------------------------- errors


def not_allowed() -> DomainError:
    return DomainError(
        "Hanya camat/sekcam (supervisor) yang boleh melayani permintaan data warga.",
        "Only the camat/sekcam (supervisor) may handle a citizen's data request.",
        code="data_request_not_allowed")


def _empty_query() -> DomainError:
    return DomainError(
        "Isi NIK, nomor telepon, atau nama lengkap orang yang meminta.",
        "Give the NIK, phone number or full name of the person asking.",
        code="data_request_empty", field="query")


def _bad_name() -> DomainError:
    return DomainError(
        "Nama harus berisi huruf (tulis nama lengkap seperti di KTP).",
        "The name must contain letters (write the full name as on the KTP).",
        code="invalid_name", field="name")


def invalid_retention() -> DomainError:
    return DomainError(
        f"Masa simpan harus 0 sampai {MAX_RETENTION_DAYS} hari.",
        f"The retention period must be 0 to {MAX_RETENTION_DAYS} days.",
        code="invalid_retention", field="retention_days")


# --------------------------------------------------------------------------- names


@lru_cache(maxsize=65536)
def normalise_name(value: str) -> str:
    """The name as compared: accents and case folded, punctuation and extra spaces dropped,
    a leading honorific removed ("Ibu Hj. Siti  Aminah," -> "siti aminah")."""
    decomposed = unicodedata.normalize("NFKD", value)
    folded = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    tokens = _NAME_TOKEN_RE.findall(folded)
    while len(tokens) > 1 and tokens[0] in _HONORIFICS:
        tokens.pop(0)
    return " ".join(tokens)


# --------------------------------------------------------------------------- the query


@dataclass(frozen=True, slots=True)
class PersonQuery:
    """What identifies the person, already validated: 16 NIK digits, an E.164 phone, a
    normalised name. Personal data: its repr shows only which parts are set."""

    nik: str | None = None
    phone: str | None = None
    name: str | None = None  # as typed (cleaned); compared through `normalise_name`

    def __repr__(self) -> str:
        return f"PersonQuery(kinds={','.join(self.kinds) or '-'})"

    __str__ = __repr__

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(k for k, v in zip(MATCH_KINDS, (self.nik, self.phone, self.name),
                                       strict=True) if v)


def person_query(*, nik: str | None = None, phone: str | None = None,
                 name: str | None = None) -> PersonQuery:
    """Validate what the officer typed (bilingual errors that never quote the input)."""
    nik = (nik or "").strip() or None
    phone = (phone or "").strip() or None
    name = " ".join((name or "").split()) or None
    if nik is None and phone is None and name is None:
        raise _empty_query()
    if nik is not None:
        nik = validate_nik(nik)
    if phone is not None:
        phone = normalize_phone(phone)
    if name is not None and not normalise_name(name):
        raise _bad_name()
    return PersonQuery(nik=nik, phone=phone, name=name)


# --------------------------------------------------------------------------- finding


@dataclass(frozen=True, slots=True)
class FoundTicket:
    """One ticket the person appears on. No personal data (only how it matched)."""

    uuid: str
    tracking_code: str
    status: Status
    category: str
    created_at: datetime
    closed_at: datetime | None  # when it reached its current closed status; None if open
    as_reporter: bool
    matched_by: tuple[str, ...]  # of MATCH_KINDS
    follow_up_uuids: tuple[str, ...]  # follow-ups the person asked on this ticket


@dataclass(frozen=True, slots=True)
class PersonFindings:
    query: PersonQuery
    tickets: tuple[FoundTicket, ...]  # newest first

    def __repr__(self) -> str:
        return f"PersonFindings(tickets={len(self.tickets)})"

    @property
    def reporter_tickets(self) -> tuple[FoundTicket, ...]:
        return tuple(t for t in self.tickets if t.as_reporter)

    @property
    def follow_up_count(self) -> int:
        return sum(len(t.follow_up_uuids) for t in self.tickets)

    def only(self, ticket_uuids: Iterable[str]) -> PersonFindings:
        """The same findings narrowed to these tickets (the officer left out a namesake)."""
        keep = set(ticket_uuids)
        return replace(self, tickets=tuple(t for t in self.tickets if t.uuid in keep))


def _fts_name_query(normalised: str) -> str | None:
    tokens = normalised.split()[:_MAX_NAME_TOKENS]
    if not tokens:
        return None
    # Whole tokens anywhere in the row (the index keeps no positions, so no column filter):
    # a superset, compared exactly with the stored name afterwards.
    return " AND ".join(f'"{token}"' for token in tokens)


def _name_candidates(conn: Connection, names: Iterable[str]) -> dict[int, set[str]]:
    """Ticket ids whose reporter name equals one of `names` (normalised) -> {"name"}."""
    found: dict[int, set[str]] = {}
    for raw in {n for n in names if n}:
        name = normalise_name(raw)
        query = _fts_name_query(name)
        if query is None:
            continue
        if raw.isascii():
            rows = conn.execute(text(
                "SELECT t.id, t.reporter_name FROM ticket_fts JOIN tickets AS t "
                "ON t.id = ticket_fts.rowid WHERE ticket_fts MATCH :q"), {"q": query})
        else:
            # Letters the index may fold differently from `normalise_name` (ß -> ss here,
            # kept by the index): read every name instead (~0.3 s at 100,000 tickets).
            rows = conn.exec_driver_sql(
                "SELECT id, reporter_name FROM tickets WHERE reporter_name IS NOT NULL")
        for ticket_id, stored in rows:
            if stored and normalise_name(stored) == name:
                found.setdefault(ticket_id, set()).add("name")
    return found


def _phone_pattern(e164: str) -> re.Pattern[str]:
    """The number inside free text in any usual form (+62 812-3456-7890, 0812 3456 7890,
    6281234567890), not as part of a longer digit run."""
    significant = e164[3:] if e164.startswith("+62") else e164.lstrip("+")
    sep = r"[\s\-.()]*"
    body = sep.join(re.escape(d) for d in significant)
    return re.compile(rf"(?<!\d)(?:\+?\s*62{sep}|0{sep})?{body}(?!\d)")


def _nik_pattern(nik: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\d)" + r"[\s.\-]?".join(re.escape(d) for d in nik) + r"(?!\d)")


def _name_pattern(name: str) -> re.Pattern[str] | None:
    tokens = [t for t in _NAME_TOKEN_RE.findall(name) if t]
    if not tokens:
        return None
    return re.compile(r"(?<!\w)" + r"[\s.,]+".join(re.escape(t) for t in tokens) + r"(?!\w)",
                      re.IGNORECASE)


def find_person(store: Store, cipher: NikCipher | None, query: PersonQuery) -> PersonFindings:
    """Every ticket where the person is the reporter and every follow-up they asked."""
    if not query.kinds:
        raise _empty_query()
    matches: dict[int, set[str]] = {}
    with store.engine.connect() as conn:
        if query.nik:
            if cipher is None:
                raise ValueError("a NIK search needs the NIK cipher")
            for (ticket_id,) in conn.execute(
                    select(TicketRow.id).where(TicketRow.reporter_nik_hash
                                               == cipher.lookup_hash(query.nik))):
                matches.setdefault(ticket_id, set()).add("nik")
        if query.phone:
            for (ticket_id,) in conn.execute(
                    select(TicketRow.id).where(TicketRow.reporter_phone == query.phone)):
                matches.setdefault(ticket_id, set()).add("phone")
        if query.name:
            for ticket_id, kinds in _name_candidates(conn, [query.name]).items():
                matches.setdefault(ticket_id, set()).update(kinds)
        # Follow-ups hold a name (or a number) only: the typed name, and the names and
        # phones on the person's own tickets.
        names: set[str] = {normalise_name(query.name)} if query.name else set()
        phones: set[str] = {query.phone} if query.phone else set()
        if matches:
            for stored_name, stored_phone in _chunked_select(
                    conn, "SELECT reporter_name, reporter_phone FROM tickets WHERE id IN ({})",
                    sorted(matches)):
                if stored_name:
                    names.add(normalise_name(stored_name))
                if stored_phone:
                    phones.add(stored_phone)
        names.discard("")
        phone_patterns = [_phone_pattern(p) for p in phones]
        asked: dict[int, list[tuple[str, str]]] = {}
        if names or phone_patterns:
            for ticket_id, fu_uuid, requested_by in conn.exec_driver_sql(
                    "SELECT ticket_id, uuid, requested_by FROM follow_ups "
                    "WHERE requested_by != '' ORDER BY asked_at"):
                how = None
                if normalise_name(requested_by) in names:
                    how = "name"
                elif any(p.search(requested_by) for p in phone_patterns):
                    how = "phone"
                if how is not None:
                    asked.setdefault(ticket_id, []).append((fu_uuid, how))
        ids = sorted(set(matches) | set(asked))
        tickets = _found_tickets(conn, ids, matches, asked)
    return PersonFindings(query=query, tickets=tickets)


def _chunked_select(conn: Connection, sql: str, ids: Sequence[Any],
                    size: int = 900) -> Iterable[Any]:
    for start in range(0, len(ids), size):
        chunk = ids[start:start + size]
        yield from conn.exec_driver_sql(sql.format(", ".join("?" for _ in chunk)),
                                        tuple(chunk))


def _found_tickets(conn: Connection, ids: Sequence[int], matches: dict[int, set[str]],
                   asked: dict[int, list[tuple[str, str]]]) -> tuple[FoundTicket, ...]:
    if not ids:
        return ()
    closed = _closed_at(conn, ids)
    found = []
    for ticket_id, uuid, code, status, category, created in _chunked_select(
            conn, "SELECT id, uuid, tracking_code, status, category, created_at FROM tickets "
                  "WHERE id IN ({})", ids):
        kinds = set(matches.get(ticket_id, ()))
        kinds.update(how for _uuid, how in asked.get(ticket_id, ()))
        found.append(FoundTicket(
            uuid=uuid, tracking_code=code, status=Status(status), category=category,
            created_at=_aware(created), closed_at=closed.get(ticket_id),
            as_reporter=ticket_id in matches,
            matched_by=tuple(k for k in MATCH_KINDS if k in kinds),
            follow_up_uuids=tuple(u for u, _how in asked.get(ticket_id, ()))))
    found.sort(key=lambda t: (t.created_at, t.tracking_code), reverse=True)
    return tuple(found)


def _aware(value: Any) -> datetime:
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _closed_at(conn: Connection, ids: Sequence[int]) -> dict[int, datetime]:
    """When each closed ticket reached its closed status (its newest status event of that
    status; the ticket's last update when no such event is stored)."""
    closed = tuple(s.value for s in Status if not s.is_open)
    marks = ", ".join("?" for _ in closed)
    return {ticket_id: _aware(at or updated)
            for ticket_id, at, updated in _closed_rows(conn, ids, closed, marks)}


def _closed_rows(conn: Connection, ids: Sequence[int], closed: tuple[str, ...],
                 marks: str) -> Iterable[Any]:
    size = 800
    for start in range(0, len(ids), size):
        chunk = list(ids[start:start + size])
        sql = ("SELECT t.id, (SELECT max(e.at) FROM status_events AS e "
               "WHERE e.ticket_id = t.id AND e.status = t.status), t.updated_at "
               f"FROM tickets AS t WHERE t.status IN ({marks}) "
               f"AND t.id IN ({', '.join('?' for _ in chunk)})")
        yield from conn.exec_driver_sql(sql, (*closed, *chunk))


# --------------------------------------------------------------------------- retention


def retention_days(store: Store) -> int:
    """The desk's retention period (days after closing) for erasures."""
    raw = store.get_meta(RETENTION_META_KEY)
    try:
        value = int(raw) if raw is not None else DEFAULT_RETENTION_DAYS
    except ValueError:
        return DEFAULT_RETENTION_DAYS
    return value if 0 <= value <= MAX_RETENTION_DAYS else DEFAULT_RETENTION_DAYS


def set_retention_days(store: Store, days: int, *, officer: str, is_supervisor: bool,
                       now: datetime | None = None) -> None:
    """Change the retention period (supervisors only; audited, the old and new values)."""
    if not is_supervisor:
        raise not_allowed()
    if not 0 <= days <= MAX_RETENTION_DAYS:
        raise invalid_retention()
    previous = retention_days(store)
    with store.unit_of_work() as session:
        set_meta(session, RETENTION_META_KEY, str(days))
        audit(session, officer=officer, action=RETENTION_ACTION, entity="desk",
              detail=f"days={previous}->{days}", at=now or datetime.now(UTC))


@dataclass(frozen=True, slots=True)
class ErasureCheck:
    """Whether one ticket may be erased now, and if not why: "open" (not closed yet),
    "retention" (closed less than the retention period ago; `allowed_from` says when) or
    "unsent" (`unsent` changes about it still wait for the server)."""

    ticket_uuid: str
    tracking_code: str
    allowed: bool
    reason: str  # "allowed" | "open" | "retention" | "unsent"
    allowed_from: datetime | None = None
    unsent: int = 0


def _unsent_by_ticket(conn: Connection) -> dict[str, int]:
    """Outbox rows (waiting or parked) per ticket uuid they mention (entity or payload)."""
    counts: dict[str, int] = {}
    for entity_uuid, payload in conn.exec_driver_sql("SELECT entity_uuid, payload FROM outbox"):
        named = set(_UUID_RE.findall(str(payload).lower()))
        named.add(str(entity_uuid).lower())
        for uuid in named:
            counts[uuid] = counts.get(uuid, 0) + 1
    return counts


def check_tickets(conn: Connection, tickets: Sequence[tuple[str, str, Status, datetime | None]],
                  *, retention: int, now: datetime) -> list[ErasureCheck]:
    """Checks for (uuid, tracking code, status, closed_at) tuples."""
    unsent = _unsent_by_ticket(conn)
    checks = []
    for uuid, code, status, closed_at in tickets:
        waiting = unsent.get(uuid, 0)
        if status.is_open or closed_at is None:
            checks.append(ErasureCheck(uuid, code, False, "open", unsent=waiting))
            continue
        allowed_from = closed_at + timedelta(days=retention)
        if allowed_from > now:
            checks.append(ErasureCheck(uuid, code, False, "retention", allowed_from, waiting))
        elif waiting:
            checks.append(ErasureCheck(uuid, code, False, "unsent", allowed_from, waiting))
        else:
            checks.append(ErasureCheck(uuid, code, True, "allowed", allowed_from))
    return checks


def erasure_plan(store: Store, findings: PersonFindings, *,
                 now: datetime | None = None) -> list[ErasureCheck]:
    """What an erasure request would erase now and what would wait (and why)."""
    now = now or datetime.now(UTC)
    retention = retention_days(store)
    with store.engine.connect() as conn:
        return check_tickets(conn, [(t.uuid, t.tracking_code, t.status, t.closed_at)
                                    for t in findings.tickets], retention=retention, now=now)


# --------------------------------------------------------------------------- scrubbing


@dataclass
class Identity:
    """The person's identifiers, gathered from the tickets before they are blanked, for
    removing them from free text. Personal data: never logged (repr hides it)."""

    names: set[str] = field(default_factory=set)
    phones: set[str] = field(default_factory=set)  # E.164
    niks: set[str] = field(default_factory=set)

    def __repr__(self) -> str:
        return (f"Identity(names={len(self.names)}, phones={len(self.phones)}, "
                f"niks={len(self.niks)})")

    def patterns(self) -> list[re.Pattern[str]]:
        found: list[re.Pattern[str]] = []
        # Longest names first, so "Siti Aminah Rahma" goes before "Siti Aminah".
        for name in sorted(self.names, key=len, reverse=True):
            pattern = _name_pattern(name)
            if pattern is not None:
                found.append(pattern)
        found += [_phone_pattern(p) for p in sorted(self.phones)]
        found += [_nik_pattern(n) for n in sorted(self.niks)]
        return found


def scrub(value: str | None, patterns: Sequence[re.Pattern[str]]) -> str | None:
    """`value` with every occurrence of the person's identifiers replaced."""
    if not value:
        return value
    for pattern in patterns:
        value = pattern.sub(ERASED_TEXT, value)
    return value


def _scrub_json(raw: str | None, patterns: Sequence[re.Pattern[str]],
                follow_ups: set[str], reporter: bool, ticket_uuid: str) -> str | None:
    """A stored JSON document (a conflict's payload or server version) without the
    person: the reporter block of this ticket blanked, their follow-ups' `requested_by`
    emptied, every string scrubbed."""
    if not raw:
        return raw
    try:
        data = json.loads(raw)
    except ValueError:
        return scrub(raw, patterns)

    def walk(node: Any) -> Any:
        if isinstance(node, dict):
            out = {k: walk(v) for k, v in node.items()}
            if reporter and out.get("uuid") == ticket_uuid and isinstance(
                    out.get("reporter"), dict):
                out["reporter"] = {**out["reporter"], "kind": "anonymous", "name": None,
                                   "phone": None, "has_nik": False, "contact": "none"}
            if out.get("uuid") in follow_ups and "requested_by" in out:
                out["requested_by"] = ""
            return out
        if isinstance(node, list):
            return [walk(v) for v in node]
        if isinstance(node, str):
            return scrub(node, patterns)
        return node

    return json.dumps(walk(data), ensure_ascii=False, sort_keys=True)


def _identity_of(session: Session, targets: Sequence[ErasureTarget],
                 cipher: NikCipher | None) -> Identity:
    identity = Identity()
    uuids = [t.ticket_uuid for t in targets if t.reporter]
    for start in range(0, len(uuids), 900):
        for name, phone, blob in session.execute(
                select(TicketRow.reporter_name, TicketRow.reporter_phone,
                       TicketRow.reporter_nik_enc)
                .where(TicketRow.uuid.in_(uuids[start:start + 900]))):
            if name:
                identity.names.add(name)
            if phone:
                identity.phones.add(phone)
            if blob and cipher is not None:
                with contextlib.suppress(DecryptionFailed):
                    identity.niks.add(cipher.decrypt(blob))
    follow_ups = [u for t in targets for u in json.loads(t.follow_ups or "[]")]
    for start in range(0, len(follow_ups), 900):
        for (requested_by,) in session.execute(text(
                "SELECT requested_by FROM follow_ups WHERE uuid IN "
                f"({', '.join(':u' + str(i) for i in range(len(follow_ups[start:start + 900])))})"
        ), {f"u{i}": u for i, u in enumerate(follow_ups[start:start + 900])}):
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
            (_scrub_json(local_payload, patterns, follow_ups, target.reporter,
                         target.ticket_uuid) or "{}",
             _scrub_json(server_version, patterns, follow_ups, target.reporter,
                         target.ticket_uuid), conflict_id))
    # Children pulled before their ticket wait in sync_state (JSON): the same treatment.
    for key, value in conn.exec_driver_sql(
            "SELECT key, value FROM sync_state WHERE instr(value, ?) > 0",
            (target.ticket_uuid,)).all():
        cleaned = _scrub_json(value, patterns, follow_ups, target.reporter, target.ticket_uuid)
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


# --------------------------------------------------------------------------- erasure


@dataclass(frozen=True, slots=True)
class ErasureOutcome:
    request_uuid: str
    erased: tuple[str, ...]  # tracking codes erased by this call
    waiting: tuple[ErasureCheck, ...]  # still pending after this call
    drafts_discarded: int = 0
    wal_emptied: bool = True
    copies_changed: int = 0  # backups (and kept copies) the erasure was carried into


def _execute(store: Store, session: Session, targets: Sequence[ErasureTarget],
             cipher: NikCipher | None, *, officer: str, at: datetime,
             drafts: DraftBox | None) -> tuple[list[str], int]:
    """Erase `targets` (all allowed) in the caller's transaction; returns erased uuids."""
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
    for item in work.values():
        _erase_ticket(session, item, patterns, officer=officer, at=at,
                      request_uuid=item.request_uuid)
    erased = list(work)
    session.flush()
    for request in session.scalars(select(ErasureRequest).where(
            ErasureRequest.id.in_(request_ids))):
        if all(t.erased_at is not None for t in request.targets):
            request.done_at = at
    _optimise_index(session)
    discarded = _discard_drafts(drafts, identity)
    return erased, discarded


def request_erasure(store: Store, cipher: NikCipher | None, findings: PersonFindings, *,
                    officer: str, is_supervisor: bool, now: datetime | None = None,
                    drafts: DraftBox | None = None,
                    backup_dir: Path | None = None) -> ErasureOutcome:
    """Record an erasure request for `findings` and erase what may be erased now (also in
    the backups in `backup_dir`, see `erase_in_copies`)."""
    if not is_supervisor:
        raise not_allowed()
    at = now or datetime.now(UTC)
    request_uuid = new_uuid()
    retention = retention_days(store)
    with store.unit_of_work() as session:
        checks = check_tickets(session.connection(),
                               [(t.uuid, t.tracking_code, t.status, t.closed_at)
                                for t in findings.tickets], retention=retention, now=at)
        request = ErasureRequest(uuid=request_uuid, requested_at=at, officer=officer,
                                 matched_by=",".join(findings.query.kinds))
        request.targets = [ErasureTarget(ticket_uuid=t.uuid, reporter=t.as_reporter,
                                         follow_ups=json.dumps(sorted(t.follow_up_uuids)))
                           for t in findings.tickets]
        session.add(request)
        session.flush()
        now_allowed = {c.ticket_uuid for c in checks if c.allowed}
        audit(session, officer=officer, action=ERASE_REQUEST_ACTION, entity="erasure_request",
              entity_uuid=request_uuid, at=at,
              detail=(f"matched_by={request.matched_by} tickets={len(findings.tickets)} "
                      f"now={len(now_allowed)} waiting={len(checks) - len(now_allowed)} "
                      f"retention_days={retention}"))
        due = [t for t in request.targets if t.ticket_uuid in now_allowed]
        erased, discarded = _execute(store, session, due, cipher, officer=officer, at=at,
                                     drafts=drafts)
        if not request.targets:
            request.done_at = at
    emptied = compact(store.path) if erased else True
    copies = erase_in_copies(store, cipher, backup_dir, now=at)[0] if backup_dir else 0
    codes = {t.uuid: t.tracking_code for t in findings.tickets}
    return ErasureOutcome(request_uuid, tuple(codes[u] for u in erased),
                          tuple(c for c in checks if not c.allowed), discarded, emptied,
                          copies)


def _reerase(session: Session) -> list[ErasureTarget]:
    """Erased tickets that got a name, phone or NIK back (pulled from a server that had not
    yet applied the erasure): erased again."""
    return list(session.scalars(
        select(ErasureTarget).join(TicketRow, TicketRow.uuid == ErasureTarget.ticket_uuid)
        .where(ErasureTarget.erased_at.is_not(None), ErasureTarget.reporter.is_(True),
               (TicketRow.reporter_name.is_not(None) | TicketRow.reporter_phone.is_not(None)
                | TicketRow.reporter_nik_enc.is_not(None)))))


def run_pending_erasures(store: Store, cipher: NikCipher | None = None, *,
                         now: datetime | None = None, limit: int = PENDING_BATCH,
                         drafts: DraftBox | None = None, officer: str = "system",
                         backup_dir: Path | None = None) -> int:
    """Erase waiting targets whose time has come (at most `limit` tickets), here and in the
    backups in `backup_dir`; returns how many were erased. Cheap when nothing waits."""
    at = now or datetime.now(UTC)
    retention = retention_days(store)
    with store.unit_of_work() as session:
        waiting = list(session.scalars(
            select(ErasureTarget).where(ErasureTarget.erased_at.is_(None))
            .order_by(ErasureTarget.id).limit(5000)))
        again = _reerase(session)
        if not waiting and not again:
            return 0
        conn = session.connection()
        rows = {}
        uuids = [t.ticket_uuid for t in waiting]
        for start in range(0, len(uuids), 900):
            for uuid, code, status, ticket_id in conn.execute(
                    select(TicketRow.uuid, TicketRow.tracking_code, TicketRow.status,
                           TicketRow.id).where(TicketRow.uuid.in_(uuids[start:start + 900]))):
                rows[uuid] = (code, Status(status), ticket_id)
        closed = _closed_at(conn, [r[2] for r in rows.values()])
        checks = {c.ticket_uuid: c for c in check_tickets(
            conn, [(u, r[0], r[1], closed.get(r[2])) for u, r in rows.items()],
            retention=retention, now=at)}
        due: list[ErasureTarget] = []
        for target in waiting:
            if target.ticket_uuid not in rows:
                target.erased_at = at  # the ticket is gone (deleted by the server)
                audit(session, officer=officer, action=ERASE_ACTION, entity="ticket",
                      entity_uuid=target.ticket_uuid, at=at, detail="gone")
            elif checks[target.ticket_uuid].allowed and len(due) < limit:
                due.append(target)
        erased, _discarded = _execute(store, session, due + again[:limit], cipher,
                                      officer=officer, at=at, drafts=drafts)
        session.flush()
        for request in session.scalars(select(ErasureRequest).where(
                ErasureRequest.done_at.is_(None))):
            if all(t.erased_at is not None for t in request.targets):
                request.done_at = at
    if erased:
        compact(store.path)
        if backup_dir is not None:
            erase_in_copies(store, cipher, backup_dir, now=at)
    return len(erased)


# --------------------------------------------------------------------------- copies


def copies_of(db_path: Path, backup_dir: Path | None) -> list[Path]:
    """The other files that hold the desk's data: its backups, and the copies a restore
    kept of the file it replaced (``posko.sqlite3.replaced-<time>``)."""
    found: list[Path] = []
    if backup_dir is not None and backup_dir.is_dir():
        found += sorted(backup_dir.glob("posko-*.sqlite3"))
    found += sorted(p for p in db_path.parent.glob(f"{db_path.name}.replaced-*")
                    if p.is_file())
    return found


@dataclass(frozen=True, slots=True)
class _LiveRequest:
    uuid: str
    requested_at: datetime
    officer: str
    matched_by: str
    done_at: datetime | None
    targets: tuple[tuple[str, bool, str, datetime | None], ...]  # uuid, reporter, fus, erased


def _live_requests(store: Store) -> list[_LiveRequest]:
    with store.unit_of_work() as session:
        return [_LiveRequest(r.uuid, r.requested_at, r.officer, r.matched_by, r.done_at,
                             tuple((t.ticket_uuid, t.reporter, t.follow_ups, t.erased_at)
                                   for t in r.targets))
                for r in session.scalars(select(ErasureRequest).options(
                    selectinload(ErasureRequest.targets)).order_by(ErasureRequest.id))]


def _copy_needs_work(path: Path, requests: Sequence[_LiveRequest]) -> bool:
    """Read-only look: does this copy still hold an erased person, or lack a request?"""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error:
        return False
    try:
        tables = {n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = "
                                             "'table'")}
        if "tickets" not in tables:
            return False
        if "erasure_requests" not in tables:
            return True
        known = {u for (u,) in conn.execute("SELECT uuid FROM erasure_requests")}
        if any(r.uuid not in known for r in requests):
            return True
        reporters = [t[0] for r in requests for t in r.targets if t[3] is not None and t[1]]
        follow_ups = [u for r in requests for t in r.targets if t[3] is not None
                      for u in json.loads(t[2] or "[]")]
        for start in range(0, len(reporters), 900):
            chunk = reporters[start:start + 900]
            if conn.execute(
                    "SELECT 1 FROM tickets WHERE uuid IN ({}) AND (reporter_name IS NOT NULL "
                    "OR reporter_phone IS NOT NULL OR reporter_nik_enc IS NOT NULL) LIMIT 1"
                    .format(", ".join("?" for _ in chunk)), chunk).fetchone():
                return True
        for start in range(0, len(follow_ups), 900):
            chunk = follow_ups[start:start + 900]
            if conn.execute("SELECT 1 FROM follow_ups WHERE uuid IN ({}) AND requested_by "
                            "!= '' LIMIT 1".format(", ".join("?" for _ in chunk)),
                            chunk).fetchone():
                return True
        return False
    except sqlite3.Error:
        return False
    finally:
        conn.close()


def _erase_in_copy(path: Path, requests: Sequence[_LiveRequest], cipher: NikCipher | None,
                   at: datetime) -> None:
    copy = Store.open(path, check_integrity=False)
    try:
        with copy.unit_of_work() as session:
            conn = session.connection()
            present = {r.uuid: r for r in session.scalars(
                select(ErasureRequest).options(selectinload(ErasureRequest.targets)))}
            erased_live: set[str] = set()
            for live in requests:
                row = present.get(live.uuid)
                if row is None:  # a restore of this copy keeps the waiting request
                    row = ErasureRequest(uuid=live.uuid, requested_at=live.requested_at,
                                         officer=live.officer, matched_by=live.matched_by)
                    row.targets = [ErasureTarget(ticket_uuid=u, reporter=rep, follow_ups=fus)
                                   for u, rep, fus, _erased in live.targets]
                    session.add(row)
                    session.flush()
                erased_live |= {u for u, _rep, _fus, erased in live.targets if erased}
            # Changes about an erased ticket held in this copy's outbox were all sent
            # before the erasure could run on the desk (it waits for them): dropped here,
            # or a restore would send the name again.
            for row_id, entity_uuid, payload, kind in conn.exec_driver_sql(
                    "SELECT id, entity_uuid, payload, kind FROM outbox").all():
                named = set(_UUID_RE.findall(str(payload).lower())) | {str(entity_uuid)}
                if kind != "reporter.erased" and named & erased_live:
                    conn.exec_driver_sql("DELETE FROM outbox WHERE id = ?", (row_id,))
            due = list(session.scalars(select(ErasureTarget).where(
                ErasureTarget.ticket_uuid.in_(sorted(erased_live)),
                ErasureTarget.erased_at.is_(None))))
            due += [t for t in _reerase(session) if t not in due]
            if due:
                _execute(copy, session, due, cipher, officer="system", at=at, drafts=None)
    finally:
        copy.close()
    compact(path)


def erase_in_copies(store: Store, cipher: NikCipher | None, backup_dir: Path | None, *,
                    now: datetime | None = None) -> tuple[int, int]:
    """Carry every erasure into the backups and kept copies of this desk's DB (they hold the
    same personal data; a restore must not bring it back, nor lose a waiting request).
    Returns (copies changed, copies that could not be opened)."""
    at = now or datetime.now(UTC)
    requests = _live_requests(store)
    if not requests:
        return 0, 0
    changed = failed = 0
    for path in copies_of(store.path, backup_dir):
        if not _copy_needs_work(path, requests):
            continue
        try:
            _erase_in_copy(path, requests, cipher, at)
        except (PoskoError, sqlite3.Error, OSError) as exc:
            log.warning("erasure not carried into a backup copy: %s", type(exc).__name__)
            failed += 1
            continue
        changed += 1
    return changed, failed


@dataclass(frozen=True, slots=True)
class PendingRequest:
    uuid: str
    requested_at: datetime
    officer: str
    waiting: tuple[str, ...]  # tracking codes (or uuids of tickets no longer here)
    erased: int


def pending_requests(store: Store) -> list[PendingRequest]:
    with store.unit_of_work() as session:
        found = []
        for request in session.scalars(
                select(ErasureRequest).options(selectinload(ErasureRequest.targets))
                .where(ErasureRequest.done_at.is_(None)).order_by(ErasureRequest.id)):
            waiting = [t.ticket_uuid for t in request.targets if t.erased_at is None]
            codes = dict(session.execute(select(TicketRow.uuid, TicketRow.tracking_code)
                                         .where(TicketRow.uuid.in_(waiting))).all())
            found.append(PendingRequest(
                request.uuid, request.requested_at, request.officer,
                tuple(codes.get(u, u) for u in waiting),
                sum(1 for t in request.targets if t.erased_at is not None)))
        return found


# --------------------------------------------------------------------------- export

#: The export's JSON document, version 1 (keys in English, values as stored):
EXPORT_FORMAT = """
{
  "format": "posko.data_export", "version": 1,
  "generated_at": ISO-8601 UTC, "generated_by": officer username,
  "kecamatan_code": "31.75.04", "desk_number": 1, "timezone": "Asia/Jakarta",
  "request": {"uuid": export uuid (the audit rows name it), "matched_by": ["nik"|"phone"|"name"],
              "name_matching": how names were compared},
  "subject": {"names": [...], "phones": [E.164...], "niks": [16 digits...]},
  "tickets": [{
      "uuid", "tracking_code", "role": "reporter" | "requester", "matched_by": [...],
      "origin", "category", "status", "created_at", "updated_at", "closed_at" (or null),
      "location": {"kelurahan_code", "rw", "rt", "address", "latitude", "longitude"},
      "description", "external_refs": ["QLUE 123", ...], "needs_field_check",
      "reporter": {"kind", "name", "phone", "nik", "contact", "consent"}  (reporter role only),
      "events": [{"uuid", "at", "status", "actor", "source", "note", "agency", "merged_into"}],
      "follow_ups": [{"uuid", "asked_at", "officer", "asked_by_subject", "requested_by"
                      (the subject's own entries only, else null), "promise", "promised_by",
                      "note"}],
      "notes": [{"at", "officer", "text", "internal"}],          (reporter role only)
      "attachments": [{"filename", "media_type", "size", "sha256", "created_at"}],
      "erasure": {"allowed_now", "reason", "allowed_from", "unsent"}
  }],
  "audit": [{"id", "at", "officer", "action", "entity", "entity_uuid", "tracking_code",
             "detail"}],   every audit row about the tickets (for a ticket where the person
                           only asked a follow-up: the rows about follow-ups and data
                           requests), oldest first: the processing history
  "retention_days": N,
  "counts": {"tickets", "as_reporter", "follow_ups", "audit_rows"}
}
"""
NAME_MATCHING = ("exact after folding case and accents, dropping punctuation, extra spaces "
                 "and a leading honorific (Ibu, Bpk., H., Hj., ...)")
# For a ticket where the person only asked: the processing of *their* data on it.
_REQUESTER_ACTIONS = ("ticket.chase", *DATA_REQUEST_ACTIONS)


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return _aware(value).astimezone(UTC).isoformat()
    return str(value.isoformat())


def build_export(store: Store, cipher: NikCipher | None, findings: PersonFindings, *,
                 officer: str, is_supervisor: bool, now: datetime | None = None,
                 export_uuid: str | None = None) -> dict[str, Any]:
    """Everything held about the person, with its processing history (see EXPORT_FORMAT).
    Supervisors only; audited (per ticket and once for the export)."""
    if not is_supervisor:
        raise not_allowed()
    from posko.store.desk import desk_identity

    at = now or datetime.now(UTC)
    export_uuid = export_uuid or new_uuid()
    identity = desk_identity(store)
    by_uuid = {t.uuid: t for t in findings.tickets}
    checks = {c.ticket_uuid: c for c in erasure_plan(store, findings, now=at)}
    subject = Identity()
    if findings.query.nik:
        subject.niks.add(findings.query.nik)
    if findings.query.phone:
        subject.phones.add(findings.query.phone)
    if findings.query.name:
        subject.names.add(findings.query.name)
    tickets_out: list[dict[str, Any]] = []
    audit_out: list[dict[str, Any]] = []
    with store.unit_of_work() as session:
        uuids = list(by_uuid)
        rows: list[TicketRow] = []
        for start in range(0, len(uuids), 500):
            rows += session.scalars(
                select(TicketRow).options(
                    selectinload(TicketRow.external_refs), selectinload(TicketRow.events),
                    selectinload(TicketRow.follow_ups), selectinload(TicketRow.notes),
                    selectinload(TicketRow.attachments))
                .where(TicketRow.uuid.in_(uuids[start:start + 500]))).all()
        rows.sort(key=lambda r: (r.created_at, r.tracking_code))
        codes = {r.uuid: r.tracking_code for r in rows}
        for row in rows:
            found = by_uuid[row.uuid]
            mine = set(found.follow_up_uuids)
            entry: dict[str, Any] = {
                "uuid": row.uuid, "tracking_code": row.tracking_code,
                "role": "reporter" if found.as_reporter else "requester",
                "matched_by": list(found.matched_by), "origin": row.origin,
                "category": row.category, "status": row.status,
                "created_at": _iso(row.created_at), "updated_at": _iso(row.updated_at),
                "closed_at": _iso(found.closed_at),
            }
            follow_ups = [{
                "uuid": f.uuid, "asked_at": _iso(f.asked_at), "officer": f.officer,
                "asked_by_subject": f.uuid in mine,
                "requested_by": f.requested_by if f.uuid in mine else None,
                "promise": f.promise, "promised_by": _iso(f.promised_by), "note": f.note,
            } for f in row.follow_ups if found.as_reporter or f.uuid in mine]
            for f in row.follow_ups:
                if f.uuid in mine and f.requested_by:
                    subject.names.add(f.requested_by)
            if found.as_reporter:
                nik = None
                if row.reporter_nik_enc and cipher is not None:
                    nik = cipher.decrypt(row.reporter_nik_enc)
                    subject.niks.add(nik)
                if row.reporter_name:
                    subject.names.add(row.reporter_name)
                if row.reporter_phone:
                    subject.phones.add(row.reporter_phone)
                entry.update({
                    "location": {"kelurahan_code": row.kelurahan_code, "rw": row.rw,
                                 "rt": row.rt, "address": row.address,
                                 "latitude": row.latitude, "longitude": row.longitude},
                    "description": row.description,
                    "external_refs": [f"{r.source} {r.number}" for r in row.external_refs],
                    "needs_field_check": row.needs_field_check,
                    "reporter": {"kind": row.reporter_kind, "name": row.reporter_name,
                                 "phone": row.reporter_phone, "nik": nik,
                                 "contact": row.contact_preference, "consent": row.consent},
                    "events": [{"uuid": e.uuid, "at": _iso(e.at), "status": e.status,
                                "actor": e.actor, "source": e.source, "note": e.note,
                                "agency": e.agency, "merged_into": e.merged_into}
                               for e in sorted(row.events, key=lambda e: (e.at, e.id))],
                    "notes": [{"at": _iso(n.at), "officer": n.officer, "text": n.text,
                               "internal": n.internal} for n in row.notes],
                    "attachments": [{"filename": a.filename, "media_type": a.media_type,
                                     "size": a.size, "sha256": a.sha256,
                                     "created_at": _iso(a.created_at)}
                                    for a in sorted(row.attachments,
                                                    key=lambda a: (a.created_at, a.id))],
                })
            entry["follow_ups"] = follow_ups
            check = checks.get(row.uuid)
            entry["erasure"] = {
                "allowed_now": bool(check and check.allowed),
                "reason": check.reason if check else "open",
                "allowed_from": _iso(check.allowed_from) if check else None,
                "unsent": check.unsent if check else 0}
            tickets_out.append(entry)
        requester_only = {u for u, t in by_uuid.items() if not t.as_reporter}
        for start in range(0, len(uuids), 500):
            chunk = uuids[start:start + 500]
            for entry_row in session.scalars(select(AuditEntry).where(
                    AuditEntry.entity_uuid.in_(chunk))):
                if (entry_row.entity_uuid in requester_only
                        and entry_row.action not in _REQUESTER_ACTIONS):
                    continue
                audit_out.append({
                    "id": entry_row.id, "at": _iso(entry_row.at), "officer": entry_row.officer,
                    "action": entry_row.action, "entity": entry_row.entity,
                    "entity_uuid": entry_row.entity_uuid,
                    "tracking_code": codes.get(entry_row.entity_uuid or ""),
                    "detail": entry_row.detail or ""})
        audit_out.sort(key=lambda a: (a["at"], a["id"]))
        matched = ",".join(findings.query.kinds)
        for row in rows:
            audit(session, officer=officer, action=EXPORT_ACTION, entity="ticket",
                  entity_uuid=row.uuid, at=at, detail=f"request={export_uuid} matched_by="
                  f"{matched} role={'reporter' if by_uuid[row.uuid].as_reporter else 'requester'}")
        audit(session, officer=officer, action=EXPORT_ACTION, entity="data_request",
              entity_uuid=export_uuid, at=at,
              detail=f"matched_by={matched} tickets={len(rows)} "
                     f"follow_ups={findings.follow_up_count} audit_rows={len(audit_out)}")
    return {
        "format": "posko.data_export", "version": 1, "generated_at": _iso(at),
        "generated_by": officer, "kecamatan_code": identity.kecamatan_code,
        "desk_number": identity.desk_number, "timezone": str(identity.timezone),
        "request": {"uuid": export_uuid, "matched_by": list(findings.query.kinds),
                    "name_matching": NAME_MATCHING},
        "subject": {"names": sorted(subject.names), "phones": sorted(subject.phones),
                    "niks": sorted(subject.niks)},
        "tickets": tickets_out,
        "audit": audit_out,
        "retention_days": retention_days(store),
        "counts": {"tickets": len(tickets_out),
                   "as_reporter": sum(1 for t in tickets_out if t["role"] == "reporter"),
                   "follow_ups": findings.follow_up_count, "audit_rows": len(audit_out)},
    }


def _write_atomic(target: Path, data: bytes) -> None:
    partial = target.with_name(target.name + ".part")
    try:
        with partial.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def write_export(store: Store, cipher: NikCipher | None, findings: PersonFindings,
                 target: Path, *, officer: str, is_supervisor: bool, language: str = "id",
                 timezone: tzinfo | None = None, now: datetime | None = None,
                 progress: Callable[[str], None] | None = None) -> tuple[Path, Path]:
    """Write ``<target>.json`` and ``<target>.pdf`` (any suffix of `target` is replaced);
    returns both paths. Each file is written beside and moved into place whole."""
    from posko.receipts.data_export import build_data_export_pdf

    base = Path(target)
    if base.suffix.lower() in (".json", ".pdf"):
        base = base.with_suffix("")
    json_path = base.with_name(base.name + ".json")
    pdf_path = base.with_name(base.name + ".pdf")
    if progress:
        progress("collect")
    data = build_export(store, cipher, findings, officer=officer, is_supervisor=is_supervisor,
                        now=now)
    if progress:
        progress("json")
    _write_atomic(json_path, json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"))
    if progress:
        progress("pdf")
    zone = timezone
    if zone is None:
        from posko.store.desk import desk_identity

        zone = desk_identity(store).timezone
    _write_atomic(pdf_path, build_data_export_pdf(data, language=language, timezone=zone))
    if progress:
        progress("done")
    return json_path, pdf_path


__all__ = [
    "DATA_REQUEST_ACTIONS", "DEFAULT_RETENTION_DAYS", "EXPORT_FORMAT", "ErasureCheck",
    "ErasureOutcome", "FoundTicket", "PendingRequest", "PersonFindings", "PersonQuery",
    "build_export", "erasure_plan", "find_person", "normalise_name", "pending_requests",
    "person_query", "request_erasure", "retention_days", "run_pending_erasures",
    "set_retention_days", "write_export",
]
