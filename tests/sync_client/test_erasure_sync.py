"""An erasure (UU PDP art. 32) reaches the real server: its copy is anonymised, a desk that
pulled the person's tickets before gets the anonymised version, and a fresh desk pulling the
whole feed never sees the name, phone or NIK."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from posko_central import models as cm
from sqlalchemy import select

from posko.domain.models import FollowUp, Reporter
from posko.domain.status import Status
from posko.secrets import KeyringSecrets
from posko.store import data_request as dr
from posko.store.casework import add_note, change_status, record_chase
from posko.store.crypto import NikCipher
from posko.store.database import Store
from posko.store.desk import initialise_desk
from posko.store.models import FollowUpRow, OutboxRow, TicketRow
from posko.sync import SyncEngine, enrol
from tests.conftest import SAMPLE_NAME, SAMPLE_NIK, SAMPLE_PHONE
from tests.sync_client.conftest import Central

OTHER_NAME = "Rahmawati Kusumaningrum"


def engine_for(store: Store, secrets: KeyringSecrets) -> SyncEngine:
    return SyncEngine(store, secrets, sleep=lambda _s: None)


def other_desk(tmp_path: Path, name: str, secrets: KeyringSecrets, central: Central,
               desk: int) -> Store:
    store = Store.open(tmp_path / name)
    initialise_desk(store, secrets, kecamatan_code="31.75.04", desk_number=desk)
    enrol(store, secrets, central.url, central.add_device(desk=desk))
    return store


def identity_rows(store: Store) -> list[Any]:
    with store.unit_of_work() as session:
        tickets = session.execute(select(TicketRow.reporter_name, TicketRow.reporter_phone)
                                  .where(TicketRow.reporter_name.is_not(None)
                                         | TicketRow.reporter_phone.is_not(None))).all()
        asked = session.scalars(select(FollowUpRow.requested_by)
                                .where(FollowUpRow.requested_by != "")).all()
    return [*tickets, *asked]


def test_erasure_is_applied_by_the_server_and_never_pulled_back(
        enrolled: Store, central: Central, intake: Any, cipher: NikCipher,
        secrets: KeyringSecrets, tmp_path: Path) -> None:
    engine = engine_for(enrolled, secrets)
    now = datetime.now(UTC)
    mine = [intake(), intake(reporter=Reporter(name=SAMPLE_NAME, phone=SAMPLE_PHONE))]
    other = intake(reporter=Reporter(name=OTHER_NAME))
    add_note(enrolled, mine[0].uuid, "Siti Aminah minta kabar lewat 0812 3456 7890",
             officer="budi")
    asked = FollowUp(ticket_uuid=other.uuid, asked_at=now, officer="budi",
                     requested_by="Ibu Siti Aminah", promise="Dikabari Senin")
    record_chase(enrolled, asked)
    for ticket in [*mine, other]:
        change_status(enrolled, ticket.uuid, Status.REJECTED, officer="sekcam",
                      is_supervisor=True, note="bukan wewenang kecamatan", now=now)
    assert engine.run_once().error is None
    with central.db.read() as session:
        assert session.scalar(select(cm.TicketRow.reporter_name)
                              .where(cm.TicketRow.uuid == mine[0].uuid)) == SAMPLE_NAME
    # Another desk of the kecamatan pulled her tickets before the erasure.
    before = other_desk(tmp_path, "desk2.sqlite3", secrets, central, desk=2)
    assert engine_for(before, secrets).run_once().error is None
    assert (SAMPLE_NAME, SAMPLE_PHONE) in identity_rows(before)

    dr.set_retention_days(enrolled, 0, officer="sekcam", is_supervisor=True)
    findings = dr.find_person(enrolled, cipher, dr.person_query(nik=SAMPLE_NIK,
                                                                name=SAMPLE_NAME))
    assert {t.uuid for t in findings.tickets} == {mine[0].uuid, mine[1].uuid, other.uuid}
    outcome = dr.request_erasure(enrolled, cipher, findings, officer="sekcam",
                                 is_supervisor=True, now=now + timedelta(minutes=1))
    assert len(outcome.erased) == 3
    with enrolled.unit_of_work() as session:
        kinds = session.scalars(select(OutboxRow.kind)).all()
    assert sorted(kinds) == ["reporter.erased"] * 3
    report = engine.run_once()
    assert (report.error, report.pushed, report.parked) == (None, 3, 0)

    with central.db.read() as session:
        rows = session.scalars(select(cm.TicketRow).where(
            cm.TicketRow.uuid.in_([t.uuid for t in mine]))).all()
        for row in rows:
            assert (row.reporter_name, row.reporter_phone, row.reporter_has_nik,
                    row.reporter_kind, row.contact_preference) == (
                None, None, False, "anonymous", "none")
        kept = session.scalar(select(cm.TicketRow).where(cm.TicketRow.uuid == other.uuid))
        assert kept is not None
        assert kept.reporter_name == OTHER_NAME
        follow_up = session.scalar(select(cm.FollowUpRow).where(
            cm.FollowUpRow.uuid == asked.uuid))
        assert follow_up is not None
        assert follow_up.requested_by == ""
        notes = session.scalars(select(cm.NoteRow.text)).all()
        assert notes == ["[dihapus] minta kabar lewat [dihapus]"]
        audited = session.scalars(select(cm.AuditRow).where(
            cm.AuditRow.action == "reporter.erase")).all()
        assert sorted(a.entity_uuid for a in audited) == sorted(
            [mine[0].uuid, mine[1].uuid, other.uuid])
        assert all("Siti" not in a.detail and "8123" not in a.detail for a in audited)

    # The desk that had pulled her tickets gets the anonymised versions on its next pull.
    assert engine_for(before, secrets).run_once().error is None
    assert identity_rows(before) == [(OTHER_NAME, None)]
    # The desk that erased: the pull (its own erasure coming back) changes nothing.
    assert identity_rows(enrolled) == [(OTHER_NAME, None)]
    # A desk pulling the whole feed from scratch never sees her identity.
    fresh = other_desk(tmp_path, "desk3.sqlite3", secrets, central, desk=3)
    assert engine_for(fresh, secrets).run_once().error is None
    assert identity_rows(fresh) == [(OTHER_NAME, None)]
    before.close()
    fresh.close()
    raw = (tmp_path / "desk3.sqlite3").read_bytes()
    for needle in (SAMPLE_NAME.encode(), SAMPLE_PHONE.encode(), b"081234567890",
                   b"6281234567890", b"Aminah"):
        assert needle not in raw


def test_an_erasure_sent_again_or_for_another_kecamatan_changes_nothing(
        enrolled: Store, central: Central, intake: Any, cipher: NikCipher,
        secrets: KeyringSecrets) -> None:
    from tests.sync_client.conftest import enrol_device

    engine = engine_for(enrolled, secrets)
    ticket = intake()
    assert engine.run_once().error is None
    stranger = enrol_device(central, kecamatan="31.71.01", desk=1)
    payload = {"uuid": "0f0f0f0f-0000-4000-8000-000000000001", "ticket_uuid": ticket.uuid,
               "at": datetime.now(UTC).isoformat(), "actor": "luar", "reporter": True,
               "follow_ups": []}
    stranger.push("reporter.erased", payload)  # accepted, and nothing happens
    with central.db.read() as session:
        row = session.scalar(select(cm.TicketRow).where(cm.TicketRow.uuid == ticket.uuid))
        assert row is not None
        assert row.reporter_name == SAMPLE_NAME
