"""Applying what the server sends to the desk DB: pulled pages and conflict answers.

Everything here runs inside the caller's transaction (a Session's connection) with Core
statements: executemany upserts keyed by UUID, so a page of hundreds of tickets is a handful
of statements. Own changes coming back (echoes) hit the same UUIDs and change nothing new.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection

from posko.domain.models import EventSource
from posko.store.database import in_chunks
from posko.store.models import (
    ExternalRefRow,
    FollowUpRow,
    NoteRow,
    OutboxRow,
    StatusEventRow,
    SyncState,
    TicketMergeRow,
    TicketRow,
)
from posko.store.tickets import (
    executemany,
    fts_triggers_suspended,
    raise_sequences,
    refresh_fts,
)

MERGED_KIND = "ticket.merged"
MERGE_UNDONE_KIND = "ticket.merge_undone"
MERGE_KINDS = (MERGED_KIND, MERGE_UNDONE_KIND)
CURSOR_KEY = "pull.cursor"
ORPHANS_KEY = "pull.orphans"  # children that arrived before their ticket (feed order)
MAX_ORPHANS = 50_000
# From this many tickets in one call on, index them for search in one statement.
BULK_FTS_MIN = 50

_TICKET_UPDATE = ("tracking_code", "origin", "category", "kelurahan_code", "rw", "rt",
                  "address", "latitude", "longitude", "description", "reporter_kind",
                  "reporter_name", "reporter_phone", "contact_preference", "consent",
                  "officer", "status", "needs_field_check", "created_at", "updated_at")
_EVENT_SOURCES = {s.value for s in EventSource}


def _dt(value: Any) -> datetime:
    parsed = datetime.fromisoformat(str(value))
    if parsed.tzinfo is None:
        raise ValueError("naive datetime from the server")
    return parsed


def _day(value: Any) -> date | None:
    return None if value in (None, "") else date.fromisoformat(str(value))


def ticket_row_values(data: dict[str, Any]) -> dict[str, Any]:
    """Local `tickets` columns from the contract's TicketOut (no NIK: the server has none)."""
    reporter = data.get("reporter") or {}
    return {
        "uuid": data["uuid"], "tracking_code": data["tracking_code"],
        "origin": data["origin"], "category": data["category"],
        "kelurahan_code": data["kelurahan_code"], "rw": data.get("rw"), "rt": data.get("rt"),
        "address": data.get("address") or "", "latitude": data.get("latitude"),
        "longitude": data.get("longitude"), "description": data["description"],
        "reporter_kind": reporter.get("kind", "named"), "reporter_name": reporter.get("name"),
        "reporter_phone": reporter.get("phone"), "reporter_nik_enc": None,
        "reporter_nik_hash": None, "contact_preference": reporter.get("contact", "none"),
        "consent": bool(data["consent"]), "officer": data.get("officer") or "",
        "status": data["status"], "needs_field_check": bool(data.get("needs_field_check")),
        "created_at": _dt(data["created_at"]), "updated_at": _dt(data["updated_at"]),
    }


def upsert_tickets(conn: Connection, tickets: Sequence[dict[str, Any]], *,
                   keep_local: frozenset[str] = frozenset()) -> dict[str, int]:
    """Insert or update tickets (TicketOut dicts) by UUID; returns {uuid: local id}.

    Tickets in `keep_local` (they have local changes still waiting in the outbox) are
    inserted when missing but not overwritten: the push answers for them first, and a
    conflict answer brings the server's version. The NIK columns are never overwritten.
    """
    if not tickets:
        return {}
    rows = [ticket_row_values(t) for t in tickets]
    if len(rows) < BULK_FTS_MIN:
        return _upsert_tickets(conn, tickets, rows, keep_local)
    # A pulled page: index the page's tickets with one statement instead of one trigger
    # run per ticket and per ref (the triggers come back before this transaction ends).
    with fts_triggers_suspended(conn):
        ids = _upsert_tickets(conn, tickets, rows, keep_local)
        refresh_fts(conn, ids.values())
    return ids


def _upsert_tickets(conn: Connection, tickets: Sequence[dict[str, Any]],
                    rows: list[dict[str, Any]], keep_local: frozenset[str]) -> dict[str, int]:
    fresh = [r for r in rows if r["uuid"] not in keep_local]
    held = [r for r in rows if r["uuid"] in keep_local]
    # Plain DB-API executemany upserts (posko.store.tickets.executemany): SQLAlchemy's
    # per-row parameter handling cost more than SQLite's work on a pulled page.
    executemany(conn, TicketRow, fresh, conflict=["uuid"], update=_TICKET_UPDATE)
    executemany(conn, TicketRow, held, conflict=["uuid"])
    ids = ticket_ids(conn, [r["uuid"] for r in rows])
    owned = [(t["uuid"], {"ticket_id": ids[t["uuid"]], "source": ref["source"],
                          "number": ref["number"]})
             for t in tickets for ref in t.get("external_refs") or () if t["uuid"] in ids]
    _take_moved_refs(conn, [ref for owner, ref in owned if owner not in keep_local])
    executemany(conn, ExternalRefRow, [ref for _owner, ref in owned],
                conflict=["source", "number"])
    raise_sequences(conn, (r["tracking_code"] for r in rows))  # skips invalid codes
    return ids


