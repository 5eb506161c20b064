"""Migrations from empty, model/migration agreement, and refusal of DBs we must not open."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from posko.store import migrate
from posko.store.database import Store
from posko.store.errors import DatabaseCorrupt
from posko.store.migrate import DatabaseTooNew
from posko.store.models import Base

EXPECTED_TABLES = {
    "meta", "officers", "tickets", "external_refs", "status_events", "follow_ups",
    "attachments", "tracking_sequences", "queue_slips", "outbox", "sync_state", "audit_log",
    "ticket_fts", "alembic_version",
}


def test_upgrade_from_empty_creates_every_table(db_path: Path) -> None:
    with Store.open(db_path) as store:
        tables = set(inspect(store.engine).get_table_names())
    assert tables >= EXPECTED_TABLES


def test_models_and_migrations_agree(db_path: Path) -> None:
    """A model change without a migration fails here (autogenerate would find a diff)."""
    with Store.open(db_path) as store, store.engine.connect() as conn:
        diff = compare_metadata(
            MigrationContext.configure(conn, opts={"include_object": _managed}), Base.metadata
        )
    assert diff == []


def _managed(obj: object, name: str | None, type_: str, reflected: bool,
             compare_to: object) -> bool:
    return not (type_ == "table" and name is not None and name.startswith("ticket_fts"))


def test_pragmas_on_every_connection(db_path: Path) -> None:
    with Store.open(db_path) as store, store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL


def test_downgrade_to_base_and_up_again(db_path: Path) -> None:
    from alembic import command

    with Store.open(db_path) as store:
        with store.engine.begin() as conn:
            command.downgrade(migrate.alembic_config(conn), "base")
        assert "tickets" not in inspect(store.engine).get_table_names()
        with store.engine.begin() as conn:
            migrate.upgrade_to_head(conn)
        assert "ticket_fts" in inspect(store.engine).get_table_names()


def test_reopening_is_a_no_op(db_path: Path) -> None:
    Store.open(db_path).close()
    with Store.open(db_path) as store, store.engine.connect() as conn:
        assert migrate.current_revision(conn) == migrate.head_revision()


def test_newer_database_is_refused_and_left_untouched(db_path: Path) -> None:
    Store.open(db_path).close()
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'f00dcafe9999'")
    before = db_path.read_bytes()
    with pytest.raises(DatabaseTooNew) as caught:
        Store.open(db_path)
    assert "lebih baru" in str(caught.value)
    assert "newer" in str(caught.value)
    assert db_path.read_bytes() == before


def test_non_sqlite_file_is_reported_as_corrupt(db_path: Path) -> None:
    db_path.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(DatabaseCorrupt) as caught:
        Store.open(db_path)
    assert "cadangan" in caught.value.message_id
    assert "backup" in caught.value.message_en


def test_truncated_database_is_reported_as_corrupt(tmp_path: Path, intake_db: Path) -> None:
    damaged = tmp_path / "truncated.sqlite3"
    data = intake_db.read_bytes()
    damaged.write_bytes(data[: len(data) // 2])
    with pytest.raises(DatabaseCorrupt):
        Store.open(damaged)


def test_damaged_pages_fail_the_integrity_check(tmp_path: Path, intake_db: Path) -> None:
    damaged = tmp_path / "damaged.sqlite3"
    data = bytearray(intake_db.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    # Scribble over the second half of every page after the first (keeps the header valid).
    for start in range(page_size, len(data), page_size):
        data[start + page_size // 2 : start + page_size] = b"\xff" * (page_size // 2)
    damaged.write_bytes(bytes(data))
    with pytest.raises(DatabaseCorrupt):
        Store.open(damaged)


@pytest.fixture
def intake_db(tmp_path: Path, intake) -> Path:  # type: ignore[no-untyped-def]
    """A checkpointed copy of a DB holding some tickets (single file, no WAL)."""
    for n in range(30):
        intake(description=f"Jalan berlubang nomor {n} " + "panjang " * 40)
    source = tmp_path / "desk.sqlite3"
    copy = tmp_path / "copy.sqlite3"
    with sqlite3.connect(source) as src, sqlite3.connect(copy) as dst:
        src.backup(dst)
    with sqlite3.connect(copy) as conn:
        conn.execute("PRAGMA journal_mode=DELETE")
    return copy
