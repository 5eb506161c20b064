"""The audit log read back: filters, order, paging, the CSV export, NIK reveals, and no
personal data in any audit row after a full desk flow."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import event, select

from posko.domain.errors import DomainError
from posko.domain.models import ExternalRef, FollowUp, Reporter
from posko.domain.status import Status
from posko.store.attachments import add_attachment
from posko.store.audit_log import (
    NIK_UNMASKED,
    AuditFilter,
    export_csv,
    iter_audit,
    query_audit,
    reveal_nik,
)
from posko.store.casework import add_external_ref, add_note, change_status, record_chase
from posko.store.crypto import NikCipher
from posko.store.database import Store, audit
from posko.store.models import AuditEntry
from posko.store.officers import Role, create_officer, sign_in
from posko.store.queue import call_next, finish, take_number
from tests.conftest import SAMPLE_NAME, SAMPLE_NIK, SAMPLE_PHONE
from tests.pii_registry import registry

JAKARTA = ZoneInfo("Asia/Jakarta")
T0 = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)  # 10:00 in Jakarta


def add(store: Store, *, officer: str = "budi", action: str = "ticket.note",
        at: datetime = T0, entity_uuid: str | None = None, detail: str = "") -> None:
    with store.unit_of_work() as session:
        audit(session, officer=officer, action=action, entity="ticket", entity_uuid=entity_uuid,
              detail=detail, at=at)


def actions(page_entries: object) -> list[tuple[str, str]]:
    return [(e.officer, e.action) for e in page_entries]  # type: ignore[attr-defined]


@pytest.fixture
def fresh(store: Store) -> Store:
    """The store without the rows `initialise_desk` wrote."""
    with store.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM audit_log")
    return store


def test_newest_first_with_officer_action_and_date_filters(fresh: Store) -> None:
    add(fresh, officer="budi", action="ticket.create", at=T0)
    add(fresh, officer="sari", action="ticket.status", at=T0 + timedelta(hours=1))
    add(fresh, officer="budi", action="queue.call", at=T0 + timedelta(hours=2))
    # 23:30 UTC on the 20th is 06:30 on the 21st in Jakarta: it belongs to the 21st.
    add(fresh, officer="budi", action="ticket.note", at=datetime(2026, 11, 20, 23, 30, tzinfo=UTC))

    everything = query_audit(fresh, timezone=JAKARTA)
    assert actions(everything.entries) == [("budi", "ticket.note"), ("budi", "queue.call"),
                                           ("sari", "ticket.status"), ("budi", "ticket.create")]
    assert everything.next_cursor is None
    assert actions(query_audit(fresh, AuditFilter(officer="sari")).entries) == [
        ("sari", "ticket.status")]
    assert actions(query_audit(fresh, AuditFilter(action="ticket.")).entries) == [
        ("budi", "ticket.note"), ("sari", "ticket.status"), ("budi", "ticket.create")]
    assert actions(query_audit(fresh, AuditFilter(officer="budi", action="queue.call"))
                   .entries) == [("budi", "queue.call")]
    day_20 = AuditFilter(date_from=date(2026, 11, 20), date_to=date(2026, 11, 20))
    assert len(query_audit(fresh, day_20, timezone=JAKARTA).entries) == 3
    day_21 = AuditFilter(date_from=date(2026, 11, 21), date_to=date(2026, 11, 21))
    assert actions(query_audit(fresh, day_21, timezone=JAKARTA).entries) == [
        ("budi", "ticket.note")]
    # Read in UTC instead, the late entry falls on the 20th: the zone matters.
    assert len(query_audit(fresh, day_20, timezone=UTC).entries) == 4
    assert len(query_audit(fresh, AuditFilter(date_from=date(2026, 11, 21)),
                           timezone=JAKARTA).entries) == 1
    assert len(query_audit(fresh, AuditFilter(date_to=date(2026, 11, 19)),
                           timezone=JAKARTA).entries) == 0


def test_ticket_filter_by_code_typed_any_way_or_uuid(fresh: Store, intake) -> None:  # type: ignore[no-untyped-def]
    first = intake()
    second = intake()
    add_note(fresh, first.uuid, "dicek", officer="sari")
    add_note(fresh, second.uuid, "dicek", officer="sari")
    by_uuid = query_audit(fresh, AuditFilter(ticket=first.uuid.upper()))
    assert {e.action for e in by_uuid.entries} == {"ticket.create", "ticket.note"}
    assert {e.tracking_code for e in by_uuid.entries} == {first.tracking_code}
    typed = first.tracking_code.replace("-", " ").lower()
    assert query_audit(fresh, AuditFilter(ticket=typed)).entries == by_uuid.entries
    # A well-formed code of no ticket here matches nothing; a malformed one is an error.
    other = "00000000-0000-4000-8000-000000000000"
    assert query_audit(fresh, AuditFilter(ticket=other)).entries == ()
    with pytest.raises(DomainError) as raised:
        query_audit(fresh, AuditFilter(ticket="KDX"))
    assert raised.value.field == "ticket"


def test_pages_cover_every_row_once_even_with_equal_times(fresh: Store) -> None:
    for n in range(25):  # five rows share each instant: the id breaks the tie
        add(fresh, officer=f"o{n % 3}", at=T0 + timedelta(minutes=n // 5), detail=f"n={n}")
    seen: list[str] = []
    page = query_audit(fresh, limit=7)
    while True:
        assert len(page.entries) <= 7
        seen += [e.detail for e in page.entries]
        if page.next_cursor is None:
            break
        page = query_audit(fresh, limit=7, after=page.next_cursor)
    assert seen == [f"n={n}" for n in reversed(range(25))]
    assert [e.detail for e in iter_audit(fresh, AuditFilter(officer="o1"), batch=2)] == [
        f"n={n}" for n in reversed(range(25)) if n % 3 == 1]
    exact = query_audit(fresh, limit=25)
    assert len(exact.entries) == 25
    assert exact.next_cursor is None
    with pytest.raises(ValueError, match="limit"):
        query_audit(fresh, limit=0)


def _plans(store: Store, filters: AuditFilter) -> list[str]:
    """SQLite's plan for the page query of `filters` (its own SQL, as the store sends it)."""
    statements: list[tuple[str, object]] = []

    def keep(_conn, _cursor, statement, parameters, _context, _many):  # type: ignore[no-untyped-def]
        if "FROM audit_log" in statement:
            statements.append((statement, parameters))

    event.listen(store.engine, "before_cursor_execute", keep)
    try:
        query_audit(store, filters, limit=50)
    finally:
        event.remove(store.engine, "before_cursor_execute", keep)
    statement, parameters = statements[-1]
    with store.engine.connect() as conn:
        rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters).all()  # type: ignore[arg-type]
    return [str(row[-1]) for row in rows]


