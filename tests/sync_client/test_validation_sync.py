"""Validation and reopen against the real reference server: an agency's "done" reaches the
desk as awaiting_validation (also from the app importer), the desk's confirm / reject / reopen
go up as ordinary "status.changed" rows the server accepts in order, and another desk of the
kecamatan pulls them and shows (and prints) the same timeline."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pypdf
import pytest
from posko_central import models as cm
from posko_central.importer import AppTicketLine, import_line
from sqlalchemy import select

from posko.domain.status import Status
from posko.receipts.case import build_case_pdf
from posko.secrets import KeyringSecrets
from posko.store.case_file import CaseFile, case_snapshot
from posko.store.casework import (
    BACK_TO_AGENCY_REJECTED,
    BACK_TO_AGENCY_REOPENED,
    confirm_done,
    reject_follow_up,
    reopen_ticket,
)
from posko.store.database import Store
from posko.store.desk import initialise_desk
from posko.store.search import find_ticket
from posko.sync import conflicts, enrol, pending_outbox
from tests.conftest import TEST_KECAMATAN
from tests.sync_client.conftest import (
    Central,
    no_sleep_engine,
    other_desk_push,
    status_change,
)


@pytest.fixture
def other_desk(tmp_path: Path, secrets: KeyringSecrets, central: Central) -> Iterator[Store]:
    """Desk 2 of the same kecamatan, with its own DB, enrolled with `central`."""
    store = Store.open(tmp_path / "desk2.sqlite3")
    initialise_desk(store, secrets, kecamatan_code=TEST_KECAMATAN, desk_number=2)
    enrol(store, secrets, central.url, central.add_device(desk=2))
    yield store
    store.close()


def sync(store: Store, secrets: KeyringSecrets) -> Any:
    engine, _waits = no_sleep_engine(store, secrets)
    report = engine.run_once()
    assert report.error is None, report.error
    assert (report.parked, report.conflicts) == (0, 0)
    assert pending_outbox(store) == []
    assert conflicts(store) == []
    return report


def agency(central: Central, token: str, ticket_uuid: str, *statuses: str) -> None:
    """The agency's relay device moves the ticket on the server."""
    for status in statuses:
        result = other_desk_push(central, token, status_change(ticket_uuid, status))[0]
        assert result["result"] == "accepted", result


def server_events(central: Central, ticket_uuid: str) -> list[tuple[str, str, str]]:
    """(status, note, source) of the server's events, in the order it accepted them."""
    with central.db.read() as session:
        ticket = session.scalar(select(cm.TicketRow).where(cm.TicketRow.uuid == ticket_uuid))
        assert ticket is not None
        return [(e.status, e.note, e.source) for e in session.scalars(
            select(cm.StatusEventRow).where(cm.StatusEventRow.ticket_id == ticket.id)
            .order_by(cm.StatusEventRow.id))]


def server_status(central: Central, ticket_uuid: str) -> str:
    with central.db.read() as session:
        return str(session.scalar(select(cm.TicketRow.status)
                                  .where(cm.TicketRow.uuid == ticket_uuid)))


def timeline(case: CaseFile) -> list[tuple[Any, ...]]:
    return [(e.uuid, e.status, e.at, e.actor, e.source, e.note) for e in case.events] + [
        (f.uuid, f.asked_at, f.officer, f.requested_by, f.promise) for f in case.follow_ups]


def pdf_text(pdf: bytes) -> str:
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    return " ".join(text.split())


def test_an_agency_done_from_the_app_importer_waits_for_validation(
        enrolled: Store, central: Central, secrets: KeyringSecrets) -> None:
    line = AppTicketLine.model_validate({
        "source": "JAKI", "number": "10000042", "kelurahan_code": "31.75.04.1001",
        "category": "sampah", "description": "Sampah menumpuk di pinggir kali",
        "created_at": "2026-11-02T08:00:00+07:00",
        "history": [{"status": "Disposisi", "at": "2026-11-03T09:00:00+07:00",
                     "actor": "Dinas Lingkungan Hidup"},
                    {"status": "done", "at": "2026-11-05T09:00:00+07:00",
                     "actor": "Dinas Lingkungan Hidup", "note": "Sudah diangkut"}]})
    with central.db.write() as session:
        assert import_line(session, line) == "created"
    with central.db.read() as session:
        ticket_uuid = str(session.scalar(select(cm.TicketRow.uuid).join(cm.ExternalRefRow)
                                         .where(cm.ExternalRefRow.number == "10000042")))
    assert server_status(central, ticket_uuid) == "awaiting_validation"
    assert server_events(central, ticket_uuid)[-1] == (
        "awaiting_validation", "Sudah diangkut", "agency")

    sync(enrolled, secrets)  # the desk pulls it: the validation panel's case
    detail = find_ticket(enrolled, "JAKI 10000042")
    assert detail is not None
    assert detail.ticket.status is Status.AWAITING_VALIDATION
    assert Status.DONE not in [e.status for e in detail.events]

    confirm_done(enrolled, ticket_uuid, officer="budi")
    assert sync(enrolled, secrets).pushed == 1
    assert server_status(central, ticket_uuid) == "done"


