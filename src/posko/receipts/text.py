"""Words and dates on paper, in Bahasa Indonesia (default) and English.

No locale is involved: day and month names are spelled out here, so a receipt reads the same
on any machine (an office PC set to English still prints "Sabtu, 28 November 2026").
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, tzinfo

ELLIPSIS = "…"

_DAYS = {
    "id": ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
_MONTHS = {
    "id": ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
           "September", "Oktober", "November", "Desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}
_SHORT_MONTHS = {
    "id": ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}

#: Every fixed text printed on receipts, slips and the recap: key -> (Bahasa, English).
LABELS: dict[str, tuple[str, str]] = {
    "title": ("TANDA TERIMA PENGADUAN", "COMPLAINT RECEIPT"),
    "chase_band": ("TINDAK LANJUT / MINTA PEMBARUAN", "FOLLOW-UP / UPDATE REQUEST"),
    "office_copy": ("SALINAN — ARSIP KECAMATAN", "COPY — KECAMATAN FILE"),
    "watermark": ("SALINAN", "COPY"),
    "posko": ("Posko Pengaduan", "Complaint Post"),
    "logo": ("LOGO", "LOGO"),
    "tracking_code": ("Kode pelacakan", "Tracking code"),
    "keep_receipt": ("Simpan tanda terima ini.", "Keep this receipt."),
    "date": ("Tanggal", "Date"),
    "officer": ("Petugas", "Officer"),
    "category": ("Kategori", "Category"),
    "location": ("Lokasi", "Location"),
    "address": ("Alamat", "Address"),
    "description": ("Uraian", "Description"),
    "reporter": ("Pelapor", "Reporter"),
    "nik": ("NIK", "NIK"),
    "phone": ("Telepon", "Phone"),
    "app_refs": ("Nomor aplikasi", "App report"),
    "anonymous": ("Anonim (identitas dirahasiakan)", "Anonymous (identity kept confidential)"),
    "kecamatan_reporter": ("Atas nama kecamatan", "On behalf of the kecamatan"),
    "promise": ("{label} paling lambat", "{label} by"),
    "verification": ("Verifikasi", "Verification"),
    "working_days": ("{n} hari kerja", "{n} working days"),
    "how_to_check": ("Cek status pengaduan", "Check the status"),
    "check_with_code": ("Sebutkan kode pelacakan:", "Quote the tracking code:"),
    "channel_phone": ("Telepon", "Phone"),
    "channel_sms": ("SMS", "SMS"),
    "channel_whatsapp": ("WhatsApp", "WhatsApp"),
    "channel_web": ("Web", "Web"),
    "sms_format": ("ketik CEK {code}", "type CEK {code}"),
    "scan_qr": ("Atau pindai kode QR ini.", "Or scan this QR code."),
    "chase_for": ("Tindak lanjut untuk laporan {ref}", "Follow-up for report {ref}"),
    "requested_by": ("Diminta oleh", "Requested by"),
    "current_status": ("Status saat ini", "Current status"),
    "last_update": ("Pembaruan terakhir", "Last update"),
    "no_update": ("belum ada pembaruan", "no update yet"),
    "chase_promise": ("Janji tindak lanjut", "Promised follow-up"),
    "promised_by": ("Dijanjikan paling lambat", "Promised by"),
    "signature_officer": ("Petugas,", "Officer,"),
    "signature_citizen": ("Pelapor,", "Citizen,"),
    "printed": ("Dicetak", "Printed"),
    "hidden": ("(disembunyikan)", "(hidden)"),
    "none": ("-", "-"),
    # queue slip
    "queue_title": ("NOMOR ANTREAN", "QUEUE NUMBER"),
    "queue_taken": ("Diambil", "Taken at"),
    "queue_wait": ("Mohon tunggu sampai nomor Anda dipanggil.",
                   "Please wait until your number is called."),
    # recap
    "recap_title": ("REKAP POSKO PENGADUAN", "COMPLAINT POST RECAP"),
    "recap_session": ("Sesi", "Session"),
    "recap_generated": ("Dibuat", "Generated"),
    "recap_page": ("Halaman {page} dari {pages}", "Page {page} of {pages}"),
    "recap_summary": ("Ringkasan", "Summary"),
    "recap_total": ("Tiket ditangani", "Tickets handled"),
    "recap_new": ("Pengaduan baru", "New complaints"),
    "recap_chases": ("Tindak lanjut", "Follow-ups"),
    "recap_overdue_total": ("Tiket lewat SLA (seluruh meja)", "Tickets past SLA (whole desk)"),
    "recap_queue": ("Antrean: dilayani / menunggu / lainnya",
                    "Queue: served / waiting / other"),
    "recap_by_category": ("Menurut kategori", "By category"),
    "recap_by_kelurahan": ("Menurut kelurahan", "By kelurahan"),
    "recap_by_origin": ("Menurut asal", "By origin"),
    "recap_by_status": ("Menurut status (saat ini)", "By status (current)"),
    "recap_chart": ("Tiket menurut kategori", "Tickets by category"),
    "recap_chart_rest": ("{n} kategori lain", "{n} other categories"),
    "recap_overdue": ("Tiket lewat SLA penyelesaian", "Tickets past the resolution SLA"),
    "recap_overdue_more": ("… dan {n} tiket lain (lihat CSV).", "… and {n} more (see the CSV)."),
    "recap_chase_list": ("Tindak lanjut dengan janji", "Follow-ups and their promises"),
    "recap_officers": ("Per petugas", "Per officer"),
    "recap_status_updates": ("Pembaruan status", "Status updates"),
    "recap_none": ("Tidak ada.", "None."),
    "col_item": ("Uraian", "Item"),
    "col_count": ("Jumlah", "Count"),
    "col_code": ("Kode", "Code"),
    "col_due": ("Batas", "Due"),
    "col_late": ("Lewat (hari)", "Late (days)"),
    "col_status": ("Status", "Status"),
    "col_ref": ("Laporan", "Report"),
    "col_promise": ("Janji", "Promise"),
    "col_promised_by": ("Paling lambat", "By"),
    "col_officer": ("Petugas", "Officer"),
    "origin_desk": ("Langsung di meja", "Walk-in at the desk"),
    "origin_assisted": ("Dibantu petugas", "Assisted by an officer"),
    "origin_chase": ("Tindak lanjut laporan aplikasi", "Follow-up of an app report"),
    "origin_app": ("Dari aplikasi", "From an app"),
}


def t(key: str, language: str, **values: object) -> str:
    """The label `key` in `language`, with `{name}` placeholders filled from `values`."""
    bahasa, english = LABELS[key]
    text = english if language == "en" else bahasa
    return text.format(**values) if values else text


def format_date(day: date, language: str) -> str:
    """``Sabtu, 28 November 2026`` / ``Saturday, 28 November 2026``."""
    lang = "en" if language == "en" else "id"
    return (f"{_DAYS[lang][day.weekday()]}, {day.day} {_MONTHS[lang][day.month - 1]} "
            f"{day.year}")


def format_short_date(day: date, language: str) -> str:
    """``28 Nov 2026`` (``28 Agu 2026`` in Bahasa)."""
    lang = "en" if language == "en" else "id"
    return f"{day.day} {_SHORT_MONTHS[lang][day.month - 1]} {day.year}"


def local(moment: datetime, zone: tzinfo) -> datetime:
    """`moment` in the desk's time zone (naive values are taken as UTC, as the store keeps)."""
    if moment.tzinfo is None:
        from datetime import UTC

        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(zone)


