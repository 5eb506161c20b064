"""Receipts read back as a citizen and a privacy auditor would: every layout, with long, empty
and non-ASCII tickets; the code, the masked NIK (never the full one), the promise, the QR."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from posko.domain.models import ExternalRef, Origin, Reporter, ReporterKind
from posko.domain.sla import SlaPolicy, SlaTier, WorkingCalendar
from posko.domain.status import Status
from posko.receipts import (
    KecamatanContact,
    PaperSize,
    ReceiptSettings,
    build_chase_receipt,
    build_receipt,
    promise_for,
)
from posko.receipts.layout import METRICS
from posko.receipts.receipt import masked_nik, masked_phone
from tests.receipts.helpers import (
    CODE,
    LONG_DESCRIPTION,
    MASKED_NIK,
    MASKED_PHONE,
    NIK,
    NON_ASCII_NAME,
    PHONE,
    UNBROKEN,
    chase,
    decode_qr,
    dispatched,
    empty_ticket,
    font_names,
    long_ticket,
    non_ascii_ticket,
    page_sizes,
    pdf_text,
    text_runs,
    ticket,
)

SIZES = list(PaperSize)
TICKETS = {"typical": ticket, "long": long_ticket, "empty": empty_ticket,
           "non_ascii": non_ascii_ticket}
STATUS_URL = f"https://posko.example/cek?kode={CODE}"
MM = 72 / 25.4


def digits_only(text: str) -> str:
    return re.sub(r"\D", "", text)


def has_field(text: str, label: str, value: str) -> bool:
    """"Label: value" on a roll, "Label value" in a sheet's two-column table."""
    return f"{label}: {value}" in text or f"{label} {value}" in text


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("kind", list(TICKETS))
def test_every_layout_prints_code_masked_data_promise_and_qr(size: PaperSize, kind: str) -> None:
    t = TICKETS[kind]()
    pdf = build_receipt(t, ReceiptSettings(size=size))
    text = pdf_text(pdf)
    assert "TANDA TERIMA PENGADUAN" in text
    assert "KECAMATAN KRAMATJATI" in text
    assert CODE in text
    assert "Verifikasi paling lambat: Rabu, 2 Desember 2026" in text
    assert "Sabtu, 28 November 2026, 09:15 WIB" in text
    # Personal data: the NIK and the phone number never appear whole, in any form.
    assert NIK not in text
    assert NIK not in digits_only(text)
    assert "670880" not in digits_only(text)  # the birth date hidden in the NIK
    assert "81234567890" not in digits_only(text)
    if t.reporter.nik:
        assert MASKED_NIK in text
        assert MASKED_PHONE in text
    else:
        assert has_field(text, "NIK", "-")
    assert decode_qr(pdf) == [STATUS_URL]
    if size.is_roll:
        assert len(page_sizes(pdf)) == 1
        assert page_sizes(pdf)[0][0] == pytest.approx(size.width)
    else:
        expected = (419.53, 595.28) if size is PaperSize.A5 else (595.28, 841.89)
        assert page_sizes(pdf) == [pytest.approx(expected, abs=0.01)]


@pytest.mark.parametrize("size", SIZES)
def test_non_ascii_names_print_as_typed_in_the_embedded_font(size: PaperSize) -> None:
    pdf = build_receipt(non_ascii_ticket(), ReceiptSettings(size=size))
    text = pdf_text(pdf)
    assert NON_ASCII_NAME in text
    assert "Jl. Ğül <Đặng> & Ñoño № 7" in text
    assert "«tolong»" in text
    assert "<b>&amp;</b>" in text
    embedded = {name.split("+", 1)[-1] for name in font_names(pdf)} - {"/Helvetica"}
    assert embedded == {"DejaVuSans", "DejaVuSans-Bold"}


