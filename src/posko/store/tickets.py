"""Writing tickets: one intake per unit of work, and a bulk path for demo data and pulls."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import Table, func, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from posko.domain.errors import DomainError
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
from posko.domain.tracking import MAX_SEQUENCE, make_tracking_code
from posko.domain.tracking import parse as parse_tracking_code
from posko.store.crypto import NikCipher
from posko.store.database import Store, audit, in_chunks, raise_translated
from posko.store.desk import desk_identity
from posko.store.mapping import (
    event_columns,
    follow_up_columns,
    ticket_columns,
    ticket_payload,
)
from posko.store.models import (
    Base,
    ExternalRefRow,
    FollowUpRow,
    OutboxRow,
    StatusEventRow,
    TicketRow,
    TrackingSequence,
)

if TYPE_CHECKING:
    from posko.store.attachments import StagedFile  # imports this module (enqueue)


def allocate_sequence(session: Session, day: date, desk: int) -> int:
    """Next sequence for (day, desk), inside the caller's transaction (so no gaps on rollback)."""
    row = session.get(TrackingSequence, (day, desk))
    if row is None:
        row = TrackingSequence(day=day, desk=desk, last_sequence=0)
        session.add(row)
    row.last_sequence += 1
    session.flush()
    return row.last_sequence


# Sequence numbers skipped on each day after a backup is restored (a desk issues well under a
# few hundred codes a day; a day holds 29,791).
RESTORE_SEQUENCE_GAP = 1000


def skip_sequences_after_restore(store: Store, *, backup_taken: datetime,
                                 now: datetime | None = None) -> None:
    """After a restore, codes this desk issued after the backup was taken are unknown here,
    yet printed on receipts citizens hold (and maybe on the server). Jump every day's sequence
    from the backup's day to today ahead by a block, so no code is ever issued twice. Days are
    widened by one on each side: tracking codes use the desk's local date."""
    desk = desk_identity(store).desk_number
    first = backup_taken.astimezone(UTC).date() - timedelta(days=1)
    last = (now or datetime.now(UTC)).astimezone(UTC).date() + timedelta(days=1)
    with store.unit_of_work() as session:
        day = first
        while day <= last:  # one row per day of the backup's age
            row = session.get(TrackingSequence, (day, desk))
            if row is None:
                session.add(TrackingSequence(day=day, desk=desk,
                                             last_sequence=RESTORE_SEQUENCE_GAP))
            else:
                row.last_sequence = min(row.last_sequence + RESTORE_SEQUENCE_GAP,
                                        MAX_SEQUENCE - 1)
            day += timedelta(days=1)
        audit(session, officer="system", action="sequences.skipped_after_restore",
              entity="tracking_sequences",
              detail=f"desk={desk} from={first} to={last} gap={RESTORE_SEQUENCE_GAP}")


def restore_desk_backup(backup: Path, db_path: Path, *,
                        backup_dir: Path | None = None) -> Path | None:
    """Put `backup` in place of the desk DB and skip the tracking sequences issued since it
    was taken; returns where the old file was kept (see `restore_backup`)."""
    from posko.store.backup import restore_backup

    moved = restore_backup(backup, db_path)
    taken = datetime.fromtimestamp(backup.stat().st_mtime, UTC)
    with Store.open(db_path, check_integrity=False, backup_dir=backup_dir) as restored:
        skip_sequences_after_restore(restored, backup_taken=taken)
    return moved


def outbox_ticket_uuid(kind: str, entity_uuid: str, payload: dict[str, object]) -> str | None:
    """The ticket an outbox change belongs to, read from the change itself: the entity of a
    "ticket.created", else the payload's `ticket_uuid` (a merge: its `survivor_uuid`). None
    for a change about several tickets or none (posko.store.sync_state reads their payload).
    Migration 0007 backfills older rows with the same rule in SQL."""
    if kind == "ticket.created":
        return entity_uuid
    for key in ("ticket_uuid", "survivor_uuid"):
        value = payload.get(key)
        if isinstance(value, str) and value:
            return value
    return None


def enqueue(session: Session, *, kind: str, entity_uuid: str, payload: dict[str, object],
            at: datetime, ticket_uuid: str | None = None) -> None:
    """Write an outbox row in the caller's transaction (the change and its push are atomic).

    `ticket_uuid` names the ticket the change belongs to (per-record sync badges); callers
    that leave it out get `outbox_ticket_uuid`'s reading of the payload."""
    session.add(OutboxRow(uuid=new_uuid(), created_at=at, kind=kind, entity_uuid=entity_uuid,
                          ticket_uuid=ticket_uuid or outbox_ticket_uuid(kind, entity_uuid,
                                                                        payload),
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
    attachments: Sequence[StagedFile] = (),
) -> Ticket:
    """Save a walk-in complaint: ticket, first status event, outbox row and audit entry, in
    one durable transaction. Returns the saved ticket with its new tracking code.

    `attachments` (photos already stored by `attachments.stage_file`) get their rows in the
    same transaction: the complaint is saved with all its photos or not at all."""
    from posko.store.attachments import attach_staged
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
                payload={**ticket_payload(ticket), "initial_event_uuid": event.uuid}, at=at,
                ticket_uuid=ticket.uuid)
        audit(session, officer=officer, action="ticket.create", entity="ticket",
              entity_uuid=ticket.uuid, detail=f"origin={origin.value} category={category}",
              at=at)
        for staged in attachments:
            attach_staged(session, row.id, ticket.uuid, staged, officer=officer, at=at)
    return ticket