def zone_abbreviation(moment: datetime) -> str:
    """WIB / WITA / WIT for the Indonesian zones; the UTC offset for any other zone."""
    name = moment.tzname() or ""
    if name.isalpha():
        return name
    offset = moment.utcoffset()
    if offset is None:
        return ""
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def format_datetime(moment: datetime, zone: tzinfo, language: str) -> str:
    """``Sabtu, 28 November 2026, 09:15 WIB`` in the desk's time zone."""
    here = local(moment, zone)
    return f"{format_date(here.date(), language)}, {here:%H:%M} {zone_abbreviation(here)}"


def format_time(moment: datetime, zone: tzinfo) -> str:
    here = local(moment, zone)
    return f"{here:%H:%M} {zone_abbreviation(here)}"


_SPACE_RE = re.compile(r"\s+")


def clean(text: str | None) -> str:
    """One line of printable text: control characters dropped, whitespace runs collapsed."""
    if not text:
        return ""
    kept = "".join(
        " " if ch.isspace() else ch
        for ch in text
        if ch.isspace() or unicodedata.category(ch)[0] != "C"
    )
    return _SPACE_RE.sub(" ", unicodedata.normalize("NFC", kept)).strip()


def truncate(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters, at a word boundary where one is near, with
    "…" at the end when anything was cut."""
    if limit < 1:
        raise ValueError("limit must be >= 1")
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space >= limit * 2 // 3:  # a word boundary in the last third: cut there
        cut = cut[:space]
    return cut.rstrip(" ,.;:-") + ELLIPSIS
