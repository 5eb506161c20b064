"""Validation of an agency's "done" and reopening a done ticket: each flow is one unit of work
with its status events and outbox rows in order, audited without personal data, and printed
on the case file (read back from the PDF)."""

from __future__ import annotations

import io
import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pypdf
import pytest
from sqlalchemy import select

from posko.domain.errors import DomainError
from posko.domain.models import EventSource
from posko.domain.status import Status
from posko.receipts.case import build_case_pdf
from posko.store import casework
from posko.store.case_file import case_snapshot
from posko.store.casework import (
    BACK_TO_AGENCY_REJECTED,
    BACK_TO_AGENCY_REOPENED,
    change_status,
    confirm_done,
    reject_follow_up,
    reopen_ticket,
)
from posko.store.crypto import NikCipher
from posko.store.database import Store
from posko.store.models import AuditEntry, OutboxRow
from posko.store.search import find_ticket
from tests.conftest import SAMPLE_NAME, SAMPLE_NIK, SAMPLE_PHONE

START = datetime(2026, 11, 2, 2, 0, tzinfo=UTC)  # Monday 09:00 WIB
WALK_TO_AGENCY_DONE = (Status.VERIFIED, Status.DISPATCHED, Status.IN_PROGRESS,
                       Status.AWAITING_VALIDATION)


def awaiting(store: Store, intake: Any) -> str:
    """A ticket whose agency says done (awaiting_validation); returns its uuid."""
    ticket = intake(now=START)
    for day, status in enumerate(WALK_TO_AGENCY_DONE, start=1):
        change_status(store, ticket.uuid, status, officer="sari",
                      now=START + timedelta(days=day))
    return str(ticket.uuid)


def done(store: Store, intake: Any) -> str:
    uuid = awaiting(store, intake)
    confirm_done(store, uuid, officer="sari", now=START + timedelta(days=6))
    return uuid


def outbox(store: Store) -> list[tuple[str, dict[str, Any]]]:
    with store.unit_of_work() as session:
        return [(row.kind, json.loads(row.payload))
                for row in session.scalars(select(OutboxRow).order_by(OutboxRow.id))]


def audit_rows(store: Store) -> list[tuple[str, str]]:
    with store.unit_of_work() as session:
        return [(row.action, row.detail or "")
                for row in session.scalars(select(AuditEntry).order_by(AuditEntry.id))]


def assert_no_personal_data(rows: list[tuple[str, str]], *words: str) -> None:
    text = " ".join(detail for _action, detail in rows)
    for word in (SAMPLE_NAME, SAMPLE_PHONE, SAMPLE_NIK, *words):
        assert word not in text


def test_confirm_done_validates_the_agencys_done(store: Store, intake) -> None:  # type: ignore[no-untyped-def]
    uuid = awaiting(store, intake)
    before = len(outbox(store))
    at = START + timedelta(days=6)
    event = confirm_done(store, uuid, officer="budi", note="dicek bersama RT", now=at)

    detail = find_ticket(store, uuid)
    assert detail is not None
    assert detail.ticket.status is Status.DONE
    assert detail.events[-1] == event
    assert (event.status, event.note, event.actor, event.at) == (
        Status.DONE, "dicek bersama RT", "budi", at)
    sent = outbox(store)
    assert len(sent) == before + 1
    kind, payload = sent[-1]
    assert kind == "status.changed"
    assert payload["uuid"] == event.uuid
    assert (payload["status"], payload["previous"]) == ("done", "awaiting_validation")
    assert audit_rows(store)[-1] == ("ticket.status", "awaiting_validation->done validated")


def test_only_a_ticket_awaiting_validation_can_be_confirmed(store: Store, intake) -> None:  # type: ignore[no-untyped-def]
    ticket = intake()
    change_status(store, ticket.uuid, Status.VERIFIED, officer="sari")
    before = (outbox(store), audit_rows(store))
    with pytest.raises(DomainError) as caught:
        confirm_done(store, ticket.uuid, officer="budi")
    assert caught.value.code == "not_awaiting_validation"
    assert "diverifikasi" in caught.value.message_id
    with pytest.raises(DomainError) as rejected:
        reject_follow_up(store, ticket.uuid, "belum diangkut", officer="budi")
    assert rejected.value.code == "not_awaiting_validation"
    assert (outbox(store), audit_rows(store)) == before
    assert find_ticket(store, ticket.uuid).ticket.status is Status.VERIFIED  # type: ignore[union-attr]


