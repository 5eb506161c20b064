"""Backups with SQLite's online backup API (consistent even while the desk is writing).

Backups are plain SQLite files named by UTC time in the profile's `backups/` folder; the
newest `keep` are kept. Restoring never deletes the current file: it is kept beside it as
`*.replaced-<time>`, and the DB's own name always holds a whole file.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from posko.store.errors import StoreError

BACKUP_SUFFIX = ".sqlite3"
DEFAULT_KEEP = 10


def backup_database(db_path: Path, backup_dir: Path, *, reason: str = "manual",
                    keep: int = DEFAULT_KEEP, now: datetime | None = None) -> Path:
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S-%f")
    target = backup_dir / f"posko-{stamp}-{reason}{BACKUP_SUFFIX}"
    partial = target.with_suffix(".partial")
    source = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        destination = sqlite3.connect(partial)
        try:
            source.backup(destination, pages=1024)
        finally:
            destination.close()
    finally:
        source.close()
    # Only a complete copy gets the final name, so a crash mid-backup leaves no fake backup.
    partial.replace(target)
    _prune(backup_dir, keep)
    return target


def list_backups(backup_dir: Path) -> list[Path]:
    """Newest first."""
    if not backup_dir.exists():
        return []
    return sorted(backup_dir.glob(f"posko-*{BACKUP_SUFFIX}"), reverse=True)


def latest_backup(backup_dir: Path) -> Path | None:
    backups = list_backups(backup_dir)
    return backups[0] if backups else None


def _prune(backup_dir: Path, keep: int) -> None:
    for old in list_backups(backup_dir)[keep:]:
        old.unlink(missing_ok=True)


def backup_is_sound(backup: Path) -> bool:
    try:
        conn = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
        try:
            return bool(conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok")
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False


def restore_backup(backup: Path, db_path: Path, *, now: datetime | None = None) -> Path | None:
    """Put `backup` in place of `db_path`; return where the old file was moved (if any)."""
    if not backup_is_sound(backup):
        raise StoreError(
            "Cadangan ini rusak dan tidak dapat dipulihkan; pilih cadangan lain.",
            "This backup is damaged and cannot be restored; choose another backup.",
        )
    moved_to: Path | None = None
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S")
    # The copy is made (and fsynced) beside the DB first and swapped in with one rename, so a
    # crash or a full disk at any moment leaves the old file or the restored one under the
    # DB's name, never no file (a desk would then start as a new, empty one) or half a copy.
    incoming = db_path.with_name(f".{db_path.name}.restoring")
    try:
        with backup.open("rb") as source, incoming.open("wb") as target:
            shutil.copyfileobj(source, target, 1024 * 1024)
            target.flush()
            os.fsync(target.fileno())
        if db_path.exists():
            moved_to = db_path.with_name(f"{db_path.name}.replaced-{stamp}")
            shutil.copyfile(db_path, moved_to)  # kept for the administrator
        for suffix in ("-wal", "-shm"):  # the old WAL must not be replayed into the copy
            side = db_path.with_name(db_path.name + suffix)
            if side.exists():
                side.replace(side.with_name(f"{side.name}.replaced-{stamp}"))
        os.replace(incoming, db_path)
    finally:
        incoming.unlink(missing_ok=True)
    return moved_to