@pytest.mark.parametrize("size", SIZES)
def test_long_fields_are_wrapped_and_cut_with_an_ellipsis(size: PaperSize) -> None:
    pdf = build_receipt(long_ticket(), ReceiptSettings(size=size))
    text = pdf_text(pdf)
    assert "…" in text
    assert "AKHIR-URAIAN" not in text
    limit = METRICS[size].description_limit
    start = text.index("Uraian:") + len("Uraian:")
    printed = text[start:text.index("…", start) + 1].strip()
    assert len(printed) <= limit + 10  # wrapping adds spaces for the line breaks at most
    assert LONG_DESCRIPTION[:40] in printed
    assert UNBROKEN not in text  # the unbroken run is cut too, never overflows the paper
    assert "QLUE 1234564" in text


def test_a_long_receipt_makes_a_longer_roll_and_sheets_stay_one_page() -> None:
    for size in (PaperSize.THERMAL_58, PaperSize.THERMAL_80):
        short = page_sizes(build_receipt(empty_ticket(), ReceiptSettings(size=size)))[0][1]
        long = page_sizes(build_receipt(long_ticket(), ReceiptSettings(size=size)))[0][1]
        assert long > short + 50
    for size in (PaperSize.A5, PaperSize.A4):
        assert len(page_sizes(build_receipt(long_ticket(), ReceiptSettings(size=size)))) == 1


@pytest.mark.parametrize(("size", "minimum"), [
    (PaperSize.THERMAL_58, 16), (PaperSize.THERMAL_80, 16), (PaperSize.A5, 24),
    (PaperSize.A4, 24)])
@pytest.mark.parametrize("code", [CODE, "WWWW-MMMM-WWWW", "2222-2222-2222"])
@pytest.mark.parametrize("kind", ["typical", "long", "long_chase"])
def test_the_tracking_code_is_very_large(size: PaperSize, minimum: float, code: str,
                                         kind: str) -> None:
    t = replace(TICKETS[kind.removesuffix("_chase")](), tracking_code=code)
    settings = ReceiptSettings(size=size, office_copy=True)
    if kind.endswith("_chase"):
        pdf = build_chase_receipt(t, chase(t), (dispatched(t),), settings)
    else:
        pdf = build_receipt(t, settings)
    groups = set(code.split("-"))
    big = [r for r in text_runs(pdf) if r.text == code or r.text in groups]
    assert big, "tracking code not found as its own text run"
    largest = max(r.size for r in big)
    assert largest >= minimum
    # Every group is printed at that size (one line, or one group per line on 58 mm).
    printed = {r.text for r in big if r.size == largest}
    assert printed == {code} or printed == groups


def test_anonymous_and_kecamatan_reporters_print_their_kind_not_a_name() -> None:
    anonymous = ticket(reporter=Reporter(kind=ReporterKind.ANONYMOUS, name="Rahasia Sekali",
                                         nik=NIK))
    text = pdf_text(build_receipt(anonymous))
    assert "Anonim (identitas dirahasiakan)" in text
    assert "Rahasia Sekali" not in text
    assert MASKED_NIK in text
    own = ticket(reporter=Reporter(kind=ReporterKind.KECAMATAN), origin=Origin.DESK)
    text = pdf_text(build_receipt(own, ReceiptSettings(language="en")))
    assert "On behalf of the kecamatan" in text


def test_english_variant() -> None:
    pdf = build_receipt(ticket(), ReceiptSettings(size=PaperSize.A5, language="en"))
    text = pdf_text(pdf)
    assert "COMPLAINT RECEIPT" in text
    assert "Verification by: Wednesday, 2 December 2026 (3 working days)" in text
    assert "Saturday, 28 November 2026, 09:15 WIB" in text
    assert "Check the status" in text
    assert "TANDA TERIMA" not in text


def test_office_copy_says_salinan_and_the_citizen_copy_does_not() -> None:
    for size in SIZES:
        assert "SALINAN" in pdf_text(build_receipt(ticket(), ReceiptSettings(size=size,
                                                                             office_copy=True)))
        assert "SALINAN" not in pdf_text(build_receipt(ticket(), ReceiptSettings(size=size)))