_REF_HOLDERS_SQL = (
    "SELECT r.id, r.source, r.number, r.ticket_id FROM json_each(?) AS j "
    "JOIN external_refs AS r ON r.source = json_extract(j.value, '$[0]') "
    "AND r.number = json_extract(j.value, '$[1]')")


def _take_moved_refs(conn: Connection, refs: Sequence[dict[str, Any]]) -> None:
    """Remove the local copies of refs the server now lists on another ticket (a merge, or
    its undo, moved them), so that the insert after this puts them on the listing ticket.

    An external ref is unique by (source, number): the server's listing of a ticket is where
    the ref is now, whatever page listed its old holder (the old holder's listing, without
    it, changes nothing here; refs are never dropped because a listing lacks them). Delete
    and insert, not an update, so the search index triggers re-index both tickets. Tickets
    with local changes still waiting (`keep_local`) keep their refs: their push answers
    first.
    """
    wanted = {(r["source"], r["number"]): r["ticket_id"] for r in refs}
    if not wanted:
        return
    # One statement per page, each pair looked up through the (source, number) index.
    moved = [ref_id for ref_id, source, number, ticket_id in conn.exec_driver_sql(
        _REF_HOLDERS_SQL, (json.dumps(list(wanted)),))
        if wanted.get((source, number), ticket_id) != ticket_id]
    for chunk in in_chunks(moved):
        conn.execute(delete(ExternalRefRow).where(ExternalRefRow.id.in_(chunk)))


def ticket_ids(conn: Connection, uuids: Iterable[str]) -> dict[str, int]:
    wanted = sorted(set(uuids))
    found: dict[str, int] = {}
    for chunk in in_chunks(wanted):
        found.update((u, i) for u, i in conn.execute(
            select(TicketRow.uuid, TicketRow.id).where(TicketRow.uuid.in_(chunk))))
    return found


def pending_ticket_uuids(conn: Connection) -> frozenset[str]:
    """Tickets with unparked outbox rows (their local state is newer than the server's).

    A waiting merge (or undo) holds every ticket it names, its survivor included, so that a
    pull neither puts their statuses back nor moves their refs before the push answers."""
    # The ticket each row belongs to is stored with it (outbox.ticket_uuid, indexed); only
    # merges name more tickets than that, in their payload.
    found: set[str] = set(conn.scalars(
        select(OutboxRow.ticket_uuid).where(OutboxRow.parked.is_(False),
                                            OutboxRow.ticket_uuid.is_not(None)).distinct()))
    undone_merges: list[str] = []
    for kind, payload in conn.execute(
            select(OutboxRow.kind, OutboxRow.payload)
            .where(OutboxRow.parked.is_(False), OutboxRow.kind.in_(MERGE_KINDS))):
        try:
            data = json.loads(payload)
        except ValueError:
            continue
        if not isinstance(data, dict):
            continue
        found.update(merge_ticket_uuids(kind, data))
        if kind == MERGE_UNDONE_KIND and data.get("merge_uuid"):
            undone_merges.append(str(data["merge_uuid"]))
    if undone_merges:  # an undo's payload does not name the survivor; its merge does
        found.update(conn.scalars(select(TicketMergeRow.survivor_uuid)
                                  .where(TicketMergeRow.uuid.in_(undone_merges))))
    return frozenset(found)


def merge_ticket_uuids(kind: str, payload: dict[str, Any]) -> list[str]:
    """Every ticket a merge change names (survivor first, then the merged / restored ones)."""
    key = "restored" if kind == MERGE_UNDONE_KIND else "merged"
    found = [str(payload["survivor_uuid"])] if payload.get("survivor_uuid") else []
    for item in payload.get(key) or ():
        if isinstance(item, dict) and item.get("ticket_uuid"):
            found.append(str(item["ticket_uuid"]))
    return found


def _event_values(d: dict[str, Any], ticket_id: int) -> dict[str, Any]:
    source = d.get("source") or "server"
    return {"uuid": d["uuid"], "ticket_id": ticket_id, "status": d["status"],
            "at": _dt(d["at"]), "actor": d.get("actor") or "", "note": d.get("note") or "",
            "source": source if source in _EVENT_SOURCES else EventSource.SERVER.value,
            "agency": d.get("agency"), "merged_into": d.get("merged_into")}


