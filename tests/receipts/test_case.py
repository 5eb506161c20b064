"""The case printout (berkas kasus), built from hand-made snapshots and read back with pypdf
(the snapshot from a real DB is tested in tests/store/test_case_file.py)."""

from __future__ import annotations

import re
import time
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PIL import Image as PILImage

from posko.domain.errors import PoskoError
from posko.domain.models import (
    EventSource,
    ExternalRef,
    FollowUp,
    Origin,
    Reporter,
    ReporterKind,
    StatusEvent,
)
from posko.domain.status import Status
from posko.receipts.case import build_case_pdf
from posko.store.case_file import CaseFile, CasePhoto, sla_lines
from posko.store.search import NoteEntry, TicketDetail
from tests.receipts.helpers import (
    MASKED_NIK,
    MASKED_PHONE,
    NIK,
    PHONE,
    page_sizes,
    pdf_text,
    reader,
    ticket,
)

WIB = ZoneInfo("Asia/Jakarta")
# Saturday 31 October 2026, 09:15 WIB; read four weeks later, resolution (14 working days,
# Thursday 19 November) is overdue.
CREATED = datetime(2026, 10, 31, 2, 15, tzinfo=UTC)
AS_OF = datetime(2026, 11, 28, 7, 0, tzinfo=UTC).astimezone(WIB)
PRINTED = datetime(2026, 11, 28, 7, 0, tzinfo=UTC)  # 14:00 WIB
FOOTER = "Dicetak oleh Budi Santoso pada Sabtu, 28 November 2026, 14:00 WIB"
INTERNAL = "Pelapor kerabat lurah, tangani hati-hati"
PUBLIC_NOTE = "Petugas kebersihan sudah dikabari"
OFFICERS = (("budi", "Budi Santoso"), ("dewi", "Dewi Lestari"), ("sari", "Sari Wulandari"))


def case_file(*, reporter: Reporter | None = None, description: str | None = None,
              events: tuple[StatusEvent, ...] | None = None,
              follow_ups: tuple[FollowUp, ...] | None = None,
              notes: tuple[NoteEntry, ...] | None = None,
              photos: tuple[CasePhoto, ...] = (), status: Status = Status.IN_PROGRESS,
              **ticket_changes: object) -> CaseFile:
    values: dict[str, object] = {
        "created_at": CREATED, "updated_at": CREATED + timedelta(days=8), "status": status,
        "external_refs": (ExternalRef.parse("QLUE 1234567"), ExternalRef.parse("LAPOR 998877"),
                          ExternalRef.parse("JAKI 55-A")),
        "reporter": reporter or Reporter(name="Siti Aminah", phone=PHONE, nik=NIK),
        **ticket_changes,
    }
    if description is not None:
        values["description"] = description
    t = ticket(**values)
    if events is None:
        events = (
            StatusEvent(t.uuid, Status.RECEIVED, CREATED, "budi"),
            StatusEvent(t.uuid, Status.VERIFIED, CREATED + timedelta(days=1), "sari",
                        note="Lokasi sudah dicek"),
            StatusEvent(t.uuid, Status.DISPATCHED, CREATED + timedelta(days=2), "sari",
                        agency="Suku Dinas LH"),
            StatusEvent(t.uuid, Status.IN_PROGRESS, CREATED + timedelta(days=6),
                        "Sudin LH Jakarta Timur", source=EventSource.AGENCY),
        )
    if follow_ups is None:
        follow_ups = (
            FollowUp(t.uuid, CREATED + timedelta(days=8), "dewi", requested_by="Pak Slamet",
                     promise="Dinas LH dihubungi ulang, sampah diangkut",
                     promised_by=date(2026, 11, 13)),
            FollowUp(t.uuid, CREATED + timedelta(days=9), "budi", requested_by="Bu Rina",
                     note="Warga datang melaporkan hal yang sama (dukungan)."),
        )
    if notes is None:
        notes = (NoteEntry(CREATED + timedelta(days=3), "sari", INTERNAL, True),
                 NoteEntry(CREATED + timedelta(days=4), "dewi", PUBLIC_NOTE, False))
    detail = TicketDetail(t, events, follow_ups, notes, ())
    return CaseFile(ticket=t, events=events, follow_ups=follow_ups, notes=notes,
                    photos=photos, sla=sla_lines(detail, WIB, AS_OF), kecamatan_code="31.75.04",
                    timezone=WIB, as_of=AS_OF, officers=OFFICERS)


def build(case: CaseFile, **options: object) -> bytes:
    values: dict[str, object] = {"lang": "id", "printed_by": "Budi Santoso",
                                 "printed_at": PRINTED, "include_internal_notes": False}
    values.update(options)
    return build_case_pdf(case, **values)  # type: ignore[arg-type]


def page_texts(pdf: bytes) -> list[str]:
    return [re.sub(r"\s+", " ", page.extract_text() or "") for page in reader(pdf).pages]