@pytest.mark.parametrize(("filters", "index"), [
    (AuditFilter(), "ix_audit_log_at"),
    (AuditFilter(officer="budi"), "ix_audit_log_officer_at"),
    (AuditFilter(action="ticket.status"), "ix_audit_log_action_at"),
    (AuditFilter(action="ticket."), "ix_audit_log_at"),  # a family: most rows match
    (AuditFilter(date_from=date(2026, 11, 20)), "ix_audit_log_at"),
    (AuditFilter(officer="o1", date_from=date(2026, 11, 20)), "ix_audit_log_officer_at"),
    (AuditFilter(ticket=f"00000000-0000-4000-8000-{7:012d}"), "ix_audit_log_entity_uuid_at"),
])
@pytest.mark.parametrize("analysed", [False, True])
def test_each_filter_reads_an_index_in_time_order(fresh: Store, filters: AuditFilter,
                                                  index: str, analysed: bool) -> None:
    """No filter makes SQLite sort (or scan) the whole log, with or without statistics."""
    for n in range(200):
        add(fresh, officer=f"o{n % 5}", action=("ticket.status", "queue.call")[n % 2],
            at=T0 + timedelta(minutes=n), entity_uuid=f"00000000-0000-4000-8000-{n % 40:012d}")
    if analysed:
        with fresh.engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
    plan = " | ".join(_plans(fresh, filters))
    assert f"audit_log USING INDEX {index}" in plan or f"USING COVERING INDEX {index}" in plan, plan
    assert "TEMP B-TREE" not in plan, plan