def _follow_up_values(d: dict[str, Any], ticket_id: int) -> dict[str, Any]:
    return {"uuid": d["uuid"], "ticket_id": ticket_id, "asked_at": _dt(d["asked_at"]),
            "officer": d.get("officer") or "", "requested_by": d.get("requested_by") or "",
            "promise": d.get("promise") or "", "promised_by": _day(d.get("promised_by")),
            "note": d.get("note") or ""}


def _note_values(d: dict[str, Any], ticket_id: int) -> dict[str, Any]:
    return {"uuid": d["uuid"], "ticket_id": ticket_id, "at": _dt(d["at"]),
            "officer": d.get("officer") or "", "text": d["text"], "internal": True}


_CHILDREN: dict[str, tuple[Any, Any, tuple[str, ...]]] = {
    "status_event": (StatusEventRow, _event_values,
                     ("ticket_id", "status", "at", "actor", "source", "note", "agency",
                      "merged_into")),
    "follow_up": (FollowUpRow, _follow_up_values,
                  ("ticket_id", "asked_at", "officer", "requested_by", "promise",
                   "promised_by", "note")),
    "note": (NoteRow, _note_values, ("ticket_id", "at", "officer", "text")),
}


@dataclass
class PageResult:
    tickets: int = 0
    children: int = 0
    deleted: int = 0
    deferred: int = 0

    @property
    def applied(self) -> int:
        return self.tickets + self.children + self.deleted


def get_state(conn: Connection, key: str) -> str | None:
    value: str | None = conn.scalar(select(SyncState.value).where(SyncState.key == key))
    return value


def set_state(conn: Connection, key: str, value: str) -> None:
    stmt = sqlite_insert(SyncState).values(key=key, value=value)
    conn.execute(stmt.on_conflict_do_update(index_elements=[SyncState.key],
                                            set_={"value": stmt.excluded.value}))


def apply_page(conn: Connection, changes: Sequence[dict[str, Any]], next_cursor: str,
               *, keep_local: frozenset[str] = frozenset()) -> PageResult:
    """Apply one pulled page and store the cursor after it, in the caller's transaction."""
    result = PageResult()
    # The newest state of each entity wins within the page (the feed lists each once anyway).
    upserts: dict[tuple[str, str], dict[str, Any]] = {}
    deletes: list[dict[str, Any]] = []
    for item in changes:
        key = (item["kind"], item["uuid"])
        if item["op"] == "delete":
            upserts.pop(key, None)
            deletes.append(item)
        elif item.get("data") is not None:
            upserts[key] = item
    tickets = [i["data"] for (kind, _), i in upserts.items() if kind == "ticket"]
    upsert_tickets(conn, tickets, keep_local=keep_local)
    result.tickets = len(tickets)

    orphans_text = get_state(conn, ORPHANS_KEY)
    waiting: list[dict[str, Any]] = json.loads(orphans_text) if orphans_text else []
    children = waiting + [i for (kind, _), i in upserts.items() if kind in _CHILDREN]
    ids = ticket_ids(conn, (c["ticket_uuid"] for c in children))
    still_orphaned: list[dict[str, Any]] = []
    by_kind: dict[str, list[dict[str, Any]]] = {}
    for child in children:
        ticket_id = ids.get(child["ticket_uuid"])
        if ticket_id is None:
            still_orphaned.append(child)
            continue
        _model, convert, _cols = _CHILDREN[child["kind"]]
        by_kind.setdefault(child["kind"], []).append(convert(child["data"], ticket_id))
    for kind, rows in by_kind.items():
        model, _convert, columns = _CHILDREN[kind]
        executemany(conn, model, rows, conflict=["uuid"], update=columns)
        result.children += len(rows)

    for item in deletes:
        if item["kind"] == "ticket":
            conn.execute(delete(TicketRow).where(TicketRow.uuid == item["uuid"]))
            still_orphaned = [o for o in still_orphaned if o["ticket_uuid"] != item["uuid"]]
        elif item["kind"] in _CHILDREN:
            model = _CHILDREN[item["kind"]][0]
            conn.execute(delete(model).where(model.uuid == item["uuid"]))
        else:
            continue
        result.deleted += 1
    if orphans_text is not None or still_orphaned:
        set_state(conn, ORPHANS_KEY, json.dumps(still_orphaned[-MAX_ORPHANS:],
                                                ensure_ascii=False))
    result.deferred = len(still_orphaned)
    set_state(conn, CURSOR_KEY, next_cursor)
    return result
