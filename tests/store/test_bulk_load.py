"""The bulk path (demo data, big imports) indexes for search exactly as the per-row triggers
do, and leaves the triggers in place after success, failure and a crash mid-batch."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import insert, update
from sqlalchemy.exc import IntegrityError

from posko import demo_data
from posko.secrets import KeyringSecrets
from posko.store.crypto import NikCipher
from posko.store.database import Store
from posko.store.desk import initialise_desk, nik_cipher
from posko.store.mapping import event_columns, follow_up_columns, ticket_columns
from posko.store.models import ExternalRefRow, FollowUpRow, StatusEventRow, TicketRow
from posko.store.search import search
from posko.store.tickets import (
    FTS_INSERT_TRIGGERS,
    BulkCase,
    bulk_insert,
    fts_triggers_suspended,
    raise_sequences,
)

KECAMATAN = "31.75.04"
TODAY = date(2026, 11, 28)
ROOT = Path(__file__).resolve().parents[2]


def demo_cases(count: int, seed: int = 3) -> list[BulkCase]:
    return [(c.ticket, c.events, c.follow_ups)
            for c in demo_data.generate(KECAMATAN, count, seed=seed, desk=1, today=TODAY)]


def per_row_insert(store: Store, cipher: NikCipher, cases: list[BulkCase]) -> None:
    """One ticket per transaction through plain Core inserts: the schema's triggers index."""
    for ticket, events, follow_ups in cases:
        with store.engine.begin() as conn:
            ticket_id = conn.execute(insert(TicketRow).values(
                ticket_columns(ticket, cipher))).inserted_primary_key[0]
            for ref in ticket.external_refs:
                conn.execute(insert(ExternalRefRow).values(
                    ticket_id=ticket_id, source=ref.source.value, number=ref.number))
            for event in events:
                conn.execute(insert(StatusEventRow).values(event_columns(event, ticket_id)))
            for follow_up in follow_ups:
                conn.execute(insert(FollowUpRow).values(follow_up_columns(follow_up, ticket_id)))
            raise_sequences(conn, [ticket.tracking_code])


def fts_rows(store: Store) -> list[tuple[object, ...]]:
    with store.engine.connect() as conn:
        return [tuple(r) for r in conn.exec_driver_sql(
            "SELECT rowid, tracking_code, external_refs, reporter_name, phone, address, "
            "description FROM ticket_fts ORDER BY rowid")]


def triggers(store: Store) -> dict[str, str]:
    with store.engine.connect() as conn:
        return dict(conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all())


def fts_integrity_ok(store: Store) -> bool:
    with store.engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO ticket_fts(ticket_fts) VALUES ('integrity-check')")
    return store.integrity_ok()


def second_store(path: Path, secrets: KeyringSecrets) -> tuple[Store, NikCipher]:
    other = Store.open(path)
    initialise_desk(other, secrets, kecamatan_code=KECAMATAN, desk_number=1)
    return other, nik_cipher(other, secrets)


def queries(cases: list[BulkCase]) -> list[str]:
    words: list[str] = []
    for ticket, _events, _follow_ups in cases[::7]:
        words += re.findall(r"[^\W\d_]{4,}", ticket.description)[:2]
        words.append(ticket.tracking_code)
        words.append(ticket.tracking_code.replace("-", "")[:6])
        words += [str(ref) for ref in ticket.external_refs]
        if ticket.reporter.name:
            words.append(ticket.reporter.name.split()[0][:3])
        if ticket.reporter.phone:
            words.append("0" + ticket.reporter.phone[3:9])
        words.append(ticket.location.address.split(",")[0])
    return ["ja", "sa", "jalan rus", *words]


def test_search_after_bulk_load_finds_the_same_as_after_per_row_inserts(
        store: Store, cipher: NikCipher, secrets: KeyringSecrets, tmp_path: Path) -> None:
    cases = demo_cases(400)
    assert sum(len(t.external_refs) for t, _, _ in cases) > 50  # app tickets with refs
    before = triggers(store)
    assert set(FTS_INSERT_TRIGGERS) <= set(before)
    assert bulk_insert(store, cipher, cases, batch_size=64) == 400
    other, other_cipher = second_store(tmp_path / "per-row.sqlite3", secrets)
    try:
        per_row_insert(other, other_cipher, cases)
        assert fts_rows(store) == fts_rows(other)
        checked = 0
        for typed in queries(cases):
            found = [s.uuid for s in search(store, typed, limit=200)]
            assert found == [s.uuid for s in search(other, typed, limit=200)], typed
            checked += bool(found)
        assert checked > 100
    finally:
        other.close()
    assert triggers(store) == before
    assert fts_integrity_ok(store)


