"""Finding a person: every ticket where they are the reporter and every follow-up (chase)
they asked (`find_person`), as `PersonFindings` that hold no personal data.

By any of NIK, phone and name (several given: tickets matching any of them):

* NIK: the keyed hash (`NikCipher.lookup_hash`, indexed), never a scan of decrypted NIKs.
* Phone: normalised to E.164 (`posko.domain.phone`), the indexed ``reporter_phone``.
* Name: an *exact* match after normalisation (`normalise_name`; see
  :mod:`posko.domain.identity` for why nothing fuzzier). Candidates come from the search
  index (``ticket_fts``: rows holding every token of the name) and are then compared
  exactly with ``reporter_name``;
  follow-ups' ``requested_by`` (not indexed) is compared row by row.

Follow-ups hold only a name, so a NIK/phone search also matches follow-ups by the names
found on the person's own tickets (shown as matched by "name": the officer sees it).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.engine import Connection

from posko.domain.identity import normalise_name, phone_pattern
from posko.domain.status import Status
from posko.store.crypto import NikCipher
from posko.store.data_request.query import (
    MATCH_KINDS,
    PersonQuery,
    _empty_query,
)
from posko.store.database import Store, in_chunks
from posko.store.models import TicketRow

_MAX_NAME_TOKENS = 8


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
        phone_patterns = [phone_pattern(p) for p in phones]
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


def _chunked_select(conn: Connection, sql: str, ids: Sequence[Any]) -> Iterable[Any]:
    for chunk in in_chunks(ids):
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
    for chunk in in_chunks(ids):
        sql = ("SELECT t.id, (SELECT max(e.at) FROM status_events AS e "
               "WHERE e.ticket_id = t.id AND e.status = t.status), t.updated_at "
               f"FROM tickets AS t WHERE t.status IN ({marks}) "
               f"AND t.id IN ({', '.join('?' for _ in chunk)})")
        yield from conn.exec_driver_sql(sql, (*closed, *chunk))
