"""Citizen data requests (UU PDP art. 32): finding everything about one person, the export
(JSON + PDF read back), and erasure down to the raw bytes of the SQLite files."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pypdf
import pytest
from sqlalchemy import select

from posko.domain.errors import DomainError
from posko.domain.models import FollowUp, Reporter
from posko.domain.phone import normalize_phone
from posko.domain.status import Status
from posko.store import data_request as dr
from posko.store.casework import add_note, change_status, record_chase
from posko.store.crypto import NikCipher
from posko.store.database import Store
from posko.store.drafts import DraftBox
from posko.store.models import AuditEntry, OutboxRow, SyncConflict, TicketRow
from posko.store.search import search
from tests.conftest import SAMPLE_NAME, SAMPLE_NIK, SAMPLE_PHONE

T0 = datetime(2026, 11, 28, 2, 0, tzinfo=UTC)
OTHER_NAME = "Rahmawati Kusumaningrum"
OTHER_PHONE = "+6285711223344"
NAMESAKE_PLUS = "Siti Aminah Rahma"
NIK_TWO = "3171015708450003"


def ack_outbox(store: Store) -> None:
    """What the sync engine does when the server accepted every waiting change."""
    with store.unit_of_work() as session:
        session.query(OutboxRow).delete()


def close(store: Store, ticket_uuid: str, at: datetime) -> None:
    change_status(store, ticket_uuid, Status.REJECTED, officer="sekcam", is_supervisor=True,
                  note="di luar wewenang kecamatan", now=at)


@pytest.fixture
def people(store: Store, cipher: NikCipher, intake: Any) -> dict[str, Any]:
    """The person (Siti Aminah) on four tickets in several spellings, one follow-up she
    asked on someone else's ticket, and other people who must never be found."""
    mine = [
        intake(now=T0),  # name + phone + NIK
        intake(now=T0 + timedelta(minutes=1),
               reporter=Reporter(name="IBU SITI  AMINAH",
                                 phone=normalize_phone("0812-3456-7890"))),
        intake(now=T0 + timedelta(minutes=2), reporter=Reporter(name="siti aminah")),
        intake(now=T0 + timedelta(minutes=3), reporter=Reporter(name="Siti Aminah",
                                                                nik=SAMPLE_NIK)),
    ]
    others = [
        intake(now=T0 + timedelta(minutes=4),
               reporter=Reporter(name=OTHER_NAME, phone=OTHER_PHONE, nik=NIK_TWO)),
        intake(now=T0 + timedelta(minutes=5), reporter=Reporter(name=NAMESAKE_PLUS)),
    ]
    asked = FollowUp(ticket_uuid=others[0].uuid, asked_at=T0 + timedelta(minutes=6),
                     officer="budi", requested_by="Bu Siti Aminah", promise="dicek minggu ini")
    record_chase(store, asked)
    not_her = FollowUp(ticket_uuid=others[1].uuid, asked_at=T0 + timedelta(minutes=7),
                       officer="budi", requested_by=NAMESAKE_PLUS)
    record_chase(store, not_her)
    return {"mine": mine, "others": others, "asked": asked, "not_her": not_her}


def uuids(findings: dr.PersonFindings) -> set[str]:
    return {t.uuid for t in findings.tickets}


# --------------------------------------------------------------------------- finding