def read_csv(path: Path) -> tuple[bytes, list[list[str]]]:
    raw = path.read_bytes()
    return raw, list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_csv_export_streams_the_filtered_set_defused(fresh: Store, tmp_path: Path,
                                                      intake) -> None:  # type: ignore[no-untyped-def]
    ticket = intake(now=T0)
    add(fresh, officer="=HYPERLINK(\"http://x\")", action="officer.sign_in_failed",
        at=T0 + timedelta(minutes=1))
    add(fresh, officer="budi", action="ticket.note", at=T0 + timedelta(minutes=2),
        entity_uuid=ticket.uuid, detail="+1 selesai; kolom ditutup")
    target = tmp_path / "audit-export.csv"

    count = export_csv(fresh, AuditFilter(), target, officer="sekcam", timezone=JAKARTA,
                       batch=2)
    assert count == 3
    raw, rows = read_csv(target)
    assert raw.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in raw
    assert rows[0] == ["waktu", "petugas", "tindakan", "entitas", "uuid_entitas",
                       "kode_pelacakan", "keterangan"]
    assert rows[1] == ["2026-11-20 10:02:00+07:00", "budi", "ticket.note", "ticket",
                       ticket.uuid, ticket.tracking_code, "'+1 selesai; kolom ditutup"]
    assert rows[2][1] == "'=HYPERLINK(\"http://x\")"
    assert rows[3][2] == "ticket.create"
    assert not list(tmp_path.glob("*.part"))
    # The export is audited (a count, nothing else), and after it: not in its own file.
    last = query_audit(fresh, limit=1).entries[0]
    assert (last.officer, last.action, last.detail) == ("sekcam", "audit.export", "rows=3")

    only_budi = tmp_path / "budi.csv"
    assert export_csv(fresh, AuditFilter(officer="budi"), only_budi, officer="sekcam",
                      language="en") == 2
    _raw, rows = read_csv(only_budi)
    assert rows[0] == ["time", "officer", "action", "entity", "entity_uuid", "tracking_code",
                       "detail"]
    assert [r[2] for r in rows[1:]] == ["ticket.note", "ticket.create"]


def test_failed_export_leaves_no_file(fresh: Store, tmp_path: Path) -> None:
    add(fresh)
    target = tmp_path / "missing-folder" / "audit.csv"
    with pytest.raises(FileNotFoundError):
        export_csv(fresh, AuditFilter(), target, officer="sekcam")
    assert not target.exists()
    assert [e.action for e in query_audit(fresh).entries] == ["ticket.note"]


def test_reveal_nik_is_for_supervisors_and_audited_without_the_nik(
        fresh: Store, cipher: NikCipher, intake) -> None:  # type: ignore[no-untyped-def]
    ticket = intake()
    with pytest.raises(DomainError):
        reveal_nik(fresh, cipher, ticket.uuid, officer="budi", is_supervisor=False)
    assert reveal_nik(fresh, cipher, ticket.uuid, officer="sekcam",
                      is_supervisor=True) == SAMPLE_NIK
    rows = query_audit(fresh, AuditFilter(action=NIK_UNMASKED)).entries
    assert [(r.officer, r.entity_uuid, r.tracking_code, r.detail) for r in rows] == [
        ("sekcam", ticket.uuid, ticket.tracking_code, "")]
    without = intake(reporter=Reporter(name=SAMPLE_NAME, phone=SAMPLE_PHONE))
    assert reveal_nik(fresh, cipher, without.uuid, officer="sekcam", is_supervisor=True) is None
    assert len(query_audit(fresh, AuditFilter(action=NIK_UNMASKED)).entries) == 1


