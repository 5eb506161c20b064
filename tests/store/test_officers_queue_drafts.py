"""Officer PINs, the queue, and encrypted intake drafts."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from posko.domain.errors import DomainError
from posko.store import officers
from posko.store.database import Store
from posko.store.desk import master_key
from posko.store.drafts import DraftBox
from posko.store.officers import Role, SignInFailed, create_officer, list_officers, sign_in
from posko.store.queue import SlipState, call_next, finish, list_queue, take_number


def test_pin_is_hashed_and_checked(store: Store, db_path: Path) -> None:
    create_officer(store, username="Budi", full_name="Budi Santoso", pin="482915")
    assert sign_in(store, "budi", "482915").full_name == "Budi Santoso"
    with pytest.raises(SignInFailed):
        sign_in(store, "budi", "000000")
    with pytest.raises(SignInFailed) as unknown:
        sign_in(store, "nobody", "482915")
    assert "salah" in unknown.value.message_id
    with store.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    with sqlite3.connect(db_path) as conn:
        stored = conn.execute("SELECT pin_hash FROM officers").fetchone()[0]
    assert stored.startswith("scrypt$")
    assert "482915" not in stored


def test_wrong_pins_lock_the_officer_for_a_while(store: Store) -> None:
    create_officer(store, username="siti", full_name="Siti", pin="1234", role=Role.SUPERVISOR)
    start = datetime(2026, 11, 28, 8, 0, tzinfo=UTC)
    for _ in range(officers.MAX_FAILED_ATTEMPTS):
        with pytest.raises(SignInFailed):
            sign_in(store, "siti", "9999", now=start)
    with pytest.raises(SignInFailed) as locked:
        sign_in(store, "siti", "1234", now=start + timedelta(minutes=1))
    assert "menit" in locked.value.message_id
    assert sign_in(store, "siti", "1234", now=start + officers.LOCKOUT).is_supervisor


@pytest.mark.parametrize("pin", ["12", "abcd", "12 34"])
def test_weak_or_odd_pins_are_refused(store: Store, pin: str) -> None:
    with pytest.raises(DomainError):
        create_officer(store, username="x", full_name="X", pin=pin)
    assert list_officers(store) == []


def test_queue_numbers_per_day(store: Store, intake) -> None:  # type: ignore[no-untyped-def]
    today, tomorrow = date(2026, 11, 28), date(2026, 11, 29)
    assert [take_number(store, today, officer="budi").number for _ in range(3)] == [1, 2, 3]
    assert take_number(store, tomorrow, officer="budi").number == 1
    called = call_next(store, today, officer="budi")
    assert called is not None
    assert called.number == 1
    ticket = intake()
    finish(store, today, 1, officer="budi", ticket_uuid=ticket.uuid)
    finish(store, today, 2, officer="budi", left=True)
    states = {e.number: (e.state, e.ticket_code) for e in list_queue(store, today)}
    assert states == {1: (SlipState.SERVED, ticket.tracking_code), 2: (SlipState.LEFT, None),
                      3: (SlipState.WAITING, None)}
    assert call_next(store, today, officer="budi").number == 3  # type: ignore[union-attr]
    assert call_next(store, today, officer="budi") is None


def test_drafts_are_encrypted_and_round_trip(store: Store, secrets, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    box = DraftBox(tmp_path / "drafts", master_key(store, secrets))
    fields = {"reporter_name": "Siti Aminah", "nik": "3175046708800003", "rw": "5"}
    box.save("intake", fields)
    raw = (tmp_path / "drafts" / "draft-intake.bin").read_bytes()
    assert b"Siti" not in raw
    assert b"3175046708800003" not in raw
    assert box.load("intake") == fields
    other = DraftBox(tmp_path / "drafts", b"\x02" * 32)
    assert other.load("intake") is None  # a wrong key reads nothing, never garbage
    box.discard("intake")
    assert box.load("intake") is None
