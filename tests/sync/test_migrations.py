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
