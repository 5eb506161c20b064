"""The search index of migration 0005 (prefix indexes 2-6, no positions) answers exactly what
0001's index answered, and the migration carries an existing DB's index over.

The reference ("before") is 0001's table definition (prefix = '2 3', full detail) filled with
the same rows, asked the pre-0005 way: one MATCH of every typed word as a prefix, newest
first, one page."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import event, update

from posko import demo_data
from posko.domain.models import Location, Reporter
from posko.store import migrate
from posko.store import search as search_module
from posko.store.crypto import NikCipher
from posko.store.database import Store
from posko.store.models import TicketRow
from posko.store.search import fts_query, search
from posko.store.tickets import FTS_INSERT_TRIGGERS, bulk_insert

KECAMATAN = "31.75.04"
COLUMNS = "tracking_code, external_refs, reporter_name, phone, address, description"
OLD_FTS = f"""CREATE VIRTUAL TABLE old_fts USING fts5({COLUMNS},
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"""
FTS_TRIGGERS = {*FTS_INSERT_TRIGGERS, "tickets_fts_delete", "external_refs_fts_delete"}


def fts_definition(conn: sqlite3.Connection) -> str:
    return " ".join(conn.execute(
        "SELECT sql FROM sqlite_master WHERE name = 'ticket_fts'").fetchone()[0].split())


def trigger_sql(conn: sqlite3.Connection) -> dict[str, str]:
    return dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                             "AND name LIKE '%fts%'").fetchall())


@pytest.fixture
def loaded(store: Store, cipher: NikCipher, intake) -> Store:  # type: ignore[no-untyped-def]
    """600 demo tickets, a few walk-ins with accents and long words, and 0001's index of the
    same rows beside the real one (table old_fts)."""
    cases = demo_data.generate(KECAMATAN, 600, seed=11, desk=1, today=date(2026, 11, 20))
    bulk_insert(store, cipher, ((c.ticket, c.events, c.follow_ups) for c in cases),
                batch_size=250)
    intake(description="Trotoar berlubang di depan sekolahnya, membahayakan pejalan kaki",
           reporter=Reporter(name="José Kéramat"), external_refs=["QLUE 7654321"])
    intake(description="Pembuatan saluran baru terhenti; pembuangan sampah ke kali",
           location=Location("31.75.04.1005", rw=2, rt=1, address="Jl. Anggrék No. 3"))
    intake(description="Lampu penerangan_jalan padam, kata pak_lurahmuda")
    # "sumbatan" only inside a word, "sumbat" starting one: no match for "sumbatan".
    intake(description="Got tersumbatan sampah, sumbatlah dulu")
    with store.engine.begin() as conn:
        conn.exec_driver_sql(OLD_FTS)
        conn.exec_driver_sql(f"INSERT INTO old_fts(rowid, {COLUMNS}) "
                             f"SELECT rowid, {COLUMNS} FROM ticket_fts")
    return store


def before(store: Store, typed: str, limit: int) -> list[str]:
    """The pre-0005 search: one MATCH on 0001's index, newest first, one page."""
    query = fts_query(typed)
    if query is None:
        return []
    with store.engine.connect() as conn:
        return [uuid for (uuid,) in conn.exec_driver_sql(
            "SELECT t.uuid FROM old_fts JOIN tickets t ON t.id = old_fts.rowid "
            "WHERE old_fts MATCH ? ORDER BY old_fts.rowid DESC LIMIT ?", (query, limit))]


def typed_queries(store: Store) -> Iterator[str]:
    """Prefixes of 2, 3, 4, 5, 6, 7 and more letters of indexed words, whole words, a word
    and 3 letters of another, digit runs (phones, refs), tracking codes and their parts."""
    with store.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            f"SELECT {COLUMNS} FROM ticket_fts WHERE rowid % 9 = 0 OR rowid > 600").all()
    words = sorted({w for row in rows for w in re.findall(r"[^\W\d_]+", " ".join(row).lower())})
    for word in words:
        for length in range(2, len(word) + 1):
            yield word[:length]
    long_words = [w for w in words if len(w) >= 7]
    for first, second in zip(long_words, reversed(words), strict=False):
        yield f"{first} {second[:3]}"
        yield f"{second[:3]} {first[:8]}"
    for row in rows[::5]:
        code = row[0].split()[0]
        yield from (code, code.replace("-", ""), code.replace("-", "")[:8], code[:7])
        for digits in re.findall(r"\d{6,}", f"{row[1]} {row[3]}"):
            yield from (digits[:4], digits[:7], digits)
        if row[1]:
            yield row[1].split(" 0")[0][:12]
    yield from ("jose", "JOSÉ KÉR", "kéramat", "anggrek", "anggrék no", "sekolahnya",
                "pembuatan", "pembuangan sam", "penerangan_jalan", "pak_lurahmuda", "sumbatan",
                "sumbatlah", "tersumbatan",
                "tidakadayangbegini", "ja", "jalan rus")