def test_reject_follow_up_sends_it_back_to_the_agency(store: Store, intake) -> None:  # type: ignore[no-untyped-def]
    uuid = awaiting(store, intake)
    before = len(outbox(store))
    at = START + timedelta(days=6)
    rejected, back = reject_follow_up(store, uuid, "  sampah masih menumpuk di RT 03  ",
                                      officer="budi", now=at)

    detail = find_ticket(store, uuid)
    assert detail is not None
    assert detail.ticket.status is Status.IN_PROGRESS
    assert [(e.status, e.note) for e in detail.events[-2:]] == [
        (Status.FOLLOWUP_REJECTED, "sampah masih menumpuk di RT 03"),
        (Status.IN_PROGRESS, BACK_TO_AGENCY_REJECTED)]
    assert list(detail.events[-2:]) == [rejected, back]
    assert rejected.at == at < back.at  # ordered by time everywhere
    sent = outbox(store)[before:]
    assert [(k, p["status"], p["previous"]) for k, p in sent] == [
        ("status.changed", "followup_rejected", "awaiting_validation"),
        ("status.changed", "in_progress", "followup_rejected")]
    assert [p["uuid"] for _k, p in sent] == [rejected.uuid, back.uuid]
    assert sent[0][1]["note"] == "sampah masih menumpuk di RT 03"
    assert audit_rows(store)[-1] == (
        "ticket.status", "awaiting_validation->followup_rejected->in_progress")
    assert_no_personal_data(audit_rows(store), "menumpuk")

    # The agency tries again; this time the kecamatan confirms.
    change_status(store, uuid, Status.AWAITING_VALIDATION, officer="dinas",
                  now=at + timedelta(days=2))
    confirm_done(store, uuid, officer="budi", now=at + timedelta(days=3))
    assert find_ticket(store, uuid).ticket.status is Status.DONE  # type: ignore[union-attr]


@pytest.mark.parametrize("reason", ["", "   \n "])
def test_a_rejection_needs_a_reason(store: Store, intake, reason: str) -> None:  # type: ignore[no-untyped-def]
    uuid = awaiting(store, intake)
    before = outbox(store)
    with pytest.raises(DomainError) as caught:
        reject_follow_up(store, uuid, reason, officer="budi")
    assert (caught.value.code, caught.value.field) == ("note_required", "reason")
    assert outbox(store) == before
    assert find_ticket(store, uuid).ticket.status is Status.AWAITING_VALIDATION  # type: ignore[union-attr]


def test_a_too_long_reason_is_refused_before_the_server_would(store: Store, intake) -> None:  # type: ignore[no-untyped-def]
    uuid = awaiting(store, intake)
    with pytest.raises(DomainError) as caught:
        reject_follow_up(store, uuid, "x" * (casework.MAX_REASON + 1), officer="budi")
    assert caught.value.code == "text_too_long"
    reject_follow_up(store, uuid, "x" * casework.MAX_REASON, officer="budi")


def fail_on_call(monkeypatch: pytest.MonkeyPatch, number: int) -> None:
    """Make the `number`-th outbox write of the next action fail (a crash mid-action)."""
    real = casework.enqueue
    calls = {"n": 0}

    def enqueue(*args: Any, **kwargs: Any) -> None:
        calls["n"] += 1
        if calls["n"] == number:
            raise OSError("disk full")
        real(*args, **kwargs)

    monkeypatch.setattr(casework, "enqueue", enqueue)


