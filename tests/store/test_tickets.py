"""Saving complaints: one atomic unit of work, codes that never repeat, clear failures."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from posko.domain import tracking
from posko.domain.errors import DomainError
from posko.domain.models import EventSource, Origin, StatusEvent, Ticket
from posko.domain.status import Status
from posko.store import database
from posko.store import tickets as tickets_module
from posko.store.database import Store
from posko.store.errors import DatabaseLocked, DiskFull
from posko.store.models import AuditEntry, OutboxRow, StatusEventRow, TicketRow
from posko.store.tickets import BulkCase, bulk_insert
from tests.conftest import SAMPLE_NAME, SAMPLE_NIK, SAMPLE_PHONE


def table_counts(store: Store) -> dict[str, int]:
    with store.unit_of_work() as session:
        return {model.__tablename__: session.scalar(select(func.count()).select_from(model)) or 0
                for model in (TicketRow, StatusEventRow, OutboxRow, AuditEntry)}


def test_intake_writes_ticket_event_outbox_and_audit_together(store: Store, intake) -> None:  # type: ignore[no-untyped-def]
    before = table_counts(store)
    saved = intake()
    after = table_counts(store)
    assert {k: after[k] - before[k] for k in after} == {
        "tickets": 1, "status_events": 1, "outbox": 1, "audit_log": 1}
    with store.unit_of_work() as session:
        outbox = session.scalars(select(OutboxRow)).one()
        audit = session.scalars(select(AuditEntry).where(AuditEntry.action == "ticket.create")
                                ).one()
    payload = json.loads(outbox.payload)
    assert outbox.kind == "ticket.created"
    assert outbox.entity_uuid == saved.uuid
    assert payload["tracking_code"] == saved.tracking_code
    assert SAMPLE_NIK not in outbox.payload  # the outbox is stored in clear
    assert SAMPLE_NAME not in audit.detail
    assert SAMPLE_PHONE not in audit.detail


def test_codes_are_sequential_valid_and_unique(store: Store, intake) -> None:  # type: ignore[no-untyped-def]
    saved = [intake() for _ in range(25)]
    parts = [tracking.parse(t.tracking_code) for t in saved]
    assert [p.sequence for p in parts] == list(range(1, 26))
    assert {p.kecamatan_code for p in parts} == {"31.75.04"}
    assert {p.desk for p in parts} == {1}
    assert len({t.tracking_code for t in saved}) == 25


def test_day_follows_the_desk_time_zone(intake) -> None:  # type: ignore[no-untyped-def]
    # 23:30 UTC on Friday is already Saturday 06:30 in Jakarta.
    saved = intake(now=datetime(2026, 11, 27, 23, 30, tzinfo=UTC))
    assert tracking.parse(saved.tracking_code).day.isoformat() == "2026-11-28"


def test_invalid_intake_writes_nothing(store: Store, intake) -> None:  # type: ignore[no-untyped-def]
    before = table_counts(store)
    with pytest.raises(DomainError):
        intake(description="   ")
    with pytest.raises(DomainError):
        intake(consent=False)
    assert table_counts(store) == before


def test_failure_mid_transaction_leaves_nothing_half_written(
        store: Store, intake, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    before = table_counts(store)

    def broken_enqueue(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(tickets_module, "enqueue", broken_enqueue)
    with pytest.raises(DiskFull) as caught:
        intake()
    assert "penuh" in caught.value.message_id
    assert "full" in caught.value.message_en
    assert table_counts(store) == before
    monkeypatch.undo()
    # The sequence was rolled back too: the next code is number 1.
    assert tracking.parse(intake().tracking_code).sequence == 1


def test_sqlite_disk_full_is_translated(store: Store, intake,
                                        monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    def full(*args: object, **kwargs: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(tickets_module, "enqueue", full)
    with pytest.raises(DiskFull):
        intake()


def test_locked_database_gives_a_clear_error(store: Store, intake, db_path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 50)
    store.engine.dispose()  # new connections pick up the short timeout
    other = sqlite3.connect(db_path, timeout=0.05)
    try:
        other.execute("BEGIN EXCLUSIVE")
        with pytest.raises(DatabaseLocked) as caught:
            intake()
        assert "terkunci" in caught.value.message_id
        assert "locked" in caught.value.message_en
    finally:
        other.rollback()
        other.close()
    assert intake().tracking_code  # works again once the other program lets go


def test_sql_errors_never_carry_personal_data(store: Store, intake) -> None:  # type: ignore[no-untyped-def]
    saved = intake()
    with pytest.raises(IntegrityError) as caught, store.unit_of_work() as session:
        session.add(TicketRow(uuid=saved.uuid, tracking_code="DUPLICATE", origin="desk",
                              category="sampah", kelurahan_code="31.75.04.1005",
                              description="x", reporter_kind="named",
                              reporter_name=SAMPLE_NAME, reporter_phone=SAMPLE_PHONE,
                              consent=True, status="received",
                              created_at=saved.created_at, updated_at=saved.created_at))
    text = str(caught.value)
    assert "UNIQUE" in text
    assert SAMPLE_NAME not in text
    assert SAMPLE_PHONE not in text


def _app_case(store: Store, code: str, sequence_day: str) -> BulkCase:
    from posko.domain.models import Location, Reporter

    at = datetime.fromisoformat(f"{sequence_day}T03:00:00+00:00")
    ticket = Ticket(uuid=f"00000000-0000-0000-0000-{abs(hash(code)) % 10**12:012d}",
                    tracking_code=code, origin=Origin.APP, category="sampah",
                    location=Location("31.75.04.1005"), description="Sampah", consent=False,
                    reporter=Reporter(name="Warga"), officer="", created_at=at, updated_at=at)
    event = StatusEvent(ticket_uuid=ticket.uuid, status=Status.RECEIVED, at=at, actor="QLUE",
                        source=EventSource.SERVER)
    return ticket, (event,), ()


def test_bulk_insert_moves_sequences_past_imported_codes(store: Store, cipher, intake) -> None:  # type: ignore[no-untyped-def]
    day = datetime(2026, 11, 28, 3, 0, tzinfo=UTC)
    imported = [tracking.make_tracking_code("31.75.04", day.date(), 1, n) for n in (1, 2, 7)]
    progress: list[int] = []
    count = bulk_insert(store, cipher, (_app_case(store, c, "2026-11-28") for c in imported),
                        batch_size=2, progress=progress.append)
    assert count == 3
    assert progress == [2, 3]
    saved = intake(now=day)
    assert tracking.parse(saved.tracking_code).sequence == 8
    with store.unit_of_work() as session:  # bulk data is not a local change: no outbox rows
        kinds = list(session.scalars(select(OutboxRow.kind)))
    assert kinds == ["ticket.created"]