def photo_file(path: Path, size: tuple[int, int] = (1600, 1200)) -> Path:
    PILImage.new("RGB", size, (40, 120, 200)).save(path, "JPEG")
    return path


def test_every_part_of_the_case_is_printed() -> None:
    pdf = build(case_file())
    text = pdf_text(pdf)
    assert page_sizes(pdf)[0] == pytest.approx((595.28, 841.89), abs=0.01)
    for expected in (
        "BERKAS KASUS PENGADUAN", "KECAMATAN KRAMATJATI", "8YXQ-3592-222J",
        "Status saat ini: diproses", "Keadaan per Sabtu, 28 November 2026, 14:00 WIB",
        # fields and every external reference
        "QLUE 1234567", "LAPOR 998877", "JAKI 55-A", "Sampah", "Balekambang, RW 005, RT 003",
        "Jl. Raya Bogor No. 12", "Langsung di meja", "Sampah menumpuk di pinggir jalan",
        "Sabtu, 31 Oktober 2026, 09:15 WIB oleh Budi Santoso (budi)",
        # reporter: masked only
        "Siti Aminah", MASKED_NIK, MASKED_PHONE, "Ya, dicatat",
        # every timeline entry with who and when
        "31 Okt 2026 09:15", "diterima", "diverifikasi: Lokasi sudah dicek",
        "didisposisikan — diteruskan ke Suku Dinas LH", "Sudin LH Jakarta Timur", "Instansi",
        "Budi Santoso (budi)", "Sari Wulandari (sari)", "Dewi Lestari (dewi)",
        "Ditanyakan oleh Pak Slamet", "Ditanyakan oleh Bu Rina", "(dukungan)",
        PUBLIC_NOTE,
        # follow-ups with their promises: the date, and missed (the ticket is still open)
        "Dinas LH dihubungi ulang, sampah diangkut", "13 Nov 2026", "TERLEWATI",
        # SLA tiers with deadlines and the overdue state
        "Verifikasi / tanggapan pertama", "3 hari kerja", "Rabu, 4 November 2026",
        "terpenuhi 1 Nov 2026", "Penyelesaian", "14 hari kerja", "Kamis, 19 November 2026",
        "LEWAT TENGGAT 6 hari kerja", "LEWAT TENGGAT SLA",
    ):
        assert expected in text, expected
    assert NIK not in text
    assert PHONE not in text
    assert "81234567890" not in text
    assert INTERNAL not in text
    assert "1 catatan internal tidak disertakan." in text
    assert "MEMUAT CATATAN INTERNAL" not in text


def test_page_numbers_and_the_footer_on_every_page() -> None:
    many = tuple(NoteEntry(CREATED + timedelta(days=3, minutes=i), "sari", f"Catatan nomor {i}",
                           False) for i in range(120))
    pdf = build(case_file(notes=many))
    pages = page_texts(pdf)
    assert len(pages) >= 3
    for number, text in enumerate(pages, start=1):
        assert f"Halaman {number} dari {len(pages)}" in text
        assert FOOTER in text
        if number > 1:
            assert "Berkas kasus 8YXQ-3592-222J" in text  # the running head
    everything = " ".join(pages)
    for i in range(120):
        assert f"Catatan nomor {i} " in everything + " "


def test_internal_notes_only_when_asked() -> None:
    case = case_file()
    without = pdf_text(build(case))
    with_notes = pdf_text(build(case, include_internal_notes=True))
    assert INTERNAL not in without
    assert INTERNAL in with_notes
    assert "Catatan internal" in with_notes
    assert "MEMUAT CATATAN INTERNAL — HANYA UNTUK KECAMATAN" in with_notes
    assert "tidak disertakan" not in with_notes
    assert PUBLIC_NOTE in without
    assert PUBLIC_NOTE in with_notes


def test_an_anonymous_reporter_is_never_identified() -> None:
    anonymous = Reporter(kind=ReporterKind.ANONYMOUS, name="Hartono Wijaya", phone=PHONE,
                         nik=NIK)
    case = case_file(reporter=anonymous)
    # The reporter came back to chase it: the case file must not name them there either.
    chased = FollowUp(case.ticket.uuid, CREATED + timedelta(days=10), "budi",
                      requested_by="hartono  WIJAYA", promise="Ditelepon Senin")
    case = replace(case, follow_ups=(*case.follow_ups, chased))
    for options in ({}, {"include_internal_notes": True}, {"lang": "en"}):
        text = pdf_text(build(case, **options))
        assert ("Anonim" in text) or ("Anonymous" in text)
        for secret in ("Hartono", "HARTONO", "WIJAYA", "Wijaya", NIK, MASKED_NIK, PHONE,
                       MASKED_PHONE, "7890"):
            assert secret not in text, secret
    text = pdf_text(build(case))
    assert "Anonim (identitas dirahasiakan)" in text
    assert "Ditanyakan oleh pelapor (anonim)" in text
    assert "Pak Slamet" in text  # another visitor's chase still names who asked