def test_find_by_nik_phone_and_name(store: Store, cipher: NikCipher,
                                    people: dict[str, Any]) -> None:
    mine = [t.uuid for t in people["mine"]]
    other = people["others"][0].uuid
    by_nik = dr.find_person(store, cipher, dr.person_query(nik=SAMPLE_NIK))
    # The NIK tickets, plus the follow-up she asked (matched by the name on her tickets).
    assert uuids(by_nik) == {mine[0], mine[3], other}
    assert next(t for t in by_nik.tickets if t.uuid == other).matched_by == ("name",)
    by_phone = dr.find_person(store, cipher, dr.person_query(phone="+62 812 3456 7890"))
    assert {mine[0], mine[1]} <= uuids(by_phone)
    assert {t.uuid for t in by_phone.reporter_tickets} == {mine[0], mine[1]}
    by_name = dr.find_person(store, cipher, dr.person_query(name="Siti Aminah"))
    assert {t.uuid for t in by_name.reporter_tickets} == set(mine)
    assert uuids(by_name) == set(mine) | {other}
    asked = next(t for t in by_name.tickets if t.uuid == other)
    assert not asked.as_reporter
    assert asked.follow_up_uuids == (people["asked"].uuid,)
    # Nobody else: not the longer namesake, not her ticket, not the follow-up she did not ask.
    assert people["others"][1].uuid not in uuids(by_name)


def test_name_matching_is_exact_after_normalisation() -> None:
    assert dr.normalise_name("Ibu Hj. Sîti  AMINAH,") == "siti aminah"
    assert dr.normalise_name("Siti Aminah Rahma") != dr.normalise_name("Siti Aminah")
    assert dr.normalise_name("Mbah") == "mbah"  # an honorific alone stays a name


def test_query_errors_are_bilingual_and_never_quote_the_input() -> None:
    with pytest.raises(DomainError) as empty:
        dr.person_query()
    assert empty.value.message_en
    assert empty.value.message_id
    with pytest.raises(DomainError) as bad:
        dr.person_query(phone="0812-34")
    assert "0812" not in str(bad.value)
    with pytest.raises(DomainError):
        dr.person_query(nik="1234")
    with pytest.raises(DomainError):
        dr.person_query(name=" ... ")


# --------------------------------------------------------------------------- export


EXPORT_KEYS = {"format", "version", "generated_at", "generated_by", "kecamatan_code",
               "desk_number", "timezone", "request", "subject", "tickets", "audit",
               "retention_days", "counts"}
TICKET_KEYS = {"uuid", "tracking_code", "role", "matched_by", "origin", "category", "status",
               "created_at", "updated_at", "closed_at", "follow_ups", "erasure"}
REPORTER_KEYS = TICKET_KEYS | {"location", "description", "external_refs",
                               "needs_field_check", "reporter", "events", "notes",
                               "attachments"}


