"""Backups with SQLite's online backup API (consistent even while the desk is writing).

Backups are plain SQLite files named by UTC time in the profile's `backups/` folder; the
newest `keep` are kept. Restoring never deletes the current file: it is kept beside it as
`*.replaced-<time>`, and the DB's own name always holds a whole file.

Each backup has a small sidecar (`<backup>.state`) with the DB file's state when the copy
started: inode, size and modification time, taken after a checkpoint has moved the WAL into
the file. `backup_if_changed` (the desk's exit backup) compares the DB's state now with the
newest backup's sidecar and copies only when they differ: any commit ends up as a write to
the DB file (directly, or at the checkpoint) and so changes its modification time, while a
session that only read leaves it alone. Whenever the state cannot be known for sure (no
sidecar, a WAL the checkpoint could not empty because another process uses the DB, a
replaced file) the copy is made.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from posko.store.errors import StoreError

BACKUP_SUFFIX = ".sqlite3"
REPLACED_MARK = ".replaced-"  # what a restore appends (and a time) to the file it replaced
STATE_SUFFIX = ".state"
DEFAULT_KEEP = 10


def file_state(db_path: Path) -> dict[str, int] | None:
    """The DB file's identity and last write (inode, size, mtime in ns), or None when it
    cannot vouch for the content: missing file, or a WAL that still holds frames."""
    try:
        stat = db_path.stat()
    except OSError:
        return None
    wal = db_path.with_name(db_path.name + "-wal")
    try:
        if wal.stat().st_size > 0:
            return None
    except FileNotFoundError:
        pass
    except OSError:
        return None
    return {"inode": stat.st_ino, "size": stat.st_size, "mtime_ns": stat.st_mtime_ns}


def checkpoint(db_path: Path) -> None:
    """Move the WAL into the DB file and empty it (best effort: another process reading or
    writing the DB leaves frames behind, and `file_state` then says "unknown")."""
    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=rw", uri=True, timeout=1.0)
    except sqlite3.Error:
        return
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    except sqlite3.Error:
        pass
    finally:
        conn.close()


def _state_file(backup: Path) -> Path:
    return backup.with_name(backup.name + STATE_SUFFIX)


def recorded_state(backup: Path) -> dict[str, int] | None:
    try:
        data = json.loads(_state_file(backup).read_text(encoding="ascii"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def backup_if_changed(db_path: Path, backup_dir: Path, *, reason: str = "exit",
                      keep: int = DEFAULT_KEEP, now: datetime | None = None) -> Path | None:
    """`backup_database` unless the DB is unchanged since the newest backup (then None).

    For the desk's exit: a session that changed nothing no longer copies the whole file
    (2.5 GB at a million tickets). Call it with the DB closed by this process.
    """
    checkpoint(db_path)
    state = file_state(db_path)
    newest = latest_backup(backup_dir)
    if state is not None and newest is not None and recorded_state(newest) == state:
        return None
    return backup_database(db_path, backup_dir, reason=reason, keep=keep, now=now)


def backup_database(db_path: Path, backup_dir: Path, *, reason: str = "manual",
                    keep: int = DEFAULT_KEEP, now: datetime | None = None) -> Path:
    backup_dir.mkdir(parents=True, exist_ok=True)
    # Before the copy starts: a write during the copy then shows as a change next time.
    state = file_state(db_path)
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
    if state is not None:
        with contextlib.suppress(OSError):  # without it, the next exit just copies again
            _state_file(target).write_text(json.dumps(state), encoding="ascii")
    _prune(backup_dir, keep)
    return target


def list_backups(backup_dir: Path) -> list[Path]:
    """Newest first."""
    if not backup_dir.exists():
        return []
    return sorted(backup_dir.glob(f"posko-*{BACKUP_SUFFIX}"), reverse=True)


def _replaced_name(path: Path, stamp: str) -> Path:
    return path.with_name(f"{path.name}{REPLACED_MARK}{stamp}")


def replaced_copies(db_path: Path) -> list[Path]:
    """The copies a restore kept of the DB file it replaced (not their -wal/-shm), oldest
    first."""
    return sorted(p for p in db_path.parent.glob(f"{db_path.name}{REPLACED_MARK}*")
                  if p.is_file())


def latest_backup(backup_dir: Path) -> Path | None:
    backups = list_backups(backup_dir)
    return backups[0] if backups else None


def _prune(backup_dir: Path, keep: int) -> None:
    for old in list_backups(backup_dir)[keep:]:
        old.unlink(missing_ok=True)
        _state_file(old).unlink(missing_ok=True)


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
            moved_to = _replaced_name(db_path, stamp)
            shutil.copyfile(db_path, moved_to)  # kept for the administrator
        for suffix in ("-wal", "-shm"):  # the old WAL must not be replayed into the copy
            side = db_path.with_name(db_path.name + suffix)
            if side.exists():
                side.replace(_replaced_name(side, stamp))
        os.replace(incoming, db_path)
    finally:
        incoming.unlink(missing_ok=True)
    return moved_to