def test_on_behalf_of_the_kecamatan() -> None:
    text = pdf_text(build(case_file(reporter=Reporter(kind=ReporterKind.KECAMATAN),
                                    origin=Origin.DESK)))
    assert "Atas nama kecamatan" in text
    assert "NIK" not in text


def test_english() -> None:
    pdf = build(case_file(), lang="en", include_internal_notes=True)
    pages = page_texts(pdf)
    text = " ".join(pages)
    for expected in ("COMPLAINT CASE FILE", "Current status: in progress", "Full timeline",
                     "SLA deadlines", "Thursday, 19 November 2026", "OVERDUE by 6 working days",
                     "PAST THE SLA DEADLINE", "Follow-ups and promises", "13 Nov 2026",
                     "MISSED", "Internal note", "Asked by Pak Slamet",
                     "Printed by Budi Santoso on Saturday, 28 November 2026, 14:00 WIB"):
        assert expected in text, expected
    assert f"Page 1 of {len(pages)}" in pages[0]
    assert "Halaman" not in text


def test_unknown_language_is_refused() -> None:
    with pytest.raises(PoskoError):
        build(case_file(), lang="fr")


def test_a_closed_ticket_is_not_overdue_and_a_kept_promise_is_not_missed() -> None:
    case = case_file(status=Status.DONE)
    done = StatusEvent(case.ticket.uuid, Status.DONE, CREATED + timedelta(days=12), "sari")
    detail = TicketDetail(case.ticket, (*case.events, done), case.follow_ups, case.notes)
    case = replace(case, events=detail.events, sla=sla_lines(detail, WIB, AS_OF))
    text = pdf_text(build(case))
    assert "LEWAT TENGGAT" not in text
    assert "TERLEWATI" not in text
    assert "terpenuhi 12 Nov 2026" in text
    assert "selesai" in text


def test_empty_lists_say_so() -> None:
    text = pdf_text(build(case_file(events=(), follow_ups=(), notes=())))
    assert text.count("Tidak ada.") >= 2


def test_photos_become_thumbnails_and_missing_files_a_placeholder(tmp_path: Path) -> None:
    big = photo_file(tmp_path / "big.jpg", (4000, 3000))
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"\xff\xd8 not really a jpeg")
    photos = (
        CasePhoto("sampah-depan.jpg", "image/jpeg", big.stat().st_size, CREATED, big),
        CasePhoto("hilang.jpg", "image/jpeg", 5000, CREATED, None, "missing"),
        CasePhoto("diubah.jpg", "image/jpeg", 5000, CREATED, None, "damaged"),
        CasePhoto("rusak.jpg", "image/jpeg", 20, CREATED, broken),
        CasePhoto("surat.pdf", "application/pdf", 2048, CREATED, tmp_path / "surat.pdf"),
    )
    pdf = build(case_file(photos=photos))
    text = pdf_text(pdf)
    images = [image for page in reader(pdf).pages for image in page.images]
    assert len(images) == 1
    assert max(images[0].image.size) <= 640  # a thumbnail, not the 4000 px original
    assert len(pdf) < 150_000
    assert "sampah-depan.jpg" in text
    assert "hilang.jpg — berkas tidak ada di folder data" in text
    assert "diubah.jpg — berkas rusak" in text
    assert "rusak.jpg — gambar tidak dapat ditampilkan." in text
    assert "surat.pdf (application/pdf, 2 kB)" in text


def test_long_description_and_long_timeline_flow_over_pages() -> None:
    words = "Saluran air di depan rumah warga tersumbat lumpur dan sampah plastik. " * 135
    description = words + "AKHIR-URAIAN"
    notes = tuple(NoteEntry(CREATED + timedelta(days=3, minutes=i), "sari",
                            f"Catatan internal ke-{i} " + "panjang " * 30, True)
                  for i in range(300))
    huge = NoteEntry(CREATED + timedelta(days=5), "sari", "kata " * 2500 + "AKHIR-CATATAN", True)
    case = case_file(description=description, notes=(*notes, huge))
    start = time.perf_counter()
    pdf = build(case, include_internal_notes=True)
    elapsed = time.perf_counter() - start
    pages = page_texts(pdf)
    text = " ".join(pages)
    assert len(pages) > 10
    assert "AKHIR-URAIAN" in text  # the whole description, never cut with "…"
    assert "AKHIR-CATATAN" in text  # a note taller than a page splits across pages
    assert "Catatan internal ke-299" in text
    assert f"Halaman {len(pages)} dari {len(pages)}" in pages[-1]
    assert elapsed < 20  # about 1 s on a desk PC; generous for a loaded CI box
