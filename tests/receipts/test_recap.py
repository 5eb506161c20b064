"""The recap PDF and CSV, built from known figures (the store side is tested in
tests/store/test_recap.py)."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from posko.domain.status import Status
from posko.receipts import build_recap_pdf, recap_csv
from posko.store.recap import (
    ChaseSummary,
    Count,
    OfficerSummary,
    OverdueTicket,
    QueueSummary,
    Recap,
)
from tests.receipts.helpers import page_sizes, pdf_text

WIB = ZoneInfo("Asia/Jakarta")
DAY = date(2026, 11, 28)


def overdue(n: int) -> OverdueTicket:
    due = datetime(2026, 10, 1, 23, 59, tzinfo=WIB) + timedelta(days=n % 30)
    return OverdueTicket(tracking_code=f"8YXQ-{n:04d}-22AX"[:14], category="pju",
                         kelurahan_code="31.75.04.1005", status=Status.IN_PROGRESS,
                         created_at=due - timedelta(days=20), due_at=due,
                         days_late=(DAY - due.date()).days,
                         external_refs=("QLUE 99",) if n % 2 else ())


def recap(**changes: object) -> Recap:
    values: dict[str, object] = {
        "day": DAY, "kecamatan_code": "31.75.04", "timezone": "Asia/Jakarta",
        "as_of": datetime(2026, 11, 28, 23, 59, 59, tzinfo=WIB),
        "new_tickets": 7, "chased_tickets": 2,
        "by_category": (Count("sampah", 5), Count("pju", 3), Count("jalan_rusak", 1)),
        "by_kelurahan": (Count("31.75.04.1005", 6), Count("31.75.04.1004", 3)),
        "by_origin": (Count("desk", 5), Count("assisted", 2), Count("chase", 2)),
        "by_status": (Count("received", 7), Count("in_progress", 2)),
        "overdue": (overdue(1), overdue(2)),
        "chases": (ChaseSummary(tracking_code="8YXQ-2RMZ-2253", external_refs=("QLUE 1234567",),
                                asked_at=datetime(2026, 11, 28, 10, 0, tzinfo=WIB),
                                officer="sari", promise="=HYPERLINK(\"x\") diangkut Senin",
                                promised_by=date(2026, 12, 2), status=Status.DISPATCHED),),
        "officers": (OfficerSummary("budi", "Budi Santoso", 4, 1, 3),
                     OfficerSummary("sari", "Sari Đặng", 3, 1, 0)),
        "queue": QueueSummary(served=8, waiting=1, left=2),
    }
    values.update(changes)
    return Recap(**values)  # type: ignore[arg-type]


def test_pdf_holds_every_section_and_page_numbers() -> None:
    pdf = build_recap_pdf(recap(), generated_at=datetime(2026, 11, 28, 14, 0, tzinfo=WIB))
    text = pdf_text(pdf)
    assert page_sizes(pdf)[0] == pytest.approx((595.28, 841.89), abs=0.01)
    for expected in ("REKAP POSKO PENGADUAN", "Sabtu, 28 November 2026",
                     "Dibuat: Sabtu, 28 November 2026, 14:00 WIB",
                     "Tiket ditangani 9", "Pengaduan baru 7", "8 / 1 / 2",
                     "Sampah 5", "Penerangan jalan umum (PJU) 3", "Balekambang 6", "Batu Ampar 3",
                     "Langsung di meja 5", "Dibantu petugas 2", "diterima 7", "diproses 2",
                     "Tiket menurut kategori", "Budi Santoso (budi) 4 1 3", "Sari Đặng (sari)",
                     "QLUE 1234567", "2 Des 2026", "Tiket lewat SLA penyelesaian"):
        assert expected in text, expected
    pages = len(page_sizes(pdf))
    assert f"Halaman 1 dari {pages}" in text
    assert f"Halaman {pages} dari {pages}" in text


def test_long_overdue_lists_are_cut_in_the_pdf_with_a_pointer_to_the_csv() -> None:
    many = tuple(overdue(n) for n in range(150))
    pdf = build_recap_pdf(recap(overdue=many), overdue_limit=40)
    text = pdf_text(pdf)
    assert "… dan 110 tiket lain (lihat CSV)." in text
    assert len(page_sizes(pdf)) >= 2
    rows = list(csv.reader(io.StringIO(recap_csv(recap(overdue=many)))))
    assert sum(1 for r in rows if r[0] == "overdue") == 150


def test_an_empty_day() -> None:
    empty = recap(new_tickets=0, chased_tickets=0, by_category=(), by_kelurahan=(),
                  by_origin=(), by_status=(), overdue=(), chases=(), officers=(),
                  queue=QueueSummary())
    text = pdf_text(build_recap_pdf(empty, language="en"))
    assert "COMPLAINT POST RECAP" in text
    assert "Tickets handled 0" in text
    assert text.count("None.") >= 6
    assert "Page 1 of 1" in text


def test_csv_long_format_with_every_figure() -> None:
    text = recap_csv(recap())
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["bagian", "kunci", "label", "jumlah", "tanggal", "keterangan"]
    table = {(r[0], r[1]): r for r in rows[1:]}
    assert table[("summary", "total")][3] == "9"
    assert table[("category", "sampah")][2:4] == ["Sampah", "5"]
    assert table[("kelurahan", "31.75.04.1005")][2:4] == ["Balekambang", "6"]
    assert table[("origin", "chase")][3] == "2"
    assert table[("status", "in_progress")][2:4] == ["diproses", "2"]
    assert table[("officer_new", "budi")][3] == "4"
    assert table[("queue", "served")][3] == "8"
    chase = table[("chase", "8YXQ-2RMZ-2253")]
    assert chase[2] == "QLUE 1234567"
    assert chase[4] == "2026-12-02"
    # A promise that looks like a formula is defused for spreadsheets.
    assert chase[5].startswith("'=HYPERLINK")
    assert table[("overdue", overdue(1).tracking_code)][4] == overdue(1).due_at.date().isoformat()


def test_csv_in_english() -> None:
    rows = list(csv.reader(io.StringIO(recap_csv(recap(), language="en"))))
    assert rows[0] == ["section", "key", "label", "count", "date", "detail"]
    assert ["category", "sampah", "Waste and litter", "5", "2026-11-28", ""] in rows
