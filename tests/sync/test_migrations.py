"""The central server refuses a database written by a newer posko-central."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from posko_central.db import Database, migrate, require_current, sqlite_url

from posko.store.migrate import DatabaseTooNew


def test_newer_server_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "central.sqlite3"
    db = Database(sqlite_url(path))
    try:
        migrate(db)
        require_current(db)
        with sqlite3.connect(path) as conn:
            conn.execute("UPDATE alembic_version SET version_num = 'f00d9999'")
        with pytest.raises(DatabaseTooNew) as caught:
            migrate(db)
        assert "posko-central" in caught.value.message_en
    finally:
        db.close()


def test_server_models_and_migrations_agree(tmp_path: Path) -> None:
    """A model change without a server migration fails here (autogenerate finds a diff)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from posko_central.models import Base

    db = Database(sqlite_url(tmp_path / "central.sqlite3"))
    try:
        migrate(db)
        with db.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        assert diff == []
    finally:
        db.close()


def test_enrolment_nonce_migration_down_and_up(tmp_path: Path) -> None:
    """0002 adds the nonce; going back to 0001 forgets used codes (0001's code would take
    a kept code as unused), and up again works."""
    from datetime import UTC, datetime

    from alembic import command
    from posko_central.auth import add_device, enrol
    from posko_central.db import SERVER_MIGRATIONS

    path = tmp_path / "central.sqlite3"
    db = Database(sqlite_url(path))
    try:
        migrate(db)
        _, used = add_device(db, "31.75.04", "Meja 1", desk=1)
        _, unused = add_device(db, "31.75.04", "Meja 2", desk=2)
        enrol(db, used, "n" * 43, now=datetime.now(UTC))
        with db.engine.begin() as conn:
            command.downgrade(SERVER_MIGRATIONS.config(conn), "0001")
        with sqlite3.connect(path) as conn:
            rows = conn.execute("SELECT desk_number, enrolment_code_hash IS NULL "
                                "FROM devices ORDER BY desk_number").fetchall()
            columns = {row[1] for row in conn.execute("PRAGMA table_info(devices)")}
        assert rows == [(1, 1), (2, 0)]
        assert "enrolment_nonce_hash" not in columns
        migrate(db)
        require_current(db)
        enrol(db, unused, now=datetime.now(UTC))
    finally:
        db.close()
