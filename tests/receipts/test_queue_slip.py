"""Queue slips: kecamatan, date, a big number, the time taken."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from posko.domain.errors import PoskoError
from posko.receipts import PaperSize, ReceiptSettings, build_queue_slip, format_queue_number
from tests.receipts.helpers import page_sizes, pdf_text, text_runs

TAKEN = datetime(2026, 11, 28, 1, 5, tzinfo=UTC)  # 08:05 WIB


@pytest.mark.parametrize("size", list(PaperSize))
def test_slip_shows_kecamatan_date_number_and_time(size: PaperSize) -> None:
    pdf = build_queue_slip(12, TAKEN, "31.75.04", ReceiptSettings(size=size))
    text = pdf_text(pdf)
    assert "KECAMATAN KRAMATJATI" in text
    assert "NOMOR ANTREAN" in text
    assert "Sabtu, 28 November 2026" in text
    assert "Diambil: 08:05 WIB" in text
    number = [r for r in text_runs(pdf) if r.text == "012"]
    assert number
    assert number[0].size >= 60
    assert len(page_sizes(pdf)) == 1
    if size.is_roll:
        assert page_sizes(pdf)[0][0] == pytest.approx(size.width)


def test_english_slip_in_another_time_zone() -> None:
    settings = ReceiptSettings(language="en", timezone=ZoneInfo("Asia/Makassar"))
    text = pdf_text(build_queue_slip(7, TAKEN, "73.71.01", settings))
    assert "QUEUE NUMBER" in text
    assert "KECAMATAN MARISO" in text
    assert "Taken at: 09:05 WITA" in text
    assert "007" in text


def test_big_numbers_fit_the_roll() -> None:
    pdf = build_queue_slip(12345, TAKEN, "31.75.04", ReceiptSettings())
    run = next(r for r in text_runs(pdf) if r.text == "12345")
    assert run.size <= 72
    assert format_queue_number(5) == "005"
    assert format_queue_number(1000) == "1000"


def test_unknown_kecamatan_still_prints_the_code() -> None:
    assert "KECAMATAN 99.99.99" in pdf_text(build_queue_slip(1, TAKEN, "99.99.99"))


@pytest.mark.parametrize("number", [0, -3])
def test_queue_numbers_start_at_one(number: int) -> None:
    with pytest.raises(PoskoError):
        build_queue_slip(number, TAKEN, "31.75.04")
