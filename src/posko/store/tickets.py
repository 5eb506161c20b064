"""Writing tickets: one intake per unit of work, and a bulk path for demo data and pulls."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import UTC, date, datetime

from sqlalchemy import func, insert, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from posko.domain.models import (
    EventSource,
    ExternalRef,
    FollowUp,
    Location,
    Origin,
    Reporter,
    StatusEvent,
    Ticket,
    new_uuid,
)
from posko.domain.status import Status
from posko.domain.tracking import make_tracking_code
from posko.domain.tracking import parse as parse_tracking_code
from posko.store.crypto import NikCipher
from posko.store.database import Store, audit, translate_db_error
from posko.store.desk import desk_identity
from posko.store.mapping import (
    event_columns,
    follow_up_columns,
    ticket_columns,
    ticket_payload,
)
from posko.store.models import (
    ExternalRefRow,
    FollowUpRow,
    OutboxRow,
    StatusEventRow,
    TicketRow,
    TrackingSequence,
)


def allocate_sequence(session: Session, day: date, desk: int) -> int:
    """Next sequence for (day, desk), inside the caller's transaction (so no gaps on rollback)."""
    row = session.get(TrackingSequence, (day, desk))
    if row is None:
        row = TrackingSequence(day=day, desk=desk, last_sequence=0)
        session.add(row)
    row.last_sequence += 1
    session.flush()
    return row.last_sequence


def enqueue(session: Session, *, kind: str, entity_uuid: str, payload: dict[str, object],
            at: datetime) -> None:
    """Write an outbox row in the caller's transaction (the change and its push are atomic)."""
    session.add(OutboxRow(uuid=new_uuid(), created_at=at, kind=kind, entity_uuid=entity_uuid,
                          payload=json.dumps(payload, ensure_ascii=False, sort_keys=True),
                          attempts=0, parked=False))


def record_intake(
    store: Store,
    cipher: NikCipher,
    *,
    origin: Origin,
    category: str,
    location: Location,
    description: str,
    reporter: Reporter,
    consent: bool,
    officer: str,
    external_refs: tuple[ExternalRef, ...] = (),
    needs_field_check: bool = False,
    now: datetime | None = None,
) -> Ticket:
    """Save a walk-in complaint: ticket, first status event, outbox row and audit entry, in
    one durable transaction. Returns the saved ticket with its new tracking code."""
    identity = desk_identity(store)
    at = now or datetime.now(UTC)
    local_day = at.astimezone(identity.timezone).date()
    # Validate everything the dataclass checks before touching the DB.
    draft = Ticket(
        uuid=new_uuid(), tracking_code="", origin=origin, category=category,
        location=location, description=description.strip(), reporter=reporter,
        consent=consent, officer=officer, created_at=at, updated_at=at,
        status=Status.RECEIVED, external_refs=external_refs,
        needs_field_check=needs_field_check,
    )
    with store.unit_of_work() as session:
        sequence = allocate_sequence(session, local_day, identity.desk_number)
        code = make_tracking_code(identity.kecamatan_code, local_day, identity.desk_number,
                                  sequence)
        ticket = replace(draft, tracking_code=code)
        row = TicketRow(**ticket_columns(ticket, cipher))
        row.external_refs = [ExternalRefRow(source=r.source.value, number=r.number)
                             for r in external_refs]
        session.add(row)
        session.flush()
        event = StatusEvent(ticket_uuid=ticket.uuid, status=Status.RECEIVED, at=at,
                            actor=officer, source=EventSource.DESK)
        session.add(StatusEventRow(**event_columns(event, row.id)))
        # The server keeps the desk's uuid for the first event, so a pull never brings
        # back a second "received".
        enqueue(session, kind="ticket.created", entity_uuid=ticket.uuid,
                payload={**ticket_payload(ticket), "initial_event_uuid": event.uuid}, at=at)
        audit(session, officer=officer, action="ticket.create", entity="ticket",
              entity_uuid=ticket.uuid, detail=f"origin={origin.value} category={category}",
              at=at)
    return ticket