BulkCase = tuple[Ticket, tuple[StatusEvent, ...], tuple[FollowUp, ...]]

# The search index (ticket_fts: migration 0001, rebuilt by 0005 with the same columns, row
# text and triggers) is kept by triggers for single writes. Bulk writers suspend the per-row
# triggers inside their own transaction and index the batch with one INSERT ... SELECT
# instead (8x less work than one trigger run per ticket and per ref).
# The triggers are dropped and re-created in the batch's transaction, so any failure or
# crash before its COMMIT rolls the drop back too: no reader or later writer ever sees the
# schema without them. The row text must match the insert trigger's exactly (a test
# compares the whole index after a bulk load with the one the triggers build).
FTS_INSERT_TRIGGERS = ("tickets_fts_insert", "tickets_fts_update", "external_refs_fts_insert")
_FTS_ROWS_SQL = """
    INSERT INTO ticket_fts(rowid, tracking_code, external_refs, reporter_name, phone,
                           address, description)
    SELECT t.id,
           t.tracking_code || ' ' || replace(t.tracking_code, '-', ''),
           coalesce((SELECT group_concat(source || ' ' || number, ' ')
                     FROM external_refs WHERE ticket_id = t.id), ''),
           coalesce(t.reporter_name, ''),
           CASE WHEN t.reporter_phone LIKE '+62%'
                THEN substr(t.reporter_phone, 2) || ' 0' || substr(t.reporter_phone, 4)
                ELSE coalesce(t.reporter_phone, '') END,
           t.address,
           t.description
    FROM tickets AS t WHERE t.id IN (SELECT value FROM json_each(?))
"""
_FTS_DELETE_SQL = "DELETE FROM ticket_fts WHERE rowid IN (SELECT value FROM json_each(?))"
# Page cache for bulk writes (KiB, negative = size): the unique uuid indexes take random
# inserts, and with SQLite's 2 MiB default a million-ticket load spends most of its time
# re-reading index pages.
BULK_CACHE_KIB = 256 * 1024


def begin_write(conn: Connection) -> None:
    """Make sure `conn` is inside a write transaction before DDL (pysqlite opens one only
    before DML, and a DROP TRIGGER outside a transaction would commit on its own)."""
    raw = conn.connection.driver_connection
    if not getattr(raw, "in_transaction", True):
        conn.exec_driver_sql("BEGIN IMMEDIATE")


@contextmanager
def fts_triggers_suspended(conn: Connection) -> Iterator[None]:
    """Drop the FTS insert/update triggers for the rest of the caller's transaction and put
    them back (same SQL, read from sqlite_master) on the way out.

    The caller indexes what it wrote with `refresh_fts` before leaving the block, and
    commits or rolls back afterwards. On an error the triggers are not re-created here: the
    caller's rollback restores them with everything else.
    """
    begin_write(conn)
    marks = ", ".join("?" for _ in FTS_INSERT_TRIGGERS)
    saved = conn.exec_driver_sql(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN ({marks})",
        FTS_INSERT_TRIGGERS).all()
    for name, _sql in saved:
        conn.exec_driver_sql(f'DROP TRIGGER "{name}"')
    yield
    for _name, sql in saved:
        conn.exec_driver_sql(sql)


def refresh_fts(conn: Connection, ticket_ids: Iterable[int], *, fresh: bool = False) -> None:
    """(Re)index these tickets in ticket_fts exactly as the triggers would. `fresh`: they
    were just inserted and have no index row yet (skips the delete)."""
    ids = sorted(set(ticket_ids))
    for start in range(0, len(ids), 20_000):
        chunk = json.dumps(ids[start:start + 20_000])
        if not fresh:
            conn.exec_driver_sql(_FTS_DELETE_SQL, (chunk,))
        conn.exec_driver_sql(_FTS_ROWS_SQL, (chunk,))