def test_reject_confirm_and_reopen_sync_in_order_and_another_desk_sees_the_same(
        enrolled: Store, other_desk: Store, central: Central, secrets: KeyringSecrets,
        intake: Any, tmp_path: Path) -> None:
    ticket = intake()
    sync(enrolled, secrets)
    relay = central.enrol_raw(desk=3)
    agency(central, relay, ticket.uuid, "verified", "dispatched", "in_progress",
           "awaiting_validation")
    sync(enrolled, secrets)
    assert find_ticket(enrolled, ticket.uuid).ticket.status is Status.AWAITING_VALIDATION  # type: ignore[union-attr]

    # The kecamatan rejects the agency's follow-up: two rows, accepted in order.
    reject_follow_up(enrolled, ticket.uuid, "Sampah baru diangkut separuh", officer="budi")
    assert sync(enrolled, secrets).pushed == 2
    assert server_events(central, ticket.uuid)[-2:] == [
        ("followup_rejected", "Sampah baru diangkut separuh", "desk"),
        ("in_progress", BACK_TO_AGENCY_REJECTED, "desk")]
    assert server_status(central, ticket.uuid) == "in_progress"

    # The agency tries again; the officer confirms.
    agency(central, relay, ticket.uuid, "awaiting_validation")
    sync(enrolled, secrets)
    confirm_done(enrolled, ticket.uuid, officer="budi")
    assert sync(enrolled, secrets).pushed == 1
    assert server_status(central, ticket.uuid) == "done"

    # A walk-in says "belum beres": reopened (the citizen's word), back to the agency, and
    # the visit as a chase; three rows, accepted in order.
    reopen_ticket(enrolled, ticket.uuid, "Tumpukan muncul lagi di ujung gang",
                  officer="budi", requested_by="Pak Harun", promise="Dinas ditagih lagi")
    assert sync(enrolled, secrets).pushed == 3
    assert server_events(central, ticket.uuid)[-3:] == [
        ("done", "", "desk"),
        ("reopened", "Tumpukan muncul lagi di ujung gang", "citizen"),
        ("in_progress", BACK_TO_AGENCY_REOPENED, "desk")]
    assert server_status(central, ticket.uuid) == "in_progress"
    with central.db.read() as session:
        visits = session.scalars(select(cm.FollowUpRow.requested_by)).all()
    assert visits == ["Pak Harun"]

    # The echo changes nothing on this desk; desk 2 pulls the same timeline.
    sync(enrolled, secrets)
    sync(other_desk, secrets)
    now = datetime.now(UTC)
    mine = case_snapshot(enrolled, None, ticket.uuid, attachment_dir=tmp_path, now=now)
    theirs = case_snapshot(other_desk, None, ticket.uuid, attachment_dir=tmp_path, now=now)
    assert theirs.ticket.status is Status.IN_PROGRESS
    assert timeline(theirs) == timeline(mine)
    assert [e.status for e in theirs.events] == [
        Status.RECEIVED, Status.VERIFIED, Status.DISPATCHED, Status.IN_PROGRESS,
        Status.AWAITING_VALIDATION, Status.FOLLOWUP_REJECTED, Status.IN_PROGRESS,
        Status.AWAITING_VALIDATION, Status.DONE, Status.REOPENED, Status.IN_PROGRESS]

    # ... and prints it.
    text = pdf_text(build_case_pdf(theirs, printed_by="Meja 2", printed_at=now))
    for expected in ("TL ditolak: Sampah baru diangkut separuh",
                     f"diproses: {BACK_TO_AGENCY_REJECTED}",
                     "dibuka kembali: Tumpukan muncul lagi di ujung gang",
                     f"diproses: {BACK_TO_AGENCY_REOPENED}"):
        assert expected in text
    assert text.index("TL ditolak") < text.index("dibuka kembali")