def test_external_refs_and_check_channels_are_listed() -> None:
    t = ticket(external_refs=(ExternalRef.parse("QLUE 1234567"), ExternalRef.parse("LAPOR 55")))
    contact = KecamatanContact(phone="(021) 8090-1234", sms="0811-111-222", whatsapp="0822-333-444",
                               web="kramatjati.example/cek", status_url_template="")
    text = pdf_text(build_receipt(t, ReceiptSettings(size=PaperSize.THERMAL_80,
                                                     contact=contact)))
    assert has_field(text, "Nomor aplikasi", "QLUE 1234567, LAPOR 55")
    assert "Telepon: (021) 8090-1234" in text
    assert f"SMS: 0811-111-222 (ketik CEK {CODE})" in text
    assert "WhatsApp: 0822-333-444" in text
    assert "Web: kramatjati.example/cek" in text


def test_without_a_status_page_the_qr_holds_the_code() -> None:
    contact = KecamatanContact(status_url_template="")
    pdf = build_receipt(ticket(), ReceiptSettings(contact=contact))
    assert decode_qr(pdf) == [CODE]


def test_empty_channels_are_left_off() -> None:
    contact = KecamatanContact(phone="", sms="", whatsapp="", web="")
    text = pdf_text(build_receipt(ticket(), ReceiptSettings(contact=contact)))
    for word in ("Telepon: (", "SMS", "WhatsApp", "Web:"):
        assert word not in text
    assert f"Sebutkan kode pelacakan: {CODE}" in text


def test_empty_fields_print_a_dash() -> None:
    text = pdf_text(build_receipt(empty_ticket(), ReceiptSettings(size=PaperSize.A4)))
    assert "Kelurahan Balekambang, RT - / RW -" in text
    assert has_field(text, "Alamat", "-")
    assert has_field(text, "Petugas", "-")
    assert has_field(text, "Telepon", "-")
    assert "Jalan rusak" in text


def test_a_malformed_stored_nik_is_hidden_not_printed() -> None:
    assert masked_nik("31750467", "id") == "(disembunyikan)"
    assert masked_nik(None, "en") == "-"
    assert masked_nik(NIK, "id") == MASKED_NIK
    assert masked_phone("12", "en") == "(hidden)"
    assert masked_phone(PHONE, "id") == MASKED_PHONE


# --------------------------------------------------------------------------- the SLA promise


def test_the_promise_counts_from_the_local_day_not_the_utc_day() -> None:
    # Tuesday 24 Nov 23:30 UTC is Wednesday 25 Nov 06:30 WIB: three working days from
    # Wednesday is Monday 30 Nov (counted from Tuesday it would be Friday 27 Nov).
    t = ticket(created_at=datetime(2026, 11, 24, 23, 30, tzinfo=UTC))
    promise = promise_for(t)
    assert promise.due_date == date(2026, 11, 30)
    text = pdf_text(build_receipt(t))
    assert "Verifikasi paling lambat: Senin, 30 November 2026" in text
    assert "Rabu, 25 November 2026, 06:30 WIB" in text


def test_the_desk_time_zone_is_printed() -> None:
    settings = ReceiptSettings(timezone=ZoneInfo("Asia/Makassar"))
    assert "Sabtu, 28 November 2026, 10:15 WITA" in pdf_text(build_receipt(ticket(), settings))
    settings = ReceiptSettings(timezone=ZoneInfo("Asia/Jayapura"), language="en")
    assert "11:15 WIT" in pdf_text(build_receipt(ticket(), settings))


def test_the_promise_skips_holidays_from_the_calendar() -> None:
    calendar = WorkingCalendar(extra_holidays={date(2026, 11, 30): "Libur daerah"})
    promise = promise_for(ticket(), ReceiptSettings(calendar=calendar))
    assert promise.due_date == date(2026, 12, 3)
    text = pdf_text(build_receipt(ticket(), ReceiptSettings(calendar=calendar)))
    assert "Verifikasi paling lambat: Kamis, 3 Desember 2026" in text