BulkCase = tuple[Ticket, tuple[StatusEvent, ...], tuple[FollowUp, ...]]


def bulk_insert(
    store: Store,
    cipher: NikCipher,
    cases: Iterable[BulkCase],
    *,
    batch_size: int = 5000,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Insert many complete tickets fast (Core executemany, one transaction per batch).

    Used for demo data and large pulls: no outbox rows (these are not local changes), the
    FTS index is kept by the schema's triggers. Batches commit with synchronous=NORMAL, which
    in WAL mode is still crash-safe (it may lose the last batch on power loss, never corrupt).
    Returns the number of tickets inserted.
    """
    total = 0
    batch: list[BulkCase] = []

    def flush() -> None:
        nonlocal total
        if not batch:
            return
        with store.engine.connect() as conn:
            # Set before the batch's transaction so that its commit runs under NORMAL.
            conn.exec_driver_sql("PRAGMA synchronous = NORMAL")
            conn.commit()
            try:
                _insert_batch(conn, cipher, batch)
                conn.commit()
            except BaseException as exc:
                conn.rollback()
                translated = translate_db_error(exc)
                if translated is not exc:
                    raise translated from exc
                raise
            finally:
                conn.exec_driver_sql("PRAGMA synchronous = FULL")
                conn.commit()
        total += len(batch)
        batch.clear()
        if progress is not None:
            progress(total)

    for case in cases:
        batch.append(case)
        if len(batch) >= batch_size:
            flush()
    flush()
    return total


def _insert_batch(conn: Connection, cipher: NikCipher, batch: list[BulkCase]) -> None:
    # Plain executemany, then one indexed read-back of the new ids: RETURNING with
    # guaranteed order makes SQLAlchemy send one statement per row on SQLite (5x slower).
    conn.execute(insert(TicketRow), [ticket_columns(ticket, cipher) for ticket, _, _ in batch])
    uuids = [ticket.uuid for ticket, _, _ in batch]
    id_by_uuid: dict[str, int] = {}
    for start in range(0, len(uuids), 5000):
        chunk = uuids[start : start + 5000]
        rows = conn.execute(select(TicketRow.uuid, TicketRow.id)
                            .where(TicketRow.uuid.in_(chunk)))
        id_by_uuid.update((row.uuid, row.id) for row in rows)
    ids = [id_by_uuid[u] for u in uuids]
    ref_rows: list[dict[str, object]] = []
    event_rows: list[dict[str, object]] = []
    follow_rows: list[dict[str, object]] = []
    for ticket_id, (ticket, events, follow_ups) in zip(ids, batch, strict=True):
        ref_rows.extend({"ticket_id": ticket_id, "source": r.source.value, "number": r.number}
                        for r in ticket.external_refs)
        event_rows.extend(event_columns(e, ticket_id) for e in events)
        follow_rows.extend(follow_up_columns(f, ticket_id) for f in follow_ups)
    if ref_rows:
        conn.execute(insert(ExternalRefRow), ref_rows)
    if event_rows:
        conn.execute(insert(StatusEventRow), event_rows)
    if follow_rows:
        conn.execute(insert(FollowUpRow), follow_rows)
    raise_sequences(conn, (ticket.tracking_code for ticket, _, _ in batch))


def raise_sequences(conn: Connection, codes: Iterable[str]) -> None:
    """Move each (day, desk) sequence past the imported codes, so a later intake on the same
    day and desk can never be issued a code that already exists."""
    highest: dict[tuple[date, int], int] = {}
    for code in codes:
        parts = parse_tracking_code(code)
        key = (parts.day, parts.desk)
        if parts.sequence > highest.get(key, 0):
            highest[key] = parts.sequence
    if not highest:
        return
    statement = sqlite_insert(TrackingSequence).values(
        [{"day": day, "desk": desk, "last_sequence": seq} for (day, desk), seq in highest.items()]
    )
    conn.execute(statement.on_conflict_do_update(
        index_elements=["day", "desk"],
        set_={"last_sequence": func.max(TrackingSequence.last_sequence,
                                        statement.excluded.last_sequence)},
    ))