def test_a_rejection_is_one_unit_of_work(store: Store, intake,  # type: ignore[no-untyped-def]
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    uuid = awaiting(store, intake)
    before = (outbox(store), audit_rows(store), find_ticket(store, uuid))
    fail_on_call(monkeypatch, 2)  # the second step (back to in_progress) fails
    with pytest.raises(OSError, match="disk full"):
        reject_follow_up(store, uuid, "belum diangkut", officer="budi")
    assert (outbox(store), audit_rows(store), find_ticket(store, uuid)) == before


def test_reopen_a_done_ticket(store: Store, intake) -> None:  # type: ignore[no-untyped-def]
    uuid = done(store, intake)
    before = len(outbox(store))
    at = START + timedelta(days=9)
    result = reopen_ticket(store, uuid, "Sampah kembali menumpuk sejak kemarin",
                           officer="budi", requested_by="Pak Harun",
                           promise="Dinas diminta mengangkut lagi",
                           promised_by=date(2026, 11, 16), now=at)

    detail = find_ticket(store, uuid)
    assert detail is not None
    assert detail.ticket.status is Status.IN_PROGRESS
    reopened, back = result.events
    assert list(detail.events[-2:]) == [reopened, back]
    assert (reopened.status, reopened.note, reopened.source, reopened.actor) == (
        Status.REOPENED, "Sampah kembali menumpuk sejak kemarin", EventSource.CITIZEN, "budi")
    assert (back.status, back.note, back.source) == (
        Status.IN_PROGRESS, BACK_TO_AGENCY_REOPENED, EventSource.DESK)
    assert reopened.at == at < back.at
    # The visit is a chase, like every visit recorded on the chase screen.
    assert detail.follow_ups[-1] == result.follow_up
    visit = result.follow_up
    assert (visit.requested_by, visit.promise, visit.promised_by, visit.officer) == (
        "Pak Harun", "Dinas diminta mengangkut lagi", date(2026, 11, 16), "budi")
    sent = outbox(store)[before:]
    assert [(k, p.get("status"), p.get("source")) for k, p in sent] == [
        ("status.changed", "reopened", "citizen"),
        ("status.changed", "in_progress", None),
        ("followup.created", None, None)]
    assert [p["uuid"] for _k, p in sent] == [reopened.uuid, back.uuid, visit.uuid]
    assert audit_rows(store)[-2:] == [("ticket.status", "done->reopened->in_progress"),
                                      ("ticket.chase", "reopen")]
    assert_no_personal_data(audit_rows(store), "Pak Harun", "menumpuk")


def test_reopen_without_a_promise_records_no_promised_date(store: Store, intake) -> None:  # type: ignore[no-untyped-def]
    uuid = done(store, intake)
    result = reopen_ticket(store, uuid, "lampu mati lagi", officer="budi",
                           promised_by=date(2026, 11, 16))
    assert (result.follow_up.requested_by, result.follow_up.promise,
            result.follow_up.promised_by) == ("", "", None)


def test_reopen_needs_a_note_and_a_done_ticket(store: Store, intake) -> None:  # type: ignore[no-untyped-def]
    uuid = awaiting(store, intake)
    before = outbox(store)
    with pytest.raises(DomainError) as not_done:
        reopen_ticket(store, uuid, "belum beres", officer="budi")
    assert not_done.value.code == "not_done"
    confirm_done(store, uuid, officer="budi")
    before = outbox(store)
    with pytest.raises(DomainError) as no_note:
        reopen_ticket(store, uuid, "  ", officer="budi", requested_by="Pak Harun")
    assert (no_note.value.code, no_note.value.field) == ("note_required", "note")
    assert outbox(store) == before
    assert find_ticket(store, uuid).ticket.status is Status.DONE  # type: ignore[union-attr]


def test_a_reopen_is_one_unit_of_work(store: Store, intake,  # type: ignore[no-untyped-def]
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    uuid = done(store, intake)
    before = (outbox(store), audit_rows(store), find_ticket(store, uuid))
    fail_on_call(monkeypatch, 3)  # the visit's outbox row fails after both status events
    with pytest.raises(OSError, match="disk full"):
        reopen_ticket(store, uuid, "belum beres", officer="budi", requested_by="Pak Harun")
    assert (outbox(store), audit_rows(store), find_ticket(store, uuid)) == before


def pdf_text(pdf: bytes) -> str:
    assert pdf.startswith(b"%PDF")
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    return " ".join(text.split())


def test_the_printed_case_shows_rejection_and_reopen(store: Store, cipher: NikCipher,  # type: ignore[no-untyped-def]
                                                     intake, tmp_path: Path) -> None:
    uuid = awaiting(store, intake)
    reject_follow_up(store, uuid, "Sampah baru diangkut separuh", officer="budi",
                     now=START + timedelta(days=5, hours=1))
    change_status(store, uuid, Status.AWAITING_VALIDATION, officer="dinas",
                  now=START + timedelta(days=7))
    confirm_done(store, uuid, officer="budi", now=START + timedelta(days=8))
    reopen_ticket(store, uuid, "Tumpukan muncul lagi di ujung gang", officer="budi",
                  requested_by="Pak Harun", now=START + timedelta(days=10))

    case = case_snapshot(store, cipher, uuid, attachment_dir=tmp_path,
                         now=START + timedelta(days=11))
    text = pdf_text(build_case_pdf(case, printed_by="Budi Santoso",
                                   printed_at=START + timedelta(days=11)))
    lines = [
        "TL ditolak: Sampah baru diangkut separuh",
        f"diproses: {BACK_TO_AGENCY_REJECTED}",
        "selesai",
        "dibuka kembali: Tumpukan muncul lagi di ujung gang",
        f"diproses: {BACK_TO_AGENCY_REOPENED}",
    ]
    positions = [text.find(line) for line in lines]
    assert all(p >= 0 for p in positions), list(zip(lines, positions, strict=True))
    # In the order they happened (the first "selesai" after the rejection is the confirm).
    assert positions[:2] == sorted(positions[:2])
    assert positions[3] < positions[4]
    assert positions[1] < text.find("dibuka kembali")
    assert "Warga" in text  # the reopen is the citizen's word
    assert "Pak Harun" in text  # the visit, as a chase

    english = pdf_text(build_case_pdf(case, lang="en", printed_by="Budi Santoso",
                                      printed_at=START + timedelta(days=11)))
    assert "follow-up rejected: Sampah baru diangkut separuh" in english
    assert "reopened: Tumpukan muncul lagi di ujung gang" in english