def test_export_is_complete(store: Store, cipher: NikCipher, people: dict[str, Any],
                            tmp_path: Path) -> None:
    mine = people["mine"]
    add_note(store, mine[0].uuid, "Warga datang lagi", officer="budi", now=T0 + timedelta(hours=1))
    query = dr.person_query(nik=SAMPLE_NIK, phone=SAMPLE_PHONE, name=SAMPLE_NAME)
    findings = dr.find_person(store, cipher, query)
    ticket_uuids = uuids(findings)
    requester = people["others"][0].uuid
    with store.unit_of_work() as session:
        expected_audit = {
            e.id for e in session.scalars(select(AuditEntry).where(
                AuditEntry.entity_uuid.in_(ticket_uuids)))
            if e.entity_uuid != requester or e.action == "ticket.chase"}
    json_path, pdf_path = dr.write_export(
        store, cipher, findings, tmp_path / "export", officer="sekcam", is_supervisor=True,
        now=T0 + timedelta(days=1))
    data = json.loads(json_path.read_text(encoding="utf-8"))

    assert set(data) == EXPORT_KEYS
    assert (data["format"], data["version"]) == ("posko.data_export", 1)
    assert {t["uuid"] for t in data["tickets"]} == ticket_uuids
    assert len(data["tickets"]) == 5
    for ticket in data["tickets"]:
        assert set(ticket) == (REPORTER_KEYS if ticket["role"] == "reporter" else TICKET_KEYS)
    reporter = {t["uuid"]: t for t in data["tickets"] if t["role"] == "reporter"}
    assert set(reporter) == {t.uuid for t in mine}
    assert reporter[mine[0].uuid]["reporter"]["nik"] == SAMPLE_NIK  # her own data, in full
    assert reporter[mine[0].uuid]["notes"][0]["text"] == "Warga datang lagi"
    assert reporter[mine[0].uuid]["events"][0]["status"] == "received"
    asked = next(t for t in data["tickets"] if t["role"] == "requester")
    assert [f["uuid"] for f in asked["follow_ups"]] == [people["asked"].uuid]
    assert asked["follow_ups"][0]["requested_by"] == "Bu Siti Aminah"
    # Every audit row about those tickets (the processing history), nothing else.
    assert {a["id"] for a in data["audit"]} == expected_audit
    assert data["counts"] == {"tickets": 5, "as_reporter": 4, "follow_ups": 1,
                              "audit_rows": len(expected_audit)}
    assert data["subject"]["niks"] == [SAMPLE_NIK]
    assert SAMPLE_PHONE in data["subject"]["phones"]
    # Nobody else's data: the other reporter's name, phone, NIK are absent.
    raw = json_path.read_text(encoding="utf-8")
    for foreign in (OTHER_NAME, OTHER_PHONE, NIK_TWO, NAMESAKE_PLUS):
        assert foreign not in raw

    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(
        pdf_path.read_bytes())).pages)
    flat = " ".join(text.split())
    for ticket in data["tickets"]:
        assert ticket["tracking_code"] in flat
    assert SAMPLE_NIK in flat
    assert SAMPLE_NAME in flat
    assert "Riwayat pemrosesan" in flat
    assert "DATA PRIBADI YANG KAMI SIMPAN" in flat
    assert "ticket.chase" in flat
    assert "Halaman 1 dari" in flat
    assert OTHER_NAME not in flat


def test_export_is_audited_without_personal_data(store: Store, cipher: NikCipher,
                                                 people: dict[str, Any]) -> None:
    findings = dr.find_person(store, cipher, dr.person_query(nik=SAMPLE_NIK))
    data = dr.build_export(store, cipher, findings, officer="sekcam", is_supervisor=True)
    with store.unit_of_work() as session:
        rows = list(session.scalars(select(AuditEntry).where(
            AuditEntry.action == dr.EXPORT_ACTION)))
    per_ticket = {r.entity_uuid for r in rows if r.entity == "ticket"}
    assert per_ticket == uuids(findings)
    summary = [r for r in rows if r.entity == "data_request"]
    assert len(summary) == 1
    assert summary[0].entity_uuid == data["request"]["uuid"]
    for row in rows:
        assert row.officer == "sekcam"
        for secret in (SAMPLE_NIK, SAMPLE_PHONE, SAMPLE_NAME, "Siti", "3456"):
            assert secret not in row.detail


def test_only_supervisors(store: Store, cipher: NikCipher, people: dict[str, Any]) -> None:
    findings = dr.find_person(store, cipher, dr.person_query(nik=SAMPLE_NIK))
    with pytest.raises(DomainError):
        dr.build_export(store, cipher, findings, officer="budi", is_supervisor=False)
    with pytest.raises(DomainError):
        dr.request_erasure(store, cipher, findings, officer="budi", is_supervisor=False)
    with pytest.raises(DomainError):
        dr.set_retention_days(store, 5, officer="budi", is_supervisor=False)


# --------------------------------------------------------------------------- retention


def test_retention_setting(store: Store) -> None:
    assert dr.retention_days(store) == dr.DEFAULT_RETENTION_DAYS
    dr.set_retention_days(store, 30, officer="sekcam", is_supervisor=True)
    assert dr.retention_days(store) == 30
    with pytest.raises(DomainError):
        dr.set_retention_days(store, -1, officer="sekcam", is_supervisor=True)
    with store.unit_of_work() as session:
        row = session.scalars(select(AuditEntry).where(
            AuditEntry.action == dr.RETENTION_ACTION)).one()
    assert row.detail == f"days={dr.DEFAULT_RETENTION_DAYS}->30"


