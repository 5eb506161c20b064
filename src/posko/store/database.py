"""Opening the desk DB safely: checks, pragmas, migrations, and units of work.

Order on open: the file must look like SQLite (else: corrupt, offer the last backup);
`PRAGMA integrity_check` must pass (unless the caller defers it, see below); a DB written by
a newer schema is refused; then pending migrations run (after a backup when the DB already
holds data).

The full integrity check reads every page: about 5 s per 100,000 tickets on a desk PC. The
desk window therefore opens with `check_integrity=False` (the header check and the schema
reads still run, and any later read of a damaged page still raises DatabaseCorrupt) and
runs the full check in the background once the window is up (`DeferredIntegrityCheck`);
`posko check` and the other command-line paths keep the full check at open.

Engine settings: WAL journal, `foreign_keys=ON`, `synchronous=FULL` (a saved complaint
survives a power cut), a busy timeout so a short lock by another process waits instead of
failing, and `hide_parameters=True` so SQL errors never carry a citizen's data into logs.
"""

from __future__ import annotations

import errno
import re
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, NoReturn, TypeVar

from sqlalchemy import create_engine, event, select, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from posko.store.errors import DatabaseCorrupt, NotInitialised, disk_full_error, locked_error
from posko.store.models import AuditEntry, Meta

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


def _corrupt(detail_id: str, detail_en: str) -> DatabaseCorrupt:
    return DatabaseCorrupt(
        f"Berkas basis data rusak ({detail_id}). Pulihkan dari cadangan terakhir "
        "(`posko restore`) atau hubungi admin. Berkas asli tidak diubah.",
        f"The database file is damaged ({detail_en}). Restore the last backup "
        "(`posko restore`) or contact the administrator. The original file was not changed.",
    )


def _check_header(path: Path) -> None:
    """The magic string, and a file at least as long as its header says (a cut-off copy)."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as handle:
        header = handle.read(100)
    if header[: len(SQLITE_HEADER)] != SQLITE_HEADER:
        raise _corrupt("bukan berkas SQLite", "not an SQLite file")
    if len(header) < 100:
        raise _corrupt("berkas terpotong", "file cut short")
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        return  # the header's page count may lag until the WAL is checkpointed
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    # The in-header size counts only when "version-valid-for" matches the change counter.
    if header[92:96] == header[24:28] and pages and path.stat().st_size < pages * page_size:
        raise _corrupt("berkas terpotong", "file cut short")


_MIGRATION_FILE_RE = re.compile(r"^(\d{4})_\w+\.py$")


@cache
def _head_from_files() -> str | None:
    """The newest desk migration, read from the file names (``NNNN_name.py`` with revision
    id ``NNNN``, a linear chain; tests/store/test_open_fast_path.py holds Alembic to it)."""
    folder = resources.files("posko.store.migrations").joinpath("versions")
    numbers = sorted(m.group(1) for entry in folder.iterdir()
                     if (m := _MIGRATION_FILE_RE.match(entry.name)))
    return numbers[-1] if numbers else None


def _at_head_fast(conn: Connection) -> bool:
    """True when the DB is exactly at this build's newest migration, checked without
    importing Alembic (about 0.3-0.8 s of start-up); anything else takes Alembic's path."""
    has_table = conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    ).scalar()
    if not has_table:
        return False
    revisions = [r for (r,) in conn.exec_driver_sql("SELECT version_num FROM alembic_version")]
    head = _head_from_files()
    return head is not None and revisions == [head]


def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.close()


def make_engine(path: Path) -> Engine:
    engine = create_engine(
        f"sqlite:///{path}",
        hide_parameters=True,
        connect_args={"timeout": BUSY_TIMEOUT_MS / 1000},
    )
    event.listen(engine, "connect", _on_connect)
    return engine


def translate_db_error(exc: BaseException) -> BaseException:
    """Map low-level failures to errors a person can act on (or return `exc` unchanged)."""
    original = getattr(exc, "orig", exc)
    message = str(original).lower()
    if isinstance(original, OSError) and original.errno == errno.ENOSPC:
        return disk_full_error()
    if isinstance(original, sqlite3.OperationalError):
        if "locked" in message or "busy" in message:
            return locked_error()
        if "disk is full" in message or "database or disk is full" in message:
            return disk_full_error()
    if isinstance(original, sqlite3.DatabaseError) and (
        "malformed" in message or "not a database" in message
    ):
        return _corrupt("struktur rusak", "malformed structure")
    return exc


def raise_translated(exc: BaseException) -> NoReturn:
    """Raise the form of a DB failure a person can act on, or `exc` itself if it has none."""
    translated = translate_db_error(exc)
    if translated is exc:
        raise exc
    raise translated from exc


