"""The case file snapshot read from a real temp DB, its printout, and the audit entry."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image as PILImage
from sqlalchemy import select

from posko.domain.models import FollowUp
from posko.domain.status import Status
from posko.receipts.case import build_case_pdf
from posko.store.attachments import add_attachment, blob_path
from posko.store.case_file import case_snapshot, record_case_printout
from posko.store.casework import add_note, change_status, record_chase
from posko.store.crypto import NikCipher
from posko.store.database import Store
from posko.store.errors import NotFound
from posko.store.models import AuditEntry
from posko.store.officers import create_officer
from tests.conftest import SAMPLE_NAME, SAMPLE_NIK, SAMPLE_PHONE
from tests.receipts.helpers import pdf_text, reader

CREATED = datetime(2026, 10, 31, 2, 15, tzinfo=UTC)  # Saturday 09:15 WIB
NOW = datetime(2026, 11, 28, 7, 0, tzinfo=UTC)


@pytest.fixture
def case_ticket(store: Store, intake, tmp_path: Path):  # type: ignore[no-untyped-def]
    for username, name in (("budi", "Budi Santoso"), ("sari", "Sari Wulandari")):
        create_officer(store, username=username, full_name=name, pin="482913",
                       created_by="test")
    ticket = intake(now=CREATED, external_refs=["QLUE 1234567", "LAPOR 998877"])
    change_status(store, ticket.uuid, Status.VERIFIED, officer="sari", note="sudah dicek",
                  now=CREATED + timedelta(days=1))
    record_chase(store, FollowUp(ticket_uuid=ticket.uuid, asked_at=CREATED + timedelta(days=2),
                                 officer="budi", requested_by="Pak Harun",
                                 promise="Dinas dihubungi", promised_by=date(2026, 11, 6)))
    add_note(store, ticket.uuid, "Catatan rahasia petugas", officer="sari",
             now=CREATED + timedelta(days=3))
    return ticket


def photo(path: Path, colour: tuple[int, int, int] = (200, 60, 40)) -> Path:
    PILImage.new("RGB", (800, 600), colour).save(path, "PNG" if path.suffix == ".png" else "JPEG")
    return path


def test_snapshot_holds_the_whole_case(store: Store, cipher: NikCipher, case_ticket,  # type: ignore[no-untyped-def]
                                       tmp_path: Path) -> None:
    folder = tmp_path / "attachments"
    add_attachment(store, folder, case_ticket.uuid, photo(tmp_path / "depan.jpg"),
                   officer="budi", now=CREATED)
    case = case_snapshot(store, cipher, case_ticket.tracking_code, attachment_dir=folder,
                         now=NOW)
    assert case.ticket.uuid == case_ticket.uuid
    assert case.ticket.reporter.nik == SAMPLE_NIK  # decrypted; the printout masks it
    assert [str(r) for r in case.ticket.external_refs] == ["QLUE 1234567", "LAPOR 998877"]
    assert [e.status for e in case.events] == [Status.RECEIVED, Status.VERIFIED]
    assert [f.requested_by for f in case.follow_ups] == ["Pak Harun"]
    assert [(n.text, n.internal) for n in case.notes] == [("Catatan rahasia petugas", True)]
    assert case.internal_note_count == 1
    assert case.kecamatan_code == "31.75.04"
    assert str(case.timezone) == "Asia/Jakarta"
    assert case.as_of == NOW
    assert case.officer_label("sari") == "Sari Wulandari (sari)"
    assert case.officer_label("Sudin LH") == "Sudin LH"
    by_key = {line.key: line for line in case.sla}
    assert by_key["verification"].met_at is not None
    assert not by_key["verification"].overdue
    assert by_key["resolution"].overdue
    assert by_key["resolution"].due.date() == date(2026, 11, 19)
    assert by_key["resolution"].working_days_late == 6
    assert case.overdue
    (shot,) = case.photos
    assert shot.filename == "depan.jpg"
    assert shot.path is not None
    assert shot.path.is_file()
    assert shot.problem == ""
    # The same ticket by uuid and by its app number.
    assert case_snapshot(store, cipher, case_ticket.uuid, attachment_dir=folder,
                         now=NOW).ticket.uuid == case_ticket.uuid
    assert case_snapshot(store, cipher, "QLUE 1234567", attachment_dir=folder,
                         now=NOW).ticket.uuid == case_ticket.uuid


def test_printout_from_the_db(store: Store, cipher: NikCipher, case_ticket,  # type: ignore[no-untyped-def]
                              tmp_path: Path) -> None:
    folder = tmp_path / "attachments"
    add_attachment(store, folder, case_ticket.uuid, photo(tmp_path / "depan.jpg"),
                   officer="budi", now=CREATED)
    side = photo(tmp_path / "samping.png", (20, 160, 40))
    gone = add_attachment(store, folder, case_ticket.uuid, side, officer="budi", now=CREATED)
    blob_path(folder, gone.sha256).unlink()
    case = case_snapshot(store, cipher, case_ticket.tracking_code, attachment_dir=folder,
                         now=NOW)
    assert [p.problem for p in case.photos] == ["", "missing"]
    pdf = build_case_pdf(case, lang="id", printed_by="Sari Wulandari", printed_at=NOW,
                         include_internal_notes=False)
    text = pdf_text(pdf)
    for expected in (case_ticket.tracking_code, "QLUE 1234567", "LAPOR 998877",
                     "Budi Santoso (budi)",
                     "Sari Wulandari (sari)", "Pak Harun", "6 Nov 2026", "TERLEWATI",
                     "Kamis, 19 November 2026", "LEWAT TENGGAT", "3175********0003",
                     "samping.png — berkas tidak ada di folder data",
                     "Dicetak oleh Sari Wulandari pada Sabtu, 28 November 2026, 14:00 WIB",
                     "Halaman 1 dari"):
        assert expected in text, expected
    assert SAMPLE_NIK not in text
    assert SAMPLE_PHONE not in text
    assert SAMPLE_NAME in text  # a named reporter is named on the kecamatan's own file
    assert "Catatan rahasia petugas" not in text
    assert len([i for page in reader(pdf).pages for i in page.images]) == 1
    with_notes = build_case_pdf(case, lang="id", printed_by="Sari Wulandari", printed_at=NOW,
                                include_internal_notes=True)
    assert "Catatan rahasia petugas" in pdf_text(with_notes)


def test_a_damaged_photo_is_not_trusted(store: Store, cipher: NikCipher, case_ticket,  # type: ignore[no-untyped-def]
                                        tmp_path: Path) -> None:
    folder = tmp_path / "attachments"
    stored = add_attachment(store, folder, case_ticket.uuid, photo(tmp_path / "depan.jpg"),
                            officer="budi")
    blob = blob_path(folder, stored.sha256)
    blob.write_bytes(blob.read_bytes()[:-10] + b"0123456789")
    case = case_snapshot(store, cipher, case_ticket.uuid, attachment_dir=folder, now=NOW)
    assert [(p.path, p.problem) for p in case.photos] == [(None, "damaged")]


def test_without_the_cipher_no_nik_is_read(store: Store, case_ticket, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    case = case_snapshot(store, None, case_ticket.uuid, attachment_dir=tmp_path, now=NOW)
    assert case.ticket.reporter.nik is None


def test_unknown_ticket(store: Store, cipher: NikCipher, tmp_path: Path) -> None:
    with pytest.raises(NotFound):
        case_snapshot(store, cipher, "QLUE 404", attachment_dir=tmp_path)


def test_the_printout_is_audited_without_personal_data(store: Store, case_ticket) -> None:  # type: ignore[no-untyped-def]
    record_case_printout(store, case_ticket.uuid, officer="sari", internal_notes=True, now=NOW)
    record_case_printout(store, case_ticket.uuid, officer="budi", internal_notes=False)
    with store.unit_of_work() as session:
        rows = session.scalars(select(AuditEntry).where(AuditEntry.action == "ticket.print_case")
                               .order_by(AuditEntry.id)).all()
        seen = [(r.officer, r.entity, r.entity_uuid, r.detail) for r in rows]
    assert seen == [("sari", "ticket", case_ticket.uuid, "internal_notes=yes"),
                    ("budi", "ticket", case_ticket.uuid, "internal_notes=no")]
    for _officer, _entity, _uuid, detail in seen:
        for secret in (SAMPLE_NAME, SAMPLE_NIK, SAMPLE_PHONE, case_ticket.tracking_code):
            assert secret not in detail
