"""Backups through SQLite's backup API, pruning, and restoring in place of a broken DB."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from posko.store.backup import (
    backup_database,
    backup_is_sound,
    latest_backup,
    list_backups,
    restore_backup,
)
from posko.store.database import Store
from posko.store.errors import DatabaseCorrupt, StoreError
from posko.store.search import count_tickets


def test_backup_is_a_consistent_copy_while_open(store: Store, intake, db_path: Path,
                                               tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for _ in range(5):
        intake()
    target = backup_database(db_path, tmp_path / "backups")
    assert backup_is_sound(target)
    with Store.open(target) as copy:
        assert count_tickets(copy) == 5


def test_only_the_newest_are_kept(store: Store, db_path: Path, tmp_path: Path) -> None:
    start = datetime(2026, 11, 28, tzinfo=UTC)
    for minute in range(5):
        backup_database(db_path, tmp_path / "b", keep=3, now=start + timedelta(minutes=minute))
    kept = list_backups(tmp_path / "b")
    assert len(kept) == 3
    assert latest_backup(tmp_path / "b") == kept[0]
    assert "20261128-000400" in kept[0].name


def test_restore_replaces_a_corrupt_db_and_keeps_the_old_file(
        store: Store, intake, db_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    intake()
    backup = backup_database(db_path, tmp_path / "b")
    store.close()
    db_path.write_bytes(b"garbage" * 1000)
    with pytest.raises(DatabaseCorrupt):
        Store.open(db_path)
    moved = restore_backup(backup, db_path)
    assert moved is not None
    assert moved.read_bytes().startswith(b"garbage")
    with Store.open(db_path) as restored:
        assert count_tickets(restored) == 1


def test_a_damaged_backup_is_not_restored(tmp_path: Path, db_path: Path) -> None:
    bad = tmp_path / "posko-bad.sqlite3"
    bad.write_bytes(b"nope" * 100)
    with pytest.raises(StoreError):
        restore_backup(bad, db_path)
    assert not db_path.exists()
