""""Cetak berkas kasus" in the real ticket detail dialog: the case file reaches the print
preview (replaced here by a recorder, as in test_ticket_detail.py), internal notes follow the
checkbox, and every printout is audited."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image as PILImage
from sqlalchemy import select

from posko.domain.models import FollowUp, Reporter, ReporterKind
from posko.domain.status import Status
from posko.store.attachments import add_attachment
from posko.store.casework import add_note, change_status, record_chase
from posko.store.database import Store
from posko.store.models import AuditEntry
from posko.ui.context import DeskContext
from tests.conftest import SAMPLE_NAME, SAMPLE_NIK, SAMPLE_PHONE
from tests.receipts.helpers import reader
from tests.ui.conftest import click, open_detail, pdf_text

INTERNAL = "Catatan rahasia: pelapor kerabat lurah"


@pytest.fixture
def previews(monkeypatch: pytest.MonkeyPatch) -> list[tuple[bytes, dict]]:  # type: ignore[type-arg]
    from posko.ui import printing

    shown: list[tuple[bytes, dict]] = []  # type: ignore[type-arg]

    def fake_preview(pdf: bytes, **kwargs: object) -> str:
        shown.append((pdf, kwargs))
        return f"case-job-{len(shown)}"

    monkeypatch.setattr(printing, "preview_pdf", fake_preview)
    return shown


def printed_cases(store: Store) -> list[tuple[str, str | None, str]]:
    with store.unit_of_work() as session:
        return [(r.officer, r.entity_uuid, r.detail) for r in session.scalars(
            select(AuditEntry).where(AuditEntry.action == "ticket.print_case")
            .order_by(AuditEntry.id))]


def test_print_case_file_with_and_without_internal_notes(  # type: ignore[no-untyped-def]
        qtbot, desk_context: DeskContext, store: Store, intake, previews,
        tmp_path: Path) -> None:
    created = datetime.now(UTC) - timedelta(days=40)
    ticket = intake(now=created, external_refs=["QLUE 1234567"])
    change_status(store, ticket.uuid, Status.VERIFIED, officer="sari", note="sudah dicek",
                  now=created + timedelta(days=1))
    record_chase(store, FollowUp(ticket_uuid=ticket.uuid, asked_at=created + timedelta(days=2),
                                 officer="budi", requested_by="Pak Harun",
                                 promise="Dinas dihubungi", promised_by=date(2026, 1, 5)))
    add_note(store, ticket.uuid, INTERNAL, officer="sari", now=created + timedelta(days=3))
    photo = tmp_path / "depan.jpg"
    PILImage.new("RGB", (640, 480), (30, 90, 160)).save(photo, "JPEG")
    add_attachment(store, desk_context.paths.attachment_dir, ticket.uuid, photo,
                   officer="budi", now=created)

    dialog = open_detail(qtbot, desk_context, ticket.tracking_code)
    ui = dialog.ui
    assert ui.printCaseButton.text().replace("&", "") == "Cetak berkas kasus…"
    assert not ui.internalNotesCheck.isChecked()  # off unless the officer asks

    click(qtbot, ui.printCaseButton)
    qtbot.waitUntil(lambda: dialog.case_print_job == "case-job-1", timeout=10_000)
    assert ui.printCaseButton.isEnabled()
    pdf, kwargs = previews[0]
    assert kwargs["file_name"] == f"berkas-kasus-{ticket.tracking_code}.pdf"
    assert ticket.tracking_code in str(kwargs["title"])
    assert kwargs["parent"] is dialog
    text = pdf_text(pdf)
    for expected in ("BERKAS KASUS PENGADUAN", ticket.tracking_code, "QLUE 1234567",
                     "Pak Harun", "5 Jan 2026", "LEWAT TENGGAT", "3175********0003",
                     "Dicetak oleh Budi Santoso pada", "Halaman 1 dari"):
        assert expected in text, expected
    assert SAMPLE_NIK not in text
    assert SAMPLE_PHONE not in text
    assert INTERNAL not in text
    assert len([i for page in reader(pdf).pages for i in page.images]) == 1

    ui.internalNotesCheck.setChecked(True)
    click(qtbot, ui.printCaseButton)
    qtbot.waitUntil(lambda: dialog.case_print_job == "case-job-2", timeout=10_000)
    assert INTERNAL in pdf_text(previews[1][0])

    assert printed_cases(store) == [("budi", ticket.uuid, "internal_notes=no"),
                                    ("budi", ticket.uuid, "internal_notes=yes")]


def test_case_file_of_an_anonymous_report_names_nobody(  # type: ignore[no-untyped-def]
        qtbot, desk_context: DeskContext, intake, previews) -> None:
    ticket = intake(reporter=Reporter(kind=ReporterKind.ANONYMOUS, name=SAMPLE_NAME,
                                      phone=SAMPLE_PHONE, nik=SAMPLE_NIK))
    dialog = open_detail(qtbot, desk_context, ticket.uuid)
    dialog.ui.internalNotesCheck.setChecked(True)
    click(qtbot, dialog.ui.printCaseButton)
    qtbot.waitUntil(lambda: bool(previews), timeout=10_000)
    text = pdf_text(previews[0][0])
    assert "Anonim" in text
    for secret in (SAMPLE_NAME, SAMPLE_PHONE, SAMPLE_NIK, "3175********0003", "7890"):
        assert secret not in text, secret
