"""Fault injectors for the desk fault tests (tests/reliability/test_desk_faults.py)."""

from __future__ import annotations

import errno
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import event, func, select

from posko.store.database import Store
from posko.store.models import (
    AttachmentRow,
    AuditEntry,
    FollowUpRow,
    OutboxRow,
    StatusEventRow,
    TicketRow,
    TrackingSequence,
)

COUNTED = (TicketRow, StatusEventRow, FollowUpRow, AttachmentRow, OutboxRow, AuditEntry,
           TrackingSequence)


def row_counts(store: Store) -> dict[str, int]:
    with store.unit_of_work() as session:
        return {model.__tablename__: int(session.scalar(
            select(func.count()).select_from(model)) or 0) for model in COUNTED}


@contextmanager
def sqlite_disk_full(store: Store) -> Iterator[None]:
    """Every new connection of `store` may not grow the file by a single page (SQLITE_FULL,
    "database or disk is full"), as on a full disk; leaving the block gives the space back."""
    def limit(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        (pages,) = cursor.execute("PRAGMA page_count").fetchone()
        cursor.execute(f"PRAGMA max_page_count = {int(pages)}")
        cursor.close()

    with store.engine.connect() as conn:  # no free pages to reuse: the next write must grow
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.exec_driver_sql("VACUUM")
    event.listen(store.engine, "connect", limit)
    store.engine.dispose()
    try:
        yield
    finally:
        event.remove(store.engine, "connect", limit)
        store.engine.dispose()


def enospc(*_args: object, **_kwargs: object) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


LOCKER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], timeout=5)
conn.isolation_level = None
if sys.argv[2] == "readers-too":  # no shared WAL index: even readers must wait
    conn.execute("PRAGMA locking_mode = EXCLUSIVE")
conn.execute("BEGIN EXCLUSIVE")
conn.execute("UPDATE meta SET value = value")
print("locked", flush=True)
sys.stdin.readline()  # hold the lock until the test says so (or dies: EOF)
conn.rollback()
conn.close()
"""


@contextmanager
def locked_by_another_process(db: Path, *, readers_too: bool = False,
                              ) -> Iterator[subprocess.Popen[str]]:
    """Another process holds `BEGIN EXCLUSIVE` on `db` for the duration of the block (with
    `readers_too`, in SQLite's exclusive locking mode, which shuts out readers as well)."""
    proc = subprocess.Popen([sys.executable, "-c", LOCKER, str(db),
                             "readers-too" if readers_too else "writers"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        deadline = time.monotonic() + 30
        line = proc.stdout.readline()
        assert line.strip() == "locked", line
        assert time.monotonic() < deadline
        yield proc
    finally:
        if proc.poll() is None:
            assert proc.stdin is not None
            proc.stdin.write("\n")
            proc.stdin.flush()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(10)
        for stream in (proc.stdin, proc.stdout):
            if stream is not None:
                stream.close()
