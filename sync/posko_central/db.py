"""Engines, units of work and migrations for SQLite (default) and PostgreSQL.

Writers are serialised, so that the change feed's sequence numbers are committed in order:

* SQLite: write transactions start with ``BEGIN IMMEDIATE`` (the database's single writer
  lock, taken up front, so a writer never fails half-way on a stale snapshot) and, inside
  one process, also hold a Python lock so that threads queue instead of busy-waiting.
* PostgreSQL: every write transaction first locks the feed counter row
  (``SELECT ... FOR UPDATE``); the lock is held until commit, so no transaction can take a
  sequence number while an earlier one is still uncommitted, across any number of workers.

Read transactions are snapshots (SQLite WAL readers; PostgreSQL REPEATABLE READ), so a page
of the feed and the entities it names are read from the same state.
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, select
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.orm import Session

from posko.domain.errors import PoskoError
from posko.store.migrate import Migrations
from posko_central.models import FEED_COUNTER, Counter, ServerMeta

SQLITE_BUSY_TIMEOUT_S = 30


class DatabaseError(PoskoError):
    code = "database_error"


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def _sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    # Autocommit at the driver level: SQLAlchemy's "begin" hook below emits BEGIN itself
    # (pysqlite's own implicit transactions would defeat BEGIN IMMEDIATE and SAVEPOINT).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_S * 1000}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.close()


def _sqlite_on_begin(conn: Connection) -> None:
    write = conn.get_execution_options().get("posko_write", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def make_engine(url: str) -> Engine:
    """An engine for a SQLAlchemy URL; SQL errors never carry parameter values."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:":
            Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            parsed, hide_parameters=True,
            connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S, "check_same_thread": False},
        )
        event.listen(engine, "connect", _sqlite_on_connect)
        event.listen(engine, "begin", _sqlite_on_begin)
        return engine
    if parsed.get_backend_name() == "postgresql":
        return create_engine(parsed, hide_parameters=True, pool_size=10, max_overflow=20,
                             pool_pre_ping=True, pool_timeout=30)
    raise DatabaseError(
        "Basis data harus SQLite atau PostgreSQL (postgresql+psycopg://...).",
        "The database must be SQLite or PostgreSQL (postgresql+psycopg://...).",
        code="unsupported_database", field="db",
    )


class Database:
    """One central database: ``read()`` and ``write()`` units of work."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        self.is_sqlite = self.engine.dialect.name == "sqlite"
        self._write_engine = self.engine.execution_options(posko_write=True)
        self._read_engine = (
            self.engine if self.is_sqlite
            else self.engine.execution_options(isolation_level="REPEATABLE READ")
        )
        self._local_writer = threading.Lock()
        self._server_id: str | None = None

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def read(self) -> Iterator[Session]:
        with Session(self._read_engine, expire_on_commit=False) as session, session.begin():
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A serialised write transaction; commits on success, rolls back on error."""
        lock = self._local_writer if self.is_sqlite else None
        if lock is not None:
            lock.acquire()
        try:
            with Session(self._write_engine, expire_on_commit=False) as session, \
                    session.begin():
                # The serialisation point (FOR UPDATE renders as nothing on SQLite, which
                # is already exclusive after BEGIN IMMEDIATE).
                session.execute(
                    select(Counter.value).where(Counter.name == FEED_COUNTER).with_for_update()
                )
                yield session
        finally:
            if lock is not None:
                lock.release()

    def server_id(self) -> str:
        if self._server_id is None:
            with self.read() as session:
                value = session.scalar(select(ServerMeta.value)
                                       .where(ServerMeta.key == "server_id"))
            if value is None:
                raise DatabaseError(
                    "Basis data server belum disiapkan.", "The server database is not set up.",
                    code="database_not_initialised",
                )
            self._server_id = value
        return self._server_id


def next_sequence(session: Session) -> int:
    """Take the next feed sequence number inside the caller's write transaction."""
    counter = session.get(Counter, FEED_COUNTER)
    assert counter is not None, "the migration creates the feed counter"
    counter.value += 1
    session.flush()
    return counter.value


# ------------------------------------------------------------------------------ migrations


SERVER_MIGRATIONS = Migrations("posko_central:migrations", "posko-central")


def head_revision() -> str:
    return SERVER_MIGRATIONS.head()


def migrate(db: Database) -> None:
    """Bring the schema to the newest revision (run once, before workers start)."""
    with db.engine.begin() as conn:
        if SERVER_MIGRATIONS.needs_upgrade(conn):
            SERVER_MIGRATIONS.upgrade(conn)


def require_current(db: Database) -> None:
    """Refuse to serve a database that is not exactly at this build's revision."""
    with db.engine.connect() as conn:
        revision = SERVER_MIGRATIONS.check_not_newer(conn)
    if revision != head_revision():
        raise DatabaseError(
            "Skema basis data belum diperbarui; jalankan `posko-central serve` atau "
            "`posko-central migrate` sekali.",
            "The database schema is not up to date; run `posko-central serve` or "
            "`posko-central migrate` once.",
            code="database_not_migrated",
        )


def new_server_id() -> str:
    return secrets.token_hex(4)
