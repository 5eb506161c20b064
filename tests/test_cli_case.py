"""`posko print-case`, run in-process against a real temp DB."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from posko.domain.models import FollowUp, Reporter, ReporterKind
from posko.domain.status import Status
from posko.store.casework import add_note, change_status, record_chase
from posko.store.database import Store
from posko.store.models import AuditEntry
from tests.conftest import SAMPLE_NAME, SAMPLE_NIK, SAMPLE_PHONE
from tests.receipts.helpers import pdf_text
from tests.test_cli_receipts import assert_clean_failure, posko

CREATED = datetime(2026, 11, 28, 2, 15, tzinfo=UTC)  # Saturday 09:15 WIB


@pytest.fixture
def saved(store: Store, intake):  # type: ignore[no-untyped-def]
    ticket = intake(now=CREATED, external_refs=["QLUE 1234567"])
    change_status(store, ticket.uuid, Status.VERIFIED, officer="budi", note="sudah dicek",
                  now=CREATED + timedelta(hours=2))
    record_chase(store, FollowUp(ticket_uuid=ticket.uuid, asked_at=CREATED + timedelta(hours=3),
                                 officer="budi", requested_by="Pak Harun",
                                 promise="Dinas dihubungi", promised_by=date(2026, 12, 4)))
    add_note(store, ticket.uuid, "Catatan rahasia petugas", officer="budi",
             now=CREATED + timedelta(hours=4))
    return ticket


def audit_details(store: Store) -> list[tuple[str, str | None, str]]:
    with store.unit_of_work() as session:
        return [(r.officer, r.entity_uuid, r.detail) for r in session.scalars(
            select(AuditEntry).where(AuditEntry.action == "ticket.print_case"))]


def test_print_case(db_path: Path, tmp_path: Path, store: Store, saved) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "case.pdf"
    run = posko(db_path, "print-case", saved.tracking_code, "--out", str(out), "--by",
                "Rina Kusuma")
    assert run.code == 0, run.err
    assert str(out) in run.out
    assert saved.tracking_code in run.out
    text = pdf_text(out.read_bytes())
    for expected in ("BERKAS KASUS PENGADUAN", saved.tracking_code, "QLUE 1234567",
                     "diverifikasi: sudah dicek", "Pak Harun", "4 Des 2026",
                     "3175********0003", "Dicetak oleh Rina Kusuma pada", "Halaman 1 dari"):
        assert expected in text, expected
    assert SAMPLE_NIK not in text
    assert SAMPLE_PHONE not in text
    assert "Catatan rahasia petugas" not in text
    assert audit_details(store) == [("cli", saved.uuid, "internal_notes=no")]


def test_print_case_in_english_with_internal_notes_by_app_number(  # type: ignore[no-untyped-def]
        db_path: Path, tmp_path: Path, store: Store, saved) -> None:
    out = tmp_path / "case-en.pdf"
    run = posko(db_path, "print-case", "QLUE", "1234567", "--out", str(out), "--lang", "en",
                "--internal-notes")
    assert run.code == 0, run.err
    assert "Berkas kasus" in run.out  # console language stays the global --lang
    text = pdf_text(out.read_bytes())
    assert "COMPLAINT CASE FILE" in text
    assert "Catatan rahasia petugas" in text
    assert "Printed by " in text
    assert "Page 1 of" in text
    assert audit_details(store) == [("cli", saved.uuid, "internal_notes=yes")]


def test_print_case_of_an_anonymous_report(db_path: Path, tmp_path: Path, intake) -> None:  # type: ignore[no-untyped-def]
    ticket = intake(reporter=Reporter(kind=ReporterKind.ANONYMOUS, name=SAMPLE_NAME,
                                      phone=SAMPLE_PHONE))
    out = tmp_path / "anon.pdf"
    run = posko(db_path, "print-case", ticket.tracking_code, "--out", str(out))
    assert run.code == 0, run.err
    text = pdf_text(out.read_bytes())
    assert "Anonim" in text
    assert SAMPLE_NAME not in text
    assert "7890" not in text


def test_print_case_errors(db_path: Path, tmp_path: Path, saved) -> None:  # type: ignore[no-untyped-def]
    assert_clean_failure(posko(db_path, "print-case", "QLUE 404", "--out",
                               str(tmp_path / "x.pdf")), "Tiket tidak ditemukan")
    assert_clean_failure(posko(db_path, "print-case", saved.tracking_code, "--out",
                               str(tmp_path / "missing" / "x.pdf")), "Folder tujuan tidak ada")
    assert not (tmp_path / "x.pdf").exists()