class Store:
    """One desk DB. Open with `Store.open(path)`; use one unit of work per user action."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @classmethod
    def open(cls, path: Path, *, check_integrity: bool = True,
             backup_dir: Path | None = None,
             on_upgrade: Callable[[], None] | None = None) -> Store:
        """Open (and create or migrate) the desk DB. `on_upgrade` is called once before an
        existing DB is backed up and migrated, which can take a minute on a big DB (the
        window says so instead of starting silently)."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        _check_header(path)
        existed = path.exists() and path.stat().st_size > 0
        engine = make_engine(path)
        try:
            with engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA journal_mode = WAL")
                if check_integrity and existed:
                    result = conn.exec_driver_sql("PRAGMA integrity_check").scalar()
                    if result != "ok":
                        raise _corrupt("pemeriksaan integritas gagal", "integrity check failed")
                pending = not (existed and _at_head_fast(conn))
                if pending:  # Alembic's checks (imports Alembic and the migration scripts)
                    from posko.store import migrate

                    migrate.check_not_newer(conn)
                    pending = migrate.needs_upgrade(conn)
            if pending and existed and on_upgrade is not None:
                on_upgrade()
            if pending and existed and backup_dir is not None:
                from posko.store.backup import backup_database

                backup_database(path, backup_dir, reason="pre-migration")
            if pending:
                from posko.store import migrate

                with engine.begin() as conn:
                    # pysqlite opens no transaction before DDL, so without this BEGIN each
                    # CREATE/ALTER commits on its own: a crash or an error midway would leave
                    # a half-built schema that no later start can migrate. All or nothing.
                    if not conn.connection.driver_connection.in_transaction:  # type: ignore[union-attr]
                        conn.exec_driver_sql("BEGIN IMMEDIATE")
                    migrate.upgrade_to_head(conn)
        except (DatabaseError, OperationalError, sqlite3.DatabaseError, OSError) as exc:
            engine.dispose()
            raise_translated(exc)
        except BaseException:
            engine.dispose()
            raise
        return cls(path, engine)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """One transaction for one user action: commit on success, roll back on any error.

        Low-level errors (locked, disk full, corrupt) come out as StoreError subclasses with a
        message for the officer; nothing is half-written because the transaction rolls back.
        """
        session = self._sessions()
        try:
            yield session
            session.commit()
        except BaseException as exc:
            session.rollback()
            raise_translated(exc)
        finally:
            session.close()

    # --- desk identity -----------------------------------------------------------------

    def get_meta(self, key: str) -> str | None:
        with self.unit_of_work() as session:
            row = session.get(Meta, key)
            return row.value if row else None

    def meta(self) -> dict[str, str]:
        with self.unit_of_work() as session:
            return {row.key: row.value for row in session.scalars(select(Meta))}

    def require_meta(self, key: str) -> str:
        value = self.get_meta(key)
        if value is None:
            raise NotInitialised(
                "Meja ini belum disiapkan. Jalankan: posko init --kecamatan <kode> --desk <nomor>",
                "This desk is not set up yet. Run: posko init --kecamatan <code> --desk <number>",
            )
        return value

    def integrity_ok(self) -> bool:
        with self.engine.connect() as conn:
            return conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"

    def deferred_integrity_check(self) -> DeferredIntegrityCheck:
        return DeferredIntegrityCheck(self.path)


class DeferredIntegrityCheck:
    """The full `PRAGMA integrity_check`, run off the start-up path (on a worker thread,
    with its own read-only connection) and cancellable: the window can close while it runs.

    `run()` returns True when the DB is sound, None when cancelled, and raises
    DatabaseCorrupt (with the way to restore the last backup) when it is not.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self._cancelled = False

    def run(self) -> bool | None:
        conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000,
                               check_same_thread=False)
        with self._lock:
            if self._cancelled:
                conn.close()
                return None
            self._conn = conn
        try:
            conn.execute("PRAGMA query_only = ON")
            result = conn.execute("PRAGMA integrity_check").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            if self._cancelled:
                return None
            translated = translate_db_error(exc)
            if translated is exc:
                raise _corrupt("pemeriksaan integritas gagal",
                               "integrity check failed") from exc
            raise translated from exc
        finally:
            with self._lock:
                self._conn = None
            conn.close()
        if result != "ok":
            raise _corrupt("pemeriksaan integritas gagal", "integrity check failed")
        return True

    def cancel(self) -> None:
        with self._lock:
            self._cancelled = True
            if self._conn is not None:
                self._conn.interrupt()


def set_meta(session: Session, key: str, value: str) -> None:
    row = session.get(Meta, key)
    if row is None:
        session.add(Meta(key=key, value=value))
    else:
        row.value = value


def audit(session: Session, *, officer: str, action: str, entity: str,
          entity_uuid: str | None = None, detail: str = "", at: datetime | None = None) -> None:
    """Record who did what. `detail` must not hold personal data."""
    session.add(AuditEntry(at=at or datetime.now(UTC), officer=officer, action=action,
                           entity=entity, entity_uuid=entity_uuid, detail=detail))


def wal_checkpoint(engine: Engine) -> None:
    with engine.connect() as conn:
        conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))


_T = TypeVar("_T")
#: Values per ``IN (...)`` list: well under SQLite's limit on bound variables (999 before
#: 3.32, 32,766 since), with room for the statement's other parameters.
IN_CHUNK = 500


def in_chunks(values: Sequence[_T], size: int = IN_CHUNK) -> Iterator[Sequence[_T]]:
    """`values` in slices of at most `size`, one ``IN (...)`` list each."""
    for start in range(0, len(values), size):
        yield values[start:start + size]