# --------------------------------------------------------------------------- erasure


def _raw_files(db_path: Path) -> bytes:
    data = db_path.read_bytes()
    wal = db_path.with_name(db_path.name + "-wal")
    if wal.exists():
        data += wal.read_bytes()
    return data


def _needles(cipher_blobs: list[bytes]) -> dict[str, bytes]:
    needles = {
        "name": SAMPLE_NAME.encode(), "name_lower": SAMPLE_NAME.lower().encode(),
        "name_upper": SAMPLE_NAME.upper().encode(), "surname": b"Aminah",
        "e164": SAMPLE_PHONE.encode(),
        "e164_digits": SAMPLE_PHONE[1:].encode(), "national": b"081234567890",
        "national_grouped": b"0812-3456-7890", "nik": SAMPLE_NIK.encode(),
    }
    for index, blob in enumerate(cipher_blobs):
        needles[f"nik_ciphertext_{index}"] = blob[13:]
    return needles


def test_erasure_leaves_no_name_phone_or_nik_in_the_files(
        store: Store, cipher: NikCipher, people: dict[str, Any], db_path: Path,
        tmp_path: Path) -> None:
    mine = people["mine"]
    add_note(store, mine[0].uuid, f"Bu Siti Aminah minta dihubungi di 0812 3456 7890 (NIK "
             f"{SAMPLE_NIK})",
             officer="budi", now=T0 + timedelta(minutes=30))
    for ticket in [*mine, people["others"][0]]:
        close(store, ticket.uuid, T0 + timedelta(hours=1))
    ack_outbox(store)
    with store.unit_of_work() as session:
        blobs = [b for b in session.scalars(select(TicketRow.reporter_nik_enc).where(
            TicketRow.reporter_nik_hash == cipher.lookup_hash(SAMPLE_NIK))) if b]
        # A conflict the server once answered, holding both versions of her ticket.
        session.add(SyncConflict(
            ticket_uuid=mine[0].uuid, outbox_uuid="c0ffee00-0000-4000-8000-000000000001",
            kind="status.changed", code="invalid_transition", field="status",
            local_payload=json.dumps({"ticket_uuid": mine[0].uuid, "note": SAMPLE_NAME}),
            server_version=json.dumps({"uuid": mine[0].uuid, "reporter": {
                "kind": "named", "name": SAMPLE_NAME, "phone": SAMPLE_PHONE,
                "has_nik": True, "contact": "phone"}}),
            created_at=T0))
    assert len(blobs) == 2
    drafts = DraftBox(tmp_path / "drafts", b"k" * 32)
    drafts.save("intake", {"name": "siti AMINAH", "phone": "", "nik": ""})
    drafts.save("assisted", {"name": OTHER_NAME, "phone": "", "nik": ""})
    dr.set_retention_days(store, 0, officer="sekcam", is_supervisor=True)
    assert search(store, "aminah")
    before = _raw_files(db_path)
    needles = _needles(blobs)
    assert [key for key, needle in needles.items() if needle not in before] == [
        "name_upper", "national_grouped"], "the test data is there"

    findings = dr.find_person(store, cipher, dr.person_query(
        nik=SAMPLE_NIK, phone=SAMPLE_PHONE, name=SAMPLE_NAME))
    outcome = dr.request_erasure(store, cipher, findings, officer="sekcam", is_supervisor=True,
                                 now=T0 + timedelta(hours=2), drafts=drafts)
    assert sorted(outcome.erased) == sorted(t.tracking_code for t in findings.tickets)
    assert outcome.waiting == ()
    assert outcome.wal_emptied
    assert outcome.drafts_discarded == 1
    assert drafts.load("intake") is None
    assert drafts.load("assisted") is not None

    assert search(store, "aminah") == [] or all(
        r.uuid == people["others"][1].uuid for r in search(store, "aminah"))
    assert dr.find_person(store, cipher, dr.person_query(nik=SAMPLE_NIK)).tickets == ()
    assert dr.find_person(store, cipher, dr.person_query(phone=SAMPLE_PHONE)).tickets == ()
    with store.engine.connect() as conn:  # VACUUM left no free page with old bytes in it
        assert conn.exec_driver_sql("PRAGMA freelist_count").scalar() == 0
    wal = db_path.with_name(db_path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0  # checkpoint TRUNCATE emptied it
    store.close()
    raw = _raw_files(db_path)
    # The namesake "Siti Aminah Rahma" (someone else) legitimately stays, and so do the
    # search tokens "siti" / "aminah" of that name; the phone's tokens must be gone.
    raw = raw.replace(NAMESAKE_PLUS.encode(), b"").replace(NAMESAKE_PLUS.lower().encode(), b"")
    left = [key for key, needle in needles.items() if needle in raw]
    assert left == [], f"still in the SQLite files: {left}"


def test_erasure_waits_for_retention_and_open_tickets(
        store: Store, cipher: NikCipher, people: dict[str, Any]) -> None:
    mine = people["mine"]
    closed_at = T0 + timedelta(hours=1)
    for ticket in mine[:3]:
        close(store, ticket.uuid, closed_at)
    ack_outbox(store)
    dr.set_retention_days(store, 30, officer="sekcam", is_supervisor=True)
    findings = dr.find_person(store, cipher, dr.person_query(name=SAMPLE_NAME))
    outcome = dr.request_erasure(store, cipher, findings, officer="sekcam", is_supervisor=True,
                                 now=closed_at + timedelta(days=1))
    assert outcome.erased == ()
    reasons = {c.ticket_uuid: c.reason for c in outcome.waiting}
    assert reasons[mine[0].uuid] == "retention"
    assert reasons[mine[3].uuid] == "open"
    allowed_from = {c.ticket_uuid: c.allowed_from for c in outcome.waiting}
    assert allowed_from[mine[0].uuid] == closed_at + timedelta(days=30)
    assert dr.pending_requests(store)[0].uuid == outcome.request_uuid

    assert dr.run_pending_erasures(store, cipher, now=closed_at + timedelta(days=29)) == 0
    assert dr.run_pending_erasures(store, cipher, now=closed_at + timedelta(days=30)) == 3
    with store.unit_of_work() as session:
        names = dict(session.execute(select(TicketRow.uuid, TicketRow.reporter_name)).all())
    assert [names[t.uuid] for t in mine] == [None, None, None, "Siti Aminah"]
    # The open ticket waits until it is closed and its retention has passed too.
    close(store, mine[3].uuid, closed_at + timedelta(days=31))
    ack_outbox(store)
    assert dr.run_pending_erasures(store, cipher, now=closed_at + timedelta(days=60)) == 0
    assert dr.run_pending_erasures(store, cipher, now=closed_at + timedelta(days=62)) == 1
    # Her follow-up on someone else's ticket waits for that ticket too.
    assert dr.pending_requests(store)[0].waiting == (people["others"][0].tracking_code,)
    close(store, people["others"][0].uuid, closed_at + timedelta(days=62))
    ack_outbox(store)
    assert dr.run_pending_erasures(store, cipher, now=closed_at + timedelta(days=92)) == 1
    assert dr.pending_requests(store) == []


def test_unsent_outbox_rows_are_never_deleted(store: Store, cipher: NikCipher,
                                              people: dict[str, Any]) -> None:
    mine = people["mine"][0]
    close(store, mine.uuid, T0 + timedelta(hours=1))
    dr.set_retention_days(store, 0, officer="sekcam", is_supervisor=True)
    with store.unit_of_work() as session:
        before = {(r.uuid, r.payload) for r in session.scalars(select(OutboxRow))}
    findings = dr.find_person(store, cipher, dr.person_query(nik=SAMPLE_NIK))
    outcome = dr.request_erasure(store, cipher, findings, officer="sekcam", is_supervisor=True,
                                 now=T0 + timedelta(days=1))
    waiting = {c.ticket_uuid: c for c in outcome.waiting}
    assert waiting[mine.uuid].reason == "unsent"
    assert waiting[mine.uuid].unsent >= 2
    assert outcome.erased == ()
    with store.unit_of_work() as session:
        after = {(r.uuid, r.payload) for r in session.scalars(select(OutboxRow))}
    assert after == before  # not one unsent row deleted or rewritten

    ack_outbox(store)  # the server took them
    assert dr.run_pending_erasures(store, cipher, now=T0 + timedelta(days=2)) == 1
    with store.unit_of_work() as session:
        rows = list(session.scalars(select(OutboxRow)))
    assert [r.kind for r in rows] == ["reporter.erased"]
    payload = json.loads(rows[0].payload)
    assert payload["ticket_uuid"] == mine.uuid
    assert payload["reporter"] is True
    assert SAMPLE_NAME not in rows[0].payload
    assert "8123" not in rows[0].payload


def test_erasure_is_audited(store: Store, cipher: NikCipher, people: dict[str, Any]) -> None:
    mine = people["mine"]
    close(store, mine[0].uuid, T0)
    ack_outbox(store)
    dr.set_retention_days(store, 0, officer="sekcam", is_supervisor=True)
    findings = dr.find_person(store, cipher, dr.person_query(nik=SAMPLE_NIK))
    outcome = dr.request_erasure(store, cipher, findings, officer="sekcam", is_supervisor=True,
                                 now=T0 + timedelta(hours=1))
    ack_outbox(store)
    close(store, mine[3].uuid, T0 + timedelta(hours=2))
    ack_outbox(store)
    dr.run_pending_erasures(store, cipher, now=T0 + timedelta(hours=3))
    with store.unit_of_work() as session:
        rows = list(session.scalars(select(AuditEntry).where(
            AuditEntry.action.in_((dr.ERASE_REQUEST_ACTION, dr.ERASE_ACTION)))
            .order_by(AuditEntry.id)))
    # The follow-up she asked on someone else's open ticket waits (that ticket is open).
    assert [(r.action, r.entity_uuid) for r in rows] == [
        (dr.ERASE_REQUEST_ACTION, outcome.request_uuid),
        (dr.ERASE_ACTION, mine[0].uuid), (dr.ERASE_ACTION, mine[3].uuid)]
    assert rows[0].action == dr.ERASE_REQUEST_ACTION
    assert rows[-1].officer == "system"  # the later, automatic execution
    for row in rows:
        for secret in (SAMPLE_NIK, SAMPLE_PHONE, SAMPLE_NAME, "Aminah", "8123"):
            assert secret not in row.detail


def test_a_pulled_copy_cannot_bring_the_name_back(store: Store, cipher: NikCipher,
                                                  people: dict[str, Any]) -> None:
    from posko.sync import apply

    mine = people["mine"][0]
    close(store, mine.uuid, T0)
    ack_outbox(store)
    dr.set_retention_days(store, 0, officer="sekcam", is_supervisor=True)
    findings = dr.find_person(store, cipher, dr.person_query(nik=SAMPLE_NIK))
    dr.request_erasure(store, cipher, findings, officer="sekcam", is_supervisor=True,
                       now=T0 + timedelta(hours=1))
    ack_outbox(store)  # (as if the server had not applied it yet)
    server_copy = {
        "uuid": mine.uuid, "tracking_code": mine.tracking_code, "origin": "desk",
        "category": "sampah", "kelurahan_code": "31.75.04.1005", "description": "Sampah",
        "reporter": {"kind": "named", "name": SAMPLE_NAME, "phone": SAMPLE_PHONE,
                     "has_nik": True, "contact": "phone"},
        "consent": True, "status": "rejected", "created_at": T0.isoformat(),
        "updated_at": T0.isoformat()}
    with store.unit_of_work() as session:
        apply.upsert_tickets(session.connection(), [server_copy])
    assert dr.run_pending_erasures(store, cipher, now=T0 + timedelta(hours=2)) == 1
    with store.unit_of_work() as session:
        row = session.scalars(select(TicketRow).where(TicketRow.uuid == mine.uuid)).one()
    assert (row.reporter_name, row.reporter_phone, row.reporter_kind) == (None, None,
                                                                           "anonymous")


def test_backups_are_erased_too_and_keep_waiting_requests(
        store: Store, cipher: NikCipher, people: dict[str, Any], db_path: Path,
        tmp_path: Path) -> None:
    from posko.store.backup import backup_database, backup_is_sound, restore_backup

    mine = people["mine"]
    for ticket in [*mine[:3], people["others"][0]]:
        close(store, ticket.uuid, T0)
    ack_outbox(store)
    backup_dir = tmp_path / "backups"
    with store.unit_of_work() as session:  # a change sent before the backup was taken
        session.add(OutboxRow(uuid="0e0e0e0e-0000-4000-8000-000000000001", created_at=T0,
                              kind="note.added", entity_uuid=mine[0].uuid,
                              payload=json.dumps({"ticket_uuid": mine[0].uuid,
                                                  "text": f"{SAMPLE_NAME} {SAMPLE_PHONE}"}),
                              attempts=0, parked=False))
    old = backup_database(db_path, backup_dir, now=T0)
    ack_outbox(store)  # ...and acknowledged by the server afterwards
    assert SAMPLE_PHONE.encode() in old.read_bytes()
    dr.set_retention_days(store, 0, officer="sekcam", is_supervisor=True)
    findings = dr.find_person(store, cipher, dr.person_query(
        nik=SAMPLE_NIK, phone=SAMPLE_PHONE, name=SAMPLE_NAME))
    outcome = dr.request_erasure(store, cipher, findings, officer="sekcam", is_supervisor=True,
                                 now=T0 + timedelta(hours=1), backup_dir=backup_dir)
    assert [c.ticket_uuid for c in outcome.waiting] == [mine[3].uuid]  # still open
    assert outcome.copies_changed == 1
    raw = old.read_bytes()
    for needle in (SAMPLE_PHONE.encode(), b"081234567890", SAMPLE_NIK.encode()):
        assert needle not in raw
    assert backup_is_sound(old)
    # Nothing left to do the second time (a read-only look per copy).
    assert dr.erase_in_copies(store, cipher, backup_dir) == (0, 0)

    # Restoring that backup keeps the waiting part of the request and the erased ticket.
    store.close()
    restore_backup(old, db_path)
    restored = Store.open(db_path)
    try:
        assert [r.waiting for r in dr.pending_requests(restored)] == [(mine[3].tracking_code,)]
        with restored.unit_of_work() as session:
            row = session.scalars(select(TicketRow).where(TicketRow.uuid == mine[0].uuid)).one()
            kinds = session.scalars(select(OutboxRow.kind)).all()
        assert (row.reporter_name, row.reporter_nik_enc) == (None, None)
        assert "note.added" not in kinds  # the sent change holding her name is not resent
    finally:
        restored.close()


def test_asked_twice_is_erased_once(store: Store, cipher: NikCipher,
                                    people: dict[str, Any]) -> None:
    mine = people["mine"][0]
    findings = dr.find_person(store, cipher, dr.person_query(nik=SAMPLE_NIK)).only([mine.uuid])
    assert [t.uuid for t in findings.tickets] == [mine.uuid]
    for minutes in (1, 2):  # the ticket is open: both requests wait
        dr.request_erasure(store, cipher, findings, officer="sekcam", is_supervisor=True,
                           now=T0 + timedelta(minutes=minutes))
    close(store, mine.uuid, T0 + timedelta(hours=1))
    ack_outbox(store)
    dr.set_retention_days(store, 0, officer="sekcam", is_supervisor=True)
    assert dr.run_pending_erasures(store, cipher, now=T0 + timedelta(hours=2)) == 1
    assert dr.pending_requests(store) == []
    with store.unit_of_work() as session:
        kinds = session.scalars(select(OutboxRow.kind)).all()
        erased = session.scalars(select(AuditEntry.entity_uuid).where(
            AuditEntry.action == dr.ERASE_ACTION)).all()
    assert kinds == ["reporter.erased"]
    assert erased == [mine.uuid]


def test_names_beyond_ascii_are_found(store: Store, cipher: NikCipher, intake: Any) -> None:
    exotic = intake(reporter=Reporter(name="Ñoño Łukasz Ğül Đặng Thị"))
    intake(reporter=Reporter(name=OTHER_NAME))
    found = dr.find_person(store, cipher, dr.person_query(name="ñoño łukasz ğül đặng thị"))
    assert [t.uuid for t in found.tickets] == [exotic.uuid]
    folded = intake(reporter=Reporter(name="Gustav Straß"))
    found = dr.find_person(store, cipher, dr.person_query(name="Gustav Straß"))
    assert [t.uuid for t in found.tickets] == [folded.uuid]


def test_a_ticket_deleted_by_the_server_ends_its_wait(store: Store, cipher: NikCipher,
                                                      people: dict[str, Any]) -> None:
    mine = people["mine"][3]  # open: waits
    findings = dr.find_person(store, cipher, dr.person_query(nik=SAMPLE_NIK)).only([mine.uuid])
    dr.request_erasure(store, cipher, findings, officer="sekcam", is_supervisor=True, now=T0)
    with store.unit_of_work() as session:  # a tombstone from the server (an admin's erasure)
        session.query(OutboxRow).delete()
        session.delete(session.scalars(select(TicketRow).where(
            TicketRow.uuid == mine.uuid)).one())
    assert dr.run_pending_erasures(store, cipher, now=T0 + timedelta(hours=1)) == 0
    assert dr.pending_requests(store) == []


def test_pending_runs_look_past_waiting_targets_and_keep_their_limit(
        store: Store, cipher: NikCipher, people: dict[str, Any],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Targets still inside their retention period must not hold back later ones that may
    go now, and one run erases at most `limit` tickets."""
    from posko.store.data_request import erasure

    monkeypatch.setattr(erasure, "_WAITING_PAGE", 1)
    mine = people["mine"]
    closed_at = T0 + timedelta(hours=1)
    for ticket in mine[:3]:
        close(store, ticket.uuid, closed_at)
    ack_outbox(store)
    dr.set_retention_days(store, 30, officer="sekcam", is_supervisor=True)
    # The open ticket is asked about first, so its target is first in line and waits.
    first = dr.find_person(store, cipher, dr.person_query(nik=SAMPLE_NIK)).only([mine[3].uuid])
    dr.request_erasure(store, cipher, first, officer="sekcam", is_supervisor=True,
                       now=closed_at)
    rest = dr.find_person(store, cipher, dr.person_query(name=SAMPLE_NAME)).only(
        [t.uuid for t in mine[:3]])
    dr.request_erasure(store, cipher, rest, officer="sekcam", is_supervisor=True,
                       now=closed_at + timedelta(days=1))
    later = closed_at + timedelta(days=30)
    assert dr.run_pending_erasures(store, cipher, now=later, limit=2) == 2
    assert dr.run_pending_erasures(store, cipher, now=later, limit=2) == 1
    assert dr.run_pending_erasures(store, cipher, now=later, limit=2) == 0
    assert [p.waiting for p in dr.pending_requests(store)] == [(mine[3].tracking_code,)]
