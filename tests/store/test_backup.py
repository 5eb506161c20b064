"""Backups through SQLite's backup API, pruning, and restoring in place of a broken DB."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from posko.store.backup import (
    backup_database,
    backup_if_changed,
    backup_is_sound,
    latest_backup,
    list_backups,
    recorded_state,
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



# --- the desk's exit backup: a copy only when something changed -----------------------------


def _exit(store: Store, db_path: Path, backups: Path) -> Path | None:
    """What `posko-desk` does on exit: close its DB, then back up if anything changed."""
    store.close()
    return backup_if_changed(db_path, backups, reason="exit")


def test_exit_backup_after_a_change_and_none_without_one(
        store: Store, intake, db_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    backups = tmp_path / "backups"
    first = _exit(store, db_path, backups)
    assert first is not None  # no backup yet: one is made
    assert recorded_state(first) is not None

    with Store.open(db_path) as session:  # a session that only reads
        assert count_tickets(session) == 0
    assert _exit(store, db_path, backups) is None
    assert list_backups(backups) == [first]

    intake()  # a session that saves a ticket (the store's engine reconnects)
    changed = _exit(store, db_path, backups)
    assert changed is not None
    assert list_backups(backups) == [changed, first]
    assert backup_is_sound(changed)
    with Store.open(changed) as copy:
        assert count_tickets(copy) == 1
    assert _exit(store, db_path, backups) is None  # nothing new since that copy


def test_exit_backup_sees_an_update_in_place_by_another_process(
        store: Store, db_path: Path, tmp_path: Path) -> None:
    """No new row anywhere (an UPDATE, as a sync pull or a status change can be): still a
    change, because the check looks at the file, not at row ids."""
    backups = tmp_path / "backups"
    first = _exit(store, db_path, backups)
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute("UPDATE meta SET value = '2' WHERE key = 'desk_number'")
    conn.close()
    changed = backup_if_changed(db_path, backups)
    assert changed is not None
    assert changed != first
    assert backup_is_sound(changed)


def test_exit_backup_copies_when_the_state_is_unknown(
        store: Store, intake, db_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    backups = tmp_path / "backups"
    first = _exit(store, db_path, backups)
    assert first is not None
    # No sidecar (a backup from an older version, or `posko restore` input): copy.
    first.with_name(first.name + ".state").unlink()
    second = backup_if_changed(db_path, backups)
    assert second is not None
    # Another process holds the DB with changes still in its WAL: the checkpoint cannot
    # empty it, so the state is unknown and the copy is made (it includes those changes).
    reader = sqlite3.connect(db_path)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM tickets").fetchone()  # pins the WAL
    try:
        intake()
        third = backup_if_changed(db_path, backups)
        assert third is not None
        assert third != second
        with Store.open(third) as copy:
            assert count_tickets(copy) == 1
    finally:
        reader.rollback()
        reader.close()
    store.close()


def test_pruning_removes_the_sidecars_too(store: Store, db_path: Path, tmp_path: Path) -> None:
    start = datetime(2026, 11, 28, tzinfo=UTC)
    store.close()
    for minute in range(4):
        backup_database(db_path, tmp_path / "b", keep=2, now=start + timedelta(minutes=minute))
    assert sorted(p.name for p in (tmp_path / "b").iterdir()) == sorted(
        [b.name for b in list_backups(tmp_path / "b")]
        + [b.name + ".state" for b in list_backups(tmp_path / "b")])