def test_the_index_is_0005s(loaded: Store) -> None:
    raw = sqlite3.connect(loaded.path)
    try:
        definition = fts_definition(raw)
        assert "prefix = '2 3 4 5 6'" in definition
        assert "detail = none" in definition
        assert set(trigger_sql(raw)) == FTS_TRIGGERS
    finally:
        raw.close()


@pytest.mark.parametrize("limit", [3, 60])
def test_every_query_finds_what_0001s_index_found(loaded: Store, limit: int) -> None:
    checked = found = 0
    for typed in typed_queries(loaded):
        expected = before(loaded, typed, limit)
        # No query text in the message: some are phone numbers (personal-data guard).
        assert [s.uuid for s in search(loaded, typed, limit=limit)] == expected, checked
        checked += 1
        found += bool(expected)
    assert checked > 2000
    assert found > 1500


def test_long_words_take_the_checked_path_and_its_fallback_gives_the_same(
        loaded: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[bool] = []
    real = search_module._checked_rows

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        result = real(*args, **kwargs)
        calls.append(result is None)
        return result

    monkeypatch.setattr(search_module, "_checked_rows", spy)
    long_queries = [q for q in typed_queries(loaded)
                    if any(len(t) > search_module.INDEXED_PREFIX and t.isalpha()
                           for t in q.lower().split())]
    assert len(long_queries) > 300
    for limit in (2, 40):
        for typed in long_queries:
            assert [s.uuid for s in search(loaded, typed, limit=limit)] == before(
                loaded, typed, limit), typed
    assert len(calls) == 2 * len(long_queries)
    assert not any(calls)  # 1,000 rows were always enough here
    calls.clear()
    # No spare budget: whenever a 6-letter row fails the check, the page cannot fill from
    # the rows read, and the plain query answers.
    monkeypatch.setattr(search_module, "CHECKED_ROWS", 0)
    for limit in (3, 40):
        for typed in long_queries:
            assert [s.uuid for s in search(loaded, typed, limit=limit)] == before(
                loaded, typed, limit), typed
    assert sum(calls) > 25


def test_words_are_split_where_the_tokenizer_splits(loaded: Store) -> None:
    """An underscore separates words in the index; a quoted "a_b" would be a phrase, which
    an index without positions cannot answer."""
    assert fts_query("penerangan_jalan") == '"penerangan"* AND "jalan"*'
    assert len(search(loaded, "pak_lurahmud")) == 1
    # The one word shape that still makes a phrase: a letter Python knows and this SQLite's
    # tokenizer separates on (New Tai Lue vowel sign). No results, no error.
    assert search(loaded, "ab\u19b0cd") == []


def _downgrade_to_0004(store: Store) -> None:
    with store.engine.begin() as conn:
        command.downgrade(migrate.alembic_config(conn), "0004")


def test_upgrading_a_0004_db_with_tickets_keeps_every_ticket_findable(
        loaded: Store, caplog: pytest.LogCaptureFixture) -> None:
    queries = list(typed_queries(loaded))[::7]
    expected = {q: before(loaded, q, 20) for q in queries}
    with loaded.engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE old_fts")
        rows_before = conn.exec_driver_sql(
            f"SELECT rowid, {COLUMNS} FROM ticket_fts ORDER BY rowid").all()
    _downgrade_to_0004(loaded)
    path = loaded.path
    raw = sqlite3.connect(path)
    old_triggers = trigger_sql(raw)
    assert "prefix = '2 3' )" in fts_definition(raw)
    assert raw.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0004"
    raw.close()
    loaded.close()

    caplog.set_level("INFO", logger="posko.store.migrations")
    with Store.open(path) as upgraded:
        with upgraded.engine.connect() as conn:
            assert migrate.current_revision(conn) == migrate.head_revision()
            assert conn.exec_driver_sql(
                f"SELECT rowid, {COLUMNS} FROM ticket_fts ORDER BY rowid").all() == rows_before
            conn.exec_driver_sql("INSERT INTO ticket_fts(ticket_fts) VALUES ('integrity-check')")
        for typed in queries:
            assert [s.uuid for s in search(upgraded, typed, limit=20)] == expected[typed], typed
        # The re-created triggers keep indexing: a new ticket, an edit.
        with upgraded.engine.begin() as conn:
            conn.execute(update(TicketRow).where(TicketRow.id == 5)
                         .values(description="Pohon tumbang menimpa gerobak"))
        assert [s.tracking_code for s in search(upgraded, "menimpa gerob")] == [
            rows_before[4][1].split()[0]]
    raw = sqlite3.connect(path)
    try:
        assert trigger_sql(raw) == old_triggers
        assert "detail = none" in fts_definition(raw)
    finally:
        raw.close()
    messages = [r.getMessage() for r in caplog.records if r.name == "posko.store.migrations"]
    assert any(m.startswith("rebuilding the search index for 604 tickets") for m in messages)
    assert "search index: 604 of 604 rows" in messages


def test_a_failing_upgrade_leaves_the_old_index_and_triggers(
        loaded: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    with loaded.engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE old_fts")
    _downgrade_to_0004(loaded)
    path = loaded.path
    loaded.close()
    raw = sqlite3.connect(path)
    schema = raw.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()
    rows = raw.execute(f"SELECT rowid, {COLUMNS} FROM ticket_fts ORDER BY rowid").fetchall()
    raw.close()

    from posko.store import database

    real_engine = database.make_engine

    def failing_engine(db_path: Path):  # type: ignore[no-untyped-def]
        engine = real_engine(db_path)

        @event.listens_for(engine, "before_cursor_execute")
        def fail_late(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
            # After the new index is filled, while the triggers are being put back.
            if "CREATE TRIGGER tickets_fts_delete" in statement:
                raise RuntimeError("power cut")

        return engine

    monkeypatch.setattr(database, "make_engine", failing_engine)
    with pytest.raises(RuntimeError):
        Store.open(path)
    monkeypatch.setattr(database, "make_engine", real_engine)
    raw = sqlite3.connect(path)
    try:
        assert raw.execute("SELECT type, name, sql FROM sqlite_master "
                           "ORDER BY name").fetchall() == schema
        assert raw.execute(f"SELECT rowid, {COLUMNS} FROM ticket_fts "
                           "ORDER BY rowid").fetchall() == rows
        assert raw.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0004"
    finally:
        raw.close()
    with Store.open(path) as store:  # and the next start migrates
        assert len(search(store, "sekolahnya")) == 1


def test_an_index_already_rebuilt_is_kept(loaded: Store,
                                         caplog: pytest.LogCaptureFixture) -> None:
    """Idempotent: a DB whose index is already 0005's but whose version says 0004 (restored
    halfway, say) keeps its index; the triggers are put back as they were."""
    caplog.set_level("INFO", logger="posko.store.migrations")
    with loaded.engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE old_fts")
        conn.exec_driver_sql("DROP TRIGGER tickets_fts_delete")
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0004'")
        blocks = conn.exec_driver_sql("SELECT id, block FROM ticket_fts_data").all()
        command.upgrade(migrate.alembic_config(conn), "0005")
        assert conn.exec_driver_sql("SELECT id, block FROM ticket_fts_data").all() == blocks
    raw = sqlite3.connect(loaded.path)
    try:
        assert set(trigger_sql(raw)) == FTS_TRIGGERS
    finally:
        raw.close()
    messages = [r.getMessage() for r in caplog.records if r.name == "posko.store.migrations"]
    assert messages == ["search index already in the wanted form; triggers re-created"]
    assert len(search(loaded, "sekolahnya")) == 1


def test_a_db_without_the_index_gets_one_built_from_the_tickets(loaded: Store) -> None:
    with loaded.engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE old_fts")
        rows = conn.exec_driver_sql(
            f"SELECT rowid, {COLUMNS} FROM ticket_fts ORDER BY rowid").all()
        for name in FTS_TRIGGERS:
            conn.exec_driver_sql(f"DROP TRIGGER {name}")
        conn.exec_driver_sql("DROP TABLE ticket_fts")
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0004'")
        command.upgrade(migrate.alembic_config(conn), "0005")
        assert conn.exec_driver_sql(
            f"SELECT rowid, {COLUMNS} FROM ticket_fts ORDER BY rowid").all() == rows
    raw = sqlite3.connect(loaded.path)
    try:
        assert set(trigger_sql(raw)) == FTS_TRIGGERS
        assert "detail = none" in fts_definition(raw)
    finally:
        raw.close()