def test_no_personal_data_in_any_audit_row_after_a_full_flow(
        store: Store, cipher: NikCipher, intake, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    create_officer(store, username="sekcam", full_name="Dewi Lestari", pin="2468",
                   role=Role.SUPERVISOR)
    sign_in(store, "sekcam", "2468")
    today = datetime.now(JAKARTA).date()
    take_number(store, today, officer="budi")
    call_next(store, today, officer="budi")
    ticket = intake(external_refs=["QLUE 1234567"])
    finish(store, today, 1, officer="budi", ticket_uuid=ticket.uuid)
    photo = tmp_path / "foto.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + b"0" * 64)
    add_attachment(store, tmp_path / "attachments", ticket.uuid, photo, officer="budi")
    add_external_ref(store, ticket.uuid, ExternalRef.parse("JAKI 7654321"), officer="budi")
    record_chase(store, FollowUp(ticket_uuid=ticket.uuid, asked_at=datetime.now(UTC),
                                 officer="budi", requested_by=SAMPLE_NAME,
                                 promise=f"telepon {SAMPLE_PHONE}",
                                 note=f"NIK {SAMPLE_NIK}"))
    change_status(store, ticket.uuid, Status.VERIFIED, officer="sari",
                  note=f"warga {SAMPLE_NAME}, {SAMPLE_PHONE}")
    add_note(store, ticket.uuid, f"NIK {SAMPLE_NIK} telp {SAMPLE_PHONE}", officer="sari")
    reveal_nik(store, cipher, ticket.uuid, officer="sekcam", is_supervisor=True)
    export_csv(store, AuditFilter(), tmp_path / "export.csv", officer="sekcam")

    with store.unit_of_work() as session:
        entries = session.scalars(select(AuditEntry)).all()
        text = "\n".join(" ".join(str(v) for v in (e.officer, e.action, e.entity,
                                                   e.entity_uuid, e.detail))
                         for e in entries)
    assert {"ticket.create", "ticket.chase", "ticket.status", "ticket.note", "nik.unmasked",
            "attachment.add", "queue.served", "audit.export"} <= {e.action for e in entries}
    for value in (SAMPLE_NIK, SAMPLE_NAME, SAMPLE_PHONE, SAMPLE_PHONE.replace("+62", "0"),
                  SAMPLE_NIK[-8:]):
        assert value not in text
    assert registry().leaks(text) == []


def test_every_action_the_desk_writes_is_offered_in_the_filter() -> None:
    """A new audit action gets a place in AUDIT_ACTIONS (and a label in the viewer)."""
    import re

    from posko.store.audit_log import AUDIT_ACTIONS

    source_root = Path(__file__).resolve().parents[2] / "src" / "posko"
    written: set[str] = set()
    for path in source_root.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for call in re.finditer(r"\baudit\(session,(.{0,300}?)\)\n", text, re.S):
            written |= set(re.findall(r'"([a-z_]+\.[a-z_]+)"', call.group(1)))
        # Actions kept in module constants (audit(session, action=RESEND_ACTION, ...)).
        written |= set(re.findall(r'^[A-Z_]*_ACTION: ?\w* ?= "([a-z_]+\.[a-z_]+)"', text, re.M))
        written |= set(re.findall(r'^[A-Z_]*_ACTION = "([a-z_]+\.[a-z_]+)"', text, re.M))
    assert {"ticket.create", "queue.served", "queue.left", "officer.sign_in", "sync.resend",
            "data_request.erase"} <= written
    assert written <= set(AUDIT_ACTIONS)