def test_a_policy_without_verification_promises_its_first_tier() -> None:
    policy = SlaPolicy((SlaTier("lurah_response", "Tanggapan lurah", "Lurah's response", 24,
                                "hours"),))
    promise = promise_for(ticket(), ReceiptSettings(policy=policy))
    assert promise.label == "Tanggapan lurah"
    assert promise.due == datetime(2026, 11, 29, 9, 15, tzinfo=ZoneInfo("Asia/Jakarta"))
    text = pdf_text(build_receipt(ticket(), ReceiptSettings(policy=policy)))
    assert "Tanggapan lurah paling lambat: Minggu, 29 November 2026" in text
    assert "hari kerja" not in text


# --------------------------------------------------------------------------- chase receipt


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("kind", list(TICKETS))
def test_chase_receipt_every_layout(size: PaperSize, kind: str) -> None:
    t = replace(TICKETS[kind](), status=Status.DISPATCHED)
    if not t.external_refs:
        t = replace(t, external_refs=(ExternalRef.parse("QLUE 1234567"),))
    follow_up = chase(t)
    pdf = build_chase_receipt(t, follow_up, (dispatched(t),), ReceiptSettings(size=size))
    text = pdf_text(pdf)
    assert "Tindak lanjut untuk laporan QLUE" in text
    assert CODE in text
    assert has_field(text, "Status saat ini", "didisposisikan")
    assert "Jumat, 20 November 2026, 10:00 WIB — didisposisikan" in text
    assert "Janji tindak lanjut: Dinas LH dihubungi ulang, sampah diangkut" in text
    assert "Dijanjikan paling lambat: Rabu, 2 Desember 2026" in text
    assert has_field(text, "Diminta oleh", "Pak Slamet")
    assert "Sabtu, 28 November 2026, 10:00 WIB" in text
    # The chase receipt names who asked, not the original reporter.
    assert MASKED_NIK not in text
    assert NIK not in digits_only(text)
    assert NON_ASCII_NAME not in text
    assert "Siti Aminah" not in text
    assert decode_qr(pdf) == [STATUS_URL]
    if not size.is_roll:
        assert len(page_sizes(pdf)) == 1


def test_chase_line_for_every_app_ref_and_for_a_ticket_without_refs() -> None:
    t = ticket(external_refs=(ExternalRef.parse("QLUE 1234567"),
                              ExternalRef.parse("JAKI 52000988")))
    text = pdf_text(build_chase_receipt(t, chase(t)))
    assert "Tindak lanjut untuk laporan QLUE 1234567, JAKI 52000988" in text
    bare = ticket()
    assert f"Tindak lanjut untuk laporan {CODE}" in pdf_text(build_chase_receipt(bare,
                                                                                 chase(bare)))


def test_chase_without_events_promise_date_or_requester() -> None:
    t = ticket(external_refs=(ExternalRef.parse("QLUE 1234567"),))
    follow_up = chase(t, promised_by=None, requested_by="", promise="")
    text = pdf_text(build_chase_receipt(t, follow_up, (), ReceiptSettings(language="en")))
    assert "Follow-up for report QLUE 1234567" in text
    assert has_field(text, "Last update", "no update yet")
    assert "Promised follow-up: -" in text
    assert "Promised by" not in text
    assert has_field(text, "Requested by", "-")


def test_chase_uses_the_latest_event() -> None:
    t = ticket()
    older = dispatched(t)
    newer = replace(older, status=Status.IN_PROGRESS, at=datetime(2026, 11, 25, 2, 0, tzinfo=UTC),
                    note="")
    text = pdf_text(build_chase_receipt(t, chase(t), (newer, older)))
    assert "Rabu, 25 November 2026, 09:00 WIB — diproses" in text


def test_the_title_holds_no_personal_data() -> None:
    reader_title = __import__("pypdf").PdfReader(
        __import__("io").BytesIO(build_receipt(non_ascii_ticket()))).metadata.title
    assert CODE in reader_title
    assert "Ñoño" not in reader_title