def bulk_insert(
    store: Store,
    cipher: NikCipher,
    cases: Iterable[BulkCase],
    *,
    batch_size: int = 5000,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Insert many complete tickets fast (Core executemany, one transaction per batch).

    Used for demo data and large imports: no outbox rows (these are not local changes). Each
    batch suspends the per-row FTS triggers and indexes its tickets with one statement, all
    in the batch's transaction (see `fts_triggers_suspended`). Batches commit with
    synchronous=NORMAL, which in WAL mode is still crash-safe (it may lose the last batch on
    power loss, never corrupt), under a large page cache. Returns the number of tickets
    inserted.
    """
    total = 0
    batch: list[BulkCase] = []

    def flush(conn: Connection) -> None:
        nonlocal total
        if not batch:
            return
        try:
            with fts_triggers_suspended(conn):
                ids = _insert_batch(conn, cipher, batch)
                refresh_fts(conn, ids, fresh=True)
            conn.commit()
        except BaseException as exc:
            conn.rollback()
            raise_translated(exc)
        total += len(batch)
        batch.clear()
        if progress is not None:
            progress(total)

    with store.engine.connect() as conn:
        # Set outside the batches' transactions so that their commits run under NORMAL.
        conn.exec_driver_sql("PRAGMA synchronous = NORMAL")
        default_cache = conn.exec_driver_sql("PRAGMA cache_size").scalar()
        conn.exec_driver_sql(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
        conn.commit()
        try:
            for case in cases:
                batch.append(case)
                if len(batch) >= batch_size:
                    flush(conn)
            flush(conn)
        finally:
            conn.rollback()
            conn.exec_driver_sql("PRAGMA synchronous = FULL")
            conn.exec_driver_sql(f"PRAGMA cache_size = {int(default_cache or -2000)}")
            conn.commit()
    return total


def _insert_batch(conn: Connection, cipher: NikCipher, batch: list[BulkCase]) -> list[int]:
    # Plain executemany, then one indexed read-back of the new ids: RETURNING with
    # guaranteed order makes SQLAlchemy send one statement per row on SQLite (5x slower).
    executemany(conn, TicketRow,
                [ticket_columns(ticket, cipher) for ticket, _, _ in batch])
    uuids = [ticket.uuid for ticket, _, _ in batch]
    id_by_uuid: dict[str, int] = {}
    for chunk in in_chunks(uuids, 5000):
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
    executemany(conn, ExternalRefRow, ref_rows)
    executemany(conn, StatusEventRow, event_rows)
    executemany(conn, FollowUpRow, follow_rows)
    raise_sequences(conn, (ticket.tracking_code for ticket, _, _ in batch))
    return ids


def executemany(conn: Connection, model: type[Base], rows: Sequence[dict[str, Any]], *,
                conflict: Sequence[str] = (), update: Sequence[str] | None = None) -> None:
    """INSERT `rows` (all with the same keys) into `model`'s table in one DB-API executemany.

    Same values on disk as `conn.execute(insert(table), rows)` (each column's own bind
    processing, e.g. aware datetimes to naive UTC text), without SQLAlchemy's per-row
    parameter bookkeeping, which cost twice the time SQLite needs for the inserts.
    `conflict` (the columns of a unique constraint) makes it an upsert: DO UPDATE of the
    `update` columns from the new row, or DO NOTHING when `update` is None.
    Rows must give every column that has a Python-side default (else ValueError).
    """
    if not rows:
        return
    table = cast(Table, model.__table__)
    names = list(rows[0])
    missing = [c.name for c in table.columns if c.default is not None and c.name not in names]
    if missing:
        raise ValueError(f"executemany into {table.name} without {missing}")
    dialect = conn.dialect
    processors = [table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
                  for name in names]
    def quoted(columns: Iterable[str]) -> str:
        return ", ".join(f'"{c}"' for c in columns)

    marks = ", ".join("?" for _ in names)
    sql = f'INSERT INTO "{table.name}" ({quoted(names)}) VALUES ({marks})'
    if conflict:
        action = "NOTHING" if not update else "UPDATE SET " + ", ".join(
            f'"{c}" = excluded."{c}"' for c in update)
        sql += f" ON CONFLICT ({quoted(conflict)}) DO {action}"
    # Column by column (list comprehensions, then one zip): half the time of a tuple per row.
    columns = [[row[name] for row in rows] if proc is None
               else [proc(row[name]) for row in rows]
               for name, proc in zip(names, processors, strict=True)]
    params = list(zip(*columns, strict=True))
    conn.exec_driver_sql(sql, params)


def raise_sequences(conn: Connection, codes: Iterable[str]) -> None:
    """Move each (day, desk) sequence past the imported codes, so a later intake on the same
    day and desk can never be issued a code that already exists. Codes that do not validate
    are skipped (they can never equal an issued code)."""
    # Day and desk sit at fixed places of the canonical code and the alphabet sorts like
    # the values, so the highest sequence per (day, desk) is a string max; only that
    # candidate is parsed (parsing every code of a 100k pull cost about 3 s).
    best: dict[str, list[str]] = {}
    for code in codes:
        compact = code.replace("-", "")
        if len(compact) != 12:
            continue
        best.setdefault(compact[4:8], []).append(compact)
    highest: dict[tuple[date, int], int] = {}
    for candidates in best.values():
        for compact in sorted(candidates, key=lambda c: c[8:11], reverse=True):
            try:
                parts = parse_tracking_code(compact)
            except DomainError:
                continue
            key = (parts.day, parts.desk)
            if parts.sequence > highest.get(key, 0):
                highest[key] = parts.sequence
            break
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