def test_triggers_keep_indexing_after_a_bulk_load(store: Store, cipher: NikCipher,
                                                  intake) -> None:  # type: ignore[no-untyped-def]
    bulk_insert(store, cipher, demo_cases(50), batch_size=20)
    saved = intake(description="Kabel listrik menjuntai rendah di gang Zamrud")
    assert [s.uuid for s in search(store, "zamru")] == [saved.uuid]
    with store.engine.begin() as conn:
        conn.execute(update(TicketRow).where(TicketRow.uuid == saved.uuid)
                     .values(address="Jl. Kenari Ujung"))
    assert [s.uuid for s in search(store, "kenari uju")] == [saved.uuid]
    assert fts_integrity_ok(store)


def test_a_failing_batch_rolls_back_with_its_index_rows_and_keeps_the_triggers(
        store: Store, cipher: NikCipher) -> None:
    cases = demo_cases(30)
    before = triggers(store)
    broken = [*cases[:25], cases[3]]  # the second batch repeats a uuid: IntegrityError
    with pytest.raises(IntegrityError):
        bulk_insert(store, cipher, broken, batch_size=20)
    assert triggers(store) == before
    rows = fts_rows(store)
    assert len(rows) == 20  # the first batch only, fully indexed
    assert fts_integrity_ok(store)

    def interrupted():  # type: ignore[no-untyped-def]
        yield from cases[25:]
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        bulk_insert(store, cipher, interrupted(), batch_size=3)
    assert triggers(store) == before
    assert len(fts_rows(store)) == 20 + 3  # one full batch of 3 from cases[25:]
    assert fts_integrity_ok(store)


def test_a_crash_with_the_triggers_dropped_leaves_them_in_place(
        store: Store, cipher: NikCipher, db_path: Path) -> None:
    before = triggers(store)
    store.close()
    script = textwrap.dedent(f"""
        import os
        from posko.store.database import Store
        from posko.store.tickets import fts_triggers_suspended
        store = Store.open({str(db_path)!r}, check_integrity=False)
        with store.engine.connect() as conn:
            with fts_triggers_suspended(conn):
                conn.exec_driver_sql("DELETE FROM meta WHERE key = 'nothing'")
                n = conn.exec_driver_sql(
                    "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'").scalar()
                print(n, flush=True)
                os._exit(3)  # power cut: no commit, no rollback, no clean-up
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=60, cwd=ROOT, env=dict(os.environ))
    assert result.returncode == 3, result.stderr
    assert int(result.stdout) == len(before) - len(FTS_INSERT_TRIGGERS)
    reopened = Store.open(db_path)
    try:
        assert triggers(reopened) == before
    finally:
        reopened.close()


def test_suspending_opens_a_transaction_so_the_drop_never_commits_alone(store: Store) -> None:
    before = triggers(store)
    with store.engine.connect() as conn:
        with fts_triggers_suspended(conn):
            assert conn.connection.driver_connection.in_transaction  # type: ignore[union-attr]
        conn.rollback()
    assert triggers(store) == before


def test_a_pulled_page_is_indexed_like_one_ticket_at_a_time(
        store: Store, secrets: KeyringSecrets, tmp_path: Path) -> None:
    """apply.upsert_tickets indexes a big page in one statement (triggers suspended) and a
    small one through the triggers: same index either way, also for updates and new refs."""
    from dataclasses import replace

    from posko.store.mapping import ticket_payload
    from posko.sync.apply import BULK_FTS_MIN, upsert_tickets

    tickets = [t for t, _, _ in demo_cases(300, seed=5)][:2 * BULK_FTS_MIN + 20]
    first = [ticket_payload(t) for t in tickets]
    changed = [ticket_payload(replace(t, description=f"Diperbarui: pohon tumbang {i}"))
               for i, t in enumerate(tickets[::2])]
    for payload in changed[:10]:
        payload["external_refs"] = [*payload["external_refs"],
                                    {"source": "LAPOR", "number": f"7{len(payload['uuid'])}"
                                     f"{payload['tracking_code'][-4:]}"}]
    other, _cipher = second_store(tmp_path / "one-by-one.sqlite3", secrets)
    try:
        with store.engine.begin() as conn:
            upsert_tickets(conn, first)
        with store.engine.begin() as conn:
            upsert_tickets(conn, changed, keep_local=frozenset({changed[-1]["uuid"]}))
        for page in (first, changed):
            for payload in page:
                with other.engine.begin() as conn:
                    upsert_tickets(conn, [payload], keep_local=frozenset(
                        {changed[-1]["uuid"]}) if page is changed else frozenset())
        rows = fts_rows(store)
        assert rows == fts_rows(other)
        assert sum("Diperbarui" in str(r[6]) for r in rows) == len(changed) - 1
        assert [s.uuid for s in search(store, "diperbarui pohon", limit=500)] == [
            s.uuid for s in search(other, "diperbarui pohon", limit=500)]
    finally:
        other.close()
    assert set(FTS_INSERT_TRIGGERS) <= set(triggers(store))
    assert fts_integrity_ok(store)
